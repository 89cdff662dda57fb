"""A scripted OpenAI-compatible server on 127.0.0.1 for tests: real HTTP, chat completions (plain and streamed as
server-sent events), /v1/models, and failure modes (HTTP 500, a reply slower than the client's timeout, empty and
malformed replies). The reply is whatever the test's script returns for the request."""

from __future__ import annotations

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MODEL = "scripted-model"


def passage_number(prompt: str, phrase: str) -> int:
    """Return the number [n] of the passage in the prompt whose text contains phrase (AssertionError if none)."""
    blocks = re.split(r"^\[(\d+)\] ", prompt, flags=re.M)
    for number, body in zip(blocks[1::2], blocks[2::2]):
        if phrase.lower() in body.lower():
            return int(number)
    raise AssertionError(f"no passage in the prompt contains {phrase!r}")


def passage_count(prompt: str) -> int:
    """Return how many numbered passages the prompt holds."""
    return len(re.findall(r"^\[\d+\] ", prompt, flags=re.M))


class ScriptedOpenAI:
    """The server's state: the script (prompt -> reply text), the failure mode and every request received."""

    def __init__(self):
        self.script = lambda prompt: "The passages do not say."
        self.mode = "ok"  # ok | error | slow | empty | malformed | drip | huge | stream_error | cut | stall
        self.status = 500  # the HTTP status an "error" reply has
        self.delay = 5.0  # seconds a "slow" reply takes (a "drip" reply: sent a byte at a time over this long)
        self.piece_delay = 0.0  # seconds between streamed pieces (lets a browser see the answer grow)
        self.requests: list[dict] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/v1"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._server.shutdown()
        self._server.server_close()

    @property
    def last_prompt(self) -> str:
        """The user message of the last chat request."""
        return self.requests[-1]["messages"][-1]["content"]

    def _handler(self):
        state = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output quiet
                pass

            def _send(self, status: int, body: bytes, kind: str = "application/json") -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                if self.path.rstrip("/").endswith("/models"):
                    data = {"object": "list", "data": [{"id": MODEL, "object": "model", "created": 0,
                                                        "owned_by": "tests"}]}
                    self._send(200, json.dumps(data).encode())
                else:
                    self._send(404, b'{"error": {"message": "not found"}}')

            def do_POST(self):
                request = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
                state.requests.append(request)
                if state.mode == "error":
                    self._send(state.status, b'{"error": {"message": "scripted failure", "type": "server_error"}}')
                    return
                if state.mode == "huge":  # a body over newsrag's 2 MB cap
                    self._send(200, json.dumps(_completion("The strikes killed 35 people. " * 80_000)).encode())
                    return
                if state.mode == "slow":
                    time.sleep(state.delay)
                if state.mode == "malformed":
                    self._send(200, b"<html>this is not json</html>")
                    return
                reply = "" if state.mode == "empty" else state.script(request["messages"][-1]["content"])
                try:
                    if request.get("stream"):
                        self._stream(reply)
                    elif state.mode == "drip":
                        self._drip(json.dumps(_completion(reply)).encode())
                    elif state.mode in ("cut", "stall"):
                        self._half(json.dumps(_completion(reply)).encode())
                    else:
                        self._send(200, json.dumps(_completion(reply)).encode())
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
                    pass

            def _drip(self, body: bytes) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                for i in range(len(body)):
                    self.wfile.write(body[i:i + 1])
                    self.wfile.flush()
                    time.sleep(state.delay / len(body))

            def _half(self, body: bytes) -> None:
                """Send the headers and half the body, then close the connection ("cut") or stall ("stall")."""
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body[:len(body) // 2])
                self.wfile.flush()
                if state.mode == "stall":
                    time.sleep(state.delay)
                self.close_connection = True

            def _stream(self, reply: str) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                for number, piece in enumerate(re.findall(r"\S+\s*", reply)):
                    if state.mode == "stream_error" and number == 3:
                        self.wfile.write(b'data: {"error": {"message": "scripted stream failure"}}\n\n')
                        self.wfile.flush()
                        self.close_connection = True
                        return
                    if state.mode == "cut" and number == 3:  # the connection drops: no finish reason, no [DONE]
                        self.close_connection = True
                        return
                    self.wfile.write(f"data: {json.dumps(_chunk(piece))}\n\n".encode())
                    self.wfile.flush()
                    time.sleep(state.piece_delay)
                self.wfile.write(f"data: {json.dumps(_chunk(None, 'stop'))}\n\ndata: [DONE]\n\n".encode())
                self.wfile.flush()
                self.close_connection = True

        return Handler


def _completion(text: str) -> dict:
    return {"id": "chatcmpl-test", "object": "chat.completion", "created": 0, "model": MODEL,
            "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": text}}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}


def _chunk(piece: str | None, finish: str | None = None) -> dict:
    delta = {"content": piece} if piece is not None else {}
    return {"id": "chatcmpl-test", "object": "chat.completion.chunk", "created": 0, "model": MODEL,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
