"""Publication dates as ISO 8601, from whatever a page or feed wrote.

Only dates that parse are kept: a reader stores the ISO form, never a guess.
"""

from __future__ import annotations

import datetime as _dt
import email.utils
import re
import time

_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def iso_date(value: object) -> str | None:
    """``value`` (ISO 8601, RFC 822 or a ``time.struct_time``) as ISO 8601, or None.

    Date-times keep their offset (``Z`` for UTC); dates stay dates.
    """
    if isinstance(value, time.struct_time):
        try:
            utc = _dt.datetime(*value[:6], tzinfo=_dt.timezone.utc)
        except ValueError:
            return None
        return _format(utc)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 64:
        return None
    moment = _from_iso(text) or _from_rfc822(text)
    if moment is not None:
        return _format(moment)
    m = _ISO_DAY.match(text)
    if m and _valid_day(m.group(0)):
        return m.group(0)
    return None


def _valid_day(day: str) -> bool:
    try:
        _dt.date.fromisoformat(day)
    except ValueError:
        return False
    return True


def _from_iso(text: str) -> _dt.datetime | _dt.date | None:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return _dt.date.fromisoformat(text) if _valid_day(text) else None
    candidate = text.replace("Z", "+00:00").replace("z", "+00:00")
    # Python 3.10's fromisoformat wants "+hh:mm", not "+hhmm".
    candidate = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", candidate)
    candidate = re.sub(r"\.\d+", "", candidate)
    try:
        return _dt.datetime.fromisoformat(candidate)
    except ValueError:
        return None


def _from_rfc822(text: str) -> _dt.datetime | None:
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _format(moment: _dt.datetime | _dt.date) -> str:
    if not isinstance(moment, _dt.datetime):
        return moment.isoformat()
    if moment.tzinfo is None:
        return moment.replace(microsecond=0).isoformat()
    text = moment.replace(microsecond=0).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text
