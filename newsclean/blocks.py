"""Document -> tuple[Block, ...].

Text dumps come in several shapes: one line per block (html_text, browser "save as text"),
paragraphs hard-wrapped at a fixed width (lynx / w3m `-dump`), and markdown-ish text (html2text).
All become the same blocks: one paragraph, heading or list item each, with link text measured.
HTML goes through `html.py` and ends in the same Block values.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from itertools import pairwise
from typing import Final

from .model import TITLE_TAG, Block, Document, Found, InputError, Removal
from .rules import REFERENCES_HEAD
from .settings import DEFAULTS, Settings
from .text import HANGUL, ends_sentence, squeeze, word_count

# Dump markup: lynx link markers, markdown links/images, bullets, headings.
LYNX_MARKER: Final = re.compile(r"\[(?:\d+|IMG|INLINE|BUTTON|image|img)\]")
# lynx prints an <ins> element between these marks: '[INS: text :INS]', an ad slot's empty one '[INS: :INS]'.
LYNX_INSERTION: Final = re.compile(r"\[INS:\s?|\s?:INS\]")
# lynx prints an image without alt text as its file name in brackets ('[harbour.jpg?w=600]'), a
# tracking pixel as its address ('[tr?id=12&ev=PageView]'), an inline image as its data
# ('[gif;base64,R0lG...]'): no word of the text, even inside a paragraph. A bracketed token (no
# space, no markdown link's address after it) is one when it holds a hint of IMAGE_NAME_HINT.
BRACKETED_TOKEN: Final = re.compile(r"\[([^\s\[\]]{1,2000})\](?!\()")
IMAGE_NAME_HINT: Final = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|bmp|avif)(?![^\W_])|\?[^=]{1,40}=|;base64,",
                                    re.IGNORECASE)
# w3m prints an image without alt text as its name cut short, in brackets, glued to the text around
# it ('[harbour-at]The ferry...', '...the new quay[harbour-at]'): at a paragraph's either end, such a
# token touching a letter is no word of it (an editor's bracket is spaced, or inside a word: 'give[s]').
GLUED_IMAGE_NAME: Final = re.compile(r"^(?:\[[^\s\[\]]{2,60}\])+(?=[^\W\d_])|(?<=[^\W\d_])(?:\[[^\s\[\]]{2,60}\])+$")
# A line that is a rule across the page (<hr>, printed by lynx as underscores): no paragraph's part.
RULE_LINE: Final = re.compile(r"^\s*(?:_{3,}|[─━]{3,})\s*$")
# Markdown links and images in a dump: their text holds no bracket and is bounded (MD_TEXT_CHARS), as
# is the address (MD_ADDRESS_CHARS), so that a line of many '[' is not scanned to its end from each.
# lynx numbers a link whose text opens with a bracket, '[60](FILE) The harbour...': no markdown link,
# whose address holds one of '/#.:?' ('[1](#note-1)').
MD_TEXT_CHARS: Final = 1000
MD_ADDRESS_CHARS: Final = 2000
MD_IMAGE: Final = re.compile(rf"!\[([^\[\]]{{0,{MD_TEXT_CHARS}}})\]\([^)]{{0,{MD_ADDRESS_CHARS}}}\)")
MD_LINK: Final = re.compile(rf"(?!\[\d{{1,5}}\]\([^()\s/#.:?]{{0,{MD_TEXT_CHARS}}}\))"
                            rf"\[([^\[\]]{{0,{MD_TEXT_CHARS}}})\]\((?:[^()\s]|\([^)]{{0,{MD_TEXT_CHARS}}}\))"
                            rf"{{0,{MD_ADDRESS_CHARS}}}(?:\s+\"[^\"]{{0,{MD_TEXT_CHARS}}}\")?\)")
MD_HEADING: Final = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
BULLET: Final = re.compile(r"^\s*(?:[*+\-•·◦▪□☆○o#]|\d{1,3}[.)])\s+(?=\S)")
# Emphasis markers at word edges only: 'budget_office@city.gov', 'MAX_LIMIT', '2*rate*value' are text.
# An emphasis holds no marker of its kind and spans at most EMPHASIS_CHARS: a marker without its pair
# is then given up at the next marker, where it scanned the rest of the line (quadratic on a line of
# many underscores, such as a script's). The text is the pattern's last group.
EMPHASIS_CHARS: Final = 1000
MD_EMPHASIS: Final = re.compile(
    "(?<!\\w)(?:" + "|".join(rf"{m}(?=\S)([^{c}]{{1,{EMPHASIS_CHARS}}}?)(?<=\S){m}"
                             for m, c in ((r"\*\*", r"\*"), ("__", "_"), (r"\*", r"\*"), ("_", "_"))) + r")(?!\w)")


# A dump is hard-wrapped when many lines end near one width, and that width is a terminal's.
_MIN_WRAP_WIDTH, _MAX_WRAP_WIDTH = 50, 132
_WRAPPED_SHARE: Final = 0.3
_WRAP_MIN_WORDS: Final = 6
# Chinese and Japanese put no space between words: a line of this many ideographs or kana counts as
# prose of that many words.
_WRAP_MIN_WIDE_CHARS: Final = 12
# In a wrapped dump most full-width lines stop mid-sentence; fewer than this share end one (with
# one of _LINE_ENDS, Chinese and Japanese full stops among them).
_SENTENCE_END_SHARE: Final = 0.5
_LINE_ENDS: Final = frozenset(".!?\"”。！？")
# Or this many lines at the width exactly, and none longer, when few come near it.
_FILLED_LINES: Final = 3
# In a wrapped dump almost no prose line is longer than the width.
_OVER_SHARE: Final = 0.1
# Wrapped lines end within this many characters of the width (a long next word moves down).
_WRAP_SLACK: Final = 25
# The widest line is taken for the width only with this many other prose lines this close below it
# (a wrapped paragraph's lines fill the width to within a word; a list of headlines is spread out).
_WIDEST_PEERS: Final = 3
_WIDEST_PEER_SLACK: Final = 5
# A narrower width for one indent's lines: as many of them share it, within this many columns of
# the page's width, and none of them run past it.
_INDENT_WIDTH_PEERS: Final = 2
_INDENT_SLACK: Final = 6
# A paragraph set in a narrow column (a table's cell, printed by w3m beside or below another) is
# wrapped at the column's width: its lines, this many at least, of this many columns at the widest
# (and this far under the page's width), each ending only because the next word did not fit, and
# most of them mid-sentence.
_COLUMN_MIN_LINES: Final = 3
_COLUMN_MIN_WIDTH: Final = 30
# A word longer than the line is cut where the line is full: within this many columns of the width
# (lynx cuts it a column or three short of the width its prose lines reach).
_CUT_SLACK: Final = 3
# First characters that can open a heading, quote or list item (anything else is a plain paragraph).
_MARKUP_START: Final = frozenset("#>*+-•·◦▪□☆○o0123456789 \t")
# lynx prints headings at the margin and sets paragraphs in: a heading there has this many words, in
# a dump whose prose paragraphs (this many words, ending as sentences) are set in, all but this share.
_HEADING_WORDS: Final = (4, 30)
_PROSE_WORDS: Final = 10
_FLUSH_PROSE_SHARE: Final = 0.2
HEADING_TAG: Final = "h1"
_LYNX_LINK_TEXT: Final = re.compile(r"\[\d+\]([^\[\]]{0,40}?)(?=\s*(?:\[\d+\]|[.,;:!?|]|\s{2,}|$))")

# The rule of the input stage: the part of a runaway page past Settings.max_blocks or max_tags, left
# unread so that time and memory stay bounded (catalog.py names it with the others).
OVER_LIMIT_RULE: Final = "over-limit"


# A dump is read up to this many lines per block of the limit (a wrapped paragraph spans a few).
_LINES_PER_BLOCK: Final = 10
# The text past the block limit is named in --explain by this many of its first characters.
_LIMIT_EXCERPT: Final = 200
_CONTROLS: Final = dict.fromkeys(range(32), " ")


def to_blocks(doc: Document, links: bool = False, images: bool = False, settings: Settings = DEFAULTS,
              urls_only: bool = False) -> tuple[tuple[Block, ...], dict[str, list[Found]], tuple[Removal, ...]]:
    """The page's blocks (at most settings.max_blocks), what an HTML page declares about itself
    (JSON-LD, meta tags; with `urls_only`, only the addresses it states, all that site templates
    need), and what went before the blocks were made: an HTML page's chrome
    (navigation, footers, boxes), and the part of a runaway page past the limits."""
    if doc.kind == "html":
        from selectolax.lexbor import SelectolaxError

        from .html import blocks_of_tree, parse
        from .htmlmeta import html_candidates, jsonld_article, jsonld_objects, stated_urls

        try:
            tree, markup = parse(doc.markup if doc.markup is not None else doc.text, settings.max_tags)
            # before the scripts holding JSON-LD are dropped
            declared = ({"url": stated_urls(tree, jsonld_article(jsonld_objects(tree)))} if urls_only
                        else html_candidates(tree))
            blocks, chrome, rest = blocks_of_tree(tree, links, images, settings.max_blocks, settings.disabled_rules,
                                                  settings.spared_boxes)
        except SelectolaxError as exc:  # the parser's refusal of a page it cannot build a tree of
            raise InputError(doc.source, f"the HTML parser gave up: {squeeze(str(exc))}") from None
        return blocks, declared, (chrome + past_limit(rest, f"the first {settings.max_blocks:,} blocks")
                                  + past_limit(markup, f"the first {settings.max_tags:,} tags"))
    blocks, rest = text_blocks(doc.text, settings.max_blocks)
    return blocks, {}, past_limit(rest, f"the first {settings.max_blocks:,} blocks")


def past_limit(rest: str, limit: str) -> tuple[Removal, ...]:
    """The removal that names the part of a runaway page past one of its limits (by its opening)."""
    if not rest or rest.isspace():
        return ()
    opening = squeeze(rest[:_LIMIT_EXCERPT].translate(_CONTROLS))
    return (Removal(-1, OVER_LIMIT_RULE, opening + ("…" if len(rest) > _LIMIT_EXCERPT else ""),
                    f"{len(rest):,} characters past {limit}"),)


def text_blocks(text: str, max_blocks: int = DEFAULTS.max_blocks) -> tuple[tuple[Block, ...], str]:
    """Split a text dump into blocks, rejoining hard-wrapped paragraphs: at most `max_blocks`,
    and the text left unread past them."""
    lines = text.split("\n", _LINES_PER_BLOCK * max_blocks)
    rest = lines.pop() if len(lines) > _LINES_PER_BLOCK * max_blocks else ""
    lines = [line.rstrip() for line in lines]
    measure, width = find_width(lines, text.isascii())
    blocks: list[Block] = []
    flush: list[bool] = []  # the block's first line starts at the left margin
    titled = states_title(lines, width is not None)
    paragraphs = _paragraphs(lines, width, measure)
    for k, (raw, tag) in enumerate(paragraphs):
        if len(blocks) == max_blocks:
            rest = "\n".join(text for text, _ in paragraphs[k:]) + ("\n" + rest if rest else "")
            break
        block = _make_block(len(blocks), raw, tag)
        if block is not None:
            if k == 0 and titled:
                block = Block(0, block.text, TITLE_TAG, link_chars=block.link_chars)
            blocks.append(block)
            flush.append(not raw[:1].isspace())
    if width is not None and not titled:
        for heading in dump_headings(blocks, flush):
            found = blocks[heading]
            blocks[heading] = Block(found.index, found.text, HEADING_TAG, link_chars=found.link_chars)
    return tuple(blocks), rest


def dump_headings(blocks: list[Block], flush: list[bool]) -> list[int]:
    """The headings of a dump that sets its paragraphs in from the margin (lynx): lines of a few
    words printed at the margin, where a text browser puts headings, that do not end as a sentence.
    None when the dump's prose is not set in (w3m, html_text)."""
    prose = [left for b, left in zip(blocks, flush, strict=True)
             if word_count(b.text) >= _PROSE_WORDS and ends_sentence(b.text)]
    if len(prose) < 3 or sum(prose) > _FLUSH_PROSE_SHARE * len(prose):
        return []
    return [i for i, (block, left) in enumerate(zip(blocks, flush, strict=True))
            if left and block.tag == "p" and _HEADING_WORDS[0] <= word_count(block.text) <= _HEADING_WORDS[1]
            and block.text[-1:] not in ".:;,"]


