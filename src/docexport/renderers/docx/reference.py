"""The user's reference document (``--reference-docx``), reduced to what docexport
takes from it: styles, numbering, the last section's page set-up with its
headers and footers (and their pictures), fonts, theme, settings, and the
footnote and endnote separators.

A reference document is untrusted input like any other. Everything else in it
is dropped before python-docx sees it: the body, comments, custom XML, macros,
the thumbnail, and every external relationship (a remote template, a linked
picture, a ``javascript:`` link), which Word would otherwise fetch or follow
from each output. Limits are checked on the archive's own directory before
anything is inflated, so a zip bomb is refused at once; a DOCTYPE (Word never
writes one) and a page that cannot hold text are errors naming the file.

:func:`load_reference` reads and reduces a file once; the renderer receives
the result (:class:`ReferenceDocx`, bytes) in its options, so workers on
other machines need no shared disk.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import re
import struct
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ...errors import RenderError

if TYPE_CHECKING:
    from lxml.etree import _Element  # type: ignore[import-untyped,unused-ignore]

# The largest reference file read, in bytes (compressed, as on disk).
MAX_REFERENCE_BYTES = 32 * 1024 * 1024
# Entries in the archive's directory, checked before the directory is parsed.
MAX_ARCHIVE_ENTRIES = 10_000
# The parts kept, and their total size once inflated (from the directory,
# before inflating: a part claiming more is refused unread).
MAX_KEPT_PARTS = 256
MAX_KEPT_BYTES = 64 * 1024 * 1024
# Word's largest page side (22 inches), in twentieths of a point.
MAX_PAGE_TWIPS = 31_680
# The least room for text docexport lays out in (see document._text_width).
MIN_TEXT_WIDTH_TWIPS = 72 * 20
MIN_TEXT_HEIGHT_TWIPS = 144 * 20

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_O = "urn:schemas-microsoft-com:office:office"
_MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_MAIN_TYPES = (
    _MAIN_TYPE,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
_RELS_TYPE = "application/vnd.openxmlformats-package.relationships+xml"
# Relationship type (last part of its URI) -> the kinds of relationship the
# target part may have in turn.
_FROM_DOCUMENT: tuple[str, ...] = ("styles", "numbering", "header", "footer", "fontTable")
_FROM_DOCUMENT += ("theme", "settings", "footnotes", "endnotes")
_CHILDREN: dict[str, tuple[str, ...]] = {
    "header": ("image",),
    "footer": ("image",),
    "numbering": ("image",),  # picture bullets
    "fontTable": ("font",),
}
_IMAGE_EXTENSIONS = {
    "png": "image/png",
    "jpeg": "image/jpeg",
    "jpg": "image/jpeg",
    "gif": "image/gif",
    "bmp": "image/bmp",
    "tif": "image/tiff",
    "tiff": "image/tiff",
    "emf": "image/x-emf",
    "wmf": "image/x-wmf",
}
_FONT_TYPE = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
_SETTINGS_DROPPED = ("attachedTemplate", "mailMerge")
_MEASURE = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(mm|cm|in|pt|pc|pi)?\s*$")
_TWIPS_PER = {None: 1.0, "in": 1440.0, "cm": 1440 / 2.54, "mm": 144 / 2.54, "pt": 20.0}
_TWIPS_PER.update({"pc": 240.0, "pi": 240.0})


@dataclass(frozen=True, slots=True)
class ReferenceDocx:
    """A reference document reduced by :func:`reduce_reference`: ``data`` is a
    .docx package holding only the parts docexport uses; ``name`` is what
    messages call it (the file the user gave)."""

    name: str
    data: bytes = field(repr=False)
    digest: str = ""

    def __post_init__(self) -> None:
        if not self.digest:
            object.__setattr__(self, "digest", hashlib.sha256(self.data).hexdigest())


class _Refused(Exception):
    """A reason to refuse the reference, without the file's name."""


# --------------------------------------------------------------------------- entry points


def load_reference(path: str | Path, *, limit: int = MAX_REFERENCE_BYTES) -> ReferenceDocx:
    """Read ``path`` (a regular file of at most ``limit`` bytes) and reduce it.
    Raises :class:`RenderError` naming the file and the cause."""
    from ...readfile import read_file

    name = str(path)
    try:
        data = read_file(path, limit, error=RenderError)
    except RenderError as exc:
        raise RenderError(f"reference docx {name}: {exc}") from None
    return reduce_reference(data, name=name)


