"""The analysis wired together: sentences, language, facts, ranking, summary.

``analyse_article`` fills an article's sentences (ids ``a{index}s{n}``),
language, summary and ranked facts (ids ``a{index}-{kind}-{n}``), each fact
pointing at the sentence it came from. ``analyse_pack`` does every article
and, for a multi-article pack, a pack summary and combined facts: people,
organisations and places merged across articles, figures, dates and quotes
kept with their article.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from ..furniture import is_furniture, is_shouted
from ..model import (
    STANDFIRST_ID,
    AnyFact,
    Article,
    BlockQuote,
    DateFact,
    Figure,
    Organisation,
    Pack,
    Person,
    Place,
    Quote,
    Sentence,
)
from . import confidence, ranking
from . import lexicon as lx
from .confidence import BOX_THRESHOLD
from .cyrillic import find_cyrillic_organisations
from .dates import find_dates
from .entities import find_mentions
from .figures import FigureMention, find_figures
from .language import detect
from .organisations import OrgEntity, resolve_organisations
from .people import PersonEntity, resolve_people
from .places import resolve_places
from .quotes import Context, NamedSpan, attribute, find_quotes, subject_of
from .roles import clean_role, qualifies_role
from .scriptpeople import find_script_people
from .sentences import article_blocks, article_sentences
from .spans import Mention
from .summary import summarise
from .worldscripts import (
    find_script_organisations,
    find_script_places,
    find_world_dates,
    find_world_figures,
)

# Languages whose capitalisation and wording the extractor's rules fit.
LATIN_LANGUAGES = frozenset({"en", "fr", "es", "de", "it", "pt", "nl"})
_MIN_QUOTE_WORDS = 4


# Letters of scripts other than Latin (one character each: offsets are kept).
_NOT_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u2000-\u206f]")


def _word_count(text: str) -> int:
    """Words of a quotation; CJK writes none apart, so about two characters make one."""
    cjk = sum(1 for c in text if "\u3040" <= c <= "\u9fff")
    return max(len(text.split()), cjk // 2)


def _not_the_article(sentence: Sentence) -> bool:
    return is_furniture(sentence.text) or is_shouted(sentence.text)


def _full_text(article: Article) -> str:
    return "\n".join([article.headline] + [t for _, t in article_blocks(article)])


class _Ctx:
    def __init__(self, article: Article, sentences: tuple[Sentence, ...], language: str) -> None:
        self.article = article
        self.language = language
        self.sentences = sentences
        self.n = max(len(sentences), 1)
        self.lead = {s.id for s in sentences if s.block == STANDFIRST_ID} or {
            s.id for s in sentences[:2]
        }
        self.headline = article.headline.lower()

    def score(self, mentions: list[Mention], names: list[str], bonus: float = 0.0) -> float:
        first = min(m.sentence for m in mentions) if mentions else self.n
        return ranking.score(
            mentions=len(mentions),
            first_position=first / self.n,
            in_lead=any(self.sentences[m.sentence].id in self.lead for m in mentions),
            in_headline=any(n and n.lower() in self.headline for n in names),
            bonus=bonus,
        )

    def once(self, si: int, *, in_headline: bool = False, bonus: float = 0.0) -> float:
        """The score of a fact found once, in sentence number ``si``."""
        return ranking.score(
            mentions=1,
            first_position=si / self.n,
            in_lead=self.sentences[si].id in self.lead,
            in_headline=in_headline,
            bonus=bonus,
        )


# Key facts and summary points come from the first sentences of very long texts
# (about 7,500 words: well past any news article), so a 150-page document is
# analysed in bounded time; its text is never cut, only the analysis stops.
MAX_ANALYSED_SENTENCES = 300


def analyse_article(article: Article, *, index: int = 1) -> Article:
    prefix = f"a{index}"
    sentences = article_sentences(article, prefix)
    language = article.language or detect(_full_text(article)[:20_000])
    # Credits, prompts and furniture left in the text give no fact and no summary point.
    analysed = tuple(s for s in sentences[:MAX_ANALYSED_SENTENCES] if not _not_the_article(s))
    notes = article.notes
    if len(sentences) > MAX_ANALYSED_SENTENCES:
        note = (
            f"Key facts and summary are drawn from the first {MAX_ANALYSED_SENTENCES} "
            f"of {len(sentences)} sentences."
        )
        if note not in notes:
            notes = (*notes, note)
    summary = summarise(article, analysed)
    facts: list[AnyFact] = []
    if analysed:
        facts = _facts(article, analysed, prefix, language)
    ranked = ranking.feature(facts)
    return dataclasses.replace(
        article,
        sentences=sentences,
        summary=summary,
        facts=ranked,
        language=language,
        notes=notes,
    )


def _facts(
    article: Article, sentences: tuple[Sentence, ...], prefix: str, language: str
) -> list[AnyFact]:
    latin = language.split("-")[0] in LATIN_LANGUAGES
    ctx = _Ctx(article, sentences, language)
    facts: list[AnyFact] = []
    if latin:
        mentions = find_mentions(sentences, language)
    else:
        # The capitalised-run rules read only the Latin-script names ("DeepMind"); the
        # text's own script is matched against names from data.
        latin_only = tuple(
            dataclasses.replace(s, text=_NOT_LATIN.sub(" ", s.text)) for s in sentences
        )
        mentions = find_mentions(latin_only, language)
        mentions += find_script_places(sentences, language)
        mentions += find_script_organisations(sentences)
        mentions += find_script_people(sentences, language)
        mentions += find_cyrillic_organisations(sentences)
    orgs = resolve_organisations(mentions)
    places = resolve_places(mentions)
    other = {o.name for o in orgs} | {o.acronym for o in orgs if o.acronym} | {p for p, _ in places}
    people = resolve_people(mentions, other)
    # "Paris claims": a place name that is also a person's surname means the person.
    surnames = {p.surname for p in people if len(p.name.split()) > 1}
    places = [
        (name, ms)
        for name, ms in places
        if not all(m.text in surnames for m in ms) and name not in surnames
    ]

    for i, p in enumerate(people, 1):
        named = [m for m in p.mentions if m.kind == "person"]
        role = clean_role(p.role)
        facts.append(
            Person(
                id=f"{prefix}-person-{i}",
                text=p.name,
                role=role,
                aliases=tuple(sorted(p.aliases)),
                sentence=sentences[p.mentions[0].sentence].id,
                score=ctx.score(p.mentions, [p.name, p.surname])
                + (0.05 if role else 0.0)
                + (0.0 if named else -0.2),
                confidence=confidence.person(p.mentions, p.name, role),
                evidence=confidence.evidence_of(p.mentions),
            )
        )
    for i, o in enumerate(orgs, 1):
        facts.append(
            Organisation(
                id=f"{prefix}-organisation-{i}",
                text=o.name,
                acronym=o.acronym if o.acronym != o.name else None,
                aliases=tuple(sorted(o.aliases)),
                sentence=sentences[o.mentions[0].sentence].id,
                score=ctx.score(o.mentions, [o.name, o.acronym or ""]),
                confidence=confidence.organisation(
                    o.mentions,
                    known_acronym=bool(o.acronym and o.acronym in lx.KNOWN_ACRONYMS)
                    or o.name in lx.KNOWN_ORGS,
                ),
                evidence=confidence.evidence_of(o.mentions),
            )
        )
    for i, (name, ms) in enumerate(places, 1):
        facts.append(
            Place(
                id=f"{prefix}-place-{i}",
                text=name,
                # the forms the article wrote ("Russie", "America") besides the normalised name
                aliases=tuple(
                    sorted(
                        (
                            {m.text for m in ms}
                            | {sentences[m.sentence].text[m.start : m.end] for m in ms}
                        )
                        - {name, ""}
                    )
                ),
                sentence=sentences[ms[0].sentence].id,
                score=ctx.score(ms, [name]),
                confidence=confidence.place(
                    ms,
                    qualifies_role=all(
                        qualifies_role(sentences[m.sentence].text, m.end) for m in ms
                    ),
                ),
                evidence=confidence.evidence_of(ms),
            )
        )
    facts += _figures(ctx, prefix, latin)
    facts += _dates(ctx, prefix, latin, language)
    # A quotation is only as sure as the person it is given to.
    sure = {f.text: f.confidence for f in facts if isinstance(f, (Person, Organisation))}
    for q in _quotes(ctx, prefix, people, orgs):
        if isinstance(q, Quote) and q.speaker and sure.get(q.speaker, 1.0) < BOX_THRESHOLD:
            q = dataclasses.replace(
                q, confidence=min(q.confidence, 0.5), evidence=(*q.evidence, "doubtful-speaker")
            )
        facts.append(q)
    return facts


def _figures(ctx: _Ctx, prefix: str, latin: bool) -> list[AnyFact]:
    out: list[AnyFact] = []
    seen: set[tuple[float, str | None]] = set()
    for si, s in enumerate(ctx.sentences):
        for f in find_figures(s.text) if latin else _world_figures(s.text, ctx.language):
            key = (f.value, f.unit)
            if key in seen:
                continue
            seen.add(key)
            bonus = (0.1 if f.label else -0.1) + (0.05 if f.unit else 0.0)
            out.append(
                Figure(
                    id=f"{prefix}-figure-{len(out) + 1}",
                    text=f.text,
                    value=f.value,
                    unit=f.unit,
                    label=f.label,
                    sentence=s.id,
                    score=ctx.once(si, in_headline=f.text.lower() in ctx.headline, bonus=bonus),
                    confidence=confidence.figure(label=f.label, unit=f.unit),
                    evidence=tuple(e for e, ok in (("label", f.label), ("unit", f.unit)) if ok)
                    or ("bare-number",),
                )
            )
    return out


def _world_figures(text: str, language: str) -> list[FigureMention]:
    return [
        FigureMention(f.text, f.value, f.unit, f.label, f.start, f.end)
        for f in find_world_figures(text, language)
    ]


def _sentence_dates(text: str, published: str | None, latin: bool, language: str) -> list[Any]:
    found = find_dates(text, published)
    if latin:
        return found
    taken = [(d.start, d.end) for d in found]
    more = [
        d
        for d in find_world_dates(text, language, published)
        if not any(d.start < b and a < d.end for a, b in taken)
    ]
    return sorted(found + more, key=lambda d: d.start)


def _dates(ctx: _Ctx, prefix: str, latin: bool = True, language: str = "en") -> list[AnyFact]:
    out: list[AnyFact] = []
    seen: set[str] = set()
    for si, s in enumerate(ctx.sentences):
        for d in _sentence_dates(s.text, ctx.article.published, latin, language):
            key = d.text.lower()
            if key in seen:
                continue
            seen.add(key)
            # Periods and full dates say more than a bare weekday.
            bonus = (
                0.15
                if d.iso and ("/" in d.iso or (len(d.iso) == 10 and not d.text.istitle()))
                else 0.0
            )
            if not any(c.isdigit() for c in d.text):
                bonus -= 0.1  # "Tuesday", "next month": context, rarely the key date
            out.append(
                DateFact(
                    id=f"{prefix}-date-{len(out) + 1}",
                    text=d.text,
                    iso=d.iso,
                    sentence=s.id,
                    score=ctx.once(si, bonus=bonus),
                    confidence=confidence.date(d.text, d.iso),
                    evidence=("digits",) if any(c.isdigit() for c in d.text) else ("words",),
                )
            )
    return out


def _speaker_spans(
    ctx: _Ctx, people: list[PersonEntity], orgs: list[OrgEntity]
) -> dict[str, list[NamedSpan]]:
    """Every place a speaker can be named, in block coordinates, by block."""
    spans: dict[str, list[NamedSpan]] = {}
    named: list[tuple[str, list[Mention], str]] = [
        *((p.name, p.mentions, "person") for p in people),
        *((o.name, o.mentions, "organisation") for o in orgs),
    ]
    for name, mentions, kind in named:
        for m in mentions:
            s = ctx.sentences[m.sentence]
            spans.setdefault(s.block, []).append(
                NamedSpan(name, s.start + m.start, s.start + m.end, kind)
            )
    for v in spans.values():
        v.sort(key=lambda sp: sp.start)
    return spans


def _a_quotation(text: str, speaker: str | None) -> bool:
    """A quotation, not a quoted phrase ("fake news"): long enough, or given to someone."""
    words = _word_count(text)
    if words < _MIN_QUOTE_WORDS and not (speaker and words >= 3):
        return False
    return speaker is not None or words >= 8


def _quotes(
    ctx: _Ctx, prefix: str, people: list[PersonEntity], orgs: list[OrgEntity]
) -> list[AnyFact]:
    spans = _speaker_spans(ctx, people, orgs)
    speakers_of_blocks = {b.id: b.speaker for b in ctx.article.body if isinstance(b, BlockQuote)}
    out: list[AnyFact] = []
    topic: str | None = None
    by_block: dict[str, list[Sentence]] = {}
    for s in ctx.sentences:
        by_block.setdefault(s.block, []).append(s)
    index_of = {s.id: i for i, s in enumerate(ctx.sentences)}
    running_on: str | None = None  # speaker of a quotation that runs into the next paragraph
    for block_id, text in article_blocks(ctx.article):
        block_sents = by_block.get(block_id, [])
        block_spans = spans.get(block_id, [])
        quotes = find_quotes(text)
        previous_quote: tuple[int, str | None] | None = None
        carried, running_on = running_on, None
        for n, s in enumerate(block_sents):
            for q in quotes:
                if not (s.start <= q.start < s.end):
                    continue
                prev_sent = (block_sents[n - 1].start, block_sents[n - 1].end) if n else None
                qctx = Context(
                    topic=topic,
                    sentence_start=s.start,
                    previous_sentence=prev_sent,
                    previous_quote=previous_quote,
                )
                speaker, how = attribute(text, q, block_spans, qctx)
                if speaker is None and carried and q.start == 0:
                    speaker = carried  # the paragraph goes on with the last one's quotation
                    how = "running-on"
                if speakers_of_blocks.get(block_id):
                    speaker = speakers_of_blocks[block_id]
                    how = "block"
                previous_quote = (q.end, speaker)
                if q.open_end:
                    running_on = speaker
                if not _a_quotation(q.text, speaker):
                    continue
                si = index_of[s.id]
                out.append(
                    Quote(
                        id=f"{prefix}-quote-{len(out) + 1}",
                        text=q.text,
                        speaker=speaker,
                        sentence=s.id,
                        score=ctx.once(si, bonus=0.2 if speaker else -0.2),
                        confidence=confidence.quote(speaker, how),
                        evidence=(how,),
                    )
                )
            subj = subject_of(text, block_spans, s.start, s.end)
            if subj:
                topic = subj
    return out


# --------------------------------------------------------------------------- packs


def analyse_pack(pack: Pack) -> Pack:
    articles = tuple(analyse_article(a, index=i + 1) for i, a in enumerate(pack.articles))
    language = pack.language or (articles[0].language if articles else None)
    if len(articles) <= 1:
        return dataclasses.replace(pack, articles=articles, language=language)
    summary = tuple(a.summary[0] if a.summary else a.headline for a in articles)
    return dataclasses.replace(
        pack, articles=articles, language=language, summary=summary, facts=combine_facts(articles)
    )


def combine_facts(articles: tuple[Article, ...]) -> tuple[AnyFact, ...]:
    """Pack facts: named things merged across articles, the rest kept per article."""
    merged: dict[tuple[str, str], AnyFact] = {}
    rest: list[AnyFact] = []
    for a in articles:
        for f in a.facts:
            if isinstance(f, (Person, Organisation, Place)):
                key = (f.kind, f.text.lower())
                if key in merged:
                    prev = merged[key]
                    merged[key] = dataclasses.replace(
                        prev, score=round(prev.score + 0.5 * f.score, 4)
                    )
                else:
                    merged[key] = f
            elif isinstance(f, DateFact) and not any(c.isdigit() for c in f.text):
                continue  # "today", "Tuesday": meaningless once articles are put together
            else:
                rest.append(f)
    combined = [dataclasses.replace(f, featured=False) for f in list(merged.values()) + rest]
    return ranking.feature(combined)
