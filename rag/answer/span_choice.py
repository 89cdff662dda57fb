"""Which span answers: a learned choice among the spans of the likeliest sentences.

The rules of spans.py pick one span per sentence, and the answer took the first likely sentence that held one
(`rule_answer`). On news the rules were not written for, the answer often sits in the second likely sentence
("Flats rose more slowly, up 1.1% to £168,000." after the average house price), or the sentence holds several things
of the asked type and the rule's pick is not the asked one.

Here every span of the asked type in the likeliest sentences is an option, described by where it stands against the
question's words (the asked verb after it, the question's words before it, the same clause), what stands before it
(in / at, by, from), whether the rule picked it, and how likely its sentence is. A logistic model over these, fitted on
the development snippet sets (`python -m rag.bench.train_spans`; 69 sets since session 49, the sentences in the
reader's order as the answer layer has them), scores the options; the best one answers. It mostly keeps the rules'
pick in the reader's first sentence and moves to another span when the rules' is vaguer or another sentence says
more of the question; it has not learnt the doer of the asked verb from the place it was done in (docs/BENCHMARKS.md,
sessions 15 and 49).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..retrieval.analysis import QuestionAnalysis, find_names
from ..text import normalise, regex
from .answerability import (AGE_ASKED, DURATION, FIGURE, LENGTH_ASKED, MONEY, WEEKDAY, LinearModel, age_apposition,
                            age_of, BEST_OF, asked_dates, asked_heads,
                            asked_sums, content_stems, court_unasked, duration_asked, in_dateline, is_demonym, is_year,
                            measure_named, named_as_person, other_time_unit, sum_unasked, sums_said,
                            with_people_of, asked_unit, without_names)
from .attachment import JOIN_ASKED, JOINED, LEFT_FROM, PREVIOUS_BODY_ASKED, asked_class
from .spans import (NEW_ASKED, asked_class_noun, body_answer, departing, extract_short, figure_with_unit,
                    name_fragment, newer, not_a_place, ordinary_words, with_counted, with_first_day)

MODEL_PATH = Path(__file__).parent / "models" / "spans.json"
SPAN_KINDS = ("number", "money", "date", "person", "organisation", "place")
SPAN_FEATURES = ("rule", "probability", "first_sentence", "sentence_index", "anchor_distance", "no_anchor",
                 "same_clause", "asked_after", "asked_before", "place_preposition", "place_preposition_other", "by",
                 "from", "to", "sentence_start", "in_title", "votes", "partly_asked", "percent_unasked", "options",
                 "sentence_coverage", "best_coverage", "vague_date", "ordinary")
_WORD = re.compile(r"[A-Za-z0-9][\w'’.-]*")
_BREAK = re.compile(r"[,;:]|\s(?:and|but|while|whereas|which|who)\s")
_PLACE_PREPOSITIONS = {"in", "at", "near", "outside", "inside", "to", "from"}
# "this year": a date question's last resort; a weekday or "today" is dated, but a vaguer answer than a day
VAGUE_TIME = re.compile(r"(?:this|next|last) (?:week|month|year)", re.I)
_VAGUE_DAY = re.compile(rf"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday|tomorrow|{VAGUE_TIME.pattern})",
                        re.I)
_CELESTIAL = {"moon", "earth", "sun", "mars", "venus", "jupiter", "saturn", "mercury"}  # ("near the Moon's south
# pole": no builder)
_RATE = re.compile(r"\b(?:percent\w*|per cent|rate|share|proportion|turnout|%)", re.I)


_HOLDS = re.compile(r"\b(?:holds?|holding|seats?|seating|capacity(?: of)?|can (?:hold|seat|take|accommodate)|"
                    r"accommodates?|room for|sleeps?)\s+(?:about\s+|around\s+|some\s+|nearly\s+)?$", re.I)  # (not
# "up to": "gusts of up to 94mph" is the figure asked)
_CAPACITY_ASKED = re.compile(r"\b(?:capacity|hold|holds|seat|seats|seating|accommodate|room for|sleeps?|maximum|"
                             r"most)\b", re.I)
_HOW_MANY = re.compile(r"\bhow many ([a-z][a-z-]+)", re.I)


@dataclass
class Option:
    """A span that may answer the question, with the sentence (a Candidate) it is cited from."""

    text: str
    candidate: object
    start: int
    rule: bool


def pool(ranked: list, threshold: float, size: int = 4) -> list:
    """Return the sentences the answer's span is chosen from: the likeliest that pass the hard checks."""
    return [c for c in ranked[:size] if c.answers >= threshold] or ranked[:1]


