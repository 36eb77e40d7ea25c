"""THE place for patterns, word lists and named rules.

Every removal the extractor makes is decided by a `Rule` defined here, or by one of the context
rules of `context.py` (between whose stages `revise.py` chooses the body). Vocabulary is grouped by concept as
lower-case phrases; patterns are compiled once and named by meaning. Nothing here names a site:
the vocabulary is the generic language of web page furniture, in several languages.

Speed: most blocks of a page are short menu lines. Each block is lower-cased and split into word
tokens once (`Features`); rules then test set membership and prefixes, and run a regular
expression only when a cheap token test says it can match.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Final

from .model import Block, Features, Label
from .settings import Settings

# ---------------------------------------------------------------------------------------------
# Text measures
# ---------------------------------------------------------------------------------------------

WORD: Final = re.compile(r"\w+")
# Scripts written without spaces: each character counts as half a word.
CJK: Final = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
HANGUL: Final = re.compile(r"[\uac00-\ud7af]")
# Thai, Lao, Myanmar and Khmer: no spaces between words (a space parts phrases or sentences), and
# Thai and Lao have no full stop. A word is taken as four letters.
SPACELESS: Final = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")
SPACELESS_WORD_LETTERS: Final = 4
THAI_LAO: Final = re.compile(r"[\u0e00-\u0eff]")
# A block this long that ends in one of those letters ends as a sentence does (Thai and Lao prose).
SPACELESS_SENTENCE_CHARS: Final = 60
# Characters that end a sentence (or a quoted one); blocks arrive stripped, so the last one decides.
SENTENCE_END_CHARS: Final = frozenset(""".!?…:;。！？」"”’'»)]။។""")
# Emoji and pictographs a sentence may end with after its full stop ('See you soon! 🙂').
TRAILING_SYMBOLS: Final = re.compile(r"[\s\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d]+$")
ELLIPSIS_END: Final = re.compile(r"(?:\.\.\.|…|\[…\]|\[\.\.\.\])\s*$")
LETTER: Final = re.compile(r"[^\W\d_]")
# HTML tags and script statements that open a line of source code left in a dump.
MARKUP_LINE: Final = re.compile(
    r"</?(?:script|a|img|div|span|p|iframe|noscript|table|td|tr|th|tbody|font|br|hr|input|form|object|"
    r"embed|param|link|meta|style|center|b|i|u|strong|em|ul|li|ol|h[1-6]|area|map|select|option|!--|!\[cdata)\b"
    r"|(?:document\.write|var\s+\w+\s*=|function\s+\w*\s*\(|window\.\w|googletag\.)", re.IGNORECASE)
MARKUP_STARTS: Final = frozenset("<dvfwgDVFWG")
# Marks that any run of prose holds at least one of, whatever its script.
PUNCTUATION: Final = re.compile(r"[.,;:!?…。，、！？；：।॥،؛؟«»\"“”„()]")
FULL_STOP: Final = re.compile(r"[.!?…。！？।॥؟။។]")  # marks that end a sentence, in any script
INLINE_SEPARATOR: Final = re.compile(r"\s[|·•]\s")
# A part of a ' | '-joined line this long is a clause, not a link's label.
INLINE_LIST_MAX_ITEM_WORDS: Final = 8
# "Jane Doe / Reuters", "Sign In / Sign Up": capitalised names on both sides of one slash.
_CAPITALISED: Final = r"[A-Z][\w.'’&-]*"
SLASH_PAIR: Final = re.compile(
    rf"^{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,3}}\s+/\s+{_CAPITALISED}(?:\s+(?:{_CAPITALISED}|of|de|for|and)){{0,4}}$")
# Small words that stay lower-case in Title Case headlines.
MINOR_WORDS: Final = frozenset({
    "a", "an", "the", "of", "in", "on", "to", "for", "and", "or", "at", "by", "with", "is", "as", "from", "vs",
    "via", "but", "nor", "into", "over", "than",
})


def _sentence_between_separators(text: str, feat: Features) -> bool:
    """A sentence with a ' • ' or ' | ' inside ('Tickets cost $20 • doors open at 7 p.m. at the
    Town Hall.'): it ends as a sentence and one of its parts is a clause of its own."""
    return feat.sentence_end and max(len(part.split()) for part in INLINE_SEPARATOR.split(text)) \
        >= INLINE_LIST_MAX_ITEM_WORDS


def word_count(text: str) -> int:
    """Words in `text` (runs between spaces); CJK characters count half a word each, letters of
    the other scripts written without spaces (SPACELESS) a quarter."""
    if text.isascii():
        return len(text.split())
    cjk = len(CJK.findall(text))
    spaceless = len(SPACELESS.findall(text))
    if not cjk and not spaceless:
        return len(text.split())
    rest = SPACELESS.sub(" ", CJK.sub(" ", text))
    return len(rest.split()) + cjk // 2 + spaceless // SPACELESS_WORD_LETTERS


def ends_sentence(text: str) -> bool:
    """True when the text ends like a sentence, emoji after the final punctuation aside."""
    last = text[-1:]
    if last in SENTENCE_END_CHARS:
        return True
    if len(text) >= SPACELESS_SENTENCE_CHARS and THAI_LAO.search(text, len(text) - 12):
        return True  # Thai and Lao have no full stop: a long block ends its last sentence
    return last > "\u2600" and TRAILING_SYMBOLS.sub("", text)[-1:] in SENTENCE_END_CHARS


# A byte table: ASCII bytes that are no part of a word (\w) become spaces, all others stay.
_ASCII_NON_WORD: Final = bytes(c if c >= 128 or chr(c).isalnum() or chr(c) == "_" else 32 for c in range(256))


def lower_words(text: str) -> list[str]:
    """WORD.findall(text.lower()): the words of `text`, lower-cased, found faster (a byte table,
    then a split; the pattern only for pieces with other than ASCII characters)."""
    lowered = text.lower()
    # ASCII characters that are no part of a word become spaces (UTF-8 bytes of other characters
    # are all >= 128 and stay), then the split: each piece is a run of word characters, unless it
    # holds other characters, which the word pattern then takes apart.
    raw = lowered.encode("utf-8", "surrogatepass").translate(_ASCII_NON_WORD)
    pieces = raw.decode("utf-8", "surrogatepass").split()
    if lowered.isascii():
        return pieces
    words: list[str] = []
    for piece in pieces:
        if piece.isascii():
            words.append(piece)
        else:
            words.extend(WORD.findall(piece))
    return words


