"""Per-language knowledge, as data.

Every ``lang/<code>/`` folder holds the same YAML files, each validated by a
schema below with ``extra="forbid"`` so that a typo fails at load, naming the
file and the field.  Adding a language means adding a folder: no extractor
changes.

>>> "ar" in available_languages()
True
>>> load("ar").months.month_of("كانون الثاني")
1
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from diplograph.errors import LanguageDataError
from diplograph.model import Stance
from diplograph.yamlfile import read_yaml

__all__ = ["FILES", "Grammar", "Language", "ViewWords", "available_languages", "load"]

HERE = Path(__file__).parent


class Schema(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# --- months.yaml -------------------------------------------------------------


class MonthNames(Schema):
    month: int = Field(ge=1, le=12)
    names: tuple[str, ...] = Field(min_length=1)


class WeekdayNames(Schema):
    weekday: int = Field(ge=0, le=6, description="Monday is 0, as in datetime.weekday()")
    names: tuple[str, ...] = Field(min_length=1)


class RelativeDays(Schema):
    today: tuple[str, ...] = ()
    yesterday: tuple[str, ...] = ()
    tomorrow: tuple[str, ...] = ()


class RelativePeriod(Schema):
    unit: Literal["day", "week", "month"]
    shift: int = Field(ge=-12, le=12)


class Months(Schema):
    months: tuple[MonthNames, ...] = Field(min_length=12, max_length=12)
    weekdays: tuple[WeekdayNames, ...] = Field(min_length=7, max_length=7)
    relative: RelativeDays = RelativeDays()
    order: tuple[Literal["dmy", "mdy"], ...] = ("dmy",)
    """Which day/month orders the language writes (``12 January``, ``January 12``)."""
    range_joiners: tuple[str, ...] = ("-", "–")
    """Words or signs between the two days of a range: ``9 و10``, ``9-10``, ``9 and 10``."""
    day_prefixes: tuple[str, ...] = ()
    """Words that may stand before a day number: ``يومي`` (on the two days), ``le``."""
    year_joiners: tuple[str, ...] = ()
    """Words between a month and its year: ``13 de enero de 2022``."""
    day_joiners: tuple[str, ...] = ()
    """Words between a day and its month: ``12th of January``, ``13 de enero``."""
    year_suffixes: tuple[str, ...] = ()
    """Marks after a year: ``ء``, ``г.``, ``года``."""
    relative_periods: dict[str, RelativePeriod] = {}
    """Phrases for a week or month relative to publication ("last week", "الشهر المقبل"),
    and "currently" (the day of publication)."""
    month_leads: tuple[str, ...] = ()
    """Words besides the locatives that make a month alone a date ("planned for March",
    "seit Januar", "до марта"): a month name alone may be a word ("May", "مارس")."""
    until_words: tuple[str, ...] = ()
    """Words before the last day of a span ("opened on Monday and runs until Tuesday",
    "jusqu'à", "bis", "до", "hasta", "حتى"): the two days make one range."""
    in_days: dict[str, int] = {}
    """Phrases for a day a number of days from publication: "the day after tomorrow" 2,
    "in two weeks" 14, "позавчера" -2."""
    durations: dict[str, int] = {}
    """How long an event lasts, as a word's beginning ("two-day", "zweitägig", "двухдневн"):
    a meeting of several days dated by one day spans the days from it, or up to it when
    an end word says the day is its last."""
    end_words: tuple[str, ...] = ()
    """Words that make a meeting's day its last ("concluded", "s'est achevé", "завершился")."""
    future_markers: tuple[str, ...] = ()
    """Words that put a weekday in the coming week ("will meet on Wednesday", "next
    Wednesday", "سيلتقي ... الأربعاء المقبل"); without one a weekday is the past one."""
    use_dateparser: bool = False
    """Parse candidate spans with dateparser (which knows the language's months)."""

    def month_of(self, name: str) -> int | None:
        key = name.casefold()
        for entry in self.months:
            if any(key == n.casefold() for n in entry.names):
                return entry.month
        return None


# --- reporting_verbs.yaml -----------------------------------------------------


