"""Benchmark the extraction pipeline on synthetic ~4 KB articles in six languages.

Usage::

    .venv/bin/python benchmarks/extract.py [--docs 1000] [--size 4096] [--out DIR]
                                           [--seed 0] [--trace-docs 200] [--ingest-docs 500]
                                           [--profile 0] [--top 15]
                                           [--results benchmarks/results.json]

What it does, in one process pinned to one CPU core:

1. builds the gazetteer (the one-off cost of the first ``gazetteer()`` call, timed
   and reported on its own);
2. writes ``--docs`` articles of about ``--size`` UTF-8 bytes as ``.txt`` files into
   ``--out`` (a temporary folder by default).  They are generated deterministically
   (``--seed``) from the project's own data: actor names from the knowledge base,
   country and city names from the gazetteer, titles, reporting verbs, meeting and
   stance triggers and month names from ``lang/<code>/``, put into sentence
   templates per language between neutral filler sentences.  Languages take turns:
   ar, de, en, es, fr, ru;
3. extracts one article per language to warm the per-language caches (lexicons,
   date parsers), timed and reported on its own;
4. measures, over the same files:

   - the ceiling: reading and decoding with :func:`diplograph.readers.read_paths`;
   - extraction: read + :func:`diplograph.extract.pipeline.extract` (docs/s and
     latency per document, p50/p95, overall and per language);
   - the extraction phase's Python allocation peak with :mod:`tracemalloc`, over the
     first ``--trace-docs`` articles in a separate pass (tracing slows Python down,
     so it is kept out of the timed pass);
   - full ingest into a fresh Oxigraph store with
     :func:`diplograph.api.ingest_documents` (docs/s and quads/s, also per block of 100
     documents, since the rate falls as the store grows), over the first
     ``--ingest-docs`` articles (500 by default, which keeps the default run near five
     minutes; 0 ingests them all);
   - the process's peak resident memory (``ru_maxrss``) after each phase;

5. with ``--profile N``, profiles the extraction of the first ``N`` articles with
   :mod:`cProfile` and lists the hot spots by cumulative time.

Results print as a Markdown table and are written to ``--results`` as JSON with the
machine (CPU model, Python version, date).  See ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import datetime as dt
import io
import itertools
import json
import os
import platform
import pstats
import random
import re
import resource
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

LANGS = ("ar", "de", "en", "es", "fr", "ru")
TARGET_DOCS_PER_S = 500
ARABIC = re.compile(r"^[\u0621-\u064a ]+$")
"""Names in the Arabic alphabet proper (GeoNames also lists Persian, Urdu, Uyghur forms)."""
CYRILLIC = re.compile(r"^[А-Яа-яЁё -]+$")
"""Names in the Russian alphabet (not Serbian, Ukrainian... Cyrillic)."""
LATIN = re.compile(r"^[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ .'-]+$")
INGEST_BLOCK = 100
"""Ingest rates are also reported per block of this many documents."""
PLACES_USED = 400
"""Cities are drawn from the first (most populous) places of the gazetteer."""

# --- sentence templates ---------------------------------------------------------------
#
# Placeholders: {person} {person2} {title} {org} {country} {country2} {city} {verb}
# {trigger} {stance} {day} {month} {year} {filler}.  The grammar is only roughly right
# (a verb form may not agree with its subject): the point is to put real names and
# trigger words where an article would have them.

HEADLINES = {
    "ar": "{person} و{person2} يبحثان العلاقات في {city}",
    "de": "{person} und {person2} beraten in {city}",
    "en": "{person} and {person2} hold talks in {city}",
    "es": "{person} y {person2} conversan en {city}",
    "fr": "{person} et {person2} discutent à {city}",
    "ru": "{person} и {person2} обсудили отношения в {city}",
}

DATELINES = {
    "ar": "{city} في {day} {month} {year} - ",
    "de": "{city}, {day}. {month} {year} - ",
    "en": "{CITY}, {month} {day} ({org}) - ",
    "es": "{CITY}, {day} de {month} de {year} - ",
    "fr": "{CITY}, {day} {month} {year} - ",
    "ru": "{CITY}, {day} {month} {year} года - ",
}

TEMPLATES = {
    "ar": (
        "{verb} {title} {person} في {city} يوم {day} {month} {year} إن {country} {stance} المقترح.",
        "{trigger} {person} مع {person2} في {city} في {day} {month} {year}.",
        "و{verb} {person} إن «{filler}»",
        "{stance} {title} {person} موقف {country2} من الأزمة، بحسب ما {verb} {org}.",
        "وجاء {trigger} بين {country} و{country2} بعد أسابيع من التوتر.",
        "{verb} {title} {person} إن {country} مستعدة لمواصلة الحوار مع {country2}.",
    ),
    "de": (
        "{title} {person} {verb} am {day}. {month} {year} in {city}, {country} {stance} den Plan.",
        "{person} und {person2} {trigger} in {city}.",
        "„{filler}“, {verb} {person}.",
        "{person} {stance} die Haltung von {country2}, wie {org} berichtete.",
        "Das {trigger} zwischen {country} und {country2} fand in {city} statt.",
        "Der {title} {person} {verb}, {country} sei zu weiteren Gesprächen mit {country2} bereit.",
    ),
    "en": (
        "{title} {person} {verb} in {city} on {month} {day}, {year} that {country} {stance} "
        "the plan.",
        "{person} {trigger} {person2} in {city} on {day} {month} {year}.",
        "“{filler}” {verb} {person}.",
        "{person} {stance} the position of {country2}, {org} reported.",
        "The {trigger} between {country} and {country2} took place in {city}.",
        "{country}'s {title} {person} {verb} that talks with {country2} would continue.",
    ),
    "es": (
        "El {title} {person} {verb} el {day} de {month} de {year} en {city} que {country} {stance} "
        "el plan.",
        "{person} y {person2} {trigger} en {city}.",
        "«{filler}», {verb} {person}.",
        "{person} {stance} la postura de {country2}, según {org}.",
        "La {trigger} entre {country} y {country2} tuvo lugar en {city}.",
        "El {title} {person} {verb} que {country} seguirá dialogando con {country2}.",
    ),
    "fr": (
        "Le {title} {person} {verb} le {day} {month} {year} à {city} que {country} {stance} "
        "le plan.",
        "{person} et {person2} {trigger} à {city}.",
        "« {filler} », {verb} {person}.",
        "{person} {stance} la position de {country2}, selon {org}.",
        "La {trigger} entre {country} et {country2} a eu lieu à {city}.",
        "Le {title} {person} {verb} que {country} poursuivrait le dialogue avec {country2}.",
    ),
    "ru": (
        "{title} {person} {verb} {day} {month} {year} года в {city}, что {country} {stance} план.",
        "{person} и {person2}: {trigger} в {city}.",
        "«{filler}», — {verb} {person}.",
        "{person} {stance} позицию {country2}, сообщает {org}.",
        "{trigger} {country} и {country2} прошла в {city}.",
        "{title} {person} {verb}, что {country} продолжит диалог с {country2}.",
    ),
}

FILLERS = {
    "ar": (
        "وشهدت المدينة طقسا معتدلا خلال الأيام الماضية.",
        "وتستمر أعمال الصيانة في الطرق الرئيسية حتى نهاية الشهر.",
        "وأشار التقرير إلى ارتفاع عدد الزوار في المتاحف والحدائق العامة.",
        "وتضم المكتبة الوطنية آلاف الكتب والمخطوطات القديمة.",
        "وافتتحت المدرسة الجديدة أبوابها أمام الطلاب هذا الأسبوع.",
        "ويتوقع الخبراء أن تستقر أسعار الخضروات في الأسواق المحلية.",
        "وتعمل الفرق الفنية على تحسين شبكة المياه في الأحياء القديمة.",
        "وقد امتلأت المقاهي بالرواد مساء أمس بعد انتهاء المباراة.",
    ),
    "de": (
        "Das Wetter blieb in den vergangenen Tagen mild und trocken.",
        "Die Bauarbeiten an der Hauptstraße sollen bis Ende des Monats dauern.",
        "In den Museen der Stadt wurden mehr Besucher gezählt als im Vorjahr.",
        "Die Bibliothek besitzt mehrere tausend alte Bücher und Handschriften.",
        "Die neue Schule öffnete in dieser Woche ihre Türen für die Kinder.",
        "Fachleute erwarten, dass die Preise für Gemüse stabil bleiben.",
        "Techniker arbeiten daran, das Wassernetz in der Altstadt zu erneuern.",
        "Am Abend waren die Cafés nach dem Spiel gut besucht.",
    ),
    "en": (
        "The weather stayed mild and dry over the past few days.",
        "Road works on the main avenue are expected to last until the end of the month.",
        "The city's museums counted more visitors than in the previous year.",
        "The library holds several thousand old books and manuscripts.",
        "A new school opened its doors to pupils this week.",
        "Experts expect the price of vegetables to remain stable.",
        "Engineers are working to renew the water network in the old town.",
        "Cafes were crowded in the evening after the match ended.",
    ),
    "es": (
        "El tiempo se mantuvo templado y seco durante los últimos días.",
        "Las obras en la avenida principal durarán hasta finales de mes.",
        "Los museos de la ciudad recibieron más visitantes que el año anterior.",
        "La biblioteca conserva varios miles de libros y manuscritos antiguos.",
        "Una nueva escuela abrió sus puertas a los alumnos esta semana.",
        "Los expertos esperan que el precio de las verduras se mantenga estable.",
        "Los técnicos trabajan para renovar la red de agua del casco antiguo.",
        "Las cafeterías estaban llenas por la noche después del partido.",
    ),
    "fr": (
        "Le temps est resté doux et sec au cours des derniers jours.",
        "Les travaux sur l'avenue principale doivent durer jusqu'à la fin du mois.",
        "Les musées de la ville ont accueilli plus de visiteurs que l'an passé.",
        "La bibliothèque conserve plusieurs milliers de livres et de manuscrits anciens.",
        "Une nouvelle école a ouvert ses portes aux élèves cette semaine.",
        "Les spécialistes s'attendent à ce que le prix des légumes reste stable.",
        "Des techniciens rénovent le réseau d'eau de la vieille ville.",
        "Les cafés étaient pleins en soirée après la fin du match.",
    ),
    "ru": (
        "В последние дни погода оставалась мягкой и сухой.",
        "Ремонт на главной улице продлится до конца месяца.",
        "Музеи города посетило больше людей, чем в прошлом году.",
        "В библиотеке хранятся несколько тысяч старых книг и рукописей.",
        "На этой неделе новая школа открыла двери для учеников.",
        "Специалисты ожидают, что цены на овощи останутся стабильными.",
        "Инженеры обновляют водопроводную сеть в старой части города.",
        "Вечером после матча кафе были переполнены.",
    ),
}


# --- the corpus -----------------------------------------------------------------------


@dataclass(frozen=True)
class Vocabulary:
    """The words one language's articles are made of."""

    code: str
    persons: tuple[str, ...]
    organizations: tuple[str, ...]
    countries: tuple[str, ...]
    cities: tuple[str, ...]
    titles: tuple[str, ...]
    verbs: tuple[str, ...]
    triggers: tuple[str, ...]
    stances: tuple[str, ...]
    months: tuple[str, ...]


