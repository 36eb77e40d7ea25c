"""Metadata from a page's blocks, by explicit precedence chains; each field records its source."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from typing import Final
from urllib.parse import urljoin, urlsplit

from .authors import find_byline, find_dated_name, later_byline, page_authors, personal_site_author
from .dates import (
    ISO_DAY,
    YEARS,
    url_date,
)
from .model import Block, Credit, Found, Label, Metadata, Page, Removal, window_title
from .pagedate import (
    DATE_ABOVE_HEADLINE,
    DATELINE_ABOVE_REACH,
    LISTING_CHROME,
    address_reading,
    byline_date,
    chrome_date,
    cued_date,
    declared_date,
    declared_days,
    find_dateline,
    headline_box_date,
    late_date_line,
    marked_date,
    nearest_dateline,
    prefer_printed,
    printed_date,
    printed_declared,
    published_cue_date,
    reads_day_first,
)
from .rules import FOOTER_RIGHTS, SYNDICATION, URL
from .settings import Settings
from .text import CJK, HANGUL, LANGUAGES, language_code, lower_words, normalize, stopwords
from .titles import (
    SITE_MAX_WORDS,
    declared_title,
    find_title,
    page_heading,
    printed_lines,
    split_title,
)

SECTION_LINE: Final = re.compile(
    r"^\s*(?:in|posted in|filed (?:in|under)|category:?)\s+(?P<section>[A-Z][\w&' -]{1,40})\s*$")


def page_urls(candidates: list[Found | None]) -> list[Found | None]:
    """The page's stated addresses, trimmed, a relative one resolved against the first absolute one
    (a canonical '/news/x' beside og:url 'https://example.com/...'); what is no web address
    (javascript:, a bare path with nothing to resolve it against) is left out."""
    found = [Found(c.value.strip(), c.source, c.index) for c in candidates if c is not None and c.value.strip()]
    base = next((f.value for f in found if _scheme(f.value) in WEB_SCHEMES), None)
    out: list[Found | None] = []
    for f in found:
        scheme = _scheme(f.value)
        if scheme in WEB_SCHEMES:
            out.append(f)
        elif not scheme and base is not None:  # a path, '//host/path': resolved; tel:, javascript:: left out
            out.append(Found(urljoin(base, f.value), f.source, f.index))
    return out


def _scheme(url: str) -> str:
    try:
        return urlsplit(url).scheme.lower()
    except ValueError:
        return "invalid"


def first(*candidates: Found | None) -> Found | None:
    """The first candidate present: precedence is the order of the arguments."""
    return next((c for c in candidates if c is not None and c.value), None)


# ---------------------------------------------------------------------------------------------
# Text dumps
# ---------------------------------------------------------------------------------------------


def outlet(page: Page) -> str | None:
    """The outlet named in a 'The post X appeared first on Y.' / 'Originally published on Y' line."""
    for block, verdict in zip(reversed(page.blocks), reversed(page.classified), strict=True):
        if verdict.rule == "syndication":
            match = SYNDICATION.match(block.text)
            if match:
                return match.group("source").strip().rstrip(".") or None
    return None


WEB_SCHEMES: Final = ("http", "https")
# A footer's copyright line this long or shorter may name the site's owner.
FOOTER_LINE_CHARS: Final = 120
# The site's name printed as a logo: a line of this many words at most, among the page's first blocks.
MASTHEAD_REACH, MASTHEAD_MAX_WORDS = 5, 4
# Language: read from the text's first characters; a script of its own (CJK, Hangul) from this many
# of its characters (Japanese when this share of them is kana); stopwords from this many words, the
# language whose stopwords are this share of them at least.
LANGUAGE_SAMPLE_CHARS: Final = 2000
SCRIPT_MIN_CHARS: Final = 50
KANA_SHARE: Final = 0.1
LANGUAGE_MIN_WORDS: Final = 15
STOPWORD_SHARE: Final = 0.08
# The header (dateline, byline) reaches this many blocks into the body.
HEADER_BELOW_BODY: Final = 3


def copyright_owner(page: Page) -> Found | None:
    """The name in a '© 2025 Name' / 'Name © 2025' footer line."""
    for block, verdict in zip(reversed(page.blocks), reversed(page.classified), strict=True):
        if verdict.rule != "copyright-footer" or len(block.text) > FOOTER_LINE_CHARS:
            continue
        name = FOOTER_RIGHTS.sub(" ", YEARS.sub(" ", block.text))
        name = re.split(r"[|.•]", name)[0].strip(" ,.-–:")
        name = re.sub(r"\s+", " ", name)
        if 1 <= len(name.split()) <= SITE_MAX_WORDS and name[:1].isalnum():
            return Found(name, "copyright-line")
    return None


def masthead(blocks: tuple[Block, ...], start: int) -> Found | None:
    """A short line that opens the page and comes back: the site's name printed as a logo."""
    counts = Counter(b.text for b in blocks[:start])
    for block in blocks[: min(start, MASTHEAD_REACH)]:
        if counts[block.text] >= 2 and len(block.text.split()) <= MASTHEAD_MAX_WORDS and block.text[:1].isupper():
            return Found(block.text, "masthead")
    return None


