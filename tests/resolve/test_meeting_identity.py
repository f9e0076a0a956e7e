"""Which reports of meetings are one meeting: across articles, languages and ingest runs."""

import datetime as dt
import itertools

import pytest

from diplograph import api
from diplograph.model import DateRange, Document
from diplograph.rdf.store import open_store
from diplograph.resolve.meetings import Report, assign, plain_key

MONDAY = dt.date(2022, 1, 10)
TUESDAY = dt.date(2022, 1, 11)

GENEVA = Document(
    text="Russian Deputy Foreign Minister Sergei Ryabkov met US Deputy Secretary of State "
    "Wendy Sherman in Geneva on Monday.",
    lang="en",
    published=TUESDAY,
)
NO_CITY_FR = Document(
    text="Le vice-ministre russe des Affaires étrangères Sergueï Riabkov a rencontré lundi la "
    "secrétaire d'État adjointe américaine Wendy Sherman.",
    lang="fr",
    published=TUESDAY,
)
NO_CITY_AR = Document(
    text="وقال نائب وزير الخارجية الروسي سيرغي ريابكوف إنه التقى نائبة وزير الخارجية الأمريكية "
    "ويندي شيرمان يوم الاثنين.",
    lang="ar",
    published=TUESDAY,
)
PLANNED = Document(
    text="Ryabkov and Sherman will meet in Geneva next week, the ministry said.",
    lang="en",
    published=dt.date(2022, 1, 3),
)
OTHER_SIDES_IN_VIENNA = Document(
    text="Turkish Foreign Minister Mevlut Cavusoglu met his Iranian counterpart in Vienna on "
    "Monday.",
    lang="en",
    published=TUESDAY,
)
SAME_SIDES_IN_VIENNA = Document(
    text="Russian and American diplomats held talks in Vienna on Monday.",
    lang="en",
    published=TUESDAY,
)

NODES = """
PREFIX dip: <https://w3id.org/diplograph/ontology#>
SELECT ?meeting (COUNT(DISTINCT ?g) AS ?reports) WHERE {
  GRAPH ?g { ?meeting a dip:Meeting }
} GROUP BY ?meeting
"""


TUESDAY_REPORT = Document(
    text="Sergei Ryabkov and Wendy Sherman held talks in Geneva on Tuesday.",
    lang="en",
    published=dt.date(2022, 1, 12),
)
BOTH_DAYS = Document(
    text="Ryabkov met Sherman in Geneva on Monday. The two met again in Geneva on Tuesday.",
    lang="en",
    published=dt.date(2022, 1, 12),
)
WEDNESDAY_REPORT = Document(
    text="Sergei Ryabkov and Wendy Sherman held more talks in Geneva on Wednesday.",
    lang="en",
    published=dt.date(2022, 1, 13),
)


def reports_per_node(store) -> list[int]:
    return sorted(int(row["reports"].value) for row in api.query(NODES, store=store))


def test_one_meeting_told_in_three_languages_one_without_its_city_is_one_node(tmp_path):
    api.ingest_documents([GENEVA, NO_CITY_FR, NO_CITY_AR], store=tmp_path / "s")
    assert reports_per_node(tmp_path / "s") == [3]


PLANNED_OTHER_SPAN = Document(
    text="Ryabkov and Sherman are to meet in Geneva between January 9 and 11, the ministry said.",
    lang="en",
    published=dt.date(2022, 1, 4),
)


def test_a_planned_meeting_and_the_meeting_held_are_one_node(tmp_path):
    api.ingest_documents([PLANNED, PLANNED_OTHER_SPAN, GENEVA], store=tmp_path / "s")
    assert reports_per_node(tmp_path / "s") == [3]
    # the node carries the day and each article's span, all holding the day
    assert api.validate(store=tmp_path / "s").conforms


def test_two_meetings_on_one_day_in_two_cities_stay_two(tmp_path):
    api.ingest_documents([GENEVA, OTHER_SIDES_IN_VIENNA, NO_CITY_FR], store=tmp_path / "s")
    # the report without a city joins Geneva: the Vienna meeting had other sides
    assert reports_per_node(tmp_path / "s") == [1, 2]


def test_a_report_without_a_city_that_fits_two_meetings_joins_neither(tmp_path):
    api.ingest_documents([GENEVA, SAME_SIDES_IN_VIENNA, NO_CITY_FR], store=tmp_path / "s")
    assert reports_per_node(tmp_path / "s") == [1, 1, 1]


def test_an_article_added_later_moves_earlier_reports_onto_its_meeting(tmp_path):
    store = tmp_path / "s"
    api.ingest_documents([NO_CITY_FR, NO_CITY_AR], store=store)
    assert reports_per_node(store) == [2]
    report = api.ingest_documents([GENEVA], store=store)
    assert report.moved == 2
    assert reports_per_node(store) == [3]
    # and a fourth that makes the day ambiguous moves them off again
    report = api.ingest_documents([SAME_SIDES_IN_VIENNA], store=store)
    assert report.moved == 2
    assert reports_per_node(store) == [1, 1, 2]
    assert api.validate(store=store).conforms


ORDERED = [GENEVA, NO_CITY_FR, PLANNED, OTHER_SIDES_IN_VIENNA, TUESDAY_REPORT]


