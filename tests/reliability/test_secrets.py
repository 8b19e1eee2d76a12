"""The API key after runs that go well and runs that go wrong: nowhere it can be read back.

A distinctive key (`sk-live-` and 40 random hex digits) is set in
OPENAI_API_KEY, or in another variable named with `--api-key-env`, and the
fake endpoint echoes it wherever an endpoint or a model might: the
Authorization header and the key in error bodies (400 and 500, JSON and plain
text), in a 401's message, in the records and the message of a 200, in
replies that are not JSON. Afterwards every byte the run left is searched:
the database file, its -wal and -shm files as they were while the run wrote
(read by the fake at each call) and as they are after it, the text of every
table, every other file in the run's folder, and what the command printed on
stdout and stderr. The key is looked for as it is, as JSON escapes it, as a
bearer token, and as any twelve characters in a row of its random part.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractor.cli import main
from extractor.extract.endpoint import redactor
from tests import test_llm
from tests.fakellm import (
    FakeLLM,
    Reply,
    Request,
    error_reply,
    records_reply,
    round_of,
    rules_reply,
    serving,
)
from tests.reliability.test_endpoint_faults import PAGE, extractor_run, seq_of, unused_port

# The command line's backoff in hundredths, for runs in this process (from test_llm.py).
fast_retries = test_llm.fast_retries

#: The variable `--api-key-env` names in the runs that do not use OPENAI_API_KEY.
OTHER_NAME = "REVIEW_DESK_MODEL_KEY"
#: How many characters of the key's random part in a row give part of it away.
FRAGMENT = 12
EMPTY: dict[str, list[object]] = {"metrics": [], "quotes": [], "campaigns": []}


def new_key() -> str:
    return "sk-live-" + secrets.token_hex(20)


def traces(key: str) -> dict[str, str]:
    """What would give `key` away, by name: whole, escaped, as a bearer token, or in part."""
    secret = key.removeprefix("sk-live-")
    found = {
        "the key": key,
        "the key as JSON escapes it": json.dumps(key)[1:-1],
        "the bearer token": f"Bearer {key}",
    }
    for start in range(len(secret) - FRAGMENT + 1):
        found[f"characters {start}-{start + FRAGMENT} of the key"] = secret[
            start : start + FRAGMENT
        ]
    return found


def leaks(key: str, texts: dict[str, bytes]) -> list[str]:
    """Where in `texts` (by name) a trace of `key` occurs, with a little of what is around it."""
    found = []
    for where, data in texts.items():
        for what, trace in traces(key).items():
            at = data.find(trace.encode("utf-8"))
            if at >= 0:
                around = data[max(0, at - 60) : at + len(trace) + 20].decode("utf-8", "replace")
                shown = "".join(c if c.isprintable() else "·" for c in around)
                found.append(f"{what} in {where}: …{shown}…")
                break
    return found


def files_under(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def table_text(db: Path) -> dict[str, bytes]:
    """Every table's rows as SQL text (what `sqlite3 .dump` prints), table by table."""
    conn = sqlite3.connect(db)
    try:
        lines: dict[str, list[str]] = {}
        for line in conn.iterdump():
            table = line.split('"')[1] if line.startswith('INSERT INTO "') else "the schema"
            lines.setdefault(f"table {table}", []).append(line)
        return {name: "\n".join(text).encode("utf-8") for name, text in lines.items()}
    finally:
        conn.close()


def printed(name: str, text: str) -> dict[str, bytes]:
    """What a stream printed, as it is and with every line break and space taken out
    (a key wrapped across two lines is still printed)."""
    return {name: text.encode("utf-8"), f"{name}, unwrapped": "".join(text.split()).encode()}


# --- the endpoint, echoing the key ------------------------------------------------------


