"""Metadata an HTML page states about itself: JSON-LD, Open Graph and article meta tags, <time>,
<html lang>, the canonical link. Each value keeps its source; metadata.py ranks them against what
the page's text says (headline line, dateline, byline)."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from typing import Any, Final

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .boxes import in_listing
from .dates import ISO_DAY
from .htmlbylines import author_links, home_link, marked_bylines, printed_bylines
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
    ("parsely-pub-date", "date"), ("article.published", "date"),
    # Less common names for the same: Open Graph and Dublin Core variants, scholarly citations.
    ("og:published_time", "date"), ("og:publish_date", "date"), ("og:pubdate", "date"), ("article:published", "date"),
    ("published_time", "date"), ("publish_time", "date"), ("publish_date", "date"), ("pub_date", "date"),
    ("published-date", "date"), ("published", "date"), ("published_at", "date"),
    ("dcterms:created", "date"), ("dc.date.created", "date"),
    ("originalpublicationdate", "date"), ("citation_publication_date", "date"), ("citation_online_date", "date"),
    ("citation_date", "date"),
    ("article:author", "authors"), ("author", "authors"), ("dc.creator", "authors"), ("dc:creator", "authors"),
    ("dcterms.creator", "authors"), ("parsely-author", "authors"), ("sailthru.author", "authors"),
    ("article:author_name", "authors"), ("og:article:author", "authors"), ("byl", "authors"),
    ("cxenseparse:author", "authors"), ("shareaholic:article_author_name", "authors"),
    ("citation_author", "authors"),
    ("og:site_name", "site_name"), ("application-name", "site_name"), ("publisher", "site_name"),
    ("og:url", "url"),
    ("article:section", "section"), ("parsely-section", "section"), ("section", "section"),
    ("og:locale", "language"), ("content-language", "language"), ("language", "language"),
    ("dc.language", "language"),
)
# Meta tags of a generic name (<meta name="date">), which many systems fill with the day of the last
# change: after the elements the markup names as the publication date.
_GENERIC_DATE_META: Final = frozenset({"date"})
# RDFa attributes that mark an element's content as the publication date (Drupal writes
# '<span property="schema:dateCreated" content="2022-01-28T12:45:46+00:00">', or 'dc:date dc:created').
_RDFA_PUBLISHED: Final = ('[property="datePublished"][content], [property="schema:datePublished"][content], '
                          '[property="schema:dateCreated"][content], [property~="dc:created"][content]')
_META_RANK: Final = {name: i for i, (name, _) in enumerate(META_FIELDS)}
_META_FIELD: Final = dict(META_FIELDS)
_URL_META: Final = "og:url"
# A class or id word that names a date: 'date', 'post-date', 'publishedTime', 'pubdate', 'datum'.
_DATE_CLASS: Final = re.compile(
    r"(?i:date|datum|fecha|publish|publicat|posted|(?:^|[\s_-])time(?:$|[\s_-]))|[a-z]Time(?![a-z])")
# The same words as a selector: the parser's C code picks the few candidates from every element.
_DATE_CLASS_SELECTOR: Final = ", ".join(f'[{attr}*="{word}" i]' for attr in ("class", "id")
                                       for word in ("date", "datum", "fecha", "publish", "publicat", "posted", "time"))
_DATE_CLASS_CHARS: Final = 40
_DATE_CLASS_KEPT: Final = 5
# The label of a twitter:dataN that holds the author ('Written by', as Yoast SEO writes it).
_WRITTEN_BY: Final = re.compile(
    r"^(?:written by|author|authors|by|verfasst von|geschrieben von|von|autor|autorin|autoren|auteur|écrit par|"
    r"par|escrito por|por|autore|scritto da|di|door|geschreven door|skrevet af|skrivet av)$", re.I)


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


def _names(value: Any, nodes: dict[str, dict] | None = None) -> list[str]:
    """Person names from a JSON-LD author value (a string, an object, or a list of them); an object
    that only refers to another ('{"@id": ".../#/schema/person/1"}', as @graph pages write it) is
    looked up in `nodes`, the page's objects by @id. Authors typed as an organisation are left out."""
    if isinstance(value, str):
        return [html.unescape(value)]
    if isinstance(value, dict):
        name = value.get("name")
        if name is None and nodes and isinstance(value.get("@id"), str):
            target = nodes.get(value["@id"])
            if target is not None and target is not value:
                value, name = target, target.get("name")
        if any(kind.endswith("organization") or kind in _NOT_PEOPLE for kind in _types(value)):
            return []  # an author typed as an organisation is the outlet, not a writer
        if isinstance(name, list):  # '"name": ["Jane Doe"]'
            return [html.unescape(n) for n in name if isinstance(n, str)]
        return [fuller_name(html.unescape(name), value.get("description"))] if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for item in value for n in _names(item, nodes)]
    return []


