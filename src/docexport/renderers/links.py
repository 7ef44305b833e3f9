"""Which links a pack keeps, and how their targets are written: one rule for
every format.

Only absolute ``http``, ``https`` and ``mailto`` links survive; ``www.example.org``
is taken as ``https://www.example.org``. ``javascript:``, ``file:``, ``data:``,
``ftp:`` (no current reader opens it), relative paths and malformed URLs stay
plain text. A kept target is percent-encoded (spaces, quotes, ``<``, non-ASCII
in the path; the host in IDNA), so the DOCX relationship, the PDF link and the
EPUB ``href`` carry the same bytes.
"""

from __future__ import annotations

import re
import urllib.parse

from ..textutil import strip_illegal

SAFE_SCHEMES = ("http", "https", "mailto")
_BARE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_HOST_BAD = frozenset(' <>"{}|\\^`')
_PATH_SAFE = "/:@!$&'()*+,;=-._~"
_QUERY_SAFE = "/?:@!$&'()*+,;=-._~"
MAX_URL = 8192


def _quote(part: str, safe: str) -> str:
    """Percent-encode what a URL cannot hold, keeping existing ``%XX`` escapes
    (a bare ``%``, as in ``100%``, is encoded)."""
    part = _BARE_PERCENT.sub("%25", part)
    return urllib.parse.quote(part, safe=safe + "%")


def safe_url(url: str | None) -> str | None:
    """The link target every format writes for ``url``, or ``None`` to keep it text."""
    raw = strip_illegal(url or "").strip()
    if not raw or len(raw) > MAX_URL or any(c in raw for c in "\t\r\n"):
        return None
    if raw.lower().startswith("www."):
        raw = "https://" + raw
    try:
        parts = urllib.parse.urlsplit(raw)
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in SAFE_SCHEMES:
        return None
    if scheme == "mailto":
        if not parts.path or parts.netloc:
            return None
    elif not parts.netloc or parts.hostname is None:
        return None
    try:
        netloc = parts.netloc.encode("idna").decode("ascii") if parts.netloc else ""
    except UnicodeError:
        netloc = urllib.parse.quote(parts.netloc, safe=":@[]")
    if any(c in _HOST_BAD for c in netloc):
        return None
    path = _quote(parts.path, _PATH_SAFE)
    query = _quote(parts.query, _QUERY_SAFE)
    fragment = _quote(parts.fragment, _QUERY_SAFE)
    return urllib.parse.urlunsplit((scheme, netloc, path, query, fragment))


def display_url(url: str) -> str:
    """A URL as a reader would type it: ``%C3%A4`` shown as ``ä``."""
    return urllib.parse.unquote(url)
