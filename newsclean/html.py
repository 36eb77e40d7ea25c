"""HTML -> the same blocks as a text dump, with tags and link text kept.

The page is parsed once by Lexbor (selectolax). Work that touches every node stays on the C side:
dropping scripts and styles, removing chrome subtrees, marking block boundaries, and pulling the
text out in one call. Python only decides, once per distinct class/id string, whether a container
is page chrome (navigation, footer, comments, share bars, related lists, ...).

The text comes out like a whole-page dump with markers: STX tag ETX opens a block, SO/SI wrap
link text. Lines become Blocks with their tag and link characters; the window title comes first,
as it does in browser dumps, so the dump pipeline (headline anchor, rules, body selection) runs
unchanged on HTML.
"""

from __future__ import annotations

import re
from typing import Final

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .model import TITLE_TAG, Block, Removal
from .rules import (
    CHROME_CLASS_RULE,
    CHROME_ROLE_RULE,
    CHROME_ROLES,
    CHROME_TAG_RULE,
    CHROME_TAGS,
    DROP_TAGS,
    FOREIGN_KINDS,
    WEAK_CHROME_WORDS,
    chrome_kind,
    squeeze,
)
from .settings import DEFAULTS

# Markers inserted into the tree: BREAK separates blocks (source newlines are only white space),
# OPEN tag CLOSE names the block that starts, LINK_START/LINK_END wrap link text.
BREAK, OPEN, CLOSE, LINK_START, LINK_END = "\x1e", "\x02", "\x03", "\x0e", "\x0f"
# CELL ends a data table's cell; ADDRESS_START/ADDRESS_END wrap a link's address (--links);
# IMAGE_START src IMAGE_SEP alt IMAGE_END stands for an image (--images).
CELL, ADDRESS_START, ADDRESS_END = "\x1f", "\x12", "\x13"
IMAGE_START, IMAGE_SEP, IMAGE_END = "\x14", "\x15", "\x16"
# MAIN_START/MAIN_END wrap the article container: its blocks are `in_container`.
MAIN_START, MAIN_END = "\x10", "\x11"
# Elements that start a new block; headings, list items, quotes and code keep their tag.
BLOCK_TAGS: Final = (
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th", "dd", "dt",
    "figcaption", "caption", "address", "div", "section", "article", "header", "main", "aside", "footer",
    "nav", "ul", "ol", "dl", "table", "tr", "form", "fieldset", "figure", "details", "summary", "hr",
)
# schema.org microdata naming the element that holds the article's text.
ARTICLE_BODY_SELECTOR: Final = "[itemprop~=articleBody]"
# A table cell holding one of these is a layout cell, not a data cell.
LAYOUT_CELL_SELECTOR: Final = ",".join(f"td {tag},th {tag}" for tag in (
    "table", "div", "p", "ul", "ol", "h1", "h2", "h3", "h4", "form", "section", "article", "blockquote"))
KEPT_TAGS: Final = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th", "dd", "dt",
                       "tr"})
_MARKER: Final = re.compile(OPEN + r"([a-z0-9]+)" + CLOSE)
_LINK: Final = re.compile(LINK_START + "([^" + LINK_END + "]*)" + LINK_END
                   + "(?:" + ADDRESS_START + "([^" + ADDRESS_END + "]*)" + ADDRESS_END + ")?")
