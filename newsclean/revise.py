"""Context pass: lines repeated on the page, then the body, then what is kept inside it.

The article in a page is a run of prose that menus, teasers and footers lack. Each block gets a
score: prose counts its words; short, non-prose and boilerplate blocks cost a fixed amount, and
blocks that end an article (Related, Comments, ©...) cost a lot. Candidate bodies are the
maximum-sum runs of scores; no run crosses a copy of the headline, since teasers above the
headline must not merge with the article below it. The body is the best run that starts soon
after a copy of the headline, when the page has one (so a long comment thread or a feed of other
articles' leads does not win over a short article), else the best run overall. Further runs of prose join it when
the gap between costs little next to what they bring and holds no terminator (an article split by
an ad or a photo). On an HTML page, prose past a dip that leaves the running total above zero (a
table of scores in a review) is a run of its own too, joined across the article container's own
lines only. Blocks outside are removed with a context rule; inside, boilerplate rules
still apply.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Final

from .context import MENU_RUN, OUTSIDE_BODY, apply
from .keeps import links_address
from .model import ITEM_TAGS, TABLE_TAGS, Block, Context, Features, Label, Stage, Verdict
from .rules import (
    BOX_LABELS,
    HARD_TERMINATORS,
    NEUTRAL_RULES,
    NEXT_ARTICLE_PHRASES,
    SENTENCE_BREAK,
    SUMMARY_LINES,
    TERMINATORS,
)
from .settings import Settings
from .threads import thread_heads, thread_mark, unlabelled_threads

Span = tuple[int, int]  # inclusive block indices
# A short line of this many words or fewer costs short_penalty (a label, a menu item), a longer one
# other_penalty.
SHORT_LINE_WORDS: Final = 4
# A block outside the body with this many short or boilerplate blocks among its four nearest
# neighbours is in a menu run.
MENU_RUN_NEIGHBOURS: Final = 3
# A run of prose found past a dip joins the body across a gap of which at most this share of the
# blocks hold links: a box mostly of links (other stories, tags, sponsors) ends the article.
DIP_GAP_LINKED_SHARE: Final = 0.5
# On a page without a headline copy (a text browser's dump prints no window title), a run above the
# body is its opening only when it holds a paragraph of this many words (a list of teasers holds none).
OPENING_PARAGRAPH_WORDS: Final = 30
OPENING_PARAGRAPHS: Final = 2


def block_score(verdict: Verdict, feat: Features, settings: Settings) -> float:
    label = verdict.label
    if verdict.rule in NEUTRAL_RULES:
        return 0.0  # a picture's caption or place inside the article: removed, but it does not split it
    if label is Label.GOOD:
        return float(feat.words)
    if label is Label.NEARGOOD:
        return feat.words * (settings.runon_weight if verdict.rule == "run-on" else settings.neargood_weight)
    if label is Label.SHORT:
        if verdict.rule == "headline-like":
            return -settings.bad_penalty
        return -(settings.short_penalty if feat.words <= SHORT_LINE_WORDS else settings.other_penalty)
    return -(settings.terminator_penalty if verdict.rule in TERMINATORS else settings.bad_penalty)


def container_score(score: float, inside: bool, linked: bool, settings: Settings, plain_item: bool = False) -> float:
    """On an HTML page whose article container is known, prose outside it counts less and short
    blocks inside it cost less (subheadings, short quotes), those without links least (a list's
    items, a table's rows, a box of pros and cons: the article's own). A list's item or a table's
    row without a link costs that little outside it too (`plain_item`): a menu's items are links,
    a checklist's or a comparison's are not, wherever the container's edge was drawn."""
    if inside:
        if score > 0:
            return score
        return score * (settings.main_cost_factor if linked else settings.main_plain_cost_factor)
    if score > 0:
        return score * settings.outside_main_weight
    return score * settings.main_plain_cost_factor if plain_item else score


def _stretches(scores: list[float], lo: int, hi: int,
               breaks: frozenset[int]) -> list[tuple[tuple[float, Span], int]]:
    """Kadane over scores[lo:hi]: each stretch's best run, with the index where the stretch ends
    (the running total dropped to zero, or a break)."""
    found: list[tuple[tuple[float, Span], int]] = []
    best: tuple[float, Span] | None = None
    start, total = lo, 0.0
    for i in range(lo, hi):
        score = scores[i]
        if total <= 0 or i in breaks:
            if best is not None:
                found.append((best, i))
            start, total, best = i, 0.0, None
        total += score
        if score > 0 and (best is None or total > best[0]):
            best = (total, (start, i))
    if best is not None:
        found.append((best, hi))
    return found


