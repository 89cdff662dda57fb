"""Session 23: a C-suite title before "of" is a role, not part of a name; a name written after the kind of business
it is ("video streaming site Twitch") answers no "who" question; a C-suite title before a name is no part of it."""

from rag.answer.answerability import person_answer
from rag.answer.spans import extract_short, part_of_asked
from rag.retrieval.analysis import analyse_question, find_names

_SHEAR = ("As the search for a new permanent CEO continues, OpenAI has appointed Emmett Shear, the co-founder of video "
          "streaming site Twitch, as interim CEO — replacing Murati.")


def test_a_chief_officer_of_an_organisation_is_a_role_held_there():
    assert find_names("who replaced Mira Murati as interim CEO of OpenAI?") == ["Mira Murati", "OpenAI"]
    assert find_names("What did the Bank of England say?") == ["Bank of England"]


def test_a_business_named_after_its_kind_is_no_person():
    question = "who replaced Murati?"
    assert not person_answer("Twitch", _SHEAR, question)
    assert person_answer("Emmett Shear", _SHEAR, question)
    assert extract_short(analyse_question(question), _SHEAR, [_SHEAR]) == "Emmett Shear"


def test_a_chief_officer_title_is_no_part_of_the_answer():
    sentence = "The board named CTO Mira Murati as interim chief executive on Friday."
    assert extract_short(analyse_question("Who was named interim chief executive?"), sentence, [sentence]) == \
        "Mira Murati"


def test_a_title_before_a_name_makes_it_no_part_of_the_asked_thing():
    texts = ["Drivers will pay £9 a day under plans confirmed by mayor Ruth Adeyemi on Monday."]
    assert not part_of_asked("Adeyemi", "who won the kestrel valley mayoral election", texts)
    assert part_of_asked("Forge", "dorran keswick club before millhaven", ["He joined Millhaven Forge in May."])
    sentence = "Adeyemi won 41.3% of first-preference votes against 35.9% for Barraclough."
    assert extract_short(analyse_question("Who won the Kestrel Valley mayoral election?"), sentence,
                         [sentence, *texts]) == "Ruth Adeyemi"
