"""THE place for patterns, word lists and named rules.

Every removal the extractor makes is decided by a `Rule` defined here, or by one of the context
rules named in `CONTEXT_RULES` (applied in `revise.py`). Patterns are compiled once, grouped by
concept, and joined with `_alt()`. Nothing here names a site: the vocabulary is the generic
language of web page furniture, in several languages.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .model import Block, Label
from .settings import Settings

# ---------------------------------------------------------------------------------------------
# Text measures
# ---------------------------------------------------------------------------------------------

WORD = re.compile(r"\w+")
# Scripts written without spaces: each character counts as half a word.
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
SENTENCE_END = re.compile(r"""[.!?…:;。！？」"”’'»)\]]\s*$""")
LETTER = re.compile(r"[^\W\d_]")


def word_count(text: str) -> int:
    """Words in `text`; a run of CJK characters counts half a word per character."""
    cjk = len(CJK.findall(text)) if not text.isascii() else 0
    if not cjk:
        return len(WORD.findall(text))
    return len(WORD.findall(CJK.sub(" ", text))) + cjk // 2


def normalize(text: str) -> str:
    """A line's identity for repetition checks: lower-case words only."""
    return " ".join(WORD.findall(text.lower()))


# ---------------------------------------------------------------------------------------------
# Vocabulary, grouped by concept
# ---------------------------------------------------------------------------------------------


def _alt(words: Iterable[str]) -> str:
    """Join escaped-or-regex alternatives; an empty group would match everything, so refuse it."""
    items = tuple(words)
    if not items:
        raise ValueError("empty token group")
    return "(?:" + "|".join(items) + ")"