def reduce_reference(data: bytes, *, name: str = "reference.docx") -> ReferenceDocx:
    """The reference document ``data`` with only the parts docexport uses."""
    try:
        return ReferenceDocx(name=name, data=_reduce(data))
    except _Refused as exc:
        raise RenderError(f"reference docx {name}: {exc}") from None


_LOADED: dict[tuple[str, int, int], ReferenceDocx] = {}


def resolve_reference(reference: ReferenceDocx | str | Path | None) -> ReferenceDocx | None:
    """What the renderer works from: a :class:`ReferenceDocx` as given, or one
    loaded from a path (once per file version in a process)."""
    if reference is None or isinstance(reference, ReferenceDocx):
        return reference
    import os

    try:
        st = os.stat(reference)
        key = (os.path.abspath(reference), st.st_mtime_ns, st.st_size)
    except OSError:
        return load_reference(reference)  # gives the error, naming the file
    cached = _LOADED.get(key)
    if cached is None:
        cached = load_reference(reference)
        if len(_LOADED) > 8:
            _LOADED.clear()
        _LOADED[key] = cached
    return cached


# --------------------------------------------------------------------------- the archive


def _entry_count(data: bytes) -> int:
    """Entries in the zip's end-of-directory record, read without parsing the
    directory (a directory of a million entries is itself a bomb)."""
    tail = data[-(22 + 65535) :]
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        raise _Refused("not a Word document (not a zip archive)")
    (entries,) = struct.unpack("<H", tail[at + 10 : at + 12])
    if entries == 0xFFFF:  # ZIP64: far beyond any reference document
        raise _Refused(f"more than {MAX_ARCHIVE_ENTRIES:,} parts")
    return int(entries)


def _parse(blob: bytes, part: str) -> _Element:
    from lxml import etree  # type: ignore[import-untyped,unused-ignore]

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(blob, parser)
    except etree.XMLSyntaxError as exc:
        raise _Refused(f"part {part} is not well-formed XML ({exc})") from None
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None:
        raise _Refused(f"part {part} has a DOCTYPE, which Word documents never have")
    return root


def _serialise(root: _Element) -> bytes:
    from lxml import etree  # type: ignore[import-untyped,unused-ignore]

    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _rels_name(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


def _target(source: str, target: str) -> str:
    from urllib.parse import unquote

    target = unquote(target)
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


@dataclass
class _Kept:
    """The reduced package being assembled."""

    archive: zipfile.ZipFile
    members: dict[str, zipfile.ZipInfo]
    parts: dict[str, bytes] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)  # part -> content type
    total: int = 0

    def member(self, part: str) -> zipfile.ZipInfo | None:
        info = self.members.get(part)
        if info is None:  # part names are case-insensitive in OPC
            info = self.members.get(part.lower())
        return info

    def read(self, info: zipfile.ZipInfo) -> bytes:
        if len(self.parts) >= MAX_KEPT_PARTS:
            raise _Refused(f"more than {MAX_KEPT_PARTS} parts in use")
        self.total += info.file_size
        if info.file_size > MAX_KEPT_BYTES or self.total > MAX_KEPT_BYTES:
            raise _Refused(
                f"its styles, headers, fonts and pictures inflate to more than "
                f"{MAX_KEPT_BYTES // (1024 * 1024)} MiB"
            )
        try:
            # zipfile stops at the size the directory declares (and checks the CRC).
            return self.archive.read(info)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
            raise _Refused(f"part {info.filename} cannot be read ({exc})") from None
        except RuntimeError as exc:  # encrypted
            raise _Refused(f"part {info.filename} cannot be read ({exc})") from None


def _content_types(kept: _Kept) -> dict[str, str]:
    """Part name -> content type, from the original [Content_Types].xml."""
    info = kept.member("[Content_Types].xml")
    if info is None:
        raise _Refused("not a Word document (no [Content_Types].xml)")
    root = _parse(kept.read(info), "[Content_Types].xml")
    defaults: dict[str, str] = {}
    overrides: dict[str, str] = {}
    for node in root:
        if node.tag == f"{{{_CT}}}Default":
            defaults[str(node.get("Extension", "")).lower()] = str(node.get("ContentType", ""))
        elif node.tag == f"{{{_CT}}}Override":
            overrides[str(node.get("PartName", "")).lstrip("/").lower()] = str(
                node.get("ContentType", "")
            )
    types: dict[str, str] = {}
    for name in kept.members:
        ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        ct = overrides.get(name.lower()) or defaults.get(ext)
        if ct:
            types[name] = ct
    return types


def _relationships(kept: _Kept, part: str) -> list[_Element]:
    info = kept.member(_rels_name(part))
    if info is None:
        return []
    root = _parse(kept.read(info), _rels_name(part))
    return [r for r in root if r.tag == f"{{{_PKG_REL}}}Relationship"]


