"""The paraphrase training query rule: an LLM rewrite of a training-side sentence, filtered for copies and nonsense."""

import json

import numpy as np

from rag.bench.keyword_queries import is_training_article
from rag.bench.paraphrase_queries import ASKS, clean, generate, load, overlap, pick_sentences, reject_reason

from training_text import BODY, Doc, sentence


def test_the_first_and_the_sentences_at_a_third_and_two_thirds_are_picked():
    assert pick_sentences(BODY) == [sentence(0), sentence(3), sentence(6)]
    assert pick_sentences("Too short. Also short.") == []


def test_replies_are_cut_to_a_line_without_labels_or_quotes():
    assert clean('Question: "Did the port board meet?"\nMore text') == "Did the port board meet?"
    assert clean("\n\nA: Was the boat late?") == "Was the boat late?"


def test_copies_loops_task_talk_and_off_topic_rewrites_are_rejected():
    source = sentence(1)
    assert overlap("Did the port board discuss new boat schedules?", source) < 0.5
    assert reject_reason("Did the port board discuss new boat schedules?", source, 0.7) == ""
    assert reject_reason("The harbour committee talked about the new ferry timetable.", source, 0.9) == \
        "copies the sentence"
    assert reject_reason("Did the port board discuss new boat schedules?", source, 0.3) == "off topic"
    assert reject_reason("What is the answer to this question about boats?", source, 0.7) == "talks about the task"
    assert reject_reason("a boat a boat a boat a boat a boat a boat", source, 0.7) == "repeats itself"
    assert reject_reason("Boats?", source, 0.7) == "length"


class FakeEmbedder:
    def encode(self, texts):
        # the source sentences and the "port" rewrites point one way, anything else the other
        return np.array([[1.0, 0.0] if "port" in t or "Sentence number" in t else [0.0, 1.0] for t in texts])


def test_only_training_side_articles_give_queries_and_the_least_overlapping_kept_rewrite_wins(tmp_path):
    titles = [f"Harbour story {i}" for i in range(12)]
    docs = [Doc(f"a{i}", t, BODY.replace("harbour", f"harbour{i}")) for i, t in enumerate(titles)]
    training = [t for t in titles if is_training_article(t)]
    assert training

    def rewrite(ask, temperature, seed, text):
        return {0: "Did the port board discuss boat schedules?", 1: "Did the port board discuss the ferry timetable?",
                2: "Whatever happened to cheese?"}.get(seed, text)

    records = list(generate(docs, set(), rewrite, FakeEmbedder()))
    assert {r["title"] for r in records} == set(training)
    assert all(len(r["candidates"]) == len(ASKS) for r in records)
    assert all(r["chosen"]["query"] == "Did the port board discuss boat schedules?" for r in records)
    path = tmp_path / "q.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    assert len(load(path)) == len(records)
    unchosen = tmp_path / "unchosen.jsonl"  # a file whose own filter chose nothing: a bound re-applies the filter
    unchosen.write_text("".join(json.dumps(dict(r, chosen=None)) + "\n" for r in records))
    assert load(unchosen) == [] and load(unchosen, max_overlap=0.5) == load(path)
    assert not list(generate(docs, set(training), rewrite, FakeEmbedder()))


def test_paraphrase_rows_leave_the_other_styles_folds_alone_and_score_by_their_labels():
    from rag.bench.train_rerank import TrainQuery, evaluate, fold_of

    def row(i, style, title=""):
        return {"query": TrainQuery(f"q{i}", style, "text", gold_title=title), "labels": np.array([False, True]),
                "texts": ["x", "y"], "titles": ["other", "other"]}

    base = [row(i, "keyword", f"t{i}") for i in range(10)] + [row(10 + i, "cloze", f"c{i % 3}") for i in range(6)]
    extra = [row(20 + i, "paraphrase", f"p{i % 4}") for i in range(8)]
    assert fold_of(base + extra, 5)[:len(base)] == fold_of(base, 5)
    folds = fold_of(base + extra, 5)[len(base):]
    assert all(folds[i] == folds[i + 4] for i in range(4))  # one article, one fold
    figures = evaluate(extra, [np.array([1.0, 0.0])] * len(extra))["paraphrase"]
    assert figures["hits@1"] == 0.0 and figures["mrr@10"] == 0.5  # the labelled chunk is second