def squeeze(text: str) -> str:
    """Words separated by single spaces, none at either end: " ".join(text.split()), without
    splitting a line that is so already (every whitespace character but the space is unprintable,
    tests/test_properties.py); model.Block text is made so."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def normalize(text: str) -> str:
    """A block's identity for repetition and phrase checks: lower-case words, single spaces."""
    return " ".join(lower_words(text))


def title_case_ratio(text: str) -> float:
    """Share of the non-minor words that start with a capital letter (0 for fewer than 3 words)."""
    words = [w for w in text.split() if w[0].isalpha() and w.lower() not in MINOR_WORDS]
    if len(words) < 3:
        return 0.0
    return sum([w[0].isupper() for w in words]) / len(words)


# ---------------------------------------------------------------------------------------------
# Vocabulary, grouped by concept (lower-case; phrases are normalized word sequences)
# ---------------------------------------------------------------------------------------------


def _group(*phrases: str) -> tuple[str, ...]:
    """A concept's phrases; an empty group would match everything, so refuse it."""
    if not phrases:
        raise ValueError("empty vocabulary group")
    return phrases


def _tokens(*groups: Iterable[str]) -> frozenset[str]:
    return frozenset(word for group in groups for phrase in group for word in phrase.split())


AD_PHRASES: Final = _group(
    "advertisement", "advertising", "advert", "ad", "ads", "sponsored", "sponsored content", "sponsored links",
    "promoted", "promoted content", "paid content", "partner content", "story continues below",
    "story continues below advertisement", "article continues below", "continue reading below",
    "continue reading the main story", "anzeige", "werbung", "publicité", "publicidad", "pubblicità",
    "publicidade", "реклама", "広告", "광고",
)
TEASER_PHRASES: Final = _group(
    "read more", "read the full story", "read the full article", "continue reading", "keep reading",
    "see also", "read also", "also read", "view all", "view all results", "no result", "no results",
    "load more", "show more", "see more", "lire la suite", "lire plus", "weiterlesen", "lesen sie mehr",
    "leer más", "leggi di più", "leia mais", "saiba mais", "lees meer",
)
# Headings under which a page runs its next article in full: no article continues past them.
NEXT_ARTICLE_PHRASES: Final = frozenset(_group(
    "up next", "read next", "next article", "next story", "what to read next", "coming up next",
    "article suivant", "nächster artikel", "siguiente artículo", "articolo successivo", "próximo artigo",
))
# Headings that open a list of other articles: the article is over where they stand.
RELATED_PHRASES: Final = _group(
    "related", "related articles", "related stories",
    "related coverage", "related content", "related posts", "related news", "related topics", "related video",
    "more from", "more on this", "more stories", "more news", "more like this", "recommended",
    "recommended for you", "you may also like", "you might also like", "you may be interested in",
    "you might be interested in", "most read", "most popular", "most viewed", "most shared", "trending",
    "trending now", "trending stories", "read next", "up next", "what to read next", "top stories",
    "latest news", "latest stories", "latest articles", "editors picks", "editor s picks", "don t miss",
    "popular now", "popular stories", "more to explore", "further reading", "watch more", "more videos",
    "lire aussi", "à lire aussi", "mehr zum thema", "lesen sie auch", "lee también", "leggi anche",
    "leia também", "veja também", "lees ook", "читайте также", "baca juga", "more in", "more on",
    "ähnliche artikel", "das könnte sie auch interessieren", "meistgelesen", "articles similaires",
    "sur le même sujet", "les plus lus", "artículos relacionados", "noticias relacionadas", "lo más leído",
    "articoli correlati", "i più letti", "artigos relacionados", "notícias relacionadas", "mais lidas",
    "gerelateerde artikelen", "meest gelezen", "podobne artykuły", "czytaj także", "najczęściej czytane",
    "похожие статьи", "похожие новости", "другие новости", "самые популярные", "популярное", "смотрите также",
    "関連記事", "관련 기사", "相关文章",
)
# Labels of a summary box set above an article (bullet points the article then tells in full).
SUMMARY_PHRASES: Final = _group(
    "story highlights", "highlights", "key points", "key takeaways", "at a glance", "in brief", "summary",
    "das wichtigste in kürze", "auf einen blick", "en bref", "l essentiel", "en resumen", "in sintesi",
    "em resumo", "in het kort", "главное", "w skrócie",
)
SHARE_CORE: Final = _group(
    "share", "shares", "sharing", "tweet", "facebook", "twitter", "linkedin", "whatsapp", "pinterest",
    "reddit", "tumblr", "telegram", "email", "mail", "print", "flipboard", "messenger", "sms", "copy link",
    "copied", "bookmark", "teilen", "partager", "compartir", "condividi", "compartilhar", "delen",
    "поделиться",
)
SHARE_FILLER: Final = _group("this", "article", "story", "page", "on", "via", "e", "x", "link", "copy", "save",
                      "gift", "comment", "comments", "the", "to", "by", "or",
                      # 'Click to share on Twitter (Opens in new window)', 'Click to email this to a friend'
                      "click", "opens", "in", "a", "new", "window", "friend")
