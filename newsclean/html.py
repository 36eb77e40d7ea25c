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

from .boxes import declared_bodies, main_container, paragraph_chars, remove_chrome, tag_ids
from .chrome import (
    DROP_TAGS,
)
from .model import TITLE_TAG, Block, Removal
from .settings import DEFAULTS
from .text import squeeze

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


_BLOCK_IDS: Final = tag_ids(*BLOCK_TAGS)
(_BR,), (_A,), (_IMG,) = tag_ids("br"), tag_ids("a"), tag_ids("img")
(_LI,), (_OL,) = tag_ids("li"), tag_ids("ol")
# The block marker of an item of a numbered list: a block 'li' with `ordered` set.
ORDERED_ITEM: Final = "li."
# The headline's tag: a <br> inside it is a space. (Lower headings may hold a byline, a <br>, a date.)
_HEADING_IDS: Final = tag_ids("h1")
# How far above a <br> a heading is looked for (<h1><a><span>..<br>..</span></a></h1>).
HEADING_DEPTH: Final = 4


def parse(html: str | bytes, max_tags: int = DEFAULTS.max_tags) -> tuple[LexborHTMLParser, str]:
    """The tree of the page's first `max_tags` tags, and the markup left unread past them. The
    page is its text, or its UTF-8 bytes (read as they are: the text need not be encoded back)."""
    tags = html.count(b"<") if isinstance(html, bytes) else html.count("<")
    if tags <= max_tags and tags < _DEEP_TAGS:  # every real page: nothing to cut or flatten
        return LexborHTMLParser(html), ""
    if isinstance(html, bytes):
        html = html.decode("utf-8")
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


def data_cells(tree: LexborHTMLParser) -> tuple[set[int], set[int]]:
    """Cells and rows of data tables: a row reads as one line (a `tr` block keeping its cells), as
    the table prints. A table is for layout, and keeps a block per cell, when a cell holds blocks
    of its own."""
    cells: set[int] = set()
    rows: set[int] = set()
    tables = tree.css("table")
    layout = _layout_tables(tree) if tables else set()
    for table in tables:
        if table.mem_id in layout:
            continue
        for cell in table.css("td,th"):
            cell.insert_after(CELL)
            cells.add(cell.mem_id)
        rows.update(row.mem_id for row in table.css("tr"))
    return cells, rows


def _layout_tables(tree: LexborHTMLParser) -> set[int]:
    """The tables with a layout cell's content inside (one query for the page, not one per table):
    every table at or above an element that LAYOUT_CELL_SELECTOR finds (a table in a cell is one,
    as the parser's query from a table finds the table itself)."""
    layout: set[int] = set()
    for node in tree.css(LAYOUT_CELL_SELECTOR):
        parent: LexborNode | None = node
        while parent is not None:
            if parent.tag == "table":
                if parent.mem_id in layout:
                    break  # climbed before: the tables above it are in too
                layout.add(parent.mem_id)
            parent = parent.parent
    return layout


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
                   spared: frozenset[str] = frozenset()) -> tuple[tuple[Block, ...], tuple[Removal, ...], str]:
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
    chrome = remove_chrome(tree, core, declared, page_prose, container, disabled, spared)
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
