import json
import os
from datetime import date

import pytest

from rag.errors import ArticleError
from rag.ingest.readers import discover_files, read_file

LIMIT = 10**7


def _one(path):
    articles, failed = read_file(path, LIMIT)
    assert failed == []
    assert len(articles) == 1
    return articles[0]


def test_markdown_front_matter_fields(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: Port reopens\nsource: Harbour Times\ndate: 2024-03-02\nurl: https://example.org/p\n---\n"
                    "The port of Odesa reopened on Monday after repairs.\n\nAdvertisement\n\nShips queued outside.\n")
    article = _one(path)
    assert (article.title, article.source, article.published, article.url) == (
        "Port reopens", "Harbour Times", date(2024, 3, 2), "https://example.org/p")
    assert article.body == "The port of Odesa reopened on Monday after repairs.\n\nShips queued outside."


def test_text_title_is_first_line_and_source_defaults_to_unknown(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("\n\nCouncil approves budget\nThe council approved the budget on Tuesday by nine votes to two.\n")
    article = _one(path)
    assert article.title == "Council approves budget"
    assert article.source == "unknown source"  # never the file name
    assert article.body == "The council approved the budget on Tuesday by nine votes to two."


def test_html_article_is_extracted_with_metadata(tmp_path):
    paragraphs = "".join(f"<p>Paragraph {i}: the regional council voted to extend the tram line to the airport, "
                         f"officials said on Friday, citing rising passenger numbers.</p>" for i in range(4))
    path = tmp_path / "tram.html"
    path.write_text(f"<html><head><title>Tram line extended | City News</title>"
                    f"<meta property='og:site_name' content='City News'>"
                    f"<meta property='article:published_time' content='2024-05-06'></head>"
                    f"<body><nav>Home | Sports | Weather</nav><article><h1>Tram line extended</h1>{paragraphs}"
                    f"</article><script>alert(1)</script></body></html>")
    article = _one(path)
    assert "Tram line extended" in article.title
    assert article.source == "City News"
    assert article.published == date(2024, 5, 6)
    assert "extend the tram line to the airport" in article.body
    assert "alert(1)" not in article.body and "Home | Sports" not in article.body


def test_html_with_only_script_fails_clearly(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><script>var x = 1;</script><style>p{}</style></head><body></body></html>")
    with pytest.raises(ArticleError, match="empty.html: no article text"):
        read_file(path, LIMIT)


def test_json_object_list_and_articles_key(tmp_path):
    record = {"title": "T1", "body": "Body one is here.", "source": "S", "published": "2023-10-01T10:00:00+00:00",
              "url": "u", "author": ["A", "B"], "category": "news"}
    (tmp_path / "one.json").write_text(json.dumps(record))
    (tmp_path / "many.json").write_text(json.dumps({"articles": [record, dict(record, title="T2")]}))
    one = _one(tmp_path / "one.json")
    assert (one.title, one.published, one.author, one.category) == ("T1", date(2023, 10, 1), "A, B", "news")
    articles, failed = read_file(tmp_path / "many.json", LIMIT)
    assert [a.title for a in articles] == ["T1", "T2"] and failed == []


def test_jsonl_bad_line_and_missing_body_are_reported_rest_kept(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": "x1", "title": "Good", "body": "Good body text."}\n{not json\n'
                    '{"title": "No body"}\n{"id": "x2", "text": "Text field works too."}\n')
    articles, failed = read_file(path, LIMIT)
    assert [a.body for a in articles] == ["Good body text.", "Text field works too."]
    assert len({a.id for a in articles}) == 2 and all(a.id.startswith("a-") for a in articles)
    assert [where for where, _ in failed] == [f"{path}:2", f"{path}:3"]
    assert "not valid JSON" in failed[0][1] and "no article text" in failed[1][1]


def test_malformed_json_file_names_the_file(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"title": "x", "body": ')
    with pytest.raises(ArticleError, match="broken.json: not valid JSON"):
        read_file(path, LIMIT)


@pytest.mark.parametrize("content, message", [
    (b"", "empty"), (b"   \n\t\n", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
])
def test_empty_whitespace_and_binary_files_fail(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError, match=message):
        read_file(path, LIMIT)


def test_latin1_and_utf16_files_are_decoded(tmp_path):
    (tmp_path / "latin.txt").write_bytes("Café opens\nThe café in Zürich opened.".encode("latin-1"))
    (tmp_path / "utf16.txt").write_bytes("Über title\nThe Über story body.".encode("utf-16"))
    assert "Zürich" in _one(tmp_path / "latin.txt").body
    assert _one(tmp_path / "utf16.txt").title == "Über title"


def test_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("Title\n" + "word " * 1000)
    with pytest.raises(ArticleError, match="over the"):
        read_file(path, max_bytes=1000)


def test_ids_are_stable_and_content_hash_tracks_changes(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Same title\nFirst version of the body.")
    first = _one(path)
    path.write_text("Same title\nSecond version of the body.")
    second = _one(path)
    assert first.id == second.id and first.content_hash != second.content_hash


def test_discover_skips_readme_hidden_and_other_types_and_reports_missing(tmp_path):
    (tmp_path / "README.md").write_text("# about this corpus")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("A\nbody")
    files, failed = discover_files([tmp_path, tmp_path / "missing"])
    assert files == [tmp_path / "sub" / "a.txt"]
    assert failed[0][0] == str(tmp_path / "missing") and "no such file" in failed[0][1]


def test_symlink_loop_is_reported_not_followed_forever(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text("A\nbody")
    os.symlink(tmp_path / "d", tmp_path / "d" / "loop")
    files, failed = discover_files([tmp_path])
    assert files == [tmp_path / "d" / "a.txt"]
    assert any("symlink loop" in reason for _, reason in failed)
