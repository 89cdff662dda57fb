"""Rules read off the failures of n66 to n69 (session 42): a year named only to compare with or as a goal, an outcome
said against its estimate, a search-box query's participles, the verb's object as the sum asked, counted nouns and
parts of a whole, another giver's sum, and what some questions ask for."""

from datetime import date

import pytest

from rag.answer.answerability import GATES, Evidence, gates, other_giver, sum_of_head
from rag.answer.attachment import done_verb, unrealised, unsettled
from rag.answer.span_choice import choose, span_model
from rag.retrieval.analysis import analyse_question, question_kind

from tests.unit.answer.gating import gate as _gate


def test_a_year_named_only_as_what_a_figure_is_compared_with_gives_no_figure_of_it():
    quota = "Fisheries ministers set the 2023 herring quota for the Grellan Sea at 86,000 tonnes, down 12% on 2022."
    assert not _gate("years", "grellan sea herring quota 2022", quota)
    assert _gate("years", "grellan sea herring quota 2023", quota)
    # nor its context lends the year to the next sentence
    assert not _gate("years", "grellan sea herring quota 2022", "The mackerel quota was raised to 41,500 tonnes.",
                     previous=quota)
    days = "Vellaroche ended its winter season with 512,000 skier days, up 8 percent on 2022-23, its operator said."
    assert not _gate("years", "vellaroche skier days 2022-23 season", days)
    # a figure said of the compared year is one ("up from 29.8% at the 2020 election")
    assert _gate("years", "turnout 2020 election", "Turnout was 34.2%, up from 29.8% at the 2020 election.")


def test_a_goal_to_be_met_by_a_year_is_no_figure_of_that_year_unless_the_goal_is_asked():
    goal = "Council leader Ambrose Tilbury said the recycling rate of 38 per cent should rise above 50 per cent by 2026."
    assert not _gate("years", "What was Dunmarrow's recycling rate in 2026?", goal)
    assert _gate("years", "What is Dunmarrow's recycling target for 2026?", goal)


def test_a_figure_of_another_year_in_the_same_clause_is_not_of_the_report_year():
    ferry = ("Tidewend Ferries carried 587,000 passengers on its Corrabeg to Holm Island route in 2023, a fall of 4 "
             "percent.")
    assert not _gate("years", "corrabeg holm island ferry passengers 2024", ferry, published=date(2024, 2, 1))
    assert _gate("years", "corrabeg holm island ferry passengers 2023", ferry, published=date(2024, 2, 1))


def test_an_outcome_said_against_its_estimate_is_settled():
    assert not unsettled("b4172 landslide repair final cost",
                         "The road reopened on 28 March after repairs costing £2.3 million, well above the first "
                         "estimate.")
    assert unsettled("b4172 landslide repair final cost", "Repairs were estimated to cost £1.6 million.")


def test_a_search_box_querys_participle_before_a_noun_is_no_deed_asked():
    assert done_verb("ostwick merged practice registered patients") is None
    assert done_verb("hobbledown library fines lost income per year") is None
    assert done_verb("who merged the two practices?") == "merge"
    merge = "The two surgeries will merge on 1 November, creating a practice with 21,400 registered patients."
    assert not unrealised("ostwick merged practice registered patients", merge)
    assert unrealised("how much was the firm fined?", "The firm will be fined next month.")  # a question's verb is


def test_a_subject_named_with_of_is_read_whole():
    assert done_verb("How much did the University of Marnhollow itself put into the sensor project?") == "put"
    assert done_verb("when did the EU fine Amazon?") == "fine"


def test_the_to_of_a_range_is_no_aim():
    assert not unrealised("who described the crannock letters?",
                          "Archivist Bethan Lowripp said the letters, dated 1841 to 1879, describe the yard's ships.")
    assert unrealised("who won the final?", "They need one more point to win the final.")


def test_the_verbs_object_in_one_clause_is_the_sum_asked():
    fined = ("The Vellmark Competition Authority has fined messaging platform Yammerling €4.6 million for failing to "
             "label paid promotions.")
    assert sum_of_head([{"fine", "penalti", "sanction"}], fined, "money", {"yammerl", "fine"})
    paid = "The fine was small for a company that paid £41m in dividends."
    assert not sum_of_head([{"fine", "penalti", "sanction"}], paid, "money", {"fine"})


