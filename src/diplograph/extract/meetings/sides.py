"""Who takes part in a meeting: the actors of its sentence, less what the talks are about
("talks on Ukraine") and the state a meeting is held in ("in Switzerland"); a state's
ministry stands for its state, a person brings their state, a body ("NATO–Russia
Council") its sides, and a visit its host."""

from __future__ import annotations

import functools
import re

from diplograph.extract.agents import actors
from diplograph.extract.lexicon import alternation
from diplograph.extract.meetings.setting import capital_phrases, words
from diplograph.extract.meetings.side_adjectives import is_topic_adjective
from diplograph.extract.meetings.words import Kind
from diplograph.extract.state import State
from diplograph.lang import load
from diplograph.model import Mention, Role
from diplograph.text.folding import Sentence

__all__ = ["country", "host_of", "sides"]


@functools.cache
def _inside(code: str) -> re.Pattern | None:
    alt = words(code, "inside")
    if not alt:
        return None
    # "in Switzerland", "in der Ukraine", "in the Netherlands": an article may stand between
    articles = words(code, "articles")
    article = rf"(?:\s+(?:{articles}))?" if articles else ""
    return re.compile(rf"(?:^|\W)(?:{alt}){article}\s*$", re.IGNORECASE)


@functools.cache
def _qualifier(code: str) -> re.Pattern | None:
    alt = words(code, "inside")
    if not alt:
        return None
    return re.compile(rf"(?:^|\W)(?:{alt})(?:\s+[^\s,.;:!?،]+){{1,2}}\s*$", re.IGNORECASE)


@functools.cache
def _topic(code: str) -> re.Pattern | None:
    alt = words(code, "topic_markers")
    if not alt:
        return None
    articles = words(code, "articles")
    article = rf"(?:(?:{articles})\s*)?" if articles else ""
    return re.compile(rf"(?:^|\W)(?:{alt})\s+{article}$", re.IGNORECASE)


@functools.cache
def _near(code: str) -> re.Pattern | None:
    words_ = load(code).meeting_triggers.near_words
    if not words_:
        return None
    alt = alternation(words_)
    return re.compile(rf"(?:^|\W)(?:{alt})\s*(?:l[ae]\s+|l['’]\s*)?$", re.IGNORECASE)


@functools.cache
def _source(code: str) -> re.Pattern | None:
    markers = load(code).reporting_verbs.source_markers
    if not markers:
        return None
    # The marker, then a title or two ("according to Deputy Foreign Minister", "selon M.").
    return re.compile(
        rf"(?:^|\W)(?:{alternation(markers)})(?:\s*[^\s,;:!?،]+){{0,5}}\s*$", re.IGNORECASE
    )


def _compound(state: State, mention: Mention, starts: set[int]) -> bool:
    """A name joined by a hyphen to a word that is no name ("Ukraine-Konflikt",
    "Iran-backed") is the first part of a compound, not an actor; joined to a name
    ("U.S.-Russian talks") it is one of the sides."""
    end = mention.span.end
    text = state.text
    if end + 1 >= len(text) or text[end] not in "-‐–" or not text[end + 1].isalpha():
        return False
    return end + 1 not in starts


def country(state: State, code: str | None) -> str | None:
    if not code:
        return None
    ref = f"country/{code}"
    known = state.gazetteer.entities
    if ref not in known:
        return None
    state.entities.setdefault(ref, known[ref])
    return ref


