"""Question analysis: the asked type and the hard constraints, for questions and for keyword queries."""

import pytest

from rag.retrieval.analysis import analyse_question, find_names

SOURCES = ("TechCrunch", "The Verge", "Sporting News")


@pytest.mark.parametrize("question, kind", [
    ("How much did Man Utd pay for Onana?", "money"),
    ("What was the name of the man arrested?", "person"),
    ("What did the tram extension cost?", "money"),
    ("What did the chief executive say about the cost?", "quote"),
    ("How long was Penhallow jailed for?", "number"),
    ("By what margin did the vote pass?", "number"),
    ("penhallow sentence length", "number"),
    ("Which school won the award?", "organisation"),
    ("Which Mattel spokesperson said the company is discussing options?", "person"),  # a verb ends the asked noun
    ("Which company spent $26.3 billion to stay the default search engine?", "organisation"),  # not the sum
    ("At what company valuation does the deal value Meltwater?", "money"),
    ("what's the Band D bill in Millbrook now?", "money"),  # a bill is a sum
    ("Onana transfer fee", "money"),
    ("sumy strike death toll", "number"),
    ("How many people were killed in Sumy?", "number"),
    ("Who won the women's race at the 2021 Harbourford Marathon?", "person"),
    ("so who did Rutte meet in Odesa?", "person"),
    ("Which Ukrainian city did Mark Rutte visit?", "place"),
    ("On which day of the week did Rutte visit Odesa?", "date"),
    ("When did Mark Rutte last visit Kyiv?", "date"),
    ("What did Rutte call the Russian attacks?", "quote"),
    ("Does the TechCrunch article report a loss, while The Verge article says profit?", "yesno"),
    ("Was the TechCrunch article published before the Sporting News article?", "temporal"),
    ("Which countries are preparing a security contingent?", "list"),
    ("kostenko first round opponent", "person"),
    ("hey, what was the score in the kestrel open final this year? the 2025 one", "number"),  # the question asks
])
def test_kind(question, kind):
    assert analyse_question(question, SOURCES).kind == kind


def test_constraints_keep_lowercase_initial_and_multiword_names_and_drop_openers():
    a = analyse_question("How much did the EU fine Amazon over the iRobot deal in 2023?", SOURCES)
    assert a.names == ["EU", "Amazon", "iRobot"] and a.years == ["2023"] and a.numbers == []
    assert find_names("Tell me what Manchester United paid eBay") == ["Manchester United", "eBay"]
    assert find_names("Bank of England raised rates") == ["Bank of England"]
    assert find_names("Which firm led Loomly's Series C round?") == ["Loomly", "Series C"]  # a possessive parts names
    assert find_names("Domino's Pizza Group profits") == ["Domino's Pizza Group"]
    assert find_names("Which firm led Lumwick Robotics' Series A round?") == ["Lumwick Robotics", "Series A"]
    assert find_names("She appeared at Valecross Magistrates' Court") == ["Valecross Magistrates' Court"]


def test_qualifiers_numbers_and_outlets():
    a = analyse_question("Who won the women's 10,000m final reported by TechCrunch on October 7, 2023?", SOURCES)
    assert "women's" in a.qualifiers and "final" in a.qualifiers
    assert a.numbers == ["10,000m"]  # the day of a date is not a figure to match
    assert a.outlets == ["TechCrunch"] and "techcrunch" not in a.focus and "TechCrunch" not in a.names


def test_keyword_queries_are_flagged():
    assert analyse_question("Onana transfer fee").is_keyword
    assert not analyse_question("How much was the Onana transfer fee?").is_keyword


def test_a_keyword_query_word_is_a_name_only_where_passages_on_its_topic_write_it_so():
    from rag.retrieval.analysis import keyword_names

    topic = ["Storm Brannagh brought gusts of 94mph to Penhallow Point. Brannagh left 8,000 homes without power."]
    laptop = ["In our benchmark the MacBook with M3 Max scored well; the M3 Max beats the M2 Max."]
    analysis = analyse_question("storm brannagh max gust")
    assert keyword_names(analysis, topic + laptop) == ["Storm Brannagh"]  # "Max" only in a passage off the topic
    assert "Max" in keyword_names(analyse_question("m3 max macbook benchmark"), laptop)
    # a question typed in lower case has its names read the same way; one written with capitals names its own
    deal = ["The buyer, Halvorsen Foods, completed its takeover of Greystone Dairies. Shares in Halvorsen rose."]
    assert keyword_names(analyse_question("how many jobs go now that halvorsen owns greystone?"), deal) == [
        "Halvorsen", "Greystone"]
    assert keyword_names(analyse_question("Where did police find the bottles?"), ["Kestlewick Police said so."]) == []
    # a first name only ever opening a sentence still joins its surname
    fraud = ["Gillian Pennock, 58, used the money. Her husband, Roy Pennock, was given a suspended sentence."]
    assert keyword_names(analyse_question("gillian pennock fraud sentence"), fraud) == ["Gillian Pennock"]