def find_section(blocks: tuple[Block, ...], lo: int, hi: int) -> Found | None:
    for i in range(lo, min(hi, len(blocks))):
        match = SECTION_LINE.match(blocks[i].text)
        if match:
            return Found(match.group("section").strip(), "section-line", i)
    return None


def find_url(page: Page) -> Found | None:
    """The article's own URL: the URL line with the longest path."""
    best = None
    for block, verdict in zip(page.blocks, page.classified, strict=True):
        if verdict.rule == "url-line":
            match = URL.search(block.text)
            if match and (best is None or len(match.group()) > len(best)):
                best = match.group()
    return Found(best, "url-line") if best else None


@cache
def _stopword_languages() -> dict[str, tuple[str, ...]]:
    """Each stopword -> the languages whose list holds it."""
    table: dict[str, list[str]] = {}
    for lang in LANGUAGES:
        for word in stopwords(lang):
            table.setdefault(word, []).append(lang)
    return {word: tuple(langs) for word, langs in table.items()}


def detect_language(text: str) -> str | None:
    """ISO 639-1 code from script and stopword counts; None when too little text to tell."""
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    if not sample.isascii():  # ASCII text holds no CJK or Hangul characters
        cjk = CJK.findall(sample)
        if len(cjk) > SCRIPT_MIN_CHARS:
            kana = sum(1 for c in cjk if "\u3040" <= c <= "\u30ff")
            return "ja" if kana > len(cjk) * KANA_SHARE else "zh"
        if len(HANGUL.findall(sample)) > SCRIPT_MIN_CHARS:
            return "ko"
    words = lower_words(sample)
    if len(words) < LANGUAGE_MIN_WORDS:
        return None
    table = _stopword_languages()
    scores = dict.fromkeys(LANGUAGES, 0)
    for word in words:  # only stopwords score
        langs = table.get(word)
        if langs is not None:
            for lang in langs:
                scores[lang] += 1
    lang, hits = max(scores.items(), key=lambda kv: (kv[1], kv[0] == "en"))
    return lang if hits >= len(words) * STOPWORD_SHARE else None


def assemble_metadata(fields: dict[str, Found | None], authors: Credit | None, language: Found | None,
                      url: str | None) -> Metadata:
    """Values and provenance in one Metadata; a URL given by the caller wins over one found."""
    found = {name: f for name, f in fields.items() if f is not None}
    if url:
        found["url"] = Found(url, "given")
    if language:
        found["language"] = language
    value = {name: f.value for name, f in found.items()}
    sources = {name: f.source for name, f in found.items()}
    if authors and authors.names:
        sources["authors"] = authors.source
    return Metadata(
        title=value.get("title"),
        date=value.get("date"),
        authors=authors.names if authors else (),
        site_name=value.get("site_name"),
        url=value.get("url"),
        original_source=value.get("original_source"),
        section=value.get("section"),
        language=value.get("language"),
        provenance=tuple(sorted(sources.items())),
    )


def body_start(page: Page) -> int:
    return next((v.index for v in page.verdicts if v.label is not Label.BAD), len(page.verdicts))


def clean_site_name(found: Found) -> Found | None:
    """A declared site name as a reader would write it: no URL, no 'www.', no ' | Tagline'."""
    value = found.value.strip()
    if "://" in value or value.startswith("#"):
        return None
    value = re.sub(r"^www\.", "", value, flags=re.I)
    head = re.split(r"\s+[|–—-]\s+", value, maxsplit=1)[0].strip()
    return Found(head, found.source) if head else None