def vocabularies(gaz) -> dict[str, Vocabulary]:
    """The vocabulary of each language, from the knowledge base, gazetteer and lang data."""
    from diplograph.lang import load
    from diplograph.resolve.kb import load_kb

    kb = load_kb()
    places = [e for e in gaz.entities.values() if e.type == "Place"][:PLACES_USED]
    place_ids = {p.id for p in places}
    # Cities in Arabic and Cyrillic script come from the gazetteer's alternate names.
    city_forms: dict[str, set[str]] = defaultdict(set)
    for aliases in gaz.names.keys().values():
        for alias in aliases:
            if alias.kind == "city" and alias.entity in place_ids and not alias.stem:
                if ARABIC.match(alias.form):
                    city_forms["ar"].add(alias.form)
                elif CYRILLIC.match(alias.form):
                    city_forms["ru"].add(alias.form)
    latin_cities = sorted({p.label("en") for p in places if LATIN.match(p.label("en"))})
    result = {}
    for code in LANGS:
        lang = load(code)
        countries = sorted(
            label.text
            for entity in gaz.entities.values()
            if entity.type == "Country"
            for label in entity.labels
            if label.lang == code
        )
        result[code] = Vocabulary(
            code=code,
            persons=tuple(e.names[code][0] for e in kb.persons if e.names.get(code)),
            organizations=tuple(e.names[code][0] for e in kb.organizations if e.names.get(code)),
            countries=tuple(countries),
            cities=tuple(sorted(city_forms[code])) if code in city_forms else tuple(latin_cities),
            titles=tuple(form for t in lang.titles.titles for form in t.forms),
            verbs=lang.reporting_verbs.verbs,
            triggers=lang.meeting_triggers.triggers,
            stances=tuple(w for words in lang.stance_triggers.stances.values() for w in words),
            months=tuple(name for m in lang.months.months for name in m.names),
        )
    return result


