"""Roles: a title, the person who holds it, and the state or organization it belongs to.

"نائب وزير الخارجية الروسي ألكسندر غروشكو", "NATO Secretary General Jens
Stoltenberg", "Wendy Sherman, U.S. Deputy Secretary of State": the title comes
from ``titles.yaml``, the state from a nationality adjective or a name next to
the title, the person from a mention just after (or just before) it.
"""

from __future__ import annotations

import itertools

from diplograph.extract.agents import matches
from diplograph.extract.entities.find import folded_word_lists
from diplograph.extract.lexicon import folded_words
from diplograph.extract.state import State
from diplograph.model import Mention, Role, Span
from diplograph.text.folding import fold_key, tokens
from diplograph.text.matcher import Match

__all__ = ["counterpart_mentions", "extract_roles"]

MAX_GAP = 80
"""Characters between a title and its person: room for a state, a rank, commas."""
MAX_LOOSE_WORDS = 2
"""Words between a title and its person that are neither names nor ranks ("of the")."""
MAX_LOOSE_WORDS_WITH_BODY = 4
"""The same when a state or body stands between them: "High Representative for Foreign
Affairs of the EU Josep Borrell", "الممثل الأعلى للسياسة الخارجية في الاتحاد الأوروبي"."""
COMMAS = {",", "،"}


def _loose_words(state: State, start: int, end: int, skip: list[Mention]) -> int:
    ranks = folded_word_lists(state.language.code)[1] if state.language else frozenset()
    count = 0
    for tok in tokens(state.text, start, end):
        if tok.text in COMMAS or any(m.span.start <= tok.start < m.span.end for m in skip):
            continue
        if fold_key(tok.text) in ranks or not tok.text[0].isalnum():
            continue
        count += 1
    return count


def _person_after(state: State, title: Match) -> tuple[Mention, list[Mention]] | None:
    """The person a title introduces; across a second title joined to it by "and" ("High
    Representative for Foreign Affairs and Vice-President of the Commission Kaja Kallas"),
    but not across one that introduces someone else."""
    following = [t for t in state.titles if t.start >= title.end]
    if following and following[0].start - title.end <= MAX_GAP:
        own = _person_after_one(state, title, limit=following[0].start)
        if own or not _joined_title(state, title, following[0]):
            return own
        found = _person_after(state, following[0])
        if found:
            return found[0], [*state.mentions_in(title.end, following[0].start), *found[1]]
        return None
    return _person_after_one(state, title)


def _joined_title(state: State, title: Match, next_title: Match) -> bool:
    """Whether ``next_title`` is coordinated with ``title``: "and" (glued Arabic و)
    right before it, after the first title's complement."""
    words = state.language.meeting_triggers.coordinators if state.language else ()
    coordinators = folded_words(words) - {"", ",", "،"}
    head = state.text[max(title.end, next_title.start - 8) : next_title.start].split()
    glued = state.text[max(0, next_title.start - 1) : next_title.start]
    return bool(head and fold_key(head[-1]) in coordinators) or fold_key(glued) in coordinators


def _person_after_one(
    state: State, title: Match, limit: int | None = None
) -> tuple[Mention, list[Mention]] | None:
    # Not past the title's sentence ("..., said the US president. Scholz stressed"), nor
    # past a counterpart word, whose person is the counterpart ("الوزير المغربي مباحثات مع
    # نظيره المصري، بدر عبد العاطي": Abdelatty is not the Moroccan minister).
    end = state.sentence_at(title.start).end
    limit = min(limit, end) if limit else end
    later = [w.start for w in matches(state, "counterparts") if title.end <= w.start < limit]
    limit = min([limit, *later])
    for mention in state.mentions_from(title.end):
        if mention.span.start - title.end > MAX_GAP or (limit and mention.span.start >= limit):
            return None
        between = state.mentions_in(title.end, mention.span.start)
        if state.entity(mention).type == "Person":
            allowed = MAX_LOOSE_WORDS_WITH_BODY if between else MAX_LOOSE_WORDS
            if _loose_words(state, title.end, mention.span.start, between) <= allowed:
                return mention, between
            return None
        if not state.is_actor(mention) and not _posted(state, mention):
            return None  # (a city an envoy is posted to may stand between)
    return None


def _appositive(state: State, title: Match) -> bool:
    """Whether a person's name and a comma stand right before the title."""
    before = state.mentions_before(title.start, 1)
    if not before or state.entity(before[-1]).type != "Person":
        return False
    return state.text[before[-1].span.end : title.start].strip() in (",", "،")


def _person_before(state: State, title: Match) -> Mention | None:
    """An appositive: "Wendy Sherman, U.S. Deputy Secretary of State"."""
    before = state.mentions_before(title.start, 3)
    for mention in reversed(before):
        gap = state.text[mention.span.end : title.start]
        if state.entity(mention).type == "Person":
            if len(gap) <= 40 and _loose_words(state, mention.span.end, title.start, before) <= 1:
                return mention
            return None
    return None


