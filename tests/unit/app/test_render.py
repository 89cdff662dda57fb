"""The chat's HTML: article text and file names are escaped, links are http(s) only, refusals have no cards."""

from datetime import date

from rag.app.service import ChatReply, IndexingStatus
from rag.app.render import citation_card, reply_html, safe_url, status_html, uploads_html
from rag.types import Answer, Citation
from rag.app.uploads import UploadResult

XSS_TITLE = 'Harbour fire <script>window.__xss = 1</script>'
XSS_QUOTE = 'The fire destroyed 14 boats <img src=x onerror="window.__xss = 2">.'


def _citation(**changes) -> Citation:
    fields = dict(n=1, article_id="a-1", title=XSS_TITLE, source="Wire & <b>Co</b>", published=date(2025, 4, 15),
                  url="https://example.org/a?x=1&y=2", quote=XSS_QUOTE, start=0, end=len(XSS_QUOTE), score=0.9,
                  passage="Before. " + XSS_QUOTE + " After.")
    return Citation(**(fields | changes))


def test_card_escapes_title_source_and_quote_and_highlights_the_span():
    html = citation_card(_citation())
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=&quot;window.__xss = 2&quot;&gt;" in html
    assert "<mark>The fire destroyed 14 boats" in html and "Before. <mark>" in html
    assert 'href="https://example.org/a?x=1&amp;y=2"' in html and "15 Apr 2025" in html


def test_only_http_links_are_rendered():
    assert safe_url("javascript:alert(1)") == "" and safe_url("data:text/html,x") == "" and safe_url("/etc") == ""
    assert "href" not in citation_card(_citation(url="javascript:alert(1)"))


def test_answer_markers_become_superscripts_and_text_is_escaped():
    answer = Answer(question="q", text=XSS_QUOTE + " [1]", refused=False, citations=[_citation()],
                    timings={"retrieve_ms": 12.3, "answer_ms": 45.6})
    html = reply_html(ChatReply(question="How many?", query="How many?", answer=answer))
    assert '<sup class="nr-mark" data-n="1">[1]</sup>' in html and "<img" not in html
    assert "retrieval 12 ms" in html and "answer 46 ms" in html and "Searched as" not in html
    assert "\n" not in html  # one line: the chat's Markdown renderer passes an HTML block through whole


def test_refusal_has_no_cards_and_shows_the_rewritten_query():
    refusal = Answer(question="q", text="The corpus does not say.", refused=True)
    html = reply_html(ChatReply(question="And there?", query="And there (following up on: Sumy)?", answer=refusal,
                                notes=["Indexing is still running"]))
    assert "nr-card" not in html and "nr-refusal" in html and "The corpus does not say." in html
    assert "Searched as: “And there (following up on: Sumy)?”" in html and "Indexing is still running" in html


def test_status_banner_shows_progress_only_while_indexing():
    assert status_html(IndexingStatus(running=False, stage="done")) == ""
    running = status_html(IndexingStatus(running=True, stage="embed", done=250, total=1000))
    assert "250 of 1,000" in running and "width:25%" in running
    assert "Indexing failed" in status_html(IndexingStatus(stage="failed", error="disk <full>"))
    assert "disk &lt;full&gt;" in status_html(IndexingStatus(stage="failed", error="disk <full>"))


def test_upload_results_escape_file_names():
    html = uploads_html([UploadResult('<img src=x onerror=alert(1)>.txt', "failed", "not accepted")])
    assert "<img" not in html and "&lt;img" in html and "nr-up-failed" in html


def test_a_refusal_lists_related_reading_escaped_and_without_citation_cards():
    from datetime import date

    from rag.types import Hit

    hit = Hit(article_id="a1", title="<b>Sumy</b> strike", source="Wire", published=date(2025, 4, 15),
              url="javascript:alert(1)", text="x", score=0.5, start=0, end=1)
    answer = Answer(question="q", text="The corpus does not say.", refused=True, related=[hit])
    html = reply_html(ChatReply(question="q", answer=answer, query="q"))
    assert "Related reading" in html and "&lt;b&gt;Sumy&lt;/b&gt; strike" in html
    assert "javascript:" not in html and "nr-card" not in html


def test_reply_is_one_line_so_a_blank_line_cannot_end_the_html_block():
    passage = "Ships counted.\n\n![p](http://127.0.0.1:9/p.png)\r\n\r\n[x](http://127.0.0.1:9/l)\u2028end"
    citation = _citation(title="Title\n\n![t](http://127.0.0.1:9/t.png)", source="Wire\r\rX", passage=passage,
                         quote="Ships counted.", start=0, end=14)
    answer = Answer(question="q", text="Ships counted. [1]\n\nMore.", citations=[citation], refused=False)
    html = reply_html(ChatReply(question="q?\n\nq", query="q\n\n![q](http://x/q.png)", answer=answer,
                                notes=["note\n\nnote"]))
    assert not any(ch in html for ch in "\r\n\u2028") and "<br><br>![p](http://127.0.0.1:9/p.png)" in html

def test_status_banner_counts_in_each_stage_unit_and_says_when_questions_wait():
    reading = status_html(IndexingStatus(running=True, stage="chunk", done=300, total=611, articles=611))
    assert "300 of 611 articles" in reading and "wait until keyword search covers every article" in reading
    keyword = status_html(IndexingStatus(running=True, stage="embed", done=1024, total=6514, articles=611,
                                         keyword_ready=True))
    assert "1,024 of 6,514 passages" in keyword and "keyword search covers all 611 articles" in keyword
    opening = status_html(IndexingStatus(running=True, stage="starting"))
    assert "Opening the index." in opening and ".." not in opening and 'width:0%' in opening


def test_status_banner_says_when_the_model_loads():
    assert "Loading the embedding model" in status_html(IndexingStatus(running=True, stage="model"))


def test_status_banner_says_search_is_complete_while_sentences_are_encoded():
    html = status_html(IndexingStatus(running=True, stage="sentences", done=640, total=6514, keyword_ready=True))
    assert "640 of 6,514 passages" in html and "Search covers every passage" in html and "width:10%" in html


def test_a_card_from_an_upload_says_so_and_a_corpus_card_does_not():
    assert "nr-uploaded" in citation_card(_citation(article_id="u-3f2a")) and ">uploaded<" in citation_card(
        _citation(article_id="u-3f2a"))
    assert "uploaded" not in citation_card(_citation(article_id="a-1"))


def test_a_question_shows_markdown_links_and_images_as_text():
    from rag.app.render import question_html

    shown = question_html('Who? ![x](http://h/p.png) [here](http://h/phish) <img src="http://h/r.png">')
    assert "![" not in shown and "](" not in shown.replace("&#93;(", "") and "<img" not in shown
    assert shown.startswith("Who? !&#91;x&#93;(http&#58;//h/p.png)") and "http:" not in shown
