"""Follow-up questions: rewrite "How many died there?" with the names of the conversation before retrieval."""

from __future__ import annotations

import re

from ..text import QUESTION_WORDS

# A run of capitalised words (with inner hyphens / apostrophes): "Sumy", "Palm Sunday", "Kryvyi Rih", "NATO".
_PHRASE = re.compile(r"\b[A-Z][\w'’-]*(?:\s+(?:of\s+|de\s+|the\s+)?[A-Z][\w'’-]*)*|\b\d[\d,.]*\b")
_QUESTION_WORDS = QUESTION_WORDS | {"also", "tell", "i", "me", "please"}
_PRONOUNS = {"he", "she", "they", "him", "her", "them", "his", "hers", "their", "theirs", "it", "its", "this",
             "that", "these", "those", "there", "then", "here", "same"}
_CONTINUATIONS = ("and ", "what about ", "how about ", "and what about ", "what else", "anything else", "also ")
_BE = {"is", "are", "was", "were", "be", "been", "being"}
_CONTEXT_LABEL = "following up on"


def name_phrases(text: str) -> list[str]:
    """Return the names and numbers a question mentions, in order, without question words or duplicates."""
    phrases: list[str] = []
    for match in _PHRASE.finditer(text):
        words = match.group(0).split()
        while words and words[0].lower() in _QUESTION_WORDS:  # "How", "Did NATO" -> "NATO"
            words.pop(0)
        phrase = " ".join(words).rstrip(".,")
        if phrase and phrase.lower() not in _QUESTION_WORDS | _PRONOUNS and phrase not in phrases:
            phrases.append(phrase)
    return phrases


def _locative_there(words: list[str]) -> int | None:
    """Return the index of a "there" meaning a place (not "is there", "there were"), or None."""
    for i, word in enumerate(words):
        if word != "there":
            continue
        before = words[i - 1] if i else ""
        after = words[i + 1] if i + 1 < len(words) else ""
        if before not in _BE and after not in _BE:
            return i
    return None


def is_followup(question: str) -> bool:
    """Return True when the question leans on the conversation (pronouns, "what about", no names of its own)."""
    lower = question.strip().lower()
    words = re.findall(r"[a-z']+", lower)
    if _locative_there(words) is not None:
        return True
    if lower.startswith(_CONTINUATIONS):
        return True
    return not name_phrases(question) and (bool(_PRONOUNS & set(words)) or len(words) <= 3)


def conversation_context(previous: list[str]) -> list[str]:
    """Return the names of the most recent earlier query that has any (the query as it was searched)."""
    for query in reversed(previous):
        phrases = name_phrases(query.split(f"({_CONTEXT_LABEL}:")[0]) + _carried_context(query)
        if phrases:
            return list(dict.fromkeys(phrases))
    return []


def _carried_context(query: str) -> list[str]:
    match = re.search(rf"\({_CONTEXT_LABEL}: ([^)]*)\)", query)
    return [p.strip() for p in match.group(1).split(",") if p.strip()] if match else []


def rewrite_followup(question: str, previous: list[str]) -> str:
    """Return the question made self-contained with the conversation's names, or unchanged if it already is."""
    question = " ".join(question.split())
    if not previous or not is_followup(question):
        return question
    context = conversation_context(previous)
    if not context:
        return question
    own = name_phrases(question)
    lower = question.lower()
    if own and lower.startswith(("what about ", "how about ", "and what about ")):
        return _swap_subject(previous[-1], context, own)
    words = question.split()
    there = _locative_there([re.sub(r"[^a-z']", "", w.lower()) for w in words])
    if there is not None and len(context) == 1:
        tail = re.sub(r"^there", "", words[there], flags=re.IGNORECASE)
        words[there] = f"in {context[0]}{tail}"
        return " ".join(words)
    missing = [p for p in context if p.lower() not in lower]
    if not missing:
        return question
    body, mark = (question[:-1], "?") if question.endswith("?") else (question, "")
    return f"{body} ({_CONTEXT_LABEL}: {', '.join(missing)}){mark}"


def _swap_subject(previous: str, context: list[str], new: list[str]) -> str:
    """Return the previous query asked about the new names: "How many died in Sumy?" -> "... in Kharkiv?"."""
    base = previous.split(f" ({_CONTEXT_LABEL}:")[0]
    target = next((p for p in reversed(context) if p in base), None)
    if target is None:
        return f"{base.rstrip('?')} ({_CONTEXT_LABEL}: {', '.join(new)})?"
    head, _, tail = base.rpartition(target)
    return f"{head}{' and '.join(new)}{tail}"
