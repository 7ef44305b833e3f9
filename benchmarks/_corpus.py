"""The benchmark inputs, generated from the seed so any checkout can rebuild them.

- ``seed.txt``: the seed itself;
- ``long.txt``: the seed's body paragraphs repeated (about 150 PDF pages with
  the default repeat count);
- ``batch/NNN.txt``: seed-sized articles whose names, numbers and sentence
  order vary, so no two are identical (nothing can be served from a cache);
- the same articles as Markdown (``*.md``, title in a YAML block) for pandoc.

Deterministic: the same arguments always give the same files.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_a2ab894a6d71f4f2.txt"

# Long enough for about 150 pages of PDF with the default theme (checked by
# run.py, which prints the page count it got).
LONG_REPEATS = 165

_SENTENCE_END = re.compile(r"(?<=[.!?”])\s+(?=[A-Z“])")


@dataclass(frozen=True)
class SeedArticle:
    headline: str
    standfirst: str
    body: tuple[str, ...]
    source: str

    def text(self) -> str:
        """The seed's plain-text layout: headline, paragraphs one a line, source."""
        lines = [self.headline, self.standfirst, *self.body, f"Original Source: {self.source}"]
        return "\n".join(lines) + "\n"

    def markdown(self) -> str:
        """The same article as pandoc Markdown (title in YAML, standfirst in italics)."""
        title = self.headline.replace("\\", "\\\\").replace('"', '\\"')
        parts = [f'---\ntitle: "{title}"\n---', f"*{_md(self.standfirst)}*"]
        parts += [_md(p) for p in self.body]
        parts.append(f"Original Source: {_md(self.source)}")
        return "\n\n".join(parts) + "\n"


