"""`rag bench snippets`: the answer layer on sets of short news texts with keyword, conversational and full questions,
half of them near-misses (evals/data/snippets/: two sets the rules were written against, two never read).

Each set is indexed on its own in a temporary directory (its texts only) and asked every question. Strict scoring: an
answerable question is correct when an accepted answer is in the direct answer (`Answer.short`; for yes-no, the same
verdict), a near-miss when it is refused. "Loose" also counts an answer string anywhere in the cited text.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from ..evaluation.harness import contains_gold, yes_no
from .speed import record

SNIPPETS_DIR = Path("evals/data/snippets")


def read_questions(folder: Path) -> list[dict]:
    """Return a snippet set's questions (qa.jsonl)."""
    return [json.loads(line) for line in (folder / "qa.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]


def score_set(pipeline, folder: Path) -> dict:
    """Index the set's texts in a temporary directory and return strict / loose rates by answerability and style."""
    questions = read_questions(folder)
    with tempfile.TemporaryDirectory(prefix="rag-snippets-") as index_dir:
        own = type(pipeline)(pipeline.settings, embedder=pipeline.embedder, index_dir=Path(index_dir))
        own.ingest(folder / "texts")
        counts: dict[str, list[int]] = {}
        for q in questions:
            answer = own.ask(q["question"])
            if q["answerable"]:
                verdict = yes_no(q["answers"][0])
                strict = not answer.refused and (yes_no(answer.short) == verdict if verdict
                                                 else contains_gold(answer.short or "", q["answers"]))
                loose = strict or (not answer.refused and not verdict and contains_gold(answer.text, q["answers"]))
            else:
                strict = loose = answer.refused
            for key in ("answerable" if q["answerable"] else "near_miss",
                        f"{'answerable' if q['answerable'] else 'near_miss'}_{q['style']}"):
                tally = counts.setdefault(key, [0, 0, 0])
                tally[0], tally[1], tally[2] = tally[0] + strict, tally[1] + loose, tally[2] + 1
    return {key: {"strict": round(s / n, 3), "loose": round(lo / n, 3), "n": n}
            for key, (s, lo, n) in sorted(counts.items())}


def run(args, pipeline) -> int:
    """Print and record `rag bench snippets` for every set under evals/data/snippets (or --corpus: one set's folder,
    holding texts/ and qa.jsonl)."""
    folders = [Path(args.corpus)] if args.corpus else sorted(p for p in SNIPPETS_DIR.iterdir() if p.is_dir())
    for folder in folders:
        result = score_set(pipeline, folder)
        print(json.dumps({folder.name: result}, indent=2))
        if not args.no_record:
            record(f"Snippet sets (`rag bench snippets`): {folder.name}",
                   {f"{key}_strict": value["strict"] for key, value in result.items()}
                   | {"questions": sum(result[k]["n"] for k in ("answerable", "near_miss") if k in result)},
                   note=args.note or "")
    return 0