COPYRIGHT_WORDS = (
    r"©", r"\(c\)\s*(?:19|20)\d\d", r"\bcopyright\b", r"all rights reserved", r"alle rechte vorbehalten",
    r"tous droits réservés", r"todos los derechos reservados", r"tutti i diritti riservati",
    r"todos os direitos reservados", r"alle rechten voorbehouden", r"版权所有", r"無断転載",
    r"\ball right reserved",
)
LEGAL_WORDS = (
    r"privacy (?:policy|notice|statement|settings|center|centre)", r"terms (?:of|and) (?:use|service|conditions)",
    r"terms & conditions", r"cookie (?:policy|settings|preferences)", r"ad ?choices", r"do not sell",
    r"accessibility statement", r"site ?map", r"contact us", r"about us", r"advertise with us",
    r"impressum", r"datenschutz", r"mentions légales", r"aviso legal", r"política de privacidad",
    r"informativa (?:sulla )?privacy", r"user agreement", r"community guidelines", r"careers",
)
TEASER_WORDS = (
    r"read more", r"read the full (?:story|article)", r"continue reading", r"keep reading", r"see also",
    r"read also", r"also read", r"related(?: articles?| stories| coverage| content| posts| news| topics)?",
    r"more from", r"more on this", r"more stories", r"more news", r"recommended(?: for you)?",
    r"you (?:may|might) (?:also )?(?:like|enjoy|be interested in)", r"most (?:read|popular|viewed|shared)",
    r"trending(?: now| stories)?", r"read next", r"up next", r"what to read next", r"top stories",
    r"latest (?:news|stories|articles)", r"editor'?s picks", r"don'?t miss", r"popular (?:now|stories)",
    r"lire (?:aussi|la suite|plus)", r"à lire (?:aussi|également)", r"weiterlesen", r"mehr zum thema",
    r"lesen sie (?:auch|mehr)", r"leer más", r"lee también", r"leggi anche", r"leggi (?:di più|tutto)",
    r"leia (?:mais|também)", r"lees (?:meer|ook)", r"view all(?: results?)?", r"no results?",
    r"load more", r"show more", r"see more", r"more$",
)
SHARE_WORDS = (
    r"share", r"shares", r"sharing", r"share this(?: article| story| page)?", r"share on", r"tweet",
    r"facebook", r"twitter", r"x", r"linkedin", r"whatsapp", r"pinterest", r"reddit", r"tumblr",
    r"telegram", r"email", r"e-mail", r"mail", r"print", r"copy link", r"copy", r"link", r"flipboard",
    r"messenger", r"sms", r"comments?", r"save", r"bookmark", r"gift(?: this)? article", r"teilen",
    r"partager", r"compartir", r"condividi", r"compartilhar", r"delen", r"on",
)
NEWSLETTER_WORDS = (
    r"newsletters?", r"subscribe", r"subscription", r"subscriber", r"sign up", r"signup", r"sign in",
    r"log ?in", r"log out", r"register", r"create (?:an |a free )?account", r"inbox", r"get (?:the|our) latest",
    r"unlimited (?:digital )?access", r"already (?:a subscriber|have an account)", r"free trial",
    r"abonnieren", r"abonnez-vous", r"s'abonner", r"suscríbete", r"suscribirse", r"iscriviti", r"assine",
    r"donate", r"support (?:our|us)",
)
COOKIE_WORDS = (
    r"cookies?", r"consent", r"we use cookies", r"accept all", r"manage (?:preferences|settings)",
    r"your privacy choices",
)
CREDIT_WORDS = (
    r"getty images", r"shutterstock", r"istock(?:photo)?", r"associated press", r"ap photo", r"reuters",
    r"afp", r"epa", r"dpa", r"file photo", r"handout",
)
CAPTION_LEAD = (
    r"photo", r"photos", r"photograph", r"image", r"images", r"picture", r"pictured", r"credit",
    r"illustration", r"video", r"foto", r"bild", r"source", r"caption", r"gallery",
)
AD_WORDS = (
    r"advertisement", r"advertising", r"sponsored(?: content| links?)?", r"ad", r"ads", r"promoted",
    r"story continues below(?: advertisement)?", r"article continues below", r"anzeige", r"werbung",
    r"publicité", r"publicidad", r"pubblicità", r"publicidade", r"paid content", r"partner content",
)
NAV_WORDS = (
    r"home", r"menu", r"search", r"skip to (?:main )?content", r"skip to navigation", r"toggle navigation",
    r"close", r"back to top", r"top", r"next", r"previous", r"prev", r"next (?:article|story|post)",
    r"previous (?:article|story|post)", r"open menu", r"main menu", r"navigation", r"sections", r"more",
    r"all sections", r"edition", r"english", r"español", r"deutsch", r"français", r"loading(?:\.\.\.)?",
    r"startseite", r"accueil", r"inicio", r"suche", r"recherche", r"buscar", r"cerca",
    r"watch", r"listen", r"play", r"follow us", r"follow", r"expand", r"collapse", r"hide caption",
    r"toggle caption", r"enlarge this image", r"zoom", r"fullscreen", r"back",
)
COMMENT_WORDS = (
    r"\d+\s+comments?", r"leave a (?:comment|reply)", r"post a comment", r"add a comment",
    r"comments?", r"join the (?:conversation|discussion)", r"show comments", r"view comments",
    r"commentaires?", r"kommentare?", r"comentarios?", r"commenti",
)
TAG_LEAD = (r"tags", r"topics", r"filed under", r"posted in", r"categories", r"category", r"keywords",
            r"schlagworte", r"thèmes", r"etiquetas")
MONTHS = (
    r"jan(?:uary|\.)?", r"feb(?:ruary|\.)?", r"mar(?:ch|\.)?", r"apr(?:il|\.)?", r"may", r"june?",
    r"july?", r"aug(?:ust|\.)?", r"sep(?:t(?:ember)?|\.)?", r"oct(?:ober|\.)?", r"nov(?:ember|\.)?",
    r"dec(?:ember|\.)?",
)
WEEKDAYS = (r"mon(?:day)?", r"tue(?:s|sday)?", r"wed(?:nesday)?", r"thu(?:rs|rsday)?", r"fri(?:day)?",
            r"sat(?:urday)?", r"sun(?:day)?")
BYLINE_LEAD = (r"by", r"von", r"par", r"por", r"di", r"door", r"written by", r"words by", r"reporting by",
               r"story by", r"posted by", r"author")
AUTHOR_TITLE_WORDS = (
    r"writer", r"correspondent", r"reporter", r"editor", r"columnist", r"contributor", r"staff",
    r"journalist", r"bureau chief", r"analyst", r"producer",
)

# ---------------------------------------------------------------------------------------------
# Compiled patterns, named by meaning
# ---------------------------------------------------------------------------------------------

