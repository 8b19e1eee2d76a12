"""The one exception type for errors a user can cause: bad input, a missing file."""


class UserError(Exception):
    """A problem the user can fix; its message is printed on one line, without a traceback."""
