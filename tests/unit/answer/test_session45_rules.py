"""Rules read off the failures of n78 to n81 (session 45): what a question asks for (a cost in progress, a pay rate, a
cap by the hour, an investment, a return, a run in weeks, calls counted, a rent cut, which shipyard), a leading
preposition that is no name, a noun made from the verb said ("settlement": "to settle"), "per household" said as
"each household", a season's years ("2024-25") that hold no count, a fine's object set off by commas, residents who
raise a sum, a prosecutor, a plan ("were to close"), "in the end", a sentencing to come, a month of last year, the
holder a firm replaced, and the figure said of the query's own words."""

from dataclasses import replace
from datetime import date

from rag.answer.answerability import (FIGURE, _since_unasked, asked_heads, content_stems, contrasted, keyword_gate,
                                      named_as_person, per_said, sum_of_head, type_hit)
from rag.answer.attachment import (done_verb, hired_for_laid_off, opposite_action, other_site, relative_year,
                                   shared_figure, spent_on_other, spoken_year, tentative, unrealised)
from rag.answer.spans import departing, extract_short
from rag.retrieval.analysis import analyse_question, find_names, question_kind

from tests.unit.answer.gating import gate as _gate


def test_a_cost_in_progress_and_a_rate_of_pay_ask_for_a_sum():
    assert question_kind("what's the harbour wall repair costing?") == "money"
    assert question_kind("what's the new bus service going to cost a year?") == "money"
    assert question_kind("what's the gym charging per month now?") == "money"
    assert question_kind("what did the cleaners end up getting per hour?") == "money"
    assert question_kind("Kelby care home agency nurse hourly cap") == "money"
    assert question_kind("What was the original estimated investment in the Corran data centre?") == "money"
    assert question_kind("what are police charging him with?") != "money"  # an offence, no sum
    assert question_kind("What was the investment firm called?") != "money"


def test_a_search_box_query_ending_in_a_return_a_span_of_time_calls_or_a_cut_asks_for_a_figure():
    assert question_kind("ashdown teachers pension fund 2023 return") == "number"
    assert question_kind("marrow lane theatre run weeks") == "number"
    assert question_kind("port talland cruise calls 2024") == "number"  # not the port: calls counted
    assert question_kind("kelby water leakage megalitres per day 2023") == "number"  # "per day" is no date
    assert question_kind("harlow denim leeds rent cut") == "number"  # a cut is a share as often as a sum
    assert question_kind("tax return deadline") == "date"


def test_which_shipyard_or_importer_asks_for_a_firm():
    assert question_kind("Which shipyard is building the two new ferries?") == "organisation"
    assert question_kind("Which importer distributes the estate's wine in Canada?") == "organisation"


def test_a_leading_preposition_is_no_name():
    assert find_names("Until what date was the run of The Harbour Lights extended?") == ["Harbour Lights"]
    assert find_names("Following Corran Foods' merger, who runs the plant?") == ["Corran Foods"]
    assert find_names("Since when has Ada Hale led Corran?") == ["Ada Hale", "Corran"]


def test_a_noun_made_from_the_verb_the_sentence_says_is_near():
    said = "the firm has agreed to pay $2.1 million to settle the claims, its valuing the site at $9m"
    assert keyword_gate(content_stems("settlement"), said, said)
    assert keyword_gate(content_stems("valuation"), said, said)
    assert keyword_gate(content_stems("leakage"), "the company lost 140 megalitres a day to leaks", "")
    assert not keyword_gate(content_stems("statement"), "the state pension will rise", "")
    assert not keyword_gate(content_stems("settlement"), "the firm was fined $2.1 million", "")


def test_per_a_thing_is_said_as_each_thing():
    assert per_said("corran broadband voucher per household", "Each household can claim up to £900.") == {"per"}
    assert per_said("corran compensation per vessel", "The fund will pay out £2m in all.") == set()
    assert _gate("names", "corran broadband voucher per household", "Each household in Corran can claim up to £900.",
                 previous="Corran council has backed broadband vouchers.")


