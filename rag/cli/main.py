"""The `rag` command: ingest | ask | stats | serve | check | bench | eval."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path

from ..bench.progress import progress_bars
from ..errors import RagError


QUERY_QUESTIONS = 200  # default question count of `rag bench query`


def _json_default(value):
    return value.isoformat() if isinstance(value, date) else str(value)


def cmd_ingest(args, pipeline) -> int:
    """Exit 0 when every input was read, 1 when some failed, 2 when all failed (nothing was read)."""
    report = pipeline.ingest(*args.paths, prune=args.prune, progress=progress_bars(), rebuild=args.rebuild)
    print(report.summary())
    for line in str(report).splitlines()[1:]:  # each failed file with its reason (IngestReport.__str__), to stderr
        print(line, file=sys.stderr)
    if not report.failed:
        return 0
    read = report.added or report.updated or report.skipped
    print(f"{len(report.failed)} input(s) failed{'' if read else ' and nothing was read'}: see the reasons above",
          file=sys.stderr)
    return 1 if read else 2


def _print_streamed(pipeline, args):
    """Print the model's tokens (to stderr, as a draft) and each sentence once verified (to stdout); return the Answer."""
    for event in pipeline.ask_stream(args.question, k=args.k, sources=args.source, since=args.since, until=args.until):
        if event.kind == "token":
            print(event.text, end="", file=sys.stderr, flush=True)
        elif event.kind == "sentence":
            checked = event.sentence
            print(file=sys.stderr)
            print(f"ok {checked.display}" if checked.kept else f"-- {checked.text}  (dropped: {checked.reason})",
                  flush=True)
        else:
            print(file=sys.stderr)
            return event.answer


def cmd_ask(args, pipeline) -> int:
    pipeline.ensure_index(progress=progress_bars())
    if args.stream and not args.json:
        answer = _print_streamed(pipeline, args)
        print("\nanswer:")
    else:
        answer = pipeline.ask(args.question, k=args.k, sources=args.source, since=args.since, until=args.until)
    if args.json:
        print(json.dumps(asdict(answer) | {"hits": None}, default=_json_default, indent=2, ensure_ascii=False))
        return 0
    print(answer.text)
    for c in answer.citations:
        when = c.published.isoformat() if c.published else "date unknown"
        uploaded = ", uploaded by an app user" if c.uploaded else ""
        print(f"\n[{c.n}] {c.title}\n    {c.source}, {when}{uploaded}" + (f" - {c.url}" if c.url else ""))
        print(f"    \"{c.quote}\"")
    if answer.note:
        print(f"\nnote: {answer.note}")
    if unknown := pipeline.unknown_sources(args.source):
        print(f"\nnote: no indexed article is from {', '.join(map(repr, unknown))} (`rag stats --json` lists the "
              "sources)")
    print(f"\n({answer.timings['total_ms']:.0f} ms, {answer.backend})", file=sys.stderr)
    return 0


def cmd_stats(args, pipeline) -> int:
    stats = pipeline.stats()
    if args.json:
        print(json.dumps(asdict(stats), default=_json_default, indent=2))
        return 0
    print(f"articles:  {stats.articles}\nchunks:    {stats.chunks} ({stats.embedded_chunks} embedded)\n"
          f"sources:   {len(stats.sources)}\ndates:     {stats.first_published} .. {stats.last_published}\n"
          f"model:     {stats.model}\nindex:     {stats.index_dir}")
    return 0


def cmd_check(args, pipeline) -> int:
    from ..index.check import check_index, repair_index

    if args.yes and not args.repair:
        raise RagError("--yes applies a repair: use `rag check --repair --yes` (`rag check --repair` alone shows "
                       "what it would do).")
    if args.repair:
        report = repair_index(pipeline, progress=progress_bars(), apply=args.yes)
    else:
        report = check_index(pipeline)
    if args.json:
        print(json.dumps(asdict(report) | {"ok": report.ok}, default=_json_default, indent=2))
    else:
        print(report.summary())
        if not report.ok and not args.repair:
            print("run `rag check --repair` to see what can be fixed", file=sys.stderr)
        elif args.repair and not args.yes and report.planned:
            print("dry run: nothing was changed. Run `rag check --repair --yes` to apply.", file=sys.stderr)
    return 0 if report.ok else 1


def cmd_serve(args, pipeline) -> int:
    from ..app.service import ChatService
    from ..app.ui import serve

    serve(ChatService(pipeline), host=args.host, port=args.port, auth=args.auth, auth_file=args.auth_file,
          no_auth=args.no_auth, mcp=args.mcp or None, openai_api=args.openai_api or None)
    return 0


