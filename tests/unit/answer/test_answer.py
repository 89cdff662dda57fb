from datetime import date

from rag.answer.answerability import FEATURES, AnswerModel
from rag.answer.extractive import REFUSAL, compose_answer, hit_sentences
from rag.answer.support import numbers_agree, quote_supports, verify_citations
from rag.types import Citation, Hit

BODY = ("Intro line of the article that is long enough. Russian strikes killed 35 people in the Sumy region on "
        "Sunday, officials said. Rutte met Zelensky during a surprise visit to the port city of Odesa. "
        "The former U.S. President was mentioned too in this piece.")


def _hit(text=BODY, start=0, article_id="a1"):
    return Hit(text=text, score=1.0, article_id=article_id, title="Sumy strike", source="Wire",
               published=date(2025, 4, 15), url="https://example.org/s", start=start, end=start + len(text))


def test_sentences_have_article_spans_and_respect_abbreviations():
    prefix = "X" * 50
    article = prefix + BODY
    sentences = hit_sentences(_hit(start=len(prefix)))
    assert [article[s.start:s.end] for s in sentences] == [s.text for s in sentences]
    assert sentences[-1].text == "The former U.S. President was mentioned too in this piece."


def _model(threshold=0.5):
    """A hand-set model for pure logic tests: names in the sentence's surroundings, the asked type, coverage."""
    weights = {"names_near": 3.0, "type_hit": 2.0, "coverage": 3.0}
    return AnswerModel({"features": list(FEATURES), "mean": [0.0] * len(FEATURES), "scale": [1.0] * len(FEATURES),
                        "weights": [weights.get(f, 0.0) for f in FEATURES], "bias": -5.0, "threshold": threshold})


def test_answer_starts_with_the_span_and_cites_the_sentence_it_uses(hash_embedder):
    answer = compose_answer("How many people did Russian strikes kill in the Sumy region?", [_hit()], hash_embedder,
                            _model(), bodies={"a1": BODY})
    assert not answer.refused
    assert answer.short == "35 people" and answer.text.startswith("35 people [1]. ")  # the count with what it counts
    assert "killed 35 people" in answer.text and answer.text.rstrip().endswith("]")
    cited = answer.citations[0]
    assert cited.n == 1 and BODY[cited.start:cited.end] == cited.quote and "[1]" in answer.text


def test_refuses_when_the_question_names_what_passages_lack(hash_embedder):
    answer = compose_answer("Who won the 2022 World Cup in Qatar?", [_hit()], hash_embedder, _model())
    assert answer.refused and answer.text.startswith(REFUSAL) and answer.citations == []
    assert "Qatar" in answer.text and answer.related  # says what is missing; closest passages as related reading


def test_refuses_below_threshold(hash_embedder):
    answer = compose_answer("How many people did Russian strikes kill in the Sumy region?", [_hit()], hash_embedder,
                            _model(threshold=0.999))
    assert answer.refused and answer.citations == []


def _citation(quote, passage=BODY, start=None):
    start = passage.find(quote) if start is None else start
    return Citation(n=1, article_id="a1", title="t", source="s", published=None, url="", quote=quote, start=start,
                    end=start + len(quote), score=1.0, passage=passage)


def test_quote_check_catches_unsupported_or_misplaced_citations():
    quote = "Russian strikes killed 35 people in the Sumy region on Sunday, officials said."
    assert quote_supports(quote, _citation(quote), BODY)
    assert not quote_supports(quote.replace("35", "45"), _citation(quote), BODY)  # sentence says more than quote
    assert not quote_supports(quote, _citation(quote.replace("35", "45")), BODY)  # quote not in the passage
    assert not quote_supports(quote, _citation(quote, start=3), BODY)  # span points elsewhere in the article


def test_verify_citations_drops_claims_left_without_support():
    good = "Rutte met Zelensky during a surprise visit to the port city of Odesa."
    kept = verify_citations([(good, [_citation(good)]), ("Rutte visited Kyiv.", [_citation(good)])], {"a1": BODY})
    assert [sentence for sentence, _ in kept] == [good]


