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
