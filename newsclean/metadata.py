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

from .bylines import BYLINE, DAY_NAMES, LABEL_LEAD, inner_byline, is_credit, is_person, names_in_byline, parse_authors
from .dates import (
    DATE,
    DATE_NOISE,
    DAY_FIRST_REGIONS,
    DAY_OF,
    EVENT_CUE,
    RANGE_JOIN,
    YEARS,
    find_date,
    local_form,
    parse_stamp,
    unglue_years,
    url_date,
)
from .headline import TITLE_SEPARATORS, printed_lines, split_title, syndicated_title
from .model import TITLE_TAG, Block, Features, Found, Label, Metadata, Page, Removal, window_title
from .rules import FOOTER_RIGHTS, SYNDICATION, URL
from .settings import Settings
from .text import CJK, HANGUL, LANGUAGES, RUN_START, WORD, lower_words, normalize, stopwords, title_case_ratio

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
# Context-free rules whose blocks may be the headline (everything else is furniture or prose).
_TITLE_RULES: Final = frozenset({"short", "headline-like", "sentence", "run-on"})


def title_score(block: Block, feat: Features, distance: int, before_header: bool) -> float:
    """How much a block before the body looks like the headline: a heading, in Title Case, of a
    headline's length, right above the byline or dateline, near the body."""
    score = 3.0 if before_header else 0.0
    if feat.words >= 6:
        score += 1
    if block.tag == "h1":
        score += 10
    elif block.tag in ("h2", "h3"):
        score += 4
    if title_case_ratio(block.text) >= 0.7:
        score += 2
    if feat.sentence_end and not block.text.endswith(("?", "!", "\u201d", '"')):
        score -= 3
    return score - distance / 10


def find_title(page: Page, start: int, settings: Settings, window: str) -> Found | None:
    """The headline: the copy nearest before the body, the syndicated or window title (`window`,
    its headline part), else the most headline-like block shortly before the body."""
    blocks, feats = page.blocks, page.feats
    before = [i for i in page.anchors if i < start]
    if before:
        return Found(blocks[before[-1]].text, "headline-line", before[-1])
    quoted = syndicated_title(blocks, page.classified)
    if quoted:
        return Found(quoted, "syndication-line")
    if window and feats[0].words >= 3 and TITLE_SEPARATORS.search(window_title(blocks)):
        return Found(window, "window-title", 0)
    header = [i for i in range(len(blocks)) if page.classified[i].rule in ("byline", "date-line")]
    candidates = [
        (title_score(blocks[i], feats[i], start - i, any(0 < h - i <= 3 for h in header)), i)
        for i in range(max(0, start - settings.header_window), start)
        if page.classified[i].rule in _TITLE_RULES and 3 <= feats[i].words <= 30
    ]
    if candidates:
        _, index = max(candidates, key=lambda c: (c[0], c[1]))
        return Found(blocks[index].text, "headline-line", index)
    return None


# A long paragraph's opening dateline: a few words at most, the date, a clock time perhaps, then a
# dash, bar, colon, bracket or opening quote.
DATELINE_LEAD: Final = re.compile(
    r"^\W{0,3}(?:[^\W\d][\w.'’-]*\W{1,3}){0,3}?(?P<date>" + DATE.pattern + r")"
    r"(?:,?\s*(?:um\s+|at\s+)?\d{1,2}[:.h]\d\d(?:\s*(?:uhr|h|[ap]\.?m\.?))?)?\s*[–—\-|:)(„“\"«•]", re.I)
# Words besides the date, time and cue words that a printed dateline may hold ('By Jane Doe').
PRINTED_LINE_WORDS: Final = 4
# Words that say a printed date is the piece's own (published, posted, updated).
DATE_CUE: Final = re.compile(
    r"\b(?:published|posted|updated|last (?:updated|edited|modified)|ver(?:ö|oe)ffentlicht|erschienen|aktualisiert"
    r"|datum|stand|publi(?:é|e|cado|cato|ziert)|mis en ligne|mise en ligne|mis à jour|actualizado|atualizado"
    r"|gepostet|eingestellt|pubblicato)\b", re.I)
