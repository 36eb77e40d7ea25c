"""A report a person opens in a browser: the page's blocks in order, what was kept, what was removed
and by which rule, the metadata with where each field came from. One self-contained HTML file per
input (inline CSS and a few lines of JavaScript, nothing fetched), and an index over a run.

Every piece of page text goes through `escape`: a page cannot put markup or script in its report.
The filter can be set from the address: `report.html#removed` (removed blocks only),
`report.html#rule=menu-run` (one rule's).
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from dataclasses import dataclass
from html import escape
from typing import Final

from .catalog import RULE_WHY
from .model import Article

_STYLE: Final = """
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem 2rem;color:#222}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}
table{border-collapse:collapse}
td,th{padding:.2rem .6rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
th{cursor:pointer}.block{margin:.3rem 0;padding:.2rem .5rem;border-left:4px solid #2a2}
.removed{border-left-color:#bbb;color:#888}.removed .text{text-decoration:line-through}
.tag{display:inline-block;font-size:.75rem;padding:0 .4rem;border-radius:.6rem;color:#fff;margin-right:.4rem}
.edge{font-size:.75rem;color:#2a2;font-weight:bold;margin:.6rem 0 0}.detail{font-size:.75rem;color:#666}
.legend li{margin:.1rem 0}.missed{background:#fde2e2}.extra{background:#fff3c4}
.controls{position:sticky;top:0;background:#fff;padding:.5rem 0;border-bottom:1px solid #ddd}
"""
_SCRIPT: Final = """
function apply(){var only=document.getElementById('only').checked,rule=document.getElementById('rule').value;
document.querySelectorAll('.block').forEach(function(b){var r=b.dataset.rule||'';
b.hidden=(only&&!r)||(rule&&r!==rule);});}
document.getElementById('only').addEventListener('change',apply);document.getElementById('rule').addEventListener('change',apply);
var wanted=location.hash.slice(1);if(wanted==='removed'){document.getElementById('only').checked=true;}
else if(wanted.indexOf('rule=')===0){document.getElementById('rule').value=decodeURIComponent(wanted.slice(5));}apply();
"""
_SORT: Final = """
document.querySelectorAll('th').forEach(function(th,i){th.addEventListener('click',function(){
var body=th.closest('table').tBodies[0],rows=Array.from(body.rows),up=th.dataset.up!=='1';th.dataset.up=up?'1':'0';
rows.sort(function(a,b){var x=a.cells[i].dataset.key||a.cells[i].textContent,
y=b.cells[i].dataset.key||b.cells[i].textContent;
var p=parseFloat(x),q=parseFloat(y);var c=(!isNaN(p)&&!isNaN(q))?p-q:x.localeCompare(y);return up?c:-c;});
rows.forEach(function(r){body.appendChild(r);});});});
"""


# With a truth (--truth): texts are compared as word 4-grams ('shingles'), as the public benchmarks
# score them; a block most of whose shingles are the truth's is the article's.
_WORD: Final = re.compile(r"\w+")
SHINGLE: Final = 4
IN_TRUTH_SHARE: Final = 0.5


def shingles(text: str) -> Counter[tuple[str, ...]]:
    words = _WORD.findall(text)
    if len(words) < SHINGLE:
        return Counter([tuple(words)] if words else [])
    return Counter(tuple(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))


def precision_recall(text: str, truth: str) -> tuple[float, float]:
    """Shares of the text's shingles that are the truth's, and of the truth's that the text has."""
    got, want = shingles(text), shingles(truth)
    both = sum((got & want).values())
    if not got and not want:
        return 1.0, 1.0
    return (both / sum(got.values()) if got else 0.0), (both / sum(want.values()) if want else 0.0)


def in_truth(text: str, truth: Counter[tuple[str, ...]], truth_words: str) -> bool:
    """Whether the block is the truth's: most of its shingles are, or (a block of fewer words than a
    shingle) its words stand in the truth in a row."""
    words = _WORD.findall(text)
    if len(words) < SHINGLE:
        return bool(words) and f" {' '.join(words)} " in truth_words
    own = shingles(text)
    return sum(n for gram, n in own.items() if gram in truth) >= IN_TRUTH_SHARE * sum(own.values())


def rule_colour(rule: str) -> str:
    """A colour of its own for each rule, the same in every report."""
    return f"hsl({zlib.crc32(rule.encode()) % 360},55%,42%)"


@dataclass(frozen=True, slots=True)
class Summary:
    """One input's line in a run's index."""

    source: str
    report: str  # the report's file name, relative to the index
    outcome: str  # "article", "no article" or the error
    kept_words: int = 0
    removed_words: int = 0
    title: str = ""
    date: str = ""
    scores: tuple[float, float, float] | None = None  # precision, recall, F1 against --truth


def summary(article: Article, report: str, truth: str | None = None) -> Summary:
    kept = sum(len(b.text.split()) for b in article.blocks)
    removed = sum(len(r.text.split()) for r in article.removed)
    scores = None
    if truth is not None:
        p, r = precision_recall(article.text, truth)
        scores = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return Summary(article.source, report, "article" if article.blocks else "no article", kept, removed,
                   article.metadata.title or "", article.metadata.date or "", scores)


def _tag(rule: str) -> str:
    return f'<span class="tag" style="background:{rule_colour(rule)}">{escape(rule)}</span>'


def page_report(article: Article, truth: str | None = None) -> str:
    """The report of one cleaned input, as a whole HTML document; with the page's `truth` (the
    article as a benchmark gives it), its precision and recall, and the blocks that were missed
    (removed, but the truth's) and added (kept, but not the truth's) marked."""
    wanted = shingles(truth) if truth is not None else None
    truth_words = f" {' '.join(_WORD.findall(truth))} " if truth is not None else ""

    def mark(text: str, kept: bool) -> str:
        if wanted is None or in_truth(text, wanted, truth_words) == kept:
            return ""
        return " extra" if kept else " missed"

    # The blocks in page order: removed ones know their place; kept ones fill the places between.
    removed_at = {r.index: r for r in article.removed if r.index >= 0}
    total = len(article.blocks) + len(removed_at)
    kept = iter(article.blocks)
    rows: list[str] = []
    first_kept = last_kept = -1
    order: list[tuple[int, str | None]] = []
    for position in range(total):
        if position in removed_at:
            order.append((position, removed_at[position].rule))
        else:
            order.append((position, None))
            first_kept = position if first_kept < 0 else first_kept
            last_kept = position
    for position, rule in order:
        if position == first_kept:
            rows.append('<p class="edge">▼ the article starts here</p>')
        if rule is None:
            block = next(kept)
            rows.append(f'<div class="block{mark(block.text, True)}" data-rule=""><span class="text">'
                        f'{escape(block.text)}</span></div>')
        else:
            removal = removed_at[position]
            detail = f' <span class="detail">({escape(removal.detail)})</span>' if removal.detail else ""
            rows.append(f'<div class="block removed{mark(removal.text, False)}" data-rule="{escape(rule)}">'
                        f'{_tag(rule)}<span class="text">{escape(removal.text)}</span>{detail}</div>')
        if position == last_kept:
            rows.append('<p class="edge">▲ the article ends here</p>')
    before = [r for r in article.removed if r.index < 0]
    chrome = "".join(
        f'<div class="block removed" data-rule="{escape(r.rule)}">{_tag(r.rule)}<span class="text">'
        f'{escape(r.text[:600])}</span> <span class="detail">({escape(r.detail)})</span></div>' for r in before)
    used = sorted({r.rule for r in article.removed})
    meta = article.metadata
    provenance = dict(meta.provenance)
    fields = [("title", meta.title), ("date", meta.date), ("authors", ", ".join(meta.authors)),
              ("site_name", meta.site_name), ("url", meta.url), ("original_source", meta.original_source),
              ("section", meta.section), ("language", meta.language)]
    meta_rows = "".join(
        f"<tr><td>{escape(name)}</td><td>{escape(value or '')}</td><td>{escape(provenance.get(name, ''))}</td>"
        f"<td>{'<br>'.join(escape(f'{v} ({s})') for f, v, s in meta.candidates if f == name and v != value)}</td></tr>"
        for name, value in fields)
    legend = "".join(f"<li>{_tag(rule)}{escape(RULE_WHY.get(rule, ''))}</li>" for rule in used)
    options = "".join(f'<option value="{escape(rule)}">{escape(rule)}</option>' for rule in used)
    kept_words = sum(len(b.text.split()) for b in article.blocks)
    score = ""
    if truth is not None:
        p, r = precision_recall(article.text, truth)
        score = (f"<p class=\"score\">against the truth: precision {p:.3f}, recall {r:.3f}; "
                 "<span class=\"missed\">missed</span>: removed, but the truth's; "
                 "<span class=\"extra\">extra</span>: kept, but not the truth's</p>")
    return (
        f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>newsclean: "
        f"{escape(article.source)}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{escape(meta.title or article.source)}</h1>"
        f"<p>{escape(article.source)} · {escape(article.kind)} · {len(article.blocks)} blocks kept "
        f"({kept_words} words), {len(article.removed)} removed</p>{score}"
        f"<h2>Metadata</h2><table><thead><tr><th>field</th><th>value</th><th>from</th><th>candidates that lost"
        f"</th></tr></thead><tbody>{meta_rows}</tbody></table>"
        f"<h2>Rules</h2><ul class=\"legend\">{legend}</ul>"
        f"<div class=\"controls\"><label><input type=\"checkbox\" id=\"only\"> show only removed</label> "
        f"<label>rule <select id=\"rule\"><option value=\"\">all</option>{options}</select></label></div>"
        + (f"<h2>Removed before the blocks were made</h2>{chrome}" if chrome else "")
        + f"<h2>The page, block by block</h2>{''.join(rows)}"
        f"<script>{_SCRIPT}</script></body></html>\n")


def index_report(summaries: list[Summary]) -> str:
    """The index of a run's reports: one sortable row per input, linking to its report (with
    precision, recall and F1 columns when the run had a truth, and then the lowest F1 first)."""
    scored = any(s.scores is not None for s in summaries)
    if scored:  # the worst pages first, where a person reading misses starts
        summaries = sorted(summaries, key=lambda s: (s.scores[2] if s.scores else -1.0, s.source))

    def figures(s: Summary) -> str:
        if not scored:
            return ""
        return "".join(f"<td>{value:.3f}</td>" for value in s.scores) if s.scores else "<td></td>" * 3

    rows = "".join(
        "<tr><td>" + (f"<a href=\"{escape(s.report)}\">{escape(s.source)}</a>" if s.report else escape(s.source))
        + f"</td><td>{escape(s.outcome)}</td>{figures(s)}"
        f"<td>{s.kept_words}</td><td>{s.removed_words}</td><td>{escape(s.title)}</td><td>{escape(s.date)}</td></tr>"
        for s in summaries)
    heads = "<th>precision</th><th>recall</th><th>F1</th>" if scored else ""
    return (
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>newsclean report</title>"
        f"<style>{_STYLE}</style></head><body><h1>newsclean report: {len(summaries)} inputs</h1>"
        f"<p>Click a column to sort.</p><table><thead><tr><th>input</th><th>outcome</th>{heads}<th>words kept</th>"
        f"<th>words removed</th><th>title</th><th>date</th></tr></thead><tbody>{rows}</tbody></table>"
        f"<script>{_SORT}</script></body></html>\n")