def runs(scores: list[float], breaks: frozenset[int] = frozenset()) -> list[tuple[float, Span]]:
    """The maximal positive runs (Kadane, reset whenever the running total drops to zero, and at
    every index in `breaks`: a copy of the headline starts an article, so no run crosses it)."""
    return [best for best, _ in _stretches(scores, 0, len(scores), breaks)]


def dip_runs(scores: list[float], breaks: frozenset[int] = frozenset()) -> list[tuple[float, Span]]:
    """The runs of prose past a stretch's best run and before the stretch ends: a dip (a table of
    scores, a box of pros and cons) that does not bring the running total to zero hides them from
    `runs`. Found again in what follows each best run, down to the last."""
    found: list[tuple[float, Span]] = []
    pending = [(best[1][1] + 1, end) for best, end in _stretches(scores, 0, len(scores), breaks)]
    while pending:
        lo, hi = pending.pop()
        for best, end in _stretches(scores, lo, hi, breaks):
            found.append(best)
            pending.append((best[1][1] + 1, end))
    return found


def choose_run(candidates: list[tuple[float, Span]], anchors: tuple[int, ...],
               verdicts: tuple[Verdict, ...], settings: Settings,
               threads: frozenset[int] = frozenset()) -> tuple[float, Span] | None:
    """The best run that starts soon after a headline copy and before the article's first
    terminator, else the best run overall."""
    if not candidates:
        return None
    anchored = [
        c for c in candidates
        if c[0] >= settings.anchor_min_score
        and any(0 < c[1][0] - a <= settings.anchor_window for a in anchors)
    ]
    if not anchored:
        if threads:
            # Prose that starts past the head of a comment thread is a reader's, however long: the
            # article is the best run before the thread, when there is a substantial one.
            first = min(threads)
            before_thread = [c for c in candidates if c[1][0] < first and c[0] >= settings.anchor_min_score]
            if before_thread:
                return max(before_thread, key=lambda c: (c[0], -c[1][0]))
        return max(candidates, key=lambda c: (c[0], -c[1][0]))
    # An article ends at its first terminator (Comments, Related, ©...) or comment thread: what
    # follows is not it.
    end = next((i for i in range(anchored[0][1][1], len(verdicts))
                if verdicts[i].rule in HARD_TERMINATORS or i in threads), len(verdicts))
    before = [c for c in anchored if c[1][0] <= end and c[1][0] not in threads] or anchored[:1]
    return max(before, key=lambda c: (c[0], -c[1][0]))


def opening_run(score: float, span: Span, body_start: int, verdicts: tuple[Verdict, ...],
                anchors: tuple[int, ...], settings: Settings, longest: float = 0.0) -> bool:
    """A substantial run of prose right after a headline copy, above the body with a box between
    (related links, a gallery) but no terminator, is the article's opening: an article starts under
    its headline. On a page with no headline copy, the run must hold paragraphs of prose instead
    (OPENING_PARAGRAPHS, one of OPENING_PARAGRAPH_WORDS words: `longest` is its best score)."""
    anchored = score >= settings.opening_min_score and (
        any(0 < span[0] - a <= settings.anchor_window for a in anchors)
        or (not anchors and longest >= OPENING_PARAGRAPH_WORDS
            and sum(1 for i in range(span[0], span[1] + 1) if verdicts[i].label is Label.GOOD) >= OPENING_PARAGRAPHS))
    return anchored and body_start - span[1] <= settings.anchor_window and not any(
        verdicts[i].rule in HARD_TERMINATORS for i in range(span[1] + 1, body_start))


def never(_: int) -> bool:
    return False


def continues(score: float, span: Span, opening: float, gap_start: int, stops: Callable[[int], bool],
              marks: Callable[[int], bool], settings: Settings) -> bool:
    """A run of prose several times the size of the body chosen so far (a lede under the headline)
    is the rest of the article, set apart by a box of links, teasers and counters — unless the gap
    holds a comment thread's head, the footer or a next-article heading, or the run is a thread."""
    if score < settings.continuation_min_score or score < settings.continuation_ratio * opening:
        return False
    if any(stops(i) for i in range(gap_start, span[0])):
        return False
    return sum(1 for i in range(span[0], span[1] + 1) if marks(i)) <= settings.continuation_max_marks


