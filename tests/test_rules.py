"""Every named rule: real snippets it must match, and near misses it must leave alone."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import newsclean
from newsclean.catalog import RULE_NAMES, check_rule_names
from newsclean.classify import classify_block
from newsclean.context import CONTEXT_WHY
from newsclean.model import Block, Label
from newsclean.rules import RULES, features
from newsclean.settings import DEFAULTS, with_overrides

# rule name -> (blocks it decides, blocks it must not decide). Snippets are lines of real pages.
CASES: dict[str, tuple[list[str], list[str]]] = {
    "dump-artefact": (["[avw]", "[IMG_1407-3][IMG_1407-3]", "[ ]", "[*] Non-necessary", "(BUTTON) Close",
                       "IFRAME: https://www.youtube.com/embed/x", "______________________"],
                      ["[Updated at 5 p.m.] The council has now confirmed the vote.", "(AP) — The council voted.",
                       "[ Engadget ]"]),
    "empty": (["•", "1", "* * *"], ["A"]),
    "lynx-references": (["References", "  12. https://www.example.com/news/world-50463393",
                         "Visible links:"],
                        ["12. The references of the study are listed below."]),
    "url-line": (["https://www.wsj.com/articles/google-stadia-microsoft-xcloud-11574168580",
                  "www.autoracing.com.br"],
                 ["Paper here: https://papers.ssrn.com/sol3/papers.cfm?abstract_id=3223028"]),
    "embed-attribution": (["— Jane Doe (@janedoe) November 4, 2019", "– City Council (@citycouncil) 9 Oct 2018"],
                          ["— Jane Doe, November 4, 2019", "Follow Jane Doe (@janedoe) for updates on the vote."]),
    "syndication": (["The post Putin to meet with U.S. delegation in latest bid to end Ukraine war appeared "
                     "first on Washington Post.", "Originally published on Live Science."],
                    ["The bill was originally drafted by the Senate committee last spring and passed."]),
    "photo-credit": (["Image copyright Getty Images", "(Image: © NASA/ESA/K. Retherford/SWRI)",
                      "Photo: Ringo H.W. Chiu, AP", "Image 1 of 23", "AP Photo/Evan Vucci",
                      "Protesters marched through the city centre for a third weekend in a row (Image: Getty)",
                      "The river burst its banks after a week of heavy rain in the valley. Credit: Jane Doe"],
                     ["The photo went viral after it was shared by thousands of users on Sunday.",
                      "The museum put the picture on show next to a letter from its owner, who wrote: "
                      "keep it safe."]),
    "copyright-footer": (["DNYUZ © 2025", "Copyright © 2019 MediaNews Group, Inc.",
                          "© 2019 Dow Jones & Company, Inc. All Rights Reserved."],
                         ["The singer said she wants to own the copyright of her early albums, a fight "
                          "that has lasted for years and drawn the support of several politicians."]),
    "advertisement": (["Advertisement", "ADVERTISEMENT", "Story continues below advertisement"],
                      ["Advertisement revenue fell by 12% in the third quarter."]),
    "related-list": (["Related Stories", "More from UK", "Most Popular", "Trending", "You may also like"],
                     ["More from the interview: she said the deal was not done."]),
    "read-more-teaser": (["Read more", "READ MORE: China plague outbreak", "Continue reading",
                          "View All Result", "No Result"],
                         ["Read more about the study in the journal Nature, where it was published."]),
    "comments-label": (["Comments", "10 Comments", "Leave a Reply", "[ 167 comments ]", "Top Rated Comments",
                        "Leave a Reply Cancel reply",
                        "Your email address will not be published. Required fields are marked *"],
                       ["Comments made by the minister drew criticism.", "Add a comment See all comments"]),
    "share-bar": (["Share this article", "Share on Facebook", "Facebook Twitter Email", "Shares",
                   "Copy link", "Click to share on Twitter (Opens in new window)",
                   "Click to email this to a friend (Opens in new window)"],
                  ["Facebook shares rose 3% after the announcement."]),
    "navigation": (["Home", "Skip to main content", "Menu", "Next Story", "Back to top"],
                   ["Home prices rose again"]),
    "legal-links": (["Privacy Policy", "Terms of Use", "Accessibility Statement"],
                    ["The new privacy policy takes effect in January."]),
    "newsletter-box": (["Sign Up for e-mail newsletters", "SUBSCRIBE NOW",
                        "Get the latest news delivered to your inbox"],
                       ["Subscribers of the service complained about repeated outages over the weekend, "
                        "the company said in a statement on Monday."]),
    "script-notice": (["This slideshow requires JavaScript.", "Your browser does not support the video tag."],
                      ["The app was written in JavaScript by two students in Lisbon over one summer."]),
    "cookie-notice": (["We use cookies to give you the best experience on our website.",
                       "Cookies policy"],
                      ["She baked cookies for the volunteers every Sunday morning before the shift."]),
    "tag-list": (["Tags: Minnesota Wild, Bill Hoppe", "Filed under: Politics", "Tags"],
                 ["Tags are attached to each bird before release.", "Topics", "Keywords"]),
    "date-line": (["December 2, 2025", "PUBLISHED: November 19, 2019 at 8:59 pm | UPDATED: November 19, "
                   "2019 at 10:16 pm", "Updated 10:45 AM ET, Tue December 2, 2025", "3 hours ago"],
                  ["On December 2, 2025 the talks resumed."]),
    "byline": (["By Mike Wall", "by Business Insider", "By Bill Hoppe | Special to the Pioneer Press",
                "By Jane Doe and John Roe, Associated Press", "TOM KRISHER, AP Auto Writer",
                "Jane Doe and John Roe, Staff Writers"],
               ["By Tuesday, the town was flooded.", "By the end of the year sales had doubled.",
                "The Writer, a novel by Jane Doe"]),
    "link-dense": ([Block(0, "Sports Opinion Obituaries", link_chars=25)],
                   [Block(0, "He said the plan, described in a report, would take a decade to build.",
                         link_chars=9)]),
    "truncated-teaser": (["Fiber-optic FPV drones are dominating the battlefield in Ukraine. Russia and Ukraine "
                          "have increasingly turned ..."],
                         ["He paused... and then he went on with the speech."]),
    "inline-list": (["Posted in Open thread | Permalink | 10 Comments", "Home | News | Sport | Weather",
                     "Techs axed from FTSE | BBC News"],
                    ["The score was 3-1 at half time.",
                     "Tickets cost $20 • doors open at 7 p.m. at the Town Hall, and children under ten get in free."]),
    "prose": (["A U.S. delegation will meet with Russian President Vladimir Putin in Moscow on Tuesday.",
               "Book your tickets early and come and see this wonderful show at the old theatre today! 🙂"],
              ["Putin to meet with U.S. delegation in latest bid to end Ukraine war"]),
    "sentence": (["“This is delicate. It’s complicated.”", "The company declined to comment."],
                 ["Putin to meet"]),
    "headline-like": (["Zach Parise Heating Up As Wild Beat The Sabres", "Putin To Meet With U.S. Delegation"],
                      ["Prisons plagued by understaffing and violence"]),
    "markup": (['<img height="1" width="1" style="display:none" src="http://b.scorecardresearch.com/p?c1=2">',
                '<SCRIPT language="JavaScript1.1" SRC="http://ad.doubleclick.net/adj/news;sz=728x90">',
                "document.write('<div id=\"ad\"></div>');"],
               ["<The Palace: Jang Noksu>", "Document writers say the var of the function is unclear."]),
    "slash-pair": (["Maria Lopez / Associated Press", "KEVIN HALL / For The Herald", "Sign In / Sign Up"],
                   ["Prices rose 4% year on year / month on month they fell.", "Either / or",
                    "Photographs by Maria Lopez / Associated Press show the flooded square at dawn, before "
                    "the water receded"]),
    "no-full-stop": (["Select story Flood defences 'not ready' for winter Rail strike: talks resume Mayor backs "
                      "new bridge plan Schools face 'record' teacher shortage Harbour fire under control Council "
                      "tax to rise by 4% Storm warning for the coast tonight Hospital waiting lists grow again "
                      "Farmers protest over milk prices City wins bid to host games Museum reopens after repairs "
                      "Police appeal: missing cyclist Local elections 'too close to call'"],
                     ["The council met on Tuesday, and after a debate that ran late into the evening, in which "
                      "supporters of the plan argued that a longer tram line would cut travel times in half for "
                      "thousands of daily commuters while its opponents warned, not for the first time, that the "
                      "budget had already grown beyond what the city could afford, it voted to extend the line "
                      "to the airport by 2027."]),
    "unpunctuated": (["Choose vehicle brand Abarth Alfa Romeo Aston Martin Audi BAIC Bentley BMW BYD Changan "
                      "Chevrolet Chrysler Dodge Ferrari Ford Foton GAC Geely Great Wall Haima Honda Hyundai Isuzu JAC "
                      "Jaguar Jeep JMC Joylong Kia Lamborghini Land Rover Lexus Maserati Mazda Mercedes-Benz MG "
                      "Mini Mitsubishi",
                      "AL AK AS AE AA AE AP AZ AR CA CO CT DE DC FL GA GU HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO "
                      "MT NE NV NH NJ NM NY NC ND MP OH OK OR PW PA PR RI SC SD TN TX UT VT VI VA WA WV WI WY"],
                     ["The council met on Tuesday and voted to extend the tram line to the airport by the end of "
                      "2027, after a long debate in which supporters said the extension would cut travel times in half "
                      "for thousands of daily commuters while opponents warned that the budget had grown"]),
    "run-on": (["1 120-year-old photo sparks Greta Thunberg conspiracy theories 2 Obama aides allegedly left "
                "Trump staffers notes 3 the plague is back in China"],
               ["Short line"]),
    "short": (["Prisons plagued by understaffing", "Putin to meet"], []),
}


def _block(item: str | Block) -> Block:
    return item if isinstance(item, Block) else Block(0, " ".join(item.split()))  # as blocks.py makes them


def _rule_of(item: str | Block) -> str:
    block = _block(item)
    return classify_block(block, features(block), DEFAULTS).rule


@pytest.mark.parametrize("name", [r.name for r in RULES])
def test_rule_matches_its_snippets(name: str) -> None:
    positives, _ = CASES[name]
    for snippet in positives:
        assert _rule_of(snippet) == name, snippet


@pytest.mark.parametrize("name", [r.name for r in RULES if CASES[r.name][1]])
def test_rule_leaves_near_misses(name: str) -> None:
    _, negatives = CASES[name]
    for snippet in negatives:
        assert _rule_of(snippet) != name, snippet


def test_every_rule_has_cases_and_a_reason() -> None:
    assert set(CASES) == {r.name for r in RULES}
    assert all(r.why.endswith(".") for r in RULES)
    assert all(why.endswith(".") for why in CONTEXT_WHY.values())
    assert len(set(RULE_NAMES)) == len(RULE_NAMES)


def test_rules_end_with_a_catch_all() -> None:
    assert RULES[-1].name == "short" and RULES[-1].label is Label.SHORT


@pytest.mark.parametrize(("words", "label"), [(9, Label.NEARGOOD), (10, Label.GOOD), (11, Label.GOOD)])
def test_prose_threshold_boundary(words: int, label: Label) -> None:
    text = " ".join(["word"] * (words - 1)) + " end."
    assert classify_block(Block(0, text), features(Block(0, text)), DEFAULTS).label is label


@pytest.mark.parametrize(("words", "rule"), [(4, "short"), (5, "sentence"), (6, "sentence")])
def test_sentence_threshold_boundary(words: int, rule: str) -> None:
    text = " ".join(["word"] * (words - 1)) + " end."
    assert _rule_of(text) == rule


@pytest.mark.parametrize(("chars", "rule"), [(12, "short"), (13, "short"), (14, "link-dense")])
def test_link_density_boundary(chars: int, rule: str) -> None:
    # 26 characters; density above 0.5 (more than 13 link characters) makes it navigation.
    assert _rule_of(Block(0, "Opinion pieces and letters", link_chars=chars)) == rule


def test_scripts_without_spaces_or_full_stops_count_as_prose() -> None:
    from newsclean.text import ends_sentence, word_count

    # Thai: words run together, spaces part phrases, and no full stop ends a sentence.
    thai = ("สภาเมืองลงมติเมื่อวันอังคารเพื่ออนุมัติงบประมาณใหม่ สำหรับปีหน้า "
            "หลังจากการอภิปรายที่ยาวนานจนถึงค่ำและมีประชาชนหลายสิบคนมาร่วมรับฟังการพิจารณา")
    assert word_count(thai) >= 25 and ends_sentence(thai)
    assert classify_block(Block(0, thai), features(Block(0, thai)), DEFAULTS).label is Label.GOOD
    assert not ends_sentence("ข่าวล่าสุด")  # a short Thai menu item
    # Myanmar and Khmer have full stops of their own.
    assert ends_sentence("မြို့တော်ကောင်စီက ဘတ်ဂျက်အသစ်ကို အတည်ပြုခဲ့သည်။")
    assert ends_sentence("ក្រុមប្រឹក្សាក្រុងបានអនុម័តថវិកាថ្មី។")


def test_a_disabled_rule_lets_the_next_one_decide() -> None:
    block = _block("Read more: the full council report")
    off = with_overrides(DEFAULTS, disabled_rules=frozenset({"read-more-teaser"}))
    assert classify_block(block, features(block), DEFAULTS).rule == "read-more-teaser"
    assert classify_block(block, features(block), off).rule == "short"


def test_the_catch_all_cannot_be_disabled() -> None:
    block = _block("Putin to meet")
    off = with_overrides(DEFAULTS, disabled_rules=frozenset({"short"}))
    assert classify_block(block, features(block), off).rule == "short"


def test_disabled_rule_names_are_checked() -> None:
    assert check_rule_names(["repeated-line", "chrome-tag"]) == {"repeated-line", "chrome-tag"}
    with pytest.raises(ValueError, match="repeated-lines"):
        check_rule_names(["repeated-lines"])


def _strings(node: ast.AST, sets: dict[str, ast.AST]) -> set[str]:
    """The string constants in an expression, or in the module-level value a name stands for."""
    if isinstance(node, ast.Name) and node.id in sets:
        node = sets[node.id]
    return {n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)}


def _rule_names_in_code() -> dict[str, set[str]]:
    """Every rule name the package's code refers to as a string: compared with a verdict's or a
    removal's `.rule` (alone, or in a set or tuple, or in a module-level set of names), tested
    against Settings.disabled_rules, or given to a Verdict or a Removal."""
    package = Path(newsclean.__file__).parent
    found: dict[str, set[str]] = {}
    for path in sorted(package.glob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        sets = {target.id: node.value for node in tree.body if isinstance(node, ast.AnnAssign | ast.Assign)
                for target in ([node.target] if isinstance(node, ast.AnnAssign) else node.targets)
                if isinstance(target, ast.Name) and node.value is not None}

        names: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Compare):
                sides = [node.left, *node.comparators]
                if any(isinstance(s, ast.Attribute) and s.attr == "rule" for s in sides):
                    for side in sides:
                        if not isinstance(side, ast.Attribute):
                            names |= _strings(side, sets)
                if any(isinstance(s, ast.Attribute) and s.attr == "disabled_rules" for s in sides):
                    names |= _strings(node.left, sets)
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                place = {"Verdict": 2, "Removal": 1}.get(node.func.id)
                if place is not None and len(node.args) > place:
                    names |= _strings(node.args[place], sets)
        if names:
            found[path.name] = names
    return found


def test_every_rule_name_the_code_uses_is_a_rule() -> None:
    # A name misspelt where the code compares it ('repeated-lines') would silently switch a pass off.
    used = _rule_names_in_code()
    assert sum(len(names) for names in used.values()) >= 20  # the scan does find the names
    unknown = {module: sorted(names - set(RULE_NAMES)) for module, names in used.items() if names - set(RULE_NAMES)}
    assert unknown == {}