class ReportingVerbs(Schema):
    verbs: tuple[str, ...] = Field(min_length=1)
    """Verb forms that report speech: said, announced, declared, wrote, told..."""
    speaker_search: tuple[Literal["after", "before"], ...] = ("before", "after")
    """Where the speaker usually stands relative to the verb, in order of preference."""
    relays: tuple[str, ...] = ()
    """Phrases that mark a relayed statement: ``quoted by``, ``told``, ``نقل ... عن``."""
    clause_breaks: tuple[str, ...] = ()
    """Words that end the speaker search: complementizers such as ``that``, ``أن``."""
    source_markers: tuple[str, ...] = ()
    """Words whose speaker always follows them: ``according to``, ``selon``, ``حسب``."""
    citations: tuple[str, ...] = ()
    """Words after which the source of the words follows while whoever reports them only
    relays them: "Sputnik reported, citing the ministry", "со ссылкой на", "unter Berufung
    auf".  Written "verb … word" where the relay stands between ("نقلت … عن")."""
    oblique_markers: tuple[str, ...] = ()
    """Prepositions that make the actor after them an object, not a subject ("talks with
    the US", "مع", "с США"): such an actor is not the speaker or holder."""
    split_verbs: tuple[str, ...] = ()
    """Verbs whose particle stands apart at the end of the clause, written with "…" where
    the other words go (German "wies … hin", "kündigte … an")."""
    outlets: tuple[str, ...] = ()
    """Nouns that name a news outlet ("newspaper", "agency", "صحيفة"): an outlet in the
    speaker's place relays the words; it is not the speaker."""
    joint_statements: tuple[str, ...] = ()
    """Phrases for one text issued by several sides ("joint statement", "بيان مشترك"):
    each side is a speaker."""
    official_nouns: tuple[str, ...] = ()
    """Plural nouns for a state's unnamed officials ("officials", "diplomats", "власти"):
    with a nationality beside them ("Russian officials have said") the state speaks."""
    passive_auxiliaries: tuple[str, ...] = ()
    """Words that make the verb after them passive ("was announced", "a été déclaré"): its
    subject is what was said, and the speaker, if any, follows an agent marker."""
    agent_markers: tuple[str, ...] = ()
    """Words that lead the agent of a passive ("announced by", "annoncé par")."""
    nominal_reports: tuple[str, ...] = ()
    """Nouns that name what someone said, the speaker after them as a genitive ("statement
    by", "déclaration de", "заявление Лаврова", "تصريحات")."""
    documents: tuple[str, ...] = ()
    """Nouns for a text that speaks for its author ("communiqué", "press release"): the
    actor after them and a preposition is that author, not an object ("indique un
    communiqué du ministère", "según un comunicado de la Cancillería")."""


# --- meeting_triggers.yaml ----------------------------------------------------