def options(analysis: QuestionAnalysis, sentences: list, texts: list[str]) -> list[Option]:
    """Return every span of the asked type in the sentences, the rule's own choice of each sentence among them."""
    asked = normalise(analysis.question)
    found: list[Option] = []
    measure = asked_unit(without_names(analysis)) if analysis.kind == "number" else None
    for candidate in sentences:
        sentence = candidate.text
        rule = extract_short(analysis, sentence, texts)
        spans: list[tuple[int, str]] = []
        if analysis.kind == "money":
            sums = asked_sums(analysis.question, sentence, [m for m in sums_said(analysis.question, sentence)
                                                            if not sum_unasked(analysis.question, sentence, m)])
            spans = [(m.start(), m.group(0).strip(" ,.")) for m in sums]
        elif analysis.kind == "number":
            money = list(MONEY.finditer(sentence))
            spans = [(m.start(), m.group(0).strip(" ,.")) for m in money
                     if measure is None]  # ("cider sales 2022 litres": no sum measures them)
            figures = [m for m in FIGURE.finditer(sentence) if not is_year(m.group(0), sentence[:m.start()])
                       and not any(a.start() <= m.start() < a.end() for a in money)  # "£431m" is a sum, whole
                       and not (age_apposition(sentence, m.start()) and not AGE_ASKED.search(analysis.question))
                       and (duration_asked(analysis.question) or not DURATION.match(sentence, m.start()))
                       and not other_time_unit(analysis.question, sentence, m.start())]  # ("36
            # hours" is no rainfall)
            spans += [(m.start(), with_counted(analysis.question, sentence,
                                               figure_with_unit(sentence, m.group(0).strip(" ,.")))) for m in figures]
            if LENGTH_ASKED.search(analysis.question):  # "lowther sentence after appeal": a length of time, not
                spans = [(m.start(), m.group(0)) for m in newer(analysis.question, sentence, list(
                    DURATION.finditer(sentence)))]  # the £1.3 million he stole; the new term, not the one cut
        elif analysis.kind == "date":
            spans = [(m.start(), with_first_day(sentence, m.group(0).strip(" ,.")))
                     for m in asked_dates(analysis.question, sentence)]
        else:
            spans = [(sentence.find(n), n) for n in with_people_of(find_names(sentence))
                     if not name_fragment(n, sentence)
                     and not (" " not in n and re.search(rf"\b(?:[Aa]|[Aa]n)\s+{re.escape(n)}\s+[a-z]", sentence))  # "A
                     # Whitlow driver": where the driver is from, no name of one
                     and not (analysis.kind == "place" and not_a_place(n, analysis.question))
                     and not (analysis.kind in ("organisation", "place")
                              and named_as_person(n, [sentence, *texts], place=True))
                     and not (analysis.kind == "organisation" and (
                         is_demonym(n) or court_unasked(n, analysis.question)
                         or not body_answer(analysis, sentence, n)))]
        spans = [(at, text) for at, text in spans if text and normalise(text) not in asked
                 and not (analysis.kind in ("organisation", "place", "person")  # "Prime Minister Rishi Sunak" is
                          and any(" " in n and normalise(text).endswith(normalise(n))  # no party of Rishi Sunak's, nor
                                  for n in analysis.names))  # "Paramedic Jonty Rawsthorne" the driver he freed
                 # ("Ardcairn Academy" may be the Ardcairn floods' rest centre)
                 and not in_dateline(sentence, at, analysis.kind)]  # ("SCARROWBY, 3 March (Marchland Wire) -")
        if rule and not any(_same(rule, text) for _, text in spans):
            at = sentence.find(rule.split()[-1]) if rule.split() else -1
            spans.append((max(at, 0), rule))
        for at, text in spans:
            found.append(Option(text=rule if rule and _same(rule, text) else text, candidate=candidate, start=at,
                                rule=bool(rule) and _same(rule, text)))
    return found


def _same(a: str, b: str) -> bool:
    a, b = normalise(a), normalise(b)
    return bool(a) and bool(b) and (a in b or b in a)


