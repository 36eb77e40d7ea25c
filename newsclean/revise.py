"""Context pass: lines repeated on the page, then the body, then what is kept inside it.

The article in a page is a run of prose that menus, teasers and footers lack. Each block gets a
score: prose counts its words; short, non-prose and boilerplate blocks cost a fixed amount, and
blocks that end an article (Related, Comments, ©...) cost a lot. Candidate bodies are the
maximum-sum runs of scores; no run crosses a copy of the headline, since teasers above the
headline must not merge with the article below it. The body is the best run that starts soon
after a copy of the headline, when the page has one (so a long comment thread or a feed of other
articles' leads does not win over a short article), else the best run overall. Further runs of prose join it when
the gap between costs little next to what they bring and holds no terminator (an article split by
an ad or a photo). Blocks outside are removed with a context rule; inside, boilerplate rules
still apply.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Final

from .model import Block, Features, Label, Verdict
from .rules import (
    ADDRESS,
    BOX_LABELS,
    CAPTION_PAIR_MIN_CHARS,
    COMMENT_NOTICE_PREFIXES,
    COPYRIGHT_CUES,
    DATE,
    DIGIT_CUE,
    HARD_TERMINATORS,
    IMAGE_COUNTER,
    NEUTRAL_RULES,
    NEXT_ARTICLE_PHRASES,
    PAREN_TAIL,
    SOURCE_LINES,
    SUMMARY_LINES,
    TERMINATORS,
    THREAD_MARK,
    TIME,
    YEAR,
    normalize,
)
from .settings import Settings

Span = tuple[int, int]  # inclusive block indices
SUBHEADINGS: Final = frozenset({"h2", "h3", "h4", "h5", "h6"})


def mark_repeated(blocks: tuple[Block, ...], feats: tuple[Features, ...], verdicts: tuple[Verdict, ...],
                  settings: Settings) -> tuple[Verdict, ...]:
    """Lines printed more than once are template (menus twice, the headline as a caption, teasers
    listed twice); a repeated long paragraph keeps its first copy. Lines repeated only inside an
    HTML page's article container are the article's own (the same step in two recipes)."""
    keys = [f.key for f in feats]
    counts = Counter(keys)  # the empty key (long blocks) is counted too, but never looked up
    if any(b.in_container for b in blocks):
        outside = Counter(key for key, b in zip(keys, blocks, strict=True) if key and not b.in_container)
    else:
        outside = counts
    repeated = {key for key, n in counts.items() if key and n >= settings.repeat_min_count}
    if not repeated:
        return verdicts
    seen: set[str] = set()
    out = list(verdicts)
    for i, (block, key, verdict) in enumerate(zip(blocks, keys, verdicts, strict=True)):
        if key not in repeated:
            continue
        if verdict.label is not Label.BAD and (not block.in_container or outside[key]) \
                and not own_copy(block, verdict, counts[key] - outside[key]):
            prose = verdict.label is Label.GOOD and feats[i].words > 2 * settings.phrase_max_words
            if not prose or key in seen:
                out[i] = Verdict(verdict.index, Label.BAD, "repeated-line", f"{counts[key]} times on the page")
        seen.add(key)
    return tuple(out)


def own_copy(block: Block, verdict: Verdict, inside: int) -> bool:
    """A sentence of prose printed once inside the article container is the article's own, even
    when a standfirst or a teaser repeats it elsewhere on the page."""
    return block.in_container and inside == 1 and verdict.label is Label.GOOD


def mark_copies(blocks: tuple[Block, ...], feats: tuple[Features, ...], verdicts: tuple[Verdict, ...],
                settings: Settings) -> tuple[Verdict, ...]:
    """A very long block made mostly of paragraphs printed elsewhere on the page is a second copy
    of the article (a summary field, a print view run together): the paragraphs stay, it goes."""
    long_ones = [i for i, f in enumerate(feats) if f.words >= settings.copy_min_words
                 and verdicts[i].label is not Label.BAD]
    if not long_ones:
        return verdicts
    # A block's key is its normalized text, when it has one (blocks up to rules.PHRASE_WINDOW words).
    paragraphs = [(i, feats[i].key or normalize(blocks[i].text)) for i, v in enumerate(verdicts)
                  if v.label is Label.GOOD and feats[i].words >= settings.good_words]
    normalized = dict(paragraphs)
    out = list(verdicts)
    for i in long_ones:
        text = normalized.get(i) or normalize(blocks[i].text)
        covered = sum(len(p) for j, p in paragraphs if j != i and len(p) < len(text) and p in text)
        if covered >= settings.copy_share * len(text):
            out[i] = Verdict(i, Label.BAD, "copy-of-text", f"{covered / len(text):.0%} printed elsewhere")
    return tuple(out)


def mark_toolbars(feats: tuple[Features, ...], verdicts: tuple[Verdict, ...], settings: Settings,
                  ) -> tuple[Verdict, ...]:
    """A one- or two-word 'Comments' or 'Newsletter' label among share buttons (email, print...)
    is a toolbar button, not the start of the comment section or newsletter box: it does not end
    the article."""
    def button(i: int) -> bool:
        return 0 <= i < len(verdicts) and (verdicts[i].rule == "share-bar" or label(i))

    def label(i: int) -> bool:
        return verdicts[i].rule in TERMINATORS and feats[i].words <= 2

    reach = settings.toolbar_reach
    labels = [i for i, v in enumerate(verdicts) if v.rule in TERMINATORS and label(i)]
    if not labels:
        return verdicts
    out = list(verdicts)
    for i in labels:
        if sum(button(i + d) for d in range(-reach, reach + 1) if d) >= 2:
            out[i] = Verdict(verdicts[i].index, Label.BAD, "toolbar-button", f"was {verdicts[i].rule}")
    return tuple(out)


def mark_cut_paragraphs(verdicts: tuple[Verdict, ...]) -> tuple[Verdict, ...]:
    """A paragraph ending in '...' right after a paragraph of prose is the article's own text (a
    quote trailing off, a paywall cutting the story), not a teaser for another page."""
    out = list(verdicts)
    for i in range(1, len(verdicts)):  # (after prose, or after such a paragraph: quotes trailing off)
        if verdicts[i].rule == "truncated-teaser" and (
                verdicts[i - 1].label is Label.GOOD or out[i - 1].rule == "cut-paragraph"):
            out[i] = Verdict(i, Label.NEARGOOD, "cut-paragraph", "follows prose")
    return tuple(out)


def mark_inline_credits(blocks: tuple[Block, ...], feats: tuple[Features, ...], verdicts: tuple[Verdict, ...],
                        settings: Settings) -> tuple[Verdict, ...]:
    """A '©' line with no year and no 'copyright' or 'rights' word, followed by paragraphs of prose,
    credits a picture inside the article ('© Provided by X', then its caption); the page's footer
    has no article after it. Still removed, it no longer ends the article."""
    out = list(verdicts)
    for i, verdict in enumerate(verdicts):
        if verdict.rule != "copyright-footer" or "©" not in blocks[i].text or COPYRIGHT_CUES.intersection(
                feats[i].tokens) or YEAR.search(blocks[i].text):
            continue
        after = range(i + 1, min(len(verdicts), i + 1 + settings.credit_reach))
        prose = [j for j in after if verdicts[j].label is Label.GOOD]
        if len(prose) >= settings.credit_prose_blocks:
            out[i] = Verdict(i, Label.BAD, "inline-credit", f"{len(prose)} paragraphs of prose follow")
    return tuple(out)


def mark_data_rows(feats: tuple[Features, ...], verdicts: tuple[Verdict, ...], settings: Settings,
                   ) -> tuple[Verdict, ...]:
    """Runs of short lines that each hold figures (standings, results, a schedule) are a table of
    the article's, not a menu: menus are words, tables are numbers (a figure may be glued to a
    word: '1st', '5a', '10km')."""
    def row(f: Features, v: Verdict) -> bool:
        if v.label is not Label.SHORT or f.words < 3 or DIGIT_CUE not in f.tokens:
            return False
        tokens = f.key.split()
        return sum(1 for t in tokens if not t.isalpha()) >= max(1, len(tokens) // 4)

    rows = [v.label is Label.SHORT and row(f, v) for f, v in zip(feats, verdicts, strict=True)]
    if rows.count(True) < settings.table_min_rows:
        return verdicts
    out = list(verdicts)
    i = 0
    while i < len(verdicts):
        j = i
        while j < len(verdicts) and rows[j]:
            j += 1
        if j - i >= settings.table_min_rows:
            for k in range(i, j):
                out[k] = Verdict(k, Label.NEARGOOD, "data-row", f"row {k - i + 1} of {j - i}")
        i = max(j, i + 1)
    return tuple(out)


def mark_related_boxes(blocks: tuple[Block, ...], feats: tuple[Features, ...], verdicts: tuple[Verdict, ...],
                       settings: Settings) -> tuple[Verdict, ...]:
    """The short lines right after a 'Related' or 'More:' label are the headlines of other
    articles (a box set inside the article), not its subheadings: they go with their label. A
    label names no article itself ('Related post: X' is one teaser, not a box)."""
    def label(i: int) -> bool:
        heading = feats[i].words <= 3 or blocks[i].text.endswith(":")
        return heading and (verdicts[i].rule in BOX_LABELS
                            or (verdicts[i].rule == "navigation" and blocks[i].text.endswith(":")))

    out = list(verdicts)
    for i, v in enumerate(verdicts):
        if (v.rule not in BOX_LABELS and v.rule != "navigation") or not label(i):
            continue
        for j in range(i + 1, min(i + 1 + settings.box_max_blocks, len(verdicts))):
            if verdicts[j].label is not Label.SHORT or feats[j].words < 3:
                break
            out[j] = Verdict(j, Label.BAD, "related-box", f"after {v.rule} {i}")
    return tuple(out)


def mark_galleries(blocks: tuple[Block, ...], feats: tuple[Features, ...], verdicts: tuple[Verdict, ...],
                   settings: Settings) -> tuple[Verdict, ...]:
    """A slideshow printed out: counters '1 of 22', '2 of 22', ... each after its slide's caption.
    The captions between the counters are the gallery's, not the article's; a paragraph of prose
    there (gallery_caption_max_words) is an item of an article told in slides, and stays."""
    counters: list[tuple[int, int, int]] = []  # (block, number, total)
    for i, v in enumerate(verdicts):
        if v.rule == "photo-credit":
            m = IMAGE_COUNTER.search(blocks[i].text)
            if m:
                counters.append((i, int(m.group("number")), int(m.group("total"))))
    if len(counters) < settings.gallery_min_slides:
        return verdicts

    def shape(j: int) -> str:
        if not 0 <= j < len(verdicts):
            return ""
        return verdicts[j].rule if verdicts[j].label is Label.BAD else "text"

    out = list(verdicts)
    k = 0
    while k < len(counters):
        chain = [counters[k]]
        end = k + 1  # the first counter after the chain's last
        for n in range(k + 1, len(counters)):
            c, prev = counters[n], chain[-1]
            if c[1] == prev[1] + 1 and c[2] == prev[2] and c[0] - prev[0] <= settings.gallery_max_period:
                chain.append(c)
                end = n + 1
            elif c[0] - prev[0] > settings.gallery_max_period:
                break
        if len(chain) >= settings.gallery_min_slides:
            # n counters hold n slides: n - 1 between them, and one before the first counter (captions
            # above their counters) or after the last (below them): the side whose blocks look like a gap.
            first, last = chain[0][0], chain[-1][0]
            period = chain[1][0] - first
            gap = [shape(j) for j in range(first + 1, first + period)]
            lo, hi = first, last
            if [shape(j) for j in range(first - period + 1, first)] == gap:
                lo = first - period + 1
            elif [shape(j) for j in range(last + 1, last + period)] == gap:
                hi = last + period
            for j in range(lo, hi):
                if out[j].label is not Label.BAD and not (
                        out[j].label is Label.GOOD and feats[j].words > settings.gallery_caption_max_words):
                    out[j] = Verdict(out[j].index, Label.BAD, "gallery-caption",
                                     f"slide of a {len(chain)}-picture gallery")
            k = end  # (a counter skipped inside the chain, out of sequence, starts no chain of its own)
        else:
            k += 1
    return tuple(out)


def mark_caption_pairs(blocks: tuple[Block, ...], verdicts: tuple[Verdict, ...]) -> tuple[Verdict, ...]:
    """A line printed again at once with a credit in brackets after it ('X.' then 'X. (Jane Doe / Agency)'),
    or printed again just as it was (a text browser's dump prints a picture's alt text, then its title
    or caption), is a picture's caption: an article never repeats its own paragraph at once."""
    out = list(verdicts)
    for i in range(len(blocks) - 1):
        a, b = blocks[i].text, blocks[i + 1].text
        if len(a) >= CAPTION_PAIR_MIN_CHARS and b.startswith(a) and (
                PAREN_TAIL.match(b, len(a)) or (b == a and blocks[i].tag == blocks[i + 1].tag == "p")):
            for j in (i, i + 1):  # (a copy of prose is no paragraph of the article's: not kept as its own)
                if out[j].label is not Label.BAD or out[j].rule == "repeated-line":
                    out[j] = Verdict(out[j].index, Label.BAD, "caption-pair", "printed twice, then credited")
    return tuple(out)


