"""The shipped reader (real fine-tuned MiniLM, real weights): it reads whether a sentence holds what is asked."""

from datetime import date

from rag.answer.reader import MAX_WORDS, VETO, doubts, reader, reader_first, reader_text
from rag.answer.span_choice import pool

TITLE = "Colquhoun breaks course record at Calverdown Half Marathon"
RUN = date(2024, 5, 13)


def test_the_reader_tells_the_answering_sentence_from_its_neighbours():
    model = reader()
    assert model is not None  # the weights ship inside the package
    question = "Who won the women's race at the 2024 Calverdown Half Marathon?"
    answer, other, last_year = model.scores(question, [
        reader_text("In the women's race, Maren Colquhoun, 34, won in 1:13:18, a course record.", TITLE, RUN),
        reader_text("Around 6,200 runners started the race, which raised £310,000 for local charities, organisers "
                    "said.", TITLE, RUN),
        reader_text("Tomas Rendle, 29, won the 2023 Calverdown Half Marathon on Sunday in 1:04:52, holding off "
                    "club-mate Idris Falk by 11 seconds.", "Tomas Rendle wins 2023 Calverdown Half Marathon",
                    date(2023, 5, 15)),
    ])
    assert answer > 0.5 > max(other, last_year)
    assert answer - last_year > 0.5  # another year's men's winner does not answer


def test_doubts_reads_one_sentence_against_the_veto():
    question = "How much did the Harwick bridge repairs cost?"
    assert not doubts(question, "The repairs to Harwick bridge cost £4.2 million, the council said.",
                      "Harwick bridge reopens", date(2024, 3, 1))
    assert doubts(question, "The bridge carries about 14,000 vehicles a day.", "Harwick bridge reopens",
                  date(2024, 3, 1))
    assert 0 < VETO < 0.5


def _candidate(text: str, probability: float, passed: bool = True, title: str = TITLE, published=RUN):
    from rag.answer.extractive import Candidate
    from rag.types import Hit

    hit = Hit(text=text, score=1.0, article_id=title, title=title, source="Courier", published=published, url="",
              start=0, end=len(text))
    return Candidate(text=text, hit=hit, start=0, end=len(text), probability=probability, passed=passed)


def test_the_likeliest_sentences_are_put_in_the_readers_order():
    question = "Who won the women's race at the 2024 Calverdown Half Marathon?"
    runners = _candidate("Around 6,200 runners started the race, which raised £310,000 for local charities.", 0.95)
    last_year = _candidate("Tomas Rendle, 29, won the 2023 Calverdown Half Marathon on Sunday in 1:04:52.", 0.9,
                           title="Tomas Rendle wins 2023 Calverdown Half Marathon", published=date(2023, 5, 15))
    failing = _candidate("Maren Colquhoun won the women's race at the 2024 Calverdown Half Marathon.", 0.99,
                         passed=False)  # (a sentence failing a hard check is never brought forward)
    winner = _candidate("In the women's race, Maren Colquhoun, 34, won in 1:13:18, a course record.", 0.7)
    beyond = _candidate("Colquhoun won the women's race in 1:13:18.", 0.6)  # not among the likeliest four
    ranked = [runners, last_year, failing, winner, beyond]
    ordered = reader_first(question, ranked, pool(ranked, 0.5))
    assert ordered[0] is winner and ordered[3:] == [failing, beyond]
    assert sorted(map(id, ordered)) == sorted(map(id, ranked))  # nothing lost, nothing added
    long = "Who, " + "among all the runners of every age and club, " * 3 + "won the women's race at Calverdown?"
    assert len(long.split()) > MAX_WORDS and reader_first(long, ranked, pool(ranked, 0.5)) == ranked


def test_a_sentence_read_for_the_same_question_is_not_read_again(monkeypatch):
    model = reader()
    question = "How much did the Harwick bridge repairs cost?"
    sides = [reader_text(f"The repairs to Harwick bridge cost £{n}.{n} million, the council said.", "Harwick", RUN)
             for n in (3, 4)]
    passes = []
    original = model._logits
    monkeypatch.setattr(model, "_logits", lambda *a: passes.append(a[0].shape[0]) or original(*a))
    first = model.scores(question, sides)
    assert model.scores(question, sides[::-1]) == first[::-1] and model.scores(question, sides[1:]) == first[1:]
    assert passes == [2]  # one pass over both sentences, none after
    assert model.scores("Who repaired the Harwick bridge?", sides[:1]) and passes == [2, 1]  # another question is read