def option_features(analysis: QuestionAnalysis, found: list[Option], sentences: list,
                    every: list[Option] | None = None) -> np.ndarray:
    """Return one row of SPAN_FEATURES per option; every: all the options of the sentences, before any rule set some
    aside (how many spans a sentence offers is read from them)."""
    names = set().union(*(content_stems(n) for n in analysis.names)) if analysis.names else set()
    asked = content_stems(analysis.question)
    verbs = asked - names
    if analysis.kind in ("person", "organisation", "place") and (
            kind := re.match(r"\W*(?:so |and )?(?:which|what)\s+([a-z]+)", analysis.question.lower())):
        verbs -= content_stems(kind.group(1))  # "which company agreed to buy ...": "company" is what is asked for,
        # not what the answering sentence says ("The Commission said the combined company ...")
    rate_asked = bool(_RATE.search(analysis.question))
    rows = []
    index = {id(c): i for i, c in enumerate(sentences)}
    coverage = {id(c): len(content_stems(c.text) & verbs) / max(1, len(verbs)) for c in sentences}
    per_sentence = {id(c): sum(o.candidate is c for o in every or found) for c in sentences}  # options in each
    # sentence
    ordinary = ordinary_words()
    for option in found:
        c = option.candidate
        sentence = c.text
        words = [(m.start(), m.end(), content_stems(m.group(0))) for m in _WORD.finditer(sentence)]
        end = option.start + len(option.text)
        before = [w for w in words if w[1] <= option.start]
        after = [w for w in words if w[0] >= end]
        anchors = [w[0] for w in words if w[2] & asked and not (option.start <= w[0] < end)]
        distance = min((len([w for w in words if min(a, option.start) <= w[0] < max(a, option.start)])
                        for a in anchors), default=10)
        cuts = [m.start() for m in _BREAK.finditer(sentence)]
        clause = sum(b < option.start for b in cuts)
        same_clause = any(sum(b < a for b in cuts) == clause for a in anchors)
        previous = sentence[:option.start].split()[-1].lower().strip(",;:(") if sentence[:option.start].split() else ""
        own = content_stems(option.text)
        votes = sum(normalise(option.text.split()[-1]) in normalise(s.text) for s in sentences) if option.text.split() \
            else 0
        rows.append([
            float(option.rule),
            float(c.probability),
            float(index.get(id(c), 0) == 0),
            index.get(id(c), 0) / 4,
            min(distance, 10) / 10,
            float(not anchors),
            float(same_clause),
            float(any(w[2] & verbs for w in after[:6])),
            float(any(w[2] & asked for w in before[-4:])),
            float(previous in _PLACE_PREPOSITIONS and analysis.kind == "place"),
            float(previous in _PLACE_PREPOSITIONS and analysis.kind != "place"),
            float(previous == "by"),
            float(previous == "from"),
            float(previous == "to"),
            float(not before),
            float(normalise(option.text) in normalise(c.hit.title or "")),
            votes / max(1, len(sentences)),
            len(own & asked) / max(1, len(own)),
            float("%" in option.text and not rate_asked),
            min(per_sentence.get(id(c), 0), 8) / 8,
            coverage[id(c)],
            float(coverage[id(c)] >= max(coverage.values())),
            float(bool(_VAGUE_DAY.fullmatch(option.text.strip()))),
            float(all(w.lower() in ordinary for w in option.text.split())),
        ])
    return np.asarray(rows, dtype=np.float64).reshape(len(found), len(SPAN_FEATURES))


class SpanModel(LinearModel):
    """A logistic model over SPAN_FEATURES: the higher an option's score, the likelier it answers."""

    features = SPAN_FEATURES
    trainer = "python -m rag.bench.train_spans"


_MODEL: SpanModel | None = None


def span_model() -> SpanModel | None:
    """Return the shipped span model, or None when there is none."""
    global _MODEL
    if _MODEL is None and MODEL_PATH.exists():
        _MODEL = SpanModel(json.loads(MODEL_PATH.read_text()))
    return _MODEL


_WEEKDAY_OF_DATE = re.compile(rf"{WEEKDAY},?\s+\d{{1,2}}(?:st|nd|rd|th)?\s+[A-Z][a-z]+")


# A question asking for how a story ended, not how it stood at first
LATEST_ASKED = re.compile(r"\b(?:latest|in the end|end(?:s|ed)? up|eventually|ultimately|actually|revised|updated|"
                          r"after (?:the|an|its|his|her|their) (?:appeal|review|recount)|"
                          r"new\s+(?:\w+\s+)?(?:date|deadline|target|estimate|figure|total|cost|price|budget)|"
                          r"final\s+(?:\w+\s+)?(?:cost|bill|figure|total|price|toll|count|tally|budget)|"
                          r"so far|to date)\b", re.I)  # ("finally approved": the approval, not the latest figure; "new