def list_label(block: Block, feat: Features, verdict: Verdict) -> bool:
    """A label that heads a list of other articles and names none itself: a list heading ('Related',
    'More from X'), or a teaser line that is a label alone ('See also:', 'Read more'). 'Related: X',
    'More on X' or 'Read more news like this on X' is one teaser, set among the article's paragraphs."""
    return verdict.rule == "related-list" or (verdict.rule in BOX_LABELS and (
        feat.words <= 3 or block.text.endswith(":")))


def mark_teaser_lists(blocks: tuple[Block, ...], feats: tuple[Features, ...], verdicts: tuple[Verdict, ...],
                      anchors: tuple[int, ...], settings: Settings) -> tuple[Verdict, ...]:
    """A 'Related' or 'More in' label after the article's prose, followed by teasers (a title, a line or
    two of summary, a source, again and again) and no more paragraphs in a row, opens the list of other
    articles that closes the page: its prose goes with the label. A label above the article (before any
    prose under the headline), or one after which three paragraphs follow one another (the article going
    on after a box), is left alone: a list there is the article's own (a shopping list, profiles); so is
    the prose after a teaser line that names an article itself (list_label)."""
    out = list(verdicts)
    for i, v in enumerate(verdicts):
        if v.rule not in BOX_LABELS or not list_label(blocks[i], feats[i], v):
            continue
        top = max((a for a in anchors if a < i), default=max(0, i - settings.teaser_window))
        if sum(feats[k].words for k in range(top + 1, i) if verdicts[k].label is Label.GOOD) \
                < settings.anchor_min_score:
            continue
        groups: list[int] = []
        current, end, resumed, bad = 0, i + 1, False, 0
        for j in range(i + 1, min(len(verdicts), i + 1 + 2 * settings.teaser_window)):
            label = verdicts[j].label
            if verdicts[j].rule in HARD_TERMINATORS or j in anchors:
                break
            bad = bad + 1 if label is Label.BAD else 0
            if bad == settings.teaser_furniture_run and current:  # furniture parts teasers as a short line does
                groups.append(current)
                current = 0
            if label is Label.GOOD or label is Label.NEARGOOD:
                current += 1
                if current > settings.teaser_max_paragraphs:  # paragraphs in a row: the article goes on
                    resumed = True
                    break
            elif (label is Label.SHORT or verdicts[j].rule in SOURCE_LINES) and current:
                groups.append(current)
                current = 0
            if j < i + 1 + settings.teaser_window:
                end = j + 1
        if current:
            groups.append(current)
        if resumed or len(groups) < settings.teaser_min_items:
            continue
        for j in range(i + 1, end):
            if out[j].label is not Label.BAD:
                out[j] = Verdict(out[j].index, Label.BAD, "teaser-list", f"after {v.rule} {i}")
    return tuple(out)