def test_the_years_of_a_season_hold_no_count():
    figures = [m.group(0) for m in FIGURE.finditer("a pay offer of 6.2% for 2024-25, with 70% in favour and a 4-1 win")]
    assert "25" not in figures and "70%" in figures and "1" in figures
    assert extract_short(analyse_question("nurses 6.2% pay offer vote in favour"),
                         "Nurses accepted a pay offer of 6.2% for 2024-25, with 70% voting in favour.") == "70%"


def test_a_fine_is_the_object_of_fined_across_a_phrase_set_off_by_commas():
    question = analyse_question("corran exchange fine digital markets authority")
    sentence = ("The Digital Markets Authority has fined Corran, a Harwick-based crypto exchange, £2.2m for failing "
                "to check the source of funds.")
    assert sum_of_head(asked_heads(question), sentence, "money", content_stems(question.question))
    assert not sum_of_head(asked_heads(question), "The exchange, which was fined last year, holds £2.2m of funds.",
                           "money", content_stems(question.question))


def test_residents_who_raise_a_sum_ask_no_population():
    heads = asked_heads(analyse_question("How much did Little Corran residents raise through their share offer?"))
    assert not any("popul" in group for group in heads)
    assert _gate("head", "How much did Little Corran residents raise through their share offer?",
                 "Residents of Little Corran have bought their shop after raising £72,000 through a share offer.")


def test_a_prosecutor_is_who_prosecuted():
    assert _gate("head", "Who prosecuted Corran founder Ada Hale at Harwick Crown Court?",
                 "Prosecutor Ben Lyle KC told jurors that Hale moved $40m of customer money.")


def test_a_plan_and_a_sentencing_to_come_ask_no_deed_done():
    assert done_verb("How many stores were to close immediately when the chain entered administration?") is None
    assert done_verb("when's hale getting sentenced?") is None
    assert done_verb("when was hale sentenced?") is not None
    assert not unrealised("when's hale getting sentenced?", "Judge Alan Pritt will pass sentence on 14 June.")


def test_in_the_end_asks_the_outcome_not_an_ending():
    closed = "The share offer closed on Friday having raised £2.9m from 1,100 investors, beating its £2.5m target."
    assert not opposite_action("how much did the corran share offer raise in the end?", closed)
    assert opposite_action("when does the hosepipe ban end?", "The ban will start on 1 July.")


def test_a_month_later_than_the_report_said_as_done_is_of_last_year():
    sentence = "The company said its customer total had reached 151,000 by the end of December."
    assert spoken_year("2024", sentence, date(2025, 1, 10))
    assert not spoken_year("2024", "The plant will open in December.", date(2025, 1, 10))
    assert not spoken_year("2024", "The plant opened in March.", date(2025, 6, 10))


def test_the_holder_a_firm_replaced_is_no_new_holder():
    sentence = "Corran Foods has replaced chief executive Ada Hale with Raj Patel, formerly of Beanline."
    assert departing("Ada Hale", sentence, "who's the new boss at corran foods?")
    assert not departing("Raj Patel", sentence, "who's the new boss at corran foods?")
    assert not departing("Ada Hale", sentence, "Who did Raj Patel replace at Corran Foods?")


def test_a_search_box_count_is_the_figure_said_of_its_own_words():
    analysis = analyse_question("freshmart dark stores pantry deal")
    assert extract_short(analysis, "The deal adds 46 dark stores and about 2,100 couriers to Pantry's network.") in (
        "46", "46 dark stores")


def test_the_other_side_of_a_trial_a_hiring_a_price_range_and_a_final_is_no_answer():
    assert opposite_action("Who was Ada Hale's defence barrister at the trial?",
                           "Prosecutor Ben Lyle KC told jurors that Hale moved $40m of customer money.")
    assert not opposite_action("Who prosecuted Ada Hale?", "Prosecutor Ben Lyle KC told jurors that Hale lied.")
    assert hired_for_laid_off("how many staff did corran have to lay off?",
                              "The firm said it had hired 40 compliance staff since the review.")
    assert not hired_for_laid_off("how many staff did corran lay off?", "Corran has laid off 70 of its 310 staff.")
    assert not opposite_action("Which Corran co-founder wrote the memo about the layoffs?",
                               "In a memo, co-founder Piers Allen said the company would keep hiring engineers.")
    assert opposite_action("what did the cheapest agency shifts cost per hour?",
                           "The most expensive agency shifts cost £95 an hour.")
    assert opposite_action("harwick open 2024 runner-up prize money", "The winner will receive £120,000.")
    assert not opposite_action("harwick open 2024 runner-up prize money",
                               "Runner-up Tom Wilk took £50,000, while the winner received £120,000.")
    assert not opposite_action("who won the harwick open?", "Tom Wilk was runner-up.")


