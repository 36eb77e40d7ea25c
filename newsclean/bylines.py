"""Bylines and the names in them, in one place: what reads as a person's name, how a byline line
('By Jane Doe and John Roe, AP', 'Posted on May 2 by jdoe', 'Von Julia Hartmann') is split into
names, and what a page may credit when it names no person. Pure text functions: metadata.py reads
a page's blocks with them, htmlmeta.py the elements an HTML page marks as bylines."""

from __future__ import annotations

import re
from typing import Final

from .dates import DATE, LOCAL_MONTH, MONTH, is_date_line
from .model import Features
from .text import RUN_START, any_of, normalize, phrases

BYLINE_LEADS: Final = phrases("by", "von", "par", "por", "di", "door", "written by", "words by", "reporting by",
                      "story by", "posted by", "author", "authors", "autor", "autorin", "autoren", "auteur")
# Words that name a newsroom's desk ('Staff', 'Editorial', 'Redaktion'): a credit of one is the outlet's.
DESK_WORDS: Final = frozenset(phrases(
    "staff", "editorial", "editors", "desk", "newsroom", "redaktion", "rédaction", "redacción", "redazione",
    "wire", "reporters",
))
# News agencies, and the word for them, as a byline credits them beside or instead of a writer ('Von
# Jane Doe, dpa', 'By Agencies'): no author.
NEWS_AGENCIES: Final = frozenset(phrases(
    "dpa", "apa", "sda", "ats", "kna", "epd", "afp", "ap", "upi", "reuters", "efe", "ansa", "aap", "ddp", "dapd",
    "sid", "sp-x", "kyodo", "jiji", "xinhua", "anp", "belga", "ntb", "pap", "ctk", "tass",
    "agencies", "agency", "agenturen", "agentur", "agences", "agencias", "agenzie",
))
# Words that make a byline name an organisation or a desk rather than a person.
ORGANISATION_WORDS: Final = DESK_WORDS | frozenset(phrases(
    "news", "team", "agency", "press", "media", "inc", "ltd", "llc", "group", "network", "online", "magazine",
    "business", "international", "times", "post", "daily", "digital", "service",
))
AUTHOR_TITLE_WORDS: Final = phrases(
    r"writer", r"correspondent", r"reporter", r"editor", r"columnist", r"contributor", r"staff",
    r"journalist", r"bureau chief", r"analyst", r"producer",
)
BYLINE_PREFIXES: Final = tuple(p + " " for p in BYLINE_LEADS)
BYLINE: Final = re.compile(r"^\s*" + any_of(BYLINE_LEADS) + r"\s*:?\s+(?P<names>\S.{1,150})$", re.I)
ROLE_TOKENS: Final = frozenset(w for word in AUTHOR_TITLE_WORDS for w in (word, word + "s") if " " not in word)
# Names, then a comma and a role: 'Tom Krisher, AP Auto Writer', 'Jane Doe and John Roe, Staff Writers'.
_NAME: Final = r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}"
ROLE_BYLINE: Final = re.compile(
    rf"^\s*{_NAME}(?:\s*(?:,|&|\band\b)\s*{_NAME})*\s*,\s+(?:[\w.&'-]+\s+){{0,3}}"
    r"(?i:" + any_of(AUTHOR_TITLE_WORDS) + r")s?\b[\w\s.,'-]{0,40}$"
)
# Jobs and titles a byline prints after a comma besides the newsroom's own ('Jane Doe, Senior Director,
# Content', 'Jane Doe, Master Gardener & Garden Educator', 'Erika Muster, Projektleiterin der Stiftung'):
# the role, and all after it, is no name. (Not a word that is as often a surname: 'Head', 'Host'.)
_ROLE_AFTER_COMMA_WORDS: Final = phrases(
    r"director", r"manager", r"founder", r"co-founder", r"cofounder", r"ceo", r"cto", r"cfo", r"coo", r"president",
    r"chairman", r"chairwoman", r"officer", r"expert", r"specialist", r"consultant", r"strategist", r"educator",
    r"dietitian", r"nutritionist", r"researcher", r"professor", r"scientist", r"engineer", r"designer",
    r"developer", r"attorney", r"lawyer", r"advisor", r"adviser", r"therapist", r"instructor", r"coordinator",
    r"representative", r"photographer", r"physician", r"head of",
    r"redakteur(?:in)?", r"korrespondent(?:in)?", r"referent(?:in)?", r"sprecher(?:in)?", r"mitarbeiter(?:in)?",
    r"geschäftsführer(?:in)?", r"journalist(?:in)?", r"fotograf(?:in)?", r"volontär(?:in)?",
    r"\w+leiter(?:in)?",  # 'Projektleiterin', 'Abteilungsleiter'
    r"journaliste", r"rédacteur", r"rédactrice", r"correspondante?", r"directeur", r"directrice",
    r"periodista", r"corresponsal", r"redactora?", r"directora?", r"giornalista", r"corrispondente",
)
AUTHOR_TITLE: Final = re.compile(r",\s*(?:[\w.&'’-]+\s+){0,4}"
                                 + any_of((*AUTHOR_TITLE_WORDS, *_ROLE_AFTER_COMMA_WORDS)) + r"s?\b.*$", re.I)
