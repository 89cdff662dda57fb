from pathlib import Path

import pytest

from rag.errors import ArticleError
from rag.ingest.readers import decode, html_depth, read_file


def test_html_depth_counts_nesting_not_void_or_closed_tags():
    assert html_depth("<html><body><p>a<br>b<img src=x></p><p>c</p></body></html>") == 3
    assert html_depth("<div>" * 300 + "</div>" * 300) == 300


def test_binary_without_nul_bytes_is_refused_but_latin1_text_is_decoded():
    noise = bytes(range(1, 32)) * 50 + bytes(range(0x80, 0xA0)) * 50
    with pytest.raises(ArticleError, match="x.txt: is a binary file"):
        decode(Path("x.txt"), noise)
    assert decode(Path("y.txt"), "Crème brûlée à Paris".encode("latin-1")) == "Crème brûlée à Paris"


def test_a_parser_crash_becomes_an_article_error_naming_the_file(tmp_path, monkeypatch):
    import rag.ingest.readers as ingest

    def explode(path, text):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(ingest, "_read_plain", explode)
    (tmp_path / "evil.txt").write_text("Title\nBody")
    with pytest.raises(ArticleError, match=r"evil.txt: could not be parsed \(RecursionError"):
        read_file(tmp_path / "evil.txt", 10**6)