# A publication cue and the date after it, anywhere in a text of any length ('... wurde am 19. Mai 2010
# um 23:03 Uhr gepostet' aside, 'Mise en ligne 23 mai 2019', 'published on March 3, 2021 by'): a few
# characters between them at most.
PUBLISHED_CUE: Final = re.compile(
    r"\b(?:published|posted|ver(?:ö|oe)ffentlicht|erschienen|publi(?:é|e|cado|cato|ziert)|mis en ligne"
    r"|mise en ligne|pubblicato|eingestellt)\b(?:\s+(?:on|am|le|el|il|em|den|in))?[\s:,]*(?=\S)", re.I)
PUBLISHED_CUE_REACH: Final = 30
# Words that say a printed date is the last change, not the publication.
UPDATE_CUE: Final = re.compile(
    r"\b(?:updated|last (?:edited|modified)|aktualisiert|stand|mis à jour|actualizado|atualizado|aggiornato)\b", re.I)
# Chrome kinds that list other pages or readers' comments, whose dates are not the page's.
_LISTING_CHROME: Final = ("related", "comments", "navigation", "<nav>")
# Blocks above the first headline copy searched for a date line (after the blocks below it).
DATE_ABOVE_HEADLINE: Final = 3


def not_dateline(text: str, title: bool) -> bool:
    """Whether a short line that prints a date is something other than the page's dateline: an
    event's date ('Termin: 21.02.2020'), a date range ('28.01.2022 – 29.01.2022', '14. - 20. Januar
    2022'), or, in the window title or the headline, the day the piece is about ('Protokoll der
    Vorstandssitzung vom 10. Oktober 2019')."""
    if EVENT_CUE.search(text):
        return True
    joins = (RANGE_JOIN, DAY_OF) if title else (RANGE_JOIN,)
    return any(join.search(text, 0, match.start()) for match in DATE.finditer(text) for join in joins)


def find_dateline(blocks: tuple[Block, ...], lo: int, hi: int, today: dt.date,
                  day_first: bool = False, headline: int | None = None) -> Found | None:
    """The first line of blocks[lo:hi] that prints a date as the page's own (not_dateline rules
    some out; headline is the index of the headline block)."""
    for i in range(lo, min(hi, len(blocks))):
        text = blocks[i].text
        if len(text) <= 120 and not_dateline(text, i == headline or blocks[i].tag == TITLE_TAG):
            continue
        if len(text) > 120:
            # A paragraph that opens with its dateline ('01.02.2022 – The council...', 'BERLIN
            # (January 24, 2017) —'): a date in its first words, set off by a dash, bar or bracket.
            lead = DATELINE_LEAD.match(text)
            if not lead:
                continue
            text = lead.group("date")
        value = find_date(text, today, day_first)
        if value:
            return Found(value, "dateline", i)
    return None


def cued_date(blocks: tuple[Block, ...], today: dt.date, day_first: bool = False) -> Found | None:
    """A date the page prints away from its header, in a line that says what it is: 'Posted on
    April 13, 2023', 'Veröffentlicht am: 6. August 2009', 'Last updated: November 13, 2025'."""
    for i, block in enumerate(blocks):
        text = block.text
        if len(text) > 120 or not DATE_CUE.search(text):
            continue
        if len(WORD.findall(DATE_NOISE.sub(" ", DATE.sub(" ", DATE_CUE.sub(" ", text))))) > PRINTED_LINE_WORDS:
            continue
        value = find_date(text, today, day_first)
        if value:
            return Found(value, "cued-line", i)
    return None


def chrome_date(chrome: tuple[Removal, ...], today: dt.date, day_first: bool = False) -> Found | None:
    """A date line the page chrome held (a byline box, a meta strip taken for a sidebar): the
    first short one outside lists of other pages and comments."""
    for removal in chrome:
        if len(removal.text) > 60 or removal.detail.startswith(_LISTING_CHROME):
            continue
        if len(WORD.findall(DATE_NOISE.sub(" ", DATE.sub(" ", removal.text)))) > PRINTED_LINE_WORDS:
            continue
        value = find_date(removal.text, today, day_first)
        if value:
            return Found(value, "chrome-line")
    return None


