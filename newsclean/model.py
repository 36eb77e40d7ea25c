"""The data model: immutable values passed between the stages (frozen dataclasses; the per-block
values are plain classes with read-only fields, which compile to C structs). No I/O, no parsing here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from enum import Enum
from typing import Any, Final, Literal, NamedTuple

# (imported at run time, not only for type checking: a compiled class holding a Settings needs its type)
from .settings import Settings

Kind = Literal["html", "text"]


def _fields_of(value: Any) -> tuple[type, tuple[Any, ...]]:
    """How a frozen value below is pickled (to and from worker processes): its class and its fields.

    The default way sets each field on a blank instance, which a frozen class compiled by mypyc
    refuses."""
    return type(value), tuple(getattr(value, f.name) for f in fields(value))


class InputError(Exception):
    """An input that cannot be cleaned; carries the source and a one-line reason."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Found:
    """A metadata value and where it was found (`source`: "json-ld", "dateline", ...)."""

    value: str
    source: str
    index: int | None = None

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return _fields_of(self)


@dataclass(frozen=True, slots=True)
class Credit:
    """The names a page credits as its authors, and where they were found (`source`; `index`, the
    block of a printed line): what Found is for one value."""

    names: tuple[str, ...]
    source: str
    index: int | None = None

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return _fields_of(self)


@dataclass(frozen=True, slots=True)
class Document:
    """Decoded input: the text of the page and what kind of page it is."""

    source: str
    text: str
    kind: Kind
    encoding: str
    # A charset the page declares that is no text encoding ('rot13', 'base64'): ignored, and said.
    ignored_charset: str | None = None
    # An HTML page's bytes when they are its text in UTF-8 byte for byte (read as UTF-8, nothing
    # replaced or dropped): the parser reads them as they are, with no encoding back.
    markup: bytes | None = None

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return _fields_of(self)


TITLE_TAG: Final = "title"
# The tags of headings, of every level.
HEADING_TAGS: Final = ("h1", "h2", "h3", "h4", "h5", "h6")
# The tags of a list's items and terms and of a table's rows and cells.
ITEM_TAGS: Final = frozenset({"li", "dt", "dd", "tr", "td"})
# ... and of a table's rows and cells alone.
TABLE_TAGS: Final = frozenset({"tr", "td"})


class Block:
    """One unit of a page: a paragraph, heading, list item, or a line of a text dump. Its `text` is
    whitespace-normalized: words separated by single spaces, none at either end.

    `tag` is an HTML-like tag (`p`, `h2`, `li`, `blockquote`, `pre`, `tr`; `title` for the window
    title, the first block of a page that states one), `link_chars` how many characters of `text`
    are link text, `in_container` whether it lies inside an HTML page's article container, `ordered`
    whether a list item (`li`) is one of a numbered list (`<ol>`). A table
    row (`tr`) keeps its `cells`; with --links / --images
    a block keeps its `links` (anchor text, address) and `images` (alt text, address).

    Read-only (Final): a plain class, as Features below.
    """

    __slots__ = ("cells", "images", "in_container", "index", "link_chars", "links", "ordered", "tag", "text")

    def __init__(self, index: int, text: str, tag: str = "p", link_chars: int = 0,
                 in_container: bool = False, cells: tuple[str, ...] = (), links: tuple[tuple[str, str], ...] = (),
                 images: tuple[tuple[str, str], ...] = (), ordered: bool = False) -> None:
        self.index: Final = index
        self.text: Final = text
        self.tag: Final = tag
        self.link_chars: Final = link_chars
        self.in_container: Final = in_container
        self.cells: Final = cells
        self.links: Final = links
        self.images: Final = images
        self.ordered: Final = ordered

    def _fields(self) -> tuple[Any, ...]:
        return (self.index, self.text, self.tag, self.link_chars, self.in_container, self.cells, self.links,
                self.images, self.ordered)

    def renumbered(self, index: int) -> Block:
        """The same block at another position."""
        if index == self.index:
            return self
        return Block(index, *self._fields()[1:])

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Block) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return f"Block({self.index}, {self.text!r}, tag={self.tag!r})"

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return Block, self._fields()


def window_title(blocks: tuple[Block, ...]) -> str:
    """The page's window title ('Headline - Site'), or "" when the page states none."""
    if not blocks:
        return ""
    first = blocks[0]
    return first.text if first.tag == TITLE_TAG else ""


