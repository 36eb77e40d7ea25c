"""Article -> JSON or Markdown text. Pure functions; the same article gives the same bytes."""

from __future__ import annotations

import json
import re
from typing import Any, Literal
from urllib.parse import quote, urljoin

from .filenames import readable
from .model import Article, Block

Format = Literal["json", "markdown"]
FORMATS: tuple[str, ...] = ("json", "markdown")
EXTENSIONS = {"json": ".json", "markdown": ".md"}


def to_dict(article: Article, *, explain: bool = False) -> dict[str, Any]:
    meta = article.metadata
    out: dict[str, Any] = {
        "source": readable(article.source),
        "kind": article.kind,
        "title": meta.title,
        "date": meta.date,
        "authors": list(meta.authors),
        "site_name": meta.site_name,
        "url": meta.url,
        "original_source": meta.original_source,
        "section": meta.section,
        "language": meta.language,
        "text": article.text,
        "provenance": dict(meta.provenance),
    }
    if explain:
        out["removed"] = [{"rule": r.rule, "text": r.text, **({"detail": r.detail} if r.detail else {})}
                          for r in article.removed]
        out["candidates"] = [{"field": f, "value": v, "source": src} for f, v, src in meta.candidates]
    return out


def render_json(article: Article, *, explain: bool = False) -> str:
    return json.dumps(to_dict(article, explain=explain), ensure_ascii=False)


# Characters YAML refuses raw even in a double-quoted scalar (JSON leaves them as they are): DEL, the
# C1 controls, and the Unicode line and paragraph separators, which YAML reads as line breaks.
_YAML_RAW = re.compile("[\x7f-\x9f\u2028\u2029]")


def _yaml_value(value: Any) -> str:
    # JSON strings, numbers, null and flow lists are valid YAML scalars and sequences, once the
    # characters YAML cannot hold raw are escaped (\x7f, \u2028).
    text = json.dumps(value, ensure_ascii=False)
    return _YAML_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# Inline markup characters, and the ones that start an entity (&copy;) or strikethrough (~~).
_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|&~"} | {c: None for c in range(32) if c not in (9, 10)})
# What makes a line's start a heading, a list item, a block quote or a rule: escaped at the start.
_MD_LINE_START = re.compile(r"^(?:([#+=-])|(\d{1,9})([.)]))(?=\s|$)")
# Addresses a Markdown reader should not follow: script, and inline data (lazy-load placeholders).
_UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:")


def _md_escape(text: str) -> str:
    """Scraped text as literal Markdown: characters that would start markup are escaped, control
    characters dropped."""
    return text.translate(_MD_SPECIAL)


def _line_start(markdown: str) -> str:
    """A start that would make the line a heading, a list item or a rule ('# 1', '2025. ') escaped."""
    return _MD_LINE_START.sub(lambda m: "\\" + m.group(1) if m.group(1) else m.group(2) + "\\" + m.group(3),
                              markdown, count=1)


def _destination(href: str, base: str | None) -> str | None:
    """A link's address as a Markdown destination: resolved against the page's address, with the
    characters that would end it or open raw HTML percent-encoded; None for an address not to follow."""
    href = href.strip()
    if not href or href.lower().startswith(_UNSAFE_SCHEMES):
        return None
    if base:
        href = urljoin(base, href)
    return "".join(quote(c, safe="") if c in "<>" or (c.isspace() and c != " ") else c for c in href)


def _inline(block: Block, links: bool, base: str | None) -> str:
    """The block's text as Markdown inline content, with its links when asked for."""
    if not (links and block.links):
        return _line_start(_md_escape(block.text))
    out, rest = [], block.text
    for anchor, href in block.links:
        at = rest.find(anchor)
        target = _destination(href, base)
        if at < 0 or target is None:
            continue
        out.append(_md_escape(rest[:at]) + f"[{_md_escape(anchor)}](<{target}>)")
        rest = rest[at + len(anchor):]
    return _line_start("".join(out) + _md_escape(rest))


def _row(cells: tuple[str, ...], width: int) -> str:
    cells = tuple(_md_escape(c) for c in cells) + ("",) * (width - len(cells))
    return "| " + " | ".join(cells) + " |"


def _markdown_block(block: Block, links: bool, images: bool, base: str | None, number: int = 0) -> str:
    text = _inline(block, links, base)
    sources = [(_destination(src, base), alt) for src, alt in block.images] if images else []
    pictures = "".join(f"![{_md_escape(alt)}](<{src}>)\n\n" for src, alt in sources if src)
    tag = block.tag
    if tag[:1] == "h" and tag[1:].isdigit():
        return pictures + "#" * max(2, int(tag[1:])) + " " + text
    if tag == "li":
        return pictures + (f"{number}. " if number else "- ") + text
    if tag == "blockquote":
        return pictures + "> " + text
    if tag == "pre":
        return pictures + "```\n" + block.text + "\n```"
    return pictures + text


def _number(blocks: tuple[Block, ...], i: int) -> int:
    """An item's number in its numbered list (counted from the first item of the run), or 0."""
    if not blocks[i].ordered:
        return 0
    start = i
    while start > 0 and blocks[start - 1].tag == "li" and blocks[start - 1].ordered:
        start -= 1
    return i - start + 1


def _markdown_blocks(blocks: tuple[Block, ...], links: bool, images: bool, base: str | None) -> list[str]:
    """Markdown per group of blocks: list items stay together, consecutive table rows form a GFM
    table whose first row is the header."""
    out: list[str] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.tag == "tr" and block.cells:
            j = i
            while j < len(blocks) and blocks[j].tag == "tr" and blocks[j].cells:
                j += 1
            rows = blocks[i:j]
            width = max(len(r.cells) for r in rows)
            table = [_row(rows[0].cells, width), "| " + " | ".join(["---"] * width) + " |"]
            table += [_row(r.cells, width) for r in rows[1:]]
            out.append("\n".join(table))
            i = j
            continue
        if block.tag == "li":
            j = i
            while j < len(blocks) and blocks[j].tag == "li":
                j += 1
            out.append("\n".join(_markdown_block(b, links, images, base, _number(blocks, k))
                                 for k, b in enumerate(blocks[i:j], start=i)))
            i = j
            continue
        out.append(_markdown_block(block, links, images, base))
        i += 1
    return out


def render_markdown(article: Article, *, links: bool = False, images: bool = False) -> str:
    data = to_dict(article)
    front = [f"{key}: {_yaml_value(data[key])}" for key in
             ("title", "date", "authors", "site_name", "url", "original_source", "section", "language",
              "source", "kind")]
    parts = ["---", *front, "---", ""]
    if article.metadata.title:
        parts += ["# " + _md_escape(article.metadata.title), ""]
    base = article.metadata.url if (article.metadata.url or "").startswith(("http://", "https://")) else None
    parts.append("\n\n".join(_markdown_blocks(article.blocks, links, images, base)))
    return "\n".join(parts).rstrip("\n") + "\n"


def render(article: Article, fmt: Format = "json", *, explain: bool = False, links: bool = False,
           images: bool = False) -> str:
    """The article as a JSON object (one line) or a Markdown document with YAML front matter.
    Markdown keeps links and images only when asked (the page must have been cleaned with
    Settings(keep_links=True) / keep_images=True for them to be known)."""
    if fmt == "json":
        return render_json(article, explain=explain)
    if fmt == "markdown":
        return render_markdown(article, links=links, images=images)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
