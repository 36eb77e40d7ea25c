"""Metadata an HTML page states about itself: JSON-LD, Open Graph and article meta tags, <time>,
<html lang>, the canonical link. Each value keeps its source; metadata.py ranks them against what
the page's text says (headline line, dateline, byline)."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from typing import Any, Final

from selectolax.lexbor import LexborHTMLParser

from .model import Found

# schema.org types that describe an article (a page may also carry Organization, BreadcrumbList...).
ARTICLE_TYPES: Final = frozenset({
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "reviewnewsarticle", "backgroundnewsarticle", "blogposting", "liveblogposting", "socialmediaposting",
    "webpage", "scholarlyarticle", "techarticle", "report",
})
# meta name/property -> field, in precedence order within each field.
META_FIELDS: Final[tuple[tuple[str, str], ...]] = (
    ("og:title", "title"), ("twitter:title", "title"), ("dc.title", "title"),
    ("article:published_time", "date"), ("og:article:published_time", "date"), ("datepublished", "date"),
    ("publish-date", "date"), ("pubdate", "date"), ("publishdate", "date"), ("date", "date"),
    ("dc.date", "date"), ("dcterms.created", "date"), ("dc.date.issued", "date"), ("sailthru.date", "date"),
    ("parsely-pub-date", "date"), ("article.published", "date"), ("og:updated_time", "date"),
    ("article:author", "authors"), ("author", "authors"), ("dc.creator", "authors"), ("parsely-author", "authors"),
    ("sailthru.author", "authors"),
    ("og:site_name", "site_name"), ("application-name", "site_name"), ("publisher", "site_name"),
    ("og:url", "url"),
    ("article:section", "section"), ("parsely-section", "section"), ("section", "section"),
    ("og:locale", "language"), ("content-language", "language"), ("language", "language"),
    ("dc.language", "language"),
)
_META_RANK: Final = {name: i for i, (name, _) in enumerate(META_FIELDS)}
_META_FIELD: Final = dict(META_FIELDS)
_LANG: Final = re.compile(r"^([a-zA-Z]{2})(?:[-_][a-zA-Z]{2,4})?$")
_URLISH: Final = re.compile(r"^(?:https?:)?//|^www\.|\.(?:com|org|net)\b", re.I)


def _walk_jsonld(value: Any) -> Iterator[dict]:
    """Every object in a JSON-LD value, @graph and nested lists included."""
    if isinstance(value, list):
        for item in value:
            yield from _walk_jsonld(item)
    elif isinstance(value, dict):
        yield value
        graph = value.get("@graph")
        if graph is not None:
            yield from _walk_jsonld(graph)


def _types(obj: dict) -> set[str]:
    kind = obj.get("@type", ())
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower() for k in kinds}


def _names(value: Any) -> list[str]:
    """Person names from a JSON-LD author value (a string, an object, or a list of them)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for item in value for n in _names(item)]
    return []


def _text(value: Any) -> str | None:
    if isinstance(value, str):  # JSON-LD strings often keep the page's entities ('Council &amp; mayor')
        return html.unescape(value).strip() or None
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("@id"))
    if isinstance(value, list) and value:
        return _text(value[0])
    return None


def jsonld_article(tree: LexborHTMLParser) -> dict | None:
    """The page's JSON-LD article object, the one with a headline or body preferred."""
    best: tuple[int, dict] | None = None
    for script in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(script.text(deep=True) or "null", strict=False)
        except (ValueError, RecursionError):
            continue
        for obj in _walk_jsonld(data):
            types = _types(obj)
            if not types & ARTICLE_TYPES:
                continue
            rank = (2 if "articleBody" in obj else 0) + (1 if "headline" in obj else 0) - ("webpage" in types)
            if best is None or rank > best[0]:
                best = (rank, obj)
    return best[1] if best else None


def html_candidates(tree: LexborHTMLParser) -> dict[str, list[Found]]:
    """Candidate values per field, best first, each with its source."""
    found: dict[str, list[Found]] = {}

    def add(field: str, value: str | None, source: str) -> None:
        if value and value.strip():  # a body keeps its line breaks: they part its paragraphs
            found.setdefault(field, []).append(Found(value if field == "body" else " ".join(value.split()), source))

    article = jsonld_article(tree)
    if article is not None:
        add("title", _text(article.get("headline")), "json-ld")
        add("date", _text(article.get("datePublished")), "json-ld")
        for name in _names(article.get("author")):
            add("authors", name, "json-ld")
        publisher = _text(article.get("publisher"))
        add("section", _text(article.get("articleSection")), "json-ld")
        url = article.get("url") or article.get("mainEntityOfPage")
        add("url", _text(url) if not isinstance(url, dict) else _text(url.get("@id")), "json-ld")
        add("language", _text(article.get("inLanguage")), "json-ld")
        add("body", _text(article.get("articleBody")), "json-ld")

    metas = []
    for node in tree.css("meta[content]"):
        attrs = node.attributes
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or attrs.get("http-equiv")
               or "").strip().lower()
        if key in _META_FIELD:
            metas.append((_META_RANK[key], key, attrs.get("content") or ""))
    for _, key, content in sorted(metas, key=lambda m: m[0]):
        add(_META_FIELD[key], content, f"meta:{key}")
    if article is not None:
        add("site_name", publisher, "json-ld")
    # Author names marked up as such: schema.org microdata, rel=author links.
    for node in tree.css('[itemprop=author] [itemprop=name], [itemprop=author], a[rel~=author]')[:4]:
        add("authors", node.attrs.get("content") or node.text(deep=True), "html-author")

    for node in tree.css("[itemprop=datePublished]"):
        add("date", node.attrs.get("datetime") or node.attrs.get("content") or node.text(), "itemprop")
    for node in tree.css("time[datetime]"):
        add("date", node.attrs.get("datetime"), "time-element")
        break
    link = tree.css_first('link[rel="canonical"][href]')
    if link is not None:
        found.setdefault("url", []).insert(0, Found(link.attrs.get("href") or "", "canonical-link"))
    html = tree.css_first("html")
    if html is not None and html.attrs.get("lang"):
        found.setdefault("language", []).insert(0, Found(html.attrs.get("lang") or "", "html-lang"))
    return {field: [f for f in values if f.value] for field, values in found.items()}


def language_code(value: str) -> str | None:
    """'en-US', 'en_GB', 'EN' -> 'en'; anything else -> None."""
    match = _LANG.match(value.strip())
    return match.group(1).lower() if match else None


def person_names(values: list[Found], outlets: frozenset[str] = frozenset()) -> tuple[tuple[str, ...], str]:
    """The people named by the first source (JSON-LD, a meta tag, marked-up bylines) that names any,
    and that source: no URLs, no outlets or desks, several names split apart."""
    from .metadata import is_person, parse_authors

    by_source: dict[str, list[str]] = {}
    for found in values:
        if not _URLISH.search(found.value):
            by_source.setdefault(found.source, []).extend(parse_authors(found.value))
    for source, names in by_source.items():
        people = [n for n in dict.fromkeys(names) if is_person(n, outlets)]
        # A one-word item among full names ('Jane Doe, Outlet') is an outlet or a role.
        if any(" " in n for n in people):
            people = [n for n in people if " " in n or not n.isascii()]
        if people:
            return tuple(people), source
    return (), ""