_LINK_TEXT: Final = re.compile(LINK_START + "([^" + LINK_END + "]*)" + LINK_END)
_IMAGE: Final = re.compile(IMAGE_START + "([^" + IMAGE_SEP + "]*)" + IMAGE_SEP + "([^" + IMAGE_END + "]*)" + IMAGE_END)
_SPACES: Final = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u3000]+")
# Nesting deeper than this is flattened before parsing; no real page comes near it.
MAX_DEPTH: Final = 1000
_DEEP_TAGS: Final = 20000  # pages with fewer tags than this cannot be nested deep enough to matter
_TAG: Final = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
_WHOLE_TAG: Final = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>")
_VOID: Final = frozenset("area base br col embed hr img input link meta source track wbr param keygen".split())
# A paragraph's parent holding this much of the page's paragraph text is the article container.
_MIN_CONTAINER_CHARS: Final = 200
# An ancestor of it is the container when it holds this many times its paragraph text...
_WIDEN_GAIN: Final = 1.5
# ... and paragraphs are at least this share of its text, or links less than _WIDEN_LINKS (not a
# whole page of teasers; a listicle's items hold headings, lists and tables between paragraphs).
_WIDEN_DENSITY: Final = 0.7
_WIDEN_LINKS: Final = 0.1
# Without such a container, a chrome candidate holding more than this share of the text stays.
_MAX_CHROME_SHARE: Final = 0.4
# A box named as chrome by its class or id still holds the article when it holds at least this
# share of the page's paragraph text, that text is at least PROSE_SHARE of all it holds and its
# links less than LINK_SHARE: class names lie (a 'paywall' wrapper, a 'newsletter-post', a
# responsive 'hidden-md' copy, a layout 'widget'), a box of prose this large does not.
ARTICLE_SHARE: Final = 0.3
PROSE_SHARE: Final = 0.5
LINK_SHARE: Final = 0.2
# Chrome kinds whose boxes are prose by nature: a comment thread or a consent notice can outweigh
# a short article.
PROSE_CHROME: Final = frozenset({"comments", "cookie"})
# Chrome kinds whose names a page builder or a style framework also gives to parts of the article
# ('so-panel widget' rows, a 'content-nav-section', a 'hidden md:block' box, a 'border-secondary-700'
# callout): inside the article container, such a box of prose (prose_box) is the article's. Measured
# kind by kind on every development set; 'related', 'advert', 'caption' and 'author-bio' boxes of
# prose there are more often teasers, sponsored notes, captions and bios than the article.
CONTAINED_CHROME: Final = frozenset({"navigation", "overlay", "sidebar"})


def _tag_ids(*names: str) -> frozenset[int]:
    """Lexbor's ids of these HTML tags. One walk over all elements comparing ids is much cheaper
    than a CSS query per tag, or one query listing many tags (matched one by one at each node)."""
    make = LexborHTMLParser("").create_node
    return frozenset(make(name).tag_id for name in names)


_BLOCK_IDS: Final = _tag_ids(*BLOCK_TAGS)
(_BR,), (_A,), (_IMG,) = _tag_ids("br"), _tag_ids("a"), _tag_ids("img")
(_LI,), (_OL,), (_P,) = _tag_ids("li"), _tag_ids("ol"), _tag_ids("p")
# A paragraph named as chrome by a weak word alone that is this long and ends like a sentence,
# inside the article container, is the article's lead (weak_only, lead_paragraph).
LEAD_MIN_WORDS: Final = 8
_SENTENCE_ENDS: Final = frozenset('.!?"”»')
# The block marker of an item of a numbered list: a block 'li' with `ordered` set.
ORDERED_ITEM: Final = "li."
# The headline's tag: a <br> inside it is a space. (Lower headings may hold a byline, a <br>, a date.)
_HEADING_IDS: Final = _tag_ids("h1")
# How far above a <br> a heading is looked for (<h1><a><span>..<br>..</span></a></h1>).
HEADING_DEPTH: Final = 4
_CHROME_TAG_IDS: Final = _tag_ids(*CHROME_TAGS)
# <html> and <body> are the page, never a box of chrome, whatever their classes say (the root
# cannot be removed at all).
_PAGE_IDS: Final = _tag_ids("html", "body")
_CHROME_CANDIDATES: Final = ",".join((*CHROME_TAGS, "[role]", "[class]", "[id]"))


def parse(html: str, max_tags: int = DEFAULTS.max_tags) -> tuple[LexborHTMLParser, str]:
    """The tree of the page's first `max_tags` tags, and the markup left unread past them."""
    html, rest = limit_tags(html, max_tags)
    return LexborHTMLParser(limit_nesting(html)), rest


def limit_tags(html: str, max_tags: int) -> tuple[str, str]:
    """(the markup up to its `max_tags`-th tag, the rest). Building and walking the tree costs
    per element: a runaway page (a million <br>, a 100,000-row table) is cut, a real one (under
    20,000 tags) is not."""
    if html.count("<") <= max_tags:
        return html, ""
    at = -1
    for _ in range(max_tags + 1):
        at = html.find("<", at + 1)
    return html[:at], html[at:]


