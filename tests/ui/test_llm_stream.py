"""The chat with an LLM, in a real browser: `python app.py` configured with RAG_LLM=openai against the scripted
OpenAI-compatible server on 127.0.0.1 (streaming slowly), driven by Playwright with Debian's Chromium. The answer
grows token by token; each sentence is marked verified or struck out as it completes; the cards come at the end."""

import os
import shutil
import subprocess
import sys
import time

import pytest

from conftest import ARTIFACTS, REPO, STARTUP_SECONDS, RunningApp, _indexing_done, free_port
from tests.integration.openai_stub import ScriptedOpenAI, passage_number

pytestmark = pytest.mark.slow
SUPPORTED = "Russian strikes killed 35 people in the north-eastern Sumy region"
UNSUPPORTED = "Rutte also promised that NATO would send 5,000 soldiers to Kharkiv"


def _script(prompt):
    if "35 people" not in prompt:
        return "The passages do not say."
    n = passage_number(prompt, "35 people")
    return f"{SUPPORTED} [{n}]. {UNSUPPORTED} [{n}]. The passages say nothing more [{n}]."


def _wait_until_indexed(app: RunningApp) -> None:
    """Wait until the app answers /ask without the indexing note (a busy machine may time a request out: retry)."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if app.process.poll() is not None:
            raise RuntimeError(f"the app exited with {app.process.returncode}:\n{app.log.read_text()[-3000:]}")
        try:
            if _indexing_done(app.url):
                return
        except Exception:  # not up yet, or a request timed out under load: try again
            pass
        time.sleep(1)
    raise TimeoutError(f"the app did not get ready in {STARTUP_SECONDS}s:\n{app.log.read_text()[-3000:]}")


@pytest.fixture(scope="module")
def llm_app(tmp_path_factory):
    with ScriptedOpenAI() as server:
        server.script = _script
        root = tmp_path_factory.mktemp("llm-app")
        shutil.copytree(REPO / "seeds", root / "corpus")
        port, log = free_port(), root / "app.log"
        env = os.environ | {"RAG_INDEX_DIR": str(root / "index"), "RAG_CORPUS_DIR": str(root / "corpus"),
                            "GRADIO_TEMP_DIR": str(root / "gradio-tmp"), "RAG_LLM": "openai",
                            "RAG_LLM_BASE_URL": server.url, "RAG_LLM_MODEL": "scripted-model"}
        with open(log, "w") as log_file:
            process = subprocess.Popen([sys.executable, str(REPO / "app.py"), "--port", str(port)], cwd=root,
                                       env=env, stdout=log_file, stderr=subprocess.STDOUT)
        running = RunningApp(f"http://127.0.0.1:{port}/", process, root, root / "corpus", log)
        try:
            _wait_until_indexed(running)
            server.piece_delay = 0.15
            yield running
        finally:
            process.terminate()
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()


def test_llm_answer_streams_and_marks_each_sentence(browser, llm_app):
    context = browser.new_context(viewport={"width": 1360, "height": 1000})
    page = context.new_page()
    try:
        page.goto(llm_app.url)
        page.locator("#nr-question textarea").fill("How many people were killed in the Sumy region?")
        page.locator("#nr-ask").click()
        draft = page.locator(".nr-streaming .nr-draft").first
        draft.wait_for(timeout=90_000)  # raw tokens show before any verification
        verified = page.locator(".nr-streaming .nr-verified").first
        verified.wait_for(timeout=60_000)
        assert "35 people" in verified.inner_text() and "[1]" in verified.inner_text()
        struck = page.locator(".nr-streaming s.nr-dropped").first
        struck.wait_for(timeout=60_000)
        assert "5,000 soldiers" in struck.inner_text() and "not supported" in struck.get_attribute("title")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "test_llm_answer_streaming.png"), full_page=True)
        card = page.locator(".nr-answer .nr-card").first
        card.wait_for(timeout=60_000)
        final = page.locator(".nr-answer.nr-answered .nr-text").first.inner_text()
        assert "35 people" in final and "5,000" not in final
        assert page.locator(".nr-streaming").count() == 0
        page.screenshot(path=str(ARTIFACTS / "test_llm_answer_streamed_final.png"), full_page=True)
    finally:
        context.close()
