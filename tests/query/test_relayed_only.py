"""Facts known only through one relay: "which statements do we have only through Sputnik?"."""

import datetime as dt

from diplograph import api
from diplograph.model import Document

DAY = dt.date(2022, 1, 11)

THROUGH_SPUTNIK = Document(
    text="Sputnik reported on Tuesday, citing the Russian Foreign Ministry, that talks would "
    "resume.",
    lang="en",
    published=DAY,
)
ONLY_THROUGH_SPUTNIK = Document(
    text="ونقلت وكالة سبوتنيك عن وزارة الخارجية التركية قولها إن المحادثات ستستأنف.",
    lang="ar",
    published=DAY,
)
DIRECT_RU = Document(
    text="Министерство иностранных дел России заявило во вторник, что переговоры продолжатся.",
    lang="ru",
    published=DAY,
)


def test_statements_known_only_through_one_relay_in_any_script(tmp_path):
    store = tmp_path / "s"
    api.ingest_documents([THROUGH_SPUTNIK, ONLY_THROUGH_SPUTNIK, DIRECT_RU], store=store)
    for name in ("Sputnik", "سبوتنيك", "sputnik"):
        rows = api.query("relayed_only", store=store, params={"relay": name})
        speakers = {str(row["speaker"]).rsplit("/", 1)[-1] for row in rows}
        # the Russian ministry also spoke directly that day (the Russian article): not
        # known only through Sputnik; the Turkish one is
        assert speakers == {"turkish-ministry-of-foreign-affairs"}, (name, rows)


def test_a_relay_with_a_hostile_name_finds_nothing_and_changes_nothing(tmp_path):
    store = tmp_path / "s"
    api.ingest_documents([THROUGH_SPUTNIK], store=store)
    before = api.stats(store=store)["quads"]
    for name in ('Sputnik" } ; DELETE WHERE { ?s ?p ?o } #', "{}", "<urn:x>", "?through"):
        assert api.query("relayed_only", store=store, params={"relay": name}) == []
    # invisible direction marks around a name are folded away like case and accents
    marked = api.query("relayed_only", store=store, params={"relay": "\u200fسبوتنيك\u200f"})
    assert marked == api.query("relayed_only", store=store, params={"relay": "Sputnik"}) != []
    assert api.stats(store=store)["quads"] == before
