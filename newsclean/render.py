"""Article -> JSON or Markdown text. Pure functions; the same article gives the same bytes."""

from __future__ import annotations

import json
from typing import Any, Literal

from .inputs import readable
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


def _yaml_value(value: Any) -> str:
    # JSON strings, numbers, null and flow lists are valid YAML scalars and sequences.
    return json.dumps(value, ensure_ascii=False)


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|"})


def _md_escape(text: str) -> str:
    """Scraped text as literal Markdown: characters that would start markup are escaped."""
    return text.translate(_MD_SPECIAL)


def _inline(block: Block, links: bool) -> str:
    """The block's text as Markdown inline content, with its links when asked for."""
    if not (links and block.links):
        return _md_escape(block.text)
    out, rest = [], block.text
    for anchor, href in block.links:
        at = rest.find(anchor)
        if at < 0:
            continue
        out.append(_md_escape(rest[:at]) + f"[{_md_escape(anchor)}](<{href}>)")
        rest = rest[at + len(anchor):]
    return "".join(out) + _md_escape(rest)


def _row(cells: tuple[str, ...], width: int) -> str:
    cells = tuple(_md_escape(c) for c in cells) + ("",) * (width - len(cells))
    return "| " + " | ".join(cells) + " |"


def _markdown_block(block: Block, links: bool, images: bool) -> str:
    text = _inline(block, links)
    pictures = "".join(f"![{_md_escape(alt)}](<{src}>)\n\n" for src, alt in block.images) if images else ""
    tag = block.tag
    if tag[:1] == "h" and tag[1:].isdigit():
        return pictures + "#" * max(2, int(tag[1:])) + " " + text
    if tag == "li":
        return pictures + "- " + text
    if tag == "blockquote":
        return pictures + "> " + text
    if tag == "pre":
        return pictures + "```\n" + block.text + "\n```"
    return pictures + text


def _markdown_blocks(blocks: tuple[Block, ...], links: bool, images: bool) -> list[str]:
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
            out.append("\n".join(_markdown_block(b, links, images) for b in blocks[i:j]))
            i = j
            continue
        out.append(_markdown_block(block, links, images))
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
    parts.append("\n\n".join(_markdown_blocks(article.blocks, links, images)))
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