def mark_byline_teasers(verdicts: tuple[Verdict, ...], settings: Settings) -> tuple[Verdict, ...]:
    """Bylines every few blocks, with a line or two of prose between each ('Title', 'By X', a summary;
    'Title', 'By Y', ...), are a list of other articles' teasers: an article has one byline, and its
    paragraphs run on. The blocks between the first and the last byline of such a chain go."""
    bylines = [i for i, v in enumerate(verdicts) if v.rule == "byline"]
    if len(bylines) < settings.teaser_min_items:
        return verdicts

    def prose(lo: int, hi: int) -> int:
        return sum(1 for k in range(lo, hi) if verdicts[k].label in (Label.GOOD, Label.NEARGOOD))

    def opens_article(i: int) -> bool:  # paragraphs in a row after the byline, as under a headline
        after = [v for v in verdicts[i + 1:i + 1 + 2 * settings.byline_teaser_gap] if v.label is not Label.BAD]
        return sum(1 for v in after[:settings.teaser_max_paragraphs + 2]
                   if v.label in (Label.GOOD, Label.NEARGOOD)) > settings.teaser_max_paragraphs

    out = list(verdicts)
    chain: list[int] = []
    for i in [*bylines, None]:
        if i is not None and chain and 2 <= i - chain[-1] <= settings.byline_teaser_gap \
                and 1 <= prose(chain[-1] + 1, i) <= settings.teaser_max_paragraphs:
            chain.append(i)
            continue
        if len(chain) >= settings.teaser_min_items and opens_article(chain[-1]):
            chain.pop()  # the last byline is the article's own, its standfirst above it
        if len(chain) >= settings.teaser_min_items:
            for k in range(chain[0] + 1, chain[-1]):
                if out[k].label is not Label.BAD:
                    out[k] = Verdict(out[k].index, Label.BAD, "byline-teasers",
                                     f"between bylines {chain[0]}-{chain[-1]}")
        chain = [i] if i is not None else []
    return tuple(out)


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
        return -(settings.short_penalty if feat.words <= 4 else settings.other_penalty)
    return -(settings.terminator_penalty if verdict.rule in TERMINATORS else settings.bad_penalty)


