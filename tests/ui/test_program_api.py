"""APIs for other programs, with real clients against `rag serve` in a subprocess on a free loopback port:
the `openai` client against --openai-api (behind a login), and an MCP client session against --mcp."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import jsonschema
import pytest

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]
QUESTION = "How many people were killed in the Sumy region?"
LOGIN = ("ann", "s3cret:pw")
OTHER_LOGIN = ("bob", "other,pw")  # a comma inside a users-file password is part of it
ACCENTED_LOGIN = ("zoë", "pässwörd")  # listed first: a non-ASCII login once made every API request a 500
ASK_SCHEMA = json.loads((REPO / "docs" / "ask.schema.json").read_text())
STARTUP_SECONDS = 240


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_app(root: Path, args: list[str], env: dict) -> subprocess.Popen:
    corpus = root / "corpus"
    shutil.copytree(REPO / "seeds", corpus)
    env = os.environ | {"RAG_INDEX_DIR": str(root / "index"), "RAG_CORPUS_DIR": str(corpus),
                        "GRADIO_TEMP_DIR": str(root / "gradio-tmp")} | env
    with open(root / "app.log", "w") as log:
        return subprocess.Popen([sys.executable, "-m", "rag", "serve", *args], cwd=REPO, env=env, stdout=log,
                                stderr=subprocess.STDOUT)


def wait_until(ready, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the app exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            if ready():
                return
        except Exception:  # noqa: BLE001 - not up yet
            pass
        time.sleep(1)
    raise TimeoutError(f"the app did not get ready in {STARTUP_SECONDS}s:\n{log.read_text()[-3000:]}")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(30)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="module")
def openai_app(tmp_path_factory):
    """The app with --openai-api and a login (the users file), port given on the command line."""
    root = tmp_path_factory.mktemp("openai-app")
    (root / "users.txt").write_text(f"# logins\n{':'.join(ACCENTED_LOGIN)}\n{LOGIN[0]}:{LOGIN[1]}\n"
                                    f"{OTHER_LOGIN[0]}:{OTHER_LOGIN[1]}\n", encoding="utf-8")
    port = free_port()
    process = start_app(root, ["--port", str(port), "--openai-api", "--auth-file", str(root / "users.txt")], {})
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_until(lambda: not openai_client(url).chat.completions.create(
            model="newsrag", messages=[{"role": "user", "content": QUESTION}]).model_extra["refused"],
            process, root / "app.log")
        yield url
    finally:
        stop(process)


@pytest.fixture(scope="module")
def mcp_app(tmp_path_factory):
    """The app with --mcp, its port from GRADIO_SERVER_PORT (the variable every Gradio host sets) and its login
    from RAG_APP_AUTH."""
    root = tmp_path_factory.mktemp("mcp-app")
    port = free_port()
    process = start_app(root, ["--mcp"], {"GRADIO_SERVER_PORT": str(port), "RAG_APP_AUTH": ":".join(LOGIN)})
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_until(lambda: not run_coroutine(call_ask(url, QUESTION))["answer"]["refused"], process, root / "app.log")
        yield url
    finally:
        stop(process)


def openai_client(url: str, key: str = ":".join(LOGIN)):
    from openai import OpenAI

    return OpenAI(base_url=f"{url}v1", api_key=key, max_retries=0, timeout=120)


def test_openai_client_gets_the_cited_answer_and_citations(openai_app):
    client = openai_client(openai_app)
    assert [m.id for m in client.models.list().data] == ["newsrag"]
    reply = client.chat.completions.create(model="newsrag", messages=[{"role": "user", "content": QUESTION}])
    text = reply.choices[0].message.content
    assert "35" in text and "[1]" in text and "Sources:" in text and reply.choices[0].finish_reason == "stop"
    citations = reply.model_extra["citations"]
    assert citations[0]["n"] == 1 and "35" in citations[0]["quote"] and citations[0]["published"] == "2025-04-15"


def test_openai_follow_up_uses_the_earlier_user_messages(openai_app):
    reply = openai_client(openai_app).chat.completions.create(model="newsrag", messages=[
        {"role": "user", "content": "What happened in Sumy?"}, {"role": "assistant", "content": "..."},
        {"role": "user", "content": "How many died there?"}])
    assert reply.model_extra["query"] == "How many died in Sumy?" and "35" in reply.choices[0].message.content


def test_openai_streaming_ends_with_the_citations(openai_app):
    stream = openai_client(openai_app).chat.completions.create(
        model="newsrag", messages=[{"role": "user", "content": QUESTION}], stream=True)
    chunks = list(stream)
    text = "".join(c.choices[0].delta.content or "" for c in chunks)
    assert "35" in text and chunks[-1].choices[0].finish_reason == "stop"
    assert chunks[-1].model_extra["citations"][0]["n"] == 1


def test_openai_api_and_the_page_need_the_login(openai_app):
    from gradio_client import Client
    from openai import AuthenticationError

    with pytest.raises(AuthenticationError):
        openai_client(openai_app, key="ann:wrong").models.list()
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{openai_app}config", timeout=30)
    assert refused.value.code == 401
    reply = Client(openai_app, auth=LOGIN, verbose=False).predict(question=QUESTION, api_name="/ask")
    assert "35" in reply["answer"]["text"]
    jsonschema.validate(reply, ASK_SCHEMA)  # the schema documented in the README is what /ask returns


def log_in(tab, url: str, login: tuple[str, str]) -> None:
    assert tab.context.request.post(f"{url}login", form={"username": login[0], "password": login[1]}).ok
    tab.goto(url)
    tab.locator("#nr-question textarea").wait_for(timeout=120_000)


def test_the_next_login_in_a_browser_neither_sees_nor_wipes_the_last_ones_conversations(openai_app, browser):
    tab = browser.new_context().new_page()
    log_in(tab, openai_app, LOGIN)
    tab.locator("#nr-question textarea").fill(QUESTION)
    tab.locator("#nr-ask").click()
    answer = tab.locator(".nr-answer").first
    answer.wait_for(timeout=120_000)
    assert "35" in answer.inner_text()
    listing = tab.locator("#nr-conversations")
    listing.get_by_text("How many people were killed").wait_for(timeout=30_000)
    tab.goto(f"{openai_app}logout")
    log_in(tab, openai_app, OTHER_LOGIN)
    listing.get_by_text("New conversation").wait_for(timeout=30_000)  # the page loaded bob's own (empty) store
    assert "killed" not in listing.inner_text() and "killed" not in tab.locator("#nr-chat").inner_text()
    tab.locator("#nr-question textarea").fill("Which city did Rutte visit?")
    tab.locator("#nr-ask").click()
    tab.locator(".nr-answer").first.wait_for(timeout=120_000)  # bob's own question: ann's turns do not come back
    assert "killed" not in listing.inner_text() and "killed" not in tab.locator("#nr-chat").inner_text()
    tab.goto(f"{openai_app}logout")
    log_in(tab, openai_app, LOGIN)  # ann is back: her conversation was kept (it used to be gone)
    listing.get_by_text("How many people were killed").wait_for(timeout=30_000)
    tab.context.close()


def post_v1(url: str, body, headers: dict | None = None) -> tuple[int, dict]:
    request = urllib.request.Request(f"{url}v1/chat/completions", data=body, method="POST", headers={
        "Authorization": f"Bearer {':'.join(LOGIN)}", "Content-Type": "application/json"} | (headers or {}))
    try:
        with urllib.request.urlopen(request, timeout=120) as reply:
            return reply.status, json.loads(reply.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


@pytest.mark.parametrize("body", [
    json.dumps({"messages": [{"role": "user", "content": QUESTION}], "sources": 5}).encode(),
    json.dumps({"messages": [{"role": "user", "content": QUESTION}], "sources": [1, 2]}).encode(),
    json.dumps([{"role": "user", "content": QUESTION}]).encode(),
    b"{not json",
])
def test_openai_api_bad_requests_get_a_400_in_openais_error_shape(openai_app, body):
    status, reply = post_v1(openai_app, body)
    assert status == 400 and reply["error"]["type"] == "invalid_request_error"
    assert "sources" in reply["error"]["message"] or "messages" in reply["error"]["message"]


def test_openai_api_refuses_a_huge_body_before_reading_it_whole(openai_app):
    big = json.dumps({"messages": [{"role": "user", "content": "x" * 3_000_000}]}).encode()
    status, reply = post_v1(openai_app, big)
    assert status == 413 and "over 2 MB" in reply["error"]["message"]
    chunked = (big[i:i + 65536] for i in range(0, len(big), 65536))  # no Content-Length: counted while read
    status, reply = post_v1(openai_app, chunked, {"Transfer-Encoding": "chunked"})
    assert status == 413 and reply["error"]["type"] == "invalid_request_error"


def test_a_non_ascii_login_opens_the_api_in_either_encoding(openai_app):
    import http.client

    host, port = openai_app.split("//")[1].rstrip("/").split(":")
    for key in (":".join(ACCENTED_LOGIN).encode(), ":".join(ACCENTED_LOGIN).encode("latin-1"), b"ann:w\xc3\xa9"):
        connection = http.client.HTTPConnection(host, int(port), timeout=60)
        connection.putrequest("GET", "/v1/models")
        connection.putheader("Authorization", b"Bearer " + key)
        connection.endheaders()
        status = connection.getresponse().status
        connection.close()
        assert status == (401 if key.startswith(b"ann") else 200)


def test_openai_api_takes_one_outlet_as_a_string(openai_app):
    status, reply = post_v1(openai_app, json.dumps({"messages": [{"role": "user", "content": QUESTION}],
                                                    "sources": "no such outlet"}).encode())
    assert status == 200 and reply["refused"] is True  # filtered to an outlet the index does not have


async def call_ask(url: str, question: str, previous: list[str] | None = None) -> dict:
    """Return the JSON of the app's ask tool, called through an MCP client session."""
    from mcp import ClientSession
    from mcp.client.streamable_http import streamablehttp_client

    headers = {"Authorization": f"Bearer {':'.join(LOGIN)}"}
    async with streamablehttp_client(f"{url}gradio_api/mcp/", headers=headers) as (read, write, _):
        async with ClientSession(read, write) as session:
            await session.initialize()
            tools = {tool.name: tool for tool in (await session.list_tools()).tools}
            name = next(n for n in tools if n.endswith("ask_news"))
            assert "question" in tools[name].inputSchema["properties"]
            result = await session.call_tool(name, {"question": question, "previous_questions": previous or []})
            assert not result.isError, result.content
            return json.loads(result.content[0].text)


