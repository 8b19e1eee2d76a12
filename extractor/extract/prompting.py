"""The prompts of the LLM backend: Jinja2 templates in `prompts/`, and their version.

Three templates, one call per article for all three record types:
`system.j2` teaches the annotation guidelines with an example written for the
prompt, `article.j2` presents one article, `feedback.j2` sends the checker's
reasons back for the records it rejected.

`prompt_version` is a hash of the templates and of the JSON Schema the model
answers in: change either and the records made with it are told apart from
the old ones (and the cache of calls no longer answers).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jinja2
from pydantic import BaseModel

from extractor.errors import UserError
from extractor.models import Article, Rejection

#: Where the templates live: `prompts/` at the top of the project.
PROMPTS_DIR = Path(__file__).resolve().parents[2] / "prompts"
TEMPLATES = ("system.j2", "article.j2", "feedback.j2")


def _json(value: Any) -> str:
    """JSON as a model reads it best: Chinese as printed, not as \\u escapes."""
    return json.dumps(value, ensure_ascii=False)


class Prompts:
    """The rendered messages of one prompt version."""

    def __init__(self, response_model: type[BaseModel], directory: Path = PROMPTS_DIR) -> None:
        missing = [name for name in TEMPLATES if not (directory / name).is_file()]
        if missing:
            raise UserError(f"{directory}: prompt templates missing: {', '.join(missing)}")
        # Compiled from the very sources that are hashed: a template edited during
        # a run cannot change the prompts without changing the version.
        sources = {name: (directory / name).read_text(encoding="utf-8") for name in TEMPLATES}
        self.env = jinja2.Environment(
            loader=jinja2.DictLoader(sources),
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            autoescape=False,  # plain text for a model, not HTML
        )
        self.env.filters["json"] = _json
        self.templates = {}
        for name in TEMPLATES:
            try:
                self.templates[name] = self.env.get_template(name)
            except jinja2.TemplateSyntaxError as error:
                raise UserError(
                    f"{directory / name}, line {error.lineno}: the template does not compile: "
                    f"{error.message}"
                ) from None
            except jinja2.TemplateError as error:
                raise UserError(
                    f"{directory / name}: the template does not compile: {error}"
                ) from None
        #: The system message: the same for every article, rendered once.
        self.system = self.templates["system.j2"].render()
        schema = json.dumps(response_model.model_json_schema(), sort_keys=True)
        digest = hashlib.sha256("\0".join([*sources.values(), schema]).encode("utf-8"))
        self.version = "llm-" + digest.hexdigest()[:12]

    def messages(self, article: Article) -> list[dict[str, Any]]:
        """The opening conversation for `article`: the guidelines, then the article."""
        return [
            {"role": "system", "content": self.system},
            {
                "role": "user",
                "content": self.templates["article.j2"].render(article=article),
            },
        ]

    def feedback(self, rejected: Sequence[Rejection]) -> str:
        """The follow-up turn: each rejected record with the checker's reasons."""
        return self.templates["feedback.j2"].render(rejected=rejected)