NAV_PHRASES: Final = _group(
    "home", "menu", "search", "skip to content", "skip to main content", "skip to navigation",
    "toggle navigation", "close", "back to top", "top", "next", "previous", "prev", "next article",
    "next story", "previous article", "previous story", "open menu", "main menu", "navigation", "sections",
    "all sections", "more", "edition", "loading", "watch", "listen", "play", "replay", "follow", "follow us",
    "expand", "collapse", "hide caption", "toggle caption", "enlarge this image", "zoom", "fullscreen",
    "back", "video", "videos", "photos", "gallery", "live", "news", "latest", "subscribe", "log in",
    "sign in", "sign up", "register", "account", "my account", "settings", "help", "faq", "rss", "podcasts",
    "newsletters", "en", "english", "español", "deutsch", "français", "startseite", "accueil", "inicio",
    "suche", "recherche", "buscar", "cerca", "übersicht", "navigation menu", "close menu", "open",
    "go", "ok", "cancel", "report", "report abuse", "copied", "submit", "yes", "no", "all", "view",
    "click here", "here", "page", "of",
)
COMMENT_PHRASES: Final = _group(
    "comment", "comments", "leave a comment", "leave a reply", "post a comment", "add a comment",
    "join the conversation", "join the discussion", "show comments", "view comments", "hide comments",
    "reply", "commentaires", "kommentare", "comentarios", "commenti",
    "comentários", "комментарии", "kommentar schreiben", "laisser un commentaire", "ajouter un commentaire",
    "deja un comentario", "lascia un commento", "deixe um comentário", "reacties", "komentarze",
    "dodaj komentarz", "отзывы", "добавить отзыв", "оставить отзыв", "добавить комментарий",
    "оставить комментарий", "コメント", "댓글", "top comments", "top rated comments", "most recent comments",
    "newest comments", "oldest comments", "latest comments", "reader comments", "readers comments",
)
# The title of a comment form with its buttons ('Leave a Reply Cancel reply'); not 'Add a comment',
# which also heads comment widgets set inside an article.
COMMENT_FORM_LEADS: Final = _group("leave a reply", "leave a reply to", "deja una respuesta", "laisser un commentaire",
                            "schreibe einen kommentar", "lascia un commento", "deixe uma resposta")
# Notices printed only above a comment form: the readers' part of the page starts where they stand.
COMMENT_FORM_NOTICES: Final = _group(
    "your email address will not be published", "your email will not be published", "required fields are marked",
    "you must be logged in to post a comment", "ihre e mail adresse wird nicht veröffentlicht",
    "deine e mail adresse wird nicht veröffentlicht", "votre adresse e mail ne sera pas publiée",
    "votre adresse de messagerie ne sera pas publiée", "tu dirección de correo electrónico no será publicada",
    "il tuo indirizzo email non sarà pubblicato", "o seu endereço de e mail não será publicado",
    "o seu endereço de email não será publicado", "uw e mailadres wordt niet gepubliceerd",
    "twój adres e mail nie zostanie opublikowany", "ваш адрес email не будет опубликован",
)
# Notices a page shows when scripts or plug-ins do not run: no article text.
SCRIPT_NOTICE_PATTERN: Final = _group(
    r"(?:requires?|needs?|enable|activate|turn on|uses?) (?:javascript|js)",
    r"javascript (?:is )?(?:disabled|required)",
    r"(?:browser|navigateur|navegador) (?:does not|doesn t|is not able to|cannot|can t) (?:support|play|display)",
    r"(?:upgrade|update) your browser", r"javascript aktivieren", r"activez javascript", r"habilita javascript",
)
CAPTION_LEADS: Final = _group(
    "photo", "photos", "photograph", "image", "images", "picture", "pictured", "credit", "credits",
    "illustration", "foto", "fotos", "bild", "source", "caption", "gallery", "photography", "фото",
)
# Words that name a picture when a caption ends by crediting it ('(Image: Getty)'); not 'source',
# which also credits the figures of an article's own sentence.
PICTURE_LEADS: Final = _group("photo", "photos", "photograph", "image", "images", "picture", "credit", "credits",
                       "illustration", "foto", "fotos", "bild", "фото")
# Two-word leads that mark a caption or credit without any punctuation after them.
CAPTION_PHRASES: Final = _group(
    "file photo", "image copyright", "image caption", "image source", "photo credit", "image credit",
    "photograph by", "photo by", "picture by", "photos by", "media caption", "video caption",
    "getty images", "ap photo",
)
CREDIT_TOKENS: Final = _tokens(_group(
    "getty", "shutterstock", "istock", "istockphoto", "reuters", "afp", "epa", "dpa", "ap", "xinhua",
    "alamy", "handout", "pool", "imago", "efe",
))
TAG_LEADS: Final = _group("tags", "tag", "topics", "topic", "filed under", "posted in", "categories", "category",
                   "keywords", "schlagworte", "themen", "thèmes", "etiquetas", "temas", "argomenti")
BYLINE_LEADS: Final = _group("by", "von", "par", "por", "di", "door", "written by", "words by", "reporting by",
                      "story by", "posted by", "author", "authors", "autor", "auteur")
COPYRIGHT_PATTERN: Final = _group(
    r"©", r"\(c\) ?(?:19|20)\d\d", r"\bcopyright\b", r"\ball rights? reserved", r"alle rechte vorbehalten",
    r"tous droits réservés", r"todos los derechos reservados", r"tutti i diritti riservati",
    r"todos os direitos reservados", r"alle rechten voorbehouden", r"版权所有", r"無断転載", r"무단",
    r"все права защищены",
)
COPYRIGHT_CUES: Final = _tokens(_group("copyright", "reserved", "c", "rechte", "droits", "derechos", "diritti",
                                "direitos", "rechten", "права"))
LEGAL_PATTERN: Final = _group(
    r"privacy (?:policy|notice|statement|settings|center|centre)", r"terms (?:of|and) (?:use|service|conditions)",
    r"terms conditions", r"cookie (?:policy|settings|preferences)", r"ad ?choices", r"do not sell",
    r"accessibility(?: statement)?", r"site ?map", r"contact us", r"about us", r"advertise with us",
    r"impressum", r"datenschutz", r"mentions légales", r"aviso legal", r"política de privacidad",
    r"privacy", r"user agreement", r"community guidelines", r"careers", r"corrections",
)
LEGAL_CUES: Final = _tokens(_group("privacy", "terms", "cookie", "choices", "adchoices", "sell", "accessibility",
                            "sitemap", "site", "contact", "about", "advertise", "impressum", "datenschutz",
                            "légales", "legal", "privacidad", "agreement", "guidelines", "careers",
                            "corrections"))