def sides(state: State, sentence: Sentence, mine, kinds: set[Kind]):
    """The participants of a meeting (the actors of ``sentence`` that ``mine`` gives it)
    and the name of the body that meets, if one does."""
    code = state.language.code
    topic, inside, qualifier = _topic(code), _inside(code), _qualifier(code)
    places = [
        (state.entity(m), m.span.end)
        for m in state.mentions_in(sentence.start, sentence.end)
        if state.is_place(m)
    ]
    # "la capitale éthiopienne", "the Belgian capital": a city, its adjective no side.
    capitals = [
        (m.span.start, m.span.end) for m in capital_phrases(state, sentence.start, sentence.end)
    ]
    starts = {m.span.start for m in state.mentions_in(sentence.start, sentence.end)}
    participants: list[str] = []
    name = None
    joiners, articles = words(code, "coordinators"), words(code, "articles")
    article = rf"(?:(?:{articles})\s*)?" if articles else ""
    after_topic = (
        re.compile(rf"\s*(?:,\s*)?(?:{joiners})?\s*{article}", re.IGNORECASE) if joiners else None
    )
    topic_end = -1
    for mention in actors(state, sentence.start, sentence.end):
        if not mine(mention.span.start, mention.span.end):
            continue
        if any(a <= mention.span.start and mention.span.end <= b for a, b in capitals):
            continue
        if _compound(state, mention, starts):
            continue  # "den Ukraine-Konflikt", "Iran-backed": a word's first part
        if _office_owner(state, mention):
            continue  # "el canciller de Vladimir Putin": whose minister, not who met
        head = state.text[max(0, mention.span.start - 30) : mention.span.start]
        if topic and mention.via == "name" and topic.search(head):
            topic_end = mention.span.end
            continue  # "talks on Ukraine": what they talk about
        if (
            topic_end >= 0
            and after_topic
            and after_topic.fullmatch(state.text[topic_end : mention.span.start])
        ):
            topic_end = mention.span.end
            continue  # "concerns over North Korea and Russia": the list goes on being the topic
        if mention.via == "name" and (near := _near(code)) and near.search(head):
            continue  # "troops massed near Ukraine('s borders)": where, not who
        source = _source(code)
        if source and source.search(
            state.text[max(0, mention.span.start - 80) : mention.span.start]
        ):
            continue  # "..., according to Ryabkov": who tells of the meeting, not a side
        entity = state.entity(mention)
        if entity.type == "Country" and is_topic_adjective(state, mention):
            continue  # "to discuss North Korean issues", "الشطر الهندي": the topic
        if entity.type == "Country" and Kind.VISIT not in kinds:
            if inside and inside.search(head):
                continue  # "in Switzerland": where, not who
            if mention.via == "adjective" and qualifier and qualifier.search(head):
                continue  # "in the Belgian capital", "im ägyptischen Scharm el-Scheich"
            if any(
                p.country == entity.id.removeprefix("country/")
                and 0 <= mention.span.start - p_end <= 4
                for p, p_end in places
            ):
                continue  # "Geneva, Switzerland", "Granada (Spain)": the city's state
        if entity.type == "Organization" and entity.country and not entity.parties:
            # A state's ministry or agency acts for its state.
            ref = country(state, entity.country)
            if ref:
                participants.append(ref)
                continue
        if entity.parties:
            # A joint body ("NATO–Russia Council") is where its sides meet: the sides take
            # part and the body names the meeting.
            participants.extend(entity.parties)
            name = name or f"{entity.label('en')} meeting"
            continue
        participants.append(entity.id)
        if entity.type == "Person":
            ref = country(state, entity.country)
            if ref:
                participants.append(ref)
    participants += _titled_persons(state, sentence, mine)
    return tuple(dict.fromkeys(participants)), name


def _office_owner(state: State, mention: Mention) -> bool:
    """A person named right after a title and a genitive ("the foreign minister of Vladimir
    Putin", "el enviado de Putin"): the one the office serves, not its holder."""
    if state.entity(mention).type != "Person" or state.language is None:
        return False
    genitives = _office_genitives(state.language.code)
    ends = {t.end for t in state.titles}
    start = mention.span.start
    return any(
        start - gap in ends and state.text[start - gap : start].strip().lower() in genitives
        for gap in range(1, 7)
    )


@functools.cache
def _office_genitives(code: str) -> frozenset[str]:
    """Genitives that tie a person to an office ("of", "de"), not agents ("by", "por")."""
    return frozenset(g.lower() for g in load(code).grammar.genitives) - {"by", "por", "par"}


def _titled_persons(state: State, sentence: Sentence, mine) -> list[str]:
    """ "The French foreign minister met the head of American diplomacy": a title of the
    meeting's sentence with its state but no name is the one person the article gives that
    office of that state."""
    found = []
    people = [
        m
        for m in state.mentions_in(sentence.start, sentence.end)
        if state.entity(m).type == "Person"
    ]
    for title in state.titles:
        if not (sentence.start <= title.start < sentence.end and mine(title.start, title.end)):
            continue
        if any(
            0 <= m.span.start - title.end <= 40 or 0 <= title.start - m.span.end <= 3
            for m in people
        ):
            continue  # a title with its name: the name is the side already
        states = {
            m.entity
            for m in state.mentions_in(max(sentence.start, title.start - 3), sentence.end)
            if m.span.start <= title.end + 3 and state.entity(m).type == "Country"
        }
        holders = {
            event.person
            for event in state.events
            if isinstance(event, Role)
            and event.organization in states
            and state.title_at(event.trigger.start) == title.payloads[0]
        }
        if len(states) == 1 and len(holders) == 1:
            found.append(holders.pop())
    return found


def host_of(state: State, place: Mention | None) -> str | None:
    if place is None:
        return None
    return country(state, state.entity(place).country)