# A biography that opens with the person's full name, after a first name alone ('Jane Doe is a
# writer ...', 'Jane Doe - engineer'): the surname is one capitalised word, then none. (The space
# before it is taken whole, after a non-space: no try from inside a run of spaces, no backtracking.)
_BIO_SURNAME: Final = re.compile(r"(?<!\s)\s++(?P<surname>[^\W\d_][\w'’-]*)(?=\s*$|\s*[^\w\s]|\s+[^\W\d_A-ZÀ-Þ])")


def fuller_name(name: str, description: Any) -> str:
    """The full name of a person declared by a first name alone ('Jane'), when the biography the
    page declares for them opens with it ('Jane Doe is a writer ...'); else the name as declared."""
    if " " in name.strip() or not isinstance(description, str) or not name[:1].isupper():
        return name
    bio = html.unescape(description).strip()
    if not bio.startswith(name.strip()):
        return name
    match = _BIO_SURNAME.match(bio, len(name.strip()))
    return f"{name.strip()} {match.group('surname')}" if match and match.group("surname")[:1].isupper() else name


def _text(value: Any) -> str | None:
    if isinstance(value, str):  # JSON-LD strings often keep the page's entities ('Council &amp; mayor')
        return html.unescape(value).strip() or None
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("@id"))
    if isinstance(value, list) and value:
        return _text(value[0])
    return None


def jsonld_objects(tree: LexborHTMLParser, metas: list[LexborNode] | None = None) -> list[dict]:
    """Every JSON-LD object of the page, in page order: its ld+json scripts, then JSON-LD a head
    manager wrote into a meta tag's content ('<meta name="script:ld+json" content="{&quot;@type...').
    `metas`: the page's meta[content] elements, when the caller has them already."""
    texts = [script.text(deep=True) for script in tree.css('script[type="application/ld+json"]')]
    texts += [content for node in (tree.css("meta[content]") if metas is None else metas)
              if (content := node.attrs.get("content") or "").startswith("{")
              and '"@type"' in content and '"@context"' in content]
    objects: list[dict] = []
    for text in texts:
        try:
            data = json.loads(text or "null", strict=False)
        except (ValueError, RecursionError):
            continue
        objects.extend(_walk_jsonld(data))
    return objects


# schema.org types of authors that are no person (besides every '...Organization').
_NOT_PEOPLE: Final = frozenset({"corporation", "website", "brand", "localbusiness", "ngo", "project"})
# Objects whose author is not the page's: a comment's, a review's, an answer's.
_OTHER_AUTHORS: Final = frozenset({"comment", "review", "answer", "question", "product", "rating", "aggregaterating"})


def jsonld_authors(objects: list[dict], article: dict | None) -> list[str]:
    """The names of the article's authors (no organisations); when the article object names none,
    those of another work the page describes (a recipe, a forum post), @id references resolved."""
    nodes = {obj["@id"]: obj for obj in objects if isinstance(obj.get("@id"), str) and len(obj) > 1}
    works = [article] if article is not None else []
    works += [obj for obj in objects if obj is not article and "author" in obj and not _types(obj) & _OTHER_AUTHORS]
    for work in works:
        names = _names(work.get("author"), nodes)
        if names:
            return names
    return []


def jsonld_article(objects: list[dict]) -> dict | None:
    """The page's JSON-LD article object (of `objects`, all of the page's), the one with a headline
    or body preferred."""
    best: tuple[int, dict] | None = None
    for obj in objects:
        types = _types(obj)
        if not types & ARTICLE_TYPES:
            continue
        rank = (2 if "articleBody" in obj else 0) + (1 if "headline" in obj else 0) - ("webpage" in types)
        if best is None or rank > best[0]:
            best = (rank, obj)
    return best[1] if best else None


