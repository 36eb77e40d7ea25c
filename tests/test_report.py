"""--report: the HTML report of what was kept and removed (issue 17), read back as a browser would
parse it (selectolax), on the seed page, a hostile page and a run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

import newsclean
from newsclean.report import RULE_WHY, page_report, rule_colour

from .conftest import SEED

CMD = [sys.executable, "-m", "newsclean"]


def test_the_seed_pages_report_keeps_the_article_and_strikes_each_line_with_its_rule() -> None:
    article = newsclean.clean(SEED.read_bytes(), source=str(SEED))
    tree = LexborHTMLParser(page_report(article))
    kept = tree.css('.block[data-rule=""] .text')
    removed = tree.css(".block.removed")
    assert [node.text() for node in kept] == [block.text for block in article.blocks]
    assert len(kept) == 29 and len(removed) == len(article.removed)
    # Every removed line carries its rule's tag; menus, teasers and the footer among them.
    rules = [node.attrs["data-rule"] for node in removed]
    assert rules == [node.css_first(".tag").text() for node in removed]
    assert {"navigation", "read-more-teaser", "copyright-footer", "repeated-line"} <= set(rules)
    # The body's edges, the legend (each rule once, with its why), the metadata with its source.
    edges = [node.text() for node in tree.css(".edge")]
    assert edges == ["▼ the article starts here", "▲ the article ends here"]
    legend = {node.css_first(".tag").text(): node.text() for node in tree.css(".legend li")}
    assert set(legend) == set(rules)
    assert all(RULE_WHY[rule] in text for rule, text in legend.items())
    row = next(r for r in tree.css("tbody tr") if r.css_first("td").text() == "date")
    assert [td.text() for td in row.css("td")][1:3] == ["2025-12-02", "dateline"]


def test_rules_keep_their_colour_from_report_to_report() -> None:
    assert rule_colour("navigation") == rule_colour("navigation") != rule_colour("menu-run")


def test_a_hostile_page_cannot_put_markup_or_script_into_its_report() -> None:
    attack = '<img src=x onerror="alert(1)"></div><script>alert(2)</script>'
    prose = "The council voted on Tuesday to extend the tram line to the airport by 2027, officials said. " * 3
    page = (f"<html><head><title>{attack}</title><meta name=author content='{attack}'></head><body>"
            f"<nav><a href='/'>&lt;script&gt;alert(3)&lt;/script&gt;</a></nav><h1>Tram &lt;b&gt;line</h1>"
            f"<p>{prose}</p><p>&lt;/div&gt;&lt;script&gt;alert(4)&lt;/script&gt; {prose}</p>"
            f"<footer>&lt;iframe src=x&gt; © 2025</footer></body></html>")
    article = newsclean.clean(page.encode(), source=f"{attack}.html")
    tree = LexborHTMLParser(page_report(article))
    assert len(tree.css("script")) == 1 and "alert" not in tree.css_first("script").text()
    assert not tree.css("img, iframe, b")
    assert "<script>alert(4)</script>" in tree.body.text()  # shown as text, as the page printed it


def test_a_run_writes_a_report_per_input_and_an_index_linking_them(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    (pages / "a").mkdir(parents=True)
    (pages / "a" / "seed.txt").write_bytes(SEED.read_bytes())
    (pages / "menu.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (pages / "empty.txt").write_text("")
    reports = tmp_path / "reports"
    proc = subprocess.run([*CMD, str(pages), "-o", str(tmp_path / "out"), "--report", str(reports)],
                          capture_output=True, check=False)
    assert proc.returncode == 1, proc.stderr  # the empty input is an error; the others are reported
    index = LexborHTMLParser((reports / "index.html").read_text("utf-8"))
    rows = [[td.text() for td in row.css("td")] for row in index.css("tbody tr")]
    assert [row[:2] for row in rows] == [[str(pages / "a" / "seed.txt"), "article"],
                                         [str(pages / "empty.txt"), "empty input"],
                                         [str(pages / "menu.html"), "no article"]]
    links = [a.attrs["href"] for a in index.css("tbody a")]
    assert links == ["a/seed.html", "menu.html"]
    assert all((reports / link).is_file() for link in links)
    assert int(rows[0][2]) > 500 and rows[0][4].startswith("Putin to meet")


def test_one_report_file_goes_with_one_input(tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_bytes(SEED.read_bytes())
    proc = subprocess.run([*CMD, str(SEED), str(other), "--report", str(tmp_path / "r.html")],
                          capture_output=True, check=False)
    assert proc.returncode == 2 and b"--report FILE.html goes with one input" in proc.stderr
    proc = subprocess.run([*CMD, str(SEED), "--report", str(tmp_path / "r.html")], capture_output=True, check=False)
    assert proc.returncode == 0 and (tmp_path / "r.html").read_text("utf-8").startswith("<!doctype html>")


def test_with_a_truth_each_page_is_scored_and_its_misses_marked(tmp_path: Path) -> None:
    import json

    article = newsclean.clean(SEED.read_bytes())
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "seed.txt").write_bytes(SEED.read_bytes())
    (pages / "other.txt").write_bytes(SEED.read_bytes())
    # 'seed': the article as cleaned, and a footer line it removed; 'other': the first paragraph only.
    footer = next(r.text for r in article.removed if r.rule == "copyright-footer")
    truth = {"seed": {"articleBody": article.text + "\n\n" + footer},
             "other": {"articleBody": article.blocks[0].text}}
    (tmp_path / "truth.json").write_text(json.dumps(truth))
    reports = tmp_path / "reports"
    proc = subprocess.run([*CMD, str(pages), "--report", str(reports), "--truth", str(tmp_path / "truth.json")],
                          capture_output=True, check=False)
    assert proc.returncode == 0, proc.stderr
    index = LexborHTMLParser((reports / "index.html").read_text("utf-8"))
    assert [th.text() for th in index.css("th")][2:5] == ["precision", "recall", "F1"]
    rows = {row.css_first("a").text(): [td.text() for td in row.css("td")] for row in index.css("tbody tr")}
    assert list(rows) == [str(pages / "other.txt"), str(pages / "seed.txt")]  # the lowest F1 first
    seed, other = rows[str(pages / "seed.txt")], rows[str(pages / "other.txt")]
    assert seed[2] == "1.000" and float(seed[3]) < 1.0  # all it kept is the truth's; the footer it missed
    assert other[3] == "1.000" and float(other[2]) < 0.1  # it has the paragraph, and much more
    page = LexborHTMLParser((reports / "seed.html").read_text("utf-8"))
    missed = [n.css_first(".text").text() for n in page.css(".block.missed")]
    assert footer in missed and all(text in footer for text in missed)  # the footer, and the lines it repeats
    assert not page.css(".block.extra")
    assert len(LexborHTMLParser((reports / "other.html").read_text("utf-8")).css(".block.extra")) == 28