def _fill(template: str, vocab: Vocabulary, rng: random.Random) -> str:
    city = rng.choice(vocab.cities)
    values = {
        "person": rng.choice(vocab.persons),
        "person2": rng.choice(vocab.persons),
        "title": rng.choice(vocab.titles),
        "org": rng.choice(vocab.organizations),
        "country": rng.choice(vocab.countries),
        "country2": rng.choice(vocab.countries),
        "city": city,
        "CITY": city.upper(),
        "verb": rng.choice(vocab.verbs),
        "trigger": rng.choice(vocab.triggers),
        "stance": rng.choice(vocab.stances),
        "day": str(rng.randint(1, 28)),
        "month": rng.choice(vocab.months),
        "year": str(rng.randint(2015, 2024)),
        "filler": rng.choice(FILLERS[vocab.code]).rstrip(".。"),
    }
    return template.format(**values)


def article(vocab: Vocabulary, size: int, rng: random.Random) -> str:
    """One article of about ``size`` UTF-8 bytes: headline, dateline, paragraphs."""
    code = vocab.code
    lines = [_fill(HEADLINES[code], vocab, rng), ""]
    paragraph = _fill(DATELINES[code], vocab, rng)
    used = sum(len(line.encode()) + 1 for line in lines)
    sentences_in_paragraph = 0
    while used + len(paragraph.encode()) < size:
        if rng.random() < 0.55:
            sentence = _fill(rng.choice(TEMPLATES[code]), vocab, rng)
        else:
            sentence = rng.choice(FILLERS[code])
        joiner = "" if not paragraph or paragraph.endswith("- ") else " "
        paragraph += joiner + sentence
        sentences_in_paragraph += 1
        if sentences_in_paragraph >= rng.randint(3, 5):
            lines += [paragraph, ""]
            used += len(paragraph.encode()) + 2
            paragraph, sentences_in_paragraph = "", 0
    lines.append(paragraph)
    return "\n".join(lines).rstrip() + "\n"