def page_language(declared: list[Found], body_text: str) -> Found | None:
    """The body's language by its stopwords (or script); a declared one when the text cannot tell.
    Templates often declare the site's default language on every page, whatever the article's."""
    detected = detect_language(body_text)
    if detected:
        return Found(detected, "stopwords")
    if not declared:
        return None  # a text dump declares nothing: the HTML side need not be loaded
    return next((Found(code, f.source) for f in declared if (code := language_code(f.value))), None)


# A site name written as its address ('www.ElColombiano.com', 'Beige.de'): the name is the middle.
_DOMAIN_PARTS: Final = re.compile(r"^(?:www\.)?(?P<name>[^\s.]+)\.[a-z]{2,6}(?:\.[a-z]{2})?$", re.I)


def outlet_names(site: str) -> tuple[str, ...]:
    """The forms a site's name takes among its outlets (normalized, spaces dropped): the name, and
    for one written as an address the name without 'www.' and the domain ending."""
    names = (normalize(site).replace(" ", ""),)
    domain = _DOMAIN_PARTS.match(site.strip())
    return (*names, normalize(domain.group("name")).replace(" ", "")) if domain else names


def host_names(url: str) -> tuple[str, ...]:
    """The site's names its address gives ('https://www.jane-doe.example/x': 'janedoe')."""
    host = urlsplit(url).hostname or ""
    return outlet_names(host) if host else ()


def dateline_reach(header_lo: int, window_lo: int, anchored: bool, heading: Found | None) -> tuple[int, int]:
    """Where the header's dateline is looked for from, and the kicker lines above it: from the
    header's start (the headline copy), or on a page without a headline copy among its blocks, from
    its <h1> headline (what lies far above it is the page's top: a bar with the day's date,
    'Édition du 12 octobre 2020'); the kicker lines from DATELINE_ABOVE_REACH blocks above that."""
    date_lo = header_lo
    if not anchored and heading is not None and heading.index is not None and heading.index > header_lo:
        date_lo = heading.index
    return date_lo, max(window_lo, date_lo - DATELINE_ABOVE_REACH)


