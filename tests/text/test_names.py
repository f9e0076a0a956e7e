"""One person across scripts: a name's key, and the node it gives a person the knowledge
base does not know."""

import datetime as dt

import pytest

from diplograph import api
from diplograph.model import Document
from diplograph.text.names import name_key

TUESDAY = dt.date(2022, 1, 11)


@pytest.mark.parametrize(
    "names",
    [
        ("Oleg Varnavin", "Олег Варнавин", "أوليغ فارنافين"),
        ("Ayman Safadi", "Айман Сафади", "أيمن الصفدي"),
        ("Sergei Ryabkov", "Сергей Рябков", "سيرغي ريابكوف"),
        ("Alexander Grushko", "Александр Грушко", "ألكسندر جروشكو", "ألكسندر غروشكو"),
    ],
)
def test_one_name_in_three_scripts_has_one_key(names):
    assert len({name_key(name) for name in names}) == 1


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Oleg Varnavin", "Pavel Varnavin"),  # a surname shared by two people
        ("Oleg Varnavin", "Oleg Vartanov"),
        ("Олег Варнавин", "Павел Варнавин"),
    ],
)
def test_two_people_sharing_a_surname_have_two_keys(a, b):
    assert name_key(a) != name_key(b)


ARTICLES = [
    Document(
        text="Russian Deputy Foreign Minister Oleg Varnavin met the Swiss ambassador in "
        "Bern on Monday.",
        lang="en",
        published=TUESDAY,
    ),
    Document(
        text="Заместитель министра иностранных дел России Олег Варнавин в понедельник "
        "встретился с послом Швейцарии в Берне.",
        lang="ru",
        published=TUESDAY,
    ),
    Document(
        text="والتقى نائب وزير الخارجية الروسي أوليغ فارنافين السفير السويسري في برن يوم الاثنين.",
        lang="ar",
        published=TUESDAY,
    ),
    Document(
        text="Russian Deputy Defence Minister Pavel Varnavin visited Minsk on Monday.",
        lang="en",
        published=TUESDAY,
    ),
]

PERSONS = """
PREFIX dip: <https://w3id.org/diplograph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?person (COUNT(DISTINCT ?doc) AS ?articles)
       (GROUP_CONCAT(DISTINCT ?label; separator="|") AS ?labels)
WHERE { GRAPH ?doc { ?doc dip:mentions ?person } ?person a dip:Person ; rdfs:label ?label }
GROUP BY ?person
"""


def test_a_person_the_knowledge_base_does_not_know_is_one_node_across_scripts(tmp_path):
    api.ingest_documents(ARTICLES, store=tmp_path / "s")
    rows = api.query(PERSONS, store=tmp_path / "s")
    by_labels = {str(row["labels"]): int(row["articles"]) for row in rows}
    oleg = next(labels for labels in by_labels if "Oleg Varnavin" in labels)
    assert by_labels[oleg] == 3
    assert {"Oleg Varnavin", "Олег Варнавин", "أوليغ فارنافين"} <= set(oleg.split("|"))
    # his namesake is another person
    assert any("Pavel Varnavin" in labels and "Oleg" not in labels for labels in by_labels)