def body_spans(scores: list[float], verdicts: tuple[Verdict, ...], anchors: tuple[int, ...],
               settings: Settings, threads: frozenset[int] = frozenset(),
               stops: Callable[[int], bool] = never, marks: Callable[[int], bool] = never,
               contained: Callable[[int], bool] = never, linked: Callable[[int], bool] = never) -> list[Span]:
    """The spans of the article: the chosen run of prose, then the runs it extends to. `stops(i)`
    tells a block past which the article does not continue, `marks(i)` a comment header,
    `contained(i)` a block of the article container, `linked(i)` a block with link text."""
    breaks = frozenset(anchors) | threads
    candidates = runs(scores, breaks)
    main = choose_run(candidates, anchors, verdicts, settings, threads)
    if main is None:
        return []
    spans = [main[1]]
    headline = min(anchors, default=-1)  # the page's first headline copy: above it is the page's header

    def gap_ok(lo: int, hi: int, gain: float) -> bool:
        if blocked(lo, hi, verdicts, threads):
            return False
        # A short box (related links, an ad, a photo) inside the article does not split it.
        if hi - lo <= settings.box_max_blocks and gain >= settings.anchor_min_score:
            return True
        # Nor does a long one made of the article container's own lines (a listicle's facts, tables,
        # lists of links between its items).
        if gain >= settings.container_join_min_score and in_container(lo, hi, headline, contained):
            return True
        return -sum(scores[lo:hi]) < settings.join_ratio * gain

    def dip_ok(score: float, span: Span, lo: int, hi: int) -> bool:
        # A run found past a dip is weaker evidence than a run of its own: it joins only with a
        # paragraph of prose, across the article container's own lines (a table of scores, a box
        # of pros and cons), not across a box that ends an article or one made of links.
        return (score >= settings.container_join_min_score and in_container(lo, hi, headline, contained)
                and not blocked(lo, hi, verdicts, threads)
                and any(verdicts[i].label is Label.GOOD for i in range(span[0], span[1] + 1))
                and not any(verdicts[i].rule in TERMINATORS or verdicts[i].rule in BOX_LABELS for i in range(lo, hi))
                and sum(1 for i in range(lo, hi) if linked(i)) <= DIP_GAP_LINKED_SHARE * (hi - lo))

    # Only a page with a known article container has them: elsewhere nothing changes.
    extra = dip_runs(scores, breaks) if any(contained(i) for i in range(len(scores))) else []
    dips = frozenset(span for _, span in extra)
    joinable = sorted([*candidates, *extra], key=lambda c: c[1])
    for score, span in joinable:
        if span[0] <= spans[-1][1]:
            continue
        if span in dips:
            if dip_ok(score, span, spans[-1][1] + 1, span[0]):
                spans.append(span)
        elif gap_ok(spans[-1][1] + 1, span[0], score) \
                or continues(score, span, main[0], spans[-1][1] + 1, stops, marks, settings):
            spans.append(span)
    for score, span in reversed(joinable):
        if span[1] >= spans[0][0]:
            continue
        if span in dips:
            if dip_ok(score, span, span[1] + 1, spans[0][0]):
                spans.insert(0, span)
        elif gap_ok(span[1] + 1, spans[0][0], score) \
                or opening_run(score, span, spans[0][0], verdicts, anchors, settings,
                               max(scores[span[0]:span[1] + 1])):
            spans.insert(0, span)
    return fill_container_gaps(spans, verdicts, threads, headline, contained)


def blocked(lo: int, hi: int, verdicts: tuple[Verdict, ...], threads: frozenset[int]) -> bool:
    """The gap lo..hi-1 holds a hard terminator or the head of a comment thread."""
    return any(verdicts[i].rule in HARD_TERMINATORS for i in range(lo, hi)) or any(lo <= i <= hi for i in threads)


def in_container(lo: int, hi: int, headline: int, contained: Callable[[int], bool]) -> bool:
    """The gap lo..hi-1 and the blocks either side of it lie in the article container, below the
    page's first headline copy (a container of table layout can hold teasers above the headline)."""
    return not lo <= headline <= hi and all(contained(i) for i in range(lo - 1, hi + 1))