def test_numbers_agree():
    assert numbers_agree("35 killed", "killed 35 people")
    assert not numbers_agree("45 killed", "killed 35 people")


def test_the_same_sentence_in_two_articles_gets_two_citations(hash_embedder):
    copy = _hit(text="Wire copy intro that is long enough here. " + BODY, article_id="a2")
    answer = compose_answer("How many people did Russian strikes kill in the Sumy region?", [_hit(), copy],
                            hash_embedder, _model())
    assert not answer.refused
    assert "officials said. [1][2]" in answer.text
    assert {c.article_id for c in answer.citations} == {"a1", "a2"}


def test_a_yes_no_question_is_refused_when_an_outlet_it_names_has_no_evidence(hash_embedder):
    from dataclasses import replace

    from rag.retrieval.analysis import analyse_question

    question = ("Did Wire report that Russian strikes killed 35 people in the Sumy region, while Daily Post reported "
                "that Rutte met Zelensky in the port city of Odesa?")
    analysis = analyse_question(question, ["Wire", "Daily Post"])
    post = replace(_hit(text="Rutte met Zelensky during a surprise visit to the port city of Odesa on Tuesday.",
                        article_id="a2"), source="Daily Post", title="Rutte in Odesa")
    both = compose_answer(question, [_hit(), post], hash_embedder, _model(), analysis=analysis,
                          bodies={"a1": BODY, "a2": post.text})
    assert not both.refused and both.short == "Yes" and {c.source for c in both.citations} == {"Wire", "Daily Post"}
    one = compose_answer(question, [_hit()], hash_embedder, _model(), analysis=analysis, bodies={"a1": BODY})
    assert one.refused and one.short is None and "Daily Post" in one.text  # says which outlet's part lacks evidence


def _likely(text, title):
    """A likely candidate sentence (probability 0.9) of an article with this title."""
    c = hit_sentences(_hit(text=text))[0]
    c.context, c.probability = f"{title} ", 0.9
    return c


def test_a_one_thing_yes_no_question_gets_a_verdict_only_from_a_sentence_speaking_of_it(hash_embedder):
    from rag.answer.verdict import verify_statement
    from rag.retrieval.analysis import analyse_question

    def candidate(text, title="Voltari news"):
        return _likely(text, title)

    lawsuit = analyse_question("was the Voltari X5 battery lawsuit thrown out?")
    assert verify_statement(lawsuit, [candidate("A federal judge dismissed the claim against Voltari's X5 battery.",
                                                "Judge throws out battery lawsuit against Voltari")], 0.5) == "Yes"
    # the likely sentence speaks of Voltari's phone, not of what the question asserts: no verdict
    appeal = analyse_question("did the plaintiffs win an appeal against the Voltari ruling?")
    assert verify_statement(appeal, [candidate("Voltari has unveiled the X7, its new mid-range smartphone.")],
                            0.5) is None
    trip = analyse_question("was Rutte's trip to Odesa announced in advance?")
    assert verify_statement(trip, [candidate("It was an unannounced trip to the port city of Odesa by Rutte.")],
                            0.5) == "No"
    # a question about the outcome: a sentence that only expects it gives no verdict, one that reports it does
    block = analyse_question("did the EU end up blocking the iRobot deal?")
    expected = candidate("The step does not confirm the EU will seek to block the iRobot deal.", "EU and iRobot")
    assert verify_statement(block, [expected], 0.5) is None
    blocked = candidate("The EU blocked the iRobot deal on Tuesday after a long review.", "EU and iRobot")
    assert verify_statement(block, [expected, blocked], 0.5) == "Yes"
    from rag.answer.verdict import statement_verdict
    assert statement_verdict(block, [expected, blocked], 0.5) == ("Yes", blocked)  # the confirming one is cited
    # a "Yes" is confirmed only by a sentence that meets the question's hard checks (its names): the other town's
    # drivers accepting the offer say nothing of Venncastle's
    offer = analyse_question("did the Venncastle bus drivers accept the 5% pay offer?")
    other = candidate("Saltmarrow bus drivers accepted the 5% pay offer on Monday.", "Bus drivers accept pay offer")
    other.passed = False
    assert statement_verdict(offer, [other], 0.5)[0] != "Yes"
    other.passed = True
    assert statement_verdict(offer, [other], 0.5)[0] == "Yes"
    # "arrested over the raid" is no phrasal verb: the likely sentence on the raid never speaks of arrests, and a
    # less likely one in the same report denies them
    raid = analyse_question("Has anyone been arrested over the Pennick & Daughters jewellery raid?")
    stolen = candidate("Jewellery worth £60,000 was stolen from Pennick & Daughters.", "Jewellery raid in Wexmoor")
    none = candidate("No arrests have been made.", "Pennick & Daughters jewellery raid")
    none.probability, none.passed = 0.39, True
    assert verify_statement(raid, [stolen], 0.5) is None
    assert verify_statement(raid, [stolen, none], 0.5) == "No"
    concerns = candidate("The EU says its concerns focus on the deal.", "EU and iRobot")
    concerns.context = f"EU and iRobot {expected.text}"  # the outcome word only in the sentence before
    assert verify_statement(block, [expected, concerns], 0.5) is None