def _md(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>#|$@~^])", r"\\\1", text)


def read_seed(path: Path = SEED) -> SeedArticle:
    lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    source = lines[-1].split(":", 1)[1].strip()
    return SeedArticle(
        headline=lines[0], standfirst=lines[1], body=tuple(lines[2:-1]), source=source
    )


def long_article(seed: SeedArticle, repeats: int) -> SeedArticle:
    return SeedArticle(
        headline=seed.headline,
        standfirst=seed.standfirst,
        body=seed.body * repeats,
        source=seed.source,
    )


# Each article draws its own cast, so the text differs everywhere, not only in one word.
_LEADERS = [
    ("Amina", "Odhiambo"),
    ("Samuel", "Mwangi"),
    ("Grace", "Achieng"),
    ("Joseph", "Kamau"),
    ("Fatuma", "Njeri"),
    ("Peter", "Otieno"),
    ("Lucy", "Wanjiru"),
    ("David", "Kiprop"),
    ("Esther", "Chebet"),
    ("Michael", "Barasa"),
    ("Ruth", "Atieno"),
    ("Daniel", "Mutua"),
]
_PMS = [
    ("Marie", "Laurent"),
    ("Jean", "Baptiste"),
    ("Claude", "Etienne"),
    ("Rose", "Pierre"),
    ("Louis", "Moreau"),
    ("Anne", "Celestin"),
    ("Paul", "Duval"),
    ("Nadine", "Charles"),
]
_COUNTRIES = [
    ("Kenya", "Kenyan", "Nairobi"),
    ("Ghana", "Ghanaian", "Accra"),
    ("Rwanda", "Rwandan", "Kigali"),
    ("Senegal", "Senegalese", "Dakar"),
    ("Zambia", "Zambian", "Lusaka"),
    ("Botswana", "Botswanan", "Gaborone"),
    ("Namibia", "Namibian", "Windhoek"),
    ("Tanzania", "Tanzanian", "Dodoma"),
]
_HOSTS = [
    ("Haiti", "Haitian"),
    ("Somalia", "Somali"),
    ("Mali", "Malian"),
    ("Sudan", "Sudanese"),
    ("Chad", "Chadian"),
    ("Niger", "Nigerien"),
    ("Libya", "Libyan"),
    ("Yemen", "Yemeni"),
]
_MISSION_WORDS = ["Security", "Stability", "Assistance", "Support", "Recovery", "Protection"]


def variant(seed: SeedArticle, index: int) -> SeedArticle:
    """Seed-sized article number ``index``: new cast, numbers and sentence order."""
    rng = random.Random(index)
    first, last = rng.choice(_LEADERS)
    pm_first, pm_last = rng.choice(_PMS)
    country, adjective, capital = rng.choice(_COUNTRIES)
    host, host_adj = rng.choice(_HOSTS)
    mission = " ".join(rng.sample(_MISSION_WORDS, 2))
    officers = str(rng.randrange(100, 2000, 50))
    citizens = str(rng.randrange(2, 40))

    def swap(text: str) -> str:
        pairs = [
            ("William Ruto", f"{first} {last}"),
            ("Ruto", last),
            ("Garry Conille", f"{pm_first} {pm_last}"),
            ("Conille", pm_last),
            ("Kenyan", adjective),
            ("Kenya", country),
            ("Nairobi", capital),
            ("Haitian", host_adj),
            ("Haiti", host),
            ("Security Support", mission),
            ("600", officers),
            ("12 million", f"{citizens} million"),
        ]
        for old, new in pairs:
            text = text.replace(old, new)
        return text

    body = []
    for para in seed.body:
        sentences = _SENTENCE_END.split(para)
        if len(sentences) > 3:
            middle = sentences[1:-1]
            rng.shuffle(middle)
            sentences = [sentences[0], *middle, sentences[-1]]
        body.append(swap(" ".join(sentences)))
    return SeedArticle(
        headline=swap(seed.headline),
        standfirst=swap(seed.standfirst),
        body=tuple(body),
        source=seed.source,
    )


@dataclass(frozen=True)
class Corpus:
    root: Path
    seed: Path
    seed_md: Path
    long: Path
    long_md: Path
    batch: Path  # folder of .txt
    batch_md: Path  # folder of .md
    batch_files: tuple[Path, ...]
    batch_md_files: tuple[Path, ...]


def build(root: Path, *, batch_size: int, long_repeats: int = LONG_REPEATS) -> Corpus:
    """Write every input under ``root`` (which must exist) and return their paths."""
    seed = read_seed()
    seed_txt = root / "seed.txt"
    seed_txt.write_text(seed.text(), encoding="utf-8")
    seed_md = root / "seed.md"
    seed_md.write_text(seed.markdown(), encoding="utf-8")
    big = long_article(seed, long_repeats)
    long_txt = root / "long.txt"
    long_txt.write_text(big.text(), encoding="utf-8")
    long_md = root / "long.md"
    long_md.write_text(big.markdown(), encoding="utf-8")
    batch = root / "batch"
    batch_md = root / "batch_md"
    batch.mkdir(exist_ok=True)
    batch_md.mkdir(exist_ok=True)
    width = max(3, len(str(batch_size)))
    txts: list[Path] = []
    mds: list[Path] = []
    for i in range(batch_size):
        article = variant(seed, i)
        name = f"article_{i:0{width}d}"
        t = batch / f"{name}.txt"
        t.write_text(article.text(), encoding="utf-8")
        m = batch_md / f"{name}.md"
        m.write_text(article.markdown(), encoding="utf-8")
        txts.append(t)
        mds.append(m)
    return Corpus(
        root=root,
        seed=seed_txt,
        seed_md=seed_md,
        long=long_txt,
        long_md=long_md,
        batch=batch,
        batch_md=batch_md,
        batch_files=tuple(txts),
        batch_md_files=tuple(mds),
    )


def articles(root: Path, count: int) -> list[Path]:
    """``count`` varied seed-sized articles as .txt (for the memory run)."""
    seed = read_seed()
    root.mkdir(parents=True, exist_ok=True)
    width = max(4, len(str(count)))
    out = []
    for i in range(count):
        p = root / f"m_{i:0{width}d}.txt"
        p.write_text(variant(seed, i).text(), encoding="utf-8")
        out.append(p)
    return out
