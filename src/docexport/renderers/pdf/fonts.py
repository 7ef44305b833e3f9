"""Finding, registering and falling back between embedded TrueType fonts.

reportlab embeds only TrueType outlines (``.ttf`` / ``.ttc`` with ``glyf``
tables); CFF-flavoured OpenType (``.otf``, Noto CJK) cannot be embedded and is
skipped. Fonts are found through fontconfig (``fc-match`` / ``fc-list``) and,
where fontconfig is missing, by file name in the standard font folders.

Fallback order for a character the theme's font lacks:

1. the theme's own families for that role, in order;
2. a script font known to cover it well (Noto Sans Arabic / Hebrew, a CJK
   TrueType font such as WenQuanYi Zen Hei);
3. DejaVu Sans and DejaVu Serif (fonts-dejavu-core: Latin, Greek, Cyrillic,
   Vietnamese, basic Arabic and Hebrew);
4. any installed TrueType font fontconfig lists for that character.

Everything is registered once per process: reportlab's font registry is global
and parsing a font costs tens of milliseconds.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import threading
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

VARIANTS: tuple[str, ...] = ("regular", "bold", "italic", "bolditalic")
_FC_STYLE = {"regular": "", "bold": ":bold", "italic": ":italic", "bolditalic": ":bold:italic"}
_FILE_SUFFIX = {
    "regular": ("-Regular", "", "-Roman", "-Book"),
    "bold": ("-Bold",),
    "italic": ("-Italic", "-Oblique"),
    "bolditalic": ("-BoldItalic", "-BoldOblique"),
}
FONT_DIRS: tuple[Path, ...] = (
    Path("/usr/share/fonts"),
    Path("/usr/local/share/fonts"),
    Path.home() / ".local/share/fonts",
    Path.home() / ".fonts",
    Path("/Library/Fonts"),
    Path("/System/Library/Fonts"),
    Path("C:/Windows/Fonts"),
)
GENERIC_FALLBACKS: tuple[str, ...] = ("DejaVu Sans", "DejaVu Serif")

# Scripts whose best fonts are not the generic ones, first match wins.
_SCRIPT_FONTS: tuple[tuple[tuple[int, int], tuple[str, ...]], ...] = (
    ((0x0590, 0x05FF), ("Noto Sans Hebrew", "DejaVu Sans")),
    ((0x0600, 0x06FF), ("Noto Sans Arabic", "Noto Naskh Arabic", "DejaVu Sans")),
    ((0x0750, 0x077F), ("Noto Sans Arabic", "Noto Naskh Arabic")),
    ((0xFB1D, 0xFB4F), ("Noto Sans Hebrew", "DejaVu Sans")),
    ((0xFB50, 0xFDFF), ("Noto Sans Arabic", "Noto Naskh Arabic", "DejaVu Sans")),
    ((0xFE70, 0xFEFF), ("Noto Sans Arabic", "Noto Naskh Arabic", "DejaVu Sans")),
    ((0x2E80, 0x9FFF), ("WenQuanYi Zen Hei", "AR PL UMing CN", "Droid Sans Fallback")),
    ((0xAC00, 0xD7AF), ("UnBatang", "NanumGothic", "WenQuanYi Zen Hei")),
    ((0xF900, 0xFAFF), ("WenQuanYi Zen Hei", "Droid Sans Fallback")),
    ((0xFF00, 0xFFEF), ("WenQuanYi Zen Hei", "Droid Sans Fallback")),
)

# Which Debian/Ubuntu package supplies glyphs for a range (for the warning).
_PACKAGES: tuple[tuple[tuple[int, int], str], ...] = (
    ((0x0590, 0x06FF), "fonts-noto-core"),
    ((0x0700, 0x1CFF), "fonts-noto-core"),
    ((0x2E80, 0x9FFF), "fonts-wqy-zenhei"),
    ((0xAC00, 0xD7AF), "fonts-nanum"),
    ((0xF900, 0xFAFF), "fonts-wqy-zenhei"),
    ((0xFF00, 0xFFEF), "fonts-wqy-zenhei"),
    ((0x1F000, 0x1FAFF), "fonts-symbola"),
    ((0x2600, 0x27BF), "fonts-symbola"),
)
RTL_RANGES: tuple[tuple[int, int], ...] = (
    (0x0590, 0x08FF),
    (0xFB1D, 0xFDFF),
    (0xFE70, 0xFEFF),
)

_lock = threading.RLock()


@dataclass(slots=True, eq=False)
class RegisteredFont:
    """A family registered with reportlab: its name and the characters it has."""

    name: str  # reportlab family name; also the regular face's font name
    family: str
    coverage: frozenset[int]
    shaped: bool = False


@dataclass(slots=True)
class _Registry:
    families: dict[tuple[str, bool], RegisteredFont | None] = field(default_factory=dict)
    by_char: dict[int, RegisteredFont | None] = field(default_factory=dict)
    listed: dict[str, list[tuple[Path, int]]] = field(default_factory=dict)


_REG = _Registry()


# --------------------------------------------------------------------------- discovery


def _norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _fc(args: list[str]) -> str:
    exe = shutil.which(args[0])
    if exe is None:
        return ""
    try:
        out = subprocess.run(
            [exe, *args[1:]], capture_output=True, timeout=20, check=False, text=True
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return out.stdout


def _fc_match(family: str, variant: str) -> Path | None:
    """The file fontconfig picks for ``family`` if it really is that family."""
    out = _fc(["fc-match", "-f", "%{file}|%{family}|%{fontformat}\n", family + _FC_STYLE[variant]])
    for line in out.splitlines():
        parts = line.split("|")
        if len(parts) < 3 or parts[2] != "TrueType":
            continue
        # fc-match always answers; accept only the family we asked for.
        if _norm(family) in {_norm(f) for f in parts[1].split(",")}:
            return Path(parts[0])
    return None


def _scan_dirs(family: str, variant: str) -> Path | None:
    stem = family.replace(" ", "")
    names = {f"{stem}{suffix}.ttf".lower() for suffix in _FILE_SUFFIX[variant]}
    for root in FONT_DIRS:
        if not root.is_dir():
            continue
        for dirpath, _dirs, files in os.walk(root):
            for f in sorted(files):
                if f.lower() in names:
                    return Path(dirpath) / f
    return None


def find_family(family: str) -> dict[str, Path] | None:
    """The files of a family's four faces; missing faces fall back to regular."""
    regular = _fc_match(family, "regular") or _scan_dirs(family, "regular")
    if regular is None:
        return None
    files = {"regular": regular}
    for variant in VARIANTS[1:]:
        path = _fc_match(family, variant) or _scan_dirs(family, variant)
        files[variant] = path or regular
    # fc-match may answer a synthetic style with the regular file; that is fine.
    return files