def container_score(score: float, inside: bool, linked: bool, settings: Settings) -> float:
    """On an HTML page whose article container is known, prose outside it counts less and short
    blocks inside it cost less (subheadings, short quotes), those without links least (a list's
    items, a table's rows, a box of pros and cons: the article's own)."""
    if inside:
        if score > 0:
            return score
        return score * (settings.main_cost_factor if linked else settings.main_plain_cost_factor)
    return score * settings.outside_main_weight if score > 0 else score


def runs(scores: list[float], breaks: frozenset[int] = frozenset()) -> list[tuple[float, Span]]:
    """The maximal positive runs (Kadane, reset whenever the running total drops to zero, and at
    every index in `breaks`: a copy of the headline starts an article, so no run crosses it)."""
    found: list[tuple[float, Span]] = []
    best: tuple[float, Span] | None = None
    start, total = 0, 0.0
    for i, score in enumerate(scores):
        if total <= 0 or i in breaks:
            if best is not None:
                found.append(best)
            start, total, best = i, 0.0, None
        total += score
        if score > 0 and (best is None or total > best[0]):
            best = (total, (start, i))
    if best is not None:
        found.append(best)
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


def thread_mark(block: Block, feat: Features, verdict: Verdict, settings: Settings) -> bool:
    """A comment's header or footer ('2 days ago at 7:52 am', 'Rating: 36 Votes', 'Jane says:'),
    or the notice above a comment form ('Your email address will not be published')."""
    if verdict.rule == "date-line":
        return True
    if verdict.rule == "comments-label":
        return (feat.key + " ").startswith(COMMENT_NOTICE_PREFIXES)
    return 0 < feat.words <= settings.thread_mark_words and bool(THREAD_MARK.search(block.text))