def stated_urls(tree: LexborHTMLParser, article: dict | None, metas: list[LexborNode] | None = None) -> list[Found]:
    """The addresses the page states for itself, best first: its canonical link, its JSON-LD
    article's url, its og:url tags (all site templates need of a page's metadata). `metas`: the
    page's meta[content] elements, when the caller has them already."""
    urls = []
    link = tree.css_first('link[rel="canonical"][href]')
    if link is not None:
        urls.append(Found(link.attrs.get("href") or "", "canonical-link"))
    if article is not None:
        url = article.get("url") or article.get("mainEntityOfPage")
        value = _text(url) if not isinstance(url, dict) else _text(url.get("@id"))
        urls.append(Found(" ".join((value or "").split()), "json-ld"))
    for node in tree.css("meta[content]") if metas is None else metas:
        attrs = node.attributes
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or attrs.get("http-equiv")
               or "").strip().lower()
        if key == _URL_META:
            urls.append(Found(" ".join((attrs.get("content") or "").split()), f"meta:{key}"))
    return [found for found in urls if found.value]


def html_candidates(tree: LexborHTMLParser) -> dict[str, list[Found]]:
    """Candidate values per field, best first, each with its source."""
    found: dict[str, list[Found]] = {}

    def add(field: str, value: str | None, source: str) -> None:
        if value and value.strip():  # a body keeps its line breaks: they part its paragraphs
            found.setdefault(field, []).append(Found(value if field == "body" else " ".join(value.split()), source))

    meta_nodes = tree.css("meta[content]")  # one query for the three readers of meta tags
    objects = jsonld_objects(tree, meta_nodes)
    article = jsonld_article(objects)
    for name in jsonld_authors(objects, article):
        add("authors", name, "json-ld")
    if article is not None:
        add("title", _text(article.get("headline")), "json-ld")
        add("date", _text(article.get("datePublished")), "json-ld")
        publisher = _text(article.get("publisher"))
        add("section", _text(article.get("articleSection")), "json-ld")
        add("language", _text(article.get("inLanguage")), "json-ld")
        add("body", _text(article.get("articleBody")), "json-ld")

    metas = []
    labels: dict[str, str] = {}  # twitter:label1 -> "Written by", twitter:data1 -> the name
    published: list[Found] = []  # meta tags of other names that say 'published' ('w-published-date')
    for node in meta_nodes:
        attrs = node.attributes
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or attrs.get("http-equiv")
               or "").strip().lower()
        if key in _META_FIELD and key != _URL_META:  # the page's address: stated_urls
            content = attrs.get("content") or ""
            if key == "citation_author":  # 'Doe, Jane': scholarly metadata puts the surname first
                content = " ".join(reversed(content.split(",", 1))).strip()
            metas.append((_META_RANK[key], key, content))
        elif key.startswith("twitter:label") or key.startswith("twitter:data"):
            labels[key] = attrs.get("content") or ""
        elif ("date" in key or "time" in key) and _PUBLISHED_META.search(key):
            published.append(Found(attrs.get("content") or "", f"meta:{key}"))
    for key, label in labels.items():
        data = labels.get(key.replace("label", "data"))
        if key.startswith("twitter:label") and data and _WRITTEN_BY.match(label.strip()):
            metas.append((_META_RANK["author"], "twitter:data", data))
    generic = [(key, content) for _, key, content in metas if key in _GENERIC_DATE_META]
    for _, key, content in sorted(metas, key=lambda m: m[0]):
        if key not in _GENERIC_DATE_META:
            add(_META_FIELD.get(key, "authors"), content, f"meta:{key}")
    if article is not None:
        add("site_name", publisher, "json-ld")
    # Author names marked up as such: schema.org microdata, rel=author links.
    for node in tree.css('[itemprop=author] [itemprop=name], [itemprop=author], a[rel~=author]')[:4]:
        add("authors", node.attrs.get("content") or node.text(deep=True), "html-author")

    found["byline_markup"], found["author_box"] = marked_bylines(tree)
    found["author_links"] = author_links(tree)
    found["printed_bylines"] = printed_bylines(tree)
    found["home_link"] = home_link(tree)
    # Elements marked as the publication date (microdata, RDFa); a generic meta tag comes after
    # them, unless they state several days (cards of other pages, each with its date).
    marked = [Found(node.attrs.get("datetime") or node.attrs.get("content") or node.text(), "itemprop")
              for node in tree.css("[itemprop=datePublished]")]
    marked += [Found(node.attrs.get("content") or "", "rdfa") for node in tree.css(_RDFA_PUBLISHED)
               if not in_listing(node)]
    days = {" ".join(f.value.split())[:ISO_DAY] for f in marked if f.value}
    for key, content in generic if len(days) > 1 else ():
        add("date", content, f"meta:{key}")
    for f in marked:
        add("date", f.value, f.source)
    for key, content in generic if len(days) <= 1 else ():
        add("date", content, f"meta:{key}")
    # The first <time> of the page's own, not one in a menu or in the comments;
    # one that only prints its date (<time>Mar 24, 2025</time>) when none has a datetime.
    times = [node for node in tree.css("time") if not in_listing(node)]
    stamped = [node for node in times if node.attrs.get("datetime")]
    if stamped:
        add("date", stamped[0].attrs.get("datetime"), "time-element")
    elif times:
        add("date", times[0].text(deep=True), "time-element")
    # Elements the page's markup names as dates ('post-date', 'publishedTime', 'datum'), that print
    # a short date line: the last resort for a date the blocks lost with the page chrome.
    for node in tree.css(_DATE_CLASS_SELECTOR):
        if node.tag in ("html", "body", "script", "style") or not _DATE_CLASS.search(
                (node.attrs.get("class") or "") + " " + (node.attrs.get("id") or "")):
            continue
        text = " ".join(node.text(deep=True).split())
        if 6 <= len(text) <= _DATE_CLASS_CHARS and any(c.isdigit() for c in text) and not in_listing(node):
            add("marked_date", text, "date-class")
            if len(found["marked_date"]) >= _DATE_CLASS_KEPT:
                break
    if "date" not in found:  # the last resort of a page that states no date plainly
        found["late_date"] = late_dates(tree, objects, article) + published
        found["script_date"] = script_dates(tree)
    urls = stated_urls(tree, article, meta_nodes)
    if urls:
        found["url"] = urls
    html = tree.root  # the <html> element (a query for it would walk the whole tree)
    if html is not None and html.attrs.get("lang"):
        found.setdefault("language", []).insert(0, Found(html.attrs.get("lang") or "", "html-lang"))
    return {field: [f for f in values if f.value] for field, values in found.items()}


