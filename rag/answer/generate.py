"""Generated answers: prompt a chat model with numbered passages, verify what it writes, fall back when it fails.

`generate_answer` returns a verified Answer; `stream_answer` yields the model's tokens, then each sentence as soon
as it is complete and verified, then the Answer. Any LLMError (server error, timeout, empty or malformed output)
gives the extractive answer instead, with a note saying why: never an exception to the user.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import LLMError
from ..types import Answer, Hit
from .llm import ChatModel, Message, plain
from .answerability import content_stems
from .verify import INSTRUCTION, UNANSWERED, AnswerVerifier, CheckedSentence, split_generated, without_thinking

log = logging.getLogger(__name__)

_TAGS = re.compile(r"</?\s*passages?\b[^>]*>", re.I)
_MARKER_LIKE = re.compile(r"\[(\d+)\]")


@dataclass
class StreamEvent:
    """One step of a streamed answer: a token of text, a verified sentence, or the final Answer."""

    kind: str  # "token" | "sentence" | "answer"
    text: str = ""
    sentence: CheckedSentence | None = None
    answer: Answer | None = None
    pending: str = ""  # for a sentence: the generated text after it, not yet verified


@lru_cache(maxsize=8)
def load_prompt(name: str) -> str:
    """Return the prompt template rag/answer/prompts/<name>.md."""
    return resources.files(__package__).joinpath("prompts", f"{name}.md").read_text(encoding="utf-8").strip()


def _fill(template: str, **values: str) -> str:
    # str.replace, not str.format: article text is full of braces
    for key, value in values.items():
        template = template.replace("{" + key + "}", value)
    return template


def passage_block(n: int, hit: Hit) -> str:
    """Return passage n as the model sees it: number, title, source, date, then the text as inert data."""
    when = hit.published.isoformat() if hit.published else "date unknown"
    # A passage cannot close the data block or pose as another numbered passage.
    text = _MARKER_LIKE.sub(r"(\1)", _TAGS.sub(" ", hit.text))
    title = _TAGS.sub(" ", hit.title)
    return f"[{n}] {title} ({hit.source or 'unknown source'}, {when})\n{text.strip()}"


def answer_messages(question: str, hits: list[Hit], max_sentences: int = 3) -> list[Message]:
    """Return the chat messages asking for an answer from the numbered passages, cited [n] after each sentence."""
    passages = "\n\n".join(passage_block(n, hit) for n, hit in enumerate(hits, 1))
    return [{"role": "system", "content": _fill(load_prompt("answer_system"), max_sentences=str(max_sentences))},
            {"role": "user", "content": _fill(load_prompt("answer_user"), passages=passages, question=question)}]


def condense_messages(question: str, previous: list[str]) -> list[Message]:
    """Return the chat messages asking to rewrite a follow-up as a standalone question (condense-question)."""
    history = "\n".join(f"- {q}" for q in previous[-4:])
    return [{"role": "system", "content": load_prompt("condense_system")},
            {"role": "user", "content": _fill(load_prompt("condense_user"), history=history, question=question)}]


def condense_question(model: ChatModel, question: str, previous: list[str]) -> str | None:
    """Return the follow-up rewritten as a standalone question by the model, or None when it fails or rambles."""
    try:
        reply = model.chat(condense_messages(question, previous))
    except LLMError as exc:
        log.warning("condensing the follow-up failed, keeping the rule-based rewrite: %s", exc)
        return None
    reply = without_thinking(plain(reply))
    lines = [ln.strip() for ln in reply.splitlines() if ln.strip()]
    if lines and re.match(r"(?:sure|okay|ok|certainly|here(?:'s| is))\b[^?]*:\s*$", lines[0], re.I):
        lines = lines[1:]  # "Sure! Here is the standalone question:" introduces the question on the next line
    line = lines[0] if lines else ""
    line = re.sub(r"^(standalone question|rewritten question|question)\s*:\s*", "", line, flags=re.I)
    line = line.strip(" \"'“”*")
    if not line or len(line) > max(300, 3 * len(question)):
        return None
    if not _asks(line) or INSTRUCTION.search(line) or not content_stems(line) & content_stems(
            " ".join([question, *previous])):
        log.warning("the model's rewrite of the follow-up is no question about the conversation (%r): keeping the "
                    "rule-based rewrite", line[:120])
        return None  # an answer, an instruction, junk, or another topic
    return line


def _asks(line: str) -> bool:
    """Return True when a line reads as a question: it ends with "?" or opens with a question word."""
    return line.endswith("?") or bool(re.match(r"(?:who|whom|whose|what|which|when|where|why|how|is|are|was|were|"
                                               r"do|does|did|has|have|had|can|could|will|would|should)\b", line, re.I))


def _fallback_note(model: ChatModel, exc: LLMError) -> str:
    return f"The language model ({model.name}) failed, so this is the extractive answer. {exc}"


def _verified_or_fallback(verifier: AnswerVerifier, model: ChatModel, fallback: Callable[[], Answer]) -> Answer:
    """Return the verified answer; when none of the model's sentences is kept (an answer the passages do not
    support, or "I don't know"), the extractive answer, which records the dropped sentences and says why."""
    answer = verifier.answer(model.name)
    if not answer.refused or verifier.mark or not verifier.checked:
        return answer
    unanswered = all(c.reason == UNANSWERED for c in verifier.checked)
    why = ("found no answer in the passages" if unanswered else
           f"wrote {len(verifier.checked)} sentence(s) that the passages do not support")
    extractive = fallback()
    extractive.dropped = answer.dropped + extractive.dropped
    extractive.note = " ".join(filter(None, [extractive.note, f"The language model ({model.name}) {why}, so this is "
                                                             "the extractive answer."]))
    return extractive


def generate_answer(question: str, hits: list[Hit], model: ChatModel, embedder, fallback: Callable[[], Answer], *,
                    unsupported: str = "drop", max_sentences: int = 3) -> Answer:
    """Return the model's answer with every sentence verified, or fallback() with a note if the model fails."""
    started = time.perf_counter()
    try:
        text = model.chat(answer_messages(question, hits, max_sentences))
    except LLMError as exc:
        log.warning("%s", exc)
        answer = fallback()
        answer.note = " ".join(filter(None, [answer.note, _fallback_note(model, exc)]))
        return answer
    generated = time.perf_counter()
    verifier = AnswerVerifier(question, hits, embedder, unsupported)
    for sentence in split_generated(without_thinking(plain(text)))[0]:
        verifier.check(sentence)
    answer = _verified_or_fallback(verifier, model, fallback)
    answer.timings = {"generate_ms": (generated - started) * 1e3,
                      "verify_ms": (time.perf_counter() - generated) * 1e3} | _token_timings(model, generated - started)
    return answer


