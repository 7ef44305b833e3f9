"""Analysis: sentences, language, summary points and key facts for each article.

``analyse_pack(pack)`` returns the pack with every article analysed (sentence
ids unique across the pack, facts ranked with the box's facts featured) and,
for a multi-article pack, a pack-level summary and combined facts.
Offline and deterministic: nothing is downloaded, same text -> same result.
"""

from __future__ import annotations

from .pipeline import analyse_article, analyse_pack

__all__ = ["analyse_article", "analyse_pack"]
