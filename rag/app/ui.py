"""The browser chat (Gradio): chat with citation cards, filters, uploads, index panel. UI only: logic is in ChatService."""

from __future__ import annotations

import json
import logging
import os
import re
import secrets
import tempfile
from dataclasses import asdict
from datetime import date
from html import escape
from importlib import resources
from pathlib import Path

from ..errors import RagError
from .access import FailedLogins, decide_auth, guard_asgi, is_loopback, load_credentials, throttle_asgi
from . import conversations as convo
from .service import ChatService
from .render import question_html, reply_html, stats_html, status_html, streaming_html, uploads_html
from .uploads import UPLOAD_SUFFIXES

log = logging.getLogger(__name__)

EXAMPLES = ["Which Ukrainian city did Rutte visit?", "How many people were killed in the Sumy region?"]
PLACEHOLDER = ("**Ask about the news in the index.** Every sentence of an answer comes from an article and carries a "
               "numbered citation; when the articles do not say, newsrag says so.")


def _json_safe(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_safe(v) for v in value]
    return value


class ChatPage:
    """The Gradio page over a ChatService: event handlers here, layout in build()."""

    def __init__(self, service: ChatService, mcp: bool = False):
        self.service = service
        self.settings = service.pipeline.settings
        self.mcp = mcp

    # -- handlers ------------------------------------------------------------------------------------------
    def respond(self, message: str, store: dict, sources: list | None, since: str | None, until: str | None):
        """Answer one chat message in the active conversation; a generator so an LLM backend can stream (the
        extractive one yields once). Returns (chat, store, conversation list, question box)."""
        import gradio as gr

        message = (message or "").strip()
        if not message:
            yield gr.skip(), gr.skip(), gr.skip(), gr.skip()
            return
        store = convo.valid_store(store)
        previous = convo.queries(convo.active(store))
        history = self._history(store) + [{"role": "user", "content": question_html(message)}]
        stream = self._stream_reply(message, history, previous, sources, since, until)
        while True:  # an LLM answer streams into the chat; the extractive one arrives whole
            try:
                chat, _, box = next(stream)
            except StopIteration as finished:
                reply = finished.value
                break
            yield chat, gr.skip(), gr.skip(), box
        store = convo.add_turn(store, convo.turn_from_reply(reply))
        yield self._history(store), store, self._listing(store), ""

    @staticmethod
    def _history(store: dict) -> list[dict]:
        """Return the chat messages of the active conversation (rendered from its records, escaped)."""
        messages = []
        for turn in convo.active(store)["turns"]:
            messages += [{"role": "user", "content": question_html(turn["question"])},
                         {"role": "assistant", "content": reply_html(convo.reply_from_turn(turn))}]
        return messages

    @staticmethod
    def _listing(store: dict):
        import gradio as gr

        return gr.update(choices=convo.choices(store), value=store["active"])

    def show_store(self, store: dict) -> tuple:
        """Return (chat, store, conversation list) for a store (page load, selecting, new conversation)."""
        store = convo.valid_store(store)
        return self._history(store), store, self._listing(store)

    def new_conversation(self, store: dict) -> tuple:
        """Start a new conversation; the current one stays in the list."""
        return self.show_store(convo.start_conversation(convo.valid_store(store)))

    def select_conversation(self, conversation_id: str, store: dict) -> tuple:
        """Show the conversation chosen in the list."""
        return self.show_store(convo.select(convo.valid_store(store), conversation_id))

    def export_conversation(self, store: dict):
        """Write the active conversation to a Markdown file and return its path for download."""
        import gradio as gr

        conversation = convo.active(convo.valid_store(store))
        if not conversation["turns"]:
            return gr.update(value=None, visible=False), '<div class="nr-convo-msg">Nothing to export yet.</div>'
        directory = Path(tempfile.mkdtemp(prefix="newsrag-export-"))
        name = re.sub(r"[^\w-]+", "-", conversation["title"].lower()).strip("-")[:50] or "conversation"
        path = directory / f"{name}.md"
        path.write_text(convo.to_markdown(conversation), encoding="utf-8")
        return gr.update(value=str(path), visible=True), ""

    def import_conversation(self, file: str | None, store: dict) -> tuple:
        """Read a conversation exported as Markdown and add it to the list (active)."""
        store = convo.valid_store(store)
        if not file:
            return (*self.show_store(store), "")
        try:
            conversation = convo.from_markdown(Path(file).read_text(encoding="utf-8", errors="replace"))
        except convo.ConversationImportError as exc:
            return (*self.show_store(store), f'<div class="nr-convo-msg nr-error">{escape(str(exc))}</div>')
        store = convo.add_conversation(store, conversation)
        note = f'<div class="nr-convo-msg">Imported “{escape(conversation["title"])}”.</div>'
        return (*self.show_store(store), note)

    def chat_api(self, message: str, history: list | None = None, sources: list[str] | None = None,
                 since: str | None = None, until: str | None = None) -> tuple[list, str]:
        """The /chat endpoint: answer one message; returns (the history with the question and the rendered reply, '')
        for API clients (the page itself keeps conversations in the browser)."""
        reply = self.service.ask(message, [], sources or None, since or None, until or None)
        return list(history or []) + [{"role": "user", "content": question_html(message or "")},
                                      {"role": "assistant", "content": reply_html(reply)}], ""

    def _stream_reply(self, message, history, queries, sources, since, until):
        """Yield the chat while an LLM answer streams (tokens, then each sentence verified or struck out); return the
        ChatReply. The extractive answerer yields nothing here."""
        import gradio as gr

        sentences, draft = [], ""
        for item in self.service.ask_stream(message, list(queries or []), sources or None, since or None,
                                            until or None, stream=self.service.pipeline.llm_enabled):
            if not hasattr(item, "kind"):
                return item
            if item.kind == "token":
                draft += item.text
            else:
                sentences.append(item.sentence)
                draft = item.pending  # the verified sentence replaces the raw text that made it
            yield history + [{"role": "assistant", "content": streaming_html(sentences, draft)}], gr.skip(), ""

    def ask_api(self, question: str, previous_queries: list[str] | None = None, sources: list[str] | None = None,
                since: str = "", until: str = "") -> dict:
        """Answer a question about the news from the indexed articles, with numbered, verified citations.

        Returns JSON: question, query (the question as searched, follow-ups rewritten), error, notes, and answer:
        text (sentences with [n] markers), refused (true when the articles do not support an answer), short, and
        citations (n, article_id, title, source, published, url, quote, start, end, score, passage).

        Args:
            question: the question, e.g. "Which Ukrainian city did Rutte visit?"
            previous_queries: earlier questions of the conversation, for follow-ups like "How many died there?"
            sources: only answer from these outlets (empty: all)
            since: only articles published on or after this date, YYYY-MM-DD ("" for no limit)
            until: only articles published on or before this date, YYYY-MM-DD ("" for no limit)
        """
        reply = self.service.ask(question, previous_queries or [], sources or None, since or None, until or None)
        answer = asdict(reply.answer) | {"hits": None} if reply.answer else None
        return _json_safe({"question": reply.question, "query": reply.query, "error": reply.error,
                           "notes": reply.notes, "answer": answer})

    def ask_news(self, question: str, previous_questions: list[str] | None = None, sources: list[str] | None = None,
                 since: str = "", until: str = "") -> str:
        """Answer a question about the news from the indexed articles, each sentence with a verified citation.

        Returns JSON text: question, query (as searched), error, notes, and answer with text (sentences with [n]
        markers), refused (true when the articles do not support an answer; then there are no citations) and
        citations (n, title, source, published, url, quote: the exact supporting sentence, passage, article_id).

        Args:
            question: the question, e.g. "Which Ukrainian city did Rutte visit?"
            previous_questions: earlier questions of the conversation, for follow-ups like "How many died there?"
            sources: only answer from these outlets (empty: all)
            since: only articles published on or after this date, YYYY-MM-DD ("" for no limit)
            until: only articles published on or before this date, YYYY-MM-DD ("" for no limit)
        """
        return json.dumps(self.ask_api(question, previous_questions, sources, since, until), ensure_ascii=False)

    def panels(self, shown: list | None = None):
        """Return (banner, index panel, source choices, sources shown, timer); the timer stops once indexing is done.

        The source list is sent again only when the index's sources changed (sorted, case-insensitively), so an
        open dropdown is not reset every second, and an outlet becomes choosable as soon as it is indexed.
        """
        import gradio as gr

        status, stats = self.service.status, self.service.stats()
        banner = status_html(status)
        known = sorted(stats.sources, key=str.casefold) if stats else []
        sources = gr.update(choices=known) if known != list(shown or []) else gr.skip()
        return (gr.update(value=banner, visible=bool(banner)), stats_html(stats), sources, known,
                gr.Timer(active=status.running))

    def add_files(self, files: list[str] | None, progress) -> tuple:
        """Save and keyword-index uploaded files at once; return (per-file results, index panel, source choices,
        sources shown). Their passages are embedded in the background."""
        import gradio as gr

        if not files:
            return '<div class="nr-uploads-hint">Choose files first.</div>', gr.skip(), gr.skip(), gr.skip()
        progress(0, desc="Reading files")

        def report(stage: str, done: int, total: int) -> None:
            labels = {"read": ("Reading files", "files"), "chunk": ("Splitting articles", "articles"),
                      "keyword": ("Keyword index", "passages")}
            desc, unit = labels.get(stage, (stage, "passages"))
            progress((done, total), desc=desc, unit=unit)

        results = self.service.upload([(Path(f).name, Path(f)) for f in files], progress=report)
        stats = self.service.stats()
        known = sorted(stats.sources, key=str.casefold) if stats else []
        return uploads_html(results), stats_html(stats), gr.update(choices=known), known

    # -- layout --------------------------------------------------------------------------------------------
    def build(self):
        """Return the Gradio Blocks page (not launched)."""
        import gradio as gr

        with gr.Blocks(title="newsrag — cited answers from the news") as page:
            gr.HTML('<header class="nr-header"><div class="nr-logo">newsrag</div><div class="nr-tagline">Answers '
                    'from the news corpus, every sentence cited — or a plain “the corpus does not say”.</div></header>')
            banner = gr.HTML(elem_id="nr-banner", visible=False)
            with gr.Row(equal_height=False):
                with gr.Column(scale=3, min_width=420):
                    chat = self._chat_column()
                with gr.Column(scale=1, min_width=280, elem_id="nr-side"):
                    side = self._side_column()
            self._wire(page, banner, chat, side)
        return page

    def _chat_column(self) -> dict:
        import gradio as gr

        chatbot = gr.Chatbot(elem_id="nr-chat", height=620, show_label=False, placeholder=PLACEHOLDER,
                             latex_delimiters=[], sanitize_html=True, feedback_options=None, buttons=["copy"],
                             layout="panel")
        with gr.Row(elem_id="nr-ask-row"):
            question = gr.Textbox(elem_id="nr-question", show_label=False, scale=5, max_lines=4, autofocus=True,
                                  placeholder="Ask a question about the news…", submit_btn=False)
            ask = gr.Button("Ask", variant="primary", elem_id="nr-ask", scale=1, min_width=80)
        gr.Examples(EXAMPLES, inputs=question, label="Try")
        return {"chatbot": chatbot, "question": question, "ask": ask}

    def _conversation_panel(self) -> dict:
        import gradio as gr

        with gr.Group(elem_classes="nr-panel", elem_id="nr-convo-panel"):
            gr.Markdown("#### Conversations", elem_classes="nr-panel-title")
            clear = gr.Button("New conversation", elem_id="nr-clear", size="sm", variant="secondary")
            listing = gr.Radio(choices=[], show_label=False, elem_id="nr-conversations", container=False)
            with gr.Row():
                export = gr.Button("Export as Markdown", elem_id="nr-export", size="sm")
                upload = gr.UploadButton("Import", file_types=[".md"], elem_id="nr-import", size="sm")
            exported = gr.File(visible=False, elem_id="nr-exported", show_label=False, height=60)
            message = gr.HTML(elem_id="nr-convo-msg")
        store = gr.BrowserState(convo.new_store(), storage_key="newsrag-conversations",
                                secret=_browser_secret(self.settings.index_dir))
        return {"clear": clear, "listing": listing, "export": export, "upload": upload, "exported": exported,
                "message": message, "store": store}

    def _side_column(self) -> dict:
        import gradio as gr

        side = self._conversation_panel()
        with gr.Group(elem_classes="nr-panel"):
            gr.Markdown("#### Filters", elem_classes="nr-panel-title")
            sources = gr.Dropdown(label="Sources", multiselect=True, choices=[], elem_id="nr-sources",
                                  info="Only these outlets (empty: all)")
            since = gr.DateTime(label="Published from", include_time=False, type="string", elem_id="nr-since")
            until = gr.DateTime(label="Published until", include_time=False, type="string", elem_id="nr-until")
        with gr.Group(elem_classes="nr-panel"):
            gr.Markdown("#### Add articles", elem_classes="nr-panel-title")
            files = gr.File(file_count="multiple", file_types=list(UPLOAD_SUFFIXES), elem_id="nr-files", height=130,
                            label=f"{', '.join(UPLOAD_SUFFIXES)} · up to {self.settings.upload_max_mb:g} MB each")
            add = gr.Button("Add to index", elem_id="nr-add", variant="secondary")
            upload_results = gr.HTML(elem_id="nr-upload-results")
        with gr.Group(elem_classes="nr-panel"):
            gr.Markdown("#### Index", elem_classes="nr-panel-title")
            stats = gr.HTML(elem_id="nr-stats")
        return side | {"sources": sources, "since": since, "until": until, "files": files, "add": add,
                       "upload_results": upload_results, "stats": stats, "shown_sources": gr.State([])}

    def _wire(self, page, banner, chat: dict, side: dict) -> None:
        import gradio as gr

        def add_files(files: list[str] | None, progress=gr.Progress()):
            return self.add_files(files, progress)

        limit = {"concurrency_limit": self.settings.app_concurrency, "concurrency_id": "ask"}
        store, listing = side["store"], side["listing"]
        shelf = convo.Shelf(self.settings.index_dir / "conversations")

        def own(saved, request) -> dict:
            """The store of the login asking (every handler reads the store through this): the browser holds one
            store, and what another login left there is shelved on the server, never shown, never lost."""
            owner = getattr(request, "username", None)
            try:
                return convo.switch_login(saved, owner, shelf)
            except OSError as exc:  # a full disk or read-only index: never show another login's, all the same
                log.warning("could not shelve another login's conversations in %s: %s", shelf.folder, exc)
                return convo.switch_login(saved, owner, None)

        def respond(message, saved, sources, since, until, request):
            yield from self.respond(message, own(saved, request), sources, since, until)

        def new_conversation(saved, request):
            return self.new_conversation(own(saved, request))

        def select_conversation(conversation_id, saved, request):
            return self.select_conversation(conversation_id, own(saved, request))

        def export_conversation(saved, request):
            return self.export_conversation(own(saved, request))

        def import_conversation(file, saved, request):
            return self.import_conversation(file, own(saved, request))

        def load_store(saved, request):
            return self.show_store(own(saved, request))

        for handler in (respond, new_conversation, select_conversation, export_conversation, import_conversation,
                        load_store):  # a class, not a string, so Gradio passes the request
            handler.__annotations__["request"] = gr.Request
        inputs = [chat["question"], store, side["sources"], side["since"], side["until"]]
        outputs = [chat["chatbot"], store, listing, chat["question"]]
        chat["ask"].click(respond, inputs, outputs, api_name=False, **limit)
        chat["question"].submit(respond, inputs, outputs, api_name=False, **limit)
        shown = [chat["chatbot"], store, listing]
        side["clear"].click(new_conversation, [store], shown, api_name=False)
        listing.input(select_conversation, [listing, store], shown, api_name=False)
        side["export"].click(export_conversation, [store], [side["exported"], side["message"]], api_name=False)
        side["upload"].upload(import_conversation, [side["upload"], store], [*shown, side["message"]],
                              api_name=False)
        # The upload's progress shows on its own results box only, not over the Sources and Index panels.
        side["add"].click(add_files, [side["files"]], [side["upload_results"], side["stats"], side["sources"],
                                                       side["shown_sources"]],
                          api_name="upload", show_progress_on=[side["upload_results"]])
        timer = gr.Timer(1.0, active=False)
        panel_outputs = [banner, side["stats"], side["sources"], side["shown_sources"], timer]
        timer.tick(self.panels, [side["shown_sources"]], panel_outputs, api_name=False, show_progress="hidden")
        page.load(self.panels, None, panel_outputs, api_name=False)
        page.load(load_store, [store], shown, api_name=False)
        gr.api(self.ask_api, api_name="ask", **limit)
        if self.mcp:  # the MCP tool: the same answer as JSON text (Gradio renders a dict result as a Python repr).
            # Not queued: Gradio's MCP server then calls it in-process rather than through a loopback client that
            # would have to pass the page's login.
            gr.api(self.ask_news, api_name="ask_news", queue=False)
        gr.api(self.chat_api, api_name="chat", **limit)