def states_title(lines: list[str], wrapped: bool) -> bool:
    """Whether a dump opens with the window title. A text browser's hard-wrapped dump (lynx, w3m)
    prints none: it opens with the page's first menu, logo or heading, indented or not, over a
    blank line or running on into the next line. Other dumps (html_text, a browser's "save as
    text") open with it, unindented. A title has words ('*' is a bullet)."""
    return not wrapped and bool(lines) and not lines[0][:1].isspace() and any(c.isalpha() for c in lines[0])


def find_width(lines: list[str], ascii_only: bool = True) -> tuple[Callable[[str], int], int | None]:
    """How a dump's lines are measured, and the width they were wrapped at (None: not wrapped).
    lynx wraps CJK text at a count of characters, w3m at a count of columns (two per ideograph).
    A width several lines share is surer than the widest line: it is looked for first."""
    measures: tuple[Callable[[str], int], ...] = (len,) if ascii_only else (len, display_width)
    for widest in (False, True):
        for measure in measures:
            width = wrap_width(lines, measure, widest)
            if width is not None:
                return measure, width
    return len, None


def wrap_width(lines: list[str], measure: Callable[[str], int] = len, widest: bool = False) -> int | None:
    """The width a dump was wrapped at, or None when its lines were not wrapped.

    Wrapped prose fills its lines up to nearly the same width: the widest length that several
    sentence-like lines share, with many more just below it, most of them ending mid-sentence.
    A page with few paragraphs may have no two lines of one length: with `widest`, its widest line
    is then the width, when the same holds and several lines come close to it. Unwrapped list
    items and URLs may run longer; they do not count against it, nor does lynx's trailing list of
    link addresses (a `mailto:` address may hold a whole unwrapped sentence).
    """
    end = next((k for k, line in enumerate(lines) if REFERENCES_HEAD.match(line)), len(lines))
    prose = [line for line in lines[:end] if _prose_line(line) and not _starts_item(line)]
    lengths = [measure(line) for line in prose]
    if len(lengths) < 4:
        return None
    counts = Counter(n for n in lengths if _MIN_WRAP_WIDTH <= n <= _MAX_WRAP_WIDTH)
    if not counts:
        return None
    if widest:
        width = max(counts)
        if sum(1 for n in lengths if width - _WIDEST_PEER_SLACK <= n < width) < _WIDEST_PEERS:
            return None
    else:
        shared = [n for n, c in counts.items() if c >= 2]
        if not shared:
            return None
        width = max(shared)
    return width if _wrapped_at(width, prose, lengths) else None


