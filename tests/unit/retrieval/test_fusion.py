from datetime import date

import pytest

from rag.retrieval.fusion import fuse_rankings
from rag.retrieval.retriever import chroma_filter


def test_rrf_sums_weighted_reciprocal_ranks():
    fused = dict(fuse_rankings([(["a", "b"], 1.0), (["b", "c"], 0.5)], k=60))
    assert fused["a"] == pytest.approx(1 / 61)
    assert fused["b"] == pytest.approx(1 / 62 + 0.5 / 61)
    assert fused["c"] == pytest.approx(0.5 / 62)


def test_heavier_ranking_wins_a_disagreement():
    order = [i for i, _ in fuse_rankings([(["bm25-top", "x"], 1.0), (["dense-top", "y"], 0.5)])]
    assert order == ["bm25-top", "x", "dense-top", "y"]  # 1/62 > 0.5/61: dense only breaks ties / adds recall


def test_agreement_beats_a_single_first_place():
    order = [i for i, _ in fuse_rankings([(["solo", "both"], 1.0), (["both"], 1.0)])]
    assert order[0] == "both"


def test_chroma_filter_shapes():
    assert chroma_filter(None, None, None) is None
    assert chroma_filter(["A"], None, None) == {"source": {"$in": ["A"]}}
    assert chroma_filter(None, None, date(2023, 1, 2)) == {"$and": [
        {"published_int": {"$lte": 20230102}}, {"published_int": {"$gt": 0}}]}
    assert chroma_filter(["A"], date(2023, 10, 1), date(2023, 10, 31)) == {"$and": [
        {"source": {"$in": ["A"]}}, {"published_int": {"$gte": 20231001}}, {"published_int": {"$lte": 20231031}}]}
