"""Crawls: WARC and WET files as input, on the command line and as the functions an engine calls,
on WARC files built from the scrapinghub pages (tests/warcs.py)."""

from __future__ import annotations

import gzip
import json
import pickle
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsclean.cli import Exit, main
from newsclean.crawl import clean_file, learn_file
from newsclean.templates import host_models, merge_counts
from newsclean.warc import records

from . import warcs
from .conftest import output_files

PAGES_PER_FILE = 6
# Prose for made-up pages: sentences that differ (a paragraph printed twice is a repeat, not prose).
SENTENCES = ("The council met on Tuesday to discuss the budget for the coming year.",
             "Several members asked for more money for the schools in the northern districts.",
             "The mayor said the city would borrow less than it did during the previous winter.",
             "Residents who spoke at the meeting worried about the cost of the new bridge.",
             "A final vote on the plan is expected before the end of next month.",
             "Officials promised to publish the full figures on the city's website this week.")


def prose(tag: str = "") -> str:
    return "".join(f"<p>{tag}{sentence}</p>" for sentence in SENTENCES)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def bench(shared: Path) -> tuple[dict[str, warcs.Page], dict[str, warcs.Page]]:
    """The first 18 scrapinghub pages: HTML, and their text dumps, by page id."""
    html = warcs.bench_pages(shared, "html", "{id}.html.gz")
    text = warcs.bench_pages(shared, "text", "{id}.txt")
    ids = sorted(html)[:3 * PAGES_PER_FILE]
    return {i: html[i] for i in ids}, {i: text[i] for i in ids}


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory, bench: tuple[dict, dict]) -> Path:
    """Three WARC files (records gzipped one by one, as crawls are written) of six pages each, their
    WET files, and the same pages as a folder of files."""
    html, text = bench
    folder = tmp_path_factory.mktemp("crawl")
    ids = list(html)
    for sub in ("pages", "dumps"):
        (folder / sub).mkdir()
    for n in range(3):
        part = ids[n * PAGES_PER_FILE:(n + 1) * PAGES_PER_FILE]
        warcs.write(folder / f"c{n}.warc.gz", warcs.crawl_records([html[i] for i in part]))
        warcs.write(folder / f"c{n}.warc.wet.gz", warcs.wet_records([text[i] for i in part]))
        for i in part:
            (folder / "pages" / f"{i}.html").write_bytes(html[i].data)
            (folder / "dumps" / f"{i}.txt").write_bytes(text[i].data)
    return folder


