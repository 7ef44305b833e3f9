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

from ...model import Pack
from .. import briefing
from .ooxml import safe

# A date for documents with no date at all: fixed, so output stays reproducible.
FALLBACK_DATE = _dt.datetime(2000, 1, 1, tzinfo=_dt.timezone.utc)
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


def _parse_date(value: str | None) -> _dt.datetime | None:
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        if len(text) <= 10:
            d = _dt.date.fromisoformat(text if len(text) == 10 else (text + "-01-01")[:10])
            return _dt.datetime(d.year, d.month, d.day, tzinfo=_dt.timezone.utc)
        moment = _dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=_dt.timezone.utc)
    return moment.astimezone(_dt.timezone.utc)


def document_date(pack: Pack, epoch: int | None) -> _dt.datetime:
    """SOURCE_DATE_EPOCH, else the article's/pack's date, else a fixed constant."""
    if epoch is not None:
        return _dt.datetime.fromtimestamp(epoch, _dt.timezone.utc)
    candidates = (
        [pack.articles[0].published, pack.date]
        if not pack.is_multi
        else [pack.date, *sorted((a.published or "" for a in pack.articles), reverse=True)]
    )
    for c in candidates:
        parsed = _parse_date(c)
        if parsed is not None:
            return parsed
    return FALLBACK_DATE


def metadata(pack: Pack, language: str, epoch: int | None) -> Metadata:
    if pack.is_multi:
        facts = pack.facts or tuple(f for a in pack.articles for f in a.facts)
        sources: list[str] = []
        for a in pack.articles:
            label = briefing.source_label(a)
            if label not in sources:
                sources.append(label)
        title = pack.title
        subject = pack.summary[0] if pack.summary else "; ".join(a.headline for a in pack.articles)
        author = "; ".join(sources)
    else:
        article = pack.articles[0]
        facts = article.facts
        title = article.headline
        subject = briefing.document_subject(article)
        author = briefing.source_label(article)
    return Metadata(
        title=title,
        subject=subject,
        author=author,
        keywords="; ".join(briefing.keywords(facts)),
        language=language,
        when=document_date(pack, epoch),
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
    core = cp._element
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
    from docx.opc.pkgwriter import _ContentTypesItem

    package = doc.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    entries = {
        CONTENT_TYPES_URI.membername: _ContentTypesItem.from_parts(parts).blob,  # type: ignore[no-untyped-call]
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