def _browser_secret(index_dir: Path) -> str:
    """Return the key the browser's conversation store is encrypted with, kept in index_dir so conversations
    survive an app restart (created once, readable by the owner only)."""
    path = Path(index_dir) / "browser-state.key"
    try:
        return path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        secret = secrets.token_hex(16)
        with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as handle:
            handle.write(secret)
        return secret


def _css() -> str:
    return resources.files("rag.app").joinpath("static/app.css").read_text(encoding="utf-8")


def _theme():
    import gradio as gr

    system = ["ui-sans-serif", "system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"]
    return gr.themes.Soft(primary_hue="indigo", neutral_hue="slate", font=system,
                          font_mono=["ui-monospace", "Consolas", "monospace"])


def warn_if_public(host: str) -> bool:
    """Log a warning when host is not a loopback address; return True when it is public."""
    if not is_loopback(host):
        log.warning("serving on %s: anyone who can reach this machine can ask questions and upload files. "
                    "Use --host 127.0.0.1 to keep it local.", host)
    return not is_loopback(host)


def require_free_port(host: str, port: int) -> None:
    """Raise RagError (one line, with the fix) when host:port cannot be bound, e.g. another app already uses it."""
    import socket

    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the web server binds: TIME_WAIT is free
            probe.bind(address)
    except OSError as exc:
        raise RagError(f"Cannot serve on {host}:{port} ({exc.strerror or exc}): another program (an app already "
                       "running?) uses the port, or the address is not this machine's. Stop it, or choose another "
                       "port with --port N (or RAG_APP_PORT).") from exc


