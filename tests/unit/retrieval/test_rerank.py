"""The learned reranker's parts: tree scoring, the exported model, question parts and phrase features."""

import json

import numpy as np
import pytest

from rag.retrieval.question import plan_query
from rag.retrieval.rerank.features import _longest_shared_phrase, ngrams
from rag.retrieval.rerank import (
    FEATURES, LEXICAL_FEATURES, TreeModel, dense_features, load_model, model_path,
    question_parts)

SOURCES = ("Sporting News", "TechCrunch", "The Verge")


def _stump(feature: int, threshold: float, left: float, right: float) -> dict:
    return {"feature": [feature, 0, 0], "threshold": [threshold, 0.0, 0.0], "left": [1, 0, 0], "right": [2, 0, 0],
            "leaf": [False, True, True], "value": [0.0, left, right]}


def _spec(trees: list[dict], baseline: float = 0.0) -> dict:
    return {"features": list(FEATURES), "baseline": baseline, "trees": trees}


def test_tree_model_walks_every_tree_and_adds_the_leaves():
    deeper = {"feature": [0, 0, 1, 0, 0], "threshold": [0.5, 0.0, 0.2, 0.0, 0.0], "left": [1, 0, 3, 0, 0],
              "right": [2, 0, 4, 0, 0], "leaf": [False, True, False, True, True], "value": [0, -1.0, 0, 2.0, 3.0]}
    model = TreeModel(_spec([_stump(0, 0.5, 0.25, 1.0), deeper], baseline=-0.5))
    matrix = np.zeros((3, len(FEATURES)))
    matrix[0, 0] = 0.1                    # left, left: -0.5 + 0.25 - 1
    matrix[1, [0, 1]] = (0.9, 0.1)        # right, right-left: -0.5 + 1 + 2
    matrix[2, [0, 1]] = (0.9, 0.9)        # right, right-right: -0.5 + 1 + 3
    assert model.score(matrix).tolist() == pytest.approx([-1.25, 2.5, 3.5])
    assert model.probability(matrix)[2] == pytest.approx(1 / (1 + np.exp(-3.5)))
    assert model.score(np.zeros((0, len(FEATURES)))).shape == (0,)


def test_a_model_for_other_features_is_refused():
    with pytest.raises(ValueError, match="features"):
        TreeModel({"features": ["bm25"], "baseline": 0.0, "trees": []})


def test_export_reproduces_scikit_learn_and_onnx_scores():
    import onnxruntime
    from sklearn.ensemble import HistGradientBoostingClassifier

    from rag.bench.train_rerank import export, to_onnx_model

    rng = np.random.RandomState(1)
    x = rng.rand(400, len(FEATURES))
    y = (x[:, 0] + 0.5 * x[:, 5] > 0.8) ^ (rng.rand(400) < 0.1)
    model = HistGradientBoostingClassifier(max_iter=30, max_leaf_nodes=7, random_state=0).fit(x, y)
    spec = json.loads(json.dumps(export(model, FEATURES)))  # through JSON, as shipped
    assert spec["float32_inputs"] and len(spec["trees"]) == 30
    assert np.allclose(TreeModel(spec).score(x), model.decision_function(x), atol=1e-5)
    session = onnxruntime.InferenceSession(to_onnx_model(model, len(FEATURES)).SerializeToString(),
                                           providers=["CPUExecutionProvider"])
    onnx_probability = session.run(None, {session.get_inputs()[0].name: x.astype(np.float32)})[1][:, 1]
    assert np.allclose(TreeModel(spec).probability(x), onnx_probability, atol=1e-6)


@pytest.mark.parametrize("dense, names", [(True, FEATURES), (False, LEXICAL_FEATURES)])
def test_shipped_models_load_and_prefer_evidence_like_candidates(dense, names):
    model = load_model(dense)
    assert json.loads(model_path(dense).read_text())["features"] == list(names) and model.features == names
    weak, strong = np.zeros((1, len(names))), np.ones((1, len(names)))
    if "position" in names:
        strong[0, names.index("position")] = 0.0  # a lead paragraph matching the question on every feature
    for gap in ("dense_gap", "dense_part_gap"):
        if gap in names:
            weak[0, names.index(gap)], strong[0, names.index(gap)] = -0.5, 0.0
    assert model.probability(strong)[0] > 0.5 > model.probability(weak)[0]


