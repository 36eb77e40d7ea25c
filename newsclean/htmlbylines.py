"""The elements an HTML page marks or prints as its bylines: elements classed as the author's, links to
author pages, and "By"-lines printed anywhere (not in lists of other stories, comments or the page
footer). The names in them are read by bylines.py; authors.py weighs them against the other sources."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Final

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .boxes import in_listing, inside
from .bylines import OTHER_ROLE_LEAD, is_full_name, names_in_byline
from .model import HEADING_TAGS, Found

# Class and id words of the element that prints the byline ('post-author', 'byline__name', 'autor'),
# and of what holds other people's names (a comment's author, a box of related stories) or more
# than the name (the author's biography, picture, links).
_AUTHOR_PARTS: Final = frozenset({"author", "authors", "byline", "autor", "autorin", "autoren", "auteur", "writer",
                                  "postedby", "verfasser", "authorname"})
_NOT_BYLINE_PARTS: Final = frozenset({"bio", "biography", "description", "desc", "avatar", "image", "img", "photo",
                                      "picture", "social", "about", "comment", "comments", "reply", "related",
                                      "sidebar", "widget", "footer", "recommended", "popular", "trending", "teaser",
                                      "archive", "list", "follow", "more", "share"})
_NOT_BYLINE_TAGS: Final = frozenset({"aside", "nav", "footer", "script", "style", "noscript", "template"})
# Class words of a box around the element that holds other people's names (comments, other stories, a
# sidebar's lists); a box named for a layout or for the author's picture and biography ('elementor-widget',
# 'frame-type-list', 'blog-meta-avatar', 'post-footer') may hold the byline itself.
_OTHER_PEOPLE_PARTS: Final = frozenset({"comment", "comments", "reply", "related", "sidebar", "recommended", "popular",
                                        "trending", "teaser", "archive"})
_BYLINE_TEXT_MAX: Final = 80


_CAMEL_JOIN: Final = re.compile(r"(?<=[a-z])(?=[A-Z])")  # 'authorName', 'dateAndAuthor': words run together


def _class_parts(node: Any, camel: bool = False) -> set[str]:
    """The words of an element's class and id; with `camel`, words run together in camelCase apart too
    (only to find a byline's own element: as box words they part too much, 'imgPosition')."""
    attrs = node.attributes
    words = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    words = (_CAMEL_JOIN.sub(" ", words) if camel else words).lower()
    return {part for part in re.split(r"[\s_-]+", words) if part}


def _not_byline_box(node: LexborNode) -> bool:
    """Page furniture, or a box of other people's names."""
    return node.tag in _NOT_BYLINE_TAGS or not _class_parts(node).isdisjoint(_OTHER_PEOPLE_PARTS)


def _in_other_box(node: LexborNode) -> bool:
    """Whether the node stands in page furniture or a box of other people's names below the page's
    <main>: what holds <main> is the page itself, not furniture (an <aside> left open before it)."""
    return inside(node, _not_byline_box, until=("body", "html", "main"))


def marked_bylines(tree: LexborHTMLParser) -> tuple[list[Found], list[Found]]:
    """The text of the elements a page names as its byline by their class or id ('author-name',
    'byline'), outside comments, boxes of other stories and page furniture, in page order; and the
    name that opens the first such element that holds more than a byline (`box_name`)."""
    out: list[Found] = []
    boxes: list[Found] = []
    for node in tree.css('[class*="author" i], [class*="byline" i], [class*="autor" i], [class*="writer" i], '
                         '[id*="author" i], [id*="byline" i]'):
        if _class_parts(node, camel=True).isdisjoint(_AUTHOR_PARTS) or not _class_parts(node).isdisjoint(
                _NOT_BYLINE_PARTS):
            continue
        text = " ".join(node.text(deep=True, separator=" ").split())
        if not text or node.tag in _NOT_BYLINE_TAGS or _in_other_box(node):
            continue
        if not boxes:
            name = box_name(node)
            if name:
                boxes.append(Found(name, "author-box"))
        if len(text) <= _BYLINE_TEXT_MAX:
            out.append(Found(text, "html-byline"))
        if len(out) >= 4:
            break
    return out, boxes


# An author's box prints the name on a line of its own, then a role, a date or a biography ('Jane Doe'
# / 'Marketing Director' / 'Jane is a writer who ...'), perhaps after a heading ('Written by', 'Insights
# from'): the name is one of its first few lines. (After 'Fact checked by' it is a reviewer's.)
_BOX_LINES: Final = 3


def box_name(node: LexborNode) -> str:
    """The first of the first lines of an author's element that is a person's full name and nothing else."""
    lines = [line for line in node.text(deep=True, separator="\x00", strip=True).split("\x00") if line]
    if len(lines) < 2:
        return ""
    for i, line in enumerate(lines[:_BOX_LINES]):
        line = " ".join(line.split())
        if is_full_name(line):
            return "" if i and OTHER_ROLE_LEAD.search(lines[i - 1]) else line
    return ""
# Links to an author's page ('/author/jane-doe/', '/autoren/jane-doe'): the path words, as selectors,
# and the path with a name after the word (not the index of all authors, '/autoren/').
_AUTHOR_PATHS: Final = ("author", "authors", "autor", "autoren", "auteur", "auteurs", "autore", "autori")
# (Every path word starts so, after a slash or a blog's 'blog-', '/blog-authors/': one cheap test per link.)
_AUTHOR_LINK_SELECTOR: Final = 'a[href*="/aut" i], a[href*="/blog-aut" i]'
_AUTHOR_PAGE: Final = re.compile(r"/(?:blog-)?(?:" + "|".join(_AUTHOR_PATHS) + r")/[^/?#\s]+", re.I)
_AUTHOR_LINK_MAX: Final = 4
# Boxes whose author links are other stories' or readers' (the page's own byline may sit in an
# <aside> or a <footer> of the article, and a layout container may be named 'has-sidebar').
_OTHER_STORIES_PARTS: Final = frozenset({"comment", "comments", "reply", "related", "recommended", "popular",
                                         "trending", "teaser", "teasers"})


def _other_stories(node: LexborNode) -> bool:
    return node.tag == "nav" or not _class_parts(node).isdisjoint(_OTHER_STORIES_PARTS)


def author_links(tree: LexborHTMLParser) -> list[Found]:
    """The text of the first link to an author's page outside menus, comments and boxes of other
    stories, with the links beside it (under the same parent: 'A, B and C')."""
    out: list[Found] = []
    parent: LexborNode | None = None
    for node in tree.css(_AUTHOR_LINK_SELECTOR):
        if parent is not None and (node.parent is None or node.parent.mem_id != parent.mem_id):
            continue
        if not _AUTHOR_PAGE.search(node.attrs.get("href") or ""):
            continue
        text = " ".join(node.text(deep=True, separator=" ").split())
        if not text or len(text) > _BYLINE_TEXT_MAX or (parent is None and inside(node, _other_stories)):
            continue
        parent = parent or node.parent
        out.append(Found(text, "author-link"))
        if len(out) >= _AUTHOR_LINK_MAX or parent is None:
            break
    return out
# A word that may open a byline ('By', 'Von', 'Written by', 'Autor:'): the cheap test of a short text
# node before its element's text is read as a byline (bylines.names_in_byline).
# (The look-ahead of their first letters spares the search a try of every word at every place.)
_BYLINE_WORD: Final = re.compile(
    r"\b(?=[bvpdatrc])(?:by|von|par|por|di|door|da|autor|autorin|autoren|author|auteur|text|redaktion|contributors?)\b",
    re.I)
# A byline word with no name after it yet ('Written by', 'Autor:'): the name is in the next element.
_LEAD_ALONE: Final = re.compile(_BYLINE_WORD.pattern + r"\s*:?\s*$", re.I)
# A heading that opens with a bare 'By' or 'Von' is a title ('Von Sturm bis Flut'); 'Written by' is no title.
_BARE_LEAD: Final = re.compile(r"^(?:by|von|par|por|di|door|da)\s", re.I)
# The text of a byline element: a name or a few, a date, a role; a longer text is prose or a box.
_PRINTED_BYLINE_CHARS: Final = 120
_PRINTED_BYLINE_LEVELS: Final = 3  # elements climbed from the lead word's text to the whole byline
_PRINTED_BYLINE_MAX: Final = 4


# Lexbor's tag id of a text node (its tag name '-text').
_TEXT_ID: Final = LexborHTMLParser("<p>x</p>").css_first("p").child.tag_id  # type: ignore[union-attr]


def _byline_word_nodes(body: LexborNode) -> Iterator[LexborNode]:
    """The short text nodes of `body` that hold a byline word, in page order. The words are looked
    for in the body's text taken at once (its text nodes stripped, parted by a NUL, which a parsed
    page never holds: most are blank), and the walk over the nodes stops after the last of them."""
    parts = body.text(deep=True, separator="\x00", strip=True).split("\x00")
    wanted = [i for i, part in enumerate(parts)
              if part and len(part) <= _PRINTED_BYLINE_CHARS and _BYLINE_WORD.search(part)]
    if not wanted:
        return
    position, upcoming = 0, iter(wanted)
    target = next(upcoming)
    for node in body.traverse(include_text=True):
        if node.tag_id != _TEXT_ID:  # (an id: the name of every node walked past would be made)
            continue
        if position == target:
            yield node
            target = next(upcoming, -1)
            if target < 0:
                return
        position += 1


def printed_bylines(tree: LexborHTMLParser) -> list[Found]:
    """The text of the first short elements that print a byline word ('By', 'Von', 'Autor:'), in
    page order, wherever they stand: outside menus, comments and boxes of other stories, a byline
    the page chrome holds (a header strip taken for a banner) is still the article's; only those
    that bylines.names_in_byline reads names in."""
    body = tree.body
    if body is None:
        return []
    out: list[Found] = []
    seen: set[int] = set()
    for node in _byline_word_nodes(body):
        own = node.text_content or ""
        if len(own) > _PRINTED_BYLINE_CHARS or not _BYLINE_WORD.search(own):
            continue
        element, text, lead = node.parent, "", None
        for _ in range(_PRINTED_BYLINE_LEVELS):  # up from 'By ' to 'By <a>Jane Doe</a>'
            if element is None or element.tag in ("body", "html", "script", "style", "template"):
                element = None
                break
            text = " ".join(element.text(deep=True, separator=" ").split())
            if len(text) > _PRINTED_BYLINE_CHARS or not _LEAD_ALONE.search(text):
                break
            lead, element = element, element.parent
        if element is not None and lead is not None:  # '<h2>Article by</h2><div>Jane Doe</div><button>'
            beside = _with_next(lead)
            if beside:
                element, text = lead, beside
            elif len(text) > _PRINTED_BYLINE_CHARS or not names_in_byline(text):
                continue
        if element is None or element.mem_id in seen or len(text) > _PRINTED_BYLINE_CHARS:
            continue
        seen.add(element.mem_id)
        if ((element.tag in HEADING_TAGS and _BARE_LEAD.match(text)) or (text[:1].islower() and _in_prose(element))
                or not names_in_byline(text) or inside(element, _other_stories) or in_listing(element)
                or inside(element, _page_footer)):
            continue
        out.append(Found(text, "printed-byline"))
        if len(out) >= _PRINTED_BYLINE_MAX:
            break
    return out


def _with_next(lead: LexborNode) -> str:
    """The text of an element that holds a byline's lead word alone and of the element after it, when
    that is a person's full name alone ('Jane Doe'; not 'bis', 'Suche'): else none."""
    following = lead.next
    while (following is not None and following.tag in ("-text", "-comment")
           and not (following.text_content or "").strip()):
        following = following.next
    if following is None or inside(lead, lambda n: n.tag == "form"):  # a search form's 'By:' field
        return ""
    rest = " ".join(following.text(deep=True, separator=" ").split())
    return " ".join(lead.text(deep=True, separator=" ").split()) + " " + rest if is_full_name(rest) else ""


# Inline elements, and the blocks of running text they may stand in: a link 'by project' inside a
# paragraph of prose ('charge your clients hourly or <a>by project</a>') is no byline. (One that opens
# with a capital, 'By Jane Doe' in italics atop the paragraph of an old page's story, is.)
_INLINE_TAGS: Final = frozenset({"a", "span", "em", "strong", "b", "i", "u", "small", "mark", "cite"})
_PROSE_TAGS: Final = frozenset({"p", "li", "td", "blockquote"})


def _in_prose(element: LexborNode) -> bool:
    """An inline element in a paragraph (a list item, a cell) of more text than a byline holds."""
    parent = element.parent
    return (element.tag in _INLINE_TAGS and parent is not None and parent.tag in _PROSE_TAGS
            and len(parent.text(deep=True)) > _PRINTED_BYLINE_CHARS)


def _page_footer(node: LexborNode) -> bool:
    """The page's footer (its credits: 'Theme by', 'Powered by'), not an article's <footer>."""
    return node.tag == "footer" and not inside(node, lambda n: n.tag == "article")


_HOME_LINK_CHARS: Final = 40  # a site's name, not a sentence


def home_link(tree: LexborHTMLParser) -> list[Found]:
    """The text of the page's first link to its site's home page ('/'): the site's name as its
    header prints it (on a personal site, its owner's: 'Jane Doe')."""
    for node in tree.css('a[href="/"]')[:1]:
        text = " ".join(node.text(deep=True, separator=" ").split())
        return [Found(text, "home-link")] if 0 < len(text) <= _HOME_LINK_CHARS else []
    return []
