"""Every context rule (context.py) at work on a small page, and left alone where it must not act."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import newsclean
from newsclean.blocks import text_blocks
from newsclean.classify import measure
from newsclean.context import CONTEXT_WHY
from newsclean.pipeline import prepare
from newsclean.revise import revise
from newsclean.settings import DEFAULTS, Settings, with_overrides
from newsclean.threads import thread_heads
from newsclean.titles import headline_indices

PARAGRAPHS = [
    "The city council voted on Tuesday to extend the tram line to the airport by the end of 2027.",
    "Supporters said the extension would cut travel times in half for thousands of daily commuters.",
    "Opponents warned that the budget had already grown twice since the plan was first presented.",
    "The mayor said construction would begin in the spring, once the last permits had been granted.",
    "Residents near the planned depot asked for a noise barrier, which the council agreed to study.",
    "The regional government has promised to cover a third of the cost, the rest coming from bonds.",
    "A public hearing on the final route is planned for next month at the central library hall.",
    "Trams would run every eight minutes at peak hours and every quarter hour late in the evening.",
]
MORE_PARAGRAPHS = [
    "Engineers expect the tunnel under the ring road to be the most difficult part of the whole project.",
    "Fares will stay the same as on the rest of the network, the transport authority confirmed on Monday.",
    "Two older lines will be closed for a month next summer while the new junction is being built.",
    "The airport operator welcomed the decision and said it would pay for a covered stop at the terminal.",
]
MENU = ["Home", "News", "Sport", "Weather", "Culture"]


def page(*lines: str) -> newsclean.Article:
    return newsclean.clean("\n".join(lines).encode())


def final_rules(data: str, text: str) -> list[str]:
    """The rule of the final verdict of each block whose text is `text`, kept blocks too: a context rule that
    keeps a block shows here, not in Article.removed."""
    blocks = prepare(data.encode(), None).blocks
    feats, classified = measure(blocks, DEFAULTS)
    verdicts = revise(blocks, feats, classified, headline_indices(blocks, feats, classified), DEFAULTS)
    return [v.rule for b, v in zip(blocks, verdicts, strict=True) if b.text == text]


def rule_of(article: newsclean.Article, text: str) -> str | None:
    """The rule that removed `text`, or None when it was kept."""
    return next((r.rule for r in article.removed if r.text == text), None)


def test_repeated_line() -> None:
    article = page("Tram line to reach the airport - City News", *MENU, "Tram line to reach the airport",
                   *PARAGRAPHS, "Share this story", *MENU)
    assert rule_of(article, "Sport") == "repeated-line"


def test_menu_run_and_outside_body() -> None:
    comment = "I have waited twenty years for this tram and I will believe it when I ride it myself, honestly."
    article = page("Tram line to reach the airport - City News", *MENU, "Tram line to reach the airport",
                   *PARAGRAPHS, "Comments", comment, "Same here, the buses in our part of town are always late.")
    assert rule_of(article, "Weather") == "menu-run"
    assert rule_of(article, comment) == "outside-body"


def test_a_pictures_place_and_an_ad_label_do_not_split_the_article() -> None:
    # A text browser prints an image as its name in brackets, and the ad slot keeps its label:
    # neither ends the article, though both are removed.
    article = page("*", *MENU, *PARAGRAPHS[:2], "Advertisement", "[ad_slot_300x250]", PARAGRAPHS[2],
                   "[photo-1.jpg][photo-1.jpg]", PARAGRAPHS[3], "Advertisement", "Most read", *MENU)
    assert [b.text for b in article.blocks] == PARAGRAPHS[:4]
    assert rule_of(article, "[photo-1.jpg][photo-1.jpg]") == "dump-artefact"
    assert rule_of(article, "Advertisement") == "advertisement"


def test_headline() -> None:
    article = page("Tram line to reach the airport | City News", *MENU, "Tram line to reach the airport",
                   *PARAGRAPHS)
    assert article.metadata.title == "Tram line to reach the airport"
    assert rule_of(article, "Tram line to reach the airport") == "headline"
    assert article.text.startswith(PARAGRAPHS[0])


THREAD = ["Ventura Capitalist", "2 days ago at 07:52 am",
          "I have waited twenty years for this tram and I will believe it when I ride it myself, honestly.",
          "Rating: 36 Votes", "Jane Roe", "2 days ago at 08:10 am",
          "Same here, the buses in our part of town are always late and the trams will be no different at all.",
          "Rating: 12 Votes"]


def test_a_comment_thread_is_not_joined_to_the_article_however_long() -> None:
    article = page("Tram line to reach the airport - City News", *MENU, "Tram line to reach the airport",
                   *PARAGRAPHS[:3], "[ 2 comments ]", *THREAD * 6)
    assert PARAGRAPHS[2] in article.text
    assert THREAD[2] not in article.text


def test_only_a_comments_label_with_comment_headers_after_it_opens_a_thread() -> None:
    lines = ["Add a comment", "2", *PARAGRAPHS, "Comments", *THREAD]
    blocks = text_blocks("\n".join(lines))[0]
    feats, verdicts = measure(blocks, DEFAULTS)
    assert thread_heads(blocks, feats, verdicts, DEFAULTS) == {len(PARAGRAPHS) + 2}


def test_the_opening_under_the_headline_joins_the_body_across_a_box_of_links() -> None:
    box = ["More from the City", "Council approves new budget for the next two years",
           "Bridge repairs to close the river road for a month", "School meals to be free from September",
           "Library opens a new wing for children", "Harbour festival returns after a break",
           "Police open a new station in the old market", "Park runs to start every Saturday",
           "Museum extends its opening hours", "New cycle lanes planned for the east side",
           "Market square to be closed to cars", "Zoo welcomes two rare red pandas"]
    article = page("Tram line to reach the airport - City News", *MENU, "Tram line to reach the airport",
                   *PARAGRAPHS[:4], *box, *PARAGRAPHS[4:], *MORE_PARAGRAPHS)
    assert article.text.startswith(PARAGRAPHS[0])
    assert box[1] not in article.text


def test_toolbar_button() -> None:
    article = page("Tram line to reach the airport - City News", *MENU, "Tram line to reach the airport",
                   *PARAGRAPHS[:4], "Facebook", "Comments", "Email", *PARAGRAPHS[4:])
    assert rule_of(article, "Comments") == "toolbar-button"
    assert PARAGRAPHS[-1] in article.text  # a button does not end the article


def test_copy_of_text() -> None:
    copy = " ".join(PARAGRAPHS)
    article = page("Tram line to reach the airport - City News", "Tram line to reach the airport",
                   *PARAGRAPHS, copy)
    assert rule_of(article, copy) == "copy-of-text"


def test_data_rows_are_kept_menus_are_not() -> None:
    rows = [f"{i} Team {name} {30 - i} {10 + i}" for i, name in enumerate("ABCDEF", 1)]
    article = page("Standings after the last round - Sports", *MENU, "Standings after the last round",
                   "The league table after the final round of the season looks like this, with points.", *rows,
                   "The top two teams qualify directly for next season's continental competition.")
    for row in rows:
        assert row in article.text
    assert final_rules("\n".join(["Standings", *MENU, "Standings", PARAGRAPHS[0], *rows, PARAGRAPHS[1]]),
                       rows[0]) == ["data-row"]
    assert "Weather" not in article.text


def test_a_table_s_rows_of_figures_alone_are_data_rows() -> None:
    rows = "".join(f"<tr><td>{month}/1/2024</td><td>+{rate}%</td></tr>"
                   for month, rate in zip(range(1, 8), ("3.1", "2.9", "3.4", "2.2", "1.8", "2.5", "2.7"), strict=True))
    inner = ("<h1>Tram line to reach the airport</h1><div>", *(f"<p>{p}</p>" for p in PARAGRAPHS[:4]),
             "<table><tr><th>Month</th><th>Change in ridership</th></tr>", rows, "</table>",
             *(f"<p>{p}</p>" for p in PARAGRAPHS[4:]), "</div>")
    article = _html(*inner)
    assert "3/1/2024 +3.4%" in article.text
    assert final_rules(_source(*inner), "1/1/2024 +3.1%") == ["data-row"]
    assert rule_of(page("Tram line", *MENU, PARAGRAPHS[0], "2024", PARAGRAPHS[1]), "2024") == "empty"


def test_cut_paragraph_after_prose_is_kept_but_a_lone_teaser_is_not() -> None:
    cut = "Officials also said that the final cost of the project would depend on the price of steel, which..."
    teaser = "Another story entirely about the harbour and its new ferry terminal, which opened..."
    article = page("Tram line to reach the airport - City News", "Tram line to reach the airport",
                   *PARAGRAPHS, cut, "Related Stories", "Harbour ferry terminal opens", "June 3, 2024", teaser)
    assert cut in article.text
    assert rule_of(article, teaser) is not None
    assert final_rules("\n".join(["Tram line", "Tram line", *PARAGRAPHS, cut]), cut) == ["cut-paragraph"]
    # A quote trailing off after such a paragraph is the article's too.
    trailing = "“We will see what the spring brings, and whether the suppliers keep their word…"
    article = page("Tram line to reach the airport - City News", "Tram line to reach the airport",
                   *PARAGRAPHS, cut, trailing, "Related Stories", "Harbour ferry terminal opens", teaser)
    assert cut in article.text and trailing in article.text
    assert rule_of(article, teaser) is not None


def test_related_box() -> None:
    box = ["Harbour ferry terminal opens to the public", "New cycle lanes planned along the river"]
    article = page("Tram line to reach the airport - City News", "Tram line to reach the airport",
                   *PARAGRAPHS[:4], "Related Stories", *box, *PARAGRAPHS[4:])
    assert rule_of(article, box[0]) == "related-box"
    assert rule_of(article, box[1]) == "related-box"
    assert PARAGRAPHS[-1] in article.text  # the box does not end the article
    teaser = page("Tram line to reach the airport - City News", "Tram line to reach the airport",
                  *PARAGRAPHS[:4], "Related post: Harbour ferry terminal opens", "What the plan costs",
                  *PARAGRAPHS[4:])
    assert rule_of(teaser, "What the plan costs") is None  # one teaser is no box: a subheading stays
def test_cited_address_inside_the_body_is_kept_but_not_at_its_edge() -> None:
    cited = "https://example.org/council/tram-extension-plan.pdf"
    article = page("Tram line to reach the airport - City News", "https://example.org/news/tram", *MENU,
                   "Tram line to reach the airport", *PARAGRAPHS[:4], cited, *PARAGRAPHS[4:])
    assert cited in article.text
    assert "https://example.org/news/tram" not in article.text
    assert final_rules("\n".join(["Tram line", *MENU, "Tram line", *PARAGRAPHS[:4], cited, *PARAGRAPHS[4:]]),
                       cited) == ["cited-address"]


def _asserted_names() -> frozenset[str]:
    """Every string that some test of this folder compares in an assert."""
    found: set[str] = set()
    for path in Path(__file__).parent.glob("test_*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Assert):
                found.update(n.value for n in ast.walk(node.test)
                             if isinstance(n, ast.Constant) and isinstance(n.value, str))
    return frozenset(found)


@pytest.mark.parametrize("name", sorted(CONTEXT_WHY))
def test_every_context_rule_has_a_test(name: str) -> None:
    """A context rule whose name no assert names has no test: a new row of the table fails here
    until a test shows it at work."""
    assert name in _asserted_names(), f"write a test that asserts the context rule {name!r}"


def _source(*inner: str) -> str:
    return ("<html><head><title>Tram line to reach the airport - City News</title></head><body>" + "".join(inner)
            + "</body></html>")


def _html(*inner: str) -> newsclean.Article:
    return newsclean.clean(_source(*inner).encode())


def test_list_before_the_body_in_the_container_is_kept_but_a_summary_box_is_not() -> None:
    items = ["Four more kilometres of track", "Eight new stops", "A depot in the north", "Trams every eight minutes"]
    lead = "What the plan holds"
    listed = f"<p>{lead}</p><ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"
    prose = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    kept = _html("<h1>Tram line to reach the airport</h1><div>", listed, prose, "</div>")
    assert all(item in kept.text for item in [lead, *items])
    boxed = _html("<h1>Tram line to reach the airport</h1><div>", listed.replace(lead, "Story highlights"),
                  prose, "</div>")
    assert not any(item in boxed.text for item in items)


# A comparison table without links between the opening and the article container (a listicle's
# overview), and the same table made of links (a box of other pages).
TABLE_ROWS = [("Harbour line", "Ferry terminal", "Every ten minutes"),
              ("Airport line", "Terminal two", "Every eight minutes"),
              ("Ring line", "Old town square", "Every quarter hour"),
              ("North line", "University campus", "Every twelve minutes"),
              ("Night line", "Central station", "Every half hour"),
              ("River line", "Market hall", "Every twenty minutes")]


def _table(linked: bool) -> str:
    def cell(text: str) -> str:
        return f'<td><a href="/{text[:4]}">{text}</a></td>' if linked else f"<td>{text}</td>"
    return "<table>" + "".join("<tr>" + "".join(cell(c) for c in row) + "</tr>" for row in TABLE_ROWS) + "</table>"


@pytest.mark.parametrize("linked", [False, True])
def test_a_table_without_links_outside_the_container_costs_what_it_costs_inside(linked: bool) -> None:
    opening = "".join(f"<div><p>{p}</p></div>" for p in PARAGRAPHS[:6])
    rest = "<div>" + "".join(f"<p>{p} {q}</p>" for p, q in zip([*MORE_PARAGRAPHS, *LATER_PARAGRAPHS], PARAGRAPHS,
                                                                strict=False)) + "</div>"
    article = _html("<h1>Tram line to reach the airport</h1>", opening, _table(linked), rest)
    assert PARAGRAPHS[0] in article.text
    assert all((row[1] in article.text) is not linked for row in TABLE_ROWS)


# A table of what the works bring, after the article: short rows, and one cell that is a sentence
# with a link in it.
WORKS = [("Night works", "Letters a week ahead"), ("Bus changes", "Replacement buses"),
         ("Noise", "Barriers around sites"), ("Parking", "Two new garages"), ("Deliveries", "Early morning slots"),
         ("Cycling", "Marked detours"), ("Markets", "Moved to the square"), ("Schools", "Crossing guards")]
LATER_WORKS = [("Trees", "Replanted in autumn"), ("Water mains", "Renewed at once"),
               ("Street lights", "Brighter lamps"), ("Benches", "Back in spring"), ("Kiosks", "Moved for a year")]
DIVERSIONS = 'Diversions follow the <a href="/plan">published diversion plan</a> for each district of the city.'


def _rows(rows: list[tuple[str, str]]) -> str:
    return "<table>" + "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in rows) + "</table>"


@pytest.mark.parametrize("in_table", [True, False])
def test_a_cell_with_a_link_does_not_end_the_lines_after_the_body_but_a_linked_paragraph_does(in_table: bool) -> None:
    prose = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    table = (_rows([*WORKS, ("Road closures", DIVERSIONS), *LATER_WORKS]) if in_table
             else _rows(WORKS) + f"<p>{DIVERSIONS}</p>" + _rows(LATER_WORKS))
    article = _html("<h1>Tram line to reach the airport</h1><div>", prose, "<h2>What the works will bring</h2>",
                    table, "</div>")
    assert all(name in article.text for name, _ in WORKS)
    assert all((name in article.text) is in_table for name, _ in LATER_WORKS)


def test_a_line_after_the_container_past_a_removed_block_is_a_sign_off() -> None:
    bio = ("Jane Doe has covered the city's transport for ten years. She lives near the old depot with her two "
           "sons, a dog and far too many books, and still takes the night bus home on Fridays.")
    prose = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    article = _html("<h1>Tram line to reach the airport</h1><div>", prose, "<p>(Image credit: City archive)</p>",
                    "</div>", f"<p>{bio}</p>")
    assert PARAGRAPHS[-1] in article.text
    assert bio not in article.text


def test_a_sentence_repeated_outside_the_container_keeps_its_copy_inside() -> None:
    standfirst = "The council has backed the extension after two years of debate over its rising cost."
    prose = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    article = _html("<h1>Tram line to reach the airport</h1>", f"<h2>{standfirst}</h2><div>",
                    f"<p>{standfirst}</p>", prose, "</div>")
    assert article.text.startswith(standfirst)
    assert article.text.count(standfirst) == 1


def test_a_linked_sentence_inside_the_body_is_kept_but_a_teaser_linked_whole_is_not() -> None:
    digest = ('<p><a href="/a">The regional transport authority has approved</a> a new timetable for the '
              '<a href="/b">night buses that serve the airport</a>.</p>')
    teaser = '<p><a href="/c">Harbour ferry terminal opens after years of delays and rising costs for all.</a></p>'
    prose = [f"<p>{p}</p>" for p in PARAGRAPHS]
    inner = ("<h1>Tram line to reach the airport</h1><div>", *prose[:4], digest, teaser, *prose[4:], "</div>")
    article = _html(*inner)
    assert "a new timetable for the night buses that serve the airport." in article.text
    assert final_rules(_source(*inner), "The regional transport authority has approved a new timetable for the "
                       "night buses that serve the airport.") == ["linked-sentence"]
    assert rule_of(article, "Harbour ferry terminal opens after years of delays and rising costs for all.") \
        == "link-dense"


def test_a_link_whose_text_is_its_address_is_cited_and_the_lines_after_it_stay() -> None:
    details = ["Opening hours", "Tuesday to Sunday", "Tickets 12 euros", "Children go free", "Guided tours"]
    prose = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    tail = "".join(f"<p>{d}</p>" for d in details)
    cited = _html("<h1>Tram line to reach the airport</h1><div>", prose,
                  '<p>Plans: <a href="/p">https://example.org/tram-plans</a></p>', tail, "</div>")
    assert "Plans: https://example.org/tram-plans" in cited.text
    assert all(d in cited.text for d in details)
    named = _html("<h1>Tram line to reach the airport</h1><div>", prose,
                  '<p>Plans: <a href="/p">the full tram plans</a></p>', tail, "</div>")
    assert not any(d in named.text for d in details)


# A listicle: each item a linked name, a paragraph, a box of facts and the item's links.
STOPS = ["Airport terminal", "Harbour gate", "Old town square", "University campus", "North depot"]


def _item(n: int, name: str, text: str) -> str:
    facts = "".join(f"<li>{fact}</li>" for fact in (f"Stop {n} of 5", "Step-free access", f"Opens {2026 + n % 2}",
                                                   "Bike racks", "Two platforms", "Ticket machine"))
    links = "".join(f'<li><a href="/{n}/{k}">{name} {k}</a></li>' for k in ("timetable", "map", "parking", "shops"))
    return f'<h2><a href="/{n}">{name}</a></h2><p>{text}</p><ul>{facts}</ul><ul>{links}</ul>'


def test_a_listicle_s_items_between_boxes_in_the_container_are_one_body() -> None:
    items = "".join(_item(n, name, PARAGRAPHS[n]) for n, name in enumerate(STOPS))
    article = _html("<h1>Tram line to reach the airport</h1><div>", f"<p>{PARAGRAPHS[7]}</p>", items, "</div>")
    assert all(PARAGRAPHS[n] in article.text for n in range(len(STOPS)))
    assert "Step-free access" in article.text  # the facts between the items are the article's too
    assert rule_of(article, "Airport terminal timetable") == "link-dense"  # links still go


def test_a_linked_heading_over_the_body_s_text_is_kept_but_not_over_links() -> None:
    items = "".join(_item(n, name, PARAGRAPHS[n]) for n, name in enumerate(STOPS))
    inner = ("<h1>Tram line to reach the airport</h1><div>", f"<p>{PARAGRAPHS[7]}</p>", items,
             '<h3><a href="/more">More tram stops</a></h3><ul><li><a href="/x">West end loop</a></li></ul>',
             f"<p>{MORE_PARAGRAPHS[0]}</p>", "</div>")
    article = _html(*inner)
    assert all(name in article.text for name in STOPS)
    assert final_rules(_source(*inner), "Harbour gate") == ["linked-heading"]
    assert rule_of(article, "More tram stops") == "link-dense"


def _numbered_or_credited(n: int, name: str, text: str, numbered: bool, credited: bool) -> str:
    """A listicle's item: a linked name (numbered or not) over its facts, or over a picture's credit,
    then its paragraph."""
    head = f"{n + 1}. {name}" if numbered else name
    between = "<p>Photo credit: City archive</p>" if credited else "<p>Step-free access</p><p>Two platforms</p>"
    return f'<h2><a href="/{n}">{head}</a></h2>{between}<p>{text}</p>'


@pytest.mark.parametrize(("numbered", "credited", "kept"), [(True, False, True), (False, True, True),
                                                            (False, False, False)])
def test_a_linked_heading_over_facts_is_kept_when_numbered_and_over_text_past_a_credit(
        numbered: bool, credited: bool, kept: bool) -> None:
    items = "".join(_numbered_or_credited(n, name, PARAGRAPHS[n], numbered, credited) for n, name in enumerate(STOPS))
    inner = ("<h1>Tram line to reach the airport</h1><div>", f"<p>{PARAGRAPHS[7]}</p>", items, "</div>")
    heading = "2. Harbour gate" if numbered else "Harbour gate"
    assert final_rules(_source(*inner), heading) == (["linked-heading"] if kept else ["link-dense"])
    assert all(name in _html(*inner).text for name in STOPS) is kept


def test_a_list_of_links_between_parts_of_the_body_is_kept_but_not_one_at_its_end() -> None:
    picks = ["Harbour Line tram pass", "City Bike day ticket", "Airport Express return"]
    listed = "<ul>" + "".join(f'<li><a href="/{n}">{pick}</a></li>' for n, pick in enumerate(picks)) + "</ul>"
    more = "<ul>" + "".join(f'<li><a href="/m{n}">{name} tram stop</a></li>' for n, name in enumerate(STOPS)) + "</ul>"
    prose = [f"<p>{p}</p>" for p in PARAGRAPHS]
    inner = ("<h1>Tram line to reach the airport</h1><div>", *prose[:4],
             "<h2>Tickets that will be valid on the new line</h2>", listed, *prose[4:], more, "</div>")
    article = _html(*inner)
    assert all(pick in article.text for pick in picks)
    assert final_rules(_source(*inner), "City Bike day ticket") == ["linked-item"]
    assert rule_of(article, "Harbour Line tram pass") is None
    assert rule_of(article, "Airport terminal tram stop") == "link-dense"  # a list closing the body goes


# A lede long enough to be chosen as the body on its own, and the rest of the article, four times longer.
LEDE = " ".join(PARAGRAPHS[:3])
LONG_PARAGRAPHS = [p + " " + q for p, q in zip(PARAGRAPHS, [*MORE_PARAGRAPHS, *MORE_PARAGRAPHS], strict=True)]
# A sidebar set between the lede and the rest of the article, as some sites print it in a dump:
# related links, the author's other pieces with their comment counters.
SIDEBAR = ["Related Content", "Buses to run all night on weekends", "Cycle lanes for the old town",
           "About the Author", "Jane Miller", "Also by the Author", "Ferry fares to rise in March",
           "33 comments", "New bridge opens to traffic", "12 comments", "Related Topics"]


def story(*body: str) -> newsclean.Article:
    """A page of the tram story: window title, menu, headline, then `body`."""
    return page("Tram line to reach the airport - City News", *MENU, "Tram line to reach the airport", *body)


def test_the_article_continues_after_a_box_below_its_lede() -> None:
    article = story(LEDE, *SIDEBAR, *LONG_PARAGRAPHS, "© 2026 City News")
    assert LEDE in article.text
    assert all(p in article.text for p in LONG_PARAGRAPHS)
    assert rule_of(article, "33 comments") is not None


@pytest.mark.parametrize("between", [
    ["Up next"],  # the next article, printed in full
    ["Leave a Reply", "Your email address will not be published."],  # readers' comments below
])
def test_no_continuation_past_a_next_article_or_comments(between: list[str]) -> None:
    article = story(LEDE, *SIDEBAR, *between, *LONG_PARAGRAPHS)
    assert LEDE in article.text
    assert not any(p in article.text for p in LONG_PARAGRAPHS)


def test_a_long_comment_thread_is_not_a_continuation() -> None:
    thread = []
    for i, p in enumerate(LONG_PARAGRAPHS[:4]):
        thread += [f"Reader {i} on May {i + 2}, 2018 at 4:4{i} pm said:", p]
    article = story(LEDE, *SIDEBAR, *thread)
    assert not any(p in article.text for p in LONG_PARAGRAPHS[:4])


def test_comments_without_a_label_end_the_article() -> None:
    comments = []  # long ones: readers quoting the article at length
    for i, name in enumerate(["Just a Thought", "Maria K", "posted by: jd", "Tom"]):
        comments += [f"{name} February 1{i}th, 2010 3:4{i} pm ET", LONG_PARAGRAPHS[i], LONG_PARAGRAPHS[i + 4]]
    article = story(*PARAGRAPHS, "del.icio.us", *comments)
    assert all(p in article.text for p in PARAGRAPHS)
    assert rule_of(article, "Just a Thought February 10th, 2010 3:40 pm ET") is not None
    assert not any(p in article.text for p in LONG_PARAGRAPHS)


def test_times_in_a_live_report_are_no_comment_thread() -> None:
    entries = []
    for i, p in enumerate(PARAGRAPHS[:4]):
        entries += [f"3:4{i} pm ET", p]
    article = story(*entries, *PARAGRAPHS[4:])
    assert all(p in article.text for p in PARAGRAPHS)


def test_a_credit_with_prose_after_it_does_not_end_the_article_but_the_footer_does() -> None:
    credit = "© Provided by City News Agency The new tram stop planned outside the airport terminal"
    article = story(*PARAGRAPHS[:4], credit, *PARAGRAPHS[4:])
    assert rule_of(article, credit) == "inline-credit"
    assert all(p in article.text for p in PARAGRAPHS)
    # The page's footer: a year, or nothing but menus after it; what follows is not the article.
    for footer in ("© 2026 City News", "© City News"):
        article = story(*PARAGRAPHS[:5], footer, *MENU, *MORE_PARAGRAPHS[:2])
        assert rule_of(article, footer) == "copyright-footer", footer
        assert MORE_PARAGRAPHS[0] not in article.text


LATER_PARAGRAPHS = [
    "Shop owners along the planned route hope the works will not keep their customers away for too long.",
    "The council has set aside a fund to help businesses that lose trade while the street is closed.",
    "Cyclists asked for a separate lane on the new bridge, which the engineers said they would consider.",
    "A second phase could bring the line to the university campus, though no money has been found yet.",
    "The first trams are to be tested on the new track at night, when the roads above are nearly empty.",
]


def html_story_data(article: str, after: str = "") -> bytes:
    """An HTML page of the tram story: a menu, then `article` inside <article>, then `after`."""
    return ("<html><head><title>Tram line to reach the airport - City News</title></head><body>"
            f"<nav>{' '.join(MENU)}</nav><article><h1>Tram line to reach the airport</h1>"
            f"{article}</article>{after}</body></html>").encode()


def html_story(article: str, after: str = "") -> newsclean.Article:
    return newsclean.clean(html_story_data(article, after))


def test_a_newsletter_box_inside_the_article_does_not_end_it_but_one_below_does() -> None:
    # A sign-up box between two sections of the article, the second less than three times the first
    # (more would continue the article past any box): the article goes on past it.
    box = "Sign up for our newsletter"
    signup = "".join(f"<p>{line}</p>" for line in (box, "Get the news in your inbox every morning",
                                                     "Subscribe now", "Already a subscriber? Sign in"))
    above, below = [*PARAGRAPHS[:3], MORE_PARAGRAPHS[0]], [*PARAGRAPHS[3:], *MORE_PARAGRAPHS[1:], LATER_PARAGRAPHS[0]]
    first, second = ("".join(f"<p>{p}</p>" for p in ps) for ps in (above, below))
    article = html_story(f"{first}<div>{signup}</div>{second}")
    assert rule_of(article, box) == "inline-box"
    assert all(p in article.text for p in above + below)
    assert below[0] not in newsclean.clean(  # (without the rule, the box ends the article)
        html_story_data(f"{first}<div>{signup}</div>{second}"), settings=off("inline-box")).text
    # Below the article container, the box ends the article: prose after it is another page's.
    whole = "".join(f"<p>{p}</p>" for p in PARAGRAPHS + LATER_PARAGRAPHS[1:])
    article = html_story(whole, f"<div>{signup}{second}</div>")
    assert rule_of(article, box) == "newsletter-box"
    assert LATER_PARAGRAPHS[0] not in article.text
    # Nor does a box count the prose past a copy of the headline (the page printed twice).
    article = html_story(f"{first}<div>{signup}</div><h2>Tram line to reach the airport</h2>{second}")
    assert rule_of(article, box) == "newsletter-box"


def test_a_newsletter_word_in_an_item_of_the_article_s_list_does_not_remove_it() -> None:
    # A plan's features, one of them with a newsletter word ('subscription'): one of the list's items.
    feature = "Monthly subscription for students"
    features = ["Unlimited rides on every tram line", "Free transfers to the night buses", feature,
                "Two children ride free with an adult"]
    listed = "<p>The new pass will offer:</p><ul>" + "".join(f"<li>{f}</li>" for f in features) + "</ul>"
    prose = [f"<p>{p}</p>" for p in PARAGRAPHS]
    inner = (*prose[:4], listed, *prose[4:])
    article = html_story("".join(inner))
    assert all(f in article.text for f in features)
    assert final_rules(html_story_data("".join(inner)).decode(), feature) == ["listed-phrase"]
    assert feature not in newsclean.clean(html_story_data("".join(inner)), settings=off("listed-phrase")).text
    # A box of its own, or an item that links its words, is no item of the article's list.
    alone = html_story("".join((*prose[:4], f"<p>{feature}</p>", *prose[4:])))
    assert rule_of(alone, feature) in ("newsletter-box", "inline-box")
    linked = listed.replace(f"<li>{feature}</li>", f'<li><a href="/pass">{feature}</a></li>')
    assert feature not in html_story("".join((*prose[:4], linked, *prose[4:]))).text


def test_a_lead_printed_again_inside_the_body_keeps_one_copy() -> None:
    lead = ("The tram line will reach the airport by 2027, the council decided after a debate that ran "
            "late into the evening.")
    toolbar = ["Share", "Email", "Print", "Tweet", "Save", "Photo: City News"]
    article = story(lead, *toolbar, *PARAGRAPHS[:3], lead, *PARAGRAPHS[3:])
    assert article.text.count(lead) == 1
    assert final_rules("\n".join(["Tram line", *MENU, "Tram line", lead, *toolbar, *PARAGRAPHS[:3], lead,
                                   *PARAGRAPHS[3:]]), lead) == ["repeated-line", "own-copy"]
    assert rule_of(article, lead) == "repeated-line"  # the copy above the toolbar
    # A sentence the page repeats outside the body (a teaser of it in a sidebar) still goes.
    article = story(*PARAGRAPHS, "Most read", lead, *MENU, lead)
    assert lead not in article.text


SLIDES = [
    "Workers lay the first stretch of rails near the old depot on a cold morning in March this year.",
    "The mayor and the transport minister cut a ribbon at the future terminal stop on Friday afternoon.",
    "A test tram runs past the harbour warehouses at night, watched by a small crowd of neighbours.",
    "Engineers inspect the tunnel under the ring road, the most difficult part of the whole project.",
]


def test_a_slideshow_printed_out_is_the_gallery_s_not_the_article_s() -> None:
    gallery = []
    for k, caption in enumerate(SLIDES, 1):
        gallery += [caption, "Hide Caption", f"{k} of {len(SLIDES)}"]
    article = story(*gallery, *PARAGRAPHS)
    assert all(rule_of(article, caption) == "gallery-caption" for caption in SLIDES)
    assert all(p in article.text for p in PARAGRAPHS)
    # Counters out of sequence are no slideshow.
    article = story(*PARAGRAPHS[:3], SLIDES[0], "2 of 9", *PARAGRAPHS[3:6], SLIDES[1], "7 of 9", *PARAGRAPHS[6:])
    assert rule_of(article, SLIDES[0]) != "gallery-caption"


def test_an_article_told_in_slides_keeps_its_long_paragraphs() -> None:
    # A ranked list printed as a slideshow: each slide's text is a long paragraph, the article's own.
    items = [" ".join(PARAGRAPHS[2 * k:2 * k + 2] + MORE_PARAGRAPHS[k:] + MORE_PARAGRAPHS[:k] + PARAGRAPHS[-k - 1:])
             for k in range(4)]
    gallery = []
    for k, item in enumerate(items, 1):
        gallery += [item, f"{k} of {len(items)}"]
    article = story(*gallery)
    assert all(rule_of(article, item) is None for item in items)


def test_a_caption_printed_again_with_its_credit_goes_and_the_article_stays_whole() -> None:
    caption = "Workers lay the first stretch of rails near the old depot in March."
    article = story(*PARAGRAPHS[:4], caption, caption + " (Maria Lopez / City News)", *PARAGRAPHS[4:])
    assert rule_of(article, caption) == "caption-pair"
    assert rule_of(article, caption + " (Maria Lopez / City News)") == "caption-pair"
    assert all(p in article.text for p in PARAGRAPHS)



def test_a_caption_printed_twice_alike_goes_and_does_not_split_the_article() -> None:
    # lynx and w3m print a picture's alt text, then its title: the same long line twice in a row.
    caption = ("A tram on a test run crosses the new bridge over the river on a grey morning in March, watched "
               "by engineers of the transport authority and a few curious residents from the bank.")
    article = story(*PARAGRAPHS[:4], caption, caption, *PARAGRAPHS[4:])
    assert rule_of(article, caption) == "caption-pair"
    assert caption not in article.text
    assert all(p in article.text for p in PARAGRAPHS)


@pytest.mark.parametrize("doubled", ["Tram at the depot Tram at the depot", "tram-depot.jpg tram-depot.jpg",
                                     "tram-depot.jpgtram-depot.jpg", "Tram at dawn Tram at dawn Tram at dawn"])
def test_a_line_printed_twice_over_goes_and_does_not_split_the_article(doubled: str) -> None:
    # lynx prints a lazy-loaded picture's alt text and then that of its <noscript> copy on one line,
    # w3m without a space between them.
    article = story(*PARAGRAPHS[:4], doubled, *PARAGRAPHS[4:])
    assert rule_of(article, doubled) == "caption-pair"
    assert all(p in article.text for p in PARAGRAPHS)


@pytest.mark.parametrize("line", ["Bora Bora", "The vote is on. The vote is on.", "March 3, 2026March 3, 2026"])
def test_a_word_or_a_sentence_said_twice_is_no_picture(line: str) -> None:
    article = story(*PARAGRAPHS[:4], line, *PARAGRAPHS[4:])
    assert rule_of(article, line) != "caption-pair"


TEASERS = [
    ("Harbour ferry terminal opens", "The new terminal will serve three ferry lines and a water taxi from June."),
    ("Council backs the bridge plan", "A second bridge across the river moved a step closer after Tuesday's vote."),
    ("Schools face a teacher shortage", "Head teachers warn that dozens of posts are still open weeks before term."),
    ("Storm warning for the coast", "Forecasters expect gusts of up to 120 km/h along the coast on Sunday night."),
]


def test_teasers_after_a_more_in_label_go_but_the_article_going_on_after_a_box_stays() -> None:
    listing = [line for title, summary in TEASERS for line in (title, summary, "City News")]
    article = story(*PARAGRAPHS, "More in News", *listing)
    assert all(rule_of(article, summary) is not None for _, summary in TEASERS)
    assert rule_of(article, TEASERS[0][1]) == "teaser-list"
    assert all(p in article.text for p in PARAGRAPHS)
    # A 'Related' box inside the article: paragraphs in a row follow it, and they stay.
    article = story(*PARAGRAPHS, "Related", TEASERS[0][0], TEASERS[1][0], *MORE_PARAGRAPHS)
    assert all(p in article.text for p in MORE_PARAGRAPHS)


def test_a_teaser_line_naming_its_article_heads_no_list() -> None:
    # 'Related: X' is one teaser set among the article's parts, not the label of a list: the
    # subheadings and paragraphs after it are the article's own.
    parts = [line for heading, paragraph in zip(["Cost", "Route", "Timetable", "Depot"], MORE_PARAGRAPHS,
                                                strict=True) for line in (heading, paragraph)]
    article = story(*PARAGRAPHS[:4], "Related: Harbour ferry terminal opens next month", *parts)
    assert all(p in article.text for p in MORE_PARAGRAPHS)
    # A label alone ('Related:') still heads the list of teasers below the article.
    listing = [line for title, summary in TEASERS for line in (title, summary, "City News")]
    article = story(*PARAGRAPHS, "Related:", *listing)
    assert rule_of(article, TEASERS[0][1]) == "teaser-list"


def test_teasers_between_bylines_go() -> None:
    listing = []
    for (title, summary), name in zip(TEASERS, ["Ann Lee", "Bo Park", "Cy Moore", "Di Ray"], strict=True):
        listing += [title, f"By {name}", summary]
    article = story(*PARAGRAPHS, *listing)
    assert rule_of(article, TEASERS[1][1]) == "byline-teasers"
    assert all(p in article.text for p in PARAGRAPHS)


def test_a_list_run_together_below_the_article_is_not_its_last_paragraph() -> None:
    drop_down = ("Select a story Harbour ferry terminal opens Council backs the bridge plan Schools face a "
                 "'record' teacher shortage Storm warning for the coast Museum reopens after repairs Farmers "
                 "protest over milk prices City wins bid to host games Police appeal: missing cyclist Local "
                 "elections too close to call")
    article = story(*PARAGRAPHS, "Share", drop_down)
    assert drop_down not in article.text
    assert article.text.endswith(PARAGRAPHS[-1])


def test_without_a_headline_copy_the_article_before_a_comment_thread_wins_over_a_long_comment() -> None:
    long_comment = " ".join(LONG_PARAGRAPHS)
    article = page("City News: the tram story", *MENU, *PARAGRAPHS[:5], "Comments",
                   "Ventura Capitalist", "2 days ago at 07:52 am", long_comment, "Rating: 36 Votes",
                   "Jane Roe", "2 days ago at 08:10 am", long_comment[::-1], "Rating: 12 Votes")
    assert article.text.startswith(PARAGRAPHS[0])
    assert long_comment not in article.text


def off(*names: str) -> Settings:
    return with_overrides(DEFAULTS, disabled_rules=frozenset(names))


def test_a_disabled_context_rule_keeps_the_block_it_removes() -> None:
    caption = ("A tram on a test run crosses the new bridge over the river on a grey morning in March, watched "
               "by engineers of the transport authority and a few curious residents from the bank.")
    lines = ("Tram line to reach the airport - City News", *MENU, "Tram line to reach the airport",
             *PARAGRAPHS[:4], caption, caption, *PARAGRAPHS[4:])
    data = "\n".join(lines).encode()
    assert caption not in newsclean.clean(data).text
    kept = newsclean.clean(data, settings=off("caption-pair"))
    assert caption in kept.text
    assert all(rule_of(kept, line) != "caption-pair" for line in lines)


def test_a_disabled_chrome_rule_keeps_the_box_it_removes() -> None:
    prose = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    data = ("<html><head><title>Tram line to reach the airport</title></head><body>"
            "<nav>Quick links: Timetables and fares for every line</nav>"
            f"<article><h1>Tram line to reach the airport</h1>{prose}</article></body></html>").encode()
    assert any(r.rule == "chrome-tag" for r in newsclean.clean(data).removed)
    assert all(r.rule != "chrome-tag" for r in newsclean.clean(data, settings=off("chrome-tag")).removed)


def test_prose_past_a_score_table_in_the_container_joins_the_body_but_not_outside_it() -> None:
    # A review: the article, a table of scores with a shop's link, then the verdict. The table costs
    # less than the article brings, so no run of prose starts after it: the verdict is found past
    # the dip, and joins across the container's own lines.
    rows = ["Overall score", "4.7/5", "Price", "4.3/5", "Comfort", "5/5", "Speed", "3.8/5", "Support", "4.5/5"]
    table = ('<h2>Tram pass: our scores</h2><p><a href="/shop">Visit website</a></p>'
             + "".join(f"<p>{row}</p>" for row in rows))
    verdict = "".join(f"<p>{p}</p>" for p in LATER_PARAGRAPHS[:2])
    article = html_story("".join(f"<p>{p}</p>" for p in PARAGRAPHS) + table + verdict)
    assert all(p in article.text for p in PARAGRAPHS + LATER_PARAGRAPHS[:2])
    # Past the container's end the same prose is another page's.
    outside = html_story("".join(f"<p>{p}</p>" for p in PARAGRAPHS) + table, f"<div>{verdict}</div>")
    assert not any(p in outside.text for p in LATER_PARAGRAPHS[:2])


def test_related_items_go_with_their_label_however_long() -> None:
    # A text browser prints each teaser of a 'More in' box as a list item holding its hidden blurb,
    # the teaser's title below it: long items, prose to a rule that reads one block at a time.
    blurbs = ["[31]The harbour ferry terminal opened to the public on Saturday after three years of work, and "
              "hundreds of residents queued at dawn to take the first crossing to the island.",
              "[32]Cyclists will get four new kilometres of protected lanes along the river next year, the "
              "council said, though shop owners on the quay fear losing their parking spaces.",
              "[33]The old depot on the north side will become a market hall with forty stalls, a rooftop "
              "garden and a small stage for concerts on summer evenings, the developer announced."]
    items = [line for k, blurb in enumerate(blurbs) for line in (f"   * {blurb}", f"Teaser title number {k + 1}")]
    article = page("Tram line to reach the airport - City News", "Tram line to reach the airport",
                   *PARAGRAPHS, "More in City", *items, *MORE_PARAGRAPHS[:3])
    # (the paragraphs in a row after the list tell teaser-list that the article goes on past its label)
    assert all(p in article.text for p in PARAGRAPHS)
    assert rule_of(article, blurbs[0][4:]) == "related-items"
    assert "Teaser title number 2" not in article.text
    # A tight list (item after item) ends at its first line that is no item: the article goes on.
    tight = page("Tram line to reach the airport - City News", "Tram line to reach the airport",
                 *PARAGRAPHS[:4], "More in City", *(f"   * [4{k}]Harbour ferry terminal opens, part {k}" for k in
                                                     range(3)), *PARAGRAPHS[4:])
    assert all(p in tight.text for p in PARAGRAPHS[4:])


def test_without_a_headline_copy_an_opening_of_paragraphs_joins_the_body_a_list_of_teasers_does_not() -> None:
    from newsclean.model import Label, Verdict
    from newsclean.revise import body_spans

    opening = [34.0, 41.0]  # two paragraphs above a gallery
    gallery = [-8.0] * 12
    article = [45.0] * 8
    teasers = [15.0, 12.0, 14.0, 13.0, 11.0]  # a list of other stories' leads
    for top, expected in ((opening, 0), (teasers, len(teasers) + len(gallery))):
        scores = [*top, *gallery, *article]
        verdicts = tuple(Verdict(i, Label.GOOD if s > 0 else Label.SHORT, "prose" if s > 0 else "short")
                         for i, s in enumerate(scores))
        spans = body_spans(scores, verdicts, (), DEFAULTS)
        assert spans[0][0] == expected
        assert spans[-1][1] == len(scores) - 1


def test_a_dump_heading_stating_the_title_and_the_site_gives_the_headline() -> None:
    from newsclean.model import Block
    from newsclean.titles import stated_title

    headline = "Harbour bridge to reopen in May"
    lines = [("Home", "p"), (f"{headline} | The Coastal Gazette", "h1"), (headline, "p"),
             ("By Ann Lee", "p"), *((label, "p") for label in ["Share", "Email", "Print"] * 8),
             *((text, "p") for text in PARAGRAPHS), ("Also from the Gazette", "h1"),
             *((text, "p") for text in MORE_PARAGRAPHS)]
    blocks = tuple(Block(i, text, tag) for i, (text, tag) in enumerate(lines))
    feats, classified = measure(blocks, DEFAULTS)
    assert stated_title(blocks, feats) == headline
    assert 2 in headline_indices(blocks, feats, classified)


def test_a_run_on_last_paragraph_of_sentences_stays_a_drop_down_of_headlines_goes() -> None:
    # Unpunctuated at its end (a signature), set apart by a subheading: sentences all the same.
    signed = ("The council will vote again in March. Critics say the cost is too high. The mayor disagrees, "
              "and says the line will pay for itself within twenty years of opening. Will it? Nobody knows "
              "yet, but the first trams are already on order from a factory in the north —Jane Doe")
    drop_down = ("Select Tram fares to rise in spring Council approves new bus depot Airport hotel plans "
                 "rejected Library reopens after two years of repairs Road works on the ring road end early "
                 "Football club signs young striker Weather warning for the weekend storms")
    kept = page("Tram line to reach the airport - City News", *MENU, "Tram line to reach the airport",
                *PARAGRAPHS[:3], "Outlook", signed, *MENU)
    assert signed in kept.text
    dropped = page("Tram line to reach the airport - City News", *MENU, "Tram line to reach the airport",
                   *PARAGRAPHS[:3], "More stories", drop_down, *MENU)
    assert drop_down not in dropped.text and PARAGRAPHS[2] in dropped.text


def test_the_article_going_on_under_a_read_also_box_of_links_stays() -> None:
    # A 'Read also' label, three links under it, then the article's next sections: the label's
    # list is the links, and the prose under them is no teaser's summary.
    links = "".join(f'<p><a href="/{n}">{title}</a></p>' for n, (title, _) in enumerate(TEASERS[:3]))
    sections = "".join(f"<h3>{heading}</h3><p>{text}</p>" for heading, text in
                       zip(["Cost", "Route", "Timetable", "Depot"], MORE_PARAGRAPHS, strict=True))
    opening = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:3])
    html = (f"<html><body><h1>Tram line to reach the airport</h1><article>{opening}"
            f"<p>Read also</p>{links}{sections}</article></body></html>")
    article = newsclean.clean(html.encode())
    assert all(p in article.text for p in MORE_PARAGRAPHS)
    assert TEASERS[0][0] not in article.text


@pytest.mark.parametrize("name_line", ["Jane Doe", "About Jane Doe", "Written by Jane Doe"])
def test_an_author_s_box_after_the_article_goes(name_line: str) -> None:
    bio = ("Jane Doe is a reporter who has covered the city's transport for ten years. She lives near the old "
           "depot and still takes the night bus home on Fridays.")
    more = "Jane also writes a weekly column on cycling and walking in the city's parks."
    article = _html("<h1>Tram line to reach the airport</h1><article>", *(f"<p>{p}</p>" for p in PARAGRAPHS),
                    f"<h3>{name_line}</h3><p>Transport Reporter</p><p>{bio}</p><p>{more}</p></article>")
    assert PARAGRAPHS[-1] in article.text
    assert rule_of(article, bio) == "author-bio"
    assert more not in article.text and name_line not in article.text


def test_a_list_of_profiles_keeps_its_people_and_a_heading_s_words_again_are_no_bio() -> None:
    people = [("Jane Doe", "Jane Doe is the council's new transport officer, in charge of the tram plans."),
              ("John Roe", "John Roe leads the residents' group that asked for a noise barrier near the depot.")]
    profiles = "".join(f"<h2>{name}</h2><p>{text}</p>" for name, text in people)
    article = _html("<h1>Tram line to reach the airport</h1><article>", *(f"<p>{p}</p>" for p in PARAGRAPHS),
                    profiles, "</article>")
    assert all(text in article.text for _, text in people)
    section = "<h2>Night Trams</h2><p>Night trams will run on Fridays and Saturdays until two in the morning.</p>"
    article = _html("<h1>Tram line to reach the airport</h1><article>", *(f"<p>{p}</p>" for p in PARAGRAPHS),
                    section, "</article>")
    assert "Night trams will run on Fridays" in article.text


def test_a_teaser_s_picture_printed_as_an_item_and_again_as_a_paragraph_goes() -> None:
    # A list of teasers: lynx prints each picture's alt text as the item, then its title as a paragraph.
    caption = ("The mayor and the transport minister cut a ribbon at the future terminal stop on Friday "
               "afternoon, with the first test tram behind them.")
    article = story(*PARAGRAPHS, f"* {caption}", caption, "Tram line opens next year", *MORE_PARAGRAPHS)
    assert rule_of(article, caption) == "caption-pair"


def test_a_newsletter_label_between_buttons_whose_icons_a_dump_printed_is_a_button() -> None:
    # lynx prints a share button's icon as its alt text before the link's text: 'image print'.
    buttons = ["[11]image print", "[12]image reprint", "[13]image newsletter", "[14]image comments",
               "[15]image share"]
    article = story(*PARAGRAPHS[:4], *buttons, *PARAGRAPHS[4:])
    assert rule_of(article, "image newsletter") == "toolbar-button"
    assert all(p in article.text for p in PARAGRAPHS)
    # A tag list's label has links after it only: it still ends the article.
    article = story(*PARAGRAPHS[:4], "Tags:", "[16]Trams", "[17]Airport", *MORE_PARAGRAPHS)
    assert rule_of(article, "Tags:") == "tag-list"


def test_a_list_of_teasers_opened_by_a_picture_s_credit_goes_after_a_more_in_label() -> None:
    # lynx prints each teaser of a 'More in' list as an item holding its picture's credit, then its
    # title as a heading, then its summary (teaser-list, which takes short ones first, is off here).
    listing = [line for title, summary in TEASERS
               for line in ("* Photo: City News / Maria Lopez", f"## {title}", summary)]
    lines = ["Tram line to reach the airport - City News", *MENU, "Tram line to reach the airport", *PARAGRAPHS,
             "More in News", *listing]
    article = newsclean.clean("\n".join(lines).encode(), settings=off("teaser-list"))
    assert all(rule_of(article, summary) == "related-items" for _, summary in TEASERS[:3])
    assert all(p in article.text for p in PARAGRAPHS)
    # An item followed by the article's prose is a box of one link set in it: the article goes on.
    lines = ["Tram line to reach the airport - City News", *MENU, "Tram line to reach the airport",
             *PARAGRAPHS[:4], "More in News", "* Photo: City News / Maria Lopez", *PARAGRAPHS[4:],
             *(line for title, _ in TEASERS for line in (f"* {title}", "City News"))]
    article = newsclean.clean("\n".join(lines).encode(), settings=off("teaser-list"))
    assert all(p in article.text for p in PARAGRAPHS)


def test_a_gallery_s_first_slide_shorter_than_the_others_is_the_gallery_s() -> None:
    # lynx prints every slide's alt text, then its caption, but the first slide's caption alone.
    gallery = [SLIDES[0], "Hide Caption", f"1 of {len(SLIDES)}"]
    for k, caption in enumerate(SLIDES[1:], 2):
        gallery += [caption.replace("the", "a"), caption, "Hide Caption", f"{k} of {len(SLIDES)}"]
    article = story("By Maria Lopez, City News", "Updated 7:28 PM, March 3, 2026", *gallery, *PARAGRAPHS)
    assert rule_of(article, SLIDES[0]) == "gallery-caption"
    assert all(p in article.text for p in PARAGRAPHS)
