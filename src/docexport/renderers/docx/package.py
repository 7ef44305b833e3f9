"""The saved package: metadata, no template leftovers, byte-identical zip.

python-docx starts from a template whose core properties say "python-docx"
and 2013, ships a thumbnail of an empty page and an app.xml claiming
"Microsoft Macintosh Word", and zips every part with the current time. All of
that is replaced here; the zip is rewritten with a fixed timestamp and a
stable entry order so the same pack always gives the same bytes.
"""

from __future__ import annotations

import datetime as _dt
import io
import zipfile
from dataclasses import dataclass

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from ..briefing import Briefing
from .docx_adapter import content_types_blob, core_element
from .ooxml import safe

# The DOS epoch, as Word itself stamps every entry of a .docx.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
GENERATOR = "docexport"

_APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
    b'2006/docPropsVTypes"><Application>docexport</Application><DocSecurity>0</DocSecurity>'
    b"<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
    b"<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>"
)

_DROP_PACKAGE_RELS = (RT.THUMBNAIL,)
_DROP_DOCUMENT_RELS = (
    RT.CUSTOM_XML,
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
)


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str
    subject: str
    author: str
    keywords: str
    language: str
    when: _dt.datetime


def metadata(b: Briefing, language: str) -> Metadata:
    return Metadata(
        title=b.title,
        subject=b.subject(),
        author="; ".join(b.authors()),
        keywords="; ".join(b.keywords()),
        language=language,
        when=b.timestamp(),
    )


def _clip(text: str, limit: int = 255) -> str:
    """One line of at most ``limit`` characters (Word's limit for these fields),
    cut after a sentence or, failing that, a word."""
    text = " ".join(safe(text).split())
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    for end in (". ", "! ", "? "):
        cut = head.rfind(end)
        if cut > limit // 3:
            return head[: cut + 1]
    return head.rsplit(" ", 1)[0] + "…"


def apply_metadata(doc: DocxDocument, meta: Metadata) -> None:
    cp = doc.core_properties
    cp.title = _clip(meta.title)
    cp.subject = _clip(meta.subject)
    cp.author = _clip(meta.author)
    cp.keywords = _clip(meta.keywords)
    cp.language = meta.language
    cp.comments = "Briefing pack"
    cp.category = "Briefing pack"
    cp.last_modified_by = GENERATOR
    cp.revision = 1
    cp.content_status = ""
    cp.identifier = ""
    cp.version = ""
    when = meta.when.replace(tzinfo=None)  # python-docx writes naive datetimes as UTC
    cp.created = when
    cp.modified = when
    core = core_element(cp)
    for old in core.findall(qn("cp:lastPrinted")):
        core.remove(old)


def drop_template_parts(doc: DocxDocument) -> None:
    """No thumbnail, custom XML or stylesWithEffects left over from a template."""
    package = doc.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype in _DROP_PACKAGE_RELS:
            del package.rels[rid]
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype in _DROP_DOCUMENT_RELS:
            del doc.part.rels[rid]
    settings = doc.settings.element
    # proofState "clean" would tell Word the text was already spell-checked.
    for tag in ("w:savePreviewPicture", "w:attachedTemplate", "w:proofState"):
        for old in settings.findall(qn(tag)):
            settings.remove(old)


def _entry_order(name: str) -> tuple[int, str]:
    if name == "[Content_Types].xml":
        return (0, name)
    if name == "_rels/.rels":
        return (1, name)
    return (2, name)


def write_zip(entries: dict[str, bytes]) -> bytes:
    """The parts as a zip with fixed timestamps, attributes and order."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for name in sorted(entries, key=_entry_order):
            blob = _APP_XML if name == "docProps/app.xml" else entries[name]
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            dst.writestr(info, blob, compresslevel=6)
    return out.getvalue()


def package_entries(doc: DocxDocument) -> dict[str, bytes]:
    """Zip member name -> bytes, as python-docx's PackageWriter would write them.

    Taking the parts directly, rather than letting python-docx zip them and
    zipping them again with fixed timestamps, compresses every part once.
    """
    from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI

    package = doc.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    entries = {
        CONTENT_TYPES_URI.membername: content_types_blob(parts),
        PACKAGE_URI.rels_uri.membername: package.rels.xml,
    }
    for part in parts:
        entries[part.partname.membername] = part.blob
        if len(part.rels):
            entries[part.partname.rels_uri.membername] = part.rels.xml
    return entries


def save(doc: DocxDocument, meta: Metadata) -> bytes:
    apply_metadata(doc, meta)
    drop_template_parts(doc)
    return write_zip(package_entries(doc))
