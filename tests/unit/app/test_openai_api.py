"""The OpenAI-compatible reply format: message text with numbered sources, citations, streaming events."""

import json
from datetime import date

from rag.app.openai_api import cited_text, completion, conversation, message_text, stream_chunks
from rag.app.service import ChatReply
from rag.types import Answer, Citation

CITATION = Citation(n=1, article_id="a1", title="Rutte visits Odesa", source="Kyiv Post", published=date(2025, 4, 15),
                    url="https://example.org/rutte", quote="Rutte visited Odesa on Tuesday.", start=10, end=41,
                    score=0.8, passage="NATO chief Rutte visited Odesa on Tuesday.")


def reply(refused: bool = False) -> ChatReply:
    answer = Answer(question="Which city?", text="Rutte visited Odesa [1].", refused=refused,
                    citations=[] if refused else [CITATION])
    return ChatReply(question="Which city?", query="Which city did Rutte visit?", answer=answer)


def test_message_text_takes_strings_and_content_parts():
    assert message_text({"role": "user", "content": "Who?"}) == "Who?"
    assert message_text({"role": "user", "content": [{"type": "text", "text": "Who"}, {"type": "text",
                                                                                    "text": "won?"}]}) == "Who won?"
    assert message_text({"role": "user", "content": None}) == ""


def test_completion_carries_the_cited_answer_and_citations():
    body = completion(reply(), "newsrag")
    assert body["object"] == "chat.completion" and body["model"] == "newsrag" and body["id"].startswith("chatcmpl-")
    content = body["choices"][0]["message"]["content"]
    assert content.startswith("Rutte visited Odesa [1].") and "Sources:" in content
    assert "[1] Rutte visits Odesa (Kyiv Post, 2025-04-15) https://example.org/rutte" in content
    assert body["citations"][0]["published"] == "2025-04-15" and body["query"] == "Which city did Rutte visit?"
    assert body["citations"][0]["quote"] == CITATION.quote and body["refused"] is False
    json.dumps(body)  # plain JSON all the way down


def test_refusal_has_no_sources():
    body = completion(reply(refused=True), "newsrag")
    assert body["refused"] and body["citations"] == [] and "Sources:" not in cited_text(reply(refused=True))


def test_stream_sends_role_text_then_citations_and_done():
    events = list(stream_chunks(completion(reply(), "newsrag")))
    assert events[-1] == "data: [DONE]\n\n"
    chunks = [json.loads(e.removeprefix("data: ")) for e in events[:-1]]
    assert [c["object"] for c in chunks] == ["chat.completion.chunk"] * 3
    assert chunks[0]["choices"][0]["delta"]["role"] == "assistant"
    assert "".join(c["choices"][0]["delta"].get("content", "") for c in chunks).startswith("Rutte visited Odesa")
    assert chunks[-1]["choices"][0]["finish_reason"] == "stop" and chunks[-1]["citations"][0]["n"] == 1


def test_an_earlier_reply_naming_a_person_is_carried_with_its_question():
    messages = [{"role": "system", "content": "Be brief."},
                {"role": "user", "content": "Who was named interim CEO of OpenAI?"},
                {"role": "assistant", "content": "Mira Murati [1]. OpenAI named its CTO ...\n\nSources:\n[1] ..."},
                {"role": "user", "content": "How much did Amazon offer for iRobot?"},
                {"role": "assistant", "content": "$1.7 billion [1]. Amazon ..."},
                {"role": "user", "content": "and who replaced her?"}]
    assert conversation(messages) == ["Who was named interim CEO of OpenAI? (answered: Mira Murati)",
                                      "How much did Amazon offer for iRobot?", "and who replaced her?"]


def test_the_outlet_filter_takes_a_list_or_one_name_and_rejects_the_rest():
    import pytest

    from rag.app.openai_api import outlet_filter

    assert outlet_filter(None) is None and outlet_filter([]) is None and outlet_filter("") is None
    assert outlet_filter("BBC News") == ["BBC News"] and outlet_filter(["A", "B"]) == ["A", "B"]
    for bad in (5, {"a": 1}, [1], ["A", None]):
        with pytest.raises(ValueError, match="'sources' is"):
            outlet_filter(bad)



def test_an_uploaded_source_is_marked_in_the_text_and_the_json():
    """An app user's upload may claim any outlet: an API client's reader must be able to tell it from the corpus."""
    from dataclasses import replace

    uploaded = replace(CITATION, article_id="u-3f2a", source="Kyiv Post")
    answer = Answer(question="Which city?", text="Rutte visited Odesa [1].", refused=False, citations=[uploaded])
    body = completion(ChatReply(question="Which city?", query="Which city?", answer=answer), "newsrag")
    assert "[1] Rutte visits Odesa (Kyiv Post, 2025-04-15, uploaded by an app user)" in \
        body["choices"][0]["message"]["content"]
    assert body["citations"][0]["uploaded"] is True and completion(reply(), "m")["citations"][0]["uploaded"] is False
