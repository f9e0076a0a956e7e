"""The knowledge base is handed to extraction and ingest, never imported by them: a test
runs the whole pipeline with a three-entry knowledge base of its own."""

import datetime as dt

import pytest
import yaml

from diplograph import api
from diplograph.extract.pipeline import extract
from diplograph.model import Document
from diplograph.resolve.gazetteer import build_gazetteer
from diplograph.resolve.kb import load_kb

TEXT = (
    "Foreign Minister Zora Velkan met Sergey Lavrov at the Quillon Forum in Geneva on "
    "Monday, the Quillon Forum said."
)


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kb")
    entries = {
        "persons.yaml": [
            {
                "id": "zora-velkan",
                "wikidata": None,
                "country": "AT",
                "names": {"en": ["Zora Velkan", "Velkan"], "ar": ["زورا فيلكان"]},
            },
            {
                "id": "anton-mirsky",
                "wikidata": None,
                "country": "PL",
                "names": {"en": ["Anton Mirsky"], "ru": ["Антон Мирский"]},
            },
        ],
        "organizations.yaml": [
            {
                "id": "quillon-forum",
                "wikidata": None,
                "country": None,
                "names": {"en": ["Quillon Forum"]},
            }
        ],
        "country_ids.yaml": {},
        "offices.yaml": {"country_titles": {}},
    }
    for name, data in entries.items():
        (folder / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    gazetteer = build_gazetteer(load_kb(folder))
    gazetteer.names.build()
    return gazetteer


def test_extraction_links_names_to_the_knowledge_base_it_is_handed(small):
    extraction = extract(
        Document(text=TEXT, lang="en", published=dt.date(2022, 1, 11)), gazetteer=small
    )
    linked = {m.entity for m in extraction.mentions}
    assert {"person/zora-velkan", "organization/quillon-forum", "place/2660646"} <= linked
    # Lavrov is in the project's knowledge base, not in this one
    assert "person/sergey-lavrov" not in linked


def test_ingest_with_a_small_knowledge_base(small, tmp_path):
    document = Document(text=TEXT, lang="en", published=dt.date(2022, 1, 11))
    report = api.ingest_documents([document], store=tmp_path / "s", gazetteer=small)
    assert report.added == 1
    rows = api.query(
        "PREFIX dip: <https://w3id.org/diplograph/ontology#> "
        "SELECT ?who WHERE { ?m a dip:Meeting ; dip:participant ?who }",
        store=tmp_path / "s",
    )
    assert "https://w3id.org/diplograph/id/person/zora-velkan" in {str(r["who"]) for r in rows}