def _token_timings(model: ChatModel, seconds: float, pieces: int = 0) -> dict[str, float]:
    """Return tokens generated and tokens/s for the last request (from the backend's report, else streamed pieces)."""
    reported = getattr(model, "last_timings", None) or {}
    tokens = float(reported.get("predicted_n") or pieces)
    if not tokens:
        return {}
    rate = reported.get("predicted_per_second") or tokens / max(seconds, 1e-9)
    return {"tokens": tokens, "tokens_per_s": float(rate)}


def stream_answer(question: str, hits: list[Hit], model: ChatModel, embedder, fallback: Callable[[], Answer], *,
                  unsupported: str = "drop", max_sentences: int = 3) -> Iterator[StreamEvent]:
    """Yield the model's tokens, each sentence once complete and verified, and lastly the Answer (or the fallback)."""
    started = time.perf_counter()
    verifier = AnswerVerifier(question, hits, embedder, unsupported)
    buffer, tokens = "", 0
    try:
        for piece in model.stream(answer_messages(question, hits, max_sentences)):
            tokens += 1
            piece = plain(piece)
            buffer += piece
            yield StreamEvent("token", text=piece)
            if re.search(r"<think", buffer, re.I) and not re.search(r"</think", buffer, re.I):
                continue  # a reasoning model's thoughts: nothing to verify until they close
            buffer = without_thinking(buffer)
            complete, buffer = split_generated(buffer, final=False)
            for sentence in complete:
                if (checked := verifier.check(sentence)) is not None:
                    yield StreamEvent("sentence", text=checked.display, sentence=checked, pending=buffer)
    except LLMError as exc:
        log.warning("%s", exc)
        answer = fallback()
        answer.note = " ".join(filter(None, [answer.note, _fallback_note(model, exc)]))
        yield StreamEvent("answer", answer=answer)
        return
    for sentence in split_generated(without_thinking(buffer))[0]:
        if (checked := verifier.check(sentence)) is not None:
            yield StreamEvent("sentence", text=checked.display, sentence=checked)
    answer = _verified_or_fallback(verifier, model, fallback)
    seconds = time.perf_counter() - started
    answer.timings = {"generate_ms": seconds * 1e3} | _token_timings(model, seconds, tokens)
    yield StreamEvent("answer", answer=answer)