NEWSLETTER_PATTERN: Final = _group(
    r"newsletters?", r"subscribe", r"subscription", r"subscribers?", r"sign up", r"signup", r"sign in",
    r"log ?in", r"log out", r"register", r"create (?:an |a free )?account", r"inbox", r"get (?:the|our) latest",
    r"unlimited (?:digital )?access", r"already (?:a subscriber|have an account)", r"free trial",
    r"abonnieren", r"abonnez vous", r"s abonner", r"suscríbete", r"suscribirse", r"iscriviti", r"assine",
    r"donate", r"support (?:our|us)", r"download (?:the|our) app", r"get the app", r"app store",
    r"google play",
)
NEWSLETTER_CUES: Final = _tokens(_group(
    "newsletter", "newsletters", "subscribe", "subscription", "subscriber", "subscribers", "sign", "signup",
    "login", "log", "register", "account", "inbox", "latest", "unlimited", "already", "trial", "abonnieren",
    "abonnez", "abonner", "suscríbete", "suscribirse", "iscriviti", "assine", "donate", "support", "app",
    "play",
))
COOKIE_WORDS: Final = _tokens(_group("cookie", "cookies"))
# A cookie banner talks about the site and the reader's choices, not about baking.
COOKIE_CONTEXT: Final = _tokens(_group("use", "uses", "policy", "settings", "preferences", "accept", "consent",
                                "privacy", "website", "site", "browsing", "experience", "continue"))
IMAGE_COUNTER_CUES: Final = _tokens(_group("image", "photo", "picture", "slide", "bild", "foto", "of", "von"))
MONTHS: Final = _group(
    r"jan(?:uary|\.)?", r"feb(?:ruary|\.)?", r"mar(?:ch|\.)?", r"apr(?:il|\.)?", r"may", r"june?",
    r"july?", r"aug(?:ust|\.)?", r"sep(?:t(?:ember)?|\.)?", r"oct(?:ober|\.)?", r"nov(?:ember|\.)?",
    r"dec(?:ember|\.)?",
)
# Month names of other languages, as a date prints them after its day ('3 de diciembre de 2025',
# '3. Dezember 2025', 'le 3 décembre 2025', '3 марта 2025'): name -> month number.
LOCAL_MONTHS: Final[dict[str, int]] = {name: number for number, names in enumerate((
    ("enero", "janvier", "januar", "jänner", "gennaio", "janeiro", "januari", "января", "styczeń", "stycznia"),
    ("febrero", "février", "fevrier", "februar", "febbraio", "fevereiro", "februari", "февраля", "lutego"),
    ("marzo", "mars", "märz", "marz", "março", "marco", "maart", "марта", "marca"),
    ("abril", "avril", "aprile", "april", "апреля", "kwietnia"),
    ("mayo", "mai", "maggio", "maio", "mei", "мая", "maja"),
    ("junio", "juin", "juni", "giugno", "junho", "июня", "czerwca"),
    ("julio", "juillet", "juli", "luglio", "julho", "июля", "lipca"),
    ("agosto", "août", "aout", "augustus", "августа", "sierpnia"),
    ("septiembre", "setiembre", "septembre", "settembre", "setembro", "сентября", "września"),
    ("octubre", "octobre", "oktober", "ottobre", "outubro", "октября", "października"),
    ("noviembre", "novembre", "november", "novembro", "ноября", "listopada"),
    ("diciembre", "décembre", "decembre", "dezember", "dicembre", "dezembro", "december", "декабря", "grudnia"),
), 1) for name in names}
LOCAL_MONTH: Final = "(?:" + "|".join(sorted(LOCAL_MONTHS, key=len, reverse=True)) + ")"
WEEKDAYS: Final = _group(r"mon(?:day)?", r"tue(?:s|sday)?", r"wed(?:nesday)?", r"thu(?:rs|rsday)?", r"fri(?:day)?",
                  r"sat(?:urday)?", r"sun(?:day)?")
# Words that name a newsroom's desk ('Staff', 'Editorial', 'Redaktion'): a credit of one is the outlet's.
DESK_WORDS: Final = frozenset(_group(
    "staff", "editorial", "editors", "desk", "newsroom", "redaktion", "rédaction", "redacción", "redazione",
    "wire", "reporters",
))
# Words that make a byline name an organisation or a desk rather than a person.
ORGANISATION_WORDS: Final = DESK_WORDS | frozenset(_group(
    "news", "team", "agency", "press", "media", "inc", "ltd", "llc", "group", "network", "online", "magazine",
    "business", "international", "times", "post", "daily", "digital", "service",
))
AUTHOR_TITLE_WORDS: Final = _group(
    r"writer", r"correspondent", r"reporter", r"editor", r"columnist", r"contributor", r"staff",
    r"journalist", r"bureau chief", r"analyst", r"producer",
)

# HTML: elements that never hold article text, elements and ARIA roles that hold page chrome.
DROP_TAGS: Final = _group("script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas",
                   "select", "button", "input", "textarea", "option", "head", "map", "audio", "video")
CHROME_TAGS: Final = _group("nav", "aside", "footer", "menu", "dialog", "figcaption")
CHROME_ROLES: Final = frozenset(_group("navigation", "complementary", "contentinfo", "menu", "menubar", "dialog",
                                "alertdialog", "search", "banner", "toolbar", "tablist"))
