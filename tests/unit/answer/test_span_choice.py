"""The learned span choice (rag/answer/span_choice.py) with the shipped model, on sentences written for these tests."""

import numpy as np

from rag.answer.extractive import rule_answer
from rag.answer.span_choice import SPAN_FEATURES, SpanModel, choose, option_features, options, span_model
from rag.retrieval.analysis import analyse_question


def test_the_model_takes_the_date_a_sentence_gives_over_the_rules_bare_weekday(scored_sentences):
    ranked = scored_sentences("A new launch window opens on Saturday 8 March. Winds forced Keld Launch Systems to stand "
                              "down its attempt on Tuesday 4 March.", [0.97, 0.93])
    analysis = analyse_question("When's the next launch window after the scrub?")
    # the rules give the bare weekday, dated as the report's own Saturday
    assert rule_answer(analysis, ranked, [ranked[0].hit.text], 0.5)[0].startswith("Saturday (")
    short, cited = choose(analysis, ranked, [ranked[0].hit.text], 0.5, span_model())
    assert short == "Saturday 8 March" and cited is ranked[0]


def test_no_model_or_no_name_the_rules_admit_leaves_the_choice_to_the_rules(scored_sentences):
    ranked = scored_sentences("Police said the man arrested in Tollbury had been released on bail.", [0.9])
    who = analyse_question("Who was the man arrested in Tollbury?")
    assert choose(who, ranked, [ranked[0].hit.text], 0.5, span_model()) is None  # Tollbury is asked about
    many = analyse_question("How many people were arrested in Tollbury?")
    assert choose(many, ranked, [ranked[0].hit.text], 0.5, None) is None


def test_features_match_the_model_and_the_rule_flag_marks_the_rules_span(scored_sentences):
    ranked = scored_sentences("Organisers said 18,640 runners finished the race, up from 16,900 last year.", [0.95])
    analysis = analyse_question("how many runners finished the race?")
    found = options(analysis, ranked, [ranked[0].hit.text])
    matrix = option_features(analysis, found, ranked)
    assert matrix.shape == (len(found), len(SPAN_FEATURES)) and np.isfinite(matrix).all()
    assert [o.text for o in found if o.rule] == ["18,640 runners"]
    flat = SpanModel({"features": list(SPAN_FEATURES), "mean": [0.0] * len(SPAN_FEATURES),
                      "scale": [1.0] * len(SPAN_FEATURES), "bias": 0.0,
                      "weights": [1.0 if f == "rule" else 0.0 for f in SPAN_FEATURES]})
    assert choose(analysis, ranked, [ranked[0].hit.text], 0.5, flat)[0] == "18,640 runners"


def test_the_fit_learns_which_option_holds_the_answer_and_scores_by_question():
    from rag.bench.train_spans import fit, score

    rng = np.random.default_rng(0)
    records = []
    for _ in range(40):  # two options per question; the answer is the one whose "votes" feature is higher
        x = rng.random((2, len(SPAN_FEATURES)))
        good = int(x[1, SPAN_FEATURES.index("votes")] > x[0, SPAN_FEATURES.index("votes")])
        records.append({"x": x.tolist(), "y": [i == good for i in range(2)], "rule": bool(good == 0)})
    spec = fit(records[:30])
    assert spec["weights"][SPAN_FEATURES.index("votes")] > 0
    result = score(spec, records[30:])
    assert result["questions"] == 10 and result["model"] >= 0.8 and result["any_span_right"] == 1.0


def test_an_organisation_or_place_that_holds_the_asked_name_is_no_option(scored_sentences):
    ranked = scored_sentences("The summit was hosted by Prime Minister Rishi Sunak and opened by the Senate.", [0.9])
    found = [o.text for o in options(analyse_question("What party does Rishi Sunak lead?"), ranked, [])]
    assert "Senate" in found and not any("Sunak" in text for text in found)
