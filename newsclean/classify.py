"""Context-free pass: each block's features, and one Verdict per block from the first rule in
RULES that matches.

Both depend only on a block's text and link share (and the settings), so they are memoised per
distinct block: a site's menus, share bars and footers recur on page after page. The memo is a
pure cache (the same block always gives the same answer), bounded in size.
"""

from __future__ import annotations

from typing import Final

from .model import Block, Features, Label, Verdict
from .rules import ALWAYS_TRIED, CUE_RULES, CUE_WORDS, RULES, Rule, features
from .settings import Settings

CATCH_ALL: Final = RULES[-1]

# Rule lists by bit mask: a block tries, in RULES order, the rules its words cue plus those tried on
# every block. Few distinct masks occur, so each list is built once.
_TRIED: Final[dict[int, tuple[Rule, ...]]] = {}
# Distinct blocks remembered per settings before the memo starts afresh (memory stays bounded).
MEMO_SIZE: Final = 20_000
_MEMO: Final[dict[Settings, dict[tuple[str, int], tuple[Features, Label, str]]]] = {}


def rules_for(mask: int) -> tuple[Rule, ...]:
    rules = _TRIED.get(mask)
    if rules is None:
        rules = _TRIED[mask] = tuple(rule for i, rule in enumerate(RULES) if mask >> i & 1)
    return rules


def first_rule(block: Block, feats: Features, settings: Settings) -> Rule:
    mask = ALWAYS_TRIED
    for token in CUE_WORDS.intersection(feats.tokens):
        mask |= CUE_RULES[token]
    for rule in rules_for(mask):
        # (a disabled rule lets the next one decide; the catch-all at the end cannot be disabled)
        if rule.test(block, feats, settings) and (rule.name not in settings.disabled_rules or rule is CATCH_ALL):
            return rule
    raise AssertionError("RULES must end with a catch-all rule")  # pragma: no cover


def classify_block(block: Block, feats: Features, settings: Settings) -> Verdict:
    rule = first_rule(block, feats, settings)
    return Verdict(block.index, rule.label, rule.name)


def measure(blocks: tuple[Block, ...], settings: Settings) -> tuple[tuple[Features, ...], tuple[Verdict, ...]]:
    """Features and context-free verdicts of every block."""
    memo = _MEMO.get(settings)
    if memo is None or len(memo) > MEMO_SIZE:
        memo = _MEMO[settings] = {}
    feats: list[Features] = []
    verdicts: list[Verdict] = []
    for block in blocks:
        key = (block.text, block.link_chars)
        known = memo.get(key)
        if known is None:
            feat = features(block)
            rule = first_rule(block, feat, settings)
            known = memo[key] = (feat, rule.label, rule.name)
        feats.append(known[0])
        verdicts.append(Verdict(block.index, known[1], known[2]))
    return tuple(feats), tuple(verdicts)