# Class and id words of page chrome, by kind: a container named with one of them is removed (the
# article's own container and its ancestors excepted). Whole words ("ad" is not "add"), or the
# start of a word for the longer ones ("sharebar", "commentlist").
CHROME_WORDS: Final[dict[str, tuple[str, ...]]] = {
    "navigation": _group("nav", "navbar", "navigation", "menu", "menubar", "breadcrumb", "breadcrumbs",
                         "skiplink", "skip", "topbar", "subnav", "megamenu", "hamburger", "pagination",
                         "pager"),
    "footer": _group("footer", "colophon", "copyright", "site-info", "siteinfo"),
    "sidebar": _group("sidebar", "aside", "rail", "widget", "widgets", "secondary"),
    "comments": _group("comment", "comments", "disqus", "respond", "replies", "discussion"),
    "share": _group("share", "sharing", "social", "addthis", "sharethis", "socialmedia", "sharebar"),
    "related": _group("related", "recommended", "recommendation", "recommendations", "outbrain", "taboola",
                      "trending", "popular", "mostread", "most-read", "readnext", "read-next", "more-stories",
                      "morestories", "also-read", "teaser", "teasers", "promo", "promos"),
    "newsletter": _group("newsletter", "subscribe", "subscription", "signup", "paywall", "registration",
                         "inline-signup"),
    "advert": _group("ad", "ads", "advert", "adverts", "advertisement", "advertising", "adslot", "ad-slot",
                     "adunit", "ad-unit", "dfp", "sponsor", "sponsored", "banner", "billboard"),
    "cookie": _group("cookie", "cookies", "consent", "gdpr"),
    "overlay": _group("modal", "popup", "overlay", "lightbox", "tooltip", "hidden", "visually-hidden",
                      "sr-only", "screen-reader-text"),
    "caption": _group("caption", "captions", "figcaption", "wp-caption-text"),
    "tags": _group("tags", "tag-list", "taglist", "keywords", "topics"),
    "author-bio": _group("author-bio", "authorbio", "bio", "about-author", "author-info"),
}
# Chrome words that also name a state, a layout part or a utility inside a longer class name
# ('overflow-hidden', 'field--label-hidden', 'elementor-widget-wrap', 'skip-item', 'has-rail-right',
# 'teaser-text' for a lead): they name chrome only as a whole class token (class="hidden", class="widget
# ..."). Measured word by word on every development set; 'ad', 'banner', 'promo', 'secondary' and
# 'overlay' inside longer names are chrome more often than not, and stay strong.
WEAK_CHROME_WORDS: Final = frozenset(_group("hidden", "widget", "widgets", "skip", "rail", "teaser", "teasers"))
# Class tokens that state what a box has or lacks ('has-sidebar', 'no-comments', 'non-paywall'):
# a modifier on a box of any kind, never the name of a chrome box.
STATE_PREFIXES: Final = ("has-", "no-", "non-")
# Kinds of chrome box whose paragraphs are never the article's (the container is sought elsewhere).
FOREIGN_KINDS: Final = frozenset({"comments", "cookie", "newsletter"})
# Words that look like chrome words but name content.
CHROME_EXCEPTIONS: Final = frozenset(_group("commentary", "commentaries", "shared", "shares", "adjust", "address",
                                     "header", "headline", "menuitem", "advertorial", "nav-content"))
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


# ---------------------------------------------------------------------------------------------
# Compiled patterns and lookup sets, named by meaning
# ---------------------------------------------------------------------------------------------


def _alt(items: Iterable[str]) -> str:
    group = tuple(items)
    if not group:
        raise ValueError("empty alternation")
    return "(?:" + "|".join(group) + ")"


_I: Final = re.IGNORECASE
AD_LINES: Final = frozenset(AD_PHRASES)
TEASER_LINES: Final = frozenset(TEASER_PHRASES)
TEASER_PREFIXES: Final = tuple(p + " " for p in TEASER_PHRASES + RELATED_PHRASES)
RELATED_LINES: Final = frozenset(RELATED_PHRASES)
SUMMARY_LINES: Final = frozenset(SUMMARY_PHRASES)
RELATED_PREFIXES: Final = ("more from ", "more in ", "most read ", "most popular ", "top stories ", "latest news ",
                    "самые популярные ", "les plus lus ", "lo más leído ", "i più letti ", "mais lidas ")
SHARE_CORE_TOKENS: Final = _tokens(SHARE_CORE)
SHARE_TOKENS: Final = SHARE_CORE_TOKENS | _tokens(SHARE_FILLER)
NAV_TOKENS: Final = _tokens(NAV_PHRASES)
COMMENT_LINES: Final = frozenset(COMMENT_PHRASES)
COMMENT_FORM_PREFIXES: Final = tuple(p + " " for p in COMMENT_FORM_LEADS + COMMENT_FORM_NOTICES)
COMMENT_NOTICE_PREFIXES: Final = tuple(p + " " for p in COMMENT_FORM_NOTICES)
CAPTION_PREFIXES: Final = tuple(p + " " for p in CAPTION_LEADS)
CAPTION_PHRASE_PREFIXES: Final = tuple(p + " " for p in CAPTION_PHRASES)
TAG_PREFIXES: Final = tuple(p + " " for p in TAG_LEADS)
BYLINE_PREFIXES: Final = tuple(p + " " for p in BYLINE_LEADS)

COPYRIGHT: Final = re.compile(_alt(COPYRIGHT_PATTERN), _I)
LEGAL: Final = re.compile(r"\b" + _alt(LEGAL_PATTERN) + r"\b")
SCRIPT_NOTICE: Final = re.compile(r"\b" + _alt(SCRIPT_NOTICE_PATTERN) + r"\b")
NEWSLETTER: Final = re.compile(r"\b" + _alt(NEWSLETTER_PATTERN) + r"\b")
CAPTION: Final = re.compile(r"^\W*" + _alt(CAPTION_LEADS) + r"s?(?:\s+(?:credit|by|source))?\s*[:/|©]", _I)
# A caption that ends by crediting its picture: '... in Hong Kong (Image: Getty)', '... Credit: AP'.
CREDIT_TAIL: Final = re.compile(
    r"(?:[(\[]\s*|\b)" + _alt(PICTURE_LEADS) + r"(?:\s+(?:credit|by))?\s*:\s*[^()\[\]:]{1,40}[)\]]?\s*$", _I)
IMAGE_COUNTER: Final = re.compile(
    r"\b(?:image|photo|picture|slide|bild|foto)?\s*(?P<number>\d+)\s*(?:of|/|von|de|di|sur)\s*(?P<total>\d+)\b", _I)
