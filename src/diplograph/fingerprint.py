"""What a document's graph is made from, as one digest: re-reading an article whose
fingerprint is already stored would change nothing, so ingest skips it.

The digest covers the document (text and metadata) and the version of everything that
turns it into triples: the extraction, resolve and mapping code, the language data and
the knowledge base. Any edit to those (a new rule, a new alias) changes every
fingerprint, so the next ingest reads everything again, as it must.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from diplograph.model import Document
from diplograph.resolve.kb import kb_dir

__all__ = ["document_fingerprint", "extractor_version"]

PACKAGE = Path(__file__).parent
MAKERS = ("extract", "lang", "text", "resolve", "rdf", "model.py", "ingest.py")
"""The parts of the package that decide a document's triples."""


@functools.cache
def extractor_version() -> str:
    """A digest of the code, language data and knowledge base that make the triples
    (read once per process: about 300 small files)."""
    files = sorted(
        path
        for root in (*(PACKAGE / part for part in MAKERS), kb_dir())
        for path in ([root] if root.is_file() else root.rglob("*"))
        if path.is_file() and path.suffix in {".py", ".yaml", ".yml", ".json", ".csv", ".ttl"}
    )
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def document_fingerprint(doc: Document) -> str:
    """The digest of ``doc`` (text and metadata, not where it was read from) and of
    :func:`extractor_version`.

    >>> a = Document(text="NATO met Russia.", title="Talks")
    >>> document_fingerprint(a) == document_fingerprint(a.model_copy(update={"path": "x"}))
    True
    >>> document_fingerprint(a) == document_fingerprint(a.model_copy(update={"title": "T"}))
    False
    """
    described = doc.model_dump_json(exclude={"path"})
    return hashlib.sha256(f"{extractor_version()}\x1f{described}".encode()).hexdigest()[:32]
