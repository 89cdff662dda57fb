"""The evaluator is tested: a wrong answer, an unsupported or missing citation, and a retrieval miss are caught."""

from collections import Counter
from datetime import date

from rag.evaluation.report import check_thresholds, group_metrics
from rag.evaluation.multihop import first_relevant_rank
from rag.evaluation.harness import (EvalQuestion, contains_gold, score_citations, score_question,
                          split_claims, word_overlap)
from rag.types import Answer, Citation, Hit

SUMY = ("Zelensky’s comments come after recent Russian strikes that killed 35 people in the north-eastern Sumy region "
        "and 19 in his hometown of Kryvyi Rig.")
BARBIE = "Mattel has been criticised for its new Barbie doll honouring Wilma Mankiller."


def _citation(n, passage):
    return Citation(n=n, article_id=f"a{n}", title="t", source="s", published=date(2025, 4, 15), url="",
                    quote=passage, start=0, end=len(passage), score=1.0, passage=passage)


def _answer(text, *passages, refused=False):
    return Answer(question="q", text=text, refused=refused,
                  citations=[_citation(n, p) for n, p in enumerate(passages, 1)], timings={"total_ms": 5.0})


def test_claims_are_split_at_their_citation_markers():
    assert split_claims("A is so. [1][2] B is so. [3] Trailing claim.") == [
        ("A is so.", [1, 2]), ("B is so.", [3]), ("Trailing claim.", [])]


def test_a_faithful_answer_is_fully_supported(hash_embedder):
    scores = score_citations(_answer(SUMY + " [1]", SUMY), hash_embedder)
    assert scores["fully_supported"] and scores["citation_precision"] == 1.0


def test_a_deliberately_wrong_number_is_caught(hash_embedder):
    wrong = SUMY.replace("35", "45")
    scores = score_citations(_answer(wrong + " [1]", SUMY), hash_embedder)
    assert scores["fully_supported"] is False and scores["citation_precision"] == 0.0
    assert "45" in scores["claims"][0]["verdicts"][0]["reasons"][0]


def test_a_citation_to_an_unrelated_passage_is_caught(hash_embedder):
    scores = score_citations(_answer(SUMY + " [1][2]", SUMY, BARBIE), hash_embedder)
    assert scores["fully_supported"] is False and scores["citation_precision"] == 0.5


def test_an_uncited_sentence_or_a_dangling_marker_fails(hash_embedder):
    assert score_citations(_answer(SUMY + " [1] Sumy is in Ukraine.", SUMY), hash_embedder)["fully_supported"] is False
    dangling = score_citations(_answer(SUMY + " [2]", SUMY), hash_embedder)
    assert dangling["fully_supported"] is False and "does not exist" in dangling["claims"][0]["verdicts"][0]["reasons"][0]


def test_correctness_needs_the_gold_answer():
    assert contains_gold("It killed 35 people. [1]", ["35"])
    assert not contains_gold("It killed 45 people. [1]", ["35"])
    assert contains_gold("Sam Altman [1]. Sam Altman, who ...", ["Sam Altman."])  # a gold written with a full stop
    assert contains_gold("Wilma’s name is the only thing", ["Wilma's name"])  # typographic quotes normalised
    assert not contains_gold("the former U.S. President", ["former U.S. President", "US President"], require_all=True)


def test_word_overlap_is_multihop_rags_rule():
    assert word_overlap("Sam Bankman-Fried was convicted", "Sam Bankman-Fried")
    assert not word_overlap("The corpus does not say.", "Yes")
    assert word_overlap("Insufficient information.", "Insufficient information.")


def test_retrieval_rank_uses_the_official_whitespace_free_rule():
    chunks = ["nothing here", "a chunk where the evidence\nis split  by spaces", "evidence is split"]
    assert first_relevant_rank(chunks, ["the evidence is split by spaces"]) == 2
    assert first_relevant_rank(chunks, ["absent fact"]) is None
    assert first_relevant_rank(["x"] * 10 + ["absent fact"], ["absent fact"]) is None  # only the top 10 count


