"""Follow-up questions: rewrite "How many died there?" with the names of the conversation before retrieval."""

from __future__ import annotations

import re

from ..text import QUESTION_WORDS, STOPWORDS
from .analysis import CONTEXT_LABEL, find_names

_NUMBER = re.compile(r"\b\d[\d,.]*\b")
_QUESTION_WORDS = QUESTION_WORDS | {"also", "tell", "i", "me", "please"}
PRONOUNS = {"he", "she", "they", "him", "her", "them", "his", "hers", "their", "theirs", "it", "its", "this",
             "that", "these", "those", "there", "then", "here", "same"}
_CONTINUATIONS = ("and ", "what about ", "how about ", "and what about ", "what else", "anything else", "also ")
_BE = {"is", "are", "was", "were", "be", "been", "being"}
ANSWER_LABEL = "answered"  # a turn's answer, when it named a person: "Who is the interim CEO? (answered: Mira Murati)"
_ANSWERED = re.compile(rf"\s*\({ANSWER_LABEL}: ([^)]*)\)\s*$")
_PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}


# A title written in capitals names no one ("who was its CEO?" names nothing of its own: it is a follow-up)
_TITLES = {"ceo", "cfo", "cto", "coo", "cmo", "cio", "md", "vp", "chair", "chairman", "chairwoman", "president",
           "chief executive", "prime minister"}


def name_phrases(text: str, ordinary: frozenset[str] = frozenset()) -> list[str]:
    """Return the names and numbers a question mentions, in order, without question words or duplicates.

    Names come from the shared question analysis, so lowercase-initial names (iRobot, eBay) and multi-word names
    (Manchester United) survive; with ordinary (the words news writes in lower case), so do names typed in lower case
    ("amazon", "irobot").
    """
    phrases = [n for n in find_names(text) if n.lower() not in _QUESTION_WORDS | PRONOUNS | _TITLES]
    if ordinary:
        taken = {w.lower() for n in phrases for w in n.split()}
        phrases += list(dict.fromkeys(w for w in lower_names(text, ordinary) if w not in taken))
    for number in _NUMBER.findall(text):
        if number not in phrases:
            phrases.append(number)
    return phrases


def lower_names(text: str, ordinary: frozenset[str]) -> list[str]:
    """Return the lower-case words of the text that are no ordinary word (ordinary: the forms news writes in lower
    case), stop, question word or pronoun: names typed in lower case ("lagos", "sbf"). A word with an apostrophe is
    left out ("what's", "didn't")."""
    return [w for w in re.findall(r"(?<![\w'’])[a-z][a-z-]*[a-z](?![\w'’])", text)
            if (len(w) >= 3 or w in _SHORT_NAMES) and w not in ordinary and w not in STOPWORDS
            and w not in _QUESTION_WORDS and w not in PRONOUNS and w not in _TITLES]


_SHORT_NAMES = {"uk", "eu", "un"}  # two-letter names typed in lower case ("what is the uk inflation rate?")


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


def is_followup(question: str, ordinary: frozenset[str] = frozenset()) -> bool:
    """Return True when the question leans on the conversation (pronouns, "what about", no names of its own).
    ordinary: the words news writes in lower case; a lower-case word that is none of them is a name typed in lower
    case ("what is the population of lagos?", "when did the sbf trial start?"), so the question names its own topic."""
    lower = question.strip().lower()
    words = re.findall(r"[a-z']+", lower)
    if _locative_there(words) is not None:
        return True
    if lower.startswith(_CONTINUATIONS):
        return True
    if _self_contained_keywords(lower, words):
        return False
    # In a conversation, a question that names nothing ("who scored the winner?", "what did the company say?")
    # is about what was named before; a lower-case name counts only in a question with no pronoun
    return not name_phrases(question, frozenset() if set(words) & PRONOUNS else ordinary)


def elliptical(question: str) -> bool:
    """Return True for a follow-up that cannot stand alone: it goes on from the last question ("and in the third
    quarter?", "what about Kharkiv?"), refers back ("how many died there?") or says too little of its own (fewer than
    three content words)."""
    lower = question.strip().lower()
    words = re.findall(r"[a-z']+", lower)
    content = [w for w in words if w not in STOPWORDS and w not in _QUESTION_WORDS and w not in PRONOUNS]
    return lower.startswith(_CONTINUATIONS) or bool(set(words) & PRONOUNS) or len(content) < 3


def _self_contained_keywords(lower: str, words: list[str]) -> bool:
    """Return True for a search-box query of three or more content words and no pronoun ("onana transfer fee"): it
    names its own topic, even in lower case, so it is not read as a follow-up ("death toll" alone still is)."""
    if lower.endswith("?") or not words or words[0] in _QUESTION_WORDS or len(words) > 6:
        return False
    content = [w for w in words if w not in STOPWORDS and w not in PRONOUNS]
    return len(content) >= 3 and not set(words) & PRONOUNS


