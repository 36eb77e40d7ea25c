"""Context rules that run before the body is chosen (context.py holds their table and order).

Each is a pure function of the page (model.Context) and the verdicts so far, returning the blocks it
relabels, each with a detail for --explain: AMEND corrects a context-free verdict, MARK reads a block
among its neighbours (a line printed twice, the short lines after a 'Related' label).
"""

from __future__ import annotations

from collections import Counter
from typing import Final

from .dates import YEAR, is_date_line
from .model import HEADING_TAGS, ITEM_TAGS, Block, Context, Features, Label, Relabels, Verdict
from .rules import (
    BOX_LABELS,
    CAPTION_PAIR_MIN_CHARS,
    COPYRIGHT_CUES,
    DIGIT_CUE,
    HARD_TERMINATORS,
    IMAGE_COUNTER,
    PAREN_TAIL,
    SOURCE_LINES,
    TERMINATORS,
)
from .text import normalize

PROSE: Final = (Label.GOOD, Label.NEARGOOD)
# A picture's text is printed at most this many times over on one line of a dump (doubled).
PICTURE_COPIES: Final = 3
# The blocks a dump prints a picture's alt text as, before its caption (caption_pairs): a paragraph,
# or a list's item that the picture opens (a teaser's).
PICTURE_TAGS: Final = frozenset({"p", "li"})
# A toolbar's button is a link of at most this many words ('image print': an icon's alt text, a label).
TOOLBAR_LINK_WORDS: Final = 2
# A label that heads a box or a list of other articles names none itself: this many words at most
# ('Related', 'More from Sport'), or a colon at its end.
LABEL_MAX_WORDS: Final = 3
# A headline in a box of related links has this many words at least (a shorter line ends the box).
BOX_LINE_MIN_WORDS: Final = 3
# A row of a table of figures: this many words at least, and a figure among every this many words.
ROW_MIN_WORDS: Final = 3
ROW_WORDS_PER_FIGURE: Final = 4
# A table row (<tr>) of figures alone is a data row when it has at least this many cells.
ROW_MIN_CELLS: Final = 2
# A list of other articles under a 'More in X' label (related_items): this many items at least, and
# after its last item at most this many lines of the item's own (the title and source a text browser
# prints below an item's blurb) go with it.
ITEM_LIST_MIN_ITEMS: Final = 3
ITEM_TAIL_MAX_BLOCKS: Final = 3
# A 'Read also' label with more than this many lines of links right under it heads a list of links
# set inside the article (teaser_list_end): what follows them is the article going on.
LINK_LIST_MIN: Final = 2
# Terminators that a box set inside the article prints (inline_boxes); a comments label opens the
# readers' prose, which is no article's.
INLINE_BOX_RULES: Final = HARD_TERMINATORS - {"comments-label"}
# Phrase rules whose words an item of the article's own list often holds ('Advanced features require
# a subscription', 'Privacy shutter', 'Register descriptions'); a box of its own is no list's item.
LISTED_PHRASE_RULES: Final = frozenset({"newsletter-box", "legal-links"})


# ---------------------------------------------------------------------------------------------
# AMEND
# ---------------------------------------------------------------------------------------------

def inline_credits(c: Context, verdicts: tuple[Verdict, ...]) -> Relabels:
    """A '©' line with no year and no 'copyright' or 'rights' word, followed by paragraphs of prose,
    credits a picture inside the article ('© Provided by X', then its caption); the page's footer
    has no article after it. Still removed, it no longer ends the article."""
    found: Relabels = {}
    for i, verdict in enumerate(verdicts):
        text = c.blocks[i].text
        if verdict.rule != "copyright-footer" or "©" not in text or COPYRIGHT_CUES.intersection(
                c.feats[i].tokens) or YEAR.search(text):
            continue
        after = range(i + 1, min(len(verdicts), i + 1 + c.settings.credit_reach))
        prose = [j for j in after if verdicts[j].label is Label.GOOD]
        if len(prose) >= c.settings.credit_prose_blocks:
            found[i] = f"{len(prose)} paragraphs of prose follow"
    return found


