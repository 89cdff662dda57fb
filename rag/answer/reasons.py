"""The reason a sentence gives for what a "why" question asks about ("why was the launch pushed back?" / "postponed
... after engineers found a faulty valve in the rocket's second stage": "engineers found a faulty valve ...")."""

from __future__ import annotations

import re

from ..retrieval.analysis import find_names
from .answerability import content_stems

# A question asking for a cause: "why ...?", "what caused / pushed / led to ...?", "halvercrest outage cause",
# "reason for the delay"
REASON_ASKED = re.compile(r"^\W*(?:(?:so|and|but|ok|okay)\W+)?why\b|\b(?:cause|caused|causes|reason|reasons|"
                          r"what (?:pushed|drove|led to|prompted|triggered|forced|sparked|started|behind)|"
                          r"what was behind|blamed? for)\b", re.I)

# Words that say what follows is the cause, surest first; "after" and "following" order events as often as they
# explain them ("refused after a three-hour meeting"), so they count only when no surer word is found
_BECAUSE = (r"because(?: of)?|due to|owing to|as a result of|on account of|caused by|blamed on|put down to|"
            r"(?:started|sparked|triggered) (?:accidentally |deliberately )?by|"
            r"driven by|thanks to|in response to|citing|over concerns? (?:about|over|that)|over fears? (?:about|of|that)|"
            r"on (?:the )?grounds? (?:of|that)")
_STRONG = re.compile(rf"\b(?:{_BECAUSE})\s+", re.I)
_BLAMED = re.compile(r"\bblam(?:ed|ing|es|e)\s+(?!on\b)", re.I)  # "blaming higher cocoa costs for ..."
_WEAK = re.compile(r"\b(?:after|following|amid)\s+", re.I)
# Where a cause clause ends: the sentence's end, a new clause, a quotation's attribution
_CLAUSE_END = re.compile(r"\s*(?:[;:.!?]\s|[;:.!?]$|$|,\s+(?:but|while|which|who|although|though|and said|said|"
                         r"saying|according)\b|\s+for\s+(?:its|their|his|her|the)\b(?=[^.]*$)|\s+[-–—]\s)")

_SAID_AFTER = re.compile(r",\s+[^,]{0,60}?\b(?:said|says|told [\w ]{1,30}|added|according to [^,]+)\W*$", re.I)


def reason_span(sentence: str, weak: bool = False, question: str = "") -> str | None:
    """Return the cause the sentence gives (the words after "because of", "due to", "blaming" ... up to the clause's
    end, at most 20 words), or None; weak: also after "after", "following" or "amid", unless what follows is only
    the question's own event."""
    for pattern in (_STRONG, _BLAMED) + ((_WEAK,) if weak else ()):
        for match in pattern.finditer(sentence):
            rest = sentence[match.end():]
            end = _CLAUSE_END.search(rest)
            cause = rest[:end.start() if end else len(rest)]
            if quoted := re.match(r"\s*[\"“]([^\"”]+)[\"”]", rest):  # blames "a failed update" and apologises
                cause = quoted.group(1)
            cause = _SAID_AFTER.sub("", cause).strip(" ,\"'“”‘’")  # ", the committee said"
            if pattern is _BLAMED:  # "blamed X for Y": X; "blamed X" (a quote after): X
                cause = re.split(r"\s+for\s+", cause)[0]
            if pattern is _WEAK and re.match(r"(?:a|the)?\s*(?:\w+[- ])?(?:meeting|hearing|vote|review|talks|"
                                             r"debate|delay|wait|week|weekend|month|year|day|night|morning|evening|"
                                             r"hour)s?\b", cause, re.I):
                continue  # "refused after a three-hour meeting": when, not why
            words = cause.split()
            if pattern is _WEAK and question and (content_stems(cause) <= content_stems(question) or content_stems(
                    " ".join(re.sub(r"^(?:an?|the|his|her|its|their)\s+", "", cause, flags=re.I).split()[:2]))
                    & content_stems(question) - content_stems(" ".join(find_names(question)))):
                continue  # "why was the stop dropped?" / "after a proposed stop was dropped", "what caused the fire?" /
                # "after a fire broke out", "why was Altman fired?" / "after his sudden firing": the event, not why
            if 1 <= len(words) <= 20:
                return cause
    return None
