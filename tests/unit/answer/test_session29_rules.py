"""Session 29: keyword attributes a sentence gives in other words (a spelled-out length, a ship's capacity, a vote's
result), sums set against a budget, the level a figure moves to, rates per period, weights, and the year a report's
lead sets."""

from datetime import date

from rag.answer.answerability import GATES, Evidence, gates, keyword_gate, type_hit
from rag.answer.attachment import current_for_previous, done_verb, unsettled, unstated_period
from rag.answer.span_choice import choose, span_model
from rag.retrieval.analysis import analyse_question, question_kind


def _gate(name: str, question: str, sentence: str, previous: str = "", lead: str = "") -> bool:
    article = " ".join(part for part in (lead, previous, sentence) if part)
    item = Evidence(sentence=sentence, context=f"Report {previous}", meta="Report Wire 2024-01-18",
                    article=article, rank=0, retrieval=1.0, previous=previous, published=date(2024, 1, 18),
                    following="")
    return bool(gates(analyse_question(question), [item])[0][GATES.index(name)])


def test_a_spelled_out_length_or_count_gives_the_attribute():
    sentence = "He was also banned from driving for ten years, to begin on his release."
    assert keyword_gate({"length"}, sentence, sentence)
    assert not keyword_gate({"length"}, "He was also banned from driving.", "He was also banned from driving.")
    injured = "Eleven people were treated in hospital after the crash."
    assert keyword_gate({"count"}, injured, injured, {"injur", "peopl", "count"})


def test_what_a_ship_carries_is_its_capacity_and_a_vote_by_so_many_to_so_many_its_result():
    ferry = "The hybrid-powered vessel will carry 220 passengers and 40 cars."
    assert keyword_gate({"capac"}, ferry, ferry)
    assert not keyword_gate({"capac"}, "The vessel cost £31 million.", "The vessel cost £31 million.")
    vote = "Hollis won the vote of full council by 31 votes to 24 against Oliver Brand."
    assert keyword_gate({"result"}, vote, vote)
    assert keyword_gate({"birthplac"}, "Born in Skelbrook in 1934, she moved to Morwick.",
                        "Born in Skelbrook in 1934, she moved to Morwick.")


def test_a_sum_said_against_its_budget_is_settled_and_the_budget_is_not_the_answer(scored_sentences):
    question = "how much did the ostry bridge repairs end up costing?"
    said = "The work cost £4.6 million, well above the £3.2 million budget set when the bridge closed."
    assert not unsettled(question, said)
    assert unsettled(question, "The council set a budget of £3.2 million for the repairs.")
    ranked = scored_sentences(said, [0.99])
    assert choose(analyse_question(question), ranked, [ranked[0].hit.text], 0.5, span_model())[0] == "£4.6 million"


def test_a_participle_describing_a_noun_is_no_verb_the_answer_must_repeat():
    assert done_verb("How much is the contract awarded to Brightline Civils worth?") is None
    assert done_verb("How much was awarded to Brightline Civils?") == "award"


def test_the_level_a_figure_moves_to(scored_sentences):
    assert question_kind("what's the bus fare cap in wexcombe going up to?") == "money"
    ranked = scored_sentences("The cap on single bus fares in Wexcombe will rise from £2 to £2.50 in January.", [0.99])
    assert choose(analyse_question("what's the bus fare cap in wexcombe going up to?"), ranked,
                  [ranked[0].hit.text], 0.5, span_model())[0] == "£2.50"


def test_a_contribution_is_the_sum_said_with_the_word(scored_sentences):
    ranked = scored_sentences("Plans for a £214 million extension of the tram network have been approved by the city "
                              "council. Most of the money will come from a government grant, with the council "
                              "contributing £38 million.", [1.0, 0.96])
    question = analyse_question("What was Pennacott council's contribution to the tram extension?")
    assert question.kind == "money"
    assert choose(question, ranked, [ranked[0].hit.text], 0.5, span_model())[0] == "£38 million"


def test_on_time_is_punctuality_not_a_race_time():
    analysis = analyse_question("What percentage of trains on the Wexcombe to Pennacott line ran on time?")
    assert type_hit(analysis, "The Wexcombe to Pennacott line also improved, with 85.6 per cent of trains on time.")


def test_a_reports_lead_sets_the_year_its_sentences_speak_of():
    question = "What percentage of trains on the Wexcombe line ran on time in 2023?"
    lead = "Just 86.2 per cent of Lowland Rail trains arrived on time in the final three months of 2023."
    sentence = "The Wexcombe line was the worst performer, with 79.4 per cent of trains on time."
    assert _gate("years", question, sentence, lead=lead)
    assert not _gate("years", question, sentence, lead="Lowland Rail trains were late again in 2022.")
    assert not _gate("years", question, "The Wexcombe line had 79.4 per cent of trains on time in 2021.", lead=lead)