def _prose_line(line: str) -> bool:
    """A line of six words or more (spaces, then splits), or of as many ideographs and kana."""
    enough = _WRAP_MIN_WORDS - 1
    if line.count(" ") >= enough and len(line.split(maxsplit=enough)) > enough:
        return True
    return not line.isascii() and sum(1 for c in line if _spaceless(c)) >= _WRAP_MIN_WIDE_CHARS


def _wrapped_at(width: int, prose: list[str], lengths: list[int]) -> bool:
    """Whether prose lines of these lengths read as wrapped at `width`: many just below it, few
    past it, and most of those just below it ending mid-sentence. Where paragraphs are short (a
    Japanese page's, a line or two each), few lines come near the width: several that reach it
    exactly, none past it, do as well."""
    near = sum(1 for n in lengths if width - _WRAP_SLACK <= n <= width)
    over = sum(1 for n in lengths if n > width + 2)
    filled = lengths.count(width) >= _FILLED_LINES and max(lengths) == width
    if (near < max(3, _WRAPPED_SHARE * len(lengths)) and not filled) or over > _OVER_SHARE * len(lengths):
        return False
    ends = sum(1 for line, n in zip(prose, lengths, strict=True)
               if width - _WRAP_SLACK <= n <= width and line[-1:] in _LINE_ENDS)
    return ends < _SENTENCE_END_SHARE * near