def test_a_question_about_what_the_articles_say_quotes_each_articles_own_sentence():
    import numpy as np

    from rag.answer.extractive import _supporting, across_articles
    from rag.retrieval.analysis import analyse_question

    def candidate(text, article_id, probability, vector):
        c = hit_sentences(_hit(text=text, article_id=article_id))[0]
        c.probability, c.vector = probability, np.array(vector, dtype=float)
        return c

    first = candidate("Rutte backed former U.S. President Donald Trump's peace push in Odesa.", "a1", 0.9, [1, 0])
    same = candidate("Rutte also praised Donald Trump's envoy during the Odesa visit.", "a1", 0.8, [1, 0])
    other_story = candidate("Donald Trump appeared before a crowd in Detroit to attack electric cars.", "a3", 0.4,
                            [0, 1])
    other_article = candidate("Talks led by US President Donald Trump were not easy, Rutte said.", "a2", 0.3,
                              [0.9, 0.1])
    ranked = [first, same, other_story, other_article]
    plural = analyse_question("How do the articles describe Donald Trump's office?")
    assert across_articles(plural) == ["Donald Trump"]
    groups = _supporting(ranked, 0.5, 2, across=across_articles(plural))
    assert [g[0] for g in groups] == [first, other_article]  # the other article on the same story, not Detroit
    single = analyse_question("How does the article describe Donald Trump's office?")
    assert across_articles(single) == [] and [g[0] for g in _supporting(ranked, 0.5, 2)] == [first, same]


def test_what_a_question_says_was_said_is_read_from_the_clause_after_the_verb():
    from rag.answer.extractive import _said_words
    from rag.retrieval.analysis import analyse_question

    focus = analyse_question("What did Zelensky say the main focus of his meeting with Rutte was?")
    assert focus.reported == "the main focus of his meeting with Rutte was"
    assert _said_words(focus) == {"main", "focus", "meet"}
    assert analyse_question("Which systems did Zelensky say Ukraine is ready to purchase?").reported == (
        "Ukraine is ready to purchase")
    assert analyse_question("Who did he meet there?").reported == ""
    assert _said_words(analyse_question("How many people died in Sumy?")) == set()


def test_a_claim_of_a_fall_is_contradicted_by_a_sentence_reporting_only_a_rise():
    from rag.answer.verdict import opposite_direction

    claim = "did the Cnbc report on Nike's Asia Pacific unit report a decrease in sales"
    assert opposite_direction(claim, "Sales in its Asia Pacific unit came in 2% higher at $1.57 billion.")
    assert not opposite_direction(claim, "Sales in the unit fell 3% after rising in the spring.")  # both ways
    assert not opposite_direction(claim, "Sales in the unit fell 3% to $1.5 billion.")
    assert not opposite_direction("did the unit report its sales", "Sales came in 2% higher.")  # no claim of a way


