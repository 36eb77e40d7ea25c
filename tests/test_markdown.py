"""Markdown keeps the article's structure: headings, lists, quotes, tables; links and images on request."""

from __future__ import annotations

import newsclean
from newsclean.settings import DEFAULTS, with_overrides

PAGE = b"""<html><head><title>Council approves the tram extension | City Paper</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Council approves the tram extension</h1>
<p>The council voted on Tuesday to extend the tram line to the airport, after a debate of
<a href="https://example.org/debate">four hours</a>.</p>
<figure><img src="https://example.org/tram.jpg" alt="A tram at the depot"></figure>
<p>Supporters said the extension would halve travel times for thousands of commuters every day.</p>
<h2>What happens next</h2>
<p>Construction is due to begin in the spring, once the final permits have been granted by the region.</p>
<ul><li>Permits by March</li><li>Works from April</li><li>First trams in 2027</li></ul>
<blockquote>We waited twenty years for this line, and now it is finally coming to our part of town.</blockquote>
<table><tr><th>Stage</th><th>Cost</th></tr><tr><td>Depot</td><td>40 million</td></tr>
<tr><td>Track</td><td>120 million</td></tr></table>
<p>The regional government will cover a third of the cost, with the rest coming from city bonds.</p>
</article><footer>&copy; 2024 City Paper</footer></body></html>"""


def _markdown(links: bool = False, images: bool = False) -> str:
    settings = with_overrides(DEFAULTS, keep_links=links, keep_images=images)
    return newsclean.render(newsclean.clean(PAGE, settings=settings), "markdown", links=links, images=images)


def test_structure_survives() -> None:
    md = _markdown()
    assert "\n## What happens next\n" in md
    assert "\n- Permits by March\n- Works from April\n- First trams in 2027\n" in md
    assert "\n> We waited twenty years for this line" in md
    assert "| Stage | Cost |\n| --- | --- |\n| Depot | 40 million |\n| Track | 120 million |" in md
    assert "https://" not in md and "![" not in md


def test_links_and_images_only_on_request() -> None:
    md = _markdown(links=True, images=True)
    assert "a debate of [four hours](<https://example.org/debate>)." in md
    assert "![A tram at the depot](<https://example.org/tram.jpg>)" in md


def test_json_text_stays_plain() -> None:
    article = newsclean.clean(PAGE, settings=with_overrides(DEFAULTS, keep_links=True, keep_images=True))
    assert "https://" not in article.text and "|" not in article.text
    assert "Stage Cost" in article.text and "\n\nDepot 40 million\n\n" in article.text


RISKY = b"""<html><head><title>Budget passes after a long night</title>
<link rel="canonical" href="https://paper.example/city/budget"></head><body><article>
<h1>Budget passes after a long night</h1>
<p># 1 on the agenda was the school roof, which the council had put off for three years in a row.</p>
<p>2025. That was the year the old bridge closed, and the ferries have run at a loss ever since.</p>
<p>- and then the mayor stood up &amp; spoke: prices rose ~~ fast, the clerk wrote &amp;copy; twice.</p>
<p>The full text is <a href="/docs/budget.pdf">on the city site</a>, the vote
<a href="javascript:alert(1)">in a video</a> and the slides <a href="https://x.example/a>b\nc">here</a>.</p>
<p>Members of the public may read the minutes in the library on weekdays between nine and five.</p>
<img src="data:image/svg+xml,%3Csvg%3E" alt="placeholder"><img src="/img/roof.jpg" alt="The roof">
<p>The next session, on the ferries, is planned for the second week of the new year in the town hall.</p>
</article></body></html>"""


def test_scraped_text_never_turns_into_markup() -> None:
    settings = with_overrides(DEFAULTS, keep_links=True, keep_images=True)
    md = newsclean.render(newsclean.clean(RISKY, settings=settings), "markdown", links=True, images=True)
    body = md.split("# Budget passes after a long night\n", 1)[1]
    # A paragraph's start is no heading and no list; entities and strikethrough stay literal.
    assert "\n\\# 1 on the agenda" in body and "\n2025\\. That was the year" in body
    assert "\n\\- and then the mayor stood up \\& spoke: prices rose \\~\\~ fast, the clerk wrote \\&copy;" in body
    # Relative addresses resolved against the page's; script links dropped (their text kept);
    # an address cannot close its brackets or open raw HTML.
    assert "[on the city site](<https://paper.example/docs/budget.pdf>)" in body
    assert "the vote in a video and" in body and "javascript" not in body
    assert "[here](<https://x.example/a%3Ebc>)" in body  # (the parser drops the newline)
    assert "![The roof](<https://paper.example/img/roof.jpg>)" in body and "data:" not in body


def test_front_matter_escapes_what_yaml_refuses_raw() -> None:
    from newsclean.formats import _yaml_value

    assert _yaml_value("Tab\tDEL\x7f NEL\x85 LS\u2028") == '"Tab\\tDEL\\u007f NEL\\u0085 LS\\u2028"'
