"""An OpenAI-compatible API (`rag serve --openai-api`): /v1/models and /v1/chat/completions over a ChatService.

Chat front ends (Open WebUI and the like) and the `openai` client can use newsrag as a model. The reply's message
is the cited answer followed by its numbered sources; the same citations come as structured data in a top-level
`citations` field (and on the last chunk when streaming). Extra request fields `sources`, `since`, `until` filter
like the app's filters. Earlier user messages are the conversation that follow-ups are rewritten with.
Imports FastAPI (it comes with Gradio): load this module only when serving."""

from __future__ import annotations

import json
import re
import threading
import time
import uuid
from dataclasses import asdict

from fastapi import Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, StreamingResponse
from fastapi.routing import APIRoute

from .access import Credentials, FailedLogins, bearer_allowed, throttle_asgi
from ..retrieval.followup import with_answer
from .service import ChatReply, ChatService, answered_person


def message_text(message: dict) -> str:
    """Return the text of a chat message whose content is a string or a list of parts."""
    content = message.get("content") or ""
    if isinstance(content, list):
        return " ".join(part.get("text", "") for part in content if isinstance(part, dict))
    return str(content)


_LEAD_ANSWER = re.compile(r"([^\[\].\n]{1,80}?) \[\d+\]\.")  # "Mira Murati [1]. ...": the direct answer, cited


def conversation(messages: list) -> list[str]:
    """Return the user messages in order, each earlier one with the person the assistant's reply to it named (as the
    app's own conversations carry it), so "and who replaced her?" is about that person."""
    users: list[str] = []
    for message in messages:
        if not isinstance(message, dict):
            continue
        if message.get("role") == "user":
            users.append(message_text(message))
        elif message.get("role") == "assistant" and users and (lead := _LEAD_ANSWER.match(message_text(message))):
            users[-1] = with_answer(users[-1], answered_person(users[-1], lead.group(1).strip()))
    return users


def citation_json(citation) -> dict:
    """Return a Citation as plain JSON (dates as ISO strings)."""
    data = asdict(citation)
    data["published"] = citation.published.isoformat() if citation.published else None
    data["uploaded"] = citation.uploaded  # its outlet is what an app user wrote, not the corpus's
    return data


def cited_text(reply: ChatReply) -> str:
    """Return the answer text followed by its numbered sources (what a chat window shows)."""
    answer = reply.answer
    if answer is None:
        return reply.error
    lines = [answer.text]
    if answer.citations:
        lines.append("\nSources:")
    for c in answer.citations:
        when = c.published.isoformat() if c.published else "date unknown"
        uploaded = ", uploaded by an app user" if c.uploaded else ""  # (its outlet is the uploader's word)
        lines.append(f"[{c.n}] {c.title} ({c.source}, {when}{uploaded})" + (f" {c.url}" if c.url else ""))
    return "\n".join(lines + reply.notes)


def completion(reply: ChatReply, model: str) -> dict:
    """Return a chat.completion object for a reply, with `citations`, `refused` and the searched `query`."""
    answer = reply.answer
    return {
        "id": f"chatcmpl-{uuid.uuid4().hex}", "object": "chat.completion", "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": cited_text(reply)},
                     "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
        "citations": [citation_json(c) for c in answer.citations] if answer else [],
        "refused": bool(answer and answer.refused), "query": reply.query,
    }


