"""The chat with an LLM configured, for real: the scripted OpenAI-compatible server on 127.0.0.1, the seed articles
in Chroma with the bundled MiniLM. Follow-ups are condensed by the LLM; the chat page streams the answer, marking each
sentence verified or struck out as it completes; a failing model shows the extractive answer with a visible note."""

import pytest

from rag.app import conversations as convo

from openai_stub import ScriptedOpenAI, passage_number
from rag import Pipeline
from rag.app.service import ChatService
from rag.app.ui import ChatPage

pytestmark = pytest.mark.slow
SUPPORTED = "Russian strikes killed 35 people in the north-eastern Sumy region"
UNSUPPORTED = "Rutte also promised that NATO would send 5,000 soldiers to Kharkiv"


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory, bundled_embedder):
    from pathlib import Path

    index = tmp_path_factory.mktemp("index")
    Pipeline(index_dir=index, embedder=bundled_embedder).ingest(Path(__file__).parents[2] / "seeds")
    return index


@pytest.fixture
def server():
    with ScriptedOpenAI() as stub:
        yield stub


@pytest.fixture
def service(index_dir, bundled_embedder, server):
    return ChatService(Pipeline(index_dir=index_dir, embedder=bundled_embedder, llm="openai",
                                llm_base_url=server.url, llm_timeout=2.0))


def _script(prompt):
    if "Follow-up question:" in prompt:
        return "How many people were killed in the Sumy region?"
    n = passage_number(prompt, "35 people")
    return f"{SUPPORTED} [{n}]. {UNSUPPORTED} [{n}]."


def test_followup_is_condensed_by_the_llm(service, server):
    server.script = _script
    reply = service.ask("How many died there?", ["Which region did Russia strike on Palm Sunday?"])
    assert reply.query == "How many people were killed in the Sumy region?" and reply.rewritten
    assert "35 people" in reply.answer.text and len(reply.answer.dropped) == 1


def test_followup_falls_back_to_the_rule_based_rewrite(service, server):
    server.mode = "error"
    reply = service.ask("How many died there?", ["How many people were killed in Sumy?"])
    assert "Sumy" in reply.query and reply.rewritten  # the rule-based rewrite
    assert reply.answer.backend == "extractive" and any("extractive answer" in n for n in reply.notes)


def test_chat_page_streams_sentences_then_the_final_answer(service, server):
    server.script = _script
    updates = list(ChatPage(service).respond("How many people were killed in the Sumy region?", {}, [], None, None))
    streamed = [u[0][-1]["content"] for u in updates[:-1]]
    assert len(streamed) > 5 and all("nr-streaming" in html for html in streamed)
    assert any('class="nr-draft"' in html for html in streamed)  # raw tokens show before verification
    assert any('class="nr-verified"' in h and "nr-dropped" not in h for h in streamed)  # first sentence verified first
    assert 'class="nr-dropped"' in streamed[-1] and "5,000 soldiers" in streamed[-1]  # then struck out
    final, store, _, _ = updates[-1]
    assert 'class="nr-card"' in final[-1]["content"] and "5,000" not in final[-1]["content"]
    assert convo.queries(convo.active(store)) == ["How many people were killed in the Sumy region?"]
