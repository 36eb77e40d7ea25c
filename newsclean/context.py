"""Context rules: named passes that relabel blocks by their neighbours on the page.

A context-free rule (rules.py) judges a block alone. A context rule reads it among the others: a
line printed twice, the short lines after a 'Related' label, a paragraph ending in '...' right after
prose. Each is a row of CONTEXT_RULES, in the order they run: its name (what --explain prints and
Settings.disabled_rules switches off), the label it gives, the stage it runs at, why, and its finder
(marks.py, keeps.py): a pure function that returns the blocks it relabels, each with a detail for
--explain. `apply` runs the rows of one stage; `relabel` is the one place a verdict is replaced.

The stages (model.Stage): AMEND corrects a context-free verdict before anything reads the page as a
whole (what revise.py calls `classified`); MARK runs before the body is chosen (revise.py), KEEP
after, with the body known (`Context.inside`).
"""

from __future__ import annotations

from typing import Final

from . import keeps, marks
from .model import Context, ContextRule, Label, Relabels, Stage, Verdict
from .templates import SITE_TEMPLATE

# Context rules decided outside this table, listed here so that every context rule has one home:
# the body's edges (revise.py), the headline (pipeline.py) and the lines of a site's template
# (templates.py, which names its own: a run with nothing new loads no rule module).
MENU_RUN: Final = "menu-run"
OUTSIDE_BODY: Final = "outside-body"
HEADLINE: Final = "headline"
DECIDED_ELSEWHERE: Final[dict[str, str]] = {
    MENU_RUN: "A run of short lines outside the article body: menus, link lists.",
    OUTSIDE_BODY: "Outside the main run of prose: header, sidebar or footer text.",
    HEADLINE: "The article's headline; it goes to the metadata.",
    SITE_TEMPLATE: "A line found on many pages of the same site (learned across the run's pages).",
}


def relabel(verdicts: tuple[Verdict, ...], found: Relabels, label: Label, rule: str) -> tuple[Verdict, ...]:
    """The verdicts with each found block given `label` by `rule`."""
    if not found:
        return verdicts
    out = list(verdicts)
    for i, detail in found.items():
        out[i] = Verdict(verdicts[i].index, label, rule, detail)
    return tuple(out)


def apply(stage: Stage, context: Context, verdicts: tuple[Verdict, ...]) -> tuple[Verdict, ...]:
    """Run the rules of `stage` in table order, each on the verdicts the one before left; a rule named
    in Settings.disabled_rules is skipped."""
    off = context.settings.disabled_rules
    for rule in CONTEXT_RULES:
        if rule.stage is stage and rule.name not in off:
            verdicts = relabel(verdicts, rule.find(context, verdicts), rule.label, rule.name)
    return verdicts


CONTEXT_RULES: Final[tuple[ContextRule, ...]] = (
    ContextRule("listed-phrase", Label.SHORT, Stage.AMEND,
                "A newsletter or legal phrase in an item of a list or table in the article container, between "
                "items no rule removes: one of the article's items (a plan's features, a checklist), kept.",
                marks.listed_phrases),
    ContextRule("inline-credit", Label.BAD, Stage.AMEND,
                "A '©' line without a year, followed by prose: a picture's credit inside the article, not the "
                "page's footer (removed, but the article goes on past it).", marks.inline_credits),
    ContextRule("inline-box", Label.BAD, Stage.AMEND,
                "A line that ends an article (newsletter box, tag list, footer links) inside the article "
                "container with paragraphs of prose after it there: a box set in the article (removed, but the "
                "article goes on past it).", marks.inline_boxes),
    ContextRule("cut-paragraph", Label.NEARGOOD, Stage.MARK,
                "A paragraph ending in '...' right after prose: the article's own text, kept.", marks.cut_paragraphs),
    ContextRule("repeated-line", Label.BAD, Stage.MARK,
                "A short line printed more than once on the page (menus, the headline as a caption).",
                marks.repeated_lines),
    ContextRule("toolbar-button", Label.BAD, Stage.MARK,
                "A 'Comments' or 'Newsletter' label among share buttons: a button, not a section.",
                marks.toolbar_buttons),
    ContextRule("copy-of-text", Label.BAD, Stage.MARK,
                "A long block made mostly of paragraphs printed elsewhere on the page: a second copy.",
                marks.copies_of_text),
    ContextRule("data-row", Label.NEARGOOD, Stage.MARK,
                "A line of a table of figures (standings, results): kept with the article around it.", marks.data_rows),
    ContextRule("related-box", Label.BAD, Stage.MARK,
                "A short line right after a 'Related' or 'More:' label: another article's headline.",
                marks.related_boxes),
    ContextRule("gallery-caption", Label.BAD, Stage.MARK,
                "A slide's caption in a slideshow printed out (counters '1 of 12', '2 of 12'...).", marks.galleries),
    ContextRule("caption-pair", Label.BAD, Stage.MARK,
                "A line printed twice in a row, the second time alike or with a credit in brackets, or twice over "
                "on one line: a caption (a text browser prints a picture's alt text, then its caption or title).",
                marks.caption_pairs),
    ContextRule("teaser-list", Label.BAD, Stage.MARK,
                "Teasers of other articles (title, summary, source) after a 'Related' label below the article.",
                marks.teaser_lists),
    ContextRule("related-items", Label.BAD, Stage.MARK,
                "List items of other articles, long or short, after a 'More in' label below the article, with "
                "the titles and sources between them, until the list ends.", marks.related_items),
    ContextRule("byline-teasers", Label.BAD, Stage.MARK,
                "Teasers of other articles between bylines every few lines ('Title', 'By X', a summary, again "
                "and again): an article has one byline.", marks.byline_teasers),
    ContextRule("own-copy", Label.NEARGOOD, Stage.KEEP,
                "A paragraph printed twice, every copy inside the body (a lead repeated as a pull quote): one "
                "copy, the longest, is kept.", keeps.one_copies),
    ContextRule("cited-address", Label.NEARGOOD, Stage.KEEP,
                "A bare address between two blocks of the body: a link the article cites, kept.",
                keeps.cited_addresses),
    ContextRule("linked-sentence", Label.NEARGOOD, Stage.KEEP,
                "A sentence inside the body whose words are partly links: a digest item, kept.",
                keeps.linked_sentences),
    ContextRule("linked-heading", Label.SHORT, Stage.KEEP,
                "A subheading of link text over the body's own text: an item's name, kept.", keeps.linked_headings),
    ContextRule("linked-item", Label.SHORT, Stage.KEEP,
                "List items of link text between two kept parts of the body in the article container: the "
                "article's own list (picks, resources, contents), kept.", keeps.linked_items),
    ContextRule("author-bio", Label.BAD, Stage.KEEP,
                "An author's box ending the body: a line with a person's name, then a paragraph about that "
                "person, named first ('Jane Doe is a writer...').", keeps.author_bios),
)
# Every context rule by name, with why it removes or keeps a block.
CONTEXT_WHY: Final[dict[str, str]] = {**{r.name: r.why for r in CONTEXT_RULES}, **DECIDED_ELSEWHERE}