def stream_chunks(body: dict):
    """Yield the server-sent events of a completion: the role, the text, then a final chunk with the citations."""
    base = {"id": body["id"], "object": "chat.completion.chunk", "created": body["created"], "model": body["model"]}
    text = body["choices"][0]["message"]["content"]
    deltas = [({"role": "assistant", "content": ""}, None), ({"content": text}, None), ({}, "stop")]
    for delta, finish in deltas:
        chunk = base | {"choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
        if finish:
            chunk |= {"citations": body["citations"], "refused": body["refused"], "query": body["query"]}
        yield f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n"
    yield "data: [DONE]\n\n"


def _error(status: int, message: str, kind: str = "invalid_request_error") -> JSONResponse:
    return JSONResponse({"error": {"message": message, "type": kind, "param": None, "code": None}}, status)


def outlet_filter(value) -> list[str] | None:
    """Return the request's `sources` as a list of outlet names (one name may come as a string); ValueError when it
    is neither."""
    if value in (None, "", []):
        return None
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    raise ValueError(f"'sources' is {json.dumps(value)[:80]}; send a list of outlet names, e.g. [\"BBC News\"].")


MAX_BODY_BYTES = 2_000_000  # a question with its conversation; larger bodies are refused, never held in memory
DRAIN_BYTES = 100_000_000  # an oversized body is read and dropped up to this, then the connection is cut


async def bounded_body(request: Request, limit: int = MAX_BODY_BYTES) -> bytes | None:
    """Return the request body, or None when it exceeds limit bytes, never holding more than limit in memory. The
    rest of an oversized body is read and dropped (up to DRAIN_BYTES), so the client, still sending, gets the 413
    instead of a broken connection."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > DRAIN_BYTES:
        return None
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > DRAIN_BYTES:
            return None
        if size <= limit:
            chunks.append(chunk)
    return b"".join(chunks) if size <= limit else None


def add_openai_routes(app, service: ChatService, credentials: Credentials | None,
                      failures: FailedLogins | None = None) -> None:
    """Add /v1/models and /v1/chat/completions to a running FastAPI app (ahead of Gradio's own routes); with
    failures, an address sending wrong keys too often is refused (429)."""
    settings = service.pipeline.settings
    model = settings.app_model_name
    slots = threading.BoundedSemaphore(settings.app_concurrency)  # like the app's queue: at most N at once

    def unauthorised(request: Request):
        if bearer_allowed(request.headers.get("authorization"), credentials):
            return None
        return _error(401, "Missing or wrong API key. Use one of the app's logins as the key: 'user:password'.",
                      "authentication_error")

    def models(request: Request):
        return unauthorised(request) or {"object": "list", "data": [
            {"id": model, "object": "model", "created": 0, "owned_by": "newsrag"}]}

    def answer(users: list[str], outlets: list[str] | None, payload: dict):
        with slots:
            return service.ask(users[-1], users[:-1], outlets, payload.get("since") or None,
                               payload.get("until") or None)

    async def chat_completions(request: Request):
        if denied := unauthorised(request):
            return denied
        if (raw := await bounded_body(request)) is None:
            return _error(413, f"The request body is over {MAX_BODY_BYTES // 1_000_000} MB. Send the question with "
                               "fewer or shorter earlier messages.")
        try:
            payload = json.loads(raw)
        except ValueError:
            payload = None
        if not isinstance(payload, dict):
            return _error(400, "The request body must be a JSON object with 'messages': "
                               "{\"messages\": [{\"role\": \"user\", \"content\": \"your question\"}]}.")
        users = conversation(payload.get("messages") or [])
        if not users or not users[-1].strip():
            return _error(400, "No user message: send messages=[{'role': 'user', 'content': 'your question'}].")
        try:
            outlets = outlet_filter(payload.get("sources"))
        except ValueError as exc:
            return _error(400, str(exc))
        reply = await run_in_threadpool(answer, users, outlets, payload)
        if reply.answer is None:
            return _error(400, reply.error)
        body = completion(reply, model)
        if payload.get("stream"):
            return StreamingResponse(stream_chunks(body), media_type="text/event-stream")
        return body

    routes = [APIRoute("/v1/models", models, methods=["GET"]),
              APIRoute("/v1/chat/completions", chat_completions, methods=["POST"])]
    if failures is not None:
        for route in routes:
            route.app = throttle_asgi(route.app, failures)
    app.router.routes[0:0] = routes
