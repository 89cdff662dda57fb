"""The MultiHop-RAG metric on hand-made rankings, so the benchmark figures can be trusted."""

import json

import pytest

from rag.errors import RagError
from rag.bench.multihop import append_row
from rag.evaluation.multihop import load_questions, score_ranking, summarise

FACT_A = "The trial started on Tuesday in Manhattan."
FACT_B = "Shares fell 12 percent after the report."


def test_a_hit_at_rank_one_scores_every_metric():
    scores = score_ranking([f"Intro. {FACT_A} More.", "unrelated"], [FACT_A])
    assert scores == {"hits@4": 1.0, "hits@10": 1.0, "map@10": 1.0, "mrr@10": 1.0, "fact_recall@10": 1.0}


def test_a_miss_scores_zero():
    scores = score_ranking(["nothing here", "The trial started on Monday in Manhattan."], [FACT_A])
    assert scores == {"hits@4": 0.0, "hits@10": 0.0, "map@10": 0.0, "mrr@10": 0.0, "fact_recall@10": 0.0}


def test_whitespace_is_ignored_but_words_are_not():
    reflowed = "The trial started\non  Tuesday in\tManhattan."
    assert score_ranking([reflowed], [FACT_A])["hits@10"] == 1.0
    assert score_ranking(["The trial started Tuesday in Manhattan."], [FACT_A])["hits@10"] == 0.0


def test_a_fact_split_across_two_chunks_is_not_a_hit():
    half = len(FACT_A) // 2
    assert score_ranking([FACT_A[:half], FACT_A[half:]], [FACT_A])["hits@10"] == 0.0


def test_rank_order_sets_hits_at_4_and_mrr():
    ranking = ["x"] * 5 + [FACT_A] + ["y"] * 4
    scores = score_ranking(ranking, [FACT_A])
    assert scores["hits@4"] == 0.0
    assert scores["hits@10"] == 1.0
    assert scores["mrr@10"] == pytest.approx(1 / 6)


def test_only_the_top_ten_count():
    assert score_ranking(["x"] * 10 + [FACT_A], [FACT_A])["hits@10"] == 0.0


def test_map_counts_each_fact_once_at_its_first_rank_like_upstream():
    ranking = [FACT_A, "x", FACT_A + " " + FACT_B, "y"]
    scores = score_ranking(ranking, [FACT_A, FACT_B])
    # rank 1 finds A (1/1), rank 3 finds B only (A already found: 1/3); divided by min(2 facts, 10)
    assert scores["map@10"] == pytest.approx((1 + 1 / 3) / 2)
    assert scores["fact_recall@10"] == 1.0
    assert scores["mrr@10"] == 1.0


def test_fact_recall_is_the_share_of_facts_found():
    assert score_ranking([FACT_B], [FACT_A, FACT_B, "A third fact nobody retrieved."])["fact_recall@10"] == \
        pytest.approx(1 / 3)


def test_summarise_averages_overall_and_per_type():
    rows = [("temporal_query", score_ranking([FACT_A], [FACT_A])),
            ("temporal_query", score_ranking(["x"], [FACT_A])),
            ("comparison_query", score_ranking(["x", "x", FACT_A], [FACT_A]))]
    summary = summarise(rows)
    assert summary["overall"]["n"] == 3
    assert summary["overall"]["hits@10"] == pytest.approx(2 / 3, abs=1e-4)
    assert summary["overall"]["mrr@10"] == pytest.approx((1 + 0 + 1 / 3) / 3, abs=1e-4)
    assert summary["temporal_query"]["hits@10"] == 0.5
    assert summary["comparison_query"]["hits@4"] == 1.0


def test_load_questions_reads_facts_and_marks_null_questions(tmp_path):
    path = tmp_path / "q.jsonl"
    rows = [{"id": "q1", "question": "Who?", "question_type": "inference_query", "answerable": True,
             "evidence": [{"fact": FACT_A}, {"fact": FACT_B}]},
            {"id": "q2", "question": "What?", "question_type": "null_query", "evidence": []}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    questions = load_questions(path)
    assert [q.facts for q in questions] == [[FACT_A, FACT_B], []]
    assert [q.answerable for q in questions] == [True, False]
    assert len(load_questions(path, limit=1)) == 1


def test_a_bad_question_line_names_the_file_and_line(tmp_path):
    path = tmp_path / "q.jsonl"
    path.write_text('{"question": "ok", "evidence": []}\n{"no question": 1}\n')
    with pytest.raises(RagError, match=r"q\.jsonl: line 2"):
        load_questions(path)
    with pytest.raises(RagError, match="RAG_BENCH_DIR"):
        load_questions(tmp_path / "missing.jsonl")


def test_append_row_keeps_other_sections(tmp_path):
    path = tmp_path / "BENCHMARKS.md"
    path.write_text("# Benchmarks\n\n## Retrieval on MultiHop-RAG (dev)\n\ntable\n\n## Ingest speed\n\n- row\n")
    append_row("- new run", path)
    text = path.read_text()
    assert text.index("- new run") < text.index("## Ingest speed")
    assert text.count("- row") == 1