def listed_phrases(c: Context, verdicts: tuple[Verdict, ...]) -> Relabels:
    """A newsletter or legal phrase without a link in an item of a list or table inside an HTML
    page's article container, between two items that no rule removes, is one of the article's own
    items (a plan's features, a checklist, a table of tips): a signup box or a footer's links stand
    alone, not between a list's items. Kept as a short line, it no longer ends the article."""
    found: Relabels = {}
    for i in range(1, len(verdicts) - 1):
        if verdicts[i].rule in LISTED_PHRASE_RULES and c.blocks[i].in_container and not c.blocks[i].link_chars \
                and c.blocks[i].tag in ITEM_TAGS and all(
                    c.blocks[j].tag in ITEM_TAGS and verdicts[j].label is not Label.BAD for j in (i - 1, i + 1)):
            found[i] = f"an item between items of a list ({c.blocks[i].tag})"
    return found


def inline_boxes(c: Context, verdicts: tuple[Verdict, ...]) -> Relabels:
    """A line that ends an article (a newsletter box, a tag list, a footer's links) inside an HTML
    page's article container, with paragraphs of prose below it still inside the container, is a box
    set in the article ('Sign up for our newsletter' between two sections): the article's end lies
    past it. Still removed, it no longer ends the article. A comments label is left alone (readers'
    prose follows it); prose past the next one, or past a copy of the headline (the next article, or
    the page printed twice), is not counted."""
    settings = c.settings
    found: Relabels = {}
    for i, verdict in enumerate(verdicts):
        if verdict.rule not in INLINE_BOX_RULES or not c.blocks[i].in_container:
            continue
        words = paragraphs = 0
        for j in range(i + 1, len(verdicts)):
            if not c.blocks[j].in_container or verdicts[j].rule == "comments-label" or j in c.anchors:
                break
            if verdicts[j].label is Label.GOOD:
                words += c.feats[j].words
                paragraphs += 1
        if words >= settings.inline_box_prose_words and paragraphs >= settings.credit_prose_blocks:
            found[i] = f"{paragraphs} paragraphs of prose follow in the article container"
    return found


# ---------------------------------------------------------------------------------------------
# MARK
# ---------------------------------------------------------------------------------------------

def cut_paragraphs(c: Context, verdicts: tuple[Verdict, ...]) -> Relabels:
    """A paragraph ending in '...' right after a paragraph of prose is the article's own text (a
    quote trailing off, a paywall cutting the story), not a teaser for another page."""
    found: Relabels = {}
    for i in range(1, len(verdicts)):  # (after prose, or after such a paragraph: quotes trailing off)
        if verdicts[i].rule == "truncated-teaser" and (verdicts[i - 1].label is Label.GOOD or i - 1 in found):
            found[i] = "follows prose"
    return found


def own_copy(block: Block, verdict: Verdict, inside: int) -> bool:
    """A sentence of prose printed once inside the article container is the article's own, even
    when a standfirst or a teaser repeats it elsewhere on the page."""
    return block.in_container and inside == 1 and verdict.label is Label.GOOD


def repeated_lines(c: Context, verdicts: tuple[Verdict, ...]) -> Relabels:
    """Lines printed more than once are template (menus twice, the headline as a caption, teasers
    listed twice); a repeated long paragraph keeps its first copy. Lines repeated only inside an
    HTML page's article container are the article's own (the same step in two recipes)."""
    blocks, feats, settings = c.blocks, c.feats, c.settings
    keys = [f.key for f in feats]
    counts = Counter(keys)  # the empty key (long blocks) is counted too, but never looked up
    if any(b.in_container for b in blocks):
        outside = Counter(key for key, b in zip(keys, blocks, strict=True) if key and not b.in_container)
    else:
        outside = counts
    repeated = {key for key, n in counts.items() if key and n >= settings.repeat_min_count}
    found: Relabels = {}
    seen: set[str] = set()
    for i, (block, key, verdict) in enumerate(zip(blocks, keys, verdicts, strict=True)):
        if key not in repeated:
            continue
        if verdict.label is not Label.BAD and (not block.in_container or outside[key]) \
                and not own_copy(block, verdict, counts[key] - outside[key]):
            prose = verdict.label is Label.GOOD and feats[i].words > 2 * settings.phrase_max_words
            if not prose or key in seen:
                found[i] = f"{counts[key]} times on the page"
        seen.add(key)
    return found


