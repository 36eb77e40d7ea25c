"""Page chrome in HTML: the elements that never hold article text, the tags and ARIA roles of chrome,
and the class/id classifier (`chrome_kind`) that html.py uses to remove boxes before blocks are
made; with the names of these rules."""

from __future__ import annotations

import re
from typing import Final

from .text import phrases

# HTML: elements that never hold article text, elements and ARIA roles that hold page chrome.
DROP_TAGS: Final = phrases("script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas",
                   "select", "button", "input", "textarea", "option", "head", "map", "audio", "video")
CHROME_TAGS: Final = phrases("nav", "aside", "footer", "menu", "dialog", "figcaption")
CHROME_ROLES: Final = frozenset(phrases("navigation", "complementary", "contentinfo", "menu", "menubar", "dialog",
                                "alertdialog", "search", "banner", "toolbar", "tablist"))
# Class and id words of page chrome, by kind: a container named with one of them is removed (the
# article's own container and its ancestors excepted). Whole words ("ad" is not "add"), or the
# start of a word for the longer ones ("sharebar", "commentlist").
CHROME_WORDS: Final[dict[str, tuple[str, ...]]] = {
    "navigation": phrases("nav", "navbar", "navigation", "menu", "menubar", "breadcrumb", "breadcrumbs",
                          "skiplink", "skip", "topbar", "subnav", "megamenu", "hamburger", "pagination",
                          "pager"),
    "footer": phrases("footer", "colophon", "copyright", "site-info", "siteinfo"),
    "sidebar": phrases("sidebar", "aside", "rail", "widget", "widgets", "secondary"),
    "comments": phrases("comment", "comments", "disqus", "respond", "replies", "discussion"),
    "share": phrases("share", "sharing", "social", "addthis", "sharethis", "socialmedia", "sharebar"),
    "related": phrases("related", "recommended", "recommendation", "recommendations", "outbrain", "taboola",
                       "trending", "popular", "mostread", "most-read", "readnext", "read-next", "more-stories",
                       "morestories", "also-read", "teaser", "teasers", "promo", "promos"),
    "newsletter": phrases("newsletter", "subscribe", "subscription", "signup", "paywall", "registration",
                          "inline-signup"),
    "advert": phrases("ad", "ads", "advert", "adverts", "advertisement", "advertising", "adslot", "ad-slot",
                      "adunit", "ad-unit", "dfp", "sponsor", "sponsored", "banner", "billboard"),
    "cookie": phrases("cookie", "cookies", "consent", "gdpr"),
    "overlay": phrases("modal", "popup", "overlay", "lightbox", "tooltip", "hidden", "visually-hidden",
                       "sr-only", "screen-reader-text"),
    "caption": phrases("caption", "captions", "figcaption", "wp-caption-text"),
    "tags": phrases("tags", "tag-list", "taglist", "keywords", "topics"),
    "author-bio": phrases("author-bio", "authorbio", "bio", "about-author", "author-info"),
}
# Chrome words that also name a state, a layout part or a utility inside a longer class name
# ('overflow-hidden', 'field--label-hidden', 'elementor-widget-wrap', 'skip-item', 'has-rail-right',
# 'teaser-text' for a lead): they name chrome only as a whole class token (class="hidden", class="widget
# ..."). Measured word by word on every development set; 'ad', 'banner', 'promo', 'secondary' and
# 'overlay' inside longer names are chrome more often than not, and stay strong.
WEAK_CHROME_WORDS: Final = frozenset(phrases("hidden", "widget", "widgets", "skip", "rail", "teaser", "teasers"))
# Class tokens that state what a box has or lacks ('has-sidebar', 'no-comments', 'non-paywall'):
# a modifier on a box of any kind, never the name of a chrome box.
STATE_PREFIXES: Final = ("has-", "no-", "non-")
# Kinds of chrome box whose paragraphs are never the article's (the container is sought elsewhere).
FOREIGN_KINDS: Final = frozenset({"comments", "cookie", "newsletter"})
# Words that look like chrome words but name content.
CHROME_EXCEPTIONS: Final = frozenset(phrases("commentary", "commentaries", "shared", "shares", "adjust", "address",
                                     "header", "headline", "menuitem", "advertorial", "nav-content",
                                     "promoted"))  # a CMS's state of a story ('node--promoted'), no promo box
