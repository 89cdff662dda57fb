"""The direct answer span picked from a sentence for each asked type."""

from rag.answer.spans import extract_short
from rag.retrieval.analysis import analyse_question

SUMY = ("Zelensky’s comments come after recent Russian strikes that killed 35 people in the north-eastern Sumy region "
        "and 19 in his hometown of Kryvyi Rig.")


def _short(question, sentence):
    return extract_short(analyse_question(question), sentence)


def test_money_and_numbers_near_the_named_place():
    assert _short("How much did Man Utd pay for Onana?",
                  "Manchester United completed the signing of Andre Onana from Inter Milan for £47.2m.") == "£47.2m"
    assert _short("How many people were killed in the Sumy region?", SUMY) == "35"
    assert _short("How many people did Russian strikes kill in Kryvyi Rig?", SUMY) == "19"


def test_names_dates_and_quotes():
    assert _short("Who hosted NATO chief Mark Rutte?",
                  "Ukrainian President Volodymyr Zelensky, who hosted Rutte during the visit, spoke.") == \
        "Volodymyr Zelensky"
    assert _short("On which day did Rutte visit Odesa?",
                  "During an unannounced visit to Odesa on Tuesday, NATO chief Mark Rutte voiced support.") == "Tuesday"
    assert _short("What did Rutte call the attacks?",
                  "He described them as part of a “terrible pattern” that must be addressed.") == "terrible pattern"


def test_no_span_when_the_sentence_lacks_the_asked_type():
    assert _short("How much did the EU fine Amazon?", "The EU looked at Amazon's deal with iRobot for months.") is None


def test_a_surname_is_given_in_full_and_ordinary_words_are_not_names():
    texts = ["Sam Bankman-Fried founded FTX in 2019.", "Indeed, the jury heard from Caroline Ellison."]
    assert extract_short(analyse_question("Who is accused of fraud at the exchange?"),
                         "Bankman-Fried is accused of fraud.", texts) == "Sam Bankman-Fried"
    # "They" and "Indeed" open their sentences but are ordinary words; the name after them is the answer
    assert extract_short(analyse_question("Who testified against him?"),
                         "Indeed, they heard Caroline Ellison testify.", ["the case was indeed long"]) == \
        "Caroline Ellison"
    # two different people share the surname: the surname stays as it is
    assert extract_short(analyse_question("Who scored?"), "Kelce scored twice.",
                         ["Travis Kelce and Jason Kelce played."]) == "Kelce"