def toolbar_buttons(c: Context, verdicts: tuple[Verdict, ...]) -> Relabels:
    """A one- or two-word 'Comments' or 'Newsletter' label among share buttons (email, print...)
    is a toolbar button, not the start of the comment section or newsletter box: it does not end
    the article. So is one between two links of a word or two (a dump prints a button's icon as
    its alt text, 'image print', which no share-bar reads): a tag list's label has links after it
    only."""
    def label(i: int) -> bool:
        return verdicts[i].rule in TERMINATORS and c.feats[i].words <= 2

    def button(i: int) -> bool:
        return 0 <= i < len(verdicts) and (verdicts[i].rule == "share-bar" or label(i))

    def link(i: int) -> bool:
        return 0 <= i < len(verdicts) and (button(i) or (verdicts[i].rule == "link-dense"
                                                         and c.feats[i].words <= TOOLBAR_LINK_WORDS))

    reach = c.settings.toolbar_reach
    return {i: f"was {verdicts[i].rule}" for i in range(len(verdicts))
            if label(i) and (sum(button(i + d) for d in range(-reach, reach + 1) if d) >= 2
                             or (link(i - 1) and link(i + 1)))}


def copies_of_text(c: Context, verdicts: tuple[Verdict, ...]) -> Relabels:
    """A very long block made mostly of paragraphs printed elsewhere on the page is a second copy
    of the article (a summary field, a print view run together): the paragraphs stay, it goes."""
    blocks, feats, settings = c.blocks, c.feats, c.settings
    long_ones = [i for i, f in enumerate(feats) if f.words >= settings.copy_min_words
                 and verdicts[i].label is not Label.BAD]
    if not long_ones:
        return {}
    # A block's key is its normalized text, when it has one (blocks up to rules.PHRASE_WINDOW words).
    paragraphs = [(i, feats[i].key or normalize(blocks[i].text)) for i, v in enumerate(verdicts)
                  if v.label is Label.GOOD and feats[i].words >= settings.good_words]
    normalized = dict(paragraphs)
    found: Relabels = {}
    for i in long_ones:
        text = normalized.get(i) or normalize(blocks[i].text)
        covered = sum(len(p) for j, p in paragraphs if j != i and len(p) < len(text) and p in text)
        if covered >= settings.copy_share * len(text):
            found[i] = f"{covered / len(text):.0%} printed elsewhere"
    return found


