"""Eval results for people: per-type summary, threshold checks, and evals/report/latest.{json,md,png}."""

from __future__ import annotations

import json
import statistics
import tomllib
from datetime import datetime, timezone
from pathlib import Path

from ..errors import RagError
from .stats import percentile

METRICS = [  # (key, column title) in the order of the summary table
    ("n", "n"), ("correct", "correct"), ("word_overlap", "word overlap"), ("answered_when_answerable", "answered"),
    ("refusal_tnr", "unanswerable refused"), ("citation_precision", "citation precision"),
    ("fully_supported", "fully supported"), ("hits4", "Hits@4"), ("hits10", "Hits@10"), ("mrr10", "MRR@10"),
    ("p50_ms", "p50 ms"), ("p95_ms", "p95 ms"),
]


def _mean(values: list) -> float | None:
    values = [float(v) for v in values if v is not None]
    return round(statistics.fmean(values), 3) if values else None


def _percentile(values: list[float], q: float) -> float | None:
    return round(percentile(values, q), 1) if values else None


def group_metrics(records: list[dict]) -> dict:
    """Return the aggregate scores of a group of per-question records (None where a metric does not apply)."""
    answered = [r for r in records if not r["refused"]]
    checked = sum(r["scores"]["checked"] for r in answered)
    retrieval = [r["scores"] for r in records if "rank" in r["scores"]]
    latencies = [r["timings"].get("total_ms", 0.0) for r in records]
    return {
        "n": len(records),
        "correct": _mean([r["scores"]["correct"] for r in records]),
        "word_overlap": _mean([r["scores"].get("word_overlap") for r in records]),
        "answered_when_answerable": _mean([not r["refused"] for r in records if r["answerable"]]),
        "refusal_tnr": _mean([r["refused"] for r in records if not r["answerable"]]),
        "citation_precision": round(sum(r["scores"]["supported"] for r in answered) / checked, 3) if checked else None,
        "fully_supported": _mean([r["scores"]["fully_supported"] for r in answered]),
        "hits4": _mean([s["hits4"] for s in retrieval]),
        "hits10": _mean([s["hits10"] for s in retrieval]),
        "mrr10": _mean([s["rr"] for s in retrieval]),
        "p50_ms": _percentile(latencies, 50),
        "p95_ms": _percentile(latencies, 95),
    }


def summarize(records: list[dict]) -> dict:
    """Return metrics for everything, each dataset, and each dataset's question types ("seed/quote", ...)."""
    groups: dict[str, list[dict]] = {"all": records}
    for record in records:
        groups.setdefault(record["dataset"], []).append(record)
        groups.setdefault(f"{record['dataset']}/{record['type']}", []).append(record)
    return {name: group_metrics(members) for name, members in sorted(groups.items(), key=lambda g: g[0] != "all")}


def load_thresholds(path: Path) -> dict:
    """Return the floors in thresholds.toml: {section: {metric: minimum}}."""
    with path.open("rb") as handle:
        return tomllib.load(handle)


def check_thresholds(result: dict, thresholds: dict) -> list[str]:
    """Return one line per metric below its floor (empty when every floor is met)."""
    failures = []
    for section, floors in thresholds.items():
        measured = result["calibration"] if section == "support_checker" else result["summary"].get(section)
        if measured is None:
            continue  # e.g. MultiHop-RAG data not present: its section is skipped, and said so in the report
        for metric, floor in floors.items():
            value = measured.get(metric)
            if value is None or value < floor:
                failures.append(f"{section}.{metric} = {value} is below the floor {floor}")
    return failures


def _cell(value) -> str:
    if value is None:
        return "–"
    return f"{value:.3f}" if isinstance(value, float) and value <= 1 else f"{value:g}"


def summary_table(summary: dict) -> str:
    """Return the per-group metrics as a Markdown table."""
    lines = ["| group | " + " | ".join(title for _, title in METRICS) + " |",
             "|---|" + "---|" * len(METRICS)]
    for name, metrics in summary.items():
        lines.append(f"| {name} | " + " | ".join(_cell(metrics[key]) for key, _ in METRICS) + " |")
    return "\n".join(lines)


def _badness(record: dict) -> float:
    s = record["scores"]
    return (2.0 * (s["fully_supported"] is False) + 2.0 * (not s["refusal_ok"]) + 1.0 * (s["correct"] is False)
            + (1.0 - s.get("rr", 1.0)))


def worst_cases(records: list[dict], n: int = 10) -> list[dict]:
    """Return the n worst records: unsupported citations and wrong refusals first, then wrong answers and misses."""
    return sorted(records, key=lambda r: (-_badness(r), r["id"]))[:n]


