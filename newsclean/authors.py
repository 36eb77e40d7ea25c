"""The page's authors: the precedence over the names it declares (JSON-LD, meta tags, author markup),
its printed bylines (in the header, a date-and-name line, later in the page, in its chrome) and,
where it names no person, the team or brand it credits. Reading names out of a line is bylines.py's."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise
from typing import Final

from .bylines import (
    BYLINE,
    DAY_NAMES,
    LABEL_LEAD,
    inner_byline,
    is_credit,
    is_full_name,
    is_person,
    is_site_account,
    names_in_byline,
    names_part,
    parse_authors,
)
from .dates import DATE, DATE_NOISE, unglue_years
from .model import HEADING_TAGS, Credit, Found, Page
from .text import RUN_START, normalize

# Rules of a header line that may hold a byline after its date or a label (not prose or a caption).
_HEADER_RULES: Final = frozenset({"date-line", "short", "headline-like", "unpunctuated", "no-full-stop", "inline-list"})
# A header line of a date and a name, and nothing else ('12.03.2024 – Jane Doe', 'Jane Doe | March
# 4, 2024', 'JaneDoe 18.10.2019, 15:07 Uhr'): a byline without its 'By'. The date and the clock
# time give way to a mark; what is left must be one name, not a place before a comma ('Berlin,
# 12.03.2024', 'NEW YORK, March 3').
_DATED_NAME_CHARS: Final = 80
# A name has this many words at most ('Jane M. van Doe').
NAME_MAX_WORDS: Final = 4
# A header line this long or shorter may hold a byline after its date or label.
HEADER_LINE_CHARS: Final = 200
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
    name = names_part(parts[0]).strip()  # 'Jane Doe in Politics', 'Jane Doe on behalf of the team'
    words = name.split()
    if len(words) > NAME_MAX_WORDS or (len(words) == 1 and not _CAMEL.search(words[0])):
        return ()
    if not all(w[:1].isupper() for w in words):  # 'Updated on', 'Actualizado el': a label
        return ()
    names = parse_authors(name)
    return names if len(names) == 1 and names[0] == name else ()


def later_byline(page: Page, lo: int) -> Credit | None:
    """The names of the first byline line below the header ('Text: Jane Doe', 'Written by Jane Doe'
    at the end of the article, in an author box after it)."""
    for i in range(lo, len(page.blocks)):
        text = page.blocks[i].text
        if (page.classified[i].rule == "byline" and page.blocks[i].tag not in HEADING_TAGS
                and (BYLINE.match(text) or LABEL_LEAD.match(text))):
            names = parse_authors(text)
            if names:
                return Credit(tuple(names), "later-byline", i)
    return None


# Above the headline a date and words are as often a kicker ('21.01.2022 Aktuelle Meldung'): there a
# name is set off by a mark, or run into the date ('Dec 17, 2025Jane Doe', '04.02.2022 | Jane Doe').
_SET_OFF_NAME: Final = re.compile(r"[|·•–—]|\d(?=[^\W\d_])")


def find_dated_name(page: Page, lo: int, hi: int, headline: int | None = None) -> Credit | None:
    """The name in the first header line of a date and a name (`dated_name`); above the `headline`
    (its index) only one set off from the date."""
    for i in range(lo, min(hi, len(page.blocks))):
        if headline is not None and i < headline and not _SET_OFF_NAME.search(page.blocks[i].text):
            continue
        if page.classified[i].rule in _HEADER_RULES:
            names = dated_name(page.blocks[i].text)
            if names:
                return Credit(tuple(names), "dated-name", i)
    return None


def find_byline(page: Page, lo: int, hi: int) -> Credit | None:
    for i in range(lo, min(hi, len(page.blocks))):
        rule = page.classified[i].rule
        if rule == "byline":
            names = parse_authors(page.blocks[i].text)
            if page.blocks[i].tag in HEADING_TAGS and not all(map(is_full_name, names)):
                continue  # a headline that opens with 'Von', 'By' ('Von Sturm, Flut und Dürre')
        elif rule in _HEADER_RULES and len(page.blocks[i].text) <= HEADER_LINE_CHARS:
            names = inner_byline(page.blocks[i].text)
        else:
            continue
        if names:
            return Credit(tuple(names), "byline", i)
    return None


def declared_people(values: list[Found], outlets: frozenset[str],
                    accept: Callable[[str, frozenset[str]], bool] | None = None) -> tuple[tuple[str, ...], str]:
    """The people an HTML page declares as its authors (a text dump declares none); `accept` tells a
    name kept (a person's, by default). Whom the page credits that is no person (`accept` is_credit),
    may also be a user name it declares only in JSON-LD or a meta tag ('jdoe')."""
    if not values:
        return (), ""
    return person_names(values, outlets, accept or is_person, declared_handles=accept is is_credit)


def page_authors(declared: dict[str, list[Found]], byline: Credit | None, outlets: frozenset[str],
                 *later: Credit | None, hosts: tuple[str, ...] = ()) -> Credit | None:
    """The authors, by precedence: the names the page declares (JSON-LD, meta tags, author markup),
    its printed byline, the names it links to their author pages ('/author/jane-doe'), the names in
    an element it calls its byline, a header line of a date and a name, a later byline, a byline
    printed anywhere else (in the page chrome too); none of them an outlet of the page. Failing all, the name the
    page credits that is its own site's name when it reads as a person's full name (a personal
    site: 'Jane Doe', at janedoe.example); a brand of one word ('Examplepedia') is no author.
    Failing that too, whoever the page credits, by the same precedence: a desk, a team, the outlet,
    a user name it declares that is not the site's own account (its address's name, `hosts`)."""
    found = _page_authors(declared, byline, outlets, *later)
    if found is None and outlets:
        found = _page_authors(declared, byline, frozenset(), *later)
        if found is not None and not all(len(name.split()) >= 2 for name in found.names):
            found = None
    if found is None:
        found = _page_authors(declared, byline, outlets | frozenset(hosts), *later, accept=is_credit)
    if found is None:
        return None
    forms = _name_forms(declared, byline, *later) if any(map(_shortens, found.names)) else frozenset()
    names = _trimmed(found.names, outlets, forms)
    return Credit(names, found.source, found.index) if names != found.names else found


def _name_forms(declared: dict[str, list[Found]], *lines: Credit | None) -> frozenset[str]:
    """Every name the page's author sources give (declared, marked, linked, printed)."""
    forms = {name for line in lines if line is not None for name in line.names}
    for key, values in declared.items():
        if key == "authors":
            forms.update(n for f in values for n in parse_authors(f.value, True))
        elif key in ("byline_markup", "author_links", "author_box"):
            forms.update(n for f in values for n in parse_authors(f.value, handles=True))
        elif key == "printed_bylines":
            forms.update(n for f in values for n in names_in_byline(f.value))
    return frozenset(forms)


