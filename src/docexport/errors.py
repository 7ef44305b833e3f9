"""Error and warning types. Each error's message is one line, naming the cause;
the batch layer adds the input it belongs to.

Every class here is exported from :mod:`docexport`, so callers can catch the
one they care about (``except docexport.InputError as exc: exc.path, exc.stage``).
"""

from __future__ import annotations


class DocexportError(Exception):
    """Base class of every error docexport reports to the user."""


class InputError(DocexportError):
    """An input cannot be read: bad encoding, no headline, malformed JSON...

    ``path`` names the input (``None`` for text given directly) and ``stage``
    says where it failed (``read``, ``analyse``, ``render``...), when known.
    """

    def __init__(self, message: str, *, path: str | None = None, stage: str | None = None):
        super().__init__(message)
        self.path = path
        self.stage = stage

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword arguments survive pickling (process pools, Dask workers).
        return (_rebuild, (type(self), str(self), self.path, self.stage))


class InputNotFoundError(InputError, FileNotFoundError):
    """An input path that does not exist (also a :class:`FileNotFoundError`)."""

    def __str__(self) -> str:
        # OSError would format its own ``[Errno ...]`` text; ours is the message.
        return str(self.args[0]) if self.args else ""


def _rebuild(
    cls: type[InputError], message: str, path: str | None, stage: str | None
) -> InputError:
    return cls(message, path=path, stage=stage)


class ConfigError(DocexportError):
    """A configuration file or a setting (flag or config key) is invalid; the
    message names the key or option."""


class ThemeError(DocexportError):
    """A theme file is invalid; the message names the bad key."""


class RenderError(DocexportError):
    """A renderer could not produce its output."""


class OutputError(DocexportError):
    """An output cannot be written: unsafe name, read-only or full folder..."""


class DocexportWarning(UserWarning):
    """Something the user should know that did not stop the output
    (a missing glyph, a table shown as text). Collected into the manifest."""