# Where a separator pattern may start: where a run of white space starts, or off white space. With
# it (and the run taken whole, `\s++`), a pattern is tried once per run of spaces, not from each
# space of it: a long run cost quadratic time before.
RUN_START: Final = r"(?:(?<!\s)|(?!\s))"
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
    r"^\s*(?:the post .{3,300}? appeared first on|this (?:article|story|post) (?:was )?(?:originally|first) "
    r"(?:appeared|published|posted)(?: (?:on|in|at|by))?|(?:originally|first) (?:published|appeared|posted) "
    r"(?:on|in|at|by))\s+(?P<source>[^.]{2,80}?)\s*\.?\s*$",
    _I,
)
SYNDICATION_CUES: Final = ("appeared first on", "originally", "first published", "first appeared")
REFERENCES_HEAD: Final = re.compile(r"^\s*(?:references|visible links:?|hidden links:?)\s*$", _I)
REFERENCE_ITEM: Final = re.compile(r"^\s*\d+\.\s+(?:https?|file|ftp|mailto|javascript):\S*\s*$", _I)

MONTH: Final = _alt(MONTHS)
WEEKDAY: Final = _alt(WEEKDAYS)
# "December 2, 2025", "Dec. 2 2025", "2 December 2025", "2025-12-02", "12/02/2025".
DATE: Final = re.compile(  # (the lookahead skips, cheaply, every place no month name or figure starts)
    r"\b(?=[adfjmnos\d])(?:(?P<mdy_m>" + MONTH + r")\s+(?P<mdy_d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<mdy_y>(?:19|20)\d\d)"
    r"|(?P<dmy_d>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?P<dmy_m>" + MONTH + r")\.?,?\s+(?P<dmy_y>(?:19|20)\d\d)"
    r"|(?P<iso_y>(?:19|20)\d\d)[-/.](?P<iso_m>\d{1,2})[-/.](?P<iso_d>\d{1,2})"
    r"|(?P<num_a>\d{1,2})(?P<num_sep>[/.])(?P<num_b>\d{1,2})[/.](?P<num_y>(?:19|20)\d\d)"
    r"|(?P<loc_d>\d{1,2})\.?\s+(?:de\s+)?(?P<loc_m>" + LOCAL_MONTH + r")\s+(?:de\s+|del\s+)?(?P<loc_y>(?:19|20)\d\d)"
    r"|(?P<cjk_y>(?:19|20)\d\d)\s*年\s*(?P<cjk_m>\d{1,2})\s*月\s*(?P<cjk_d>\d{1,2})\s*日)(?:\b|(?<=日))",
    _I,
)
YEAR: Final = re.compile(r"\b(?:19|20)\d\d\b")
YEAR_OR_CLOCK: Final = re.compile(r"(?:19|20)\d\d|\d:\d\d")
RELATIVE_DATE: Final = re.compile(
    r"^\W*(?:updated:?\s+|published:?\s+)?(?:\d+|an?|one)\s+(?:sec(?:ond)?|min(?:ute)?|hour|hr|day|week|month|year)s?"
    r"\s+ago\W*$|^\W*(?:yesterday|today|just now)\W*$",
    _I,
)
TIME: Final = re.compile(r"\b(?P<h>[012]?\d)[:.h](?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?\s*(?P<ampm>[ap]\.?m\.?)?", _I)
DATE_NOISE: Final = re.compile(
    r"\b(?:" + WEEKDAY + r"|updated|published|posted|last|modified|on|at|am|pm|a\.m\.|p\.m\.|[a-z]{1,4}t|utc|gmt"
    r"|edt|est|pdt|pst|cet|cest|bst|ist|et|pt|ct|mt|and|by|date|time|\d+|st|nd|rd|th|of)\b",
    _I,
)
# A line whose printed date is an event's, not the page's: 'Termin: 21.02.2020', 'Veranstaltung am ...'.
EVENT_CUE: Final = re.compile(
    r"\b(?:termine?|veranstaltung(?:en)?|event date|date of (?:the )?event|date de l'événement|fecha del evento"
    r"|data dell'evento)\b", _I)
# What joins the first day of a date range to the date that ends it: '28.01.2022 – 29.01.2022',
# '14. - 20. Januar 2022', '3 to 5 May 2021' (the text before the second date ends with it).
RANGE_JOIN: Final = re.compile(
    r"(?:(?:^|[^\d:.])[0-3]?\d\.?|\b(?:19|20)\d\d)\s*(?:[–—-]|\bbis|\bto|\bau|\bal)\s*$", _I)
# What names the day a title's subject is of, not the page's: 'Protokoll der Sitzung vom 10. Oktober
# 2019', 'Minutes of 3 May 2021' (the title's text before the date ends with it).
DAY_OF: Final = re.compile(r"\b(?:vom|of|from|du|del|dal|van)\s*$", _I)
BYLINE: Final = re.compile(r"^\s*" + _alt(BYLINE_LEADS) + r"\s*:?\s+(?P<names>\S.{1,150})$", _I)
ROLE_TOKENS: Final = frozenset(w for word in AUTHOR_TITLE_WORDS for w in (word, word + "s") if " " not in word)
# Names, then a comma and a role: 'Tom Krisher, AP Auto Writer', 'Jane Doe and John Roe, Staff Writers'.
_NAME: Final = r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}"
ROLE_BYLINE: Final = re.compile(
    rf"^\s*{_NAME}(?:\s*(?:,|&|\band\b)\s*{_NAME})*\s*,\s+(?:[\w.&'-]+\s+){{0,3}}"
    r"(?i:" + _alt(AUTHOR_TITLE_WORDS) + r")s?\b[\w\s.,'-]{0,40}$"
)
AUTHOR_TITLE: Final = re.compile(r",\s*(?:[\w.]+\s+){0,3}" + _alt(AUTHOR_TITLE_WORDS) + r"s?\b.*$", _I)
# What follows the names in a byline: a separator, then a role, an outlet or a date.
BYLINE_TAIL: Final = re.compile(RUN_START + r"(?:\s++[|•·–—]\s+|\s*+,\s*(?=[A-Z]{2}|\d))")
NAME_SPLIT: Final = re.compile(RUN_START + r"(?:\s*+[,;&]\s*|\s++(?:and|und|et|y|e|og|en|i|AND)\s+)")
SECTION_LINE: Final = re.compile(
    r"^\s*(?:in|posted in|filed (?:in|under)|category:?)\s+(?P<section>[A-Z][\w&' -]{1,40})\s*$")
