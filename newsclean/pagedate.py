"""The page's publication date: its printed datelines (in the header, above the headline, cued
anywhere: 'Published on', 'Stand:'), the dates it declares, and which of them wins when they
disagree (the printed day over a UTC stamp a day away, the declared day the address carries too).
Reading a date out of text is dates.py's."""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from .bylines import BYLINE, LABEL_LEAD
from .dates import (
    DATE,
    DATE_NOISE,
    DAY_FIRST_REGIONS,
    DAY_OF,
    EARLIEST_YEAR,
    EVENT_CUE,
    ISO_DAY,
    RANGE_JOIN,
    find_date,
    local_form,
    parse_stamp,
    unglue_years,
)
from .model import TITLE_TAG, Block, Found, Page, Removal
from .text import WORD

# Chrome kinds that list other pages or readers' comments, whose dates are not the page's.
LISTING_CHROME: Final = ("related", "comments", "navigation", "<nav>")
# Chrome kinds of other writers' text (readers' comments): a box of them that quotes the headline
# dates a comment, not the page.
PROSE_LISTING_CHROME: Final = ("comments",)
# A headline this long at least is looked for in the boxes of the page chrome (headline_box_date),
# and a date within this many characters of it there is the header's.
HEADLINE_BOX_MIN_CHARS: Final = 20
HEADLINE_BOX_REACH: Final = 30
# A line this long or shorter may be a dateline; a longer one is a paragraph that may open with one.
DATELINE_MAX_CHARS: Final = 120
# A date line of the page chrome is this short (a meta strip, a byline box).
CHROME_DATE_MAX_CHARS: Final = 60


# A long paragraph's opening dateline: a few words at most, the date, a clock time perhaps, then a
# dash, bar, colon, bracket or opening quote.
DATELINE_LEAD: Final = re.compile(
    r"^\W{0,3}(?:[^\W\d][\w.'’-]*\W{1,3}){0,3}?(?P<date>" + DATE.pattern + r")"
    r"(?:,?\s*(?:um\s+|at\s+)?\d{1,2}[:.h]\d\d(?:\s*(?:uhr|h|[ap]\.?m\.?))?)?\s*[–—\-|:)(„“\"«•]", re.I)
# Words besides the date, time and cue words that a printed dateline may hold ('By Jane Doe').
PRINTED_LINE_WORDS: Final = 4
# Words that say a printed date is the piece's own (published, posted, updated).
DATE_CUE: Final = re.compile(
    r"\b(?=[pulveadsmg])(?:published|posted|updated|last (?:updated|edited|modified)|ver(?:ö|oe)ffentlicht"
    r"|erschienen|aktualisiert|datum|stand|publi(?:é|e|cado|cato|ziert)|mis en ligne|mise en ligne|mis à jour"
    r"|actualizado|atualizado|gepostet|eingestellt|pubblicato)\b", re.I)
# A publication cue and the date after it, anywhere in a text of any length ('... wurde am 19. Mai 2010
# um 23:03 Uhr gepostet' aside, 'Mise en ligne 23 mai 2019', 'published on March 3, 2021 by'): a few
# characters between them at most. The cue may follow a figure with no space between, where the
# page's lines met ('14:49:39Erschienen am: 01.11.2023'): no letter may come before it.
PUBLISHED_CUE: Final = re.compile(  # (the look-ahead of the first letters speeds the search of long texts)
    r"(?=[pvem])(?<![^\W\d_])(?:published|posted|ver(?:ö|oe)ffentlicht|erschienen|publi(?:é|e|cado|cato|ziert)"
    r"|mis en ligne|mise en ligne|pubblicato|eingestellt)\b(?:\s+(?:on|am|le|el|il|em|den|in))?[\s:,]*(?=\S)", re.I)
PUBLISHED_CUE_REACH: Final = 30
# A part of every cue word above, case-folded: a text that holds none (most do) is not searched.
PUBLISHED_CUE_PARTS: Final = ("publi", "posted", "ffentlicht", "erschienen", "en ligne", "pubblicato",
                              "eingestellt")
# Words that say a printed date is the last change, not the publication.
UPDATE_CUE: Final = re.compile(
    r"\b(?:updated|last (?:edited|modified)|aktualisiert|stand|mis à jour|actualizado|atualizado|aggiornato)\b", re.I)
# Blocks above the first headline copy searched for a date line (after the blocks below it).
DATE_ABOVE_HEADLINE: Final = 3
# Blocks above the headline searched for a kicker line that prints the date, the nearest first.
DATELINE_ABOVE_REACH: Final = 5


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
        if len(text) <= DATELINE_MAX_CHARS and not_dateline(text, i == headline or blocks[i].tag == TITLE_TAG):
            continue
        if len(text) > DATELINE_MAX_CHARS:
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


