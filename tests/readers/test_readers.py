"""``read_paths`` and ``read_text``: order, walking, and errors that do not stop a batch."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from diplograph.errors import ReadError
from diplograph.model import Document
from diplograph.readers import READERS, read_paths, read_text

from .samples import ARTICLE_HTML, ARTICLE_TXT, PNG_BYTES


def names(results, root: Path) -> list[str]:
    return [
        ("!" if isinstance(result, ReadError) else "")
        + Path(result.path).relative_to(root).as_posix()
        for result in results
    ]


def test_readers_registry_covers_every_format():
    assert sorted(READERS) == [".htm", ".html", ".jsonl", ".txt"]
    with pytest.raises(TypeError):
        READERS[".md"] = READERS[".txt"]  # read-only


def test_readers_walk_is_sorted_recursive_and_skips_hidden(tmp_path, write):
    write("b.txt", "B\n")
    write("a/z.txt", "AZ\n")
    write("a/deeper/y.jsonl", '{"text": "AY"}\n')
    write("a/x.html", ARTICLE_HTML)
    write("c.md", "not read")
    write("noext", "not read")
    write(".hidden.txt", "not read")
    write(".git/config.txt", "not read")
    write("a/.cache/w.txt", "not read")
    write("UPPER.TXT", "UP\n")
    assert names(read_paths([tmp_path]), tmp_path) == [
        "UPPER.TXT",
        "a/deeper/y.jsonl",
        "a/x.html",
        "a/z.txt",
        "b.txt",
    ]


def test_readers_paths_are_read_in_given_order(tmp_path, write):
    b, a = write("b.txt", "B\n"), write("a.txt", "A\n")
    assert names(read_paths([b, str(a), b]), tmp_path) == ["b.txt", "a.txt", "b.txt"]


def test_readers_single_path_is_accepted(tmp_path, write):
    write("a.txt", "A\n")
    assert names(read_paths(tmp_path), tmp_path) == ["a.txt"]
    assert names(read_paths(str(tmp_path)), tmp_path) == ["a.txt"]


def test_readers_explicit_hidden_file_is_read(tmp_path, write):
    assert names(read_paths([write(".draft.txt", "Draft\n")]), tmp_path) == [".draft.txt"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_readers_walk_does_not_follow_directory_links(tmp_path, write):
    write("data/a.txt", "A\n")
    (tmp_path / "data" / "loop").symlink_to(tmp_path / "data", target_is_directory=True)
    assert names(read_paths([tmp_path / "data"]), tmp_path) == ["data/a.txt"]


def test_readers_same_article_twice_has_same_id(write):
    docs = list(read_paths([write("a.txt", ARTICLE_TXT), write("b.txt", ARTICLE_TXT)]))
    assert docs[0].id == docs[1].id


# name -> (content, words the problem names)
BAD_FILES = {
    "empty.txt": (b"", ["empty file"]),
    "empty.html": (b"", ["empty file"]),
    "empty.jsonl": (b"", ["empty file"]),
    "bom-only.txt": (b"\xef\xbb\xbf", ["empty file"]),
    "latin1.txt": (b"Caf\xe9 talks\n", ["not UTF-8: invalid byte 0xe9 at offset 3"]),
    "later.txt": (b"Line one\nLine two \xff\n", ["not UTF-8: invalid byte 0xff at offset 18"]),
    "latin1.html": (b"<html><body><p>Caf\xe9</p></body></html>", ["not UTF-8", "0xe9"]),
    "image.txt": (PNG_BYTES, ["binary content, not text", "PNG"]),
    "image.html": (PNG_BYTES, ["binary content, not text"]),
    "image.jsonl": (PNG_BYTES, ["binary content, not text"]),
    "nul.txt": (b"Talks\x00 in Geneva\n", ["binary content, not text", "NUL"]),
    "nul.jsonl": (b'{"text": "a"}\n\x00\n', ["binary content, not text"]),
    "utf16.txt": ("Talks".encode("utf-16"), ["UTF-16"]),
    "blank.txt": (b" \n\t\r\n \xe3\x80\x80\n", ["only whitespace"]),
    "blank.html": (b"\n\n   \n", ["only whitespace"]),
    "notes.pdf": (b"%PDF-1.4", ["unsupported file type", ".pdf"]),
    "README": (b"text", ["unsupported file type", "no extension"]),
}


@pytest.mark.parametrize(("name", "content", "words"), [(n, *v) for n, v in BAD_FILES.items()])
def test_readers_bad_file_is_error_and_batch_goes_on(write, name, content, words):
    good_txt, good_jsonl = write("good.txt", ARTICLE_TXT), write("good.jsonl", '{"text": "ok"}')
    bad = write(name, content)
    results = list(read_paths([good_txt, bad, good_jsonl]))
    assert [type(result) for result in results] == [Document, ReadError, Document]
    error = results[1]
    assert str(bad) in str(error)
    for word in words:
        assert word in str(error)


def test_readers_utf8_error_names_its_line(write):
    [error] = read_paths([write("a.txt", b"One\nTwo\nTh\xffree\n")])
    assert error.line == 3
    assert ":3: not UTF-8: invalid byte 0xff at offset 10" in str(error)


def test_readers_missing_path_is_error(tmp_path, write):
    good = write("a.txt", "A\n")
    missing = tmp_path / "missing.txt"
    results = list(read_paths([missing, good, tmp_path / "gone"]))
    assert [type(result) for result in results] == [ReadError, Document, ReadError]
    assert str(results[0]) == f"{missing}: no such file or directory"


@pytest.mark.parametrize("suffix", [".txt", ".html", ".jsonl"])
def test_readers_file_over_limit_is_refused_unread(tmp_path, suffix):
    path = tmp_path / f"huge{suffix}"
    with path.open("wb") as stream:
        stream.truncate(50_000_000)  # sparse: nothing is written, and must not be read
    [error] = read_paths([path])
    assert isinstance(error, ReadError)
    assert "50,000,000 bytes" in str(error)
    assert "limit of 20,000,000 bytes" in str(error)


@pytest.mark.parametrize("max_bytes", [10, len(ARTICLE_TXT.encode()) - 1])
def test_readers_max_bytes_is_honoured(write, max_bytes):
    path = write("a.txt", ARTICLE_TXT)
    [error] = read_paths([path], max_bytes=max_bytes)
    assert isinstance(error, ReadError)
    assert f"limit of {max_bytes:,} bytes" in str(error)
    [doc] = read_paths([path], max_bytes=len(ARTICLE_TXT.encode()))
    assert isinstance(doc, Document)


def test_readers_directory_that_cannot_be_listed_is_error(tmp_path, write):
    if os.geteuid() == 0:
        pytest.skip("root can list any directory")
    locked = tmp_path / "locked"
    write("locked/a.txt", "A\n")
    locked.chmod(0)
    try:
        [error] = read_paths([tmp_path])
        assert "cannot list directory" in str(error)
    finally:
        locked.chmod(0o755)


def test_readers_read_text_keeps_text_exactly():
    text = "Title\r\n\r\nMOSCOW, May 2 - Lavrov met Fidan."
    doc = read_text(
        text,
        title="Title",
        url="https://example.com/x",
        published=dt.datetime(2024, 5, 2, 23, 0),
        lang="ru-RU",
        source="TASS",
    )
    assert doc.text == text
    assert (doc.title, doc.published, doc.lang, doc.source, doc.path) == (
        "Title",
        dt.date(2024, 5, 2),
        "ru",
        "TASS",
        None,
    )


def test_readers_read_text_same_text_same_id_as_file(write):
    [doc] = read_paths([write("a.txt", ARTICLE_TXT)])
    assert read_text(ARTICLE_TXT).id == doc.id


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        ({"text": ""}, "empty text"),
        ({"text": " \n "}, "only whitespace"),
        ({"text": "a\x00b"}, "NUL"),
        ({"text": "ok", "published": "May 2"}, "published"),
        ({"text": "ok", "lang": "Russian"}, "lang"),
    ],
)
def test_readers_read_text_refuses_bad_input(kwargs, problem):
    with pytest.raises(ReadError, match=problem) as raised:
        read_text(**kwargs)
    assert str(raised.value).startswith("<text>: ")