def thread_heads(blocks: tuple[Block, ...], feats: tuple[Features, ...], verdicts: tuple[Verdict, ...],
                 settings: Settings) -> frozenset[int]:
    """A comments label followed by comment headers (names with dates, vote counts) or a comment
    form opens the readers' part of the page: their prose is no part of the article, however long,
    so no run of prose crosses it. A label alone may be a widget set inside the article."""
    heads = set()
    for i, v in enumerate(verdicts):
        if v.rule != "comments-label":
            continue
        if (feats[i].key + " ").startswith(COMMENT_NOTICE_PREFIXES):
            heads.add(i)
            continue
        window = range(i + 1, min(i + 1 + settings.thread_window, len(blocks)))
        marks = sum(1 for j in window if thread_mark(blocks[j], feats[j], verdicts[j], settings))
        if marks >= settings.thread_min_marks:
            heads.add(i)
    return frozenset(heads)


def comment_header(block: Block, feat: Features, verdict: Verdict, settings: Settings) -> bool:
    """A short line naming when a reader wrote, with date and time: 'Just a Thought February 10th,
    2010 3:41 pm ET', 'posted by: jd at 08/15/2010 @ 12:10am'."""
    return (verdict.label is not Label.GOOD and 3 <= feat.words <= settings.thread_mark_words
            and DIGIT_CUE in feat.tokens and TIME.search(block.text) is not None
            and DATE.search(block.text) is not None)