def test_an_alert_of_another_colour_is_no_answer():
    assert contrasted("how many regions got a red heat-health alert?",
                      "The service issued an amber heat-health alert for four regions.")
    assert not contrasted("how many regions got an amber heat-health alert?",
                          "The service issued an amber heat-health alert for four regions.")


def test_a_figure_shared_by_several_named_places_is_no_one_place_s():
    shared = "The centres in Kellby, Marston Rise and Dunmore support about 180 families between them."
    assert shared_figure("How many families use the Kellby respite centre?", ["Kellby"], shared)
    assert shared_figure("How many families does the Dunmore centre support?", ["Dunmore"], shared)
    assert not shared_figure("How many families do the three centres support in total?", ["Kellby"], shared)
    assert not shared_figure("How many families does the Dunmore centre support?", ["Dunmore"],
                             "The Dunmore centre supports 60 families.")


def test_next_year_is_not_this_year_and_a_founder_is_a_person():
    assert relative_year("How many shops will Stridewell close next year?",
                         "The chain closed its store, one of 12 closures this year.")
    assert not relative_year("How many shops will Stridewell close next year?", "It will close 12 more next year.")
    assert question_kind("lumen denim newcastle store staff") == "number"
    assert named_as_person("Founder Marek Ostland", ["Founder Marek Ostland was charged on Friday."])


def test_a_record_since_a_year_is_not_that_year_s_figure():
    assert "1994" not in _since_unasked("corran 1994 earthquake magnitude",
                                        "A magnitude 4.1 earthquake struck, the strongest in the region since 1994.")
    assert "1994" in _since_unasked("strongest quake since when", "the strongest in the region since 1994")


def test_what_a_review_of_the_rules_above_found():
    # a later month is last year's only in a clause saying it was done ("takes place on 6 October" is this year's)
    assert not spoken_year("2023", "The Kelby Marathon takes place on 6 October, with 12,000 runners taking part.",
                           date(2024, 3, 1))
    assert not spoken_year("2023", "Kelby council spends £4m a year on roads, Brian May told the meeting.",
                           date(2024, 2, 10))
    assert spoken_year("2023", "Sales rose 8% in October, the firm said.", date(2024, 3, 1))
    # "a household earning under £30,000" is no sum per household, "per cent" no thing
    assert per_said("corran energy grant per household",
                    "Corran has £2.4m for the grant, and a household earning under £30,000 is eligible.") == set()
    assert per_said("corran energy grant per household", "The grant is worth £900 a household.") == {"per"}
    assert per_said("kelby council tax rise per cent", "a cent of every pound") == set()
    # an -age or -ment noun is near only its own verb ("footage" is no "foot", "shipment" no "ship")
    assert not keyword_gate(content_stems("footage"), "the robbers fled on foot on 3 may", "")
    assert not keyword_gate(content_stems("shipment"), "the corran ship worth £40m sank", "")
    assert keyword_gate(content_stems("settlement"), "corran agreed to pay £2m to settle the claims", "")
    # an investment platform, a return on investment, caps on things counted, charging with an offence, a comeback
    assert question_kind("What investment platform collapsed in March?") != "money"
    assert question_kind("What was the return on investment?") != "money"
    assert question_kind("What is the daily cap on visitors to the island?") != "money"
    assert question_kind("skelmor island daily visitor cap") != "money"
    assert question_kind("what are the banks charging in interest?") != "money"
    assert question_kind("what is the crown charging the defendant?") != "money"
    assert question_kind("what did the workers get each year in holidays?") != "money"
    assert question_kind("halden rovers manager return") != "number"
    assert question_kind("kelby library opening hours") != "number"
    # "being treated" is no plan; "comments from Sarah Jones" no firm; each resident's sum keeps its head
    assert done_verb("How many people were being treated in hospital after the Kelby crash?") is not None
    assert named_as_person("Sarah Jones", ["Corran was advised by bankers, with comments from Sarah Jones."],
                           place=True)
    assert any("popul" in group for group in asked_heads(analyse_question("How much will each Kelby resident get?")))
    # the one who replaced is not the one replaced; a name that opens with a preposition stays whole
    assert not departing("Raj Patel", "Ada Hale was replaced as boss by Raj Patel in March.",
                         "who's the new boss at corran?")
    assert find_names("Beyond Meat 2023 revenue") == ["Beyond Meat"]
    assert find_names("Via Rail strike dates") == ["Via Rail"]