def test_what_is_said_before_a_question_does_not_decide_what_it_asks():
    from rag.retrieval.analysis import analyse_question, strip_lead_in

    assert strip_lead_in("quick q - when did Lucas Goeller get his second transplant?") == (
        "when did Lucas Goeller get his second transplant?")
    assert strip_lead_in("hey, quick question: who won the match?") == "who won the match?"
    assert analyse_question("do you remember how many pixels the Sphere's screen has?").kind == "number"
    assert analyse_question("can you tell me when the ban starts?").kind == "date"
    # a yes-no question stays one; "so far" is no greeting
    assert analyse_question("Do you know if Onana cost much?").kind == "yesno"
    assert strip_lead_in("So far, how many died?") == "So far, how many died?"
    assert strip_lead_in("hey") == "hey"


def test_what_a_keyword_query_or_a_what_is_the_question_asks_is_read_from_its_asking_word():
    from rag.retrieval.analysis import analyse_question

    assert analyse_question("veltrix q1 2024 net income").kind == "money"
    assert analyse_question("harbourford marathon 2024 women's winner time").kind == "number"  # the last word asks
    assert analyse_question("gillian pennock charity fraud sentence").kind == "number"
    assert analyse_question("storm idris motor insurance claims number").kind == "number"
    assert analyse_question("arsenal chelsea scorer").kind == "person"
    assert analyse_question("stellicourt copper output last year").kind != "date"  # when, not what is asked
    assert analyse_question("rovers signing last week fee").kind == "money"
    assert analyse_question("what's the second-dose MMR uptake in Ashdale?").kind == "number"  # the phrase's noun
    assert analyse_question("What was the strongest gust recorded when the storm hit?").kind == "number"
    assert analyse_question("what is the hometown of President Zelensky?").kind == "place"
    assert analyse_question("What did Rutte say about the strike?").kind == "quote"
    assert analyse_question("Which individual, reported by Fortune, entered a not-guilty plea?").kind == "person"
    assert analyse_question("Which institution, featured in Fortune, has raised interest rates?").kind == \
        "organisation"
    assert analyse_question("corvelle air half-year passengers").kind == "number"  # a counted thing asks how many
    assert analyse_question("fenwarrow refund households").kind == "money"  # ... unless a sum is asked of it
    # a possessive qualifies the noun after it: never what is asked ("men's" is no person asked for)
    assert analyse_question("lowmarsh cup final 2024 attendance men's").kind == "number"
    assert analyse_question("calverdown 2023 women's winner").kind == "person"


def test_a_street_named_for_someone_is_one_name():
    assert find_names("A warehouse on Tanner's Row in Quellbridge burned.") == ["Tanner's Row", "Quellbridge"]
    assert find_names("Loomly's Series C was led by Fernhill.") == ["Loomly", "Series C", "Fernhill"]
    assert find_names("England's Wood scored twice.") == ["England", "Wood"]  # a surname too: a team's player


def test_a_name_does_not_run_over_a_sentence_end():
    assert find_names("He worked at Alameda. Sam Bankman-Fried denied it.") == ["Alameda", "Sam Bankman-Fried"]
    assert find_names("The U.S. President Joe Biden met Mr. Smith.") == ["U.S. President Joe Biden", "Mr. Smith"]
    # nor over a line break (a timeline's heading over its paragraph)
    assert find_names("Altman joins Microsoft\n\nSam Altman, Greg Brockman and colleagues announce") == \
        ["Altman", "Microsoft", "Sam Altman", "Greg Brockman"]


def test_a_plural_noun_before_a_closing_state_word_asks_how_many_not_whether():
    from rag.retrieval.analysis import states_something

    assert not states_something("ferry sailings cancelled") and not states_something("homes affected")
    assert states_something("match postponed") and states_something("strike called off")
