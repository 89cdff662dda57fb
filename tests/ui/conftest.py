"""The app for real: `python app.py` in a subprocess on a free loopback port over the seed articles (plus one
article full of HTML), driven by Playwright with Debian's Chromium (/usr/bin/chromium; never `playwright install`)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "tests" / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
STARTUP_SECONDS = 240
XSS_ARTICLE = {
    "id": "xss-varna",
    "title": 'Varna harbour fire <script>window.__xss = "title"</script>',
    "source": "Black Sea <b>Wire</b>",
    "published": "2025-04-20",
    "url": "javascript:window.__xss = 'url'",
    "body": ('A fire in Varna harbour destroyed 14 fishing boats <img src=x onerror="window.__xss = \'img\'"> '
             "on Sunday night, the port authority said.\n\nFirefighters from three towns fought the blaze for six hours."),
}

pytestmark = pytest.mark.slow


@dataclass
class RunningApp:
    url: str
    process: subprocess.Popen
    root: Path
    corpus: Path
    log: Path


def free_port() -> int:
    """Return a free TCP port on 127.0.0.1."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_ready(app: RunningApp) -> None:
    """Wait for the page to answer and the background indexing of the small corpus to finish."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if app.process.poll() is not None:
            raise RuntimeError(f"the app exited with {app.process.returncode}:\n{app.log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(app.url, timeout=5) as response:
                if response.status == 200 and _indexing_done(app.url):
                    return
        except OSError:
            pass
        time.sleep(1)
    raise TimeoutError(f"the app did not get ready in {STARTUP_SECONDS}s:\n{app.log.read_text()[-3000:]}")


def _indexing_done(url: str) -> bool:
    from gradio_client import Client

    reply = Client(url, verbose=False).predict(question="Who did Rutte meet?", api_name="/ask")
    return not reply["notes"] and not reply["error"]


def start_app(root: Path, corpus: Path) -> RunningApp:
    """Start `python app.py` on a free port over corpus with a fresh index under root (not waiting for it)."""
    port, log = free_port(), root / "app.log"
    env = os.environ | {"RAG_INDEX_DIR": str(root / "index"), "RAG_CORPUS_DIR": str(corpus),
                        "GRADIO_TEMP_DIR": str(root / "gradio-tmp")}
    with open(log, "w") as log_file:
        process = subprocess.Popen([sys.executable, str(REPO / "app.py"), "--port", str(port)], cwd=root, env=env,
                                   stdout=log_file, stderr=subprocess.STDOUT)
    return RunningApp(f"http://127.0.0.1:{port}/", process, root, corpus, log)


def stop_app(app: RunningApp) -> None:
    """Stop the app's process (and wait for it)."""
    app.process.terminate()
    try:
        app.process.wait(30)
    except subprocess.TimeoutExpired:
        app.process.kill()


@pytest.fixture(scope="session")
def app(tmp_path_factory) -> RunningApp:
    """The app serving a tmp corpus (seeds + the HTML-laden article) and a fresh index; stopped after the session."""
    root = tmp_path_factory.mktemp("app")
    corpus = root / "corpus"
    shutil.copytree(REPO / "seeds", corpus)
    (corpus / "varna.json").write_text(json.dumps(XSS_ARTICLE), encoding="utf-8")
    running = start_app(root, corpus)
    try:
        _wait_until_ready(running)
        yield running
    finally:
        stop_app(running)


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y --no-install-recommends chromium (.ci/run does this)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def open_tab(browser, url: str, **context_options):
    """Return a new tab on url (in its own browser context), once the question box is there."""
    context = browser.new_context(viewport={"width": 1360, "height": 1000}, accept_downloads=True,
                                  **context_options)
    tab = context.new_page()
    tab.dialogs = []
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    tab.goto(url)
    tab.locator("#nr-question textarea").wait_for(timeout=120_000)
    return tab


def ask(tab, question: str, timeout_ms: int = 90_000):
    """Type a question, press Ask, and return the locator of the new answer (waiting for it, not for idle)."""
    before = tab.locator(".nr-answer").count()
    tab.locator("#nr-question textarea").fill(question)
    tab.locator("#nr-ask").click()
    answer = tab.locator(".nr-answer").nth(before)
    answer.wait_for(timeout=timeout_ms)
    return answer


def add_files(tab, *paths: Path) -> None:
    """Choose files in the upload box, wait until they are listed, and press "Add to index"."""
    tab.locator("#nr-files input[type=file]").set_input_files([str(p) for p in paths])
    tab.locator("#nr-files .file-preview a[download]").first.wait_for(timeout=30_000)
    tab.locator("#nr-add").click()


def screenshot(tab, name: str) -> None:
    """Save a full-page screenshot to tests/artifacts/<name>.png."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.fixture
def page(browser, app, request):
    """A fresh browser tab on the app; a screenshot of it is saved to tests/artifacts/<test>.png afterwards."""
    tab = open_tab(browser, app.url)
    yield tab
    screenshot(tab, request.node.name)
    tab.context.close()


@pytest.fixture(scope="session")
def ui():
    """The helpers browser tests share: ui.start_app / stop_app / open_tab / screenshot / ask / add_files."""
    from types import SimpleNamespace

    return SimpleNamespace(start_app=start_app, stop_app=stop_app, open_tab=open_tab, screenshot=screenshot,
                           ask=ask, add_files=add_files, repo=REPO)