def page_metadata(page: Page, body_text: str, settings: Settings, today: dt.date, url: str | None = None,
                  declared: dict[str, list[Found]] | None = None,
                  chrome: tuple[Removal, ...] = ()) -> tuple[Metadata, int | None]:
    """Metadata of a page, and the index of the headline block (to drop from the body).

    What an HTML page declares (JSON-LD, meta tags) comes first where it is well-formed; what the
    text shows (headline line, dateline, byline, © line) fills in the rest."""
    declared = declared or {}
    blocks = page.blocks
    start = body_start(page)
    window, title_site = split_title(window_title(blocks), printed_lines(page.feats)) if blocks else ("", None)
    title = find_title(page, start, settings, window)
    # The header (dateline, byline, section) lies between the first headline copy and the body.
    window_lo = max(0, start - settings.header_window)
    header_lo = next((i for i in page.anchors if window_lo <= i < start), window_lo)
    header_hi = start + HEADER_BELOW_BODY
    # A kicker line above the headline often carries the date ('Dec 12, 2025', then the <h1>).
    above_lo = max(window_lo, header_lo - DATE_ABOVE_HEADLINE)
    byline = find_byline(page, header_lo, header_hi)
    source = outlet(page)
    site = first(*(clean_site_name(f) for f in declared.get("site_name", ())),
                 *(clean_site_name(Found(title_site, "window-title")) for _ in (1,) if title_site),
                 copyright_owner(page), masthead(blocks, start))
    outlets = frozenset(name for f in (
        *declared.get("site_name", ()), site, Found(title_site, "") if title_site else None) if f
        for name in outlet_names(f.value))
    stated_urls = [*declared.get("url", ()), find_url(page)]
    urls = [u for u in stated_urls if u]
    # A line of a date and a name may stand above the headline too ('Dec 17, 2025 · Jane Doe', then the <h1>).
    authors_found = page_authors(declared, byline, outlets, find_dated_name(page, above_lo, header_hi, header_lo),
                                 later_byline(page, header_hi), hosts=host_names(urls[0].value) if urls else ())
    if authors_found is None and urls:  # a personal site named for its owner (its name, its home link's text)
        host = urlsplit(urls[0].value).hostname or ""
        authors_found = next((c for name in (site.value if site else None, *(f.value for f in declared.get(
            "home_link", ()))) if (c := personal_site_author(name, host))), None)
    language = page_language(declared.get("language", []), body_text)
    url_days = [d for d in (url_date(u.value, today) for u in urls) if d]
    day_first = reads_day_first(language, declared.get("language", []))
    declared_dates = declared.get("date", [])
    stated = declared_date(declared_dates, today, day_first)
    # The header's dateline, else a kicker line above the headline that prints a day another
    # declared date states (above the headline, a lone date is as often the day's date bar).
    heading = page_heading(page, start, outlets, [f.value for f in declared.get("title", ())] + [window_title(blocks)],
                           settings)
    headline = title.index if title else None
    anchored = any(window_lo <= i < start for i in page.anchors)
    date_lo, kicker_lo = dateline_reach(header_lo, window_lo, anchored, heading)
    above = nearest_dateline(blocks, kicker_lo, date_lo, today, day_first=day_first, headline=headline)
    printed = find_dateline(blocks, date_lo, header_hi, today, day_first=day_first, headline=headline)
    if printed is not None and printed.index is not None:
        printed = address_reading(printed, blocks[printed.index].text, url_days)
    if above is not None and above.index is not None:
        above = address_reading(above, blocks[above.index].text, url_days)
    if (printed is None and above is not None
            and above.value[:ISO_DAY] in declared_days(declared_dates, today, day_first)):
        printed = above
    if printed is not None and printed.index is not None:
        stated = printed_declared(stated, printed, blocks[printed.index].text, declared_dates, today, day_first)
    dates = [stated, printed]
    # The printed header date beats the declared one (prefer_printed), unless the address carries
    # the declared day: two sources agree on it.
    if (printed is not None and printed.index is not None and stated is not None
            and stated.value[:ISO_DAY] not in url_days
            and prefer_printed(printed, blocks[printed.index].text, stated)):
        dates = [printed, stated]
    date_found: list[Found | None] = [*dates, above, *(Found(d, "url") for d in url_days)]
    headline_text = title.value if title else None
    # The last resorts, best first: looked for only while no date is found (all of them when the
    # candidates are listed, settings.candidates). None of them is a dateline or an address, the
    # two that printed_date weighs against the date chosen.
    fallbacks: tuple[Callable[[], Found | None], ...] = (
        lambda: cued_date(blocks, today, day_first),
        lambda: chrome_date(chrome, today, day_first),
        lambda: headline_box_date(chrome, headline_text, today, day_first) if headline_text is not None else None,
        lambda: marked_date(declared.get("marked_date", []), today, day_first),
        lambda: declared_date(declared.get("late_date", []), today, day_first),
        lambda: byline_date(blocks, header_lo, today, day_first),
        lambda: late_date_line(page, today, day_first),
        lambda: published_cue_date([b.text for b in blocks] + [r.text for r in chrome
                                                               if not r.detail.startswith(LISTING_CHROME)],
                                   today, day_first),
        lambda: declared_date(declared.get("script_date", []), today, day_first),
    )
    for fallback in fallbacks:
        if not settings.candidates and first(*date_found) is not None:
            break
        date_found.append(fallback())
    considered: dict[str, list[Found | None]] = {
        "title": [heading,
                  declared_title(declared.get("title", []), outlets),
                  title if title and title.source != "first-line" else None, title],
        "date": date_found,
        "site_name": [site],
        "url": page_urls(stated_urls),
        "original_source": [Found(source, "syndication-line") if source else None],
        "section": [*declared.get("section", ()), find_section(blocks, header_lo, header_hi)],
    }
    fields = {name: first(*found) for name, found in considered.items()}
    fields["date"] = printed_date(fields["date"], [f for f in considered["date"] if f is not None])
    meta = assemble_metadata(fields, authors_found, language, url)
    candidates = tuple(dict.fromkeys(
        (name, f.value, f.source) for name, found in considered.items() for f in found if f is not None and f.value))
    meta = replace(meta, candidates=candidates)
    return meta, (title.index if title and title.index else None)
