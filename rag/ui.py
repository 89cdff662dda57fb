"""The browser chat (Gradio): chat with citation cards, filters, uploads, index panel. UI only: logic is in ChatService."""

from __future__ import annotations

import ipaddress
import logging
from dataclasses import asdict
from datetime import date
from html import escape
from importlib import resources
from pathlib import Path

from .chat import ChatService
from .render import reply_html, stats_html, status_html, uploads_html
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


def build_app(service: ChatService):
    """Return the Gradio Blocks page for a ChatService (not launched)."""
    import gradio as gr

    concurrency = service.pipeline.settings.app_concurrency

    def respond(message: str, history: list, queries: list, sources: list | None, since: str | None,
                until: str | None):
        """Answer one chat message; a generator so an LLM backend can stream (the extractive one yields once)."""
        message = (message or "").strip()
        if not message:
            yield gr.skip(), gr.skip(), gr.skip()
            return
        reply = service.ask(message, list(queries or []), sources or None, since or None, until or None)
        history = list(history or []) + [{"role": "user", "content": escape(message)},
                                         {"role": "assistant", "content": reply_html(reply)}]
        yield history, list(queries or []) + [reply.query], ""

    def ask_api(question: str, previous_queries: list[str] | None = None, sources: list[str] | None = None,
                since: str = "", until: str = "") -> dict:
        """Answer a question (previous_queries: earlier searched queries, for follow-ups); returns the Answer as JSON."""
        reply = service.ask(question, previous_queries or [], sources or None, since or None, until or None)
        answer = asdict(reply.answer) | {"hits": None} if reply.answer else None
        return _json_safe({"question": reply.question, "query": reply.query, "error": reply.error,
                           "notes": reply.notes, "answer": answer})

    def _banner(status):
        html = status_html(status)
        return gr.update(value=html, visible=bool(html))

    def refresh_status():
        status = service.status
        stats = service.stats()
        finished = not status.running
        sources = gr.update(choices=stats.sources if stats else []) if finished else gr.skip()
        return _banner(status), stats_html(stats), sources, gr.Timer(active=not finished)

    def load_page():
        stats = service.stats()
        return (_banner(service.status), stats_html(stats), gr.update(choices=stats.sources if stats else []),
                gr.Timer(active=service.status.running))

    def add_files(files: list[str] | None, progress=gr.Progress()):
        if not files:
            return '<div class="nr-uploads-hint">Choose files first.</div>', gr.skip(), gr.skip()
        progress(0, desc="Waiting for indexing to finish" if service.status.running else "Reading files")

        def report(stage: str, done: int, total: int) -> None:
            progress((done, total), desc="Embedding passages" if stage == "embed" else "Reading files",
                     unit="chunks" if stage == "embed" else "files")

        results = service.upload([(Path(f).name, Path(f)) for f in files], progress=report)
        stats = service.stats()
        return uploads_html(results), stats_html(stats), gr.update(choices=stats.sources if stats else [])

    with gr.Blocks(title="newsrag — cited answers from the news") as page:
        gr.HTML('<header class="nr-header"><div class="nr-logo">newsrag</div><div class="nr-tagline">Answers from '
                'the news corpus, every sentence cited — or a plain “the corpus does not say”.</div></header>')
        banner = gr.HTML(elem_id="nr-banner", visible=False)
        queries = gr.State([])
        with gr.Row(equal_height=False):
            with gr.Column(scale=3, min_width=420):
                chatbot = gr.Chatbot(elem_id="nr-chat", height=620, show_label=False, placeholder=PLACEHOLDER,
                                     latex_delimiters=[], sanitize_html=True, feedback_options=None,
                                     buttons=["copy"], layout="panel")
                with gr.Row(elem_id="nr-ask-row"):
                    question = gr.Textbox(elem_id="nr-question", show_label=False, scale=5, max_lines=4,
                                          placeholder="Ask a question about the news…", autofocus=True,
                                          submit_btn=False)
                    ask = gr.Button("Ask", variant="primary", elem_id="nr-ask", scale=1, min_width=80)
                with gr.Row():
                    gr.Examples(EXAMPLES, inputs=question, label="Try")
                    clear = gr.Button("New conversation", elem_id="nr-clear", size="sm", variant="secondary")
            with gr.Column(scale=1, min_width=280, elem_id="nr-side"):
                with gr.Group(elem_classes="nr-panel"):
                    gr.Markdown("#### Filters", elem_classes="nr-panel-title")
                    sources = gr.Dropdown(label="Sources", multiselect=True, choices=[], elem_id="nr-sources",
                                          info="Only these outlets (empty: all)")
                    since = gr.DateTime(label="Published from", include_time=False, type="string",
                                        elem_id="nr-since")
                    until = gr.DateTime(label="Published until", include_time=False, type="string",
                                        elem_id="nr-until")
                with gr.Group(elem_classes="nr-panel"):
                    gr.Markdown("#### Add articles", elem_classes="nr-panel-title")
                    files = gr.File(file_count="multiple", file_types=list(UPLOAD_SUFFIXES), elem_id="nr-files",
                                    label=f"{', '.join(UPLOAD_SUFFIXES)} · up to "
                                          f"{service.pipeline.settings.upload_max_mb:g} MB each", height=130)
                    add = gr.Button("Add to index", elem_id="nr-add", variant="secondary")
                    upload_results = gr.HTML(elem_id="nr-upload-results")
                with gr.Group(elem_classes="nr-panel"):
                    gr.Markdown("#### Index", elem_classes="nr-panel-title")
                    stats = gr.HTML(elem_id="nr-stats")
        timer = gr.Timer(1.0, active=False)

        chat_inputs = [question, chatbot, queries, sources, since, until]
        chat_outputs = [chatbot, queries, question]
        ask.click(respond, chat_inputs, chat_outputs, api_name="chat", concurrency_limit=concurrency,
                  concurrency_id="ask")
        question.submit(respond, chat_inputs, chat_outputs, api_name=False, concurrency_limit=concurrency,
                        concurrency_id="ask")
        clear.click(lambda: ([], []), None, [chatbot, queries], api_name=False)
        add.click(add_files, [files], [upload_results, stats, sources], api_name="upload")
        timer.tick(refresh_status, None, [banner, stats, sources, timer], api_name=False, show_progress="hidden")
        page.load(load_page, None, [banner, stats, sources, timer], api_name=False)
        gr.api(ask_api, api_name="ask", concurrency_limit=concurrency, concurrency_id="ask")
    return page


