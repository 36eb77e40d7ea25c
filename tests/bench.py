"""`make bench`: accuracy, speed and memory of newsclean next to its peers, on the public benchmarks.

Each (tool, dataset) runs in child processes of its own (--repeat, default 3; the tools take
turns), so its peak memory is its own; inputs are read before the clock starts, and the clock is
the process's CPU time (extraction only, one process, one core); pages/s is the median of the runs. Scores come from the
reference scorer in ../shared/bench/score.py. The run fails when newsclean falls under the F1
floors pinned in tests/bench_floor.json.

    python tests/bench.py [--shared ../shared] [--quick] [--tool NAME --data NAME]
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from html import escape
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run as a script: the tests package beside it
FLOORS = HERE / "bench_floor.json"

# dataset name -> (folder below bench/, file pattern, reader)
DATASETS = {
    "sh-text": ("scrapinghub", "text/{id}.txt", "text"),
    "sh-html": ("scrapinghub", "html/{id}.html.gz", "html"),
    "ms-text": ("multisite", "text/{id}.txt", "text"),
    "ms-html": ("multisite", "html/{id}.html.gz", "html"),
}
# Which tools run on which kind of input. Peers get text dumps as HTML, one <p> per non-empty line.
TOOLS = {
    "text": ("newsclean", "boilerpy3", "justext"),
    "html": ("newsclean", "trafilatura", "trafilatura-precision", "readability"),
}


def load_scorer(shared: Path):
    from tests.accuracy import load

    return load(shared, "score")


def read_pages(shared: Path, data: str) -> tuple[dict, dict[str, bytes]]:
    folder, pattern, _ = DATASETS[data]
    root = shared / "bench" / folder
    truth = json.loads((root / "ground-truth.json").read_text("utf-8"))
    pages = {}
    for page_id in truth:
        raw = (root / pattern.format(id=page_id)).read_bytes()
        pages[page_id] = gzip.decompress(raw) if pattern.endswith(".gz") else raw
    return truth, pages


def lines_as_html(data: bytes) -> str:
    lines = data.decode("utf-8", "replace").splitlines()
    return "<html><body>" + "".join(f"<p>{escape(line)}</p>" for line in lines if line.strip()) + "</body></html>"


def extractor(tool: str, kind: str) -> Callable[[bytes], str]:
    """A function bytes -> article text for `tool`; peers get dumps as one <p> per line."""
    if tool == "newsclean":
        import newsclean

        return lambda data: newsclean.clean(data).text
    prepare: Callable[[bytes], str] = (
        lines_as_html if kind == "text" else (lambda data: data.decode("utf-8", "replace")))
    if tool == "boilerpy3":
        from boilerpy3 import extractors

        ex = extractors.ArticleExtractor()
        return lambda data: ex.get_content(prepare(data))
    if tool == "justext":
        import justext

        stop = justext.get_stoplist("English")
        return lambda data: "\n\n".join(
            p.text for p in justext.justext(prepare(data), stop) if not p.is_boilerplate)
    if tool.startswith("trafilatura"):
        import trafilatura

        precision = tool.endswith("precision")
        return lambda data: trafilatura.extract(prepare(data), favor_precision=precision) or ""
    if tool == "readability":
        from lxml.html import fromstring
        from readability import Document

        def run(data: bytes) -> str:
            summary = Document(prepare(data)).summary(html_partial=True)
            return fromstring(summary).text_content() if summary.strip() else ""

        return run
    raise SystemExit(f"unknown tool {tool}")


def measure(shared: Path, tool: str, data: str) -> dict:
    """Run one tool over one dataset in this process; return scores, speed and peak memory."""
    truth, pages = read_pages(shared, data)
    run = extractor(tool, DATASETS[data][2])
    predictions = {}
    failures = 0
    started = time.process_time()
    for page_id, raw in pages.items():
        try:
            predictions[page_id] = run(raw)
        except Exception:  # a peer that crashes on a page gives empty output there
            predictions[page_id] = ""
            failures += 1
    seconds = time.process_time() - started
    scorer = load_scorer(shared)
    result = scorer.score(truth, predictions)
    # Non-English pages scored apart: the truth's language by stopword counts.
    from newsclean.metadata import detect_language

    other = {k: v for k, v in truth.items() if detect_language(v["articleBody"]) != "en"}
    other_result = scorer.score(other, predictions) if other else None
    return {
        "tool": tool, "data": data, "pages": len(pages), "f1": result["f1"], "precision": result["precision"],
        "recall": result["recall"], "pages_per_s": len(pages) / seconds, "failures": failures,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "other_pages": len(other), "other_f1": other_result["f1"] if other_result else None,
    }


def child(shared: Path, tool: str, data: str) -> dict | None:
    """measure() in a fresh process."""
    proc = subprocess.run([sys.executable, __file__, "--shared", str(shared), "--tool", tool, "--data", data],
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        print(f"  {tool} on {data}: not run ({last})", file=sys.stderr)
        return None
    return json.loads(proc.stdout)


def compare(shared: Path, tools: tuple[str, ...], data: str, repeat: int) -> list[dict]:
    """Each tool in `repeat` fresh processes, taking turns (a shared machine's speed drifts by a
    third over minutes: turns spread that drift over every tool alike); per tool the scores of its
    first run, its median speed and its largest peak memory."""
    runs: dict[str, list[dict]] = {tool: [] for tool in tools}
    for _ in range(repeat):
        for tool in tools:
            row = child(shared, tool, data) if tool in runs else None
            if row is None:
                runs.pop(tool, None)
                continue
            runs[tool].append(row)
    out = []
    for rows in runs.values():
        speeds = sorted(r["pages_per_s"] for r in rows)
        out.append({**rows[0], "pages_per_s": speeds[len(speeds) // 2], "peak_mb": max(r["peak_mb"] for r in rows)})
    return out


def tree_rss_mb(pid: int) -> float:
    """Memory of a process and all its descendants, from /proc (Linux): the proportional set size,
    so pages that forked workers share with their parent count once, not once per process."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/smaps_rollup").read_text()
            total += int(next(line.split()[1] for line in status.splitlines() if line.startswith("Pss:")))
            for task in Path(f"/proc/{current}/task").iterdir():
                stack += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return total / 1024


