"""Comment threads: where the readers' part of a page starts (under a comments label followed by
comment headers or a comment form, or a run of dated reader headers with no label). No run of
prose crosses a thread's head: readers' prose is no part of the article (revise.py)."""

from __future__ import annotations

from typing import Final

from .dates import DATE, TIME
from .model import Block, Features, Label, Verdict
from .rules import COMMENT_NOTICE_PREFIXES, DIGIT_CUE, THREAD_MARK
from .settings import Settings

# A comment's header names its writer and when: at least this many words ('Jane March 3, 2024 9:12').
COMMENT_HEADER_MIN_WORDS: Final = 3


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
    return (verdict.label is not Label.GOOD and COMMENT_HEADER_MIN_WORDS <= feat.words <= settings.thread_mark_words
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