# What follows the names in a byline: a separator, then a role, an outlet or a date.
BYLINE_TAIL: Final = re.compile(RUN_START + r"(?:\s++[|•·–—]\s+|\s*+,\s*(?=[A-Z]{2}|\d))")
NAME_SPLIT: Final = re.compile(RUN_START + r"(?:\s*+[,;&]\s*|\s++(?:and|und|et|y|e|og|en|i|AND)\s+)")


def is_byline(text: str, f: Features) -> bool:
    """'By Jane Doe', 'Von Max Muster und Erika M.': a lead word, then mostly capitalised names;
    or names followed by a role: 'Tom Krisher, AP Auto Writer'."""
    if f.words > 12:
        return False
    if not (f.key + " ").startswith(BYLINE_PREFIXES):
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


_NOT_A_NAME: Final = re.compile(
    r"^(?:staff|the|by|and|updated|published|posted|news|associated press|reuters|afp|ap|editor|editors"
    r"|admin|administrator|webmaster|no author|unknown|anonymous|anonym|anónimo|anonyme|undefined|null|none"
    r"|publisher|guest|gast|invité|invitado|ospite|гость|author|authors|autor|autorin|auteur|written by"
    r"|stand|datum|date|aktualisiert|erschienen|actualizado|atualizado|aggiornato|publicado|publié|pubblicato"
    r"|posted by|by|von|par|por|full bio|bio|profile"
    r"|view profile|sponsored|veröffentlicht(?: am| von)?|published(?: by| on| in)?|last updated|updated"
    r"|(?:zuletzt )?(?:geändert|bearbeitet)(?: am)?|(?:last )?(?:modified|edited)(?: on)?)$", re.I
)


_COMPANY: Final = re.compile(
    r"\b(?:gmbh|ag|kg|e\.\s?v|inc|ltd|llc|plc|corp|s\.a|s\.l|srl|s\.p\.a|pty|bv|nv|oy|ab)\b\.?$|^(?:co|copyright)\b|©",
    re.I)


# The small words inside a person's name ('Ludwig van Beethoven', 'María de la Cruz', 'Omar bin Said');
# another word in small letters after a capital makes a label ('Personal finance', 'Updated by Jane
# Doe') or a team's name ('Ask the Experts'), not a person's.
_PARTICLES: Final = frozenset({
    "van", "von", "vom", "zu", "zum", "zur", "der", "den", "de", "del", "della", "delle", "degli", "dei", "di", "da",
    "das", "do", "dos", "du", "des", "la", "le", "les", "lo", "los", "las", "ter", "ten", "te", "op", "het", "'t",
    "bin", "ibn", "bint", "al", "el", "y", "e", "i", "af", "av", "och", "und", "et", "and",
})


def is_label(name: str) -> bool:
    """A byline's label taken for a name: its lead words alone ('The Author', 'Autor')."""
    return all(w in _LABEL_WORDS for w in normalize(name).split())


