"""Checks for the sample articles (data/samples/) and their gold annotations (data/gold/).

The gold format is described in shared/corpus/FORMAT.md.  When the shared validator
(shared/corpus/validate.py) is available it is run as well; the essential checks are
re-implemented here so that the test is meaningful without it.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
GOLD = ROOT / "data" / "gold"
SAMPLES = ROOT / "data" / "samples"
SHARED_VALIDATE = Path(__file__).parents[1] / ".." / "shared" / "corpus" / "validate.py"
SHARED_SEED = Path(__file__).parents[1] / ".." / "shared" / "seeds" / "000_721bc30cdb1052a4.txt"

TYPES = {"Person", "Organization", "Country", "Place"}
STANCES = {"REQUEST", "PROPOSE", "AGREE", "REJECT", "ACCUSE", "THREATEN", "SUPPORT", "CONCEDE"}
KEYS = (
    "id",
    "lang",
    "url",
    "published",
    "entities",
    "meetings",
    "statements",
    "roles",
    "positions",
)
ID_RE = re.compile(r"^([a-z]{2})-(\d{2})$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}(/\d{4}-\d{2}-\d{2})?$")
JSONL_KEYS = {"text", "url", "published", "title", "lang", "source"}

GOLD_JSONS = sorted(GOLD.glob("*.json"))


# ----------------------------------------------------------------------------- helpers


def paragraphs(text: str) -> list[str]:
    """Blank-line separated blocks, whitespace-normalised, empty ones dropped."""
    return [" ".join(b.split()) for b in re.split(r"\n\s*\n", text) if b.strip()]


class _ArticleBlocks(HTMLParser):
    """Text of the <h1>, <h2> and <p> elements inside <article>."""

    BLOCKS = frozenset({"h1", "h2", "p"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.in_article = 0
        self.current: list[str] | None = None
        self.blocks: list[str] = []
        self.meta: dict[str, str] = {}
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta":
            key = a.get("property") or a.get("name")
            if key and a.get("content") is not None:
                self.meta[key] = a["content"]
        elif tag == "title":
            self._in_title = True
        elif tag == "article":
            self.in_article += 1
        elif tag in self.BLOCKS and self.in_article:
            self.current = []

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif tag == "article":
            self.in_article -= 1
        elif tag in self.BLOCKS and self.current is not None:
            block = " ".join("".join(self.current).split())
            if block:
                self.blocks.append(block)
            self.current = None

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if self.current is not None:
            self.current.append(data)


def parse_html(path: Path) -> _ArticleBlocks:
    p = _ArticleBlocks()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def is_seed(path: Path) -> bool:
    return "seed" in path.stem


def sample_articles() -> list[dict]:
    """Every article in data/samples/ as {file, lang, seed, kind, text, paragraphs}."""
    arts = []
    for f in sorted(SAMPLES.iterdir()):
        if f.suffix == ".txt":
            text = f.read_text(encoding="utf-8")
            arts.append(
                dict(
                    file=f.name,
                    lang=f.name[:2],
                    seed=is_seed(f),
                    kind="txt",
                    text=text,
                    paragraphs=paragraphs(text),
                )
            )
        elif f.suffix in (".html", ".htm"):
            p = parse_html(f)
            arts.append(
                dict(
                    file=f.name,
                    lang=f.name[:2],
                    seed=is_seed(f),
                    kind="html",
                    text="\n\n".join(p.blocks),
                    paragraphs=p.blocks,
                )
            )
        elif f.suffix == ".jsonl":
            for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
                if not line.strip():
                    continue
                r = json.loads(line)
                paras = ([" ".join(r["title"].split())] if r.get("title") else []) + paragraphs(
                    r["text"]
                )
                arts.append(
                    dict(
                        file=f"{f.name}:{n}",
                        lang=r.get("lang"),
                        seed=False,
                        kind="jsonl",
                        text=r["text"],
                        paragraphs=paras,
                        record=r,
                    )
                )
    return arts


def words(text: str) -> int:
    return len(text.split())


def check_date(d, where, errs):
    if d is None:
        return
    if not isinstance(d, str) or not DATE_RE.match(d):
        errs.append(f"{where}: bad date {d!r}")
        return
    try:
        parts = [dt.date.fromisoformat(x) for x in d.split("/")]
    except ValueError:
        errs.append(f"{where}: impossible date {d!r}")
        return
    if len(parts) == 2 and parts[0] > parts[1]:
        errs.append(f"{where}: range runs backwards {d!r}")


def own_check(path: Path) -> list[str]:
    """The essential FORMAT.md checks, independent of shared/corpus/validate.py."""
    errs: list[str] = []
    txt = path.with_suffix(".txt")
    if not txt.exists():
        return [f"no {txt.name}"]
    text = txt.read_text(encoding="utf-8")
    g = json.loads(path.read_text(encoding="utf-8"))
    for k in KEYS:
        if k not in g:
            errs.append(f"missing key {k}")
    if g.get("id") != path.stem:
        errs.append(f"id {g.get('id')!r} != file stem {path.stem!r}")
    m = ID_RE.match(path.stem)
    if not m:
        errs.append(f"file stem {path.stem!r} is not LANG-NN")
    elif g.get("lang") != m.group(1):
        errs.append(f"lang {g.get('lang')!r} does not match id prefix {m.group(1)!r}")
    check_date(g.get("published"), "published", errs)
    if g.get("published") is not None and "/" in g["published"]:
        errs.append("published must be a single day")
    if g.get("title") and text.split("\n", 1)[0].strip() != g["title"].strip():
        errs.append("title is not the first line of the text")

    types: dict[str, str] = {}
    for e in g.get("entities", []):
        name = e.get("name")
        if not name:
            errs.append("entity without a name")
            continue
        if name in types:
            errs.append(f"entity {name!r} listed twice")
        types[name] = e.get("type")
        if e.get("type") not in TYPES:
            errs.append(f"entity {name!r}: bad type {e.get('type')!r}")
        if not isinstance(e.get("aliases"), list):
            errs.append(f"entity {name!r}: aliases is not a list")
        elif name not in text and not any(a in text for a in e["aliases"]):
            errs.append(f"entity {name!r}: neither name nor any alias occurs in the text")
        q = e.get("wikidata")
        if q is not None and not re.fullmatch(r"Q[1-9]\d*", q):
            errs.append(f"entity {name!r}: bad wikidata id {q!r}")

    def need(name, where, allowed=None):
        if name is None:
            return
        if name not in types:
            errs.append(f"{where}: {name!r} is not in entities")
        elif allowed and types[name] not in allowed:
            errs.append(f"{where}: {name!r} is a {types[name]}, expected {sorted(allowed)}")

    def ev(item, where):
        e = item.get("evidence")
        if not e:
            errs.append(f"{where}: no evidence")
        elif e not in text:
            errs.append(f"{where}: evidence is not an exact substring: {e[:60]!r}")

    for i, mt in enumerate(g.get("meetings", [])):
        w = f"meetings[{i}]"
        need(mt.get("location"), w, {"Place"})
        if not mt.get("participants"):
            errs.append(f"{w}: no participants")
        for p in mt.get("participants", []):
            need(p, w, {"Person", "Organization", "Country"})
        check_date(mt.get("date"), w, errs)
        ev(mt, w)
    seen = set()
    for i, s in enumerate(g.get("statements", [])):
        w = f"statements[{i}]"
        need(s.get("speaker"), w, {"Person", "Organization", "Country"})
        check_date(s.get("date"), w, errs)
        key = (s.get("speaker"), s.get("date"))
        if key in seen:
            errs.append(f"{w}: {key} listed more than once (once per actor per day)")
        seen.add(key)
        ev(s, w)
    for i, r in enumerate(g.get("roles", [])):
        w = f"roles[{i}]"
        need(r.get("person"), w, {"Person"})
        need(r.get("of"), w, {"Organization", "Country"})
        if not r.get("title"):
            errs.append(f"{w}: no title")
        ev(r, w)
    for i, p in enumerate(g.get("positions", [])):
        w = f"positions[{i}]"
        need(p.get("holder"), w, {"Person", "Organization", "Country"})
        if p.get("type") not in STANCES:
            errs.append(f"{w}: bad type {p.get('type')!r}")
        if not p.get("topic"):
            errs.append(f"{w}: no topic")
        ev(p, w)
    return errs


# ----------------------------------------------------------------------------- tests


def test_there_is_gold():
    assert GOLD_JSONS, "no annotations in data/gold"
    for t in GOLD.glob("*.txt"):
        assert t.with_suffix(".json").exists(), f"{t.name} has no annotation"


@pytest.mark.parametrize("path", GOLD_JSONS, ids=lambda p: p.stem)
def test_gold_format(path):
    errs = own_check(path)
    assert not errs, "\n".join(errs)


@pytest.mark.parametrize("path", GOLD_JSONS, ids=lambda p: p.stem)
def test_shared_validator(path):
    if not SHARED_VALIDATE.exists():
        pytest.skip("shared/corpus/validate.py not available")
    spec = importlib.util.spec_from_file_location("shared_corpus_validate", SHARED_VALIDATE)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    errs = mod.check(path)
    assert not errs, "\n".join(errs)


def matches(article: dict, gold_text: str) -> bool:
    """Is gold_text the plain text of this sample article?

    txt: identical text.  jsonl: title line, then the paragraphs of `text`, exactly.
    html: the gold starts with the <h1> and every gold paragraph is a paragraph of the
    <article> (boilerplate blocks inside it, e.g. a byline, may be left out)."""
    if article["kind"] == "txt":
        return article["text"] == gold_text
    gold_paras = paragraphs(gold_text)
    if article["kind"] == "jsonl":
        return gold_paras == article["paragraphs"]
    blocks = article["paragraphs"]
    body = [b for b in blocks[1:]]
    covered = sum(b in gold_paras for b in body)
    return (
        bool(gold_paras)
        and gold_paras[0] == blocks[0]
        and all(p in blocks for p in gold_paras)
        and covered >= len(body) - 1
    )


@pytest.mark.parametrize("path", GOLD_JSONS, ids=lambda p: p.stem)
def test_gold_text_comes_from_a_sample(path):
    gold_text = path.with_suffix(".txt").read_text(encoding="utf-8")
    assert any(matches(a, gold_text) for a in sample_articles()), (
        f"{path.with_suffix('.txt').name} matches no article in data/samples"
    )


def test_every_sample_has_gold():
    gold_texts = [p.with_suffix(".txt").read_text(encoding="utf-8") for p in GOLD_JSONS]
    missing = [a["file"] for a in sample_articles() if not any(matches(a, t) for t in gold_texts)]
    assert not missing, f"samples without gold: {missing}"


def test_gold_lang_matches_sample():
    for path in GOLD_JSONS:
        g = json.loads(path.read_text(encoding="utf-8"))
        gold_text = path.with_suffix(".txt").read_text(encoding="utf-8")
        langs = {a["lang"] for a in sample_articles() if matches(a, gold_text)}
        assert g["lang"] in langs, f"{path.name}: lang {g['lang']!r}, sample says {langs}"


def test_enough_written_articles():
    arts = sample_articles()
    seeds = [a for a in arts if a["seed"]]
    written = [a for a in arts if not a["seed"]]
    assert len(seeds) == 1, "exactly one seed article expected"
    assert len(written) >= 7, f"only {len(written)} written articles"
    langs = {a["lang"] for a in written}
    assert {"ar", "en", "fr", "ru"} <= langs, f"languages covered: {sorted(langs)}"
    assert sum(a["lang"] == "ar" for a in written) >= 2
    assert sum(a["lang"] == "en" for a in written) >= 2
    kinds = {a["kind"] for a in written}
    assert {"txt", "html", "jsonl"} <= kinds
    for a in written:
        n = words(a["text"])
        assert 150 <= n <= 400, f"{a['file']}: {n} words"


def test_seed_is_byte_identical():
    seed = SAMPLES / "ar-00-seed.txt"
    assert seed.exists()
    assert (GOLD / "ar-00.txt").read_bytes() == seed.read_bytes()
    if SHARED_SEED.exists():
        assert seed.read_bytes() == SHARED_SEED.read_bytes()


def test_txt_samples_have_title_and_body():
    for f in SAMPLES.glob("*.txt"):
        lines = f.read_text(encoding="utf-8").split("\n")
        assert lines[0].strip(), f"{f.name}: empty title line"
        assert len(lines) > 2 and lines[1] == "", (
            f"{f.name}: title must be followed by a blank line"
        )


def test_html_sample_has_metadata():
    htmls = sorted(SAMPLES.glob("*.html"))
    assert htmls, "no .html sample"
    for f in htmls:
        p = parse_html(f)
        assert p.title.strip(), f"{f.name}: no <title>"
        assert re.match(r"^\d{4}-\d{2}-\d{2}", p.meta.get("article:published_time", "")), (
            f"{f.name}: no published_time"
        )
        assert p.meta.get("author"), f"{f.name}: no author meta"
        assert p.blocks, f"{f.name}: no <article> paragraphs"


def test_jsonl_records():
    files = sorted(SAMPLES.glob("*.jsonl"))
    assert files, "no .jsonl sample"
    for f in files:
        lines = [line for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
        assert len(lines) >= 2
        for line in lines:
            r = json.loads(line)
            assert isinstance(r.get("text"), str) and r["text"].strip()
            assert set(r) <= JSONL_KEYS, f"unexpected keys {set(r) - JSONL_KEYS}"
            if r.get("published") is not None:
                dt.date.fromisoformat(r["published"])