def marked_date(values: list[Found], today: dt.date, day_first: bool = False) -> Found | None:
    """The first date line among the elements the markup names as dates (a timestamp too)."""
    for found in values:
        stamp = parse_stamp(found.value)
        if stamp is not None and stamp.year >= 1990 and stamp.date() <= today:
            return Found(stamp.isoformat(), found.source)
        if len(WORD.findall(DATE_NOISE.sub(" ", DATE.sub(" ", DATE_CUE.sub(" ", found.value))))) > PRINTED_LINE_WORDS:
            continue
        value = find_date(found.value, today, day_first)
        if value:
            return Found(value, found.source)
    return None


def late_date_line(page: Page, today: dt.date, day_first: bool = False) -> Found | None:
    """The first line of the page that is a date alone, wherever it is (below the body, in a box
    the body left out): the last resort of a page that prints its date nowhere near its header."""
    for i, verdict in enumerate(page.classified):
        if verdict.rule == "date-line" and (value := find_date(page.blocks[i].text, today, day_first)):
            return Found(value, "late-date-line", i)
    return None


def published_cue_date(texts: list[str], today: dt.date, day_first: bool = False) -> Found | None:
    """The first date right after a publication cue ('Published on', 'Mise en ligne', 'veröffentlicht
    am'), in text of any length: a paragraph, a box the page chrome held."""
    for text in texts:
        for cue in PUBLISHED_CUE.finditer(text):
            value = find_date(text[cue.end():cue.end() + PUBLISHED_CUE_REACH], today, day_first)
            if value:
                return Found(value, "published-cue")
    return None


def printed_days(line: str) -> set[str]:
    """Every day a line prints (ISO), of the forms DATE reads."""
    far = dt.date(9999, 12, 31)
    return {day[:10] for match in DATE.finditer(unglue_years(line))
            if (day := find_date(match.group(), far))}


def prefer_printed(printed: Found, line: str, stated: Found) -> bool:
    """Whether the date the header prints beats the one the page declares: it does when its line
    is a dateline (the date, a time, a cue word, a name or two: what a reader takes for the date
    of the piece), unless it is a numeric date that, read the other way round (04/12 for 12/04),
    is the declared day. Against a generic declared date (GENERIC_DATE_SOURCES, often the last
    change) a date line of the header wins that says 'Stand' or goes on with a byline too."""
    generic = stated.source in GENERIC_DATE_SOURCES
    if UPDATE_CUE.search(line) and not generic:
        return False
    if len(WORD.findall(DATE_NOISE.sub(" ", DATE.sub(" ", line)))) > PRINTED_LINE_WORDS:
        rest = DATE.sub(" ", line).strip(" -–—|,")
        if not (generic and (BYLINE.match(rest) or LABEL_LEAD.match(rest))):
            return False
    day, other = printed.value[:10], stated.value[:10]
    if other in printed_days(line):
        return False  # the line prints the declared day too ('May 2, 2024 April 3, 2024': changed, then first)
    swapped = f"{day[:4]}-{day[8:10]}-{day[5:7]}"
    return day != other and swapped != other


# Rules of a header line that may hold a byline after its date or a label (not prose or a caption).
_HEADER_RULES: Final = frozenset({"date-line", "short", "headline-like", "unpunctuated", "no-full-stop", "inline-list"})