def _shortens(name: str) -> bool:
    """Whether another form could shorten `name` (_short_form): three words or more, or a small
    letter run into a capital; most names are neither, and the page's forms are not gathered."""
    return name.count(" ") >= 2 or any(a.islower() and b.isupper() for a, b in pairwise(name))


def _short_form(name: str, forms: frozenset[str]) -> str:
    """The shortest form of `name` the page prints elsewhere as a name of its own, the rest a role, a
    credential or a remark ('Cara Doe RN' for 'Cara Doe', 'Jane Doe Head Winemaker' for 'Jane Doe'), or
    the text of an element run into it ('JaneJane Doe, our founder' for 'Jane'). A lone first name does
    not shorten a full one ('Jane' for 'Jane Doe')."""
    best = name
    for form in forms:
        if len(form) >= len(best) or not name.startswith(form):
            continue
        after = name[len(form)]
        if (after == " " and " " in form) or (after.isupper() and form[-1].islower()):
            best = form
    return best


def _without_outlet(name: str, outlets: frozenset[str]) -> str:
    """A name with the outlet printed after it ('Jane Doe USA TODAY') cut off; two words kept at least."""
    words = name.split()
    for count in range(len(words) - 2, 0, -1):
        if normalize(" ".join(words[-count:])).replace(" ", "") in outlets:
            return " ".join(words[:-count])
    return name


def _trimmed(names: tuple[str, ...], outlets: frozenset[str], forms: frozenset[str]) -> tuple[str, ...]:
    """The names shortened to their own form (`_short_form`, `_without_outlet`); a word left alone among
    full names ('Jane Doe Gardener & Astrologer': 'Astrologer') is a role, not a name."""
    out = [_without_outlet(_short_form(name, forms), outlets) for name in names]
    if any(" " in n for n in out):
        out = [n for n in out if " " in n or not n.isascii()]
    return tuple(dict.fromkeys(out))