def _font_name(family: str, variant: str, shaped: bool) -> str:
    base = "dx-" + re.sub(r"[^A-Za-z0-9]", "", family)
    if shaped:
        base += "-sh"
    return base if variant == "regular" else f"{base}-{variant}"


def register_family(family: str, *, shaped: bool = False) -> RegisteredFont | None:
    """Register a family's faces with reportlab once per process; None if absent.

    ``shaped`` registers a separate copy that reportlab runs through HarfBuzz
    (for Arabic and Hebrew); the main fonts stay unshaped because shaping every
    Latin word costs time and changes nothing.
    """
    key = (family, shaped)
    with _lock:
        if key in _REG.families:
            return _REG.families[key]
        result = _register(family, shaped)
        _REG.families[key] = result
        return result


def _register(family: str, shaped: bool) -> RegisteredFont | None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    files = find_family(family)
    if files is None:
        return None
    names: dict[str, str] = {}
    loaded: dict[Path, str] = {}
    coverage: frozenset[int] = frozenset()
    for variant in VARIANTS:
        path = files[variant]
        if path in loaded:
            names[variant] = loaded[path]
            continue
        name = _font_name(family, variant, shaped)
        try:
            font = TTFont(name, str(path), shapable=shaped)
        except (TTFError, OSError, ValueError):
            if variant == "regular":
                return None
            names[variant] = names["regular"]
            continue
        pdfmetrics.registerFont(font)
        loaded[path] = name
        names[variant] = name
        if variant == "regular":
            coverage = frozenset(font.face.charToGlyph)
    pdfmetrics.registerFontFamily(
        names["regular"],
        normal=names["regular"],
        bold=names["bold"],
        italic=names["italic"],
        boldItalic=names["bolditalic"],
    )
    return RegisteredFont(name=names["regular"], family=family, coverage=coverage, shaped=shaped)