# closing date": the date a later report moved it to; "final repair cost")


# A sentence giving a figure as one since replaced ("An earlier estimate had put the figure at 1.6 million", "Earlier
# reports had put the fee at £50m"), unless the question asks for that one ("what was the first offer?")
SUPERSEDED = re.compile(r"\b(?:earlier|initial|previous|original|first)\s+(?:estimates?|reports?|figures?|forecasts?|"
                        r"counts?|tall(?:y|ies)|projections?)\s+(?:had\s+)?(?:put|placed|suggested|estimated|given)\b|"
                        r"\bhad (?:initially|originally|previously|earlier) (?:put|estimated|reported|given)\b", re.I)
EARLIER_ASKED = re.compile(r"\b(?:earlier|initial(?:ly)?|original(?:ly)?|previous(?:ly)?|at first|first (?:offer|"
                           r"estimate|bid|report|figure|forecast))\b", re.I)


# Words any report of a count or sum shares with the question: they tell no story from another
_GENERIC = content_stems("people person many much number total actually end ended final finally eventually really "
                         "year month week day")
# A question asking who builds a thing, and the words a sentence gives the building with
_BUILDER_ASKED = re.compile(r"\b(?:contractors?|builders?|build|builds|building|built|construct\w*)\b", re.I)
_BUILDER = re.compile(r"\b(?:contractors?|builders?|construction|construct\w*|build|builds|building|built|"
                      r"contract|awarded|engineering firm)\b", re.I)
# Before the level a figure left: "up from £6", "down from 14%"
_ORIGINAL_SAID = re.compile(r"\b(?:originally|initially|first (?:costed|estimated|budgeted|priced|put|set|quoted|"
                            r"valued)|original(?:ly)?\s+(?:\w+\s+){0,2}(?:of|at|was))\s+(?:about\s+|around\s+)?$", re.I)
_LEFT_LEVEL = re.compile(r"\b(?:up|down)\s+from\s+(?:[^\s,.;]+\s+){0,3}$", re.I)  # ("down from earlier guidance of")
# Before a figure a later one replaced: "from" in "from X to Y", or the first estimate of it
_REPLACED_FIGURE = re.compile(r"(?:\bfrom\s+(?:an?\s+|the\s+|about\s+|around\s+)?|\b(?:first|initial|original|earlier|"
                              r"previous)\s+(?:\w+\s+){0,2}(?:of|at|was|had been)\s+(?:about\s+|around\s+)?)$", re.I)


# Words for a sum a sentence need not repeat to give it
_SAID_MANY_WAYS = {"cost", "price", "pay", "paid", "valu", "valuat", "worth", "fee", "charg", "bill", "sale", "sell",
                   "sold", "bought", "buy", "deal", "offer", "bid", "sign", "transfer", "acquisit", "acquir", "purchas",
                   "ticket", "fare"}  # ("rendal transfer fee confirmed": the fee, wherever the transfer is said)


# A question asking for the level a figure moves to ("going up to", "cut to", "will it rise to")
_MOVED_TO_ASKED = re.compile(r"\b(?:go(?:es|ing)?\s+(?:up|down)|went\s+(?:up|down)|ris(?:e|es|ing)|rose|increas\w*|"
                             r"fall(?:s|ing)?|fell|drop(?:s|ping|ped)?|cut|cutting|reduc\w+|rais\w+|lower\w*)\s+to\b",
                             re.I)


_SUPERLATIVE = re.compile(r"\b(?:highest|lowest|most|least|largest|smallest|biggest|best|worst|fastest|slowest|"
                          r"oldest|youngest|longest|shortest)\b", re.I)


def _nearest_superlative(option: Option) -> str | None:
    """Return the superlative said last before the option in its clause ("lowest in Orrin Falls"), or None."""
    before = _BREAK.split(option.candidate.text[:option.start])[-1] if option.start else ""
    words = _SUPERLATIVE.findall(before) or _SUPERLATIVE.findall(option.candidate.text[:option.start][-60:])
    return words[-1].lower() if words else None


_RUN_BY = re.compile(r"\b(run|owned|operated|founded|managed|set up)\s+by\b", re.I)
_RUN_SAID = {"run": "run|own|head|manag|operat", "own": "own|run", "ope": "operat|run", "fou": "found|set up|start",
             "man": "manag|run|head", "set": "set up|found|start"}


