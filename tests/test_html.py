"""HTML pages: which boxes go as page chrome, and which stay because they hold the article.

Each page here is a few lines written in the shape of a real one (no benchmark page is copied)."""

from __future__ import annotations

import newsclean

PROSE = [
    "The city council voted on Tuesday to approve the new budget after a long debate that lasted late into the night.",
    "Council members argued for hours over the cost of repairing roads and bridges across the northern districts.",
    "The mayor said the plan would keep taxes steady while paying for two new schools and a larger fire station.",
    "Opponents said the figures did not add up and warned that the city would have to borrow money next year.",
    "Residents who spoke at the meeting were divided, with some praising the schools and others the tax freeze.",
    "The budget takes effect in January, and the first road repairs are planned for the spring of next year.",
]


def page(article: str, extra: str = "") -> bytes:
    return (f"<html><head><title>Council approves budget | City Paper</title></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
            f"<h1>Council approves budget</h1>{article}{extra}"
            f"<footer><p>© 2025 City Paper. All rights reserved.</p></footer></body></html>").encode()


def paragraphs(sentences: list[str]) -> str:
    return "".join(f"<p>{s}</p>" for s in sentences)


def test_article_inside_a_box_named_as_chrome_is_kept() -> None:
    # A paywall wrapper, a newsletter post type, a responsive 'hidden' copy, a layout widget,
    # holding the second half of the article.
    for name in ("paywall", "typography newsletter-post post", "ssr-variant hidden-md", "widget-wrap populated"):
        body = f"<div class='intro'>{paragraphs(PROSE[:4])}</div><div class='{name}'>{paragraphs(PROSE[4:])}</div>"
        article = newsclean.clean(page(f"<article>{body}</article>"))
        assert all(s in article.text for s in PROSE), name


def test_an_article_named_as_a_newsletter_box_is_found() -> None:
    # The whole article in a box named for a newsletter (a newsletter site's post), and a short
    # note beside it: the note is not the article.
    note = "<div class='note'><p>" + " ".join(PROSE[:2]).replace("council", "club") + "</p></div>"
    article = newsclean.clean(page(f"<div class='newsletter-post'>{paragraphs(PROSE)}</div>{note}"))
    assert all(s in article.text for s in PROSE)


def test_a_page_whose_article_went_with_a_chrome_class_is_read_again_with_that_box() -> None:
    # A newsletter's post, in a box named for a newsletter; its readers wrote three times as much
    # below it, so the box holds too little of the page's prose to be kept as the article's: removed
    # for its class, with the comments, the page would have no article. Read again, that one box is
    # kept; the comments still go.
    comments = "".join(f"<p>{s} I agree with this.</p>" for s in PROSE * 3)
    article = newsclean.clean(page(f"<div class='newsletter-issue'>{paragraphs(PROSE)}</div>",
                                   f"<div class='comments'>{comments}</div>"))
    assert all(s in article.text for s in PROSE)
    assert "I agree" not in article.text


def test_a_small_box_named_as_chrome_still_goes() -> None:
    signup = "<div class='newsletter'><p>Sign up for our morning newsletter and get the news in your inbox.</p></div>"
    related = "<div class='related'><p><a href='/a'>Mayor opens new stadium</a></p></div>"
    article = newsclean.clean(page(f"<article>{paragraphs(PROSE)}</article>", signup + related))
    assert all(s in article.text for s in PROSE)
    assert "newsletter" not in article.text
    assert "stadium" not in article.text


def test_a_comment_thread_longer_than_the_article_is_not_the_article() -> None:
    comments = "<div class='comments'>" + paragraphs([s.replace("council", "commenter") for s in PROSE * 3]) + "</div>"
    article = newsclean.clean(page(f"<article>{paragraphs(PROSE[:3])}</article>", comments))
    assert all(s in article.text for s in PROSE[:3])
    assert "commenter" not in article.text