def is_person(name: str, outlets: frozenset[str] = frozenset()) -> bool:
    """A name that reads as a person's: not an outlet the page names (its site, its publisher), not
    a desk, an agency or a company ('Example GmbH'), not a handle, not a label."""
    words = name.lower().replace(".", " ").split()
    if not words or any(w in ORGANISATION_WORDS for w in words) or _COMPANY.search(name) or is_label(name):
        return False
    if name[:1].isupper() and any(w[:1].islower() and w not in _PARTICLES for w in name.split()[1:]):
        return False
    if normalize(name).replace(" ", "") in outlets:
        return False
    return not ("@" in name or "/" in name or "_" in name)


# A line that names a role, not a person ('Marketing Director', 'Staff Writer').
_ROLE_WORD: Final = re.compile(r"\b" + any_of((*AUTHOR_TITLE_WORDS, *_ROLE_AFTER_COMMA_WORDS)) + r"s?\b", re.I)
# A lead that credits someone other than the writer ('Fact checked by', 'Reviewed by', 'Photos by',
# 'Geprüft von'): the name after it is no author's.
OTHER_ROLE_LEAD: Final = re.compile(
    r"\b(?:fact[- ]?checked|checked|reviewed|edited|verified|photos?|photographs?|pictures?|images?|illustrations?"
    r"|translated|geprüft|überprüft|redigiert|übersetzt|fotos?|bilder?|révisé|vérifié|traduit|revisado|verificado"
    r"|traducido|rivisto|tradotto)\s+(?:by|von|par|por|da|door)\s*:?$", re.I)
# A person's full name on a line of its own has this many words ('Jane Doe', 'Jane M. van Doe').
_FULL_NAME_WORDS: Final = (2, 4)


def is_full_name(line: str) -> bool:
    """A line that is a person's full name and nothing else: two to four words, capitalised but for the
    small words of names, no role ('Jane Doe', not 'Marketing Director' nor 'About the author')."""
    words = line.split()
    if (not _FULL_NAME_WORDS[0] <= len(words) <= _FULL_NAME_WORDS[1] or not line[:1].isupper()
            or not words[-1][:1].isupper()):  # 'Rezept von': a lead
        return False
    if (any(w.isupper() and len(w) > 2 for w in words) or _ROLE_WORD.search(line)
            or words[0].lower() in _CREDIT_FILLERS  # 'The Example Team', 'Our Editors'
            or any(w.lower() in SITE_WORDS for w in words)):  # 'Example Homepage', a link's label
        return False
    return is_person(line) and parse_authors(line) == (line,)


# Words run together where a page's inline elements meet ('ByJane Doe', 'Jane DoePublished May 2'):
# a lead word before a capitalised name, a label or a month after a name.
_GLUED_LEAD: Final = re.compile(r"^((?:[Ww]ritten |[Pp]osted |[Ss]tory )?[Bb]y|[Vv]on|[Pp]ar|[Pp]or)(?=[A-Z][a-z])")
_GLUED_TAIL: Final = re.compile(
    r"(?<=[a-z])(?=(?:Published|Updated|Posted|Last [Uu]pdated|Veröffentlicht|Aktualisiert|Publié|Publicado|January"
    r"|February|March|April|May|June|July|August|September|October|November|December)\b)")
# What ends the names in a byline: a separator, a word that opens a date ('am 3. Mai', 'le 7 mai',
# 'on Friday'), a category or a place ('in Politics', 'in Berlin'), a label ('Updated', 'Lesezeit:'),
# another credit ('Illustration von ...').
DAY_NAMES: Final = (r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|montag|dienstag|mittwoch|donnerstag|freitag|samstag"
                     r"|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves"
                     r"|viernes|sábado|domingo|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica")
_DAY: Final = re.compile(DAY_NAMES, re.I)  # a weekday alone ('Donnerstag, 4. November 2021'): no name
# (From RUN_START, the white space taken whole: tried from every space of a long run, it took cubic time.)
_NAMES_END: Final = re.compile(
    RUN_START + r"(?:\s++(?:on|am|um|le|el|il|at)\s+(?=\d|(?:" + DAY_NAMES + r"|" + MONTH + r"|" + LOCAL_MONTH
    + r")\b)"
    r"|\s++[|–—-]\s+|\s++(?:in|under|on behalf of)\s+"
    r"|\s++(?:updated|last updated|last modified|published|posted|veröffentlicht|aktualisiert"
    r"|zuletzt aktualisiert|publiziert|publié|publicado|stand|date|datum|sponsored)(?::|\s+|$)"
    r"|\s*+[|•·⋅●■▪]\s*|\s++\w+:\s"
    r"|\s++(?:illustrations?|fotos?|photos?|photography|bilder?|grafik|video|images?|pictures?)\s+(?:by|von|par|por|de)\s+)",
    re.I)