def fill_container_gaps(spans: list[Span], verdicts: tuple[Verdict, ...], threads: frozenset[int],
                        headline: int, contained: Callable[[int], bool]) -> list[Span]:
    """Two spans of the body with only the article container's own lines between them and no
    terminator are one stretch of the article: the lines between (a list's items, a table, a box of
    facts) are its own too, removed still when a rule names them boilerplate."""
    merged = [spans[0]]
    for span in spans[1:]:
        lo, hi = merged[-1][1] + 1, span[0]
        if in_container(lo, hi, headline, contained) and not blocked(lo, hi, verdicts, threads):
            merged[-1] = (merged[-1][0], span[1])
        else:
            merged.append(span)
    return merged


def is_paragraph(text: str, settings: Settings) -> bool:
    """Whether an unpunctuated block is sentences nonetheless: several breaks between sentences,
    and as many words to a sentence as prose has (a drop-down of headlines runs far longer)."""
    breaks = len(SENTENCE_BREAK.findall(text))
    return breaks >= settings.runon_sentences and len(text.split()) <= settings.sentence_max_words * (breaks + 1)


def trim_runon_tail(spans: list[Span], blocks: tuple[Block, ...], verdicts: tuple[Verdict, ...],
                    settings: Settings) -> list[Span]:
    """A long block without final punctuation that ends the body, set apart from the last paragraph
    by short or removed lines, is items run together below the article (a drop-down of other stories,
    a profile's blurb), not its last paragraph: the body ends at the paragraph before it. A block of
    several sentences of prose's length is a paragraph all the same, one that ends in a signature
    or a cut."""
    start, end = spans[-1]
    if verdicts[end].rule != "run-on" or is_paragraph(blocks[end].text, settings):
        return spans
    prose = next((i for i in range(end - 1, start - 1, -1)
                  if verdicts[i].label in (Label.GOOD, Label.NEARGOOD)), None)
    if prose is None or prose == end - 1:
        return spans
    return [*spans[:-1], (start, prose)]


def extend_in_container(spans: list[Span], blocks: tuple[Block, ...], feats: tuple[Features, ...],
                        verdicts: tuple[Verdict, ...], settings: Settings) -> list[Span]:
    """Inside the article container, the lines that follow the body (a list of dates, a table of
    results, closing notes) are the article's too, up to the container's end, a terminator, a
    run of links or a paragraph with a link (a teaser; a table's cell with a link is the table's)."""
    end = spans[-1][1]
    if not blocks[end].in_container:
        return spans
    last, taken = end, 0
    for i in range(end + 1, len(blocks)):
        if not blocks[i].in_container or verdicts[i].rule in TERMINATORS:
            break
        # A link named by its text leads to another page; a bare address is a reference.
        if verdicts[i].rule != "url-line" and feats[i].link_density > settings.max_link_density \
                and not links_address(blocks[i], settings):
            break
        if verdicts[i].label is Label.BAD:
            continue
        # A paragraph with a link is a teaser; a table's cell with one is a cell of the table.
        if verdicts[i].label is Label.GOOD and feats[i].link_density > 0 and blocks[i].tag not in TABLE_TAGS:
            break
        last = i
        taken += 1
    if taken < settings.container_tail_min:
        return spans
    return [*spans[:-1], (spans[-1][0], last)]


def extend_head_in_container(spans: list[Span], blocks: tuple[Block, ...], feats: tuple[Features, ...],
                             verdicts: tuple[Verdict, ...], anchors: tuple[int, ...], settings: Settings,
                             ) -> list[Span]:
    """Inside the article container, a run of short lines just before the body (a list with its
    lead-in, a score table) is the article's too, back to the headline, the container's start, a
    terminator, a link or a summary box's label; a line or two there is a dateline or a byline."""
    start = spans[0][0]
    if not blocks[start].in_container:
        return spans
    first, taken = start, 0
    for i in range(start - 1, 0, -1):
        if not blocks[i].in_container or i in anchors or verdicts[i].rule in TERMINATORS \
                or feats[i].link_density > settings.max_link_density or feats[i].key in SUMMARY_LINES:
            break
        if verdicts[i].label is Label.BAD:
            continue
        first = i
        taken += 1
    if taken < settings.container_tail_min:
        return spans
    return [(first, spans[0][1]), *spans[1:]]