def articles(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def test_warc_and_wet_records_clean_as_the_same_pages_in_files(crawl: Path, bench: tuple[dict, dict]) -> None:
    html, _ = bench
    code, out, err = run(str(crawl / "c0.warc.gz"), str(crawl / "c0.warc.wet.gz"), "--no-site-templates")
    assert (code, err) == (Exit.OK, "")
    from_crawl = articles(out)
    assert len(from_crawl) == 2 * PAGES_PER_FILE
    code, out, _ = run(str(crawl / "pages"), str(crawl / "dumps"), "--no-site-templates")
    from_files = {Path(a["source"]).name: a for a in articles(out)}
    for article in from_crawl:
        record_id = article["source"].rpartition("#")[2]
        kind = "response" if article["kind"] == "html" else "conversion"
        page_id = next(i for i, p in html.items() if warcs.record_id(p.url, kind) == record_id)
        same = from_files[f"{page_id}.html" if kind == "response" else f"{page_id}.txt"]
        assert article["source"].startswith(str(crawl / ("c0.warc.gz#" if kind == "response" else "c0.warc.wet.gz#")))
        assert (article["title"], article["text"]) == (same["title"], same["text"])
        # The address: the one the page states (a canonical link), else the one it was fetched from.
        assert article["url"] in (same["url"], html[page_id].url)


def test_records_that_are_no_page_are_skipped_and_counted(crawl: Path) -> None:
    code, out, err = run(str(crawl / "c0.warc.gz"), "-v", "--no-site-templates")
    assert code == Exit.OK
    assert len(articles(out)) == PAGES_PER_FILE
    assert "skipped: 6 request records" in err
    assert "1 responses other than 200 OK (redirects, errors)" in err
    assert "1 responses that are not HTML (images, PDFs…)" in err
    assert "1 metadata records" in err and "1 warcinfo records" in err


def test_output_folder_gets_one_json_lines_file_per_crawl_file_and_stays_incremental(crawl: Path,
                                                                                    tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, _, err = run(str(crawl), "-o", str(out), "-q")  # the crawl files, and the same pages as files
    assert (code, err) == (Exit.OK, "")
    files = output_files(out)
    crawl_outputs = sorted(name for name in files if name.endswith(".jsonl"))
    assert crawl_outputs == [f"c{n}.warc{wet}.jsonl" for n in range(3) for wet in ("", ".wet")]
    lines = files["c1.warc.jsonl"].decode().splitlines()
    ids = [r.record_id for r in records(str(crawl / "c1.warc.gz"))]
    assert [json.loads(line)["source"].rpartition("#")[2] for line in lines] == ids  # in file order
    code, _, err = run(str(crawl), "-o", str(out), "-v")
    assert code == Exit.OK
    assert "0 cleaned, 42 unchanged" in err  # 6 crawl files, 36 page files
    assert output_files(out) == files


def test_markdown_writes_one_document_per_record_in_a_folder_per_crawl_file(crawl: Path, tmp_path: Path) -> None:
    code, _, _ = run(str(crawl / "c2.warc.wet.gz"), "-o", str(tmp_path), "-f", "markdown", "--no-site-templates")
    assert code == Exit.OK
    documents = sorted((tmp_path / "c2.warc.wet").glob("*.md"))
    assert len(documents) == PAGES_PER_FILE
    assert all(d.read_text().startswith("---\n") for d in documents)


def test_damaged_crawl_gives_its_records_up_to_the_damage_and_one_error(crawl: Path, tmp_path: Path) -> None:
    data = (crawl / "c0.warc.gz").read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[:len(data) * 2 // 3])
    code, out, err = run(str(cut), str(crawl / "c1.warc.gz"), "--no-site-templates")
    assert code == Exit.FAILED
    assert err.count("\n") == 1
    assert err.startswith(f"newsclean: error: {cut}: damaged or truncated after ")
    sources = [a["source"] for a in articles(out)]
    from_cut = [s for s in sources if s.startswith(str(cut))]
    assert 0 < len(from_cut) < PAGES_PER_FILE
    assert sum(s.startswith(str(crawl / "c1.warc.gz")) for s in sources) == PAGES_PER_FILE  # the run went on
    # With -o, the records read are written; the file is not recorded as done, so the next run retries it.
    code, _, err = run(str(cut), "-o", str(tmp_path / "out"), "--no-site-templates")
    assert code == Exit.FAILED
    assert len((tmp_path / "out" / "cut.warc.jsonl").read_text().splitlines()) == len(from_cut)


@pytest.mark.parametrize("compress", ["file", "none"])
def test_whole_file_gzip_and_plain_warc_read_the_same(crawl: Path, bench: tuple[dict, dict], tmp_path: Path,
                                                      compress: str) -> None:
    html, _ = bench
    pages = [html[i] for i in list(html)[:PAGES_PER_FILE]]
    name = "c0.warc.gz" if compress == "file" else "c0.warc"
    other = warcs.write(tmp_path / name, warcs.crawl_records(pages), compress)
    _, expected, _ = run(str(crawl / "c0.warc.gz"), "--no-site-templates")
    code, out, err = run(str(other), "--no-site-templates")
    assert (code, err) == (Exit.OK, "")
    assert [a["text"] for a in articles(out)] == [a["text"] for a in articles(expected)]
    data = other.read_bytes()
    other.write_bytes(data[:-200])
    code, out, err = run(str(other), "--no-site-templates")
    assert code == Exit.FAILED and "damaged or truncated after" in err
    assert len(articles(out)) == PAGES_PER_FILE - 1


def test_http_charset_is_a_declared_charset(tmp_path: Path) -> None:
    body = "<html><body><h1>Новости дня</h1>" + "".join(
        f"<p>Правительство объявило новые меры поддержки для {n} регионов страны в этом году.</p>"
        for n in ("трёх", "пяти", "семи", "девяти", "десяти"))
    page = warcs.Page("https://news.example/ru/1", (body + "</body></html>").encode("cp1251"),
                      "text/html; charset=windows-1251")
    path = warcs.write(tmp_path / "ru.warc.gz", warcs.crawl_records([page], extras=False))
    code, out, _ = run(str(path))
    assert code == Exit.OK
    article = json.loads(out)
    assert "Правительство объявило" in article["text"]


def test_capture_time_bounds_the_date_and_fills_it_where_the_page_states_none(tmp_path: Path) -> None:
    undated = warcs.Page("https://news.example/a", f"<html><body><h1>Budget</h1>{prose()}</body></html>".encode())
    later = warcs.Page("https://news.example/b", (
        '<html><head><meta property="article:published_time" content="2031-02-03T10:00:00Z">'
        '<link rel="canonical" href="https://news.example/budget-b"></head>'
        f"<body><h1>Budget</h1>{prose()}</body></html>").encode())
    path = warcs.write(tmp_path / "d.warc.gz", warcs.crawl_records([undated, later], extras=False))
    code, out, _ = run(str(path), "--no-site-templates")
    assert code == Exit.OK
    first, second = articles(out)
    assert first["date"] == "2024-05-01"  # the capture day (warcs.CAPTURED)
    assert first["provenance"]["date"] == "crawl-capture-date"
    assert first["url"] == "https://news.example/a" and first["provenance"]["url"] == "crawl-target-uri"
    assert second["date"] == "2024-05-01"  # 2031 is after the capture: not a publication date
    assert second["url"] == "https://news.example/budget-b"  # the stated canonical wins


TOPICS = ("harbour", "bridge", "library", "market", "tramway", "stadium")


def template_pages(host: str, count: int) -> list[warcs.Page]:
    """Pages of one site on different topics (figures count as one: the topics are words), each
    with a line the site prints in the middle of every article."""
    return [warcs.Page(f"https://{host}/{topic}", (
        f"<html><body><h1>The {topic} works</h1>{prose(f'On the {topic}: ')}"
        "<p>Weekly briefing from our newsroom desk</p>"
        f"{prose(f'More on the {topic}: ')}</body></html>").encode()) for topic in TOPICS[:count]]


def test_site_templates_over_crawls_learn_per_host_and_merge_across_files(tmp_path: Path) -> None:
    a = warcs.write(tmp_path / "a.warc.gz", warcs.crawl_records(template_pages("one.example", 2), extras=False))
    b = warcs.write(tmp_path / "b.warc.gz", warcs.crawl_records(template_pages("one.example", 4)[2:], extras=False))
    both = warcs.write(tmp_path / "both.warc", warcs.crawl_records(template_pages("one.example", 4), extras=False),
                       "none")
    merged = merge_counts(learn_file(str(a)), learn_file(str(b)))
    assert merged == learn_file(str(both))
    assert merge_counts(learn_file(str(b)), learn_file(str(a))) == merged  # in any order
    models = host_models(merged)
    assert list(models) == ["one.example"] and models["one.example"].pages == 4
    assert pickle.loads(pickle.dumps(models)) == models  # what an engine broadcasts
    # Two pages alone teach nothing; with the other file's two, the repeated line is template.
    assert "Weekly briefing" in clean_file(str(a), host_models(learn_file(str(a)))).cleaned[0].text
    cleaned = clean_file(str(a), models).cleaned
    assert all("Weekly briefing" not in (c.text or "") and "On the " in (c.text or "") for c in cleaned)
    for jobs in ("1", "2"):
        code, out, err = run(str(a), str(b), "--explain", "-j", jobs)
        assert code == Exit.OK
        assert "site-template (on 4 of 4 pages of one.example)" in err
        assert all("Weekly briefing" not in a["text"] for a in articles(out))
        assert out == run(str(a), str(b), "-j", "1", "--explain")[1]


def test_engine_functions_give_the_command_line_articles(crawl: Path) -> None:
    paths = [str(crawl / f"c{n}.warc.gz") for n in range(3)]
    _, out, _ = run(*paths)
    models = host_models(merge_counts(*(learn_file(p) for p in paths)))
    lines = [c.text for p in paths for c in clean_file(p, models).cleaned if c.text]
    assert "\n".join(lines) + "\n" == out


def test_gzip_of_a_page_inside_a_response_is_read(tmp_path: Path) -> None:
    body = gzip.compress(f"<html><body><h1>Flood</h1>{prose('As the town opened its shelters, ')}</body></html>"
                         .encode())
    raw = warcs.warc_record("response", "https://news.example/flood",
                            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
                            b"Transfer-Encoding: chunked\r\n\r\n"
                            + f"{len(body):x}\r\n".encode() + body + b"\r\n0\r\n\r\n",
                            "application/http; msgtype=response")
    path = warcs.write(tmp_path / "z.warc.gz", [raw])
    code, out, _ = run(str(path))
    assert code == Exit.OK
    assert "town opened its shelters" in json.loads(out)["text"]


def test_a_growing_folder_of_crawl_files_learns_as_one_run_over_all(tmp_path: Path) -> None:
    folder = tmp_path / "crawls"
    folder.mkdir()
    warcs.write(folder / "a.warc.gz", warcs.crawl_records(template_pages("one.example", 2), extras=False))
    code, _, _ = run(str(folder), "-o", str(tmp_path / "cron"))
    assert code == Exit.OK
    assert "Weekly briefing" in (tmp_path / "cron" / "a.warc.jsonl").read_text()  # two pages teach nothing
    warcs.write(folder / "b.warc.gz", warcs.crawl_records(template_pages("one.example", 4)[2:], extras=False))
    code, _, err = run(str(folder), "-o", str(tmp_path / "cron"), "-v")
    assert code == Exit.OK and "2 cleaned, 1 unchanged" in err  # b's two records; a, the file, unchanged
    code, _, _ = run(str(folder), "-o", str(tmp_path / "once"))
    assert (tmp_path / "cron" / "b.warc.jsonl").read_text() == (tmp_path / "once" / "b.warc.jsonl").read_text()
    assert all("Weekly briefing" not in a["text"] for a in articles((tmp_path / "once" / "b.warc.jsonl").read_text()))