class Echo:
    """The fake endpoint of one scenario: `answer(echo, request, n)` replies, and may echo
    `authorization(n)`, the header the n-th request came with, or `key` itself.

    At every request it keeps a copy of each file in `folder` (the database and its
    -wal and -shm files as the run is writing them).
    """

    def __init__(self, answer: Answer, key: str, folder: Path) -> None:
        self.answer = answer
        self.key = key
        self.folder = folder
        self.fake: FakeLLM | None = None
        self.seen: dict[str, bytes] = {}
        self._copies: dict[str, set[bytes]] = {}
        self._lock = threading.Lock()

    def authorization(self, n: int) -> str:
        assert self.fake is not None
        headers = self.fake.headers[n]
        return next(v for k, v in headers.items() if k.lower() == "authorization")

    def __call__(self, request: Request, n: int) -> Reply:
        with self._lock:
            for name, data in files_under(self.folder).items():
                if data not in self._copies.setdefault(name, set()):
                    self._copies[name].add(data)
                    self.seen[f"{name} while the run wrote (request {n})"] = data
        return self.answer(self, request, n)


Answer = Callable[[Echo, Request, int], Reply]


def a_good_run(echo: Echo, request: Request, n: int) -> Reply:
    return rules_reply(request)


def error_bodies(echo: Echo, request: Request, n: int) -> Reply:
    """Articles 0-3 fail with an error that echoes the key: 400 and 500, JSON and plain text."""
    auth = echo.authorization(n)
    again = {"Retry-After": "0"}
    match seq_of(request):
        case 0:
            return error_reply(400, f"Invalid request from {auth} (key {echo.key})")
        case 1:
            return error_reply(500, f"Upstream failed for Authorization: {auth}", again)
        case 2:
            return Reply(f"Bad Request\nAuthorization: {auth}\nkey: {echo.key}\n", status=400)
        case 3:
            return Reply(f"Internal Server Error for key {echo.key}", status=500, headers=again)
    return rules_reply(request)


def records_with_the_key(echo: Echo, request: Request, n: int) -> Reply:
    """A 200 that echoes the key: in article 0's records (an accepted metric's label, a
    metric the checker rejects, so a follow-up round too), and in article 1's message."""
    seq = seq_of(request)
    if seq == 0:
        if round_of(request) > 0:
            return records_reply(request, EMPTY)
        reply = rules_reply(request)
        call = reply.body["choices"][0]["message"]["tool_calls"][0]["function"]
        records = json.loads(call["arguments"])
        records["metrics"][0]["label"] += f"（{echo.key}）"
        records["metrics"].append(
            {"raw": echo.key, "value": 1, "unit": "元", "approx": "exact", "label": "密钥"}
        )
        return records_reply(request, records)
    reply = rules_reply(request)
    if seq == 1:
        reply.body["choices"][0]["message"]["content"] = f"Records for {echo.authorization(n)}"
    return reply


def not_json(echo: Echo, request: Request, n: int) -> Reply:
    """Article 0 is answered with an HTML page echoing the header; article 1 with records
    cut off in the middle of the key (unreadable, so asked again)."""
    seq = seq_of(request)
    if seq == 0:
        return Reply(f"<html><body>upstream said: Authorization: {echo.authorization(n)}</body>")
    if seq == 1:
        return records_reply(request, None, raw=f'{{"metrics": [{{"raw": "{echo.key}')
    return rules_reply(request)


def refused_key(echo: Echo, request: Request, n: int) -> Reply:
    return error_reply(
        401,
        f"Incorrect API key provided: {echo.key}. You sent Authorization: {echo.authorization(n)}",
    )


def cut_through_the_key(echo: Echo, request: Request, n: int) -> Reply:
    """Article 0 fails with a message so long that its one-line form (300 characters)
    ends in the middle of the key."""
    if seq_of(request) == 0:
        return error_reply(400, "x" * 260 + f" key {echo.key} rejected")
    return rules_reply(request)