def drop_trailer(inside: list[bool], blocks: tuple[Block, ...], verdicts: tuple[Verdict, ...],
                 settings: Settings) -> None:
    """A line or two of prose kept after the article container's end, past a removed block, is
    the site's sign-off (an author's bio, a 'join our forums' note), not the article."""
    kept = [i for i, flag in enumerate(inside) if flag and verdicts[i].label is not Label.BAD]
    last_main = max((i for i in kept if blocks[i].in_container), default=None)
    if last_main is None:
        return
    trailer = [i for i in kept if i > last_main]
    if 0 < len(trailer) <= settings.trailer_max_blocks and trailer[0] > last_main + 1:
        for i in trailer:
            inside[i] = False


def edge_rules(verdicts: tuple[Verdict, ...]) -> list[str]:
    """Why each block would be removed if it lies outside the body: a block with three short or
    boilerplate blocks among its four nearest neighbours is in a menu run."""
    weak = [v.label is Label.SHORT or v.label is Label.BAD for v in verdicts]
    padded = [False, False, *weak, False, False]
    return [MENU_RUN if a + b + d + e >= MENU_RUN_NEIGHBOURS else OUTSIDE_BODY
            for a, b, d, e in zip(padded[:-4], padded[1:-3], padded[3:-1], padded[4:], strict=True)]


def body(blocks: tuple[Block, ...], feats: tuple[Features, ...], verdicts: tuple[Verdict, ...],
         classified: tuple[Verdict, ...], anchors: tuple[int, ...], settings: Settings) -> tuple[bool, ...]:
    """Which blocks are the article's body: the chosen runs of prose, extended inside the article
    container, less a trailer after it."""
    scores = [float(f.words) if v.label is Label.GOOD else block_score(v, f, settings)  # prose scores its words
              for v, f in zip(verdicts, feats, strict=True)]
    has_main = any(b.in_container for b in blocks)
    if has_main:
        scores = [container_score(score, block.in_container, feat.link_density > settings.max_link_density, settings,
                                  block.tag in ITEM_TAGS and not block.link_chars)
                  for score, block, feat in zip(scores, blocks, feats, strict=True)]
    threads = thread_heads(blocks, feats, verdicts, settings) | unlabelled_threads(blocks, feats, verdicts, settings)

    def stops(i: int) -> bool:  # the head of a comment thread, the footer, 'Up next'
        return i in threads or classified[i].rule == "copyright-footer" or feats[i].key in NEXT_ARTICLE_PHRASES

    def marks(i: int) -> bool:
        return thread_mark(blocks[i], feats[i], verdicts[i], settings)

    def contained(i: int) -> bool:  # a block of the article container
        return has_main and 0 <= i < len(blocks) and blocks[i].in_container

    inside = [False] * len(blocks)
    spans = body_spans(scores, verdicts, anchors, settings, threads, stops, marks, contained,
                       lambda i: feats[i].link_density > 0)
    if spans:
        spans = trim_runon_tail(spans, blocks, verdicts, settings)
    if spans and has_main:
        spans = extend_in_container(spans, blocks, feats, verdicts, settings)
        spans = extend_head_in_container(spans, blocks, feats, verdicts, anchors, settings)
    for start, end in spans:
        for i in range(start, end + 1):
            inside[i] = True
    if spans and has_main:
        drop_trailer(inside, blocks, verdicts, settings)
    return tuple(inside)


def revise(blocks: tuple[Block, ...], feats: tuple[Features, ...], verdicts: tuple[Verdict, ...],
           anchors: tuple[int, ...], settings: Settings) -> tuple[Verdict, ...]:
    """The verdicts once the page is read as a whole: the context rules (context.py) before and
    after the body is chosen, and every block outside the body removed with its edge rule."""
    context = Context(blocks, feats, anchors, settings)
    classified = apply(Stage.AMEND, context, verdicts)
    verdicts = apply(Stage.MARK, context, classified)
    inside = body(blocks, feats, verdicts, classified, anchors, settings)
    verdicts = apply(Stage.KEEP, replace(context, classified=classified, inside=inside), verdicts)
    reasons = edge_rules(verdicts)
    return tuple(v if inside[i] or v.label is Label.BAD else Verdict(v.index, Label.BAD, reasons[i], f"was {v.rule}")
                 for i, v in enumerate(verdicts))
