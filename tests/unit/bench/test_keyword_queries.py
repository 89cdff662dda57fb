"""The known-item keyword query rule: a distinctive proper name from the title plus the lead's topic word."""

from collections import Counter
from dataclasses import dataclass

from rag.bench.keyword_queries import (article_frequency, generate, is_training_article, make_query, pick_name,
                                       pick_topic)


@dataclass
class Doc:
    id: str
    title: str
    body: str


ONANA = Doc("a1", "Ten Hag defends Onana after Bayern defeat",
            "Andre Onana cost Manchester United a transfer fee of £47.2m. The goalkeeper made errors against Bayern. "
            "Ten Hag said the goalkeeper would improve, and the transfer fee was not a burden.")
OTHERS = [Doc("a2", "Bayern win again", "Bayern beat Dortmund. Bayern were strong."),
          Doc("a3", "Ten Hag under pressure at United", "Ten Hag is under pressure. United lost."),
          Doc("a4", "Defeat for Bayern", "Bayern suffered a defeat. Onana was not there.")]


def test_the_name_is_the_rarest_proper_name_of_the_title():
    frequency = article_frequency(f"{d.title}\n{d.body}" for d in [ONANA] + OTHERS)
    # "Ten", "Hag" and "Onana" are in 2 articles each, "Bayern" in 3; ties go to the earlier word, and its name
    # neighbour is kept
    assert frequency["onana"] == 2 and frequency["bayern"] == 3 and frequency["hag"] == 2
    assert pick_name(ONANA.title, ONANA.body, frequency) == "Ten Hag"
    assert pick_name(ONANA.title, ONANA.body, frequency, rank=2) == "Onana"


def test_a_capitalised_title_word_written_in_lower_case_in_the_body_is_not_a_name():
    body = "The defence was leaky again. Arsenal scored twice against the leaky side."
    frequency = Counter({"leaky": 1, "arsenal": 5, "defence": 9})
    assert pick_name("Leaky Defence Costs Arsenal", body, frequency) == "Arsenal"
    assert pick_name("Leaky defence costs", body, frequency) is None


def test_the_topic_is_the_most_frequent_lower_case_content_word_seen_twice():
    # a title word counts three times: "defends" and "defeat" (3 each, in title order) beat the lead's
    # "transfer" and "goalkeeper" (2 each); "after" is a stopword
    assert pick_topic(ONANA.title, ONANA.body, "Ten Hag") == "defends"
    assert pick_topic(ONANA.title, ONANA.body, "Ten Hag", rank=1) == "defeat"
    assert pick_topic("Onana", ONANA.body, "Onana") == "transfer"  # seen twice in the lead, before "goalkeeper"
    assert pick_topic("Bayern", "Bayern won.", "Bayern") is None  # nothing seen twice


def test_make_query_variants():
    frequency = article_frequency(f"{d.title}\n{d.body}" for d in [ONANA] + OTHERS)
    assert make_query(ONANA.title, ONANA.body, frequency, "a") == "Ten Hag defends"
    # variant "b": the rarest name of the lead that the title lacks ("Andre", in 1 article; "United" is in 2)
    assert make_query(ONANA.title, ONANA.body, frequency, "b") == "defeat Andre"


def test_generate_splits_articles_disjointly_and_keeps_held_out_titles_for_evaluation():
    docs = [Doc(f"x{i}", f"Zorblax{i} Corp results", f"Zorblax{i} Corp reported profits, chief Ada Quint{i} "
                f"said. The profits rose and profits will grow.") for i in range(30)]
    docs.append(Doc("dup1", "Same title", "Quux said hello. hello hello."))
    docs.append(Doc("dup2", "Same title", "Quux said hello. hello hello."))
    train_title = next(d.title for d in docs if is_training_article(d.title))
    sets = generate(docs, held_out_titles={train_title})
    train_ids = {q.article_id for q in sets["train"]}
    eval_ids = {q.article_id for q in sets["eval"]}
    assert train_ids and eval_ids and not train_ids & eval_ids
    assert {q.title for q in sets["eval"]} >= {train_title}
    assert not {"dup1", "dup2"} & (train_ids | eval_ids)  # a duplicated title has two right answers: skipped
    assert all(q.query == f"Zorblax{q.article_id[1:]} Corp results" for q in sets["eval"])
    assert {q.variant for q in sets["train"]} == {"a", "b"} and {q.variant for q in sets["eval"]} == {"a"}
    assert all(q.query == f"profits Ada Quint{q.article_id[1:]}" for q in sets["train"] if q.variant == "b")
    assert generate(docs, {train_title}) == sets  # deterministic