def unlabelled_threads(blocks: tuple[Block, ...], feats: tuple[Features, ...], verdicts: tuple[Verdict, ...],
                       settings: Settings) -> frozenset[int]:
    """Comments with no label above them: a comment header followed, within `thread_window`
    blocks, by more headers, each after a paragraph of its own. The first header opens the thread."""
    headers = [i for i, (b, f, v) in enumerate(zip(blocks, feats, verdicts, strict=True))
               if comment_header(b, f, v, settings)]
    heads: set[int] = set()
    covered = -1
    for k, i in enumerate(headers):
        if i <= covered:
            continue
        chain = [i]
        for j in headers[k + 1:]:
            if j - chain[-1] > settings.thread_window:
                break
            if any(feats[m].words >= settings.good_words for m in range(chain[-1] + 1, j)):
                chain.append(j)
        if len(chain) > settings.thread_min_marks:
            heads.add(i)
            covered = chain[-1]
    return frozenset(heads)


def opening_run(score: float, span: Span, body_start: int, verdicts: tuple[Verdict, ...],
                anchors: tuple[int, ...], settings: Settings) -> bool:
    """A substantial run of prose right after a headline copy, above the body with a box between
    (related links, a gallery) but no terminator, is the article's opening: an article starts under
    its headline."""
    anchored = score >= settings.opening_min_score and any(
        0 < span[0] - a <= settings.anchor_window for a in anchors)
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
               contained: Callable[[int], bool] = never) -> list[Span]:
    """The spans of the article: the chosen run of prose, then the runs it extends to. `stops(i)`
    tells a block past which the article does not continue, `marks(i)` a comment header,
    `contained(i)` a block of the article container."""
    candidates = runs(scores, frozenset(anchors) | threads)
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

    for score, span in sorted(candidates, key=lambda c: c[1]):
        if span[0] > spans[-1][1] and (gap_ok(spans[-1][1] + 1, span[0], score)
                                       or continues(score, span, main[0], spans[-1][1] + 1, stops, marks, settings)):
            spans.append(span)
    for score, span in sorted(candidates, key=lambda c: c[1], reverse=True):
        if span[1] < spans[0][0] and (gap_ok(span[1] + 1, spans[0][0], score)
                                      or opening_run(score, span, spans[0][0], verdicts, anchors, settings)):
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


def trim_runon_tail(spans: list[Span], verdicts: tuple[Verdict, ...]) -> list[Span]:
    """A long block without final punctuation that ends the body, set apart from the last paragraph
    by short or removed lines, is items run together below the article (a drop-down of other stories,
    a profile's blurb), not its last paragraph: the body ends at the paragraph before it."""
    start, end = spans[-1]
    if verdicts[end].rule != "run-on":
        return spans
    prose = next((i for i in range(end - 1, start - 1, -1)
                  if verdicts[i].label in (Label.GOOD, Label.NEARGOOD)), None)
    if prose is None or prose == end - 1:
        return spans
    return [*spans[:-1], (start, prose)]


def extend_in_container(spans: list[Span], blocks: tuple[Block, ...], feats: tuple[Features, ...],
                        verdicts: tuple[Verdict, ...], settings: Settings) -> list[Span]:
    """Inside the article container, the lines that follow the body (a list of dates, a table of
    results, closing notes) are the article's too, up to the container's end, a terminator or a
    run of links."""
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
        if verdicts[i].label is Label.GOOD and feats[i].link_density > 0:
            break
        last = i
        taken += 1
    if taken < settings.container_tail_min:
        return spans
    return [*spans[:-1], (spans[-1][0], last)]


def links_address(block: Block, settings: Settings) -> bool:
    """A block whose link text is an address printed out ('Tickets: www.example.org') cites a
    reference, as a bare address does; a link named by its words leads to another page."""
    if not block.link_chars or ("://" not in block.text and "www." not in block.text):
        return False
    printed = sum(len(found) for found in ADDRESS.findall(block.text))
    return printed >= settings.address_link_share * block.link_chars


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


def keep_one_copy(blocks: tuple[Block, ...], feats: tuple[Features, ...], classified: tuple[Verdict, ...],
                  verdicts: tuple[Verdict, ...], inside: list[bool], settings: Settings) -> tuple[Verdict, ...]:
    """A paragraph printed more than once with no copy kept (a lead repeated below as a pull quote,
    every copy inside the body) keeps one copy inside the body: its longest (quote marks and all)."""
    kept = {feats[i].key for i, flag in enumerate(inside) if flag and verdicts[i].label is not Label.BAD}
    copies: dict[str, list[int]] = {}
    for i, v in enumerate(verdicts):
        if inside[i] and v.rule == "repeated-line" and classified[i].label in (Label.GOOD, Label.NEARGOOD) \
                and feats[i].words >= settings.good_words and feats[i].key not in kept:
            copies.setdefault(feats[i].key, []).append(i)
    if not copies:
        return verdicts
    out = list(verdicts)
    for found in copies.values():
        i = max(found, key=lambda k: (len(blocks[k].text), k))
        out[i] = Verdict(verdicts[i].index, Label.NEARGOOD, "own-copy", "one copy of a repeated paragraph")
    return tuple(out)