def first_printed_byline(elements: list[Found]) -> Credit | None:
    """The names of the first byline printed anywhere (an element of its own: 'Posted by Jane Doe')."""
    for element in elements:
        names = names_in_byline(element.value)
        if names:
            return Credit(tuple(names), element.source)
    return None


def brand_over_byline(names: tuple[str, ...], byline: Credit | None, outlets: frozenset[str],
                      accept: Callable[[str, frozenset[str]], bool]) -> bool:
    """Whether the declared credit is a brand of one word ('Google', 'L-Mag') over a byline (the
    header's, else one printed anywhere) that names people by their full names: the byline is the
    article's."""
    if byline is None or any(" " in name for name in names):
        return False
    printed = [n for n in byline.names if accept(n, outlets)]
    return bool(printed) and all(len(n.split()) >= 2 for n in printed)


def _page_authors(declared: dict[str, list[Found]], byline: Credit | None, outlets: frozenset[str],
                  *later: Credit | None, accept: Callable[[str, frozenset[str]], bool] = is_person) -> Credit | None:
    """The first of page_authors' sources that names a person (whom `accept` accepts), none of
    them one of `outlets`."""
    names, names_source = declared_people(declared.get("authors", []), outlets, accept)
    printed_line = byline or first_printed_byline(declared.get("printed_bylines", []))
    if names and printed_line is not None and brand_over_byline(names, printed_line, outlets, accept):
        return Credit(tuple(n for n in printed_line.names if accept(n, outlets)),
                     printed_line.source, printed_line.index)
    if names and names_source == "html-author":
        names = _confirmed(names, declared, outlets, accept)
    if names:
        return Credit(_with_coauthors(names, declared, byline, outlets, accept), names_source)
    if byline is not None:
        byline_names = tuple(n for n in byline.names if accept(n, outlets))
        if byline_names:
            return Credit(tuple(byline_names), byline.source, byline.index)
    linked, linked_source = declared_people(declared.get("author_links", []), outlets, accept)
    if linked:
        return Credit(tuple(linked), linked_source)
    for element in declared.get("byline_markup", []):  # the first that names a person
        marked, marked_source = declared_people([element], outlets, accept)
        if marked:
            return Credit(tuple(marked), marked_source)
    boxed = tuple(f.value for f in declared.get("author_box", []) if accept(f.value, outlets))
    if boxed:  # the name that opens an author's box (its role, its biography after it)
        return Credit(boxed, "author-box")
    for found in later:  # the lines found last: a header line of a date and a name, a later byline
        if found is not None:
            later_names = tuple(n for n in found.names if accept(n, outlets))
            if later_names:
                return Credit(tuple(later_names), found.source, found.index)
    for element in declared.get("printed_bylines", []):  # a byline anywhere, the page chrome's too
        printed = tuple(n for n in names_in_byline(element.value) if accept(n, outlets))
        if printed:
            return Credit(tuple(printed), element.source)
    return None


# A personal site's name: an academic title, then a person's name of two or three words ('Dr. Jane Doe').
# (Without the title, only a full name of a person's words: a brand's may look so, 'Royal Road' at royalroad.example.)
_TITLED_NAME: Final = re.compile(r"^(?:dr|prof)\.(?:\s*(?:dr|prof)\.)*\s*(?P<name>[^\W\d_]+(?:[ '’-][^\W\d_]+){1,2})$",
                                 re.I)


def personal_site_author(site: str | None, host: str) -> Credit | None:
    """The owner of a personal site, for a page that credits no one: its site's name (or its home
    link's text), when that is a person's name ('Dr. Jane Doe', 'Jane Doe') and the site's address is
    that name (janedoe.example, jane-doe.example); a name without the title must be a full name and
    nothing else (bylines.is_full_name: no desk, team or role words), and may be addressed by one of
    its words too (jane.blog.example, doe.example)."""
    site = " ".join((site or "").split())
    if not host:
        return None
    match = _TITLED_NAME.match(site)
    name = match.group("name") if match else site
    if (not all(w[:1].isupper() and not w.isupper() for w in name.split()) or not is_person(name)
            or (match is None and not is_full_name(name))):
        return None
    labels = {label.replace("-", "") for label in host.lower().split(".")[:-1]}
    words = normalize(name).split()
    addressed = "".join(words) in labels or (match is None and any(len(w) > 2 and w in labels for w in words))
    return Credit((name,), "personal-site") if addressed else None