def test_a_place_now_run_by_someone_names_the_new_holder_and_a_firm_based_somewhere_says_its_town():
    assert _gate("attached", "who's running the corran plant in delmont now?",
                 "Ada Hale has since left the company, and the plant is now run by Gerald Twine.")
    assert not _gate("attached", "who's running the corran plant in delmont now?",
                     "Plant director Ada Hale has since left the company.")
    sentence = ("Halbury-based drone maker Kestrel Aero has won a £28m contract to supply 400 drones to the British "
                "Army.")
    asked = replace(analyse_question("kestrel aero drone maker home town"), names=["Kestrel Aero"])
    assert extract_short(asked, sentence) == "Halbury"
    assert _gate("names", "kestrel aero drone maker home town", sentence)
    assert not _gate("names", "kestrel aero drone maker home town",
                     "Kestrel Aero has won a £28m contract to supply 400 drones to the British Army.")


def test_hours_asked_and_after_the_first_year():
    question = analyse_question("For how many hours did the Ashby Vale overflow spill in 2023?")
    assert type_hit(question, "The worst overflow, at Ashby Vale treatment works, spilled 211 times.") == 0.0
    assert type_hit(question, "The Ashby Vale overflow spilled for 1,200 hours in 2023.") == 1.0
    assert opposite_action("how much will corran tickets cost after the first year?",
                           "Standard tickets will be capped at £30 in the first year.")
    assert question_kind("what's castlebridge getting for selling ferry lane?") == "money"


def test_what_the_first_full_run_lost():
    # a profit the firm "now expects" is no actual profit; a pension fund's return is no sum raised; another
    # station's journeys are not the asked station's
    assert tentative("what was marrowgate's actual full-year profit in the end?",
                     "The company now expects pre-tax profit of between £3.4m and £3.7m for the year to March.")
    assert not tentative("what was marrowgate's actual full-year profit in the end?",
                         "Marrowgate made a pre-tax profit of £3.6m for the year to March, more than expected.")
    assert _gate("head", "quellbridge pension fund return 2022",
                 "The Quellbridge Municipal Pension Fund posted a return of 6.8 percent for 2022, its trustees said.")
    assert other_site("tressingham station journeys first year", ["Tressingham"],
                      "Wexcombe station was the busiest, with 188,000 journeys.")
    assert not other_site("tressingham station journeys first year", ["Tressingham"],
                          "Tressingham station had 40,000 journeys in its first year.")