def test_a_claim_is_contradicted_by_an_antonym_or_by_stating_what_it_negates():
    from rag.answer.verdict import conflicts, negated_claim, opposite_meaning

    claim = "the Sporting News article suggests the Seahawks are on a winning streak"
    assert opposite_meaning(claim, "The Eagles and Seahawks come into this game on troubling losing streaks.")
    assert not opposite_meaning(claim, "The Seahawks extended their winning streak despite losing Metcalf.")  # both
    assert not opposite_meaning(claim, "The Seahawks play the Eagles on Monday night.")
    assert negated_claim("Polygon says the post will never be updated",
                         "We're going to keep this post updated with the most recent series.")
    assert not negated_claim("Polygon says the post will never be updated", "This post will not be updated again.")
    assert conflicts("did the unit report a decrease in sales", "Sales came in 2% higher.")  # a movement too
    assert not conflicts("did the unit report a decrease in sales", "Sales fell 3% to $1.5 billion.")


def test_a_question_about_a_relation_between_reports_is_answered_by_whether_their_evidence_conflicts():
    from rag.answer.verdict import asks_relation, decide_yes_no
    from rag.retrieval.analysis import analyse_question

    assert asks_relation("Was there inconsistency in the portrayal of Google between the two reports?") == "conflict"
    assert asks_relation("Did the Wire report contradict the Daily Post one?") == "conflict"
    assert asks_relation("Did the Wire coverage remain consistent after the Daily Post report?") == "agreement"
    assert asks_relation("Was the coverage consistent or inconsistent?") == "agreement"  # the first word asks
    # a noun naming the story is not what is asked
    assert asks_relation("Did Wire say he was unaware of the financial discrepancies at FTX?") is None
    assert asks_relation("Did Wire report the Sumy strike before Daily Post?") is None

    calm, rise, fall = "Sales of the unit rose 2% in the quarter.", "Sales rose 2%.", "Sales fell 3% in the quarter."
    ranked = [_Candidate(calm, 0.9)]

    def verdict(question, sentences):
        return decide_yes_no(analyse_question(question), ranked, [0.9] * len(sentences), 0.5,
                             [(f"part {i}", s) for i, s in enumerate(sentences)])

    inconsistent = "Was there inconsistency between the Wire and Daily Post reports on the unit's sales?"
    assert verdict(inconsistent, [calm, rise]) == "No"  # found on the same story, not seen to conflict
    assert verdict(inconsistent, [calm, fall]) == "Yes"  # one says rose, the other fell
    consistent = "Did the Daily Post coverage of the unit's sales remain consistent with the Wire report?"
    assert verdict(consistent, [calm, rise]) == "Yes"
    assert verdict(consistent, [calm, fall]) == "No"

    # "was there no change?" is answered as the opposite of "was there a change?", whatever the evidence says
    for sentences in ([calm, rise], [calm, fall]):
        changed = verdict("Between the Wire and Daily Post reports, was there a change in the unit's sales?", sentences)
        assert verdict("Between the Wire and Daily Post reports, was there no change in the unit's sales?",
                       sentences) == ("No" if changed == "Yes" else "Yes")
        assert verdict("Did the Daily Post coverage of the unit's sales remain unchanged after the Wire report?",
                       sentences) == ("No" if changed == "Yes" else "Yes")
    assert asks_relation("Did the Daily Post coverage remain the same after the Wire report?") is None


def test_the_best_sentence_denies_a_one_part_claim_but_not_one_of_several_parts():
    from rag.answer.verdict import decide_yes_no
    from rag.retrieval.analysis import analyse_question

    injured = "Henry did not return to the game after a head injury."
    ranked = [_Candidate(injured, 0.9)]
    one = "Did the Wire report that Henry returned to the game after a head injury?"
    assert decide_yes_no(analyse_question(one), ranked, [0.9], 0.5, [(one, injured)]) == "No"
    # two outlets' parts: the sentence that answers the first part says nothing against the second
    parts = [("Did the Wire report that Henry left the game with a head injury", injured),
             ("the Daily Post reported that Murphy returned to play", "Murphy returned to play in the second half.")]
    both = f"{parts[0][0]}, while {parts[1][0]}?"
    assert decide_yes_no(analyse_question(both), ranked, [0.9, 0.9], 0.5, parts) == "Yes"