def test_a_scheme_is_no_word_a_figure_query_must_find():
    from dataclasses import replace

    estimate = ("The estimated cost of rock armour defences at Skelderby has risen to £31.5 million, up from £22 "
                "million, the council said.")
    item = Evidence(sentence=estimate, context="Report ", meta="Report Wire 2024-01-18", article=estimate, rank=0,
                    retrieval=1.0, previous="", published=date(2024, 1, 18), following="")
    # (the answer layer reads this open query as a figure: rag.answer.kinds, the learned kind)
    analysis = replace(analyse_question("skelderby rock armour scheme revised estimate"), kind="number")
    assert gates(analysis, [item])[0][GATES.index("names")]


def test_how_many_picks_the_figure_counting_the_noun_asked(scored_sentences):
    ranked = scored_sentences("A crowd of 4,312 watched shooter Ysolde Pargeter score 41 goals in the final.", [0.99])
    picked = choose(analyse_question("how many goals did ysolde pargeter score in the 2023 grand final?"), ranked,
                    [ranked[0].hit.text], 0.5, span_model())
    assert picked[0] == "41 goals"


def test_the_part_the_asked_verb_acts_on_not_the_whole(scored_sentences):
    ranked = scored_sentences("Brannoch Marine will cut 145 of its 520 jobs after failing to win a navy contract.",
                              [0.99])
    assert choose(analyse_question("brannoch marine job cuts"), ranked, [ranked[0].hit.text], 0.5,
                  span_model())[0] == "145"


@pytest.mark.parametrize("question, kind", [
    ("Which commissioner announced the Flitterbox fine for the Data Oversight Commission of Vellmark?", "person"),
    ("Which judge fined Vessmoor Water over the Orrin Brook sewage discharge?", "person"),
    ("which town is marlpit prize winner rosalind tembury from?", "place"),
    ("quarrington bridge car toll april 2023", "money"),
    ("ardleigh bridge lorry toll", "money"),
    ("storm toll", "number"),
    ("sport westmarch spring 2024 grant round total", "money"),
    ("wellfield foundation grants total 2024", "money"),
    ("vellacombe tourism board name", "organisation"),
    ("tidewend replacement ferry charter operator name", "organisation"),
    ("cyclone marla recovery coordinator name", "person"),
])
def test_what_is_asked(question, kind):
    assert question_kind(question) == kind


def test_a_clause_saying_when_asks_no_role():
    named = "Winger Tobiah Quarles scored two tries and was named man of the match."
    question = "who was man of the match when callowmere kestrels won the challenge shield final?"
    assert _gate("head", question, named)
    assert not _gate("head", "who won the challenge shield final?", named)


def test_a_sum_another_gave_is_not_the_asked_givers():
    question = "How much did the University of Marnhollow itself put into the Kelvaig slope sensor project?"
    assert not _gate("attached", question, "The project is funded with €480,000 from the Ostrand Foundation.")
    assert _gate("attached", "How much did the Ostrand Foundation put into the sensor project?",
                 "The project is funded with €480,000 from the Ostrand Foundation.")
    assert _gate("attached", question, "The university put €120,000 into the sensor project.")


def test_what_the_rules_above_leave_alone():
    """Cases a review of these rules found them too broad on, each mended and kept as it was before them."""
    assert _gate("years", "harlby airport passengers 2023", "Harlby Airport handled 4.1 million passengers over 2023.",
                 published=date(2024, 1, 18))
    assert _gate("years", "harlby road repairs 2024", "Harlby council spent £4.1 million on 2024 road repairs.")
    assert _gate("years", "harlby marathon runners 2024",
                 "Some 4,100 runners took part in the Harlby race first staged in 1982 on the seafront.")
    assert not _gate("head", "how many people were killed in the blast?",
                     "The blast killed a guard and left 40 people injured.")
    assert not _gate("head", "how much was brixco fined?",
                     "Regulators fined Brixco over a £41m payment to shareholders.")
    assert unsettled("b4172 landslide repair final cost",
                     "The repairs are now expected to cost £4.6 million, well above the original estimate of £3 "
                     "million.")
    assert unrealised("who won the final?", "Kestrels needed 12 to win the final off the last over.")
    assert done_verb("tell me who won the challenge shield final") == "win"
    assert not _gate("head", "who was once chairman of aldane united?",
                     "Striker Jo Bell scored twice for Aldane United.")
    assert not other_giver(["Veltrix", "Quint Foods"], "The company paid £40 million for the chain, in a deal "
                           "completed by March.", "How much did Veltrix pay for Quint Foods?")  # (a month is no giver)
    assert _gate("attached", "How much did the University of Marnhollow itself put into the sensor project?",
                 "The university put €120,000 into it, alongside €480,000 from the Ostrand Foundation.")