# A header line of a date and a name, and nothing else ('12.03.2024 – Jane Doe', 'Jane Doe | March
# 4, 2024', 'JaneDoe 18.10.2019, 15:07 Uhr'): a byline without its 'By'. The date and the clock
# time give way to a mark; what is left must be one name, not a place before a comma ('Berlin,
# 12.03.2024', 'NEW YORK, March 3').
_DATED_NAME_CHARS: Final = 80
_CLOCK: Final = re.compile(r"\b[012]?\d[:.h][0-5]\d(?::[0-5]\d)?\s*(?:uhr|h|[ap]\.?m\.?)?(?!\w)", re.I)
_DAY_WORDS: Final = re.compile(r"\b(?:" + DAY_NAMES + r")\b,?", re.I)
_MARK: Final = "\x00"
# (From the start of a run of such characters, taken whole: tried from each letter of a long run, it
# took quadratic time. Only whether it is found counts.)
_PLACE_BEFORE_DATE: Final = re.compile(r"(?<![\w.'’ -])[\d_.'’ -]*+[^\W\d_][\w.'’ -]*+,\s*\x00")
_NAME_PARTS: Final = re.compile(RUN_START + r"(?:\s*+(?:[|–—·•,]|(?<=\s)-(?=\s)|^-|-$)\s*|\x00)")
_CAMEL: Final = re.compile(r"[a-z][A-Z]")


def dated_name(text: str) -> tuple[str, ...]:
    """The name of a header line that holds only a date (a time, a weekday) and a name."""
    if len(text) > _DATED_NAME_CHARS:
        return ()
    marked = DATE.sub(_MARK, _DAY_WORDS.sub(" ", unglue_years(text)))
    if _MARK not in marked or _PLACE_BEFORE_DATE.search(marked):
        return ()
    rest = _CLOCK.sub(_MARK, marked)
    parts = [p for p in (p.strip() for p in _NAME_PARTS.split(rest)) if p and not DATE_NOISE.fullmatch(p)]
    if len(parts) != 1 or any(c.isdigit() or c == ":" for c in parts[0]):  # 'Tags: Travel', no name
        return ()
    words = parts[0].split()
    if len(words) > 4 or (len(words) == 1 and not _CAMEL.search(words[0])):
        return ()
    if not all(w[:1].isupper() for w in words):  # 'Updated on', 'Actualizado el': a label
        return ()
    names = parse_authors(parts[0])
    return names if len(names) == 1 and names[0] == parts[0] else ()


_HEADINGS: Final = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def later_byline(page: Page, lo: int) -> Found | None:
    """The names of the first byline line below the header ('Text: Jane Doe', 'Written by Jane Doe'
    at the end of the article, in an author box after it)."""
    for i in range(lo, len(page.blocks)):
        text = page.blocks[i].text
        if (page.classified[i].rule == "byline" and page.blocks[i].tag not in _HEADINGS
                and (BYLINE.match(text) or LABEL_LEAD.match(text))):
            names = parse_authors(text)
            if names:
                return Found("\x1f".join(names), "later-byline", i)
    return None


def find_dated_name(page: Page, lo: int, hi: int) -> Found | None:
    """The name in the first header line of a date and a name (`dated_name`)."""
    for i in range(lo, min(hi, len(page.blocks))):
        if page.classified[i].rule in _HEADER_RULES:
            names = dated_name(page.blocks[i].text)
            if names:
                return Found("\x1f".join(names), "dated-name", i)
    return None


def find_byline(page: Page, lo: int, hi: int) -> Found | None:
    for i in range(lo, min(hi, len(page.blocks))):
        rule = page.classified[i].rule
        if rule == "byline":
            names = parse_authors(page.blocks[i].text)
        elif rule in _HEADER_RULES and len(page.blocks[i].text) <= 200:
            names = inner_byline(page.blocks[i].text)
        else:
            continue
        if names:
            return Found("\x1f".join(names), "byline", i)
    return None


def copyright_owner(page: Page) -> Found | None:
    """The name in a '© 2025 Name' / 'Name © 2025' footer line."""
    for block, verdict in zip(reversed(page.blocks), reversed(page.classified), strict=True):
        if verdict.rule != "copyright-footer" or len(block.text) > 120:
            continue
        name = FOOTER_RIGHTS.sub(" ", YEARS.sub(" ", block.text))
        name = re.split(r"[|.•]", name)[0].strip(" ,.-–:")
        name = re.sub(r"\s+", " ", name)
        if 1 <= len(name.split()) <= 5 and name[:1].isalnum():
            return Found(name, "copyright-line")
    return None


