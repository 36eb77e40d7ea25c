"""Every threshold in one frozen value, each with its default and the reason for it."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any


@dataclass(frozen=True, slots=True)
class Settings:
    # --- input limits ---
    # Larger inputs are refused: no news article needs more, and a runaway file must not stall a run.
    max_bytes: int = 32 * 1024 * 1024
    # A page is read up to this many blocks (the longest development page has under 1,500): the
    # rest of a runaway page (a million short lines, a 100,000-row table) is left out, named
    # `over-limit` in --explain, so that time and memory stay bounded.
    max_blocks: int = 20_000
    # ... and an HTML page up to this many tags (the most on a development page is under 20,000).
    max_tags: int = 200_000
    # An explicit encoding (e.g. from --encoding); None means: detect.
    encoding: str | None = None
    # "auto" sniffs the content; "html" or "text" forces the kind.
    kind: str = "auto"
    # Keep link addresses and images for Markdown output (--links / --images); off, the work of
    # collecting them is skipped.
    keep_links: bool = False
    keep_images: bool = False
    # Rules switched off by name (catalog.RULE_NAMES), to measure what each one is worth (tests/rule_audit.py):
    # a block a disabled rule would decide gets the verdict it would have had without that rule.
    disabled_rules: frozenset[str] = frozenset()
    # Boxes not removed for their class or id (their class/id string as --explain shows it): the
    # second reading of a page whose article went with such a box (pipeline.clean).
    spared_boxes: frozenset[str] = frozenset()
    # Every metadata candidate is looked for and listed (--explain, --report show the ones that
    # lost); off, a field's last resorts are not looked for once it has a value.
    candidates: bool = False

    # --- block classification (word counts; CJK characters count as half a word) ---
    # A block this long that ends like a sentence reads as prose on its own.
    good_words: int = 10
    # A block this long that ends like a sentence is probably prose.
    neargood_words: int = 5
    # A block this long without one punctuation mark is items run together, not prose.
    unpunctuated_min_words: int = 40
    # A block this long without one full stop is headlines run together: prose has sentences.
    no_full_stop_min_words: int = 60
    # Boilerplate phrase rules only fire on blocks at most this long, so an article sentence that
    # happens to mention "read more" or "subscribe" survives.
    phrase_max_words: int = 14
    # Share of a block's characters that are link text above which it is navigation.
    max_link_density: float = 0.5
    # A line printed this many times on one page is template (menus printed twice).
    repeat_min_count: int = 2

    # A block this long can be a second copy of the article run together (a summary field dumped).
    copy_min_words: int = 100
    # ... and is one when this share of its text is paragraphs printed elsewhere on the page.
    copy_share: float = 0.5

    # --- body selection (maximum-sum run of block scores) ---
    # Prose scores its word count; a medium sentence scores this share of its words.
    neargood_weight: float = 1.0
    # A long block without final punctuation (a list run together, a cut-off teaser) counts half.
    runon_weight: float = 0.5
    # Cost of a very short block (up to 4 words): subheadings between paragraphs survive it,
    # menus (many in a row) do not.
    short_penalty: float = 8.0
    # Cost of a longer block that is not prose (a headline, a caption without a full stop).
    other_penalty: float = 15.0
    # Cost of a block a boilerplate rule matched.
    bad_penalty: float = 15.0
    # Cost of a block that ends an article (Related, Comments, Newsletter, ©): later prose is
    # someone else's (teasers, comments) unless there is a great deal of it.
    terminator_penalty: float = 40.0
    # A terminator with two share buttons this close is a toolbar button ('email print comments').
    toolbar_reach: int = 2
    # The body starts within this many blocks after the headline when the page repeats it.
    anchor_window: int = 40
    # ... and a run after the headline must score this much to win over a bigger run elsewhere.
    anchor_min_score: float = 40.0
    # A run this strong right after a headline copy is the article's opening, joined to the body
    # below it across a box without a terminator (a caption or two score less).
    opening_min_score: float = 60.0
    # A gap of at most this many blocks between two substantial runs of prose is a box inside the
    # article (related links, an ad, a photo with its caption), not its end.
    box_max_blocks: int = 8
    # A further run of prose joins the body when the gap costs less than this share of its score.
    join_ratio: float = 0.5
    # A short opening (a lede) set apart from the rest of the article by a box: a later run of prose
    # this many times the size of the opening, and of at least this score, continues the article
    # whatever the box holds, unless it is a comment thread or a next article.
    continuation_ratio: float = 3.0
    continuation_min_score: float = 150.0
    # A run of prose this strong joins the body across a gap of any length that lies wholly inside the
    # article container, without a terminator (a listicle's items set apart by facts, tables, links);
    # the lines of such a gap are the body's too. Measured: 5 to 15 gain alike, 30 and up less.
    container_join_min_score: float = 15.0
    # Comment headers ('Jane on May 2, 2018 at 4:47 pm said:') in a run that make it a thread.
    continuation_max_marks: int = 1

    # A comments label opens a readers' thread when this many of the next `thread_window` blocks
    # are a comment's header or footer (a date, a time, a vote count) or a comment form's notice.
    thread_window: int = 12
    thread_min_marks: int = 2
    # ... and such a header or footer line is at most this long.
    thread_mark_words: int = 12

    # HTML with a known article container: prose outside it counts this share of its words...
    outside_main_weight: float = 0.5
    # ... and a short or non-prose block inside it costs this share of its usual cost.
    main_cost_factor: float = 0.5
    # ... this share when it is not mostly link text.
    main_plain_cost_factor: float = 0.5

    # This many short lines in a row that each hold figures are a data table, not a menu.
    table_min_rows: int = 5
    # Lines after the body inside the container join it when there are at least this many (a list
    # of dates or results); fewer are a widget or a tagline.
    container_tail_min: int = 5
    # A block whose link text is at least this share printed addresses cites a reference (as a bare
    # address does): it does not end the lines taken after the body.
    address_link_share: float = 0.8
    # A run-on block that ends the body and holds this many sentence breaks is a paragraph that
    # ends in a signature, not items run together.
    runon_sentences: int = 2
    sentence_max_words: int = 30  # words to a sentence, on average, in prose
    # This many kept blocks or fewer after the container, past a removed block, are a sign-off.
    trailer_max_blocks: int = 2
    # An author's box after the article: its name line stands at most this many blocks above the
    # paragraph that opens with the name (a role, a picture between); at most this many kept blocks
    # follow that paragraph (the rest of the biography, a 'More by' link), and the article before it
    # holds at least this many paragraphs.
    bio_name_gap: int = 3
    bio_tail_blocks: int = 3
    bio_article_blocks: int = 3

    # A sentence of prose inside the body and the container stays, though mostly link text, when
    # at most this share of it is links: a digest item links a few words, a teaser is linked whole.
    linked_sentence_max_density: float = 0.8

    # A '©' line without a year is a picture's credit, not the footer, when this many paragraphs of
    # prose follow it within this many blocks.
    credit_prose_blocks: int = 3
    credit_reach: int = 10
    # A terminator inside the article container is a box set in the article when this many words of
    # prose (in credit_prose_blocks paragraphs at least) follow it inside the container.
    inline_box_prose_words: int = 150

    # A slideshow: at least this many counters in sequence ('3 of 12'), at most this many blocks apart.
    gallery_min_slides: int = 3
    gallery_max_period: int = 6
    # A slide's caption is at most this many words (measured: 40 and 70 cut long captions that the
    # multi-site truth leaves out); a longer paragraph of prose is an item of the article.
    gallery_caption_max_words: int = 120
    # A 'Related' label opens a list of teasers when, in the next `teaser_window` blocks, the first
    # `teaser_min_items` groups of prose are each one or two blocks set between short lines.
    teaser_window: int = 20
    teaser_min_items: int = 3
    # A teaser's summary is at most this many paragraphs; more in a row are an article going on.
    teaser_max_paragraphs: int = 2
    # This many removed blocks in a row (page furniture) part one teaser from the next.
    teaser_furniture_run: int = 3
    # Bylines at most this many blocks apart, with a teaser's summary between, chain teasers.
    byline_teaser_gap: int = 6

    # --- site templates ---
    # A prose line (a sentence of 10+ words) counts as template only when this share of the site's
    # pages carry it: a recurring credit or disclaimer is often the article's own.
    template_prose_share: float = 0.9

    # --- metadata ---
    # How many blocks before the body are searched for the headline, dateline and byline.
    header_window: int = 40

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        # Pickled field by field into the constructor (to worker processes): a frozen class compiled
        # by mypyc refuses the default way, which sets each field on a blank instance.
        return type(self), tuple(getattr(self, f.name) for f in fields(self))


DEFAULTS = Settings()


def with_overrides(settings: Settings, **changes: Any) -> Settings:
    """A copy of `settings` with the given fields replaced; unknown names raise TypeError."""
    return replace(settings, **changes)
