"""One sentence through the answer layer's hard checks, for the rules' unit tests."""

from datetime import date

from rag.answer.answerability import GATES, Evidence, gates
from rag.retrieval.analysis import analyse_question


def gate(name: str, question: str, sentence: str, previous: str = "", published: date = date(2024, 1, 18)) -> bool:
    """Return whether the sentence (after previous, in a report of that date) passes the named check (GATES)."""
    article = " ".join(part for part in (previous, sentence) if part)
    item = Evidence(sentence=sentence, context=f"Report {previous}", meta=f"Report Wire {published.isoformat()}",
                    article=article, rank=0, retrieval=1.0, previous=previous, published=published, following="")
    return bool(gates(analyse_question(question), [item])[0][GATES.index(name)])
