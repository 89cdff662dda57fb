from datetime import date

import pytest

from rag.app import conversations as convo
from rag.app.render import reply_html
from rag.app.service import ChatReply
from rag.types import Answer, Citation, IngestReport


def _reply(question="Which city did Rutte visit?", query=None):
    citation = Citation(article_id="a", n=1, title="Rutte in <Odesa>", source="WION", published=date(2025, 4, 15),
                        url="https://www.wionews.com/x", quote="Rutte visited Odesa.", start=0, end=20, score=0.9)
    answer = Answer(question=question, text="Rutte visited Odesa. [1]", refused=False, citations=[citation],
                    note="Time words: x.")
    return ChatReply(question=question, query=query or question, answer=answer)


def test_new_conversation_keeps_the_old_one_and_empty_ones_do_not_pile_up():
    store = convo.new_store()
    assert convo.start_conversation(store) == store  # the active one is still empty
    store = convo.add_turn(store, convo.turn_from_reply(_reply()))
    first = store["active"]
    store = convo.start_conversation(store)
    assert store["active"] != first and [c["title"] for c in store["conversations"]] == [
        "", "Which city did Rutte visit?"]
    assert convo.choices(store)[0][0] == "New conversation"
    assert convo.queries(convo.active(convo.select(store, first))) == ["Which city did Rutte visit?"]


def test_markdown_export_has_full_citations_and_imports_again():
    store = convo.add_turn(convo.new_store(), convo.turn_from_reply(_reply(query="Which city did Rutte visit -->")))
    conversation = convo.active(store)
    text = convo.to_markdown(conversation)
    assert "## 1. Which city did Rutte visit?" in text and "Rutte visited Odesa. [1]" in text
    assert "[1] **Rutte in <Odesa>** — WION, 2025-04-15. <https://www.wionews.com/x>" in text
    assert "> Rutte visited Odesa." in text and text.rsplit("<!-- newsrag-conversation", 1)[1].count("-->") == 1
    again = convo.from_markdown(text)
    assert again["turns"] == conversation["turns"] and again["title"] == conversation["title"]
    html = reply_html(convo.reply_from_turn(again["turns"][0]))
    assert "Rutte in &lt;Odesa&gt;" in html and "15 Apr 2025" in html and "Time words: x." in html


def test_import_refuses_a_file_that_is_not_an_export():
    with pytest.raises(convo.ConversationImportError, match="Export as Markdown"):
        convo.from_markdown("# Just notes\n\nNothing here.")
    with pytest.raises(convo.ConversationImportError, match="damaged"):
        convo.from_markdown("<!-- newsrag-conversation\n{broken\n-->")


def test_a_store_from_the_browser_with_the_wrong_shape_is_replaced():
    assert convo.valid_store({"conversations": "x"})["conversations"][0]["turns"] == []
    assert convo.valid_store(None)["active"]


def test_ingest_report_str_is_a_short_summary_with_failed_files():
    report = IngestReport(added=[f"a-{n}" for n in range(613)], failed=[("bad.json", "not valid JSON")])
    text = str(report)
    assert text.splitlines() == ["613 added, 0 updated, 0 unchanged, 0 removed, 1 failed; 0 chunks embedded in 0.0s",
                                 "  failed: bad.json: not valid JSON"]
    assert "a-17" not in text and "a-17" not in repr(report)


def test_a_turn_answered_with_a_person_passes_the_person_on_to_the_follow_ups():
    question = "Who was named interim CEO of OpenAI?"
    answered = ChatReply(question=question, query=question, answer=Answer(
        question=question, text="Mira Murati [1]. ...", refused=False, short="Mira Murati"))
    store = convo.add_turn(convo.new_store(), convo.turn_from_reply(answered))
    assert convo.queries(convo.active(store)) == [f"{question} (answered: Mira Murati)"]
    assert store["conversations"][0]["turns"][0]["query"] == question  # "Searched as" shows the query alone
    refused = ChatReply(question=question, query=question, answer=Answer(question=question, text="The corpus does not "
                                                                         "say.", refused=True))
    where = ChatReply(question="Which city did Rutte visit?", query="Which city did Rutte visit?", answer=Answer(
        question="Which city did Rutte visit?", text="Odesa [1].", refused=False, short="Odesa"))
    assert refused.context == question and where.context == "Which city did Rutte visit?"


def test_a_store_is_shown_only_to_the_login_that_made_it():
    ann = convo.start_conversation(convo.new_store("ann"))
    assert convo.switch_login(ann, "ann", None) is ann and ann["owner"] == "ann"  # kept by every change of the store
    other = convo.switch_login(ann, "bob", None)
    assert other["owner"] == "bob" and len(other["conversations"]) == 1 and not other["conversations"][0]["turns"]
    assert convo.switch_login(convo.new_store(), None, None)["owner"] is None  # an open app: one store, as before
    assert convo.switch_login(convo.new_store(), "ann", None)["owner"] == "ann"  # made before logins: not shown to ann
    asked = convo.add_turn(ann, {"question": "Who won?", "query": "Who won?", "answer": None})
    assert not any(c["turns"] for c in convo.switch_login(asked, "bob", None)["conversations"])


def test_an_imported_turn_without_its_query_is_searched_as_its_question():
    """A hand-edited export whose turn lacks "query" made every later follow-up in it fail (KeyError)."""
    import json as _json

    data = {"title": "t", "turns": [{"question": "Who won?", "answer": "not a dict", "notes": [1, "n"]}]}
    text = "# t\n\n<!-- newsrag-conversation\n" + _json.dumps(data) + "\n-->\n"
    imported = convo.from_markdown(text)
    turn = imported["turns"][0]
    assert turn["query"] == "Who won?" and turn["answer"] is None and turn["notes"] == ["n"]
    assert convo.queries(imported) == ["Who won?"]
    assert convo.queries({"turns": [{"question": "Only a question"}]}) == ["Only a question"]


def test_another_login_in_the_browser_shelves_the_last_ones_conversations(tmp_path):
    """ann asks, bob logs in in the same browser (sees nothing of ann's), ann comes back: her conversations are
    there again, and bob's wait for him in turn."""
    import stat

    shelf = convo.Shelf(tmp_path / "conversations")
    ann = convo.add_turn(convo.new_store("ann"), {"question": "Who won?", "query": "Who won?", "answer": None})
    bob = convo.switch_login(ann, "bob", shelf)
    assert bob["owner"] == "bob" and not any(c["turns"] for c in bob["conversations"])
    [shelved] = list((tmp_path / "conversations").iterdir())
    assert stat.S_IMODE(shelved.stat().st_mode) == 0o600 and "ann" not in shelved.name
    bob = convo.add_turn(bob, {"question": "Where?", "query": "Where?", "answer": None})
    back = convo.switch_login(bob, "ann", shelf)
    assert back["owner"] == "ann" and back["conversations"][0]["turns"][0]["question"] == "Who won?"
    assert convo.switch_login(back, "bob", shelf)["conversations"][0]["turns"][0]["question"] == "Where?"
    assert convo.switch_login(back, "ann", shelf) is back  # the browser's own store: untouched
    shelf.put(back)  # ann's shelved again; bob's empty store in the browser does not hide it from her
    assert convo.switch_login(convo.new_store("bob"), "ann", shelf)["conversations"][0]["turns"]
    assert convo.switch_login(convo.new_store(), None, None)["owner"] is None  # an open app: nothing shelved