def test_a_consent_notice_of_prose_is_not_the_article() -> None:
    notice = ("<div class='cookie-consent'><p>We use cookies and other tracking technologies to improve your browsing "
              "experience on our site, show personalised content and targeted ads, and analyse site traffic.</p>"
              "<p>To find out more or to opt out, please read our Cookie Policy and our Privacy Policy.</p></div>")
    table = "<table>" + "".join(f"<tr><td>{s}</td></tr>" for s in PROSE[:3]) + "</table>"
    article = newsclean.clean(page(table, notice))
    assert "tracking technologies" not in article.text
    assert PROSE[0] in article.text


def test_a_chrome_word_inside_a_longer_class_name_is_not_chrome() -> None:
    # Utility and modifier classes: the box is visible and holds the article's second half.
    for name in ("overflow-hidden", "field field--label-hidden", "elementor-widget-wrap", "skip-item", "teaser-text"):
        body = f"<div class='intro'>{paragraphs(PROSE[:5])}</div><div class='{name}'>{paragraphs(PROSE[5:])}</div>"
        article = newsclean.clean(page(f"<article>{body}</article>"))
        assert all(s in article.text for s in PROSE), name


def test_the_same_word_as_a_whole_class_is_chrome() -> None:
    for name in ("hidden", "widget", "teaser"):
        box = f"<div class='{name}'><p>Five things to know about the new stadium opening next week.</p></div>"
        article = newsclean.clean(page(f"<article>{paragraphs(PROSE)}</article>", box))
        assert "stadium" not in article.text, name



def test_a_box_of_prose_named_as_chrome_inside_the_article_is_kept() -> None:
    # A page builder sets each part of the article in a 'widget' panel; a style framework names a
    # callout by its colours ('border-secondary') or shows it only on wide screens ('hidden md:block').
    # Inside the article, a box of prose is the article's; a box of links there still goes, and so
    # does a box of prose named for other articles.
    for name in ("so-panel widget", "border-l-4 border-secondary-700", "hidden md:block"):
        panels = "".join(f"<div class='{name}'><p>{s}</p></div>" for s in PROSE[3:])
        links = (f"<div class='{name}'><ul><li><a href='/a'>Mayor opens new stadium</a></li>"
                 "<li><a href='/b'>Bus fares to rise in March</a></li></ul></div>")
        related = "<div class='related'><p>Five things to know about the new stadium opening next week.</p></div>"
        body = f"<div class='intro'>{paragraphs(PROSE[:3])}</div>{panels}{links}{related}"
        article = newsclean.clean(page(f"<article>{body}</article>"))
        assert all(s in article.text for s in PROSE), name
        assert "stadium" not in article.text, name


def test_a_box_classed_as_the_article_s_own_is_a_part_of_it() -> None:
    # Each section of the article in a box whose class names navigation (a table of contents jumps
    # to it); the longest section is the article's core. Another box of prose with that class is
    # another section, kept; a box of links with that class still goes.
    name = "content-nav-section"
    links = (f"<div class='{name}'><ul><li><a href='/a'>Mayor opens new stadium</a></li>"
             "<li><a href='/b'>Bus fares to rise in March</a></li></ul></div>")
    body = (f"<div class='{name}'><div class='text'>{paragraphs(PROSE[:5])}</div></div>"
            f"<div class='{name}'><div class='text'>{paragraphs(PROSE[5:])}</div></div>{links}")
    article = newsclean.clean(page(f"<main>{body}</main>"))
    assert all(s in article.text for s in PROSE)
    assert "stadium" not in article.text


def test_code_keeps_its_highlighted_comments() -> None:
    # A syntax highlighter names a code comment's span 'hljs-comment' or 'token comment': a token of
    # the code, not a comment thread; a real comment box outside the code still goes.
    code = ("<pre><code><span class='hljs-comment'># stage only the files named here</span>\n"
            "git add README.md\n<span class='token comment'>// then commit them</span>\n</code></pre>")
    thread = "<div class='comments'><p>Great article, thanks for sharing this with us all today!</p></div>"
    article = newsclean.clean(page(f"<article>{paragraphs(PROSE[:3])}{code}{paragraphs(PROSE[3:])}</article>",
                                   thread))
    assert "stage only the files named here" in article.text
    assert "then commit them" in article.text
    assert "Great article" not in article.text


