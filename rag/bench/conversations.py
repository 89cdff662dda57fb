"""`rag bench conversations`: follow-up questions in the written conversations (evals/data/conversations.jsonl).

Each conversation is asked turn by turn through the chat service, as the app asks it: a follow-up is rewritten
with the earlier queries (or condensed by the LLM when one is configured) and the rewritten query is searched. The
index holds what the turns are about and some distractors: the seed articles, the second-style texts, the
MultiHop-RAG articles the conversations name and 60 others (a fixed sample). Scored per turn:
- kept: each string a follow-up must keep (`must_keep`, case-sensitive) is in the searched query;
- answerable turns: an accepted answer is in the answer (and, strictly, in the direct answer); near-miss turns:
  refused.
"""

from __future__ import annotations

import json
import random
import shutil
import tempfile
from pathlib import Path

from ..app.service import ChatService
from ..evaluation.harness import articles_file, contains_gold
from .speed import record

CONVERSATIONS = Path("evals/data/conversations.jsonl")
DISTRACTORS = 60


def build_corpus(settings, conversations: list[dict], corpus: Path) -> None:
    """Write the bench corpus: seeds, the second-style texts, the named MultiHop-RAG articles and distractors."""
    for seed in sorted(settings.seeds_dir.iterdir()):
        shutil.copyfile(seed, corpus / seed.name)
    (corpus / "style2").mkdir()
    for text in sorted((settings.eval_dir / "data" / "style2_texts").glob("*.txt")):
        shutil.copyfile(text, corpus / "style2" / text.name)
    records = {r["id"]: r for r in map(json.loads, articles_file(settings).read_text(encoding="utf-8").splitlines())}
    named = sorted({g["article"] for c in conversations for t in c["turns"] for g in t.get("gold", [])
                    if g["article"] in records})
    others = sorted(set(records) - set(named))
    chosen = named + sorted(random.Random(0).sample(others, min(DISTRACTORS, len(others))))
    (corpus / "multihop-rag.jsonl").write_text("".join(json.dumps(records[i], ensure_ascii=False) + "\n"
                                                       for i in chosen), encoding="utf-8")


def score(service: ChatService, conversations: list[dict]) -> tuple[dict, list[dict]]:
    """Ask every conversation; return the rates and one row per turn."""
    rows = []
    for conversation in conversations:
        previous: list[str] = []
        for n, turn in enumerate(conversation["turns"]):
            reply = service.ask(turn["question"], previous)
            previous.append(reply.context)
            answer = reply.answer
            refused = answer is None or answer.refused
            row = {"conversation": conversation["id"], "turn": n, "query": reply.query, "refused": refused,
                   "short": answer.short if answer else None,
                   "kept": [s in reply.query for s in turn.get("must_keep", [])]}
            if turn["answerable"]:
                row["correct"] = not refused and contains_gold(answer.text, turn["answers"])
                row["strict"] = not refused and contains_gold(answer.short or "", turn["answers"])
            else:
                row["correct"] = row["strict"] = refused
            rows.append(row)

    def rate(selected: list[dict], key: str) -> float:
        return round(sum(r[key] for r in selected) / len(selected), 3) if selected else 0.0

    answerable = [r for r, t in zip(rows, _turns(conversations)) if t["answerable"]]
    near = [r for r, t in zip(rows, _turns(conversations)) if not t["answerable"]]
    followups = [r for r in rows if r["turn"] > 0]
    kept = [k for r in rows for k in r["kept"]]
    return {"turns": len(rows), "kept": round(sum(kept) / len(kept), 3) if kept else 0.0,
            "answerable_correct": rate(answerable, "correct"), "answerable_strict": rate(answerable, "strict"),
            "near_miss_refused": rate(near, "correct"), "followups_correct": rate(followups, "correct")}, rows


def _turns(conversations: list[dict]) -> list[dict]:
    return [t for c in conversations for t in c["turns"]]


def run(args, pipeline) -> int:
    """Print and record `rag bench conversations`."""
    path = Path(args.questions) if isinstance(args.questions, (str, Path)) else CONVERSATIONS
    conversations = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory(prefix="rag-conversations-") as root:
        corpus, index = Path(root) / "corpus", Path(root) / "index"
        corpus.mkdir()
        build_corpus(pipeline.settings, conversations, corpus)
        own = type(pipeline)(pipeline.settings, embedder=pipeline.embedder, index_dir=index, corpus_dir=corpus)
        own.ingest(corpus)
        result, rows = score(ChatService(own), conversations)
    for row in rows:
        if not row["correct"] or not all(row["kept"]):
            print(json.dumps(row, ensure_ascii=False))
    print(json.dumps(result, indent=2))
    if not args.no_record:
        record("Conversations (`rag bench conversations`)", result, note=args.note or "")
    return 0
