"""Building WARC and WET files for the tests and the benchmark, from pages on disk: the records a
crawler writes (a `request`, then the `response` with its HTTP head), plus the records a crawl
holds that are no page (a redirect, an image, metadata).

    python -m tests.warcs --shared ../shared --out DIR [--files 8]

writes scrapinghub's 181 pages as `DIR/sh-N.warc.gz` and their text dumps as `DIR/sh-N.warc.wet.gz`,
with `DIR/ids.json` (record id -> page id) for scoring.
"""

from __future__ import annotations

import argparse
import gzip
import json
import uuid
from dataclasses import dataclass
from pathlib import Path

CAPTURED = "2024-05-01T10:00:00Z"


@dataclass(frozen=True)
class Page:
    url: str
    data: bytes
    content_type: str = "text/html; charset=utf-8"
    status: str = "200 OK"


def record_id(url: str, kind: str) -> str:
    """A stable record id (the same pages make the same file)."""
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, kind + ' ' + url)}>"


def warc_record(kind: str, url: str, payload: bytes, content_type: str, date: str = CAPTURED) -> bytes:
    head = (f"WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: {record_id(url, kind)}\r\n"
            f"WARC-Date: {date}\r\nWARC-Target-URI: {url}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(payload)}\r\n\r\n").encode()
    return head + payload + b"\r\n\r\n"


def http_response(page: Page) -> bytes:
    return (f"HTTP/1.1 {page.status}\r\nContent-Type: {page.content_type}\r\n"
            f"Content-Length: {len(page.data)}\r\n\r\n").encode() + page.data


def crawl_records(pages: list[Page], extras: bool = True) -> list[bytes]:
    """A request and a response per page; with `extras`, a warcinfo record first and a redirect,
    an image and a metadata record among them, as a real crawl has."""
    out = [warc_record("warcinfo", "", b"software: tests.warcs\r\n", "application/warc-fields")] if extras else []
    for n, page in enumerate(pages):
        out.append(warc_record("request", page.url, f"GET {page.url} HTTP/1.1\r\n\r\n".encode(),
                               "application/http; msgtype=request"))
        out.append(warc_record("response", page.url, http_response(page), "application/http; msgtype=response"))
        if extras and n == 0:
            out.append(warc_record("response", page.url + "?moved",
                                   http_response(Page(page.url, b"", "text/html", "301 Moved Permanently")),
                                   "application/http; msgtype=response"))
            out.append(warc_record("response", page.url + ".png",
                                   http_response(Page(page.url, b"\x89PNG\r\n\x1a\n....", "image/png")),
                                   "application/http; msgtype=response"))
            out.append(warc_record("metadata", page.url, b"fetchTimeMs: 12\r\n", "application/warc-fields"))
    return out


def wet_records(pages: list[Page]) -> list[bytes]:
    """Common Crawl's WET layout: a warcinfo record, then one `conversion` record per page."""
    return [warc_record("warcinfo", "", b"software: tests.warcs\r\n", "application/warc-fields"),
            *(warc_record("conversion", p.url, p.data, "text/plain") for p in pages)]


def write(path: Path, records: list[bytes], compress: str = "record") -> Path:
    """`compress`: 'record' (one gzip member per record, as crawls are written), 'file' (the whole
    file one gzip stream) or 'none'."""
    if compress == "record":
        path.write_bytes(b"".join(gzip.compress(r, mtime=0) for r in records))
    elif compress == "file":
        path.write_bytes(gzip.compress(b"".join(records), mtime=0))
    else:
        path.write_bytes(b"".join(records))
    return path


def bench_pages(shared: Path, folder: str, pattern: str) -> dict[str, Page]:
    """page id -> Page of scrapinghub's pages (`html/{id}.html.gz` or `text/{id}.txt`), each at the
    address its truth names."""
    truth = json.loads((shared / "bench" / "scrapinghub" / "ground-truth.json").read_text())
    pages = {}
    for page_id in sorted(truth):
        raw = (shared / "bench" / "scrapinghub" / folder / pattern.format(id=page_id)).read_bytes()
        pages[page_id] = Page(truth[page_id]["url"], gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw)
    return pages


def build_bench(shared: Path, out: Path, files: int = 8) -> dict[str, str]:
    """scrapinghub's pages as `files` WARC files and `files` WET files; returns record id -> page id."""
    out.mkdir(parents=True, exist_ok=True)
    html = bench_pages(shared, "html", "{id}.html.gz")
    text = bench_pages(shared, "text", "{id}.txt")
    ids = sorted(html)
    which: dict[str, str] = {}
    for n in range(files):
        part = ids[n::files]
        write(out / f"sh-{n}.warc.gz", crawl_records([html[i] for i in part]))
        write(out / f"sh-{n}.warc.wet.gz", wet_records([text[i] for i in part]))
        for i in part:
            which[record_id(html[i].url, "response")] = i
            which[record_id(text[i].url, "conversion")] = i
    (out / "ids.json").write_text(json.dumps(which, indent=0, sort_keys=True))
    return which


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--files", type=int, default=8)
    args = parser.parse_args()
    build_bench(args.shared, args.out, args.files)


if __name__ == "__main__":
    main()