def data_rows(c: Context, verdicts: tuple[Verdict, ...]) -> Relabels:
    """Runs of short lines that each hold figures (standings, results, a schedule) are a table of
    the article's, not a menu: menus are words, tables are numbers (a figure may be glued to a
    word: '1st', '5a', '10km'). A table row of figures alone, without a letter ('1/1/2013 +13.1%'),
    is one of them too."""
    def row(b: Block, f: Features, v: Verdict) -> bool:
        if DIGIT_CUE not in f.tokens:
            return False
        if v.rule == "empty":  # a table's row of figures alone (a date and a rate, a score): no letters
            return b.tag == "tr" and len(b.cells) >= ROW_MIN_CELLS
        if v.label is not Label.SHORT or f.words < ROW_MIN_WORDS:
            return False
        tokens = f.key.split()
        return sum(1 for t in tokens if not t.isalpha()) >= max(1, len(tokens) // ROW_WORDS_PER_FIGURE)

    least = c.settings.table_min_rows
    rows = [row(b, f, v) for b, f, v in zip(c.blocks, c.feats, verdicts, strict=True)]
    found: Relabels = {}
    if rows.count(True) < least:
        return found
    i = 0
    while i < len(verdicts):
        j = i
        while j < len(verdicts) and rows[j]:
            j += 1
        if j - i >= least:
            found.update((k, f"row {k - i + 1} of {j - i}") for k in range(i, j))
        i = max(j, i + 1)
    return found


def related_boxes(c: Context, verdicts: tuple[Verdict, ...]) -> Relabels:
    """The short lines right after a 'Related' or 'More:' label are the headlines of other
    articles (a box set inside the article), not its subheadings: they go with their label. A
    label names no article itself ('Related post: X' is one teaser, not a box)."""
    blocks, feats = c.blocks, c.feats

    def label(i: int) -> bool:
        heading = feats[i].words <= LABEL_MAX_WORDS or blocks[i].text.endswith(":")
        return heading and (verdicts[i].rule in BOX_LABELS
                            or (verdicts[i].rule == "navigation" and blocks[i].text.endswith(":")))

    found: Relabels = {}
    for i, v in enumerate(verdicts):
        if (v.rule not in BOX_LABELS and v.rule != "navigation") or not label(i):
            continue
        for j in range(i + 1, min(i + 1 + c.settings.box_max_blocks, len(verdicts))):
            if verdicts[j].label is not Label.SHORT or feats[j].words < BOX_LINE_MIN_WORDS:
                break
            found[j] = f"after {v.rule} {i}"
    return found


def galleries(c: Context, verdicts: tuple[Verdict, ...]) -> Relabels:
    """A slideshow printed out: counters '1 of 22', '2 of 22', ... each after its slide's caption.
    The captions between the counters are the gallery's, not the article's; a paragraph of prose
    there (gallery_caption_max_words) is an item of an article told in slides, and stays."""
    settings = c.settings
    counters: list[tuple[int, int, int]] = []  # (block, number, total)
    for i, v in enumerate(verdicts):
        if v.rule == "photo-credit":
            m = IMAGE_COUNTER.search(c.blocks[i].text)
            if m:
                counters.append((i, int(m.group("number")), int(m.group("total"))))
    found: Relabels = {}
    if len(counters) < settings.gallery_min_slides:
        return found

    def shape(j: int) -> str:
        if not 0 <= j < len(verdicts):
            return ""
        return verdicts[j].rule if verdicts[j].label is Label.BAD else "text"

    k = 0
    while k < len(counters):
        chain = [counters[k]]
        end = k + 1  # the first counter after the chain's last
        for n in range(k + 1, len(counters)):
            here, prev = counters[n], chain[-1]
            if here[1] == prev[1] + 1 and here[2] == prev[2] and here[0] - prev[0] <= settings.gallery_max_period:
                chain.append(here)
                end = n + 1
            elif here[0] - prev[0] > settings.gallery_max_period:
                break
        if len(chain) < settings.gallery_min_slides:
            k += 1
            continue
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
        else:
            lo = first - first_slide(gap, [shape(j) for j in range(first - period + 1, first)])
        for j in range(lo, hi):
            v = verdicts[j]
            if j not in found and v.label is not Label.BAD and not (
                    v.label is Label.GOOD and c.feats[j].words > settings.gallery_caption_max_words):
                found[j] = f"slide of a {len(chain)}-picture gallery"
        k = end  # (a counter skipped inside the chain, out of sequence, starts no chain of its own)
    return found


def first_slide(gap: list[str], above: list[str]) -> int:
    """How many blocks above a gallery's first counter are its first slide when they are fewer than
    the others' (a text browser prints its picture's alt text once, the others' twice): those that
    end the same as every slide does, a button among them ('Hide caption'), not text alone."""
    k = 0
    while k < min(len(gap), len(above)) - 1 and above[-1 - k] == gap[-1 - k]:
        k += 1
    return k if any(shape != "text" for shape in gap[len(gap) - k:]) else 0


def caption_pairs(c: Context, verdicts: tuple[Verdict, ...]) -> Relabels:
    """A line printed again at once with a credit in brackets after it ('X.' then 'X. (Jane Doe / Agency)'),
    or printed again just as it was (a text browser's dump prints a picture's alt text, then its title
    or caption; the first copy an item when the picture opens a list's item), is a picture's caption:
    an article never repeats its own paragraph at once. So is a line that says one phrase twice over
    (`doubled`), but for a table's row (a header over two groups)."""
    blocks = c.blocks
    found: Relabels = {}
    for i, block in enumerate(blocks):
        if block.tag != "tr" and doubled(block.text) and (
                verdicts[i].label is not Label.BAD or verdicts[i].rule == "repeated-line"):
            found[i] = "one line printed twice over"
    for i in range(len(blocks) - 1):
        a, b = blocks[i].text, blocks[i + 1].text
        if len(a) >= CAPTION_PAIR_MIN_CHARS and b.startswith(a) and (
                PAREN_TAIL.match(b, len(a)) or (b == a and blocks[i].tag in PICTURE_TAGS and blocks[i + 1].tag == "p")):
            for j in (i, i + 1):  # (a copy of prose is no paragraph of the article's: not kept as its own)
                if verdicts[j].label is not Label.BAD or verdicts[j].rule == "repeated-line":
                    found[j] = "printed twice, then credited"
    return found


def doubled(text: str) -> bool:
    """A line that is one phrase said twice or thrice ('Harbour at dawn Harbour at dawn'): a text
    browser's dump of a picture printed again (a lazy-loaded image and its <noscript> copy, its alt
    text and title), the phrase of words or a file name ('harbour.jpg harbour.jpg'). A picture's
    text is a label, not a sentence: a phrase ending in a full stop is prose said twice, left to
    the other rules, and so are one word ('Bora Bora') and a date (published, then updated)."""
    for copies in range(2, PICTURE_COPIES + 1):
        # (lynx puts a space between the copies, w3m none: 'harbour.jpgharbour.jpg')
        for gap in (" ", ""):
            size, rest = divmod(len(text) + len(gap), copies)
            phrase = text[:size - len(gap)]
            if not rest and phrase[-1:] not in ("", ".", " ") and gap.join([phrase] * copies) == text:
                return (" " in phrase or "." in phrase) and not is_date_line(phrase)
    return False


def list_label(block: Block, feat: Features, verdict: Verdict) -> bool:
    """A label that heads a list of other articles and names none itself: a list heading ('Related',
    'More from X'), or a teaser line that is a label alone ('See also:', 'Read more'). 'Related: X',
    'More on X' or 'Read more news like this on X' is one teaser, set among the article's paragraphs."""
    return verdict.rule == "related-list" or (verdict.rule in BOX_LABELS and (
        feat.words <= LABEL_MAX_WORDS or block.text.endswith(":")))


def teaser_list_end(c: Context, verdicts: tuple[Verdict, ...], i: int) -> int:
    """Where the list of teasers after the label at `i` ends (exclusive), or `i` when what follows
    is no list: fewer than teaser_min_items teasers, or paragraphs in a row (the article going on),
    or links in a row right under the label: the label's list is those links, and what comes after
    them (a subheading, paragraphs) is the article going on."""
    settings = c.settings
    links = next((j for j in range(i + 1, len(verdicts))
                  if c.feats[j].link_density <= settings.max_link_density), len(verdicts))
    if links - i > LINK_LIST_MIN and links < len(verdicts):
        return i
    groups: list[int] = []
    current, end, bad = 0, i + 1, 0
    for j in range(i + 1, min(len(verdicts), i + 1 + 2 * settings.teaser_window)):
        label = verdicts[j].label
        if verdicts[j].rule in HARD_TERMINATORS or j in c.anchors:
            break
        bad = bad + 1 if label is Label.BAD else 0
        if bad == settings.teaser_furniture_run and current:  # furniture parts teasers as a short line does
            groups.append(current)
            current = 0
        if label in PROSE:
            current += 1
            if current > settings.teaser_max_paragraphs:  # paragraphs in a row: the article goes on
                return i
        elif (label is Label.SHORT or verdicts[j].rule in SOURCE_LINES) and current:
            groups.append(current)
            current = 0
        if j < i + 1 + settings.teaser_window:
            end = j + 1
    if current:
        groups.append(current)
    return end if len(groups) >= settings.teaser_min_items else i


def below_prose(c: Context, verdicts: tuple[Verdict, ...], i: int) -> bool:
    """Whether the label at `i` stands below the article's prose: paragraphs of anchor_min_score words
    between it and the headline copy above it (or, without one, the teaser_window blocks above)."""
    top = max((a for a in c.anchors if a < i), default=max(0, i - c.settings.teaser_window))
    return sum(c.feats[k].words for k in range(top + 1, i) if verdicts[k].label is Label.GOOD) \
        >= c.settings.anchor_min_score


def teaser_lists(c: Context, verdicts: tuple[Verdict, ...]) -> Relabels:
    """A 'Related' or 'More in' label after the article's prose, followed by teasers (a title, a line or
    two of summary, a source, again and again) and no more paragraphs in a row, opens the list of other
    articles that closes the page: its prose goes with the label. A label above the article (before any
    prose under the headline), or one after which three paragraphs follow one another (the article going
    on after a box), is left alone: a list there is the article's own (a shopping list, profiles); so is
    the prose after a teaser line that names an article itself (list_label)."""
    found: Relabels = {}
    for i, v in enumerate(verdicts):
        if v.rule not in BOX_LABELS or not list_label(c.blocks[i], c.feats[i], v):
            continue
        if not below_prose(c, verdicts, i):
            continue
        for j in range(i + 1, teaser_list_end(c, verdicts, i)):
            if j not in found and verdicts[j].label is not Label.BAD:
                found[j] = f"after {v.rule} {i}"
    return found


def related_items(c: Context, verdicts: tuple[Verdict, ...]) -> Relabels:
    """A 'Related' or 'More in' label after the article's prose whose next line is a list item opens a
    list of other articles, however long its items (a text browser prints each teaser's hidden blurb
    inside its item): the items go with the label, with what lies between them (each item's title,
    its source), until the list ends: at a line that ends an article, a headline, teaser_window blocks
    without an item, or where the article or a form goes on: the first line that is no item in a
    tight list (item after item), teaser_max_paragraphs + 1 paragraphs in a row that are no items in
    a loose one. A list of fewer than ITEM_LIST_MIN_ITEMS items is left alone, and so is a
    label above the article (teaser_lists)."""
    settings, blocks = c.settings, c.blocks
    found: Relabels = {}
    for i, v in enumerate(verdicts):
        if v.rule not in BOX_LABELS or not list_label(blocks[i], c.feats[i], v):
            continue
        # An item a rule removed opens the list too when a heading follows it: a text browser prints
        # a teaser's picture (its alt text, its credit) as the item and the teaser's title below it, at
        # the margin (an item followed by another item, or by prose, is left to the other rules).
        first = next((j for j in range(i + 1, len(verdicts))
                      if verdicts[j].label is not Label.BAD or blocks[j].tag == "li"), None)
        if first is None or blocks[first].tag != "li":
            continue
        if verdicts[first].label is Label.BAD and (first + 1 == len(blocks)
                                                   or blocks[first + 1].tag not in HEADING_TAGS):
            continue
        if not below_prose(c, verdicts, i):
            continue
        # A tight list (its first two lines items) ends at its first line that is no item; a loose one
        # (each item followed by its title, its source) at paragraphs in a row that are no items.
        tight = first + 1 < len(blocks) and blocks[first + 1].tag == "li"
        items, last, prose = 0, i, 0
        for j in range(first, len(verdicts)):
            if verdicts[j].rule in HARD_TERMINATORS or j in c.anchors or j - last > settings.teaser_window:
                break
            if blocks[j].tag == "li":
                items, last, prose = items + 1, j, 0
            elif verdicts[j].label is not Label.BAD and tight:
                break
            elif verdicts[j].label in PROSE:
                prose += 1
                if prose > settings.teaser_max_paragraphs:
                    break
        if items < ITEM_LIST_MIN_ITEMS:
            continue
        end = last + 1
        while end < len(verdicts) and end - last <= ITEM_TAIL_MAX_BLOCKS and verdicts[end].label not in PROSE \
                and verdicts[end].rule not in HARD_TERMINATORS and end not in c.anchors:
            end += 1
        for j in range(i + 1, end):
            if j not in found and verdicts[j].label is not Label.BAD:
                found[j] = f"item list after {v.rule} {i}"
    return found


def byline_teasers(c: Context, verdicts: tuple[Verdict, ...]) -> Relabels:
    """Bylines every few blocks, with a line or two of prose between each ('Title', 'By X', a summary;
    'Title', 'By Y', ...), are a list of other articles' teasers: an article has one byline, and its
    paragraphs run on. The blocks between the first and the last byline of such a chain go."""
    settings = c.settings
    bylines = [i for i, v in enumerate(verdicts) if v.rule == "byline"]
    found: Relabels = {}
    if len(bylines) < settings.teaser_min_items:
        return found

    def prose(lo: int, hi: int) -> int:
        return sum(1 for k in range(lo, hi) if verdicts[k].label in PROSE)

    def opens_article(i: int) -> bool:  # paragraphs in a row after the byline, as under a headline
        after = [v for v in verdicts[i + 1:i + 1 + 2 * settings.byline_teaser_gap] if v.label is not Label.BAD]
        return sum(1 for v in after[:settings.teaser_max_paragraphs + 2]
                   if v.label in PROSE) > settings.teaser_max_paragraphs

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
                if k not in found and verdicts[k].label is not Label.BAD:
                    found[k] = f"between bylines {chain[0]}-{chain[-1]}"
        chain = [i] if i is not None else []
    return found