@pytest.mark.parametrize("order", list(itertools.permutations(ORDERED))[::23])
def test_the_graph_is_the_same_whatever_the_order_and_the_runs(tmp_path, order):
    together = tmp_path / "together"
    api.ingest_documents(ORDERED, store=together)
    one_by_one = tmp_path / "one-by-one"
    for document in order:
        api.ingest_documents([document], store=one_by_one)
    with open_store(together, read_only=True) as a, open_store(one_by_one, read_only=True) as b:
        assert a.sorted_nquads() == b.sorted_nquads()


def report(document, day, place, *sides, until=None):
    date = DateRange(start=day, end=until or day)
    key = plain_key(date, place, sides)
    return Report(document, key, date, place, frozenset(sides), own=key)


def test_a_loose_report_does_not_join_a_meeting_its_own_article_already_reports():
    anchor = report("a", MONDAY, "place/geneva", "country/RU", "country/US")
    again = report("a", MONDAY, None, "country/RU", "country/US")
    assert assign([anchor, again])[again] == again.own


def test_one_shared_side_is_not_enough_when_both_name_several():
    anchor = report("a", MONDAY, "place/geneva", "country/RU", "country/US")
    loose = report("b", MONDAY, None, "country/RU", "country/TR")
    assert assign([anchor, loose])[loose] == loose.own
    single = report("c", MONDAY, None, "country/RU")
    assert assign([anchor, single])[single] == anchor.key


def test_a_span_of_days_joins_the_one_meeting_inside_it_in_its_city():
    anchor = report("a", MONDAY, "place/geneva", "country/RU", "country/US")
    week = report("b", MONDAY, "place/geneva", "country/RU", "country/US", until=TUESDAY)
    elsewhere = report("c", MONDAY, "place/vienna", "country/RU", "country/US", until=TUESDAY)
    assigned = assign([anchor, week, elsewhere])
    assert assigned[week] == anchor.key and assigned[elsewhere] == elsewhere.own


def test_a_stored_report_on_a_node_no_article_gives_any_more_returns_to_its_own():
    week = report("b", MONDAY, None, "country/RU", "country/US", until=TUESDAY)
    stored = Report("b", "gone-anchor", week.date, None, week.sides)
    assert assign([stored], retired={"gone-anchor"})[stored] == week.own
    kept_apart = Report("b", "its-article-only", week.date, None, week.sides)
    assert assign([kept_apart])[kept_apart] == "its-article-only"


def test_stats_count_reports_against_nodes(tmp_path):
    api.ingest_documents([GENEVA, NO_CITY_FR, NO_CITY_AR], store=tmp_path / "s")
    counts = api.stats(store=tmp_path / "s")
    assert (counts["meetings_reported"], counts["meetings_nodes"]) == (3, 1)
    # Ryabkov, Sherman, Russia and the United States, named by all three articles
    assert counts["actors_reported"] == 12 and counts["actors_nodes"] == 4


def test_a_participant_only_one_of_several_reports_names_is_listed_with_its_source(tmp_path):
    only_here = Document(
        text="Sergei Ryabkov met Wendy Sherman and Swiss Foreign Minister Ignazio Cassis in "
        "Geneva on Monday.",
        lang="en",
        published=TUESDAY,
    )
    api.ingest_documents([GENEVA, only_here], store=tmp_path / "s")
    rows = api.query("single_source_participants", store=tmp_path / "s")
    named = {str(row["name"]) for row in rows}
    assert "Ignazio Cassis" in named and "Sergei Ryabkov" not in named
    assert all(int(row["reports"]) == 2 for row in rows)


def test_one_meeting_two_articles_date_a_day_apart_is_one_disputed_node(tmp_path):
    store = tmp_path / "s"
    api.ingest_documents([GENEVA, TUESDAY_REPORT], store=store)
    assert reports_per_node(store) == [2]
    rows = api.query("conflicts", store=store)
    assert sorted(str(row["day"]) for row in rows) == ["2022-01-10", "2022-01-11"]
    assert len({str(row["doc"]) for row in rows}) == 2
    assert api.validate(store=store).conforms


def test_an_article_telling_of_both_days_means_two_meetings(tmp_path):
    store = tmp_path / "s"
    api.ingest_documents([GENEVA, TUESDAY_REPORT, BOTH_DAYS], store=store)
    assert reports_per_node(store) == [2, 2]
    assert api.query("conflicts", store=store) == []


def test_a_third_day_undoes_the_pair_and_its_dispute(tmp_path):
    store = tmp_path / "s"
    api.ingest_documents([GENEVA], store=store)
    api.ingest_documents([TUESDAY_REPORT], store=store)
    assert reports_per_node(store) == [2]
    # Tuesday now has two neighbours: which one it belongs with is no longer clear
    report = api.ingest_documents([WEDNESDAY_REPORT], store=store)
    assert report.moved == 1
    assert reports_per_node(store) == [1, 1, 1]
    assert api.query("conflicts", store=store) == []
    assert api.validate(store=store).conforms
    fresh = tmp_path / "fresh"
    api.ingest_documents([WEDNESDAY_REPORT, TUESDAY_REPORT, GENEVA], store=fresh)
    with open_store(store, read_only=True) as a, open_store(fresh, read_only=True) as b:
        assert a.sorted_nquads() == b.sorted_nquads()
