"""Every rule of every stage by name: what --explain prints beside a removal, what --disable and
Settings.disabled_rules accept. The rules live with their stage: the input limit in blocks.py, the
chrome boxes in chrome.py (applied by boxes.py), the context-free rules in rules.py, the context
rules in context.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from .blocks import OVER_LIMIT_RULE
from .chrome import CHROME_RULES
from .context import CONTEXT_WHY
from .rules import RULES

# The rule of the input stage (blocks.py): the part of a runaway page past Settings.max_blocks or
# max_tags, left unread so that time and memory stay bounded.
INPUT_RULES: Final[dict[str, str]] = {
    OVER_LIMIT_RULE: "The part of a runaway page past its first max_blocks blocks or max_tags tags, left unread "
                     "(no article has that many).",
}
# Why each rule removes or keeps a block, by name: every stage's rules, in the order they apply.
RULE_WHY: Final[dict[str, str]] = {**INPUT_RULES, **CHROME_RULES, **{rule.name: rule.why for rule in RULES},
                                   **CONTEXT_WHY}
RULE_NAMES: Final[tuple[str, ...]] = tuple(RULE_WHY)


def check_rule_names(names: Iterable[str]) -> frozenset[str]:
    """The names as a set for Settings.disabled_rules; raises ValueError on a name no rule has."""
    found = frozenset(names)
    unknown = sorted(found.difference(RULE_NAMES))
    if unknown:
        raise ValueError(f"no rule is named {', '.join(map(repr, unknown))} (the names are in catalog.RULE_NAMES)")
    return found