def masthead(blocks: tuple[Block, ...], start: int) -> Found | None:
    """A short line that opens the page and comes back: the site's name printed as a logo."""
    counts = Counter(b.text for b in blocks[:start])
    for block in blocks[: min(start, 5)]:
        if counts[block.text] >= 2 and len(block.text.split()) <= 4 and block.text[:1].isupper():
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
    sample = text[:2000]
    if not sample.isascii():  # ASCII text holds no CJK or Hangul characters
        cjk = CJK.findall(sample)
        if len(cjk) > 50:
            kana = sum(1 for c in cjk if "\u3040" <= c <= "\u30ff")
            return "ja" if kana > len(cjk) * 0.1 else "zh"
        if len(HANGUL.findall(sample)) > 50:
            return "ko"
    words = lower_words(sample)
    if len(words) < 15:
        return None
    table = _stopword_languages()
    scores = dict.fromkeys(LANGUAGES, 0)
    for word in words:  # only stopwords score
        langs = table.get(word)
        if langs is not None:
            for lang in langs:
                scores[lang] += 1
    lang, hits = max(scores.items(), key=lambda kv: (kv[1], kv[0] == "en"))
    return lang if hits >= len(words) * 0.08 else None


def assemble_metadata(fields: dict[str, Found | None], authors: tuple[str, ...], byline: Found | None,
                      language: Found | None, url: str | None) -> Metadata:
    """Values and provenance in one Metadata; a URL given by the caller wins over one found."""
    found = {name: f for name, f in fields.items() if f is not None}
    if url:
        found["url"] = Found(url, "given")
    if authors and byline:
        found["authors"] = byline
    if language:
        found["language"] = language
    value = {name: f.value for name, f in found.items()}
    return Metadata(
        title=value.get("title"),
        date=value.get("date"),
        authors=authors,
        site_name=value.get("site_name"),
        url=value.get("url"),
        original_source=value.get("original_source"),
        section=value.get("section"),
        language=value.get("language"),
        provenance=tuple(sorted((name, f.source) for name, f in found.items())),
    )


def body_start(page: Page) -> int:
    return next((v.index for v in page.verdicts if v.label is not Label.BAD), len(page.verdicts))


def declared_date(values: list[Found], today: dt.date) -> Found | None:
    """The first declared date that parses and is not in the future, as ISO 8601; a UTC timestamp
    is given in the page's own time zone when another declared stamp reveals it."""
    stamps = [parse_stamp(f.value) for f in values]
    for found, stamp in zip(values, stamps, strict=True):
        if stamp is None:
            iso = find_date(found.value, today)
            if iso:
                return Found(iso, found.source)
            continue
        if stamp.date() > today or stamp.year < 1990:
            continue
        has_time = "T" in found.value or " " in found.value.strip()
        if not has_time:
            return Found(stamp.date().isoformat(), found.source)
        local = local_form(stamp, [s for s in stamps if s is not None and s is not stamp])
        return Found(local.isoformat(), found.source)
    return None


_REGION: Final = re.compile(r"^[a-z]{2}[-_]([a-z]{2})$", re.I)


def reads_day_first(language: Found | None, declared: list[Found]) -> bool:
    """Whether the page writes an all-numeric date day first (03/10/2023 for 3 October): a page
    not in English does, and so does one that declares a day-first English region ('en-GB',
    'en_AU' in its <html lang> or og:locale)."""
    if language is not None and language.value != "en":
        return True
    return any((m := _REGION.match(f.value.strip())) is not None and m.group(1).lower() in DAY_FIRST_REGIONS
               for f in declared)


# Declared dates of a generic name (<meta name="date">), which many systems fill with the day of
# the last change: any date line of the header beats them (prefer_printed).
GENERIC_DATE_SOURCES: Final = frozenset({"meta:date"})