def test_what_a_second_review_of_the_rules_found():
    # another site only at a clause's start and not a word of the question ("The Victorian museum", "the Acme plant")
    assert not other_site("How many visitors did Kelby museum get in 2023?", ["Kelby"],
                          "The Victorian museum had 400,000 visitors in 2023.")
    assert not other_site("How many jobs will go at Acme's Kelby plant?", ["Acme", "Kelby"],
                          "About 200 jobs will go at the Acme plant.")
    # a record since a year "when" its figure is given keeps the year
    assert "2015" in _since_unasked("how many were killed in 2015?",
                                    "It was the deadliest attack since 2015, when 130 people were killed.")
    # next season asked over a plan set against this season
    assert not relative_year("Who will coach the Kelby Lions next season?",
                             "The Lions have named Jim Baxter as head coach, after he guided Harwick to the title "
                             "this season.")
    # "expects" an outlook, "forecasts" a noun: no forecast of the figure asked
    assert not tentative("What was Acme's final revenue for 2023?",
                         "Acme reported revenue of £2.1bn for 2023 and expects modest growth in 2024.")
    assert not tentative("What was Marrowgate's profit in the end?",
                         "Marrowgate made a pre-tax profit of £3.6m, ahead of analysts' forecasts.")
    # a runner-up said as finishing second; a firm called "Hire"; "start at" is the cheapest; a year two price
    assert not opposite_action("How much did the second-place finisher get at the Harwick Open?",
                               "Tom Wilk won £50,000 for finishing second at the Harwick Open.")
    assert not hired_for_laid_off("How many jobs has Kelby Car Hire axed?", "Kelby Car Hire is to cut 30 jobs.")
    assert not hired_for_laid_off("How many jobs will Corran axe?",
                                  "Corran is to cut 200 jobs, weeks after it began hiring for a new warehouse.")
    assert not opposite_action("What is the cheapest Kelby season ticket?",
                               "Kelby season tickets start at £350, with the most expensive at £900.")
    assert not opposite_action("How much will Corran tickets cost after the first year?",
                               "From year two, Corran tickets will cost £40, up from £30 in the first year.")
    assert not opposite_action("How much will the UK spend on defence this year?",
                               "The UK will spend £55bn on the armed forces this year, after prosecutors dropped it.")
    # a merger between two names asked; a person's home town is no firm's; a founder's firm
    assert not shared_figure("How much is the Acme merger with Betaline worth?", ["Acme", "Betaline"],
                             "Acme and Betaline, which together have 5,000 staff, agreed a merger worth £5bn.")
    person = replace(analyse_question("What is Ada Hale's home town?"), names=["Ada Hale"])
    assert extract_short(person, "Hale, who grew up in Dunmore, founded the London-based firm Corran in 2010.") \
        != "London"
    assert not named_as_person("Founder Brewing Company", ["Founder Brewing Company opened a taproom."])
    # days asked with a word between ("10 working days"); a participle "owned by" is no deed in a month
    assert type_hit(analyse_question("How many days did the Kelby bin strike last?"),
                    "The Kelby bin strike lasted 10 working days.") == 1.0
    assert not spoken_year("2023", "Kelby airport, owned by Acme, handles 4 million passengers and is busiest in "
                                   "August.", date(2024, 3, 1))
    assert not spoken_year("2023", "The Kelby Marathon, which is organised by Acme and starts in October, drew "
                                   "12,000 runners.", date(2024, 3, 1))


def test_a_second_pass_over_n78_to_n81():
    # a cost asked of someone per hour is a sum; a store's staff counted; the turnout across the district is no ward's
    assert question_kind("what did the cheapest agency shifts cost northvale per hour?") == "money"
    assert question_kind("store staff") == "number"
    assert shared_figure("what was the turnout in fairmead ward?", ["Fairmead"],
                         "Turnout across the district was 34.8%.")
    assert not shared_figure("what was the turnout in fairmead ward?", ["Fairmead"],
                             "Turnout in Fairmead ward was 41%, against 34.8% across the district.")
    # next year over "this year ... will leave it with 57 shops"; a tour's final venue is not where it opens
    assert relative_year("How many shops will Strideway close next year?",
                         "The chain closed its store, one of 12 closures this year that will leave it with 57 shops.")
    assert opposite_action("lantern keepers uk tour final venue", "A UK tour will open in Wexham in September 2025.")
    # a sum to repair other things is not the sum to repair the thing asked
    question = "How much has the Sanvara government set aside to repair the island's airport?"
    assert spent_on_other(question, ["Sanvara"], "The government has set aside €14m to repair roads and 160 homes.")
    assert not spent_on_other(question, ["Sanvara"], "The government has set aside €9m to repair the airport runway.")
    # a person is no answer to "which agencies"
    agencies = analyse_question("which agencies refused wexham's rate cap?")
    assert extract_short(agencies, "Cabinet member for adult care Lorraine Pike said four agencies had agreed the cap, "
                                   "while two had refused.") != "Lorraine Pike"
    # "down from 300,000" is no date to come; a post office asks no job posts; a private equity owner is a firm
    assert spoken_year("2024", "Its customer total had reached 151,000 by the end of December, and it revised its 2025 "
                               "target down from 300,000.", date(2025, 1, 10))
    assert _gate("head", "what's the dunshire mobile post office van service going to cost a year?",
                 "The service begins on 15 July and will cost £320,000 a year.")
    assert question_kind("peri peppers owner private equity") == "organisation"
