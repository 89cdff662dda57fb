"""The browser chat (Gradio): chat with citation cards, filters, uploads, index panel. UI only: logic is in ChatService."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict
from datetime import date
from html import escape
from importlib import resources
from pathlib import Path

from ..errors import RagError
from .access import decide_auth, guard_asgi, is_loopback, load_credentials
from .service import ChatService
from .render import reply_html, stats_html, status_html, streaming_html, uploads_html
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
    def respond(self, message: str, history: list, queries: list, sources: list | None, since: str | None,
                until: str | None):
        """Answer one chat message; a generator so an LLM backend can stream (the extractive one yields once)."""
        import gradio as gr

        message = (message or "").strip()
        if not message:
            yield gr.skip(), gr.skip(), gr.skip()
            return
        history = list(history or []) + [{"role": "user", "content": escape(message)}]
        reply = yield from self._stream_reply(message, history, queries, sources, since, until)
        history.append({"role": "assistant", "content": reply_html(reply)})
        yield history, list(queries or []) + [reply.query], ""

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

    def panels(self, on_load: bool = True):
        """Return (banner, index panel, source choices, timer) updates; the timer stops once indexing is done.

        Timer ticks leave the source list alone until indexing ends, so an open dropdown is not reset every second.
        """
        import gradio as gr

        status, stats = self.service.status, self.service.stats()
        banner = status_html(status)
        sources = gr.update(choices=stats.sources if stats else []) if on_load or not status.running else gr.skip()
        return (gr.update(value=banner, visible=bool(banner)), stats_html(stats), sources,
                gr.Timer(active=status.running))

    def add_files(self, files: list[str] | None, progress) -> tuple:
        """Save and ingest uploaded files; return (per-file results, index panel, source choices)."""
        import gradio as gr

        if not files:
            return '<div class="nr-uploads-hint">Choose files first.</div>', gr.skip(), gr.skip()
        progress(0, desc="Waiting for indexing to finish" if self.service.status.running else "Reading files")

        def report(stage: str, done: int, total: int) -> None:
            progress((done, total), desc="Embedding passages" if stage == "embed" else "Reading files",
                     unit="chunks" if stage == "embed" else "files")

        results = self.service.upload([(Path(f).name, Path(f)) for f in files], progress=report)
        stats = self.service.stats()
        return uploads_html(results), stats_html(stats), gr.update(choices=stats.sources if stats else [])

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
        with gr.Row():
            gr.Examples(EXAMPLES, inputs=question, label="Try")
            clear = gr.Button("New conversation", elem_id="nr-clear", size="sm", variant="secondary")
        return {"chatbot": chatbot, "question": question, "ask": ask, "clear": clear, "queries": gr.State([])}

    def _side_column(self) -> dict:
        import gradio as gr

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
        return {"sources": sources, "since": since, "until": until, "files": files, "add": add,
                "upload_results": upload_results, "stats": stats}

    def _wire(self, page, banner, chat: dict, side: dict) -> None:
        import gradio as gr

        def add_files(files: list[str] | None, progress=gr.Progress()):
            return self.add_files(files, progress)

        limit = {"concurrency_limit": self.settings.app_concurrency, "concurrency_id": "ask"}
        inputs = [chat["question"], chat["chatbot"], chat["queries"], side["sources"], side["since"], side["until"]]
        outputs = [chat["chatbot"], chat["queries"], chat["question"]]
        chat["ask"].click(self.respond, inputs, outputs, api_name="chat", **limit)
        chat["question"].submit(self.respond, inputs, outputs, api_name=False, **limit)
        chat["clear"].click(lambda: ([], []), None, [chat["chatbot"], chat["queries"]], api_name=False)
        side["add"].click(add_files, [side["files"]], [side["upload_results"], side["stats"], side["sources"]],
                          api_name="upload")
        timer = gr.Timer(1.0, active=False)
        panel_outputs = [banner, side["stats"], side["sources"], timer]
        timer.tick(lambda: self.panels(on_load=False), None, panel_outputs, api_name=False, show_progress="hidden")
        page.load(self.panels, None, panel_outputs, api_name=False)
        gr.api(self.ask_api, api_name="ask", **limit)
        if self.mcp:  # the MCP tool: the same answer as JSON text (Gradio renders a dict result as a Python repr).
            # Not queued: Gradio's MCP server then calls it in-process rather than through a loopback client that
            # would have to pass the page's login.
            gr.api(self.ask_news, api_name="ask_news", queue=False)


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


def guard_mcp(app, credentials) -> None:
    """Require one of the logins as a bearer key on Gradio's MCP endpoint (mounted at /gradio_api/mcp)."""
    mounts = [route for route in app.router.routes if getattr(route, "path", "") == "/gradio_api/mcp"]
    if not mounts:
        raise RagError("Gradio's MCP endpoint was not found at /gradio_api/mcp, so it cannot be protected by the "
                       "login. Serve --mcp without --auth on 127.0.0.1, or pin gradio to a version newsrag supports.")
    for mount in mounts:
        mount.app = guard_asgi(mount.app, credentials)


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
    page = ChatPage(service, mcp=mcp).build()
    page.queue(default_concurrency_limit=settings.app_concurrency, max_size=200)
    page.launch(server_name=host, server_port=port, theme=_theme(), css=_css(), ssr_mode=False, show_error=True,
                max_file_size=f"{2 * settings.upload_max_mb:g}mb", footer_links=["api"], mcp_server=mcp,
                quiet=False, prevent_thread_lock=True, auth=credentials,
                auth_message="newsrag: log in with the user name and password you were given.")
    if mcp and credentials:  # Gradio's login does not cover its MCP endpoint: it takes the login as a bearer key
        try:
            guard_mcp(page.app, credentials)
        except RagError:
            page.close()
            raise
    if openai_api:
        from .openai_api import add_openai_routes

        add_openai_routes(page.app, service, credentials)
        log.warning("OpenAI-compatible API at http://%s:%d/v1 (model %r)", host, port, settings.app_model_name)
    service.start_indexing()  # after the page is up, so the first start shows the page at once
    try:
        page.block_thread()
    finally:
        page.close()
