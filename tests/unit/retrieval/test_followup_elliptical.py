"""Which follow-ups cannot stand alone: their refusal stands rather than the question asked as typed."""

import pytest

from rag.retrieval.followup import elliptical


@pytest.mark.parametrize("question", ["and in the third quarter?", "what about kharkiv?", "how many died there?",
                                      "who replaced him?", "and the women's race?"])
def test_a_follow_up_that_cannot_stand_alone(question):
    assert elliptical(question)


@pytest.mark.parametrize("question", ["how many goals did the striker score last season?",
                                      "how many people died in the earthquake in morocco?"])
def test_a_follow_up_that_says_enough_of_its_own(question):
    assert not elliptical(question)