def test_mcp_tool_returns_the_answer_with_its_citations(mcp_app):
    reply = run_coroutine(call_ask(mcp_app, QUESTION))
    jsonschema.validate(reply, ASK_SCHEMA)
    answer = reply["answer"]
    assert not answer["refused"] and "35" in answer["text"] and reply["error"] == ""
    assert answer["citations"][0]["n"] == 1 and "35" in answer["citations"][0]["quote"]
    assert answer["citations"][0]["published"] == "2025-04-15"
    follow_up = run_coroutine(call_ask(mcp_app, "How many died there?", ["What happened in Sumy?"]))
    assert follow_up["query"] == "How many died in Sumy?" and "35" in follow_up["answer"]["text"]


def test_mcp_tool_refuses_what_the_corpus_does_not_say(mcp_app):
    answer = run_coroutine(call_ask(mcp_app, "Who won the 1998 World Cup final?"))["answer"]
    assert answer["refused"] and answer["citations"] == []


def test_mcp_endpoint_needs_the_login_as_bearer_key(mcp_app):
    request = urllib.request.Request(f"{mcp_app}gradio_api/mcp/", data=b"{}", method="POST",
                                     headers={"Content-Type": "application/json", "Authorization": "Bearer ann:nope"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    assert refused.value.code == 401


def run_coroutine(coroutine):
    """Run a coroutine on its own thread's event loop: an earlier Playwright test in the same session may leave a
    loop running on the main thread, where asyncio.run would refuse."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


@pytest.fixture(scope="module")
def guarded_app(tmp_path_factory):
    """An app with a login and the /v1 API of its own: the failed-login test shuts its address (127.0.0.1) out."""
    root = tmp_path_factory.mktemp("guarded-app")
    port = free_port()
    process = start_app(root, ["--port", str(port), "--openai-api"], {"RAG_APP_AUTH": ":".join(LOGIN)})
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_until(lambda: openai_client(url).models.list() is not None, process, root / "app.log")
        yield url, root / "app.log"
    finally:
        stop(process)


def login_status(url: str, password: str) -> int:
    form = urllib.parse.urlencode({"username": LOGIN[0], "password": password}).encode()
    try:
        with urllib.request.urlopen(urllib.request.Request(f"{url}login", data=form, method="POST"), timeout=60) as r:
            return r.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_an_address_guessing_passwords_is_shut_out(guarded_app):
    """Wrong passwords on the page's login and wrong API keys count together; the 10th shuts the address out, so
    even the right password is refused (429) for a while, and the app's log names the address."""
    url, log = guarded_app
    assert login_status(url, LOGIN[1]) == 200
    assert [login_status(url, f"guess{i}") for i in range(6)] == [400] * 6
    wrong_key = openai_client(url, key="ann:guess")
    for _ in range(4):
        with pytest.raises(Exception) as refused:
            wrong_key.models.list()
        assert getattr(refused.value, "status_code", None) == 401
    assert login_status(url, LOGIN[1]) == 429
    with pytest.raises(Exception) as throttled:
        openai_client(url).models.list()
    assert getattr(throttled.value, "status_code", None) == 429
    assert "10 failed logins from 127.0.0.1" in log.read_text()
