"""Context-free pass: one Verdict per block, from the first rule in RULES that matches."""

from __future__ import annotations

from .model import Block, Features, Verdict
from .rules import RULES
from .settings import Settings


def classify_block(block: Block, feats: Features, settings: Settings) -> Verdict:
    for rule in RULES:
        if rule.test(block, feats, settings):
            return Verdict(block.index, rule.label, rule.name)
    raise AssertionError("RULES must end with a catch-all rule")  # pragma: no cover


def classify(blocks: tuple[Block, ...], feats: tuple[Features, ...], settings: Settings,
             ) -> tuple[Verdict, ...]:
    return tuple(classify_block(b, f, settings) for b, f in zip(blocks, feats, strict=True))