def require_mcp() -> None:
    """Raise RagError naming the extra to install when Gradio's MCP server cannot be imported."""
    try:
        import mcp  # noqa: F401
    except ImportError as exc:
        raise RagError("`rag serve --mcp` needs Gradio's MCP support, which is not installed. "
                       "Run: pip install 'newsrag-offline[mcp]'.") from exc


def guard_mcp(app, credentials, failures: FailedLogins | None = None) -> None:
    """Require one of the logins as a bearer key on Gradio's MCP endpoint (mounted at /gradio_api/mcp)."""
    mounts = [route for route in app.router.routes if getattr(route, "path", "") == "/gradio_api/mcp"]
    if not mounts:
        raise RagError("Gradio's MCP endpoint was not found at /gradio_api/mcp, so it cannot be protected by the "
                       "login. Serve --mcp without --auth on 127.0.0.1, or pin gradio to a version newsrag supports.")
    for mount in mounts:
        mount.app = guard_asgi(mount.app, credentials)
        if failures is not None:
            mount.app = throttle_asgi(mount.app, failures)


def throttle_logins(app, failures: FailedLogins) -> None:
    """Count the page's failed logins (Gradio's POST /login) per address and refuse an address guessing passwords."""
    routes = [route for route in app.router.routes if getattr(route, "path", "") in ("/login", "/login/")
              and "POST" in (getattr(route, "methods", None) or ())]
    if not routes:
        raise RagError("Gradio's /login route was not found, so failed logins cannot be limited. Pin gradio to a "
                       "version newsrag supports.")
    for route in routes:
        route.app = throttle_asgi(route.app, failures, refusals=(400, 401, 403))


