"""Key-facts evaluation: the analysis against the labelled articles in tests/fixtures/articles.

    python benchmarks/facts.py                  # whole set: table, misses, timing
    python benchmarks/facts.py --quiet          # table and timing only
    python benchmarks/facts.py --set heldout    # only the held-out articles (heldout/)
    python benchmarks/facts.py --set tuning     # only the articles the extractor was tuned on
    python benchmarks/facts.py --set blind      # only the newest, untouched batch (blind/)
    python benchmarks/facts.py --set dev        # articles of new kinds gathered for tuning (dev/)
    python benchmarks/facts.py --folder PATH    # any folder of keyed inputs (and sub-folders)

Every input (``<slug>.txt``, ``.md``, ``.html``, ``.rss``, ``.atom`` ..., in a set's folder or
its sub-folders) has a ``<slug>.key.json`` written from the article by hand (a feed's key
holds one key per kept item, scored as one article each: see ``_keyed.py``):
people (with the roles the article gives), organisations (with acronyms), places, key
figures, dates and direct quotes with their speakers; ``*_optional`` lists name things an
extractor may find without being wrong (they count neither way). Prints, per kind,
precision and recall, the quote-speaker and person-role accuracy, the misses, and the time
to analyse a 3,000-word article; the key-facts box's precision (the share of featured facts
that are right: named in the key, a person's role not wrong, a figure saying what it counts,
a quote with its right speaker); and for every named rule or cue (a fact's ``evidence``)
how many facts it found and how many of them are right. ``tests/analysis/test_eval_floor.py``
holds the floors.

The set has three parts: the articles directly in the folder (the "tuning" set, which the
extractor's rules were developed against); ``blind/``, the newest batch, whose keys were
written before the extractor ever ran on it: its first run is the honest out-of-sample
measure, quoted in the README before any change it prompts; and ``heldout/``, earlier blind
batches (``"batch"`` in each key). A blind batch moves to ``heldout/`` once fixes it prompted
have been checked on it, since it is then no longer unseen.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from _keyed import Keyed, inputs, keyed_articles  # noqa: E402

ROOT = HERE.parent
ARTICLES = ROOT / "tests" / "fixtures" / "articles"
KINDS = ("person", "organisation", "place", "figure", "date", "quote")


def norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"(?:'s)\b", "", text)
    text = re.sub(r"[^\w\s'&-]", " ", text)
    text = re.sub(r"^(?:the|la|le|les|el|der|die|das)\s+", "", text.strip())
    return " ".join(text.split())


def alnum(text: str | None) -> str:
    return re.sub(
        r"[\W_]+", "", unicodedata.normalize("NFKC", text or "").lower().replace("’", "'")
    )


@dataclass
class Count:
    tp: int = 0  # required key items found
    total: int = 0  # required key items
    ext_ok: int = 0  # extracted items that match a required item
    ext_fp: int = 0  # extracted items that match nothing in the key

    @property
    def recall(self) -> float:
        return self.tp / self.total if self.total else 1.0

    @property
    def precision(self) -> float:
        seen = self.ext_ok + self.ext_fp
        return self.ext_ok / seen if seen else 1.0


@dataclass
class Report:
    counts: dict[str, Count] = field(default_factory=lambda: {k: Count() for k in KINDS})
    speaker_ok: int = 0
    speaker_total: int = 0
    role_ok: int = 0
    role_total: int = 0
    invented_quotes: int = 0
    misses: list[str] = field(default_factory=list)
    articles: int = 0
    languages: dict[str, int] = field(default_factory=dict)
    # The key-facts box: featured facts, and those of them that are right.
    boxed: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    boxed_ok: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    # Per named rule or cue (a fact's ``evidence``): facts it found, and those that are right.
    rule_fired: dict[str, int] = field(default_factory=dict)
    rule_right: dict[str, int] = field(default_factory=dict)

    @property
    def box_precision(self) -> float:
        total = sum(self.boxed.values())
        return sum(self.boxed_ok.values()) / total if total else 1.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_ok / self.speaker_total if self.speaker_total else 1.0

    @property
    def role_accuracy(self) -> float:
        return self.role_ok / self.role_total if self.role_total else 1.0


def _names(item: dict[str, Any]) -> set[str]:
    out = {norm(item["name"])} | {norm(a) for a in item.get("aliases", [])}
    if item.get("acronym"):
        out.add(norm(item["acronym"]))
    return out


def _fact_names(fact: Any) -> set[str]:
    out = {norm(fact.text)} | {norm(a) for a in getattr(fact, "aliases", ())}
    if getattr(fact, "acronym", None):
        out.add(norm(fact.acronym))
    return out


def _alternatives(name: str) -> set[str]:
    return {norm(n) for n in name.split("|")}


def _score_named(
    kind: str,
    key_items: list[Any],
    optional: list[str],
    facts: list[Any],
    report: Report,
    slug: str,
    wrong: set[str],
) -> dict[int, Any]:
    """Recall over required items, precision over extracted facts; returns key index -> fact.
    The ids of facts that match nothing in the key are added to ``wrong``."""
    count = report.counts[kind]
    if kind == "place":
        key_sets = [_alternatives(p) for p in key_items]
    else:
        key_sets = [_names(p) for p in key_items]
    opt = set().union(*(_alternatives(o) for o in optional)) if optional else set()
    found: dict[int, Any] = {}
    for fact in facts:
        names = _fact_names(fact)
        hit = next((n for n, ks in enumerate(key_sets) if names & ks), None)
        if hit is not None:
            count.ext_ok += 1
            found.setdefault(hit, fact)
        elif names & opt:
            continue
        else:
            count.ext_fp += 1
            wrong.add(fact.id)
            report.misses.append(f"{slug}: extra {kind} {fact.text!r}")
    count.total += len(key_items)
    count.tp += len(found)
    for n, item in enumerate(key_items):
        if n not in found:
            label = item if isinstance(item, str) else item["name"]
            report.misses.append(f"{slug}: missed {kind} {label!r}")
    return found


def _value_match(a: float, b: float) -> bool:
    return abs(a - b) <= max(1e-9, 0.005 * abs(a))


def _speaker_ok(speaker: str | None, expected: str, key: dict[str, Any]) -> bool:
    if not speaker:
        return False
    names = {norm(expected)}
    for item in key.get("people", []) + key.get("organisations", []):
        if norm(expected) in _names(item):
            names |= _names(item)
    return norm(speaker) in names


def evaluate_article(path: Path, report: Report) -> None:
    """Score every keyed article of one input (a feed's kept items one by one)."""
    for keyed in keyed_articles(path):
        score_article(keyed, report)


def score_article(keyed: Keyed, report: Report) -> None:
    from docexport.analysis import analyse_article

    key, slug = keyed.key, keyed.label
    report.articles += 1
    if keyed.article is None:
        facts: list[Any] = []
        text_of_article = ""
        language = key.get("language") or "?"
        report.misses.append(f"{slug}: NOT IN THE FEED {key.get('item_title')!r}")
    else:
        article = analyse_article(keyed.article, index=1)
        facts = list(article.facts)
        language = article.language or "?"
        text_of_article = alnum(
            " ".join([article.standfirst or ""] + [s.text for s in article.sentences])
        )
    report.languages[language] = report.languages.get(language, 0) + 1
    by_kind: dict[str, list[Any]] = {k: [f for f in facts if f.kind == k] for k in KINDS}

    wrong: set[str] = set()  # ids of facts the box must not show
    _score_people(key, by_kind["person"], report, slug, wrong)
    for kind, field_name in (("organisation", "organisations"), ("place", "places")):
        _score_named(
            kind,
            key.get(field_name, []),
            key.get(f"{field_name}_optional", []),
            by_kind[kind],
            report,
            slug,
            wrong,
        )
    _score_figures(key, by_kind["figure"], report, slug, wrong)
    _score_dates(key, by_kind["date"], report, slug, wrong)
    _score_quotes(key, by_kind["quote"], text_of_article, report, slug, wrong)
    _score_rules_and_box(facts, wrong, report, slug)


def _score_people(
    key: dict[str, Any], facts: list[Any], report: Report, slug: str, wrong: set[str]
) -> None:
    people = _score_named(
        "person", key.get("people", []), key.get("people_optional", []), facts, report, slug, wrong
    )
    for n, item in enumerate(key.get("people", [])):
        if item.get("roles") and n in people:
            report.role_total += 1
            role = norm(people[n].role)
            if role and any(norm(r) in role or role in norm(r) for r in item["roles"]):
                report.role_ok += 1
            else:
                if role:
                    wrong.add(people[n].id)  # a wrong role is a wrong line in the box
                report.misses.append(
                    f"{slug}: role of {item['name']!r}: got {people[n].role!r}, "
                    f"want one of {item['roles']}"
                )


def _score_figures(
    key: dict[str, Any], facts: list[Any], report: Report, slug: str, wrong: set[str]
) -> None:
    """Figures: by value (a figure's unit and label are checked by the box rule)."""
    count = report.counts["figure"]
    items = key.get("figures", [])
    count.total += len(items)
    for item in items:
        if any(f.value is not None and _value_match(f.value, item["value"]) for f in facts):
            count.tp += 1
        else:
            report.misses.append(f"{slug}: missed figure {item['value']} ({item.get('label')})")
    known = [i["value"] for i in items + key.get("figures_optional", [])]
    for f in facts:
        if f.value is not None and any(_value_match(f.value, v) for v in known):
            count.ext_ok += 1
        else:
            count.ext_fp += 1
            wrong.add(f.id)
        if not (f.label or f.unit):
            wrong.add(f.id)  # a bare number says nothing in the box


def _date_hit(d: Any, items: list[dict[str, Any]]) -> bool:
    """A found date matches a key item by text, or by ISO form when the item has one (a
    weekday without a date, "nedělní", has none: text only)."""
    return any(
        norm(i["text"]) in norm(d.text)
        or norm(d.text) in norm(i["text"])
        or (i.get("iso") and d.iso == i["iso"])
        for i in items
    )


def _score_dates(
    key: dict[str, Any], facts: list[Any], report: Report, slug: str, wrong: set[str]
) -> None:
    count = report.counts["date"]
    items = key.get("dates", [])
    count.total += len(items)
    for item in items:
        if any(_date_hit(d, [item]) for d in facts):
            count.tp += 1
        else:
            report.misses.append(f"{slug}: missed date {item['text']!r}")
    for d in facts:
        if _date_hit(d, items):
            count.ext_ok += 1
        elif not _date_hit(d, key.get("dates_optional", [])):
            count.ext_fp += 1
            wrong.add(d.id)
            report.misses.append(f"{slug}: extra date {d.text!r}")


def _quote_matches(q: Any, item: dict[str, Any]) -> bool:
    return alnum(item["text"]) in alnum(q.text) or alnum(q.text) in alnum(item["text"])


def _score_quotes(
    key: dict[str, Any],
    facts: list[Any],
    text_of_article: str,
    report: Report,
    slug: str,
    wrong: set[str],
) -> None:
    """Quotes: by text; the speaker must match; nothing may be invented."""
    count = report.counts["quote"]
    items = key.get("quotes", [])
    count.total += len(items)
    for item in items:
        want = alnum(item["text"])
        hit = [
            q
            for q in facts
            if want in alnum(q.text) or (len(alnum(q.text)) > 20 and alnum(q.text) in want)
        ]
        if not hit:
            report.misses.append(f"{slug}: missed quote {item['text'][:50]!r}")
            continue
        count.tp += 1
        if item.get("speaker"):
            report.speaker_total += 1
            if _speaker_ok(hit[0].speaker, item["speaker"], key):
                report.speaker_ok += 1
            else:
                wrong.add(hit[0].id)
                report.misses.append(
                    f"{slug}: speaker of {item['text'][:40]!r}: got {hit[0].speaker!r}, "
                    f"want {item['speaker']!r}"
                )
    every = items + key.get("quotes_optional", [])
    for q in facts:
        if alnum(q.text) not in text_of_article:
            wrong.add(q.id)
            report.invented_quotes += 1
            report.misses.append(f"{slug}: INVENTED quote {q.text[:50]!r}")
        if any(_quote_matches(q, i) for i in every):
            count.ext_ok += 1
        else:
            count.ext_fp += 1
            wrong.add(q.id)
            report.misses.append(f"{slug}: extra quote {q.text[:50]!r}")
        speakers = [i.get("speaker") for i in every if _quote_matches(q, i)]
        if any(speakers) and not any(_speaker_ok(q.speaker, sp, key) for sp in speakers if sp):
            wrong.add(q.id)  # the box gives a quote with its speaker


def _score_rules_and_box(facts: list[Any], wrong: set[str], report: Report, slug: str) -> None:
    for f in facts:
        for rule in f.evidence:
            name = f"{f.kind}:{rule}"
            report.rule_fired[name] = report.rule_fired.get(name, 0) + 1
            if f.id not in wrong:
                report.rule_right[name] = report.rule_right.get(name, 0) + 1
        if f.featured:
            report.boxed[f.kind] += 1
            if f.id in wrong:
                report.misses.append(f"{slug}: BOXED wrong {f.kind} {_fact_line(f)!r}")
            else:
                report.boxed_ok[f.kind] += 1


def _fact_line(fact: Any) -> str:
    detail = (
        getattr(fact, "role", None)
        or getattr(fact, "label", None)
        or getattr(fact, "speaker", None)
    )
    return f"{fact.text[:50]}" + (f" ({detail})" if detail else "")


SETS = ("all", "tuning", "heldout", "blind", "dev")
HELDOUT = ARTICLES / "heldout"
BLIND = ARTICLES / "blind"
DEV = ARTICLES / "dev"


def article_paths(which: str = "all") -> list[Path]:
    """The articles of one set: "tuning" (the folder itself), "heldout", "blind", "dev"
    or "all"."""
    if which not in SETS:
        raise ValueError(f"unknown set {which!r}; choose one of {', '.join(SETS)}")
    sets = {
        "tuning": inputs(ARTICLES, recursive=False),  # its sub-folders are the other sets
        "heldout": inputs(HELDOUT),
        "blind": inputs(BLIND),
        "dev": inputs(DEV),
    }
    return sets[which] if which != "all" else [p for paths in sets.values() for p in paths]


def evaluate(folder: Path | None = None, *, which: str = "all") -> Report:
    """Score the analysis over one folder's articles, or over a named set."""
    report = Report()
    paths = inputs(folder) if folder is not None else article_paths(which)
    for path in paths:
        evaluate_article(path, report)
    return report


def long_article_text(words: int = 3000) -> str:
    """A 3,000-word article made of the English evaluation articles, for timing only."""
    paragraphs: list[str] = []
    for path in sorted(ARTICLES.glob("en-*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        paragraphs += [
            ln for ln in lines[1:] if ln.strip() and not ln.startswith("Original Source:")
        ]
        if sum(len(p.split()) for p in paragraphs) >= words:
            break
    body: list[str] = []
    for p in paragraphs:
        body.append(p)
        if sum(len(b.split()) for b in body) >= words:
            break
    return (
        "A long briefing article for timing\n"
        + "\n".join(body)
        + "\nOriginal Source: example.org\n"
    )


def time_long_article(repeat: int = 5) -> tuple[int, float]:
    from docexport import load
    from docexport.analysis import analyse_article

    text = long_article_text()
    raw = load(text.encode("utf-8"), analyse=False).articles[0]
    analyse_article(raw)  # warm up: lazy imports, gazetteer
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        analyse_article(raw)
        runs.append(time.perf_counter() - t0)
    return len(text.split()), statistics.median(runs)


def _set_option(argv: list[str]) -> str:
    for n, arg in enumerate(argv):
        if arg.startswith("--set="):
            return arg.split("=", 1)[1]
        if arg == "--set" and n + 1 < len(argv):
            return argv[n + 1]
    return "all"


def _folder_option(argv: list[str]) -> Path | None:
    for n, arg in enumerate(argv):
        if arg.startswith("--folder="):
            return Path(arg.split("=", 1)[1])
        if arg == "--folder" and n + 1 < len(argv):
            return Path(argv[n + 1])
    return None


def main(argv: list[str]) -> int:
    which = _set_option(argv)
    folder = _folder_option(argv)
    if which not in SETS:
        print(f"--set must be one of {', '.join(SETS)}", file=sys.stderr)
        return 2
    if folder is not None and not folder.is_dir():
        print(f"--folder {folder}: no such folder", file=sys.stderr)
        return 2
    report = evaluate(folder, which=which)
    if folder is not None:
        which = str(folder)
    langs = ", ".join(f"{k} {v}" for k, v in sorted(report.languages.items()))
    print(f"set: {which} - {report.articles} articles ({langs})\n")
    print(
        f"{'kind':<13} {'precision':>9} {'recall':>7} {'found':>6} {'key':>5} {'extra':>6}"
        f" {'boxed':>6} {'box precision':>13}"
    )
    for kind in KINDS:
        c = report.counts[kind]
        boxed = report.boxed[kind]
        box_p = report.boxed_ok[kind] / boxed if boxed else 1.0
        print(
            f"{kind:<13} {c.precision:>9.2f} {c.recall:>7.2f} {c.tp:>6} {c.total:>5} {c.ext_fp:>6}"
            f" {boxed:>6} {box_p:>13.2f}"
        )
    total_boxed = sum(report.boxed.values())
    print(
        f"{'all':<13} {'':>9} {'':>7} {'':>6} {'':>5} {'':>6} {total_boxed:>6}"
        f" {report.box_precision:>13.2f}"
    )
    print(
        f"\nquote-speaker accuracy {report.speaker_accuracy:.2f} "
        f"({report.speaker_ok}/{report.speaker_total})"
    )
    print(
        f"person-role accuracy   {report.role_accuracy:.2f} ({report.role_ok}/{report.role_total})"
    )
    print(f"invented quotes        {report.invented_quotes}")
    print(f"\n{'rule or cue (kind:name)':<36} {'fired':>6} {'right':>6} {'share':>6}")
    for name in sorted(report.rule_fired, key=lambda n: (-report.rule_fired[n], n)):
        fired, right = report.rule_fired[name], report.rule_right.get(name, 0)
        print(f"{name:<36} {fired:>6} {right:>6} {right / fired:>6.2f}")
    words, seconds = time_long_article()
    print(f"\nanalysing a {words}-word article: {seconds * 1000:.0f} ms (median of 5)")
    if "--quiet" not in argv:
        print("\nmisses:")
        for line in report.misses:
            print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