TITLE_SEPARATORS: Final = re.compile(RUN_START + r"\s++[|\-–—:·•»]\s+")

# Dump markup: lynx link markers, markdown links/images, bullets, headings.
LYNX_MARKER: Final = re.compile(r"\[(?:\d+|IMG|INLINE|BUTTON|image|img)\]")
# Markdown links and images in a dump: their text holds no bracket and is bounded (MD_TEXT_CHARS), as
# is the address (MD_ADDRESS_CHARS), so that a line of many '[' is not scanned to its end from each.
MD_TEXT_CHARS: Final = 1000
MD_ADDRESS_CHARS: Final = 2000
MD_IMAGE: Final = re.compile(rf"!\[([^\[\]]{{0,{MD_TEXT_CHARS}}})\]\([^)]{{0,{MD_ADDRESS_CHARS}}}\)")
# What a text browser prints for a page's non-text parts: image names in brackets ('[logo.png]',
# '[IMG]'; a page's own bracketed words hold a space: '[ 12 comments ]', '[ Source ]'), form
# fields ('[ ]', '(*) Yes', '____'), buttons ('(BUTTON) Close'), frames ('IFRAME: url').
DUMP_ARTEFACT: Final = re.compile(
    r"^(?:\[(?:[^\s\[\]]{1,80}|\s*)\]\s*)+$|^(?:\[[ *xX+-]?\]|\([ *]?\))\s|^\(BUTTON\)|^IFRAME:|^_{3,}")
DUMP_ARTEFACT_STARTS: Final = frozenset("[(_I")
MD_LINK: Final = re.compile(rf"\[([^\[\]]{{0,{MD_TEXT_CHARS}}})\]\((?:[^()\s]|\([^)]{{0,{MD_TEXT_CHARS}}}\))"
                            rf"{{0,{MD_ADDRESS_CHARS}}}(?:\s+\"[^\"]{{0,{MD_TEXT_CHARS}}}\")?\)")
MD_HEADING: Final = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
BULLET: Final = re.compile(r"^\s*(?:[*+\-•·◦▪□☆○o#]|\d{1,3}[.)])\s+(?=\S)")
# Emphasis markers at word edges only: 'budget_office@city.gov', 'MAX_LIMIT', '2*rate*value' are text.
# An emphasis holds no marker of its kind and spans at most EMPHASIS_CHARS: a marker without its pair
# is then given up at the next marker, where it scanned the rest of the line (quadratic on a line of
# many underscores, such as a script's). The text is the pattern's last group.
EMPHASIS_CHARS: Final = 1000
MD_EMPHASIS: Final = re.compile(
    "(?<!\\w)(?:" + "|".join(rf"{m}(?=\S)([^{c}]{{1,{EMPHASIS_CHARS}}}?)(?<=\S){m}"
                             for m, c in ((r"\*\*", r"\*"), ("__", "_"), (r"\*", r"\*"), ("_", "_"))) + r")(?!\w)")


# ---------------------------------------------------------------------------------------------
# Word lists loaded from data/
# ---------------------------------------------------------------------------------------------

# The word lists shipped with the package (package data). The package's folder, not this module's
# __file__, which a compiled module may not set to its own place.
DATA: Final = Path(find_spec("newsclean").submodule_search_locations[0]) / "data"  # type: ignore[union-attr, index]
LANGUAGES: Final = ("en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru")
# Regions whose English writes an all-numeric date day first (03/10/2023 is 3 October): a page that
# declares 'en-GB', 'en_AU' (its <html lang>, og:locale) reads 03/10/2023 so.
DAY_FIRST_REGIONS: Final = frozenset({"gb", "uk", "au", "nz", "ie", "in", "za", "sg", "my", "pk", "ng", "ke", "hk"})


@cache
def stopwords(language: str) -> frozenset[str]:
    """The stopword list of `language` (ISO 639-1), lower-cased."""
    if language not in LANGUAGES:
        raise ValueError(f"no stopword list for {language!r}; known: {', '.join(LANGUAGES)}")
    text = (DATA / f"stopwords-{language}.txt").read_text("utf-8")
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip())


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


def is_date_line(text: str) -> bool:
    """A line of dates (with weekday, time, 'Updated'), and next to nothing else."""
    if RELATIVE_DATE.match(text):
        return True
    if not YEAR_OR_CLOCK.search(text) or not DATE.search(text):
        return False
    rest = DATE_NOISE.sub(" ", DATE.sub(" ", text))
    return len(WORD.findall(rest)) <= 1


def is_byline(text: str, f: Features) -> bool:
    """'By Jane Doe', 'Von Max Muster und Erika M.': a lead word, then mostly capitalised names;
    or names followed by a role: 'Tom Krisher, AP Auto Writer'."""
    if f.words > 12:
        return False
    if not _starts(f.key, BYLINE_PREFIXES):
        return ROLE_BYLINE.match(text) is not None
    match = BYLINE.match(text)
    if not match:
        return False
    names = BYLINE_TAIL.split(match.group("names"), maxsplit=1)[0]
    tokens = [t for t in " ".join(w for w in NAME_SPLIT.split(names) if w).split() if t[:1].isalpha()][:6]
    if not tokens:
        return False
    caps = sum(1 for w in tokens if w[:1].isupper())
    return caps / len(tokens) >= 0.6 and not re.search(r"\b[a-z]{3,}\.$", text)


def _share_bar(f: Features) -> bool:
    return (not SHARE_CORE_TOKENS.isdisjoint(f.tokens)
            and all(t in SHARE_TOKENS or t.isdigit() for t in f.tokens))


def _credit_tail(text: str) -> bool:
    tail = text[-_CREDIT_TAIL_CHARS:]
    return ":" in tail and CREDIT_TAIL.search(tail) is not None  # every credit has its colon