def keep_cited_addresses(blocks: tuple[Block, ...], verdicts: tuple[Verdict, ...], inside: list[bool],
                         settings: Settings) -> tuple[Verdict, ...]:
    """A bare address, or a link whose text is its address, between two blocks of the body is one
    the article cites (a source, a shop link under each item of a list), not page chrome."""
    found = [i for i, v in enumerate(verdicts) if v.rule == "url-line" or v.rule == "link-dense"]
    if not found:
        return verdicts
    out = list(verdicts)
    for i in found:
        if 0 < i < len(inside) - 1 and inside[i - 1] and inside[i + 1] \
                and (verdicts[i].rule == "url-line" or links_address(blocks[i], settings)):
            out[i] = Verdict(verdicts[i].index, Label.NEARGOOD, "cited-address", "inside the body")
    return tuple(out)


def keep_linked_sentences(blocks: tuple[Block, ...], feats: tuple[Features, ...], verdicts: tuple[Verdict, ...],
                          inside: list[bool], settings: Settings) -> tuple[Verdict, ...]:
    """A sentence of prose mostly made of link text, inside the body and the article container, is
    the article's own (a news digest whose items link to the full stories), not a menu: menus and
    teaser lists are headlines, not sentences, and a teaser is linked whole."""
    found = [i for i, v in enumerate(verdicts) if v.rule == "link-dense" and inside[i]]
    if not found:
        return verdicts
    out = list(verdicts)
    for i in found:
        f = feats[i]
        if blocks[i].in_container and f.words >= settings.good_words and f.sentence_end \
                and f.link_density <= settings.linked_sentence_max_density:
            out[i] = Verdict(verdicts[i].index, Label.NEARGOOD, "linked-sentence", "inside the body")
    return tuple(out)


def keep_linked_headings(blocks: tuple[Block, ...], verdicts: tuple[Verdict, ...], inside: list[bool],
                         ) -> tuple[Verdict, ...]:
    """A subheading of link text inside the body and the article container, over the article's own
    text, names the item it tells of (a listicle's product or place, linked to its page): a menu or
    a box of teasers is not set as headings over prose."""
    def over_text(i: int) -> bool:
        return i + 1 < len(verdicts) and inside[i + 1] and verdicts[i + 1].label in (Label.GOOD, Label.NEARGOOD)

    found = [i for i, v in enumerate(verdicts) if v.rule == "link-dense" and inside[i] and blocks[i].in_container
             and blocks[i].tag in SUBHEADINGS and over_text(i)]
    if not found:
        return verdicts
    out = list(verdicts)
    for i in found:
        out[i] = Verdict(verdicts[i].index, Label.SHORT, "linked-heading", "inside the body")
    return tuple(out)


def keep_linked_items(blocks: tuple[Block, ...], verdicts: tuple[Verdict, ...], inside: list[bool],
                      ) -> tuple[Verdict, ...]:
    """List items of link text inside the body and the article container, with the body's own
    kept lines right above and below the list and a paragraph or a heading leading into it, are
    the article's list (the products it picks, the resources it names, its table of contents),
    not a menu: a menu or a box of teasers does not sit between two parts of the article's text.
    A list at the body's edge, or one right after another list (an item's box of links under its
    box of facts), is left alone."""
    def item(i: int) -> bool:
        return verdicts[i].rule == "link-dense" and inside[i] and blocks[i].in_container and blocks[i].tag == "li"

    def kept(i: int) -> bool:
        return 0 <= i < len(verdicts) and inside[i] and verdicts[i].label is not Label.BAD

    out = list(verdicts)
    i = 0
    while i < len(verdicts):
        if not item(i):
            i += 1
            continue
        j = i
        while j < len(verdicts) and item(j):
            j += 1
        if kept(i - 1) and kept(j) and blocks[i - 1].tag != "li":
            for k in range(i, j):
                out[k] = Verdict(verdicts[k].index, Label.SHORT, "linked-item", f"list item {k - i + 1} of {j - i}")
        i = j
    return tuple(out)