def _css() -> str:
    return resources.files("rag").joinpath("static/app.css").read_text(encoding="utf-8")


def _theme():
    import gradio as gr

    system = ["ui-sans-serif", "system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"]
    return gr.themes.Soft(primary_hue="indigo", neutral_hue="slate", font=system,
                          font_mono=["ui-monospace", "Consolas", "monospace"])


def warn_if_public(host: str) -> bool:
    """Log a warning when host is not a loopback address; return True when it is public."""
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        log.warning("serving on %s: anyone who can reach this machine can ask questions and upload files. "
                    "Use --host 127.0.0.1 to keep it local.", host)
    return not loopback


def serve(service: ChatService, host: str | None = None, port: int | None = None) -> None:
    """Start background indexing, then serve the page (blocks until interrupted)."""
    settings = service.pipeline.settings
    host, port = host or settings.app_host, port or settings.app_port
    warn_if_public(host)
    page = build_app(service)
    page.queue(default_concurrency_limit=settings.app_concurrency, max_size=200)
    page.launch(server_name=host, server_port=port, theme=_theme(), css=_css(), ssr_mode=False, show_error=True,
                max_file_size=f"{2 * settings.upload_max_mb:g}mb", footer_links=["api"], mcp_server=False,
                quiet=False, prevent_thread_lock=True)
    service.start_indexing()  # after the page is up, so the first start shows the page at once
    try:
        page.block_thread()
    finally:
        page.close()