_I = re.IGNORECASE
COPYRIGHT = re.compile(_alt(COPYRIGHT_WORDS), _I)
LEGAL = re.compile(r"\b" + _alt(LEGAL_WORDS) + r"\b", _I)
TEASER = re.compile(r"^\W*" + _alt(TEASER_WORDS) + r"\b(?:\s*[:»›>→.…-]+)?", _I)
TEASER_ALONE = re.compile(r"^\W*" + _alt(TEASER_WORDS) + r"\W*$", _I)
SHARE_ONLY = re.compile(r"^(?:\W*" + _alt(SHARE_WORDS) + r"\b)+\W*(?:\d+\W*)?$", _I)
NEWSLETTER = re.compile(r"\b" + _alt(NEWSLETTER_WORDS) + r"\b", _I)
COOKIE = re.compile(r"\b" + _alt(COOKIE_WORDS) + r"\b", _I)
CREDIT = re.compile(r"\b" + _alt(CREDIT_WORDS) + r"\b", _I)
CAPTION = re.compile(r"^\W*" + _alt(CAPTION_LEAD) + r"s?\s*(?:credit)?\s*[:/|©]", _I)
IMAGE_COUNTER = re.compile(r"\b(?:image|photo|picture|slide|bild|foto)\s+\d+\s+(?:of|/|von|de|di|sur)\s+\d+\b", _I)
AD_LINE = re.compile(r"^\W*" + _alt(AD_WORDS) + r"\W*$", _I)
NAV_LINE = re.compile(r"^\W*" + _alt(NAV_WORDS) + r"(?:\W+" + _alt(NAV_WORDS) + r")*\W*$", _I)
COMMENT_LINE = re.compile(r"^\W*" + _alt(COMMENT_WORDS) + r"\W*(?:\(\d+\))?\W*$", _I)
TAG_LINE = re.compile(r"^\W*" + _alt(TAG_LEAD) + r"\s*:", _I)
URL_LINE = re.compile(r"^\W*(?:https?://|www\.)\S+\W*$", _I)
URL = re.compile(r"https?://[^\s<>\"')\]]+", _I)
SYNDICATION = re.compile(
    r"^\s*(?:the post .{3,300}? appeared first on|this (?:article|story|post) (?:was )?(?:originally|first) "
    r"(?:appeared|published|posted)(?: (?:on|in|at|by))?|(?:originally|first) (?:published|appeared|posted) "
    r"(?:on|in|at|by))\s+(?P<source>[^.]{2,80}?)\s*\.?\s*$",
    _I,
)
REFERENCES_HEAD = re.compile(r"^\s*(?:references|visible links|hidden links:?)\s*$", _I)
REFERENCE_ITEM = re.compile(r"^\s*\d+\.\s+(?:https?|file|ftp|mailto|javascript):\S*\s*$", _I)

MONTH = _alt(MONTHS)
WEEKDAY = _alt(WEEKDAYS)
# "December 2, 2025", "Dec. 2 2025", "2 December 2025", "2025-12-02", "12/02/2025", with optional time.
DATE = re.compile(
    r"\b(?:(?P<mdy_m>" + MONTH + r")\s+(?P<mdy_d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<mdy_y>(?:19|20)\d\d)"
    r"|(?P<dmy_d>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?P<dmy_m>" + MONTH + r")\.?,?\s+(?P<dmy_y>(?:19|20)\d\d)"
    r"|(?P<iso_y>(?:19|20)\d\d)[-/.](?P<iso_m>\d{1,2})[-/.](?P<iso_d>\d{1,2})"
    r"|(?P<num_a>\d{1,2})[/.](?P<num_b>\d{1,2})[/.](?P<num_y>(?:19|20)\d\d))\b",
    _I,
)
TIME = re.compile(r"\b(?P<h>[012]?\d)[:.h](?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?\s*(?P<ampm>[ap]\.?m\.?)?", _I)
DATE_NOISE = re.compile(
    r"\b(?:" + WEEKDAY + r"|updated|published|posted|last|modified|on|at|am|pm|a\.m\.|p\.m\.|[a-z]{1,4}t|utc|gmt"
    r"|edt|est|pdt|pst|cet|cest|bst|ist|et|pt|ct|mt|and|by|date|time|\d+|st|nd|rd|th|of)\b",
    _I,
)
BYLINE = re.compile(r"^\s*" + _alt(BYLINE_LEAD) + r"\s*:?\s+(?P<names>\S.{1,150})$", _I)
AUTHOR_TITLE = re.compile(r",\s*(?:[\w.]+\s+){0,3}" + _alt(AUTHOR_TITLE_WORDS) + r"s?\b.*$", _I)
NAME_SPLIT = re.compile(r"\s*(?:,|\band\b|&|\bund\b|\bet\b|\by\b|\be\b)\s*", _I)
SECTION_LINE = re.compile(r"^\s*(?:in|posted in|filed (?:in|under)|category:?)\s+(?P<section>[A-Z][\w&' -]{1,40})\s*$")
TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·•»]\s+")

