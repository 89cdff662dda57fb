"""The support checker's vetoes and score: it must be able to say no (pure logic, deterministic fake embedder)."""

import pytest

from rag.answer.support import support_features, support_verdict

PASSAGE = ("Zelensky’s comments come after recent Russian strikes that killed 35 people in the north-eastern Sumy "
           "region and 19 in his hometown of Kryvyi Rig. Rutte met with Ukrainian leader Volodymyr Zelensky during "
           "a surprise visit to the port city of Odesa on Tuesday.")


def test_the_sentence_copied_from_the_passage_is_supported(hash_embedder):
    verdict = support_verdict("Rutte met with Ukrainian leader Volodymyr Zelensky during a surprise visit to the "
                              "port city of Odesa on Tuesday. [1]", PASSAGE, hash_embedder)
    assert verdict.supported and verdict.reasons == [] and verdict.score > 0.9
    assert "Odesa" in verdict.evidence


@pytest.mark.parametrize("sentence, reason", [
    ("Russian strikes killed 45 people in the north-eastern Sumy region.", "number(s) 45"),
    ("Rutte met Zelensky during a surprise visit to the port city of Mariupol.", "name(s) mariupol"),
    ("Rutte met Zelensky during a surprise visit to Odesa on Thursday.", "date word(s) thursday"),
    ("Russian strikes killed thirty people in the Sumy region.", "number(s) 30"),
])
def test_swapped_numbers_names_and_dates_are_vetoed(hash_embedder, sentence, reason):
    verdict = support_verdict(sentence, PASSAGE, hash_embedder)
    assert not verdict.supported and any(r.startswith(reason) for r in verdict.reasons)


def test_a_negated_claim_contradicts_the_passage(hash_embedder):
    passage = "Hoskin said that Mattel did not work directly with the Cherokee Nation on the doll."
    flipped = support_verdict("Mattel worked directly with the Cherokee Nation on the doll.", passage, hash_embedder)
    assert not flipped.supported and any("negation" in r for r in flipped.reasons)
    same = support_verdict("Mattel did not work directly with the Cherokee Nation.", passage, hash_embedder)
    assert same.supported


def test_additive_not_just_is_not_a_negation(hash_embedder):
    passage = "We're not just asking for Patriots — we are ready to purchase them, Zelensky said."
    assert support_verdict("Zelensky said Ukraine is ready to purchase Patriots.", passage.replace(
        "Zelensky said", "Zelensky of Ukraine said"), hash_embedder).supported


def test_an_unrelated_passage_does_not_support(hash_embedder):
    unrelated = "Mattel has been criticised for its new Barbie doll honouring Wilma Mankiller."
    verdict = support_verdict("Dozens of civilians were killed after the strikes.", unrelated, hash_embedder)
    assert not verdict.supported and any("weak overlap" in r for r in verdict.reasons)


def test_a_given_name_may_be_missing_but_the_surname_may_not(hash_embedder):
    passage = "Blom was able to continue after concussion checks whilst Greenwood was stretchered off."
    assert support_verdict("Alex Greenwood was stretchered off.", passage, hash_embedder).supported
    assert not support_verdict("Alex Morgan was stretchered off.", passage, hash_embedder).supported


def test_features_report_overlaps_in_unit_range(hash_embedder):
    features = support_features("Russian strikes killed 35 people in Sumy.", PASSAGE, hash_embedder)
    assert 0 < features["recall"] <= 1 and 0 <= features["bigram"] <= 1 and 0 < features["similarity"] <= 1
    assert features["vetoes"] == []


def test_empty_inputs_are_not_supported(hash_embedder):
    assert not support_verdict("", PASSAGE, hash_embedder).supported
    assert not support_verdict("Rutte visited Odesa.", "  ", hash_embedder).supported


def test_possessive_names_match_across_typographic_apostrophes(hash_embedder):
    passage = "“We’re buying into Jørn’s investment company,” he said of Meltwater."
    assert support_verdict("We're buying into Jørn's investment company, he said.", passage, hash_embedder).supported


BRIDGE = ("The Harbor City council opened the new Elm Street bridge on Tuesday. The bridge cost 48 million dollars and "
          "took three years to build. Mayor Lena Ortiz cut the ribbon in front of about 2,000 residents.")


@pytest.mark.parametrize("sentence, reason", [
    ("The Harbor City council closed the Elm Street bridge on Tuesday.", "says the opposite"),
    ("The bridge cost 48 million dollars but was later found to be unsafe and closed.", "says the opposite"),
    ("The bridge cost 48 million euros.", "currency euro"),
    ("The bridge cost €48 million.", "currency euro"),
    ("Mayor Lena Ortiz did not attend the opening of the bridge.", "denies 'attend'"),
    ("The bridge cost 3 million dollars.", "figure(s) 3 million"),  # "three" is in the passage, as years
    ("The bridge cost 2,000 million dollars.", "figure(s) 2000 million"),  # "2,000" is in it, as residents
])
def test_opposites_currencies_figures_and_denials_the_passage_never_makes_are_vetoed(hash_embedder, sentence, reason):
    verdict = support_verdict(sentence, BRIDGE, hash_embedder)
    assert not verdict.supported and any(r.startswith(reason) for r in verdict.reasons), verdict.reasons


@pytest.mark.parametrize("sentence", [
    "The bridge cost $48 million.",  # the same currency by its symbol
    "The bridge cost $48m.",  # and the same figure shortened
    "The new bridge cost 48 million dollars and opened on Tuesday.",
    "Mayor Lena Ortiz cut the ribbon in front of about 2,000 residents.",
])
def test_the_same_facts_in_other_words_pass_the_new_vetoes(hash_embedder, sentence):
    reasons = support_verdict(sentence, BRIDGE, hash_embedder).reasons
    assert not any(r.startswith(("says the opposite", "currency", "denies")) for r in reasons), reasons


def test_a_denial_the_passage_also_makes_is_no_invented_denial(hash_embedder):
    passage = "Blom could not continue after the clash and was replaced at half-time."
    reasons = support_verdict("Blom was not able to continue after the clash.", passage, hash_embedder).reasons
    assert not any(r.startswith("denies") for r in reasons)