def nearest_dateline(blocks: tuple[Block, ...], lo: int, hi: int, today: dt.date,
                     day_first: bool = False, headline: int | None = None) -> Found | None:
    """The last line of blocks[lo:hi] that prints a date as find_dateline reads it: above the
    headline, the nearest (a bar with the day's date lies farther up than the kicker line)."""
    for i in range(min(hi, len(blocks)) - 1, lo - 1, -1):
        found = find_dateline(blocks, i, i + 1, today, day_first=day_first, headline=headline)
        if found is not None:
            return found
    return None


def cued_date(blocks: tuple[Block, ...], today: dt.date, day_first: bool = False) -> Found | None:
    """A date the page prints away from its header, in a line that says what it is: 'Posted on
    April 13, 2023', 'Veröffentlicht am: 6. August 2009', 'Last updated: November 13, 2025'."""
    for i, block in enumerate(blocks):
        text = block.text
        if len(text) > DATELINE_MAX_CHARS or not DATE_CUE.search(text):
            continue
        if len(WORD.findall(DATE_NOISE.sub(" ", DATE.sub(" ", DATE_CUE.sub(" ", text))))) > PRINTED_LINE_WORDS:
            continue
        value = find_date(text, today, day_first)
        if value:
            return Found(value, "cued-line", i)
    return None


def byline_date(blocks: tuple[Block, ...], lo: int, today: dt.date, day_first: bool = False) -> Found | None:
    """The date of the first byline line from blocks[lo] on that prints one ('Author: Jane Doe am
    29.12.2010, 13:36 Uhr', 'Von Jane Doe, 07 Dezember, 2022'): a byline box below the article."""
    for i in range(lo, len(blocks)):
        text = blocks[i].text
        if len(text) > DATELINE_MAX_CHARS or not (BYLINE.match(text) or LABEL_LEAD.match(text)):
            continue
        value = find_date(text, today, day_first)
        if value:
            return Found(value, "byline-date", i)
    return None


def chrome_date(chrome: tuple[Removal, ...], today: dt.date, day_first: bool = False) -> Found | None:
    """A date line the page chrome held (a byline box, a meta strip taken for a sidebar): the
    first short one outside lists of other pages and comments."""
    for removal in chrome:
        if len(removal.text) > CHROME_DATE_MAX_CHARS or removal.detail.startswith(LISTING_CHROME):
            continue
        if len(WORD.findall(DATE_NOISE.sub(" ", DATE.sub(" ", removal.text)))) > PRINTED_LINE_WORDS:
            continue
        value = find_date(removal.text, today, day_first)
        if value:
            return Found(value, "chrome-line")
    return None


def headline_box_date(chrome: tuple[Removal, ...], headline: str, today: dt.date,
                      day_first: bool = False) -> Found | None:
    """A date printed right before or after the headline in a box of the page chrome that holds the
    headline too (a breadcrumb bar, a figure caption over the article: '31.01.2022 2. HBL Headline',
    'Home Tips Headline 01. November 2021 | Nature'), or an entry of a list of pages that is this
    one's: the header the page chrome took along. A box that prints dates on both sides of the
    headline is a list whose dates may be the next entry's: passed over."""
    if len(headline) < HEADLINE_BOX_MIN_CHARS:
        return None
    for removal in chrome:
        at = removal.text.find(headline)
        if at < 0 or removal.detail.startswith(PROSE_LISTING_CHROME):
            continue
        before = removal.text[max(0, at - HEADLINE_BOX_REACH):at]
        after = removal.text[at + len(headline):at + len(headline) + HEADLINE_BOX_REACH]
        later, earlier = find_date(after, today, day_first), find_date(before, today, day_first)
        if later and earlier:
            continue  # dates on both sides: a list of pages, each dated ('date Title date Title')
        value = later or earlier
        if value:
            return Found(value, "headline-box")
    return None


def marked_date(values: list[Found], today: dt.date, day_first: bool = False) -> Found | None:
    """The first date line among the elements the markup names as dates (a timestamp too)."""
    for found in values:
        stamp = parse_stamp(found.value)
        if stamp is not None and stamp.year >= EARLIEST_YEAR and stamp.date() <= today:
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
        folded = text.casefold()
        if not any(part in folded for part in PUBLISHED_CUE_PARTS):
            continue
        for cue in PUBLISHED_CUE.finditer(text):
            value = find_date(text[cue.end():cue.end() + PUBLISHED_CUE_REACH], today, day_first)
            if value:
                return Found(value, "published-cue")
    return None


def printed_days(line: str) -> set[str]:
    """Every day a line prints (ISO), of the forms DATE reads."""
    far = dt.date.max
    return {day[:ISO_DAY] for match in DATE.finditer(unglue_years(line))
            if (day := find_date(match.group(), far))}


