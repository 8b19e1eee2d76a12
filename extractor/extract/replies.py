"""What a model sends back: a chat completion, and in it the records.

Endpoints differ and models err; nothing here trusts a reply's shape. A body
that is not a chat completion is refused with a reason (`UnusableReply`); a
record that breaks its schema is set aside as a rejection, and the others
are kept (`ModelRecords`).
"""

from __future__ import annotations

import json
from typing import Any, Literal

import instructor
from openai.types.chat import ChatCompletion
from pydantic import (
    ConfigDict,
    ModelWrapValidatorHandler,
    PrivateAttr,
    ValidationError,
    model_validator,
)

from extractor.models import ArticleRecords, Campaign, Metric, Quote, Rejection

_ITEMS: tuple[tuple[str, Literal["metric", "quote", "campaign"], type[Any]], ...] = (
    ("metrics", "metric", Metric),
    ("quotes", "quote", Quote),
    ("campaigns", "campaign", Campaign),
)


class UnusableReply(ValueError):
    """The endpoint answered 200 with something that is not a chat completion."""


def read_completion(body: str) -> ChatCompletion:
    """The chat completion in an endpoint's reply body, validated; UnusableReply if none.

    Token counts are optional (some servers send `usage: {}`); a choice with a
    message is not.
    """
    try:
        data = json.loads(body)
    except ValueError:
        raise UnusableReply(f"the reply is not JSON: {body[:80]!r}") from None
    if not isinstance(data, dict):
        raise UnusableReply(f"the reply is not a chat completion: {body[:80]!r}")
    if "choices" not in data and isinstance(data.get("error"), dict | str):
        error = data["error"]
        message = error.get("message", error) if isinstance(error, dict) else error
        raise UnusableReply(f"the endpoint answered with an error: {str(message)[:200]}")
    # What the records do not depend on may be missing; servers differ.
    for name, default in (("id", ""), ("created", 0), ("model", ""), ("object", "chat.completion")):
        data.setdefault(name, default)
    usage = data.get("usage")
    if not (
        isinstance(usage, dict)
        and isinstance(usage.get("prompt_tokens"), int)
        and isinstance(usage.get("completion_tokens"), int)
    ):
        data["usage"] = None
    try:
        completion = ChatCompletion.model_validate(data)
    except ValidationError as error:
        raise UnusableReply(
            f"the reply is not a chat completion: {'; '.join(schema_reasons(error)[:3])}"
        ) from None
    if not completion.choices:
        raise UnusableReply("the reply has no choices")
    return completion


def schema_reasons(error: ValidationError) -> list[str]:
    """`unit: Field required`, one reason per problem, as the model can act on them."""
    return [f"{'.'.join(str(p) for p in e['loc']) or 'record'}: {e['msg']}" for e in error.errors()]


# ArticleRecords as a model returns them. A record that breaks its schema
# (`approx: "roughly"`, no `unit`) is set aside as a rejection with pydantic's
# reasons, and the others are kept; a kind sent as null is an empty list; a
# reply that is not an object of lists is invalid as a whole, and is re-asked.
# Declared as instructor's ResponseSchema once, here: instructor would
# otherwise derive a new class, and its JSON Schema, on every call. The
# docstring is the tool's description the model reads.
class ModelRecords(ArticleRecords, instructor.ResponseSchema):
    """The metrics, quotes and campaigns of one article, each copied exactly as printed."""

    model_config = ConfigDict(title="ArticleRecords")

    _invalid: list[Rejection] = PrivateAttr(default_factory=list)

    @property
    def invalid(self) -> list[Rejection]:
        """The records set aside for breaking their schema, with the reasons."""
        return self._invalid

    @model_validator(mode="wrap")
    @classmethod
    def _set_aside_invalid(
        cls, data: Any, handler: ModelWrapValidatorHandler[ModelRecords]
    ) -> ModelRecords:
        invalid: list[Rejection] = []
        if isinstance(data, dict):
            data = dict(data)
            for key, record_type, model in _ITEMS:
                items = data.get(key)
                if items is None:
                    data[key] = []
                if not isinstance(items, list):
                    continue
                kept = []
                for item in items:
                    try:
                        kept.append(model.model_validate(item))
                    except ValidationError as error:
                        record = item if isinstance(item, dict) else {"value": item}
                        reasons = [f"not a valid {record_type}: {r}" for r in schema_reasons(error)]
                        invalid.append(
                            Rejection(record_type=record_type, record=record, reasons=reasons)
                        )
                data[key] = kept
        records = handler(data)
        records._invalid = invalid
        return records

    def all(self) -> list[Metric | Quote | Campaign]:
        return [*self.metrics, *self.quotes, *self.campaigns]


def rejection_identity(rejection: Rejection) -> tuple[str, str]:
    return rejection.record_type, json.dumps(rejection.record, ensure_ascii=False, sort_keys=True)
