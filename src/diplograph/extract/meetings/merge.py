"""Reports of one meeting within a document: later mentions that refer to an earlier
meeting ("the meeting lasted four hours", "the talks") and reports that agree on the
day, the place or the sides merge into one meeting."""

from __future__ import annotations

from diplograph.extract.meetings.words import Kind
from diplograph.model import Meeting

__all__ = ["antecedent", "compatible", "drop_references", "merge", "merge_reports"]


def antecedent(
    found: list[tuple[Meeting, set[str]]],
    sides,
    definite: bool,
    newcomers: bool = False,
) -> int | None:
    """The index of the earlier meeting a meeting word with neither date nor place refers
    to: the latest one (not a follow-up) that shares a side with it or has no two sides of
    its own, else, for a definite word ("the meeting"), the latest one.  ``newcomers``:
    in a language that marks a meeting told of with an article, a bare word ("visited",
    "talks") that brings a person the earlier meeting lacks tells of another one ("...
    since 2011, when minister X visited for peace talks")."""
    persons = {p for p in sides if p.startswith("person/")}
    earlier = [i for i, (_, kinds) in enumerate(found) if Kind.FOLLOW_UP not in kinds]
    for i in reversed(earlier):
        meeting = found[i][0]
        if len(meeting.participants) < 2:
            return i
        if set(sides) & set(meeting.participants):
            if newcomers and not definite and persons - set(meeting.participants):
                return None
            return i
    return earlier[-1] if earlier and definite else None


def _other_encounter(a: Meeting, b: Meeting) -> bool:
    """Two meetings of named persons where each has one the other lacks: "Lavrov met
    Sisi in Cairo on Sunday ... later met his counterpart Shoukry" are two meetings of
    one day and city."""
    first = {p for p in a.participants if p.startswith("person/")}
    second = {p for p in b.participants if p.startswith("person/")}
    return len(first) >= 2 and len(second) >= 2 and bool(first - second) and bool(second - first)


def compatible(a: Meeting, b: Meeting) -> bool:
    if a.date and b.date and a.date != b.date:
        return False
    if a.name is None and b.name is None and _other_encounter(a, b):
        return False
    if a.place and b.place and a.place != b.place:
        return False
    shared = len(set(a.participants) & set(b.participants))
    same_body = a.name is not None and a.name == b.name
    same_day = a.date is not None and a.date == b.date
    same_setting = same_day and a.place is not None and a.place == b.place
    # One side says where, the other does not, but the same sides met that day.
    same_sides = same_day and shared >= 2
    # One side says when, the other does not, but the same sides met there.
    same_place = a.place is not None and a.place == b.place and shared >= 1
    # One says only where, the other only when, of the same sides ("talks in Geneva" ...
    # "the talks on Monday").
    halves = (a.date is None) != (b.date is None) and (a.place is None) != (b.place is None)
    complementary = halves and (a.date is None) == (a.place is not None) and shared >= 2
    return same_body or same_setting or same_sides or same_place or complementary


def merge(a: Meeting, b: Meeting) -> Meeting:
    first, second = (a, b) if a.evidence.start <= b.evidence.start else (b, a)
    richer = max((a, b), key=lambda m: (m.date is not None) + (m.place is not None))
    return first.model_copy(
        update={
            "date": a.date or b.date,
            "place": a.place or b.place,
            "participants": tuple(dict.fromkeys((*first.participants, *second.participants))),
            "name": a.name or b.name,
            "evidence": richer.evidence,
            "trigger": richer.trigger,
            "confidence": max(a.confidence, b.confidence),
        }
    )


def merge_reports(found: list[tuple[Meeting, set[str]]]) -> list[tuple[Meeting, bool]]:
    """The meetings of the document, each with whether it is a follow-up ("the next
    round"): reports of one meeting merge; a follow-up stays apart from the meeting it
    follows, and follow-ups of the same sides that agree on day and place, or give
    neither ("further talks", "the next round"), are one.  A date assumed from the day
    of publication gives way to the date another report of the same sides gives."""
    merged: list[tuple[Meeting, bool, bool, bool]] = []
    calls: list[bool] = []  # beside ``merged``: whether each is a call
    for meeting, kinds in found:
        follow_up, assumed = Kind.FOLLOW_UP in kinds, Kind.ASSUMED_DATE in kinds
        aside = Kind.ASIDE in kinds  # held beside another ("on the sidelines", "later")
        call = Kind.CALL in kinds
        for i, (other, other_follow_up, other_assumed, other_aside) in enumerate(merged):
            if follow_up and not other_follow_up:
                continue  # "the next round" is not the round before
            if call != calls[i]:
                continue  # a phone call and a meeting in person are two encounters
            if aside != other_aside and not _same_persons(meeting, other):
                continue  # "X met Y on the sidelines of the summit" is not the summit
            if follow_up:
                unset = not (meeting.date or meeting.place or other.date or other.place)
                shared = len(set(meeting.participants) & set(other.participants))
                # "Further talks agreed for March" ... "the next meeting, in March in
                # Sharm el-Sheikh": one meeting to come.
                same = (unset and shared >= 2) or compatible(meeting, other)
                if same:
                    merged[i] = (merge(other, meeting), True, False, other_aside)
            elif compatible(meeting, other):
                same = True
                merged[i] = (
                    merge(other, meeting),
                    other_follow_up,
                    assumed and other_assumed,
                    other_aside,
                )
            elif assumed != other_assumed and _gives_date(
                *((meeting, other) if assumed else (other, meeting))
            ):
                same = True
                weak, real = (meeting, other) if assumed else (other, meeting)
                merged[i] = (
                    merge(weak.model_copy(update={"date": None}), real),
                    False,
                    False,
                    other_aside,
                )
            else:
                same = False
            if same:
                break
        else:
            merged.append((meeting, follow_up, assumed, aside))
            calls.append(call)
    return [(meeting, follow_up) for meeting, follow_up, *_ in merged]


def _same_persons(a: Meeting, b: Meeting) -> bool:
    first = {p for p in a.participants if p.startswith("person/")}
    return bool(first) and first == {p for p in b.participants if p.startswith("person/")}


def _gives_date(weak: Meeting, real: Meeting) -> bool:
    """Whether ``real`` dates the meeting ``weak`` was assumed to hold on the day of
    publication: the same sides, no other place, and a day not after it (the lead tells
    of a meeting held, not to come)."""
    if weak.place and real.place and weak.place != real.place:
        return False
    if weak.date is None or real.date is None or real.date.end > weak.date.start:
        return False
    return len(set(weak.participants) & set(real.participants)) >= 2


def drop_references(meetings: list[tuple[Meeting, bool]]) -> list[Meeting]:
    """A meeting with neither date nor place is a reference to another of the document
    ("the talks", "the meeting") unless it names sides no other meeting has or is a
    follow-up ("further talks", "the next summit")."""
    kept: list[Meeting] = []
    for meeting, follow_up in meetings:
        if meeting.date is not None or meeting.place is not None or follow_up:
            kept.append(meeting)
            continue
        sides = set(meeting.participants)
        if any(
            len(sides & set(other.participants)) >= 2
            for other, _ in meetings
            if other is not meeting and (other.date or other.place)
        ):
            continue
        kept.append(meeting)
    return kept
