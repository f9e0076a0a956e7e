"""Meeting nodes in the store: one per meeting, shared by the reports of several articles."""

import datetime as dt

from diplograph import api
from diplograph.model import Document

QUERY = """
PREFIX dip: <https://w3id.org/diplograph/ontology#>
SELECT ?meeting (COUNT(DISTINCT ?g) AS ?reports) WHERE {
  GRAPH ?g { ?meeting a dip:Meeting ; dip:participant ?who }
} GROUP BY ?meeting
"""

LAVROV_IN_CAIRO = (
    "CAIRO, March 14 - Russian Foreign Minister Sergei Lavrov held talks with Egyptian "
    "President Abdel Fattah al-Sisi on Monday. Lavrov later met his Egyptian counterpart "
    "Sameh Shoukry."
)
ANOTHER_REPORT = (
    "Egyptian President Abdel Fattah al-Sisi received Russian Foreign Minister Sergei "
    "Lavrov in Cairo on Monday."
)


def test_two_meetings_of_one_day_in_one_city_are_two_nodes_and_reports_share_the_first(
    tmp_path,
):
    published = dt.date(2022, 3, 14)
    docs = [
        Document(text=LAVROV_IN_CAIRO, lang="en", published=published),
        Document(text=ANOTHER_REPORT, lang="en", published=published),
    ]
    api.ingest_documents(docs, store=tmp_path / "store")
    rows = api.query(QUERY, store=tmp_path / "store")
    reports = sorted(int(row["reports"].value) for row in rows)
    assert reports == [1, 2]