def conversation_context(previous: list[str], ordinary: frozenset[str] = frozenset()) -> list[str]:
    """Return the names of the most recent earlier query that has any (the query as it was searched)."""
    for query in reversed(previous):
        phrases = name_phrases(query.split(f"({CONTEXT_LABEL}:")[0], ordinary) + _carried_context(query)
        if phrases:
            return list(dict.fromkeys(phrases))
    return []


def _carried_context(query: str) -> list[str]:
    match = re.search(rf"\({CONTEXT_LABEL}: ([^)]*)\)", query)
    return [p.strip() for p in match.group(1).split(",") if p.strip()] if match else []


def with_answer(query: str, person: str | None) -> str:
    """Return a turn's query as the follow-ups after it read it: with the person its answer named, if any."""
    return f"{query} ({ANSWER_LABEL}: {person})" if person else query


def last_answered_person(previous: list[str]) -> str | None:
    """Return the person the last turn's answer named (see `with_answer`), or None."""
    match = _ANSWERED.search(previous[-1]) if previous else None
    return match.group(1).strip() if match else None


def rewrite_followup(question: str, previous: list[str], ordinary: frozenset[str] = frozenset()) -> str:
    """Return the question made self-contained with the conversation's names, or unchanged if it already is.
    "and who replaced her?" after "Who was named interim CEO of OpenAI?" (answered: Mira Murati) is about her: a
    person pronoun refers to the person the last answer named, before the names the last question had. ordinary: see
    `is_followup`."""
    question = " ".join(question.split())
    person = last_answered_person(previous)
    earlier = {last_answered_person([p]) for p in previous[:-1]}  # the people earlier turns answered
    previous = [_ANSWERED.sub("", p) for p in previous]
    if not previous or not is_followup(question, ordinary):
        return question
    context = conversation_context(previous, ordinary)
    if person and set(re.findall(r"[a-z]+", question.lower())) & _PERSON_PRONOUNS:
        context = [person] + [c for c in context if c != person and c not in earlier]
    if not context:
        return question
    own = name_phrases(question, ordinary)
    lower = question.lower()
    if own and (lower.startswith(("what about ", "how about ", "and what about ")) or _only_names(question, own)):
        return _swap_subject(previous[-1], context, own)
    words = question.split()
    there = _locative_there([re.sub(r"[^a-z']", "", w.lower()) for w in words])
    places = [p for p in context if re.search(rf"\b(?:in|at|to|from|near)\s+(?:the\s+)?{re.escape(p)}", previous[-1])]
    if there is not None and len(places) == 1:
        tail = re.sub(r"^there", "", words[there], flags=re.IGNORECASE)
        words[there] = f"in {places[0]}{tail}"
        question, lower = " ".join(words), " ".join(words).lower()
    missing = [p for p in context if p.lower() not in lower]
    if not missing:
        return question
    body, mark = (question[:-1], "?") if question.endswith("?") else (question, "")
    return f"{body} ({CONTEXT_LABEL}: {', '.join(missing)}){mark}"


def _only_names(question: str, names: list[str]) -> bool:
    """Return True for an elliptical follow-up that is only names with glue words: "and in 2024?", "and for Kyiv?"."""
    rest = question.lower()
    for name in names:
        rest = rest.replace(name.lower(), " ")
    return not [w for w in re.findall(r"[a-z']+", rest) if w not in {"and", "or", "in", "for", "at", "the", "of", "on",
                                                                  "about", "what", "how", "then", "so", "also"}]


def _swap_subject(previous: str, context: list[str], new: list[str]) -> str:
    """Return the previous query asked about the new names: "How many died in Sumy?" -> "... in Kharkiv?"."""
    base = previous.split(f" ({CONTEXT_LABEL}:")[0]
    target = next((p for p in reversed(context) if p in base), None)
    if target is None:  # the names were carried along: keep them, and add the new ones
        return f"{base.rstrip('?')} ({CONTEXT_LABEL}: {', '.join(new + [c for c in context if c not in new])})?"
    head, _, tail = base.rpartition(target)
    swapped = f"{head}{' and '.join(new)}{tail}"
    kept = [c for c in context if c != target and c not in swapped]
    same_form = all(n.isdigit() for n in new) and target.isdigit()  # "and in 2024?" replaces the year, nothing else
    if len(context) > 1 and not same_form:  # which name "what about X" replaces is a guess: keep the replaced one as context too
        kept.append(target)
    return f"{swapped.rstrip('?')} ({CONTEXT_LABEL}: {', '.join(kept)})?" if kept else swapped
