"""Context rules that run once the body is known (Context.inside): they keep blocks of the body that a
rule alone would remove (a cited address, a digest's linked sentences, the article's own list). Their
table and order are in context.py.
"""

from __future__ import annotations

from typing import Final

from .bylines import box_name, opens_with_name
from .model import Block, Context, Label, Relabels, Verdict
from .rules import (
    ADDRESS,
    NEUTRAL_RULES,
    NUMBERED_ITEM,
)
from .settings import Settings

PROSE: Final = (Label.GOOD, Label.NEARGOOD)
SUBHEADINGS: Final = frozenset({"h2", "h3", "h4", "h5", "h6"})
# A picture's lines between an item's heading and its text (its credit, its caption).
PICTURE_LINES: Final = NEUTRAL_RULES | {"photo-credit"}
# An author's box names the person on a line of this many words at most ('About Jane M. van Doe').
_BOX_NAME_WORDS: Final = 6


# ---------------------------------------------------------------------------------------------
# KEEP (the body is known: Context.inside)
# ---------------------------------------------------------------------------------------------

def one_copies(c: Context, verdicts: tuple[Verdict, ...]) -> Relabels:
    """A paragraph printed more than once with no copy kept (a lead repeated below as a pull quote,
    every copy inside the body) keeps one copy inside the body: its longest (quote marks and all)."""
    blocks, feats, inside = c.blocks, c.feats, c.inside
    kept = {feats[i].key for i, flag in enumerate(inside) if flag and verdicts[i].label is not Label.BAD}
    copies: dict[str, list[int]] = {}
    for i, v in enumerate(verdicts):
        if inside[i] and v.rule == "repeated-line" and c.classified[i].label in PROSE \
                and feats[i].words >= c.settings.good_words and feats[i].key not in kept:
            copies.setdefault(feats[i].key, []).append(i)
    return {max(found, key=lambda k: (len(blocks[k].text), k)): "one copy of a repeated paragraph"
            for found in copies.values()}


def links_address(block: Block, settings: Settings) -> bool:
    """A block whose link text is an address printed out ('Tickets: www.example.org') cites a
    reference, as a bare address does; a link named by its words leads to another page."""
    if not block.link_chars or ("://" not in block.text and "www." not in block.text):
        return False
    printed = sum(len(found) for found in ADDRESS.findall(block.text))
    return printed >= settings.address_link_share * block.link_chars


def cited_addresses(c: Context, verdicts: tuple[Verdict, ...]) -> Relabels:
    """A bare address, or a link whose text is its address, between two blocks of the body is one
    the article cites (a source, a shop link under each item of a list), not page chrome."""
    inside = c.inside
    return {i: "inside the body" for i, v in enumerate(verdicts)
            if v.rule in ("url-line", "link-dense") and 0 < i < len(inside) - 1 and inside[i - 1] and inside[i + 1]
            and (v.rule == "url-line" or links_address(c.blocks[i], c.settings))}


def linked_sentences(c: Context, verdicts: tuple[Verdict, ...]) -> Relabels:
    """A sentence of prose mostly made of link text, inside the body and the article container, is
    the article's own (a news digest whose items link to the full stories), not a menu: menus and
    teaser lists are headlines, not sentences, and a teaser is linked whole."""
    settings = c.settings
    return {i: "inside the body" for i, v in enumerate(verdicts)
            if v.rule == "link-dense" and c.inside[i] and c.blocks[i].in_container
            and c.feats[i].words >= settings.good_words and c.feats[i].sentence_end
            and c.feats[i].link_density <= settings.linked_sentence_max_density}


def linked_headings(c: Context, verdicts: tuple[Verdict, ...]) -> Relabels:
    """A subheading of link text inside the body and the article container, over the article's own
    text (past a picture's credit), names the item it tells of (a listicle's product or place,
    linked to its page): a menu or a box of teasers is not set as headings over prose. A numbered
    one ('1. Corn plant') names an item over its kept facts too."""
    inside = c.inside

    def over_text(i: int) -> bool:
        after = i + 1
        if i + 2 < len(verdicts) and verdicts[i + 1].rule in PICTURE_LINES:
            after = i + 2
        if after >= len(verdicts) or not inside[after]:
            return False
        if verdicts[after].label in PROSE:
            return True
        numbered = after == i + 1 and NUMBERED_ITEM.match(c.blocks[i].text) is not None
        return numbered and verdicts[after].label is not Label.BAD

    return {i: "inside the body" for i, v in enumerate(verdicts)
            if v.rule == "link-dense" and inside[i] and c.blocks[i].in_container
            and c.blocks[i].tag in SUBHEADINGS and over_text(i)}


def linked_items(c: Context, verdicts: tuple[Verdict, ...]) -> Relabels:
    """List items of link text inside the body and the article container, with the body's own
    kept lines right above and below the list and a paragraph or a heading leading into it, are
    the article's list (the products it picks, the resources it names, its table of contents),
    not a menu: a menu or a box of teasers does not sit between two parts of the article's text.
    A list at the body's edge, or one right after another list (an item's box of links under its
    box of facts), is left alone."""
    blocks, inside = c.blocks, c.inside

    def item(i: int) -> bool:
        return verdicts[i].rule == "link-dense" and inside[i] and blocks[i].in_container and blocks[i].tag == "li"

    def kept(i: int) -> bool:
        return 0 <= i < len(verdicts) and inside[i] and verdicts[i].label is not Label.BAD

    found: Relabels = {}
    i = 0
    while i < len(verdicts):
        if not item(i):
            i += 1
            continue
        j = i
        while j < len(verdicts) and item(j):
            j += 1
        if kept(i - 1) and kept(j) and blocks[i - 1].tag != "li":
            found.update((k, f"list item {k - i + 1} of {j - i}") for k in range(i, j))
        i = j
    return found


def author_bios(c: Context, verdicts: tuple[Verdict, ...]) -> Relabels:
    """An author's box that ends the body: a line holding only a person's name ('Jane Doe', 'About
    Jane Doe', 'Written by Jane Doe'), then, past a role or a picture at most, a paragraph with that
    person as its subject ('Jane Doe is...', 'Jane has written...'), and little after it. The
    article's own paragraphs do not restate the name its box prints just above them; a page
    naming several people so (a list of profiles) is left alone."""
    blocks, feats, inside, settings = c.blocks, c.feats, c.inside, c.settings
    kept = [i for i, flag in enumerate(inside) if flag and verdicts[i].label is not Label.BAD]
    pairs: dict[int, int] = {}  # name line -> the first paragraph opening with its name
    for i in kept:
        if verdicts[i].label not in PROSE or not blocks[i].text.strip():
            continue
        first = blocks[i].text.split(maxsplit=1)[0]
        if not first[:1].isupper():
            continue
        for j in range(i - 1, max(i - 1 - settings.bio_name_gap, -1), -1):
            name = ""
            if feats[j].words <= _BOX_NAME_WORDS and first in blocks[j].text:
                name = box_name(blocks[j].text)
            if name and opens_with_name(blocks[i].text, name):
                pairs.setdefault(j, i)
                break
            if blocks[j].tag in SUBHEADINGS or verdicts[j].label in PROSE:  # a box's role or picture, no more
                break
    if len(pairs) != 1:
        return {}
    name_line = next(iter(pairs))
    bio = pairs[name_line]
    article = sum(1 for i in kept if i < name_line and verdicts[i].label in PROSE)
    if article < settings.bio_article_blocks or sum(1 for i in kept if i > bio) > settings.bio_tail_blocks:
        return {}
    return {i: "an author's box after the article" for i in kept if i >= name_line}