def serve(service: ChatService, host: str | None = None, port: int | None = None, auth: list[str] | None = None,
          auth_file: Path | None = None, no_auth: bool = False, mcp: bool | None = None,
          openai_api: bool | None = None) -> None:
    """Start background indexing, then serve the page (blocks until interrupted). Logins come from auth /
    auth_file or the settings and are required on a non-loopback host unless no_auth; mcp adds Gradio's MCP server,
    openai_api the OpenAI-compatible /v1 routes (None: as the settings say)."""
    settings = service.pipeline.settings
    host, port = host or settings.app_host, port or settings.app_port
    mcp = settings.app_mcp if mcp is None else mcp
    openai_api = settings.app_openai_api if openai_api is None else openai_api
    logins = load_credentials(auth or settings.app_auth or None, auth_file or settings.app_auth_file)
    credentials = decide_auth(host, logins, require=settings.app_require_auth and not no_auth)
    if credentials is None:
        warn_if_public(host)
    if mcp:
        require_mcp()
    require_free_port(host, port)
    if logging.getLogger("rag").getEffectiveLevel() > logging.INFO:
        logging.getLogger("rag").setLevel(logging.INFO)  # the app's log shows indexing stages and progress
    page = ChatPage(service, mcp=mcp).build()
    page.queue(default_concurrency_limit=settings.app_concurrency, max_size=200)
    page.launch(server_name=host, server_port=port, theme=_theme(), css=_css(), ssr_mode=False, show_error=True,
                max_file_size=f"{2 * settings.upload_max_mb:g}mb", footer_links=["api"], mcp_server=mcp,
                quiet=False, prevent_thread_lock=True, auth=credentials,
                auth_message="newsrag: log in with the user name and password you were given.")
    failures = FailedLogins()  # one count per address across the page's login, the API and MCP
    try:
        if credentials:
            throttle_logins(page.app, failures)
        if mcp and credentials:  # Gradio's login does not cover its MCP endpoint: it takes the login as a bearer key
            guard_mcp(page.app, credentials, failures)
    except RagError:
        page.close()
        raise
    if openai_api:
        from .openai_api import add_openai_routes

        add_openai_routes(page.app, service, credentials, failures if credentials else None)
        log.warning("OpenAI-compatible API at http://%s:%d/v1 (model %r)", host, port, settings.app_model_name)
    service.start_indexing()  # after the page is up, so the first start shows the page at once
    try:
        page.block_thread()
    finally:
        page.close()