class MeetingTriggers(Schema):
    triggers: tuple[str, ...] = Field(min_length=1)
    """Nouns and verbs that denote an encounter: meeting, talks, summit, met, visited..."""
    locatives: tuple[str, ...] = ()
    """Words before a place that say the meeting happened there: in, at, في, в, à."""
    visits: tuple[str, ...] = ()
    """Meeting words that mean a visit: the state of the city visited is a side."""
    calls: tuple[str, ...] = ()
    """Meeting words that mean a call: a call has no place."""
    follow_ups: tuple[str, ...] = ()
    """Words that make a meeting word a follow-up ("the next round", "a new meeting")."""
    topic_markers: tuple[str, ...] = ()
    """Prepositions that make the actor after them a topic ("talks on Ukraine"), not a side."""
    definites: tuple[str, ...] = ()
    """Words that make a meeting word refer to a meeting told of elsewhere ("the meeting")."""
    coordinators: tuple[str, ...] = ()
    """What joins places in a list ("in Moscow and Kyiv")."""
    inside: tuple[str, ...] = ()
    """Locatives that put a state as the place of a meeting ("talks in Switzerland")."""
    articles: tuple[str, ...] = ()
    """Articles between a topic preposition and its actor ("talks on the Ukraine crisis")."""
    capital_nouns: tuple[str, ...] = ()
    """The noun "capital", which a nationality adjective turns into a city."""
    follow_up_blockers: tuple[str, ...] = ()
    """Words after a follow-up word that make it part of a number: Arabic compound
    ordinals ("القمة الثانية والثلاثين" is the 32nd summit, not a second one)."""
    sidelines: tuple[str, ...] = ()
    """Words for "on the sidelines of" ("en marge de", "على هامش", "на полях"): the meeting
    word after them is the host event, and the meeting told of beside it is another one,
    held where and when the host was."""
    sequels: tuple[str, ...] = ()
    """Words that put an encounter after the one told of before ("later", "puis", "ثم"):
    one with other persons and no date or place of its own is another meeting, held where
    and when the one before was."""
    agreed: tuple[str, ...] = ()
    """Words for agreeing on a meeting ("agreed", "vereinbart", "اتفق"): a meeting agreed on
    whose sides are not named is one of the sides of the last meeting."""
    instrument_nouns: tuple[str, ...] = ()
    """Nouns of treaties and formats named after a city ("Convention" in "the Vienna
    Convention", "acuerdos de Minsk", "معاهدة فيينا"): such a city is part of a name, neither
    an actor nor where anything happens.  Written as they stand before the city (with "de",
    "of") where the language puts the noun first."""
    instrument_nouns_after: tuple[str, ...] = ()
    """The same nouns where they follow the city ("Vienna Convention", "Minsk agreements")."""
    town_nouns: tuple[str, ...] = ()
    """Nouns that introduce a city's name ("the city of", "die Stadt", "مدينة"): a small
    town's name right after one is a place, as after a locative."""
    where_words: tuple[str, ...] = ()
    """Relative "where" after a city: the clause it opens happens there."""
    near_words: tuple[str, ...] = ()
    """Words of nearness: the state after them is where troops stand, not a side."""
    negations: tuple[str, ...] = ()
    """Words that, at most two words before a meeting word, say it did not or will not
    happen ("have never met", "no meeting", "не встречались", "لم يلتق")."""
    side_nouns: tuple[str, ...] = ()
    """Nouns for who acts for a state ("counterpart", "delegation", "side", "la partie",
    "نظير"): a nationality adjective on one of these (or on a title) is a side of the
    meeting; on any other noun ("North Korean issues", "الشطر الهندي") it tells the topic.
    Empty: every adjective is a side."""


# --- stance_triggers.yaml -----------------------------------------------------


class VerbObjects(Schema):
    verbs: tuple[str, ...] = Field(min_length=1)
    objects: tuple[str, ...] = Field(min_length=1)


