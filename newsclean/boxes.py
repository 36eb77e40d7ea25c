"""The boxes of an HTML page: which element holds the article (its container, and the core of
paragraphs it is widened from), and which boxes are page chrome, removed before blocks are made
(by tag, ARIA role, or a class/id that chrome.py reads as chrome) unless they hold the article."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .chrome import (
    CHROME_CLASS_RULE,
    CHROME_ROLE_RULE,
    CHROME_ROLES,
    CHROME_TAG_RULE,
    CHROME_TAGS,
    FOREIGN_KINDS,
    WEAK_CHROME_WORDS,
    chrome_of,
)
from .model import HEADING_TAGS, Removal
from .text import squeeze

# schema.org microdata naming the element that holds the article's text.
ARTICLE_BODY_SELECTOR: Final = "[itemprop~=articleBody]"
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


def tag_ids(*names: str) -> frozenset[int]:
    """Lexbor's ids of these HTML tags. One walk over all elements comparing ids is much cheaper
    than a CSS query per tag, or one query listing many tags (matched one by one at each node)."""
    make = LexborHTMLParser("").create_node
    return frozenset(make(name).tag_id for name in names)


(_P,) = tag_ids("p")
# --explain shows this much of a chrome box's class/id string (and Settings.spared_boxes names it so).
SHOWN_NAME_CHARS: Final = 60
# Blocks of code: a syntax highlighter gives each token a class ('hljs-comment', 'token comment') that
# names the token, not a box of the page.
_CODE_IDS: Final = tag_ids("pre", "code")
# A paragraph named as chrome by a weak word alone that is this long and ends like a sentence,
# inside the article container, is the article's lead (weak_only, lead_paragraph).
LEAD_MIN_WORDS: Final = 8
_SENTENCE_ENDS: Final = frozenset('.!?"”»')
_CHROME_TAG_IDS: Final = tag_ids(*CHROME_TAGS)
# <html> and <body> are the page, never a box of chrome, whatever their classes say (the root
# cannot be removed at all).
_PAGE_IDS: Final = tag_ids("html", "body")
_CHROME_CANDIDATES: Final = ",".join((*CHROME_TAGS, "[role]", "[class]", "[id]"))
# A class or id token that spells at least this many words of a heading's text is the heading's
# slug ('h-why-use-social-shopping', 'how-popular-are-meditation-and-mindfulness'): it names the
# section by its title, and a chrome word in it ('social', 'popular') is the title's word.
SLUG_MIN_WORDS: Final = 4
# ... and at least this share of its words are the heading's.
SLUG_SHARE: Final = 0.6
_HEADINGS: Final = ",".join(HEADING_TAGS)
_HEADING_IDS: Final = tag_ids(*HEADING_TAGS)
_SLUG_WORDS: Final = re.compile(r"[^\W_]+")
# A token of at least SLUG_MIN_WORDS of them, parted by punctuation or '_' (no white space): only
# such a token can be a slug. (Tried from the start of a word only: linear.)
_SLUG_TOKEN: Final = re.compile(r"(?<![^\W_])[^\W_]+(?:(?:[^\w\s]|_)+[^\W_]+){" + str(SLUG_MIN_WORDS - 1) + "}")


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


def own_classes(core: LexborNode | None) -> frozenset[str]:
    """The class strings of the article's core and its ancestors that name page chrome: on this page
    such a name is the article's own ('content-nav-section' around each of its sections), not chrome."""
    names: set[str] = set()
    node = core
    while node is not None and node.tag_id not in _PAGE_IDS:
        classes = node.attributes.get("class")
        if classes and chrome_of(classes) is not None:
            names.add(classes)
        node = node.parent
    return frozenset(names)


