"""A fake OpenAI Batch API on 127.0.0.1, over real HTTP, for the real openai client.

It serves what a batch run uses: `POST /files` (multipart, purpose `batch`),
`POST /batches`, `GET /batches/{id}`, `GET /batches` (the list) and
`GET /files/{id}/content`; and `POST /chat/completions`, so that calls made
one at a time and batches can share one endpoint (and its cache). Each request line of a batch is answered by a
`responder(request, n)`, as `tests.fakellm` answers calls, so the same
scripted models serve both; answers with a status other than 200 go to the
batch's error file, as OpenAI writes them.

A batch steps through `statuses` (by default validating, in_progress,
finalizing, completed), one step each time it is looked at; `["completed"]`
completes it at once. A batch that ends `expired` or `cancelled` has its first
`answered` requests answered and the others in the error file as
`batch_expired`. `upload_faults` scripts the statuses of the next uploads
(`[500]`: the first upload fails with a 500, the retry goes through);
`batch_api=False` is an endpoint with no Batch API (404).
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import urlsplit

from tests.fakellm import LocalServer, QuietHandler, Reply, Request, Responder


@dataclass
class FakeBatch:
    """One batch as the fake keeps it."""

    id: str
    input_file_id: str
    statuses: list[str]
    created_at: int
    metadata: dict[str, str]
    requests: list[dict[str, Any]]
    step: int = -1
    output_file_id: str | None = None
    error_file_id: str | None = None
    completed: int = 0
    failed: int = 0
    answered: int | None = None
    looked_at: int = 0

    @property
    def status(self) -> str:
        return self.statuses[max(self.step, 0)]


@dataclass
class Script:
    """How the fake behaves; change it between runs."""

    statuses: list[str] = field(
        default_factory=lambda: ["validating", "in_progress", "finalizing", "completed"]
    )
    #: For a batch that ends expired or cancelled: how many of its requests were answered.
    answered: int = 0
    upload_faults: list[int] = field(default_factory=list)
    create_faults: list[int] = field(default_factory=list)
    batch_api: bool = True


class FakeBatchAPI:
    """The server; `url` is the base URL to give the client (`…/v1`)."""

    def __init__(self, responder: Responder, script: Script | None = None) -> None:
        self.responder = responder
        self.script = script or Script()
        self.files: dict[str, bytes] = {}
        self.purposes: dict[str, str] = {}
        self.batches: dict[str, FakeBatch] = {}
        #: Every HTTP request: (method, path).
        self.log: list[tuple[str, str]] = []
        self.answered: list[Request] = []
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        fake = self

        class Handler(QuietHandler):
            def do_GET(self) -> None:
                fake._serve(self, "GET")

            def do_POST(self) -> None:
                fake._serve(self, "POST")

        self.server = LocalServer(Handler)
        self.url = self.server.url

    def __enter__(self) -> FakeBatchAPI:
        self.server.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.stop()

    # --- what tests look at ---------------------------------------------------------

    def uploads(self) -> list[str]:
        """The ids of the files uploaded for batches, in order."""
        return [i for i, purpose in self.purposes.items() if purpose == "batch"]

    def requests_of(self, batch: FakeBatch) -> list[Request]:
        return [line["body"] for line in batch.requests]

    def sent(self) -> list[Request]:
        """Every request line of every batch created, in order."""
        return [r for b in self.batches.values() for r in self.requests_of(b)]

    def calls(self, method: str, prefix: str) -> int:
        return sum(1 for m, p in self.log if m == method and p.startswith(prefix))

    # --- serving --------------------------------------------------------------------

    def _serve(self, handler: BaseHTTPRequestHandler, method: str) -> None:
        url = urlsplit(handler.path)
        path = url.path.removeprefix("/v1")
        length = int(handler.headers.get("content-length", 0))
        body = handler.rfile.read(length) if length else b""
        with self._lock:
            self.log.append((method, path))
            status, payload, kind = self._answer(method, path, body, handler.headers)
        data = payload if isinstance(payload, bytes) else json.dumps(payload).encode("utf-8")
        handler.send_response(status)
        handler.send_header("content-type", kind)
        handler.send_header("content-length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)

    def _answer(self, method: str, path: str, body: bytes, headers: Any) -> tuple[int, Any, str]:
        json_kind = "application/json"
        if not self.script.batch_api and (path.startswith("/files") or path.startswith("/batches")):
            return 404, _error(404, "Not Found"), json_kind
        if method == "POST" and path == "/chat/completions":  # calls one at a time, too
            request = json.loads(body)
            reply = self.responder(request, len(self.answered))
            self.answered.append(request)
            return reply.status, reply.body, json_kind
        if method == "POST" and path == "/files":
            if self.script.upload_faults:
                code = self.script.upload_faults.pop(0)
                return code, _error(code, "the upload failed (scripted)"), json_kind
            fields = _multipart(body, headers.get("content-type", ""))
            file_id = f"file-{next(self._ids)}"
            self.files[file_id] = fields["file"]
            self.purposes[file_id] = fields["purpose"].decode()
            return 200, self._file_object(file_id), json_kind
        if method == "POST" and path == "/batches":
            if self.script.create_faults:
                code = self.script.create_faults.pop(0)
                return code, _error(code, "the batch was not created (scripted)"), json_kind
            params = json.loads(body)
            content = self.files.get(params["input_file_id"])
            if content is None:
                return 404, _error(404, "no such file"), json_kind
            requests = [json.loads(line) for line in content.decode().splitlines() if line]
            batch = FakeBatch(
                id=f"batch_{next(self._ids)}",
                input_file_id=params["input_file_id"],
                statuses=list(self.script.statuses),
                created_at=int(time.time()),
                metadata=params.get("metadata") or {},
                requests=requests,
                answered=self.script.answered,
            )
            self.batches[batch.id] = batch
            self._step(batch)
            return 200, self._batch_object(batch), json_kind
        if method == "GET" and path == "/batches":
            data = [self._batch_object(b) for b in reversed(self.batches.values())]
            return (
                200,
                {
                    "object": "list",
                    "data": data,
                    "first_id": data[0]["id"] if data else None,
                    "last_id": data[-1]["id"] if data else None,
                    "has_more": False,
                },
                json_kind,
            )
        if method == "GET" and path.startswith("/batches/"):
            known = self.batches.get(path.removeprefix("/batches/"))
            if known is None:
                return 404, _error(404, "No batch found"), json_kind
            known.looked_at += 1
            self._step(known)
            return 200, self._batch_object(known), json_kind
        if method == "GET" and path.startswith("/files/") and path.endswith("/content"):
            content = self.files.get(path.removeprefix("/files/").removesuffix("/content"))
            if content is None:
                return 404, _error(404, "No such file"), json_kind
            return 200, content, "application/octet-stream"
        return 404, _error(404, f"no route {method} {path}"), json_kind

    def _step(self, batch: FakeBatch) -> None:
        """One step along the batch's statuses; its files are made when it ends."""
        if batch.step < len(batch.statuses) - 1:
            batch.step += 1
            if batch.status in ("completed", "expired", "cancelled"):
                self._finish(batch)

    def _finish(self, batch: FakeBatch) -> None:
        answer_all = batch.status == "completed"
        output: list[dict[str, Any]] = []
        errors: list[dict[str, Any]] = []
        for n, line in enumerate(batch.requests):
            custom_id = line["custom_id"]
            if not answer_all and n >= (batch.answered or 0):
                errors.append(
                    {
                        "id": f"batch_req_{n}",
                        "custom_id": custom_id,
                        "response": None,
                        "error": {
                            "code": "batch_expired",
                            "message": "This request could not be executed before the "
                            "completion window expired.",
                        },
                    }
                )
                continue
            reply: Reply = self.responder(line["body"], len(self.answered))
            self.answered.append(line["body"])
            result = {
                "id": f"batch_req_{n}",
                "custom_id": custom_id,
                "response": {
                    "status_code": reply.status,
                    "request_id": f"req_{n}",
                    "body": reply.body,
                },
                "error": None,
            }
            (output if reply.status == 200 else errors).append(result)
        batch.completed = len(output)
        batch.failed = len(errors)
        if output:
            batch.output_file_id = self._store_lines(output)
        if errors:
            batch.error_file_id = self._store_lines(errors)

    def _store_lines(self, lines: list[dict[str, Any]]) -> str:
        file_id = f"file-{next(self._ids)}"
        text = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
        self.files[file_id] = text.encode("utf-8")
        self.purposes[file_id] = "batch_output"
        return file_id

    def _file_object(self, file_id: str) -> dict[str, Any]:
        return {
            "id": file_id,
            "object": "file",
            "bytes": len(self.files[file_id]),
            "created_at": int(time.time()),
            "filename": "requests.jsonl",
            "purpose": self.purposes[file_id],
            "status": "processed",
        }

    def _batch_object(self, batch: FakeBatch) -> dict[str, Any]:
        return {
            "id": batch.id,
            "object": "batch",
            "endpoint": "/v1/chat/completions",
            "errors": None,
            "input_file_id": batch.input_file_id,
            "completion_window": "24h",
            "status": batch.status,
            "output_file_id": batch.output_file_id,
            "error_file_id": batch.error_file_id,
            "created_at": batch.created_at,
            "request_counts": {
                "total": len(batch.requests),
                "completed": batch.completed,
                "failed": batch.failed,
            },
            "metadata": batch.metadata,
        }


def _error(status: int, message: str) -> dict[str, Any]:
    return {"error": {"message": message, "type": "fake_error", "code": status}}


def _multipart(body: bytes, content_type: str) -> dict[str, bytes]:
    """The fields of a multipart/form-data body, by name."""
    boundary = content_type.split("boundary=", 1)[1].strip('"').encode()
    fields = {}
    for part in body.split(b"--" + boundary):
        if b"\r\n\r\n" not in part:
            continue
        head, _, content = part.partition(b"\r\n\r\n")
        name = head.split(b'name="', 1)[1].split(b'"', 1)[0].decode()
        fields[name] = content.removesuffix(b"\r\n")
    return fields


@contextmanager
def serving(responder: Responder, script: Script | None = None) -> Iterator[FakeBatchAPI]:
    with FakeBatchAPI(responder, script) as fake:
        yield fake