def test_a_man_in_his_seventies_is_no_count_and_a_weight_asks_for_a_weight():
    hurt = analyse_question("how many people were hurt in storm ysolde altogether?")
    assert not type_hit(hurt, "A man in his 70s was seriously injured when a tree fell on his car.")
    assert type_hit(hurt, "Seventy people were hurt, and 12 seriously injured.")
    weight = analyse_question("What weight limit did Ostry Bridge have before it closed for repairs?")
    assert not type_hit(weight, "About 11,000 vehicles a day used the crossing before it closed.")
    assert type_hit(weight, "The bridge had a 7.5-tonne weight limit before it closed.")


def test_what_was_so_before_a_change_is_not_what_is_so_now():
    question = "What weight limit did Ostry Bridge have before it closed for repairs?"
    assert current_for_previous(question, "The bridge now has a 26-tonne weight limit.")
    assert not current_for_previous(question, "The bridge had a 7.5-tonne weight limit before it closed.")


def test_a_rate_per_period_needs_the_period():
    question = "How many passengers a year will the new Carra ferry carry?"
    assert unstated_period(question, "The vessel will carry 220 passengers and 40 cars.")
    assert not unstated_period(question, "The vessel is expected to carry 310,000 passengers a year.")
    assert not unstated_period("how much does the chair earn a year?", "The chair's salary is £180,000.")
    assert not unstated_period("How many passengers will the ferry carry?", "The vessel will carry 220 passengers.")


def test_paying_back_asks_a_repayment_not_a_cost():
    question = "how much did the ostry bridge designer have to pay back?"
    assert not _gate("head", question, "The work cost £4.6 million, well above the £3.2 million budget.")
    assert _gate("head", question, "The designer was ordered to repay £1.2 million of the cost.")


def test_the_name_of_a_person_noun_asks_for_a_person():
    assert question_kind("name of friend petrie was racing") == "person"
    assert question_kind("name of the new ship") == "open"


def test_a_spoken_question_whose_topic_the_sentence_leaves_mostly_unsaid_is_not_answered_by_it():
    question = "how many people turned up to the ebbington village hall meeting about the surgery?"
    assert not _gate("type", question, "The Ebbington surgery has 4,200 registered patients.",
                     lead="Ebbington's GP surgery will close in July, its owners said.")
    assert _gate("type", question, "About 300 people turned up to the meeting at the village hall.",
                 lead="Ebbington's GP surgery will close in July, its owners said.")
    assert _gate("type", "ebbington surgery patients", "The Ebbington surgery has 4,200 registered patients.")


def test_a_figure_the_sentence_puts_in_another_place_does_not_answer_for_the_asked_one():
    germany = analyse_question("How many jobs are going in Germany?")
    assert not type_hit(germany, "About 650 of the job cuts will fall in Belgium and 420 in the Netherlands.")
    assert type_hit(germany, "About 300 of the job cuts will fall in Germany.")
    assert type_hit(analyse_question("How many jobs are going at Brenmark?"),
                    "About 650 of the job cuts will fall in Belgium.")


def test_a_backlog_is_a_count_of_now_and_still_picks_the_figure_said_so(scored_sentences):
    assert question_kind("wexcombe crown court backlog july 2024") == "number"
    ranked = scored_sentences("The backlog stood at 1,185 a year earlier. The number of cases waiting at the court "
                              "has reached 1,412.", [0.99, 0.97])
    assert choose(analyse_question("wexcombe crown court backlog"), ranked, [ranked[0].hit.text], 0.5,
                  span_model())[0] == "1,412"
    ranked = scored_sentences("About 23,000 homes lost power across the region, and 4,100 were still without "
                              "electricity on Thursday evening.", [0.99])
    assert choose(analyse_question("how many homes were still without power the day after the storm?"), ranked,
                  [ranked[0].hit.text], 0.5, span_model())[0] == "4,100"


def test_a_follow_up_on_a_price_cut_is_met_by_a_sentence_saying_it_was_lowered():
    question = "By how much was that price cut later (following up on: Amazon, iRobot)?"
    sentence = ("Amazon has already lowered its acquisition price for iRobot, which was originally an all-cash offer "
                "of $1.7 billion, by 15%.")
    assert _gate("type", question, sentence)
