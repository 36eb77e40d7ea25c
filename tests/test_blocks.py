"""How a page becomes blocks: which first line is a window title, and what a text browser prints."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import newsclean
from newsclean.blocks import display_width, text_blocks
from newsclean.model import TITLE_TAG, window_title

from .conftest import PAGES

PROSE = ("The city council voted on Tuesday to extend the tram line to the airport by the end of 2027, "
         "after a debate that lasted well into the night and drew a crowd of residents to the hall.")


def test_a_dump_opening_with_a_line_of_its_own_states_the_window_title() -> None:
    blocks = text_blocks(f"Tram line to reach the airport | City News\n\nHome\nNews\n\n{PROSE}\n")[0]
    assert window_title(blocks) == "Tram line to reach the airport | City News"
    assert blocks[0].tag == TITLE_TAG and blocks[1].tag == "p"


def test_an_unwrapped_dump_without_blank_lines_still_opens_with_its_title() -> None:
    assert window_title(text_blocks(f"Tram line to reach the airport - City News\nHome\n{PROSE}")[0]) != ""


@pytest.mark.parametrize("name", ["lynx-bbc-swift-amas", "w3m-bbc-swift-amas", "lynx-space-europa-plumes"])
def test_a_text_browsers_dump_states_no_window_title(name: str) -> None:
    # lynx and w3m print the page, not its <title>: their first line is a menu or a logo.
    text = (PAGES / name / "source.txt").read_text("utf-8")
    blocks = text_blocks(text)[0]
    assert window_title(blocks) == ""
    assert all(b.tag != TITLE_TAG for b in blocks)


def test_a_wrapped_dump_running_on_from_its_first_line_has_no_title() -> None:
    # w3m: an unindented first line that runs on into the next, wrapped at 79 columns.
    wrapped = ("Dow Jones, a News Corp company\n"
               "News Corp is a network of leading companies in the worlds of diversified media,\n"
               "news, education, and information services, with offices in many countries and\n"
               "several hundred journalists working for its papers, its wires and its websites.\n\n")
    lines = ["The council voted on Tuesday to extend the tram line to the airport by the end",
             "of 2027, after a debate that lasted well into the night and drew a large crowd",
             "of residents to the town hall, where the mayor spoke for more than an hour and"]
    text = wrapped + ("\n".join(lines) + "\nanswered questions.\n\n") * 3
    assert window_title(text_blocks(text)[0]) == ""


def test_an_html_pages_title_is_its_window_title_and_a_page_without_one_has_none() -> None:
    titled = newsclean.clean(f"<html><head><title>Tram line | City News</title></head><body><p>{PROSE}</p>"
                             "</body></html>")
    assert titled.metadata.title == "Tram line"
    untitled = newsclean.clean(f"<html><body><p>Tram line | City News</p><p>{PROSE}</p></body></html>")
    assert untitled.metadata.title != "Tram line"


def _wrap(text: str, columns: int, measure: Callable[[str], int]) -> list[str]:
    """Wrap `text` as a text browser does: w3m cuts at the column, whatever the character."""
    lines, line = [], ""
    for char in text:
        if measure(line + char) > columns:
            lines.append(line.rstrip())
            line = char.lstrip()
        else:
            line += char
    return [*lines, line]


KOREAN = ("시의회는 화요일 공항까지 노면전차 노선을 연장하는 안을 통과시켰다. 찬성 측은 출퇴근 시간이 절반으로 "
          "줄어들 것이라고 말했고, 반대 측은 예산이 이미 두 번이나 늘었다고 경고했다. 시장은 마지막 허가가 "
          "나오는 대로 봄에 공사를 시작하겠다고 밝혔다. 차량기지 인근 주민들은 방음벽을 요구했다.")


def test_a_dump_wrapped_by_columns_rejoins_cjk_text_cut_inside_a_word() -> None:
    # w3m gives an ideograph or a hangul syllable two columns, and cuts the line at column 79.
    lines = _wrap(KOREAN, 79, display_width)
    assert len(lines) >= 4 and all(display_width(line) <= 79 for line in lines)
    text = "\n".join(["메뉴", "", *lines, "", *lines, "", *lines])
    paragraphs = [b.text for b in text_blocks(text)[0] if len(b.text) > 40]
    assert paragraphs == [KOREAN] * 3


def test_a_dump_wrapped_by_characters_keeps_the_spaces_between_korean_words() -> None:
    # lynx counts characters and breaks at spaces: the rejoined lines keep them.
    words, lines, line = KOREAN.split(" "), [], ""
    for word in words:
        if len(line) + 1 + len(word) > 72 and line:
            lines.append("   " + line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append("   " + line)
    text = "\n".join(["   메뉴", "", *lines, "", *lines, "", *lines])
    paragraphs = [b.text for b in text_blocks(text)[0] if len(b.text) > 40]
    assert paragraphs == [KOREAN] * 3


@pytest.mark.parametrize("bullet", ["•", "□", "☆", "○", "*", "+", "o"])
def test_the_bullets_text_browsers_print_for_each_level_of_a_list(bullet: str) -> None:
    blocks = text_blocks(f"Page\n\n  {bullet} Contact the newsroom\n  {bullet} Advertise with us\n")[0]
    assert [(b.tag, b.text) for b in blocks[1:]] == [("li", "Contact the newsroom"), ("li", "Advertise with us")]


def _lynx(paragraph: str, columns: int = 72) -> list[str]:
    """A paragraph as lynx prints it: set in three columns and wrapped at `columns`."""
    lines, line = [], ""
    for word in paragraph.split():
        if line and len(line) + 1 + len(word) > columns - 3:
            lines.append("   " + line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, "   " + line, ""]


STORY = [
    "The council voted on Tuesday to extend the tram line to the airport by the end of 2027, after a debate "
    "that lasted well into the night.",
    "Supporters said the extension would cut travel times in half for the thousands of commuters who now "
    "take the bus to the terminal every morning.",
    "Opponents warned that the budget had already grown twice since the plan was first presented to the "
    "public, and asked for an independent review.",
    "The mayor said construction would begin in the spring, once the last permits had been granted by the "
    "regional government and the airport.",
]


def test_a_wrapped_dump_opening_with_a_logo_over_a_blank_line_states_no_title() -> None:
    # w3m prints the page's first text (a logo's name) at the margin, then a blank line: no title.
    story = [STORY[0] + " " + STORY[1], STORY[2] + " " + STORY[3]] * 2
    text = "\n".join(["City News", "", *(line.strip() for p in story for line in _lynx(p, 79))])
    blocks = text_blocks(text)[0]
    assert window_title(blocks) == "" and blocks[0].text == "City News"


def test_lynx_prints_headings_at_the_margin_and_the_first_over_prose_is_the_headline() -> None:
    # Teasers above the article ('Title' run into its summary), the headline at the margin, the article
    # set in: the article is what follows the headline, however much teaser prose precedes it.
    teasers = [f"Harbour Ferry Terminal Opens On Pier {k}The new terminal will serve three ferry lines, a "
               f"water taxi and a night boat from June, the port authority said on Monday." for k in range(4)]
    lines = ["   [1]City News", "", "Latest Headlines", ""]
    for teaser in teasers:
        lines += ["   [2][teaser.jpg]", "", *_lynx(teaser)]
    lines += [f"   [{k}]{item}" for k, item in enumerate(["Weather", "Sport", "Traffic", "Culture", "Travel", "Video",
                                                         "Jobs", "Contests", "Contact", "Advertise", "Radio"], 3)]
    lines += ["", "Tram Line To Reach The Airport By 2027", "", "   November 19, 2026", ""]
    for paragraph in STORY:
        lines += _lynx(paragraph)
    lines += ["Most Viewed", "", *_lynx(teasers[0])]
    blocks = text_blocks("\n".join(lines))[0]
    assert [b.text for b in blocks if b.tag == "h1"] == ["Tram Line To Reach The Airport By 2027"]
    article = newsclean.clean("\n".join(lines))
    assert article.text == "\n\n".join(STORY)


def test_a_short_lynx_page_whose_lines_share_no_length_is_rejoined_at_its_widest_line() -> None:
    # Three short paragraphs: no two wrapped lines have one length, but all come close to the widest.
    lines = ["   [1]Home", "   [2]Sport", "",
             "   The county swimming final ended on Saturday with two records broken at",
             "   the new pool.", "",
             "   A junior from the north side won the long medley, and a senior from",
             "   the same club took second place.", "",
             "   The diving title went to a first-year student who had trained for six",
             "   months.", "",
             "   The relay was called off after a false start, and it will be swum again",
             "   next week.", "",
             "[3]Pool reopens for the summer after a month of works", "",
             "[4]Coach named for the regional team in the autumn", ""]
    paragraphs = [b.text for b in text_blocks("\n".join(lines))[0]]
    assert "A junior from the north side won the long medley, and a senior from the same club took " \
           "second place." in paragraphs
    assert "Pool reopens for the summer after a month of works" in paragraphs


def test_lynxs_list_of_addresses_does_not_set_the_wrap_width() -> None:
    # A mailto: address prints its body unwrapped: long lines past the width, two of one length.
    body = "The council voted to extend the tram line to the airport, and the work begins in spring."
    lines = [line for paragraph in STORY for line in _lynx(paragraph)]
    lines += ["References", "", "   1. https://example.org/", f"   2. mailto:?body={body}", body,
              f"   3. mailto:?body={body}", body]
    paragraphs = [b.text for b in text_blocks("\n".join(lines))[0]]
    assert paragraphs[:4] == STORY


JAPANESE = ("市議会は火曜日、路面電車の路線を空港まで延ばす案を可決した。賛成する議員は通勤の時間が半分になると"
            "述べ、反対する議員は予算がすでに二度も増えたと警告した。市長は最後の許可が出しだい春に工事を始めると"
            "話した。車両基地の近くに住む人たちは防音壁を求めている。")


def test_a_japanese_dump_wrapped_by_columns_is_rejoined_and_its_short_lines_are_not() -> None:
    # w3m cuts Japanese at column 79 without spaces; a short line of its own is a paragraph of its own.
    lines = _wrap(JAPANESE, 79, display_width)
    assert len(lines) >= 3 and all(display_width(line) <= 79 for line in lines)
    short = ["関連記事", "市長は春に工事を始めると話した。", "住民は防音壁を求めている。"]
    text = "\n".join(["メニュー", "", *lines, "", *short, "", *lines, "", *lines])
    paragraphs = [b.text for b in text_blocks(text)[0]]
    assert paragraphs.count(JAPANESE) == 3
    assert all(line in paragraphs for line in short)


def test_lynx_paragraphs_wrap_short_of_the_headings_set_at_the_margin() -> None:
    # lynx sets paragraphs in from both margins and headings at neither: two headings at the margin
    # run to 77 columns, the paragraphs' lines to 74. A paragraph line of 68 columns whose next word
    # would reach 75 still wrapped there.
    heading = "Harbour Board Approves the Long Delayed Plan for a Second Ferry Terminal Quay"
    paragraph = ["   The harbour board approved the plan for a second ferry terminal on",
                 "   Monday, ending a dispute over the old fish markets that had gone on for",
                 "   almost ten years and had twice reached the regional court of appeals.",
                 "   Work is due to start in the autumn once the last of the contracts for",
                 "   the dredging of the inner basins have been signed by the harbour board."]
    fishermen = ["   Fishermen who still land their catch at the old market asked the board",
                 "   for a new place to sell it before the demolition begins, and the board",
                 "   promised that a temporary hall would be ready on the east side of the",
                 "   basin by the end of the summer, with cold storage paid for by the city",
                 "   and the fishermen's cooperative together."]
    lines = [heading, "", *paragraph, "", *fishermen, "",
             "   The first ferries should call at the new quay two years later, the", "   board said.", "",
             heading.replace("Second", "Fourth"), "",
             "   A board member said the cost of the terminal would be met by the port",
             "   authority and the two ferry companies that are to use it every day.", ""]
    assert len(heading) == 77 and max(len(line) for line in paragraph) == 74
    texts = [b.text for b in text_blocks("\n".join(lines))[0]]
    assert texts[1] == " ".join(line.strip() for line in paragraph)
    assert "The first ferries should call at the new quay two years later, the board said." in texts


def test_a_paragraph_set_in_on_its_first_line_wraps_back_to_the_margin() -> None:
    # An old page indents each paragraph's first line with spaces and puts no blank line between
    # paragraphs: the first line stands deeper than the lines it wraps to. Lines centred in a box
    # stand at other indents: they are not joined to one another.
    story = []
    for text in STORY:
        wrapped = _lynx("xxxxx " + text)[:-1]  # the first line's five spaces take a word's room
        story += ["        " + wrapped[0].strip().removeprefix("xxxxx "), *wrapped[1:]]
    lines = ["   Council backs tram line", "", *story, "",
             "                          MORE FROM THE CITY DESK",
             "      Tram extension opens debate on the future of the city's bus routes",
             "     Depot"]
    texts = [b.text for b in text_blocks("\n".join(lines))[0]]
    assert texts[1] == STORY[0] and texts[2:5] == STORY[1:]
    assert texts[-3:] == ["MORE FROM THE CITY DESK",
                          "Tram extension opens debate on the future of the city's bus routes", "Depot"]


def test_a_paragraph_in_a_narrow_table_column_of_a_w3m_dump_is_rejoined() -> None:
    # w3m prints a table's cells side by side, then the long cell alone: its paragraphs wrap at the
    # cell's 40 columns, far short of the page's 79. A byline over a dateline, as short, stays apart.
    page = ["The harbour board approved the plan for a second ferry terminal on Monday, ending a",
            "dispute over the old fish markets that had gone on for almost ten years and twice",
            "reached the regional court of appeals, the board's chair told reporters after the",
            "vote, which passed by seven votes to two after a debate of more than four hours.", ""]
    column = ["Fishermen who still land their catch at",
              "the old market asked the board for a new",
              "place to sell it before the demolition",
              "begins, and the board promised a hall."]
    credit = ["By Jane Doe, City Desk Reporter here", "PUBLISHED: 10:01, Tue, Nov 19, 2019",
              "| UPDATED: 10:43, Tue, Nov 19, 2019"]
    texts = [b.text for b in text_blocks("\n".join([*page * 3, *column, "", *credit, ""]))[0]]
    assert " ".join(column) in texts
    assert all(line.strip() in texts for line in credit)


def _story_lines() -> list[str]:
    """A lynx page: a menu line, then STORY's paragraphs."""
    return ["   [1]Home [2]News", "", *(line for p in STORY for line in _lynx(p))]


