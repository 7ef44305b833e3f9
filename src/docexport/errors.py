"""Error and warning types. Each error's message is one line, naming the cause;
the batch layer adds the input it belongs to."""

from __future__ import annotations


class DocexportError(Exception):
    """Base class of every error docexport reports to the user."""


class InputError(DocexportError):
    """An input cannot be read: bad encoding, no headline, malformed JSON..."""


class ThemeError(DocexportError):
    """A theme file is invalid; the message names the bad key."""


class RenderError(DocexportError):
    """A renderer could not produce its output."""


class OutputError(DocexportError):
    """An output cannot be written: unsafe name, read-only or full folder..."""


class DocexportWarning(UserWarning):
    """Something the user should know that did not stop the output
    (a missing glyph, a table shown as text). Collected into the manifest."""