# Dump markup: lynx link markers, markdown links/images, bullets, headings.
LYNX_MARKER = re.compile(r"\[(?:\d+|IMG|INLINE|BUTTON|image|img)\]")
MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
MD_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))*\)")
MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
BULLET = re.compile(r"^\s*(?:[*+\-•·◦▪o#]|\d{1,3}[.)])\s+(?=\S)")
MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")


# ---------------------------------------------------------------------------------------------
# Word lists loaded from data/
# ---------------------------------------------------------------------------------------------

LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru")


@cache
def stopwords(language: str) -> frozenset[str]:
    """The stopword list of `language` (ISO 639-1), lower-cased."""
    if language not in LANGUAGES:
        raise ValueError(f"no stopword list for {language!r}; known: {', '.join(LANGUAGES)}")
    text = resources.files("newsclean").joinpath(f"data/stopwords-{language}.txt").read_text("utf-8")
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip())


# ---------------------------------------------------------------------------------------------
# Block features and rules
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Features:
    """Measures of one block, computed once and shared by every rule."""

    words: int
    chars: int
    sentence_end: bool
    link_density: float
    letters: int


def features(block: Block) -> Features:
    text = block.text
    chars = len(text)
    return Features(
        words=word_count(text),
        chars=chars,
        sentence_end=bool(SENTENCE_END.search(text)),
        link_density=block.link_chars / chars if chars else 0.0,
        letters=len(LETTER.findall(text)) if chars < 400 else chars,
    )


RuleTest = Callable[[Block, Features, Settings], bool]


@dataclass(frozen=True, slots=True)
class Rule:
    """A named, context-free test; the first rule in RULES that matches a block decides its label."""

    name: str
    why: str
    label: Label
    test: RuleTest


def _short(f: Features, s: Settings) -> bool:
    return f.words <= s.phrase_max_words


def _is_date_line(text: str) -> bool:
    """A line that is a date (with weekday, time or 'Updated'), and next to nothing else."""
    match = DATE.search(text)
    if not match:
        return False
    rest = DATE_NOISE.sub(" ", text[: match.start()] + " " + text[match.end():])
    return len(WORD.findall(rest)) <= 1


def _is_byline(text: str, f: Features) -> bool:
    """'By Jane Doe', 'Von Max Muster und Erika M.': a lead word, then mostly capitalised names."""
    if f.words > 12:
        return False
    match = BYLINE.match(text)
    if not match:
        return False
    names = [w for w in NAME_SPLIT.split(match.group("names")) if w]
    tokens = " ".join(names).split()[:6]
    if not tokens:
        return False
    caps = sum(1 for w in tokens if w[:1].isupper())
    return caps / len(tokens) >= 0.6 and not re.search(r"\b[a-z]{3,}\.$", text)


