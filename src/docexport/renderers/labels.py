"""docexport's own words in the reader's language: labels, dates, quotation marks
and the typography a language asks for.

The fixed strings ("Summary", "Key facts", "Page 1 of 5"...) live in a gettext
message catalogue, ``docexport/locale/<lang>/LC_MESSAGES/docexport.po``,
compiled to ``.mo`` beside it (``python -m docexport.renderers.labels`` rebuilds
them; a test checks they are current). English is the source language and the
fallback. Dates come from CLDR through Babel, imported only for languages other
than English. Placeholders such as ``{date}`` are replaced by plain substitution.
"""

from __future__ import annotations

import datetime as _dt
import functools
import gettext
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

DOMAIN = "docexport"
SOURCE_LANGUAGE = "en"
NNBSP = "\u202f"  # narrow no-break space: French ; : ! ? and inside « »
RTL_LANGUAGES = frozenset({"ar", "he", "iw", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb"})
# Babel locales for a bare language: English dates the way the packs always read.
_DATE_LOCALES = {"en": "en_GB"}
_TOKEN = re.compile(r"\{([a-z_]+)\}")
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
# French: the space before ; : ! ? » and after « is a narrow no-break space, so
# the sign never starts a line on its own.
_FR_BEFORE = re.compile("[ \u00a0]+(?=[;:!?»])")
_FR_AFTER = re.compile("(?<=«)[ \u00a0]+")


def primary(tag: str | None) -> str:
    """``fr-CA`` -> ``fr``; anything unusable -> the source language."""
    if not tag:
        return SOURCE_LANGUAGE
    code = tag.strip().replace("_", "-").split("-")[0].lower()
    return code if code.isalpha() and 2 <= len(code) <= 8 else SOURCE_LANGUAGE


def locale_dir() -> Path:
    return Path(str(resources.files("docexport").joinpath("locale")))


def catalogue_languages() -> list[str]:
    """The languages docexport has labels for, besides English."""
    root = locale_dir()
    return sorted(p.name for p in root.iterdir() if (p / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file())


@dataclass(frozen=True, slots=True)
class Labels:
    """The words docexport adds to a pack, in one language."""

    language: str  # the catalogue used: the text's language, or English as fallback
    text_language: str  # the primary language of the text these labels go with
    _translate: gettext.NullTranslations

    def __call__(self, msgid: str, **values: object) -> str:
        text = self._translate.gettext(msgid)
        if not values:
            return text
        return _TOKEN.sub(lambda m: str(values.get(m.group(1), m.group(0))), text)

    @property
    def rtl(self) -> bool:
        return self.language in RTL_LANGUAGES

    def date(self, iso: str | None) -> str | None:
        """``2024-11-03`` in this language (``3 novembre 2024``); a year or a
        year-month stays as precise as given; text that is no date stays as it is."""
        if not iso:
            return None
        text = iso.strip()
        try:
            if len(text) == 4 and text.isdigit():
                return text
            if len(text) == 7:
                day = _dt.date.fromisoformat(text + "-01")
                return self._format(day, partial=True)
            return self._format(_dt.date.fromisoformat(text[:10]), partial=False)
        except ValueError:
            return text

    def _format(self, day: _dt.date, *, partial: bool) -> str:
        if self.language == SOURCE_LANGUAGE:
            month = _MONTHS[day.month - 1]
            return f"{month} {day.year}" if partial else f"{day.day} {month} {day.year}"
        from babel.dates import format_date, format_skeleton

        locale = _DATE_LOCALES.get(self.language, self.language)
        if partial:
            return str(format_skeleton("yMMMM", day, locale=locale))
        return str(format_date(day, "long", locale=locale))

    def quote(self, text: str) -> str:
        """A quotation in this language's marks: “…”, « … », „…“."""
        inner = text.strip().strip('"“”«»„‚‘’' + NNBSP + " ")
        return self("“{text}”", text=inner)

    def typeset(self, text: str) -> str:
        """Article text with the spacing its language asks for (same length: one
        space is swapped for another, so sentence offsets still hold)."""
        if self.text_language == "fr" and (
            ";" in text or ":" in text or "!" in text or "?" in text or "«" in text or "»" in text
        ):
            text = _FR_BEFORE.sub(lambda m: NNBSP * len(m.group(0)), text)
            text = _FR_AFTER.sub(lambda m: NNBSP * len(m.group(0)), text)
        return text


@functools.lru_cache(maxsize=64)
def labels(language: str | None) -> Labels:
    """The labels for text in ``language`` (a BCP 47 tag); English if docexport has
    no catalogue for it."""
    code = primary(language)
    if code == SOURCE_LANGUAGE:
        return Labels(SOURCE_LANGUAGE, code, gettext.NullTranslations())
    try:
        found = gettext.translation(DOMAIN, str(locale_dir()), languages=[code])
    except OSError:
        return Labels(SOURCE_LANGUAGE, code, gettext.NullTranslations())
    return Labels(code, code, found)


def compile_catalogues() -> list[Path]:
    """Rebuild every ``.mo`` from its ``.po`` (Babel); the written paths."""
    import io

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po in sorted(locale_dir().glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        with po.open("rb") as fh:
            catalogue = read_po(fh)
        buffer = io.BytesIO()
        write_mo(buffer, catalogue, use_fuzzy=False)
        mo = po.with_suffix(".mo")
        mo.write_bytes(buffer.getvalue())
        written.append(mo)
    return written


if __name__ == "__main__":  # pragma: no cover - a maintainer's command
    for path in compile_catalogues():
        print(path)