def _case_markdown(record: dict) -> str:
    s = record["scores"]
    problems = [label for label, bad in [
        ("citation not supported", s["fully_supported"] is False), ("wrong refusal decision", not s["refusal_ok"]),
        ("gold answer missing", s["correct"] is False), ("gold passage not retrieved", s.get("hits10") is False)]
        if bad]
    lines = [f"### {record['id']} ({record['dataset']}/{record['type']}): {', '.join(problems) or 'weak'}",
             f"- **asked:** {record['asked']}", f"- **gold:** {'; '.join(record['gold_answers']) or '(unanswerable)'}"]
    if record["note"]:
        lines.append(f"- **note:** {record['note']}")
    lines.append(f"- **answer:** {record['answer']}")
    for claim in s["claims"]:
        for verdict in claim["verdicts"]:
            if not verdict["supported"]:
                lines.append(f"- **[{verdict['n']}] does not support** \"{claim['sentence'][:200]}\": "
                             f"{'; '.join(verdict['reasons'])}")
    for citation in record["citations"]:
        lines.append(f"- [{citation['n']}] {citation['title']} ({citation['source']}): "
                     f"> {citation['passage'][:400].replace(chr(10), ' ')}")
    for passage in record["gold_passages"][:2]:
        lines.append(f"- gold passage: > {passage[:300]}")
    return "\n".join(lines)


def markdown_report(result: dict, failures: list[str]) -> str:
    """Return the human report: run facts, summary table, checker calibration, thresholds, worst 10 cases."""
    index, cal = result["index"], result["calibration"]
    corpus = (f"full index {index['index']} ({index['articles']} articles, {index['chunks']} chunks)"
              if result["mode"] == "full" else
              f"{index['articles']} articles ({index['seed_files']} seed files, {index['multihop_needed']} MultiHop-RAG "
              f"articles the questions need, {index['distractors']} fixed distractors), {index['chunks']} chunks; "
              f"index built/updated in {index['build_s']}s")
    parts = [
        f"# Eval report ({result['mode']})", "",
        f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M UTC}; {len(result['questions'])} questions in "
        f"{result['seconds']}s. Corpus: {corpus}. Settings: {json.dumps(result['settings'])}.",
        result["skipped"], "",
        "**correct**: gold answer contained in the answer (seed questions, MultiHop inference). **word overlap**: "
        "MultiHop-RAG's qa_evaluate rule (a refusal counts as 'Insufficient information.'). **Hits@k / MRR@10**: "
        "the official rule (an evidence text, whitespace removed, inside a top-k chunk). Latency is `ask()` total.",
        "", summary_table(result["summary"]), "", "![scores](latest.png)", "",
        "## Support checker calibration", "",
        f"{cal['pairs']} labelled pairs: precision **{cal['precision']:.3f}**, recall **{cal['recall']:.3f}**, "
        f"accuracy {cal['accuracy']:.3f}.", "",
        "| kind | pairs | judged right |", "|---|---|---|",
        *[f"| {kind} | {v['n']} | {v['right']} |" for kind, v in sorted(cal["kinds"].items())], "",
        *[f"- missed ({m['kind']}, labelled {m['label']}): {m['sentence']}" for m in cal["mistakes"]], "",
        "## Thresholds (evals/thresholds.toml)", "",
        *([f"- FAILED: {f}" for f in failures] or ["All floors met."]), "",
        "## Worst 10 cases", "", *[_case_markdown(r) + "\n" for r in worst_cases(result["questions"])],
    ]
    return "\n".join(parts)


def require_plotting() -> None:
    """Raise RagError naming the extra to install when matplotlib (the report's plot) is missing."""
    try:
        import matplotlib  # noqa: F401
    except ImportError as exc:
        raise RagError("The eval report draws evals/report/latest.png with matplotlib, which is not installed. "
                       "Install the eval extra: pip install -e '.[eval]' (or pip install 'newsrag[eval]').") from exc


def plot_scores(result: dict, path: Path) -> None:
    """Save a PNG: per-type bars of the main scores, and the distribution of citation support scores."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    groups = [g for g in result["summary"] if "/" in g]
    keys = [("correct", "correct"), ("refusal_ok", "refusal right"), ("fully_supported", "fully supported"),
            ("hits10", "Hits@10")]
    fig, (bars, hist) = plt.subplots(1, 2, figsize=(14, 5), gridspec_kw={"width_ratios": [3, 1]})
    width = 0.8 / len(keys)
    for i, (key, label) in enumerate(keys):
        values = []
        for group in groups:
            members = [r for r in result["questions"] if f"{r['dataset']}/{r['type']}" == group]
            values.append(_mean([r["scores"].get(key) for r in members]) or 0.0)
        bars.bar([x + i * width for x in range(len(groups))], values, width, label=label)
    bars.set_xticks([x + 0.4 - width / 2 for x in range(len(groups))], groups, rotation=30, ha="right")
    bars.set_ylim(0, 1.05)
    bars.legend(loc="upper right", fontsize=8)
    bars.set_title("scores per question type")
    support = [v["score"] for r in result["questions"] for c in r["scores"]["claims"] for v in c["verdicts"]]
    hist.hist(support, bins=20, range=(0, 1))
    hist.set_title("citation support scores")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def write_report(result: dict, failures: list[str], directory: Path) -> Path:
    """Write latest.json, latest.md and latest.png into directory; return the Markdown path."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "latest.json").write_text(json.dumps(result | {"failures": failures}, indent=1, ensure_ascii=False,
                                                      default=str), encoding="utf-8")
    plot_scores(result, directory / "latest.png")
    markdown = directory / "latest.md"
    markdown.write_text(markdown_report(result, failures), encoding="utf-8")
    return markdown