def test_dense_features_are_cosines_and_gaps_to_the_best_candidate():
    question, parts = np.array([1.0, 0.0]), np.array([[0.0, 2.0]])
    chunks = np.array([[3.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    got = dense_features(question, parts, chunks)
    s = 2 ** -0.5
    assert got[:, 0] == pytest.approx([1.0, 0.0, s])        # cosine to the question
    assert got[:, 1] == pytest.approx([0.0, -1.0, s - 1])   # gap to the best candidate for the question
    assert got[:, 2] == pytest.approx([0.0, 1.0, s])        # best part
    assert got[:, 3] == pytest.approx([-1.0, 0.0, s - 1])
    assert got[:, 4] == pytest.approx([0.0, 0.0, 0.0])      # not looked up among the dense nearest
    alone = dense_features(question, np.zeros((0, 2)), chunks, dense_rank=[2, 0, 1])
    assert alone[:, 2] == pytest.approx(alone[:, 0]) and alone[:, 3] == pytest.approx(alone[:, 1])
    assert alone[:, 4] == pytest.approx([0.5, 0.0, 1.0])    # 1 / rank among the dense nearest


def test_query_features_describe_length_rarity_and_question_form():
    from rag.retrieval.rerank.features import query_features

    rare = float(np.log(1 + (1000 - 0.5) / 1.5))  # the idf of a term in one chunk of 1,000
    short = query_features("Onana transfer fee", ["onana", "transfer", "fee"], {"onana": rare, "fee": 1.0}, 1000)
    assert short == pytest.approx([3 / 30, 1.0, 0.0])
    common = query_features("how much was the fee?", ["fee"], {"fee": rare / 4}, 1000)
    assert common == pytest.approx([1 / 30, 0.25, 1.0])
    assert query_features("What did Rutte say", ["rutt", "say"], {}, 1000)[2] == 1.0  # no "?" but asks
    assert query_features("x " * 80, ["x"] * 80, {}, 1000)[0] == 1.0  # capped


def test_the_dense_nearest_join_the_candidates():
    from rag.retrieval.rerank import PoolContext, candidate_rows

    plan = plan_query("Sumy strike", SOURCES)
    base = np.array([0.0, 2.0, 1.0, 0.0, 0.0])
    context = PoolContext(question="Sumy strike", plan=plan, fused={1: 0.02, 2: 0.01}, base=base, outlet_scores=[],
                          part_scores=[], part_tokens=[], dense_rank={4: 1, 1: 2})
    assert candidate_rows(context) == [1, 2, 4]


def test_question_parts_are_outlet_segments_and_clauses():
    question = ("Does the TechCrunch article say Acme Chips raised its forecast, while The Verge article reports "
                "that Acme shares fell 4 percent?")
    parts = question_parts(question, plan_query(question, SOURCES))
    assert any(p.startswith("Does the TechCrunch article") and "Verge" not in p for p in parts)
    assert any(p.startswith("The Verge article reports") for p in parts)
    assert any("shares fell 4 percent" in p and "TechCrunch" not in p for p in parts)
    assert len(parts) == len(set(parts))


def test_a_short_question_has_no_clause_parts():
    assert question_parts("Who won?", plan_query("Who won?", SOURCES)) == []


def test_longest_shared_phrase():
    question = ["acme", "chip", "rais", "forecast", "friday"]
    assert _longest_shared_phrase(ngrams(question), ["today", "acme", "chip", "rais", "forecast"]) == 4
    assert _longest_shared_phrase(ngrams(question), ["forecast", "acme"]) == 0
    assert _longest_shared_phrase(ngrams(question, longest=3), question + ["more"]) == 3


def test_lexical_features_of_hand_made_candidates():
    from datetime import date

    from rag.index.lexical import LexicalIndex
    from rag.retrieval.rerank import PoolContext, features
    from rag.types import Chunk

    def chunk(n: int, text: str, title: str, source: str, start: int) -> Chunk:
        return Chunk(id=f"c{n}", article_id=f"a{n}", text=text, start=start, end=start + len(text), title=title,
                     source=source, published=date(2023, 10, n + 1), url="")

    chunks = [chunk(0, "Acme raised its chip forecast on Friday. Shares rose.", "Acme chip forecast", "TechCrunch", 0),
              chunk(1, "The weather was mild. Rain is due on Sunday.", "Weather", "The Verge", 40_000),
              chunk(2, "Acme said its forecast was unchanged.", "Acme news", "The Verge", 500)]
    lexical = LexicalIndex.build(chunks, generation=1)
    question = "Did TechCrunch report that Acme raised its chip forecast?"
    plan = plan_query(question, lexical.known_sources)
    parts = question_parts(question, plan)
    context = PoolContext(question=question, plan=plan, fused={0: 0.03, 2: 0.015}, base=lexical.scores(question),
                          outlet_scores=[], part_scores=[lexical.scores(p) for p in parts],
                          part_tokens=[lexical.query_tokens(p) for p in parts])
    matrix = features(context, [0, 1, 2], chunks, lexical)
    column = {name: matrix[:, i] for i, name in enumerate(LEXICAL_FEATURES)}
    np.testing.assert_allclose(column["fused"], [1.0, 0.0, 0.5])
    np.testing.assert_allclose(column["fused_rank"], [1.0, 1 / 200, 0.5])
    np.testing.assert_allclose(column["named_outlet"], [1.0, 0.0, 0.0])
    assert column["bm25"][0] == 1.0 and column["bm25"][1] == 0.0
    # the body of chunk 0 has every question word but "TechCrunch" (only in its metadata) and "report"
    assert 0.5 < column["coverage"][0] < 1.0 and column["coverage"][0] > column["coverage"][2] > column["coverage"][1] == 0
    assert column["phrase"][0] == 1.0 and column["phrase"][2] == 0.0  # "acm rais it chip forecast"; none in chunk 2
    assert column["title"][0] > column["title"][2] > column["title"][1] == 0.0
    # the one part is the whole question; chunk 0's first sentence holds all of its body's question words
    assert column["sentence_part"][0] == pytest.approx(column["coverage"][0]) and column["sentence_part"][1] == 0.0
    if "position" in column:
        np.testing.assert_allclose(column["position"], [0.0, 1.0, 500 / 20_000])
    np.testing.assert_allclose(column["query_question"], 1.0)  # the same for every candidate of the question
    assert column["query_length"][0] == column["query_length"][2] > 0 and 0 < column["query_rarest"][0] <= 1
