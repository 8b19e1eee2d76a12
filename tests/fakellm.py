"""A fake OpenAI-compatible endpoint on 127.0.0.1, serving scripted replies over real HTTP.

The tests and `benchmarks/bench_llm.py` talk to it through the real openai
client and instructor. A `responder(request, n)` function scripts each reply
(records in the mode the request asks for, an HTTP error, a slow reply); the
server keeps every request so tests can look at what was sent.

Usage is counted in characters (prompt: the messages; completion: the reply),
a stand-in for tokens that is the same on every machine.
"""

from __future__ import annotations

import io
import itertools
import json
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Request = dict[str, Any]


@dataclass
class Reply:
    """What the server answers: a JSON body (or raw text), a status, headers, a delay.

    The content type is JSON unless `headers` names another (`content-type`, in lower case).

    With `trickle` (seconds), the body never ends: the headers are sent at once,
    then the body and after it spaces, one byte every `trickle` seconds, in
    chunks, until the client hangs up or the server stops. A client's timeout
    between two reads never fires; only a limit on the whole call cuts it.
    """

    body: Any = None
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    trickle: float = 0.0


Responder = Callable[[Request, int], Reply]


def records_reply(request: Request, records: Any, *, raw: str | None = None) -> Reply:
    """A chat completion carrying `records` (or the text `raw`) as the request's mode expects.

    Tool calling when the request offers tools, else JSON in the message
    content (fenced as a ```json block when no response format was asked for).
    """
    text = raw if raw is not None else json.dumps(records, ensure_ascii=False)
    message: dict[str, Any] = {"role": "assistant", "content": None}
    if request.get("tools"):
        name = request["tools"][0]["function"]["name"]
        message["tool_calls"] = [
            {
                "id": f"call_{len(request['messages'])}",
                "type": "function",
                "function": {"name": name, "arguments": text},
            }
        ]
    elif request.get("response_format"):
        message["content"] = text
    else:
        message["content"] = f"```json\n{text}\n```"
    prompt = sum(len(str(m.get("content") or "")) for m in request["messages"])
    return Reply(
        {
            "id": "chatcmpl-fake",
            "object": "chat.completion",
            "created": 0,
            "model": request.get("model", "fake"),
            "choices": [
                {
                    "index": 0,
                    "message": message,
                    "finish_reason": "tool_calls" if request.get("tools") else "stop",
                }
            ],
            "usage": {
                "prompt_tokens": prompt,
                "completion_tokens": len(text),
                "total_tokens": prompt + len(text),
            },
        }
    )


def error_reply(status: int, message: str, headers: dict[str, str] | None = None) -> Reply:
    return Reply(
        {"error": {"message": message, "type": "fake_error", "code": status}},
        status=status,
        headers=headers or {},
    )


def article_title(request: Request) -> str:
    """The title of the article a request is about (the `标题：` line of its first user turn)."""
    user = next(m["content"] for m in request["messages"] if m["role"] == "user")
    for line in str(user).splitlines():
        if line.startswith("标题："):
            return line.removeprefix("标题：")
    return ""


def article_body(request: Request) -> str:
    user = next(m["content"] for m in request["messages"] if m["role"] == "user")
    return str(user).split("正文：\n", 1)[-1]


def round_of(request: Request) -> int:
    """0 for the first ask about an article, then 1, 2, … for each follow-up turn."""
    return sum(1 for m in request["messages"] if m["role"] == "assistant")


class QuietHandler(BaseHTTPRequestHandler):
    """HTTP/1.1 with keep-alive, replies sent at once, no line logged per request."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:
        pass


class LocalServer(ThreadingHTTPServer):
    """An HTTP server on 127.0.0.1 at a free port, serving from a thread between
    `start` and `stop`; `url` is its base URL for the openai client (`…/v1`)."""

    daemon_threads = True
    request_queue_size = 128

    def __init__(self, handler: type[BaseHTTPRequestHandler]) -> None:
        super().__init__(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server_address[1]}/v1"
        self._thread = threading.Thread(
            target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a client killed or gone
            super().handle_error(request, client_address)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


class FakeLLM:
    """The server; `url` is the base URL to give the client (`…/v1`)."""

    def __init__(self, responder: Responder, latency: float = 0.0) -> None:
        self.responder = responder
        self.latency = latency
        self.requests: list[Request] = []
        self.headers: list[dict[str, str]] = []
        #: For each reply trickled until the client hung up: the bytes it was sent.
        self.trickled: list[int] = []
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        fake = self

        class Handler(QuietHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("content-length", 0))
                try:
                    request = json.loads(self.rfile.read(length))
                except ValueError:  # the client gave up in the middle of sending
                    self.close_connection = True
                    return
                with fake._lock:
                    n = len(fake.requests)
                    fake.requests.append(request)
                    fake.headers.append(dict(self.headers))
                reply = fake.responder(request, n)
                time.sleep(fake.latency + reply.delay)
                payload = (
                    reply.body if isinstance(reply.body, str) else json.dumps(reply.body)
                ).encode("utf-8")
                try:
                    self.send_response(reply.status)
                    headers = {"content-type": "application/json", **reply.headers}
                    if reply.trickle:
                        headers["transfer-encoding"] = "chunked"
                    else:
                        headers["content-length"] = str(len(payload))
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    if reply.trickle:
                        self.close_connection = True
                        fake._trickle(self.wfile, payload, reply.trickle)
                    else:
                        self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout)
                    pass

        self.server = LocalServer(Handler)
        self.url = self.server.url

    def __enter__(self) -> FakeLLM:
        self.server.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stopped.set()
        self.server.stop()

    @property
    def calls(self) -> int:
        return len(self.requests)

    def _trickle(self, out: io.BufferedIOBase, payload: bytes, every: float) -> None:
        """`payload`, then spaces for ever, a byte a chunk every `every` seconds."""
        sent = 0
        try:
            for byte in itertools.chain(payload, itertools.repeat(ord(" "))):
                if self._stopped.wait(every):
                    return
                out.write(b"1\r\n" + bytes([byte]) + b"\r\n")
                sent += 1
        except (BrokenPipeError, ConnectionResetError):
            with self._lock:
                self.trickled.append(sent)


@contextmanager
def serving(responder: Responder, latency: float = 0.0) -> Iterator[FakeLLM]:
    with FakeLLM(responder, latency) as fake:
        yield fake


def rules_reply(request: Request, n: int = 0) -> Reply:
    """A model that finds what the rules backend finds in the article of the request.

    Its records are grounded, so the checker accepts them in one call; on a
    follow-up turn it has nothing to add.
    """
    from extractor.extract import rules
    from extractor.models import Article

    if round_of(request) > 0:
        return records_reply(request, {"metrics": [], "quotes": [], "campaigns": []})
    article = Article(seq=0, title=article_title(request), text=article_body(request))
    return records_reply(request, rules.extract(article).model_dump())
