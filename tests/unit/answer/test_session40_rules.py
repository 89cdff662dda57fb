"""Rules read off the n58-n61 snippet sets (session 40): what a sum or a figure is asked as, keyword words a report
writes otherwise, the words that say what a thing is, and sentences that speak of the other side of a pair."""

from rag.answer.answerability import _named_class, keyword_gate, new_level, person_like, type_hit
from rag.answer.attachment import opposite_action, other_label
from rag.retrieval.analysis import analyse_question, question_kind


def test_a_change_that_dates_the_sum_is_not_the_change_asked():
    assert question_kind("how much will a small tanker pay to pass through the Mirrowen Canal after the fee rise?") \
        == "money"
    assert question_kind("how much did the price rise?") == "number"  # (the change itself)


def test_an_average_asks_for_a_figure_and_a_volume_or_an_audience_is_counted():
    assert question_kind("what is the average business insurance claim from the Saltmere floods?") == "number"
    assert question_kind("quellmouth port container volume 2023") == "number"  # not the port, a place
    assert question_kind("lantern keepers second series audience") == "number"


def test_keyword_words_a_report_writes_otherwise():
    assert keyword_gate({"reduct"}, "the trial cut monthly migraine days by 38%", "cut monthly migraine days by 38%")
    assert keyword_gate({"signatur"}, "after a petition signed by 530 residents", "a petition signed by 530 residents")
    assert keyword_gate({"launch"}, "lumora has unveiled the pixa 5 smartphone", "Lumora has unveiled the Pixa 5.")
    sentence = "The River Sull peaked at 4.71 metres in Mardle Bridge on Sunday."
    assert keyword_gate({"level", "peak"}, sentence.lower(), sentence)
    gadget = "Dustrel has launched the Orbit X robot vacuum, which it says can run for 210 minutes on a single charge."
    assert keyword_gate({"batteri", "runtim", "minut"}, gadget.lower(), gadget)
    assert not keyword_gate({"level"}, "the river flooded 212 properties", "The river flooded 212 properties.")


def test_a_change_noun_is_answered_by_the_figure_a_change_verb_moved_by():
    reduction = analyse_question("veralistat phase ii trial migraine days reduction")
    assert type_hit(reduction, "In the trial, the drug cut monthly migraine days by 38%.")
    assert not type_hit(reduction, "About 34% of the patients were women.")


def test_the_class_asked_for_and_the_words_describing_a_name_are_no_topic_a_report_must_say():
    assert _named_class(analyse_question("Which production company made The Lantern Keepers?")) >= {"product"}
    assert _named_class(analyse_question("who actually won the Corriebrook Classic golf tournament in 2023?")) \
        == {"golf", "tournament"}
    assert not _named_class(analyse_question("how many people turned up to the village hall meeting?"))


def test_the_other_side_of_a_pair_is_another_thing():
    assert opposite_action("what percentage did hedgehog numbers fall on Cramblewick's rural farmland?",
                           "Urban gardens showed a smaller fall of 18%.")
    assert not opposite_action("what percentage did hedgehog numbers fall on rural farmland?",
                               "Numbers fell 31% on rural farmland, against 18% in urban gardens.")
    assert opposite_action("how many viewers watched the Brainwave Royale series 5 finale?",
                           "The quiz drew 3.4 million viewers for its series 5 launch.")
    assert opposite_action("How many subscribers did Plexmoor have on its own before the merger?",
                           "Together, the companies have 11.6 million subscribers.")
    assert opposite_action("what does the most expensive suite at the Marrowdene Grand cost per night?",
                           "The hotel now has 118 bedrooms, with rooms starting at £165 a night.")
    assert opposite_action("What was the lowest day-ahead gas price in the second quarter of 2023?",
                           "Wholesale gas prices averaged 68 pence per therm in the second quarter of 2023.")
    assert opposite_action("how much has Desmond Halloway-Cray actually repaid to the animal rescue?",
                           "He has also been ordered to repay £71,500 within six months.")
    assert not opposite_action("how much was Desmond Halloway-Cray ordered to repay?",
                               "He has also been ordered to repay £71,500 within six months.")


def test_a_numbered_part_is_not_another_number_of_it():
    assert other_label("veralistat phase ii trial number of hospitals",
                       "The phase III trial of Veralistat, involving 1,140 patients at 19 hospitals, found ...")
    assert not other_label("veralistat phase ii trial hospitals", "A phase II trial ran at 12 hospitals.")
    assert not other_label("brainwave royale series 5 audience", "The quiz drew 3.4 million viewers.")