def limit_nesting(html: str) -> str:
    """Drop the tags nested deeper than MAX_DEPTH (their text stays).

    The HTML tree builder checks the stack of open elements at many start tags, so a page nested
    100,000 levels deep takes it minutes. Only a page with very many tags can be that deep, so
    the others pay one count.
    """
    if html.count("<") < _DEEP_TAGS:
        return html
    depth = 0
    deepest = 0
    for close, name in _TAG.findall(html):
        if close:
            depth = max(0, depth - 1)
        elif name.lower() not in _VOID:
            depth += 1
            deepest = max(deepest, depth)
    if deepest <= MAX_DEPTH:
        return html
    depth = 0

    def keep(match: re.Match[str]) -> str:
        nonlocal depth
        close, name = match.group(1), match.group(2).lower()
        if name in _VOID:
            return match.group(0) if depth <= MAX_DEPTH else ""
        if close:
            depth = max(0, depth - 1)
            return match.group(0) if depth < MAX_DEPTH else ""
        depth += 1
        return match.group(0) if depth <= MAX_DEPTH else ""

    return _WHOLE_TAG.sub(keep, html)


def window_title(tree: LexborHTMLParser) -> str:
    node = tree.css_first("title")
    return _SPACES.sub(" ", node.text(deep=True)).strip() if node is not None else ""


# class/id strings already judged (pages of one site share them); bounded, a pure memo.
_CHROME_MEMO: Final[dict[str, str | None]] = {}
_CHROME_MEMO_SIZE: Final = 65536
_UNSEEN: Final = object()


def chrome_of(names: str) -> str | None:
    """rules.chrome_kind, remembered per distinct class/id string."""
    kind = _CHROME_MEMO.get(names, _UNSEEN)
    if kind is _UNSEEN:
        if len(_CHROME_MEMO) > _CHROME_MEMO_SIZE:
            _CHROME_MEMO.clear()
        kind = _CHROME_MEMO[names] = chrome_kind(names)
    return kind  # type: ignore[return-value]


def main_container(tree: LexborHTMLParser, page_prose: int) -> tuple[LexborNode, LexborNode] | None:
    """The element whose paragraphs hold the most text (the core), and the container: the core
    widened to the ancestor that gathers an article split into several blocks (by ads, photos,
    'read also' boxes)."""
    totals: dict[int, int] = {}
    nodes: dict[int, LexborNode] = {}
    for p in tree.css("p"):
        parent = p.parent
        if parent is None:
            continue
        key = parent.mem_id
        totals[key] = totals.get(key, 0) + len(p.text(deep=True))
        nodes[key] = parent
    ranked = sorted((k for k in totals if totals[k] >= _MIN_CONTAINER_CHARS), key=lambda k: -totals[k])
    # Paragraphs in a comment thread or a consent banner are not the article's.
    best = next((k for k in ranked if not _in_foreign_box(nodes[k], page_prose)), None)
    if best is None:
        return None
    return _widen(nodes[best], totals, nodes), nodes[best]


def _in_foreign_box(start: LexborNode, page_prose: int) -> bool:
    """True when the node or an ancestor is named as a box that never holds the article (and
    does not hold it all the same: holds_article)."""
    node: LexborNode | None = start
    while node is not None and node.tag not in ("body", "html"):
        attrs = node.attributes
        if attrs.get("class") or attrs.get("id"):
            kind = chrome_of((attrs.get("class") or "") + " " + (attrs.get("id") or ""))
            if kind in FOREIGN_KINDS and (kind in PROSE_CHROME or not holds_article(node, page_prose)):
                return True
        node = node.parent
    return False


def paragraph_chars(node: LexborNode) -> int:
    """Characters of paragraph text (<p>) under the node."""
    return sum(len(p.text(deep=True)) for p in node.css("p"))


def holds_article(node: LexborNode, page_prose: int) -> bool:
    """A box whose paragraphs are much of the page's (ARTICLE_SHARE) and most of its own text,
    with few links: the article, or a large part of it, whatever the box is named."""
    prose = paragraph_chars(node)
    if not page_prose or prose < ARTICLE_SHARE * page_prose:
        return False
    chars = len(node.text(deep=True))
    if prose < PROSE_SHARE * chars:
        return False
    return link_chars(node) < LINK_SHARE * chars


def link_chars(node: LexborNode) -> int:
    """Characters of link text under the node."""
    return sum(len(a.text(deep=True)) for a in node.css("a"))


