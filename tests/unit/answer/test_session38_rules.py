"""Rules from a new user's questions over the default corpus (session 38): a title before a name does not end a
sentence ("Rep. Patrick McHenry"), a shortened ordinary word is no name ("max fine under the dsa"), a name asked
by its initials is found spelled out ("the APA poll")."""

from rag.answer.extractive import absent_names
from rag.retrieval.analysis import analyse_question, keyword_names
from rag.text import split_sentences
from rag.types import Hit


def test_a_title_before_a_name_does_not_end_the_sentence():
    text = ("The House chose Rep. Patrick McHenry as speaker pro tempore. Sen. Jon Tester and Gov. Gavin Newsom "
            "spoke. Lt. Col. Ann Roe and Prof. Ian Day left. The vote followed.")
    assert [s for _, _, s in split_sentences(text)] == [
        "The House chose Rep. Patrick McHenry as speaker pro tempore.",
        "Sen. Jon Tester and Gov. Gavin Newsom spoke.",
        "Lt. Col. Ann Roe and Prof. Ian Day left.",
        "The vote followed."]


def test_a_shortened_ordinary_word_is_no_name_unless_written_with_the_word_before_it():
    texts = ["Under the DSA, fines set by commissioner Max Keller can reach 6% of turnover."]
    assert "Max" not in keyword_names(analyse_question("max fine under the dsa"), texts)  # the refusal said "no Max"
    assert "Max" in keyword_names(analyse_question("m3 max macbook benchmark"), ["The MacBook with M3 Max is fast."])


def test_a_name_asked_by_its_initials_is_found_spelled_out():
    hit = Hit(article_id="a1", title="Holiday stress", text="In a recent poll from the American Psychological "
              "Association, 41 per cent of US adults said their stress rose.", score=1.0, start=0, end=10)
    asked = analyse_question("What share of US adults said their stress rose in the APA poll?")
    assert "APA" in asked.names and absent_names(asked, [hit]) == []
    other = analyse_question("What share of US adults said their stress rose in the NBA poll?")
    assert absent_names(other, [hit]) == ["NBA"]


def test_a_describing_word_before_a_name_is_no_part_of_the_answer():
    """"filed by Arkansas-based publisher Helena World Chronicle" was answered "Arkansas-based"."""
    from rag.answer.spans import extract_short

    sentence = "London-listed Tarrow Resources Ltd bought the Kell mine on Monday."
    assert extract_short(analyse_question("Which company bought the Kell mine?"), sentence, [sentence]) == \
        "Tarrow Resources Ltd"
    filed = "The case, filed by Arkansas-based publisher Helena World Chronicle, argues that Google took content."
    assert extract_short(analyse_question("who filed the case against google?"), filed, [filed]) != "Arkansas-based"


def test_a_describing_word_alone_is_its_place_when_a_place_is_asked():
    from rag.answer.spans import extract_short

    sentence = "Quorvane, an Asherford-based maker of heat pumps, said on Monday it would hire 200 people."
    assert extract_short(analyse_question("where's quorvane headquartered?"), sentence, [sentence]) == "Asherford"


def _candidate(text: str, probability: float = 0.9):
    from rag.answer.extractive import Candidate

    hit = Hit(article_id="a1", title="Review", text=text, score=1.0, start=0, end=len(text))
    return Candidate(text=text, hit=hit, start=0, end=len(text), probability=probability, passed=True)


def test_an_age_question_takes_only_an_age_from_the_learned_span_choice():
    """"How old is Peter Gabriel?" over "After two decades, Peter Gabriel returns" was answered "two"."""
    from rag.answer.span_choice import choose, span_model

    asked = analyse_question("How old is Peter Gabriel?")
    review = "After two decades, Peter Gabriel returns with an album of twelve songs."
    assert choose(asked, [_candidate(review)], [review], 0.5, span_model()) is None
    aged = "Peter Gabriel, 73, played the new songs to a crowd of 12,000 in Leeds."
    assert choose(asked, [_candidate(aged)], [aged], 0.5, span_model())[0] == "73"
    counted = analyse_question("How many adults aged over 60 did the study follow?")
    study = "Researchers followed 8,300 adults aged over 60 for nine years."
    assert choose(counted, [_candidate(study)], [study], 0.5, span_model())[0].startswith("8,300")