def remove_chrome(tree: LexborHTMLParser, core: LexborNode | None, declared: list[LexborNode],
                  page_prose: int, container: LexborNode | None = None,
                  disabled: frozenset[str] = frozenset(), spared: frozenset[str] = frozenset()) -> list[Removal]:
    """Decompose navigation, footers, asides and containers whose class/id names page chrome;
    return what went, each with its rule (for --explain).

    The article's core, the elements marked up as its body, and their ancestors stay, as does a
    box holding the article's prose (holds_article). On a page without paragraphs to find that
    container by, a candidate holding much of the page's text stays too: a wrapper named 'widget'
    or 'sidebar-layout' can hold the whole article.
    """
    protected = _protected(([core] if core is not None else []) + declared)
    own = own_classes(core)
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
        found = chrome_reason(node, page_prose, container, disabled, spared, own) \
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
                  disabled: frozenset[str] = frozenset(), spared: frozenset[str] = frozenset(),
                  own: frozenset[str] = frozenset()) -> tuple[str, str] | None:
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
    if kind is not None:
        titled = without_slugs(names, node)
        if titled != names:
            names, kind = titled, chrome_of(titled) if titled.strip() else None
    if kind is None or (kind not in PROSE_CHROME and holds_article(node, page_prose)) or inside(node, code_block):
        return None
    if container is not None and kind in CONTAINED_CHROME and within(node, container) and prose_box(node):
        return None
    if own and attrs.get("class") in own and prose_box(node):
        return None  # a box of prose classed as the article's own box: another part of the article
    if container is not None and node.tag_id == _P and weak_only(names) and within(node, container) \
            and lead_paragraph(node):
        return None  # <p class="teaser">: a lead (standfirst) the page builder names so
    shown = squeeze(names)[:SHOWN_NAME_CHARS]
    if shown in spared:
        return None
    return CHROME_CLASS_RULE, f"{kind}: {shown}"


def without_slugs(names: str, node: LexborNode) -> str:
    """The class/id string less the tokens that are a slug of the node's heading (the node itself,
    or the first heading in it): a section named by its title, not a box named by its kind. The
    string as it is when no token is one."""
    if not _SLUG_TOKEN.search(names.lower()):
        return names  # too few words in every token: no heading need be looked for
    heading = node if node.tag_id in _HEADING_IDS else node.css_first(_HEADINGS)
    if heading is None:
        return names
    words = frozenset(_SLUG_WORDS.findall(heading.text(deep=True).lower()))
    if len(words) < SLUG_MIN_WORDS:
        return names
    tokens = names.split()
    kept = []
    for token in tokens:
        spelled = _SLUG_WORDS.findall(token.lower())
        found = sum(1 for word in spelled if word in words)
        if found < SLUG_MIN_WORDS or found < SLUG_SHARE * len(spelled):
            kept.append(token)
    return " ".join(kept) if len(kept) < len(tokens) else names


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


# The boxes that list other pages or readers' comments (listing): what lies in them is not the page's.
_LISTING_TAGS: Final = frozenset({"nav"})
_LISTING_KINDS: Final = frozenset({"comments"})


def inside(node: LexborNode, box: Callable[[LexborNode], bool], until: tuple[str, ...] = ("body", "html")) -> bool:
    """Whether an ancestor of the node, below <body> (below the first of the `until` tags), is a `box`."""
    parent = node.parent
    while parent is not None and parent.tag not in until:
        if box(parent):
            return True
        parent = parent.parent
    return False


def listing(node: LexborNode) -> bool:
    """A menu, or readers' comments."""
    if node.tag in _LISTING_TAGS:
        return True
    names = (node.attrs.get("class") or "") + " " + (node.attrs.get("id") or "")
    return bool(names.strip()) and chrome_of(names) in _LISTING_KINDS


def code_block(node: LexborNode) -> bool:
    """A <pre> or <code> element."""
    return node.tag_id in _CODE_IDS


def in_listing(node: LexborNode) -> bool:
    """Whether the node lies in a menu or in readers' comments."""
    return inside(node, listing)