def cmd_bench(args, pipeline) -> int:
    if args.what == "answers":
        from ..bench import answers

        return answers.run(args, pipeline)
    if args.what in ("load", "scale"):
        from ..bench import load

        return load.run(args, pipeline)
    if args.what == "first-start":
        from ..bench import first_start

        return first_start.run(args, pipeline)
    if args.what == "multihop":
        from ..bench import multihop

        return multihop.run(args, pipeline)
    if args.what == "cold":
        from ..bench import cold

        return cold.run(args, pipeline)
    if args.what == "llm":
        from ..bench import llm_answers

        if args.questions == QUERY_QUESTIONS:
            args.questions = 24  # a tiny local model needs ~30 s per answer on 2 cores
        return llm_answers.run(args, pipeline)
    if args.what == "retrieval":
        from ..bench import retrieval

        return retrieval.run(args, pipeline)
    if args.what == "snippets":
        from ..bench import snippets

        return snippets.run(args, pipeline)
    if args.what == "conversations":
        from ..bench import conversations

        return conversations.run(args, pipeline)
    from ..bench import speed

    return speed.run(args, pipeline)


def cmd_eval(args, pipeline) -> int:
    """Run the eval suite, write evals/report/latest.*, print the summary; exit 1 when a threshold is missed."""
    from ..evaluation.report import check_thresholds, load_thresholds, require_plotting, summary_table, write_report
    from ..evaluation.harness import run_evaluation

    require_plotting()  # before a long run, not after it
    overrides = {"eval_full": True} if args.full else {}
    if args.sample:
        overrides["eval_sample"] = args.sample
    if args.llm:
        overrides["llm"] = args.llm
    settings = pipeline.settings.model_copy(update=overrides)
    result = run_evaluation(settings, progress=progress_bars(), limit=args.limit)
    failures = check_thresholds(result, load_thresholds(settings.eval_dir / "thresholds.toml"))
    report = write_report(result, failures, Path(args.report_dir) if args.report_dir else settings.eval_dir / "report")
    cal = result["calibration"]
    print(summary_table(result["summary"]))
    llm = result["llm"]
    if settings.llm != "extractive":
        print(f"\nLLM {', '.join(llm['backends'])}: {llm['generated']} generated, {llm['fallbacks']} fell back; "
              f"{llm['sentences_dropped']} of {llm['sentences_generated']} generated sentences dropped; kept "
              f"citation precision {llm['kept_citation_precision']}; p50 {llm['latency_p50_ms']} ms; "
              f"{llm['tokens_per_s']} tokens/s")
    print(f"\nsupport checker: precision {cal['precision']:.3f}, recall {cal['recall']:.3f} on {cal['pairs']} pairs")
    print("\n".join(f"FAILED: {f}" for f in failures) or "all thresholds met")
    print(f"report: {report}")
    return 1 if failures else 0


def _count_or_path(value: str) -> int | Path:
    """Return an int for a count, else a Path (`--questions 200` or `--questions FILE.jsonl`)."""
    return int(value) if value.isdigit() else Path(value)


def _add_serve(sub) -> None:
    """Add `rag serve` and its options: address, logins, program APIs."""
    p = sub.add_parser("serve", help="the browser chat (indexes the corpus in the background on first start)")
    p.add_argument("--host", default=None, help="address to bind (default 127.0.0.1, or RAG_APP_HOST / "
                   "GRADIO_SERVER_NAME; another host needs --auth or --no-auth)")
    p.add_argument("--port", type=int, default=None, help="port (default 7860, or RAG_APP_PORT / GRADIO_SERVER_PORT)")
    p.add_argument("--auth", action="append", metavar="USER:PASSWORD",
                   help="require this login (repeatable; or RAG_APP_AUTH); required when --host is not loopback")
    p.add_argument("--auth-file", type=Path, help="a file of user:password lines (or RAG_APP_AUTH_FILE)")
    p.add_argument("--no-auth", action="store_true", help="serve a non-loopback host without a password (warned)")
    p.add_argument("--mcp", action="store_true", help="also serve Gradio's MCP server at /gradio_api/mcp/ "
                   "(tool ask_news; needs the [mcp] extra)")
    p.add_argument("--openai-api", action="store_true",
                   help="also serve an OpenAI-compatible API at /v1 (chat/completions, models)")
    p.set_defaults(func=cmd_serve)


