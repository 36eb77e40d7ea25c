"""Article -> JSON or Markdown text. Pure functions; the same article gives the same bytes."""

from __future__ import annotations

import json
from typing import Any, Literal

from .model import Article, Block

Format = Literal["json", "markdown"]
FORMATS: tuple[str, ...] = ("json", "markdown")
EXTENSIONS = {"json": ".json", "markdown": ".md"}


def to_dict(article: Article, *, explain: bool = False) -> dict[str, Any]:
    meta = article.metadata
    out: dict[str, Any] = {
        "source": article.source,
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
    return out


def render_json(article: Article, *, explain: bool = False) -> str:
    return json.dumps(to_dict(article, explain=explain), ensure_ascii=False)


def _yaml_value(value: Any) -> str:
    # JSON strings, numbers, null and flow lists are valid YAML scalars and sequences.
    return json.dumps(value, ensure_ascii=False)


def _markdown_block(block: Block) -> str:
    text = block.text
    if block.tag[:1] == "h" and block.tag[1:].isdigit():
        return "#" * max(2, int(block.tag[1:])) + " " + text
    if block.tag == "li":
        return "- " + text
    if block.tag == "blockquote":
        return "> " + text
    if block.tag == "pre":
        return "```\n" + text + "\n```"
    return text


def render_markdown(article: Article) -> str:
    data = to_dict(article)
    front = [f"{key}: {_yaml_value(data[key])}" for key in
             ("title", "date", "authors", "site_name", "url", "original_source", "section", "language",
              "source", "kind")]
    parts = ["---", *front, "---", ""]
    if article.metadata.title:
        parts += ["# " + article.metadata.title, ""]
    body = []
    for prev, block in zip((None, *article.blocks), article.blocks, strict=False):
        sep = "\n" if prev is not None and prev.tag == "li" and block.tag == "li" else "\n\n"
        body.append((sep if body else "") + _markdown_block(block))
    parts.append("".join(body))
    return "\n".join(parts).rstrip("\n") + "\n"


def render(article: Article, fmt: Format = "json", *, explain: bool = False) -> str:
    """The article as a JSON object (one line) or a Markdown document with YAML front matter."""
    if fmt == "json":
        return render_json(article, explain=explain)
    if fmt == "markdown":
        return render_markdown(article)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
