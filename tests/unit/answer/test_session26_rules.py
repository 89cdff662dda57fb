"""Session 26: the hard checks of keyword queries written like search-box snippets ("homes affected")."""

from datetime import date

from rag.answer.answerability import GATES, Evidence, gates
from rag.retrieval.analysis import analyse_question


def _names_gate(question: str, sentence: str, title: str) -> bool:
    item = Evidence(sentence=sentence, context=title, meta=f"{title} Wire 2024-07-15", article=sentence, rank=0,
                    retrieval=1.0, previous="", published=date(2024, 7, 15))
    return bool(gates(analyse_question(question), [item])[0][GATES.index("names")])


def test_affected_names_no_topic_a_sentence_must_repeat():
    title = "Boil-water notice for 3,800 Estvale homes"
    assert _names_gate("estvale boil water notice homes affected",
                       "Clearbrook Water has told 3,800 homes in north Estvale to boil tap water.", title)
    # the query's topic words still bind: a sentence on another notice does not pass
    assert not _names_gate("estvale boil water notice homes affected",
                           "Clearbrook Water has cut bills for 3,800 homes in north Estvale.", "Estvale bills cut")


def test_a_level_asked_with_to_is_the_figure_after_to():
    from rag.answer.spans import extract_short

    sentence = "Discount grocer Brightbasket has cut its two-litre milk to £1.39, days after Pellow's put its price up."
    assert extract_short(analyse_question("what did brightbasket drop its milk price to?"), sentence) == "£1.39"
    assert extract_short(analyse_question("How many litres is the Brightbasket milk bottle?"), sentence) != "£1.39"


def test_a_new_date_or_a_final_cost_asks_for_how_the_story_ended():
    from rag.answer.span_choice import LATEST_ASKED

    for asked in ("hartigan vos tessford new closing date", "hollins bridge final repair cost",
                  "what's the new opening date for the pool?"):
        assert LATEST_ASKED.search(asked), asked
    for not_asked in ("when does the new stadium open?", "lowmarsh cup final date", "new head teacher name"):
        assert not LATEST_ASKED.search(not_asked), not_asked


def test_a_persons_own_figure_is_not_read_from_a_sentence_on_someone_else():
    from rag.answer.answerability import someone_else

    names = ["Leni Sorvik", "Tessford"]
    question = "what was leni sorvik's winning time in tessford?"
    men = "Kofi Armitage won the men's race at the 2023 Tessford Half Marathon in 1:04:12."
    assert someone_else(["Leni Sorvik", "Tessford"], men, "What was Leni Sorvik's winning time in Tessford?")
    assert not someone_else(names, "The women's race went to Leni Sorvik in 1:12:40.", question.capitalize())
    assert not someone_else(names, "She finished in 1:12:40.", "What was Leni Sorvik's winning time in Tessford?")
    # a person only mentioned, at an event of theirs, does not bind the figure
    assert not someone_else(["Mark Rutte"], "Governor Ivan Fedorov said 35 people were killed.",
                            "How many people did the strikes kill during Mark Rutte's visit?")