# 'View all posts by Jane Doe', 'Zeige alle Beiträge von Jane Doe', 'More about Jane Doe', 'Alles von
# Jane Doe', 'Text by Jane Doe', 'Veröffentlicht von Jane Doe', 'Published by Jane Doe'; the lead alone
# ('Artikel von:', its name in the next element) leaves nothing.
_POSTS_BY: Final = re.compile(
    r"^\s*(?:(?:this|the) (?:post|article|story|piece|guide|review) (?:was|is) (?:written|authored) by"
    r"|(?:zeige |view |see |show )?(?:alle |all )?(?:beiträge|posts|articles|artikel|stories|texte?)"
    r"\s+(?:von|by|de)|more (?:about|from|by)|alles von|(?:veröffentlicht|publiziert|geschrieben|verfasst"
    r"|eingestellt|erstellt|published|posted|written|authored|écrit|publié|escrito|publicado|scritto|pubblicato)"
    r"\s+(?:von|by|par|por|da))\s*:?(?:\s+|$)",
    re.I)


# 'Published in Nature': the publication a story appeared in, not its author.
_PUBLISHED_IN: Final = re.compile(RUN_START + r"\s*+(?:published in|erschienen in|publié dans|publicado en)\b",
                                  re.I)
# The words between the names and the date that follows them ('Jane Doe on', 'Jane Doe am').
_BEFORE_DATE: Final = re.compile(r"(?:\s+(?:on|am|um|le|el|il|at|the))?[\s,]*$", re.I)
_LEAD_MARKS: Final = re.compile(r"^[\s|•·⋅–—,-]+")  # what parts a date before the names from them
# 'Jane Doe/John Roe' parts two names; 'example.com/jane' is an address.
_NAME_SLASH: Final = re.compile(r"(?<=\w)\s*/\s*(?=\w)")
_PATH: Final = re.compile(r"\.\w+/")
_NAME_EDGES: Final = re.compile(r"^\W+|[^\w.'’)®™]+$")  # marks around a name, not its initials or a ™
_YEAR_GLUED: Final = re.compile(r"((?:19|20)\d\d)(?=\d)")  # '2019' run into the next figure

# A user name as blogs and forums print it in their bylines: one word in small letters, perhaps with
# figures or dots ('jdoe', 'jane.doe', 'user42'), a letter first.
_HANDLE: Final = re.compile(r"^[a-z][a-z0-9.-]{1,30}$")
# A forum's user name of letters and figures, a capital first or not ('Bo2man', 'Delta201').
_FIGURED_HANDLE: Final = re.compile(r"^(?=[^\d]*\d)[A-Za-z][A-Za-z0-9._-]{2,30}$")
# A user name of the site's own account, not a writer's ('admin2', 'wpadmin', 'webteam', 'redaktion1').
_SITE_ACCOUNT: Final = re.compile(r"admin|webmaster|wordpress|redaktion|editor|team|staff|author|^user|^web", re.I)
# A user name that is a web address ('example.de', 'example.com'): the site's.
_ADDRESS_HANDLE: Final = re.compile(r"\.(?:[a-z]{2}|com|org|net|info|biz|edu|gov)$")
# A full name written in small letters ('jane doe'), as a page may declare it (JSON-LD, a meta tag):
# two or three words of letters.
_SMALL_NAME: Final = re.compile(r"^[^\W\d_]+(?:[ '’-][^\W\d_]+){1,2}$")
# A social-media handle printed after the name ('Jane Doe @janedoe'): not part of the name.
_AT_HANDLE: Final = re.compile(r"(?<=\w)\s+@\w+$")
# A remark in brackets after a name ('Jane Doe (Sponsored Post)', 'Jane Doe (Gast)'): not part of it.
_BRACKETED_TAIL: Final = re.compile(r"(?<=\w)\s*\([^()]*\)$")

