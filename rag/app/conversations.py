"""Conversations kept in the browser: plain JSON records, Markdown export with full citations, and import.

The page keeps a store {"active": id, "conversations": [conversation, ...]} in the browser (Gradio BrowserState);
a conversation is {"id", "title", "created", "turns": [turn, ...]} and a turn holds the question, the searched
query, the answer's text, citations and notes (never HTML: the page renders turns itself, escaped, so an imported
file cannot inject markup).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import uuid
from datetime import date, datetime, timezone
from pathlib import Path

from ..errors import RagError
from ..types import Answer, Citation
from .service import ChatReply

MAX_CONVERSATIONS = 50  # the oldest drop out of the browser store beyond this
_EMBEDDED = re.compile(r"<!-- newsrag-conversation\s*(.*)-->", re.DOTALL)
CITATION_FIELDS = ("n", "title", "source", "published", "url", "quote")


class ConversationImportError(RagError):
    """A file given to import is not a conversation exported by newsrag."""


def new_store(owner: str | None = None) -> dict:
    """Return an empty store with one empty, active conversation, belonging to the login owner (None: no logins)."""
    conversation = new_conversation()
    return {"active": conversation["id"], "conversations": [conversation], "owner": owner}


def new_conversation() -> dict:
    """Return an empty conversation with a fresh id."""
    return {"id": f"c-{uuid.uuid4().hex[:12]}", "title": "", "created": _now(), "turns": []}


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def valid_store(store: object) -> dict:
    """Return the store if it has the expected shape, else a new one (the browser may hold anything)."""
    if (isinstance(store, dict) and isinstance(store.get("conversations"), list) and store["conversations"]
            and all(isinstance(c, dict) and "id" in c and isinstance(c.get("turns"), list)
                    for c in store["conversations"])):
        if not any(c["id"] == store.get("active") for c in store["conversations"]):
            store = {**store, "active": store["conversations"][0]["id"]}
        return store
    return new_store()


class Shelf:
    """Where a login's conversations wait on the server while another login uses the same browser (the browser holds
    one store): index_dir/conversations/<hash of the login>.json, readable by the app's owner only. Only logins are
    shelved; an open app keeps everything in the browser."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def _path(self, owner: str) -> Path:
        return self.folder / f"{hashlib.sha256(owner.encode()).hexdigest()[:24]}.json"

    def put(self, store: dict) -> None:
        """Keep a store of a login (one that has turns) until that login comes back."""
        owner = store.get("owner")
        if not owner or not any(c["turns"] for c in store["conversations"]):
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self._path(owner)
        partial = path.with_name(f".{path.name}.{uuid.uuid4().hex}.part")
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as out:
            json.dump(store, out, ensure_ascii=False)
        os.replace(partial, path)

    def take(self, owner: str) -> dict | None:
        """Return the store shelved for owner (removing it: from now on the browser holds it), or None."""
        path = self._path(owner)
        try:
            store = valid_store(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return None
        path.unlink(missing_ok=True)
        return store if store.get("owner") == owner else None


def switch_login(saved: object, owner: str | None, shelf: Shelf | None) -> dict:
    """Return the store the page shows for the login owner: the browser's when it is owner's; else owner's shelved
    one (or a new one), after shelving what the last login left in this browser, so neither loses conversations.
    Without a shelf (None) another login's store is never shown, only replaced."""
    saved = valid_store(saved)
    if saved.get("owner") == owner:
        return saved
    shelved = shelf is not None and owner is not None
    if not any(c["turns"] for c in saved["conversations"]):  # nothing in it yet: a fresh page's store is the login's
        return (shelf.take(owner) if shelved else None) or {**saved, "owner": owner}
    if not shelved:
        return new_store(owner)
    shelf.put(saved)
    return shelf.take(owner) or new_store(owner)


def active(store: dict) -> dict:
    """Return the active conversation of a (valid) store."""
    return next(c for c in store["conversations"] if c["id"] == store["active"])


def start_conversation(store: dict) -> dict:
    """Return the store with a new empty conversation first and active; the others are kept (an empty active
    conversation is reused instead of piling up empty ones)."""
    if not active(store)["turns"]:
        return store
    conversation = new_conversation()
    return {**store, "active": conversation["id"],
            "conversations": [conversation, *store["conversations"]][:MAX_CONVERSATIONS]}


def select(store: dict, conversation_id: str) -> dict:
    """Return the store with conversation_id active (unchanged when there is no such conversation)."""
    if any(c["id"] == conversation_id for c in store["conversations"]):
        return {**store, "active": conversation_id}
    return store


def add_turn(store: dict, turn: dict) -> dict:
    """Return the store with the turn appended to the active conversation (titled by its first question)."""
    conversations = []
    for conversation in store["conversations"]:
        if conversation["id"] == store["active"]:
            conversation = {**conversation, "turns": [*conversation["turns"], turn],
                            "title": conversation["title"] or _title(turn["question"])}
        conversations.append(conversation)
    return {**store, "conversations": conversations}


def add_conversation(store: dict, conversation: dict) -> dict:
    """Return the store with an (imported) conversation first and active, under a fresh id."""
    conversation = {**conversation, "id": new_conversation()["id"]}
    rest = [c for c in store["conversations"] if c["turns"]]
    return {**store, "active": conversation["id"], "conversations": [conversation, *rest][:MAX_CONVERSATIONS]}


def _title(question: str) -> str:
    question = " ".join(question.split())
    return question if len(question) <= 60 else question[:57].rsplit(" ", 1)[0] + "…"


def choices(store: dict) -> list[tuple[str, str]]:
    """Return (label, id) for the conversation list, in store order (newest first)."""
    return [(c["title"] or "New conversation", c["id"]) for c in store["conversations"]]


def queries(conversation: dict) -> list[str]:
    """Return the searched queries of a conversation (what follow-up rewriting needs)."""
    return [str(turn.get("context") or turn.get("query") or turn.get("question") or "")
            for turn in conversation["turns"]]


# -- turns <-> replies ---------------------------------------------------------------------------------------
def turn_from_reply(reply: ChatReply) -> dict:
    """Return the JSON record of one answered question."""
    answer = None
    if reply.answer is not None:
        a = reply.answer
        answer = {"text": a.text, "refused": a.refused, "note": a.note, "timings": a.timings,
                  "citations": [_citation_record(c) for c in a.citations]}
    return {"question": reply.question, "query": reply.query, "context": reply.context, "answer": answer,
            "error": reply.error, "notes": list(reply.notes)}


def _citation_record(citation: Citation) -> dict:
    record = {name: getattr(citation, name) for name in CITATION_FIELDS}
    record["published"] = citation.published.isoformat() if citation.published else None
    record["passage"] = citation.passage
    record["article_id"] = citation.article_id  # "u-...": an upload, which its card says
    return record


def reply_from_turn(turn: dict) -> ChatReply:
    """Return the ChatReply a turn record stands for (to render it again)."""
    reply = ChatReply(question=str(turn.get("question", "")), query=str(turn.get("query", "")),
                      error=str(turn.get("error", "")), notes=[str(n) for n in turn.get("notes") or []])
    data = turn.get("answer")
    if isinstance(data, dict):
        citations = [Citation(article_id=str(c.get("article_id") or ""), n=int(c.get("n", i + 1)),
                              title=str(c.get("title", "")), source=str(c.get("source", "")),
                              published=_date(c.get("published")), url=str(c.get("url", "")),
                              quote=str(c.get("quote", "")), start=0, end=0, score=0.0,
                              passage=str(c.get("passage") or ""))
                     for i, c in enumerate(data.get("citations") or [])]
        reply.answer = Answer(question=reply.question, text=str(data.get("text", "")),
                              refused=bool(data.get("refused")), citations=citations, note=str(data.get("note", "")),
                              timings=dict(data.get("timings") or {}))
    return reply


def _date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


# -- Markdown ------------------------------------------------------------------------------------------------
def to_markdown(conversation: dict) -> str:
    """Return the conversation as Markdown: each question and answer with its full citations (title, outlet, date,
    URL, quote), and the conversation's data in a trailing comment so the file can be imported again."""
    lines = [f"# {conversation['title'] or 'Conversation'}", "",
             f"_Exported from newsrag; started {conversation.get('created', '')}._", ""]
    for number, turn in enumerate(conversation["turns"], 1):
        lines += [f"## {number}. {turn['question']}", ""]
        if " ".join(turn["question"].split()) != turn["query"]:
            lines += [f"_Searched as: {turn['query']}_", ""]
        answer = turn.get("answer")
        lines += [answer["text"] if answer else f"Error: {turn.get('error', '')}", ""]
        if answer and answer.get("note"):
            lines += [f"_{answer['note']}_", ""]
        for c in (answer or {}).get("citations", []):
            url = f" <{c['url']}>" if c.get("url") else ""
            lines += [f"[{c['n']}] **{c['title']}** — {c['source']}, {c.get('published') or 'date unknown'}.{url}",
                      "", f"> {c['quote']}", ""]
    data = json.dumps(conversation, ensure_ascii=False).replace(">", "\\u003e")  # no "-->" inside the comment
    return "\n".join(lines) + f"\n<!-- newsrag-conversation\n{data}\n-->\n"


def _imported_turn(turn: dict) -> dict:
    """Return an imported turn with the fields and types a turn record has (a file may have been edited by hand):
    a turn without its query is searched as its question."""
    question = str(turn["question"])
    return {"question": question, "query": str(turn.get("query") or question),
            "context": str(turn.get("context") or ""),
            "answer": turn.get("answer") if isinstance(turn.get("answer"), dict) else None,
            "error": str(turn.get("error") or ""),
            "notes": [str(n) for n in turn.get("notes") or [] if isinstance(n, str)]}


def from_markdown(text: str) -> dict:
    """Return the conversation in a Markdown file exported by newsrag; ConversationImportError otherwise."""
    match = _EMBEDDED.search(text)
    if not match:
        raise ConversationImportError("This file holds no newsrag conversation (its data comment is missing). "
                                      "Import a .md file made with “Export as Markdown”.")
    try:
        conversation = json.loads(match.group(1))
    except json.JSONDecodeError as exc:
        raise ConversationImportError(f"The conversation data in this file is damaged ({exc.msg}). Export the "
                                      "conversation again and import the new file.") from exc
    if not isinstance(conversation, dict) or not isinstance(conversation.get("turns"), list):
        raise ConversationImportError("The conversation data in this file has no turns. Export the conversation "
                                      "again and import the new file.")
    turns = [_imported_turn(t) for t in conversation["turns"] if isinstance(t, dict) and t.get("question")]
    return {"id": "", "title": str(conversation.get("title") or _title(turns[0]["question"] if turns else "")),
            "created": str(conversation.get("created") or _now()), "turns": turns}
