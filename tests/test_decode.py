"""Bad and unusual input: a result or a one-line reason, never a traceback."""

from __future__ import annotations

import codecs
import gzip
from pathlib import Path

import pytest

import newsclean
from newsclean.decode import decode, sniff_kind
from newsclean.html import parse
from newsclean.settings import DEFAULTS, with_overrides

from .conftest import SEED


def _reason(data: bytes, **settings: object) -> str:
    with pytest.raises(newsclean.InputError) as info:
        newsclean.clean(data, source="page.txt", settings=with_overrides(DEFAULTS, **settings))
    assert info.value.source == "page.txt"
    assert "\n" not in info.value.reason
    return info.value.reason


def test_empty_and_blank_inputs() -> None:
    assert _reason(b"") == "empty input"
    assert _reason(b"  \n\t\n") == "empty input"


def test_binary_input() -> None:
    assert "binary" in _reason(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_truncated_and_corrupt_gzip() -> None:
    packed = gzip.compress(SEED.read_bytes())
    assert _reason(packed[: len(packed) // 2]) == "truncated gzip data"
    assert "corrupt gzip" in _reason(packed[:10] + b"\xff" * 200)


def test_gzip_input_is_cleaned() -> None:
    article = newsclean.clean(gzip.compress(SEED.read_bytes()))
    assert article.metadata.title.startswith("Putin to meet")


def test_oversized_input_is_refused_with_the_limit_named() -> None:
    reason = _reason(b"word " * 300, max_bytes=1000)
    assert "over the" in reason and "--max-bytes" in reason


def test_gzip_bomb_is_refused() -> None:
    reason = _reason(gzip.compress(b"a" * 5_000_000), max_bytes=1_000_000)
    assert "decompressed size" in reason


def test_fifty_megabyte_single_line_is_refused_by_default() -> None:
    data = b"lorem ipsum dolor sit amet " * (50 * 1024 * 1024 // 27)
    reason = _reason(data)
    assert "--max-bytes" in reason


def test_long_single_line_under_the_limit_gives_a_result() -> None:
    data = ("The council met again on Tuesday to discuss the budget. " * 40_000).encode()  # 2.3 MB
    article = newsclean.clean(data)
    assert article.text.startswith("The council met again")


def test_latin1_text_without_declaration() -> None:
    text = ("Le conseil municipal s'est réuni mardi à Genève pour débattre du budget de l'année prochaine.\n"
            "Les élus ont voté à l'unanimité une hausse des dépenses consacrées aux écoles et aux crèches.\n"
            "La séance a duré près de quatre heures, selon le président du conseil.\n")
    article = newsclean.clean(text.encode("latin-1"))
    assert "réuni mardi à Genève" in article.text
    assert article.encoding in ("cp1252", "iso8859_15", "latin_1", "iso8859-1")


def test_utf8_with_a_damaged_character_stays_utf8() -> None:
    # A dump of a Chinese page with one character cut in two: the rest is well-formed UTF-8, which
    # a detector reading the whole would take for another code page.
    line = "市议会周二投票决定，在二〇二七年底前把有轨电车线路延长到机场，支持者说通勤时间将减少一半。\n"
    data = (line * 6).encode() + "反对者".encode()[:-1] + b"\n" + (line * 6).encode()
    doc = decode(data, "page.txt")
    assert doc.encoding == "utf-8"
    assert doc.text.count("市议会周二投票决定") == 12 and doc.text.count("\ufffd") == 1


def test_windows_1252_quotes_without_declaration() -> None:
    text = ("“It’s complicated,” the minister told reporters on Monday after the long meeting — again.\n"
            "The talks will resume next week in Geneva, according to two officials familiar with them.\n")
    article = newsclean.clean(text.encode("cp1252"))
    assert "“It’s complicated,” the minister" in article.text
    assert article.encoding == "cp1252"


def test_utf8_bom_and_crlf() -> None:
    text = ("\ufeffA long enough paragraph of the article, written with Windows line ends.\r\n"
            "And a second paragraph that follows it, also long enough to count as prose.\r\n")
    article = newsclean.clean(text.encode("utf-8"))
    assert article.text.startswith("A long enough paragraph")
    assert "\r" not in article.text


def test_explicit_encoding_wins() -> None:
    data = "Ein längerer Absatz über die Sitzung des Stadtrats am Dienstag in Zürich.\n".encode("utf-16")
    doc = decode(data, "x", with_overrides(DEFAULTS, encoding="utf-16"))
    assert "Zürich" in doc.text


def test_unknown_explicit_encoding() -> None:
    assert "unknown encoding" in _reason(b"text", encoding="no-such-codec")


def test_kind_is_sniffed_from_content_not_name() -> None:
    assert sniff_kind(b"<!DOCTYPE html><html><body><p>x</p></body></html>") == "html"
    assert sniff_kind(SEED.read_bytes()) == "text"
    assert sniff_kind(b"<div><p>a</p><p>b</p><a href=x>c</a><br><span>d</span></div>") == "html"
    fragment = (b"<div class=story>\n<p>First paragraph,\nwrapped.</p>\n<p>Second.</p>\n"
                b"<ul><li>a</li>\n<li>b</li></ul></div>")
    assert sniff_kind(fragment) == "html"
    # A dump that prints one line of an embed's markup among its text lines is still a dump.
    dump = "\n\n".join([f"Line {i} of the page as text, menus and paragraphs alike." for i in range(12)]
                        + ['<script src="/player.js"></script> <p id="player">Your browser cannot play this.'
                           ' <a href="/get">Get it now.</a></p><div><a href="/audio/1">Original Page</a></div>'])
    assert sniff_kind(dump.encode()) == "text"


JAPANESE = ("<html><head>{meta}<title>商品の改造が商標法違反に</title></head><body><h1>商品の改造が商標法違反に</h1>"
            + "".join(f"<p>他人の登録商標が付された商品を改造して販売すると、商標権の侵害になる場合があります。"
                      f"第{i}段落では、その理由と具体的な事例について詳しく説明します。</p>" for i in range(6))
            + "</body></html>")
CHINESE = ("<html><head>{meta}<title>北京发布新的空气质量报告</title></head><body><h1>北京发布新的空气质量报告</h1>"
           + "".join(f"<p>北京市环境保护局今天发布了最新的空气质量报告，报告显示今年的空气质量比去年有明显改善。"
                     f"第{i}段介绍了具体的数据和专家的分析意见。</p>" for i in range(6))
           + "</body></html>")
WESTERN = ("<html><head>{meta}<title>Le café de la gare rouvre</title></head><body><h1>Le café de la gare rouvre</h1>"
           + "".join(f"<p>Après des mois de travaux, le café de la gare a rouvert ses portes ce matin à Genève, "
                     f"au grand plaisir des habitués du quartier – paragraphe {i}.</p>" for i in range(4))
           + "</body></html>")


@pytest.mark.parametrize(("page", "encoding", "phrase"), [
    (JAPANESE, "shift_jis", "商標権の侵害になる場合があります"),
    (CHINESE, "gbk", "空气质量比去年有明显改善"),
    (WESTERN, "cp1252", "au grand plaisir des habitués du quartier – paragraphe"),
    (WESTERN.replace("–", "-"), "latin-1", "au grand plaisir des habitués du quartier - paragraphe"),
])
@pytest.mark.parametrize("declared", [True, False], ids=["declared", "undeclared"])
def test_html_in_legacy_encodings(page: str, encoding: str, phrase: str, declared: bool) -> None:
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={encoding}">' if declared else ""
    article = newsclean.clean(page.format(meta=meta).encode(encoding))
    assert phrase in article.text
    assert article.metadata.title == page.split("<title>")[1].split("</title>")[0]


def test_a_str_with_lone_surrogates_renders_as_utf8() -> None:
    text = "A dump read with surrogateescape: caf\udce9.\n\n" + SEED.read_text("utf-8")
    assert decode(text, "page.txt").text.startswith("A dump read with surrogateescape: caf\ufffd.")
    newsclean.render(newsclean.clean(text, kind="text"), "json").encode("utf-8")  # raised on the surrogate


def test_emphasis_markers_go_but_identifiers_stay() -> None:
    dump = ("Budget approved after a long night\n\n"
            "The clerk said *every* line was read twice, from budget_office@city.gov to the item "
            "MAX_BUDGET_LIMIT, and the formula 2*rate*value was checked by @olga_n_photo on the night.\n\n"
            + "The council approved the budget on Tuesday after a debate that lasted well into the night.\n\n" * 3)
    text = newsclean.clean(dump.encode(), kind="text").text
    assert "The clerk said every line was read twice, from budget_office@city.gov to the item MAX_BUDGET_LIMIT, " \
           "and the formula 2*rate*value was checked by @olga_n_photo" in text


def test_a_stray_nul_is_damage_and_utf16_without_bom_is_read() -> None:
    page = ("<html><head><title>Budget</title></head><body>"
            + "".join(f"<p>The council approved part {i} of the new budget on Tuesday after a debate that lasted "
                      "into the night.</p>" for i in range(4))
            + "</body></html>")
    damaged = page.encode().replace(b"Tuesday", b"Tues\x00day", 1)
    assert "approved part 1 of the new budget" in newsclean.clean(damaged).text
    for codec in ("utf-16-le", "utf-16-be"):
        article = newsclean.clean(page.encode(codec))
        assert article.encoding == codec and article.text.startswith("The council approved part 0 of the new")
    with pytest.raises(newsclean.InputError):
        newsclean.clean(bytes(range(256)) * 40)  # still binary


def test_the_library_takes_any_bytes_and_refuses_an_unknown_kind() -> None:
    data = SEED.read_bytes()
    assert newsclean.clean(bytearray(data)).text == newsclean.clean(memoryview(data)).text == newsclean.clean(data).text
    with pytest.raises(ValueError, match="kind must be one of auto, html, text"):
        newsclean.clean(data, kind="xml")


@pytest.mark.parametrize("declared", ["rot13", "base64", "hex", "zlib", "uu", "quopri", "undefined", "punycode",
                                      "idna", "no-such-codec"])
def test_a_declared_charset_that_is_not_a_text_encoding_is_ignored(declared: str) -> None:
    # A page may declare anything; a codec that is not a page's text encoding is not used.
    prose = "Le conseil a voté le budget après un long débat qui a duré tard dans la nuit. " * 4
    page = (f'<html><head><meta charset="{declared}"></head><body><h1>Budget</h1><p>{prose}</p></body></html>')
    article = newsclean.clean(page.encode("utf-8"))
    assert "Le conseil a voté le budget" in article.text
    assert article.encoding == "utf-8"


def test_utf8_html_keeps_its_bytes_for_the_parser() -> None:
    """Well-formed UTF-8 HTML goes to the parser as its bytes (no encoding back of the text);
    bytes that are not the text byte for byte do not."""
    page = "<html><head><title>Café</title></head><body><p>Grüße aus Köln – “quoted”.</p></body></html>"
    raw = page.encode("utf-8")
    assert decode(raw, "p.html").markup == raw
    assert decode(raw.replace("ü".encode(), b"\xfc"), "p.html").markup is None  # a stray Latin-1 byte
    nul = decode(raw.replace(b"<p>", b"<p>\x00"), "p.html")
    assert nul.markup is None and "\x00" not in nul.text
    assert decode(page.encode("cp1252", "replace"), "p.html").markup is None
    assert decode(codecs.BOM_UTF8 + raw, "p.html").markup is None
    assert decode(raw, "p.txt", with_overrides(DEFAULTS, kind="text")).markup is None
    assert decode(page, "p.html").markup is None


def test_parsing_the_bytes_or_the_text_gives_one_tree(shared: Path) -> None:
    """parse() reads a page's UTF-8 bytes as it reads its text: the same tree, the same article."""
    folder = shared / "bench" / "scrapinghub" / "html"
    for path in sorted(folder.iterdir())[:8]:
        raw = gzip.decompress(path.read_bytes())
        text = raw.decode("utf-8", "replace")
        (from_bytes, _), (from_text, _) = parse(raw), parse(text)
        assert from_bytes.html == from_text.html, path.name
        if decode(raw, path.name).markup is not None:  # the bytes path against the text's
            from_raw, from_str = newsclean.clean(raw), newsclean.clean(text)
            assert (from_raw.blocks, from_raw.metadata) == (from_str.blocks, from_str.metadata), path.name
    cut_bytes, cut_text = parse(b"<p>a</p><p>b</p><p>c</p>", 3), parse("<p>a</p><p>b</p><p>c</p>", 3)
    assert cut_bytes[1] == cut_text[1] == "</p><p>c</p>"
    assert cut_bytes[0].html == cut_text[0].html