def prefer_printed(printed: Found, line: str, stated: Found) -> bool:
    """Whether the date the header prints beats the one the page declares: it does when its line
    is a dateline (the date, a time, a cue word, a name or two: what a reader takes for the date
    of the piece), unless it is a numeric date that, read the other way round (04/12 for 12/04),
    is the declared day. Against a generic declared date (GENERIC_DATE_SOURCES, often the last
    change) a date line of the header wins that says 'Stand' or goes on with a byline too; against
    a loose one (LOOSE_DATE_SOURCES), one that goes on with a byline."""
    generic = stated.source in GENERIC_DATE_SOURCES
    if UPDATE_CUE.search(unglue_years(line)) and not generic:
        return False
    if len(WORD.findall(DATE_NOISE.sub(" ", DATE.sub(" ", line)))) > PRINTED_LINE_WORDS:
        rest = DATE.sub(" ", line).strip(" -–—|,")
        if not ((generic or stated.source in LOOSE_DATE_SOURCES) and (BYLINE.match(rest) or LABEL_LEAD.match(rest))):
            return False
    day, other = printed.value[:ISO_DAY], stated.value[:ISO_DAY]
    if other in printed_days(line):
        return False  # the line prints the declared day too ('May 2, 2024 April 3, 2024': changed, then first)
    return day != other and swapped_day(day) != other


def swapped_day(day: str) -> str:
    """An ISO day with its month and day exchanged: how 03/10/2023 reads the other way round."""
    return f"{day[:4]}-{day[8:10]}-{day[5:7]}"


def address_reading(printed: Found | None, line: str, url_days: list[str]) -> Found | None:
    """A dateline's all-numeric date read the other way round when that is the day the page's
    address carries ('02/10/2020' on a page at /2020/10/02/: 2 October, whatever the language)."""
    if printed is None or not url_days or printed.value[:ISO_DAY] in url_days:
        return printed
    other = swapped_day(printed.value[:ISO_DAY])
    if other in url_days and any(match.group("num_a") for match in DATE.finditer(line)):
        return Found(other + printed.value[ISO_DAY:], printed.source, printed.index)
    return printed


def declared_date(values: list[Found], today: dt.date, day_first: bool = False) -> Found | None:
    """The first declared date that parses and is not in the future, as ISO 8601; a UTC timestamp
    is given in the page's own time zone when another declared stamp reveals it. One not in ISO
    form reads day first or not as the page's printed dates do ('01-11-2023 10:29'), but in
    slashes month first, as the servers write it whatever the language ('11/01/2023 12:43:42')."""
    stamps = [parse_stamp(f.value) for f in values]
    for found, stamp in zip(values, stamps, strict=True):
        if stamp is None:
            iso = find_date(found.value, today, day_first and "/" not in found.value)
            if iso:
                return Found(iso, found.source)
            continue
        if stamp.date() > today or stamp.year < EARLIEST_YEAR:
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
# Declared dates that need not be the article's: the page's first <time> element (a card in a
# sidebar ahead of the article may hold it). A date line of the header that goes on with a byline
# beats them (prefer_printed).
LOOSE_DATE_SOURCES: Final = frozenset({"time-element"})


def printed_declared(stated: Found | None, printed: Found | None, line: str, values: list[Found],
                     today: dt.date, day_first: bool = False) -> Found | None:
    """When the declared dates disagree, the one whose day the header's dateline prints (JSON-LD
    saying the 3rd, a meta tag and the dateline the 6th: the 6th); else `stated`. A line that
    says it is the last change ('Updated on'), or prints the first declared day too, settles nothing."""
    if stated is None or printed is None or printed.value[:ISO_DAY] == stated.value[:ISO_DAY]:
        return stated
    if UPDATE_CUE.search(unglue_years(line)) or stated.value[:ISO_DAY] in printed_days(line):
        return stated
    for value in values:
        found = declared_date([value], today, day_first)
        if found is not None and found.value[:ISO_DAY] == printed.value[:ISO_DAY]:
            return found
    return stated


def declared_days(values: list[Found], today: dt.date, day_first: bool = False) -> set[str]:
    """Every day the page's declared dates state, each read alone (a UTC stamp as it stands)."""
    return {found.value[:ISO_DAY] for value in values
            if (found := declared_date([value], today, day_first)) is not None}


def printed_date(chosen: Found | None, candidates: list[Found]) -> Found | None:
    """A UTC timestamp a day away from the date the page prints (its dateline, its URL) is that
    date in another time zone: the printed date is what a reader of the page sees. A dateline
    without a clock time a day away from a stamp whose day the address carries is not the piece's,
    though (a bar with the day's date: 'Miércoles 4 de Mayo de 2022')."""
    if chosen is None or not chosen.value.endswith("+00:00"):
        return chosen
    stamp = parse_stamp(chosen.value)
    if stamp is None:
        return chosen
    printed = [c for c in candidates if c.source == "dateline"] or [c for c in candidates if c.source == "url"]
    if (printed and printed[0].source == "dateline" and "T" not in printed[0].value
            and any(c.source == "url" and c.value == stamp.date().isoformat() for c in candidates)):
        return chosen
    day = parse_stamp(printed[0].value) if printed else None
    if day is not None and abs((day.date() - stamp.date()).days) == 1:
        return Found(day.date().isoformat(), printed[0].source)
    return chosen
