"""YAML as our data files need it: ``NO`` is Norway and ``on`` is a word.

PyYAML follows YAML 1.1, where ``yes/no/on/off`` (any case) are booleans, so a
country code ``NO`` or the English preposition ``on`` would silently become
``False``/``True``.  Our loader accepts only ``true`` and ``false`` as booleans.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

__all__ = ["read_yaml"]


# libyaml's parser (CSafeLoader) reads the knowledge base about ten times faster than the
# pure-Python one; the resolver rules below apply to both.
_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DataLoader(_BASE):
    """A safe loader whose only booleans are ``true`` and ``false``."""


DataLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
DataLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def read_yaml(path: Path) -> Any:
    """Parse the YAML file at ``path`` (raises OSError or yaml.YAMLError).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.yaml"
    >>> _ = p.write_text("NO: [on, yes]\\nflag: true\\n", encoding="utf-8")
    >>> read_yaml(p)
    {'NO': ['on', 'yes'], 'flag': True}
    """
    return yaml.load(path.read_text(encoding="utf-8"), Loader=DataLoader)
