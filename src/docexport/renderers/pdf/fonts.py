"""Finding, registering and falling back between embedded TrueType fonts.

reportlab embeds only TrueType outlines (``.ttf`` / ``.ttc`` with ``glyf``
tables); CFF-flavoured OpenType (``.otf``, Noto CJK) cannot be embedded and is
skipped. Fonts are found through fontconfig (``fc-match`` / ``fc-list``) and,
where fontconfig is missing, by file name in the standard font folders.

Fallback order for a character the theme's font lacks:

1. the theme's own families for that role, in order;
2. a script font known to cover it well (Noto Sans Arabic / Hebrew, a CJK
   TrueType font such as WenQuanYi Zen Hei; Noto CJK is CFF, not embeddable);
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
    coverage: frozenset[str]  # characters, so ``set(text) <= coverage`` is one check


@dataclass(slots=True)
class _Registry:
    families: dict[str, RegisteredFont | None] = field(default_factory=dict)
    by_char: dict[int, RegisteredFont | None] = field(default_factory=dict)
    index: dict[str, list[tuple[int, int, str]]] | None = None
    # The font object registered for each file, so a file is read and embedded once.
    by_path: dict[Path, object] = field(default_factory=dict)


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


def _fc_index() -> dict[str, list[tuple[int, int, str]]]:
    """Every installed TrueType face by family: (weight, slant, file); one fc-list call."""
    with _lock:
        if _REG.index is None:
            index: dict[str, list[tuple[int, int, str]]] = {}
            out = _fc(
                ["fc-list", "--format", "%{family}|%{weight}|%{slant}|%{fontformat}|%{file}\n"]
            )
            for line in out.splitlines():
                parts = line.split("|")
                if len(parts) != 5 or parts[3] != "TrueType":
                    continue
                try:  # variable fonts give ranges like "[0 1000]"; skip them
                    weight, slant = int(parts[1]), int(parts[2])
                except ValueError:
                    continue
                for fam in parts[0].split(","):
                    index.setdefault(_norm(fam), []).append((weight, slant, parts[4]))
            for faces in index.values():
                faces.sort(key=lambda f: f[2])
            _REG.index = index
        return _REG.index


def _fc_match(family: str, variant: str) -> Path | None:
    """The installed file of a family's face, via fontconfig's font list."""
    faces = _fc_index().get(_norm(family))
    if not faces:
        return None
    bold = "bold" in variant
    italic = "italic" in variant
    wanted = [f for f in faces if (f[0] >= 150) == bold and (f[1] > 0) == italic]
    if not wanted:
        return None
    target = 200 if bold else 80
    best = min(wanted, key=lambda f: (abs(f[0] - target), f[1], f[2]))
    return Path(best[2])


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


def _font_name(family: str, variant: str) -> str:
    base = "dx-" + re.sub(r"[^A-Za-z0-9]", "", family)
    return base if variant == "regular" else f"{base}-{variant}"


def register_family(family: str) -> RegisteredFont | None:
    """Register a family's faces with reportlab once per process; None if absent.

    Fonts are registered unshaped: HarfBuzz shaping every Latin word costs
    time and changes nothing, and reportlab's shaping of right-to-left lines
    falls short (see :mod:`.rl_adapter`); Arabic is joined in
    :func:`docexport.renderers.pdf.markup.text` instead.
    """
    with _lock:
        if family in _REG.families:
            return _REG.families[family]
        result = _register(family)
        _REG.families[family] = result
        return result


def _register(family: str) -> RegisteredFont | None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError

    files = find_family(family)
    if files is None:
        return None
    names: dict[str, str] = {}
    loaded: dict[Path, str] = {}
    coverage: frozenset[str] = frozenset()
    for variant in VARIANTS:
        path = files[variant]
        if path in loaded:
            names[variant] = loaded[path]
            continue
        name = _font_name(family, variant)
        if variant != "regular" and _register_lazily(name, path, files["regular"]):
            loaded[path] = names[variant] = name
            continue
        try:
            font = _font_classes()[0](name, str(path), shapable=False)
        except (TTFError, OSError, ValueError):
            if variant == "regular":
                return None
            names[variant] = names["regular"]
            continue
        pdfmetrics.registerFont(font)
        _REG.by_path.setdefault(path, pdfmetrics.getFont(name))
        loaded[path] = name
        names[variant] = name
        if variant == "regular":
            # The regular face is read now: its coverage drives the fallback.
            from .rl_adapter import glyph_coverage

            coverage = glyph_coverage(font)
    pdfmetrics.registerFontFamily(
        names["regular"],
        normal=names["regular"],
        bold=names["bold"],
        italic=names["italic"],
        boldItalic=names["bolditalic"],
    )
    return RegisteredFont(name=names["regular"], family=family, coverage=coverage)


def _register_lazily(name: str, path: Path, regular: Path) -> bool:
    """Enter a bold or italic face in reportlab's registry without reading its file.

    ``pdfmetrics.registerFont`` asks for the face's PostScript name, which
    parses the whole file (~16 ms a face), and a document uses few of its
    families' faces (the seed: 4 of 8). So the face goes into the registry
    as a :class:`LazyTTFont` that parses on first use. False when reportlab's
    registry is not the plain dict this relies on (then register eagerly).
    """
    from reportlab.pdfbase import pdfmetrics

    from .rl_adapter import font_registry

    registry = font_registry()
    if registry is None:
        return False
    # One font object per file, as registerFont shares one per face name:
    # one embedded subset when two families name the same file.
    font = _REG.by_path.get(path)
    if font is None:
        font = _REG.by_path[path] = _font_classes()[1](name, path, regular)
    registry[name] = font
    # What registerFont does for every multi-byte font: it is a family of its own.
    pdfmetrics.registerFontFamily(name)
    return True


def _font_classes() -> tuple[type, type]:
    from .rl_adapter import font_classes

    return font_classes()


def face_name(font: RegisteredFont, bold: bool, italic: bool) -> str:
    from reportlab.lib.fonts import tt2ps

    return str(tt2ps(font.name, int(bold), int(italic)))


# --------------------------------------------------------------------------- fallback


def is_rtl(ch: str) -> bool:
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in RTL_RANGES)


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
        result: RegisteredFont | None = None
        candidates: list[str] = []
        for (lo, hi), fams in _SCRIPT_FONTS:
            if lo <= cp <= hi:
                candidates.extend(fams)
        candidates.extend(GENERIC_FALLBACKS)
        # Fonts already picked for other characters come first: a script stays in one font.
        for font in _REG.by_char.values():
            if font is not None and font.family not in candidates and ch in font.coverage:
                candidates.insert(0, font.family)
        for fam in candidates:
            font = register_family(fam)
            if font is not None and ch in font.coverage:
                result = font
                break
        if result is None and unicodedata.category(ch)[0] not in "CZ":
            for _path, fam in _listed_fonts(cp):
                font = register_family(fam)
                if font is not None and ch in font.coverage:
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
    """The resolved fonts of a theme: per role font, its installed families in order.

    Only each role's first installed family is registered up front; the rest
    of a role's list is registered the first time a character needs it.
    """

    families: dict[str, tuple[str, ...]]
    mains: dict[str, RegisteredFont]
    _chains: dict[str, tuple[RegisteredFont, ...]] = field(default_factory=dict)

    def main(self, name: str) -> RegisteredFont:
        """The role's first installed family, registered on first use (a pack
        without code never loads the mono faces)."""
        font = self.mains.get(name)
        if font is None:
            font = self.mains[name] = _first(self.families[name])
        return font

    def role(self, name: str) -> tuple[RegisteredFont, ...]:
        chain = self._chains.get(name)
        if chain is None:
            found = [self.main(name)]
            for fam in self.families[name]:
                font = register_family(fam)
                if font is not None and font not in found:
                    found.append(font)
            chain = self._chains[name] = tuple(found)
        return chain


_SETS: dict[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]], FontSet] = {}


class NoFontError(RuntimeError):
    pass


def _first(families: tuple[str, ...]) -> RegisteredFont:
    for fam in (*families, *GENERIC_FALLBACKS):
        font = register_family(fam)
        if font is not None:
            return font
    raise NoFontError(
        f"no TrueType font found for any of {', '.join(families)} or DejaVu "
        "(install fonts-dejavu-core)"
    )


def font_set(body: tuple[str, ...], heading: tuple[str, ...], mono: tuple[str, ...]) -> FontSet:
    """Resolve a theme's families once per process."""
    key = (body, heading, mono)
    with _lock:
        if key not in _SETS:
            families = {"body": body, "heading": heading, "mono": mono}
            mains = {role: _first(families[role]) for role in ("body", "heading")}
            _SETS[key] = FontSet(families=families, mains=mains)
        return _SETS[key]