def _kind(reltype: str) -> str:
    prefix, _, kind = reltype.rpartition("/")
    return kind if prefix == _REL else ""


def _reduce(data: bytes) -> bytes:
    entries = _entry_count(data)
    if entries > MAX_ARCHIVE_ENTRIES:
        raise _Refused(f"{entries:,} parts, over the limit of {MAX_ARCHIVE_ENTRIES:,}")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise _Refused(f"not a Word document ({exc})") from None
    with archive:
        members: dict[str, zipfile.ZipInfo] = {}
        for info in archive.infolist():
            members.setdefault(info.filename, info)
            members.setdefault(info.filename.lower(), info)
        kept = _Kept(archive=archive, members=members)
        types = _content_types(kept)
        main = _main_part(kept, types)
        _keep_document(kept, main, types)
        return _package(kept, main)


def _main_part(kept: _Kept, types: dict[str, str]) -> str:
    for rel in _relationships(kept, ""):
        if rel.get("Type") == f"{_REL}/officeDocument" and rel.get("TargetMode") != "External":
            part = _target("", str(rel.get("Target", "")))
            info = kept.member(part)
            if info is not None and types.get(info.filename) in _MAIN_TYPES:
                return info.filename
    raise _Refused("not a Word document (no main document part)")


def _keep_document(kept: _Kept, main: str, types: dict[str, str]) -> None:
    root = _parse(kept.read(kept.members[main]), main)
    ids = _keep_related(kept, main, _FROM_DOCUMENT, types)
    body = root.find(f"{{{_W}}}body")
    if body is None:
        raise _Refused(f"part {main} has no body")
    sections = body.findall(f"{{{_W}}}sectPr")
    for child in list(root):
        if child is not body:
            root.remove(child)  # w:background and the like: pictures, not styles
    for child in list(body):
        body.remove(child)
    if sections:
        section = sections[-1]
        body.append(section)
        _check_geometry(section)
    _drop_dangling(root, ids)
    kept.parts[main] = _serialise(root)
    kept.types[main] = _MAIN_TYPE


def _keep_related(
    kept: _Kept, source: str, allowed: tuple[str, ...], types: dict[str, str]
) -> dict[str, str]:
    """Keep the parts ``source`` relates to whose kind is ``allowed`` (internal
    only), each reduced in turn; returns the kept relationships, id -> target."""
    kept_rels: dict[str, tuple[str, str]] = {}
    for rel in _relationships(kept, source):
        kind = _kind(str(rel.get("Type", "")))
        rid = str(rel.get("Id", ""))
        if kind not in allowed or rel.get("TargetMode") == "External" or not rid:
            continue
        info = kept.member(_target(source, str(rel.get("Target", ""))))
        if info is None:
            continue
        part = info.filename
        if part not in kept.parts and not _keep_part(kept, part, kind, types):
            continue
        kept_rels[rid] = (str(rel.get("Type")), posixpath.relpath(part, posixpath.dirname(source)))
    if kept_rels:
        kept.parts[_rels_name(source)] = _rels_xml(kept_rels)
    return {rid: target for rid, (_, target) in kept_rels.items()}


def _keep_part(kept: _Kept, part: str, kind: str, types: dict[str, str]) -> bool:
    info = kept.members[part]
    if kind == "image":
        ext = part.rsplit(".", 1)[-1].lower()
        if ext not in _IMAGE_EXTENSIONS:
            return False  # SVG and the like: may hold scripts and links
        kept.parts[part] = kept.read(info)
        kept.types[part] = _IMAGE_EXTENSIONS[ext]
        return True
    if kind == "font":
        kept.parts[part] = kept.read(info)
        kept.types[part] = _FONT_TYPE
        return True
    content_type = types.get(part)
    if not content_type or not content_type.endswith("+xml"):
        return False
    kept.parts[part] = b""  # placeholder: a part related twice is reduced once
    root = _parse(kept.read(info), part)
    ids = _keep_related(kept, part, _CHILDREN.get(kind, ()), types)
    if kind == "settings":
        for name in _SETTINGS_DROPPED:
            for node in root.findall(f"{{{_W}}}{name}"):
                root.remove(node)
    _drop_dangling(root, ids)
    kept.parts[part] = _serialise(root)
    kept.types[part] = content_type
    return True


