"""Yes / no for verification and comparison questions, from how well each part of the question is supported."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import combinations

from ..retrieval.analysis import QuestionAnalysis
from ..retrieval.question import find_sources
from .answerability import content_stems
from .attachment import contrary, foretold, said_as, tentative, uses_done_verb
from .support import NEGATIONS, content_words, negated, opposite_meaning, stem_set, tokens_of

# How much of what a one-thing yes-no question asserts (its content words other than names) a sentence must speak
# of for a verdict; less and the articles do not say.
STATEMENT_COVERAGE = 0.5
CONFIRM_COVERAGE = 0.66  # ... and for a "Yes", two thirds of it

VERDICTS = ("Yes", "No")


def denies(question: str, sentence: str) -> bool:
    """Return True when the sentence negates something the question asserts ("close the site?" / "no plans to
    close"), by the support checker's negation reading."""
    asked = set(content_words(tokens_of(question))) - negated(question)
    words = tokens_of(sentence.replace("n't", " not"))
    for i, word in enumerate(words):
        # "will not be recognised as a course record": what it is not counted as stands after "as"
        reach = 8 if words[i + 1:i + 2] in (["be"], ["been"], ["being"]) and "as" in words[i + 3:i + 4] else 5
        if word in NEGATIONS and set(content_words(words[i + 1:i + reach])) & asked:
            return True
    return False


# Words that say which way a figure moved: a claim of a fall is contradicted by a sentence reporting a rise
_UP = {"increase", "increased", "increases", "increasing", "rise", "rose", "risen", "rises", "rising", "higher",
       "grow", "grew", "grown", "grows", "growth", "gain", "gained", "gains", "jump", "jumped", "climb", "climbed",
       "surge", "surged", "boost", "boosted", "accelerate", "accelerated", "accelerating", "up"}
_DOWN = {"decrease", "decreased", "decreases", "decreasing", "decline", "declined", "declines", "declining", "fall",
         "fell", "fallen", "falls", "falling", "drop", "dropped", "drops", "lower", "lowered", "shrink", "shrank",
         "shrunk", "slump", "slumped", "reduce", "reduced", "slow", "slowed", "slowing", "slowdown", "down"}


def opposite_direction(claim: str, sentence: str) -> bool:
    """Return True when the claim says a thing went one way (a decrease) and the sentence only the other (2%
    higher)."""
    asked, said = set(tokens_of(claim)), set(tokens_of(sentence))
    up, down = bool(asked & _UP), bool(asked & _DOWN)
    if up == down:
        return False
    return bool(said & (_DOWN if up else _UP)) and not said & (_UP if up else _DOWN)


# "Did TechCrunch report it before The Verge did?": an order between the articles two parts of a question name
_ORDER = re.compile(r"\b(before|after|earlier than|later than|prior to|ahead of)\b", re.I)
# ... unless it asks whether the reports agree or changed ("after A's report, did B's coverage stay consistent?")
_CHANGE = re.compile(r"\b(chang\w*|consisten\w*|inconsisten\w*|same|differ\w*|agree\w*|disagree\w*|"
                     r"contradict\w*|maintain\w*|remain\w*|shift\w*|align\w*|similar\w*)\b", re.I)


def date_order(analysis: QuestionAnalysis, evidence: list[tuple[object, object]]) -> str | None:
    """Return "Yes" / "No" for a question asking whether one outlet's report came before (or after) another's, read
    from the publication dates of each part's evidence (evidence: (part, its best candidate) in question order);
    "" when it asks that but an evidence article's date is unknown (the articles cannot say which came first);
    None when the question asks no such order, a date follows the order word ("after October 4": a date window, not
    an order), or both reports are of the same day."""
    if len(evidence) < 2 or not analysis.plan or any(c is None for _, c in evidence):
        return None
    question = analysis.question
    spans = find_sources(question, tuple(analysis.plan.sources))
    match = _ORDER.search(question)
    if len(spans) < 2 or not match or _CHANGE.search(question) or any(
            0 <= d.start - match.end() <= 20 for d in analysis.plan.dates):
        return None
    opening = match.start() < spans[0][0] and spans[0][0] - match.end() <= 10  # "Before A reported X, did B ...?"
    if not opening and not (spans[0][1] <= match.start() < spans[1][0]
                            and _leads_to_report(question[match.end():spans[1][0]])):
        return None  # the order word does not order the reports ("returned after a minor injury, while ...")
    first, second = evidence[0][1].hit.published, evidence[1][1].hit.published
    if first is None or second is None:
        return ""
    if first == second:
        return None
    if opening:  # B's report is the one asked to come first
        first, second = second, first
    asks_before = match.group(1).lower() in ("before", "earlier than", "prior to", "ahead of")
    # "did A fail to report X before B ...?": whether A did not, the other way round
    negated = bool(re.search(r"\b(?:fail(?:s|ed)?\s+to|(?:did|does|has|had)\s+not|never|didn['’]t)\b",
                             question[:match.start()], re.I))
    return "Yes" if ((first < second) == asks_before) != negated else "No"


def _leads_to_report(between: str) -> bool:
    """Whether the words between an order word and the next outlet name that outlet's report: none but an article
    or quotation marks ("before 'Live Science'"), or a clause reporting it ("before X's performance was reported
    by"), without a comma (a new clause: "after a minor injury, while the CBSSports.com article ...")."""
    if "," in between or len(between) > 80:
        return False
    return len(between.split()) <= 2 or bool(re.search(r"\b(report\w*|cover\w*|publish\w*|wr[io]te\w*)\b",
                                                        between, re.I))


# Which relation between reports a question asks about: a conflict ("was there inconsistency ...", "did X
# contradict ...") or an agreement ("was the coverage consistent", "did they agree"), as what the question asks (a
# predicate, or a noun after "there"), not a noun naming the story ("the financial discrepancies at FTX")
_RELATION = re.compile(
    r"\b(?:there\s+(?:\w+\s+){0,2}(inconsistenc\w*|discrepanc\w*|disagreement\w*|contradiction\w*|consistency|"
    r"agreement|alignment)|(inconsistent\w*|contradict(?:s|ed|ing)?\b|disagree(?:s|d)?\b|consistent\w*|"
    r"agree(?:s|d)?\b|maintain\w*|align(?:s|ed)?\b))", re.I)
# "was there no change in ...", "did the portrayal remain the same / unchanged?": the negation of asking whether
# there was a change, so answered as the opposite of that question
_NO_CHANGE = re.compile(r"\b(?:(?:was|were|is|has been|had been)\s+there\s+no\s+(?:\w+\s+)?change|"
                        r"(?:remain|stay)(?:s|ed)?\s+(?:the same|unchanged)|(?:was|were|is|are)\s+unchanged)\b", re.I)


def asks_relation(question: str) -> str | None:
    """Return "conflict" when the question asks whether reports conflict, "agreement" when whether they agree
    (the first such word decides: "consistent or inconsistent?" asks for agreement), None when it asks neither."""
    if not (match := _RELATION.search(question)):
        return None
    word = (match.group(1) or match.group(2)).lower()
    return "conflict" if word.startswith(("incons", "discrep", "disag", "contrad")) else "agreement"


def conflicts(claim: str, sentence: str) -> bool:
    """Return True when the sentence says the opposite of the claim: the other way of a movement, a WordNet antonym
    of a word the claim uses ("winning streak" / "losing streaks"), or positively what the claim negates ("will never
    be updated" / "we'll keep this post updated")."""
    return opposite_direction(claim, sentence) or opposite_meaning(claim, sentence) or negated_claim(claim, sentence)


def negated_claim(claim: str, sentence: str) -> bool:
    """Return True when the claim negates a word the sentence uses without negating it."""
    return bool(negated(claim) & stem_set(sentence) - negated(sentence))


# "No one was injured", "Nobody was hurt", "No arrests have been made": a denial of what "was anyone hurt?" asks
_NOBODY_WORDS = r"(?:no[- ]one|nobody|none|no (?:injur\w*|casualt\w*|arrests?|deaths?|fatalit\w*|charges?))\b"
NOBODY = re.compile(rf"\W*{_NOBODY_WORDS}", re.I)  # a sentence opening with a denial
_ANYONE = re.compile(r"\b(?:anyone|anybody|any(?:one)?\s+(?:people|person|injur\w*|casualt\w*|arrests?|deaths?|"
                     r"fatalit\w*|charges?))\b", re.I)
# What happened to people, in words that say the same thing ("hurt" / "injured")
_HARM = [{"hurt", "injur", "wound", "casualti"}, {"kill", "die", "dead", "death", "fatal"},
         {"arrest", "detain", "held"}, {"charg"}, {"evacu"}, {"rescu"}]


def _harms(text: str) -> set[int]:
    stems = content_stems(text)
    return {i for i, group in enumerate(_HARM) if any(s.startswith(g) for s in stems for g in group)}


def nobody(question: str, sentence: str) -> bool:
    """Return True when the question asks whether anyone came to harm (was hurt, arrested, charged ...) and the
    sentence says no one did, in the same or another word ("was anyone hurt?" / "No one was injured.")."""
    if not _ANYONE.search(question):
        return False
    said = re.search(rf"\b{_NOBODY_WORDS}", sentence, re.I)
    return bool(said) and bool(_harms(question) & _harms(sentence[said.start():said.start() + 60]))


def decide_yes_no(analysis: QuestionAnalysis, ranked: list, supports: list[float], threshold: float,
                  evidence: list[tuple[str, str]] = ()) -> str:
    """Return the verdict on a question whose parts name outlets (supports: each outlet-naming part's best answer
    probability; none for a question naming no outlet; evidence: (part, its sentence)).

    A question about a relation between the reports is answered by whether the parts' evidence sentences conflict
    with each other: reports found on the same story and not seen to conflict are taken as consistent. Otherwise
    "Yes" when every part finds a sentence that supports it, the best sentence does not deny what the question asks
    (a one-part question only: one sentence answers one part of several) and no part's evidence conflicts with what
    its part claims, else "No". "Was there no change?" gets the opposite of the answer to "was there a change?"."""
    if _NO_CHANGE.search(analysis.question):
        changed = decide_yes_no(replace(analysis, question=_NO_CHANGE.sub("changed", analysis.question)),
                                ranked, supports, threshold,
                                [(_NO_CHANGE.sub("changed", part), sentence) for part, sentence in evidence])
        return "No" if changed == "Yes" else "Yes"
    if relation := asks_relation(analysis.question):
        said = list(dict.fromkeys(sentence for _, sentence in evidence))
        conflict = any(conflicts(a, b) or conflicts(b, a) for a, b in combinations(said, 2))
        return "Yes" if conflict == (relation == "conflict") else "No"
    conflict = any(conflicts(part, sentence) for part, sentence in evidence)
    if min(supports, default=max((c.probability for c in ranked), default=0.0)) < threshold:
        return "No"
    best = max(ranked, key=lambda c: c.probability)
    if len(evidence) < 2 and denies(analysis.question, best.text):  # (a question of several parts: each part's own
        return "No"  # evidence is read against that part, below; one sentence answers one part only)
    return "No" if conflict else "Yes"


def _spoken_of(asked: set[str], sentence: str, context: str) -> tuple[float, bool]:
    """Return the share of the asked words the sentence (with its title and the sentence before) speaks of, and
    whether the sentence speaks of one negated ("unannounced" or "not announced" for "announced")."""
    words = tokens_of(sentence)
    stems = content_stems(f"{sentence} {context} {' '.join(said_as(sentence))}")  # "found guilty": convicted
    negative = (content_stems(" ".join(w[2:] for w in words if w.startswith("un") and len(w) > 5))
                | negated(sentence)) & asked
    said = (stems | negative) & asked
    return len(said) / len(asked), bool(negative)


def _asserted(analysis: QuestionAnalysis) -> set[str]:
    """Return the content stems of what a yes-no question asserts: its focus words, not its names nor the light words
    it asks with ("anyone", "still", "get", "in the end")."""
    name_words = {w.lower() for n in analysis.names for w in n.split()} | _LIGHT
    text = re.sub(r"\b(?:in the end|at last|after all)\b", " ", " ".join(analysis.focus))
    return content_stems(" ".join(w for w in text.split() if w not in name_words))


# Words a yes-no question asks with that no sentence need repeat ("is it still free to get in?", "did it get approved
# in the end?", "was anyone hurt?")
_LIGHT = {"anyone", "anybody", "someone", "somebody", "still", "get", "got", "gets", "getting", "actually", "ever",
          "really", "yet", "already", "finally", "now", "end"}


def verify_statement(analysis: QuestionAnalysis, ranked: list, threshold: float) -> str | None:
    """Return the verdict on a yes-no question about one thing (no outlets named): "Yes" when a likely sentence
    states what the question asks, "No" when it states it negated or denies it, None when no likely sentence speaks
    of what the question asserts (the articles do not say)."""
    return statement_verdict(analysis, ranked, threshold)[0]


def _as_named(analysis: QuestionAnalysis) -> str:
    """Return the question with its names as the passages spell them ("did Northgate Living win ..." for "did
    northgate living win ..."), so that the words of a name typed in lower case are not read as its verb."""
    question = analysis.question
    for name in analysis.names:
        question = re.sub(rf"\b{re.escape(name)}\b", lambda _: name, question, flags=re.I)
    return question


def statement_verdict(analysis: QuestionAnalysis, ranked: list, threshold: float) -> tuple[str | None, object]:
    """Return verify_statement's verdict and, for a "Yes", the sentence that confirms it (cited first), else None."""
    asked = _asserted(analysis)
    likely = [c for c in sorted(ranked, key=lambda c: -c.probability)[:5] if c.probability >= threshold]
    if not asked or not likely:
        return ("Yes" if likely else None), None
    # a sentence that only expects or proposes what the question asks as an outcome gives no verdict ("did the EU
    # end up blocking the deal?" / "does not confirm the EU will seek to block it"), and then a verdict needs a
    # sentence that itself, not the sentence before it, speaks of the outcome; none left: no answer
    outcomes = [c for c in likely if not tentative(analysis.question, c.text)
                and not foretold(analysis.question, c.text)  # "will strike on 27 September": not yet done
                and not hypothetical(asked, c.text)]  # "more consequential than whether he is found guilty"
    # "has the EU blocked the deal?": a verdict needs a sentence that speaks of blocking, not only of the deal
    named = _as_named(analysis)  # ("did northgate living win ...": the verb after the name is "win")
    done = [c for c in outcomes if uses_done_verb(named, c.text)]
    if done and not any(c.passed for c in done) and denial(analysis, ranked, threshold):
        return "No", None  # "to convict Orwen Vaskell" says nothing of Tobin Vaskell; "the nephew was cleared" does
    if not done:
        return ("No" if denial(analysis, ranked, threshold) else None), None
    own = len(outcomes) < len(likely)
    outcomes = done
    coverage, negative, best = max((*_spoken_of(asked, c.text, "" if own else c.context), -i)
                                   for i, c in enumerate(outcomes))
    if coverage < STATEMENT_COVERAGE:  # no likely sentence speaks of it, unless one denies it ("No injuries were
        return ("No" if denial(analysis, ranked, threshold) else None), None  # reported.")
    text = outcomes[-best].text
    if negative or denies(analysis.question, text) or nobody(analysis.question, text) \
            or contrary(analysis.question, text):  # "did the strikes go ahead?" / "have been called off"
        return "No", None
    # "did Rebbeck score on his debut?" is not confirmed by "has scored 17 goals this season": a yes needs most of
    # what the question asserts said, and its year and edition ("did she win in 2024?" is not confirmed by "won the
    # tournament in 2023", nor "still number one in its third weekend" by "for a second weekend"), from a sentence
    # that meets the question's hard checks ("Saltmarrow drivers accepted the offer" says nothing of Venncastle's)
    confirming = [c for c in outcomes if _spoken_of(asked, c.text, "" if own else c.context)[0] >= CONFIRM_COVERAGE
                  and edition_said(analysis, c) and c.passed and not others_of(analysis, c.text)]
    if confirming and beaten_asked(analysis, confirming[0].text):  # "did Vantongeren win the title?" / "Brightmore
        return "No", confirming[0]  # beat two-time defending champion Ilya Vantongeren ... to win the title"
    return ("Yes", confirming[0]) if confirming else (None, None)


def others_of(analysis: QuestionAnalysis, sentence: str) -> bool:
    """Return True when the question asks about a name's own people or things ("did Castwell Brands' own shareholders
    vote ...?") and the sentence speaks of another's ("Shareholders of Pellerin Foods approved ...", "Pellerin's
    shareholders"), never of the asked name's."""
    for name in analysis.names:
        asked = re.search(rf"{re.escape(name)}['’]s?\s+(?:own\s+)?([a-z]+)", analysis.question)
        if not asked or name.split()[0] in sentence:
            continue
        noun = asked.group(1).rstrip("s")
        if re.search(rf"\b(?i:{noun}s?) of (?:the )?[A-Z]|\b[A-Z][\w&-]*['’]s?\s+(?i:{noun}s?)\b", sentence):
            return True
    return False


_WIN_ASKED = re.compile(r"^\W*(?:so\s+)?(?:did|has|have|had|was|were|is)\s+"
                        r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*|[a-z]+)\s+"
                        r"(?:actually\s+|really\s+|finally\s+|go on to\s+)?(?:win|won|beat|retain\w*|defend\w*|"
                        r"claim\w*|lift\w*|take|took)\b", re.I)
