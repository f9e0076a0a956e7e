"""Parameters written into a query's patterns, so Oxigraph can use its indexes.

Oxigraph applies ``substitutions`` (and ``VALUES`` or ``BIND``) after evaluating the
patterns, not as constants in them: ``evidence`` for one fact took 3.6 s on a store of a
million quads with the fact substituted, and 1 ms with the fact's IRI written in the
pattern. So :func:`inline` rewrites a SELECT or ASK query with each bound variable
replaced by its term, serialized by Oxigraph in N-Triples syntax (every quote, backslash
and line break escaped, IRIs checked), so a value can never end the term it is written
in. The variable stays in the answer: a projected ``?v`` becomes ``(TERM AS ?v)``, and in
GROUP BY or ORDER BY it becomes ``(TERM)``.

Where a rewrite would change the query's meaning (``SELECT *``, a variable that is
assigned with ``AS`` or ``VALUES``, a CONSTRUCT template) the query is left as it is and
its parameters go to Oxigraph's substitutions, slower but the same answer.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pyoxigraph as ox

__all__ = ["inline"]

TOKEN = re.compile(
    r"""
    (?P<comment>\#[^\n]*)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
              |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][A-Za-z0-9_\u00B7\u00C0-\uFFFF]+)
  | (?P<word>[A-Za-z][A-Za-z0-9_]*)
  | (?P<other>.)
    """,
    re.X | re.S,
)

# Sections of a query where a variable token means something other than a pattern slot.
_PROJECTION, _GROUP, _ORDER, _BODY = "projection", "group", "order", "body"


def inline(
    sparql: str, bindings: Mapping[str, ox.NamedNode | ox.Literal | ox.BlankNode]
) -> tuple[str, dict]:
    """``sparql`` with ``bindings`` written in, and the bindings it could not write in.

    >>> text, rest = inline("SELECT ?s ?n WHERE { ?s <urn:p> ?n }", {"n": ox.Literal('a"b')})
    >>> text
    'SELECT ?s ("a\\\\"b" AS ?n) WHERE { ?s <urn:p> "a\\\\"b" }'
    >>> rest
    {}
    >>> list(inline("SELECT * WHERE { ?s ?p ?n }", {"n": ox.Literal("x")})[1])
    ['n']
    """
    if not bindings:
        return sparql, {}
    terms = {
        name: str(term) for name, term in bindings.items() if not isinstance(term, ox.BlankNode)
    }
    if not terms or not _inlinable(sparql, terms):
        return sparql, dict(bindings)
    out: list[str] = []
    section, depth = _BODY, 0
    for match in TOKEN.finditer(sparql):
        kind, text = match.lastgroup, match.group()
        if kind == "word":
            upper = text.upper()
            if upper == "SELECT":
                section, depth = _PROJECTION, 0
            elif upper == "WHERE" and section == _PROJECTION:
                section = _BODY
            elif upper == "GROUP":
                section, depth = _GROUP, 0
            elif upper == "ORDER":
                section, depth = _ORDER, 0
            elif upper in {"HAVING", "LIMIT", "OFFSET", "VALUES"}:
                section = _BODY
        elif kind == "other":
            if text == "(":
                depth += 1
            elif text == ")":
                depth -= 1
            elif (text == "{" and section == _PROJECTION) or (
                text in "{}" and section in (_GROUP, _ORDER)
            ):
                section = _BODY
        elif kind == "var" and text[1:] in terms:
            term = terms[text[1:]]
            if section == _PROJECTION and depth == 0:
                text = f"({term} AS {text})"
            elif section in (_GROUP, _ORDER) and depth == 0:
                text = f"({term})"
            else:
                text = term
        out.append(text)
    return "".join(out), {k: v for k, v in bindings.items() if k not in terms}


def _inlinable(sparql: str, terms: Mapping[str, str]) -> bool:
    """Whether writing the terms in keeps the query's meaning (see the module docstring)."""
    words = [m for m in TOKEN.finditer(sparql) if m.lastgroup in ("word", "var", "other")]
    kinds = {m.group().upper() for m in words if m.lastgroup == "word"}
    if "SELECT" not in kinds and "ASK" not in kinds:
        return False
    if kinds & {"CONSTRUCT", "DESCRIBE", "VALUES"}:
        return False
    previous = ""
    for m in words:
        text = m.group()
        if text == "*" and previous.upper() in {"SELECT", "DISTINCT", "REDUCED"}:
            return False
        if m.lastgroup == "var" and text[1:] in terms and previous.upper() == "AS":
            return False
        if m.lastgroup != "other" or not text.isspace():
            previous = text
    return True
