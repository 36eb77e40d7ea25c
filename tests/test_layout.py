"""The package's shape: no import circle between its modules, at module level or inside functions
(a lazy import that closes a circle still ties two modules into one)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "newsclean"


def imports(path: Path, modules: set[str]) -> set[str]:
    """The package's modules that `path` imports, anywhere in it but under `if TYPE_CHECKING:`."""
    found: set[str] = set()

    def visit(nodes: list[ast.stmt]) -> None:
        for node in nodes:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                visit(node.orelse)
                continue
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                names = [node.module] if node.module else [alias.name for alias in node.names]
                found.update(name.split(".")[0] for name in names if name.split(".")[0] in modules)
            for field in ("body", "orelse", "finalbody", "handlers"):
                inner = getattr(node, field, None)
                if isinstance(inner, list):
                    visit(inner)

    visit(ast.parse(path.read_text("utf-8")).body)
    return found


def circles() -> list[list[str]]:
    modules = {p.stem for p in PACKAGE.glob("*.py")}
    graph = {p.stem: imports(p, modules) for p in PACKAGE.glob("*.py")}
    found: list[list[str]] = []

    def walk(module: str, path: list[str]) -> None:
        for target in sorted(graph.get(module, ())):
            if target == path[0]:
                found.append(path)
            elif target not in path and target > path[0]:  # each circle once, from its smallest module
                walk(target, [*path, target])

    for module in sorted(graph):
        walk(module, [module])
    return found


def test_no_import_circle() -> None:
    assert circles() == []


# The modules of a command-line run: what files it reads and writes, its workers, its console.
RUN_MODULES = frozenset({"cli", "console", "inputs", "output", "state", "runner", "plan", "batch", "crawl_batch",
                         "entry"})


def cleaning_imports() -> dict[str, set[str]]:
    """What the cleaning stages (pipeline.clean and all it reaches) import of the run's modules."""
    modules = {p.stem for p in PACKAGE.glob("*.py")}
    graph = {p.stem: imports(p, modules) for p in PACKAGE.glob("*.py")}
    reached, todo = set(), ["pipeline", "formats"]
    while todo:
        module = todo.pop()
        if module not in reached:
            reached.add(module)
            todo.extend(graph[module])
    return {m: graph[m] & RUN_MODULES for m in sorted(reached) if graph[m] & RUN_MODULES}


def test_the_cleaning_stages_import_nothing_of_a_command_line_run() -> None:
    # clean() and render() are a library (the engines, the API): the CLI's files, state and workers
    # are not theirs to load.
    assert cleaning_imports() == {}


if __name__ == "__main__":
    for circle in circles():
        print(" -> ".join([*circle, circle[0]]))
    sys.exit(1 if circles() else 0)