def _widen(best: LexborNode, totals: dict[int, int], nodes: dict[int, LexborNode]) -> LexborNode:
    """Climb from the best paragraph parent while an ancestor gathers much more paragraph text
    and that text is still most of what it holds."""
    # Paragraph text under each ancestor of `best`: sum the parents' totals up their chains.
    chain: list[LexborNode] = []
    node = best.parent
    while node is not None and node.tag not in ("body", "html"):
        chain.append(node)
        node = node.parent
    if not chain:
        return best
    ids = {n.mem_id: i for i, n in enumerate(chain)}
    under = [0] * len(chain)
    for key, total in totals.items():
        node = nodes[key]
        while node is not None:
            i = ids.get(node.mem_id)
            if i is not None:
                for j in range(i, len(chain)):
                    under[j] += total
                break
            node = node.parent
    current, current_total = best, totals[best.mem_id]
    for node, total in zip(chain, under, strict=True):
        if total < _WIDEN_GAIN * current_total:
            continue
        chars = len(node.text(deep=True))
        if total < _WIDEN_DENSITY * chars and link_chars(node) >= _WIDEN_LINKS * chars:
            break
        current, current_total = node, total
    return current


def declared_bodies(tree: LexborHTMLParser) -> list[LexborNode]:
    """Elements the page marks up as the article's text (schema.org articleBody)."""
    return [node for node in tree.css(ARTICLE_BODY_SELECTOR)
            if len(node.text(deep=True)) >= _MIN_CONTAINER_CHARS]


def _protected(cores: list[LexborNode]) -> set[int]:
    """The article's core elements and their ancestors: never removed as chrome, whatever their
    class says."""
    protected: set[int] = set()
    for core in cores:
        node: LexborNode | None = core
        while node is not None and node.mem_id not in protected:
            protected.add(node.mem_id)
            node = node.parent
    return protected


def remove_chrome(tree: LexborHTMLParser, core: LexborNode | None, declared: list[LexborNode],
                  page_prose: int, container: LexborNode | None = None,
                  disabled: frozenset[str] = frozenset()) -> list[Removal]:
    """Decompose navigation, footers, asides and containers whose class/id names page chrome;
    return what went, each with its rule (for --explain).

    The article's core, the elements marked up as its body, and their ancestors stay, as does a
    box holding the article's prose (holds_article). On a page without paragraphs to find that
    container by, a candidate holding much of the page's text stays too: a wrapper named 'widget'
    or 'sidebar-layout' can hold the whole article.
    """
    protected = _protected(([core] if core is not None else []) + declared)
    body = tree.body
    page_chars = len(body.text(deep=True)) if core is None and body is not None else 0
    # One query for the three kinds of candidates, in document order: Lexbor reports an element
    # once per selector it matches, one after the other, and the entries of its subtree right
    # after its own.
    nodes = tree.css(_CHROME_CANDIDATES)
    outermost: list[tuple[LexborNode, str, str]] = []
    i, last = 0, None
    while i < len(nodes):
        node = nodes[i]
        mem_id = node.mem_id
        found = chrome_reason(node, page_prose, container, disabled) \
            if mem_id != last and mem_id not in protected and node.tag_id not in _PAGE_IDS else None
        if found is not None and not (page_chars and len(node.text(deep=True)) > _MAX_CHROME_SHARE * page_chars):
            # Doomed: what lies inside goes with it, unjudged (a doomed node is not protected, so
            # neither is anything inside it).
            outermost.append((node, *found))
            i += len(node.css(_CHROME_CANDIDATES))
        else:
            i += 1
        last = mem_id
    removed = []
    for node, rule, detail in outermost:
        text = " ".join(node.text(deep=True).split())
        if text:
            removed.append(Removal(-1, rule, text, detail))
        node.decompose()
    return removed


def chrome_reason(node: LexborNode, page_prose: int, container: LexborNode | None = None,
                  disabled: frozenset[str] = frozenset()) -> tuple[str, str] | None:
    """Why the node is page chrome, as (rule, detail): a chrome tag, a chrome role, or a class/id
    that names page chrome on a box that does not hold the article all the same, nor is a box of
    prose inside the article container named by a kind in CONTAINED_CHROME; else None. A rule in
    `disabled` (Settings.disabled_rules) is not tried."""
    if node.tag_id in _CHROME_TAG_IDS and CHROME_TAG_RULE not in disabled:
        return CHROME_TAG_RULE, f"<{node.tag}>"
    attrs = node.attributes
    role = attrs.get("role")
    if role in CHROME_ROLES and CHROME_ROLE_RULE not in disabled:
        return CHROME_ROLE_RULE, f"role={role}"
    if CHROME_CLASS_RULE in disabled:
        return None
    names = (attrs.get("class") or "") + " " + (attrs.get("id") or "")
    kind = chrome_of(names)
    if kind is None or (kind not in PROSE_CHROME and holds_article(node, page_prose)):
        return None
    if container is not None and kind in CONTAINED_CHROME and within(node, container) and prose_box(node):
        return None
    if container is not None and node.tag_id == _P and weak_only(names) and within(node, container) \
            and lead_paragraph(node):
        return None  # <p class="teaser">: a lead (standfirst) the page builder names so
    return CHROME_CLASS_RULE, f"{kind}: {squeeze(names)[:60]}"


