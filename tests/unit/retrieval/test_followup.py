"""Follow-up questions are made self-contained with the conversation's names before retrieval."""

import pytest

from rag.retrieval.followup import (elliptical, is_followup, last_answered_person, name_phrases, rewrite_followup,
                                     with_answer)


def test_there_becomes_the_place_of_the_previous_question():
    assert rewrite_followup("How many died there?", ["What happened in Sumy?"]) == "How many died in Sumy?"


def test_several_names_are_carried_as_context():
    rewritten = rewrite_followup("How many died there?", ["How many people were killed in Sumy on Palm Sunday?"])
    assert rewritten == "How many died in Sumy (following up on: Palm Sunday)?"


def test_what_about_swaps_the_subject_of_the_previous_question():
    previous = ["How many people were killed in Sumy?"]
    assert rewrite_followup("What about Kryvyi Rih?", previous) == "How many people were killed in Kryvyi Rih?"


def test_pronoun_question_takes_names_from_the_last_question_that_had_any():
    previous = ["Which city did Mark Rutte visit?", "And when?"]
    assert rewrite_followup("What did he say?", previous) == "What did he say (following up on: Mark Rutte)?"


def test_chained_follow_ups_keep_the_context():
    first = rewrite_followup("How many died there?", ["How many were killed in Sumy on Palm Sunday?"])
    assert "Sumy" in rewrite_followup("Who was blamed?", [first])


@pytest.mark.parametrize("question", [
    "Were there casualties in Sumy?",          # existential "there", own names
    "Who did Rutte meet in Odesa?",            # standalone
    "Is there a ceasefire in Gaza?",
])
def test_standalone_questions_are_left_alone(question):
    assert not is_followup(question)
    assert rewrite_followup(question, ["Which city did Rutte visit?"]) == question


def test_no_history_or_no_names_means_no_rewrite():
    assert rewrite_followup("How many died there?", []) == "How many died there?"
    assert rewrite_followup("How many died there?", ["what happened?"]) == "How many died there?"


def test_name_phrases_skip_question_words_and_keep_multiword_names():
    assert name_phrases("Did NATO chief Mark Rutte visit Kryvyi Rih in 2025?") == ["NATO", "Mark Rutte", "Kryvyi Rih",
                                                                                  "2025"]


def test_lowercase_initial_names_and_elliptical_follow_ups_keep_the_topic():
    first = "What was Amazon's original all-cash offer for iRobot?"
    assert rewrite_followup("By how much was that price cut later?", [first]) == \
        "By how much was that price cut later (following up on: Amazon, iRobot)?"
    assert rewrite_followup("who scored the winner?", ["Did Manchester United lose to Bayern Munich?"]) == \
        "who scored the winner (following up on: Manchester United, Bayern Munich)?"
    assert rewrite_followup("and in 2024?", ["Who won the men's Harbourford Marathon in 2023?"]) == \
        "Who won the men's Harbourford Marathon in 2024?"
    # "there" becomes a place only when the earlier question used the name as one
    assert "in Mark Rutte" not in rewrite_followup("so who did he meet there?", ["Which city did Mark Rutte visit?"])


def test_a_keyword_query_naming_its_own_topic_is_not_a_follow_up():
    previous = ["How much did the EU fine Amazon over the iRobot deal?"]
    assert rewrite_followup("onana transfer fee", previous) == "onana transfer fee"  # lower case, but its own topic
    assert "iRobot" in rewrite_followup("death toll", previous)  # two words: elliptical, inherits
    assert "iRobot" in rewrite_followup("and the price cut?", previous)


# Which follow-ups cannot stand alone: their refusal stands rather than the question asked as typed
@pytest.mark.parametrize("question", ["and in the third quarter?", "what about kharkiv?", "how many died there?",
                                      "who replaced him?", "and the women's race?"])
def test_a_follow_up_that_cannot_stand_alone(question):
    assert elliptical(question)


@pytest.mark.parametrize("question", ["how many goals did the striker score last season?",
                                      "how many people died in the earthquake in morocco?"])
def test_a_follow_up_that_says_enough_of_its_own(question):
    assert not elliptical(question)


def test_a_person_pronoun_refers_to_the_person_the_last_answer_named():
    previous = [with_answer("Who was named interim CEO of OpenAI?", "Mira Murati")]
    assert rewrite_followup("and who replaced her?", previous) == \
        "and who replaced her (following up on: Mira Murati, OpenAI)?"


def test_the_last_answered_person_of_an_earlier_turn_gives_way_to_the_latest():
    first = with_answer("Who was named interim CEO of OpenAI?", "Mira Murati")
    second = with_answer(rewrite_followup("and who replaced her?", [first]), "Emmett Shear")
    assert rewrite_followup("when was he appointed?", [first, second]) == \
        "when was he appointed (following up on: Emmett Shear, OpenAI)?"


def test_without_a_person_pronoun_the_answer_is_not_carried():
    previous = [with_answer("Who was named interim CEO of OpenAI?", "Mira Murati")]
    assert rewrite_followup("What did the board say?", previous) == "What did the board say (following up on: OpenAI)?"
    assert last_answered_person(previous) == "Mira Murati"
    assert last_answered_person(["Who was named interim CEO of OpenAI?"]) is None


def test_a_name_typed_in_lower_case_is_the_questions_own_topic():
    from rag.answer.answerability import ordinary_words

    words = ordinary_words()
    for question in ("what is the population of lagos?", "when did the sbf trial start?",
                     "what is the uk inflation rate?"):
        assert is_followup(question) and not is_followup(question, words)  # "lagos", "sbf": no ordinary words
        assert rewrite_followup(question, ["who won the 2022 world cup final?"], words) == question
    for question in ("By how much was that price cut later?", "who scored the winner?", "what about odesa?",
                     "and in the uk?",
                     "what's the score?", "who didn't play?"):  # a contraction is no name
        assert is_followup(question, words)


def test_names_typed_in_lower_case_are_carried_to_the_follow_up():
    from rag.answer.answerability import ordinary_words

    words = ordinary_words()
    assert rewrite_followup("By how much was that price cut later?", ["how much did amazon agree to pay for irobot?"],
                            words) == "By how much was that price cut later (following up on: amazon, irobot)?"
    assert rewrite_followup("what about odesa?", ["how many people died in kharkiv?"], words) == \
        "how many people died in odesa?"
    # without the lexicon, as before: lower-case words are not names
    assert name_phrases("how much did amazon agree to pay for irobot?") == []


def test_a_title_in_capitals_is_no_name_of_its_own():
    from rag.answer.answerability import ordinary_words

    previous = ["Which crypto exchange agreed to plead guilty to the Justice Department?"]
    for question in ("who was its CEO?", "who is the ceo?"):
        assert is_followup(question, ordinary_words())
        assert "Justice Department" in rewrite_followup(question, previous, ordinary_words())
    assert not is_followup("Who is the CEO of OpenAI?", ordinary_words())  # it names its own topic
