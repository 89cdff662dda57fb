"""`rag bench first-start`: the first ten seconds as a new user sees them, measured in a real browser.

Starts the app (`python -m rag serve`) on a fresh, empty index of the default corpus, waits for the page to
answer HTTP, then asks a question about a MultiHop-RAG article in headless Chromium (Playwright, the system
/usr/bin/chromium) and times how long until a correct answer with a citation card shows. Appends the figure to
docs/BENCHMARKS.md with the machine's load (the CPU may be shared).
"""

from __future__ import annotations

import os
import platform
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

RESULTS = Path("docs/BENCHMARKS.md")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
QUESTION = "How large a stake is Verdane taking in Meltwater?"  # MultiHop-RAG article mhr-a0580
EXPECTED = "11%"
GOAL_SECONDS = 20.0


def free_port() -> int:
    """Return a free TCP port on 127.0.0.1."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for_http(url: str, process: subprocess.Popen, timeout: float = 240) -> float:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the app exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return time.monotonic()
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"the page at {url} did not answer in {timeout:.0f}s")


def ask_in_browser(url: str, question: str, expected: str, timeout_s: float = 180,
                   screenshot: Path | None = None) -> tuple[float, str]:
    """Open the page, ask until an answer containing `expected` with a citation card shows; return (monotonic time
    it showed, the answer text). Questions asked while indexing runs wait for the keyword index on the server."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1360, "height": 1000})
        page.goto(url)
        page.locator("#nr-question textarea").wait_for(timeout=timeout_s * 1000)
        deadline = time.monotonic() + timeout_s
        text = ""
        while time.monotonic() < deadline:
            before = page.locator(".nr-answer").count()
            page.locator("#nr-question textarea").fill(question)
            page.locator("#nr-ask").click()
            answer = page.locator(".nr-answer").nth(before)
            answer.wait_for(timeout=timeout_s * 1000)
            text = answer.inner_text()
            cited = answer.locator(".nr-text").count() and answer.locator(".nr-card").count()
            if cited and expected in answer.locator(".nr-text").inner_text():
                shown = time.monotonic()
                if screenshot:
                    screenshot.parent.mkdir(parents=True, exist_ok=True)
                    page.screenshot(path=str(screenshot), full_page=True)
                browser.close()
                return shown, text
        browser.close()
    raise TimeoutError(f"no correct cited answer in {timeout_s:.0f}s; last answer: {text[:300]}")


class LogTimeline:
    """Stamps each new line of the app's log with the seconds since a start time (the log itself has no times)."""

    KEEP = ("read: 3 of", "chunk: 0 of", "of 611 articles", "keyword:", "exported", "ingest:")

    def __init__(self, path: Path, start: float):
        import threading

        self.path, self.start, self.lines = path, start, []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._follow, daemon=True)
        self._thread.start()

    def _follow(self) -> None:
        offset = 0
        while not self._stop.wait(0.05):
            with open(self.path, encoding="utf-8", errors="replace") as log:
                log.seek(offset)
                new = log.read()
                offset = log.tell()
            now = time.monotonic() - self.start
            self.lines += [(now, line) for line in new.splitlines() if line.startswith("INFO")]

    def stop(self) -> list[str]:
        """Stop following; return the stage lines as '+12.3 s: line'."""
        self._stop.set()
        self._thread.join()
        return [f"+{at:.1f} s: {line.removeprefix('INFO ')}" for at, line in self.lines
                if any(key in line for key in self.KEEP) and not line.endswith(("62 of 611 articles",))]


def measure(corpus: Path, screenshot: Path | None = None) -> dict:
    """Start the app on a fresh index of corpus and return the first-start timings (seconds)."""
    root = Path(tempfile.mkdtemp(prefix="newsrag-first-start-"))
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    env = os.environ | {"RAG_INDEX_DIR": str(root / "index"), "RAG_CORPUS_DIR": str(corpus.resolve()),
                        "GRADIO_TEMP_DIR": str(root / "gradio-tmp"),
                        "RAG_MODEL_CACHE_DIR": str(root / "model-cache")}  # a true first start: no cached export
    load_before = os.getloadavg()[0]
    started = time.monotonic()
    with open(root / "app.log", "w") as log_file:
        process = subprocess.Popen([sys.executable, "-m", "rag", "serve", "--port", str(port)], cwd=root, env=env,
                                   stdout=log_file, stderr=subprocess.STDOUT)
    try:
        page_up = _wait_for_http(url, process)
        timeline = LogTimeline(root / "app.log", page_up)
        shown, text = ask_in_browser(url, QUESTION, EXPECTED, screenshot=screenshot)
        stages = timeline.stop()
    finally:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(root, ignore_errors=True)
    return {"page_up_s": page_up - started, "answer_after_page_s": shown - page_up, "answer": text.splitlines()[0],
            "load_before": load_before, "load_after": os.getloadavg()[0], "cores": os.cpu_count(),
            "stages_after_page": stages}


def run(args, pipeline) -> int:
    """`rag bench first-start`: measure, print, and append to docs/BENCHMARKS.md unless --no-record."""
    corpus = Path(args.corpus) if args.corpus else pipeline.settings.corpus_dir
    result = measure(corpus, Path("tests/artifacts/bench_first_start.png"))
    verdict = "met" if result["answer_after_page_s"] <= GOAL_SECONDS else "missed"
    line = (f"page answered HTTP {result['page_up_s']:.1f} s after launch; correct cited answer "
            f"{result['answer_after_page_s']:.1f} s after that (goal {GOAL_SECONDS:.0f} s: {verdict}), "
            f"{result['page_up_s'] + result['answer_after_page_s']:.1f} s after launch; "
            f"load average {result['load_before']:.2f} before, {result['load_after']:.2f} after, "
            f"{result['cores']} cores")
    print(line)
    print("\n".join(result["stages_after_page"]))
    print("answer:", result["answer"])
    if not args.no_record:
        stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        note = f" Note: {args.note}." if args.note else ""
        with RESULTS.open("a", encoding="utf-8") as out:  # a section of its own, at the end of the file
            out.write(f"\n## First start in the browser (`rag bench first-start`), {stamp}\n\n"
                      f"- {platform.machine()}, Python {platform.python_version()}, fresh index of {corpus}, question "
                      f"“{QUESTION}” asked in Chromium as soon as the page loads: {line}.{note}\n"
                      + "".join(f"  - app log, after the page answered: `{entry}`\n"
                                for entry in result["stages_after_page"]))
    return 0 if verdict == "met" else 1
