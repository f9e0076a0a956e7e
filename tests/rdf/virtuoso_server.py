"""A real Virtuoso for tests: a small ini with loopback ports in a temporary folder,
``virtuoso-t +foreground``, "Server online" awaited in its log, a random dba password."""

from __future__ import annotations

import secrets
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

VIRTUOSO = shutil.which("virtuoso-t")
ISQL = shutil.which("isql-vt")

INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = ., {dir}

[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {dir}
MaxClientConnections = 4
ServerThreads = 4

[SPARQL]
; the packaged ini caps answers at 10,000 rows and says so only in a header
ResultSetMaxRows = 100000000
MaxSortedTopRows = 100000000
MaxQueryExecutionTime = 120
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Virtuoso:
    """One server in ``folder``; :meth:`start` (again after :meth:`kill`) reuses its data."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.sql, self.http = free_port(), free_port()
        self.password = secrets.token_hex(8)
        self.process: subprocess.Popen | None = None
        (folder / "virtuoso.ini").write_text(
            INI.format(dir=folder, sql=self.sql, http=self.http), encoding="utf-8"
        )
        self._configured = False

    @property
    def url(self) -> str:
        return f"http://dba:{self.password}@127.0.0.1:{self.http}/sparql"

    @property
    def anonymous(self) -> str:
        return f"http://127.0.0.1:{self.http}/sparql"

    def start(self) -> None:
        log = self.folder / "virtuoso.log"
        seen = log.read_text(errors="replace").count("Server online") if log.exists() else 0
        self.process = subprocess.Popen(
            [VIRTUOSO, "+foreground", "+configfile", "virtuoso.ini"],
            cwd=self.folder,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if log.exists() and log.read_text(errors="replace").count("Server online") > seen:
                break
            if self.process.poll() is not None:
                raise RuntimeError(f"virtuoso-t exited: {log.read_text(errors='replace')[-500:]}")
            time.sleep(0.1)
        else:
            raise RuntimeError("virtuoso-t did not come online in 60 s")
        if not self._configured:
            self._isql("dba", f"USER_CHANGE_PASSWORD('dba', 'dba', '{self.password}');")
            self._isql(self.password, 'GRANT SPARQL_UPDATE TO "dba";')
            self._configured = True

    def _isql(self, password: str, statement: str) -> None:
        done = subprocess.run(
            [ISQL, f"127.0.0.1:{self.sql}", "dba", password, f"exec={statement}"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        if "Error" in done.stdout + done.stderr:
            raise RuntimeError(f"isql: {done.stdout[-300:]} {done.stderr[-300:]}")

    def kill(self) -> None:
        """Kill -9: no checkpoint, no goodbye, as a crash would."""
        if self.process is not None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=30)
            self.process = None

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
            self.process = None
