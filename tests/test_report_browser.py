"""The report as a person sees it: rendered by headless Chromium (Debian's `chromium`; .ci/run
installs it). Its script runs (the filter set from the address), no console error is logged, and
a screenshot of the seed page's report is taken (its structure checked, not its pixels).

Without a browser on the machine these tests say so in one line and do not run; CI always has one.
Regenerate the README's picture with `python -m tests.test_report_browser docs/report.png`.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

import newsclean
from newsclean.report import page_report

from .conftest import SEED

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium here: the browser tests were not run")
# As the machine's notes advise for a closed network: no background connections, a fresh profile.
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--enable-logging=stderr", "--v=0")


def chromium(profile: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([CHROMIUM or "chromium", *FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, timeout=120, check=False)


def seed_report(folder: Path) -> Path:
    path = folder / "seed.html"
    path.write_text(page_report(newsclean.clean(SEED.read_bytes(), source=f"seeds/{SEED.name}")), "utf-8")
    return path


def console_errors(stderr: bytes) -> list[str]:
    lines = stderr.decode("utf-8", "replace").splitlines()
    return [line for line in lines if "CONSOLE" in line or "Uncaught" in line]


@pytest.mark.timeout(180)
@pytest.mark.parametrize(("address", "shown"),
                         [("", None), ("#removed", "removed"), ("#rule=navigation", "navigation")])
def test_the_filter_set_from_the_address_hides_the_other_blocks(tmp_path: Path, address: str,
                                                                  shown: str | None) -> None:
    report = seed_report(tmp_path)
    proc = chromium(tmp_path / "profile", "--dump-dom", report.as_uri() + address)
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    assert not console_errors(proc.stderr)
    tree = LexborHTMLParser(proc.stdout.decode("utf-8"))
    blocks = tree.css(".block")
    visible = [b for b in blocks if "hidden" not in b.attributes]
    assert len(blocks) > 60
    if shown is None:
        assert len(visible) == len(blocks)
        # What a person sees: each removed block tagged with its rule, the legend listing those rules.
        removed = [b for b in blocks if b.attrs["data-rule"]]
        assert all(b.css_first(".tag").text() == b.attrs["data-rule"] for b in removed)
        assert {li.css_first(".tag").text() for li in tree.css(".legend li")} == {b.attrs["data-rule"] for b in removed}
    elif shown == "removed":
        assert visible and all(b.attrs["data-rule"] for b in visible)
        assert len(visible) == len([b for b in blocks if b.attrs["data-rule"]])
    else:
        assert visible and all(b.attrs["data-rule"] == shown for b in visible)


@pytest.mark.timeout(180)
def test_a_screenshot_of_the_seed_pages_report(tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    proc = chromium(tmp_path / "profile", f"--screenshot={shot}", "--window-size=1200,1600",
                    seed_report(tmp_path).as_uri())
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 20_000
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1200, 1600)


@pytest.mark.timeout(180)
def test_the_index_links_open_each_report(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "seed.txt").write_bytes(SEED.read_bytes())
    (pages / "copy.txt").write_bytes(SEED.read_bytes().replace(b"Putin", b"Putin  "))
    reports = tmp_path / "reports"
    subprocess.run([sys.executable, "-m", "newsclean", str(pages), "--report", str(reports), "-q"], check=True,
                   capture_output=True)
    index = chromium(tmp_path / "profile", "--dump-dom", (reports / "index.html").as_uri())
    assert index.returncode == 0 and not console_errors(index.stderr)
    links = [a.attrs["href"] for a in LexborHTMLParser(index.stdout.decode()).css("tbody a")]
    assert links == ["copy.html", "seed.html"]
    for link in links:
        opened = chromium(tmp_path / "profile", "--dump-dom", (reports / link).as_uri())
        assert opened.returncode == 0 and not console_errors(opened.stderr)
        assert LexborHTMLParser(opened.stdout.decode()).css(".legend li")


if __name__ == "__main__":  # the README's picture
    import tempfile

    target = Path(sys.argv[1]).resolve()
    with tempfile.TemporaryDirectory() as folder:
        result = chromium(Path(folder) / "profile", f"--screenshot={target}", "--window-size=1200,1600",
                          seed_report(Path(folder)).as_uri())
    sys.exit(result.returncode)