def write_corpus(folder: Path, *, docs: int, size: int, seed: int, gaz) -> list[Path]:
    """Write ``docs`` articles into ``folder``; the same arguments give the same files."""
    vocab = vocabularies(gaz)
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("doc-*.txt"):
        old.unlink()
    paths = []
    for i in range(docs):
        code = LANGS[i % len(LANGS)]
        path = folder / f"doc-{i:05d}-{code}.txt"
        path.write_text(article(vocab[code], size, rng), encoding="utf-8")
        paths.append(path)
    return paths


# --- measuring ------------------------------------------------------------------------


def pin_to_one_core() -> int | None:
    """Run on one CPU (and keep any native threads there too); the CPU's number."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return cpu


def max_rss_mib() -> float:
    """The process's peak resident memory so far (``ru_maxrss`` is KiB on Linux)."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def percentile(values: list[float], q: int) -> float:
    """The ``q``-th percentile (1..99) of ``values``, interpolated."""
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def timed(func: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    value = func()
    return time.perf_counter() - start, value


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def lang_of(path: str | None) -> str:
    return (path or "").rsplit("-", 1)[-1].removesuffix(".txt")


def measure(args: argparse.Namespace) -> dict:
    from diplograph.api import ingest_documents, stats
    from diplograph.errors import ReadError
    from diplograph.extract.pipeline import extract
    from diplograph.readers import read_paths
    from diplograph.resolve.gazetteer import gazetteer

    results: dict = {"rss_mib": {}}
    results["cpu_pinned"] = pin_to_one_core()
    results["rss_mib"]["after_imports"] = max_rss_mib()

    gazetteer_s, gaz = timed(gazetteer)
    results["gazetteer_build_s"] = gazetteer_s
    results["gazetteer_entities"] = len(gaz.entities)
    results["gazetteer_names"] = len(gaz.names)
    results["rss_mib"]["after_gazetteer"] = max_rss_mib()

    temp = None
    if args.out:
        folder = Path(args.out)
    else:
        temp = tempfile.TemporaryDirectory(prefix="diplograph-bench-")
        folder = Path(temp.name)
    corpus_s, paths = timed(
        lambda: write_corpus(
            folder / "corpus", docs=args.docs, size=args.size, seed=args.seed, gaz=gaz
        )
    )
    sizes = [p.stat().st_size for p in paths]
    results["corpus"] = {
        "folder": str(folder / "corpus"),
        "docs": len(paths),
        "bytes_mean": statistics.fmean(sizes),
        "bytes_total": sum(sizes),
        "generation_s": corpus_s,
    }
    corpus = folder / "corpus"

    # Warm-up: the first document of each language loads its lexicons and date parser.
    warm_paths = [next(p for p in paths if lang_of(p.name) == code) for code in LANGS]
    warm_s, _ = timed(lambda: [extract(d) for d in read_paths(warm_paths)])
    results["warmup_s"] = warm_s

    # (1) The ceiling: read and decode only.
    def read_all() -> int:
        return sum(1 for item in read_paths(corpus) if not isinstance(item, ReadError))

    read_all()  # page cache
    read_s, read_n = timed(read_all)
    results["read"] = {"docs": read_n, "seconds": read_s, "docs_per_s": read_n / read_s}
    chars = 0

    # (2) Read + extract.
    latencies: list[float] = []
    per_lang: dict[str, list[float]] = defaultdict(list)
    counts: Counter[str] = Counter()
    errors: list[str] = []
    start = time.perf_counter()
    for item in read_paths(corpus):
        if isinstance(item, ReadError):
            errors.append(str(item))
            continue
        t0 = time.perf_counter()
        try:
            extraction = extract(item)
        except Exception as err:  # a crash is a result to report, not a reason to stop
            errors.append(f"{item.path}: {type(err).__name__}: {err}")
            continue
        elapsed = time.perf_counter() - t0
        latencies.append(elapsed)
        per_lang[extraction.document.lang or lang_of(item.path)].append(elapsed)
        chars += len(item.text)
        counts["mentions"] += len(extraction.mentions)
        counts["entities"] += len(extraction.entities)
        for event in extraction.events:
            counts[event.kind] += 1
    extract_s = time.perf_counter() - start
    n = len(latencies)
    results["extract"] = {
        "docs": n,
        "errors": errors,
        "seconds": extract_s,
        "docs_per_s": n / extract_s,
        "extract_only_docs_per_s": n / sum(latencies),
        "chars_per_s": chars / extract_s,
        "latency_ms_p50": percentile(latencies, 50) * 1000,
        "latency_ms_p95": percentile(latencies, 95) * 1000,
        "latency_ms_max": max(latencies) * 1000,
        "per_language": {
            code: {
                "docs": len(values),
                "docs_per_s": len(values) / sum(values),
                "latency_ms_p50": percentile(values, 50) * 1000,
                "latency_ms_p95": percentile(values, 95) * 1000,
            }
            for code, values in sorted(per_lang.items())
        },
        "found": dict(sorted(counts.items())),
    }
    results["rss_mib"]["after_extract"] = max_rss_mib()

    # Allocation peak of read + extract, traced in a separate pass.
    traced = [p for p in paths[: args.trace_docs]]
    tracemalloc.start()
    tracemalloc.reset_peak()
    base, _ = tracemalloc.get_traced_memory()
    for item in read_paths(traced):
        if not isinstance(item, ReadError):
            with contextlib.suppress(Exception):  # crashes are counted in the timed pass
                extract(item)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    results["tracemalloc"] = {"docs": len(traced), "peak_mib": (peak - base) / 2**20}

    # (3) Full ingest into a fresh Oxigraph store, with the time of each block of documents
    # (the rate falls as the store grows).
    store = folder / "store"
    if store.exists():
        shutil.rmtree(store)
    to_ingest = paths[: args.ingest_docs] if args.ingest_docs else paths
    marks: list[float] = []

    def timed_reads():
        for i, item in enumerate(read_paths(to_ingest)):
            if i % INGEST_BLOCK == 0:
                marks.append(time.perf_counter())  # the previous block is stored by now
            yield item

    ingest_s, report = timed(lambda: ingest_documents(timed_reads(), store=store))
    marks.append(marks[0] + ingest_s)
    quads = stats(store=store)["quads"]
    results["ingest"] = {
        "docs": report.documents,
        "errors": report.errors,
        "seconds": ingest_s,
        "docs_per_s": report.documents / ingest_s,
        "quads": quads,
        "quads_per_s": quads / ingest_s,
        "docs_per_s_by_block": [
            {
                "first_doc": i * INGEST_BLOCK,
                "docs_per_s": min(INGEST_BLOCK, report.documents - i * INGEST_BLOCK) / (b - a),
            }
            for i, (a, b) in enumerate(itertools.pairwise(marks))
        ],
        "store_bytes": sum(f.stat().st_size for f in store.rglob("*") if f.is_file()),
        "facts": dict(sorted(report.facts.items())),
    }
    results["rss_mib"]["after_ingest"] = max_rss_mib()

    if args.profile:
        results["profile"] = profile(paths[: args.profile], folder, top=args.top)
    if temp is not None:
        temp.cleanup()
    return results


def profile(paths: list[Path], folder: Path, top: int = 10) -> dict:
    """Hot spots of extracting ``paths`` (reading excluded), then of ingesting them."""
    from diplograph.api import ingest_documents
    from diplograph.extract.pipeline import extract
    from diplograph.readers import read_paths

    docs = list(read_paths(paths))
    result: dict = {"docs": len(docs)}
    extraction = cProfile.Profile()
    extraction.enable()
    for doc in docs:
        extract(doc)
    extraction.disable()
    result["extract"] = _hot_spots(extraction, top)
    ingestion = cProfile.Profile()
    with tempfile.TemporaryDirectory(dir=folder) as store:
        ingestion.enable()
        ingest_documents(docs, store=store)
        ingestion.disable()
    result["ingest"] = _hot_spots(ingestion, top)
    return result


def _hot_spots(profiler: cProfile.Profile, top: int) -> dict[str, list[dict]]:
    """The ``top`` functions by cumulative time and by own time."""
    stats = pstats.Stats(profiler, stream=io.StringIO())
    rows: dict[str, list[dict]] = {}
    for order in ("cumulative", "tottime"):
        stats.sort_stats(order)
        entries = []
        for func in stats.fcn_list[:top]:  # type: ignore[attr-defined]
            _, calls, own, cumulative, _ = stats.stats[func]  # type: ignore[attr-defined]
            filename, line, name = func
            entries.append(
                {
                    "function": f"{_short(filename)}:{line}({name})",
                    "calls": calls,
                    "tottime_s": own,
                    "cumtime_s": cumulative,
                }
            )
        rows[order] = entries
    return rows


def _short(filename: str) -> str:
    for marker in ("/site-packages/", "/src/", "/lib/python"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


# --- reporting ------------------------------------------------------------------------


def machine(cpus: int | None) -> dict:
    import diplograph

    return {
        "cpu": cpu_model(),
        "cpus_available": cpus,
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "diplograph": getattr(diplograph, "__version__", "unknown"),
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }


def table(results: dict) -> str:
    ex, rd, ing, rss = results["extract"], results["read"], results["ingest"], results["rss_mib"]
    blocks = ", ".join(f"{b['docs_per_s']:.1f}" for b in ing["docs_per_s_by_block"])
    rows = [
        ("Documents (mean size)", f"{ex['docs']} ({results['corpus']['bytes_mean']:.0f} bytes)"),
        ("Gazetteer build (one-off, excluded)", f"{results['gazetteer_build_s']:.2f} s"),
        ("Warm-up, first doc per language (excluded)", f"{results['warmup_s']:.2f} s"),
        ("Read + decode only (ceiling)", f"{rd['docs_per_s']:,.0f} docs/s"),
        ("Read + extract, one core", f"{ex['docs_per_s']:,.1f} docs/s"),
        ("Extract only, one core", f"{ex['extract_only_docs_per_s']:,.1f} docs/s"),
        ("Target", f"{TARGET_DOCS_PER_S} docs/s/core"),
        (
            "Extraction latency p50 / p95",
            f"{ex['latency_ms_p50']:.1f} / {ex['latency_ms_p95']:.1f} ms",
        ),
        (
            f"Full ingest into Oxigraph ({ing['docs']} docs)",
            f"{ing['docs_per_s']:,.1f} docs/s (by block of {INGEST_BLOCK}: {blocks})",
        ),
        ("Quads written (rate)", f"{ing['quads']:,} ({ing['quads_per_s']:,.0f} quads/s)"),
        (
            f"tracemalloc peak, extraction ({results['tracemalloc']['docs']} docs)",
            f"{results['tracemalloc']['peak_mib']:.1f} MiB",
        ),
        ("Peak RSS after gazetteer", f"{rss['after_gazetteer']:.0f} MiB"),
        (
            "Peak RSS after extraction / ingest",
            f"{rss['after_extract']:.0f} / {rss['after_ingest']:.0f} MiB",
        ),
        ("Extraction / ingest errors", f"{len(ex['errors'])} / {len(ing['errors'])}"),
    ]
    lines = ["| Measure | Result |", "|---|---|", *(f"| {a} | {b} |" for a, b in rows)]
    lines += ["", "| Language | docs | docs/s | p50 ms | p95 ms |", "|---|---|---|---|---|"]
    for code, lang in ex["per_language"].items():
        lines.append(
            f"| {code} | {lang['docs']} | {lang['docs_per_s']:.1f} | "
            f"{lang['latency_ms_p50']:.1f} | {lang['latency_ms_p95']:.1f} |"
        )
    found = ", ".join(f"{k}: {v:,}" for k, v in ex["found"].items())
    lines += ["", f"Found in the corpus: {found}."]
    if "profile" in results:
        prof = results["profile"]
        for phase in ("extract", "ingest"):
            for order, label in (("cumulative", "cumulative"), ("tottime", "own")):
                lines += [
                    "",
                    f"Hot spots of {phase} (cProfile, {prof['docs']} docs, by {label} time):",
                    "",
                    "| Function | calls | own s | cumulative s |",
                    "|---|---|---|---|",
                ]
                for row in prof[phase][order]:
                    lines.append(
                        f"| `{row['function']}` | {row['calls']:,} | {row['tottime_s']:.3f} | "
                        f"{row['cumtime_s']:.3f} |"
                    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000, help="articles to generate")
    parser.add_argument("--size", type=int, default=4096, help="article size in UTF-8 bytes")
    parser.add_argument("--out", help="folder for the corpus and store (default: a temp folder)")
    parser.add_argument("--seed", type=int, default=0, help="random seed of the corpus")
    parser.add_argument(
        "--trace-docs", type=int, default=200, help="articles in the tracemalloc pass"
    )
    parser.add_argument(
        "--profile", type=int, default=0, metavar="N", help="cProfile the first N articles"
    )
    parser.add_argument(
        "--ingest-docs",
        type=int,
        default=500,
        help="articles in the ingest pass (0: all); ingest is the slow phase",
    )
    parser.add_argument("--top", type=int, default=15, help="hot spots listed per profile")
    parser.add_argument(
        "--results",
        default=str(Path(__file__).with_name("results.json")),
        help="where to write the JSON results",
    )
    args = parser.parse_args(argv)
    if args.docs < 1 or args.size < 256:
        parser.error("--docs must be at least 1 and --size at least 256")

    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    started = time.perf_counter()
    results = measure(args)
    results["total_s"] = time.perf_counter() - started
    output = {
        "machine": machine(cpus),
        "parameters": {k: v for k, v in vars(args).items() if k != "results"},
        "target_docs_per_s_per_core": TARGET_DOCS_PER_S,
        "results": results,
    }
    Path(args.results).write_text(json.dumps(output, indent=2, ensure_ascii=False) + "\n")
    print(table(results))
    print(f"\nTotal {results['total_s']:.0f} s. Results written to {args.results}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
