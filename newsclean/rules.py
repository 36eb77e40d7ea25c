"""The context-free rules: block features, the rule table (`RULES`) and the cue words that decide
which rules a block is tried with; the word lists and patterns of page furniture those rules read.

A block's label is decided here, alone, by the first `Rule` that matches; the context rules of
context.py then read blocks among their neighbours. The long word lists are data
(data/vocabulary.toml, one commented group per concept); the rest of the vocabulary lives with its
concept: text measures in text.py, dates in dates.py, bylines in bylines.py, HTML chrome in
chrome.py. Nothing here names a site: the vocabulary is the generic language of web page furniture,
in several languages.

Speed: most blocks of a page are short menu lines. Each block is lower-cased and split into word
tokens once (`Features`); rules then test set membership and prefixes, and run a regular
expression only when a cheap token test says it can match.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from .bylines import BYLINE_LEADS, ROLE_TOKENS, is_byline
from .dates import is_date_line
from .model import Block, Features, Label
from .settings import Settings
from .text import (
    CJK,
    LETTER,
    RUN_START,
    SPACELESS,
    any_of,
    ends_sentence,
    lower_words,
    phrases,
    title_case_ratio,
    vocabulary,
    word_count,
    words_of,
)

# ---------------------------------------------------------------------------------------------
# Text measures
# ---------------------------------------------------------------------------------------------

ELLIPSIS_END: Final = re.compile(r"(?:\.\.\.|…|\[…\]|\[\.\.\.\])\s*$")
# HTML tags and script statements that open a line of source code left in a dump.
MARKUP_LINE: Final = re.compile(
    r"</?(?:script|a|img|div|span|p|iframe|noscript|table|td|tr|th|tbody|font|br|hr|input|form|object|"
    r"embed|param|link|meta|style|center|b|i|u|strong|em|ul|li|ol|h[1-6]|area|map|select|option|!--|!\[cdata)\b"
    r"|(?:document\.write|var\s+\w+\s*=|function\s+\w*\s*\(|window\.\w|googletag\.)", re.IGNORECASE)
MARKUP_STARTS: Final = frozenset("<dvfwgDVFWG")
# Marks that any run of prose holds at least one of, whatever its script.
PUNCTUATION: Final = re.compile(r"[.,;:!?…。，、！？；：।॥،؛؟«»\"“”„()]")
FULL_STOP: Final = re.compile(r"[.!?…。！？।॥؟။។]")  # marks that end a sentence, in any script
# A sentence ending inside a text: its mark (and a closing quote) before the next word.
SENTENCE_BREAK: Final = re.compile(r"[.!?…。！？।॥؟။។][\"”’')\]]*\s+\S")
INLINE_SEPARATOR: Final = re.compile(r"\s[|·•]\s")
# A part of a ' | '-joined line this long is a clause, not a link's label.
INLINE_LIST_MAX_ITEM_WORDS: Final = 8
# "Jane Doe / Reuters", "Sign In / Sign Up": capitalised names on both sides of one slash.
_CAPITALISED: Final = r"[A-Z][\w.'’&-]*"
SLASH_PAIR: Final = re.compile(
    rf"^{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,3}}\s+/\s+{_CAPITALISED}(?:\s+(?:{_CAPITALISED}|of|de|for|and)){{0,4}}$")


def _sentence_between_separators(text: str, feat: Features) -> bool:
    """A sentence with a ' • ' or ' | ' inside ('Tickets cost $20 • doors open at 7 p.m. at the
    Town Hall.'): it ends as a sentence and one of its parts is a clause of its own."""
    return feat.sentence_end and max(len(part.split()) for part in INLINE_SEPARATOR.split(text)) \
        >= INLINE_LIST_MAX_ITEM_WORDS


# ---------------------------------------------------------------------------------------------
# Vocabulary, grouped by concept (lower-case; phrases are normalized word sequences); the long
# groups, each with what it is for, in data/vocabulary.toml
# ---------------------------------------------------------------------------------------------


AD_PHRASES: Final = vocabulary("ad_phrases")
TEASER_PHRASES: Final = vocabulary("teaser_phrases")
NEXT_ARTICLE_PHRASES: Final = frozenset(vocabulary("next_article_phrases"))
RELATED_PHRASES: Final = vocabulary("related_phrases")
SUMMARY_PHRASES: Final = vocabulary("summary_phrases")
SHARE_CORE: Final = vocabulary("share_core")
SHARE_FILLER: Final = vocabulary("share_filler")
NAV_PHRASES: Final = vocabulary("nav_phrases")
COMMENT_PHRASES: Final = vocabulary("comment_phrases")
COMMENT_FORM_LEADS: Final = vocabulary("comment_form_leads")
COMMENT_FORM_NOTICES: Final = vocabulary("comment_form_notices")
SCRIPT_NOTICE_PATTERN: Final = vocabulary("script_notice_pattern")
CAPTION_LEADS: Final = vocabulary("caption_leads")
PICTURE_LEADS: Final = vocabulary("picture_leads")
CAPTION_PHRASES: Final = vocabulary("caption_phrases")
CREDIT_TOKENS: Final = words_of(vocabulary("credit_tokens"))
TAG_LEADS: Final = vocabulary("tag_leads")
COPYRIGHT_PATTERN: Final = vocabulary("copyright_pattern")
COPYRIGHT_CUES: Final = words_of(vocabulary("copyright_cues"))
LEGAL_PATTERN: Final = vocabulary("legal_pattern")
LEGAL_CUES: Final = words_of(vocabulary("legal_cues"))
NEWSLETTER_PATTERN: Final = vocabulary("newsletter_pattern")
NEWSLETTER_CUES: Final = words_of(vocabulary("newsletter_cues"))
COOKIE_WORDS: Final = words_of(phrases("cookie", "cookies"))
COOKIE_CONTEXT: Final = words_of(vocabulary("cookie_context"))
IMAGE_COUNTER_CUES: Final = words_of(vocabulary("image_counter_cues"))


# ---------------------------------------------------------------------------------------------
# Compiled patterns and lookup sets, named by meaning
# ---------------------------------------------------------------------------------------------


_I: Final = re.IGNORECASE
AD_LINES: Final = frozenset(AD_PHRASES)
TEASER_LINES: Final = frozenset(TEASER_PHRASES)
TEASER_PREFIXES: Final = tuple(p + " " for p in TEASER_PHRASES + RELATED_PHRASES)
RELATED_LINES: Final = frozenset(RELATED_PHRASES)
SUMMARY_LINES: Final = frozenset(SUMMARY_PHRASES)
RELATED_PREFIXES: Final = ("more from ", "more in ", "most read ", "most popular ", "top stories ", "latest news ",
                    "самые популярные ", "les plus lus ", "lo más leído ", "i più letti ", "mais lidas ")
SHARE_CORE_TOKENS: Final = words_of(SHARE_CORE)
SHARE_TOKENS: Final = SHARE_CORE_TOKENS | words_of(SHARE_FILLER)
NAV_TOKENS: Final = words_of(NAV_PHRASES)
COMMENT_LINES: Final = frozenset(COMMENT_PHRASES)
COMMENT_FORM_PREFIXES: Final = tuple(p + " " for p in COMMENT_FORM_LEADS + COMMENT_FORM_NOTICES)
COMMENT_NOTICE_PREFIXES: Final = tuple(p + " " for p in COMMENT_FORM_NOTICES)
CAPTION_PREFIXES: Final = tuple(p + " " for p in CAPTION_LEADS)
CAPTION_PHRASE_PREFIXES: Final = tuple(p + " " for p in CAPTION_PHRASES)
TAG_PREFIXES: Final = tuple(p + " " for p in TAG_LEADS)
TAG_LABELS: Final = frozenset(vocabulary("tag_labels"))

COPYRIGHT: Final = re.compile(any_of(COPYRIGHT_PATTERN), _I)
# What a footer's copyright line holds besides the owner's name: the rights words, and a legal form at the end.
FOOTER_RIGHTS: Final = re.compile(any_of((r"\ball rights? reserved\.?", *COPYRIGHT_PATTERN, r"\(c\)", r"\binc\.?$",
                                          r"\bltd\.?$")), _I)
LEGAL: Final = re.compile(r"\b" + any_of(LEGAL_PATTERN) + r"\b")
SCRIPT_NOTICE: Final = re.compile(r"\b" + any_of(SCRIPT_NOTICE_PATTERN) + r"\b")
NEWSLETTER: Final = re.compile(r"\b" + any_of(NEWSLETTER_PATTERN) + r"\b")
CAPTION: Final = re.compile(r"^\W*" + any_of(CAPTION_LEADS) + r"s?(?:\s+(?:credit|by|source))?\s*[:/|©]", _I)
# A caption that ends by crediting its picture: '... in Hong Kong (Image: Getty)', '... Credit: AP'.
CREDIT_TAIL: Final = re.compile(
    r"(?:[(\[]\s*|\b)" + any_of(PICTURE_LEADS) + r"(?:\s+(?:credit|by))?\s*:\s*[^()\[\]:]{1,40}[)\]]?\s*$", _I)
IMAGE_COUNTER: Final = re.compile(
    r"\b(?:image|photo|picture|slide|bild|foto)?\s*(?P<number>\d+)\s*(?:of|/|von|de|di|sur)\s*(?P<total>\d+)\b", _I)
# A credit in brackets after a caption printed again: "(Jane Doe / Agency)".
PAREN_TAIL: Final = re.compile(RUN_START + r"\s*+\(.*\)\s*$")
CAPTION_PAIR_MIN_CHARS: Final = 20
COMMENT_COUNT: Final = re.compile(r"^(?:\d+ )?(?:comments?|replies|responses)(?: \d+)?$")
# '34 responses to "<headline>"', '12 thoughts on "<headline>"': the head of a comment thread.
COMMENT_THREAD_HEAD: Final = re.compile(
    r"^(?:\d+|one|no) (?:comments?|replies|responses|thoughts|reactions) (?:to|on)\b")
# Lines of a comment's header or footer: a time of day, an age, a vote count, 'Jane says:'.
THREAD_MARK: Final = re.compile(
    r"\b\d{1,2}:\d\d\b|\bago\b|\b\d+\s+(?:votes?|likes?|points?|replies|reply)\b|\b(?:says|wrote|said):?\s*$", _I)
URL_LINE: Final = re.compile(r"^\W*(?:https?://|www\.)\S+\W*$", _I)
URL: Final = re.compile(r"https?://[^\s<>\"')\]]+", _I)
# The attribution under an embedded social post: '— Jane Doe (@janedoe) November 4, 2019'.
EMBED_ATTRIBUTION: Final = re.compile(
    r"^[—–-]\s*[^()]{1,80}\(@\w{1,30}\)\s*(?:\w+\.? \d{1,2},? \d{4}|\d{1,2}\.? \w+\.? \d{4})$")
# An address printed in running text, with or without its scheme.
ADDRESS: Final = re.compile(r"(?:https?://|www\.)\S+", _I)
SYNDICATION: Final = re.compile(
    r"^\s*(?:the post (?P<title>.{3,300}?) appeared first on|this (?:article|story|post) (?:was )?(?:originally|first) "
    r"(?:appeared|published|posted)(?: (?:on|in|at|by))?|(?:originally|first) (?:published|appeared|posted) "
    r"(?:on|in|at|by))\s+(?P<source>[^.]{2,80}?)\s*\.?\s*$",
    _I,
)
SYNDICATION_CUES: Final = ("appeared first on", "originally", "first published", "first appeared")
REFERENCES_HEAD: Final = re.compile(r"^\s*(?:references|visible links:?|hidden links:?)\s*$", _I)
# A heading numbered as an item of a list ('1. Corn plant', '#3 Acme Movers', '2) Kyoto').
NUMBERED_ITEM: Final = re.compile(r"#?\d{1,3}[.):]\s")
REFERENCE_ITEM: Final = re.compile(r"^\s*\d+\.\s+(?:https?|file|ftp|mailto|javascript):\S*\s*$", _I)


# What a text browser prints for a page's non-text parts: image names in brackets ('[logo.png]',
# '[IMG]'; a page's own bracketed words hold a space: '[ 12 comments ]', '[ Source ]'), form
# fields ('[ ]', '(*) Yes', '____'), buttons ('(BUTTON) Close'), frames ('IFRAME: url').
DUMP_ARTEFACT: Final = re.compile(
    r"^(?:\[(?:[^\s\[\]]{1,80}|\s*)\]\s*)+$|^(?:\[[ *xX+-]?\]|\([ *]?\))\s|^\(BUTTON\)|^IFRAME:|^_{3,}")
DUMP_ARTEFACT_STARTS: Final = frozenset("[(_I")


# ---------------------------------------------------------------------------------------------
# Word lists loaded from data/
# ---------------------------------------------------------------------------------------------


# ---------------------------------------------------------------------------------------------
# Block features and rules
# ---------------------------------------------------------------------------------------------

# Phrase rules look at blocks up to this many words; longer blocks are prose or long boilerplate
# that the length-based rules and the context pass handle.
PHRASE_WINDOW: Final = 40


# Marks added to a block's tokens so that rules keyed on them are tried: they cannot be words.
COPYRIGHT_CUE, DIGIT_CUE, ELLIPSIS_CUE, SEPARATOR_CUE, SLASH_CUE = "©", "0", "…", "|", "/"
_DIGIT: Final = re.compile(r"\d")
# A credit at the end of a caption is sought in this many last characters only.
_CREDIT_TAIL_CHARS: Final = 60
_ELLIPSES: Final = ("...", "…", "…]", "...]")


def features(block: Block) -> Features:
    text = block.text
    chars = len(text)
    # Block text is whitespace-normalized (model.Block): its words are its spaces plus one, unless
    # it holds CJK characters or a script written without spaces (word_count).
    spaced = text.isascii() or (CJK.search(text) is None and SPACELESS.search(text) is None)
    words = (text.count(" ") + 1 if text else 0) if spaced else word_count(text)
    alpha = False  # whether the key is a single word of letters only
    if words <= PHRASE_WINDOW:
        tokens = lower_words(text)
        key = " ".join(tokens)
        alpha = key.isalpha()
        if "©" in text:
            tokens.append(COPYRIGHT_CUE)
        if not alpha and _DIGIT.search(key):
            tokens.append(DIGIT_CUE)
        if " | " in text or " · " in text or " • " in text:
            tokens.append(SEPARATOR_CUE)
        if " / " in text:
            tokens.append(SLASH_CUE)
    else:
        key, tokens = "", []
    if text.endswith(_ELLIPSES):
        tokens.append(ELLIPSIS_CUE)
    return Features(words, chars, ends_sentence(text),
                    block.link_chars / chars if chars else 0.0,
                    alpha or LETTER.search(text) is not None, key, tuple(tokens))


RuleTest = Callable[[Block, Features, Settings], bool]

# The bounds of the rules below, each named for what it bounds: a block past it is not what the rule
# describes (a line that long is a sentence, not a label).
ARTEFACT_MAX_WORDS: Final = 12  # dump-artefact: '[logo.png] [IMG]', '(BUTTON) Close'
REFERENCE_MAX_WORDS: Final = 3  # lynx-references: '12. https://...'
CREDIT_MAX_WORDS: Final = 8  # photo-credit: an agency's name in a short line ('Photo: AFP')
COUNTER_MAX_WORDS: Final = 20  # photo-credit: a gallery counter's line ('Image 3 of 12')
SLASH_PAIR_MAX_WORDS: Final = 8  # slash-pair: 'Jane Doe / Reuters'
FOOTER_MAX_WORDS: Final = 25  # copyright-footer
RELATED_MAX_WORDS: Final = 5  # related-list: 'More from Sport'
SHARE_BAR_MAX_WORDS: Final = 12  # share-bar
NAV_MAX_WORDS: Final = 6  # navigation
NEWSLETTER_MAX_WORDS: Final = 25  # newsletter-box
TAG_LABEL_CHARS: Final = 20  # tag-list: the colon of 'Tags:' within the line's first characters
DATE_LINE_MAX_WORDS: Final = 20  # date-line
TEASER_MIN_WORDS, TEASER_MAX_WORDS = 4, 80  # truncated-teaser: a headline and its summary, cut
HEADLINE_MIN_WORDS: Final = 6  # headline-like: this many words...
HEADLINE_CAPITALS: Final = 0.7  # ... this share of them capitalised


@dataclass(frozen=True, slots=True)
class Rule:
    """A named, context-free test; the first rule in RULES that matches a block decides its label.

    `cues`, when set, are words of which a block must hold at least one for the rule to be tried:
    one set intersection spares most blocks most tests.
    """

    name: str
    why: str
    label: Label
    test: RuleTest
    cues: frozenset[str] | None = None


def _short(f: Features, s: Settings) -> bool:
    return f.words <= s.phrase_max_words


def _starts(key: str, prefixes: tuple[str, ...]) -> bool:
    return (key + " ").startswith(prefixes)


def _share_bar(f: Features) -> bool:
    return (not SHARE_CORE_TOKENS.isdisjoint(f.tokens)
            and all(t in SHARE_TOKENS or t.isdigit() for t in f.tokens))


def _credit_tail(text: str) -> bool:
    tail = text[-_CREDIT_TAIL_CHARS:]
    return ":" in tail and CREDIT_TAIL.search(tail) is not None  # every credit has its colon


def _caption(b: Block, f: Features) -> bool:
    # An agency's name in a short line credits a picture, unless the line names a writer's role.
    if f.words <= CREDIT_MAX_WORDS and not CREDIT_TOKENS.isdisjoint(f.tokens) and ROLE_TOKENS.isdisjoint(f.tokens):
        return True
    if _starts(f.key, CAPTION_PHRASE_PREFIXES):
        return True
    if _starts(f.key, CAPTION_PREFIXES) and CAPTION.match(b.text):
        return True
    # A counter holds figures ('3 of 12'): without a digit among its tokens, the pattern cannot match.
    return f.words <= COUNTER_MAX_WORDS and DIGIT_CUE in f.tokens and not IMAGE_COUNTER_CUES.isdisjoint(f.tokens) \
        and bool(IMAGE_COUNTER.search(b.text))


_RULES: Final[tuple[Rule, ...]] = (
    Rule("dump-artefact", "What a text browser prints for images, buttons, frames and form fields.", Label.BAD,
         lambda b, f, s: b.text[:1] in DUMP_ARTEFACT_STARTS and f.words <= ARTEFACT_MAX_WORDS
         and bool(DUMP_ARTEFACT.match(b.text))),
    Rule("empty", "A block with no letters carries no text.", Label.BAD,
         lambda b, f, s: not f.letters),
    Rule("markup", "HTML or script source printed as text (an ad's fallback code, a broken embed).", Label.BAD,
         lambda b, f, s: b.text[:1] in MARKUP_STARTS and bool(MARKUP_LINE.match(b.text))),
    Rule("lynx-references", "A dumper's trailing list of numbered link targets.", Label.BAD,
         lambda b, f, s: (f.words <= REFERENCE_MAX_WORDS and "://" in b.text and bool(REFERENCE_ITEM.match(b.text)))
         or (f.words <= 2 and bool(REFERENCES_HEAD.match(b.text)))),
    Rule("url-line", "A bare URL is an address, not article text.", Label.BAD,
         lambda b, f, s: f.words <= 2 and bool(URL_LINE.match(b.text))),
    Rule("embed-attribution", "'— Name (@handle) date' under an embedded post: the post is quoted, kept.",
         Label.NEARGOOD,
         lambda b, f, s: "(@" in b.text and bool(EMBED_ATTRIBUTION.match(b.text))),
    Rule("syndication", "'The post ... appeared first on X' credits the original outlet.", Label.BAD,
         lambda b, f, s: len(f.key) > 0 and any(c in f.key for c in SYNDICATION_CUES)
         and bool(SYNDICATION.match(b.text))),
    Rule("photo-credit", "Photo captions, credits and gallery counters.", Label.BAD,
         lambda b, f, s: (f.words <= s.phrase_max_words and _caption(b, f))
         or (f.words <= PHRASE_WINDOW and _credit_tail(b.text))),
    Rule("slash-pair", "A few capitalised words each side of a slash: a photo credit ('Jane Doe / Reuters') or "
         "a menu pair ('Sign In / Sign Up').", Label.BAD,
         lambda b, f, s: f.words <= SLASH_PAIR_MAX_WORDS and bool(SLASH_PAIR.match(b.text))),
    Rule("copyright-footer", "Copyright and rights-reserved lines belong to the page footer.", Label.BAD,
         lambda b, f, s: f.words <= FOOTER_MAX_WORDS and ("©" in b.text or not COPYRIGHT_CUES.isdisjoint(f.tokens))
         and bool(COPYRIGHT.search(b.text))),
    Rule("advertisement", "Ad labels and 'story continues below' markers.", Label.BAD,
         lambda b, f, s: f.key in AD_LINES),
    Rule("related-list", "A 'Related', 'Most read', 'More from' heading opens a list of other articles.",
         Label.BAD,
         lambda b, f, s: f.key in RELATED_LINES or (f.words <= RELATED_MAX_WORDS and _starts(f.key, RELATED_PREFIXES)
         and not f.sentence_end and not f.key.startswith("more on "))),
    Rule("read-more-teaser", "'Read more', 'See also', 'Related: ...' and similar teaser lines.", Label.BAD,
         lambda b, f, s: f.key in TEASER_LINES
         or (_short(f, s) and not f.sentence_end and _starts(f.key, TEASER_PREFIXES))),
    Rule("comments-label", "Comment counters, thread heads and 'leave a comment' prompts.", Label.BAD,
         lambda b, f, s: f.key in COMMENT_LINES or (f.key.count(" ") <= 2 and bool(COMMENT_COUNT.match(f.key)))
         or (f.words <= s.phrase_max_words and _starts(f.key, COMMENT_FORM_PREFIXES))
         or ((f.key[:1].isdigit() or f.key.startswith(("one ", "no ")))
             and bool(COMMENT_THREAD_HEAD.match(f.key)))),
    Rule("share-bar", "Lines made only of share/social button labels.", Label.BAD,
         lambda b, f, s: f.words <= SHARE_BAR_MAX_WORDS and _share_bar(f)),
    Rule("navigation", "Menu words alone: Home, Search, Skip to content, Next, Previous...", Label.BAD,
         lambda b, f, s: 0 < f.words <= NAV_MAX_WORDS and NAV_TOKENS.issuperset(f.tokens)),
    Rule("legal-links", "Privacy, terms and contact links are site furniture.", Label.BAD,
         lambda b, f, s: _short(f, s) and not f.sentence_end and not LEGAL_CUES.isdisjoint(f.tokens)
         and bool(LEGAL.search(f.key))),
    Rule("newsletter-box", "Newsletter, subscription, sign-in and app prompts.", Label.BAD,
         lambda b, f, s: f.words <= NEWSLETTER_MAX_WORDS and not NEWSLETTER_CUES.isdisjoint(f.tokens)
         and (f.words <= s.phrase_max_words or "newsletter" in f.tokens or "subscribe" in f.tokens)
         and bool(NEWSLETTER.search(f.key))),
    Rule("script-notice", "'This slideshow requires JavaScript', 'Your browser does not support video'.",
         Label.BAD,
         lambda b, f, s: _short(f, s) and bool(SCRIPT_NOTICE.search(f.key))),
    Rule("cookie-notice", "Cookie and consent banners.", Label.BAD,
         lambda b, f, s: 0 < f.words <= PHRASE_WINDOW and not COOKIE_WORDS.isdisjoint(f.tokens)
         and not COOKIE_CONTEXT.isdisjoint(f.tokens)),
    Rule("tag-list", "'Tags:' / 'Filed under:' keyword lists, or their label alone on its line ('Tags').", Label.BAD,
         lambda b, f, s: _short(f, s) and ((_starts(f.key, TAG_PREFIXES) and ":" in b.text[:TAG_LABEL_CHARS])
                                           or f.key in TAG_LABELS)),
    Rule("date-line", "A dateline alone; the date goes to the metadata.", Label.BAD,
         lambda b, f, s: f.words <= DATE_LINE_MAX_WORDS and is_date_line(b.text)),
    Rule("byline", "A 'By ...' line; the authors go to the metadata.", Label.BAD,
         lambda b, f, s: is_byline(b.text, f)),
    Rule("link-dense", "Mostly link text: navigation, not prose.", Label.BAD,
         lambda b, f, s: f.link_density > s.max_link_density and f.words < PHRASE_WINDOW),
    Rule("truncated-teaser", "A block cut off with '...' is a teaser for another page.", Label.BAD,
         lambda b, f, s: TEASER_MIN_WORDS <= f.words <= TEASER_MAX_WORDS and bool(ELLIPSIS_END.search(b.text))),
    Rule("inline-list", "Items joined by ' | ' or ' · ' are a link bar, not a sentence.", Label.BAD,
         lambda b, f, s: f.words <= PHRASE_WINDOW and bool(INLINE_SEPARATOR.search(b.text))
         and not _sentence_between_separators(b.text, f)),
    Rule("unpunctuated", "Many words without one punctuation mark: items run together (a drop-down, a "
         "tag cloud), not prose.", Label.BAD,
         lambda b, f, s: f.words >= s.unpunctuated_min_words and not PUNCTUATION.search(b.text)),
    Rule("no-full-stop", "Many words and not one full stop: headlines or items run together (a drop-down "
         "of stories), not prose, whatever quotes or colons they hold.", Label.BAD,
         lambda b, f, s: f.words >= s.no_full_stop_min_words and not FULL_STOP.search(b.text)),
    Rule("prose", "Long enough to read as prose on its own, and ends like a sentence.", Label.GOOD,
         lambda b, f, s: f.words >= s.good_words and f.sentence_end),
    Rule("sentence", "Medium length, ending like a sentence.", Label.NEARGOOD,
         lambda b, f, s: f.words >= s.neargood_words and f.sentence_end),
    Rule("headline-like", "Title Case words without a full stop: a headline, here or of another page.",
         Label.SHORT,
         lambda b, f, s: f.words >= HEADLINE_MIN_WORDS and title_case_ratio(b.text) >= HEADLINE_CAPITALS),
    Rule("run-on", "Long but unpunctuated: prose cut short, or a list run together; half weight.",
         Label.NEARGOOD,
         lambda b, f, s: f.words >= 2 * s.good_words),
    Rule("short", "Too short to judge alone; its neighbours decide.", Label.SHORT,
         lambda b, f, s: True),
)

# Words that must be present for a rule to be tried (with the marks that features() adds).
RULE_CUES: Final[dict[str, frozenset[str]]] = {
    "lynx-references": frozenset({"references", "visible", "hidden", "http", "https", "file", "ftp", "mailto",
                                  "javascript"}),
    "url-line": frozenset({"http", "https", "www"}),
    "embed-attribution": frozenset({DIGIT_CUE}),
    "syndication": frozenset({"appeared", "originally", "first"}),
    "photo-credit": CREDIT_TOKENS | words_of(CAPTION_LEADS, CAPTION_PHRASES) | IMAGE_COUNTER_CUES,
    "copyright-footer": COPYRIGHT_CUES | {COPYRIGHT_CUE},
    "advertisement": words_of(AD_PHRASES),
    "related-list": words_of(RELATED_PHRASES),
    "read-more-teaser": words_of(TEASER_PHRASES, RELATED_PHRASES),
    "comments-label": words_of(COMMENT_PHRASES) | {"replies", "responses", "thoughts", "reactions", "published",
                                                  "veröffentlicht", "publiée", "publicada", "pubblicato",
                                                  "publicado", "gepubliceerd", "opublikowany", "опубликован",
                                                  "required"},
    "share-bar": SHARE_CORE_TOKENS,
    "navigation": NAV_TOKENS,
    "legal-links": LEGAL_CUES,
    "newsletter-box": NEWSLETTER_CUES,
    "cookie-notice": COOKIE_WORDS,
    "script-notice": frozenset({"javascript", "js", "browser", "navigateur", "navegador"}),
    "tag-list": words_of(TAG_LEADS),
    "byline": words_of(BYLINE_LEADS) | ROLE_TOKENS,
    "date-line": frozenset({DIGIT_CUE, "ago", "yesterday", "today", "now"}),
    "truncated-teaser": frozenset({ELLIPSIS_CUE}),
    "inline-list": frozenset({SEPARATOR_CUE}),
    "slash-pair": frozenset({SLASH_CUE}),
}
RULES: Final[tuple[Rule, ...]] = tuple(
    Rule(r.name, r.why, r.label, r.test, RULE_CUES.get(r.name)) for r in _RULES
)
# Bit i stands for RULES[i]: the rules every block is tried with, and those each cue word adds.
ALWAYS_TRIED: Final = sum(1 << i for i, r in enumerate(RULES) if r.cues is None)
CUE_RULES: Final[dict[str, int]] = {}
for _i, _rule in enumerate(RULES):
    for _cue in _rule.cues or ():
        CUE_RULES[_cue] = CUE_RULES.get(_cue, 0) | (1 << _i)
CUE_WORDS: Final = frozenset(CUE_RULES)  # a block's cues are its tokens among these (one set intersection)

# Rules whose blocks are removed without splitting the article around them: a picture's place, an
# empty form field, a caption printed twice.
NEUTRAL_RULES: Final = frozenset({"dump-artefact", "caption-pair", "advertisement"})

# Lines that name a teaser's source or author: in a list of teasers they part one from the next.
SOURCE_LINES: Final = frozenset({"repeated-line", "site-template", "byline"})
# Labels that head a box of links to other articles ('Related', 'See also:').
BOX_LABELS: Final = frozenset({"related-list", "read-more-teaser"})
# Rules whose lines usually end an article; they cost more than other boilerplate.
TERMINATORS: Final = frozenset({"related-list", "comments-label", "newsletter-box", "copyright-footer",
                         "legal-links", "tag-list"})
# Related-list headings also open boxes set inside an article ('Related', 'Most popular'), so they do
# not bound it; the body does not extend across the others to later prose.
HARD_TERMINATORS: Final = TERMINATORS - {"related-list"}