# Who bought, acquired or built something (not who took over a post: a successor is asked for by role)
_BUYER_ASKED = re.compile(r"\bwho(?:\s+|['’]s\s+)(?:(?:has|have|had|will|would|is|was|did|finally|eventually|"
                          r"actually)\s+)*(?:bought|buys|buying|buy|acquired|acquires|acquiring|acquire|purchased|"
                          r"purchases|purchasing|purchase|built|builds|building|build|owns|owned|own)\b", re.I)
# The verb right after a name, past its auxiliaries ("Microsoft has finally acquired")
_DOER = re.compile(r"\s*(?:(?:has|have|had|will|would|then|later|finally|also|now|eventually|formally|officially)\s+)*"
                   r"([a-z]+)\b")


# Bodies named by what they make or keep, whose names say so ("Kettlewood Creamery", "Hollin Vineyard")
_ESTABLISHMENT = re.compile(r"creamer(?:y|ie)|dair(?:y|ie)|vineyard|winer(?:y|ie)|distiller(?:y|ie)|cider(?:y|ie)|"
                            r"roaster(?:y|ie)|baker(?:y|ie)|brewer(?:y|ie)|mill|farm|nurser(?:y|ie)|catter(?:y|ie)|"
                            r"kennel|stable|potter(?:y|ie)|sawmill|quarr(?:y|ie)|foundr(?:y|ie)|hatcher(?:y|ie)|"
                            r"fisher(?:y|ie)|orchard|garden")