class StanceTriggers(Schema):
    stances: dict[Stance, tuple[str, ...]]
    negations: tuple[str, ...] = ()
    """Words that, right before a trigger, cancel it ("did not reject")."""
    obligations: tuple[str, ...] = ()
    """Modal words of obligation ("must", "should", "يجب", "il faut", "должна"): a speaker
    who says another actor must do something requests it (REQUEST held by the speaker of the
    sentence, not by the modal's subject); without a speaker in the sentence, nothing."""
    consequences: tuple[str, ...] = ()
    """Words of consequences ("consequences", "последствия", "عواقب"): a speaker who says an
    act would have them warns of them (THREATEN held by the sentence's speaker, as with
    ``obligations``); without a speaker in the sentence, nothing."""
    nouns: dict[Stance, tuple[str, ...]] = {}
    """Stance nouns ("demands", "ultimatum", "مطالب", "требования"): a noun names a stance
    without saying whose it is, so its holder is only its possessor ("Russian demands",
    "the demands of Moscow", "its demands") or the subject of a support verb before it
    ("voiced concern", "أبدى استعداده"); a bare noun holds nothing."""
    support_verbs: tuple[str, ...] = ()
    """Light verbs that hand their subject to the stance noun they take as object
    ("expressed", "reaffirmed", "أعرب عن", "выразил", "bekräftigte"), not stances themselves."""
    not_stances: tuple[str, ...] = ()
    """Phrases that hold a stance word but state no stance ("se saludaron" greeted each other,
    "is expected to" a forecast): a trigger inside one is dropped."""
    expletives: tuple[str, ...] = ()
    """Impersonal subjects ("es" in "es solle um ... gehen"): a modal of obligation beside one
    states a plan, not a demand."""
    first_person: tuple[str, ...] = ()
    """First-person subject pronouns ("we", "мы", "nous"): a stance they hold in a quote is the
    quoted speaker's."""
    first_person_verbs: dict[str, tuple[str, ...]] = {}
    """Stance verbs in a first-person form, by stance, for languages that drop the pronoun
    ("призываем", "exigimos", "ندين"): the stance is the speaker's, as after "we"."""
    person_groups: tuple[str, ...] = ()
    """Groups that name the persons who met ("the two ministers", "الوزيران"): a stance they
    hold is held by each person of the meeting the sentence is about (other groups, in
    ``grammar.groups``, are its sides)."""
    questions: tuple[str, ...] = ()
    """Words that make a clause a question or a condition ("whether", "if", "ли", "ob"): a
    stance after one in its clause is asked about or supposed, not held."""
    adjective_side: tuple[Literal["before", "after"], ...] = ("before", "after")
    """Where an adjective stands to its noun ("the Russian proposal": before; "المقترحات
    الروسية", "la proposition russe": after): only there may a nationality adjective be a
    stance noun's possessor."""
    pairs: tuple[str, ...] = ()
    """Group words that name two ("both sides", "الجانبان", "the two ministers"): they stand for
    a meeting with exactly two sides of their kind, not for a mediated one."""
    agent_markers: tuple[str, ...] = ()
    """Words that bring a passive verb's agent ("rejected by Russia", "rejeté par", "von"):
    an actor right after one holds the stance, not the verb's grammatical subject."""
    gerund_markers: tuple[str, ...] = ()
    """Prepositions before a participle that make it an adverbial of the main clause ("by
    charging", "en accusant"): it has the main clause's subject."""
    continuations: tuple[str, ...] = ()
    """Words that open a clause going on with the previous verb's subject ("..., كما أكد")."""
    verb_objects: dict[Stance, tuple[VerbObjects, ...]] = {}
    """Verbs that take a stance only with one of their objects a few words on, whatever
    stands between ("signed on Friday two agreements": AGREE; "withdrew from the deal":
    REJECT; "voted against the draft": REJECT; "submitted a draft resolution": PROPOSE).
    The verb is the trigger: its subject holds the stance."""


# --- titles.yaml ----------------------------------------------------------------


class Title(Schema):
    title: str
    """The office in English: the catalogue key (``Deputy Foreign Minister``)."""
    forms: tuple[str, ...] = Field(min_length=1)
    """How the language writes it (without the state: ``نائب وزير الخارجية``)."""
    plural: tuple[str, ...] = ()
    """Forms naming several holders at once ("the Russian and Chinese foreign ministers,
    Sergey Lavrov and Wang Yi", "وزيرا خارجية روسيا والصين"): names and states pair in order."""


class Titles(Schema):
    titles: tuple[Title, ...] = Field(min_length=1)
    ranks: tuple[str, ...] = ()
    """Military or honorific ranks that may stand between a title and a name."""
    postings: tuple[str, ...] = ()
    """Prepositions of the place an envoy is posted to ("Ambassador to Iran X", "embajador
    de España en Cuba X", "Посол России в Казахстане X", "سفير الدنمارك لدى إيران"): the state
    or city after one may stand between a title and the name, and is the host, not the
    office's state."""
    ministries: dict[Literal["foreign-ministry", "defence-ministry"], tuple[str, ...]] = {}
    """How the language names a state's ministries, without the state ("Foreign Ministry",
    "وزارة الخارجية", "МИД"): with a state beside them they name that state's ministry."""
    name_stopwords: tuple[str, ...] = ()
    """Words that can never be part of a person's name (for names found after a title)."""
    name_particles: tuple[str, ...] = ()
    """Lower-case words a personal name may hold between its capitalized words ("de" in
    "Hugo de Zela", "da" in "Lula da Silva", "van", "bin")."""
    counterparts: tuple[str, ...] = ()
    """Words for the holder of the same office in another state ("his Russian counterpart
    Sergey Lavrov", "نظيره الروسي"): with a nationality beside them they give that person
    the office of the one they are the counterpart of."""


