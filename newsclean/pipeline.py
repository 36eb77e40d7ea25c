"""clean(): the only function that knows the order of the stages."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Final

from .blocks import to_blocks
from .boxes import PROSE_CHROME
from .chrome import CHROME_CLASS_RULE
from .classify import measure
from .context import HEADLINE
from .decode import decode
from .metadata import page_metadata
from .model import Article, Block, Document, Found, Label, Page, Prepared, Removal, Verdict
from .revise import revise
from .settings import DEFAULTS, Settings, with_overrides
from .templates import SiteModel, mark_template
from .text import squeeze, word_count
from .titles import headline_indices

KINDS: Final = ("auto", "html", "text")
# A JSON-LD articleBody shorter than this is a summary, not the article.
DECLARED_BODY_MIN_WORDS: Final = 50


def clean(
    data: bytes | bytearray | memoryview | str,
    *,
    source: str | None = None,
    url: str | None = None,
    kind: str = "auto",
    settings: Settings = DEFAULTS,
    today: dt.date | None = None,
    site_model: SiteModel | None = None,
    charset: str | None = None,
    fetched_from: str | None = None,
    captured: dt.datetime | None = None,
    prepared: Prepared | None = None,
) -> Article:
    """Clean one page (HTML or a text dump) into an Article.

    `data` is the raw page (bytes are decoded here; gzip is accepted), `source` names it in errors
    and output, `url` is its address if known, `kind` is "auto", "html" or "text", `site_model`
    the template lines learned from the site's other pages (templates.py), if any. Raises
    InputError for input that cannot be cleaned.

    A crawl says more of a page (warc.py): `charset` from its HTTP header (before the page's own),
    `fetched_from` its address (the url where the page states none), `captured` when it was
    fetched (no publication date is later; the date where the page states none).
    """
    if kind != settings.kind:
        settings = with_overrides(settings, kind=kind)
    if prepared is None:
        prepared = prepare(data, source, kind, settings, charset)
    doc, blocks, declared, chrome = prepared
    feats, classified = measure(blocks, settings)
    classified = mark_template(blocks, feats, classified, site_model, settings)
    anchors = headline_indices(blocks, feats, classified)
    verdicts = revise(blocks, feats, classified, anchors, settings)
    page = Page(blocks, feats, classified, verdicts, anchors)
    today = today or dt.date.today()
    if captured is not None:
        today = min(today, captured.date())
    article = assemble(doc, page, declared, settings, today, url, chrome)
    box = None if article.blocks or not data else article_box(chrome)
    if box is not None and box not in settings.spared_boxes:
        # Class names lie: an article whose box a class named as chrome ('widget Blog' of a blog
        # platform, a 'tag-newsletter' post) is read again with that box kept.
        again = clean(data, source=source, url=url, kind=kind, settings=with_overrides(
            settings, spared_boxes=settings.spared_boxes | {box}), today=today, site_model=site_model, charset=charset)
        if again.blocks:
            article = again
    return crawl_metadata(article, fetched_from, captured) if fetched_from or captured else article


def article_box(chrome: tuple[Removal, ...]) -> str | None:
    """The class/id string of the box removed for its class that held the most text, unless it is
    a box of comments or a consent notice (whose prose is never the article): where a page has no
    article, the article most likely went with it."""
    boxes = [(len(r.text), r.detail.partition(": ")) for r in chrome if r.rule == CHROME_CLASS_RULE]
    chars, (kind, _, names) = max(boxes, default=(0, ("", "", "")))
    return names if chars and kind not in PROSE_CHROME else None


def prepare(data: bytes | bytearray | memoryview | str, source: str | None = None, kind: str = "auto",
            settings: Settings = DEFAULTS, charset: str | None = None) -> Prepared:
    """The first stages of clean(): the page decoded and read into blocks (with what it declares,
    and the chrome left out). Site-template learning reads these too: a run that keeps them for the
    cleaning reads each page once."""
    name = source if source is not None else "<input>"
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    if not isinstance(data, (bytes, str)):
        data = bytes(data)  # a bytearray or a memoryview
    if kind != settings.kind:
        settings = with_overrides(settings, kind=kind)
    doc = decode(data, name, settings, charset)
    blocks, declared, chrome = to_blocks(doc, settings.keep_links, settings.keep_images, settings)
    # The page's text is in its blocks now: the document keeps what the later stages read of it.
    return Prepared(replace(doc, text="", markup=None), blocks, declared, chrome)


def crawl_metadata(article: Article, fetched_from: str | None, captured: dt.datetime | None) -> Article:
    """What a crawl knows fills what the page left unsaid: the address it was fetched from, and the
    day it was captured (a last resort for the date: the page was published by then)."""
    meta = article.metadata
    added = []
    if meta.url is None and fetched_from:
        meta = replace(meta, url=fetched_from)
        added.append(("url", "crawl-target-uri"))
    if meta.date is None and captured is not None:
        meta = replace(meta, date=captured.date().isoformat())
        added.append(("date", "crawl-capture-date"))
    if not added:
        return article
    return replace(article, metadata=replace(meta, provenance=tuple(sorted((*meta.provenance, *added)))))


def assemble(doc: Document, page: Page, declared: dict[str, list[Found]], settings: Settings, today: dt.date,
             url: str | None, chrome: tuple[Removal, ...] = ()) -> Article:
    """Metadata, then the kept blocks (without the headline) and the removed ones with their rules:
    the page chrome an HTML page lost before its blocks were made first, then block by block."""
    blocks = page.blocks
    body_text = _opening(blocks, page.verdicts)
    meta, headline = page_metadata(page, body_text, settings, today, url, declared, chrome)
    if doc.ignored_charset is not None:
        said = f"read as {doc.encoding}: the declared charset {doc.ignored_charset!r} is no text encoding"
        meta = replace(meta, provenance=(*meta.provenance, ("encoding", said)))
    kept: list[Block] = []
    removed: list[Removal] = list(chrome)
    for block, verdict in zip(blocks, page.verdicts, strict=True):
        if verdict.index == headline and HEADLINE not in settings.disabled_rules:
            removed.append(Removal(block.index, HEADLINE, block.text))
        elif verdict.label is Label.BAD:
            removed.append(Removal(block.index, verdict.rule, block.text, verdict.detail))
        else:
            kept.append(block.renumbered(len(kept)))
    if not kept:
        kept = _declared_body(declared)
    return Article(source=doc.source, kind=doc.kind, metadata=meta, blocks=tuple(kept), removed=tuple(removed),
                   encoding=doc.encoding)


def _declared_body(declared: dict[str, list[Found]]) -> list[Block]:
    """The article text a page states in its JSON-LD (articleBody), as paragraphs: the text of a
    page whose article the browser builds with a script, when the page's own text holds none."""
    body = declared.get("body")
    if not body or word_count(body[0].value) < DECLARED_BODY_MIN_WORDS:
        return []
    paragraphs = (squeeze(part) for part in body[0].value.splitlines())
    return [Block(i, text, "p") for i, text in enumerate(p for p in paragraphs if p)]


def _opening(blocks: tuple[Block, ...], verdicts: tuple[Verdict, ...], chars: int = 2000) -> str:
    """The first `chars` characters of the kept text: enough to tell its language."""
    parts: list[str] = []
    size = 0
    for block, verdict in zip(blocks, verdicts, strict=True):
        if verdict.label is not Label.BAD:
            parts.append(block.text)
            size += len(block.text)
            if size >= chars:
                break
    return "\n".join(parts)
