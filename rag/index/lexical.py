"""BM25 over chunk text (bm25s, English stemming and stopwords), persisted next to the index."""

from __future__ import annotations

import json
import logging
import os
import shutil
import zipfile
from pathlib import Path

import numpy as np

from ..text import TOKENS_VERSION, bm25s_module, published_int, split_sentences, tokenize, tokenize_text
from ..types import Chunk

log = logging.getLogger(__name__)
ChunkTokens = tuple[list[str], list[frozenset[str]], frozenset[str]]  # sequence, per-sentence sets, title set
_TOKENS_MAX = 50_000


def top_rows(scores: np.ndarray, n: int) -> np.ndarray:
    """Return the rows of the n best positive scores, best first."""
    n = min(n, len(scores))
    if n == 0:
        return np.array([], dtype=np.int64)
    part = np.argpartition(-scores, n - 1)[:n]
    part = part[np.argsort(-scores[part], kind="stable")]
    return part[scores[part] > 0]


class LexicalIndex:
    """A bm25s index plus, per indexed chunk, its id, source and date for filtering."""

    def __init__(self, retriever, ids: list[str], sources: list[str], dates: list[int], generation: int):
        self.retriever = retriever
        self.ids = ids
        self.sources = np.array(sources, dtype=object)
        self.dates = np.array(dates, dtype=np.int64)
        self.generation = generation
        self._chunk_tokens: dict[str, ChunkTokens] = {}  # by chunk id (content addressed), at most _TOKENS_MAX

    @classmethod
    def build(cls, chunks: list[Chunk], generation: int) -> LexicalIndex:
        """Index the chunks (their metadata-prefixed text)."""
        retriever = bm25s_module().BM25()
        if chunks:
            retriever.index(tokenize([c.indexed_text for c in chunks]), show_progress=False)
        return cls(retriever, [c.id for c in chunks], [c.source for c in chunks],
                   [published_int(c.published) for c in chunks], generation)

    def save(self, directory: Path, replace: bool = False) -> None:
        """Write the index to directory/g<generation>, atomically, and delete generations older than the last.

        replace=True rewrites a saved generation that cannot be loaded (truncated or damaged files)."""
        final = directory / f"g{self.generation}"
        if final.exists() and not replace:
            return  # another process saved this generation already
        if final.exists():
            damaged = directory / f"{final.name}.damaged-{os.getpid()}"
            try:
                final.rename(damaged)
            except OSError:
                pass  # another process replaced it at the same moment; the rename below settles who wins
            shutil.rmtree(damaged, ignore_errors=True)
        tmp = directory / f"{final.name}.tmp-{os.getpid()}"
        tmp.mkdir(parents=True, exist_ok=True)
        if self.ids:
            self.retriever.save(str(tmp), show_progress=False)
        table = {"generation": self.generation, "tokens": TOKENS_VERSION, "ids": self.ids,
                 "sources": self.sources.tolist(), "dates": self.dates.tolist()}
        (tmp / "chunks.json").write_text(json.dumps(table))
        try:
            tmp.rename(final)  # atomic: readers see a whole generation or none (a crash leaves only a tmp dir)
        except OSError:
            shutil.rmtree(tmp, ignore_errors=True)  # a concurrent save of the same generation won the race
        _drop_old_generations(directory, self.generation)

    @classmethod
    def load(cls, directory: Path, generation: int) -> LexicalIndex | None:
        """Return the saved index if it was built at this docstore generation, else None."""
        bm25s = bm25s_module()
        for where in (directory / f"g{generation}", directory):  # directory itself: the layout before generations
            try:
                table = json.loads((where / "chunks.json").read_text())
                if table.get("generation") != generation or table.get("tokens", 1) != TOKENS_VERSION:
                    continue  # another generation, or tokenized another way (rebuilt from the docstore)
                retriever = bm25s.BM25.load(str(where), show_progress=False) if table["ids"] else bm25s.BM25()
            except (OSError, ValueError, EOFError, KeyError, IndexError, zipfile.BadZipFile) as exc:  # damaged files
                log.debug("no usable BM25 index in %s (%s)", where, exc)
                continue
            return cls(retriever, table["ids"], table["sources"], table["dates"], generation)
        return None

    def mask(self, sources: list[str] | None, since: int, until: int) -> np.ndarray | None:
        """Return a 0/1 weight per chunk for the filters, or None when nothing is filtered."""
        if not sources and not since and not until:
            return None
        keep = np.ones(len(self.ids), dtype=bool)
        if sources:
            keep &= np.isin(self.sources, sources)
        if since:
            keep &= self.dates >= since
        if until:
            keep &= (self.dates <= until) & (self.dates > 0)  # undated articles match no date range
        return keep.astype(np.float32)

    @property
    def known_sources(self) -> tuple[str, ...]:
        """Return the distinct sources of the indexed chunks, sorted (what query parsing matches outlet names to)."""
        if getattr(self, "_known_sources", None) is None:
            self._known_sources = tuple(sorted({s for s in self.sources.tolist() if s}))
        return self._known_sources

    @property
    def row_of(self) -> dict[str, int]:
        """Return the row of each chunk id in the BM25 index."""
        if getattr(self, "_row", None) is None:
            self._row = {chunk_id: row for row, chunk_id in enumerate(self.ids)}
        return self._row

    def query_tokens(self, query: str) -> list[str]:
        """Return the query's distinct stemmed tokens that occur in the index, in question order."""
        if not self.ids:
            return []
        return [t for t in dict.fromkeys(tokenize_text(query)) if t in self.retriever.vocab_dict]

    def idf(self, tokens: list[str]) -> dict[str, float]:
        """Return the BM25 inverse document frequency of each token (from the index's posting lists)."""
        indptr, vocab, n = self.retriever.scores["indptr"], self.retriever.vocab_dict, len(self.ids)
        weights = {}
        for token in tokens:
            i = vocab[token]
            df = int(indptr[i + 1] - indptr[i]) if i + 1 < len(indptr) else 1
            weights[token] = float(np.log(1 + (n - df + 0.5) / (df + 0.5)))
        return weights

    def terms_in(self, tokens: list[str], ids: list[str]) -> dict[str, set[str]]:
        """Return, for each chunk id, which of the tokens it contains (read from the BM25 posting lists)."""
        indptr, indices, vocab = self.retriever.scores["indptr"], self.retriever.scores["indices"], self.retriever.vocab_dict
        rows = {self.row_of[i]: i for i in ids if i in self.row_of}
        found: dict[str, set[str]] = {i: set() for i in ids}
        for token in tokens:
            t = vocab[token]
            if t + 1 >= len(indptr):
                continue
            postings = indices[indptr[t]:indptr[t + 1]]
            for row in np.intersect1d(postings, np.fromiter(rows, dtype=postings.dtype, count=len(rows))):
                found[rows[int(row)]].add(token)
        return found

    def chunks_with(self, token: str, limit: int = 20) -> list[str]:
        """Return the ids of up to limit chunks that contain the stemmed token (its posting list; [] when unknown)."""
        indptr, indices = self.retriever.scores["indptr"], self.retriever.scores["indices"]
        t = self.retriever.vocab_dict.get(token) if self.ids else None
        if t is None or t + 1 >= len(indptr):
            return []
        return [self.ids[int(row)] for row in indices[indptr[t]:indptr[t + 1]][:limit]]

    def chunk_tokens(self, chunks: list[Chunk]) -> list[ChunkTokens]:
        """Return each chunk's token sequence, the token set of each of its sentences, and its title's tokens.

        Kept per index by chunk id (ids are content addressed, bounded in number); chunks not seen before are
        tokenized in one batch.
        """
        cache = self._chunk_tokens
        found = {c.id: cache.get(c.id) for c in chunks}  # read once: another thread may clear the cache meanwhile
        missing = list({c.id: c for c in chunks if found[c.id] is None}.values())
        if missing:
            if len(cache) + len(missing) > _TOKENS_MAX:
                cache.clear()
            pieces = [[sentence for _, _, sentence in split_sentences(c.text)] + [c.title] for c in missing]
            tokens = iter(tokenize([piece for group in pieces for piece in group]))
            for chunk, group in zip(missing, pieces):
                sentences = [next(tokens) for _ in group]
                found[chunk.id] = cache[chunk.id] = (
                    [t for s in sentences[:-1] for t in s], [frozenset(s) for s in sentences[:-1]],
                    frozenset(sentences[-1]))
        return [found[c.id] for c in chunks]

    def scores(self, query: str, mask: np.ndarray | None = None) -> np.ndarray:
        """Return the BM25 score of every indexed chunk for the query (0 where the mask is 0)."""
        tokens = self.query_tokens(query)
        if not tokens:
            return np.zeros(len(self.ids), dtype=np.float32)
        scores = self.retriever.get_scores(tokens)
        return scores * mask if mask is not None else scores


def _drop_old_generations(directory: Path, current: int) -> None:
    """Delete saved generations older than current - 1 (a reader may still be loading the previous one)."""
    for path in directory.glob("g*"):
        number = path.name[1:].split(".", 1)[0]
        if not number.isdigit():
            continue
        stale_tmp = ".tmp-" in path.name and int(number) < current  # left by a crashed save
        if stale_tmp or int(number) < current - 1:
            shutil.rmtree(path, ignore_errors=True)
