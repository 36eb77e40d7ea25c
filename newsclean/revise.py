"""Context pass: lines repeated on the page, then the body region, then what is kept inside it.

The article in a page is a run of prose that menus, teasers and footers lack. Each block gets a
score (prose counts its words, short and boilerplate blocks cost a little or a lot), and the body
is the run of blocks with the largest total (the maximum-sum subarray). A second run of prose is
joined when the gap between them costs little next to what it brings (an article split by an ad
or a photo). Everything outside is removed with a context rule; inside, boilerplate rules still
apply.
"""

from __future__ import annotations

from collections import Counter

from .model import Block, Label, Verdict
from .rules import Features, normalize
from .settings import Settings

Span = tuple[int, int]  # inclusive block indices


def mark_repeated(
    blocks: tuple[Block, ...], feats: tuple[Features, ...], verdicts: tuple[Verdict, ...], settings: Settings
) -> tuple[Verdict, ...]:
    """Short lines printed more than once are template; a repeated long paragraph keeps its first copy."""
    keys = [normalize(b.text) for b in blocks]
    counts = Counter(k for k in keys if k)
    seen: set[str] = set()
    out = []
    for block, feat, verdict, key in zip(blocks, feats, verdicts, keys, strict=True):
        repeated = counts[key] >= settings.repeat_min_count
        if verdict.label is not Label.BAD and repeated:
            headline_like = feat.words <= 2 * settings.phrase_max_words and not feat.sentence_end
            if headline_like or feat.words <= settings.phrase_max_words or key in seen:
                verdict = Verdict(block.index, Label.BAD, "repeated-line", f"{counts[key]} times on the page")
        seen.add(key)
        out.append(verdict)
    return tuple(out)


def block_score(verdict: Verdict, feat: Features, settings: Settings) -> float:
    if verdict.label is Label.GOOD:
        return float(feat.words)
    if verdict.label is Label.NEARGOOD:
        return feat.words / 2
    if verdict.label is Label.SHORT:
        return -settings.short_penalty
    return -settings.bad_penalty


def best_span(scores: list[float], lo: int, hi: int) -> tuple[Span, float] | None:
    """The maximum-sum run of scores[lo:hi] (Kadane), or None when nothing is positive."""
    best: tuple[Span, float] | None = None
    start, total = lo, 0.0
    for i in range(lo, hi):
        if total <= 0:
            start, total = i, 0.0
        total += scores[i]
        if total > 0 and (best is None or total > best[1]):
            best = ((start, i), total)
    return best


def body_spans(scores: list[float], settings: Settings) -> list[Span]:
    """The main run of prose, plus runs on either side worth the cost of the gap between."""
    main = best_span(scores, 0, len(scores))
    if main is None:
        return []
    spans = [main[0]]
    while True:
        first, last = spans[0][0], spans[-1][1]
        joined = False
        right = best_span(scores, last + 1, len(scores))
        if right is not None:
            gap = -sum(scores[last + 1 : right[0][0]])
            if gap < settings.join_ratio * right[1]:
                spans.append(right[0])
                joined = True
        left = best_span(scores, 0, first)
        if left is not None:
            gap = -sum(scores[left[0][1] + 1 : first])
            if gap < settings.join_ratio * left[1]:
                spans.insert(0, left[0])
                joined = True
        if not joined:
            return spans


def _context_rule(index: int, verdicts: tuple[Verdict, ...]) -> str:
    """Name the reason a block outside the body is removed: a run of short lines is a menu."""
    def short(i: int) -> bool:
        return 0 <= i < len(verdicts) and verdicts[i].label in (Label.SHORT, Label.BAD)

    run = sum(1 for d in (-2, -1, 1, 2) if short(index + d))
    return "menu-run" if run >= 3 else "outside-body"


def revise(
    blocks: tuple[Block, ...], feats: tuple[Features, ...], verdicts: tuple[Verdict, ...], settings: Settings
) -> tuple[Verdict, ...]:
    verdicts = mark_repeated(blocks, feats, verdicts, settings)
    scores = [block_score(v, f, settings) for v, f in zip(verdicts, feats, strict=True)]
    spans = body_spans(scores, settings)
    inside = [False] * len(blocks)
    for start, end in spans:
        for i in range(start, end + 1):
            inside[i] = True
    out = []
    for i, verdict in enumerate(verdicts):
        if verdict.label is not Label.BAD and not inside[i]:
            verdict = Verdict(verdict.index, Label.BAD, _context_rule(i, verdicts), f"was {verdict.rule}")
        out.append(verdict)
    return tuple(out)