_LOSER = (r"\b(?:beat|beats|beating|defeated|defeating|overcame|overcoming|edged(?: past| out)?|saw off|knocked out|"
          r"dethroned|ousted|denying|denied|upset|stunned|"
          r"(?:won|wins|win)\s+(?:its|his|her|their|a|the)\s+(?:\w+\s+){0,2}(?:case|appeal|battle|fight|claim|"
          r"challenge|dispute|action)\s+against)\s+(?:(?:the|two-time|three-time|defending|reigning|former|"
          r"top|seed|seeded|champion|holder|title-holder|world|number|one|favourite|compatriot|rival)\s+)*")


def beaten_asked(analysis: QuestionAnalysis, sentence: str) -> bool:
    """Return True when a question asks whether someone won ("did Ilya Vantongeren win ...?") and the sentence names
    them as the one beaten or denied ("beat two-time defending champion Ilya Vantongeren", "denying Emric Solvane a
    third title")."""
    asked = _WIN_ASKED.match(analysis.question)
    if not asked:
        return False
    names = [n for n in analysis.names if n.lower() in asked.group(1).lower()] or [asked.group(1)]
    return any(re.search(_LOSER + rf"(?:[A-Z][\w'’-]*\s+)?{re.escape(n.split()[-1])}\b", sentence, re.I)
               for n in names)