def weak_only(names: str) -> bool:
    """Whether a class/id string names chrome only by a weak word standing alone ('teaser', 'hidden')."""
    return chrome_of(" ".join(t for t in names.split() if t.lower() not in WEAK_CHROME_WORDS)) is None


def lead_paragraph(node: LexborNode) -> bool:
    """A paragraph of prose: a sentence or more (LEAD_MIN_WORDS words, ending like a sentence), few links."""
    text = " ".join(node.text(deep=True).split())
    return (len(text.split()) >= LEAD_MIN_WORDS and text[-1:] in _SENTENCE_ENDS
            and link_chars(node) < LINK_SHARE * len(text))


def within(node: LexborNode, container: LexborNode) -> bool:
    """True when the node lies inside the container."""
    target = container.mem_id
    parent = node.parent
    while parent is not None:
        if parent.mem_id == target:
            return True
        parent = parent.parent
    return False


def prose_box(node: LexborNode) -> bool:
    """A box whose text is mostly paragraphs (PROSE_SHARE) with few links (LINK_SHARE)."""
    chars = len(node.text(deep=True))
    return paragraph_chars(node) >= PROSE_SHARE * chars and link_chars(node) < LINK_SHARE * chars


def data_cells(tree: LexborHTMLParser) -> tuple[set[int], set[int]]:
    """Cells and rows of data tables: a row reads as one line (a `tr` block keeping its cells), as
    the table prints. A table is for layout, and keeps a block per cell, when a cell holds blocks
    of its own."""
    cells: set[int] = set()
    rows: set[int] = set()
    for table in tree.css("table"):
        if table.css_first(LAYOUT_CELL_SELECTOR) is not None:
            continue
        for cell in table.css("td,th"):
            cell.insert_after(CELL)
            cells.add(cell.mem_id)
        rows.update(row.mem_id for row in table.css("tr"))
    return cells, rows


def _in_heading(node: LexborNode) -> bool:
    parent = node.parent
    for _ in range(HEADING_DEPTH):
        if parent is None:
            return False
        if parent.tag_id in _HEADING_IDS:
            return True
        parent = parent.parent
    return False


def mark_blocks(tree: LexborHTMLParser, links: bool = False, images: bool = False) -> None:
    """Markers around blocks (BREAK OPEN tag CLOSE ... BREAK), before line breaks, around links
    (and their addresses), for images; one walk over the elements. Each node gets at most one
    marker on each side, so the order they are inserted in does not change the text."""
    inline, rows = data_cells(tree)
    dropped = []
    for node in tree.css("*"):
        tag_id = node.tag_id
        if tag_id in _BLOCK_IDS:
            if inline and node.mem_id in inline:
                continue
            tag = "tr" if rows and node.mem_id in rows else node.tag
            if tag not in KEPT_TAGS:
                tag = "p"
            elif tag_id == _LI and node.parent is not None and node.parent.tag_id == _OL:
                tag = ORDERED_ITEM
            node.insert_before(f"{BREAK}{OPEN}{tag}{CLOSE}")
            node.insert_after(BREAK)
        elif tag_id == _BR:
            # A line break inside the headline ('Council approves<br>new budget') is a space: the
            # heading stays one block, the title whole.
            node.insert_before(" " if _in_heading(node) else BREAK)
        elif tag_id == _A:
            node.insert_before(LINK_START)
            href = node.attrs.get("href") if links else None
            node.insert_after(LINK_END + (f"{ADDRESS_START}{href}{ADDRESS_END}" if href else ""))
        elif tag_id == _IMG:
            if images and "src" in node.attrs:
                node.insert_before(f"{IMAGE_START}{node.attrs.get('src')}{IMAGE_SEP}{node.attrs.get('alt') or ''}"
                                   f"{IMAGE_END}")
            dropped.append(node)
    for node in dropped:
        # Images stay out of the text; their alt text would read as caption debris.
        node.decompose()


