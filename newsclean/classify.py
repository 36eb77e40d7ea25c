"""Context-free pass: one Verdict per block, from the first rule in RULES that matches."""

from __future__ import annotations

from .model import Block, Features, Verdict
from .rules import ALWAYS_TRIED, CUE_RULES, RULES
from .settings import Settings


def classify_block(block: Block, feats: Features, settings: Settings) -> Verdict:
    # Only the rules this block's words cue, plus those tried on every block, in RULES order.
    tried = ALWAYS_TRIED
    for token in feats.tokens:
        tried |= CUE_RULES.get(token, 0)
    while tried:
        lowest = tried & -tried
        rule = RULES[lowest.bit_length() - 1]
        if rule.test(block, feats, settings):
            return Verdict(block.index, rule.label, rule.name)
        tried ^= lowest
    raise AssertionError("RULES must end with a catch-all rule")  # pragma: no cover


def classify(blocks: tuple[Block, ...], feats: tuple[Features, ...], settings: Settings,
             ) -> tuple[Verdict, ...]:
    return tuple(classify_block(b, f, settings) for b, f in zip(blocks, feats, strict=True))
