"""`extractor inspect` as a user starts it: a real process on a free loopback port.

Shared by the server tests and the browser test: databases made the way the
tool makes them, and a server started, polled until it answers, and stopped.
"""

from __future__ import annotations

import json
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from click.testing import CliRunner

from extractor.cli import main
from tests.conftest import SEEDS

STARTUP_SECONDS = 30


def extractor_command() -> list[str]:
    """The installed `extractor` command beside this Python, else the one on PATH."""
    beside = Path(sys.executable).with_name("extractor")
    found = str(beside) if beside.exists() else shutil.which("extractor")
    assert found, "the extractor command is not installed"
    return [found]


def seeded_database(path: Path, *pages: Path) -> Path:
    """`extractor run` over the seed pages (or the pages given) into `path`, rules backend."""
    result = CliRunner().invoke(main, ["run", *map(str, pages or (SEEDS,)), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


def free_port() -> int:
    """A loopback port nothing listens on now: the kernel's pick for port 0."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class Response:
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Server:
    """A running `extractor inspect`: its address, the database's name there, its output."""

    process: subprocess.Popen[str]
    port: int
    database: str
    out: IO[str]
    err: IO[str]

    def output(self) -> list[str]:
        """What it has printed on stdout so far, line by line."""
        self.out.seek(0)
        return self.out.read().splitlines()

    def errors(self) -> str:
        self.err.seek(0)
        return self.err.read()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def get(self, path: str, **params: str) -> Response:
        return self.request("GET", path, params)

    def post(self, path: str, form: dict[str, str]) -> Response:
        return self.request("POST", path, {}, urllib.parse.urlencode(form).encode())

    def request(
        self, method: str, path: str, params: dict[str, str], data: bytes | None = None
    ) -> Response:
        url = self.base + path + ("?" + urllib.parse.urlencode(params) if params else "")
        req = urllib.request.Request(url, data=data, method=method)
        try:
            with urllib.request.urlopen(req, timeout=30) as reply:
                return Response(reply.status, reply.read(), dict(reply.headers))
        except urllib.error.HTTPError as error:
            return Response(error.code, error.read(), dict(error.headers))

    def json(self, path: str, **params: str) -> Any:
        reply = self.get(path, **params)
        assert reply.status == 200, f"{path} {params}: {reply.status} {reply.text[:500]}"
        return reply.json()

    def rows(self, path: str, **params: str) -> list[dict[str, Any]]:
        """The rows of a table or query as plain objects (`_shape=objects`)."""
        rows: list[dict[str, Any]] = self.json(path, _shape="objects", **params)["rows"]
        return rows


@contextmanager
def inspect_server(db: Path, *options: str) -> Iterator[Server]:
    """Start `extractor inspect --db DB --port N` as a subprocess; stop it (Ctrl-C) afterwards."""
    port = free_port()
    # Its output goes to files: a pipe nobody reads would fill up and stall the server.
    with (
        tempfile.TemporaryFile("w+", encoding="utf-8") as out,
        tempfile.TemporaryFile("w+", encoding="utf-8") as err,
    ):
        process = subprocess.Popen(
            [*extractor_command(), "inspect", "--db", str(db), "--port", str(port), *options],
            stdout=out,
            stderr=err,
            text=True,
        )
        server = Server(process, port, db.stem, out, err)
        try:
            _wait_until_up(server)
            yield server
        finally:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_until_up(server: Server) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise AssertionError(
                f"inspect exited with {server.process.returncode}: {server.errors()}"
            )
        try:
            if server.get("/-/versions.json").status == 200:
                return
        except (urllib.error.URLError, ConnectionError):
            pass
        time.sleep(0.1)
    raise AssertionError(f"inspect did not answer within {STARTUP_SECONDS} s")