def test_how_many_people_counts_residents_too(scored_sentences):
    ranked = scored_sentences("Some 4,100 residents were evacuated and 12 people were treated in hospital.", [0.99])
    assert choose(analyse_question("how many people were evacuated?"), ranked, [ranked[0].hit.text], 0.5,
                  span_model())[0].startswith("4,100")


def test_a_counted_things_total_is_no_sum():
    from dataclasses import replace

    from rag.answer.answerability import type_hit
    crowd = replace(analyse_question("kelso crowd total"), kind="number")
    assert not type_hit(crowd, "Tickets for Kelso cost £25.")
    estimate = replace(analyse_question("skelderby rock armour scheme revised estimate"), kind="number")
    assert type_hit(estimate, "The estimated cost of the rock armour has risen to £31.5 million.")


@pytest.mark.parametrize("question, kind", [("easter road toll", "number"), ("pub owner name", "person")])
def test_what_is_still_asked(question, kind):
    assert question_kind(question) == kind


def test_a_crowd_is_no_capacity(scored_sentences):
    ranked = scored_sentences("The final is at Dunholt Arena, which holds 4,500 spectators. A crowd of 4,312 watched "
                              "the Kestrels win.", [0.99, 0.98])
    assert choose(analyse_question("What was the attendance at the 2023 grand final?"), ranked,
                  [r.hit.text for r in ranked], 0.5, span_model())[0].startswith("4,312")
    assert choose(analyse_question("How many spectators does Dunholt Arena hold?"), ranked,
                  [r.hit.text for r in ranked], 0.5, span_model())[0].startswith("4,500")


def test_a_score_before_to_win_is_still_a_result():
    assert not unrealised("Which team won the Kaiora Sevens men's title?",
                          "Fiji beat New Zealand 24-19 in Sunday's final to win the Kaiora Sevens men's title.")


def test_development_losses_mended():
    """What the first full run over the development sets lost, each mended."""
    # a participle before a particle is still the deed ("declared over"), so a forecast does not answer it
    assert done_verb("pellowick measles outbreak declared over") is not None
    # a target to be met by a month of a year is no figure of that month
    assert not _gate("years", "ravensholm general waiting list march 2024",
                     "The hospital's target is to have nobody waiting longer than 52 weeks by March 2024.")
    # an award names the role asked, whatever clause says when
    assert not _gate("head", "who was man of the match when Garrowby Wolves won the Challenge Shield final?",
                     "Garrowby Wolves beat Skelbrook Rhinos 24-18 in the Challenge Shield final.")
    assert _gate("head", "who was man of the match when Garrowby Wolves won the Challenge Shield final?",
                 "Winger Kobi Ashdown-Vale scored two tries and was named man of the match.")
    # a scheme's name is asked by its word; only a figure of a scheme need not repeat it
    assert not _gate("names", "ravensholt new phonics scheme name",
                     "Ravensholt school bought new phonics books for its reading lead.")


def test_up_to_is_the_figure_asked_and_a_series_award_is_a_role(scored_sentences):
    ranked = scored_sentences("Storm Orla brought gusts of up to 94mph to the coast, cutting power to 48,000 homes.",
                              [0.99])
    assert choose(analyse_question("storm orla strongest gusts"), ranked, [ranked[0].hit.text], 0.5,
                  span_model())[0] == "94mph"
    assert _gate("head", "Who was named player of the series in the Test series against Sri Lanka?",
                 "Tama Henare, who made 38 in the second Test, was named player of the series.")
    assert not _gate("head", "who was man of the match in the Champions League final?",
                     "Man United vs Chelsea all-time results (all competitions).")
