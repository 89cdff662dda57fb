"""The chat in a real browser: answers with citation cards, follow-ups, refusals, filters, uploads, escaping."""

import pytest
from conftest import ask

pytestmark = pytest.mark.slow
ANSWER_TIMEOUT_MS = 90_000


def test_question_gets_a_cited_answer_with_citation_cards(page):
    answer = ask(page, "Which Ukrainian city did Rutte visit?")
    assert "Odesa" in answer.locator(".nr-text").inner_text()
    assert answer.locator(".nr-mark").first.inner_text() == "[1]"
    card = answer.locator(".nr-card").first
    assert card.locator(".nr-n").inner_text() == "1"
    outlet = card.locator(".nr-source").inner_text()  # from front matter, not the file name
    assert (outlet, card.locator(".nr-date").inner_text()) in {("WION", "15 Apr 2025"), ("Channel 8", "date unknown")}
    assert "Odesa" in " ".join(answer.locator(".nr-card mark").all_inner_texts())
    assert "retrieval" in answer.locator(".nr-latency").inner_text()
    stats = page.locator("#nr-stats").inner_text()
    assert "Articles\n3" in stats.replace("\t", "\n") or "Articles 3" in " ".join(stats.split())


def test_follow_up_question_is_rewritten_with_the_conversation(page):
    ask(page, "What happened in Sumy?")
    follow = ask(page, "How many died there?")
    assert follow.locator(".nr-rewritten").inner_text() == "Searched as: “How many died in Sumy?”"
    assert "35" in follow.locator(".nr-text").inner_text()
    assert "Sumy" in " ".join(follow.locator(".nr-card mark").all_inner_texts())


def test_unanswerable_question_is_refused_without_cards(page):
    answer = ask(page, "Who won the 1998 World Cup final?")
    assert answer.locator(".nr-refusal").inner_text().startswith("The corpus does not say.")
    assert answer.locator(".nr-card").count() == 0


def test_date_filter_applies_to_the_next_question(page):
    page.locator("#nr-until input").first.fill("2020-01-01")
    page.locator("#nr-until input").first.press("Enter")
    filtered = ask(page, "Which Ukrainian city did Rutte visit?")
    assert filtered.locator(".nr-refusal").count() == 1
    page.locator("#nr-until input").first.fill("")
    page.locator("#nr-until input").first.press("Enter")
    assert "Odesa" in ask(page, "Which Ukrainian city did Rutte visit?").locator(".nr-text").inner_text()


def test_uploaded_file_is_indexed_and_answers_questions(page, tmp_path):
    upload = tmp_path / "tromso lighthouse.md"
    upload.write_text("Tromsø lighthouse repainted\n\ndate 2025-05-02\n\nThe old Tromsø lighthouse was repainted "
                      "bright green by volunteers over the weekend, the harbour authority said on Friday.\n",
                      encoding="utf-8")
    stats = page.locator("#nr-stats dd").first  # the index panel's article count
    stats.wait_for(timeout=30_000)
    before = int(stats.inner_text().replace(",", ""))
    page.locator("#nr-files input[type=file]").set_input_files(str(upload))
    uploaded = page.locator("#nr-files .file-preview a[download]").first
    uploaded.wait_for(timeout=30_000)
    assert uploaded.get_attribute("download") == "tromso lighthouse.md"
    page.locator("#nr-add").click()
    result = page.locator("#nr-upload-results .nr-up").first
    result.wait_for(timeout=ANSWER_TIMEOUT_MS)
    assert result.locator(".nr-up-status").inner_text().lower() == "added", result.inner_text()
    assert result.locator(".nr-up-name").inner_text() == "tromso lighthouse.md"
    page.wait_for_function(f"() => document.querySelector('#nr-stats dd').innerText.replace(',', '') == '{before + 1}'",
                           timeout=30_000)  # the panel counts the upload without a reload
    answer = ask(page, "What colour was the Tromsø lighthouse repainted?")
    assert "green" in answer.locator(".nr-text").inner_text()
    assert answer.locator(".nr-source").first.inner_text() == "unknown source"  # never the file name
    assert answer.locator(".nr-card").first.locator(".nr-uploaded").inner_text() == "uploaded"


def test_html_in_an_article_is_shown_as_text_and_never_runs(page):
    answer = ask(page, "How many fishing boats did the Varna harbour fire destroy?")
    assert "14 fishing boats" in answer.locator(".nr-text").inner_text()
    card = answer.locator(".nr-card").first
    assert '<script>window.__xss = "title"</script>' in card.locator(".nr-title").inner_text()
    assert card.locator(".nr-source").inner_text() == "Black Sea <b>Wire</b>"
    assert "<img src=x onerror=" in card.locator(".nr-quote").inner_text()
    assert answer.locator("img, script, a[href^='javascript']").count() == 0
    assert card.locator(".nr-title a").count() == 0  # a javascript: url is not linked
    assert page.evaluate("window.__xss") is None and page.dialogs == []


def test_source_filter_limits_answers_to_the_chosen_outlet(page):
    page.locator("#nr-sources input").click()
    page.get_by_role("option", name="Black Sea <b>Wire</b>").click()  # the source name shows as text, too
    page.keyboard.press("Escape")
    answer = ask(page, "How many people were killed in the Sumy region?")
    assert "35 people" not in answer.inner_text()
    assert set(answer.locator(".nr-source").all_inner_texts()) <= {"Black Sea <b>Wire</b>"}
    page.locator("#nr-sources").get_by_role("button", name="Clear").first.click()  # back to every outlet
    assert "35" in ask(page, "How many people were killed in the Sumy region?").locator(".nr-text").inner_text()