# A label before the names: 'Text: Jane Doe', 'Автор: Jane Doe', 'Interview: Jane Doe', 'Contributors: Jane
# Doe', or a few joined ('Text und Interview: Jane Doe', 'Text & Fotos: Jane Doe').
_LABELS: Final = (r"(?:text|texto|texte|testo|текст|автор|autor|autorin|autoren|author|authors|auteur|interview"
                  r"|redaktion|contributors?)")
_JOINED_LABELS: Final = r"(?:text|texte|interview|fotos?|photos?|photography|bilder?|images?|illustrations?)"
LABEL_LEAD: Final = re.compile(
    r"^\s*" + _LABELS + r"(?:\s*(?:und|and|et|&|,|/|\+)\s*" + _JOINED_LABELS + r")*\s*:\s*", re.I)
# A role printed after a name without a comma ('Jane Doe Writer') is cut where this many words or
# more stand: of two, the last may be the surname, or both a role ('Staff Writer').
ROLE_AFTER_NAME_MIN_WORDS: Final = 3
# A byline lead followed by this many words or more, the first in small letters, opens a sentence
# ('By clicking Sign Up, you agree to ...'), not a byline.
SENTENCE_LEAD_WORDS: Final = 2
# A part of a byline of this many words or more in small letters is a clause ('By batching, we can cut
# the cost'): the line is a sentence.
SENTENCE_CLAUSE_WORDS: Final = 4
# Leads that are nouns ('Author', 'Autor'): without a colon, a word in small letters after one is a
# label's ('Author names', 'Author information'), not a user name.
_NOUN_LEADS: Final = frozenset({"author", "authors", "autor", "auteur"})


def names_part(text: str) -> str:
    """The part of a byline's text up to where its names end ('Jane Doe in Politics', 'Jane Doe for
    Example Post', 'Jane Doe | Updated')."""
    return _NAMES_END.split(text, maxsplit=1)[0]