def test_a_name_ending_in_a_single_letter_is_no_person():
    assert not person_like("Band D") and not person_like("Plan B")
    assert person_like("Edwina Stallbrook")


def test_a_figure_raised_to_is_the_new_level_not_the_original():
    question = "What was the original budget for the Rallick Channel dredging project before it was raised?"
    sentence = "The project has been postponed to 2027 and its budget raised to £148 million."
    assert new_level(question, sentence, sentence.index("£148"))
    assert not new_level("What is the budget now?", sentence, sentence.index("£148"))


def test_a_named_planet_is_no_person_and_a_which_noun_of_a_person_asks_for_one():
    assert not person_like("Earth") and not person_like("Moon")
    assert question_kind("Which auctioneer commented on the 2023 Darrowgate autumn lamb sale?") == "person"
    assert question_kind("ravensholm general patients waiting over a year march 2023", lexicon=True) == "number"


def test_a_deal_is_worth_its_value_and_a_grant_is_awarded():
    from rag.answer.answerability import asked_heads
    assert "worth" in set().union(*asked_heads(analyse_question("glimmerline basketball extension deal value")))
    assert "award" in set().union(*asked_heads(analyse_question("tolbridge canal restoration trust lottery grant")))


def test_a_time_in_two_units_and_a_season_of_a_year_are_read_whole():
    from rag.answer.spans import extract_short
    race = analyse_question("How long did Corvid's Wake take to complete the 2024 Skerrin Bay Round-Island Race?")
    assert extract_short(race, "Corvid's Wake completed the course in 9 hours 52 minutes, a record.") \
        == "9 hours 52 minutes"
    due = analyse_question("when are the first brackenmoor thornback deliveries now expected?")
    assert extract_short(due, "The first deliveries are now expected in spring 2025, the company said.") \
        == "spring 2025"


def test_a_rise_that_dates_a_sum_makes_no_percentage_a_sum():
    from rag.answer.answerability import pay_rise_figures
    sentence = "The authority will increase transit fees by 12 per cent from 1 May 2025."
    assert not pay_rise_figures("how much will a small tanker pay to pass through the canal after the fee rise?",
                                sentence)
    assert pay_rise_figures("how big is the pay rise?", "Drivers will get a 4.5% rise.")


def test_a_low_is_no_peak_jobs_kept_are_not_created_and_a_start_is_no_completion():
    assert opposite_action("What was the lowest day-ahead gas price in the second quarter?",
                           "The day-ahead price peaked at 83 pence on 12 May.")
    assert opposite_action("how many jobs will the norvale sonar deal create?",
                           "The managing director said the deal secured around 180 jobs at the yard.")
    assert not opposite_action("how many jobs will the deal create?", "The deal will create 180 jobs.")
    assert opposite_action("when will construction start on the River Tamsey pipeline?",
                           "A new £46 million pipeline from the River Tamsey would be built by 2026.")


def test_the_class_asked_for_is_no_name_of_the_question_and_may_be_part_of_the_answer():
    from rag.answer.spans import extract_short
    from rag.retrieval.analysis import keyword_names
    texts = ["Chief executive Saffron Delacourt-Bligh said the chain had secured a £35 million credit facility from "
             "Ardwell Bank.", "Marlowe & Finch has reduced the number of shops it will close."]
    assert "Bank" not in keyword_names(analyse_question("which bank gave marlowe & finch its credit facility?"), texts)
    sentence = "A record 137 boats started from Port Annick at 6am on 6 July."
    for question in ("which port did the skerrin bay race start from?", "skerrin bay round-island race start port"):
        assert extract_short(analyse_question(question), sentence) == "Port Annick"


def test_the_month_may_is_no_maybe():
    from rag.answer.attachment import tentative
    question = "so when did the Little Dunstoke skate park actually open?"
    assert not tentative(question, "Little Dunstoke's new skate park opened on Saturday 18 May, with 400 watching.")
    assert tentative(question, "The skate park may open in the summer, the council said.")