class _Candidate:
    def __init__(self, text, probability):
        self.text, self.probability = text, probability


def test_a_heading_line_is_no_answer_sentence():
    from rag.answer.extractive import candidate_sentences, is_candidate

    passage = ("Timeline of Sam Altman’s firing from OpenAI\n\nSam Altman was fired as CEO of OpenAI by its board on "
               "Friday. “These discussions are not easy,” Rutte said in Odesa on Tuesday")
    assert candidate_sentences(passage) == [  # the heading goes; a sentence the passage cuts short stays
        "Sam Altman was fired as CEO of OpenAI by its board on Friday.",
        "“These discussions are not easy,” Rutte said in Odesa on Tuesday"]
    assert not is_candidate("Rutte in Odesa.")  # too short to answer anything


def test_whether_one_outlets_report_came_before_anothers_is_read_from_their_dates():
    from dataclasses import replace

    from rag.answer.verdict import date_order
    from rag.retrieval.analysis import analyse_question

    def evidence(source, day):
        return (None, hit_sentences(replace(_hit(), source=source, published=date(2023, 11, day)))[0])

    known = ["Wire", "Daily Post"]
    wire_first = [evidence("Wire", 2), evidence("Daily Post", 9)]
    asked = analyse_question("Was the Sumy strike reported by Wire before Daily Post covered it?", known)
    assert date_order(asked, wire_first) == "Yes"
    assert date_order(asked, list(reversed([evidence("Daily Post", 2), evidence("Wire", 9)]))) == "No"
    opening = analyse_question("Before Daily Post reported the visit, did Wire report the Sumy strike?", known)
    assert date_order(opening, [evidence("Daily Post", 9), evidence("Wire", 2)]) == "Yes"
    failed = analyse_question("Did Wire fail to report the Sumy strike before Daily Post covered the visit?", known)
    assert date_order(failed, wire_first) == "No"  # Wire did report it first
    assert date_order(failed, [evidence("Wire", 9), evidence("Daily Post", 2)]) == "Yes"
    for not_an_order in ("Did Wire report that he returned after a minor injury, while Daily Post said he left?",
                         "After Wire reported the strike, did Daily Post remain consistent about the toll?",
                         "Did Wire report the strike after November 1, 2023, and Daily Post the visit?"):
        assert date_order(analyse_question(not_an_order, known), wire_first) is None, not_an_order
    assert date_order(asked, [evidence("Wire", 2), evidence("Daily Post", 2)]) is None  # the same day: no order
    undated = [evidence("Wire", 2), (None, hit_sentences(replace(_hit(), source="Daily Post", published=None))[0])]
    assert date_order(asked, undated) == ""  # an order asked of a report without a date: the articles cannot say


def test_a_when_question_prefers_a_likely_sentences_day_to_this_year(hash_embedder):
    body = ("Skylark Air flights to Split and Porto will start this year from Calderport Airport, the airline said. "
            "Those to Split begin on 6 May and Porto follows in November.")
    hit = Hit(text=body, score=1.0, article_id="s1", title="Skylark Air adds routes", source="Wire",
              published=date(2025, 2, 1), url="", start=0, end=len(body))
    answer = compose_answer("When do Skylark Air flights to Split start?", [hit], hash_embedder, _model(0.3),
                            bodies={"s1": body})
    assert answer.short == "6 May"


def test_no_one_hurt_answers_was_anyone_injured(hash_embedder):
    from rag.answer.extractive import is_candidate
    from rag.answer.verdict import nobody, verify_statement
    from rag.retrieval.analysis import analyse_question

    assert is_candidate("No one was injured.") and not is_candidate("Photo by Getty.")
    assert nobody("was anyone hurt when the stall collapsed?", "No one was injured when a stall collapsed.")
    assert not nobody("was anyone arrested?", "No one was injured.")
    fire = analyse_question("was anyone injured in the sallow heath fire?")
    c = hit_sentences(_hit(text="No one was injured."))[0]
    c.context, c.probability, c.passed = "Wildfire on Sallow Heath: fire crews tackle blaze ", 0.6, True
    assert verify_statement(fire, [c], 0.5) == "No"


