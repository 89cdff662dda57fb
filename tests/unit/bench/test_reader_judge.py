"""How `python -m rag.bench.train_reader --judge` scores a reader on sets it was not trained on (pure arithmetic)."""

import random

import pytest

from rag.bench.train_reader import _batches, collect, judged, names, swapped

ROWS = [
    {"answerable": True, "gold": [False, True, False]},   # the reader's best sentence holds the answer
    {"answerable": True, "gold": [True, False]},          # its best sentence does not
    {"answerable": True, "gold": [False, False]},         # no gold sentence among the candidates: not counted
    {"answerable": False, "gold": [False, False]},
    {"answerable": False, "gold": []},                    # no candidate at all: best score 0
]


def test_the_best_sentence_and_the_answerable_against_near_miss_ranking():
    scores = [[0.2, 0.9, 0.1], [0.3, 0.6], [0.99, 0.5], [0.7, 0.05], []]
    figures = judged(ROWS, scores, thresholds=(0.5, 0.8))
    assert figures["top"] == 0.5 and figures["answerable"] == 2 and figures["near_miss"] == 2
    # best answerable scores 0.9 and 0.6 against near-miss 0.7 and 0.0: three of four pairs ordered right
    assert figures["auc"] == pytest.approx(0.75)
    assert figures["at"][0.5] == (1.0, 0.5) and figures["at"][0.8] == (0.5, 1.0)


def test_ties_count_half_and_only_the_scored_sentences_are_read():
    rows = [{"answerable": True, "gold": [False, False, True]}, {"answerable": False, "gold": [False]}]
    figures = judged(rows, [[0.4, 0.4], [0.4]], thresholds=())  # the gold sentence was beyond the scored ones
    assert figures["answerable"] == 0 and figures["auc"] == 0.0
    figures = judged(rows, [[0.1, 0.2, 0.4], [0.4]], thresholds=())
    assert figures["top"] == 1.0 and figures["auc"] == pytest.approx(0.5)


def test_pairs_take_two_positives_and_the_first_negatives_of_each_question():
    rows = [{"question": "q1", "sides": ["a", "b", "c", "d", "e"], "gold": [False, True, True, True, False]},
            {"question": "q2", "sides": ["x", "y", "z"], "gold": [False, False, False]}]
    pairs = collect(rows, negatives=2)
    assert [(q, side, label) for q, side, label in pairs if label] == [("q1", "b", 1.0), ("q1", "c", 1.0)]
    assert [(q, side) for q, side, label in pairs if not label] == [("q1", "a"), ("q1", "e"), ("q2", "x"), ("q2", "y")]


def test_batches_hold_every_pair_once_in_runs_of_similar_length():
    pairs = [("q", "w" * n, 0.0) for n in range(1, 129)]
    random.seed(3)
    batches = _batches(list(pairs), batch=4, run=8)  # runs of 32 pairs, each cut into 8 batches of 4
    assert sorted(p for b in batches for p in b) == sorted(pairs) and all(len(b) == 4 for b in batches)
    # within a batch the lengths come from one sorted run: far closer than across the shuffled whole
    assert max(max(len(p[1]) for p in b) - min(len(p[1]) for p in b) for b in batches) < 64


def test_names_skip_sentence_openers_and_words_the_text_also_writes_in_lower_case():
    text = "The River Tessock peaked on Monday, the Riverlands Agency said. Officials said the officials agreed."
    common = {"the", "peaked", "officials", "said", "agreed"}
    assert names(text, common) == ["River Tessock", "Riverlands Agency"]


SWAP_ROWS = [
    {"question": "How many homes did Fenlight Networks cut off?", "answerable": True,
     "sides": ["Fenlight Networks said 23,400 homes lost power. [SEP] Storm leaves thousands without power 2024-01",
               "Halcombe Clinic stayed open. [SEP] Clinic open 2024-01"],
     "gold": [True, False]},
    {"question": "who won the quillan ward by-election", "answerable": True,
     "sides": ["Marisol Dunthorpe won, polling 1,284 votes. [SEP] Lowland Independents take Quillan ward 2024-05",
               "Turnout was 31.4 per cent. [SEP] Vessmoor Water fined 2024-05"],
     "gold": [True, False]},
    {"question": "what did the wall cost", "answerable": True,  # names nothing the sentence names: no swap
     "sides": ["The wall at Ebbridge cost £6.2m. [SEP] New Ebbridge wall 2025-02"], "gold": [True]},
]


def test_each_positive_naming_what_the_question_names_gets_one_negative_about_another_name():
    for seed in range(8):
        pairs = swapped(SWAP_ROWS, random.Random(seed))
        assert len(pairs) == 2 and all(label == 0.0 for *_, label in pairs)
        for (question, side, _), row in zip(pairs, SWAP_ROWS):
            # one side of the pair changed, to another name of the set (never a word that opens a sentence)
            assert (question == row["question"]) != (side == row["sides"][0])
            named = "Fenlight Networks" if "Fenlight" in row["question"] else "Quillan"
            assert named.lower() not in question.lower() or named.lower() not in side.lower()
            assert "Turnout" not in question + side.split(" [SEP] ")[1]