_CHROME_EXACT: Final = {word: kind for kind, words in CHROME_WORDS.items() for word in words}
_CHROME_PREFIX: Final = tuple(sorted((w for w in _CHROME_EXACT if len(w) >= 5), key=len, reverse=True))
_CHROME_COMPOUNDS: Final = tuple(w for w in _CHROME_EXACT if "-" in w)
_COMPOUND_HEADS: Final = frozenset(w.split("-")[0] for w in _CHROME_COMPOUNDS)
# Words already judged (a pure memo; class vocabularies are small).
_WORD_KINDS: Final[dict[str, str | None]] = {}
_UNKNOWN: Final = object()
# Class and id strings split into words at anything but letters and digits.
_ATTR_SEPARATORS: Final = "-_:./#[](){}!@$%^&*+=,;'\"?<>\\|`~\t\n"
_ATTR_SPACES: Final = str.maketrans({c: " " for c in _ATTR_SEPARATORS})
# The same for ASCII strings, as bytes: several times faster than str.translate's per-character lookups.
_ATTR_SPACES_ASCII: Final = bytes.maketrans(_ATTR_SEPARATORS.encode(), b" " * len(_ATTR_SEPARATORS))
_CAMEL: Final = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def chrome_kind(attr: str) -> str | None:
    """The kind of page chrome a class/id string names ('share', 'comments', ...), or None."""
    if not attr.islower():
        attr = _CAMEL.sub("-", attr).lower()
    known = _WORD_KINDS
    words: list[str] = []
    for token in attr.split():
        if token.startswith(STATE_PREFIXES):
            continue  # 'has-sidebar', 'no-paywall', 'non-paywall': a state of the page, not a box
        spaced = token.encode().translate(_ATTR_SPACES_ASCII).decode() if token.isascii() \
            else token.translate(_ATTR_SPACES)
        token_words = spaced.split()
        for word in token_words:
            kind = known.get(word, _UNKNOWN)
            if kind is _UNKNOWN:
                if len(known) > 100_000:  # generated class names can be endless: stay bounded
                    known.clear()
                kind = known[word] = _word_kind(word)
            if kind is not None and (len(token_words) == 1 or word not in WEAK_CHROME_WORDS):
                return kind  # type: ignore[return-value]
        words += token_words
    if len(words) > 1 and not _COMPOUND_HEADS.isdisjoint(words):
        joined = "-".join(words)
        return next((_CHROME_EXACT[c] for c in _CHROME_COMPOUNDS if c in joined), None)
    return None


def _word_kind(word: str) -> str | None:
    """A class/id word's chrome kind: the word itself, or a long chrome word it starts with."""
    if word in CHROME_EXCEPTIONS:
        return None
    kind = _CHROME_EXACT.get(word)
    if kind is None and len(word) > 5 and word.startswith(_CHROME_PREFIX):
        kind = next(_CHROME_EXACT[p] for p in _CHROME_PREFIX if word.startswith(p))
    return kind
# Rules of the HTML stage (html.py): boxes removed from the page before its blocks are made.
CHROME_TAG_RULE: Final = "chrome-tag"
CHROME_ROLE_RULE: Final = "chrome-role"
CHROME_CLASS_RULE: Final = "chrome-class"
CHROME_RULES: Final[dict[str, str]] = {
    CHROME_TAG_RULE: "An element that holds page chrome by its tag (nav, aside, footer, menu, dialog, figcaption).",
    CHROME_ROLE_RULE: "An element whose ARIA role names page chrome (navigation, banner, complementary...).",
    CHROME_CLASS_RULE: "A box whose class or id names page chrome (CHROME_WORDS), unless it holds the "
                       "article's prose.",
}

# class/id strings already judged (pages of one site share them); bounded, a pure memo.
_CHROME_MEMO: Final[dict[str, str | None]] = {}
_CHROME_MEMO_SIZE: Final = 65536
_UNSEEN: Final = object()


def chrome_of(names: str) -> str | None:
    """chrome_kind, remembered per distinct class/id string."""
    kind = _CHROME_MEMO.get(names, _UNSEEN)
    if kind is _UNSEEN:
        if len(_CHROME_MEMO) > _CHROME_MEMO_SIZE:
            _CHROME_MEMO.clear()
        kind = _CHROME_MEMO[names] = chrome_kind(names)
    return kind  # type: ignore[return-value]