# --- nationalities.yaml ---------------------------------------------------------


class Nationalities(Schema):
    adjectives: dict[str, tuple[str, ...]]
    """ISO 3166 country code -> adjective forms (``RU: [Russian]``, ``RU: [روسي, روسية]``)."""


# --- orthography.yaml -----------------------------------------------------------


class Orthography(Schema):
    letter_map: dict[str, str] = {}
    """Single letters folded before matching (Arabic alef and teh marbuta variants)."""
    strip: tuple[str, ...] = ()
    """Characters removed before matching (Arabic harakat, tatweel)."""
    prefixes: tuple[str, ...] = ()
    """Clitics that may be glued before a name (Arabic و ف ب ل ال)."""
    suffixes: tuple[str, ...] = ()
    """Endings that may follow a word or a name (Russian case endings: Брюсселе, России)."""
    name_suffixes: tuple[str, ...] | None = None
    """The endings a name of the gazetteer may take, when not all of ``suffixes``: Arabic
    pronoun suffixes attach to nouns ("مقترحاتها"), not to names (كورونا is not Coro)."""
    drop_before_ending: tuple[str, ...] = ()
    """Final letters a base form loses before an ending (Женева → Женеве, Брюссель → Брюсселе)."""
    name_declension: dict[str, tuple[str, ...]] = {}
    """How a name's words change in the other cases, by nominative ending (the longest
    that fits wins; "" is any other consonant): Сергей Лавров → Сергея Лаврова.  Every
    word of a multi-word name takes the same case."""
    article: str | None = None
    """A definite article glued to names that belongs in their span (Arabic ال: الناتو)."""
    case_sensitive: bool = False
    """Whether a name must start with a capital letter as written (English, French...)."""
    sentence_end: str = r"[.!?؟]"
    """A regular expression for the end of a sentence."""
    script: Literal["Latin", "Arabic", "Cyrillic"] = "Latin"
    """The script the language is written in (for language identification)."""
    common_words: tuple[str, ...] = ()
    """Frequent function words, to tell languages of one script apart."""
    name_ends: tuple[str, ...] = ()
    """Words that end a person's name but are no surname ("الثاني" in "عبد الله الثاني",
    "Jr."): a later mention of them alone is not the person."""
    respellings: dict[str, str] = {}
    """How the language respells letters of names written in English transliteration
    (German writes "sch" for "sh" and "ch" for "kh": Sharm el-Sheikh is Scharm
    el-Scheich).  The gazetteer adds the respelled forms of places' Latin names."""
    romanization: dict[str, str] = {}
    """The letters of a non-Latin script in Latin, as the press transliterates them
    (Cyrillic "ш" is "sh", Arabic "غ" is "gh"): the key that links a person's name across
    scripts (:mod:`diplograph.text.names`) reads names through it."""
    common_nouns: tuple[str, ...] = ()
    """Ordinary words that gazetteers also list as places (مدينة "city" is Medina too):
    never read as place names."""


# --- grammar.yaml ----------------------------------------------------------------