def printed_declared(stated: Found | None, printed: Found | None, line: str, values: list[Found],
                     today: dt.date) -> Found | None:
    """When the declared dates disagree, the one whose day the header's dateline prints (JSON-LD
    saying the 3rd, a meta tag and the dateline the 6th: the 6th); else `stated`. A line that
    says it is the last change ('Updated on'), or prints the first declared day too, settles nothing."""
    if stated is None or printed is None or printed.value[:10] == stated.value[:10]:
        return stated
    if UPDATE_CUE.search(line) or stated.value[:10] in printed_days(line):
        return stated
    for value in values:
        found = declared_date([value], today)
        if found is not None and found.value[:10] == printed.value[:10]:
            return found
    return stated


def declared_days(values: list[Found], today: dt.date) -> set[str]:
    """Every day the page's declared dates state, each read alone (a UTC stamp as it stands)."""
    return {found.value[:10] for value in values if (found := declared_date([value], today)) is not None}


def printed_date(chosen: Found | None, candidates: list[Found]) -> Found | None:
    """A UTC timestamp a day away from the date the page prints (its dateline, its URL) is that
    date in another time zone: the printed date is what a reader of the page sees."""
    if chosen is None or not chosen.value.endswith("+00:00"):
        return chosen
    stamp = parse_stamp(chosen.value)
    if stamp is None:
        return chosen
    printed = [c for c in candidates if c.source == "dateline"] or [c for c in candidates if c.source == "url"]
    day = parse_stamp(printed[0].value) if printed else None
    if day is not None and abs((day.date() - stamp.date()).days) == 1:
        return Found(day.date().isoformat(), printed[0].source)
    return chosen


def clean_site_name(found: Found) -> Found | None:
    """A declared site name as a reader would write it: no URL, no 'www.', no ' | Tagline'."""
    value = found.value.strip()
    if "://" in value or value.startswith("#"):
        return None
    value = re.sub(r"^www\.", "", value, flags=re.I)
    head = re.split(r"\s+[|–—-]\s+", value, maxsplit=1)[0].strip()
    return Found(head, found.source) if head else None


def declared_title(values: list[Found], outlets: frozenset[str]) -> Found | None:
    """A declared headline without a ' | Site' suffix (only a part that names the site goes)."""
    for found in values:
        parts = [p for p in TITLE_SEPARATORS.split(found.value) if p.strip()]
        kept = [p for p in parts if normalize(p).replace(" ", "") not in outlets]
        if kept and len(kept) < len(parts):
            return Found(" - ".join(kept).strip(), found.source)
        return found
    return None


def page_heading(page: Page, start: int, outlets: frozenset[str], titles: list[str],
                 settings: Settings) -> Found | None:
    """The headline as the page shows it: the first <h1> above the body that is not the site's
    name or a one-word label, and shares a word with the declared or window title if there is one."""
    known = {w for t in titles for w in normalize(t).split() if len(w) > 2 or not w.isascii()}
    for i in range(max(0, start - settings.header_window), min(start + 1, len(page.blocks))):
        block = page.blocks[i]
        if block.tag != "h1":
            continue
        if normalize(block.text).replace(" ", "") in outlets:
            continue
        if known and known.isdisjoint(normalize(block.text).split()):
            continue
        if page.feats[i].words >= 3 or (not block.text.isascii() and len(block.text) >= 4):
            return Found(block.text, "h1", i)
    return None


def page_language(declared: list[Found], body_text: str) -> Found | None:
    """The body's language by its stopwords (or script); a declared one when the text cannot tell.
    Templates often declare the site's default language on every page, whatever the article's."""
    detected = detect_language(body_text)
    if detected:
        return Found(detected, "stopwords")
    if not declared:
        return None  # a text dump declares nothing: the HTML side need not be loaded
    from .htmlmeta import language_code

    return next((Found(code, f.source) for f in declared if (code := language_code(f.value))), None)


