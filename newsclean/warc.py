"""Reading crawls: WARC files (their HTML `response` records) and WET files (Common Crawl's
`conversion` records, whole-page text dumps), record by record.

FastWARC reads the records (see the README for why, and how it compares with warcio); this module
decides which records are pages, parses their HTTP head, and notices a damaged file: the records
before the damage are given, then CrawlError says where it stopped. Nothing here cleans anything.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final
from urllib.parse import urlsplit

# Response media types read as HTML pages (a response without one is sniffed like any file).
HTML_TYPES: Final = ("text/html", "application/xhtml+xml")
_CHARSET: Final = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_GZIP_MAGIC: Final = b"\x1f\x8b"


class CrawlError(Exception):
    """A crawl file that cannot be read on: `reason` says why, after how many records."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Record:
    """One page of a crawl: its bytes and what the crawl says of it."""

    source: str  # '<crawl file>#<WARC-Record-ID>'
    record_id: str
    url: str | None  # WARC-Target-URI
    captured: dt.datetime | None  # WARC-Date
    kind: str  # 'html' (a response), 'text' (a WET conversion) or 'auto' (a response of no stated type)
    charset: str | None  # the charset of the HTTP Content-Type header
    data: bytes

    @property
    def host(self) -> str | None:
        """The host the page was fetched from ('www.' dropped): what site templates group by."""
        try:
            host = urlsplit(self.url).hostname if self.url else None
        except ValueError:
            return None
        return host.removeprefix("www.") if host else None


def is_warc_data(data: bytes) -> bool:
    """Whether bytes (standard input, a pipe) are a WARC file, gzipped or not."""
    head = data[:64]
    if head.startswith(_GZIP_MAGIC):
        try:
            head = zlib.decompressobj(wbits=31).decompress(data[:4096], 64)
        except zlib.error:
            return False
    return head.startswith(b"WARC/")


def records(path: str, skipped: Counter[str] | None = None) -> Iterator[Record]:
    """The page records of the crawl file at `path`, in file order. Records that are no page
    (requests, metadata, redirects, images, PDFs…) are counted in `skipped` by reason. A damaged or
    truncated file gives its records up to the damage, then raises CrawlError."""
    from fastwarc.warc import ArchiveIterator

    skipped = skipped if skipped is not None else Counter()
    count = 0
    last_start = 0
    try:
        with open(path, "rb") as handle:
            gzipped = handle.read(2) == _GZIP_MAGIC
            handle.seek(0)
            for warc in ArchiveIterator(handle, parse_http=False, fsspec_args=False):
                block = warc.reader.read()
                declared = warc.headers.get("Content-Length") or ""
                if not warc.record_id or not declared.isdigit() or int(declared) != len(block):
                    raise CrawlError(path, f"damaged or truncated after {count} records")
                count += 1
                last_start = warc.stream_pos
                record = _page(path, warc, block, skipped)
                if record is not None:
                    yield record
            if gzipped and not _tail_intact(handle, last_start):
                raise CrawlError(path, f"damaged or truncated after {count} records (compressed data cut short)")
    except CrawlError:
        raise
    except (OSError, ValueError, EOFError) as exc:
        raise CrawlError(path, f"damaged after {count} records: {exc}") from None


def _page(path: str, warc: object, block: bytes, skipped: Counter[str]) -> Record | None:
    """The page a WARC record holds, or None (counted in `skipped`) when it holds none."""
    from fastwarc.warc import WarcRecordType

    kind = warc.record_type  # type: ignore[attr-defined]
    headers = warc.headers  # type: ignore[attr-defined]
    record_id = str(warc.record_id)  # type: ignore[attr-defined]
    url = headers.get("WARC-Target-URI") or None
    captured = warc.record_date  # type: ignore[attr-defined]
    source = f"{path}#{record_id}"
    if kind == WarcRecordType.conversion:
        return Record(source, record_id, url, captured, "text", "utf-8", block)
    if kind != WarcRecordType.response:
        skipped[f"{kind} records"] += 1
        return None
    head = _http_head(block)
    if head is None:
        skipped["responses without an HTTP head"] += 1
        return None
    status, fields, body_at = head
    if status != 200:
        skipped["responses other than 200 OK (redirects, errors)"] += 1
        return None
    content_type = fields.get("content-type", "")
    media = content_type.split(";", 1)[0].strip().lower()
    if media and media not in HTML_TYPES:
        skipped["responses that are not HTML (images, PDFs…)"] += 1
        return None
    encoding = fields.get("content-encoding", "").strip().lower()
    body = block[body_at:]
    if "chunked" in fields.get("transfer-encoding", "").lower():
        body = _dechunked(body)
    # A crawler may have stored the body decoded and kept the header: a body that reads as markup is read.
    readable = body.startswith(_GZIP_MAGIC) or body.lstrip()[:1] == b"<"
    if encoding not in ("", "identity") and not readable:
        skipped[f"responses compressed with {encoding}"] += 1
        return None
    charset = _CHARSET.search(content_type)
    return Record(source, record_id, url, captured, "html" if media else "auto",
                  charset.group(1).lower() if charset else None, body)


def _http_head(block: bytes) -> tuple[int, dict[str, str], int] | None:
    """(status, lower-cased header fields, where the body starts) of an HTTP response, or None."""
    end = block.find(b"\r\n\r\n")
    sep = 4
    if end < 0:
        end, sep = block.find(b"\n\n"), 2
    if end < 0 or not block.startswith(b"HTTP/"):
        return None
    lines = block[:end].decode("latin-1").splitlines()
    parts = lines[0].split(None, 2)
    if len(parts) < 2 or not parts[1].isdigit():
        return None
    fields: dict[str, str] = {}
    for raw in lines[1:]:
        name, colon, value = raw.partition(":")
        if colon:
            fields.setdefault(name.strip().lower(), value.strip())
    return int(parts[1]), fields, end + sep


def _dechunked(body: bytes) -> bytes:
    """An HTTP body sent in chunks, joined (what arrived of it, when the chunks are cut short)."""
    out = io.BytesIO()
    at = 0
    while at < len(body):
        eol = body.find(b"\r\n", at)
        if eol < 0:
            break
        size_field = body[at:eol].split(b";", 1)[0].strip()
        try:
            size = int(size_field, 16)
        except ValueError:
            return body  # not chunked after all: keep the body as it came
        if size == 0:
            break
        out.write(body[eol + 2:eol + 2 + size])
        at = eol + 2 + size + 2
    return out.getvalue()


def _tail_intact(handle: io.BufferedReader, start: int) -> bool:
    """Whether the gzip members from offset `start` (where the last record read began) to the end
    of the file are whole: a cut inside a member gives no record and no error from the reader."""
    handle.seek(start)
    if handle.read(2) not in (_GZIP_MAGIC, b""):  # one stream for the whole file: check it all
        handle.seek(0)
    else:
        handle.seek(start)
    inflater = zlib.decompressobj(wbits=31)
    fed = False  # whether the member in hand has begun
    while chunk := handle.read(1 << 20):
        while chunk:
            try:
                inflater.decompress(chunk, 1 << 16)
                while inflater.unconsumed_tail and not inflater.eof:
                    inflater.decompress(inflater.unconsumed_tail, 1 << 16)
            except zlib.error:
                return False
            fed = True
            chunk = b""
            if inflater.eof:
                chunk, inflater, fed = inflater.unused_data, zlib.decompressobj(wbits=31), False
    return not fed