# Dates a page states less plainly, for a page that states none plainly: the first of the article's
# other dates, or of another work it describes (a how-to, a video), in JSON-LD; a date an element
# names in its title (hAtom '<span class="published" title="2013-04-04T18:52:11">'); a meta tag of
# another name that says 'published' or 'created'. (The date of the last change, tried as well, was
# the publication day on one page in four of the benchmarks': left out.)
_LATE_JSONLD_KEYS: Final = ("datePublished", "dateCreated", "uploadDate")
_TITLED_DATE_CLASSES: Final = frozenset({"published", "updated", "entry-date", "date"})
_PUBLISHED_META: Final = re.compile(r"publish|pubdate|created", re.I)


# A publication date in the data a page's scripts carry (an app's state, a shop's product JSON):
# '"publishedDate":"2016-11-04T20:37:27Z"', '"published_at":"2019-03-02T06:22:28+01:00"'.
_SCRIPT_PUBLISHED: Final = re.compile(
    r'"(?:datePublished|publishedDate|publishDate|publishedAt|published_at|publish_date|published_date)"'
    r'\s*:\s*"(?P<stamp>(?:19|20)\d\d-\d\d-\d\d[^"]{0,30})"')


def script_dates(tree: LexborHTMLParser) -> list[Found]:
    """The first publication date the page's scripts' data state (not its JSON-LD, read as such):
    the very last resort of a page that prints and declares no date."""
    for script in tree.css("script"):
        if script.attrs.get("type") == "application/ld+json":
            continue
        match = _SCRIPT_PUBLISHED.search(script.text(deep=True) or "")
        if match:
            return [Found(match.group("stamp"), "script-data")]
    return []


def late_dates(tree: LexborHTMLParser, objects: list[dict], article: dict | None) -> list[Found]:
    """The dates a page states less plainly (above), best first; the meta tags, which
    html_candidates reads in its one pass over them, aside."""
    out: list[Found] = []
    works = ([article] if article is not None else []) + [o for o in objects if o is not article
                                                           and not _types(o) & _OTHER_AUTHORS]
    for key in _LATE_JSONLD_KEYS:
        value = next((v for work in works if (v := _text(work.get(key)))), None)
        if value:
            out.append(Found(value, "json-ld-other"))
            break
    for node in tree.css("[title]"):  # one attribute test per element; the classes looked at here
        title = (node.attrs.get("title") or "").strip()
        if not title[:4].isdigit() or (node.tag != "abbr" and _TITLED_DATE_CLASSES.isdisjoint(
                (node.attrs.get("class") or "").split())):
            continue
        if not in_listing(node):
            out.append(Found(title, "title-attribute"))
        break
    return out