def test_lynx_marks_of_an_insertion_and_an_images_name_are_no_words_of_the_paragraph() -> None:
    # '[INS: ... :INS]' wraps an <ins>; '[name.jpg?w=600]' is an image without alt text, printed inline.
    first = "[INS: :INS] [tram-depot.jpg?w=600] " + STORY[1]
    lines = ["   [1]Home [2]News", "", *_lynx(STORY[0]), *_lynx(first), *_lynx("[INS: :INS]")]
    texts = [b.text for b in text_blocks("\n".join(lines))[0]]
    assert STORY[1] in texts and "[INS: :INS]" in texts  # (the empty slot alone is a block the rules name)


def test_a_word_longer_than_the_line_is_rejoined_where_lynx_cut_it() -> None:
    name = "[tram-depot-at-dawn-with-the-new-cars-lined-up.jpg?width=1080&amp;quality=50&amp;crop=1]"
    cut = ["   " + name[:71], "   " + name[71:] + " The council voted on Tuesday."]
    lines = ["   [1]Home [2]News", "", *(line for p in STORY for line in _lynx(p)), *cut]
    assert text_blocks("\n".join(lines))[0][-1].text == "The council voted on Tuesday."


def test_a_rule_across_the_page_is_no_part_of_the_paragraph_above_it() -> None:
    # lynx prints <hr> as a line of underscores, set in deeper than the paragraphs.
    lines = _story_lines()
    lines[len(_lynx(STORY[0])) + 1:len(_lynx(STORY[0])) + 2] = ["     " + "_" * 66]
    texts = [b.text for b in text_blocks("\n".join(lines))[0]]
    assert STORY[0] in texts and "_" * 66 in texts



