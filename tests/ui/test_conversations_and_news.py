"""In a real browser over the seed app: conversations kept across reloads, listed, exported and imported; news files
with datelines after the title and without an outlet; time words ("last week", "in May 2025")."""

import pytest
from conftest import add_files, ask


pytestmark = pytest.mark.slow


def _conversation_labels(tab):
    return tab.locator("#nr-conversations label").all_inner_texts()


def test_a_conversation_survives_a_reload_and_new_conversation_keeps_it(page):
    ask(page, "Which Ukrainian city did Rutte visit?")
    page.locator("#nr-conversations label", has_text="Which Ukrainian city did Rutte visit?").wait_for()
    page.reload()
    page.locator("#nr-question textarea").wait_for()
    page.locator(".nr-answer").first.wait_for(timeout=30_000)  # restored from the browser's storage
    assert "Odesa" in page.locator(".nr-answer .nr-text").first.inner_text()
    page.locator("#nr-clear").click()
    page.locator("#nr-conversations label", has_text="New conversation").wait_for()
    assert page.locator(".nr-answer").count() == 0
    ask(page, "How many people were killed in the Sumy region?")
    page.locator("#nr-conversations label", has_text="How many people were killed").wait_for()
    assert len(_conversation_labels(page)) == 2
    page.locator("#nr-conversations label", has_text="Which Ukrainian city did Rutte visit?").click()
    page.locator(".nr-answer .nr-text", has_text="Odesa").wait_for(timeout=30_000)
    assert page.locator(".nr-answer").count() == 1


def test_a_conversation_exports_as_markdown_with_citations_and_imports_again(page, browser, app, tmp_path, ui):
    ask(page, "Which Ukrainian city did Rutte visit?")
    page.locator("#nr-export").click()
    link = page.locator("#nr-exported a[download]").first
    link.wait_for(timeout=30_000)
    with page.expect_download() as download:
        link.click()
    path = tmp_path / "conversation.md"
    download.value.save_as(path)
    text = path.read_text(encoding="utf-8")
    assert "## 1. Which Ukrainian city did Rutte visit?" in text and "Odesa" in text
    assert "— WION, 2025-04-15. <https://www.wionews.com/" in text or "— Channel 8, " in text  # title, outlet, date
    assert "\n> " in text  # the quote
    other = ui.open_tab(browser, app.url)  # another browser profile: an empty conversation list
    assert other.locator(".nr-answer").count() == 0
    with other.expect_file_chooser() as chooser:
        other.locator("#nr-import").click()
    chooser.value.set_files(str(path))
    other.locator("#nr-conversations label", has_text="Which Ukrainian city did Rutte visit?").wait_for(timeout=30_000)
    other.locator(".nr-answer .nr-card").first.wait_for(timeout=30_000)
    assert "Odesa" in other.locator(".nr-answer .nr-text").first.inner_text()
    ui.screenshot(other, "test_conversation_imported")
    other.context.close()


def test_a_dateline_after_the_title_is_the_date_and_a_file_without_outlet_is_unknown_source(page, tmp_path):
    upload = tmp_path / "000_bergen_ferry.txt"
    upload.write_text("Bergen ferry strike ends\ndate 2023-12-22\n\nThe Bergen ferry strike ended on Friday after the "
                      "operator agreed to a 6 percent pay rise for the crews, the union said. The strike had lasted nine "
                      "days.\n", encoding="utf-8")
    add_files(page, upload)
    page.locator("#nr-upload-results .nr-up").first.wait_for(timeout=90_000)
    answer = ask(page, "How long did the Bergen ferry strike last?")
    assert "nine days" in answer.locator(".nr-text").inner_text()
    card = answer.locator(".nr-card").first
    assert card.locator(".nr-date").inner_text() == "22 Dec 2023"
    assert card.locator(".nr-source").inner_text() == "unknown source"
    assert card.locator(".nr-title").inner_text() == "Bergen ferry strike ends"
    assert "date 2023-12-22" not in card.locator(".nr-quote").inner_text()


def test_time_words_resolve_against_the_newest_article_and_say_so(page, tmp_path):
    # An article dated after everything else makes 2026-01-10 the index's "now" whatever other tests uploaded.
    upload = tmp_path / "lights.md"
    upload.write_text("---\nsource: Harbour Gazette\ndate: 2026-01-10\n---\nHarbour lights festival opens\n\nThe "
                      "harbour lights festival opened with 40 illuminated boats on Saturday, organisers said.\n")
    add_files(page, upload)
    page.locator("#nr-upload-results .nr-up").first.wait_for(timeout=90_000)
    week = ask(page, "How many illuminated boats opened the harbour lights festival last week?")
    assert "40" in week.locator(".nr-text").inner_text()
    note = week.locator(".nr-timewords").inner_text()
    assert "last week" in note and "2026-01-03 to 2026-01-10" in note and "relative to 2026-01-10" in note
    stale = ask(page, "How many people were killed in Sumy last week?")  # April 2025 is not "last week" any more
    assert stale.locator(".nr-refusal").count() == 1
    april = ask(page, "How many people were killed in Sumy in April 2025?")
    assert "35" in april.locator(".nr-text").inner_text()
    # a count asked for a month is looked for in that month's reports and the next month's (figures come out after)
    assert "2025-04-01 to 2025-05-31" in april.locator(".nr-timewords").inner_text()
    may = ask(page, "How many people were killed in Sumy in May 2025?")
    assert may.locator(".nr-refusal").count() == 1  # nothing was published in May or June 2025
    assert "2025-05-01 to 2025-06-30" in may.locator(".nr-timewords").inner_text()
    latest = ask(page, "What is the latest news about a fire?")
    assert "most recent relevant articles first" in latest.locator(".nr-timewords").inner_text()
    assert "Varna" in latest.inner_text()  # the one fire in the index (newest-first ordering: unit/integration tests)