RULES: tuple[Rule, ...] = (
    Rule("empty", "A block with no letters carries no text.", Label.BAD,
         lambda b, f, s: f.letters == 0),
    Rule("lynx-references", "A dumper's trailing list of numbered link targets.", Label.BAD,
         lambda b, f, s: bool(REFERENCE_ITEM.match(b.text) or REFERENCES_HEAD.match(b.text))),
    Rule("url-line", "A bare URL is an address, not article text.", Label.BAD,
         lambda b, f, s: bool(URL_LINE.match(b.text))),
    Rule("syndication", "'The post ... appeared first on X' credits the original outlet.", Label.BAD,
         lambda b, f, s: f.words <= 60 and bool(SYNDICATION.match(b.text))),
    Rule("copyright-footer", "Copyright and rights-reserved lines belong to the page footer.", Label.BAD,
         lambda b, f, s: f.words <= 25 and bool(COPYRIGHT.search(b.text))),
    Rule("legal-links", "Privacy, terms and contact links are site furniture.", Label.BAD,
         lambda b, f, s: _short(f, s) and not f.sentence_end and bool(LEGAL.search(b.text))),
    Rule("advertisement", "Ad labels and 'story continues below' markers.", Label.BAD,
         lambda b, f, s: bool(AD_LINE.match(b.text))),
    Rule("read-more-teaser", "'Read more', 'See also', 'Related' and similar teaser labels.", Label.BAD,
         lambda b, f, s: bool(TEASER_ALONE.match(b.text))
         or (_short(f, s) and bool(TEASER.match(b.text)) and not f.sentence_end)),
    Rule("share-bar", "Lines made only of share/social button labels.", Label.BAD,
         lambda b, f, s: f.words <= 12 and bool(SHARE_ONLY.match(b.text))),
    Rule("newsletter-box", "Newsletter, subscription and sign-in prompts.", Label.BAD,
         lambda b, f, s: f.words <= 25 and bool(NEWSLETTER.search(b.text))
         and (f.words <= s.phrase_max_words or "newsletter" in b.text.lower())),
    Rule("cookie-notice", "Cookie and consent banners.", Label.BAD,
         lambda b, f, s: f.words <= 40 and bool(COOKIE.search(b.text)) and "cookie" in b.text.lower()),
    Rule("photo-credit", "Photo captions, credits and gallery counters.", Label.BAD,
         lambda b, f, s: bool(IMAGE_COUNTER.search(b.text)) and f.words <= 20
         or (_short(f, s) and bool(CAPTION.match(b.text)))
         or (f.words <= 8 and bool(CREDIT.search(b.text)))),
    Rule("comments-label", "Comment counters and 'leave a comment' prompts.", Label.BAD,
         lambda b, f, s: bool(COMMENT_LINE.match(b.text))),
    Rule("tag-list", "'Tags:' / 'Filed under:' keyword lists.", Label.BAD,
         lambda b, f, s: _short(f, s) and bool(TAG_LINE.match(b.text))),
    Rule("navigation", "Menu words: Home, Search, Skip to content, Next, Previous...", Label.BAD,
         lambda b, f, s: f.words <= 8 and bool(NAV_LINE.match(b.text))),
    Rule("date-line", "A dateline alone; the date goes to the metadata.", Label.BAD,
         lambda b, f, s: f.words <= 14 and _is_date_line(b.text)),
    Rule("byline", "A 'By ...' line; the authors go to the metadata.", Label.BAD,
         lambda b, f, s: _is_byline(b.text, f)),
    Rule("link-dense", "Mostly link text: navigation, not prose.", Label.BAD,
         lambda b, f, s: f.link_density > s.max_link_density and f.words < 40),
    Rule("prose", "Long enough to read as prose on its own.", Label.GOOD,
         lambda b, f, s: f.words >= s.good_words),
    Rule("sentence", "Medium length, ending like a sentence.", Label.NEARGOOD,
         lambda b, f, s: f.words >= s.neargood_words and f.sentence_end),
    Rule("short", "Too short to judge alone; its neighbours decide.", Label.SHORT,
         lambda b, f, s: True),
)

# Rules applied with context (revise.py); named here so --explain and the tests see one list.
CONTEXT_RULES: dict[str, str] = {
    "repeated-line": "A short line printed more than once on the page (menus, the headline as a caption).",
    "menu-run": "A run of short lines outside the article body: menus, link lists.",
    "outside-body": "Outside the main run of prose: header, sidebar or footer text.",
    "related-list": "Headline-like lines interleaved with dates or section names after the body.",
    "short-edge": "A short line at the edge of the body, not between two paragraphs.",
    "headline": "The article's headline; it goes to the metadata.",
    "site-template": "A line found on many pages of the same site.",
}

RULE_NAMES: tuple[str, ...] = tuple(r.name for r in RULES) + tuple(CONTEXT_RULES)
