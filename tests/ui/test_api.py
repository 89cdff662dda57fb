"""The app's named API endpoints through gradio_client, and 20 simultaneous questions against one server."""

import time
from concurrent.futures import ThreadPoolExecutor

import pytest

pytestmark = pytest.mark.slow
CONCURRENT_QUESTIONS = 20
CONCURRENCY_DEADLINE_S = 300


@pytest.fixture
def client(app):
    from gradio_client import Client

    return Client(app.url, verbose=False)


def test_named_endpoints_are_published(client):
    endpoints = client.view_api(return_format="dict", print_info=False)["named_endpoints"]
    assert {"/ask", "/chat", "/upload"} <= set(endpoints)


def test_ask_endpoint_returns_the_cited_answer_as_json(client):
    reply = client.predict(question="How many people were killed in the Sumy region?", api_name="/ask")
    answer = reply["answer"]
    assert reply["error"] == "" and not answer["refused"] and "35" in answer["text"]
    citation = answer["citations"][0]
    assert citation["n"] == 1 and "35" in citation["quote"] and citation["published"] == "2025-04-15"
    assert citation["quote"] in citation["passage"] and answer["timings"]["total_ms"] > 0


def test_ask_endpoint_applies_follow_up_context_and_filters(client):
    reply = client.predict(question="How many died there?", previous_queries=["What happened in Sumy?"],
                           api_name="/ask")
    assert reply["query"] == "How many died in Sumy?" and "35" in reply["answer"]["text"]
    only_varna = client.predict(question="How many people were killed in the Sumy region?",
                                sources=["Black Sea <b>Wire</b>"], api_name="/ask")
    assert {c["source"] for c in only_varna["answer"]["citations"]} <= {"Black Sea <b>Wire</b>"}
    assert "35 people" not in only_varna["answer"]["text"]


def test_chat_endpoint_returns_the_rendered_conversation(client):
    history, textbox = client.predict(message="Which Ukrainian city did Rutte visit?", history=[], sources=[],
                                      since=None, until=None, api_name="/chat")
    assert textbox == "" and [m["role"] for m in history] == ["user", "assistant"]
    html = history[1]["content"][0]["text"] if isinstance(history[1]["content"], list) else history[1]["content"]
    assert "Odesa" in html and 'class="nr-card"' in html


def test_twenty_simultaneous_questions_all_get_their_own_correct_answer(client):
    questions = {
        "Which Ukrainian city did Rutte visit?": lambda a: not a["refused"] and "Odesa" in a["text"],
        "How many people were killed in the Sumy region?": lambda a: not a["refused"] and "35" in a["text"],
        "How many fishing boats did the Varna harbour fire destroy?": lambda a: not a["refused"] and "14" in a["text"],
        "Who won the 1998 World Cup final?": lambda a: a["refused"] and not a["citations"],
    }
    asked = [list(questions)[i % len(questions)] for i in range(CONCURRENT_QUESTIONS)]
    started = time.monotonic()
    jobs = [client.submit(question=q, api_name="/ask") for q in asked]
    with ThreadPoolExecutor(CONCURRENT_QUESTIONS) as pool:
        replies = list(pool.map(lambda job: job.result(timeout=CONCURRENCY_DEADLINE_S), jobs))
    elapsed = time.monotonic() - started
    for question, reply in zip(asked, replies):
        assert reply["question"] == question and reply["error"] == ""
        assert questions[question](reply["answer"]), (question, reply["answer"]["text"])
    print(f"{CONCURRENT_QUESTIONS} simultaneous questions answered in {elapsed:.1f}s")
