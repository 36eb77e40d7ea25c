"""Bytes -> Document: gzip, size limit, binary check, encoding, and html-or-text sniffing.

Decoding order (as jusText does, plus a detector): explicit encoding, byte-order mark, a declared
charset (`<meta charset>` / http-equiv / XML declaration) for HTML, strict UTF-8, then
charset-normalizer's best guess, and finally Windows-1252 with replacement characters.
"""

from __future__ import annotations

import codecs
import re
import zlib
from typing import Final

from .model import Document, InputError, Kind
from .settings import DEFAULTS, Settings

_GZIP_MAGIC: Final = b"\x1f\x8b"
_BOMS: Final = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED_CHARSET: Final = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:.]+)|<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_\-.]+)""",
    re.IGNORECASE,
)
_HTML_START: Final = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|\?xml|head|body)\b", re.I | re.S)
_HTML_TAG: Final = re.compile(rb"<(?:p|div|span|a|body|head|meta|script|link|br|table|li|h[1-6])\b[^>]*>", re.I)
# A page whose head markup (a <style> or <script> block) comes before its <!DOCTYPE> or <html>,
# found this far in.
_HEAD_MARKUP_START: Final = re.compile(rb"^\s*<(?:style|script|link|meta|title)\b", re.I)
_PAGE_TAG: Final = re.compile(rb"<(?:!doctype\s+html|html)\b", re.I)
_PAGE_TAG_REACH: Final = 262144
# Content that does not start like a page is an HTML fragment when it holds this many common tags,
# on at least this share of its non-blank lines.
_FRAGMENT_MIN_TAGS: Final = 5
_FRAGMENT_TAG_LINES: Final = 0.2
# Control characters that never occur in text (NUL aside, these suggest a binary file).
_BINARY_BYTES: Final = bytes(range(0, 9)) + bytes(range(14, 27)) + bytes(range(28, 32))
_BINARY_TABLE: Final = bytes.maketrans(b"", b"")
# UTF-16 without a byte-order mark: NUL in this share of the high (or low) bytes, over this many characters.
UTF16_NUL_SHARE: Final = 0.7
UTF16_MIN_CHARS: Final = 64
# Two detector guesses whose "chaos" (mess) differs by no more than this fit the bytes equally.
_CHAOS_TIE: Final = 0.01
# Bytes that fail as UTF-8 are still UTF-8 when, for each damaged sequence, this many non-ASCII
# characters decode well (a page of another code page has almost none).
_UTF8_SOUND_PER_DAMAGED: Final = 50


# Text codecs no page is written in: they refuse most input or stand for no encoding at all.
_NOT_PAGE_CODECS: Final = frozenset({"undefined", "punycode", "idna", "unicode-escape", "raw-unicode-escape"})


def gunzip(data: bytes, source: str, limit: int) -> bytes:
    """Decompress gzip data, refusing truncated streams and output larger than `limit`."""
    decomp = zlib.decompressobj(wbits=47)  # 32 + 15: gzip or zlib header, auto-detected
    try:
        out = decomp.decompress(data, limit + 1)
    except zlib.error as exc:
        raise InputError(source, f"corrupt gzip data ({exc})") from None
    if len(out) > limit:
        raise InputError(source, f"decompressed size is over the {_mib(limit)} limit (--max-bytes)")
    if not decomp.eof:
        raise InputError(source, "truncated gzip data")
    return out


def looks_binary(data: bytes) -> bool:
    """True when the first 8 KB hold many control characters, NUL among them (a stray NUL or
    two in a page is damage, not a binary file)."""
    head = data[:8192]
    controls = len(head) - len(head.translate(_BINARY_TABLE, _BINARY_BYTES))
    return controls > max(8, len(head) // 100)


def utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' for text in UTF-16 without a byte-order mark: in Latin-script
    text and markup, nearly every other byte is NUL."""
    head = data[:8192]
    half = len(head) // 2
    if half < UTF16_MIN_CHARS:
        return None
    odd, even = head[1::2].count(0), head[0::2].count(0)
    if odd >= UTF16_NUL_SHARE * half and even <= half // 10:
        return "utf-16-le"
    if even >= UTF16_NUL_SHARE * half and odd <= half // 10:
        return "utf-16-be"
    return None