def display_width(line: str) -> int:
    """Columns a terminal gives `line`: CJK ideographs, kana and hangul take two each."""
    if line.isascii():
        return len(line)
    return len(line) + sum(1 for c in line if _wide(c))


def _wide(char: str) -> bool:
    return char >= "\u1100" and unicodedata.east_asian_width(char) in "WF"


def _spaceless(char: str) -> bool:
    """An ideograph or kana: wide, and written without spaces between words (hangul has them)."""
    return _wide(char) and not HANGUL.match(char)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _starts_item(line: str) -> bool:
    if line[:1] not in _MARKUP_START:
        return False
    stripped = line.lstrip()
    return bool(BULLET.match(line) or MD_HEADING.match(stripped) or stripped.startswith(">"))


def _paragraphs(lines: list[str], width: int | None, measure: Callable[[str], int] = len,
                ) -> list[tuple[str, str]]:
    """(text, tag) pairs; with a wrap width, continuation lines are joined to their paragraph."""
    if width is None:
        return [(line, _tag_of(line)) for line in lines if line and not line.isspace()]
    out: list[tuple[str, str]] = []
    current: list[str] = []
    last = ""
    in_references = False
    lengths = _indent_lengths(lines, measure)
    margins = indent_widths(lengths, width)
    columns = column_widths(lines, width, measure)
    # the indent most prose lines have (the shallower of two as common): where a paragraph set in
    # deeper on its first line wraps back to
    body_indent = max(lengths, key=lambda indent: (lengths[indent].total(), -indent), default=None)

    def flush() -> None:
        if current:
            indent = current[0][:len(current[0]) - len(current[0].lstrip())]
            out.append((indent + _join(current, measure is display_width, width, measure), _tag_of(current[0])))
            current.clear()

    for k, line in enumerate(lines):
        if not line.strip():
            flush()
            last = ""
            continue
        if REFERENCES_HEAD.match(line):
            in_references = True
        joins = (
            width is not None
            and not in_references
            and bool(current)
            and not _starts_item(line)
            and RULE_LINE.match(line) is None
            and RULE_LINE.match(last) is None
            and _wrapped_before(last, line, columns.get(k) or margins.get(_indent(last), width), measure,
                                opening=len(current) == 1 and _indent(line) == body_indent)
            and not _same_line(last, line)
        )
        if not joins:
            flush()
        current.append(line)
        last = line
    flush()
    return out