def _caption(b: Block, f: Features) -> bool:
    # An agency's name in a short line credits a picture, unless the line names a writer's role.
    if f.words <= 8 and not CREDIT_TOKENS.isdisjoint(f.tokens) and ROLE_TOKENS.isdisjoint(f.tokens):
        return True
    if _starts(f.key, CAPTION_PHRASE_PREFIXES):
        return True
    if _starts(f.key, CAPTION_PREFIXES) and CAPTION.match(b.text):
        return True
    # A counter holds figures ('3 of 12'): without a digit among its tokens, the pattern cannot match.
    return f.words <= 20 and DIGIT_CUE in f.tokens and not IMAGE_COUNTER_CUES.isdisjoint(f.tokens) \
        and bool(IMAGE_COUNTER.search(b.text))


_RULES: Final[tuple[Rule, ...]] = (
    Rule("dump-artefact", "What a text browser prints for images, buttons, frames and form fields.", Label.BAD,
         lambda b, f, s: b.text[:1] in DUMP_ARTEFACT_STARTS and f.words <= 12 and bool(DUMP_ARTEFACT.match(b.text))),
    Rule("empty", "A block with no letters carries no text.", Label.BAD,
         lambda b, f, s: not f.letters),
    Rule("markup", "HTML or script source printed as text (an ad's fallback code, a broken embed).", Label.BAD,
         lambda b, f, s: b.text[:1] in MARKUP_STARTS and bool(MARKUP_LINE.match(b.text))),
    Rule("lynx-references", "A dumper's trailing list of numbered link targets.", Label.BAD,
         lambda b, f, s: (f.words <= 3 and "://" in b.text and bool(REFERENCE_ITEM.match(b.text)))
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
         lambda b, f, s: f.words <= 8 and bool(SLASH_PAIR.match(b.text))),
    Rule("copyright-footer", "Copyright and rights-reserved lines belong to the page footer.", Label.BAD,
         lambda b, f, s: f.words <= 25 and ("©" in b.text or not COPYRIGHT_CUES.isdisjoint(f.tokens))
         and bool(COPYRIGHT.search(b.text))),
    Rule("advertisement", "Ad labels and 'story continues below' markers.", Label.BAD,
         lambda b, f, s: f.key in AD_LINES),
    Rule("related-list", "A 'Related', 'Most read', 'More from' heading opens a list of other articles.",
         Label.BAD,
         lambda b, f, s: f.key in RELATED_LINES or (f.words <= 5 and _starts(f.key, RELATED_PREFIXES)
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
         lambda b, f, s: f.words <= 12 and _share_bar(f)),
    Rule("navigation", "Menu words alone: Home, Search, Skip to content, Next, Previous...", Label.BAD,
         lambda b, f, s: 0 < f.words <= 6 and NAV_TOKENS.issuperset(f.tokens)),
    Rule("legal-links", "Privacy, terms and contact links are site furniture.", Label.BAD,
         lambda b, f, s: _short(f, s) and not f.sentence_end and not LEGAL_CUES.isdisjoint(f.tokens)
         and bool(LEGAL.search(f.key))),
    Rule("newsletter-box", "Newsletter, subscription, sign-in and app prompts.", Label.BAD,
         lambda b, f, s: f.words <= 25 and not NEWSLETTER_CUES.isdisjoint(f.tokens)
         and (f.words <= s.phrase_max_words or "newsletter" in f.tokens or "subscribe" in f.tokens)
         and bool(NEWSLETTER.search(f.key))),
    Rule("script-notice", "'This slideshow requires JavaScript', 'Your browser does not support video'.",
         Label.BAD,
         lambda b, f, s: _short(f, s) and bool(SCRIPT_NOTICE.search(f.key))),
    Rule("cookie-notice", "Cookie and consent banners.", Label.BAD,
         lambda b, f, s: 0 < f.words <= PHRASE_WINDOW and not COOKIE_WORDS.isdisjoint(f.tokens)
         and not COOKIE_CONTEXT.isdisjoint(f.tokens)),
    Rule("tag-list", "'Tags:' / 'Filed under:' keyword lists.", Label.BAD,
         lambda b, f, s: _short(f, s) and _starts(f.key, TAG_PREFIXES) and ":" in b.text[:20]),
    Rule("date-line", "A dateline alone; the date goes to the metadata.", Label.BAD,
         lambda b, f, s: f.words <= 20 and is_date_line(b.text)),
    Rule("byline", "A 'By ...' line; the authors go to the metadata.", Label.BAD,
         lambda b, f, s: is_byline(b.text, f)),
    Rule("link-dense", "Mostly link text: navigation, not prose.", Label.BAD,
         lambda b, f, s: f.link_density > s.max_link_density and f.words < PHRASE_WINDOW),
    Rule("truncated-teaser", "A block cut off with '...' is a teaser for another page.", Label.BAD,
         lambda b, f, s: 4 <= f.words <= 80 and bool(ELLIPSIS_END.search(b.text))),
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
         lambda b, f, s: f.words >= 6 and title_case_ratio(b.text) >= 0.7),
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
    "photo-credit": CREDIT_TOKENS | _tokens(CAPTION_LEADS, CAPTION_PHRASES) | IMAGE_COUNTER_CUES,
    "copyright-footer": COPYRIGHT_CUES | {COPYRIGHT_CUE},
    "advertisement": _tokens(AD_PHRASES),
    "related-list": _tokens(RELATED_PHRASES),
    "read-more-teaser": _tokens(TEASER_PHRASES, RELATED_PHRASES),
    "comments-label": _tokens(COMMENT_PHRASES) | {"replies", "responses", "thoughts", "reactions", "published",
                                                  "veröffentlicht", "publiée", "publicada", "pubblicato",
                                                  "publicado", "gepubliceerd", "opublikowany", "опубликован",
                                                  "required"},
    "share-bar": SHARE_CORE_TOKENS,
    "navigation": NAV_TOKENS,
    "legal-links": LEGAL_CUES,
    "newsletter-box": NEWSLETTER_CUES,
    "cookie-notice": COOKIE_WORDS,
    "script-notice": frozenset({"javascript", "js", "browser", "navigateur", "navegador"}),
    "tag-list": _tokens(TAG_LEADS),
    "byline": _tokens(BYLINE_LEADS) | ROLE_TOKENS,
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
