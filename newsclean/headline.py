"""Where the headline sits: the anchor the body follows, and the title of the article.

A page states its headline several times: in the window title (the first line of most dumps,
"Headline - Site"), as the h1 above the body, in a syndication credit. The body starts shortly
after the headline copy that precedes it, which is what keeps a long comment thread or a feed of
other articles from being taken for the article.
"""

from __future__ import annotations

import re
from typing import Final

from .model import Block, Features, Verdict
from .rules import TITLE_SEPARATORS, normalize

_SYNDICATED_TITLE: Final = re.compile(r"^\s*the post (.+?) appeared first on", re.I)
# A block is a copy of the title when most of its words are the title's and it covers much of it.
_OWN_SHARE, _COVER_SHARE = 0.8, 0.5


def split_title(line: str) -> tuple[str, str | None]:
    """'Headline - Site' -> ('Headline', 'Site'); the longest part is the headline."""
    parts = [p.strip() for p in TITLE_SEPARATORS.split(line) if p.strip()]
    if len(parts) < 2:
        return line.strip(), None
    headline = max(parts, key=len)
    rest = [p for p in parts if p is not headline]
    site = rest[-1] if parts[-1] is not headline else rest[0]
    return headline, site if len(site.split()) <= 5 else None


def syndicated_title(blocks: tuple[Block, ...], classified: tuple[Verdict, ...]) -> str | None:
    """The headline quoted in a 'The post X appeared first on Y.' credit (a block the
    `syndication` rule already picked out)."""
    for block, verdict in zip(reversed(blocks), reversed(classified), strict=True):
        if verdict.rule == "syndication":
            match = _SYNDICATED_TITLE.match(block.text)
            return match.group(1).strip() if match else None
    return None


def _is_copy(words: list[str], title: frozenset[str], title_len: int) -> bool:
    if len(words) < 2:
        return False
    own = sum(1 for w in words if w in title) / len(words)
    return own >= _OWN_SHARE and len(set(words) & title) >= _COVER_SHARE * title_len


def headline_indices(blocks: tuple[Block, ...], feats: tuple[Features, ...], classified: tuple[Verdict, ...],
                     ) -> tuple[int, ...]:
    """Indices of blocks (after the first) that repeat the page's title or syndicated headline."""
    if len(blocks) < 2:
        return ()
    quoted = syndicated_title(blocks, classified)
    title_text = quoted if quoted else split_title(blocks[0].text)[0]
    title_words = normalize(title_text).split()
    if len(title_words) < 2:
        return ()
    title = frozenset(title_words)
    longest = 2 * len(title_words) + 2
    return tuple(
        i for i, f in enumerate(feats[1:], 1)
        if f.key and f.words <= longest and not title.isdisjoint(f.tokens)
        and _is_copy(f.key.split(), title, len(title))
    )