def _line_block(index: int, tags: list[str], line: str, in_container: bool,
                images: tuple[tuple[str, str], ...] = ()) -> Block | None:
    """A block from one extracted line: the first non-paragraph tag that opened on it, its text
    with white space folded, how much of that text was link text, and its cells, links, images."""
    tag = "p"
    for opened in tags:
        if opened != "p":
            tag = opened
            break
    link_chars = 0
    links: tuple[tuple[str, str], ...] = ()
    if LINK_START in line:
        if ADDRESS_START in line:
            found = _LINK.findall(line)
            link_chars = sum(len(text.strip()) for text, _ in found)
            links = tuple((squeeze(text), href) for text, href in found if href and text.strip())
            line = _LINK.sub(r"\1", line)
        else:  # no addresses (without --links): only the link text's length counts
            link_chars = sum(len(text.strip()) for text in _LINK_TEXT.findall(line))
            line = line.replace(LINK_START, "").replace(LINK_END, "")
    ordered = tag == ORDERED_ITEM
    if ordered:
        tag = "li"
    cells: tuple[str, ...] = ()
    if CELL in line:
        cells = tuple(squeeze(c) for c in line.split(CELL))
        while cells and not cells[-1]:
            cells = cells[:-1]
        line = line.replace(CELL, " ")
    text = squeeze(line.replace("\u200b", " "))
    if not text:
        return None
    return Block(index, text, tag, min(link_chars, len(text)), in_container, cells if tag == "tr" else (),
                 links, images, ordered)


def blocks_of_tree(tree: LexborHTMLParser, links: bool = False, images: bool = False,
                   max_blocks: int = DEFAULTS.max_blocks, disabled: frozenset[str] = frozenset(),
                   ) -> tuple[tuple[Block, ...], tuple[Removal, ...], str]:
    """The page's blocks (at most `max_blocks`), the chrome removed before they were made (by the
    chrome rules not in `disabled`), and the text left unread past the block limit."""
    title = window_title(tree)
    tree.strip_tags(list(DROP_TAGS))
    body = tree.body
    if body is None:
        return ((Block(0, title, TITLE_TAG),) if title else ()), (), ""
    page_prose = paragraph_chars(body)  # what holds_article measures a box against
    found = main_container(tree, page_prose)
    declared = declared_bodies(tree)
    container, core = found if found is not None else (None, None)
    if container is None and declared:
        container = declared[0]
    chrome = remove_chrome(tree, core, declared, page_prose, container, disabled)
    mark_blocks(tree, links, images)
    if container is not None:
        container.insert_before(MAIN_START + BREAK)
        container.insert_after(BREAK + MAIN_END)
    text = body.text(deep=True, separator="")
    blocks: list[Block] = [Block(0, title, TITLE_TAG)] if title else []
    pending: list[str] = []  # tags of blocks whose text starts on a later line (a heading with a <br>)
    waiting_images: tuple[tuple[str, str], ...] = ()  # images of lines without text go with the next block
    inside = False
    pieces = text.split(BREAK)
    for k, raw in enumerate(pieces):
        if len(blocks) == max_blocks:
            rest = _MARKER.sub("", "\n".join(pieces[k:]))
            return tuple(blocks), tuple(chrome), rest.replace(MAIN_START, "").replace(MAIN_END, "")
        if MAIN_START in raw or MAIN_END in raw:
            inside = MAIN_START in raw
            raw = raw.replace(MAIN_START, "").replace(MAIN_END, "")
        if not raw or raw.isspace():
            continue
        tags = pending
        if OPEN in raw:
            # Each block marker follows a break, so it opens its line: cut it off without a regex.
            end = raw.find(CLOSE)
            if raw[0] == OPEN and end > 0 and raw.count(OPEN) == 1:
                tags = [*pending, raw[1:end]]
                raw = raw[end + 1:]
            else:
                tags = pending + _MARKER.findall(raw)
                raw = _MARKER.sub("", raw)
            if not raw or raw.isspace():
                pending = tags
                continue
        pending = []
        if IMAGE_START in raw:
            waiting_images += tuple((src, alt) for src, alt in _IMAGE.findall(raw))
            raw = _IMAGE.sub("", raw)
        block = _line_block(len(blocks), tags, raw, inside, waiting_images)
        if block is not None:
            blocks.append(block)
            waiting_images = ()
    return tuple(blocks), tuple(chrome), ""