def _same_line(previous: str, line: str) -> bool:
    """Whether `line` says again what `previous` said (link markers aside): a picture's alt text,
    title and link printed one under the other, no paragraph wrapped into its own copy."""
    return LYNX_MARKER.sub("", line).strip() == LYNX_MARKER.sub("", previous).strip()


def _indent_lengths(lines: list[str], measure: Callable[[str], int] = len) -> dict[int, Counter[int]]:
    """The lengths of the dump's prose lines (not list items, not lynx's list of addresses), by indent."""
    end = next((k for k, line in enumerate(lines) if REFERENCES_HEAD.match(line)), len(lines))
    by_indent: dict[int, Counter[int]] = {}
    for line in lines[:end]:
        if _prose_line(line) and not _starts_item(line):
            by_indent.setdefault(_indent(line), Counter())[measure(line)] += 1
    return by_indent


def indent_widths(by_indent: dict[int, Counter[int]], width: int) -> dict[int, int]:
    """The width each indent's prose lines (their lengths, by indent) were wrapped at, where
    narrower than the page's: lynx sets a paragraph in from both margins and a heading at
    neither, so a page whose widest shared lines are headings wraps its paragraphs a few columns
    short of them."""
    found: dict[int, int] = {}
    for indent, counts in by_indent.items():
        shared = [n for n, c in counts.items() if c >= _INDENT_WIDTH_PEERS and width - _INDENT_SLACK <= n < width]
        if shared and not any(n > max(shared) for n in counts if n <= width):
            found[indent] = max(shared)
    return found


def column_widths(lines: list[str], width: int | None, measure: Callable[[str], int] = len) -> dict[int, int]:
    """The width of the narrow column each line of a paragraph set in one was wrapped at (by line
    index): a stretch of lines between blank ones, its widest well under the page's width, in
    which every line but the last ended only because the next one's first word did not fit, and
    most of them end mid-sentence (a list of short sentences or of menu items ends each line), one
    going on in small letters at least (a byline over a dateline, each a line of its own, does not)."""
    found: dict[int, int] = {}
    if width is None:
        return found
    start = 0
    for end in range(len(lines) + 1):
        if end < len(lines) and lines[end].strip():
            continue
        group = lines[start:end]
        start = end + 1
        if len(group) < _COLUMN_MIN_LINES or any(_starts_item(line) for line in group):
            continue
        widest = max(measure(line) for line in group)
        if not _COLUMN_MIN_WIDTH <= widest < width - _INDENT_SLACK:
            continue
        pairs = list(pairwise(group))
        if all(_wrapped_before(a, b, widest, measure) for a, b in pairs) and sum(
                1 for a, _ in pairs if a.rstrip()[-1:] in _LINE_ENDS) < _SENTENCE_END_SHARE * len(pairs) \
                and any(b.lstrip()[:1].islower() for _, b in pairs):
            found.update((k, widest) for k in range(end - len(group) + 1, end))
    return found