def test_the_class_counts_as_said_only_beside_another_topic_word_said():
    from rag.answer.answerability import _topic_unsaid, content_stems
    label = analyse_question("Which record label is releasing Velvet Cantilever's album Halflight Engines?")
    given = _named_class(label)
    postponed = "Velvet Cantilever have postponed their third album from October to early 2026."
    assert _topic_unsaid(content_stems("record label releasing"), postponed.lower(), postponed, given)
    houses = analyse_question("Which developer wanted to build 62 houses on Pudding Field in Wexcombe?")
    plans = "The council voted to object to plans by Grellan Homes for 62 houses on Pudding Field."
    assert not _topic_unsaid(content_stems("developer build houses"), plans.lower(), plans, _named_class(houses))
    assert question_kind("Which ward does Samira Khalid represent on the council?") != "person"


def test_a_plain_class_is_not_given_and_a_season_that_opened_is_its_premiere():
    assert not _named_class(analyse_question("which club does yeldham swim for?"))
    assert _named_class(analyse_question("Which developer wanted to build 62 houses?")) == {"develop"}
    assert not opposite_action("how many people watched the cobalt street season two premiere on the night?",
                               "The second season opened with 3.1 million viewers on Sunday night, down from the 4.3 "
                               "million who watched the first season finale.")


def test_the_verb_after_an_outcome_adverb_is_asked_and_a_date_set_is_a_plan():
    from rag.answer.attachment import done_verb, tentative
    assert done_verb("when did the tallwick hack actually start") == "start"
    assert tentative("On what date did the Ashwing lunar orbiter finally launch?",
                     "The agency has set 14 May as the launch date for Ashwing, its first lunar orbiter.")
    assert not tentative("On what date did the Ashwing lunar orbiter finally launch?",
                         "Ashwing finally lifted off on 2 June after a three-week delay.")


def test_a_sum_raised_is_not_a_sum_awarded():
    from rag.answer.answerability import asked_heads
    raised = analyse_question("How much has the Tolbridge Canal Restoration Trust raised so far towards the £42m?")
    assert "award" not in set().union(*asked_heads(raised))


def test_only_a_class_noun_after_a_name_describes_it():
    assert not _named_class(analyse_question("What rating did Rookhallow Grammar School receive at its inspection?"))
    assert not _named_class(analyse_question("What level did the River Tessock reach at the Ebbridge gauge?"))
    from rag.answer.attachment import done_verb
    assert done_verb("On what date did the Arc headset actually go on sale in Europe?") != "go"


def test_a_model_label_of_letter_and_digits_stays_with_its_name():
    from rag.retrieval.analysis import keyword_names
    text = "Zephrel has unveiled the Nimbra X2, priced at £649, with a bigger battery than last year's Nimbra X1."
    assert keyword_names(analyse_question("nimbra x1 launch price"), [text]) == ["Nimbra X1"]


def test_a_plural_noun_after_a_determiner_is_no_deed_of_a_person_asked():
    from rag.answer.answerability import Evidence, gates
    question = analyse_question("who bought activision blizzard?")
    things = ("Ubisoft may have the streaming rights to Activision Blizzard games, but game companies make more money "
              "from in-game purchases.")
    bought = "Microsoft completed its purchase of Activision Blizzard for $69bn, after a long fight with regulators."
    rows = gates(question, [Evidence(sentence=text, context="", meta="", article=text, rank=1, retrieval=1.0)
                            for text in (things, bought)])
    assert not rows[0][3] and rows[1][3]  # the head gate


def test_a_firm_a_sentence_sends_something_from_may_still_be_who_acquired_and_a_hyphened_asked_name_is_none():
    from rag.answer.spans import extract_short
    acquired = analyse_question("who acquired activision?")
    sentence = ("Four years later, Microsoft acquired Activision Blizzard, and one of the talking points from Microsoft "
                "to the European Union was that the merger strengthened the company.")
    assert extract_short(acquired, sentence) == "Microsoft"
    bought = analyse_question("who bought activision blizzard?")
    assert extract_short(bought, "When Microsoft's purchase of Activision-Blizzard-King was approved in 2023, it "
                                 "became the third-largest studio.") == "Microsoft"


def test_a_firm_leads_a_funding_round():
    from rag.answer.answerability import person_answer
    sentence = "eFarmly has raised $42m in a Series B round led by Granite Peak Ventures."
    assert person_answer("Granite Peak Ventures", sentence, "and who led it (following up on: eFarmly)?")
    assert not person_answer("Granite Peak Ventures", "Granite Peak Ventures said it was pleased.", "who led it?")
    assert not person_like("Series B")
