"""Find and normalise publication dates in free text (English month names, the month names of the
main European languages and Russian after the day, numeric and CJK forms)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from .text import WORD, any_of, phrases

MONTHS: Final = phrases(
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
WEEKDAYS: Final = phrases(r"mon(?:day)?", r"tue(?:s|sday)?", r"wed(?:nesday)?", r"thu(?:rs|rsday)?", r"fri(?:day)?",
                  r"sat(?:urday)?", r"sun(?:day)?")
MONTH: Final = any_of(MONTHS)
# The day of an ISO date or timestamp: its first characters, 'YYYY-MM-DD'.
ISO_DAY: Final = 10
# No date a page states is older (a '1970-01-01' is an empty field's).
EARLIEST_YEAR: Final = 1990
WEEKDAY: Final = any_of(WEEKDAYS)
# "December 2, 2025", "Dec. 2 2025", "2 December 2025", "2025-12-02", "12/02/2025", "02-12-2025",
# "4. 2. 2022", "8.Dezember 2010", "7 Dezember, 2022".
DATE: Final = re.compile(  # (the lookahead skips, cheaply, every place no month name or figure starts)
    r"\b(?=[adfjmnos\d])(?:(?P<mdy_m>" + MONTH + r")\s+(?P<mdy_d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<mdy_y>(?:19|20)\d\d)"
    r"|(?P<dmy_d>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?P<dmy_m>" + MONTH + r")\.?,?\s+(?P<dmy_y>(?:19|20)\d\d)"
    r"|(?P<iso_y>(?:19|20)\d\d)[-/.](?P<iso_m>\d{1,2})[-/.](?P<iso_d>\d{1,2})"
    r"|(?P<num_a>\d{1,2})(?P<num_sep>[/.-]|\.\s)(?P<num_b>\d{1,2})(?P=num_sep)(?P<num_y>(?:19|20)\d\d)"
    r"|(?P<loc_d>\d{1,2})(?:\.\s*|\s+)(?:de\s+)?(?P<loc_m>" + LOCAL_MONTH + r"),?\s+(?:de\s+|del\s+)?"
    r"(?P<loc_y>(?:19|20)\d\d)"
    r"|(?P<cjk_y>(?:19|20)\d\d)\s*年\s*(?P<cjk_m>\d{1,2})\s*月\s*(?P<cjk_d>\d{1,2})\s*日)(?:\b|(?<=日))",
    re.I,
)
YEAR: Final = re.compile(r"\b(?:19|20)\d\d\b")
# A year or a span of years: '2019', '2019-2025', '2019–25'.
YEARS: Final = re.compile(YEAR.pattern + r"(?:\s*[-–]\s*(?:19|20)?\d\d)?")
YEAR_OR_CLOCK: Final = re.compile(r"(?:19|20)\d\d|\d:\d\d")
RELATIVE_DATE: Final = re.compile(
    r"^\W*(?:updated:?\s+|published:?\s+)?(?:\d+|an?|one)\s+(?:sec(?:ond)?|min(?:ute)?|hour|hr|day|week|month|year)s?"
    r"\s+ago\W*$|^\W*(?:yesterday|today|just now)\W*$",
    re.I,
)
TIME: Final = re.compile(r"\b(?P<h>[012]?\d)[:.h](?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?\s*(?P<ampm>[ap]\.?m\.?)?", re.I)
DATE_NOISE: Final = re.compile(
    r"\b(?:" + WEEKDAY + r"|updated|published|posted|last|modified|on|at|am|pm|a\.m\.|p\.m\.|[a-z]{1,4}t|utc|gmt"
    r"|edt|est|pdt|pst|cet|cest|bst|ist|et|pt|ct|mt|and|by|date|time|\d+|st|nd|rd|th|of)\b",
    re.I,
)
# A line whose printed date is an event's, not the page's: 'Termin: 21.02.2020', 'Veranstaltung am ...';
# or the day a forum's member joined: 'Registriert: 18.09.2008', 'Joined: Mar 3, 2010'.
EVENT_CUE: Final = re.compile(
    r"\b(?:termine?|veranstaltung(?:en)?|event date|date of (?:the )?event|date de l'événement|fecha del evento"
    r"|data dell'evento|registriert|registered|joined|member since|mitglied seit|inscrit le|inscription"
    r"|registrado|iscritto)\b", re.I)
# What joins the first day of a date range to the date that ends it: '28.01.2022 – 29.01.2022',
# '14. - 20. Januar 2022', '3 to 5 May 2021' (the text before the second date ends with it).
RANGE_JOIN: Final = re.compile(
    r"(?:(?:^|[^\d:.])[0-3]?\d\.?|\b(?:19|20)\d\d)\s*(?:[–—-]|\bbis|\bto|\bau|\bal)\s*$", re.I)
# What names the day a title's subject is of, not the page's: 'Protokoll der Sitzung vom 10. Oktober
# 2019', 'Minutes of 3 May 2021' (the title's text before the date ends with it).
DAY_OF: Final = re.compile(r"\b(?:vom|of|from|du|del|dal|van)\s*$", re.I)
# Regions whose English writes an all-numeric date day first (03/10/2023 is 3 October): a page that
# declares 'en-GB', 'en_AU' (its <html lang>, og:locale) reads 03/10/2023 so.
DAY_FIRST_REGIONS: Final = frozenset({"gb", "uk", "au", "nz", "ie", "in", "za", "sg", "my", "pk", "ng", "ke", "hk"})


def is_date_line(text: str) -> bool:
    """A line of dates (with weekday, time, 'Updated'), and next to nothing else."""
    if RELATIVE_DATE.match(text):
        return True
    if not YEAR_OR_CLOCK.search(text) or not DATE.search(text):
        return False
    rest = DATE_NOISE.sub(" ", DATE.sub(" ", text))
    return len(WORD.findall(rest)) <= 1


_MONTH_NUMBER: Final = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}


def _month(name: str) -> int:
    return _MONTH_NUMBER[name.lower()[:3]]


def _ymd(match: re.Match[str], day_first: bool = False) -> tuple[int, int, int] | None:
    g = match.groupdict()
    if g["mdy_y"]:
        return int(g["mdy_y"]), _month(g["mdy_m"]), int(g["mdy_d"])
    if g["dmy_y"]:
        return int(g["dmy_y"]), _month(g["dmy_m"]), int(g["dmy_d"])
    if g["iso_y"]:
        return int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"])
    if g["loc_y"]:
        return int(g["loc_y"]), LOCAL_MONTHS[g["loc_m"].lower()], int(g["loc_d"])
    if g["cjk_y"]:
        return int(g["cjk_y"]), int(g["cjk_m"]), int(g["cjk_d"])
    a, b, year = int(g["num_a"]), int(g["num_b"]), int(g["num_y"])
    # 12/02/2025 is ambiguous; a day above 12 settles it, else the page's language does: month
    # first in English (12-02-2025 too), day first elsewhere. Dotted dates (03.12.2025) are day
    # first everywhere.
    if a > 12 or ((day_first or g["num_sep"].startswith(".")) and b <= 12):
        return year, b, a
    return year, a, b


# A dotted date with a two-digit year ('23.09.22', never '1.5.20', a version), as German and Swiss
# pages print it: day first.
_SHORT_DOTTED: Final = re.compile(r"(?<![\d.])(\d\d)\.(\d\d)\.(\d\d)(?![\d.]|\.\d)")


# A date run into the next or the last word where a page's inline elements meet: a year, after a
# space or a mark, then a letter ('July 30, 2019Updated', 'Dec 17, 2025Jane Doe'); a letter, then a
# numeric date ('Erstellt am09.02.2022'); a small letter, then a capital month name that opens a
# date ('Mental HealthDECEMBER 22, 2022').
_GLUED_DATE: Final = re.compile(
    r"(?<=[\s,.](?:19|20)\d\d)(?=[^\W\d_])|(?<=[^\W\d_])(?=\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d)"
    r"|(?<=[a-z])(?=[A-Z])(?=(?i:" + MONTH + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d)")


def unglue_years(text: str) -> str:
    """'July 30, 2019Updated' -> 'July 30, 2019 Updated', 'am09.02.2022' -> 'am 09.02.2022'."""
    return _GLUED_DATE.sub(" ", text)


def find_date(text: str, today: dt.date, day_first: bool = False) -> str | None:
    """The first valid date in `text` not later than `today`, as ISO 8601 (with time when given);
    a dotted date with a two-digit year when no other date is found."""
    text = unglue_years(text)
    found = _find_full_date(text, today, day_first)
    if found is not None or "." not in text:
        return found
    for match in _SHORT_DOTTED.finditer(text):
        try:
            day = dt.date(2000 + int(match.group(3)), int(match.group(2)), int(match.group(1)))
        except ValueError:
            continue
        if day <= today:
            clock = _time_near(text, match)
            return day.isoformat() if clock is None else dt.datetime.combine(day, clock).isoformat()
    return None


def _find_full_date(text: str, today: dt.date, day_first: bool) -> str | None:
    for match in DATE.finditer(text):
        parts = _ymd(match, day_first)
        if parts is None:
            continue
        try:
            day = dt.date(*parts)
        except ValueError:
            continue
        if day > today or day.year < EARLIEST_YEAR:
            continue
        clock = _time_near(text, match)
        if clock is None:
            return day.isoformat()
        return dt.datetime.combine(day, clock).isoformat()
    return None


_URL_DATE: Final = re.compile(r"/((?:19|20)\d\d)[/-](\d{1,2})(?:[/-](\d{1,2}))?/")


# A path segment that opens with a day-first date: /meldungen/29-10-2021, /detail/~02-01-2022-title.
_URL_DAY_FIRST: Final = re.compile(r"/~?(\d{2})[-.](\d{2})[-.]((?:19|20)\d\d)(?=[-/.]|$)")
# A path with the month by its English name: /2023/october/03/, /2023/oct/03/.
_URL_MONTH_NAME: Final = re.compile(r"/((?:19|20)\d\d)/(" + MONTH + r")/(\d{1,2})/", re.I)


def url_date(url: str, today: dt.date) -> str | None:
    """A date in an article URL (/2019/11/19/..., /29-10-2021), or None."""
    match = _URL_DATE.search(url)
    if match and match.group(3) is not None:
        parts = (int(match.group(1)), int(match.group(2)), int(match.group(3)))
    elif (match := _URL_DAY_FIRST.search(url.split("?")[0])) is not None:
        parts = (int(match.group(3)), int(match.group(2)), int(match.group(1)))
    elif (match := _URL_MONTH_NAME.search(url.split("?")[0])) is not None:
        parts = (int(match.group(1)), _month(match.group(2)), int(match.group(3)))
    else:
        return None
    try:
        day = dt.date(*parts)
    except ValueError:
        return None
    return day.isoformat() if day <= today else None


def parse_stamp(value: str) -> dt.datetime | None:
    """An ISO 8601 date or timestamp ('Z' accepted), or None."""
    try:
        return dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def local_form(stamp: dt.datetime, others: list[dt.datetime]) -> dt.datetime:
    """A UTC stamp in the page's own time zone, when another stamp shows the same instant as local
    time: with an offset, or without one but differing by whole hours (same minutes and seconds)."""
    if stamp.utcoffset() != dt.timedelta(0):
        return stamp
    for other in others:
        offset = other.utcoffset()
        if offset is not None and offset != dt.timedelta(0) and abs((other - stamp).total_seconds()) < 60:
            return other
        if offset is None:
            delta = other - stamp.replace(tzinfo=None)
            hours = delta.total_seconds() / 3600
            if hours and hours == int(hours) and abs(hours) <= 14:
                return other.replace(tzinfo=dt.timezone(delta))
    return stamp


def _time_near(text: str, match: re.Match[str]) -> dt.time | None:
    """A clock time within a few characters of the date (before or after it)."""
    window_after = text[match.end() : match.end() + 25]
    window_before = text[max(0, match.start() - 25) : match.start()]
    for window in (window_after, window_before):
        t = TIME.search(window)
        if not t:
            continue
        hour, minute = int(t.group("h")), int(t.group("m"))
        ampm = (t.group("ampm") or "").lower().replace(".", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour > 23:
            continue
        second = int(t.group("s") or 0)
        return dt.time(hour, minute, second)
    return None


