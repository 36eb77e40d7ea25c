"""What a run decides before it cleans anything (plan.py), without a subprocess: which inputs are
unchanged, which are gone, and which outputs --prune may delete."""

from __future__ import annotations

from pathlib import Path

from newsclean.plan import gone_inputs, is_unchanged, prunable
from newsclean.state import Record, Stamp

STAMP = Stamp(120, 1_700_000_000_000_000_000)


def record(output: str | None = "a.json", stamp: Stamp = STAMP, config: str = "v1") -> Record:
    return Record(stamp, config, output, "written" if output else "no-article")


def test_an_input_is_unchanged_only_with_its_stamp_config_and_output(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("{}")
    assert is_unchanged(record(), STAMP, "v1", tmp_path)
    assert is_unchanged(record(None), STAMP, "v1", tmp_path)  # no article then: none now either
    assert not is_unchanged(None, STAMP, "v1", tmp_path)  # never cleaned
    assert not is_unchanged(record(), Stamp(121, STAMP.mtime_ns), "v1", tmp_path)  # the file changed
    assert not is_unchanged(record(), None, "v1", tmp_path)  # it cannot be read now
    assert not is_unchanged(record(), STAMP, "v2", tmp_path)  # another version or other options
    assert not is_unchanged(record("b.json"), STAMP, "v1", tmp_path)  # its output was deleted


def test_gone_inputs_are_those_not_given_and_no_longer_there() -> None:
    records = {k: (k, record(f"{k[1:]}.json")) for k in ("/a", "/b", "/c")}
    assert gone_inputs(records, {"/a"}, lambda key: key == "/b") == ["/c"]


def test_prune_spares_an_output_another_input_took_over_and_one_outside(tmp_path: Path) -> None:
    root = tmp_path / "out"
    root.mkdir()
    (root / "a.json").write_text("{}")
    (tmp_path / "outside.json").write_text("{}")
    assert prunable("/a", record("a.json"), {"a.json": "/a"}, root) == root / "a.json"
    assert prunable("/a", record("a.json"), {"a.json": "/other"}, root) is None  # another input's now
    assert prunable("/a", record(None), {}, root) is None  # no article: no file
    assert prunable("/a", record("gone.json"), {"gone.json": "/a"}, root) is None  # already deleted
    (root / "link.json").symlink_to(tmp_path / "outside.json")
    assert prunable("/a", record("link.json"), {"link.json": "/a"}, root) is None  # leads outside