def _join(lines: list[str], by_columns: bool, width: int | None = None, measure: Callable[[str], int] = len) -> str:
    """Rejoin wrapped lines; a word hyphenated at the line end is rejoined without a space, and so
    are two lines of Chinese or Japanese, written without spaces. Korean puts spaces between words:
    a dump wrapped by character count (lynx) breaks its lines there, one wrapped by columns (w3m)
    at any character, so only there do two lines of hangul join without one. A word longer than a
    line (an address, an image's file name) is cut where the line is full: its parts join as one."""
    text = ""
    for k, raw in enumerate(lines):
        part = raw.strip()
        if k == 0:
            text = part
            continue
        last, first = text[-1:], part[:1]
        previous = lines[k - 1]
        glued = (last == "-" and text[-2:-1].isalpha()) or (
            _wide(last) and _wide(first) and (by_columns or not (HANGUL.match(last) or HANGUL.match(first)))) or (
            width is not None and measure(previous) >= width - _CUT_SLACK and " " not in previous.strip()
            and not any(_wide(c) for c in previous))
        text += part if glued else " " + part
    return text


def _wrapped_before(previous: str, line: str, width: int, measure: Callable[[str], int],
                    opening: bool = False) -> bool:
    """True when `previous` ended only because the first word of `line` did not fit the width.
    An `opening` line (the paragraph's first) may be set in deeper than the rest: a paragraph
    that begins with spaces wraps back to the margin."""
    ind_prev, ind_line = _indent(previous), _indent(line)
    # Continuations keep the paragraph's indent (a list item's continuation is indented deeper).
    if ind_line < ind_prev and not BULLET.match(previous) and not opening:
        return False
    return measure(previous) + 1 + measure(_first_word(line)) > width - 2


def _first_word(line: str) -> str:
    """What a wrapping browser would not split: the first word, which ends before an ideograph or
    kana (Chinese and Japanese lines may break after any of them)."""
    word = line.split(None, 1)[0]
    for k, char in enumerate(word):
        if _spaceless(char):
            return word[:max(k, 1)]
    return word


def _tag_of(first_line: str) -> str:
    if first_line[:1] not in _MARKUP_START:
        return "p"
    stripped = first_line.strip()
    heading = MD_HEADING.match(stripped)
    if heading:
        return f"h{min(len(heading.group(1)), 6)}"
    if stripped.startswith(">"):
        return "blockquote"
    if BULLET.match(first_line):
        return "li"
    return "p"


def _unnamed(match: re.Match[str]) -> str:
    """A bracketed token with nothing in its place when it names an image (BRACKETED_TOKEN)."""
    return " " if IMAGE_NAME_HINT.search(match.group(1)) else match.group(0)


def _make_block(index: int, raw: str, tag: str) -> Block | None:
    """Strip dump markup from one paragraph and measure its link text."""
    text = raw.strip()
    if tag != "p":
        if tag.startswith("h"):
            text = MD_HEADING.match(text).group(2)  # type: ignore[union-attr]
        elif tag == "blockquote":
            text = text.lstrip("> ").replace(" > ", " ")
        elif tag == "li":
            text = BULLET.sub("", text, count=1)
    link_chars = 0
    if "[" in text:
        # (an ad's empty slot, or an image's name alone on its line, is a block the rules name)
        unmarked = LYNX_INSERTION.sub(" ", text) if "INS" in text else text
        text = unmarked if unmarked.strip() else text
        unmarked = BRACKETED_TOKEN.sub(_unnamed, text)
        text = unmarked if unmarked.strip() else text
        text = MD_IMAGE.sub(lambda m: "", text)
        link_chars += sum(len(m.group(1)) for m in MD_LINK.finditer(text))
        text = MD_LINK.sub(lambda m: m.group(1), text)
        if LYNX_MARKER.search(text):
            link_chars += sum(len(m.group(1).strip()) for m in _LYNX_LINK_TEXT.finditer(text))
            text = LYNX_MARKER.sub("", text)
        unmarked = GLUED_IMAGE_NAME.sub("", text.strip())
        text = unmarked if unmarked.strip() else text
    if "*" in text or "_" in text:
        text = MD_EMPHASIS.sub(lambda m: m.group(m.lastindex or 0), text)
    if "\u200b" in text:
        text = text.replace("\u200b", " ")
    text = squeeze(text)
    if not text:
        return None
    return Block(index, text, tag, min(link_chars, len(text)))