def escaped_in_records(echo: Echo, request: Request, n: int) -> Reply:
    """Article 0's records carry the key as JSON escapes (`\\u0073\\u006b-…`), which only
    decoding the records would reveal; article 2's label says `Bearer token`, in words."""
    seq = seq_of(request)
    if seq not in (0, 2) or round_of(request) > 0:
        return rules_reply(request) if round_of(request) == 0 else records_reply(request, EMPTY)
    reply = rules_reply(request)
    call = reply.body["choices"][0]["message"]["tool_calls"][0]["function"]
    records = json.loads(call["arguments"])
    records["metrics"][0]["label"] += "（KEY）" if seq == 0 else "（Bearer token）"
    escaped = "".join(f"\\u{ord(ch):04x}" for ch in echo.key)
    text = json.dumps(records, ensure_ascii=False).replace("KEY", escaped)
    return records_reply(request, None, raw=text)


@dataclass(frozen=True)
class Scenario:
    answer: Answer | None  # None: nothing listens
    code: int  # the exit status the run ends with
    #: Whether the echo reaches the database, the key in it replaced by `[API key]`.
    redacted: bool = False


SCENARIOS = {
    "a good run": Scenario(a_good_run, 0),
    "error bodies that echo the key": Scenario(error_bodies, 1, redacted=True),
    "a 200 whose records and message carry the key": Scenario(records_with_the_key, 0),
    "replies that are not JSON and carry the key": Scenario(not_json, 1, redacted=True),
    "a 401 that echoes the key": Scenario(refused_key, 1, redacted=True),
    "a refused connection": Scenario(None, 1),
    "an error cut to one line in the middle of the key": Scenario(cut_through_the_key, 1),
    "records that carry the key as JSON escapes": Scenario(escaped_in_records, 0),
}
VARIABLES = ("OPENAI_API_KEY", OTHER_NAME)


def environment(variable: str, key: str, decoy: str) -> tuple[dict[str, str], list[str]]:
    """The key in `variable` (any other variable holds `decoy`), and the options naming it."""
    if variable == "OPENAI_API_KEY":
        return {"OPENAI_API_KEY": key}, []
    return {variable: key, "OPENAI_API_KEY": decoy}, ["--api-key-env", variable]


def run_in_process(
    runner: CliRunner, folder: Path, url: str, env: dict[str, str], *args: str
) -> tuple[int, dict[str, bytes]]:
    """`extractor run PAGE` through click, in `folder`; its exit status and what it printed."""
    result = runner.invoke(
        main,
        [
            *("run", str(PAGE), "--db", str(folder / "x.db"), "--model", "fake"),
            *("--base-url", url, "--max-attempts", "2", "--concurrency", "4", *args),
        ],
        env={"OPENAI_BASE_URL": None, "EXTRACTOR_MODEL": None, **env},
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"uncaught {result.exception!r}\n{result.output}"
    )
    return result.exit_code, {
        **printed("stdout", result.stdout),
        **printed("stderr", result.stderr),
    }


@pytest.mark.parametrize("variable", VARIABLES)
@pytest.mark.parametrize("scenario", SCENARIOS)
def test_the_key_is_nowhere_after(
    runner: CliRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    scenario: str,
    variable: str,
    fast_retries: None,
) -> None:
    """Neither the key nor a decoy in OPENAI_API_KEY (when another variable is named) is
    in any file of the run's folder, any table, or anything printed."""
    key, decoy = new_key(), new_key()
    env, args = environment(variable, key, decoy)
    folder = tmp_path / "run"
    folder.mkdir()
    monkeypatch.chdir(folder)  # anything the run writes beside the database lands here too
    case = SCENARIOS[scenario]
    echo = Echo(case.answer, key, folder) if case.answer else None
    if echo is None:
        url = f"http://127.0.0.1:{unused_port()}/v1"
        code, output = run_in_process(runner, folder, url, env, *args)
    else:
        with serving(echo) as fake:
            echo.fake = fake
            code, output = run_in_process(runner, folder, fake.url, env, *args)
            sent = {echo.authorization(n) for n in range(fake.calls)}
        assert sent == {f"Bearer {key}"}  # the key the scenario echoed is the one sent

    assert code == case.code, output
    assert not any(b"Traceback" in text for text in output.values()), output
    db = folder / "x.db"
    left = {
        **(echo.seen if echo else {}),
        **files_under(tmp_path),
        **table_text(db),
        **output,
    }
    found = leaks(key, left) + leaks(decoy, left)
    assert not found, "\n".join(found)
    if case.redacted:  # the echo was stored, with the key taken out
        assert any(b"[API key]" in text for text in table_text(db).values())