def sniff_kind(data: bytes) -> Kind:
    """HTML when the content starts like a page, or carries several common tags on a good share of
    its lines (a fragment); else text. A dump with a few lines of markup in it (an ad's fallback
    code, a player's script) is still a dump."""
    head = data[:16384]
    if _HTML_START.match(head):
        return "html"
    # Head markup (a <style> or <script> block) printed before the page's own <!DOCTYPE>/<html>.
    if _HEAD_MARKUP_START.match(head) and _PAGE_TAG.search(data, 0, _PAGE_TAG_REACH):
        return "html"
    tags = _HTML_TAG.finditer(head)
    if sum(1 for _, _ in zip(range(_FRAGMENT_MIN_TAGS), tags, strict=False)) < _FRAGMENT_MIN_TAGS:
        return "text"
    lines = [line for line in head.splitlines() if line.strip()]
    marked = sum(1 for line in lines if _HTML_TAG.search(line))
    return "html" if marked >= _FRAGMENT_TAG_LINES * len(lines) else "text"


def text_codec(name: str) -> str | None:
    """The codec's canonical name when `name` is a text encoding Python can decode with; None for
    an unknown name, a bytes-to-bytes codec ('rot13', 'base64', 'zlib') or one that decodes
    nothing ('undefined')."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_PAGE_CODECS:
        return None
    return info.name


def declared_name(data: bytes) -> str | None:
    """The charset the page declares, as written (a page can declare anything)."""
    match = _DECLARED_CHARSET.search(data[:4096])
    return (match.group(1) or match.group(2)).decode("ascii", "replace").lower() if match else None


def declared_charset(data: bytes) -> str | None:
    """The charset the page declares, when it is a text encoding."""
    return http_charset(declared_name(data))


def http_charset(declared: str | None) -> str | None:
    """A declared charset name as the codec to read with, when it names a text encoding."""
    name = text_codec(declared) if declared is not None else None
    if name is None:
        return None
    # Browsers read Latin-1 and ASCII declarations as Windows-1252 (the WHATWG encoding standard).
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def detect_encoding(data: bytes) -> str:
    """Best guess for undeclared, non-UTF-8 bytes (charset-normalizer).

    Single-byte code pages often fit the same bytes equally well; then Windows-1252, what
    browsers assume for undeclared Western pages, wins the tie.
    """
    from charset_normalizer import from_bytes

    matches = from_bytes(data[:65536])
    best = matches.best()
    if best is None:
        return "cp1252"
    name = codecs.lookup(best.encoding).name
    western = next((m for m in matches if codecs.lookup(m.encoding).name == "cp1252"), None)
    if western is not None and western.chaos <= best.chaos + _CHAOS_TIE:
        return "cp1252"
    sample = data[:65536]
    if name != "cp1252" and sample.decode(name, "replace") == sample.decode("cp1252", "replace"):
        return "cp1252"  # the detector kept another code page that reads these bytes the same way
    # Single-byte Western guesses are interchangeable on real pages; cp1252 is the superset browsers use.
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii", "iso8859-15") else name


def mostly_utf8(data: bytes) -> str | None:
    """The text of UTF-8 bytes with a few damaged sequences (a character cut in two, a stray byte of
    another code page), each read as U+FFFD; None when the damage is more than a trace: then the
    bytes are in another encoding, which the detector finds."""
    text = data.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    sound = sum(1 for c in text if c > "\x7f") - damaged  # characters that were well-formed multibyte
    return text if damaged * _UTF8_SOUND_PER_DAMAGED <= sound else None


def decode_bytes(data: bytes, source: str, kind: Kind, settings: Settings,
                 charset: str | None = None) -> tuple[str, str, bool]:
    """Return (text, encoding name, whether the bytes were well-formed UTF-8: the text is
    exactly them) following the documented order; `charset` is the one the HTTP response stated
    (a crawl's record), which comes before the page's own, as in a browser."""
    if settings.encoding:
        try:
            return data.decode(settings.encoding, errors="replace"), settings.encoding, False
        except LookupError:
            raise InputError(source, f"unknown encoding {settings.encoding!r}") from None
        except (UnicodeError, ValueError) as exc:  # codecs such as idna refuse rather than replace
            raise InputError(source, f"cannot be read as {settings.encoding}: {exc}") from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name, False
    if kind == "html":
        declared = http_charset(charset) or declared_charset(data)
        if declared and declared != "utf-8":
            try:
                return data.decode(declared), declared, False
            except (UnicodeError, ValueError):
                pass  # the declaration lies; fall through to detection
    try:
        return data.decode("utf-8"), "utf-8", True
    except UnicodeDecodeError:
        pass
    damaged = mostly_utf8(data)
    if damaged is not None:
        return damaged, "utf-8", False
    guess = detect_encoding(data)
    return data.decode(guess, errors="replace"), guess, False


_SURROGATE: Final = re.compile(f"[{chr(0xD800)}-{chr(0xDFFF)}]")  # (mypyc takes no surrogate literal)


def decode(data: bytes | str, source: str, settings: Settings = DEFAULTS, charset: str | None = None) -> Document:
    """Turn raw input into a Document, or raise InputError with a one-line reason. `charset` is the
    one stated outside the page (an HTTP header kept in a crawl), if any."""
    utf16: str | None = None
    if isinstance(data, str):
        # A str may hold lone surrogates (read with surrogateescape): as U+FFFD they can be written.
        text = data if data.isascii() else _SURROGATE.sub("\ufffd", data)
        encoding, raw = "unicode", None
    else:
        raw = data
        if len(raw) > settings.max_bytes:
            raise InputError(source, f"input is {_mib(len(raw))}, over the {_mib(settings.max_bytes)} limit "
                                     "(--max-bytes)")
        if raw.startswith(_GZIP_MAGIC):
            raw = gunzip(raw, source, settings.max_bytes)
        if not raw or raw.isspace():
            raise InputError(source, "empty input")
        utf16 = None if settings.encoding else utf16_without_bom(raw)
        if utf16 is not None:  # read as UTF-8 from here on, and said to be UTF-16
            raw = raw.decode(utf16, errors="replace").encode("utf-8")
        if looks_binary(raw) and not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise InputError(source, "binary data, not an HTML page or a text dump")
        text, encoding = "", ""
    kind: Kind
    if settings.kind in ("html", "text"):
        kind = settings.kind  # type: ignore[assignment]
    else:
        kind = sniff_kind(raw if raw is not None else text[:16384].encode("utf-8", "replace"))
    markup = None
    if raw is not None and utf16 is not None:
        text, encoding = raw.decode("utf-8"), utf16
    elif raw is not None:
        text, encoding, exact = decode_bytes(raw, source, kind, settings, charset)
        markup = raw if exact and kind == "html" else None
    if not text or text.isspace():
        raise InputError(source, "empty input")
    # (A NUL byte is the only way to a NUL in UTF-8: the bytes are searched faster than the text.)
    if (raw is None or encoding != "utf-8" or b"\x00" in raw) and "\x00" in text:
        text = text.replace("\x00", "")  # a stray NUL (damage) is no character of the page
        markup = None
    if kind == "text" and "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    ignored = None
    if raw is not None and kind == "html" and not settings.encoding:
        declared = declared_name(raw)
        ignored = declared if declared is not None and text_codec(declared) is None else None
    return Document(source=source, text=text, kind=kind, encoding=encoding, ignored_charset=ignored, markup=markup)


def _mib(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MiB"