def choose(analysis: QuestionAnalysis, ranked: list, texts: list[str], threshold: float,
           model: SpanModel | None) -> tuple[str, object] | None:
    """Return the best-scored span and its sentence, or None: no model, no span of the asked type, or for a question
    asking for a name, none the rules admit (then the sentences name no one but those asked about: a refusal)."""
    sentences = pool(ranked, threshold)
    found = every = options(analysis, sentences, texts)
    classed: list[Option] = []
    if analysis.kind == "date":  # "on Thursday 13 November": one date, not the report's Thursday and a date
        for o in found:
            if whole := _WEEKDAY_OF_DATE.match(o.candidate.text, o.start):
                o.text = whole.group(0)
        found = [o for o in found if not any(p is not o and p.candidate is o.candidate
                                             and p.start < o.start < p.start + len(p.text) for p in found)]
    if analysis.kind == "date" and any(not VAGUE_TIME.fullmatch(o.text.strip()) for o in found):
        found = [o for o in found if not VAGUE_TIME.fullmatch(o.text.strip())]  # "this year" gives way to a day
    if analysis.kind in ("organisation", "person"):  # "near the Moon's south pole": no builder
        found = [o for o in found if o.text.lower() not in _CELESTIAL]
    if analysis.kind == "organisation" and (kinds := asked_class(analysis.question)):  # "which union ...?": a name
        # that says it is one ("the Maritime and Harbour Workers' Guild") over a port the strike closed
        found = [o for o in found if re.search(rf"\b(?:{'|'.join(kinds)})", o.text, re.I)] or found
    if analysis.kind == "organisation" and (noun := asked_class_noun(analysis.question)) \
            and _ESTABLISHMENT.fullmatch(noun):  # "which creamery won
        # supreme champion?": "Kettlewood Creamery", not its cheese "Hob Blue"
        classed = [o for o in found if regex(rf"\b{noun}", re.I).search(o.text)]
        found = classed or found
    if analysis.kind == "organisation" and JOIN_ASKED.search(analysis.question):  # "which company did ingrid solberg
        # join?": "to become finance chief at Brightwave Energy", not "the chief financial officer of Halvorsen"
        found = [o for o in found if JOINED.search(o.candidate.text[max(0, o.start - 60):o.start])] or found
    if analysis.kind == "organisation" and (run := _RUN_BY.search(analysis.question)):  # "the waste business run by
        # sharon pell": the one "who runs Quickclear Waste Services" names, not the court nor the farmland
        said = _RUN_SAID[run.group(1).lower()[:3]]
        found = [o for o in found if re.search(rf"\b(?:{said})\w*\s+(?:the\s+)?$",
                                               o.candidate.text[max(0, o.start - 30):o.start], re.I)] or found
    if analysis.kind == "organisation" and PREVIOUS_BODY_ASKED.search(analysis.question):  # "previous club": the one
        # "joins from" or "leaves" names, not the one that appointed them
        found = [o for o in found if LEFT_FROM.search(o.candidate.text[max(0, o.start - 60):o.start])] or found
    if analysis.kind in ("organisation", "person") and _BUILDER_ASKED.search(analysis.question):  # "which contractor
        # will build the footbridge?": the name a sentence gives the building to ("Contractor Denholm & Pike is
        # expected to begin work"), not the council that approved it; none such: the rules' answer, if any
        found = [o for o in found if _BUILDER.search(o.candidate.text[max(0, o.start - 60):o.start + len(o.text) + 40])]
    if analysis.kind in ("person", "organisation") and _BUYER_ASKED.search(analysis.question) and (
            deed := set().union(*asked_heads(analysis))):  # "who bought activision blizzard?": a sentence saying the
        # deed itself ("Microsoft has ... paid $69bn"), not one a heading or the sentence before lends it ("According
        # to Statista, the firm raked in ..."), and in it the name the deed's verb follows ("Microsoft acquired
        # Activision Blizzard", not the EU its talking points went to)
        saying = [o for o in found if content_stems(o.candidate.text) & deed]
        doers = [o for o in saying if (verb := _DOER.match(o.candidate.text, o.start + len(o.text)))
                 and content_stems(verb.group(1)) & deed]
        if doers or len(saying) < len(found):
            found = classed = doers or saying  # (these need no rule's pick)
    if analysis.kind == "person" and NEW_ASKED.search(analysis.question):  # "morvane telecom new ceo": not the chief
        # executive another likely sentence says was ousted ("Chief executive Ramón Estivariz said ..." of a year ago)
        gone = {n for c in sentences for n in find_names(c.text) if departing(n, c.text, analysis.question)}
        found = [o for o in found if not any(o.text in n or n in o.text for n in gone)] or found
    if analysis.kind == "person" and (prize := BEST_OF.search(analysis.question)):  # "silverlark best new act": who
        # was named Best New Act, not who won Album of the Year
        found = [o for o in found if normalise(prize.group(0)) in normalise(o.candidate.text)] or found
    if analysis.kind == "money":  # "series c valuation": the sum the sentence says values it, not the sum raised
        found = [o for o in found if measure_named(analysis.question, o.candidate.text, o.start)] or found
        # "the council's contribution": a sentence saying the question's own word for the sum ("with the council
        # contributing £38 million"), not the "£214 million extension" the report approves; a cost or a price is
        # said in many ways ("The £61m Marrowby bypass opened")
        if said := set().union(*asked_heads(analysis)) & content_stems(analysis.question) - _SAID_MANY_WAYS:
            found = [o for o in found if content_stems(o.candidate.text) & said] or [  # ... or a word of its group
                o for o in found if content_stems(o.candidate.text) & set().union(*(  # ("giving": "will provide")
                    g for g in asked_heads(analysis) if g & said)) - _SAID_MANY_WAYS] or found
    if analysis.kind == "number" and re.search(r"\bhow old\b|\bage\b", analysis.question, re.I):  # "how old is
        # Peter Gabriel?": an age the sentence gives someone asked ("Gabriel, 73,"), never another figure ("After two
        # decades, Peter Gabriel returns"); ("how many adults aged over 60": a count)
        found = [o for o in found if age_of(analysis.names, o.candidate.text) == o.text.strip()
                 or age_apposition(o.candidate.text, o.start)  # ("captain Reuben Okonjo, 37,")
                 or re.match(r"-?\s?years?[- ]old\b|-year-old\b", o.candidate.text[o.start + len(o.text):])]
    if analysis.kind in ("money", "number", "date") and not EARLIER_ASKED.search(analysis.question):
        # "An earlier estimate had put the figure at 1.6 million": the sentence says its figure was superseded
        found = [o for o in found if not SUPERSEDED.search(o.candidate.text)] or found
        # "The backlog stood at 1,185 a year earlier": the figure of an earlier time, unless asked
        found = [o for o in found if not re.match(r"\s*,?\s*(?:a|one|two|three|six|twelve) (?:years?|months?|weeks?) "
                                                  r"(?:earlier|before|ago)\b|\s*,?\s*(?:last year|the previous year|"
                                                  r"the year before)\b", o.candidate.text[o.start + len(o.text):],
                                                  re.I)] or found
        # "cost £4.6 million, well above the £3.2 million budget": the plan a figure is set against, unless asked
        planned = r"budget|estimate|forecast|target|projection|guidance"
        if not re.search(rf"\b(?:{planned}|budgeted|estimated|forecast|expected|planned)\b", analysis.question, re.I):
            found = [o for o in found if not re.match(rf"\s+(?:{planned})\b",
                                                      o.candidate.text[o.start + len(o.text):], re.I)] or found
        if not re.search(r"\b(?:before|previous(?:ly)?|old|original(?:ly)?|used to)\b", analysis.question, re.I):
            # "will cost £7, up from £6": the level it left, not the one asked
            found = [o for o in found
                     if not _LEFT_LEVEL.search(o.candidate.text[max(0, o.start - 45):o.start])] or found
    if re.search(r"\b(?:target|goal|aim)\b", analysis.question, re.I) and not re.search(
            r"\b(?:short|how far|miss(?:ed)?|by how much|gap|exceed(?:ed)?|beat)\b", analysis.question, re.I):
        # "pcso recruitment target": "short of its target of 120", not the 97 hired; "aiming to increase enrolment
        # from 7,400 students to 9,000 by 2028": the level aimed at
        aim = r"\b(?:targets?|goals?|aim(?:s|ed|ing)?|plans? to|pledg\w*|wants? to)\b"
        found = [o for o in found if re.search(rf"{aim}[^.,;]{{0,25}}$", o.candidate.text[max(0, o.start - 40):o.start],
                                               re.I)
                 or (re.search(r"\bto\s+$", o.candidate.text[max(0, o.start - 5):o.start])
                     and re.search(aim, o.candidate.text[:o.start], re.I))] or found
    if analysis.kind in ("money", "number") and re.search(r"\b(?:original(?:ly)?|initial(?:ly)?)\b",
                                                          analysis.question, re.I):  # "original cost": the £312m
        # "up from" or "from" gives, not the £347m it rose to
        text = lambda o, before: o.candidate.text[max(0, o.start - before):o.start]  # noqa: E731
        found = [o for o in found if _ORIGINAL_SAID.search(text(o, 50)) or re.match(
                     r"[^.,;]{0,12}\b(?:when it (?:opened|was built)|originally|initially)\b",
                     o.candidate.text[o.start + len(o.text):])] \
            or [o for o in found if _REPLACED_FIGURE.search(text(o, 40))] \
            or [o for o in found if _LEFT_LEVEL.search(text(o, 45))] or found
    if analysis.kind in ("money", "number") and _MOVED_TO_ASKED.search(analysis.question):  # "what's the fare cap
        # going up to?": the level "will rise from £2 to £2.50" reaches, not the £2 it is capped at now
        found = [o for o in found if re.search(r"\bto\s+(?:about\s+|around\s+)?$",
                                               o.candidate.text[max(0, o.start - 15):o.start])] or found
    if LATEST_ASKED.search(analysis.question) and (days := {o.candidate.hit.published for o in found} - {None}):
        # "what did the bridge end up costing?", "how many jobs are actually going?": the latest report's figure,
        # not the estimate or the rumour an earlier one gave; of the same story (a later report on a gas leak
        # evacuating "about 60 homes" is no later count of a scheme's affordable homes)
        asked = content_stems(analysis.question) - content_stems(" ".join(analysis.names)) - _GENERIC
        overlap = {id(o): len(asked & content_stems(f"{o.candidate.hit.title} {o.candidate.text}")) for o in found}
        found = [o for o in found if overlap[id(o)] >= max(overlap.values()) - 1]
        days = {o.candidate.hit.published for o in found} - {None} or days
        found = [o for o in found if o.candidate.hit.published == max(days)] or found
        # "reduced the fine from £1.6 million to £1.1 million", "revised to £61 million, more than double the first
        # estimate of £25 million": the replaced figure gives way
        found = [o for o in found
                 if not _REPLACED_FIGURE.search(o.candidate.text[max(0, o.start - 40):o.start])] or found
    counted = set().union(*(content_stems(m.group(1)) for m in _HOW_MANY.finditer(analysis.question)
                            if m.group(1).lower() not in ("people", "persons", "individuals")))  # (residents, fans
    # and passengers are people too)
    if analysis.kind == "number" and not _RATE.search(analysis.question) and (
            heads := set().union(*asked_heads(analysis), counted)):  # "cup final attendance": "in front of 6,214
        # fans", not "saved two spot-kicks"; "how many goals did Ysolde Pargeter score?": "41 goals", not the crowd
        def counts(o) -> str:  # the noun the figure counts, if the option carries one ("9,400 homes"), else the word
            if " " in o.text:  # after it ("two spot-kicks")
                return o.text.split()[-1].lower()
            after = o.candidate.text[o.start + len(o.text):].split()
            return after[0].strip(",.;:").lower() if after else ""
        if any(content_stems(counts(o)) & counted for o in found):  # the noun "how many" asks about, counted, or
            # left to be understood ("4,100 were still without electricity"), not another thing's ("a crowd of 4,312")
            found = [o for o in found if content_stems(counts(o)) & counted or (
                not re.fullmatch(r"[a-z-]+s", counts(o)) and not re.search(
                    r"\b(?!total\b|number\b)[a-z]+ of\s*$", o.candidate.text[max(0, o.start - 25):o.start]))]
        elif any(content_stems(counts(o)) & heads for o in found):
            found = [o for o in found if content_stems(counts(o)) & heads
                     or not re.fullmatch(r"[a-z-]+s", counts(o)) or counts(o).endswith("ss")]
    if analysis.kind == "number":  # "brannoch marine job cuts": of "will cut 145 of its 520 jobs", the part the
        # asked verb acts on, not the whole it is a part of
        asked = content_stems(analysis.question)
        wholes = [o for o in found for p in found if p.candidate is o.candidate and p.start < o.start
                  and re.fullmatch(r"\s+of\s+(?:its|their|the|his|her|our|all)\s+(?:\w+\s+)?",
                                   o.candidate.text[p.start + len(p.text.split()[0]):o.start])
                  and (verb := re.search(r"([A-Za-z]+)\s+(?:about\s+|some\s+|nearly\s+|almost\s+)?$",
                                         o.candidate.text[:p.start]))
                  and content_stems(verb.group(1)) & asked]
        found = [o for o in found if o not in wholes] or found
    if analysis.kind == "number" and not _CAPACITY_ASKED.search(analysis.question):  # "what was the attendance at
        # the final?": the crowd, not the 4,500 the arena "holds"
        found = [o for o in found if not _HOLDS.search(o.candidate.text[max(0, o.start - 30):o.start])] or found
    if re.search(r"\b(?:total|in all|altogether|overall)\b", analysis.question, re.I):  # "total dividend year": "taking
        # the total for the year to 13.4p", not the final dividend's 9.3p
        found = [o for o in found if re.search(r"\b(?:total\w*|in all|altogether|overall|combined)\b",
                                               o.candidate.text[max(0, o.start - 40):o.start + len(o.text) + 15],
                                               re.I)] or found
    if re.search(r"\bstill\b", analysis.question, re.I):  # "how many homes were still without power?": "4,100 were
        # still without electricity", not the 23,000 that lost it
        found = [o for o in found
                 if re.search(r"\bstill\b", o.candidate.text[max(0, o.start - 25):o.start + len(o.text) + 25], re.I)
                 ] or found
    if re.search(r"\bpeak", analysis.question, re.I):  # "peak homes without power": "51,000 homes at its peak", not
        # an hour's count in a live blog
        found = [o for o in found if re.search(r"\bpeak", o.candidate.text, re.I)] or found
    superlative = False  # (a span the asked superlative or class word singles out needs no rule's pick)
    if asked := _SUPERLATIVE.search(analysis.question):  # "lowest uptake" of "highest in Larchmont at 64 per cent
        # and lowest in Orrin Falls at 38 per cent": the span the asked superlative stands before
        kept = [o for o in found if _nearest_superlative(o) in (None, asked.group(0).lower())]
        superlative = bool(kept) and any(_nearest_superlative(o) == asked.group(0).lower() for o in kept)
        found = kept or found
    if analysis.kind == "place" and (noun := asked_class_noun(analysis.question)):
        # "which stadium will host the final?": "Gullet Road stadium in Scarrowby" gives the stadium, not its town;
        # "the Pittlecote (bus) depot"; read after the superlative ("which district had the lowest uptake?")
        said, after = regex(rf"\b{noun}", re.I), regex(rf"\W*(?:\w+\s)?{noun}", re.I)
        classed = [o for o in found if said.search(o.text) or after.match(o.candidate.text, o.start + len(o.text))]
        found = classed or found
    if not found or model is None or (analysis.kind in ("person", "organisation", "place")
                                      and not any(o.rule for o in found) and not superlative and not classed):
        return None
    best = int(np.argmax(model.scores(option_features(analysis, found, sentences, every))))
    return found[best].text, found[best].candidate