def _drop_dangling(root: _Element, ids: dict[str, str]) -> None:
    """Remove references to relationships that were dropped. A WordprocessingML
    element that exists for its reference (a header reference, printer
    settings, an embedded font, an attached template) goes whole, since Word
    requires the id; any other element loses the attribute (a picture shows
    nothing, a link becomes plain text)."""
    keep_element = f"{{{_W}}}hyperlink"
    for node in list(root.iter()):
        if not isinstance(node.tag, str):
            continue  # comments, processing instructions
        for attr in list(node.attrib):
            name = str(attr)
            if not (name.startswith(f"{{{_REL}}}") or name == f"{{{_O}}}relid"):
                continue
            if node.get(attr) in ids:
                continue
            if node.tag.startswith(f"{{{_W}}}") and node.tag != keep_element:
                parent = node.getparent()
                if parent is not None:
                    parent.remove(node)
                break
            del node.attrib[attr]


def _rels_xml(rels: dict[str, tuple[str, str]]) -> bytes:
    from lxml import etree  # type: ignore[import-untyped,unused-ignore]

    root = etree.Element(f"{{{_PKG_REL}}}Relationships", nsmap={None: _PKG_REL})
    for rid in sorted(rels):
        reltype, target = rels[rid]
        etree.SubElement(root, f"{{{_PKG_REL}}}Relationship", Id=rid, Type=reltype, Target=target)
    return _serialise(root)


def _package(kept: _Kept, main: str) -> bytes:
    from lxml import etree  # type: ignore[import-untyped,unused-ignore]

    kept.parts["_rels/.rels"] = _rels_xml({"rId1": (f"{_REL}/officeDocument", main)})
    types = etree.Element(f"{{{_CT}}}Types", nsmap={None: _CT})
    etree.SubElement(types, f"{{{_CT}}}Default", Extension="rels", ContentType=_RELS_TYPE)
    etree.SubElement(types, f"{{{_CT}}}Default", Extension="xml", ContentType="application/xml")
    for part in sorted(kept.types):
        etree.SubElement(
            types, f"{{{_CT}}}Override", PartName="/" + part, ContentType=kept.types[part]
        )
    kept.parts["[Content_Types].xml"] = _serialise(types)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in sorted(kept.parts):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, kept.parts[name])
    return out.getvalue()


# --------------------------------------------------------------------------- page geometry


def _twips(node: _Element, attr: str, what: str) -> float | None:
    raw = node.get(f"{{{_W}}}{attr}")
    if raw is None:
        return None
    m = _MEASURE.match(str(raw))
    if m is None:
        raise _Refused(f"page {what} {raw[:40]!r} is not a length")
    return float(m.group(1)) * _TWIPS_PER[m.group(2)]


def _check_geometry(section: _Element) -> None:
    """Refuse a page docexport cannot lay text on: a side that is zero, negative
    or over 22 inches, a negative margin, or margins that leave too little room."""
    size = section.find(f"{{{_W}}}pgSz")
    width = height = None
    if size is not None:
        width = _twips(size, "w", "width")
        height = _twips(size, "h", "height")
        for what, value in (("width", width), ("height", height)):
            if value is not None and not 0 < value <= MAX_PAGE_TWIPS:
                raise _Refused(
                    f"page {what} of {value / 20:g} pt is not a page "
                    f"(it must be above 0 and at most {MAX_PAGE_TWIPS / 20:g} pt)"
                )
    margins = section.find(f"{{{_W}}}pgMar")
    if margins is None:
        return
    values: dict[str, float] = {}
    for side in ("top", "bottom", "left", "right", "header", "footer", "gutter"):
        value = _twips(margins, side, f"margin {side}")
        if value is None:
            continue
        if value < 0:
            raise _Refused(f"page margin {side} of {value / 20:g} pt is negative")
        values[side] = value
    if width is not None:
        used = values.get("left", 0) + values.get("right", 0) + values.get("gutter", 0)
        if width - used < MIN_TEXT_WIDTH_TWIPS:
            raise _Refused(
                f"page margins (left, right and gutter: {used / 20:g} pt) leave "
                f"{(width - used) / 20:g} pt of a {width / 20:g} pt wide page "
                f"(at least {MIN_TEXT_WIDTH_TWIPS / 20:g} pt needed)"
            )
    if height is not None:
        used = values.get("top", 0) + values.get("bottom", 0)
        if height - used < MIN_TEXT_HEIGHT_TWIPS:
            raise _Refused(
                f"page margins (top and bottom: {used / 20:g} pt) leave "
                f"{(height - used) / 20:g} pt of a {height / 20:g} pt high page "
                f"(at least {MIN_TEXT_HEIGHT_TWIPS / 20:g} pt needed)"
            )