def _posted(state: State, mention: Mention) -> bool:
    """Whether ``mention`` is where an envoy is posted ("Ambassador to Iran"): the host."""
    if state.language is None or not state.language.titles.postings:
        return False
    before = state.text[max(0, mention.span.start - 12) : mention.span.start].split()
    return bool(before) and fold_key(before[-1]) in folded_words(state.language.titles.postings)


def _organization(state: State, title: Match, between: list[Mention]) -> Mention | None:
    """The state or body of the office: named inside the title ("le ministre russe des
    Affaires étrangères"), between title and person, or just before the title."""
    inside = [m for m in state.mentions_in(title.start, title.end) if m.via == "adjective"]
    for mention in [*inside, *between]:
        if state.entity(mention).type in ("Country", "Organization") and not _posted(
            state, mention
        ):
            return mention
    for mention in reversed(state.mentions_in(max(0, title.start - 40), title.start)):
        gap = state.text[mention.span.end : title.start].strip(" -\u2010\u2011\u200f\u200e")
        if gap in ("", "'s", "’s") and state.entity(mention).type in ("Country", "Organization"):
            return mention
    after = state.mentions_starting(title.end, title.end + 3)
    for mention in after:
        if state.entity(mention).type in ("Country", "Organization"):
            return mention
    return None


def extract_roles(state: State) -> list[Role]:
    """One role per person and title in the document; the most complete reading wins."""
    best: dict[tuple[str, str], Role] = {}

    def keep(role: Role, generic: str) -> None:
        key = (role.person, generic)
        if key not in best or (best[key].organization is None and role.organization):
            best[key] = role

    for title in state.titles:
        found = _person_after(state, title)
        # "Jens Plötner, conseiller du chancelier allemand, et ... X": a title set off after
        # a name by a comma is that person's, unless a name follows it at once ("премьер-
        # министра Армении Никола Пашиняна, президента Азербайджана Ильхама Алиева").
        if (
            found
            and _appositive(state, title)
            and _loose_words(state, title.end, found[0].span.start, found[1])
        ):
            found = None
        if found:
            person, between = found
        else:
            person, between = _person_before(state, title), []
        if person is None:
            continue
        pairs = _coordinated(state, title, person, between) if found else None
        if pairs:
            for holder, organization in pairs:
                keep(_role(state, title, holder, organization), title.payloads[0])
        else:
            organization = _organization(state, title, between)
            keep(_role(state, title, person, organization), title.payloads[0])
    for key, role in _counterpart_roles(state, best):
        best.setdefault(key, role)
    return list(best.values())


def _role(state: State, title: Match, person: Mention, organization: Mention | None) -> Role:
    offices = state.gazetteer.offices
    org_entity = state.entity(organization) if organization else None
    generic = title.payloads[0]
    confidence = 0.85 if organization else 0.6
    served = state.entity(person).country
    if org_entity is None and served and generic in offices.state_offices:
        org_entity = state.gazetteer.entities.get(f"country/{served}")
        confidence = 0.5
    country = org_entity.country if org_entity and org_entity.type == "Country" else None
    spans = [title.start, title.end, person.span.start, person.span.end]
    if organization:
        spans += [organization.span.start, organization.span.end]
    return Role(
        person=person.entity,
        title=offices.title_for(generic, country),
        organization=org_entity.id if org_entity else None,
        trigger=Span.of(state.text, title.start, title.end),
        evidence=Span.of(state.text, min(spans), max(spans)),
        confidence=confidence,
    )


def _joined(state: State, start: int, end: int) -> bool:
    """Whether only a coordinator ("and", "et", "و", commas) stands between two names."""
    gap = state.text[start:end].strip(" \u200f\u200e")
    if gap in (",", "،"):
        return True
    words = state.language.meeting_triggers.coordinators if state.language else ()
    return bool(gap) and fold_key(gap.strip(",، ")) in folded_words(words)


def _coordinated(
    state: State, title: Match, first: Mention, between: list[Mention]
) -> list[tuple[Mention, Mention]] | None:
    """A title naming two holders: "the Russian and Chinese foreign ministers, Sergey Lavrov
    and Wang Yi", "les chefs de la diplomatie russe et américaine, X et Y": the names and
    the states pair in order."""
    following = list(itertools.islice(state.mentions_from(first.span.end), 1))
    if not following or state.entity(following[0]).type != "Person":
        return None
    second = following[0]
    if not _joined(state, first.span.end, second.span.start):
        return None
    states = [m for m in between if state.entity(m).type in ("Country", "Organization")]
    if len(states) == 1 and (ministry := _state_of_body_in_title(state, title)):
        states.insert(0, ministry)  # "глав МИД России и Украины": the first state ends the name
    if not states:
        before = state.mentions_in(max(0, title.start - 60), title.start)
        before = [m for m in before if state.entity(m).type in ("Country", "Organization")]
        adjacent = before[-2:]
        gap = state.text[adjacent[-1].span.end : title.start].strip() if adjacent else "?"
        if (
            len(adjacent) == 2
            and gap == ""
            and _joined(state, adjacent[0].span.end, adjacent[1].span.start)
        ):
            states = adjacent
    if len(states) != 2 or states[0].entity == states[1].entity:
        return None
    return [(first, states[0]), (second, states[1])]