def test_the_installed_command_prints_and_stores_no_key(tmp_path: Path) -> None:
    """The same search after the real command, in a process of its own: whatever its
    libraries print or log reaches the same stdout and stderr."""
    key, decoy = new_key(), new_key()
    env, args = environment(OTHER_NAME, key, decoy)
    folder = tmp_path / "run"
    folder.mkdir()
    echo = Echo(error_bodies, key, folder)
    with serving(echo) as fake:
        echo.fake = fake
        finished = extractor_run(
            folder / "x.db",
            fake.url,
            *("--max-attempts", "2", "--concurrency", "4", *args),
            env=env,
            cwd=folder,
        )
        assert fake.calls > 0 and {echo.authorization(n) for n in range(fake.calls)} == {
            f"Bearer {key}"
        }
    assert finished.code == 1
    assert "article 0: HTTP 400: Invalid request from Bearer [API key]" in finished.stdout
    left = {
        **echo.seen,
        **files_under(tmp_path),
        **table_text(folder / "x.db"),
        **printed("stdout", finished.stdout),
        **printed("stderr", finished.stderr),
    }
    found = leaks(key, left) + leaks(decoy, left)
    assert not found, "\n".join(found)


def echo_the_header(echo: Echo, request: Request, n: int) -> Reply:
    if seq_of(request) == 0:
        return error_reply(400, f"Invalid request from {echo.authorization(n)}")
    return rules_reply(request)


def test_an_echoed_bearer_token_reads_as_one_redaction(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reason a user reads says where the key was, once, and nothing more."""
    key = new_key()
    monkeypatch.chdir(tmp_path)
    echo = Echo(echo_the_header, key, tmp_path)
    with serving(echo) as fake:
        echo.fake = fake
        code, output = run_in_process(runner, tmp_path, fake.url, {"OPENAI_API_KEY": key})
    assert code == 1
    reason = "HTTP 400: Invalid request from Bearer [API key]"
    conn = sqlite3.connect(tmp_path / "x.db")
    try:
        stored = conn.execute(
            "select e.error from extractions e join articles a on a.id = e.article_id "
            "where a.seq = 0"
        ).fetchall()
        logged = conn.execute("select error from llm_calls where status_code = 400").fetchall()
    finally:
        conn.close()
    assert stored == [(reason,)]
    assert logged == [(reason,)]
    assert f"article 0: {reason}\n" in output["stdout"].decode("utf-8")


def test_the_key_is_redacted_in_every_form_and_words_are_left_alone() -> None:
    key = new_key()
    redact = redactor(key)
    escaped = "".join(f"\\u{ord(ch):04x}" for ch in key)
    for text in (
        key,
        escaped,
        escaped.upper().replace("\\U", "\\u"),  # hex digits in capitals
        json.dumps(escaped)[1:-1],  # the escapes escaped again
        key[:5] + escaped[6 * 5 :],  # half and half
        f"Authorization: Bearer {key}",
    ):
        assert key not in redact(text) and "[API key]" in redact(text), text
    for words in ('{"label": "Bearer token", "n": 1}', "Bearer abc", "\\n a line", "sk-live-"):
        assert redact(words) == words
