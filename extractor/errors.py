"""Errors with a plain message: those a user can cause (bad input, a missing file, an
endpoint that refuses the key) and an article that could not be extracted."""

from collections.abc import Callable

#: How much of a failure's text a reason keeps (an HTML error page is not a reason).
MAX_REASON = 300


def one_line(text: str) -> str:
    """`text` as one line of at most MAX_REASON characters: how every reason is stored."""
    line = " ".join(text.split())
    return line if len(line) <= MAX_REASON else line[: MAX_REASON - 1] + "…"


def unexpected(error: BaseException, redact: Callable[[str], str] = str) -> str:
    """The reason an error nobody foresaw gives: its kind and message, on one line."""
    return one_line(redact(f"{type(error).__name__}: {error}"))


class UserError(Exception):
    """A problem the user can fix; its message is printed on one line, without a traceback."""


class EndpointRefused(UserError):
    """The model endpoint refuses every call (bad key, no access, unknown model, down).

    Nothing more can be extracted from it: the run stops.
    """


class ArticleFailed(Exception):
    """One article could not be extracted (the reason is the message); the run goes on."""


#: How a call the model found too long is marked in the log (`llm_calls.error`).
TOO_LONG = "too long for the model: "


class TooLong(ArticleFailed):
    """The article does not fit the model: its context refused it, or the reply was cut
    off at the output limit. Asked about in parts, it may still be extracted.

    `remembered`: known from the log of an earlier call, not from asking now.
    """

    def __init__(self, reason: str, *, remembered: bool = False) -> None:
        super().__init__(reason)
        self.remembered = remembered