def _state_of_body_in_title(state: State, title: Match) -> Mention | None:
    """A state's body whose name the title ends inside ("глав МИД России": the title "глав
    МИД", the ministry "МИД России"), as a mention of that state."""
    for mention in state.mentions_in(title.start, title.end + 40):
        entity = state.entity(mention)
        if mention.span.start < title.end < mention.span.end and entity.country:
            country = state.gazetteer.entities.get(f"country/{entity.country}")
            if entity.type == "Organization" and country is not None:
                state.entities.setdefault(country.id, country)
                return mention.model_copy(update={"entity": country.id})
    return None


def _named_after(state: State, word: Match) -> tuple[Mention, list[Mention]] | None:
    """The person named right after a counterpart word, in its sentence."""
    found = _person_after(state, word)
    if found is None or found[0].span.start >= state.sentence_at(word.start).end:
        return None
    return found


def _state_of_counterpart(state: State, word: Match, between: list[Mention]) -> Mention | None:
    """The state of a counterpart: "his Russian counterpart", "son homologue russe"."""
    for mention in between:
        if state.entity(mention).type == "Country":
            return mention
    for mention in reversed(state.mentions_in(max(0, word.start - 40), word.start)):
        if state.text[mention.span.end : word.start].strip() == "":
            return mention if state.entity(mention).type == "Country" else None
    return None


def _generic_office(state: State, role: Role, generic: str) -> str:
    """The generic office behind a state's own name for it (the US "Secretary of State" is
    a "Foreign Minister"), so that the counterpart gets their own state's name for it."""
    entity = state.gazetteer.entities.get(role.organization or "")
    names = state.gazetteer.offices.country_titles.get(entity.country if entity else "", {})
    for office, name in names.items():
        if name in (role.title, generic):
            return office
    return generic


def _counterpart_roles(
    state: State, best: dict[tuple[str, str], Role]
) -> list[tuple[tuple[str, str], Role]]:
    """ "Pakistan's Foreign Minister met his Russian counterpart Sergey Lavrov": Lavrov is
    Russia's Foreign Minister.  The office is that of the nearest title holder before the
    word in its sentence or the one before; the state must be named beside the word."""
    if state.language is None:
        return []
    offices = state.gazetteer.offices
    words = matches(state, "counterparts")
    found = []
    for word in words:
        # The holder it is the counterpart of is named in this sentence or the one before
        # ("Baerbock warned... After meeting her Chinese counterpart Qin Gang...").
        sentence = state.sentence_at(word.start)
        window = state.sentence_at(sentence.start - 1) if sentence.start else sentence
        after = _named_after(state, word)
        if after is None:
            continue
        person, between = after
        country_mention = _state_of_counterpart(state, word, between)
        if country_mention is None:
            continue
        country = state.entity(country_mention)
        earlier = [
            (role.trigger.start, generic, role)
            for (holder, generic), role in best.items()
            if holder != person.entity and window.start <= role.trigger.start < word.start
        ]
        if earlier:
            _, generic, antecedent = max(earlier, key=lambda item: item[0])
            generic = _generic_office(state, antecedent, generic)
        else:
            # "وزيرة الخارجية ... مع نظيرها الجزائري رمطان لعمامرة": the office of a title
            # before the word, though its holder goes unnamed
            titles = [t for t in state.titles if window.start <= t.start and t.end <= word.start]
            if not titles:
                continue
            generic = titles[-1].payloads[0]
        start = min(word.start, country_mention.span.start)
        role = Role(
            person=person.entity,
            title=offices.title_for(generic, country.country),
            organization=country.id,
            trigger=Span.of(state.text, word.start, word.end),
            evidence=Span.of(state.text, start, max(person.span.end, country_mention.span.end)),
            confidence=0.6,
        )
        found.append(((person.entity, generic), role))
    return found


def counterpart_mentions(state: State) -> list[Mention]:
    """An unnamed counterpart ("son homologue américain", "نظيره الأمريكي", "his Russian
    counterpart said") as a mention of the one person the document gives an office of
    that state, so that statements, positions and meetings see who it is."""
    if state.language is None:
        return []
    words = matches(state, "counterparts")
    holders: dict[str, set[str]] = {}
    for event in state.events:
        if isinstance(event, Role) and event.organization:
            holders.setdefault(event.organization, set()).add(event.person)
    found = []
    for word in words:
        if _named_after(state, word) is not None:
            continue  # named: "his Russian counterpart Sergey Lavrov"
        adjective = [
            m
            for m in state.mentions_in(max(0, word.start - 25), word.end + 25)
            if m.via == "adjective"
            and state.entity(m).type == "Country"
            and not state.text[min(m.span.end, word.end) : max(m.span.start, word.start)].strip()
        ]
        if len(adjective) != 1:
            continue
        people = holders.get(adjective[0].entity, set())
        if len(people) != 1:
            continue
        start = min(word.start, adjective[0].span.start)
        end = max(word.end, adjective[0].span.end)
        found.append(
            Mention(span=Span.of(state.text, start, end), entity=next(iter(people)), via="title")
        )
    return found