def _confirmed(names: tuple[str, ...], declared: dict[str, list[Found]], outlets: frozenset[str],
               accept: Callable[[str, frozenset[str]], bool]) -> tuple[str, ...]:
    """Of several names marked up as authors anywhere in the page (`html-author`: its other stories'
    and contacts' too), those its author links or the element it calls its byline give as well,
    when they give some: the article's."""
    if len(names) < 2:
        return names
    printed, _ = declared_people(declared.get("author_links", []), outlets, accept)
    for element in declared.get("byline_markup", []):
        marked, _ = declared_people([element], outlets, accept)
        if marked:
            printed += marked
            break
    kept = tuple(n for n in names if n in printed)
    return kept or names


# The most names a list that adds co-authors to the declared ones may hold (more are a list of staff).
_COAUTHORS_MAX: Final = 4


def _with_coauthors(names: tuple[str, ...], declared: dict[str, list[Found]], byline: Credit | None,
                    outlets: frozenset[str], accept: Callable[[str, frozenset[str]], bool]) -> tuple[str, ...]:
    """The declared names, or the longer list of one tag that declares them all and more, or of the
    header's byline (JSON-LD that names the first of the writers a meta tag or the byline names: 'By
    Jane Doe and John Roe'). (Several tags of one name each add no one: the second may be a column's
    name. Names marked up in the page, `html-author`, are its other stories' and comments' too.)"""
    lists = [list(parse_authors(found.value, True)) for found in declared.get("authors", [])
             if found.source != "html-author" and not _URLISH.search(found.value)]
    if byline is not None:
        lists.append(list(byline.names))
    best = names
    for candidates in lists:
        people = tuple(n for n in dict.fromkeys(candidates) if accept(n, outlets))
        if len(best) < len(people) <= _COAUTHORS_MAX and set(names) < set(people):
            best = people
    return best


# A value that is a web address, not a name.
_URLISH: Final = re.compile(r"^(?:https?:)?//|^www\.|\.(?:com|org|net)\b", re.I)
# Sources of the bylines a page prints in elements it marks as such (a class, a link to the author's
# page): there a user name in small letters is the author's ('jdoe'), not a stray word.
_PRINTED_BYLINES: Final = frozenset({"html-byline", "author-link"})


def person_names(values: list[Found], outlets: frozenset[str] = frozenset(),
                 accept: Callable[[str, frozenset[str]], bool] | None = None,
                 declared_handles: bool = False) -> tuple[tuple[str, ...], str]:
    """The people named by the first source (JSON-LD, a meta tag, marked-up bylines) that names any,
    and that source: no URLs, no outlets or desks (what `accept`, bylines.is_person by default,
    accepts), several names split apart; with `declared_handles`, a user name JSON-LD or a meta tag
    declares too."""
    accept = accept or is_person

    by_source: dict[str, list[str]] = {}
    for found in values:
        if not _URLISH.search(found.value):
            declared = found.source == "json-ld" or found.source.startswith("meta:")
            printed = found.source in _PRINTED_BYLINES
            # An element marked as the byline may print it after a label or a date ('Posted in News by
            # jdoe', 'Pressemitteilung von Jane Doe'): names_in_byline reads that form first.
            names = (printed and names_in_byline(found.value)) or parse_authors(
                found.value, declared, printed or (declared and declared_handles))
            if declared and declared_handles:
                names = tuple(n for n in names if not is_site_account(n, outlets))
            by_source.setdefault(found.source, []).extend(names)
    for source, listed in by_source.items():
        people = [n for n in dict.fromkeys(listed) if accept(n, outlets)]
        # A one-word item among full names ('Jane Doe, Outlet') is an outlet or a role; and so is one
        # left of an organisation's name ('Ministry for Economy and Climate': not 'Climate').
        if any(" " in n for n in listed):
            people = [n for n in people if " " in n or not n.isascii()]
        if people:
            return tuple(people), source
    return (), ""
