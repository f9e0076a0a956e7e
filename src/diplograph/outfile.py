"""Writing an output file whole or not at all.

An export, a page or a report is written to a temporary file beside its target, flushed to
disk and renamed over the target: a full disk or a kill midway leaves the old file (or
none), never a cut-off one.  Missing folders are made.  Every failure is one
:class:`OutputError` naming the file and the system's reason.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from diplograph.errors import OutputError

__all__ = ["write_atomically"]


def write_atomically(path: Path | str, data: bytes | str) -> Path:
    """Write ``data`` (text is UTF-8) to ``path`` as one step; the path written."""
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        with os.fdopen(handle, "wb") as file:
            file.write(payload)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
        temporary = None
    except OSError as err:
        raise OutputError(path, err.strerror or str(err)) from err
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
    return path