def parse_authors(text: str, declared: bool = False, handles: bool = False) -> tuple[str, ...]:
    """'By Jane Doe and John Roe, AP Writers' -> ('Jane Doe', 'John Roe'). A name starts with a
    capital; one the page declares as its author (`declared`: JSON-LD, a meta tag) may also be
    written in a script without capitals ('孔德明'); where the page prints its byline in an element
    it marks as such (`handles`: its class, a link to the author's page), a user name ('jdoe42')."""
    text = _POSTS_BY.sub("", _GLUED_TAIL.sub(" ", _GLUED_LEAD.sub(r"\1 ", text)))
    text = LABEL_LEAD.sub("", text)
    if _PUBLISHED_IN.match(text):
        return ()  # the publication a story appeared in, not its author
    match = BYLINE.match(text)
    names = _POSTS_BY.sub("", match.group("names")) if match else text
    names = AUTHOR_TITLE.sub("", names)
    date = DATE.search(names)
    if date and date.start() == 0:  # 'March 2, 2026 · Jane Doe': the names after the date
        names = _LEAD_MARKS.sub("", names[date.end():])
        date = DATE.search(names)
    if date and date.start() > 0:  # 'Jane Doe March 2, 2026', 'Jane Doe on May 2, 2026'
        names = _BEFORE_DATE.sub("", names[: date.start()])
    # 'Jane Doe. Outlet International': what follows a full stop after the name is not a name.
    names = re.split(r"(?<=[a-z]{2})\.\s+", names, maxsplit=1)[0]
    names = names_part(names)
    out = []
    pieces = NAME_SPLIT.split(names)
    if match and len(lead := pieces[0].split()) >= SENTENCE_LEAD_WORDS and lead[0].islower():
        return ()  # 'By clicking Sign Up, you agree to our Privacy Policy': a sentence, no byline
    if match and any(len(words := p.split()) >= SENTENCE_CLAUSE_WORDS and words[0].islower() for p in pieces):
        return ()
    if match and handles and ":" not in text[:match.start("names")] and (
            text[:match.start("names")].split() or [""])[-1].lower() in _NOUN_LEADS:
        handles = False
    for part in (p for piece in pieces for p in (_NAME_SLASH.split(piece) if not _PATH.search(piece) else [piece])):
        part = _NAME_EDGES.sub("", _BRACKETED_TAIL.sub("", _AT_HANDLE.sub("", part))).strip(" .,;:")
        if (not part or _NOT_A_NAME.match(part) or len(part.split()) > 4 or part.lower() in NEWS_AGENCIES
                or _DAY.fullmatch(part)):
            continue
        if handles and (_HANDLE.match(part) or _FIGURED_HANDLE.match(part)):
            if not _SITE_ACCOUNT.search(part):
                out.append(part)
            continue
        if not (part[:1].isupper() or (declared and part[:1].isalpha() and not part[:1].islower())
                or (declared and part.islower() and " " in part and _SMALL_NAME.match(part))):
            continue
        if any(ch.isdigit() for ch in part):
            continue
        words = part.split()
        while (len(words) >= ROLE_AFTER_NAME_MIN_WORDS and words[-1].istitle() and words[-1].lower() in ROLE_TOKENS
               and words[-1].lower() not in DESK_WORDS  # 'Daily Planet Staff' is a desk
               and all(w[:1].isupper() and not w.isupper() for w in words[:-1])):  # 'Jane Doe Writer': her role
            words = words[:-1]
            part = " ".join(words)
        if len(words) % 2 == 0 and words[: len(words) // 2] == words[len(words) // 2:]:
            part = " ".join(words[: len(words) // 2])  # 'Jane Doe Jane Doe': a name printed twice
        out.append(part.title() if part.isupper() and len(part) > 3 else part)
    return tuple(dict.fromkeys(out))


# A byline inside a header line, after its date or a label: 'Posted on May 2, 2024 by Jane Doe',
# '22. Dezember 2019 von Jane Doe', 'Text von Jane Doe', 'Autor: Jane Doe', 'Recipe by Jane Doe'.
_INNER_LEAD: Final = re.compile(
    r"(?:^|(?<=[\s|•·,;–—-]))(?:written by|posted by|by|von|par|por|door|geschrieben von|verfasst von|eingestellt von|"
    r"erstellt von|écrit par|publié par|escrito por|publicado por|scritto da)(?:\s*:\s*|\s+)(?=\S)"
    r"|(?:^|(?<=[\s|•·,;–—-]))(?:autor|autorin|autoren|author|authors|auteur|text|texto|interview|von|redaktion"
    r"|contributors?)(?:\s*(?:und|and|et|&|,|/|\+)\s*" + _JOINED_LABELS + r")*\s*:\s*",
    re.I)
# The category a header line files the story in before its byline ('Posted in Politics by jdoe', 'Filed
# under News by Jane Doe'): no date, and no name.
_FILED_IN: Final = re.compile(
    r"^(?:posted|filed|published|veröffentlicht|publié|publicado)\s+(?:in|under|unter|dans|en)\s[^|•·]*$", re.I)
_CREDIT_WORDS: Final = frozenset({"text", "texte", "texto", "story", "recipe", "guide", "review", "interview", "words",
                                  "report", "article", "beitrag", "artikel", "bericht", "posted", "published",
                                  "veröffentlicht", "publiziert", "erstellt", "eingestellt", "written", "publié",
                                  "publicado", "on", "am", "le", "el", "il", "date", "datum", "stand",
                                  "a", "an", "ein", "eine", "this", "was", "blog", "post", "guest", "gastbeitrag",
                                  "pressemitteilung", "medienmitteilung", "press", "release", "communiqué"})


def inner_byline(text: str, handles: bool = False) -> tuple[str, ...]:
    """The names of a byline that a header line holds after a date or a label."""
    text = _GLUED_LEAD.sub(r"\1 ", text)
    match = _INNER_LEAD.search(text)
    if match is None:
        return ()
    head = _YEAR_GLUED.sub(r"\1 ", text[: match.start()]).strip(" |•·,;:–—-")
    head = _FILED_IN.sub("", head)
    words = [w for w in head.split() if w.lower().strip(":") not in _CREDIT_WORDS]
    if head and words and not is_date_line(" ".join(words)):
        return ()
    return parse_authors(text[match.end():], handles=handles)


# What a link to a listing sorts or files posts by ('View posts by tag'): no user name.
_LISTING_KEYS: Final = frozenset({"tag", "tags", "category", "categories", "topic", "topics", "date", "author",
                                  "authors", "month", "year", "type", "series"})


def names_in_byline(text: str) -> tuple[str, ...]:
    """The names of a line that is a byline: 'By Jane Doe', or a date or label, then the byline
    ('Apr 17, 2025 By Jane Doe', 'Posted on May 2 by jdoe', 'All articles by Jane Doe'); not the key
    a listing's link sorts by ('View posts by tag')."""
    posts = _POSTS_BY.match(text)
    if posts and text[posts.end():].strip().lower() in _LISTING_KEYS:
        return ()
    if BYLINE.match(_GLUED_LEAD.sub(r"\1 ", text)) or posts:
        return parse_authors(text, handles=True)
    return inner_byline(text, handles=True)


_CREDIT_FILLERS: Final = frozenset({"the", "our", "by"})
# The words of a byline's label ('The Author', 'About the author', 'Autor'): no name among them.
_LABEL_WORDS: Final = _CREDIT_FILLERS | {"about", "this", "article", "post"} | {
    lead for lead in BYLINE_LEADS if " " not in lead}
# Words that name a site or its pages, not a person ('Example Homepage', 'Jane Doe Blog').
SITE_WORDS: Final = frozenset(phrases("home", "homepage", "startseite", "accueil", "inicio", "blog", "website",
                                      "site", "online", "magazine", "magazin", "news"))


def is_site_account(name: str, outlets: frozenset[str]) -> bool:
    """A user name that is the site's own account: a web address ('example.de'), or a piece of the
    site's name or address ('exa' at exa-sample.example). (One that is the site's whole name is the
    outlet, which a page that names no one else credits: 'janedoe42' at janedoe42.example.)"""
    if not _HANDLE.match(name):
        return False
    compact = normalize(name).replace(" ", "").replace(".", "").replace("-", "")
    return bool(_ADDRESS_HANDLE.search(name)) or (
        compact not in outlets and any(compact in outlet for outlet in outlets))


def is_credit(name: str, outlets: frozenset[str] = frozenset()) -> bool:
    """A name a page credits with its text, a person's or not (a team, a brand): not an e-mail
    address, a handle or a web address, nor a company by its legal form ('Example GmbH'), nor a
    desk of the outlet ('Editorial', 'Example Post Staff')."""
    if "@" in name or "://" in name or _COMPANY.search(name) or is_label(name):
        return False
    words = normalize(name).split()
    rest = "".join(w for w in words if w not in DESK_WORDS and w not in ROLE_TOKENS and w not in _CREDIT_FILLERS)
    if not rest:
        return False
    return rest == "".join(words) or not any(rest in outlet for outlet in outlets)


# The lead of an author's box before the name: 'About Jane Doe', 'Über Jane Doe', 'À propos de Jane
# Doe', or a byline's ('Written by Jane Doe').
_ABOUT_LEAD: Final = re.compile(
    r"^(?:about|über|à propos de|sobre|acerca de|a proposito di|over)\s+|^" + any_of(BYLINE_LEADS) + r"\s*:?\s+", re.I)
# After the name a biography opens with, its verb ('Jane Doe is', 'Jane has written'): the name is its
# subject, not a word of a sentence about something else.
_AFTER_SUBJECT: Final = re.compile(r"^\s+[a-z]")


def box_name(line: str) -> str:
    """The person an author's box names on a line of its own ('Jane Doe', 'About Jane Doe', 'Written
    by Jane Doe', 'Jane Doe (Example)'), or '' for a line that is no name."""
    name = _BRACKETED_TAIL.sub("", _ABOUT_LEAD.sub("", line.strip())).strip()
    return name if is_full_name(name) else ""


def opens_with_name(text: str, name: str) -> bool:
    """A paragraph whose subject is this person, named first, in full or by the first name ('Jane
    Doe is a writer...', 'Jane has covered...'): a biography's opening, in the third person."""
    first, rest = name.split(maxsplit=1)
    if text.startswith(name) and _AFTER_SUBJECT.match(text[len(name):]):
        return True
    # The first name alone, not a heading's words again in small letters ('Red Wines', 'Red wines are').
    after = text[len(first):]
    return text.startswith(first) and bool(_AFTER_SUBJECT.match(after)) and not after.lower().lstrip().startswith(
        rest.lower().split()[0])