def declared_people(values: list[Found], outlets: frozenset[str],
                    accept: Callable[[str, frozenset[str]], bool] | None = None) -> tuple[tuple[str, ...], str]:
    """The people an HTML page declares as its authors (none for a text dump, which loads no HTML
    code for it); `accept` tells a name kept (a person's, by default)."""
    if not values:
        return (), ""
    from .htmlmeta import person_names

    return person_names(values, outlets, accept or is_person)


# A site name written as its address ('www.ElColombiano.com', 'Beige.de'): the name is the middle.
_DOMAIN_PARTS: Final = re.compile(r"^(?:www\.)?(?P<name>[^\s.]+)\.[a-z]{2,6}(?:\.[a-z]{2})?$", re.I)


def outlet_names(site: str) -> tuple[str, ...]:
    """The forms a site's name takes among its outlets (normalized, spaces dropped): the name, and
    for one written as an address the name without 'www.' and the domain ending."""
    names = (normalize(site).replace(" ", ""),)
    domain = _DOMAIN_PARTS.match(site.strip())
    return (*names, normalize(domain.group("name")).replace(" ", "")) if domain else names


def page_authors(declared: dict[str, list[Found]], byline: Found | None, outlets: frozenset[str],
                 *later: Found | None) -> Found | None:
    """The authors, by precedence: the names the page declares (JSON-LD, meta tags, author markup),
    its printed byline, the names it links to their author pages ('/author/jane-doe'), the names in
    an element it calls its byline, a header line of a date and a name, a later byline, a byline
    printed anywhere else (in the page chrome too); none of them an outlet of the page. Failing all, the name the
    page credits that is its own site's name when it reads as a person's full name (a personal
    site: 'Jane Doe', at janedoe.example); a brand of one word ('Examplepedia') is no author.
    Failing that too, whoever the page credits, by the same precedence: a desk, a team, the outlet."""
    found = _page_authors(declared, byline, outlets, *later)
    if found is None and outlets:
        found = _page_authors(declared, byline, frozenset(), *later)
        if found is not None and not all(len(name.split()) >= 2 for name in found.value.split("\x1f")):
            found = None
    if found is None:
        found = _page_authors(declared, byline, outlets, *later, accept=is_credit)
    return found


def first_printed_byline(elements: list[Found]) -> Found | None:
    """The names of the first byline printed anywhere (an element of its own: 'Posted by Jane Doe')."""
    for element in elements:
        names = names_in_byline(element.value)
        if names:
            return Found("\x1f".join(names), element.source)
    return None


def brand_over_byline(names: tuple[str, ...], byline: Found | None, outlets: frozenset[str],
                      accept: Callable[[str, frozenset[str]], bool]) -> bool:
    """Whether the declared credit is a brand of one word ('Google', 'L-Mag') over a byline (the
    header's, else one printed anywhere) that names people by their full names: the byline is the
    article's."""
    if byline is None or any(" " in name for name in names):
        return False
    printed = [n for n in byline.value.split("\x1f") if accept(n, outlets)]
    return bool(printed) and all(len(n.split()) >= 2 for n in printed)