def context_rules(verdicts: tuple[Verdict, ...]) -> list[str]:
    """Why each block would be removed if it lies outside the body: a block with three short or
    boilerplate blocks among its four nearest neighbours is in a menu run."""
    weak = [v.label is Label.SHORT or v.label is Label.BAD for v in verdicts]
    padded = [False, False, *weak, False, False]
    return ["menu-run" if a + b + d + e >= 3 else "outside-body"
            for a, b, d, e in zip(padded[:-4], padded[1:-3], padded[3:-1], padded[4:], strict=True)]


def revise(blocks: tuple[Block, ...], feats: tuple[Features, ...], verdicts: tuple[Verdict, ...],
           anchors: tuple[int, ...], settings: Settings) -> tuple[Verdict, ...]:
    off = settings.disabled_rules  # each step below is the rule it names; a disabled one is skipped
    if "inline-credit" not in off:
        verdicts = mark_inline_credits(blocks, feats, verdicts, settings)
    classified = verdicts
    if "cut-paragraph" not in off:
        verdicts = mark_cut_paragraphs(verdicts)
    if "repeated-line" not in off:
        verdicts = mark_repeated(blocks, feats, verdicts, settings)
    if "toolbar-button" not in off:
        verdicts = mark_toolbars(feats, verdicts, settings)
    if "copy-of-text" not in off:
        verdicts = mark_copies(blocks, feats, verdicts, settings)
    if "data-row" not in off:
        verdicts = mark_data_rows(feats, verdicts, settings)
    if "related-box" not in off:
        verdicts = mark_related_boxes(blocks, feats, verdicts, settings)
    if "gallery-caption" not in off:
        verdicts = mark_galleries(blocks, feats, verdicts, settings)
    if "caption-pair" not in off:
        verdicts = mark_caption_pairs(blocks, verdicts)
    if "teaser-list" not in off:
        verdicts = mark_teaser_lists(blocks, feats, verdicts, anchors, settings)
    if "byline-teasers" not in off:
        verdicts = mark_byline_teasers(verdicts, settings)
    scores = [float(f.words) if v.label is Label.GOOD else block_score(v, f, settings)  # prose scores its words
              for v, f in zip(verdicts, feats, strict=True)]
    has_main = any(b.in_container for b in blocks)
    if has_main:
        scores = [container_score(score, block.in_container, feat.link_density > settings.max_link_density, settings)
                  for score, block, feat in zip(scores, blocks, feats, strict=True)]
    inside = [False] * len(blocks)
    threads = thread_heads(blocks, feats, verdicts, settings) | unlabelled_threads(blocks, feats, verdicts, settings)

    def stops(i: int) -> bool:  # the head of a comment thread, the footer, 'Up next'
        return i in threads or classified[i].rule == "copyright-footer" or feats[i].key in NEXT_ARTICLE_PHRASES

    def marks(i: int) -> bool:
        return thread_mark(blocks[i], feats[i], verdicts[i], settings)

    def contained(i: int) -> bool:  # a block of the article container
        return has_main and 0 <= i < len(blocks) and blocks[i].in_container

    spans = body_spans(scores, verdicts, anchors, settings, threads, stops, marks, contained)
    if spans:
        spans = trim_runon_tail(spans, verdicts)
    if spans and has_main:
        spans = extend_in_container(spans, blocks, feats, verdicts, settings)
        spans = extend_head_in_container(spans, blocks, feats, verdicts, anchors, settings)
    for start, end in spans:
        for i in range(start, end + 1):
            inside[i] = True
    if spans and has_main:
        drop_trailer(inside, blocks, verdicts, settings)
    if "own-copy" not in off:
        verdicts = keep_one_copy(blocks, feats, classified, verdicts, inside, settings)
    reasons = context_rules(verdicts)
    if "cited-address" not in off:
        verdicts = keep_cited_addresses(blocks, verdicts, inside, settings)
    if "linked-sentence" not in off:
        verdicts = keep_linked_sentences(blocks, feats, verdicts, inside, settings)
    if "linked-heading" not in off:
        verdicts = keep_linked_headings(blocks, verdicts, inside)
    if "linked-item" not in off:
        verdicts = keep_linked_items(blocks, verdicts, inside)
    out = list(verdicts)
    for i, v in enumerate(verdicts):
        if not inside[i] and v.label is not Label.BAD:
            out[i] = Verdict(v.index, Label.BAD, reasons[i], f"was {v.rule}")
    return tuple(out)
