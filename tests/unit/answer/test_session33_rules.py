"""Session 33: a question about a numbered thing ("plan number 2", "the No. 47 bus") is not answered from another
numbered one (plan number 42), whether the sentence or its article's title gives the number; "1936 euros" is a sum.
"Who bought Twitter?" is answered by who bought it, and a buyer the texts say jobs "at" may be a firm. A span is
given whole: "NZ$312 million", "212 euros per tonne", "201 votes to 64", "12 nautical miles". A short statement of a
figure ("Turnout was 27.8%.") can answer; "£1.60 an hour" is hourly; a council "deals with" reports, buying nothing."""

from rag.answer.answerability import MONEY, Evidence, gates, labelled_siblings, type_hit
from rag.answer.extractive import is_candidate
from rag.answer.spans import extract_short, figure_with_unit, with_rate, with_tally
from rag.retrieval.analysis import analyse_question, keyword_names

QUESTION = "How many euros did the Corvale council set aside in plan number 2?"
SENTENCE = "The plan sets aside 1546 euros for road repairs and 7 new street lights."


def passes(question, sentence, title, previous="The council debated it for 2 hours on Tuesday."):
    item = Evidence(sentence=sentence, context=f"{title} {previous}", meta=f"{title} Wire", previous=previous,
                    article=f"{previous} {sentence}", rank=0, retrieval=1.0)  # (a "2" beside: no plan's number)
    return bool(gates(analyse_question(question), [item]).all())


def test_another_numbered_plan_in_the_title_or_the_sentence_does_not_answer():
    assert passes(QUESTION, SENTENCE, "Corvale council approves plan number 2")
    assert not passes(QUESTION, SENTENCE, "Corvale council approves plan number 42")
    assert not passes(QUESTION, "Plan number 42 sets aside 1546 euros for road repairs.", "Corvale council plans")
    assert passes(QUESTION, "Plan number 2 sets aside 1026 euros, twice plan number 42's sum.", "Corvale council plans")
    assert not passes("When will the No. 47 bus be withdrawn?", "The No. 74 bus will be withdrawn from 30 November.",
                      "Bus cuts")


def test_a_label_is_read_only_where_the_question_numbers_a_thing():
    assert [bool(a.search("plan number 2")) for a, _ in labelled_siblings(QUESTION, [])] == [True]
    assert labelled_siblings("How many euros did the council set aside for 2 plans?", []) == []
    assert labelled_siblings("What share, 4.5%, went to number crunching?", []) == []
    (asked, other), = labelled_siblings("what did the #10 seed say?", [])
    assert asked.search("the #10 seed") and other.search("the #1 seed") and not other.search("the #10 seed")


def test_a_sum_shaped_like_a_year_is_a_sum_and_a_year_alone_counts_nothing():
    analysis = analyse_question("How many euros did the council set aside?")
    assert type_hit(analysis, "The plan sets aside 1936 euros for road repairs.") == 1.0
    assert type_hit(analysis, "The plan sets aside €2030 for road repairs.") == 1.0
    assert type_hit(analysis, "The plan sets aside money for road repairs in 2030.") == 0.0


def short(question, sentence, texts=()):
    return extract_short(analyse_question(question), sentence, [sentence, *texts])


def test_the_buyer_is_who_bought_not_a_role_held_elsewhere():
    assert short("Who bought Twitter?", "Elon Musk bought Twitter last year.") == "Elon Musk"
    assert short("Who bought Twitter?", "Last year, when billionaire Elon Musk bought Twitter, people moved to "
                                        "alternatives like Mastodon and Bluesky.") == "Elon Musk"
    # a role held at another organisation is still no answer
    assert short("Who is the chief executive of Tarrowby Freight?",
                 "Brackenvault chief executive Osric Pembleton said the deal was off.") is None


def test_a_firm_the_texts_put_jobs_at_may_buy_but_not_be_who_was_hired():
    jobs = ["She took a job at Amazon in 2019."]
    assert short("Who is buying iRobot?", "Amazon has lowered its price for iRobot.", jobs) == "Amazon"
    assert short("Who was hired to run iRobot?", "Amazon has lowered its price for iRobot.", jobs) is None


def test_a_word_describing_a_thing_is_no_one():
    assert short("Who is buying iRobot?", "iRobot faces intense competition from other RVC suppliers.") is None
    assert short("Which company did Amazon agree to buy?", "Analysts rate the company as a Hold.") is None


def test_a_sum_keeps_its_scale_and_what_it_is_per():
    assert [m.group(0) for m in MONEY.finditer("a net profit of NZ$312 million, up from A$2 bn")] == [
        "NZ$312 million", "A$2 bn"]
    assert [m.group(0) for m in MONEY.finditer("KhetBook has raised ₹120 crore in a Series B round")] == ["₹120 crore"]
    assert with_rate("Wheat rose to 212 euros per tonne on Friday.", "212 euros") == "212 euros per tonne"
    assert with_rate("It pays a dividend of 8.4p a share.", "8.4p") == "8.4p a share"
    assert with_rate("It raised £41,700, compared with £29,900 a year earlier.", "£29,900") == "£29,900"
    assert with_rate("Prices rose 5 per cent.", "5") == "5"


def test_a_vote_keeps_the_count_against_and_a_figure_its_unit():
    assert with_tally("ostrena ratification vote", "It ratified the treaty by 201 votes to 64.", "201 votes") == \
        "201 votes to 64"
    assert with_tally("By what margin did the committee refuse it?", "It was refused by six votes to five.",
                      "six votes") == "six votes to five"
    assert with_tally("How many goals did Rovers score?", "Rovers won 3-1 at home.", "3") == "3"  # no vote asked
    assert figure_with_unit("exclusive rights within 12 nautical miles of its coast", "12") == "12 nautical miles"
    assert figure_with_unit("about 40,000 cubic metres of earth had moved", "40,000") == "40,000 cubic metres"
    assert figure_with_unit("NO2 averaged 47 micrograms per cubic metre", "47") == "47 micrograms per cubic metre"
    assert figure_with_unit("a 15-km buffer zone", "15") == "15-km"
    assert figure_with_unit("a median of 31 weeks", "31") == "31 weeks"


def test_a_short_figure_statement_is_a_candidate_and_its_opening_word_no_name():
    assert is_candidate("Turnout was 27.8%.") and is_candidate("No one was hurt.")
    assert not is_candidate("Turnout was high.") and not is_candidate("Page 2")
    question = analyse_question("what was turnout in gorsebury north?")
    texts = ["Lantern Party gains Gorsebury North. Halloway won the Gorsebury North by-election. Turnout was 27.8%."]
    assert keyword_names(question, texts) == ["Gorsebury North"]


def test_an_hourly_charge_and_a_count_dealt_with():
    title = "Kestlewick to raise town centre parking charges"
    assert passes("kestlewick parking new hourly charge",
                  "Parking charges in Kestlewick town centre will rise from £1.20 to £1.60 an hour from 1 May.", title,
                  previous="")
    assert not passes("kestlewick parking new daily charge",
                      "Parking charges in Kestlewick town centre will rise from £1.20 to £1.60 an hour from 1 May.",
                      title, previous="")
    assert passes("so how many fly-tipping reports did duncombe vale deal with in 2024?",
                  "Duncombe Vale Council dealt with 2,316 reports of fly-tipping in 2024.", "Fly-tipping reports rise",
                  previous="")
    assert analyse_question("isolde brackenfield total remuneration").kind == "money"