def test_an_opposite_outcome_answers_no_and_a_due_date_is_no_withheld_figure(hash_embedder):
    from rag.answer.attachment import contrary
    from rag.answer.verdict import verify_statement
    from rag.retrieval.analysis import analyse_question

    question = "Was Tobin Vaskell convicted of money laundering?"
    assert contrary(question, "The nephew was cleared of one count of money laundering.")
    assert not contrary(question, "Tobin Vaskell was convicted of money laundering.")
    assert contrary(question, "Tobin Vaskell was found not guilty of money laundering.")
    assert not contrary(question, "It was clearly a case of money laundering.")
    cleared = hit_sentences(_hit(text="The nephew was cleared of one count of money laundering."))[0]
    cleared.context, cleared.probability, cleared.passed = "Vaskell trial ", 0.9, True
    other = hit_sentences(_hit(text="Jurors took five hours to convict Orwen Vaskell of fraud."))[0]
    other.context, other.probability, other.passed = "Vaskell trial ", 0.8, False  # names another Vaskell
    assert verify_statement(analyse_question(question), [cleared, other], 0.5) == "No"


def test_a_who_question_whose_sentences_name_no_one_new_is_refused(hash_embedder):
    text = ("Intro line of the article on the grant fraud inquiry. Mr Vaskell, who sat on the council for 14 years, "
            "told the Ledger he would fight to clear his name.")
    answer = compose_answer("who was the man arrested in the Vaskell fraud inquiry?", [_hit(text=text)],
                            hash_embedder, _model())
    assert answer.refused and answer.short is None
    named = compose_answer("who was arrested in the grant fraud inquiry?", [_hit(text=text.replace(
        "Mr Vaskell, who sat", "Police arrested Tobin Vaskell, who sat"))], hash_embedder, _model())
    assert not named.refused and named.short == "Tobin Vaskell"


def test_a_yes_needs_most_of_what_the_question_asserts(hash_embedder):
    from rag.answer.verdict import verify_statement
    from rag.retrieval.analysis import analyse_question

    def candidate(text):
        c = hit_sentences(_hit(text=text))[0]
        c.context, c.probability, c.passed = "Rovers sign striker ", 0.9, True
        return c

    debut = analyse_question("Did Callum Rebbeck score on his Ashgrove Rovers debut?")
    assert verify_statement(debut, [candidate("The 23-year-old, who has scored 17 goals in 26 games this season, "
                                              "joins on Friday.")], 0.5) is None
    assert verify_statement(debut, [candidate("Callum Rebbeck scored twice on his Ashgrove Rovers debut.")],
                            0.5) == "Yes"
    free = analyse_question("is the Brackenholt museum still free to get in?")
    assert verify_statement(free, [candidate("Entry to the Brackenholt museum remains free.")], 0.5) == "Yes"


def test_a_yes_needs_the_year_and_edition_the_question_names(hash_embedder):
    from rag.answer.verdict import verify_statement
    from rag.retrieval.analysis import analyse_question

    def candidate(text, title="Lannick Open"):
        return _likely(text, title)

    won = analyse_question("Did Dagny Holmqvist-Beare win the Lannick Open in 2024?")
    assert verify_statement(won, [candidate("Dagny Holmqvist-Beare won the Lannick Open in 2023.")], 0.5) is None
    assert verify_statement(won, [candidate("Dagny Holmqvist-Beare won the Lannick Open in 2024.")], 0.5) == "Yes"
    third = analyse_question("Was The Salt Orchard still number one in North America in its third weekend?")
    second = candidate("The Salt Orchard stayed at number one in North America for a second weekend.", "Box office")
    assert verify_statement(third, [second], 0.5) is None