def test_a_lynx_dump_of_short_japanese_paragraphs_is_rejoined_where_lines_reach_the_width() -> None:
    # lynx cuts Japanese at any character, 74 to a line with its indent: a page of one-line paragraphs
    # has few lines near the width, but the longer paragraphs fill theirs to it exactly.
    sentences = [s + "。" for s in JAPANESE.split("。") if 10 < len(s) < 40]
    paragraphs = [(JAPANESE * 2)[5 * k:5 * k + 91] for k in range(3)]
    lines = ["   メニュー", ""]
    for paragraph in paragraphs:
        lines += ["   " + paragraph[:71], "   " + paragraph[71:], ""]
        lines += [line for sentence in sentences for line in ("   " + sentence, "")]
    texts = [b.text for b in text_blocks("\n".join(lines))[0]]
    assert all(paragraph in texts for paragraph in paragraphs)


def test_a_line_printed_again_under_itself_is_no_continuation_of_it() -> None:
    # lynx prints a teaser picture's alt text, title and link one under the other, each nearly the width.
    teaser = "The council votes again on the tram line to the airport after a long night"
    lines = ["   [1]Home [2]News", "", *(line for p in STORY for line in _lynx(p)),
             f"   [3]{teaser}", f"   {teaser}", f"   [4]{teaser}", ""]
    assert [b.text for b in text_blocks("\n".join(lines))[0]][-3:] == [teaser] * 3


def test_w3ms_short_names_of_images_glued_to_a_paragraphs_ends_are_no_words_of_it() -> None:
    # w3m prints an image without alt text as its name cut short, in brackets, touching the text.
    lines = ["City News", "", *(line.strip() for p in STORY for line in _lynx(p, 79)),
             "[tram-depo]The mayor said the plan will give[s] the city a new link to[the] airport[tram-map0]"]
    assert text_blocks("\n".join(lines))[0][-1].text == \
        "The mayor said the plan will give[s] the city a new link to[the] airport"


def test_a_lynx_link_marker_before_words_in_brackets_is_no_markdown_link() -> None:
    # lynx numbers a link whose text opens with a bracket: '[7](FILE) The ferry...' keeps its words;
    # a markdown link's address holds one of '/#.:?' ('[7](https://example.com/a)', '[1](#note-1)').
    lines = ["City News", "", "[7](FILE) The harbour ferry at dawn, before the new terminal opened.",
             "", "See the map [8](https://example.com/map) and the note [1](#note-1) below."]
    texts = [b.text for b in text_blocks("\n".join(lines))[0]]
    assert texts[1:] == ["(FILE) The harbour ferry at dawn, before the new terminal opened.",
                         "See the map 8 and the note 1 below."]
