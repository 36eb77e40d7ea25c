"""Golden pages (tests/golden/NAME/): a page, and the exact Markdown and metadata newsclean gives for
it, checked byte for byte by tests/test_golden.py, as Readability's test pages are.

    python -m tests.make_case PAGE NAME    # a new case from PAGE (a page you wrote or trimmed yourself)
    python -m tests.make_case --update     # write every case's expected files anew (review the diff!)

One case per fix: write the smallest page in the shape of the one that failed, make it a case, fix,
update, and read the diff of expected.md before committing it. Never a benchmark's page.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

import newsclean

GOLDEN = Path(__file__).resolve().parent / "golden"
FIELDS = ("title", "date", "authors", "site_name", "url", "original_source", "section", "language")


def source_of(case: Path) -> Path:
    return next(p for p in sorted(case.iterdir()) if p.name.startswith("source."))


def expected(case: Path) -> tuple[str, str]:
    """The Markdown and the metadata JSON newsclean gives for the case's page now."""
    source = source_of(case)
    article = newsclean.clean(source.read_bytes(), source=f"{case.name}/{source.name}")
    meta = article.metadata
    fields = {name: list(value) if isinstance(value, tuple) else value
              for name in FIELDS for value in [getattr(meta, name)]}
    return (newsclean.render(article, "markdown"),
            json.dumps(fields, ensure_ascii=False, indent=2) + "\n")


def write(case: Path) -> None:
    markdown, metadata = expected(case)
    (case / "expected.md").write_text(markdown, "utf-8")
    (case / "expected-metadata.json").write_text(metadata, "utf-8")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("page", nargs="?", type=Path)
    parser.add_argument("name", nargs="?")
    parser.add_argument("--update", action="store_true", help="write every case's expected files anew")
    args = parser.parse_args(argv)
    if args.update:
        for case in sorted(p for p in GOLDEN.iterdir() if p.is_dir()):
            write(case)
        return 0
    if args.page is None or args.name is None:
        parser.error("give a PAGE and a NAME, or --update")
    case = GOLDEN / args.name
    if case.exists():
        parser.error(f"{case} exists")
    case.mkdir(parents=True)
    shutil.copyfile(args.page, case / f"source{''.join(args.page.suffixes) or '.html'}")
    write(case)
    print(f"{case}: review expected.md and expected-metadata.json before committing them")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