class Grammar(Schema):
    """Closed-class words the holder search needs (one language).

    Read by the agent and stance extractors to find who acts in a clause.
    """

    persons: tuple[str, ...] = ()
    """Subject pronouns for one person ("he", "она"): they stand for a person named before."""
    auxiliaries: tuple[str, ...] = ()
    """Finite auxiliaries and modals that leave the main verb at the clause end ("haben ...
    unterzeichnet", "will ... unterstützen"): the subject stands before the auxiliary, not
    before the verb."""
    organizations: tuple[str, ...] = ()
    """Definite nouns for a body already named ("the group", "الحركة", "le mouvement",
    "die Organisation"): standing right by a verb as its subject, they are the last
    organization the article named before, as "he" is the last person."""
    others: tuple[str, ...] = ()
    """Subject pronouns for anything else ("it", "they", German "sie"): any actor named before."""
    conjunctions: tuple[str, ...] = ()
    """Words that join two actors into one subject ("and", "и", "und")."""
    openers: tuple[str, ...] = ()
    """Words that may open a clause before its subject pronoun ("but", "then", "однако")."""
    glued_conjunctions: tuple[str, ...] = ()
    """Conjunctions written glued to the next word (Arabic و)."""
    noun_clitics: tuple[str, ...] = ()
    """Clitics glued only to nouns (Arabic ب, ك): a verb trigger after one is another word."""
    articles: tuple[str, ...] = ()
    """Determiners that make the next trigger a noun with no holder of its own ("the
    proposal", "le soutien"): it needs a possessor ("of Russia", "russe")."""
    possessives: tuple[str, ...] = ()
    """Possessive determiners ("its support", "son soutien"): the noun's holder is the subject."""
    genitives: tuple[str, ...] = ()
    """Words between a noun and its possessor ("of", "de", "von")."""
    relatives: tuple[str, ...] = ()
    """Relative pronouns: a trigger right after one has the noun before it as subject."""
    groups: tuple[str, ...] = ()
    """Subjects that name a group without naming its members ("both sides", "стороны")."""
    participles: tuple[str, ...] = ()
    """Endings of participles that open a clause sharing the main clause's subject
    ("..., calling on", "..., داعيا", "..., призвав")."""
    negation_reach: int = 3
    """How many words may stand between a negation and the trigger it cancels ("did not
    formally reject", "no final document was agreed"); none where the particle is glued to
    its verb in practice (Arabic لم ترفض)."""


# --- examples.yaml --------------------------------------------------------------


class Example(Schema):
    text: str
    published: str | None = None
    expect: dict[str, tuple[str, ...]] = {}
    """What the sentence must yield: ``{entities: [...], meetings: [...], statements: [...]}``."""


class Examples(Schema):
    examples: tuple[Example, ...] = Field(min_length=1)


# --- view.yaml ---------------------------------------------------------------


class ViewWords(Schema):
    """The words of the HTML views in this language: page chrome, node kinds, stances.

    A key missing here falls back to English (``lang/en/view.yaml`` has them all)."""

    words: dict[str, str] = {}
    kinds: dict[str, str] = {}
    stances: dict[Stance, str] = {}


FILES: dict[str, type[Schema]] = {
    "months.yaml": Months,
    "reporting_verbs.yaml": ReportingVerbs,
    "meeting_triggers.yaml": MeetingTriggers,
    "stance_triggers.yaml": StanceTriggers,
    "titles.yaml": Titles,
    "nationalities.yaml": Nationalities,
    "orthography.yaml": Orthography,
    "grammar.yaml": Grammar,
    "examples.yaml": Examples,
    "view.yaml": ViewWords,
}


class Language(Schema):
    """All that diplograph knows of one language."""

    code: str
    months: Months
    reporting_verbs: ReportingVerbs
    meeting_triggers: MeetingTriggers
    stance_triggers: StanceTriggers
    titles: Titles
    nationalities: Nationalities
    orthography: Orthography
    grammar: Grammar
    examples: Examples
    view: ViewWords


@functools.cache
def available_languages() -> tuple[str, ...]:
    """The codes of the language folders, sorted (looked up once per process, as each
    language is loaded once: extraction asks for every document)."""
    return tuple(
        sorted(p.name for p in HERE.iterdir() if p.is_dir() and (p / "months.yaml").exists())
    )


def _read(path: Path, schema: type[Schema]) -> Schema:
    try:
        raw = read_yaml(path)
    except (OSError, yaml.YAMLError) as err:
        raise LanguageDataError(path, str(err)) from err
    try:
        return schema.model_validate(raw or {})
    except ValidationError as err:
        raise LanguageDataError(path, str(err)) from err


@functools.cache
def load(code: str) -> Language:
    """The language ``code``, loaded and validated once per process."""
    folder = HERE / code
    if not folder.is_dir():
        raise LanguageDataError(folder, f"no language folder for {code!r}")
    parts = {
        name.removesuffix(".yaml"): _read(folder / name, schema) for name, schema in FILES.items()
    }
    return Language(code=code, **parts)