def test_a_listicle_is_kept_whole() -> None:
    # Each item in a box of its own: a heading, a paragraph, a short list of facts. The article is
    # all the items, not the one with the longest paragraph.
    items = "".join(
        f"<div class='item'><h2>{n}. Plant number {n}</h2><p>{sentence} {PROSE[-n]}</p>"
        f"<ul><li>Light: indirect</li><li>Water: weekly</li><li>Soil: well drained</li>"
        f"<li>Height: up to two metres</li><li>Flowers: white, in spring</li>"
        f"<li>Pets: safe for cats and dogs</li></ul></div>"
        for n, sentence in enumerate(PROSE, 1))
    article = newsclean.clean(page(f"<div class='list'>{items}</div>"))
    assert all(s in article.text for s in PROSE)
    # the lists between the items too (a list after the last paragraph may end the article)
    assert article.text.count("Water: weekly") >= len(PROSE) - 1


def test_chrome_removals_are_explained() -> None:
    signup = "<div class='newsletter'><p>Sign up for our morning newsletter and get the news in your inbox.</p></div>"
    article = newsclean.clean(page(f"<article>{paragraphs(PROSE)}</article>", signup))
    rules = {(r.rule, r.text) for r in article.removed}
    assert ("chrome-tag", "Home News") in rules
    assert ("chrome-tag", "© 2025 City Paper. All rights reserved.") in rules
    assert any(rule == "chrome-class" and "newsletter" in text for rule, text in rules)
    detail = next(r.detail for r in article.removed if r.rule == "chrome-class")
    assert detail == "newsletter: newsletter"


def test_the_page_itself_is_never_chrome() -> None:
    # <html class="menu"> on a page with no text: an empty article, not a parser error.
    for html in (b'<html class="menu"><head><title>x</title></head><body></body></html>',
                 b'<html role="navigation"><title>A page</title>', b'<html><body class="nav"> </body></html>'):
        assert newsclean.clean(html).text == ""


def test_a_class_stating_what_a_box_has_or_lacks_is_not_chrome() -> None:
    for name in ("has-sidebar", "row non-paywall", "no-comments"):
        body = f"<div class='intro'>{paragraphs(PROSE[:5])}</div><div class='{name}'>{paragraphs(PROSE[5:])}</div>"
        article = newsclean.clean(page(f"<article>{body}</article>"))
        assert all(s in article.text for s in PROSE), name


def test_a_section_named_by_its_title_s_slug_is_not_chrome() -> None:
    # A page builder gives each section the slug of its heading as an id: 'social' and 'popular'
    # there are words of the title, not the name of a share bar or a box of popular stories.
    sections = (f"{paragraphs(PROSE[:1])}<h2 id='h-how-social-media-changed-the-vote'>How social media changed "
                f"the vote</h2>{paragraphs(PROSE[1:3])}"
                f"<div id='why-popular-support-for-the-plan-grew'><h2>Why popular support for the plan grew</h2>"
                f"{paragraphs(PROSE[3:])}</div>")
    extra = "<div id='popular'><p><a href='/a'>Mayor opens new stadium</a></p></div>"
    article = newsclean.clean(page(f"<article>{sections}</article>", extra))
    assert "How social media changed the vote" in article.text
    assert all(s in article.text for s in PROSE)
    assert "stadium" not in article.text  # a box named 'popular' still goes


def test_a_cms_state_of_the_story_is_no_promo_box() -> None:
    from newsclean.chrome import chrome_kind

    assert chrome_kind("node node--type-article node--promoted node--view-mode-full") is None
    assert chrome_kind("promo-box") == "related"
    assert chrome_kind("promotion") == "related"