def _page_authors(declared: dict[str, list[Found]], byline: Found | None, outlets: frozenset[str],
                  *later: Found | None, accept: Callable[[str, frozenset[str]], bool] = is_person) -> Found | None:
    """The first of page_authors' sources that names a person (whom `accept` accepts), none of
    them one of `outlets`."""
    names, names_source = declared_people(declared.get("authors", []), outlets, accept)
    printed_line = byline or first_printed_byline(declared.get("printed_bylines", []))
    if names and printed_line is not None and brand_over_byline(names, printed_line, outlets, accept):
        return Found("\x1f".join(n for n in printed_line.value.split("\x1f") if accept(n, outlets)),
                     printed_line.source, printed_line.index)
    if names:
        return Found("\x1f".join(names), names_source)
    if byline is not None:
        byline_names = tuple(n for n in byline.value.split("\x1f") if accept(n, outlets))
        if byline_names:
            return Found("\x1f".join(byline_names), byline.source, byline.index)
    linked, linked_source = declared_people(declared.get("author_links", []), outlets, accept)
    if linked:
        return Found("\x1f".join(linked), linked_source)
    for element in declared.get("byline_markup", []):  # the first that names a person
        marked, marked_source = declared_people([element], outlets, accept)
        if marked:
            return Found("\x1f".join(marked), marked_source)
    for found in later:  # the lines found last: a header line of a date and a name, a later byline
        if found is not None:
            later_names = tuple(n for n in found.value.split("\x1f") if accept(n, outlets))
            if later_names:
                return Found("\x1f".join(later_names), found.source, found.index)
    for element in declared.get("printed_bylines", []):  # a byline anywhere, the page chrome's too
        printed = tuple(n for n in names_in_byline(element.value) if accept(n, outlets))
        if printed:
            return Found("\x1f".join(printed), element.source)
    return None


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
    header_hi = start + 3
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
    authors_found = page_authors(declared, byline, outlets, find_dated_name(page, header_lo, header_hi),
                                 later_byline(page, header_hi))
    stated_urls = [*declared.get("url", ()), find_url(page)]
    urls = [u for u in stated_urls if u]
    language = page_language(declared.get("language", []), body_text)
    url_days = [d for d in (url_date(u.value, today) for u in urls) if d]
    day_first = reads_day_first(language, declared.get("language", []))
    declared_dates = declared.get("date", [])
    stated = declared_date(declared_dates, today)
    # The header's dateline, else a kicker line above the headline that prints a day another
    # declared date states (above the headline, a lone date is as often the day's date bar).
    headline = title.index if title else None
    above = find_dateline(blocks, above_lo, header_lo, today, day_first=day_first, headline=headline)
    printed = find_dateline(blocks, header_lo, header_hi, today, day_first=day_first, headline=headline)
    if printed is None and above is not None and above.value[:10] in declared_days(declared_dates, today):
        printed = above
    if printed is not None and printed.index is not None:
        stated = printed_declared(stated, printed, blocks[printed.index].text, declared_dates, today)
    dates = [stated, printed]
    # The printed header date beats the declared one (prefer_printed), unless the address carries
    # the declared day: two sources agree on it.
    if (printed is not None and printed.index is not None and stated is not None
            and stated.value[:10] not in url_days
            and prefer_printed(printed, blocks[printed.index].text, stated)):
        dates = [printed, stated]
    considered: dict[str, list[Found | None]] = {
        "title": [page_heading(page, start, outlets,
                               [f.value for f in declared.get("title", ())] + [window_title(blocks)],
                               settings),
                  declared_title(declared.get("title", []), outlets),
                  title if title and title.source != "first-line" else None, title],
        "date": [*dates,
                 above,
                 *(Found(d, "url") for d in url_days),
                 cued_date(blocks, today, day_first), chrome_date(chrome, today, day_first),
                 marked_date(declared.get("marked_date", []), today, day_first),
                 declared_date(declared.get("late_date", []), today),
                 late_date_line(page, today, day_first),
                 published_cue_date([b.text for b in blocks] + [r.text for r in chrome
                                                                if not r.detail.startswith(_LISTING_CHROME)],
                                    today, day_first)],
        "site_name": [site],
        "url": page_urls(stated_urls),
        "original_source": [Found(source, "syndication-line") if source else None],
        "section": [*declared.get("section", ()), find_section(blocks, header_lo, header_hi)],
    }
    fields = {name: first(*found) for name, found in considered.items()}
    fields["date"] = printed_date(fields["date"], [f for f in considered["date"] if f is not None])
    authors = tuple(authors_found.value.split("\x1f")) if authors_found else ()
    meta = assemble_metadata(fields, authors, authors_found, language, url)
    candidates = tuple(dict.fromkeys(
        (name, f.value, f.source) for name, found in considered.items() for f in found if f is not None and f.value))
    meta = replace(meta, candidates=candidates)
    return meta, (title.index if title and title.index else None)
