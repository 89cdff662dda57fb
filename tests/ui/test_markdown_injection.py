"""Markdown injection in citation cards (issue 13, problem 5), in real Chromium: an uploaded article whose passage
holds a blank line and then a Markdown image, link and raw <img>, all pointing at a local HTTP listener. A blank line
used to end the card's HTML block, so the rest rendered as Markdown and the browser fetched the image (a tracking
pixel in every reader's browser). The listener must receive zero requests, and the payload must show as text."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from conftest import add_files, ask

pytestmark = pytest.mark.slow
ANSWER_TIMEOUT_MS = 90_000
PIXEL = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
         b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")


@pytest.fixture
def listener():
    """An HTTP server on 127.0.0.1 that answers every GET with a 1x1 PNG and records the paths asked for."""
    hits: list[str] = []

    class Pixel(BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()
            self.wfile.write(PIXEL)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Pixel)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    server.hits = hits
    yield server
    server.shutdown()
    server.server_close()


def test_blank_line_plus_image_in_a_passage_loads_nothing(page, listener, tmp_path):
    base = f"http://127.0.0.1:{listener.server_port}"
    payload = {
        "title": "Varna lighthouse keeper counts ships",
        "source": f"Coast Wire\n\n![s]({base}/source.png)",
        "published": "2025-03-31",
        "body": ("The Varna lighthouse keeper counted 212 cargo ships passing the cape in March, the port authority "
                 f"said.\n\n![p]({base}/pixel.png)\n\n[more ships]({base}/link)\n\n<img src=\"{base}/raw.png\">\n\n"
                 "The keeper has logged the ships passing there since 1998."),
    }
    upload = tmp_path / "lighthouse.json"
    upload.write_text(json.dumps(payload), encoding="utf-8")
    assert listener.hits == []
    add_files(page, upload)
    result = page.locator("#nr-upload-results .nr-up").first
    result.wait_for(timeout=ANSWER_TIMEOUT_MS)
    assert result.locator(".nr-up-status").inner_text().lower() == "added", result.inner_text()

    answer = ask(page, "How many cargo ships did the Varna lighthouse keeper count in March?", ANSWER_TIMEOUT_MS)
    assert "212" in answer.locator(".nr-text").inner_text()
    card = answer.locator(".nr-card").first
    quote = card.locator(".nr-quote").inner_text()
    assert f"![p]({base}/pixel.png)" in quote and f"[more ships]({base}/link)" in quote  # shown as text
    assert f"![s]({base}/source.png)" in card.locator(".nr-source").inner_text()
    # Give any image the page holds every chance to be fetched: wait until each one has loaded or failed.
    page.wait_for_function("Array.from(document.images).every(image => image.complete)", timeout=30_000)
    page.wait_for_timeout(1000)
    assert page.locator(f"img[src^='{base}'], a[href^='{base}']").count() == 0
    assert page.locator(".nr-answer img, .nr-answer a[href*='127.0.0.1']").count() == 0
    assert listener.hits == []


def test_a_typed_question_with_markdown_image_and_link_shows_as_text(page, listener):
    """The question bubble rendered Markdown: a typed (or imported) "![](http://host/x.png)" made the browser fetch
    the image, and "[text](url)" was a live link."""
    base = f"http://127.0.0.1:{listener.server_port}"
    question = f"What did the Varna keeper count? ![q]({base}/question.png) [log in again]({base}/phish)"
    ask(page, question, ANSWER_TIMEOUT_MS)
    bubble = page.locator("#nr-chat").get_by_text("log in again", exact=False).first
    bubble.wait_for(timeout=30_000)
    assert f"![q]({base}/question.png)" in bubble.inner_text()
    page.wait_for_function("Array.from(document.images).every(image => image.complete)", timeout=30_000)
    page.wait_for_timeout(1000)
    assert page.locator(f"img[src^='{base}'], a[href^='{base}']").count() == 0
    assert listener.hits == []