class Features:
    """Measures of one block, computed once and shared by every rule; read-only (Final).

    Features are built once per block: a plain class, which mypyc compiles to a C struct built by a
    native call (a dataclass or a NamedTuple is built through a Python-level constructor)."""

    __slots__ = ("chars", "key", "letters", "link_density", "sentence_end", "tokens", "words")

    def __init__(self, words: int, chars: int, sentence_end: bool, link_density: float, letters: bool,
                 key: str, tokens: tuple[str, ...]) -> None:
        self.words: Final = words
        self.chars: Final = chars
        self.sentence_end: Final = sentence_end
        self.link_density: Final = link_density
        self.letters: Final = letters
        # normalized text (lower-case words) of blocks up to rules.PHRASE_WINDOW words, else ""
        self.key: Final = key
        # the words of `key`, plus marks (rules.COPYRIGHT_CUE...)
        self.tokens: Final = tokens

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return Features, (self.words, self.chars, self.sentence_end, self.link_density, self.letters, self.key,
                          self.tokens)


class Label(Enum):
    GOOD = "good"
    NEARGOOD = "neargood"
    SHORT = "short"
    BAD = "bad"


class Verdict:
    """What a rule decided about one block, and why; read-only (Final), a plain class as Features."""

    __slots__ = ("detail", "index", "label", "rule")

    def __init__(self, index: int, label: Label, rule: str, detail: str = "") -> None:
        self.index: Final = index
        self.label: Final = label
        self.rule: Final = rule
        self.detail: Final = detail

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return Verdict, (self.index, self.label, self.rule, self.detail)


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str | None = None
    date: str | None = None
    authors: tuple[str, ...] = ()
    site_name: str | None = None
    url: str | None = None
    original_source: str | None = None
    section: str | None = None
    language: str | None = None
    provenance: tuple[tuple[str, str], ...] = ()
    # Every value considered per field, in precedence order: (field, value, source). For --explain.
    candidates: tuple[tuple[str, str, str], ...] = ()

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return _fields_of(self)


class Removal(NamedTuple):
    """A block left out of the article, with the rule that removed it (for --explain)."""

    index: int  # type: ignore[assignment]  # (shadows tuple.index, which nothing here calls)
    rule: str
    text: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Article:
    source: str
    kind: Kind
    metadata: Metadata
    blocks: tuple[Block, ...]
    removed: tuple[Removal, ...] = field(default=())
    encoding: str = "utf-8"

    @property
    def text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return _fields_of(self)


class Prepared(NamedTuple):
    """A page decoded and read into blocks (pipeline.prepare): what the later stages start from."""

    doc: Document
    blocks: tuple[Block, ...]
    declared: dict[str, list[Found]]
    chrome: tuple[Removal, ...]


@dataclass(frozen=True, slots=True)
class Page:
    """A page between the stages: its blocks, their features, the context-free verdicts, the
    final verdicts, and the blocks that repeat the headline."""

    blocks: tuple[Block, ...]
    feats: tuple[Features, ...]
    classified: tuple[Verdict, ...]
    verdicts: tuple[Verdict, ...]
    anchors: tuple[int, ...]

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return _fields_of(self)


class Stage(Enum):
    """When a context rule runs (context.py)."""

    AMEND = "amend"  # corrects a context-free verdict; what follows reads the result as `classified`
    MARK = "mark"  # before the body is chosen
    KEEP = "keep"  # after it (Context.inside): keeps blocks of the body


@dataclass(frozen=True, slots=True)
class Context:
    """What a context rule reads besides the verdicts: the page, and as the stages go on, the
    verdicts after AMEND (`classified`) and the body (`inside`, one flag per block)."""

    blocks: tuple[Block, ...]
    feats: tuple[Features, ...]
    anchors: tuple[int, ...]  # the blocks that are copies of the headline
    settings: Settings
    classified: tuple[Verdict, ...] = ()
    inside: tuple[bool, ...] = ()


Relabels = dict[int, str]  # what a context rule found: block index -> detail, for --explain


@dataclass(frozen=True, slots=True)
class ContextRule:
    """A row of context.CONTEXT_RULES: `find` returns the blocks the rule relabels to `label`."""

    name: str
    label: Label
    stage: Stage
    why: str
    find: Callable[[Context, tuple[Verdict, ...]], Relabels]