def face_name(font: RegisteredFont, bold: bool, italic: bool) -> str:
    from reportlab.lib.fonts import tt2ps

    return str(tt2ps(font.name, int(bold), int(italic)))


# --------------------------------------------------------------------------- fallback


def is_rtl(ch: str) -> bool:
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in RTL_RANGES)


def _shaping_available() -> bool:
    try:
        import uharfbuzz  # noqa: F401
    except ImportError:
        return False
    return True


def _listed_fonts(cp: int) -> list[tuple[Path, str]]:
    """TrueType files fontconfig says contain ``cp``, in a stable order."""
    out = _fc(["fc-list", f":charset={cp:x}", "file", "family", "fontformat"])
    found: list[tuple[Path, str]] = []
    for line in sorted(out.splitlines()):
        m = re.match(r"^(.*?): (.*?):fontformat=(.*)$", line.strip())
        if not m or m.group(3) != "TrueType":
            continue
        found.append((Path(m.group(1)), m.group(2).split(",")[0]))
    return found


def fallback_for(ch: str) -> RegisteredFont | None:
    """A registered font that has ``ch`` (cached per character), or None."""
    cp = ord(ch)
    with _lock:
        if cp in _REG.by_char:
            return _REG.by_char[cp]
        shaped = is_rtl(ch) and _shaping_available()
        result: RegisteredFont | None = None
        candidates: list[str] = []
        for (lo, hi), fams in _SCRIPT_FONTS:
            if lo <= cp <= hi:
                candidates.extend(fams)
        candidates.extend(GENERIC_FALLBACKS)
        # Fonts already picked for other characters come first: a script stays in one font.
        for font in _REG.by_char.values():
            if font is not None and font.family not in candidates and cp in font.coverage:
                candidates.insert(0, font.family)
        for fam in candidates:
            font = register_family(fam, shaped=shaped)
            if font is not None and cp in font.coverage:
                result = font
                break
        if result is None and unicodedata.category(ch)[0] not in "CZ":
            for _path, fam in _listed_fonts(cp):
                font = register_family(fam, shaped=shaped)
                if font is not None and cp in font.coverage:
                    result = font
                    break
        _REG.by_char[cp] = result
        return result


def package_for(ch: str) -> str:
    """The Debian/Ubuntu font package most likely to supply ``ch``."""
    cp = ord(ch)
    for (lo, hi), package in _PACKAGES:
        if lo <= cp <= hi:
            return package
    return "fonts-noto-core"


@dataclass(slots=True)
class FontSet:
    """The resolved fonts of a theme: per role font, its installed families in order."""

    body: tuple[RegisteredFont, ...]
    heading: tuple[RegisteredFont, ...]
    mono: tuple[RegisteredFont, ...]

    def role(self, name: str) -> tuple[RegisteredFont, ...]:
        return {"body": self.body, "heading": self.heading, "mono": self.mono}[name]

    def main(self, name: str) -> RegisteredFont:
        return self.role(name)[0]


_SETS: dict[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]], FontSet] = {}


class NoFontError(RuntimeError):
    pass


def _chain(families: tuple[str, ...]) -> tuple[RegisteredFont, ...]:
    found: list[RegisteredFont] = []
    for fam in (*families, *GENERIC_FALLBACKS):
        font = register_family(fam)
        if font is not None and font not in found:
            found.append(font)
    if not found:
        raise NoFontError(
            f"no TrueType font found for any of {', '.join(families)} or DejaVu "
            "(install fonts-dejavu-core)"
        )
    return tuple(found)


def font_set(body: tuple[str, ...], heading: tuple[str, ...], mono: tuple[str, ...]) -> FontSet:
    """Resolve a theme's families once per process."""
    key = (body, heading, mono)
    with _lock:
        if key not in _SETS:
            _SETS[key] = FontSet(body=_chain(body), heading=_chain(heading), mono=_chain(mono))
        return _SETS[key]
