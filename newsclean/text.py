"""Text measures every stage uses: words (CJK and scripts without spaces too), sentence ends,
lower-cased word lists, normal forms; the helpers that build the word lists and patterns of the
other modules; and the stopword lists of data/."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Final

_LANG: Final = re.compile(r"^([a-zA-Z]{2})(?:[-_][a-zA-Z]{2,4})?$")


def language_code(value: str) -> str | None:
    """'en-US', 'en_GB', 'EN' -> 'en'; anything else -> None."""
    match = _LANG.match(value.strip())
    return match.group(1).lower() if match else None


WORD: Final = re.compile(r"\w+")
# Scripts written without spaces: each character counts as half a word.
CJK: Final = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
HANGUL: Final = re.compile(r"[\uac00-\ud7af]")
# Thai, Lao, Myanmar and Khmer: no spaces between words (a space parts phrases or sentences), and
# Thai and Lao have no full stop. A word is taken as four letters.
SPACELESS: Final = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")
SPACELESS_WORD_LETTERS: Final = 4
THAI_LAO: Final = re.compile(r"[\u0e00-\u0eff]")
# A block this long that ends in one of those letters ends as a sentence does (Thai and Lao prose).
SPACELESS_SENTENCE_CHARS: Final = 60
# Characters that end a sentence (or a quoted one); blocks arrive stripped, so the last one decides.
SENTENCE_END_CHARS: Final = frozenset(""".!?…:;。！？」"”’'»)]။។""")
# Emoji and pictographs a sentence may end with after its full stop ('See you soon! 🙂').
TRAILING_SYMBOLS: Final = re.compile(r"[\s\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d]+$")
LETTER: Final = re.compile(r"[^\W\d_]")
# Small words that stay lower-case in Title Case headlines.
MINOR_WORDS: Final = frozenset({
    "a", "an", "the", "of", "in", "on", "to", "for", "and", "or", "at", "by", "with", "is", "as", "from", "vs",
    "via", "but", "nor", "into", "over", "than",
})


def word_count(text: str) -> int:
    """Words in `text` (runs between spaces); CJK characters count half a word each, letters of
    the other scripts written without spaces (SPACELESS) a quarter."""
    if text.isascii():
        return len(text.split())
    cjk = len(CJK.findall(text))
    spaceless = len(SPACELESS.findall(text))
    if not cjk and not spaceless:
        return len(text.split())
    rest = SPACELESS.sub(" ", CJK.sub(" ", text))
    return len(rest.split()) + cjk // 2 + spaceless // SPACELESS_WORD_LETTERS


def ends_sentence(text: str) -> bool:
    """True when the text ends like a sentence, emoji after the final punctuation aside."""
    last = text[-1:]
    if last in SENTENCE_END_CHARS:
        return True
    if len(text) >= SPACELESS_SENTENCE_CHARS and THAI_LAO.search(text, len(text) - 12):
        return True  # Thai and Lao have no full stop: a long block ends its last sentence
    return last > "\u2600" and TRAILING_SYMBOLS.sub("", text)[-1:] in SENTENCE_END_CHARS
# A byte table: ASCII bytes that are no part of a word (\w) become spaces, all others stay.
_ASCII_NON_WORD: Final = bytes(c if c >= 128 or chr(c).isalnum() or chr(c) == "_" else 32 for c in range(256))


def lower_words(text: str) -> list[str]:
    """WORD.findall(text.lower()): the words of `text`, lower-cased, found faster (a byte table,
    then a split; the pattern only for pieces with other than ASCII characters)."""
    lowered = text.lower()
    # ASCII characters that are no part of a word become spaces (UTF-8 bytes of other characters
    # are all >= 128 and stay), then the split: each piece is a run of word characters, unless it
    # holds other characters, which the word pattern then takes apart.
    raw = lowered.encode("utf-8", "surrogatepass").translate(_ASCII_NON_WORD)
    pieces = raw.decode("utf-8", "surrogatepass").split()
    if lowered.isascii():
        return pieces
    words: list[str] = []
    for piece in pieces:
        if piece.isascii():
            words.append(piece)
        else:
            words.extend(WORD.findall(piece))
    return words


def squeeze(text: str) -> str:
    """Words separated by single spaces, none at either end: " ".join(text.split()), without
    splitting a line that is so already (every whitespace character but the space is unprintable,
    tests/test_properties.py); model.Block text is made so."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def normalize(text: str) -> str:
    """A block's identity for repetition and phrase checks: lower-case words, single spaces."""
    return " ".join(lower_words(text))


def title_case_ratio(text: str) -> float:
    """Share of the non-minor words that start with a capital letter (0 for fewer than 3 words)."""
    words = [w for w in text.split() if w[0].isalpha() and w.lower() not in MINOR_WORDS]
    if len(words) < 3:
        return 0.0
    return sum([w[0].isupper() for w in words]) / len(words)


def phrases(*items: str) -> tuple[str, ...]:
    """A concept's phrases; an empty group would match everything, so refuse it."""
    if not items:
        raise ValueError("empty vocabulary group")
    return items


def words_of(*groups: Iterable[str]) -> frozenset[str]:
    """The words of every phrase of the groups."""
    return frozenset(word for group in groups for phrase in group for word in phrase.split())


def any_of(items: Iterable[str]) -> str:
    group = tuple(items)
    if not group:
        raise ValueError("empty alternation")
    return "(?:" + "|".join(group) + ")"
# Where a separator pattern may start: where a run of white space starts, or off white space. With
# it (and the run taken whole, `\s++`), a pattern is tried once per run of spaces, not from each
# space of it: a long run cost quadratic time before.
RUN_START: Final = r"(?:(?<!\s)|(?!\s))"
# The word lists shipped with the package (package data). The package's folder, not this module's
# __file__, which a compiled module may not set to its own place.
DATA: Final = Path(find_spec("newsclean").submodule_search_locations[0]) / "data"  # type: ignore[union-attr, index]
LANGUAGES: Final = ("en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru")


@cache
def stopwords(language: str) -> frozenset[str]:
    """The stopword list of `language` (ISO 639-1), lower-cased."""
    if language not in LANGUAGES:
        raise ValueError(f"no stopword list for {language!r}; known: {', '.join(LANGUAGES)}")
    text = (DATA / f"stopwords-{language}.txt").read_text("utf-8")
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip())


@cache
def _vocabulary() -> dict[str, list[str]]:
    with (DATA / "vocabulary.toml").open("rb") as file:
        return tomllib.load(file)


def vocabulary(name: str) -> tuple[str, ...]:
    """A group of phrases (or patterns) of data/vocabulary.toml, the long word lists of rules.py."""
    return phrases(*_vocabulary()[name])