def timed_run(args: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak memory of the whole process tree (MB), exit status."""
    import os
    import threading

    # As a user's shell runs it: Python keeps the modules' bytecode (a session that sets
    # PYTHONDONTWRITEBYTECODE would measure every module compiled from source at each start).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    started = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    peak = 0.0

    def sample() -> None:
        nonlocal peak
        while proc.poll() is None:
            peak = max(peak, tree_rss_mb(proc.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    proc.wait()
    sampler.join()
    return time.perf_counter() - started, peak, proc.returncode


def scale(shared: Path, count: int) -> None:
    """The cron picture: a folder of `count` inputs (bench pages, renamed and slightly edited),
    cleaned with -j 1 and -j 2, then re-run with nothing new."""
    import shutil
    import tempfile

    root = Path(tempfile.mkdtemp(prefix="newsclean-scale-"))
    try:
        sources = []
        for data in ("sh-text", "sh-html"):
            _, pages = read_pages(shared, data)
            sources += [(pid, raw, ".txt" if data.endswith("text") else ".html") for pid, raw in pages.items()]
        pages_dir = root / "pages"
        for i in range(count):
            pid, raw, ext = sources[i % len(sources)]
            folder = pages_dir / f"{i % 100:02d}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{pid[:12]}-{i:05d}{ext}").write_bytes(raw.replace(b"the ", b"the  ", 1 + i % 3))
        exe = str(Path(sys.executable).with_name("newsclean"))
        rows = []
        for jobs in (1, 2):
            out = root / f"out-j{jobs}"
            seconds, peak, status = timed_run([exe, str(pages_dir), "-o", str(out), "-j", str(jobs), "-q"])
            rows.append((f"-j {jobs}", seconds, count / seconds, peak, status))
        seconds, peak, status = timed_run([exe, str(pages_dir), "-o", str(root / "out-j2"), "-q"])
        rows.append(("re-run, nothing new", seconds, count / seconds, peak, status))
        print(f"\nscale: {count} inputs")
        print(f"{'run':22} {'seconds':>8} {'pages/s':>8} {'peak MB':>8} {'exit':>5}   (peak: PSS of the process tree)")
        for name, sec, rate, mb, st in rows:
            print(f"{name:22} {sec:8.2f} {rate:8.0f} {mb:8.0f} {st:5d}")
        print(f"-j 2 speed-up over -j 1: {rows[0][1] / rows[1][1]:.2f}x")
    finally:
        shutil.rmtree(root, ignore_errors=True)


EXTRACT_LOOP = """
import sys
from pathlib import Path
import trafilatura
for path in sorted(Path(sys.argv[1]).rglob("*.html")):
    trafilatura.extract(path.read_bytes())
"""


def whole_command(shared: Path, copies: int = 3) -> None:
    """What users run, not the extraction loop (issue 14): `newsclean DIR -o OUT` on a folder of the
    scrapinghub pages (`copies` times each, as .html files) next to trafilatura's own command on the
    same folder and a plain trafilatura.extract() loop; the tools take turns in one run. Then the
    re-run with nothing new, and start-up."""
    import os
    import shutil
    import statistics
    import tempfile

    root = Path(tempfile.mkdtemp(prefix="newsclean-command-"))
    try:
        _, pages = read_pages(shared, "sh-html")
        folder = root / "pages"
        folder.mkdir()
        for copy in range(copies):
            for pid, raw in pages.items():
                (folder / f"{pid}-{copy}.html").write_bytes(raw.replace(b"<title>", b"<title> " * copy, 1))
        count = len(pages) * copies
        bin_dir = Path(sys.executable).parent
        exe, traf = str(bin_dir / "newsclean"), str(bin_dir / "trafilatura")
        jobs = str(len(os.sched_getaffinity(0)))
        runs = [
            ("trafilatura extract() loop", [sys.executable, "-c", EXTRACT_LOOP, str(folder)]),
            ("newsclean -o, -j 1", [exe, str(folder), "-o", str(root / "nc1"), "-j", "1", "-q"]),
            ("newsclean -o, -j 1, no templates", [exe, str(folder), "-o", str(root / "nc0"), "-j", "1",
                                                  "--no-site-templates", "-q"]),
            (f"newsclean -o (default -j {jobs})", [exe, str(folder), "-o", str(root / "ncj"), "-q"]),
            ("newsclean re-run, nothing new", [exe, str(folder), "-o", str(root / "ncj"), "-q"]),
            ("trafilatura CLI", [traf, "--input-dir", str(folder), "--output-dir", str(root / "tr1")]),
            (f"trafilatura CLI --parallel {jobs}", [traf, "--input-dir", str(folder), "--output-dir",
                                                    str(root / "trj"), "--parallel", jobs]),
        ]
        print(f"\nwhole command on {count} pages (scrapinghub html x{copies}), wall time, one run each:")
        print(f"{'run':36} {'seconds':>8} {'pages/s':>8} {'peak MB':>8} {'vs loop':>8}")
        loop = None
        for name, args in runs:
            seconds, peak, status = timed_run(args)
            loop = loop or seconds
            note = "" if status == 0 else f"   (exit {status})"
            print(f"{name:36} {seconds:8.2f} {count / seconds:8.0f} {peak:8.0f} {loop / seconds:7.1f}x{note}")
        page = str(next(iter(sorted(folder.iterdir()))))
        for name, args in (("newsclean --version", [exe, "--version"]), ("newsclean one-page.html", [exe, page])):
            times = [timed_run(args)[0] for _ in range(5)]
            print(f"start-up: {name:28} {statistics.median(times):.3f} s (median of 5)")
    finally:
        shutil.rmtree(root, ignore_errors=True)


META_SETS = (("traf", "trafilatura-eval", "truth.json"), ("wcxb", "wcxb-dev", "ground-truth.json"))
META_FIELDS = ("title_f1", "title_exact", "date", "authors_f1")


def metadata_peers(shared: Path) -> None:
    """Title, date and authors of newsclean and of trafilatura (extract_metadata, which dates with
    htmldate) on the pages of trafilatura-eval and wcxb-dev, scored by score_meta.py in this run;
    the seconds each took over all the pages (one process, read before the clock starts)."""
    from trafilatura import extract_metadata

    import newsclean
    from tests.accuracy import load

    scorer = load(shared, "score_meta")

    def ours(data: bytes) -> dict:
        try:
            meta = newsclean.clean(data).metadata
        except newsclean.InputError:
            return {}
        return {"title": meta.title, "date": meta.date, "authors": list(meta.authors)}

    def theirs(data: bytes) -> dict:
        doc = extract_metadata(data)
        return {"title": doc.title, "date": doc.date, "author": doc.author} if doc is not None else {}

    print()
    print(f"{'metadata on unseen sets (score_meta.py)':43}" + " ".join(f"{f:>11}" for f in META_FIELDS)
          + f" {'seconds':>8}")
    for name, folder, truth_file in META_SETS:
        root = shared / "bench" / folder
        truth = json.loads((root / truth_file).read_text("utf-8"))
        pages = {page_id: gzip.decompress((root / "html" / f"{page_id}.html.gz").read_bytes()) for page_id in truth}
        for tool, run in (("newsclean", ours), ("trafilatura", theirs)):
            start = time.process_time()
            preds = {page_id: run(data) for page_id, data in pages.items()}
            seconds = time.process_time() - start
            summary = scorer.score(truth, preds)["summary"]
            print(f"{name:5} {tool:12} {'':24}" + " ".join(
                f"{summary[f][0]:11.3f}" if summary[f][0] is not None else f"{'-':>11}" for f in META_FIELDS)
                + f" {seconds:8.1f}")


def template_ceiling(scorer, truth: dict, pages: Path, without: dict[str, str]) -> dict:
    """What a perfect template remover could add to the page rules: the output without templates,
    less every line found in the dumps of two or more pages of its site (as the truth names the
    sites), unless the page's truth has that line. An oracle: it reads the truth, to show how much
    is there to gain, not a result."""
    import re

    word = re.compile(r"\w+")

    def key(line: str) -> str:
        return " ".join(re.sub(r"\d", "0", line.lower()).split())

    seen: dict[str, dict[str, int]] = {}
    for page_id, item in truth.items():
        counts = seen.setdefault(item["site"], {})
        for line in {key(x) for x in (pages / f"{page_id}.txt").read_text("utf-8", "replace").splitlines()}:
            counts[line] = counts.get(line, 0) + 1
    oracle = {}
    for page_id, text in without.items():
        counts, body = seen[truth[page_id]["site"]], " ".join(word.findall(truth[page_id]["articleBody"]))
        oracle[page_id] = "\n".join(
            line for line in text.split("\n")
            if counts.get(key(line), 0) < 2 or " ".join(word.findall(line)) in body)
    return scorer.score(truth, oracle)


def site_templates(shared: Path) -> None:
    """Issue 6's picture: the multi-site set as one flat folder, cleaned in one run with and without
    site templates, then fed in 10 successive runs (10 % each, in name order) into one folder."""
    import shutil
    import tempfile

    scorer = load_scorer(shared)
    root = Path(tempfile.mkdtemp(prefix="newsclean-sites-"))
    exe = str(Path(sys.executable).with_name("newsclean"))
    try:
        for kind, folder, ext in (("text", "text", ".txt"), ("html", "html", ".html.gz")):
            truth, _ = read_pages(shared, f"ms-{kind}")
            pages = root / kind
            pages.mkdir()
            for page_id in truth:
                shutil.copy(shared / "bench" / "multisite" / folder / f"{page_id}{ext}", pages / f"{page_id}{ext}")

            def texts(out: Path) -> dict[str, str]:
                return {p.stem: json.loads(p.read_text())["text"] for p in out.glob("*.json")}

            def score(out: Path, truth: dict = truth) -> dict:
                predictions = texts(out)
                result = scorer.score(truth, predictions)
                result["sites"] = {site: scorer.score({k: v for k, v in truth.items() if v["site"] == site},
                                                      predictions)
                                   for site in sorted({v["site"] for v in truth.values()})}
                return result

            rows = []
            for label, extra in (("templates", []), ("no templates", ["--no-site-templates"])):
                out = root / f"{kind}-{label.replace(' ', '-')}"
                subprocess.run([exe, str(pages), "-o", str(out), "-q", *extra], check=False)
                rows.append((label, score(out)))
            if kind == "text":
                out = root / "text-cron"
                names = sorted(p.name for p in pages.iterdir())
                feed = root / "feed"
                feed.mkdir()
                for step in range(10):
                    for name in names[step * len(names) // 10:(step + 1) * len(names) // 10]:
                        shutil.copy(pages / name, feed / name)
                    subprocess.run([exe, str(feed), "-o", str(out), "-q"], check=False)
                rows.append(("10 runs of 10 %", score(out)))
                ceiling = template_ceiling(scorer, truth, pages, texts(root / "text-no-templates"))
                state_mb = (out / ".newsclean" / "state.sqlite").stat().st_size / 1e6
            for label, result in rows:
                print(f"ms-{kind:5} {label:16} F1 {result['f1']:.3f}  precision {result['precision']:.3f}  "
                      f"recall {result['recall']:.3f}")
            with_sites, without_sites = rows[0][1]["sites"], rows[1][1]["sites"]
            print(f"  per site ({kind}): F1 / precision / recall with templates, F1 without")
            for site, result in with_sites.items():
                other = without_sites[site]["f1"]
                mark = "  (lower with templates)" if result["f1"] < other else ""
                print(f"  {site:12} {result['f1']:.4f} / {result['precision']:.3f} / {result['recall']:.3f}"
                      f"   {other:.4f}{mark}")
            if kind == "text":
                print(f"state after {len(truth)} pages: {state_mb:.1f} MB")
                print(f"ceiling: a perfect template remover on the page rules (an oracle that reads the truth) "
                      f"F1 {ceiling['f1']:.3f}  precision {ceiling['precision']:.3f}  recall {ceiling['recall']:.3f}"
                      f"  (+{ceiling['f1'] - rows[1][1]['f1']:.3f} over no templates)")
    finally:
        shutil.rmtree(root, ignore_errors=True)


def hostile_scaling() -> None:
    """Time and peak memory of clean() on hostile shapes of 100 KB, 1 MB and 10 MB (issue 18): linear
    cost shows as 10x per row, a super-linear step as more."""
    from tests.test_hostile import SHAPES, run_shape

    sizes = (100_000, 1_000_000, 10_000_000)
    print("\nhostile pages, clean() in a process of its own: seconds / peak MB at " +
          ", ".join(f"{size // 1000:,} KB" for size in sizes))
    for name in sorted(SHAPES):
        cells = []
        for size in sizes:
            result = run_shape(SHAPES[name], size)
            cells.append(f"{result['seconds']:6.2f} s {result['megabytes']:5.0f} MB")
        print(f"  {name:24} " + "   ".join(cells) + f"   ({result['outcome']})")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    parser.add_argument("--tool")
    parser.add_argument("--data", choices=sorted(DATASETS))
    parser.add_argument("--datasets", default="sh-text,sh-html,ms-text,ms-html", help="comma-separated dataset names")
    parser.add_argument("--no-peers", action="store_true", help="newsclean only")
    parser.add_argument("--repeat", type=int, default=3, help="processes per tool and dataset (median speed)")
    parser.add_argument("--scale", type=int, default=10000, help="inputs in the scale run (0: skip it)")
    parser.add_argument("--no-sites", dest="sites", action="store_false", help="skip the site-template runs")
    parser.add_argument("--no-hostile", dest="hostile", action="store_false", help="skip the hostile-page scaling")
    parser.add_argument("--no-crawl", dest="crawl", action="store_false",
                        help="skip the crawl runs (WARC/WET input, FastWARC against warcio, Spark and Dask)")
    parser.add_argument("--no-command", dest="command", action="store_false",
                        help="skip the whole-command run beside trafilatura's command")
    args = parser.parse_args(argv)
    if args.tool:
        print(json.dumps(measure(args.shared, args.tool, args.data)))
        return 0
    floors = json.loads(FLOORS.read_text()) if FLOORS.exists() else {}
    print("accuracy on every development set (tests/accuracy.py; change against tests/accuracy_baseline.json):",
          flush=True)
    # In a process of its own: the children below would inherit its peak memory (Linux keeps
    # ru_maxrss across fork and exec).
    subprocess.run([sys.executable, "-m", "tests.accuracy", "--shared", str(args.shared)], cwd=HERE.parent, check=False)
    print()
    rows = []
    for data in args.datasets.split(","):
        tools = ("newsclean",) if args.no_peers else TOOLS[DATASETS[data][2]]
        rows += compare(args.shared, tools, data, args.repeat)
    print(f"{'data':8} {'tool':22} {'F1':>6} {'prec':>6} {'recall':>6} {'pages/s':>8} {'peak MB':>8}"
          f" {'non-en F1':>10}")
    for r in rows:
        other = f"{r['other_f1']:.3f} ({r['other_pages']})" if r["other_f1"] is not None else "-"
        print(f"{r['data']:8} {r['tool']:22} {r['f1']:6.3f} {r['precision']:6.3f} {r['recall']:6.3f} "
              f"{r['pages_per_s']:8.0f} {r['peak_mb']:8.0f} {other:>10}")
    from tests.metadata_eval import evaluate

    accuracy, _ = evaluate(args.shared)
    print("\nmetadata accuracy on 45 hand-checked pages: "
          + ", ".join(f"{field} {value:.2f}" for field, value in accuracy.items()))
    if not args.no_peers:
        metadata_peers(args.shared)
    if args.sites:
        print("\nsite templates on the multi-site set (one flat folder):")
        site_templates(args.shared)
    if args.command and not args.no_peers:
        whole_command(args.shared)
    if args.crawl:
        from tests.bench_crawl import crawl_bench

        crawl_bench(args.shared)
    if args.scale:
        scale(args.shared, args.scale)
    if args.hostile:
        hostile_scaling()
    failed = [f"{r['data']}: F1 {r['f1']:.3f} < floor {floors[r['data']]}" for r in rows
              if r["tool"] == "newsclean" and r["f1"] < floors.get(r["data"], 0)]
    for line in failed:
        print(f"REGRESSION {line}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