def _hit(text):
    return Hit(text=text, score=1.0, article_id="a", title="t", source="s", published=None, url="", start=0,
               end=len(text))


def test_refusals_and_over_refusals_are_scored(hash_embedder):
    unanswerable = EvalQuestion(id="u", dataset="seed", type="unanswerable", question="q", answerable=False)
    answerable = EvalQuestion(id="a", dataset="seed", type="factoid", question="q", answerable=True, answers=["35"],
                              gold_passages=["killed 35 people"])
    refusal = _answer("The corpus does not say.", refused=True)
    assert score_question(unanswerable, refusal, [], hash_embedder)["refusal_ok"]
    over = score_question(answerable, refusal, [_hit("x"), _hit(SUMY)], hash_embedder)
    assert not over["refusal_ok"] and over["correct"] is False and over["rank"] == 2 and over["rr"] == 0.5
    assert not score_question(unanswerable, _answer(SUMY + " [1]", SUMY), [], hash_embedder)["refusal_ok"]


def test_thresholds_flag_a_metric_below_its_floor(hash_embedder):
    question = EvalQuestion(id="a", dataset="seed", type="factoid", question="q", answerable=True, answers=["35"],
                            gold_passages=["killed 35 people"])
    wrong = _answer(SUMY.replace("35", "45") + " [1]", SUMY)
    record = {"dataset": "seed", "type": "factoid", "answerable": True, "refused": False, "timings": {"total_ms": 5.0},
              "scores": score_question(question, wrong, [_hit(SUMY)], hash_embedder)}
    result = {"summary": {"seed": group_metrics([record])}, "calibration": {"precision": 0.9, "recall": 0.9}}
    failures = check_thresholds(result, {"seed": {"fully_supported": 0.5, "hits10": 0.5},
                                         "support_checker": {"precision": 0.8}, "multihop": {"hits10": 0.5}})
    assert failures == ["seed.fully_supported = 0.0 is below the floor 0.5"]


def test_multihop_sample_is_stratified_and_fixed(tmp_path):
    import json

    from rag.evaluation.harness import load_multihop_questions

    path = tmp_path / "questions-dev.jsonl"
    kinds = ["inference_query", "comparison_query", "temporal_query", "null_query"]
    path.write_text("".join(json.dumps({
        "id": f"q{i}", "question": f"question {i}?", "answer": "Yes", "question_type": kinds[i % 4],
        "answerable": kinds[i % 4] != "null_query", "gold_article_ids": [], "evidence": [{"fact": f"fact {i}"}]}) + "\n"
        for i in range(40)))
    sample = load_multihop_questions(path, 8, seed=0)
    assert Counter(q.type for q in sample) == {"inference": 2, "comparison": 2, "temporal": 2, "null": 2}
    assert [q.id for q in sample] == [q.id for q in load_multihop_questions(path, 8, seed=0)]
    assert len(load_multihop_questions(path, None)) == 40


def test_llm_summary_counts_dropped_sentences_fallbacks_and_speed():
    from rag.evaluation.harness import llm_summary

    def record(backend, answer, dropped=0, refused=False, note="", checked=1, supported=1, **timings):
        return {"backend": backend, "answer": answer, "refused": refused, "note": note,
                "dropped": [{"text": "x", "reason": "y", "cited": []}] * dropped,
                "scores": {"checked": checked, "supported": supported}, "timings": {"total_ms": 100.0, **timings}}

    summary = llm_summary([
        record("local:m.gguf", "A is so. [1] B is so. [2]", dropped=1, checked=2, supported=2, tokens_per_s=10.0),
        record("local:m.gguf", "refused", dropped=2, refused=True, checked=0, supported=0, tokens_per_s=20.0),
        record("extractive", "C. [1]", note="The language model (x) failed, so this is the extractive answer. ..."),
    ])
    assert summary["generated"] == 2 and summary["fallbacks"] == 1
    assert summary["sentences_generated"] == 5 and summary["sentences_dropped"] == 3
    assert summary["dropped_share"] == 0.6 and summary["kept_citation_precision"] == 1.0
    assert summary["tokens_per_s"] == 15.0