_ORDINAL = re.compile(r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\b",
                      re.I)


def hypothetical(asked: set[str], sentence: str) -> bool:
    """Return True when the sentence speaks of what a yes-no question asserts (asked: its stems) only as an open
    question of its own ("whether the man himself is found guilty", "if the deal goes ahead")."""
    for said in re.finditer(r"\b(?:whether|if)\b", sentence, re.I):
        if content_stems(sentence[said.end():said.end() + 60]) & asked and not asked <= content_stems(
                sentence[:said.start()]):
            return True
    return False


def edition_said(analysis: QuestionAnalysis, candidate) -> bool:
    """Return True when the sentence (with its context) says every year and ordinal the question names; a year may
    be its article's when the sentence names none ("won on Saturday" in a 2024 report)."""
    near = f"{candidate.text} {candidate.context}"
    published = candidate.hit.published
    own_year = re.search(r"\b(?:19|20)\d\d\b", candidate.text)
    years = all(re.search(rf"\b{y}\b", near) or (published and not own_year and str(published.year) == y)
                for y in analysis.years)
    return years and all(re.search(rf"\b{o}\b", near, re.I) for o in _ORDINAL.findall(analysis.question))


def denial(analysis: QuestionAnalysis, ranked: list, threshold: float):
    """Return a less likely sentence that passes the hard checks and says the asked thing was not done ("No arrests
    have been made." in the report on the raid asked about) or its opposite was ("was cleared" for "convicted"), or
    None: the answer model scores what a sentence states, so a flat denial reads as unlikely to it."""
    asked = _asserted(analysis)
    likely = sorted(ranked, key=lambda c: -c.probability)
    # "No injuries were reported.": a short flat denial the model scores low, read a little further down
    if said := next((c for c in likely[:10] if c.passed and nobody(analysis.question, c.text)), None):
        return said
    for c in likely[:5]:
        if not c.passed or c.probability < threshold / 2:
            continue
        if contrary(analysis.question, c.text):  # "The nephew was cleared of money laundering."
            if _spoken_of(asked, c.text, c.context)[0] >= STATEMENT_COVERAGE:
                return c
            continue
        if not uses_done_verb(analysis.question, c.text):
            continue
        coverage, negative = _spoken_of(asked, c.text, c.context)
        if negative and coverage >= STATEMENT_COVERAGE:
            return c
    return None
