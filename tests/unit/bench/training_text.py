"""A stand-in article for the training-query rules' tests (cloze, paraphrase): nine eligible sentences and a short
one."""

from dataclasses import dataclass


@dataclass
class Doc:
    id: str
    title: str
    body: str


def sentence(i: int) -> str:
    return f"Sentence number {i} says that the harbour committee met again and talked about the new ferry timetable."


BODY = " ".join(sentence(i) for i in range(9)) + " Short one."