def _add_bench(sub) -> None:
    """Add `rag bench` and the options of its benchmarks."""
    p = sub.add_parser("bench", help="benchmarks: ingest/query speed, MultiHop-RAG retrieval, refusal calibration, "
                       "load, scale, cold start, llm (generated vs extractive answers), retrieval (query styles), "
                       "snippets (answers on short news sets), conversations (follow-up questions)")
    p.add_argument("what", choices=["ingest", "query", "refusal", "multihop", "answers", "retrieval", "load", "scale",
                                    "cold", "llm", "first-start", "snippets", "conversations"])
    p.add_argument("--clients", type=int, default=4, help="concurrent clients for `bench load`")
    p.add_argument("--seconds", type=float, default=60, help="duration of `bench load` / the query phase of `scale`")
    p.add_argument("--url", help="`bench load` against a running app (Gradio URL) instead of the Python API")
    p.add_argument("--chunks", type=int, default=100_000, help="synthetic chunks for `bench scale`")
    p.add_argument("--per-type", type=int, default=60, help="questions per type for `bench refusal`")
    p.add_argument("--questions", type=_count_or_path, default=QUERY_QUESTIONS,
                   help="questions for `bench query` (a count; `bench llm`: default 24); for `bench multihop` a questions file "
                        "(default: questions-dev.jsonl in RAG_BENCH_DIR)")
    p.add_argument("--limit", type=int, default=None, help="`bench multihop`: only the first N questions")
    p.add_argument("--output", default=None, help="`bench multihop`: JSON result path "
                                                  "(default docs/bench/multihop-latest.json)")
    p.add_argument("--corpus", default=None, help="corpus for `bench ingest` / `first-start` (default: corpus_dir); "
                   "`bench snippets`: one set's folder (texts/ and qa.jsonl; default: every set in evals/data/snippets)")
    p.add_argument("--repeat", type=int, default=3, help="`bench cold`: fresh processes per measurement")
    p.add_argument("--checkout", help="`bench cold`: measure the rag package of this source tree (e.g. another "
                                      "worktree, for before/after); default: this one")
    p.add_argument("--multihop", choices=["sample", "all", "none"], default="sample",
                   help="`bench retrieval`: MultiHop-RAG questions (the eval suite's held-out sample, every dev "
                        "question, or none)")
    p.add_argument("--configs", default=None, help="`bench retrieval`: comma-separated configurations "
                                                   "(default, rerank off, bm25 only, dense only, fused)")
    p.add_argument("--no-record", action="store_true", help="do not append to docs/BENCHMARKS.md")
    p.add_argument("--note", help="a remark recorded with the result (e.g. machine load)")
    p.set_defaults(func=cmd_bench)


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser for every subcommand."""
    from ..version import __version__

    parser = argparse.ArgumentParser(prog="rag", description="Offline, cited question answering over news.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__} (newsrag-offline)")
    parser.add_argument("--index-dir", help="index directory (default .rag, or RAG_INDEX_DIR)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", help="add or update articles from files and directories")
    p.add_argument("paths", nargs="+")
    p.add_argument("--prune", action="store_true", help="remove articles whose files under the given paths are gone")
    p.add_argument("--rebuild", action="store_true", help="set docs.sqlite and BM25 aside (kept as *.damaged-TIME) "
                   "and rebuild them from these files: the fix for a damaged docstore")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("ask", help="answer a question with citations")
    p.add_argument("question", help='the question, quoted, e.g. "Which Ukrainian city did Rutte visit?"')
    p.add_argument("--json", action="store_true", help="print the Answer as JSON")
    p.add_argument("-k", type=int, default=None, help="passages to read")
    p.add_argument("--source", action="append", help="only this source (repeatable)")
    p.add_argument("--since", help="only articles published on or after YYYY-MM-DD")
    p.add_argument("--until", help="only articles published on or before YYYY-MM-DD")
    p.add_argument("--stream", action="store_true", help="with an LLM (RAG_LLM): its tokens as they come (stderr), "
                   "each sentence once verified (stdout)")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("stats", help="what the index holds")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_stats)

    _add_serve(sub)

    p = sub.add_parser("check", help="verify the index (docstore, BM25, Chroma agree; model metadata)")
    p.add_argument("--repair", action="store_true", help="show what a repair would fix (a dry run)")
    p.add_argument("--yes", action="store_true", help="with --repair: apply it")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_check)

    _add_bench(sub)

    _add_eval(sub)
    return parser


def _add_eval(sub) -> None:
    """Add `rag eval` and its options."""
    p = sub.add_parser("eval", help="score answers: faithfulness, correctness, refusal, retrieval (writes a report)")
    p.add_argument("--full", action="store_true", help="every MultiHop-RAG dev question over the full index "
                   "(default: a fixed sample over a small cached index; or RAG_EVAL_FULL=1)")
    p.add_argument("--sample", type=int, help="MultiHop-RAG questions in the default sample (RAG_EVAL_SAMPLE)")
    p.add_argument("--report-dir", help="where latest.json/.md/.png go (default evals/report)")
    p.add_argument("--llm", choices=["openai", "local"], help="answer with this LLM backend (its RAG_LLM_* settings), "
                   "every sentence verified; default: RAG_LLM")
    p.add_argument("--limit", type=int, help="ask at most N questions, evenly spread (a slow local model)")
    p.set_defaults(func=cmd_eval)


def main(argv: list[str] | None = None) -> int:
    """Run the rag command line; return the exit code."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(message)s")
    from ..pipeline import Pipeline

    overrides = {"index_dir": args.index_dir} if args.index_dir else {}
    try:
        return args.func(args, Pipeline(**overrides))
    except RagError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `rag stats | head -1`: the reader has gone, nothing is wrong
        sys.stdout = open(os.devnull, "w")  # (Python would flush into the closed pipe at exit)
        return 0
    except Exception as exc:  # a full disk or a read-only or damaged store, met mid-way (SQLite or Chroma): one line
        from ..config import load_settings
        from ..index.vectors import storage_error

        if (known := storage_error(load_settings(**overrides).index_dir, exc)) is None:
            raise
        print(f"error: {known}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted; finished work is kept and the next run resumes", file=sys.stderr)
        return 130
