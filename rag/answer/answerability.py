"""Does this sentence answer this question? Features of (question analysis, candidate sentence) and the learned model.

A sentence answers only when it satisfies the question's hard constraints (its names, years, figures and qualifiers,
looked for in the sentence and its context: title, outlet, date, the sentence before) and holds a thing of the asked
type that the question does not already contain. Those checks are features, not rules: a logistic model learned
offline (`python -m rag.bench.train_answer`, saved as JSON in answer/models/) weighs them with MiniLM similarity and
term coverage, and the answerer refuses when no candidate's probability reaches the model's threshold.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from datetime import date
from pathlib import Path

import numpy as np

from ..retrieval.analysis import (AFTER_CHANGE, CHANGE_WORDS, COUNTED_NOUNS, MONEY_WORDS, QuestionAnalysis,
                                  find_names)
from ..retrieval.question import CALENDAR_WORDS, MONTH_PATTERN
from ..text import STOPWORDS, normalise, regex, irregular_base, split_sentences, squash, stemmer
from .attachment import (BASE_FORMS, FIRST_PLACE, LIST_ITEM, WIN_QUESTION, against_change, as_agent, body_may_answer,
                         class_missing, closing_for_reopening,
                         current_figure_for_previous,
                         current_for_previous,
                         deed_unplaced, done_verb, former_role, group_of_other, hired_for_laid_off, join_unsaid,
                         lesser_role,
                         opposite_action,
                         other_chief, other_envoy, other_portfolio, other_first_period, other_holder,
                         other_kind_of_role, other_member,
                         other_label, other_of, other_ordinal, other_place, other_rate, other_role, other_site,
                         other_size,
                         other_year,
                         outgoing_for_new, part_win, predecessor_as_successor, relative_year, spoken_year,
                         shared_figure, spent_on_other, succession_unsaid, successor_for_predecessor, tentative,
                         unnamed_event, unnamed_member,
                         unplaced_finish, unrealised, unreported_win, unsaid_naming, unsettled, unstated_period,
                         uses_done_verb, withheld)
from .speakers import asked_speaker, sentences_before, speaks
from .support import NUMBER_WORDS

MODELS = Path(__file__).parent / "models"
# Question kinds whose answer is a thing of a type (a sum, a count, a date, a name)
FACTOID_KINDS = ("number", "money", "date", "person", "organisation", "place")
GATES = ("names", "years", "qualifiers", "head", "type", "attached")  # hard checks a sentence must pass to answer
FEATURES = ("similarity", "coverage", "coverage_context", "focus", "names_sentence", "names_near", "names_article",
            "years_ok", "year_conflict", "numbers_ok", "qualifiers_ok", "type_hit", "rank", "retrieval",
            "kind_count", "kind_date", "kind_entity", "kind_yesno", "kind_open", "constrained", "length")
_KNOWN_MONEY = re.compile(r"[£$€¥₹]\s?\d[\d,.]*(?:\s?(?:m|bn|k|million|billion|trillion|crores?|lakhs?)\b|b\b)?|"
                   r"\b(?:NIS|ILS|INR|Rs\.?|CHF|SEK|NOK|"
                   r"DKK|AUD|CAD|NZD|JPY|CNY|RMB|HKD|SGD|ZAR|BRL|MXN|KRW|AED|SAR|USD|EUR|GBP)\s?\d[\d,.]*(?:\s?(?:m|bn|"
                   r"million|billion|trillion|crores?|lakhs?)\b)?|\b\d[\d,.]*\s?(?:million|billion|"
                    r"trillion|m|bn|k)?\s?(?:dollars|pounds|euros|usd|gbp|eur|yen|rupees|"
                    r"francs|pesos|rand|roubles|rubles|shekels|yuan|renminbi|naira|rupiah|ringgit|baht|dinars?|dirhams?|"
                    r"riyals?|zloty|forint|kronor|krona|kroner|krone|crowns|koruna|lira|lire|shillings|cedis|kwacha|"
                    r"reais|"
                    r"(?<=[a-z] )marks|(?-i:[A-Z][a-z]+) marks)\b|\b(?:US|A|C|HK|NZ|S)?\$\s?\d[\d,.]*"
                    r"(?:\s?(?:m|bn|million|billion)\b)?|(?<![\w.])\d[\d,.]*(?:p|\s?pence|\s?cents?)\b(?!\.?m\b)", re.I)
# A sum in a currency the lexicon does not know ("62 million solen", "41m lorins"): a scale word then a lower-case word
# that is no ordinary English word
_SCALED_UNIT = re.compile(r"\b\d[\d,.]*\s?(?:million|billion|trillion|m|bn)\s+([a-z]{3,})\b")
# Measures written in British spelling or rarely in lower case, which the lexicon may lack: no currency ("3.2 million
# litres of untreated sewage")
_MEASURE_WORDS = frozenset({"litres", "liters", "millilitres", "megalitres", "hectolitres", "gallons", "tonnes",
                            "kilometres", "kilometers", "hectares", "acres", "cubic", "kilowatts", "megawatts",
                            "gigawatts", "kilograms", "barrels", "sq", "kilowatt", "megawatt", "gigawatt", "kwh",
                            "mwh", "gwh", "therms", "bushels", "sqft", "btu"})


ORDINARY_WORDS_PATH = MODELS / "ordinary_words.txt"


@lru_cache(maxsize=1)
def ordinary_words() -> frozenset[str]:
    """Return the word forms news writes in lower case (rag/bench/build_lexicon.py): "overnight", "last"."""
    lines = ORDINARY_WORDS_PATH.read_text(encoding="utf-8").splitlines() if ORDINARY_WORDS_PATH.exists() else []
    return frozenset(line for line in lines if line and not line.startswith("#"))


class _Sums:
    """The sums of money a text states: in a known currency (_KNOWN_MONEY) or after a scale word in a word no
    lexicon has (a currency named in the text); the few methods of a compiled pattern the answer layer uses."""

    pattern = _KNOWN_MONEY.pattern

    def finditer(self, text: str):
        known = list(_KNOWN_MONEY.finditer(text))
        other = [m for m in _SCALED_UNIT.finditer(text) if m.group(1) not in ordinary_words()
                 and m.group(1) not in _MEASURE_WORDS
                 and not any(k.start() <= m.start() < k.end() for k in known)]
        return iter(sorted(known + other, key=lambda m: m.start()))

    def search(self, text: str):
        return next(self.finditer(text), None)


MONEY = _Sums()
FIGURE = re.compile(r"(?<![\w.])(?<![A-Za-z]-)(?<!\b(?:19|20)\d\d[-–/])"  # (not the "25" of a season's "2024-25")
                    r"\d[\d,.]*(?:\s?%|\s?(?:per cent|percent|million|billion|m|bn|k)\b)?"
                    r"|(?<![A-Za-z]-)\b(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|"
                    r"four|five|six|seven|eight|nine))?|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
                    r"one|two|three|"  # (not the "one" of "Seventy-one")
                    r"four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?)\b", re.I)
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?")
WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"  # a day of the week, as news writes it
DATE = re.compile(rf"\b(?:{_MONTH}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+(?:19|20)\d\d)?\b"
                   rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:\s+(?:19|20)\d\d)?\b"
                   r"|(?:(?:spring|summer|autumn|winter|early|late)\s+(?:of\s+)?|mid-)?(?:19|20)\d\d\b"  # "spring 2025"
                   r"|(?:(?<=\bin )|(?<=\bsince )|(?<=\buntil ))1[5-8]\d\d\b"  # "founded in 1884"
                   rf"|{WEEKDAY}\b|(?:yesterday|today|tonight|tomorrow)\b"
                   r"|(?:last|this|next) (?:week|month|year|night)\b|Palm Sunday\b|Easter\b|Christmas\b"
                   r"|AD\s?\d{1,4}\b|\d{1,4}\s?(?:BC|BCE)\b)")  # ("laid around AD 240", "in 300 BC")
# A date a sentence measures against, not when anything happened: "the highest level since 2001"; "the first time
# since 1984" only for a question about the time before ("when did they last win?")
_LEVEL_SINCE = re.compile(r"\b(?:highest|lowest|level|most|least|best|worst|biggest|largest|smallest|strongest|weakest|"
                          r"fastest|slowest|high|low)\b(?:\s+[\w'’-]+){0,3}\s+since\s+(?:the\s+)?$", re.I)
_SINCE = re.compile(r"\bsince\s+(?:the\s+)?(?:early\s+|late\s+|mid-?)?$", re.I)
_BEFORE_ASKED = re.compile(r"\b(?:last|previous|previously|before|since when|how long since)\b", re.I)


def baseline_date(question: str, sentence: str, start: int) -> bool:
    """Return True when the date at start is what the sentence compares with ("rates at the highest level since
    2001"), not when the asked thing happened."""
    before = sentence[max(0, start - 60):start]
    return bool(_LEVEL_SINCE.search(before) or (_SINCE.search(before) and not _BEFORE_ASKED.search(question)))


# a year long past answers only a question about one ("what year was it founded?")
_OLD_YEAR = re.compile(r"1[5-8]\d\d")
# "is due to appear on 22 September", "delayed until April 2025": a date still to come, no answer to "when did ..."
_STILL_TO_COME = re.compile(r"\b(?:due to|is to|are to|will|would|expected to|scheduled|set to|planned|plans to|"
                            r"delayed until|postponed until|put back to|pushed back to)\b", re.I)


def _clause_before(sentence: str, at: int) -> str:
    """Return the words of the sentence's clause before a position (after the last comma, semicolon or "and")."""
    return re.split(r"[,;]|\s(?:and|but|while|after|before|when)\s", sentence[:at])[-1]


_OLD_YEAR_ASKED = re.compile(r"\byear\b|\bfounded\b|\bestablished\b|\bbuilt\b|\bsince when\b")
DAY_ASKED = re.compile(r"\b(?:what|which) (?:exact |precise )?(?:date|day)\b", re.I)  # "on what date": a day


# "next year", "tomorrow": a date still to come, which dates nothing a "when did ..." question asks was done
_AHEAD_DATE = re.compile(r"(?:next|coming) (?:week|month|year|night)|tomorrow", re.I)
_PAST_ASKED = re.compile(r"\bwhen (?:did|was|were|had)\b", re.I)


def asked_dates(question: str, sentence: str) -> list[re.Match]:
    """Return the dates in the sentence that may answer a date question: a day for "on what date"; not a year long
    past unless a year is asked ("founded in 1884"); not a date the sentence measures against ("the highest level
    since 2001"); not one still to come for a question about what was done ("may keep rates higher next year")."""
    day, old = DAY_ASKED.search(question), _OLD_YEAR_ASKED.search(question.lower())
    past = _PAST_ASKED.search(question)
    year = _YEAR_ASKED.search(question)  # "what year did she become prime minister?": a year, not "on Thursday"
    filed = DATELINE.match(sentence)  # "OSTREVIN, March 4 (Pennant Wire) -": when the report was filed
    found = [m for m in DATE.finditer(sentence) if (not day or names_day(m.group(0)))
            and not (filed and m.start() < filed.end())
            and (old or not _OLD_YEAR.fullmatch(m.group(0)))
            and not (past and (_AHEAD_DATE.fullmatch(m.group(0)) or (not _STILL_TO_COME.search(question)  # ("when
                     # was she due to appear?" asks for that date)
                     and _STILL_TO_COME.search(_clause_before(sentence, m.start())))))
            and not baseline_date(question, sentence, m.start())
            and not (_STATEMENT_DAY.search(sentence[:m.start()]) and not _SAYING_ASKED.search(question))]
    # "originally due on April 28, has been moved to May 2": the date it was moved from is not the date, unless the
    # original one is asked
    if len(found) > 1 and not _ORIGINAL_ASKED.search(question):
        found = [m for m in found if not _ORIGINAL_DATE.search(sentence[max(0, m.start() - 40):m.start()])] or found
    # "what year did she become prime minister?": "in 2021", not "on Thursday", when the sentence gives a year (a
    # day alone is read with the report's date)
    return [m for m in found if re.search(r"\b(?:1[89]|20)\d\d\b", m.group(0))] or found if year else found


_ORIGINAL_ASKED = re.compile(r"\b(?:original(?:ly)?|initial(?:ly)?|first (?:planned|scheduled|set|due)|before)\b",
                             re.I)
_ORIGINAL_DATE = re.compile(r"\b(?:original(?:ly)?|initial(?:ly)?|previously|had been)\s+(?:\w+\s+){0,3}?"
                            r"(?:due|planned|scheduled|set|expected|booked|fixed)\s+(?:for|on|in)\s+(?:the\s+)?$"
                            r"|\b(?:moved|postponed|put back|pushed back|brought forward|delayed) from\s+$", re.I)


_YEAR_ASKED = re.compile(r"^\W*(?:(?:so|and|ok)\W+)?(?:in |since )?(?:what|which) year\b", re.I)
# The day a statement was made ("finance convener Iain Drummock said on Monday", "organisers confirmed on Friday"):
# it dates the saying, not what is said, unless the question asks when it was said or announced
_STATEMENT_DAY = re.compile(r"\b(?:said|says|confirmed|announced|told [\w ]{1,30}?|added|revealed|warned)\s+"
                            r"(?:(?:late|early)\s+)?(?:on|last)\s+$", re.I)
_SAYING_ASKED = re.compile(r"\b(?:say|said|says|announc\w*|confirm\w*|reveal\w*|warn\w*|told|tell|statement)\b", re.I)


def names_day(date_text: str) -> bool:
    """Return True when a date names a day ("24 October", "Monday", "yesterday"), not only a month or a year."""
    return bool(re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\b|day\b|\b(?:yesterday|today|tomorrow|Easter|Christmas)\b",
                          date_text))


QUOTE = re.compile(r"[“\"]([^”\"]{3,})[”\"]")
# What a money or count question asks about, in groups of words that say the same thing: a sentence answering
# "how much was the fine" must speak of a fine, not of a price. Stems (PyStemmer English).
# The cost of a piece of work asked (not of a ticket, a swim or one of a thing), and spending by a crowd
_WORKS_COST_ASKED = re.compile(r"\bcost(?:s|ing)?\b", re.I)
_UNIT_COST_ASKED = re.compile(r"\b(?:an?|each|per|one|single|return|adult|child)\s+(?:[\w-]+\s+){0,2}?(?:cost|costs)\b|"
                              r"\b(?:ticket|swim|entry|admission|fare|session|visit|meal|pint|night|pass|lesson)s?\b",
                              re.I)
_CROWD_SPEND = re.compile(r"\b(?:visitors|shoppers|fans|households|tourists|consumers|customers|people|spectators|"
                          r"holidaymakers|families|drivers)\s+(?:are\s+|were\s+)?(?:\w+\s+)?(?:set to|expected to|"
                          r"will|would|could|to) spend\b", re.I)
# A sum won ("has won £7.4m from the Clean Bus Fund"): an award
_WON_SUM = re.compile(r"\b(?:won|wins|win)\s+(?:an?\s+)?(?:[£$€]|\d[\d,.]*\s?(?:m|bn|k|million|billion)\b)")
# A sum to be spent: a budget ("the union would spend £180,000 on a coaching grant scheme")
_PLANNED_SPEND = re.compile(r"\b(?:will|would|is to|are to|plans? to|planned to|set to|expects? to|intends? to) spend\b")
_HEADS = [
    {"fine", "penalti", "sanction"},
    {"pay", "paid", "bought", "buy", "sign", "fee", "cost", "price", "offer", "deal", "acquisit", "acquir", "purchas",
     "sold", "sell", "sale", "transfer", "bid", "bill", "charg"},  # "will a household pay": "a Band D bill at £X"
    {"salari", "wage", "week", "weekli", "earn", "contract"},
    {"revenu", "sale", "turnov", "arr"},
    {"profit", "loss", "earn", "incom", "deficit", "surplus"},  # net income is a profit, not a revenue
    {"fund", "rais", "invest", "round", "award"},  # not "financ": a finance director is no funding round
    {"kill", "dead", "die", "death", "toll", "fatal", "live"},
    {"injur", "wound", "hurt", "casualti"},
    {"popul", "resid", "inhabit"},
    {"attend", "crowd", "fan", "spectat", "visitor", "pack", "attract"},  # "18,500 people packed the harbour", "The
    # festival attracted 62,000 people"
    {"turnout"},
    {"age", "old", "born"},
    {"worth", "valu", "valuat"},  # what a company is valued at is not what a stake in it cost
    {"prize", "collect", "purs", "winnings", "reward", "earn"},  # "how much prize money did she collect": "collects
    # $115,000"; "The victory earns her $412,000"
    {"job", "role", "post", "posit", "redund", "workforc"},  # "620 roles will go" answers "how many jobs"
    {"loan", "borrow", "lend", "lent"},  # "how much is the bank loan?": not the grant beside it (a "lender" is a bank)
    {"ticket", "fare"},  # "how much does a return ticket cost?": a fare, not what the line cost
    {"sentenc", "jail", "prison", "imprison", "custodi"},  # "how long could his sentence be?": not hours he worked
    {"budget", "allocat", "earmark"},  # "what budget was the season given?": "a budget of £9.8m" (what was spent
    # is asked by "spend", which any word of paying answers)
    {"contribut", "fund", "pay", "paid", "give", "provid", "subsidi", "grant", "award", "cover", "compens"},  # "the
    # county covering $22 million", "doubled the compensation ... to £150"; "the council's
    # contribution":
    # "with the council contributing £38 million"; "how much is the government giving": "will provide £5 million"
    # (a sum's group only: "what magnitude did they end up giving the quake?" is no sum given)
]
# Words a keyword query may use for what a sentence says in others ("wedding" / "married", "attendance" / "fans"):
# the same thing, not a party to it (a "buyer" is not what was "sold")
_ALIKE = [{"kill", "dead", "die", "death", "toll", "fatal"}, {"injur", "wound", "hurt", "casualti"},
          {"popul", "resid", "inhabit"}, {"attend", "crowd", "fan", "spectat"}, {"wed", "marri", "marriag"},
          {"bed", "bedroom"}, {"build", "construct"}, {"leader", "leadership"},
          {"admiss", "admit"}, {"trial", "court", "juri"},
          {"agre", "approv", "vote"},
          {"hous", "home"}, {"gainer", "riser", "climber"}, {"rise", "risen", "rais", "increas", "hike"},
          {"complet", "finish"}, {"reduct", "reduc", "cut"}, {"signatur", "sign", "signatori"},
          {"launch", "unveil", "releas"}, {"batteri", "charg"}]  # ("two bed rent": "two-bedroom home"; "at trial": "the
# court heard")
# What a person is paid ("what's the chair paid?")
_EARNINGS = {"salari", "wage", "paid", "pay", "earn", "packag", "remuner", "bonus", "compens"}
# Roles asked by their initials, and the words a sentence may spell them with ("chief financial officer")
_ROLE_SHORT = {"cfo": "financial", "coo": "operating", "cto": "technology"}
# What a person question asks about: the role must be spoken of near the name ("who's the Rovers manager?").
_ROLES = [
    {"win", "won", "winner", "victori", "champion", "beat", "titl"},
    {"manag", "boss", "coach"}, {"ceo", "execut", "boss"}, {"founder", "found", "co-found"},
    {"score", "scorer", "goal", "net", "brace", "equalis", "fire", "header", "hat-trick", "penalti"},
    {"refere", "offici"}, {"captain", "skipper"}, {"presid", "leader"},
    {"mayor", "elect", "won"}, {"minist", "secretari"}, {"author", "wrote", "written", "novel"},
    {"chair", "chairman", "chairwoman", "chairperson"},
    {"director", "direct"}, {"spokesperson", "spokesman", "spokeswoman", "said", "spokesman"},
    {"actor", "play"}, {"actress", "play"}, {"produc"}, {"ambassador", "envoy"},  # "best actor" is not "best actress"
    {"own", "parent"},  # "who owns fellstream water?": "its parent company, Arnvale Utilities"
]
_ORDINAL_QUARTER = re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter\b|\bq([1-4])\b", re.I)
_QUARTER = {"first": "1", "second": "2", "third": "3", "fourth": "4", "1st": "1", "2nd": "2", "3rd": "3", "4th": "4"}
# Words that end the names of places, organisations and things, not people (a person question is not answered by
# "Northgate City" or "Quay Parade").
_NOT_PERSON = {"saints", "lions", "tigers", "eagles", "hawks",
               "wolves", "sharks", "warriors", "giants", "pirates", "raiders", "chiefs", "bulls", "knights", "city",
               "united", "rovers", "fc", "club", "town", "athletic", "wanderers", "albion", "council", "party",
               "bank", "group", "inc", "ltd", "plc", "central", "terminal", "update", "updated", "live", "breaking",
               "street", "road", "parade", "park", "square", "avenue", "stadium", "arena", "marathon", "cup", "league",
               "water", "foods", "railways", "union", "university", "school", "hospital", "court", "news", "times",
               "post", "house", "hall", "bridge", "river", "valley", "head", "bay", "island", "county", "region",
               "district", "ministry", "department", "agency", "commission", "committee", "office", "tour", "storm",
               "open", "festival", "awards", "prize", "trophy", "championship", "championships", "games", "series",
               "classic", "grand", "prix", "show", "fair", "conference", "summit", "election", "buses", "airlines",
               "airways", "rail", "power", "motors", "services", "chemists", "pharmacy", "systems", "energy",
               "holdings", "partners", "press", "wire", "media", "capital", "insurance", "homes", "stores", "trust",
               "lane",
               "drive", "crescent", "terrace", "gardens", "wharf", "estate", "centre", "airport", "station", "harbour",
               "premier", "division", "premiership", "conference", "ensemble", "band", "orchestra", "choir", "row",
               "quay", "yard", "mews", "market", "beach", "mountain", "cathedral", "abbey", "museum", "gallery",
               "theatre", "skyline", "ventures", "semiconductors", "institute", "observatory", "therapeutics",
               "pharmaceuticals", "pharma", "biotech", "biosciences", "aerospace", "technologies", "labs",
               "laboratories", "industries", "chemicals", "logistics", "robotics", "solutions", "corporation",
               "research", "reserve", "foundation", "association", "authority", "sportsbook", "fund", "funds",
               "management", "securities", "investments", "advisors", "advisers", "police", "constabulary",
               "brigade", "ambulance", "coastguard", "lifeboat", "rescue", "networks", "network", "race", "telecom",
               "telecoms", "mobile", "communications", "health", "studios", "entertainment", "airline", "shipping",
               "treaty", "act", "accord", "agreement", "convention", "declaration", "protocol", "scheme",
               "programme", "project", "inquiry", "review", "report"}  # ("the Treaty of Selmark")
# Qualifiers that change which event is meant: a men's result does not answer a women's question.
_DIRECTIONS = {"northbound": "southbound", "southbound": "northbound", "eastbound": "westbound",
               "westbound": "eastbound"}  # a direction and its opposite
_HARD_QUALIFIERS = re.compile(r"^(women'?s?|woman|female|men'?s|male|girls'?|boys'?|junior|youth|senior|under-?\d+|"
                              r"u-?\d\d|paralympic|wheelchair|h[12]|interim|acting|caretaker|permanent|deputy|assistant|"
                              rf"supporting|{'|'.join(_DIRECTIONS)})$")
# (quarters are compared by number: quarters()); a role's standing ("the interim chief executive", "best supporting
# actress") binds the answer as an event's does; so does a direction ("northbound journey times")
_WORD = re.compile(r"[a-z0-9][a-z0-9'’-]*")


@dataclass
class Evidence:
    """One candidate sentence with what surrounds it: title, outlet, date, the sentence before, the article."""

    sentence: str
    context: str      # title + the sentence before
    meta: str         # title, outlet and publication date (ISO and spelled out)
    article: str      # the article body (or the passage when the body is not at hand)
    rank: int
    retrieval: float  # the passage's retrieval score (reranker probability when reranking)
    previous: str = ""  # the sentence before (context without the title)
    following: str = ""  # the sentence after: news names a person just after describing them ("A former mayor ...
    # has been jailed. Gerald Pimm, 63, was convicted ...")
    published: date | None = None


# Nouns the stemmer leaves apart from their verbs ("closure" / "closing", "winner" / "won"): a keyword query names
# the event by its noun, a report by its verb
_DERIVED = {"buses": "bus", "closure": "close", "closures": "close", "departure": "depart", "departures": "depart",
            "expansion": "expand", "growth": "grow", "grew": "grow", "grown": "grow", "winner": "win", "winners": "win",
            "winning": "win", "injury": "injure", "injuries": "injure", "decision": "decide", "failure": "fail",
            "arrival": "arrive", "refusal": "refuse", "proposal": "propose", "approval": "approve",
            "removal": "remove", "acquisition": "acquire", "payment": "pay", "payments": "pay", "theft": "steal",
            "stole": "steal", "stolen": "steal", "choice": "choose", "defeat": "beat", "defeated": "beat",
            "takeover": "take", "takeovers": "take", "walkout": "walk", "shutdown": "shut", "buyout": "buy",
            "owner": "own", "owners": "own", "buyer": "buy", "buyers": "buy", "seller": "sell", "sellers": "sell",
            "bidder": "bid", "bidders": "bid", "prosecutor": "prosecute", "prosecutors": "prosecute"}


def content_stems(text: str) -> set[str]:
    """Return the stemmed content words of a text (irregular forms to their base: "led" -> "lead", "broken" ->
    "break"; a few nouns to their verb: "closure" -> "close"). A new set each call: callers add to it."""
    return set(_content_stems(text))


@lru_cache(maxsize=8192)  # the same sentences, titles and question words are read by many checks
def _content_stems(text: str) -> frozenset[str]:
    words = [w.strip("'’-") for w in _WORD.findall(text.lower().replace("’", "'"))]
    words = [_DERIVED.get(w) or BASE_FORMS.get(w) or (w if w in _AS_WRITTEN else irregular_base(w))
             for w in (w.removesuffix("'s") for w in words) if w and w not in STOPWORDS]
    return frozenset(stemmer().stemWords(words))


# Irregular forms the word lists here name as written ("came second", the light verbs "got", "went", "kept"): they
# keep their own stem
_AS_WRITTEN = frozenset({"came", "became", "got", "went", "kept"})


_CAUSE = r"\b(?:because|caused|blamed|due to|triggered|sparked|put down to|attributed)\b"  # why it happened
# Words of a keyword query that name the attribute asked for rather than the topic ("okafor winning time",
# "storm idris gust speed"): a sentence need not repeat the word when it holds a value of that kind.
# A figure the sentence says has changed since first given (what an "original" figure is not)
_CHANGED = (r"(?:risen|rose|rises|rising|increased|increases|raised|higher|cut|lowered|reduced|revised|now|climbed|"
            r"fell|fallen|grown|jumped|soared|scaled back|spiral\w*|balloon\w*|doubl\w*|tripl\w*|overrun\w*|"
            r"over budget|more than (?:planned|expected|budgeted)|latest|after (?:its|the) (?:expansion|extension|"
            r"redevelopment)|first phase|up from|down from)\b")
# A first figure: one the sentence does not say has changed, one said as first, or the one a change left
_FIRST_FIGURE = (rf"^(?!.*\b{_CHANGED})|\b(?:originally|initially|first (?:costed|estimated|budgeted|priced|put|set|"
                 r"quoted|valued)|when it (?:opened|was built)|up from|down from)\b")
_ATTRIBUTES = {
    "time": r"\b\d{1,2}:\d\d(?::\d\d)?\b|\b\d[\d.,]*\s?(?:hours?|hrs?|minutes?|mins?|seconds?|secs?|days?|weeks?)\b",
    "speed": r"\b\d[\d.,]*\s?(?:mph|km/h|kmh|kph|knots)\b",
    "runtim": r"\b\d[\d.,]*\s?(?:hours?|hrs?|minutes?|mins?)\b", "minut": r"\b\d[\d.,]*\s?(?:minutes?|mins?)\b",
    "score": r"\b\d{1,3}\s?[-–]\s?\d{1,3}\b",
    "result": r"\b\d{1,3}\s?[-–]\s?\d{1,3}\b|\b\d[\d.,]*\s?%|\b\d[\d,]*\s+votes?\s+to\s+\d",  # ("31 votes to 24")
    "date": DATE.pattern, "day": DATE.pattern, "when": DATE.pattern, "year": r"\b(?:19|20)\d\d\b",
    "charg": MONEY.pattern, "fee": MONEY.pattern, "price": MONEY.pattern, "cost": MONEY.pattern,
    "fine": MONEY.pattern, "height": r"\b\d[\d.,]*\s?(?:m|metres|meters|ft|feet|storey)\b",
    "level": r"\b\d[\d.,]*\s?(?:m|cm|metres|meters|ft|feet|%|per ?cent)\b",  # ("river sull peak level": "peaked at
    # 4.71 metres"; a reservoir's "61 per cent")
    "mass": r"\b\d[\d.,]*\s?(?:(?:million|m|thousand|bn|billion)\s)?(?:kg|kilograms?|tonnes?|tons|lb|pounds)\b",
    "weight": r"\b\d[\d.,]*\s?(?:(?:million|m|thousand|bn|billion)\s)?(?:kg|kilograms?|tonnes?|tons|lb|pounds)\b",
    "tonnag": r"\b\d[\d.,]*\s?(?:(?:million|m|thousand|bn|billion)\s)?(?:tonnes?|tons)\b",
    "length": r"\b\d[\d.,]*[\s-]?(?:m|km|mm|cm|metres?|meters?|miles?|ft|feet|foot|inches)\b"
              r"|\b\d[\d.,]*[\s-]?(?:years?|months?|weeks?|days?)\b",  # a contract's length is a time; "a 600-metre
    # flood wall" a length
    "size": r"\b\d[\d.,]*\s?(?:mah|wh|gb|tb|inch|inches|in|mm|cm|m|sq|acres|hectares)\b",
    "area": r"\b\d[\d.,]*\s?(?:hectares|acres|ha|sq(?:uare)?\.? ?(?:km|kilometres|kilometers|miles|metres|meters|"
            r"feet|ft)|km2|km²)\b",  # ("wildfire area burned": "after burning 5,870 hectares")
    "distanc": r"\b\d[\d.,]*[\s-]?(?:m|km|miles?|metres?|meters?)\b",  # ("a 600-metre flood wall")
    "investor": r"(?<=\w )[A-Z][\w&'’.-]+", "maker": r"(?<=\w )[A-Z][\w&'’.-]+", "owner": r"(?<=\w )[A-Z][\w&'’.-]+",
    "provid": r"(?<=\w )[A-Z][\w&'’.-]+",  # ("dental contract replacement provider": the firm named)
    "champion": r"\b(?:won|wins|win|title|champion)\b", "winner": r"\b(?:won|wins|win|title|champion)\b",
    "perform": r"\d[\d.,]*\s?(?:%|per ?cent)", "valu": MONEY.pattern, "worth": MONEY.pattern,
    "share": r"\d[\d.,]*\s?(?:%|per ?cent)", "turnout": r"\d[\d.,]*\s?(?:%|per ?cent)",
    "age": r"\b[A-Z][\w'’-]+,\s\d{1,3},|\baged?\s\d{1,3}\b|\b\d{1,3}-year-old\b",
    "attend": r"\bcrowd\b|\b\d[\d,]*\s+(?:fans|spectators|people|visitors)\b",
    "toll": r"\b(?:killed|dead|died|deaths|lives)\b", "death": r"\b(?:killed|dead|died|deaths?|lives)\b",
    "sentenc": r"\b(?:jailed|sentenced|imprisoned|detained|locked up|given)\b[^.]{0,40}"
               r"\b(?:years?|months?|weeks?|life)\b",
    # what a ship or a hall holds ("will carry 220 passengers and 40 cars"), where someone was born, a firm's staff,
    # a round's opponents ("will face Barrowfield Rovers")
    "capac": r"\b(?:carr(?:y|ies|ied)|holds?|seats?|seating|accommodat\w*|sleeps?)\b",
    "birthplac": r"\bborn\b", "workforc": r"\b(?:employ\w*|staff|workers|jobs)\b",
    "oppon": r"\b(?:face|faces|facing|against|meet|meets|host|hosts|visit|visits|drawn|play|plays)\b",
    "rainfal": r"\b\d[\d.,]*\s?(?:mm|cm|inch(?:es)?)\b", "amount": r"\d", "figur": r"\d",
    "percentag": r"\d[\d.,]*\s?(?:%|per ?cent)", "percent": r"\d[\d.,]*\s?(?:%|per ?cent)",
    # "corran unemployment rate": "Unemployment rose to 5.6 percent" ("rating" shares the stem); a school's or a
    # hotel's grade: "rated 'good'", "told it "requires improvement""
    "rate": r"\d[\d.,]*\s?(?:%|per ?cent)|\b(?:rated|rating)\b"
            r"|(?<!\bby )(?:[£$€]\d[\d.,]*|\b\d[\d.,]*\s?(?:p|pence|cents?))\s+(?:per|a|an|each)\s+"
            r"(?:minute|hour|day|night|week|month|year|mile|km|litre|unit|kwh)\b",  # a price by the unit: "39 cents per
    # minute"
    # who or what took over ("has instead awarded the contract to Parkway Dental Care")
    "replac": r"\b(?:instead|in place of|taking over|take over|takes over|took over|succeed\w*|successor)\b",
    # what a plant made ("generated 14.2GWh", "produced 41,000 tonnes")
    "output": r"\b\d[\d.,]*\s?(?:million\s+|m\s+|bn\s+)?(?:[kmgt]wh|tonnes?|barrels?|litres?|units|cars|vehicles|"
              r"bottles)\b",
    "grade": r"\b(?:rated|graded|judged|rating|grade)\b|[\"“‘][A-Za-z][a-z ]{2,30}[\"”’]",
    # when a thing is due to happen ("brackenvault firm offer deadline": "has until 11 March"), why it happened
    # ("halvercrest outage cause": "blamed a faulty update"), where someone came from ("rebbeck former club":
    # "signed ... from Dunmarrow United")
    "deadlin": DATE.pattern, "start": DATE.pattern, "timet": DATE.pattern, "schedul": DATE.pattern,
    # what a sum is ("prize money": "earns her $412,000"), who came second ("runner-up": "a win over Soltanovy"),
    # where ("venue": "at the Gildhall Theatre")
    "money": MONEY.pattern, "prize": MONEY.pattern, "salari": MONEY.pattern, "wage": MONEY.pattern,
    "earn": MONEY.pattern, "runner-up": r"\b(?:over|beat|beating|defeated|second|runners?-up|final)\b",
    "venu": r"\b(?:at|in)\s+(?:the\s+)?[A-Z]", "locat": r"\b(?:at|in)\s+(?:the\s+)?[A-Z]",
    "caus": _CAUSE, "reason": _CAUSE,
    "former": r"\b(?:from|former|previously|ex-|left|joined)\b",
    "previous": r"\b(?:from|former|previously|ex-|left)\b",
    # superlatives qualify the attribute ("storm brannagh max gust"): the sentence gives the figure without them
    "max": r".", "maximum": r".", "top": r".", "peak": r".", "highest": r".",
    # a film's studio and a loan player's parent club are named ("Greyholt Pictures' fantasy", "on loan from FC
    # Veldhoven"); a ballot's support is a share; an opening night is a date
    "studio": r"(?<=\w )[A-Z][\w&'’.-]+|^[A-Z][\w&'’.-]+", "parent": r"\b(?:from|owned by|subsidiary of)\b",
    "support": r"\d[\d.,]*\s?(?:%|per ?cent)", "ballot": r"\b(?:vot\w*|backed|ballot\w*|turnout)\b",
    "open": DATE.pattern, "night": DATE.pattern,
    "hometown": r"\bfrom\b|\bborn in\b|\bnative\b|\bgrew up\b|\b\w+-based\b|\bbased in\b",
    "month": DATE.pattern, "begin": DATE.pattern,
    # a figure's role, said in other words: an aim ("aiming to hire 120", "will cut emissions by 62% by 2035", "has
    # launched a £350,000 appeal"), a sum set for a purpose ("approved £265,000 to refurbish", "set aside £11.5
    # million", "for a £4.8m refurbishment"), an estimate ("Police put the crowd at 22,000"), a race's or a vote's
    # margin ("beating Harlow Green by 23 runs", "by 31 votes to 24"), a first figure (one the sentence does not say
    # has changed, or the one it changed from: "up from £312m")
    "target": r"\b(?:aim(?:s|ed|ing)?|targets?|goals?|ambition|hop(?:e|es|ing)|intends?|wants?|pledg\w*)\b[^.]{0,40}\d"
              r"|\d[^.]{0,15}\b(?:appeal|target|goal)\b"
              r"|\b(?:will|would|aims? to|aiming to|plans? to|set to|wants? to|pledged to|promised to)\b[^.]{0,60}"
              r"\bby (?:the end of )?(?:19|20)\d\d\b",
    "budget": rf"\b(?:approv\w*|set aside|allocat\w*|earmark\w*|budget\w*|committed|for an?|{_PLANNED_SPEND.pattern})"
              rf"\s+(?:an?\s+)?"
              rf"(?:{MONEY.pattern})(?!\S*\s+(?:of|in)\s+(?:cuts|savings|reductions))"
              rf"|(?:{MONEY.pattern})\s+(?:to|for)\s+(?:refurbish|build|fit|repair|renovat|upgrad|"
              rf"compensat|fund|run|buy|replac|restor)\w*",
    "debt": r"(?<!is )(?<!are )(?<!was )(?<!were )(?<!been )\bow(?:ed|es|ing)\b",  # "the company owed creditors £4.1m"
    # (not "is owed £4.1m by customers": a debt to it)
    "estim": r"\b(?:estimat\w*|put (?:the \w+ |it )?at|expect\w*|forecast\w*|projected|predicted|thought to)\b"
             r"|\bplans? for an? [£$€]\d",  # ("submitted plans for a £38m motorway service area": its first
    # estimate)
    "margin": r"\b(?:won|win|wins|winning|beat|beats|beating|beaten|defeated|defeating|lost|losing|carried|passed|"
              r"ahead|majority|victory)\b[^.]{0,60}\bby\s+(?:\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|"
              r"ten)\s*(?:runs?\b|wickets?\b|points?\b|goals?\b|votes?\b|seconds?\b|lengths?\b|strokes?\b|shots?\b|"
              r"tries\b|frames?\b|sets?\b|%|per ?cent\b)|\b\d[\d,]*\s+votes?\s+to\s+\d",
    "origin": _FIRST_FIGURE, "initi": _FIRST_FIGURE,
    # jobs a closure costs, the homes a farm powers, a fleet's vehicles, a vote's split ("voted five to two"), a loan's
    # lender, a gift's donor, a port's volume, a price rise's impact on a bill, a jail term
    "lose": r"\b(?:cost|costs|cut|cuts|axe[sd]?|axing|shed\w*|loss|losses)\b",
    "power": r"\b(?:electricity|energy|supply|supplies|enough for)\b",
    "fleet": r"(?<!\badd )(?<!\badding )(?<!\border )(?<!\bbuy )(?<!\bbuying )\b\d[\d,]*\s+"
             r"(?!new\b|more\b|extra\b|additional\b)(?:\w+\s+)?(?:buses|trams|trains|aircraft|planes|jets|ships|"
             r"vessels|vehicles|lorries|trucks|taxis|boats|ferries|coaches|scooters|e-scooters|bikes|e-bikes|vans)\b"
             r"(?!\s+(?:were\s+|had\s+been\s+)?(?:stolen|recovered|vandalised|dumped|damaged))",
    "split": r"\bvot\w*\s+(?:\w+\s+){0,3}?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
             r"(?:votes?\s+)?to\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b"
             r"(?!\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))",
    "product": r"\bproduced by\b|\bproduc(?:ed|es|ing)\b[^.]{0,30}\d[\d.,]*\s*(?:million\s+|m\s+)?(?:units|cars|"
               r"vehicles|barrels|tonnes|litres|bottles|a year|a day|a week)",  # ("paper kites production company":
    # "produced by Meridian Pictures")
    "extens": r"\bextend\w*\b", "lender": r"\bloans?\b", "donor": r"\b(?:gift|donat\w*|gave|given|bequest|pledg\w*)\b",
    "temperatur": r"\d[\d.]*\s?°?\s?[CF]\b|\bdegrees\b",
    "altitud": r"\b\d[\d.,]*\s?(?:km|kilometres|miles|feet|ft|m)\b",
    "volum": r"\d[\d.,]*\s*(?:million\s+|m\s+)?(?:teu|twenty-foot|containers|tonnes|barrels|passengers|litres|units)",
    "impact": rf"\b(?:add\w*|cost\w*|rais\w*|increas\w*|cut\w*|sav\w*|lose|los\w*)\b[^.]{{0,40}}(?:{MONEY.pattern})"
              rf"[^.]{{0,40}}\b(?:bills?|a year|a month|a week|households?|customers?)\b",
    "term": r"\b(?:jailed|sentenced|imprisoned|detained|locked up|given|ban\w*)\b[^.]{0,40}"
            r"\b(?:years?|months?|weeks?|life)\b",
}


_NAME_WORD = r"(?:Mc|Mac|O['’]|D['’])?[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*"  # "Pimm", "Tebbutt-Marr", "O'Brien"
_PERSON_NAME = re.compile(rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}")  # "Gerald Pimm", "Ellingham"


def _implied_first_names(names: list[str], text: str, following: str = "") -> set[str]:
    """Return the stems of the first names the text implies: "Marlowe, 54, denies ..." speaks of the "colin marlowe"
    asked about, as news names a person in full once and by surname after; "Roy Pennock" is not "gillian pennock".
    A sentence describing someone the next one names in full ("A former finance manager ... was jailed. Gillian
    Pennock, 58, used ...") implies the whole name."""
    implied = set()
    for name in names:
        words = name.split()
        if len(words) != 2 or not person_like(name):
            continue
        if re.match(rf"\W*{re.escape(name)}\b", following) and not re.search(rf"\b{re.escape(words[1])}\b", text):
            implied |= content_stems(name)
            continue
        said = [m for m in re.finditer(rf"\b{re.escape(words[1])}\b", text)]
        if said and not any(re.search(r"[A-Z][\w'’-]+\s+$", text[:m.start()]) for m in said):
            implied |= content_stems(words[0])
    return implied


_COUNT_KEYWORDS = {"number", "total", "count"}
# Words of a keyword query that name the report, not what it says ("veltrix q1 results", "storm latest")
_KEYWORD_LIGHT = {"q1", "q2", "q3", "q4", "h1", "h2", "news", "latest", "updat", "revis", "current", "info", "detail",
                  "size", "affect", "chang", "final", "new", "actual", "without", "plan",
                  "now"}  # ("trial size": how many
# took part, which no sentence calls a size; "new pubs planned": "would open six new pubs"; "final price per share":
# the price "raised its offer to" gives; "peak homes without power": "cut power to 51,000 homes at its peak";
# "revised opening date": which of the dates, not a word the answering sentence uses: "pushed back from May 2026 to
# March 2027"; "homes affected": "told 3,800 homes to boil tap water"; "bin collection change date": "will be
# collected every three weeks")


_SPELLED = re.compile(r"\b(?:" + "|".join(w for w in NUMBER_WORDS if w not in ("dozen", "decade", "hundred"))
                      + r")\b", re.I)  # number words a figure may be spelled with


_CLASS_NOUNS = {**dict.fromkeys(("club", "team", "side", "company", "firm", "business", "group", "regulator",
                                 "watchdog", "organisation", "organization", "body", "institution"), "organisation"),
                **dict.fromkeys(("location", "venue", "place", "site", "town", "city", "village", "country", "county",
                                 "region", "ground", "stadium"), "place")}


@lru_cache(maxsize=4096)
def _joined_stems(text: str) -> frozenset[str]:
    """Return the stems of a text's neighbouring words written as one ("buy back": "buyback")."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    return frozenset(content_stems(" ".join(a + b for a, b in zip(words, words[1:]))))


_UTMOST = re.compile(r"\b(?:up to|peak(?:ed|ing)?|at its (?:height|peak)|a record|record-breaking|maximum|"
                     r"(?:high|low|strong|larg|bigg|fast|great|heavi|long|hott|cold|wett|dri|busi|deep|tall)est|"
                     r"most|worst|best)\b", re.I)  # (what a superlative keyword may be said by)


_RACE = re.compile(r"\b(?:freestyle|backstroke|breaststroke|butterfly|medley|hurdles|relay|sprint|race|dash|"
                   r"steeplechase|heat|semi-final|final)\b", re.I)


def _since_unasked(question: str, text: str) -> str:
    """Return the text without a year a record counts from ("its first profit since 2019", "the highest since
    2008", "the strongest in the region since 1994"), unless the question asks "since": the figure is not 2019's."""
    return text if re.search(r"\bsince\b", question, re.I) else re.sub(
        r"\b(?:first|highest|lowest|biggest|largest|best|worst|most|fewest|strongest|weakest|hottest|coldest|"
        r"wettest|driest|deadliest|busiest)\s+(?:[\w-]+\s+){0,6}?"
        r"since (?:at least )?(?:19|20)\d\d\b(?!,?\s+(?:when|in which)\b)", " ", text, flags=re.I)  # ("the deadliest
    # since 2015, when 130 people were killed" gives 2015's figure)


def keyword_gate(keywords: set[str], near: str, sentence: str, query: set[str] = frozenset()) -> bool:
    """Return True when every topic word of a keyword query is near the sentence (a stem, the start of a longer one:
    "rail" / "railway", a part of a hyphenated word whose other parts the query (query: its stems) says too, or a
    short word the initials of the words there spell: "lez" / "low emission zone"), and each missing word names an
    attribute the sentence holds a value of."""
    near_stems = content_stems(near)
    # a hyphenated word speaks of its parts when the query says the others too ("first half" / "first-half profit";
    # "pre-tax" is not "after tax")
    said = keywords | query
    said |= set().union(*(group for group in _ALIKE if group & said))  # ("two bed": "two-bedroom")
    for word in re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)+", near.lower()):
        pieces = [content_stems(p) for p in word.split("-")]
        for i, stems in enumerate(pieces):
            if all(not other or other <= said for j, other in enumerate(pieces) if j != i):
                near_stems |= stems
    # a word the text writes as two ("buyback" / "buy back", "preorders" / "pre-orders"), a hyphened query word the
    # text writes apart ("four-hour share" / "within four hours")
    near_stems |= _joined_stems(near)
    near_stems |= {k for k in keywords if "-" in k and all(
        content_stems(p) <= near_stems for p in k.split("-") if content_stems(p))}
    if _UTMOST.search(near):  # "strongest gusts": "gusts of up to 94mph", "a record 26,500"
        near_stems |= {k for k in keywords if k.endswith("est")}
    initials = "".join(w[0] for w in _WORD.findall(near) if w not in STOPWORDS)  # (of content words: "maui" is
    # no run of "made a ... in" initials)
    initials += " " + "".join(w[0] for w in _WORD.findall(sentence.lower())
                              if w not in STOPWORDS or w in ("most", "least", "best"))  # "mvp": "most valuable
    # player" ("most" is a stopword), in the sentence itself
    missing = {k for k in keywords if k not in near_stems and not (len(k) >= 4 and any(
        s.startswith(k) for s in near_stems)) and not (2 <= len(k) <= 4 and k.isalpha() and k in initials)
        and not (len(k) >= 6 and k.endswith(("or", "er")) and any(s.startswith(k[:-2]) for s in near_stems))
        and not (k in _MADE_FROM and _MADE_FROM[k] in near_stems)}
    # ("distributor": "distributed", "scorer": "scored"; a noun made from the verb said: "settlement": "to settle",
    # "valuation": "valuing", "leakage": "leaks"); a word saying the same thing ("wedding": "married",
    # "attendance": "6,214 fans")
    missing = {k for k in missing if not any(k in group and group & near_stems for group in _ALIKE)}
    if "ceo" in missing and re.search(r"\bchief exec", near):  # "aldwater ceo bonus": "chief executive Graham Petrie"
        missing.discard("ceo")
    if not missing:
        return True
    figures = _SPELLED.sub(lambda m: NUMBER_WORDS[m.group(0).lower()], sentence)  # "banned for ten years": a length
    missing = {k for k in missing if not (k in _ATTRIBUTES and any(re.search(
        _ATTRIBUTES[k], text, 0 if k in ("investor", "maker", "owner", "provid", "venu", "locat", "studio") else re.I)
        for text in (sentence, figures)))}
    if missing & _COUNT_KEYWORDS:  # "motor insurance claims number": a figure said of another query word ("9,500
        # motor claims", "18,400 runners finished") is the number asked
        counted = (keywords | query) - _COUNT_KEYWORDS  # ("64,000 Kestrel SUVs" for "brevant kestrel recall number")
        if any(content_stems(" ".join(re.findall(r"[A-Za-z][\w'’-]*", figures[m.end():])[:2])) & counted
               for m in FIGURE.finditer(figures)):
            missing -= _COUNT_KEYWORDS
    return not missing


# Nouns a search-box query uses for the verb a report says (stems: "settlement" / "to settle"); a list, as a suffix
# rule takes "footage" for "foot" and "shipment" for "ship"
_MADE_FROM = {"settlement": "settl", "valuat": "valu", "leakag": "leak", "agreement": "agre"}


def per_said(question: str, sentence: str) -> set[str]:
    """Return {"per"} when a query's "per <thing>" is said by the sentence as "each / every <thing>" or a sum "a
    <thing>" ("voucher per household": "Each household can claim up to £1,200", "£900 a household"; not "a household
    earning under £30,000 is eligible"), else an empty set."""
    said = _per_thing_said(question)
    return {"per"} if said and said.search(sentence.lower()) else set()


@lru_cache(maxsize=256)  # read once a question, not once a candidate sentence
def _per_thing_said(question: str) -> re.Pattern | None:
    """Return how a sentence says a query's "per <thing>" ("each household", "£900 a household"), or None."""
    per = re.search(r"\bper (?!cent\b)([a-z]{3,})", question.lower())
    if not per:
        return None
    thing = re.escape(per.group(1).rstrip("s"))
    return re.compile(rf"\b(?:each|every|per) {thing}|[£$€]\d[\d,.]*(?:m|bn|k)?\s+(?:a|an) {thing}")


# How news also writes a country a keyword query names by its short form ("us", "uk")
_COUNTRY_FORMS = {"united states": r"\b(?:us|u s|usa|american)\b", "united kingdom": r"\b(?:uk|u k|britain|british)\b"}


def has_term(term: str, text: str) -> bool:
    """Return True when a constraint term is in the text: the whole term; for a long single word, the same word
    with another ending (Russian / Russia, Ukrainian / Ukraine); for a name of several words, its distinctive word
    (the last one that is not generic: "Northgate" of "Northgate City", "Doyle" of "Kenny Doyle"), but a model with
    its number only in full ("iPhone 15 Pro"); for a name joined
    by "of" or "de", each side ("Tour de France" is not any text naming France, nor "Bank of England" any naming
    England)."""
    term = normalise(term)
    if term in text or (term in _COUNTRY_FORMS and regex(_COUNTRY_FORMS[term]).search(text)):
        return True
    sides = re.split(r"\s+(?:of|de)\s+(?:the\s+)?", term)
    if len(sides) > 1 and all(sides):  # a generic side by its own word ("tour", "bank")
        return all(has_term(side, text) if any(len(w) >= 4 and w not in _NOT_PERSON for w in side.split())
                   else regex(rf"\b{re.escape(side)}(?:s|es)?\b").search(text) is not None  # (all of a generic
                   for side in sides)  # side of several words: "the bank" is no "Reserve Bank")
    words = term.split()
    if len(words) == 1:
        return len(term) >= 6 and regex(rf"\b{re.escape(term[:-3])}").search(text) is not None
    distinctive = [w for w in words if len(w) >= 4 and w not in _NOT_PERSON]
    if distinctive and any(re.fullmatch(r"\d{1,3}", w) for w in words):  # a model is named in full: "iPhone 15 Pro"
        return False  # is no "iPhone 14", no "iPhone 15" and no "iPhone" alone ("Pellow 7" is no "Pellow 7 Max")
    if distinctive:
        return regex(rf"\b{re.escape(distinctive[-1])}\b").search(text) is not None
    last = words[-1]  # an abbreviated name ("Man Utd"): its last word shortens a longer word there ("United")
    if 2 <= len(last) <= 4 and last.isalpha():
        pattern = rf"\b{last[0]}" + "".join(f"[a-z]*{ch}" for ch in last[1:]) + r"[a-z]*"
        return any(len(found) > len(last) for found in re.findall(pattern, text))
    return False


def _share(terms: list[str], text: str) -> float:
    return sum(has_term(t, text) for t in terms) / len(terms) if terms else 1.0


_CURRENCIES = {"£": ("£", "pound", "gbp"), "$": ("$", "dollar", "usd"), "€": ("€", "euro", "eur"),
               "¥": ("¥", "yen", "yuan")}
_ASKED_CURRENCY = re.compile(r"\bin (?:us |american |australian |canadian |hong kong |new zealand )?(pounds|sterling|"
                             r"dollars|euros|yen)\b|^[^0-9]*?([£$€¥])(?!\d)", re.I)
_UNIT = re.compile(r"\s?(?:mm|cm|km|kg|g|mph|km/h|kmh|ft|m|metres|meters|miles|litres|kw|mw|gw|gb|tb|°c?)\b"
                   r"|(?<=\d)[CF]\b")  # ("Temperatures reached 24C": no count)


# A figure of time ("in 24 hours", "a 12-year sentence") is a duration, not a count of things, unless time is asked
_UNITS_OF_TIME = r"(?:hours?|days?|weeks?|months?|years?|minutes?|mins?|seconds?|decades?)\b"
DURATION = re.compile(rf"(\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))[\s-]?"
                      rf"{_UNITS_OF_TIME}(?:,?(?: and)? (?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|"
                      r"eleven) "
                      rf"{_UNITS_OF_TIME})?", re.I)  # "seven years and four months", "9 hours 52 minutes"
_DURATION_ASKED = re.compile(r"\b(?:hours?|days?|weeks?|months?|years?|minutes?|seconds?|decades?|how long|old|age|"
                             r"length|duration|sentence|jail term|prison term|waits?|waiting|delays?)\b")
# A question asking for a match's score, and a scoreline
SCORE_ASKED = re.compile(r"\b(?:the|final|full-time|half-time|match|game)\s+score\b|\bscoreline\b|\bfinal result\b|"
                         r"\bfinal (?:(?:19|20)\d\d )?score\b|"  # ("challenge shield final 2024 score")
                         r"\bmargin of (?:the )?votes?\b|"  # "by what margin of votes": "seven votes to four"
                         r"^(?!.*\bhow (?:many|much)\b).*\bscore\W*$|"  # (not "how many goals did he score?")
                         r"\bwhat (?:was )?the (?:final )?vote\b|\bthe vote was\b|\bvote (?:tally|count)\b|"
                         r"^[a-z0-9 '’-]+\bvote(?: result)?$",  # a keyword query's "committee vote": the vote itself
                         re.I)  # the noun, not "how many goals did he score"; the vote itself, not what it was on
_TALLY_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen)"
SCORE = re.compile(r"(?<![\d:.,])(?<!\bfrom )\b\d{1,3}\s?(?:[-–]|to|votes? to)\s?\d{1,3}\b(?![:.,]\d)"
                   r"(?:,\s?\d{1,2}[-–]\d{1,2}\b)*"
                   rf"|\b{_TALLY_WORD} votes? to {_TALLY_WORD}\b", re.I)  # ("by seven votes to four")
# ("11-7", "31 votes to 24", a tennis match's sets "6-2, 6-3"; "cut from 420 to 380" is a change, and so is "from
# 1,600 to 1,350": no "600 to 1" inside it)
# A question asking for a length of time itself ("how long ...", "contract length"), answered by one with its unit
_SPAN_NOUNS = (r"(?:course|route|race|track|line|bridge|tunnel|river|runway|road|path|trail|wall|pipeline|cable|pier|"
               r"jetty|viaduct|aqueduct|canal|promenade|causeway|boardwalk|breakwater|fence)")
# a length of time ("how long was he jailed", "contract length"), not a course's length in km
_SPAN_ENDS = r"s?(?=\s*(?:[?.!]|$)|\s+(?:over|across|between|from|now|today)\b)"  # (not "the pier closure", "the
# fence in place", "the bridge to be closed", "the line at the polling station")
LENGTH_ASKED = re.compile(rf"^\W*how long\b(?!\s+(?:is|was|will be)\s+(?:[\w'’-]+\s+){{0,3}}"
                          rf"{_SPAN_NOUNS}{_SPAN_ENDS})|"
                          rf"(?<!course )(?<!route )(?<!race )(?<!track )(?<!line )(?<!bridge )(?<!tunnel )(?<!road )"
                          rf"(?<!extension )(?<!bypass )(?<!runway )(?<!pipeline )(?<!railway )(?<!trail )(?<!wall )"
                          rf"\blength\b(?!\s+of\s+(?:the\s+)?{_SPAN_NOUNS})|"
                          r"\b(?:duration|sentence|jail term|prison term)\b",
                          re.I)


def duration_asked(question: str) -> bool:
    """Return True when a question asks about a length of time or an age ("how long", "how many days")."""
    lowered = question.lower()
    if re.search(r"\bhow many (?!(?:more |extra |further )?(?:seconds|minutes|hours|days|weeks|months|years|decades|"
                 r"nights)\b)[a-z]", lowered) and "how long" not in lowered:
        return False  # "how many kids were waiting ...": kids counted, not the weeks they wait
    return any(not (re.fullmatch(_UNITS_OF_TIME, m.group(0)) and _PERIOD_BEFORE.search(lowered[:m.start()]))
               for m in _DURATION_ASKED.finditer(lowered))  # "in its first week", "per day": a period, not asked


_TIME_UNITS = ("second", "minute", "hour", "day", "week", "month", "year", "decade")
_UNIT_ASKED = re.compile(r"\bhow many (seconds|minutes|hours|days|weeks|months|years|decades)\b")


def other_time_unit(question: str, sentence: str, start: int) -> bool:
    """Return True when the question asks for a count of one time unit and the figure at start is no length of time,
    or one in a unit two or more steps away ("how many years could he face?": not "about seven weeks in prison", nor
    "one of his lawyers"; a year may be said in months)."""
    asked = _UNIT_ASKED.search(question.lower())
    if not asked:
        return False
    if not (said := DURATION.match(sentence, start)):
        return True
    unit = re.search(_UNITS_OF_TIME, said.group(0), re.I)
    wanted = _TIME_UNITS.index(asked.group(1).removesuffix("s"))
    found = next((i for i, u in enumerate(_TIME_UNITS) if unit and unit.group(0).lower().startswith(u[:3])), None)
    return found is not None and abs(found - wanted) > 1


# a time unit said as the period something happened in ("in its first week", "per day", "last year")
_PERIOD_BEFORE = re.compile(r"\b(?:first|second|third|fourth|final|last|this|next|per|a|an|each|every|that|same|"
                            r"previous|opening|coming|past|whole|entire)\s+$")


_RATE_WORDS = re.compile(r"\b(percent\w*|per cent|rate|share|proportion|ratio|turnout|by how much|rise|rose|fall|fell|"
                         r"(?:fund|pension|investment|portfolio|endowment|savings)\b[^?]{0,40}\breturns?|"
                         r"growth|grew|increase\w*|decrease\w*|drop\w*|cut|change|margin|odds|%|interest|yield|"
                         r"inflation|swing|effective|efficacy)\b|%")


_PAY_RISE = re.compile(r"\bpay (?:deal|offer|rise|award|claim|increase|settlement)|\b(?:rise|increase)\b")
_PERCENT = re.compile(r"\d[\d,.]*\s?(?:%|per ?cent)")


def pay_rise_figures(question: str, sentence: str) -> list[re.Match]:
    """Return the percentages that answer a money question about a pay offer, claim or rise ("what pay offer did the
    drivers turn down?", "union pay claim": "3.5%"), none for another money question."""
    if not _PAY_RISE.search(AFTER_CHANGE.sub(" ", normalise(question))) or re.search(
            r"\b(?:one-off|lump[- ]sum|payments?|bonus(?:es)?)\b", question, re.I):  # ("how much will a tanker pay
        return []  # after the fee rise?": a sum, the rise only dates it; "what one-off payment under the pay deal?")
    return [m for m in _PERCENT.finditer(sentence)
            if not _BALLOT_SHARE.search(sentence[max(0, m.start() - 40):m.start()])
            and not _SHARE_OF_MEMBERS.match(sentence[m.end():])]  # ("backed by 81% of union members": no rise)


_SHARE_OF_MEMBERS = re.compile(r"\s+of\s+(?:the\s+)?(?:union\s+)?(?:members|those|workers|staff|votes|voters|"
                               r"employees)\b")
_BALLOT_SHARE = re.compile(r"\b(?:backed|approved|supported|endorsed|rejected|accepted)\b[^.;]{0,25}\bby\s+$|"
                           r"\bturnout of\s+$|\bvoted\b[^.;]{0,25}\bby\s+$", re.I)


_PAY_RISE_ASKED = re.compile(r"\bpay (?:deal|offer|rise|award|increase|settlement|claim)\b|\bpay\b.*\bsettle", re.I)


def sums_said(question: str, sentence: str) -> list[re.Match]:
    """Return the sums a money question may be answered with: a pay rise's percentage before a one-off sum ("a 5.5%
    rise ..., plus a one-off payment of £400" for "what pay rise did they settle for?"), else the sentence's sums, else
    a pay offer's percentage when it gives no sum."""
    rises = pay_rise_figures(question, sentence)
    if rises and _PAY_RISE_ASKED.search(question) and not re.match(r"\W*(?:so |and )?how much\b", question, re.I):
        return rises  # ("how much is the pay offer worth?": a sum)
    return list(MONEY.finditer(sentence)) or rises


_MOVED_BY = re.compile(r"(?<!take )(?<!takes )(?<!took )(?<!taking )(?<!make )(?<!makes )(?<!made )(?<!making )"
                       r"\b(?:up|down|by|rose|fell|gained|lost|added|shed|dropped|jumped|climbed|slid|slipped|"
                       r"surged|tumbled|sank|soared)\s+(?:about\s+|nearly\s+|almost\s+|more than\s+|over\s+)?$", re.I)
# rates given as a percentage ("the inflation rate", "its unemployment rate")
_PERCENT_RATE = re.compile(r"\b(?:interest|inflation|unemployment|jobless|tax|growth|vacancy|mortgage|savings|policy|"
                           r"lending|employment|participation|occupancy|vaccination|response|pass|approval|survival|"
                           r"poverty|tariff|vat|discount|churn|default|retention|detection|success|completion|recovery|"
                           r"clearance|conviction|attendance|literacy|obesity|smoking|mortality|"
                           r"graduation|dropout|absence|error|failure|acceptance|utilisation|utilization|"
                           r"positivity|take-up|uptake)\s+rates?\b", re.I)
_PROPORTION_WORDS = re.compile(r"\b(turnout|percentage|per ?cent|proportion|share|uptake|coverage|punctuality|"
                               r"occupancy)\b")


def asked_currency(question: str) -> str | None:
    """Return the currency symbol a money question asks in ("arantes fee in pounds" -> "£"), or None."""
    match = _ASKED_CURRENCY.search(question)
    if not match:
        return None
    word = (match.group(1) or match.group(2) or "").lower()
    return next((symbol for symbol, forms in _CURRENCIES.items() if any(word.startswith(f) for f in forms)), None)


def _in_currency(amount: str, symbol: str) -> bool:
    lowered = amount.lower()
    return any(form in lowered for form in _CURRENCIES[symbol])


# A price asked for a market that has its own currency: "velnora us price per dose", "the price in Europe", "price
# europe" (but "how much will it cost us?" asks no market)
_MARKETS = {"$": r"united states|america|american|u\.?s\.?", "£": r"u\.?k\.?|britain|british|united kingdom",
            "€": r"europe|european|eurozone|euro ?zone|e\.?u\.?", "¥": r"japan|japanese"}
_PRICED = r"(?:price|prices|priced|cost|costs|retail|sell|sells|selling|launch|launched|launches|fee|fees|charge|dose)"
_MARKET_ASKED = {symbol: re.compile(rf"\b(?:in|for) (?:the )?(?:{words})\b(?!-)|\b(?:{words}) {_PRICED}\b|"
                                    rf"\b{_PRICED} (?!u\.?s\.?\b)(?:{words})\b", re.I)
                 for symbol, words in _MARKETS.items()}
_OTHER_DOLLAR = re.compile(r"(?:C|A|NZ|S|HK|AU|CA)\$|\$\s?[\d.,]+\s?(?:[a-z]+\s)?(?:CAD|AUD|NZD|SGD|HKD)\b")


_DIFFERENCE = re.compile(r"\s+(?:more|less|higher|lower|cheaper|dearer|above|below|up|down|over|under)\s+"
                         r"(?:than|on|from)\b", re.I)
_DIFFERENCE_ASKED = re.compile(r"\b(?:more|less|higher|lower|cheaper|dearer|difference|than|compared)\b", re.I)


def a_difference(question: str, sentence: str, end: int) -> bool:
    """Return True for a sum that says by how much one figure passes another ("€1,349, €50 more than first
    announced"), which answers no question asking the figure itself."""
    return bool(_DIFFERENCE.match(sentence, end)) and not CHANGE_WORDS.search(question) \
        and not _DIFFERENCE_ASKED.search(question) and not sentence[:end].rstrip().endswith(",")  # "will cost £7,
    # up from £6": the new level


# What a company's sum measures: its sales, its profit or its loss, net, operating or before tax ("operating loss of
# SEK 820 million" is no net profit; "revenue ... than the €1.35 billion recorded a year ago" no profit at all)
_MEASURE = re.compile(r"\b(?:(net|operating|pre-?tax|gross|underlying|adjusted|core)\s+)?(revenues?|sales|turnover|"
                      r"profits?|income|earnings|loss(?:es)?|valuation|valued|values?)\b", re.I)
_MEASURE_FAMILY = {"revenue": "sales", "revenues": "sales", "sales": "sales", "turnover": "sales", "profit": "profit",
                   "profits": "profit", "income": "profit", "earnings": "profit", "loss": "loss", "losses": "loss",
                   "valuation": "value", "valued": "value", "value": "value", "values": "value"}


def _measure(match: re.Match) -> tuple[str, str]:
    return (match.group(1) or "").lower().replace("-", ""), _MEASURE_FAMILY[match.group(2).lower()]


def measure_named(question: str, sentence: str, start: int) -> bool:
    """Return True when the sentence names the asked measure right before the sum ("a Series C round that values it
    at $1.6 billion" for "series c valuation"; not the "$220 million" raised)."""
    asked = list(_MEASURE.finditer(question))
    said = list(_MEASURE.finditer(sentence[:start]))
    if len(asked) != 1 or not said or _measure(said[-1]) != _measure(asked[0]):
        return False
    # "revenue was €1.31 billion, 3% lower than the €1.35 billion recorded in 2024": the same measure, another time
    return len(sentence[said[-1].end():start].split()) <= 4 or bool(_COMPARED_SUM.search(sentence[:start]))


_SUM_VERBS = content_stems("pay paid cost spend spent earn buy bought sell sold charge raise receive give get make "
                           "fetch")


def head_by(question: str, heads: list[set[str]], sentence: str, start: int, end: int) -> bool:
    """Return True when the question's own word for what a money question asks about is said with the sum: just
    before it or just after it ("fined the company £3.2m", "a £3.2m fine"; not the "£815m" investment programme
    before it). Another word of its group does not do ("raised its offer to 233p a share" for "bought ... for how
    much?")."""
    question_stems = content_stems(question)
    asked = question_stems & set().union(*heads) - _SUM_VERBS  # (the verbs say too little: "was paid £1.3m" is no
    # chair's pay)
    before = _WORD.findall(sentence[max(0, start - 50):start].lower())[-4:]
    after = _WORD.findall(sentence[end:end + 30].lower())
    around = before[1:] + (after[1:2] if after[:1] == ["in"] else after[:1])  # ("£95 in compensation")
    for i, word in enumerate(around):
        if content_stems(word) & asked:
            modifier = (before[:1] + around)[i]  # "with day tickets at £79" is no weekend ticket
            return not (content_stems(modifier) - question_stems) or word == around[-1]
    return False


# A verb giving the level a sum is ("closed at", "rose to"): the verb itself, so "day tickets at £79" is none
_LEVEL_VERB = re.compile(r"\b([a-z]+(?:ed|ose|ell|old|ood|et))\s+(?:at|to)\s+(?:about\s+|around\s+)?$")


def verb_before(question: str, names: list[str], sentence: str, start: int) -> bool:
    """Return True when a verb of the question gives the level the sum is ("closed at $31.44" for "at what price did
    the shares close?", not "opened at $29.50"; "rose to", "priced at")."""
    level = _LEVEL_VERB.search(sentence[:start])
    return bool(level and content_stems(level.group(1)) & (content_stems(question) - content_stems(" ".join(names))))


_COMPARED_SUM = re.compile(r"\b(?:than|from|compared (?:with|to)|against|versus)\s+(?:the\s+|a\s+|an\s+)?(?:\w+\s+)?$",
                           re.I)


_EARLIER_ASKED = re.compile(r"\b(?:before the (?:rise|increase|hike|cut)|before (?:it|they) (?:rose|rise|go|went)|"
                            r"before (?:it|they) (?:was|were) (?:raised|increased|cut|lowered|revised)|"
                            r"before rise|previous|old|original)\b", re.I)
_NEW_LEVEL = re.compile(r"\b(?:rise|rises|rising|rose|go up|goes up|going up|went up|increase[sd]?|increasing|climb\w*|"
                        r"jump\w*|be raised|raised|lowered|reduced|revised(?: up| down)?|upped|lifted|slashed|trimmed|"
                        r"cut|cuts|fall|falls|fell|drop\w*)\s+to\s+$", re.I)


def new_level(question: str, sentence: str, start: int) -> bool:
    """Return True for a figure the sentence gives as the level after a change ("the weekly ticket will rise to £22")
    when the question asks the level before it ("weekly ticket price before rise", "the old fare")."""
    return bool(_EARLIER_ASKED.search(question)) and bool(_NEW_LEVEL.search(sentence[max(0, start - 30):start]))


_SOLD_ASKED = re.compile(r"\b(?:sale price|sold|sell|fetch\w*|went for|go for|price paid|paid|pay|hammer price|"
                         r"bought|buy)\b", re.I)  # what a thing sold for ("in a deal valued at £40m" is its price)


def sum_unasked(question: str, sentence: str, m: re.Match) -> bool:
    """Return True for a sum the sentence gives as another thing than the one a money question asks: a figure set
    aside ("rather than £6m"), an estimate for a price paid, a rate by the hour for a whole cost, a whole prize fund
    for a winner's prize, a grant for what is paid, a new level for what a change adds, a scheme's cost for a sale
    price, a saving for anything but a saving."""
    return set_aside(question, sentence, m.start()) \
        or (_SOLD_ASKED.search(question) is not None and estimate_unasked(question, sentence, m.start())) \
        or rate_unasked(question, sentence, m.end()) or pool_unasked(question, sentence, m.start()) \
        or other_sum_kind(question, sentence, m.end()) or increment_unasked(question, sentence, m.start()) \
        or scheme_unasked(question, sentence, m.end()) or saving_unasked(question, sentence, m.start()) \
        or other_purpose(question, sentence, m)


def other_purpose(question: str, sentence: str, m: re.Match) -> bool:
    """Return True for a sum given towards a thing ("offered $120,000 toward an electric replacement") when the
    question asks what the thing costs, or for what a thing costs to do another deed ("would cost $160,000 to
    replace" for "how much will it cost to run each year?")."""
    if not re.search(r"\bcost", question, re.I):
        return False
    if re.match(r"\s+(?:towards?|to(?:wards)? the cost of)\b", sentence[m.end():], re.I):
        return True
    asked = re.search(r"\bcost\w*\s+(?:\w+\s+){0,2}?to\s+([a-z]+)", question, re.I)
    said = re.match(r"\s+(?:a year\s+|each year\s+)?to\s+([a-z]+)", sentence[m.end():], re.I)
    return bool(asked and said) and not content_stems(asked.group(1)) & content_stems(said.group(1))


def scheme_unasked(question: str, sentence: str, end: int) -> bool:
    """Return True for the sum of a scheme ("the £15m scheme should be complete by 2026") when the question asks what
    a thing sells or sold for ("what will the brenford mill flats sell for?"): what builds them is no sale price."""
    return _SOLD_ASKED.search(question) is not None and not _WHOLE_WORKS.search(question) and re.match(
        r"\s+(?:(?!sale\b)[a-z-]+\s+)?(?:scheme|project|development|redevelopment|conversion|plan|upgrade|"
        r"refurbishment|investment|revamp|regeneration)\b(?!\s+(?:site|plot|land|deal|sale|package)\b)",
        sentence[end:]) is not None


def saving_unasked(question: str, sentence: str, start: int) -> bool:
    """Return True for a sum saved ("the move will save £310,000 a year") when the question asks no saving nor cut
    ("cresswell activo leisure contract value")."""
    return not re.search(r"\bsav(?:e|es|ed|ing|ings)\b|\bcuts?\b|\bbenefit|\bget back\b|\bbetter off\b|\bcheaper\b|"
                         r"\blower\b|\breduc\w*|\bless\b", question, re.I) and re.search(
        r"\bsav(?:e|es|ed|ing)\s+(?:(?:the \w+|it|them|us|taxpayers|families|customers|about|around|some|an "
        r"estimated|up to)\s+){0,2}$", sentence[max(0, start - 40):start], re.I) is not None


_INCREMENT_ASKED = re.compile(r"\badd(?:s|ed|ing)? (?:to|onto)\b|\bhow much (?:more|extra)\b|\bby how much\b|"
                              r"\bhow much (?:higher|bigger|dearer)\b", re.I)


def increment_unasked(question: str, sentence: str, start: int) -> bool:
    """Return True for a sum the sentence gives as a new level ("has risen to £510m") when the question asks how much
    a change adds ("how much will the redesign of the healthcare wing add to the cost?"): the level is not the rise."""
    return bool(_INCREMENT_ASKED.search(question)) and bool(re.search(
        r"\b(?:risen|rose|rises|rising|increased|increases|climbed|jumped|grown|grew|"
        r"(?:gone|went|go|goes|going|put|pushed) up)\s+to\s+"
        r"(?:about |around |nearly |almost |some )?$", sentence[max(0, start - 40):start], re.I))


# A question asking what is paid or what a thing costs
_PAYING_ASKED = re.compile(r"\b(?:pay|paying|paid|pays|cost|costs|costing|price|prices|bill|bills|charge|charges|"
                           r"charging|fee|fees|spend|spending)\b", re.I)
# A sum of its own kind, said by the noun right after it ("a £2.1m energy efficiency grant")
_OWN_KIND_AFTER = re.compile(r"\s+(?:(?!(?:in|of|for|to|from|on|at|as|by|with|including|plus|and|or)\s)"
                             r"[a-z-]+\s+){0,2}?"
                             r"(grants?|loans?|subsid(?:y|ies)|dividends?|donations?|savings?|profits?|loss(?:es)?|"
                             r"revenues?|turnover|debts?|windfall)\b")  # (what is received or made, not what is
# paid: a fine, a settlement, compensation, a prize or a bonus is paid)


def other_sum_kind(question: str, sentence: str, end: int) -> bool:
    """Return True for a sum the sentence names as a kind of its own ("secured a £2.1m energy efficiency grant") when
    the question asks what is paid or what something costs and names no such kind ("how much is Corran Mill paying
    for energy?")."""
    kind = _OWN_KIND_AFTER.match(sentence, end)
    return bool(kind) and bool(_PAYING_ASKED.search(question)) \
        and not content_stems(kind.group(1)) & content_stems(question)


# A one-off piece of work, whose cost is a whole sum ("the courts revamp", "the bridge repair")
_WHOLE_WORKS = re.compile(r"\b(?:revamp|renovat\w*|refurb\w*|project|works|upgrade|scheme|build|rebuild|repairs?|"
                          r"redevelop\w*|extension|construction|restoration|overhaul|makeover|refit|conversion)\b",
                          re.I)


def rate_unasked(question: str, sentence: str, end: int) -> bool:
    """Return True for a sum the sentence gives by the hour, night or head ("sessions costing £5 an hour") when the
    question asks what a thing cost as a whole ("how much did the courts revamp cost?"), naming no rate and no
    thing bought by the unit (a ticket, a fare, a room)."""
    return bool(re.search(r"\bcost", question, re.I)) and bool(_WHOLE_WORKS.search(question) or re.search(
        r"\b(?:in total|altogether|overall|all told|total)\b", question, re.I)) and not re.search(
        r"\b(?:per|each|an?|every)\s+(?:hour|minute|night|day|week|month|session|visit|person|head|adult|child|ride|"
        r"trip|journey|game|match|year)\b|\b(?:hourly|nightly|daily|weekly|monthly|tickets?|fares?|fees?|prices?|"
        r"charges?|entry|admission|sessions?|rides?|trips?|meals?|pints?|nights?|stays?|rooms?|hire|rent|memberships?|"
        r"subscriptions?|class(?:es)?|lessons?|visits?|parking|passes?|tariffs?|rates?|bills?)\b", question, re.I) \
        and bool(re.match(r"\s*(?:an?|per|each)\s+(?:hour|minute|night|day|session|visit|person|head|adult|child|"
                          r"ride|trip|journey|game|match)\b", sentence[end:], re.I))


def pool_unasked(question: str, sentence: str, start: int) -> bool:
    """Return True for a sum the sentence gives as a whole prize fund ("from a total prize fund of £540,000") when the
    question asks what a winner or a player took home ("champion prize money", "how much did she win?")."""
    return bool(re.search(r"\b(?:champion|winner|won|collected|earned|took home|pocketed|got)\b", question, re.I)) \
        and not re.search(r"\b(?:fund|pool|pot|purse|total|can|could|will|would|players|winners|competitors|"
                          r"entrants)\b", question, re.I) \
        and bool(re.search(r"\bprize (?:fund|pool|pot|money pool)\s+(?:of\s+)?(?:about\s+|around\s+)?$",
                           sentence[max(0, start - 30):start], re.I))


def estimate_unasked(question: str, sentence: str, start: int) -> bool:
    """Return True for a sum the sentence gives as an estimate or a guide ("with an estimate of £3m to £4m", "is
    expected to fetch £2m") when the question asks what was paid or fetched, not the estimate."""
    return not re.search(r"\b(?:estimat\w*|expect\w*|guide|forecast\w*|predict\w*|valu\w*|worth|could|might|would|"
                         r"may|likely)\b", question, re.I) \
        and bool(re.search(r"\b(?:estimates?\s+of|guide price\s+of|expected to (?:fetch|sell for|make|raise))\s+"
                           r"(?:between\s+|up to\s+|around\s+|about\s+)?"
                           r"(?:[£$€]?\d[\d.,]*\s?(?:m|bn|k|million|billion)?\s*(?:to|and|-|–)\s*)?$",  # (a range)
                           sentence[max(0, start - 30):start], re.I))


def set_aside(question: str, sentence: str, start: int) -> bool:
    """Return True for a figure the sentence gives as the one not taken ("will now employ 900 people rather than
    1,400", "£4m instead of £6m") when the question does not ask the earlier or planned one."""
    return not _EARLIER_ASKED.search(question) and not re.search(
        r"\b(?:first|initial|planned|originally|initially|ask\w*|want\w*|offer\w*|bid\w*|demand\w*|propos\w*|seek\w*|"
        r"sought|request\w*|hop\w*|expect\w*|reject\w*|turn\w* down)\b", question, re.I) \
        and bool(re.search(r"\b(?:rather than|instead of)\s+(?:the\s+|an?\s+)?$", sentence[max(0, start - 20):start]))
    # ("accepted £12m from United rather than £15m from City" for "how much did City offer?": City's figure)


def measure_fits(question: str, sentence: str, start: int, end: int) -> bool:
    """Return False for a sum the sentence gives as another measure than the one asked: the last measure named
    before it (or right after it: "a €64m loss"), against the question's ("net profit": not a loss, not sales, not
    an operating profit). True when either names none."""
    asked = list(_MEASURE.finditer(question))
    if len(asked) != 1:
        return True
    before = list(_MEASURE.finditer(sentence[:start]))
    after = _MEASURE.match(sentence, end) or re.match(rf"\s+(?:(?:in|of)\s+)?{_MEASURE.pattern}", sentence[end:], re.I)
    said = before[-1] if before else after
    if said is None:
        return True
    (asked_kind, asked_family), (said_kind, said_family) = _measure(asked[0]), _measure(said)
    return asked_family == said_family and not (asked_kind and said_kind and asked_kind != said_kind)


def market_currency(question: str) -> str | None:
    """Return the currency of the market a money question asks a price in ("velnora us price" -> "$", "the price
    in Europe" -> "€"), or None."""
    if not re.search(rf"\b{_PRICED}\b", question, re.I):  # "Apple's revenue in Europe" may be in dollars
        return None
    found = [symbol for symbol, pattern in _MARKET_ASKED.items() if pattern.search(question)]
    return found[0] if len(found) == 1 else None


def in_asked_currency(question: str, amount: str) -> bool:
    """Return True when a sum is in the currency the question asks in, or asks a market's price in ("$895" for "us
    price", not "€640" nor "C$345"); True when the question names no currency."""
    market = market_currency(question)
    currency = asked_currency(question) or market
    if currency is None:
        return True
    if currency == "$" and market == "$" and _OTHER_DOLLAR.search(amount):
        return False
    return _in_currency(amount, currency)


def asked_sums(question: str, sentence: str, sums: list[re.Match]) -> list[re.Match]:
    """Return the sums that may answer a money question by what the sentence says of them: in the currency asked (or
    of the market asked), not a difference between two figures, the measure asked (a net profit, not a loss)."""
    per_share = re.search(r"\b(?:per|a) share\b", question, re.I)  # "what price per share": "465p a share", not
    # the £1.36bn the deal is worth
    return [m for m in sums if in_asked_currency(question, m.group(0)) and not a_difference(question, sentence, m.end())
            and measure_fits(question, sentence, m.start(), m.end())
            and (not per_share or re.match(r"\s*(?:a|per|each)\s+(?:share|unit)\b|\s*(?:p|c|cents|pence)\b",
                                           sentence[m.end():]) or re.search(r"\d\s?(?:p|c)$", m.group(0).strip()))]


_DAY_OF_MONTH = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b")
_COMPOUND = re.compile(r"-(?!(?:odd|plus|year-old)\b)[A-Za-z]|-,?\s+(?:and|or|to)?\b")  # "a five-car train", "a
# 2.3-kilometre wall", "two-, three- and four-bedroom homes"


_FORECAST_WORDS = re.compile(r"\b(?:predicted|predicts?|predicting|forecasts?|forecasted|forecasting|expects?|"
                             r"expected|expecting|projected|projects|anticipated|anticipates|guidance|consensus|hoped|"
                             r"hopes|hoping|aims|aimed|aiming|targets|targeted|targeting)\b", re.I)
_TARGET_MISSED = re.compile(r"\b(?:miss|missing|missed|misses|meet|meeting|met|meets|hit|hitting|beat|beating|"
                            r"breach\w*|fail\w*(?: to (?:meet|hit|reach))?|exceed\w*)\s+"
                            r"(?:(?:its|their|the|his|her|our|[a-z]+)\s+){0,3}$", re.I)  # (what a target is said
# with when it is no forecast)
# A sum offered and turned down is not what was paid: "rejected an earlier bid of £8,000"
_REJECTED = re.compile(r"\b(?:rejected|rejecting|turned down|turning down|refused|declined|rebuffed|snubbed)\b", re.I)
_ASKS_FORECAST = re.compile(r"\b(?:predict\w*|forecast\w*|expect\w*|project\w*|anticipat\w*|guidance|consensus|"
                            r"estimate\w*|outlook|target\w*|will|would|going to|plan\w*|due|should|meant to|"
                            r"supposed to|set to|aim\w*|intend\w*|original\w*|initial\w*)\b", re.I)  # ("original
# construction cost": "Construction is expected to cost £420m")


# "how much's the council saving by ...?", "how many homes are they building?": what is under way is said as expected
_ASKS_UNDER_WAY = re.compile(r"^\W*(?:so |and )?how (?:much|many)\b[^?]*?(?:\b(?:is|are)|['’]s)\s"
                             r"(?:[\w'’-]+\s){0,3}?"
                             r"(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bits )(?<!\btheir )(?<!\bhis )(?<!\bher )(?<!\bthis )"
                             r"(?!(?:th|someth|anyth|noth|everyth|morn|even|k|r)ing\b)[a-z]{3,}ing\b", re.I)  # (not a
# noun: "how much is the building worth?")
_NOW_ASKED = re.compile(r"\b(?:at the moment|currently|at present|right now|these days|so far|to date)\b", re.I)


_WEIGHT_ASKED = re.compile(r"\bweigh(?:s|ed)?\b(?!-)|\bweight\b(?!-)|\bheav(?:y|ier|iest)\b", re.I)


def weight_not_sum(question: str, match: re.Match) -> bool:
    """Return True when a question asks a weight and the sum found is one in pounds ("weighed 148 pounds at birth")."""
    return bool(_WEIGHT_ASKED.search(question)) and re.search(r"\bpounds?\b|\blbs?\b", match.group(0), re.I) is not None


def figure_roles(question: str, sentence: str) -> list[tuple[int, int]]:
    """Return the spans of the sentence's figures that cannot answer a count or amount question whatever it asks: the
    day of a date ("EASTMERE, 12 May", "June 9") or a clock time's minutes ("7:55 p.m."), a list item's number, a
    score's numbers, a place in a table ("the bottom three"), a figure only forecast when the question asks
    what was ("had predicted a high of 35C", "expects 7.1 million this year"), a sum turned down ("rejected a bid of
    £8,000") unless a bid or offer is asked, and for "how many" the number in a compound
    modifier ("312 seats per five-car train": one train, not five)."""
    spans = [m.span() for m in _DAY_OF_MONTH.finditer(sentence)]
    if not re.search(r"\btimes?\b|\bclock", question, re.I):  # "7:55 p.m." counts nothing; a winning time is one
        spans += [m.span() for m in re.finditer(r"\b\d{1,2}:\d\d(?::\d\d)?(?:\s?[ap]\.?m\.?)?", sentence)]
    if listed := re.match(r"\s*(?:-\s*)?\d{1,2}[.)]\s", sentence):  # a list item's number ("3. £9 million is ...")
        spans.append((listed.start(), listed.end()))
    if not SCORE_ASKED.search(question) and not re.search(r"\bvot\w*|\bscor\w*|\bmargin\b|\bmajority\b", question,
                                                         re.I):  # "voted 38-17" is no rise of 38
        spans += [m.span() for m in SCORE.finditer(sentence)]
    if not re.search(r"\bmargin\b|\bmajority\b|\bby how (?:much|many)\b", question, re.I):  # "won by 611 votes":
        # the margin, not the votes a winner got
        spans += [m.span(1) for m in re.finditer(r"((?:\d[\d,.]*\s?(?:h|hrs?|hours?|mins?|minutes?|s|secs?|"
                                                 r"seconds?|points?|votes?|goals?|lengths?|strokes?)\s*){1,3})"
                                                 r"(?:ahead of|clear of|behind|in front of)\b", sentence, re.I)]
        # ("1min 12sec ahead of")
        spans += [m.span(1) for m in re.finditer(r"\b(?:won|wins|win|winning|beat|beaten|lost|loses|lose|held|holds|"
                                                 r"kept|carried|edged|passed|defeated)\b[^.;]{0,40}?\bby\s+"
                                                 r"(\d[\d,.]*|(?:one|two|three|four|five|six|seven|eight|nine|ten)\b)",
                                                 sentence, re.I)]
    if not re.search(r"\b(?:position|place|rank\w*|finish\w*|edition|anniversary|which|what number)\b", question,
                     re.I):  # "the town's 12th Lantern Festival": an ordinal counts nothing
        spans += [m.span() for m in re.finditer(r"\b\d{1,4}(?:st|nd|rd|th)\b", sentence)]
    if not re.search(r"\b(?:then|previous\w*|before|earlier|last time|at the time)\b", question, re.I) and re.search(
            r"\bthen (?:was|were|stood|had been)\b|\bback then\b|\bat the time\b", sentence, re.I):
        spans.append((0, len(sentence)))  # "Turnout then was 31%": a figure of the earlier event just spoken of
    if not re.search(r"\bat risk\b|\bthreat\w*|\bcould\b|\bmight\b|\bmay\b", question, re.I):  # "putting about
        # 1,100 jobs at risk": no count of jobs lost
        spans += [m.span() for m in re.finditer(r"\b\d[\d,.]*(?:\s+[a-z]+){0,2}\s+at risk\b", sentence)]
    if re.search(r"\bwill\b|\bgoing to\b", question, re.I) and not _NOW_ASKED.search(question):  # "how many people
        # will work at the plant?": not the staff it "now has"
        spans += [m.span() for m in re.finditer(r"(?<!\bwill )(?<!\bwould )\b(?:now|currently|at present|"
                                                r"at the moment)\s+(?:has|have|had|"
                                                r"employs?|employing|stands? at)\s+(?:about |around |some )?\d[\d,.]*",
                                                sentence, re.I)]
    if _NOW_ASKED.search(question):  # "how many passengers does it handle at the moment?": not the 38 million it
        # "will" handle, nor what it aims at "by 2035"
        spans += [(m.start(), m.end()) for m in re.finditer(r"\bwill\b[^,;.]*|\bby (?:19|20)\d\d\b", sentence)]
    if not re.search(r"\b(?:top|bottom)\b", question, re.I):  # "out of the bottom three": a place in a table
        spans += [m.span() for m in re.finditer(r"\b(?:top|bottom)\s+(?:\d{1,2}|two|three|four|five|six|seven|eight|"
                                                r"nine|ten)\b", sentence, re.I)]
    if not re.search(r"\breject\w*|\bturn\w* down|\brefus\w*|\bdeclin\w*|\bbids?\b|\boffers?\b", question, re.I):
        spans += [(m.start(), m.end() + len(re.split(r"[,;]|\s(?:and|but|while)\s", sentence[m.end():])[0]))
                  for m in _REJECTED.finditer(sentence)]  # "rejected an earlier bid of £8,000": no fee
    if not _ASKS_FORECAST.search(question) and not _ASKS_UNDER_WAY.search(question):  # "Forecasters had predicted
        # a high of 35C": no temperature reached
        # the forecast's clause: "with 33C expected on Friday"; "expected to open a line next year, creating about
        # 60 jobs" (a participle goes on with it)
        clause = r";|,(?!\s+[a-z]+ing\b)|\s(?:and|but|while|with)\s"
        spans += [(m.start() - len(re.split(clause, sentence[:m.start()])[-1]),
                   m.end() + len(re.split(clause, sentence[m.end():])[0])) for m in _FORECAST_WORDS.finditer(sentence)
                  if not _TARGET_MISSED.search(sentence[:m.start()])]  # "fined £3.2m for missing its leakage
        # targets": a fine for a target missed, no forecast
    if re.match(r"\W*(?:so |and |hey,? |quick q\W+)?how many\b", question.lower()):
        spans += compound_counts(question, sentence)
    return spans


# "its Orla 3 smartwatch": a model's number, no count (not a date's day: "May 3")
_MODEL_NUMBER = re.compile(rf"(?<=\w\s)(?!{_MONTH}\s$)(?!{WEEKDAY}\s$)"
                           r"[A-Z][A-Za-z]+\s$")
# "bringing one to the heart of the town", "one of them": a pronoun, no count
_PRONOUN_ONE = re.compile(r"(?i:one)\b(?=\s*(?:[,.;:!?)\"”]|$|\s(?:to|of|in|at|on|that|which|who|is|was|for|from|"
                          r"with|by|and|or|but|as)\b))")


def compound_counts(question: str, sentence: str) -> list[tuple[int, int]]:
    """Return the spans of figures in a compound modifier that counts something the question does not ask about
    ("a 60-seat restaurant" for "how many jobs"; "their 10-point penalty" for "how many points" is kept)."""
    asked = content_stems(question)
    spans = []
    for m in FIGURE.finditer(sentence):
        if _COMPOUND.match(sentence, m.end()):
            noun = re.search(r"-([A-Za-z]+)", sentence[m.end():])  # ("two-, three- and four-bedroom": bedroom)
            if not (noun and content_stems(noun.group(1)) & asked):
                spans.append(m.span())
    return spans


_LENGTH_UNIT = (r"\s?(?:m|metres?|meters?|km|kilomet(?:re|er)s?|miles?|ft|feet|foot|cm|inch(?:es)?|yards?|"
                r"light[- ]years?|parsecs?|au)\b")
# A measure a question names, and the unit its figure must carry ("what temperature": "36.4C", not "1.8 billion")
_ASKED_UNITS = [
    (re.compile(r"\bkilomet(?:re|er)s? (?:per|an) hour\b|\bkm/h\b|\bkph\b|\bkmh\b", re.I),
     re.compile(r"\s?(?:km/h|kmh|kph|kilomet(?:re|er)s? (?:per|an) hour)\b", re.I)),
    (re.compile(r"\bmiles (?:per|an) hour\b|\bmph\b", re.I), re.compile(r"\s?(?:mph|miles (?:per|an) hour)\b", re.I)),
    (re.compile(r"\btemperatures?\b|\b(?:hottest|coldest|warmest)\b|\bdegrees\b", re.I),
     re.compile(r"\s?(?:°\s?[CF]?|C\b|F\b|degrees?|celsius|fahrenheit)", re.I)),
    (re.compile(r"\bkwh\b", re.I), re.compile(r"\s?kwh\b", re.I)),
    (re.compile(r"\bmph\b|\bspeeds?\b(?![- ](?:cameras?|limits?|bumps?|humps?|checks?|traps?|awareness)\b)|\bgusts?\b",
                re.I),  # ("speed cameras": a count of drivers caught, no speed)
     re.compile(r"\s?(?:mph|km/h|kmh|knots|miles per hour|kilomet(?:re|er)s per hour)\b", re.I)),
    (re.compile(r"\b(?:metres|meters|km|kilometres|kilometers|miles|feet|height|tall|how high|depth|how deep|"
                rf"distance|how far|{_SPAN_NOUNS}s?\s+length|extension\s+length|bypass\s+length)\b"
                rf"|^\W*how long (?:is|was|will be) (?:[\w'’-]+ ){{0,3}}{_SPAN_NOUNS}{_SPAN_ENDS}", re.I),
     re.compile(_LENGTH_UNIT, re.I)),  # ("thornmere tram extension length": 2.7 km; "how long is craybourne pier?")
    (re.compile(r"\b(?:litres|liters|gallons|cubic (?:metres|meters|feet))\b", re.I),  # "how many litres of sewage"
     re.compile(r"\s?(?:(?:million|billion|thousand)\s)?(?:litres|liters|l|gallons|cubic (?:metres|meters|feet)|"
                r"m3|m³)\b", re.I)),
    (re.compile(r"\brainfall\b|\bhow much rain\b|\brain (?:forecast|total)\b", re.I),
     re.compile(r"\s?(?:mm|cm|inch(?:es)?|millimet(?:re|er)s)\b", re.I)),
    (re.compile(r"\b(?:temperature|how (?:hot|cold|warm|chilly)|heat record|record high|record low)\b", re.I),
     re.compile(r"\s?(?:°\s?[CF]?|º\s?[CF]?|C\b|F\b|degrees?\b|deg\b|celsius\b|fahrenheit\b)", re.I)),  # not "1884"
    (re.compile(r"\bweight(?: limit)?\b|\bhow heavy\b|\bweigh(?:s|ed)?\b", re.I),  # "what weight limit": "26-tonne",
     re.compile(r"[\s-]?(?:tonnes?|tons?|t|kg|kilos?|kilograms?|grams?|g|lbs?|pounds|stone|ounces|oz)\b", re.I)),
]  # not the 11,000 vehicles a day that used the bridge


def asked_unit(question: str) -> re.Pattern | None:
    """Return the unit pattern the figure answering the question must carry, or None."""
    return next((unit for asks, unit in _ASKED_UNITS if asks.search(question)), None)


def without_names(analysis: QuestionAnalysis) -> str:
    """Return the question with its names taken out: a word of a name ("the Midnight Miles walk") asks for no unit
    and names no counted thing."""
    return _without_names(analysis.question, tuple(analysis.names))


@lru_cache(maxsize=256)  # read once a question, not once a candidate sentence
def _without_names(question: str, names: tuple[str, ...]) -> str:
    if not names:
        return question
    return " ".join(re.sub("|".join(rf"\b{re.escape(n)}\b" for n in names), " ", question, flags=re.I).split())


def with_unit(question: str, sentence: str, figures: list[re.Match]) -> list[re.Match]:
    """Return the figures carrying the unit the question's measure needs (all of them when it names none)."""
    unit = asked_unit(question)
    return figures if unit is None else [m for m in figures if unit.match(sentence, m.end())]


def other_counts(analysis: QuestionAnalysis, sentence: str) -> list[tuple[int, int]]:
    """Return the spans of the figures a "how many X" question cannot take because they count something else, by the
    plural noun right after them ("flies to 22 destinations" for "how many passengers"; "5 goals" for "how many
    points"), or because they are the whole a part is taken from ("drop five of its 14 routes"); for a keyword query,
    by the plural noun it ends in."""
    last = analysis.question.lower().split()[-1] if analysis.question.split() else ""
    if analysis.is_keyword and analysis.kind == "number" and re.fullmatch(r"[a-z]{3,}s", last) \
            and last not in _NOT_COUNTED:  # "skerrow ferry rescue passengers": passengers, not the 3 lifeboats
        counted = content_stems(last) - content_stems(" ".join(analysis.names))
        deed = any(w in _KEYWORD_DEEDS for w in analysis.question.lower().split()[:-1]) or last in _AGENT_COUNTS
        return (_wholes(sentence) if deed else []) + _counting_other(sentence, counted, people=False) \
            if counted else []  # ("rescued passengers", "finishers": a part that did it; "plant workers": the whole)
    if not re.match(r"\W*(?:so |and |hey,? |quick q\W+)?how many\b", analysis.question.lower()):
        return []
    counted = set().union(*asked_heads(analysis))
    if noun := re.search(r"\bhow many (?:[\w'’-]+ ){0,3}?([a-z]+s|people|children|staff|sheep|cattle|deer|fish|"
                         r"livestock|geese|mice|police|men|women|aircraft)\b",
                         analysis.question.lower()):
        counted |= content_stems(noun.group(1))  # the noun counted ("902 votes", "persuaded 14 pensioners" for "how
        # many pensioners did he persuade to invest?" beside its verb's group)
    if not counted:
        return []
    spans = []
    if not re.search(r"\b(?:total|in all|altogether|overall|whole|registered|employ\w*|owns?|owned|runs?|operat\w*|"
                     r"based)\b|\bhow many \w+ (?:does|do|did|will) [^?]*\bhave\b",
                     analysis.question, re.I):  # "drop five of its 14 routes": the whole is not what the verb counts
        # (a whole the question describes is asked: "how many boats were registered in the harbour?")
        spans += _wholes(sentence)
    return spans + _counting_other(sentence, counted)


# Words of a search-box query saying a deed done to or by a part of a whole ("rescue", "finishers")
_KEYWORD_DEEDS = {"rescue", "rescued", "moved", "cut", "saved", "lost", "closed", "axed", "evacuated", "injured",
                  "killed", "sacked", "finished", "survived", "passed", "failed"}
_AGENT_COUNTS = {"finishers", "survivors", "starters", "qualifiers", "graduates", "leavers"}


def _wholes(sentence: str) -> list[tuple[int, int]]:
    """Return the spans of the wholes a part is taken from ("drop five of its 14 routes", "22 of the harbour's 41
    boats", "only 97 of the 132 starters reached the finish")."""
    return [m.span(1) for m in re.finditer(rf"(?:{FIGURE.pattern})\s+of\s+(?:its|their|the|his|her|our)\s+"
                                           r"(?:[\w-]+['’]s?\s+)?(\d[\d,]*|one|two|three|four|five|six|seven|eight|"
                                           r"nine|ten|eleven|twelve)\b", sentence, re.I)]


# A keyword query's last word that names no counted thing ("fire engines" does; "stroke rehab results" does not)
_NOT_COUNTED = {"numbers", "figures", "totals", "results", "stats", "statistics", "sales", "earnings", "takings",
                "losses", "profits", "revenues", "costs", "fees", "wages", "savings", "prices", "rates", "levels",
                "details", "plans", "terms", "dates", "hours", "times", "years", "months", "weeks", "days", "news",
                "rules", "changes", "odds", "orders", "works", "series", "thanks", "bonus", "status", "minutes",
                "cuts", "closures", "redundancies", "layoffs", "increases", "rises", "falls", "deals", "talks"}


_CLAUSE_OR_FIGURE = re.compile(rf"[,;:\d]|\b(?:{'|'.join(NUMBER_WORDS)})\b", re.I)  # where a figure's words end


def _did_counted(after: str, counted: set[str]) -> bool:
    """Return True when the words after a figure's noun say it did the counted deed ("runners crossed the finish
    line", "walkers had finished" for "finishers"): a verb of the counted stem in the next words, not after a modal, a
    negation or "to" ("failed to finish", "expected to finish"), nor another noun joined on ("beers and ciders")."""
    if re.match(r"\s*(?:and|or|&)\b", after):
        return False
    words = _CLAUSE_OR_FIGURE.split(after)[0].split()[:4]
    if any(w.lower() in ("not", "never", "failed", "to", "will", "would", "could", "may", "might", "hoped", "hope",
                         "expected", "expects", "aim", "aims") for w in words):
        return False
    words = [w.lower().strip(".,'’\"") for w in words]
    return any(content_stems(w) & counted and (w.endswith(("ed", "ing")) or w in counted) for w in words)  # (a verb
    # or the bare stem: "the finish line"; never a noun the query counts: "cars carrying passengers")


def _counting_other(sentence: str, counted: set[str], people: bool = True) -> list[tuple[int, int]]:
    """Return the spans of the sentence's figures whose plural noun counts something other than the counted stems
    (people=False: a count of people may be any count a keyword query asks for: "1,912 people voted yes", and a
    noun the query's counted word's verb follows counts it: "17,284 runners crossed the finish line" for
    "finishers")."""
    spans = []
    for m in FIGURE.finditer(sentence):
        if m.group(0).endswith((",", ".", ";")):  # "has risen to 41, officials said": no noun of its own
            continue
        noun = re.match(r"\s+(?:[a-z]+-[a-z-]+\s+)?([a-z][a-z'’-]+s|children|people|men|women|staff|sheep|cattle)\b",
                        sentence[m.end():])  # ("612 first-class wickets": wickets)
        if noun and not people and content_stems(noun.group(1)) & _PEOPLE:
            continue
        if noun and noun.group(1) in ("children", "people", "men", "women", "staff") and counted & _HEAD_STEMS:
            continue  # "killed 35 people": whom a harm or a deed counts ("a workshop for 350 children": no lanterns)
        if noun and noun.group(1) not in STOPWORDS and noun.group(1) != "units" \
                and not content_stems(noun.group(1)) & (counted | _MEASURE_STEMS) \
                and not (not people and _did_counted(sentence[m.end() + noun.end():], counted)) \
                and not (counted & _PEOPLE and content_stems(noun.group(1)) & _PEOPLE) \
                and not _UNIT.match(sentence, m.end()) and not DURATION.match(sentence, m.start()):
            spans.append(m.span())
    return spans


CLOCK = re.compile(r"\b\d{1,2}:\d\d(?::\d\d)?(?:\.\d{1,3})?\b(?:\s?[ap]\.?m\b\.?)?"
                   r"|\b\d{1,2}(?:[.:]\d\d)?\s?[ap]\.?m\b\.?", re.I)  # a clock time or a race time: "2:24:17",
# "1:21.447", "3.40am"
_CLOCK_ASKED = re.compile(r"^\W*(?:so |and )?(?:at )?what time\b"  # "what time did the raid happen": the time of day
                          r"(?! (?:did|does|do) (?:he|she|they|it|\w+) (?:finish|run|clock|record|post)\b)", re.I)




AGE_ASKED = re.compile(r"\bhow old\b|\bages?\b|\baged\b", re.I)
_RACE_TIME = re.compile(r"(?<!at the )(?<!by the )(?<!on )(?<!in )(?<!this )(?<!last )(?<!first )(?<!each )(?<!every )"
                        r"(?<!any )\btime\b|\b(?:course|world|national|race|track|event) record\b|\bpersonal best\b",
                        re.I)  # ("ran on time" is punctuality)


# a time taken, written out: "2 hours 22 minutes 15 seconds", "58 minutes and 3 seconds" (not a margin's "41 seconds")
_RACE_DURATION = re.compile(r"\b(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s?"
                            r"(?:hours?|hrs?|h)\b(?:,?\s+\d{1,2}\s?(?:minutes?|mins?|m)\b)?"
                            r"(?:,?\s+(?:and\s+)?\d{1,2}(?:\.\d+)?\s?(?:seconds?|secs?|s)\b)?"
                            r"|\b\d{1,3}\s?(?:minutes?|mins?)\b"
                            r"(?:,?\s+(?:and\s+)?\d{1,2}(?:\.\d+)?\s?(?:seconds?|secs?)\b)?"
                            r"|\b\d{1,3}\.\d{1,3}\s?(?:seconds?|secs?|s)\b", re.I)  # a sprint's "10.412 seconds"
_MARGIN_AFTER = re.compile(r"\s+(?:ahead|clear|behind|off|faster|slower|short|outside|inside|better|worse|quicker|"
                           r"adrift|back|later|earlier|before|after)\b", re.I)
_NOT_TAKEN = re.compile(r"\b(?:within|after|for|over|next|last|past|until|up to|than|every|nearly|almost|by|"
                        r"margin of|reaction time of|reacted in|gap of|deficit of)\s+$", re.I)  # ("beat the previous
# mark by 0.09 seconds": a margin)


def race_times(sentence: str) -> list[re.Match]:
    """Return the times taken a sentence states ("won in 2 hours 7 minutes 48 seconds"), not a margin ("1min 12sec
    ahead of") nor a wait ("within 48 hours", "after 36 hours of rain")."""
    return [m for m in _RACE_DURATION.finditer(sentence) if not _MARGIN_AFTER.match(sentence, m.end())
            and not _NOT_TAKEN.search(sentence[max(0, m.start() - 12):m.start()])]


def race_time_asked(question: str) -> bool:
    """Return True when a question asks for a time taken ("her finishing time", "women's winning time": "2:24:17",
    "2 hours 22 minutes"), not how many times nor "at the time"."""
    return bool(_RACE_TIME.search(question)) and not re.search(r"\bhow many\b", question, re.I)


_AGE_APPOSITION = re.compile(r"[A-Z][\w'’-]+,\s+(?:aged\s+)?(\d{1,3}),|\b(?:aged|age)\s+(\d{1,3})\b")  # "Mendel,
# 24, has agreed ...", "has died aged 78"


def age_apposition(sentence: str, at: int) -> bool:
    """Return True when the figure at this position is a person's age said after their name ("Mendel, 24, has")."""
    return any(at in (m.start(1), m.start(2)) for m in _AGE_APPOSITION.finditer(sentence))


_PART_OF_THEM = re.compile(r"(?<![\w.,])(\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
                           r"of\s+(?:them|whom|those|these)\b(?:,?\s+([a-z]+))?", re.I)


_PLACED = re.compile(r"\s+(?:[a-z]+\s+){0,6}?in\s+(?:the\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)")


def placed_elsewhere(analysis: QuestionAnalysis, sentence: str) -> list[tuple[int, int]]:
    """Return the spans of the figures a question about one place ("how many jobs are going in germany?") cannot
    take because the sentence puts them in another ("650 of the job cuts will fall in Belgium and 420 in the
    Netherlands")."""
    asked = [n for n in analysis.names if re.search(rf"\bin\s+(?:the\s+)?{re.escape(n)}\b", analysis.question, re.I)]
    if not asked:
        return []
    spans = []
    for m in FIGURE.finditer(sentence):
        place = _PLACED.match(sentence, m.end())
        if place and not any(has_term(n, normalise(place.group(1))) or has_term(place.group(1), normalise(n))
                             for n in asked):
            spans.append(m.span())
    return spans


# What follows a scoreline ("the 5-2 win", "a 3-1 defeat", "won 2-0 against"): a result, not a range of figures
_MATCH_AFTER = re.compile(r"\s+(?:(?:home|away|league|cup|opening|final)\s+)?(?:win|victory|defeat|loss|draw|"
                          r"thrashing|triumph|rout|success|scoreline)\b|\s+(?:against|over)\b", re.I)


def count_figures(analysis: QuestionAnalysis, sentence: str, figures: list[re.Match]) -> list[re.Match]:
    """Return the figures that can answer a number question: not the day of a date or a compound's number
    (figure_roles); a percentage for a share or a turnout, not one for a population or a count."""
    asked = normalise(analysis.question)
    taken = figure_roles(analysis.question, sentence) + other_counts(analysis, sentence) \
        + placed_elsewhere(analysis, sentence)
    if analysis.is_keyword:  # "skarrowby hotel jobs" counts jobs, not the seats of "a 60-seat restaurant"
        taken += compound_counts(analysis.question, sentence)
    for part in _PART_OF_THEM.finditer(sentence):  # "310 people were injured, 58 of them seriously": a part of the
        if not (part.group(2) and content_stems(part.group(2)) & content_stems(analysis.question)):  # count, unless
            taken.append(part.span(1))  # asked ("how many were seriously injured?")
    if not _CLOCK_ASKED.search(analysis.question) and not race_time_asked(analysis.question):
        taken += [c.span() for c in CLOCK.finditer(sentence)]  # "on sale at 10am": a time of day, no count
    if not SCORE_ASKED.search(analysis.question):  # "his two strikes in the 5-2 win": a scoreline counts no one's goals
        taken += [m.span() for m in SCORE.finditer(sentence) if _MATCH_AFTER.match(sentence, m.end())]
    if not AGE_ASKED.search(analysis.question):  # "convict Orwen Vaskell, 62, on two counts": his age, no sentence
        taken += [m.span(1) if m.group(1) else m.span(2) for m in _AGE_APPOSITION.finditer(sentence)]
    kept = [m for m in with_unit(without_names(analysis), sentence, figures)
            if not any(a <= m.start() < b for a, b in taken)
            and not _PRONOUN_ONE.match(sentence, m.start()) and not _MODEL_NUMBER.search(sentence[:m.start()])
            and not re.match(r"\d{4}s\b", sentence[m.start():])  # "the 1890s hall": a decade
            and not (re.match(r"\d0s\b", sentence[m.start():]) and re.search(
                r"\b(?:his|her|their|in|early|mid|late)[\s-]+$", sentence[:m.start()], re.I))  # "a man in his 70s"
            and not new_level(analysis.question, sentence, m.start())
            and not set_aside(analysis.question, sentence, m.start())]
    if re.search(r"\bmagnitude\b", analysis.question, re.I):  # "what magnitude was the quake?": "magnitude 6.2",
        return [m for m in kept if re.search(r"\bmagnitude\s+(?:of\s+)?$", sentence[:m.start()], re.I)]  # not the toll
    if _CLOCK_ASKED.search(analysis.question):  # "what time did they get raided?": a time of day, not "27 sheds"
        clocks = [c.span() for c in CLOCK.finditer(sentence)]
        return [m for m in kept if any(a <= m.start() < b for a, b in clocks)]
    if race_time_asked(analysis.question):
        # "her finishing time": a race time ("2:24:17", "4h 21m", "38 minutes"), not the race's "102km"
        clocks = [c.span() for c in CLOCK.finditer(sentence)]
        clocks += [t.span() for t in race_times(sentence)]
        return [m for m in kept if any(a <= m.start() < b for a, b in clocks)]
    percent = lambda m: bool(re.search(r"%|per ?cent", m.group(0)) or re.match(r"\s?(?:%|per ?cent)",  # noqa: E731
                                                                               sentence[m.end():]))
    if _PROPORTION_WORDS.search(asked) or _PERCENT_RATE.search(asked) or (  # ("the interest rate": 5.25%, not "two
            # summers ago"); a level, not a move ("REITs, down 2 per cent"), unless a change is asked
            re.search(r"\bmortality\b", asked) and not re.search(r"\bhow many\b|\bnumber of\b", asked)):  # ("fenwick
        # bay mortality 2023": a share)
        voters = {w.group(0) for w in _PROPORTION_WORDS.finditer(asked)} == {"turnout"} and not _PERCENT_RATE.search(
            asked)  # a turnout is a share or a count of voters ("Turnout was 3,912.")
        return [m for m in kept if (percent(m) and (CHANGE_WORDS.search(asked) or not _MOVED_BY.search(
            sentence[max(0, m.start() - 25):m.start()]))) or (voters and (
                re.search(r"\bturnout\b[^.,;]{0,40}?\b(?:was|of|stood at|reached|at)\s+$",
                          sentence[max(0, m.start() - 60):m.start()], re.I)
                or re.match(r"\s+(?:voters|people)\s+(?:voted|cast (?:a |their )?(?:votes?|ballots?))\b(?!\s+(?:for|"
                            r"against|in favour|yes|no)\b)|\s+(?:votes|ballots) were cast\b", sentence[m.end():])))]
    if re.match(r"\W*(?:so |and )?how many\b(?! per ?cent| percentage)", asked) and not _RATE_WORDS.search(asked):
        return [m for m in kept if not percent(m)]  # "how many affordable homes": 69, not the 30 per cent share
    if not _RATE_WORDS.search(asked) and not CHANGE_WORDS.search(asked):  # "going up by how much": 4.99% too
        heads = set().union(*asked_heads(analysis))  # ... but a share said of the thing asked is its level
        return [m for m in kept if not percent(m) or (heads and content_stems(" ".join(
            before := _WORD.findall(sentence[max(0, m.start() - 40):m.start()].lower())[-3:])) & heads
            and not CHANGE_WORDS.search(" ".join(before)) and not (before and before[-1] == "by"))
            or content_stems(" ".join(re.findall(r"[a-z]+", re.sub(
                r"^\s?(?:%|per ?cent|percent)", "", sentence[m.end():m.end() + 30].lower()))[:1])) & (
                heads or (analysis.is_keyword and content_stems(asked) - content_stems(" ".join(analysis.names)))
                or set())
            or (content_stems(asked) & _CHANGE_NOUNS and re.search(rf"{CHANGE_WORDS.pattern}[^.,;]{{0,40}}\bby\s*$",
                                                    sentence[max(0, m.start() - 60):m.start()], re.I))]
        # ("attendance, at 93.8 per cent"; not a change: "Copper output fell 9 per cent"; "a 34 percent reduction":
        # the asked one, and so is "cut monthly migraine days by 38%")
    return kept


# A change named by its noun ("migraine days reduction"): a figure a change verb moved "by" is its size
_CHANGE_NOUNS = {"reduct", "increas", "rise", "fall", "drop", "declin", "growth", "cut", "decreas", "gain"}


def in_question(name: str, asked: str, names: list[str]) -> bool:
    """Return True when the question (normalised: asked) already names a name, unless it names another thing of several
    words that only shares a word with it ("the Ashcombe News Trust" is no "Ashcombe Gazette", "Manchester United"
    no "Manchester City"; "Kenny Doyle" is the "Doyle" asked of)."""
    if not has_term(name, asked):
        return False
    words = set(normalise(name).split())
    if normalise(name) in asked or len(words) < 2:
        return True
    for other in names:
        theirs = set(normalise(other).split())
        if len(theirs) >= 2 and theirs & words and not theirs <= words and any(
                len(w) >= 4 and not re.search(rf"\b{re.escape(w)}\b", asked) for w in words - theirs):
            return False
    return True


def _kind_names(analysis: QuestionAnalysis, sentence: str, texts: list[str], asked: str) -> list[str]:
    """Return the sentence's names of the asked kind (a person, organisation or place) the question does not name."""
    kind = analysis.kind
    roles = set().union(*(g for g in asked_heads(analysis) if g & _OFFICES)) if kind == "person" else set()  # an
    # office ("mission manager"), not a deed ("who scored", "who reopened ..."); a leader leads
    roles |= {"lead"} if "leader" in roles else set()
    return [n for n in with_people_of(find_names(sentence)) if not in_question(n, asked, analysis.names) and (
            kind != "person" or person_answer(n, sentence, analysis.question))
            and not ordinary_opening(n, without_dateline(sentence))
            and not (kind == "person" and short_for_firm(n, [sentence, *texts]))
            and not (kind == "person" and titled_otherwise(n, sentence, roles))
            and not (kind in ("organisation", "place") and named_as_person(n, [sentence, *texts], place=True))
            and not (kind == "organisation" and is_demonym(n))  # "British prime minister": no party
            and not (kind == "organisation" and court_unasked(n, analysis.question))
            and not (kind == "organisation" and affiliated_elsewhere(n, sentence, analysis.names))
            and not (kind == "place" and not place_answers(n, sentence, analysis.question))]


_SUBSET = re.compile(r"\bhow many of (?:the|its|their|these|those) (?:[\w-]+ ){0,2}?([a-z]+[^s\W]s|staff|people)\b"
                     r"|\bhow many of (?:the|its|their|these|those) (?:\w+ )?(\w+)")


# A place in a table or a field asked for ("glenarrow european mixed curling finishing position"), and such a place
POSITION_ASKED = re.compile(r"\b(?:finishing|final|league|table|chart|podium|grid|qualifying|race|world|overall) "
                            r"(?:position|place|placing|ranking)\b", re.I)  # (not "where did the marathon finish?")
PLACE_IN_FIELD = re.compile(r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
                            r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
                            r"last|\d{1,3}(?:st|nd|rd|th))\b(?=\s*(?:[.,;:)]|$)|\s+(?:place|position|spot|overall|"
                            r"in|at|on|with|after|behind|out|of|by|for|and|this|last|ahead)\b)", re.I)  # (not "the
# first half")


def field_places(sentence: str) -> list[re.Match]:
    """Return the places in a field the sentence gives as a finish ("finished fifth", "came 12th", "was in 14th")."""
    return [m for m in PLACE_IN_FIELD.finditer(sentence) if re.search(
        r"\b(?:finish\w*|came|placed|ranked|ended|end|was|were|in)\s+(?:\w+\s+)?$", sentence[:m.start()], re.I)]


def subset_whole(question: str) -> str | None:
    """Return the whole a "how many of the X" question takes a part of ("how many of the brenford mill flats are
    going to be affordable?": flats; "how many of the jobs at the plant": jobs), or None."""
    subset = _SUBSET.search(question.lower())
    return (subset.group(1) or subset.group(2)) if subset else None


def type_hit(analysis: QuestionAnalysis, sentence: str, texts: list[str] = ()) -> float:
    """Return 1.0 when the sentence holds a thing of the asked type that the question does not already contain (a sum
    in the currency asked for; a count, not a measurement; for "which company" or "where", a name the passages
    around it (texts) do not speak of as a person's)."""
    asked = normalise(analysis.question)
    kind = analysis.kind
    if kind == "money":
        roles = figure_roles(analysis.question, sentence)
        sums = [m for m in MONEY.finditer(sentence) if not any(a <= m.start() < b for a, b in roles)
                and measure_fits(analysis.question, sentence, m.start(), m.end())  # (a pay rise's figures: none)
                and not new_level(analysis.question, sentence, m.start())
                and not sum_unasked(analysis.question, sentence, m)]
        found = [m.group(0) for m in sums + pay_rise_figures(analysis.question, sentence)
                 if in_asked_currency(analysis.question, m.group(0))]
    elif kind == "number":
        counting = re.match(r"\W*(so |and |hey,? )?how many\b", asked) or re.search(r"\bnumber\b", asked)
        unnamed = normalise(without_names(analysis))  # ("midnight miles final total lantern hill": "final total")
        sums_too = CHANGE_WORDS.search(asked) or re.search(r"\b(?:average|median)\b", asked) or (  # "diesel
            # average": "averaged 156.9p a litre"; a search-box query's "revised estimate" or "total" of no counted
            # thing is a sum as often as a count ("rock armour scheme revised estimate": £31.5 million)
            analysis.is_keyword and _SUM_OR_COUNT.search(unnamed) and not _counts_a_thing(unnamed))
        money = [m for m in MONEY.finditer(sentence) if not weight_not_sum(asked, m)]
        sums = [m.span() for m in money]
        values = (money if sums_too else []) + [
            m for m in FIGURE.finditer(sentence) if not (counting and _UNIT.match(sentence, m.end())
                                                         and asked_unit(unnamed) is None)]  # "number of
        # trains cancelled": a count, not the 94 of "94mph"
        if (not sums_too and not MONEY_WORDS.search(asked) and analysis.is_keyword) or re.match(
                r"\W*(so |and |hey,? )?(roughly |about )?how many\b(?! (?:pounds|dollars|euros))", asked):  # "£450,000 in prize
            # money" is no attendance, and counts no people
            values = [m for m in values if not any(a <= m.start() < b for a, b in sums)]
        # read as the span picker reads them (count_figures): not "12 May" or "22 destinations"; a share's
        # percentage, not a population's; in the unit a measure asks for
        found = [m.group(0) for m in count_figures(analysis, sentence, values)
                 if not is_year(m.group(0), sentence[:m.start()])
                 or any(a <= m.start() < b for a, b in sums)]  # "move in during 2027" holds no count; "1936 euros"
        # is a sum
        if race_time_asked(asked):  # "course record": "1:03:55"
            found += [m.group(0) for m in race_times(sentence)] + [m.group(0) for m in CLOCK.finditer(sentence)
                                                                   if m.group(0).count(":") == 2]
        spans = {m.group(1) for m in DURATION.finditer(sentence)}
        if not duration_asked(asked) and not race_time_asked(asked):  # "71mm was recorded in 24 hours" counts no
            # homes (a race's "2 hours 22 minutes" is the time asked)
            found = [f for f in found if f.strip(" .,") not in spans]
        elif LENGTH_ASKED.search(asked):  # "how long was he on the list": a length of time, not "now 10"
            found = [f for f in found if f.strip(" .,") in spans]
        if unit := re.search(r"\bhow many (?:more |extra |further )?(hour|day|week|month|year|minute|night)s\b", asked):
            # "for how many hours did the overflow spill?": hours, not the 211 times it spilled
            found = [f for f in found if re.search(rf"{re.escape(f.strip(' .,'))}(?:[\s-]+(?:and an? (?:half|quarter)|"
                                                   rf"[a-z-]+)){{0,2}}[\s-]*{unit.group(1)}", sentence, re.I)]
        if whole := subset_whole(asked):
            # "how many of the civil servants ... developed dementia?": a part of them, not the 8,100 followed
            found = [f for f in found if not re.search(rf"{re.escape(f)}\s+(?:[\w-]+\s+)?{whole}", sentence)]
        if POSITION_ASKED.search(asked):  # "finished fifth": a place, in words too
            found += [m.group(0) for m in field_places(sentence)]
        if SCORE_ASKED.search(asked):  # "final score": a scoreline ("11-7"), not the "8" of "8:03 p.m."; a vote's
            found = SCORE.findall(sentence) + ([m.group(0) for m in FIGURE.finditer(sentence) if "%" in m.group(0)]
                                               if re.search(r"\bvot", asked) else [])
            # result may be a share ("voted 89% in favour")
    elif kind == "date":
        found = [m.group(0) for m in asked_dates(analysis.question, sentence)]
    elif kind in ("person", "organisation", "place", "list"):
        found = _kind_names(analysis, sentence, texts, asked)
        if not found and kind == "person" and body_may_answer(analysis.question):  # "who put the panels in?": a firm
            org = replace(analysis, kind="organisation")  # that did it
            found = [n for n in _kind_names(org, sentence, texts, asked) if as_agent(n, sentence, analysis.question)]
        return float(bool(found))
    elif kind == "quote":
        return float(bool(QUOTE.findall(sentence)) or bool(re.search(r"\b(said|says|told|called|described)\b",
                                                                     sentence, re.I)))
    else:
        return 1.0
    return float(any(normalise(f) not in asked for f in found if f.strip()))


_COUNTED_THINGS = frozenset(COUNTED_NOUNS.split("|")) | {"crowd", "crowds", "job", "jobs", "casualties", "attendance",
                                                          "turnout"}


def _counts_a_thing(query: str) -> bool:
    """Return True when a search-box query names a thing counted ("passenger total", "crowd total", "job cuts")."""
    return any(w in _COUNTED_THINGS or f"{w}s" in _COUNTED_THINGS for w in re.findall(r"[a-z-]+", query))


_SUM_OR_COUNT = re.compile(r"\b(?:total|estimated?|estimates|figure|amount|forecast|projection|tally|targets?|"
                           r"(?:round|deal|fund|funding|package|offer|bid|raise|loan|grant) size)$")  # ("seed round
# size": a sum; "battery size" is a measure)
_HEAD_STEMS = set().union(*_HEADS)
_MONEY_HEAD_STEMS = set().union(*(g for g in _HEADS if g & {"fine", "pay", "wage", "revenu", "profit", "fund", "worth",
                                                             "prize", "loan"}))


def is_year(figure: str, before: str = "") -> bool:
    """Return True for a figure that is a year (1900-2099, or an older one the text before dates by: "founded in
    1847", "since 1889"), which no count or amount question asks for."""
    figure = figure.strip(" .,")
    return bool(re.fullmatch(r"(?:19|20)\d\d", figure) or (re.fullmatch(r"1[5-8]\d\d", figure) and re.search(
        r"\b(?:in|since|circa|c\.|founded|built|established|est\.|back to|dating from)\s*$", before, re.I)))


_LINKING = {"towards", "toward", "per", "across", "against", "upon", "via", "under", "between", "through", "back",
            "since", "until", "within", "without", "around", "above", "below", "behind", "beyond", "during",
            "including", "plus", "less", "more"}


def _sum_of_asked(sentence: str, asked: set[str]) -> bool:
    """Return True when a sum in the sentence is of a thing the question names ("$100,000 in gold bars" for "gold bars
    value"; "a £46 million flood defence scheme" for "flood defence scheme cost", "The £61m Marrowby bypass"): the sum
    is what it is worth, whatever the sentence's other words."""
    return any((after := re.match(r"\s+(?:worth\s+)?(?:in|of)\s+(?:\w+\s+)?(\w+)|((?:\s+[A-Za-z][\w'’-]*){1,3})",
                                  sentence[m.end():]))
               and content_stems(after.group(1) or after.group(2)) & (asked if after.group(1) else asked - _HEAD_STEMS)
               and (after.group(1) or after.group(2).split()[0].lower() not in STOPWORDS | _LINKING)  # "£9m from
               # Skarholm", "£6.4m towards a new school": the sum goes to something, it is not that thing's price
               for m in MONEY.finditer(sentence))  # "a $1.7 billion deal" is no fine in the deal


def role_age(question: str, sentence: str) -> bool:
    """Return True when the sentence gives the age of someone by the role the question asks about ("how old is the
    ellisford captain?": "captain Reuben Okonjo, 37,")."""
    roles = [w for w in re.findall(r"[a-z]{4,}", question.lower()) if re.fullmatch(_PERSON_ROLE, w)]
    return any(re.search(rf"\b{role}\s+(?:[A-Z][\w'’-]+\s+){{0,3}}[A-Z][\w'’-]+,\s\d{{1,3}},", sentence, re.I)
               for role in roles)


def age_of(names: list[str], sentence: str) -> str | None:
    """Return the age the sentence gives one of the named people ("Marlowe, 54,", "Moradi, who is 31", "the
    33-year-old Swift", "Swift, aged 33", the report's "the 35-year-old"), or None: "the 11- and 12-year-olds ... gave
    their friend a Taylor Swift CD" says nothing of Swift's age. With no name asked, any person's apposition; in a
    sentence naming no one asked, "a 16-year-old boy"."""
    words = [w for n in names for w in n.split() if len(w) > 2 and w[0].isupper()]
    who = "|".join(re.escape(w) for w in words) or r"[A-Z][\w'’-]+"
    for pattern in (rf"\b(?:{who}),\s(\d{{1,3}}),", rf"\b(?:{who}),\s(?:who is |now |aged )(\d{{1,3}})\b",
                    rf"\b(\d{{1,3}})-year-old\s+(?:[A-Z][\w'’-]+\s+)?(?:{who})\b",
                    rf"\b(?:{who})\b[^.;]{{0,20}}\baged\s(\d{{1,3}})\b",
                    r"\b[Tt]he\s(\d{1,3})-year-old\b(?!s)"):  # "the 35-year-old is ready": the one the report is on
        if found := re.search(pattern, sentence):
            return found.group(1)
    if not any(w in sentence for w in words):  # "A 16-year-old boy was arrested" for "arson arrest age": the one
        if found := re.search(r"\b[Aa]n?\s(\d{1,3})-year-old\b(?!s)", sentence):  # the report is on, no one named
            return found.group(1)
    return None


def _unmarked(qualifier: str) -> bool:
    """Return True for "men's" / "male": news names the women's event and leaves the men's unmarked ("Fettiplace
    won the Tour"; "Marrable won the women's Tour"), so a sentence need not say it, only not say the other. (A
    "permanent" holder is asked for where a stand-in is in the news: the sentence must say it, and not "interim".)"""
    return qualifier.lower().replace("’", "'").rstrip("s").rstrip("'") in ("men", "male") \
        or qualifier.lower() in _DIRECTIONS  # ("will reopen in both directions")


# A stand-in is called interim, acting or caretaker, or said to be in temporary charge
_STAND_IN = r"(?:interim|acting|caretaker|temporar)"


# A stage of a competition asked for as the event ("who won the final?", "the semi-final against Wales"), not as a
# word of something else ("their final pool match", "the final cost")
_STAGE = re.compile(r"\b(?:(semi|quarter)[- ]?finals?\b|finals?\b(?=\s*(?:[?.,;:!)'’\"]|$)|\s+(?:of|in|at|on|between|"
                    r"against|was|is|were|will|and|when|where|to|for|after|before|this|last|next|held|played|won|took|"
                    r"with|by|from|tie|match|game|clash|showdown|defeat|win|victory|loss)\b))", re.I)


def _stage(match: re.Match) -> str:
    return f"{match.group(1).lower()}-final" if match.group(1) else "final"


def stage_asked(question: str) -> str | None:
    """Return the stage a question asks about as its event ("final", "semi-final", "quarter-final"), or None."""
    match = _STAGE.search(question)
    return None if match is None else _stage(match)


def says_stage(stage: str, text: str) -> bool | None:
    """Return True when the text names the asked stage as an event, False when it names only another stage, None
    when it names none ("Marseille, where England beat Fiji 30-24 in the quarter-final" is no final)."""
    said = {_stage(m) for m in _STAGE.finditer(text)}
    return None if not said else stage in said


def _nearest_stage(stage: str, close: str, around: str) -> bool:
    """Return False when the nearest text that names a stage (the sentence and the one before, else the title,
    context and lead) names another one than the asked."""
    said = says_stage(stage, close)
    return said if said is not None else says_stage(stage, around) is not False


_SHE, _HE = re.compile(r"\b(?:she|her|hers|herself)\b", re.I), re.compile(r"\b(?:he|his|him|himself)\b", re.I)


def _other_sex(qualifier: str, sentence: str) -> bool:
    """Return True when a men's (women's) question meets a sentence speaking of a woman (man) only: "collects £96,500
    for her first title" is no men's champion's prize, whatever the sentence before says of the men's final."""
    asked = qualifier.lower().replace("’", "'")
    if asked in ("men's", "mens", "boys'", "male"):
        return bool(_SHE.search(sentence)) and not _HE.search(sentence)
    if asked in ("women's", "womens", "girls'", "female", "ladies'"):
        return bool(_HE.search(sentence)) and not _SHE.search(sentence)
    return False


def _says_qualifier(qualifier: str, sentence: str) -> bool:
    word = qualifier.rstrip('s').rstrip(chr(39))
    pattern = _STAND_IN if word.lower() in ("interim", "acting", "caretaker") else re.escape(word).replace(
        r"\-", "[- ]?")  # "under-22": "aged under 22"
    return bool(re.search(rf"\b{pattern}", sentence, re.I))


# A phrase set off by commas that says what the one before it is (", a Glasbury-based crypto exchange,")
_APPOSITIVE = re.compile(r",\s+(?:a|an|the)\s[^,;:]{1,60},\s")


_CLAUSE_AFTER = re.compile(r"[;:]|\s(?:after|because|as|while|when|since|although|though|but|whereas)\s")


def sum_of_head(heads: list[set[str]], sentence: str, kind: str = "money", question: set[str] = frozenset()) -> bool:
    """Return True when a sum (kind "money") or a count (kind "number") in the sentence is the asked one: the head
    word nearest to it ("fine" / "paid" / "dividends"; "residents" / "aged") is of the asked group, or the sentence
    has no head word ("the fine was 'a drop in the ocean' for a company that paid £41m in dividends": £41m was paid,
    it is not the fine; "residents aged 65 and over": 65 is an age, not the population). A word of a name ("Psagot
    Investment House") is no head word, nor one of the question's own stems (question), which say of what the asked
    thing is ("Turnout in the second round rose to 63.1 per cent" for "the turnout in the second round")."""
    asked = set().union(*heads)
    if "budget" in asked and _PLANNED_SPEND.search(sentence):  # "would spend £180,000 on a coaching grant scheme": its
        asked = asked | {"spend"}  # budget
    if "award" in asked and _WON_SUM.search(sentence):  # "has won £7.4m from the Clean Bus Fund": an award
        asked = asked | {"won", "win"}
    sentence = re.sub(r"\b(jobs?) (?:losses|loss|cuts)\b", r"\1", sentence)  # "planned job losses ... to 410": jobs
    known = _MONEY_HEAD_STEMS if kind == "money" else _HEAD_STEMS - {"week", "weekli"}  # "the £4.6m unit ... will
    # treat minor injuries": a count's head word says nothing of a sum; "last week's earthquake" no wage
    words = [(m.start(), stems) for m in re.finditer(r"[A-Za-z][\w'’-]*", sentence)  # ("52-year-old": old)
             if (stems := content_stems(m.group(0)) | content_stems(m.group(0).replace("-", " "))) & (known | asked)
             and (stems & asked or not stems <= question)
             and (m.group(0)[0].islower() or m.start() == 0)  # "Psagot Investment House" is a name, no head
             and not re.match(r"\s+(?:firm|company|group|house|bank|manager|arm|vehicle)s?\s+[A-Z]", sentence[m.end():])
             # ("to the investment firm Calder Yard Capital for £61.5m": a kind of firm, no head)
             and not (stems & {"rais", "cut", "increas", "reduc"}
                      and re.match(r"\s+(?:from\s+\S+\s+)?to\b", sentence[m.end():]))]  # ("wants the starting
             # wage raised from $17.50 to $22": the wage's figures)
    # ("its budget raised to £148 million": a change of the budget, no sum raised)
    if kind == "money":
        values = list(MONEY.finditer(sentence))
    else:  # a year is not a count
        values = [m for m in FIGURE.finditer(sentence) if not is_year(m.group(0), sentence[:m.start()])]
        if number_of(asked, sentence):  # "The number of premises covered ... has risen to 4,450"
            return True
    for value in values:
        nearest = min([w for w in words if w[0] < value.start() or not _CLAUSE_AFTER.search(
            sentence[value.end():w[0]])] or words, key=lambda w: abs(w[0] - value.start()), default=None)  # (a word
        # of the next clause says nothing of the sum: "cut jobs from 60 to 38 after agreeing a new energy contract")
        if nearest is None or nearest[1] & asked:
            return True
        before = max((w for w in words if w[0] < value.start()), key=lambda w: w[0], default=None)
        clause = _APPOSITIVE.sub(" ", sentence[before[0]:value.start()]) if before is not None else ""
        if before is not None and before[1] & asked and len(clause) <= 50 \
                and not re.search(r"[,;:]|\s(?:and|but|or|over|after|before|for|from|with|in|on|at|to|by|while|which|"
                                  r"who|that|as|than)\s", clause):
            return True  # the verb's object, in one clause: "has fined messaging platform Yammerling €4.6 million for
            # failing to label paid promotions", "has fined Brightmint, a Glasbury-based crypto exchange, £3.6m"
        if kind == "money" and asked & {"ticket", "fare"} and nearest[1] & {"cost", "price"} \
                and nearest[0] < value.start() \
                and any(content_stems(w) & asked for w in re.findall(r"[\w'’-]+", sentence[:nearest[0]])[-8:]):
            return True  # "Adult tickets cost £8", "A single adult fare on the new section costs £2.40", "Sunday day
            # tickets, priced at £82": what the ticket costs
    return not values  # no sum at all: the type gate decides


def valued_deal(heads: list[set[str]], sentence: str) -> bool:
    """Return True when a deal's value is asked and the sentence puts a sum before the deal ("in a £186m deal", "a
    $2.1bn takeover"): the sum is what the deal is worth."""
    return any("valu" in group for group in heads) and re.search(
        rf"(?:{MONEY.pattern})\s+(?:[a-z-]+\s+)?(?:deal|order|contract|agreement|takeover|acquisition|merger|bid|offer|"
        r"sale|purchase)\b", sentence, re.I) is not None


def priced_thing(heads: list[set[str]], sentence: str) -> bool:
    """Return True when a cost or price is asked and the sentence gives a sum as what a thing costs by putting it
    before the thing ("would build an €8.5 billion chip factory"), not as a sum of its own kind ("a £2.9 billion
    subsidy")."""
    if not set().union(*heads) & {"cost", "price"}:
        return False
    return any((re.search(r"\b(?:[Aa]|[Aa]n|[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+$",
                          sentence[:value.start()])  # ("The £184m project")
                and (thing := re.match(r"\s*((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)", sentence[value.end():]))
                and not _OTHER_SUM.search(thing.group(1)))
               or (re.search(r"\b(?:approved|allocated|earmarked|committed|set aside)\s+$", sentence[:value.start()])
                   and re.match(r"\s*(?:for|towards)\s+(?:the|a|an|its)\b", sentence[value.end():]))  # "has approved
               for value in MONEY.finditer(sentence))  # £2.1 million for the project"


# Sums of their own kind a sum may be said of ("a £2.9 billion subsidy" is no cost of what it pays for)
_OTHER_SUM = re.compile(r"\b(?:subsid\w*|grants?|loans?|fines?|deals?|bids?|offers?|contracts?|budgets?|deficits?|"
                        r"profits?|loss(?:es)?|revenues?|sales|funds?|funding|package|investments?|bailouts?|"
                        r"settlements?|payouts?|donations?|awards?|prizes?|overspend|shortfall|savings?|cuts?|"
                        r"takeover|acquisition|valuation|debts?|provision|turnover|dividends?|salary|wages?|"
                        r"bonus(?:es)?|fees?|raise|round|a|per|each|every)\b")


def features(analysis: QuestionAnalysis, items: list[Evidence], similarities: np.ndarray) -> np.ndarray:
    """Return the FEATURES matrix, one row per candidate sentence."""
    question_stems = content_stems(analysis.question)
    focus = content_stems(" ".join(analysis.focus))
    kind = analysis.kind
    kinds = (kind in ("number", "money"), kind == "date", kind in ("person", "organisation", "place", "list"),
             kind in ("yesno", "temporal"), kind in ("quote", "open"))
    constrained = bool(analysis.names or analysis.years or analysis.numbers)
    rows = []
    for item, similarity in zip(items, similarities):
        sentence, near = normalise(item.sentence), normalise(f"{item.sentence} {item.context} {item.meta}")
        whole = normalise(f"{item.meta} {item.article}")
        own, around = content_stems(item.sentence), content_stems(f"{item.sentence} {item.context}")
        found_years = set(re.findall(r"\b(?:19|20)\d\d\b", near))
        rows.append([
            float(similarity),
            len(question_stems & own) / (len(question_stems) or 1),
            len(question_stems & around) / (len(question_stems) or 1),
            len(focus & own) / (len(focus) or 1) if focus else 0.5,
            _share(analysis.names, sentence),
            _share(analysis.names, near),
            _share(analysis.names, whole),
            _share(analysis.years, near),
            float(bool(analysis.years) and bool(found_years) and not found_years & set(analysis.years)),
            _share(analysis.numbers, near),
            _share(analysis.qualifiers, near),
            type_hit(analysis, item.sentence),
            1.0 / (1 + item.rank),
            float(item.retrieval),
            *map(float, kinds),
            float(constrained),
            min(len(item.sentence.split()) / 50, 1.0),
        ])
    return np.asarray(rows, dtype=np.float64).reshape(-1, len(FEATURES))


# Verbs too general to bind an answer ("who wanted to freeze council tax?" is answered by "X proposed a freeze").
# People of any kind, what "how many people" counts
_PEOPLE = {"peopl", "person", "adult", "children", "child", "patient", "worker", "servant", "employe", "particip",
           "attend", "member", "voter", "student", "passeng", "visitor", "individu", "men", "women", "volunt", "crowd",
           "spectat", "fan", "resid", "evacue", "inhabit", "citizen", "tourist", "pupil", "commut", "shopper",
           "migrant", "survivor", "victim"}  # "how many people watched": "a crowd of 4,812"
_MEASURE_STEMS = {"million", "billion", "thousand", "hundr", "dozen", "percent", "year", "month", "week", "day",
                  "hour", "minut", "time"}
# Words that make a count a different measure: daily active users are not users, annual revenue not revenue
_MEASURES = {"daily", "weekly", "monthly", "yearly", "annual", "annualised", "annualized", "active", "registered",
             "unique", "confirmed", "hourly", "nightly"}
# ... and the ways a sentence says them ("£9 a day" is a daily charge)
_MEASURE_FORMS = {m: rf"\b{m}\b|\b(?:an?|per|each|every) {unit}\b" for m, unit in (  # ("£1.60 an hour": hourly)
    ("daily", "day"), ("weekly", "week"), ("monthly", "month"), ("yearly", "year"), ("annual", "year"),
    ("annualised", "year"), ("annualized", "year"), ("hourly", "hour"), ("nightly", "night"))}
_MEASURE_FORMS["monthly"] += rf"|\b(?:in|during|for) {_MONTH}\b"  # "rose 0.6% in March": a monthly change
_MEASURE_FORMS["annual"] += r"|\bthe (?:year|12 months|twelve months) to\b"  # "in the year to September"
# Deeds news writes in other words ("who found the comet?": "discovered by"; "who led the mission?": "Mission chief";
# "who finished second?": "came second")
_DEED_ALIKE = [{"found", "find", "discov", "spot"}, {"led", "lead", "head", "chief", "chair"},
               {"succeed", "successor", "replac"},
               {"ride", "rode", "ridden", "rider"},
               {"buy", "purchas", "acquir", "acquisit", "pay"},  # ("Microsoft has ... paid $69bn for the privilege")
               {"finish", "came", "place", "end"}]
_LIGHT_VERBS = {"want", "get", "got", "do", "did", "make", "have", "take", "go", "went", "come", "came", "tri", "need",
                "plan", "use", "help", "seem", "becom", "becam", "let", "put", "keep", "kept", "like"}


_AWARD_OF = re.compile(r"\b(?:man|woman|player|star) of the (match|tournament|series|game|year|season|race|final)\b",
                       re.I)
_WHEN_CLAUSE = re.compile(r"(?<=\w)\s+(?:when|while)\s+[^?,;]*", re.I)
_AFTER_CLAUSE = re.compile(r"(?<=\w)\s+(?:after|before|following|since|until)\s+(?:the|its|their|this|last)\s+[^?,;]*",
                           re.I)  # a time said by an event


def asked_heads(analysis: QuestionAnalysis) -> list[set[str]]:
    """Return the word groups (stems) naming what a money, count or person question asks about ("fine", "killed",
    "manager")."""
    question = analysis.question
    for outlet in analysis.plan.sources if analysis.plan else []:  # "Cnbc | World Business News Leader" asks no leader
        question = re.sub(re.escape(outlet), " ", question, flags=re.I)
    stems = content_stems(question) - content_stems(" ".join(n for n in analysis.names if " " in n))  # "how many
    # submissions did the quillon prize judges pick": no prize money
    if analysis.kind == "person":
        # a clause saying when ("who was man of the match when callowmere kestrels won the final?") asks no role
        stems -= content_stems(" ".join(m.group(0) for m in _WHEN_CLAUSE.finditer(question))) - content_stems(
            _WHEN_CLAUSE.sub(" ", question))
        if award := _AWARD_OF.search(question):  # "who was man of the match ...?": the award names the role
            return [content_stems(award.group(1)) | {"player", "mvp"}]  # ("named player of the series": "series" is
            # a plural noun to the deed reading, "player" is not; "man" is no role word: "Man United")
        if re.search(r"\bpresid(?:ed|es|ing)\b", question, re.I):  # "which judge presided over the trial?": no
            stems.discard("presid")  # president
        groups = [group for group in _ROLES if group & stems]
        groups += [{short, *content_stems(said)} for short, said in _ROLE_SHORT.items() if short in stems]  # "cfo"
        # "who hosted / refereed / replaced X?": the verb (or a role word of its group) must be spoken of
        verb = re.match(r"(?:so |and |hey,? )?who\s+(?:actually |really |finally |eventually |ultimately |then )?"
                        r"(?:end(?:ed|s)? up )?"
                        r"(?!is\b|was\b|are\b|were\b|will\b|would\b|did\b|does\b|has\b|had\b)([a-z]+)",
                        analysis.question.lower())  # ("so who actually won": won; "who ended up winning": winning)
        if not verb and (doing := re.match(r"(?:so |and |hey,? )?who(?:['’]s| is| was| are| were)\s+([a-z]+ing)\b",
                                           analysis.question.lower())) \
                and content_stems(doing.group(1)) & {"replac", "succeed"} and not groups:
            return [content_stems(doing.group(1)) | {"succeed", "successor", "replac", "appoint", "new", "promot",
                                                     "hire", "take"}]  # "who's replacing Graham Petrie?": a
            # successor, said as one appointed or taking over (with a role named, the role says it: "who's replacing
            # Vaine as captain?": "would take over the captaincy")
        if verb and re.fullmatch(r"start(?:ed|s)?|set up", verb.group(1)) and re.match(
                r"\s+(?!(?:in|for|on|at|as|with|from|up|out|the (?:fire|race|match|game|petition|campaign|protest|"
                r"fight|row|blaze)|a (?:fire|petition|campaign|protest|fight|row|blaze))\b)\S",
                analysis.question.lower()[verb.end(1):]):
            return [{"start", "founder", "found", "co-found", "establish"}]  # "who started crumb & co?": its founder
        if verb and (verb_stems := content_stems(verb.group(1))) and not verb_stems & _LIGHT_VERBS:
            verb_stems = verb_stems.union(*(g for g in _DEED_ALIKE if g & verb_stems))
            groups = [g | verb_stems for g in groups if g & verb_stems] or [verb_stems]
        return groups
    if analysis.kind == "place":  # "what is the hometown of X": the sentence must speak of a hometown
        head = re.match(r"\W*(?:so |and |hey,? )?what(?: is| was|'s|’s)? the ([a-z]+) (?:of|for)\b",
                        analysis.question.lower())
        return [content_stems(head.group(1))] if head and head.group(1) not in ("name", "location", "place") else []
    if analysis.kind not in ("money", "number"):
        return []
    if analysis.kind == "money" and re.search(r"\bpa(?:y|id|ying|ys)\s+(?:\w+\s+)?back\b|\brepa(?:y|id|ying|yment)",
                                              question, re.I):  # "how much did the designer have to pay back?": a
        return [{"repay", "repaid", "back", "refund", "reimburs", "recov"}]  # repayment, not what the work cost
    if re.search(r"\bweekly (?:[a-z]+ )?(?:rate|fee|price|charge|rent|fare|cost|bill)s?\b", question, re.I):
        stems -= {"week", "weekli"}  # "residential care weekly rate": a price by the week, no wage
    if analysis.kind == "money" and stems & {"week", "weekli", "wage", "salari"}:
        return [next(g for g in _HEADS if "wage" in g)]  # "paid a week": a wage, not a transfer fee
    if analysis.kind == "money" and re.search(r"(?:\b(?:is|was|were|are|get|gets|got|being)\b|’s|'s)"
                                              r"(?:\s+[\w&'’-]+){0,6}?\s+paid\b(?!\s+(?:for|to|by|out)\b)",
                                              question, re.I):
        return [_EARNINGS]  # "how much was the finance director paid?": earnings, not what a refit cost
    if analysis.kind == "number":  # "downloads expected in week one": no weekly wage
        stems -= {"week", "weekli", "give", "provid", "collect"}  # ("how many signatures did they collect": no prize)
    stems.discard("cover")  # "customers covered by the ban": who it applies to, no sum paid
    if analysis.kind == "number" and re.match(r"\W*(?:so |and )?how many [a-z]", question, re.I) \
            and (when := _AFTER_CLAUSE.search(question)):  # "how many schools did it run after the September
        stems -= content_stems(when.group(0)) - content_stems(question[:when.start()])  # transfers?": no transfer fee
    if re.search(r"\bpost offices?\b", question, re.I):  # "the post office van service": no job posts
        stems.discard("post")
    if POSITION_ASKED.search(question):  # "finishing position": a place in the field, no job
        stems.discard("posit")
    if re.search(r"\bdeal(?:s|t|ing)?\s+with\b", question, re.I):  # "how many reports did the council deal with?":
        stems -= {"deal", "dealt"}  # handled, no deal struck
    if "live" in stems and not re.search(r"\blives\b", question, re.I):  # "how many people live in X": residents,
        stems = (stems - {"live"}) | {"resid"}  # not lives lost
    groups = [group for group in _HEADS if group & stems and (analysis.kind == "money" or "budget" not in group)]
    if analysis.kind == "number" and re.search(r"\breturns?\b", question, re.I):  # "pension fund return 2022": the
        groups = [group for group in groups if "fund" not in group]  # fund's return, no sum raised
    if analysis.kind == "money" and any("popul" not in group for group in groups):
        groups = [group for group in groups if "popul" not in group]
    # ("how many trees had it planted by the time of the budget vote?": no budget asked; "how much did Little Harnby
    # residents raise?": a sum raised, no population; "how much will each resident get?" keeps it)
    if analysis.kind == "number" and _SHARE_OF.search(question):  # "what share of members voted to accept the pay
        groups = []  # deal?": a share of the members, not a sum paid ("71% voted in favour")
    if "rais" in stems and not stems & {"fund", "grant", "award"}:  # "how much has the trust raised so far?": not a
        groups = [group - {"award"} for group in groups]  # sum it was awarded
    paid_in = re.search(r"\b(?:pay|paid|pays|paying)\b[^?]{0,40}?\bin ([a-z]+)", question.lower())
    if len(groups) > 1 and paid_in and (named := [g for g in groups if content_stems(paid_in.group(1)) & g]):
        groups = named  # "how much did Amazon pay the EU in fines": a fine, not a price
    if len(groups) > 1:  # "how much did the EU fine Amazon over the iRobot deal": what is asked comes first
        order = [content_stems(w) for w in re.findall(r"[a-z']+", analysis.question.lower())]
        first = lambda g: next((i for i, w in enumerate(order) if w & g), len(order))  # noqa: E731
        last = lambda g: max((i for i, w in enumerate(order) if w & g), default=-1)  # noqa: E731
        # (a keyword query names what it asks for last: "dunhollow heat death age" asks an age; "offer value" the
        # offer's value)
        named_last = max((g for g in groups if "valu" not in g), key=last, default=None)
        earliest = min(map(first, groups))  # (groups sharing the asked word are one: "paying" is a price paid or a
        # contribution, "agreed to pay ... a subsidy of £148,000")
        groups = [named_last | ({"worth"} if any("valu" in g for g in groups) else set())  # ("extension deal
                  if analysis.is_keyword and named_last  # value": "in a deal worth $190 million")
                  else set().union(*(g for g in groups if first(g) == earliest))]
    counted = re.search(r"\bhow (?:many|much) (?:[a-z]+\d[\w-]*\s+)?(?!(?:did|does|do|is|was|were|are|will|would|"
                        r"has|have|had|can|could|more|less|of|further|higher|lower|bigger|smaller)\b)([a-z]+)"
                        r"|\b(?:what|which) (?:share|percentage|proportion|fraction) of (?:the |its |their )?([a-z]+)",
                        analysis.question.lower())
    # ("what share of the vote": of votes, not the turnout)
    # "how many daily active users ...": what is counted, after the words of its measure (asked_measures)
    if counted and counted.group(2) and not analysis.question[counted.start(2)].islower():
        counted = None  # "what percentage of Meltwater": a stake in a company, not a share of something counted
    name_words = {w.lower() for n in analysis.names for w in n.split()} if counted and counted.group(1) else set()
    counted_noun = next((w for w in re.findall(r"[a-z]+(?:-[a-z]+)*", analysis.question.lower()[counted.start(
        1 if counted.group(1) else 2):]) if w not in _MEASURES and "-" not in w and w not in name_words), "") \
        if counted else ""
    # ("how many first-class wickets": wickets; a hyphened word describes what is counted; "how many Tallwick Bank
    # customers": customers)
    if counted and counted.group(1):  # a noun phrase's last plural is what it counts ("how many Lyme disease cases")
        phrase = re.match(r"(?:[a-z'’-]+ ){0,3}?([a-z]+s)\b(?= (?:did|does|do|is|was|were|are|will|would|has|have|"
                          r"had|in|on|at|for|of|from|by|to|this|last|since)\b|\?|$)",
                          analysis.question.lower()[counted.start(1):])
        if phrase and phrase.group(1) not in _MEASURES and phrase.group(1) not in name_words:
            counted_noun = phrase.group(1)
    if counted and counted.group(2) and counted_noun in {w.lower() for n in analysis.names for w in n.split()}:
        # "what share of northgate votes": of the name or of what follows it ("81 percent of votes cast")
        counted_noun += " " + next((w for w in re.findall(r"[a-z]+", analysis.question.lower()[counted.end(2):])
                                    if w not in STOPWORDS), "")
    if not groups and counted and counted_noun not in _KIND_NOUNS and (noun := content_stems(counted_noun)):
        # "how many troops", "how much rain": the count or amount must be of troops, of rain; "how many people":
        # of people of any kind (civil servants, patients, passengers)
        groups = [_PEOPLE if noun <= {"peopl", "person", "individu"} else
                  noun.union(*(same for same in _SAME_THINGS if same & noun))]
        deed = re.search(rf"\b{counted_noun}\s+(?!(?:did|does|do|is|was|were|are|will|would|has|have|had|can|could|"
                         r"in|on|at|for|of|from|by|to)\b)([a-z][a-z-]+ed)\b", analysis.question.lower())
        if deed:  # "how many people pre-ordered it": the pre-orders count them as well; "how many runners
            groups = [groups[0] | content_stems(deed.group(1))]  # finished": the finishers
    return groups


_SAVED = re.compile(r"\b(?:save|saves|saving|savings|cut|cuts|reductions?)\b", re.I)
_SHARE_OF = re.compile(r"\b(?:what|which) (?:share|percentage|proportion|fraction|per ?cent) of\b", re.I)


# Things news counts under several words ("how many houses did the fire destroy?" / "destroyed 23 homes")
_SAME_THINGS = [content_stems(words) for words in (
    "houses homes properties dwellings", "staff employees workers", "cars vehicles", "ships vessels boats",
    "planes aircraft jets", "pupils students children kids schoolchildren", "shops stores outlets")]


# Nouns that name only the kind of answer ("how much money did he divert?"), not what it is of
_KIND_NOUNS = {"money", "cash", "amount", "sum", "number", "figure", "total", "times"}
_KIND_STEMS = content_stems(" ".join(_KIND_NOUNS)) | {"much", "mani", "year", "last"}


# Words a spoken question adds that a sentence need not repeat ("how big was the crowd?", "in the end")
_SPOKEN_LIGHT = content_stems("big come came go went gone new old whole total roughly officially finally eventually "
                              "once still ever since article articles report reports reported story stories news "
                              "describe described mention mentioned according during around across out within "
                              "people position role job title post hold held later earlier then first")
# (what the corpus is, not its topic; a word of time or place; anyone; the office asked for: "what position does Mark
# Rutte hold?")
# Everyday words a report says otherwise ("my kid": children; "at the weekend": on Saturdays)
_SPOKEN_ALIKE = [content_stems("kid kids child children pupils"), content_stems("weekend weekends saturday sunday"),
                 content_stems("cut cuts lower lowered reduce reduced drop dropped fall fell slash slashed decrease"),
                 content_stems("rise rose raise raised increase increased hike hiked up"),
                 content_stems("buy bought buying sell sold selling sale acquire acquired purchase purchased"),
                 content_stems("watch watched attend attended spectators crowd crowds audience viewers turn turned")]
# ("that price cut": "lowered its acquisition price ... by 15%"; "which organisation bought the Gazette?": "has agreed
# to sell the title to the Ashcombe News Trust"; "how many turned up to watch?": "11,400 spectators attended")
# Words of a question that say nothing of its topic ("what's it going to cost these days, actually?")
_TOPIC_LIGHT = content_stems("going actually really currently now these days get got make made take took give gave per "
                             "look looking like seem seems shaping "
                             "happen happened end ended know tell say said think want wanted wants")


# What a named event, work or body is ("the Corriebrook Classic golf tournament", "the Lantern Keepers drama")
_THING_CLASS = (r"(?:tournament|championships?|race|marathon|festival|cup|competition|contest|awards?|show|series|film|"
                r"drama|album|band|club|team|company|firm|group|charity|scheme|project|programme|fair|exhibition|"
                r"match|fight|game|trial|study|survey|report|inquiry)")


_PLURAL_NOUN = re.compile(r"\b(?:the|a|an|its|their|his|her|our|of|from|these|those|[a-z]+-[a-z]+)\s+([a-z]{4,}s)\b")


def _plural_nouns(sentence: str) -> set[str]:
    """Return the stems of plural nouns the sentence puts after a determiner or a hyphened word ("from in-game
    purchases"): things, not a deed done, for "who bought X?"."""
    return content_stems(" ".join(m.group(1) for m in _PLURAL_NOUN.finditer(sentence)))


def _named_class(analysis: QuestionAnalysis) -> set[str]:
    """Return the stems of the words that say what a thing is, not what is asked of it: the class asked for ("which
    production company made ...?", "which developer wanted ...?") and the words after a name that describe it ("the
    Corriebrook Classic golf tournament"). A report names the thing without them ("made by Fernhallow Pictures")."""
    question = analysis.question
    words: list[str] = []
    if asked := re.match(r"\W*(?:\w+,?\s+)?(?:which|what)\s+((?:[a-z-]+\s+){0,1}[a-z-]+)\s+(?:[a-z]+ed|made|won|did|"
                         r"does|do|is|was|were|are|has|have|had|will|would|can|could|built|paid|sold|bought|took|gave|"
                         r"got|runs?|owns?|makes?|wants?|plans?)\b", question, re.I):
        asked_words = asked.group(1).split()
        if (analysis.kind in ("organisation", "place", "person") or question.lower().lstrip().startswith("which")) \
                and (len(asked_words) > 1 or re.search(r"(?:er|or|eer|ist|ant|ent)$", asked_words[0])):
            words += asked_words  # (a plain class, "which club", "which province", is said where its kind is)
    for name in analysis.names:
        if after := re.search(rf"\b[Tt]he\s+{re.escape(name)}\s+((?:[a-z][a-z-]+\s+){{0,1}}{_THING_CLASS})\b"
                              rf"(?=\s+(?:in|on|at|of|for|from|by|last|this|next|(?:19|20)\d\d)\b|\s*[?,.]|\s*$)",
                              question):
            words += after.group(1).split()
    return content_stems(" ".join(words))


def _topic_unsaid(topic: set[str], near: str, sentence: str, given: set[str] = frozenset()) -> bool:
    """Return True when most of a spoken question's topic words (two of three, three of five) are not near the
    sentence (its title, the sentence before, its report's lead): it speaks of something else ("how many people
    turned up to the village hall meeting about the surgery?" over a sentence on the surgery's patients). The words
    that say what a named thing is (given: `_named_class`) count as said when another topic word is said or there is
    none ("which record label is releasing X?" over a sentence saying nothing of a release: no label either)."""
    stems = content_stems(near)
    unsaid_words = {k for k in topic if not keyword_gate({k}, near, sentence)
                  and not (len(k) >= 5 and any(s.endswith(k) for s in stems))  # ("keeper": "goalkeeper")
                    and not any(k in group and group & stems for group in _SPOKEN_ALIKE)}
    if not topic - given or (topic - given) - unsaid_words:
        unsaid_words -= given
    unsaid = len(unsaid_words)
    return (unsaid >= 3 and unsaid >= 0.6 * len(topic)) or (unsaid >= 2 and unsaid >= 0.67 * len(topic))


def asked_measures(analysis: QuestionAnalysis) -> set[str]:
    """Return the words that make a count or sum a measure of its own ("how many daily active users",
    "what is X's annual revenue"), which an answering sentence (or the one before) must use too: 200,000 users in all
    are not daily active users."""
    if analysis.kind not in ("money", "number"):
        return set()
    question = analysis.question.lower()
    rates = {_RATE_OF[unit] for unit in re.findall(r"\b(?:an?|per|each|every|for the) (hour|night)\b", question)}
    words = re.findall(r"[a-z]+", question)
    return {w for i, w in enumerate(words) if w in _MEASURES and not (  # "paid an hour": hourly; "confirmed cases",
        w.endswith("ed") and (i + 1 == len(words) or words[i + 1] in STOPWORDS))} | rates  # not "fee confirmed in"


_RATE_OF = {"hour": "hourly", "night": "nightly"}


_ANY_QUARTER = re.compile(r"\b(?:quarter|quarterly|three months|q[1-4])\b", re.I)
_OTHER_PERIOD = re.compile(r"\b(?:full[- ]year|annual|half[- ]year|(?:first|second)[- ]half|nine[- ]month|"
                           r"year[- ]to[- ]date)\b", re.I)


# A half-year as reports also say it ("the six months to June 30", "interim results")
_FIRST_HALF = r"\b(?:first|half|interim|h1\b|six months to (?:the end of )?(?:june|30 june))"
_PERIOD_FORMS = {"first half": _FIRST_HALF, "half year": _FIRST_HALF,
                 "second half": r"\b(?:second|h2\b|six months to (?:the end of )?(?:december|31 december))"}


_BASE_QUARTER = re.compile(r"\b(?:after|from|than|compared with|compared to|since)\s+(?:\w+ing\s+)?(?:in\s+)?"
                           r"(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter\b", re.I)


def quarters(text: str) -> set[str]:
    """Return the quarters a text names ("third quarter", "Q3" -> {"3"})."""
    return {_QUARTER.get((m.group(1) or "").lower(), m.group(2)) for m in _ORDINAL_QUARTER.finditer(text)}


def keyword_terms(analysis: QuestionAnalysis) -> set[str]:
    """Return the stems a keyword query's answer must be near ("harbourford marathon 2024 finishers")."""
    focus = [w for w in analysis.focus if w.lower() not in _REPORTING]  # "ashby fraud amount proven at trial": the
    # sum the report gives, however it says it was shown
    if re.search(r"\bon board\b", analysis.question, re.I):  # "passengers on board": aboard, no board of directors
        focus = [w for w in focus if w.lower() != "board"]
    if re.search(r"\bhome town$", analysis.question, re.I):  # "drone maker home town": a hometown, asked last
        focus = [w for w in focus if w.lower() not in ("home", "town")] + ["hometown"]
    return {t for t in content_stems(" ".join(focus)) if len(t) > 1 and t != "vs"} if analysis.is_keyword \
        else set()  # ("ormley rfc try scorers v brackwater bulls": "v" says versus)


_REPORTING = {"noted", "stated", "announced", "proven", "proved"}  # (not "recorded" nor "measured": "storm edric
# recorded gust speed" asks for no forecast one; nor "reported": a reported profit is no underlying one)


_DISCOURSE = {"meanwhile", "however", "moreover", "nevertheless", "nonetheless", "instead", "later", "earlier",
              "afterwards", "separately", "elsewhere", "overall", "today", "yesterday", "tonight", "now", "still",
              "plus", "also", "besides", "furthermore", "indeed", "thus", "hence", "therefore", "likewise",
              "similarly", "otherwise", "finally", "again", "anyway"}  # "Plus, the raising of interest rates ..."


_MAKER_VERBS = re.compile(r"\bwho(?:\s+|(?=['’]s\b))(?:built|builds|made|makes|developed|develops|designed|designs|"
                          r"owns|owned|bought|sold|acquired|published|publishes|organised|organized|runs|ran|operates|"
                          r"operated|funded|manufactures|manufactured|produced|produces|supplies|supplied|sponsors|"
                          r"sponsored|finances|financed|took over|takes over|paid for|pays for|donated|"
                          r"installed|installs|fitted|"
                          # "who will build the bridge?", "who's taking over the surgery?", "who is paying for it?"
                          r"(?:will|would|is|are|was|were|has|have|had|['’]s|(?:is|are|was|were) going to|will be|"
                          r"has been|have been)\s+(?:take over|taking over|taken over|pay for|paying for|paid for|"
                          r"donate|donating|donated|build|develop|design|own|buy|sell|acquire|publish|organi[sz]e|"
                          r"operate|fund|manufacture|produce|supply|sponsor|finance|built|developed|designed|owned|"
                          r"bought|sold|acquired|published|organi[sz]ed|operated|funded|manufactured|produced|supplied|"
                          r"sponsored|financed|building|developing|designing|buying|selling|acquiring|publishing|"
                          r"organi[sz]ing|operating|funding|manufacturing|producing|supplying|sponsoring|financing|"
                          r"install|installing|installed|fitting|fitted))\b"
                          r"(?!\s+(?:the|a|an)\s+(?:\w+\s+)?(?:decision|call|choice|announcement|statement|move|"
                          r"comments?|remarks?|claim|case)\b)", re.I)
# ("who made the final decision" asks for a person: a decision is made by someone, not built by a company)


# A contest a party or a team wins, asked who won
_BODY_WINS = re.compile(r"^(?=.*\b(?:won|win|wins|winners?|champions?)\b)"
                        r"(?!.*\b(?:got|scored|hit|netted|grabbed|struck)\s+(?:the|a|an)\s+(?:late\s+)?winner\b)"
                        r".*\b(?:elections?|council|seats|league|cup|premiership|division|championship|tournament|"
                        r"trophy|relay)\b", re.I)  # ("who got the winner ... in the cup final?": a goal's scorer)


# A side in a match, the giver of a grant or gift, an installer, and a keyword query's owner or opponents: as often a
# club or a firm as a person ("who lost the basketball final to the comets?", "maren tollis owner")
_SIDE_OR_GIVER = re.compile(r"\bwho(?:\s+|(?=['’]s\b))(?:(?:will|would|did|['’]s|is|are|was|were)\s+)?(?:lost|beat|"
                            r"defeated|knocked out|faced|play|playing|played|meet|meeting|met)\b(?=[^?]*\b(?:final|"
                            r"semi-final|match|game|tie|round|cup|league|derby)\b)"
                            r"|\bwho(?:\s+|(?=['’]s\b))(?:(?:will|would|did|['’]s|is|are|was|were|has|have)\s+)?"
                            r"(?:gave|given|giving|give|pledged|contributed|installed|fitted|put)\b[^?]*\b(?:donation|"
                            r"grant|gift|pledge|sum|in)\b"
                            r"|^[^?]*\b(?:owner|owners|opponents?|winner team|winning team|winners team)$", re.I)


# A question asking who bought or took over something
_BUYER_ASKED = re.compile(r"\bwho(?:\s+|['’]s\s+)(?:(?:will|would|is|was|has|had|have)\s+)?(?:bought|buys|buying|buy|"
                          r"acquired|acquires|acquiring|acquire|purchased|purchasing|"
                          r"took over|taking over|takes over)\b", re.I)


def organisation_admitted(question: str) -> bool:
    """Return True when a "who" question may be answered by an organisation: "who owns it?" ("the Pellinore Racing
    syndicate"), "who is buying iRobot?" (Amazon, which texts say jobs "at"), "brackwater council 2024 election
    winner" ("the Brackwater Residents' Association")."""
    return bool(_MAKER_VERBS.search(question) or _BODY_WINS.search(question) or _SIDE_OR_GIVER.search(question))


def person_answer(name: str, sentence: str, question: str) -> bool:
    """Return True when a name can answer a "who" question: a person's name, not a place the sentence puts something
    in ("in Eskhaven"); or any organisation when the question asks who built, made, owns or bought something."""
    maker = organisation_admitted(question)
    moved = "" if maker else "from|to|for|into|"  # ("talking points from Microsoft to the EU": a firm, for "who
    # acquired Activision?")
    if regex(rf"\b(?:in|at|{moved}near|across|around|outside|inside|throughout|(?:summit|top|foot|slopes?|"
             rf"banks?|shores?|edge|outskirts|heart|mouth|(?:north|south|east|west)(?:-?(?:east|west))?) of(?: the)?)"
             rf"\s+(?:(?:neighbouring|neighboring|nearby|"
             rf"northern|southern|eastern|western|central|rural|coastal|downtown)\s+)?{re.escape(name)}\b"
             ).search(sentence) or _DEMONYM.search(name):
        return False  # a place the sentence puts something in; "the English club": a nationality, never who
    if _BUYER_ASKED.search(question) and regex(rf"\b(?:(?:purchase|acquisition|takeover|buyout) of|bought|"
                                              rf"acquired|acquiring|buying|purchased|purchasing|took over|taking over)"
                                              rf"\s+(?:the\s+)?{re.escape(name)}\b").search(sentence):
        return False  # "its $26bn purchase of LinkedIn": what was bought, not who bought Activision
    if not maker and regex(rf"\b(?:chain|company|firm|group|retailer|supermarket|bank|brand|maker|business|insurer|"
                           rf"lender|builder|charity|carrier|airline|broadcaster|publisher|label|site|website|platform|"
                           rf"app|service|startup|start-up|network|studio|agency|exchange|developer|operator|provider|"
                           rf"supplier|manufacturer|producer|planemaker|carmaker|automaker|chipmaker|drugmaker)\s+"
                           rf"{re.escape(name)}\b").search(sentence):
        return False  # "a former finance director of the supermarket chain Holloway": a firm, not who
    if " " not in name and regex(rf"['’]s\s+{re.escape(name)}\s+(?:sale|auction|show|collection|range|store|event|"
                                 rf"festival|branch|site|depot)\b").search(sentence):
        return False  # "at Hartwell & Pryce's Goodmere sale": the name of a sale, no buyer ("Derby's Wilson broke
        # the club record" is one)
    modified = None if maker else regex(rf"\bthe\s+{re.escape(name)}\s+([a-z]+)\b").search(sentence)
    if (modified and modified.group(1) not in STOPWORDS and not modified.group(1).endswith(("ed", "ing"))
            and modified.group(1) not in ("said", "says", "told", "won", "led", "made")) or regex(
            rf"\b(?:village|town|city|county|district|region|island|port|suburb|hamlet|borough|parish) of\s+"
            rf"{re.escape(name)}\b").search(sentence):
        return False  # "the Drummarsh coast", "the village of Hadley Fen": a place, not who ("the Corriebeg Space
        # Agency with university partners" is one)
    return bool(maker) or person_like(name) or bool(
        re.match(r"\W*(?:and\s+|so\s+)?who\s+(?:co-)?led\b", question, re.I)  # "who led it?" over "a Series B round led
        and regex(rf"\b(?:round|funding|investment|financing)\b[^.]{{0,40}}\bled by\s+{re.escape(name)}").search(
            sentence))
    # by Granite Peak Ventures": a firm leads a funding round


def ordinary_opening(name: str, sentence: str) -> bool:
    """Return True for a single capitalised word opening the sentence that is an ordinary word by its form: a
    stopword, a number ("One man, 67, was rescued"), an abstract noun ("Construction of the substation ...") or an
    adverb ("Absolutely everyone ...")."""
    sentence = re.sub(r"^\s*\d{1,2}[:.]\d\d(?:\s?[ap]m)?\s+", "", sentence)  # "15:47 Stewards have given ...": a live
    # blog's time stamp opens the entry, not the sentence
    if " " in name or not sentence.lstrip(" \"“'‘").startswith(name):
        return False
    lower = name.lower()
    return lower in STOPWORDS or lower in _DISCOURSE or lower in NUMBER_WORDS or bool(re.search(
        r"(?:tion|sion|ment|ness|ship|ance|ence)$|.{4}(?:ously|ively|ately|utely|ally|fully|ently|antly)$", lower)) \
        or (lower.endswith("s") and lower[:-1] in ordinary_words() and not re.match(
            rf"{re.escape(name)}\s*,", sentence.lstrip(" \"“'‘"))) \
        or (lower.endswith("s") and re.match(rf"{re.escape(name)}\s+(?:have|were|are|say|believe|fear|warn|expect|"
                                             r"hope|think)\b", sentence.lstrip(" \"“'‘")) is not None) \
        or (re.fullmatch(r"[a-z]{4,}(?:er|or|ist|ian|ant|ent)s", lower) is not None  # "Astronomers at Ladymoor
            and re.match(rf"{re.escape(name)}\s+(?:at|from|in|on|with|for|of|and)\b",  # Observatory have found"
                         sentence.lstrip(" \"“'‘")) is not None)
    # "Crews from Oxlade Cross were called": a plural noun (not "Woods, 45, said"); "Stewards have given ...": a
    # plural noun, which no one's name is said with


def with_people_of(names: list[str]) -> list[str]:
    """Return the names with a "PERSON of ORGANISATION" name split in two: news writes a person with their club,
    party or firm ("won by Keir Maddox of Orlshire Road Club"), which the name finder reads as one name. "Bank of
    England" or "Tour of the Wyke Valley" (one word before "of") stay whole."""
    found = []
    for name in names:
        head, _, tail = name.partition(" of ")
        first, _, second = name.partition(" and ")  # "founded by Ines Marlow and Kofi Adjei": two people
        if tail and len(head.split()) >= 2 and _PERSON_NAME.fullmatch(head) and person_like(head):
            found += [head, re.sub(r"^the\s+", "", tail)]
        elif second and all(len(n.split()) >= 2 and _PERSON_NAME.fullmatch(n) and person_like(n)
                            for n in (first, second)):
            found += [first, second]
        else:
            found.append(name)
    return found


def titled_otherwise(name: str, sentence: str, roles: set[str]) -> bool:
    """Return True when a "who" question asks for a role ("halcyon-3 mission manager") and the sentence titles the name
    with another ("NSA director general Henrik Aaland"), saying nothing of the asked one ("Finance director Rosalind
    Kettleby will become acting chief executive" may answer who will be chief executive, "led by the former senator
    Aldra Mevinsk" who led a campaign)."""
    at = sentence.find(name)
    title = _TITLE_BEFORE.search(sentence[max(0, at - 60):at]) if roles and at > 0 else None
    return bool(title) and not content_stems(sentence) & roles


def short_for_firm(name: str, texts: list[str]) -> bool:
    """Return True for a one-word name the texts write elsewhere as a firm's ("Veridane, based in Lindqvist Bay" of
    "Veridane Therapeutics"): no person."""
    after = regex(rf"\b{re.escape(name)}\s+([A-Z][a-z]+)\b")
    return " " not in name and any(m.group(1).lower() in _NOT_PERSON and m.group(1).lower() != "head"
                                   for text in texts for m in after.finditer(text))


def person_like(name: str) -> bool:
    """Return True when a name could be a person's (not ending in City, Parade, Council ...; not opening with River,
    Storm, Mount ...; not all capitals; not a single nationality word: "the English club")."""
    words = name.split()
    return not (words[-1].lower() in _NOT_PERSON or words[0].lower() in _PLACE_FIRST or name.isupper()
                or re.fullmatch(r"[A-Z]{2,}s", name) is not None  # ("GPs")
                or re.fullmatch(r"Ph\.?D|D\.?Phil|MPhil|MSc|BSc|MBA|LLB|LLM|MBBS", name) is not None  # ("PhD student
                # Ottilie Brasswood")
                or len(words) > 4
                or (len(words) > 1 and re.fullmatch(r"[A-Z]", words[-1]) is not None)  # "Band D", "Plan B", "Group A"
                or name in ("Earth", "Moon", "Sun", "Mars", "Jupiter", "Saturn", "Neptune", "Uranus", "Pluto")
                or (" of " in name and words[0].lower() in _NOT_PERSON)  # "Court of Appeal", "Bank of England"
                or _HOLIDAY.fullmatch(name) is not None  # "interviews expected before Christmas"
                or (len(words) == 1 and bool(_DEMONYM.search(name))))


_HOLIDAY = re.compile(r"Christmas(?: Day| Eve)?|Easter(?: Sunday| Monday)?|Halloween|Thanksgiving|Ramadan|Eid|Diwali|"
                      r"Hanukkah|Passover|New Year(?:['’]s)?(?: Day| Eve)?|Boxing Day|Good Friday|Palm Sunday|Whitsun|"
                      r"Bonfire Night|Hogmanay")


# What the passages call a person: a courtesy title before the surname ("Mr Doyle-Marchetti"), an age after the name
# ("Dorran Vesk, 34,"), or a person's job or kin right before it ("chair Cordelia Venn-Hastings", "striker ...")
_TITLE_WORDS = {"chairwoman", "chairman", "chair", "chief", "president", "minister", "director", "manager", "coach",
                "captain", "governor", "senator", "mayor", "judge", "justice", "inspector", "superintendent",
                "commissioner", "secretary", "general", "admiral", "colonel", "bishop", "father", "sister", "founder",
                "co-founder"}
_FIRM_WORD = re.compile(r"\b(?:Company|Co|Fund|Institute|Ltd|Group|Brewing|Brewery|Partners|Holdings|Trust|"
                        r"Foundation|Capital|Ventures|Labs?)\b")  # ("Founder Brewing Company" is a firm)
_HONORIFIC = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Lord|Lady|Prof|Professor|Rev|Cllr|Councillor|Sgt|Insp|Det|PC)\.?"
_PERSON_ROLE = (r"(?i:chair|chairman|chairwoman|chief executive|chief operating officer|director|manager|coach|"
                r"captain|skipper|striker|midfielder|defender|goalkeeper|winger|forward|batter|bowler|jockey|trainer|"
                r"rider|runner|cyclist|swimmer|driver|player|poet|author|novelist|writer|journalist|actor|actress|"
                r"singer|composer|conductor|artist|designer|architect|chef|mayor|minister|president|senator|governor|"
                r"spokesman|spokeswoman|spokesperson|secretary|officer|inspector|detective|sergeant|constable|"
                r"superintendent|judge|surgeon|nurse|headteacher|teacher|principal|student|pupil|farmer|resident|"
                r"researcher|scientist|economist|analyst|engineer|campaigner|teenager|widow|mother|father|son|"
                r"daughter|wife|husband|brother|sister|partner|grandmother|grandfather|champion|runner-up|"
                r"(?:opposition|party|council|group|team) leader)")
# Role words naming an office a person holds (not a deed done: scoring, winning, writing)
_OFFICES = {"manag", "boss", "execut", "ceo", "director", "chair", "chairman", "presid", "leader", "mayor", "minist",
            "secretari", "ambassador", "envoy", "spokesperson"}
# A role title right before a name ("NSA director general Henrik Aaland", "Mission manager Dr Elsa Kvarnström")
_TITLE_BEFORE = re.compile(rf"\b((?i:chair|chairman|chairwoman|chief executive|chief operating officer|director|"
                           rf"director general|manager|coach|mayor|minister|president|senator|governor|secretary|"
                           rf"spokesman|spokeswoman|spokesperson|judge|headteacher|principal|commissioner|"
                           rf"vice-chancellor|chancellor))\s+(?:{_HONORIFIC}\s+)?$")  # offices (a striker may score)


_CAPITALISED = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}"
_PERSON_CUES = re.compile(rf"\b{_HONORIFIC}\s+(?P<titled>(?:[A-Z][\w'’-]+\s+)?[A-Z][\w'’-]+)"
                          rf"|(?P<aged>{_CAPITALISED}),\s+(?:aged\s+)?\d{{1,3}},"
                          rf"|\b{_PERSON_ROLE},?\s+(?P<held>{_CAPITALISED})")


@lru_cache(maxsize=1024)
def _people(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """Return the names a text speaks of as persons' (after a courtesy title or a person's job, before an age), each
    with its shorter forms ("Striker Bethan Ravensworth, 24,": "Bethan Ravensworth", "Ravensworth"), and the surnames
    it gives a courtesy title ("Mr Doyle-Marchetti")."""
    forms, titled = set(), set()
    for m in _PERSON_CUES.finditer(text):
        words = m.group(m.lastgroup).split()
        forms.update(" ".join(words[i:]) for i in range(len(words)))
        if m.lastgroup == "titled":
            titled.add(words[-1])
    return frozenset(forms), frozenset(titled)


def named_as_person(name: str, texts: list[str], place: bool = False) -> bool:
    """Return True when the passages speak of the name as a person: a courtesy title before it or its surname ("Mr
    Doyle-Marchetti"), an age after it ("Dorran Vesk, 34,"), a person's job or kin right before it ("transport board
    chair Cordelia Venn-Hastings", "the orchestra's chief executive, Philippa Crowder-Hale"); a lone surname
    ("Halvorsrud") when a person's name so spoken of ends with it. A person is no answer to "which company" or
    "where". place: for a "where" question, also a given name and a surname ("Priscilla Naughtie") that nothing is
    said to be in or at (a place may be so named, and a firm: "John Lewis")."""
    words = name.split()
    if place and given_and_surname(name) and not any(
            re.search(rf"\b(?:at|in|near|outside|inside|into|(?i:administrators|receivers|liquidators|accountants|"
                      rf"auditors|consultants|advisers|advisors|analysts) (?:from|at))\s+"
                      rf"(?:the\s+)?{re.escape(name)}\b(?!['’]s)", t)  # ("Administrators from Kendal Price")
            for t in texts):
        return True
    if not words or not person_like(name):
        return False
    if len(words) >= 3 and words[0].lower() in _TITLE_WORDS and (given_and_surname(" ".join(words[1:]))
                                                                 or (words[0].lower() in ("founder", "co-founder")
                                                                     and not _FIRM_WORD.search(name))):
        return True  # "Chairwoman Beatriz Matos", "Founder Marek Ostrand": a role said before a person's name
    if len(words) >= 2 and any(regex(rf"\b{re.escape(name)},?\s+who\b(?!\s+(?:are|were|have)\b)").search(t)
                               for t in texts):
        return True  # "replaces Declan Furlow, who left last month": "who" says a person
    return bool(re.fullmatch(_HONORIFIC, words[0])) or any(  # ("Anselm Drevecky" for "Drevecky, 27,")
        name in forms or words[-1] in titled or (len(words) == 2 and words[-1] in forms)
        for forms, titled in map(_people, texts))


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Return the shipped given names (models/given_names.txt), lower-case."""
    lines = (MODELS / "given_names.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


# Last words that make a name a place or a site, whoever it is named for ("Victoria Park", "Elizabeth Line")
_PLACE_LAST = re.compile(r"(?:Park|Street|St|Road|Rd|Lane|Avenue|Square|Hall|Station|City|Town|Village|Beach|Bay|Hill|"
                         r"Hills|Bridge|Quay|Wharf|Court|Gardens?|Green|Common|Heath|Row|Place|Way|Close|Field|Fields|"
                         r"Line|Island|Valley|Falls|Springs?|Cross|Gate|End|Market|Centre|Center|Stadium|Arena|"
                         r"Ground|Airport|Harbour|Port|Point|Head|Water|Wood|Woods|Forest|Moor|Castle|Abbey|Church|"
                         r"Cathedral|College|University|School|Hospital|House|Terrace|Crescent|Drive|Walk|Mews|Yard)")


def given_and_surname(name: str) -> bool:
    """Return True for a name of two or three words that opens with a given name and ends as no place does
    ("Tobias Wendt-Lowry", "Fern Achterberg"; not "Victoria Park")."""
    if " and " in name:  # "Caroline Ellison and Sam Trabucco"
        return any(given_and_surname(part) for part in name.split(" and "))
    words = name.split()
    return 2 <= len(words) <= 3 and words[0].lower() in given_names() and not _PLACE_LAST.fullmatch(words[-1]) \
        and all(w[:1].isupper() for w in words)


_PLACE_FIRST = {"river", "lake", "loch", "mount", "cape", "fort", "port", "glen", "isle", "storm", "hurricane",
                "typhoon", "cyclone", "first", "second", "third", "fourth", "fifth"}  # "River Tolle", "Third Point"


# Nationality words: "the English club" names no one (a list, not endings: Altman, Brian and Modi end the same way)
_DEMONYM = re.compile(r"^(?:English|British|Scottish|Welsh|Irish|American|Canadian|Mexican|Brazilian|Argentine|"
                      r"Argentinian|French|German|Italian|Spanish|Portuguese|Dutch|Belgian|Swiss|Austrian|Swedish|"
                      r"Norwegian|Danish|Finnish|Polish|Czech|Russian|Ukrainian|Turkish|Greek|Israeli|Palestinian|"
                      r"Iranian|Iraqi|Saudi|Egyptian|Indian|Pakistani|Chinese|Japanese|Korean|Vietnamese|Thai|"
                      r"Indonesian|Filipino|Australian|African|Nigerian|Kenyan|European|Asian|Arab|Cuban|Colombian|"
                      r"Chilean|Peruvian|Venezuelan|Hungarian|Romanian|Serbian|Croatian|Lebanese|Syrian|Afghan|Qatari|"
                      r"Emirati|Moroccan|Ethiopian|Ghanaian|Jamaican|Taiwanese|Singaporean|Malaysian|Bangladeshi|"
                      r"Spaniard|Brit|Frenchman|Englishman|Scot|Dane|Swede|Pole|Finn|Turk|Kiwi|Aussie|Yank)$")


# "Dorran Vesk, 34, of Millbeck Close,": where someone lives; "where is it based?": a base the sentence says
_ADDRESS = re.compile(r"[A-Z][\w'’-]+,\s+(?:\d{1,3},\s+)?(?:of|from)\s+(?:the\s+)?$")
_HOME_ASKED = re.compile(r"\b(?:live|lives|living|from|home|address|hometown|resident)\b", re.I)
_BASE_ASKED = re.compile(r"\bbased\b|\bheadquarter", re.I)
# A court answers where a case was heard ("appeared at Quellbridge Magistrates' Court"), not where someone was arrested
_COURT = re.compile(r"\b(?:Court|Tribunal)s?\b")


def court_unasked(name: str, question: str) -> bool:
    """Return True for a court named in a sentence about a case when the question does not ask about the case
    ("pleaded guilty at Dunmere Magistrates' Court" for "what's the name of the waste business run by sharon pell?")."""
    return _COURT.search(name) is not None and _COURT_ASKED.search(question) is None
_COURT_ASKED = re.compile(r"\b(?:appear\w*|tri(?:ed|al|als)|sentenc\w*|convict\w*|hear\w*|plead\w*|remand\w*|"
                          r"acquit\w*|court\w*|case|cases|judge\w*|jail\w*|prosecut\w*|rul(?:e|ed|ing)|verdict|"
                          r"tribunal|inquest|hearing|charged)\b", re.I)
_BASE_SAID = re.compile(r"\bbased\b|-based\b|\bheadquarter|\bHQ\b|\bhead office\b|\boffices?\b|\bhome of\b", re.I)


_FIRM_TAIL = re.compile(r"\b(?:Renewables|Energy|Group|Holdings|Ltd|plc|Inc|Partners|Ventures|Capital|Systems|"
                        r"Logistics|Homes|Developments|Construction|Engineering|Media|Pictures|Foods|Motors)$")


def place_answers(name: str, sentence: str, question: str) -> bool:
    """Return False for a place that answers another "where" than the asked one: a person's address given beside
    their name ("Dorran Vesk, of Millbeck Close,") for where something happened, a court for where anything but a
    case happened ("where was he arrested?"), or any place of a sentence that says nothing of a base for "where is X
    based?"."""
    at = sentence.find(name)
    if at > 0 and _ADDRESS.search(sentence[:at]) and not _HOME_ASKED.search(question):
        return False
    if (at > 0 and re.search(r"\b(?:led|run|owned|built|operated|developed|backed|funded|bought|made) by\s+"
                             r"(?:the\s+)?$", sentence[:at])) or _FIRM_TAIL.search(name):
        return False  # "The project, led by Norland Renewables, ...": a firm, where nothing is
    if _COURT.search(name) and not _COURT_ASKED.search(question):
        return False
    if at > 0 and (old := re.search(r"\b(?:replac\w*|instead of|succeed\w*|moving from|moved from|relocat\w* from)"
                                    r"\s+(?:(?!\bto\b|\binto\b)[^,;.])*?\b(?:on|at|in)\s+(?:the\s+)?$",
                                    sentence[:at], re.I)) \
            and not re.search(r"\bsame (?:site|plot|location|spot|ground)\b", old.group(0), re.I) \
            and re.search(r"\b(?:on|at|in|into|to)\s+(?:the\s+)?[A-Z]", sentence[:old.start()]) \
            and not re.search(r"\b(?:old|former|existing|previous|current)\b", question, re.I):
        return False  # "on the Brackenford bypass, replacing the 1960s station on Mill Street": the old site
    return not (_BASE_ASKED.search(question) and not _BASE_SAID.search(sentence))


def affiliated_elsewhere(name: str, sentence: str, asked: list[str]) -> bool:
    """Return True when the sentence gives the organisation as another person's, while the question names a person
    ("Anselm Drevecky of Team Solvane" for "which team does Piet Haarbrook ride for?")."""
    people = [n for n in asked if person_like(n) and len(n.split()) > 1]
    holder = regex(rf"([A-Z][\w'’-]+),?\s+(?:of|from)\s+(?:the\s+)?{re.escape(name)}\b").search(sentence)
    return bool(people) and holder is not None and not any(holder.group(1) in n.split() for n in people)


def is_demonym(name: str) -> bool:
    """Return True for a nationality word ("British", "Kiwi") or a country's initials used as one ("US
    cybersecurity group Corvanta"): no person's, organisation's or party's name."""
    return _DEMONYM.search(name) is not None or name in ("US", "USA", "UK", "UAE")


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_ORDINAL_WORDS = {"1": ("first", "one"), "2": ("second", "two"), "3": ("third", "three"), "4": ("fourth", "four"),
                  "5": ("fifth", "five"), "6": ("sixth", "six"), "7": ("seventh", "seven"), "8": ("eighth", "eight"),
                  "9": ("ninth", "nine"), "10": ("tenth", "ten"), "11": ("eleventh", "eleven"),
                  "12": ("twelfth", "twelve")}


def asked_months(question: str) -> list[str]:
    """Return the months a question names on their own ("in February"), not inside a full date (the retriever reads
    those) and not "may" the verb."""
    q = question.lower()
    q = re.sub(r"\b(" + "|".join(_MONTHS) + r")\s+\d{1,2}(st|nd|rd|th)?,?\s+(19|20)\d\d\b", " ", q)
    return [m for m in _MONTHS if re.search(rf"\b{m}\b", q)
            and (m != "may" or re.search(r"\b(?:in|for|of|during|since|until|by|last|early|late|mid|mid-)[\s-]?may\b|"
                                         r"\bmay (?:19|20)\d\d\b", q)
                 or ((before := re.search(r"\b([a-z]+) may\W*$", q)) is not None
                     and before.group(1) not in ("who", "what") and before.group(1) not in given_names()))]
    # ("brian may", "theresa may": a name)
    # ("the May 2024 index", "for may"; a search-box query's last word: "corvale bus strike new dates may")


_ASKED_ORDINAL = re.compile(r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)"
                            r"(?![- ](?:quarter|half|time|ever)\b)\s+(?!(?:\w+ed|\w+en|due|came|went|met|won|began|"
                            r"became|saw|took|made|got|ran|set|held|put|to|in|at|on)\b)[a-z]", re.I)  # quarters and
# halves: quarters(); "first built", "first due": when, not which one


def asked_ordinals(question: str) -> list[str]:
    """Return, as digits, the ordinals a question names before a noun ("its second weekend" -> "2"), not quarters,
    halves, "first time" or an ordinal before a verb ("first built")."""
    digits = {words[0]: number for number, words in _ORDINAL_WORDS.items()}
    return [digits[m.group(1).lower()] for m in _ASKED_ORDINAL.finditer(question)
            if not (m.group(1).lower() == "first" and _FIRST_SAID.match(question, m.end(1)))]


# "how many jobs did the bank first say were at risk", "job cuts first plan": the figure first given, which a later
# report revises; the sentence giving it need not say "first" (span choice prefers the original figure)
_FIRST_SAID = re.compile(r"\s+(?:say|said|announce[ds]?|plan(?:s|ned)?|propos(?:e[ds]?|al)|promise[ds]?|"
                         r"estimate[ds]?|forecast|predict(?:ed)?|quote[ds]?|expect(?:ed)?|pledge[ds]?|put|"
                         r"suggest(?:ed)?|claim(?:ed)?|agree[ds]?)\b", re.I)
_FIRST_SAID_ASKED = re.compile(rf"\bfirst{_FIRST_SAID.pattern}", re.I)  # a question about the figure first given
# A figure said as revised, which a question about the one first said is not asked of ("raised the death toll to
# 2,300", "its latest forecast")
_REVISED = re.compile(r"\b(?:latest|revised|updated|(?:raised|increased|lowered|cut|now put|now puts)\s+"
                      r"(?:[\w-]+\s+){0,7}?to)\b", re.I)


def _says_number(number: str, text: str) -> bool:
    """Return True when the text names the number, as digits or in words ("stage 5" / "fifth stage")."""
    return re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d]|[.,]\d)", text) is not None or any(
        re.search(rf"\b{word}\b", text) for word in _ORDINAL_WORDS.get(number, ()))


# Words that set one thing apart from its counterpart, with the words on each side ("a small loaf" is no "large loaf",
# a "low estimate" no "high estimate", "in the south of England" not "in the north of England")
_CONTRASTS = [(("small", "smaller", "little"), ("large", "larger", "big", "bigger")),
              (("low", "lower", "lowest", "bottom"), ("high", "higher", "highest", "top", "upper")),
              (("north", "northern"), ("south", "southern")), (("east", "eastern"), ("west", "western")),
              (("including", "inclusive"), ("excluding", "exclusive")), (("single", "one-way"), ("return",)),
              (("adult", "adults"), ("child", "children", "child's", "children's")),
              (("red",), ("amber", "yellow", "orange")), (("amber",), ("yellow", "orange")), (("yellow",), ("orange",)),
              (("elementary", "primary", "infant", "junior"), ("high", "secondary", "middle", "senior"))]  # ("a high
# school lunch" is no elementary school lunch)
# (an alert's or a warning's colour: "a red heat-health alert" is not the amber one; a red card not a yellow one)


@lru_cache(maxsize=256)  # read once a question, not once a candidate sentence
def _asked_contrasts(question: str) -> tuple[tuple[str, str, str], ...]:
    """Return, for each side of a contrast the question says before a word, the word, the asked side and the other
    side as patterns ("a small white loaf": "white", small|smaller|little, large|larger|big|bigger)."""
    q = question.lower().replace("’", "'")
    found = []
    for one, other in _CONTRASTS:
        for asked, others in ((one, other), (other, one)):
            for m in re.finditer(rf"\b(?:{'|'.join(asked)})\s+([a-z'-]+)(?:\s+([a-z'-]+))?", q):
                word = m.group(1) if m.group(1) not in STOPWORDS or not m.group(2) else f"{m.group(1)} {m.group(2)}"
                if word not in STOPWORDS:
                    found.append((word, "|".join(asked), "|".join(others)))
    return tuple(found)


def contrasted(question: str, sentence: str) -> bool:
    """Return True when the question says one side of a contrast before a word ("a small white loaf", "the low
    estimate") and the sentence says only the other side before that word ("its large white loaf", "its $800,000
    high estimate")."""
    s = sentence.lower().replace("’", "'")
    return any(re.search(rf"\b(?:{others})\s+(?:[a-z'-]+\s+)?{re.escape(word)}\b", s)
               and not re.search(rf"\b(?:{asked})\b", s)  # (nor when the asked side is said at all: "four children
               for word, asked, others in _asked_contrasts(question))  # and two adults were hurt")


_ROLE_ASKED = re.compile(r"^\W*(?:so |and )?who(?:['’]s| is| was| will be| has been)\s+(?:the|its|their)\s+"
                         r"(?:new\s+|current\s+|present\s+)?((?:[a-z]+\s+)?[a-z]{4,}(?<!ed))\s+(?:of|at|for|on|in)\b",
                         re.I)
# A person the sentence titles by a role of their own ("Lifeboat operations manager Derek Trewin")
_TITLED_PERSON = re.compile(r"\b(?:(?:operations|deputy|assistant|area|regional|finance|marketing|sales|press|"
                            r"communications|launching|technical|commercial|development|project)\s+"
                            r"(?:manager|director|officer|authority)|secretary|treasurer|officer|"
                            r"spokes(?:man|woman|person))\s+(?:Dr |Professor |Prof |Mr |Mrs |Ms |Cllr )?"
                            r"[A-Z][a-z]+ [A-Z]", re.I)  # (a subordinate post: an owner, chief, director or
# principal may be the asked role in other words, "Swan owner Ian Bell" for the proprietor)


def role_unsaid(analysis: QuestionAnalysis, heads: list[set[str]], sentence: str, previous: str) -> bool:
    """Return True when a person question asks for the holder of a role no head group knows ("who is the coxswain of
    the Porthallow lifeboat?"), no word of the role is said in the sentence or the one before, and the sentence titles
    its person by another known role ("Lifeboat operations manager Derek Trewin")."""
    role = _ROLE_ASKED.match(analysis.question)
    if analysis.kind != "person" or not role or heads or not _TITLED_PERSON.search(sentence):
        return False
    stems = content_stems(role.group(1))
    said = content_stems(f"{previous} {sentence}")
    joined = re.sub(r"[\s-]+", "", f"{previous} {sentence}".lower())  # ("Head teacher" for "headteacher")
    return bool(stems) and not stems & said and not any(s.startswith(tuple(stems)) for s in said) \
        and re.sub(r"\s+", "", role.group(1).lower()) not in joined


# Sides a question may bind a figure to by a plain word (not a name's word: "Winter Gardens", "North Vale")
_SIDES = ({"winter": r"winter", "summer": r"summer", "spring": r"spring", "autumn": r"autumn|fall"},
          {"north": r"north|northern", "south": r"south|southern", "east": r"east|eastern", "west": r"west|western"})
# (the sentence's side is read in a frame of its own below: "in the south", "in summer", "autumn 2024")


def other_side(analysis: QuestionAnalysis, sentence: str) -> bool:
    """Return True when the question binds its figure or holder to one season or one part of a country ("how many
    vehicles a day in winter", "starting pay for prison officers in the south") and the sentence, in lower case, names
    only another ("about 850 vehicles a day in summer", "in the northern region")."""
    for sides, asked in _asked_sides(analysis.question, tuple(analysis.names), analysis.is_keyword):
        said = {side for side, forms in sides.items() if re.search(
            rf"\b(?:in|during|over|across|this|last|next|for|of)\s+(?:the\s+)?(?:{forms})\b(?!\s+(?:of|in)\b)"
            rf"|\b(?:{forms})\s+(?:19|20)\d\d\b", sentence)}  # ("in the northern region", "in summer"; not "a fall
        # of 5%", "a natural spring", "swept in from the west")
        if said and asked not in said:
            return True
    return False


@lru_cache(maxsize=256)  # read once a question, not once a candidate sentence
def _asked_sides(question: str, names: tuple[str, ...], keyword: bool) -> tuple[tuple[dict, str], ...]:
    """Return, for each kind of side (season, part of a country) the question binds to exactly one of, that side."""
    named = {w.lower() for n in names for w in n.split()}
    question = question.lower()
    found = []
    for sides in _SIDES:
        asked = [side for side, forms in sides.items() if side not in named and re.search(
            rf"\b(?:in|during|over|across|for|of) (?:the )?(?:{forms})\b" if not keyword
            else rf"\b(?:{forms})(?:\s+(?:19|20)\d\d)?\s*$", question)]  # (a search-box query's last word: not the
        # "winter fuel payment")
        if len(asked) == 1:
            found.append((sides, asked[0]))
    return tuple(found)


def _opposite(qualifier: str) -> list[str]:
    """Return the qualifiers that name the other event ("men's" for "women's"): a sentence saying one of them
    speaks of the other race or final, even when its article also mentions the asked one."""
    q = qualifier.lower().rstrip("s").rstrip("'")
    pairs = {"women": ["men'", "men's", "male"], "woman": ["men'", "men's"], "female": ["male"], "men": ["women"],
             "male": ["female"], "girl": ["boy"], "boy": ["girl"], "junior": ["senior"], "senior": ["junior"],
             "permanent": ["interim", "acting", "caretaker", "temporar"],
             **{way: [other] for way, other in _DIRECTIONS.items()}}
    return [re.escape(o) for o in pairs.get(q, [])]


def sibling_pattern(name: str) -> tuple[re.Pattern, re.Pattern] | None:
    """Return patterns for a numbered name ("Selene-2", "X7") and its siblings ("Selene-1", "X5"): a sentence that
    names only a sibling speaks of another thing."""
    match = re.fullmatch(r"(.*?[A-Za-z])([\s-]?)(\d{1,3})", name)
    if not match:
        return None
    base, number = re.escape(match.group(1)), match.group(3)
    return (re.compile(rf"\b{base}[\s-]?{number}\b", re.I), re.compile(rf"\b{base}[\s-]?(?!{number}\b)\d{{1,3}}\b", re.I))


_LABEL_WORD = r"(?<!\w)(?:[Nn]umber|No\.?|no\.|#)\s?"
_NUMBER_LABEL = re.compile(rf"{_LABEL_WORD}(\d{{1,4}})\b(?![.,:]\d|%)")


def labelled_siblings(question: str, names: list[str]) -> list[tuple[re.Pattern, re.Pattern]]:
    """Return sibling_pattern's pair for each name the question gives a model number or letter after ("the Glimmerwick
    Orla 2", "the whirrel zippet s"), which the name finder leaves out: "Orla 3" and "Zippet X" are other things; and
    for each numbered thing it asks about ("plan number 2", "the No. 47 bus"): plan number 42 is another."""
    pairs = []
    for name in names:
        words = name.split()
        if len(words) > 1 and re.fullmatch(r"[A-Z]|\d{1,3}", words[-1]):  # the finder kept it ("Zippet S")
            words, labels = words[:-1], [words[-1]]
        else:
            labels = re.findall(rf"\b{re.escape(words[-1])}[\s-]([0-9]{{1,3}}|[A-Za-z])\b(?![’'-])", question, re.I)
        last = re.escape(words[-1])
        for label in labels:
            other = r"\d{1,3}" if label.isdigit() else r"[A-Z]"
            pairs.append((re.compile(rf"\b{last}[\s-]?{re.escape(label)}\b", re.I),
                          re.compile(rf"(?i:\b{last})[\s-]?(?!{re.escape(label.upper())}\b){other}\b")))
    for label in _NUMBER_LABEL.findall(question):
        pairs.append((re.compile(rf"{_LABEL_WORD}{label}\b"), re.compile(rf"{_LABEL_WORD}(?!{label}\b)\d{{1,4}}\b")))
    return pairs


def asked_verb(analysis: QuestionAnalysis) -> set[str]:
    """Return the stem of the verb a "which bank financed ..." question asks about, which the sentence (or the one
    before) must speak of; empty when there is none or it is too general."""
    words = re.findall(r"[a-z']+", analysis.question.lower())[:6]
    if not words or words[0] not in ("which", "what"):
        return set()
    for word in words[2:]:
        if word in ("is", "was", "are", "were", "did", "does", "do", "has", "have", "had", "will", "would"):
            return set()  # "which country did Rutte visit": the verb comes after the subject; not checked
        if (len(word) > 4 and word.endswith("ed")) or word in BASE_FORMS:
            stems = content_stems(word)
            if not stems or stems & _LIGHT_VERBS:  # ("said" has no content stem)
                return set()
            if stems & _SAYING:  # "which company reported the cuts?": "according to Tavelgrid Networks"
                return stems | _SAYING
            # "which publisher released X?": "its publisher, Lanthorn Books" says it as much as "released"
            stems |= content_stems(BASE_FORMS.get(word, word))  # ("built": build)
            return stems | content_stems(words[words.index(word) - 1]) | set().union(
                *(g for g in _ROLES + _HEADS if g & stems))
    return set()


_SAYING = content_stems("reported announced confirmed stated")
_SAID = re.compile(r"\baccording to\b|\bsaid\b|\bsays\b|\btold\b")  # (no content words)


_SAME_DEED = [{"job", "post", "role", "posit"}, {"start", "begin", "began", "join"}]  # (stems)


def date_off_event(analysis: QuestionAnalysis, sentence: str) -> bool:
    """Return True when the words a "when did X <verb> ..." question asks with (its lower-case content words: "attack",
    "hosepipe ban start") are in the sentence and no date the sentence gives is near any of them (within _DATE_REACH
    words): "footage that was filmed last month ... claim it showed Hamas missile attacks" dates the filming, not the
    attack asked about. A search-box query asks with its words other than names ("pellinor airport second runway
    construction start date"); a clause of time ("after the eruption") says when, not what is dated."""
    if analysis.kind != "date":
        return False
    asked = re.match(r"\W*when(?:'s|’s|\s+(?:did|does|do|will|would|is|are|was|were))\s+(.+)", analysis.question,
                     re.I)
    if asked:
        text = asked.group(1)
    elif analysis.is_keyword:
        named = {w.lower() for n in analysis.names for w in n.split()}
        text = " ".join(w for w in analysis.question.lower().split() if w not in named)
    else:
        return False
    text, *reference = re.split(r"\b(?:after|before|following|since|until|when)\b", text)
    stems, referred = (set().union(*(content_stems(w) for w in re.findall(r"[A-Za-z'’-]+", part)
                                     if w.islower() and w not in STOPWORDS)) - _LIGHT_VERBS - _DATE_WORDS
                       for part in (text, " ".join(reference)))
    referred -= stems
    stems |= set().union(*(group for group in _SAME_DEED if group & stems))  # "start in the job": "take up the post"
    words = [(m.start(), content_stems(m.group(0))) for m in _WORD.finditer(sentence.lower())]
    def word_at(position: int) -> int:  # the index of the word a character position falls in
        return sum(start <= position for start, _ in words) - 1

    uses = [i for i, (_, w) in enumerate(words) if w & stems]
    for verb, particle in (m.groups() for m in map(_PHRASAL_NOUN.fullmatch, text.lower().split()) if m):
        # "takeover" said as "agreed to take it over from 1 July"
        uses += [word_at(m.start()) for m in regex(rf"\b{verb}\w*\s+(?:\w+\s+)?{particle}\b").finditer(
            sentence.lower())]
    dates = [word_at(span.start() if (span := _DAY_SPAN.search(sentence[:d.start()])) else d.start())
             for d in DATE.finditer(sentence)]  # ("between 19 and 27 October": from "between")

    def near(u: int, d: int) -> bool:  # a few words apart, or in one clause ("was sworn in as president of Valdoria
        # at the Hall of Assembly in Sarnowe on Saturday"; not "a runway, a strip that will handle ... by 2035")
        a, b = sorted((u, d))
        return b - a <= _DATE_REACH or (b - a <= 3 * _DATE_REACH and not _CLAUSE_BREAK.search(
            sentence[words[a][0]:words[b][0]]))
    if not uses:  # "erupted on Sunday" dates the eruption the question goes from, not the return home asked about
        return bool(dates) and any(w & referred for _, w in words)
    return bool(dates) and not any(near(u, d) for u in uses for d in dates)


_DATE_REACH = 8
_DAY_SPAN = re.compile(r"\b(?:between|from)\s+\d{1,2}(?:st|nd|rd|th)?\s*(?:and|to|-|–)\s*$", re.I)
_PHRASAL_NOUN = re.compile(r"([a-z]{3,}?)(over|out|down|off|up)")  # "takeover", "shutdown", "walkout"
_DATE_WORDS = content_stems("date day when year month time")
_CLAUSE_BREAK = re.compile(r"[,;:()—–]|\b(?:that|which|who|whose|while|after|before|when|because|but|and|as|until|"
                           r"since|where)\b", re.I)


_EDITION_NOUNS = (r"(?:race|final|edition|event|tournament|festival|season|awards?|ceremony|election|marathon|games?|"
                  r"cup|championships?|show|prize|regatta|contest|competition|league|series)\b")


_COMPARED = re.compile(r"\b(?:up from|down from|compared (?:with|to)|than|from|since|after|before|breaking|beating|"
                       r"eclipsing|surpassing|last|previous)\b(?:[^,;.]|\.\d)*$", re.I)


def other_edition(analysis: QuestionAnalysis, sentence: str) -> bool:
    """Return True when the sentence speaks of another year's edition of a named event and not of the asked year's
    ("The 2019 Rugby World Cup final ..." for "who won the Rugby World Cup 2023?"; "the 2024 race" for the 2023
    marathon): the article's date does not make it the asked one."""
    for year in analysis.years:
        if year in sentence:
            continue
        if any(not _COMPARED.search(sentence[:m.start()]) for m in re.finditer(
                rf"\b(?!{year})(?:19|20)\d\d(?:'s)?\s+(?:\w+\s+)?{_EDITION_NOUNS}", sentence, re.I)):
            return True  # "Organisers confirmed the 2024 race would move to a new finish" for the 2023 race (not
            # "Turnout was 34.7%, up from 29.1% at the 2021 contest": the other year is what it is compared with)
        for name in analysis.names:  # (a name read with its year: "2023 Rugby World Cup")
            name_pattern = re.escape(re.sub(r"^(?:19|20)\d\d\s+|\s+(?:19|20)\d\d$", "", name))
            if re.search(rf"\b(?!{year})(?:19|20)\d\d(?:'s)?\s+(?:the\s+)?{name_pattern}\b|\b{name_pattern}\s+(?:of\s+)?"
                         rf"(?!{year})(?:19|20)\d\d\b", sentence, re.I):
                return True
    return False


@lru_cache(maxsize=256)  # asked once per candidate sentence of the same few articles
def _introduced(article: str) -> str:
    """Return the names an article gives its subject ("The planet, named HV-227b", "a CubeSat called Lark-1"): such a
    name holds for the whole report, as the lead's names do."""
    return " ".join(m.group(0) for m in re.finditer(r"\b(?:named|called|dubbed|known as)\s+[A-Z][\w'’-]*"
                                                      r"(?:\s+[A-Z0-9][\w'’-]*)*", article))


_PRONOUN = re.compile(r"\b(?:he|she|him|his|her)\b", re.I)


def refers_back(name: str, sentence: str, article: str) -> bool:
    """Return True when a sentence speaks of a person by pronoun and the person can only be the asked one: the
    article names them before it and names no other person up to and in it ("Nadia Corrin, 38, appeared ... The case
    was sent to Marrowgate Crown Court, where she is due to appear on 4 December")."""
    if len(name.split()) < 2 or not person_like(name) or not _PERSON_NAME.fullmatch(name) \
            or not _PRONOUN.search(sentence) or (at := article.find(sentence[:60])) <= 0 \
            or not has_term(name, normalise(article[:at])):
        return False
    people = [n for _, _, text in split_sentences(f"{article[:at]} {sentence}") for n in find_names(text)
              if len(n.split()) >= 2 and person_like(n) and _PERSON_NAME.fullmatch(n)]
    return all(n.split()[-1] == name.split()[-1] for n in people)


@lru_cache(maxsize=1024)
def acronyms(text: str) -> str:
    """Return the initials of the names of three or more words a text gives ("fca" for the Financial Conduct
    Authority, "ecb" for the European Central Bank), which a question may ask with."""
    found = []
    for name in find_names(text):
        words = [w for w in re.split(r"[\s-]+", name) if w.lower() not in ("of", "the", "and", "for", "&")]
        if len(words) >= 3 and all(w[:1].isupper() for w in words):
            found.append("".join(w[0] for w in words).lower())
    return " ".join(dict.fromkeys(found))


def _lead(article: str) -> str:
    """Return an article's first sentence (at most 400 characters): news sets the scene there (who, where), so a
    name the lead gives holds for the sentences below it. A name said only further on holds only near where it is
    said ("620 roles will go at Dunmore ... and its Felling Bay site" is no figure for a short report's first
    sentence on 1,100 jobs)."""
    end = re.search(r"[.!?][\"”’]?\s+(?=[A-Z\"“‘])", article[40:400])
    return article[:40 + end.end()] if end else article[:400]


_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)


def _other_weekday(days: set[str], sentence: str) -> bool:
    """Return True when the sentence names a day of the week, none of them the asked one ("reached 36.4C on Thursday"
    for "what did it reach on the Friday?")."""
    said = {d.lower() for d in _WEEKDAY.findall(sentence)}
    return bool(said) and not said & days


DATELINE = re.compile(r"^[A-Z][A-Z .'’-]+(?:,\s*[A-Z][\w.]*)?"
                      r"(?:,\s+(?:\w+\.?\s+\d{1,2}|\d{1,2}\s+\w+\.?)\s*(?:\(([^)]*)\))?|\s*\(([^)]*)\))\s*[-–—]\s+")
# ("DUBLIN, Aug 2 (AviationWire) - ", "SCARROWBY, 10 January (Marchland Wire) - ", "SALTMERE (Northline Wire) - ")


def in_dateline(sentence: str, at: int, kind: str) -> bool:
    """Return True when the position is inside the sentence's dateline where no answer stands: the wire that filed it
    ("(Court News Service)") for any question, and for any but a "where" question the city and date it was filed
    from ("ESTERHAVEN, May 15")."""
    credit = DATELINE.match(sentence)
    if not credit or at >= credit.end():
        return False
    return kind != "place" or any(credit.start(g) <= at < credit.end(g) for g in (1, 2) if credit.group(g))


def without_dateline(sentence: str) -> str:
    """Return a sentence without its wire dateline ("DUBLIN, Aug 2 (AviationWire) - ")."""
    return DATELINE.sub("", sentence)


# An earlier figure a change is measured from, with its month ("rose to £79m, up from £62m in July"; "from 3,800 in
# March"): the month of the old figure, not of the sentence's own
_FROM_MONTH = re.compile(r"\b(?:up|down|rising|falling|rose|fell|risen|fallen|increased|decreased)\s+from\s+(?:the\s+)?"
                         r"[£$€]?\d[\d,.]*(?:%|\s?per ?cent|m|bn|k|\s?million|\s?billion)?"
                         r"\s+(?:in|at the end of|at the start of)\s+([a-z]+)\b")  # (not "8% higher than
# in April last year": a year-on-year figure for April)


def _other_month(months: list[str], text: str) -> bool:
    """Return True when the text names a month, none of them the asked one ("in July" for August); a month an earlier
    figure is compared from is not the text's ("up from £62m in July")."""
    text = _FROM_MONTH.sub(lambda m: m.group(0) if m.group(1) in months else " ", text)  # (the asked month's own
    # figure may be the earlier one: "up from 5.2% in September")
    said = {m for m in _MONTHS if re.search(rf"\b{m}\b", text) and m != "may"}
    if re.search(r"\b(?:in|of|since|from|until|by|during|early|late|mid-?|last|next)\s+may\b|\bmay\s+\d", text):
        said.add("may")  # ("slowed to 2.9 percent in May from 3.2 percent in April": May is said; "may" the verb not)
    return bool(said) and not said & set(months)


# A chief executive is said as one ("top executive Greg Brockman, the board's chairman" is no chief executive)
_CEO = re.compile(r"\bchief exec(?:utive)?\b|\bCEO\b|\bboss\b", re.I)
_BOSS_ONLY = re.compile(r"^(?!.*\b(?:chief exec(?:utive)?|ceo)\b).*\bboss\b", re.I)
_TOP_JOB = re.compile(r"\b(?:general manager|managing director|director|head of|president)\b"
                      r"(?!\s+of\s+(?:its|the|their)\s+\w+\s+(?:arm|division|business|operations|unit)\b)", re.I)


# A sentence set in a place of its own by its opening ("In neighbouring Dunhollow, officials reported 95 admissions";
# "In Ferncastle, 40 miles to the north, ...")
_SCENE = re.compile(r"(?:In|At|Across|Over in)\s+(?:(?:the\s+)?(?:neighbouring|neighboring|nearby)\s+)?"
                    r"((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)\s*,")


def set_elsewhere(names: list[str], sentence: str) -> bool:
    """Return True when the sentence opens in a place the question does not name and names none of the question's
    names itself: it speaks of that place, whatever the sentence before says of the asked one."""
    scene = _SCENE.match(sentence.strip())
    if not scene or not names or scene.group(1).split()[0].lower() in CALENDAR_WORDS:  # ("In March, ...")
        return False
    text = normalise(sentence)
    return not any(has_term(n, normalise(scene.group(1))) or has_term(n, text) for n in names)


# A sentence that turns to another story of the same report
_SEPARATELY = re.compile(r"\W*(?:separately|elsewhere|in (?:a )?separate (?:case|news|development|ruling|decision)|"
                         r"in other news|by contrast|in contrast)\b", re.I)


def gates(analysis: QuestionAnalysis, items: list[Evidence]) -> np.ndarray:
    """Return a boolean matrix (candidates x GATES): which hard constraints each candidate sentence satisfies.

    names: the question's names are in the sentence or its context (title, outlet, date, sentence before); with
    more than three names half of them, and for a question about several outlets' articles (each sentence speaks
    for one part) a third; a keyword query's words count as names, half of them needed. qualifiers: "women's",
    "under-21" must be near and the sentence must not name the other one ("men's"), and a quarter named must be the quarter the text names, if it names one. years: every year named is there or is
    the publication year. qualifiers: a women's / under-21 / Q3 question needs the same qualifier. head: a money
    or count question's subject ("fine", "killed") is spoken of in the sentence or the one before. type: a
    factoid question's sentence holds a thing of the asked type. attached: see `attached`.
    """
    names = analysis.names
    multi_part = analysis.plan is not None and len(analysis.plan.subqueries) >= 2
    need = 1 / 3 if multi_part else 0.5 if len(names) > 3 else 1.0
    hard = [q for q in analysis.qualifiers if _HARD_QUALIFIERS.match(q)]
    # "Estvale Harriers Women's top scorer": the name says it, when the sentence names the club ("Harriers' top
    # scorer Maren Tollis")
    named_with = {q: [normalise(n.split()[-2]) for n in names if len(n.split()) >= 2
                      and n.lower().endswith(" " + re.split("['’]", q)[0].lower())] for q in hard}
    stage = stage_asked(analysis.question)
    heads = asked_heads(analysis)
    measures = asked_measures(analysis)
    aged = any("age" in group for group in heads)
    keywords = keyword_terms(analysis) - set().union(*heads) - _KEYWORD_LIGHT - (  # "onana transfer fee": the head gate
        {"scheme"} if analysis.kind in ("money", "number") else set())  # ("rock armour scheme revised estimate": "The
    # estimated cost of rock armour defences"; a "phonics scheme name" is asked by its word)
    # reads "fee"; "quillmere q1 results": the qualifiers gate reads the quarter, and a period's "results" are the
    # report itself (a match's result is its score: _ATTRIBUTES)
    if quarters(analysis.question) or _OTHER_PERIOD.search(analysis.question):
        keywords.discard("result")
    if re.search(r"\b(?:number|no\.?)\s+\d", analysis.question, re.I):  # "number 47 bus": a label, no count
        keywords.discard("number")
    if re.search(r"\bper (?:hour|day|week|month|year|night)\b", analysis.question, re.I):  # "bottles per week": "2.4
        keywords.discard("per")  # million bottles a week" (a sum "per vessel" is still asked of each one)
    if analysis.kind in ("organisation", "place"):  # "rebbeck former club", "velmora second factory location",
        # "wrenfield prize ceremony venue ashcombe": the class of the name asked for, which the name itself is
        # ("Dunmarrow United", "Gildhall Theatre")
        keywords -= content_stems(" ".join(w for w in analysis.question.lower().split()
                                           if _CLASS_NOUNS.get(w) == analysis.kind))
    # the words of its names are the names gate's, read with the article's lead ("marrowgate quenby cross fare rise":
    # "Fares on the route will rise" in a report whose first sentence names the line)
    name_stems = content_stems(" ".join(names))
    named = {k for k in keywords if any(n.startswith(k) for n in name_stems)}
    keywords -= named
    asked_quarters = quarters(analysis.question)
    year_figure = analysis.kind in ("money", "number") and bool(analysis.years) and not _ANY_QUARTER.search(
        analysis.question) and not _OTHER_PERIOD.search(analysis.question) and not asked_months(analysis.question)
    factoid = analysis.kind in FACTOID_KINDS
    single = not multi_part  # a one-article question: its months and figures bind the answering sentence
    months = [m for m in asked_months(analysis.question)] if single else []
    weekdays = set(_WEEKDAY.findall(analysis.question.lower())) if single else set()
    periods = [m.group(0).lower() for m in _OTHER_PERIOD.finditer(analysis.question)
               if m.group(0).lower() != "annual"] if single else []  # ("annual": asked_measures reads it)
    numbers = [n for n in analysis.numbers if re.fullmatch(r"\d{1,3}", n)] + asked_ordinals(analysis.question) \
        if single else []  # "its second weekend": a sentence on the first one does not answer
    first_said = _FIRST_SAID_ASKED.search(analysis.question) is not None
    distances = [n[:-1] for n in analysis.numbers if re.fullmatch(r"\d{2,5}m", n)] \
        if single and _RACE.search(analysis.question) else []  # "the 100m freestyle": not the 200m one
    siblings = [sibling_pattern(n) for n in names] + labelled_siblings(analysis.question, names) if single else []
    speaker = asked_speaker(analysis)
    given_sums = [re.search(r"\d[\d.,]*\d|\d", m.group(0)).group(0) for m in MONEY.finditer(analysis.question)] \
        if single and analysis.kind in ("person", "organisation", "place", "date") else []
    verb = asked_verb(analysis) if analysis.kind in ("organisation", "place", "list") and single and len(
        analysis.question.split()) <= 15 else set()  # a long description's verbs describe, they do not ask
    question_stems = content_stems(analysis.question)
    topic = content_stems(" ".join(analysis.focus)) - set().union(*heads, set()) - _KIND_STEMS - _TOPIC_LIGHT
    spoken_topic = (topic - content_stems(" ".join(names)) - _SPOKEN_LIGHT) \
        if not analysis.is_keyword and not multi_part and analysis.kind not in ("yesno", "temporal") \
        and len(analysis.question.split()) <= 16 else set()  # (a long question describes: its words are not all asked)
    named_class = _named_class(analysis) if spoken_topic else set()
    lower_words = " ".join(re.findall(r"\b[a-z][\w'’-]*", analysis.question))
    described = content_stems(lower_words) - _HEAD_STEMS - set().union(*heads, *(content_stems(n) for n in names),
                                                                       set()) - _KIND_STEMS
    rows = []
    for item in items:
        near = normalise(f"{item.sentence} {item.context} {item.meta}")
        close = normalise(f"{item.previous} {without_dateline(item.sentence)}")  # the qualifier or subject must be
        # said nearby (the dateline's "Aug 2" tells when it was filed, not of which month it speaks),
        # not only in the title of an article covering both events
        lead = normalise(_lead(item.article))  # a short report's lead says what its sentences speak of ("Turnout was
        # 29.4%" in the report on the mayoral election)
        around = normalise(f"{near} {lead} {_introduced(item.article)} {acronyms(item.article)}")  # a name in the
        # lead, or an organisation's initials ("fca": the Financial Conduct Authority the report names), or
        # given the report's subject ("named Lark-1") holds for the report; a person may be named just after ("A
        # former mayor ... has been jailed. Gerald Pimm, 63, ..."); an airline or a site the next sentence names is
        # not the sentence's ("Dunmere Airport handled 9.6 million passengers" is no figure for SkyPenna)
        separate = bool(_SEPARATELY.match(item.sentence))  # "Separately, the authority fined Drayford Water
        # £450,000", "By contrast, lapwing numbers rose": not of the report's subject its title and lead give
        if separate:
            around = normalise(item.sentence)
        following = normalise(item.following)
        # the next sentence names it as its subject, or goes on about the thing asked ("The ticket was bought in the
        # Fennick area."), not in passing ("Prices rose fastest ..., while the capital Arkenby saw a small fall")
        goes_on = (opening := re.match(r"(?:the|this|that)\s+([a-z]+)", following)) is not None \
            and bool(content_stems(opening.group(1)) & question_stems)
        name_share = sum((has_term(n, around) or (person_like(n) and _PERSON_NAME.fullmatch(n) is not None
                                                  and has_term(n, following if goes_on else " ".join(
                                                      following.split()[:len(n.split()) + 3])))
                          or refers_back(n, item.sentence, item.article))
                         and not namesake(n, item.article) for n in names) / len(names) if names else 1.0
        said = f"{listed_under(item)} {item.sentence}"
        stems = content_stems(said) | content_stems(said.replace("-", " "))  # "their 10-point penalty": points
        if FIRST_PLACE.search(item.sentence):  # a results list's first place won
            stems |= {"won", "win"}
        said_quarters = quarters(_BASE_QUARTER.sub(" ", near)) or quarters(_lead(item.article))  # a report's lead
        # sets its quarter; "rose to 412,000 after falling in the first quarter" speaks of the quarter after it
        implied = _implied_first_names(names, f"{item.previous} {item.sentence}", item.following) \
            if keywords or named else set()
        if _WON_SUM.search(item.sentence):  # "has won £7.4m from the Clean Bus Fund": an award
            stems = stems | {"award"}
        deeds = stems - _plural_nouns(item.sentence) if heads and analysis.kind == "person" else stems  # ("from
        # in-game purchases" is no deed of the person asked)
        sum_asked = bool(heads) and _sum_of_asked(item.sentence, question_stems)  # (both head checks read it)
        priced = analysis.kind == "money" and (priced_thing(heads, item.sentence)  # (and this)
                                               or valued_deal(heads, item.sentence))
        rows.append([
            name_share >= need - 1e-9
            and (not keywords or keyword_gate(keywords - implied - per_said(analysis.question, item.sentence),
                                              around if separate else f"{near} {lead}",
                                              item.sentence, question_stems))
            and (not named or keyword_gate(named - implied, f"{around} {around.replace('-', ' ')}",
                                           item.sentence))  # "Marrowgate-Quenby"
            and not any(p and p[1].search(item.sentence) and not p[0].search(item.sentence) for p in siblings)
            and not any(p and p[1].search(item.meta) and not p[0].search(f"{item.meta} {item.previous} {item.sentence}")
                        for p in siblings)  # "Mission manager Dr Elsa Kvarnström said ..." in "Halcyon-2 lifts off
            # for the Moon" is no Halcyon-3 manager
            and not set_elsewhere(names, item.sentence)
            and (not speaker or speaks(speaker, item.sentence, item.previous,
                                       sentences_before(item.article, item.sentence), item.following)),
            _share([y for y in analysis.years if not spoken_year(y, item.sentence, item.published)],
                   _since_unasked(analysis.question,
                                  f"{near} {lead}" if _lead_sets_year(analysis, item.sentence, lead) else near)) == 1.0
            and not other_years_only(analysis, item)
            and not year_only_compared(analysis, f"{item.context} {item.sentence}")  # (nor its context: "The
            # mackerel quota was raised to 41,500 tonnes." after that sentence)
            and not lead_of_other_year(analysis, item)
            and not other_edition(analysis, item.sentence)
            and all(re.search(rf"\b{m}", f"{near} {lead}") for m in months)  # a report's lead sets its month
            and not (months and _other_month(months, close))
            and not (weekdays and _other_weekday(weekdays, item.sentence)),
            all(_says_qualifier(q, close) or _unmarked(q)
                or any(re.search(rf"\b{re.escape(w)}", close) for w in named_with[q])
                or (q == "permanent" and _says_qualifier(q, near) and not
                                                                re.search(_STAND_IN, item.sentence, re.I))
                for q in hard)  # ("... hires rail freight boss as permanent chief executive": its report's title says
            # which appointment "has appointed Matthias Oberholzer as its chief executive" is)
            and (not stage or _nearest_stage(stage, close, f"{near} {lead}"))  # a quarter-final's winner did not
            # win the final
            and not any(re.search(rf"\b{other}", item.sentence.lower() if _says_qualifier(q, item.sentence) else close)
                        for q in hard for other in _opposite(q))  # "the men's race" before "the women's title" is no
            # other event when the sentence names the asked one
            and not any(_other_sex(q, item.sentence) for q in hard)
            and not contrasted(analysis.question, item.sentence)
            and not (single and other_side(analysis, item.sentence))
            and not any(_unmarked(q) and not _says_qualifier(q, f"{near} {lead}")  # a men's question over a report
                        and any(re.search(rf"\b{o}", f"{near} {lead}") for o in _opposite(q))  # on the women's final
                        for q in hard)
            and (not asked_quarters or not said_quarters or bool(asked_quarters & said_quarters))
            and not (asked_quarters and not said_quarters and _OTHER_PERIOD.search(item.sentence)
                     and not _OTHER_PERIOD.search(analysis.question))
            and not (year_figure and _ANY_QUARTER.search(item.sentence)  # "Net profit for the quarter rose to
                     and not any(re.search(rf"\b{y}\b", item.sentence) for y in analysis.years))  # €286m" is no
            # figure for "ulvena 2025 net profit"
            and not (asked_quarters and not said_quarters  # a report that speaks of no quarter at all ("pre-tax
                     and not _ANY_QUARTER.search(f"{near} {item.article}")  # profit of £38.6m for 2023")
                     and not _OTHER_PERIOD.search(analysis.question))
            and all(re.search(_PERIOD_FORMS.get(p.replace("-", " "), rf"\b{re.escape(p)[:4]}"), close, re.I)
                    for p in periods)  # "full-year guidance" is no
            # first-quarter figure, and "full-year profit" no fourth-quarter one
            and all(_says_number(n, near) for n in numbers)
            and not (first_said and _REVISED.search(item.sentence) and not re.search(
                r"\b(?:first|initial(?:ly)?|original(?:ly)?)\b", item.sentence, re.I))
            and all(re.search(rf"(?<![\d.,]){n}\s*(?:m|metres?|meters?)\b", near) for n in distances)
            and all(_says_number(n, f"{near} {lead} {item.following}") for n in given_sums),  # "which company did
            # Amazon agree to buy for $1.7 billion?": a sentence of that deal, which it or its report's lead prices
            (not heads or any(group & deeds or ("leader" in group and "lead" in stems)  # "led by" for a leader
                              or ("director" in group and re.search(r"\b(?:has|have|had) (?:led|headed|run)\b",
                                                                    item.sentence))  # ("who has led the observatory")
                              or any(s[len(h):] in ("ci", "ship", "fal") and s.startswith(h)
                                     for h in group for s in stems)
                              for group in heads)  # "captaincy" for "captain", "chairmanship" for "chairman"
             or sum_asked
             or priced
             or (analysis.kind == "money" and _WORKS_COST_ASKED.search(analysis.question)
                 and re.search(r"\b(?:estimated|put|budgeted|costed|priced) at\s+(?:about |around |some )?[£$€]",
                               item.sentence, re.I))  # "roof repairs cost": "Repairs are estimated at £2.7m"
             or (_WORKS_COST_ASKED.search(analysis.question) and not _UNIT_COST_ASKED.search(analysis.question)
                 and _PLANNED_SPEND.search(item.sentence)
                 and not _CROWD_SPEND.search(item.sentence))  # "tank covers cost": "would spend £850,000 fitting
             # covers" (a total spent is no price, nor what was paid, nor what visitors spend)
             or (any("budget" in group for group in heads) and (re.search(_ATTRIBUTES["budget"], item.sentence, re.I)
                                                                or not (content_stems(item.sentence) & _MONEY_HEAD_STEMS
                                                                        or _SAVED.search(item.sentence))))
             # a sum set aside for the thing ("approved £265,000 to refurbish", "for a £4.8m refurbishment"), or the
             # only sum of a sentence saying nothing of paying or raising ("approved Lark-3, a £54m replacement")
             or (analysis.kind == "money" and any("price" in group for group in heads) and _unit_price(item.sentence))
             or (analysis.kind == "money" and len(content_stems(item.sentence) & described) >= 3)
             # "An annual season ticket ... will go up by £148 to £3,360": the sentence is about the thing asked, by
             # three of the question's own words
             or (aged and age_of(names, item.sentence) is not None)  # "Marlowe, 54, denies ..."
             or (aged and role_age(analysis.question, item.sentence)))  # "captain Reuben Okonjo, 37," for "how old
            # is the Ellisford captain?"
            and (not verb or bool(verb & stems) or bool(verb & _SAYING and _SAID.search(item.sentence)))
            and not role_unsaid(analysis, heads, item.sentence, item.previous)
            and not (analysis.kind == "person" and _CEO.search(analysis.question) and not _CEO.search(item.sentence)
                     and not (_BOSS_ONLY.search(analysis.question) and _TOP_JOB.search(item.sentence)))  # a railway's
            # or a museum's boss is its general manager or director
            and all(re.search(_MEASURE_FORMS.get(m, rf"\b{m}\b"), said, re.I) for m in measures)
            and (analysis.kind not in ("money", "number") or not heads
                 or sum_of_head(heads, item.sentence, analysis.kind, question_stems)
                 or (analysis.kind == "money" and (sum_asked or priced))),
            (not factoid or type_hit(analysis, item.sentence, [item.previous, item.article]) == 1.0)
            and not (spoken_topic and _topic_unsaid(spoken_topic, f"{near} {lead}", item.sentence, named_class))
            and (bool(names) or not topic or bool(content_stems(near) & topic)),  # a question naming no one must
            # share a word of its topic with the sentence ("how much is cardavistat going to cost per patient?" is
            # not answered by a rail line's £6.8bn)
            attached(analysis, item, question_stems),
        ])
    return np.asarray(rows, dtype=bool).reshape(-1, len(GATES))


_SHARE = re.compile(r"\d\s?(?:%|per ?cent)", re.I)


def _lead_sets_year(analysis: QuestionAnalysis, sentence: str, lead: str) -> bool:
    """Return True when a report's lead gives the year a figure sentence speaks of: the sentence names no year and
    gives a share, or a sum, as the lead does ("Just 86.2 per cent of trains arrived on time in the final three
    months of 2023" before "The Wexcombe line was the worst performer, with 79.4 per cent"); not a lead's year of
    another event ("headteacher since 2005")."""
    if analysis.kind not in ("money", "number") or re.search(r"\b(?:19|20)\d\d\b", sentence):
        return False
    return any(pattern.search(sentence) and pattern.search(lead) for pattern in (_SHARE, MONEY))


_PER_UNIT = re.compile(r"\s*(?:a|an|per|each)\s+(?:litre|liter|gallon|pint|kilo|kilogram|kg|pound|tonne|ton|barrel|"
                       r"bottle|loaf|dozen|unit|night|ticket|head|portion|cup|pack|box)\b", re.I)


def _unit_price(sentence: str) -> bool:
    """Return True when a sum in the sentence is priced per unit ("averaged 151.6p a litre", "$82 a barrel"): the
    sentence speaks of a price without the word."""
    return any(_PER_UNIT.match(sentence, m.end()) for m in MONEY.finditer(sentence))


_FORECAST = re.compile(r"\b(?:will|would|expected to|set to|due to|likely to|forecast to|projected to|on course to|"
                       r"poised to)\s+(?:be\s+)?(\w+)", re.I)


def forecast_of_asked(analysis: QuestionAnalysis, sentence: str) -> bool:
    """Return True when a question about a sum or count that was (was paid, did earn) is met by a sentence saying it
    only as expected ("expected to earn close to $2 million per year in her deal" for "how much was Hayes paid at
    Chelsea?")."""
    if analysis.kind not in ("money", "number") or not re.search(r"\b(?:did|was|were|had)\b", analysis.question, re.I) \
            or re.search(r"\b(?:will|expected|forecast|projected|due)\b", analysis.question, re.I):
        return False
    heads = set().union(*asked_heads(analysis))
    return any(content_stems(m.group(1)) & heads for m in _FORECAST.finditer(sentence))



# Verbs a question asks with that say little of their own ("where was the final played?", "the current estimated
# cost", "how many customers were affected?"): the answer need not repeat them (first five letters, as done_verb)
_LIGHT_DONE = {"playe", "play", "hold", "held", "stage", "host", "hoste", "affec", "estim", "expec", "plann", "propo",
               "appro", "repor", "say", "said", "give", "call", "name", "known", "sched", "list", "liste", "want",
               "wante", "annou", "revea", "discl", "publi", "recor",
               "hit", "reach", "produ", "peak", "peake", "top", "toppe"}  # (how a figure came out is no deed: "the
# revised cost announced in November" is the cost "the council has confirmed"; "the strongest gust Storm Ysolde hit"
# is the gust recorded)


def done_verb_unsaid(analysis: QuestionAnalysis, text: str) -> bool:
    """Return True when a count or sum question asks about something done ("how many councillors abstained?", "how
    much did it raise when the round closed?") and its article never uses that verb nor says it in other words
    (text: the sentence, the one before and the article): "voted 31 to 12" gives no abstentions, "is in talks to
    raise about $150m" no sum raised at a close. Win questions have their own checks; keyword queries have no verb.
    Person and place questions were tried too (session 14) and cost right answers on the blind style4 and style5
    sets ("scored" said as "netted"), so they are not read."""
    if analysis.kind not in ("number", "money") or analysis.is_keyword \
            or WIN_QUESTION.search(analysis.question):  # (a keyword query has no verb to read)
        return False
    if re.search(r"\b(?:are|were|is|was|be|been|still) left\b(?!\s+(?:without|homeless|injured|stranded|with|"
                 r"in need|out of)\b)", analysis.question, re.I):  # "how many dairy farms
        return False  # were left?": what remains, no leaving ("fell to 312")
    asked = done_verb(analysis.question)
    if asked == "confi" and re.search(r"\bconfirm", analysis.question, re.I):  # "confirmed dead": how a figure came
        return False  # out ("confiscated" starts alike)
    return asked is not None and asked not in _LIGHT_DONE and not uses_done_verb(analysis.question, text) \
        and not (asked in _HAVING_DONE and counts_asked(analysis.question, text))


# Verbs of having or taking in that a count of the thing says by itself ("how many votes did she receive?": "taking
# 12,118 votes"; "how many spectators attended?": "in front of 8,650 spectators")
_HAVING_DONE = {"recei", "atten", "carry", "draw", "drew", "attra", "welco", "secur", "poll", "gain", "gaine", "serve",
                "watch", "visit"}


def counts_asked(question: str, text: str) -> bool:
    """Return True when the text gives a figure of the thing a "how many" question counts ("how many votes ...":
    "12,118 votes")."""
    counted = re.search(r"\bhow many\s+((?:[a-z-]+\s+)?[a-z]+)", question, re.I)  # ("how many new members")
    if not counted:
        return False
    nouns = content_stems(counted.group(1))
    return any(content_stems(" ".join(text[m.end():].split()[:2])) & nouns for m in FIGURE.finditer(text)) \
        or number_of(nouns, text)


def number_of(nouns: set[str], text: str) -> bool:
    """Return True when a sentence of the text gives "the number of <nouns>" a figure after it ("The number of flood
    claims has reached 8,300", "The number of premises covered ... has risen from 3,800 to 4,450")."""
    for m in re.finditer(r"\bnumber of ((?:[\w'’-]+\s+){0,2}[\w'’-]+)([^.;]*)", text, re.I):
        phrase = re.split(r"\s+(?:has|have|had|is|was|are|were|in|at|on|for|to|from|by|who|that|which|with|covered|"
                          r"\w+ed)\b", f"{m.group(1)} ")[0].split()
        if phrase and content_stems(phrase[-1]) & nouns and _LEVEL_SAID.search(m.group(2)):  # the phrase's head
            return True  # ("the number of complaints staff has risen to 85" counts staff)
    return False


# A level a verb gives ("has reached 8,300", "has risen from 3,800 to 4,450"), not a change ("rose by 14%")
_LEVEL_SAID = re.compile(r"\b(?:is|was|are|were|has|have|had|reached|rose|risen|fell|fallen|stood|stands|increased|"
                         r"grew|grown|climbed|dropped|totalled|totaled|hit|now)\b(?:[^.;]*?\b(?:to|at)\s+|\s+)"
                         r"(?!(?:19|20)\d\d\b)\d[\d,.]*\b(?!\s?%|\s?per ?cent)", re.I)


# What a person's own figure is called ("Leni Sorvik's winning time", "Kane's weekly wage"), not an event they were at
# ("during Mark Rutte's visit")
_OWN_FIGURE = (r"(?:time|salary|pay|wage|wages|earnings|age|fee|score|tally|total|points|goals|record|height|weight|"
               r"sentence|fine|stake|share|votes|margin|personal best)")


def someone_else(names: list[str], sentence: str, question: str) -> bool:
    """Return True when a figure question asks about a person ("how many aces did Emeric Soltanovy serve?") and the
    sentence names another person but not the asked one ("Ballantrae, 26, served 14 aces"; "Only Erling Haaland
    scored more often ... with nine goals" for Harry Kane): its figure is the other person's. A sentence naming no
    one ("He served 14 aces") may speak of the asked person and is not ruled out. Only a person the question writes
    as the one who did it ("did Emeric Soltanovy serve") or whose own figure it asks for ("Leni Sorvik's winning
    time") counts, not one it only mentions ("how many people did the strikes kill during Mark Rutte's visit?"), nor
    a keyword query's words ("salt orchard cost": a film)."""
    people = [n for n in names if len(n.split()) >= 2 and person_like(n) and _PERSON_NAME.fullmatch(n)
              and not re.match(r"(?:St\.?|Saint)\s", n)  # "St Aldric's Hospital's new hub": a place named for a saint
              and (re.search(rf"\b(?:did|does|do|has|have|had|will|would)\s+{re.escape(n)}\b", question, re.I)
                   or re.search(rf"\b{re.escape(n)}['’]s?\s+(?:[\w-]+\s+){{0,2}}{_OWN_FIGURE}\b", question, re.I))]
    if not people:
        return False
    lowered = sentence.lower()
    if any(re.search(rf"\b{re.escape(w.lower())}\b", lowered) for n in people for w in n.split() if len(w) > 2):
        return False
    asked = {w.lower() for n in names for w in n.split()}
    others = [n for n in find_names(sentence) if not {w.lower() for w in n.split()} & asked and person_like(n)
              and (len(n.split()) >= 2 and _PERSON_NAME.fullmatch(n)
                   or re.search(rf"\b{re.escape(n)},\s\d{{1,2}},", sentence))]
    return bool(others)


_GIVING = r"(?:put|puts|putting|pay|paid|pays|paying|give|gave|given|giving|contribut\w*|spen[dt]\w*|invest\w*|" \
          r"donat\w*|provid\w*|fund\w*|commit\w*|pledg\w*|lend|lent|loan\w*|grant\w*)"
_PRONOUNS = r"(?:It|He|She|They|We|This|That|These|Those|The|Its|Their|His|Her)"
_CALENDAR = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|" \
            r"Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"


def other_giver(names: list[str], sentence: str, question: str) -> bool:
    """Return True when a sum question asks what a named body or person gave ("How much did the University of
    Marnhollow itself put into the sensor project?") and the sentence gives the sum as another's, never naming the
    asked one ("The project is funded with €480,000 from the Ostrand Foundation"): the asked giver's share is not
    said."""
    givers = [n for n in names if re.search(rf"\b(?:did|does|do|has|have|had|will|would|is|was)\s+(?:the\s+)?"
                                          rf"{re.escape(n)}\s+(?:itself\s+|themselves\s+|actually\s+)?{_GIVING}\b",
                                          question, re.I)]
    if not givers or any(has_term(n, normalise(sentence)) for n in givers):
        return False
    if len(list(MONEY.finditer(sentence))) != 1:  # (of several sums, one may be the asked giver's)
        return False
    other = re.search(rf"\b(?:from|by)\s+(?:the\s+)?(?!{_PRONOUNS}\b|{_CALENDAR}\b)[A-Z][\w&'’-]+|"
                      rf"\b(?!{_PRONOUNS}\b)[A-Z][\w&'’-]+(?:\s+[A-Z][\w&'’-]+)*\s+"
                      rf"(?:has\s+|have\s+|had\s+|will\s+)?{_GIVING}\b", sentence)
    return other is not None


def listed_under(item: Evidence) -> str:
    """Return what a sentence is read with: the sentence before, and for a list item also the title it is listed under
    ("Aurelia Film Festival 2022: full list of winners" / "- Best actor: Kwame Mensah, Harbour Lights")."""
    return f"{item.context} " if LIST_ITEM.match(item.sentence) else item.previous


@lru_cache(maxsize=512)
def _full_names(article: str) -> frozenset[str]:
    """Return the names of two or three words an article writes, for telling namesakes apart (a title or an opening
    word before a surname is read apart: _NOT_FIRST)."""
    return frozenset(n for n in find_names(article) if 2 <= len(n.split()) <= 3 and _PERSON_NAME.fullmatch(n))


def namesake(name: str, article: str) -> bool:
    """Return True when a person's full name is asked for ("Declan Rice") and the article never writes it but names
    another person of that surname ("Rashee Rice"): its "Rice" is the other one."""
    words = name.split()
    if len(words) < 2 or not _PERSON_NAME.fullmatch(name) or not person_like(name) \
            or name.lower() in article.lower():
        return False
    return any(n.split()[-1] == words[-1] and n.split()[0] != words[0] and n.split()[0].lower() not in _NOT_FIRST
               for n in _full_names(article))


_NOT_FIRST = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "professor", "coach", "manager",
              "captain", "president", "minister", "chief", "judge", "striker", "the", "a", "an", "said", "but", "and",
              "when", "while", "if", "as"}


def other_years_only(analysis: QuestionAnalysis, item: Evidence) -> bool:
    """Return True when a figure question names a year the sentence's figures are not of: each figure stands near
    (within eight words before) a year the sentence names that is not the asked one, and the asked year is only the
    report's own (its date). "The previous county record of 35.1C set at Harlby Airfield in 2003" in a 2024 report
    does not answer "harlby hottest day 2024"; "won in 2:08:44, taking 38 seconds off the course record set in 2022"
    does (its time stands far from 2022), as does "Turnout was 34.2%, up from 29.8% at the last election in 2020". A
    search-box query asking for no kind ("fennimore's christmas 2023 like-for-like sales") may ask for a figure."""
    years = analysis.years
    figure_asked = analysis.kind in ("number", "money") or (analysis.kind == "open" and analysis.is_keyword)
    if not figure_asked or not years or any(
            re.search(rf"\b{y}\b", f"{item.sentence} {item.context}") or spoken_year(y, item.sentence, item.published)
            for y in years):
        return False
    sentence = item.sentence
    own = [m for m in re.finditer(r"\b(?:19|20)\d\d\b", sentence) if m.group(0) not in years and not re.search(
        r"\b(?:up from|down from|compared (?:with|to)|than|since)\b(?:\W+\w+){0,7}\W*$", sentence[:m.start()])]
    # (a year a figure is compared with: "up from 29.1% at the 2021 contest")
    values = [m for m in (MONEY if analysis.kind == "money" else FIGURE).finditer(sentence)
              if not is_year(m.group(0), sentence[:m.start()])]
    if analysis.kind == "number":  # the figures that can answer ("mortality": the shares, not the "four" farms)
        values = count_figures(analysis, sentence, values) or values
    return bool(own) and bool(values) and all(any(
        (y.start() > v.start() and (len(sentence[v.end():y.start()].split()) <= 8 or (  # "carried 587,000
            len(sentence[v.end():y.start()].split()) <= 12 and not re.search(
                r"[,;:(]|\b(?:and|which|that|who|first|founded|built|established|opened|since|set up)\b", sentence[
                    v.end():y.start()]))))  # passengers on its Corrabeg to Holm Island route in 2023": one clause)
        or (y.end() <= v.start() and len(sentence[y.end():v.start()].split()) <= 12  # "reported 2024 revenue of
            and not _OTHER_CLAUSE.search(sentence[y.end():v.start()])) for y in own) for v in values)  # €6.7
    # billion and a net profit of €910 million": both of 2024


# Where a sentence names a year only to compare with it ("down 12% on 2022", "up 8 percent on 2022-23", "compared
# with 2021") or as a goal ("should rise above 50 per cent by 2026")
_COMPARED_YEAR = re.compile(r"(?:\b(?:up|down|rise|rose|fall|fell|increase|decrease|drop|gain|higher|lower|more|less|"
                            r"fewer|cut|jump|growth|decline)\b[^,;]{0,25}\b(?:on|against)|\bcompared (?:with|to))\s+"
                            r"(?:the\s+)?(?:same \w+ (?:of|in)\s+)?$", re.I)
_GOAL_YEAR = re.compile(rf"\b(?:by|before|until)\s+(?:the end of\s+)?(?:(?:{MONTH_PATTERN})\s+)?$", re.I)  # ("by
# March 2024")
_GOAL_SAID = re.compile(r"\b(?:should|will|would|must|aims?|aiming|target\w*|goal|plans?|planned|expected|hopes?|"
                        r"wants?|pledged?|promised?|set to|due to|is to|are to|on course|on track)\b", re.I)
_GOAL_ASKED = re.compile(r"\b(?:target|goal|aim|aims|plan|plans|planned|pledge|promise|expected|forecast|projected|"
                         r"will|would|should|by \d{4})\b", re.I)


def year_only_compared(analysis: QuestionAnalysis, sentence: str) -> bool:
    """Return True when a figure question's year is in the sentence (and its context) only as what a figure of another
    time is compared with ("set the 2023 herring quota at 86,000 tonnes, down 12% on 2022" gives no 2022 quota) or as
    the year a goal is to be met by ("should rise above 50 per cent by 2026" is no 2026 figure, unless the question asks
    for the goal). A figure said of the compared year itself ("up from 29.8% in 2020") is not of this kind."""
    figure_asked = analysis.kind in ("number", "money") or (analysis.kind == "open" and analysis.is_keyword)
    if not figure_asked or not analysis.years:
        return False
    goal_asked = bool(_GOAL_ASKED.search(analysis.question))
    for year in analysis.years:
        uses = list(re.finditer(rf"\b{re.escape(year)}(?:[-/]\d{{2,4}})?\b", sentence))
        if not uses or not all(_COMPARED_YEAR.search(sentence[:m.start()]) or (
                not goal_asked and _GOAL_YEAR.search(sentence[:m.start()])
                and _GOAL_SAID.search(re.split(r"[,;.:]", sentence[:m.start()])[-1])) for m in uses):  # (said in
            # the year's own clause)
            return False
    return True


def lead_of_other_year(analysis: QuestionAnalysis, item: Evidence) -> bool:
    """Return True when a figure question names a year only the report's date gives the sentence, and the report's lead
    dates its figures to another year: "The Larchmont district accounted for 412 cases" below "Calder Province
    recorded 1,340 confirmed cases of Lyme disease in 2023" in a 2024 report is no 2024 figure."""
    lead = _lead(item.article)
    if not analysis.years or re.search(r"\b(?:19|20)\d\d\b", item.sentence) or _THIS_OR_LAST.search(item.sentence) \
            or squash(lead) in squash(item.sentence) or any(y in f"{item.previous} {lead}" for y in analysis.years):
        return False
    return other_years_only(analysis, replace(item, sentence=lead, context=""))


_THIS_OR_LAST = re.compile(r"\b(?:this|last|next|previous) (?:year|season)\b", re.I)
_OTHER_CLAUSE = re.compile(r";|\b(?:while|whereas|but|although|compared|against|versus)\b", re.I)


# "what did he get convicted of?", "what has the council approved?": what was done to or by the subject (not "what
# injury forced her to withdraw?", whose verb is its subject's)
_WHAT_DONE = re.compile(r"\W*(?:so |and )?what\s+(?:did|does|do|was|were|is|are|has|have|had)\b", re.I)


def attached(analysis: QuestionAnalysis, item: Evidence, question_stems: set[str]) -> bool:
    """Return False when the sentence holds a word of the question attached to something else (attachment.py): the
    asked role held by another body, "the X of" another place, another member of a series, another year by a
    relative phrase, a proposal for a question about the outcome, the opposite action ("rejecting" for "accepted"), a
    part won for a question about the whole ("won Game 2" for "who won the World Series?"), no result at all for a
    question about who won or none of the named event, a date far from the verb a "when did" question asks about, a
    "which bank" over an article that never speaks of one, a figure it says was not given, another first period
    ("first day" for "first year"), the current holder of a role for a question about the previous one, no place
    for a question about who came second, or no naming for a question about what something is called."""
    question, sentence = analysis.question, item.sentence
    return not (other_holder(question, analysis.names, sentence) or lesser_role(question, analysis.names, sentence)
                or other_of(question, analysis.names, sentence)
                or group_of_other(analysis.names, question, sentence)
                or other_member(question, sentence) or other_year(analysis.years, sentence, item.published)
                or other_envoy(question, f"{item.previous} {sentence}")
                or unnamed_member(question, f"{item.previous} {sentence}")
                or relative_year(question, sentence) or other_place(question, analysis.names, sentence)
                or tentative(question, sentence) or unrealised(question, sentence)
                or opposite_action(question, sentence) or part_win(question, sentence)
                or unreported_win(question, sentence, listed_under(item))
                or unnamed_event(question, analysis.names, sentence, listed_under(item))
                or date_off_event(analysis, sentence)
                or other_ordinal(question, sentence) or other_label(question, sentence)
                or other_size(question, sentence) or other_rate(question, sentence)
                or unplaced_finish(question, sentence) or other_category(question, sentence)
                or unsaid_naming(question, sentence) or other_first_period(question, sentence)
                or current_for_previous(question, sentence)
                or (analysis.kind == "person" and outgoing_for_new(question, sentence))
                or (analysis.kind == "person" and former_role(question, sentence, analysis.is_keyword))
                or (analysis.kind == "person" and successor_for_predecessor(question, analysis.names, sentence))
                or (analysis.kind == "person" and predecessor_as_successor(question, analysis.names, sentence))
                or (analysis.kind == "person" and succession_unsaid(question, f"{item.previous} {sentence}", sentence))
                or other_chief(question, sentence) or other_kind_of_role(question, sentence)
                or (analysis.kind == "person" and other_portfolio(question, sentence))
                or (analysis.kind == "place" and deed_unplaced(question, sentence))
                or (analysis.kind == "organisation" and join_unsaid(question, f"{item.previous} {sentence}"))
                or (analysis.kind in ("money", "number") and other_role(question, sentence))
                or (analysis.kind in ("money", "number") and unstated_period(question, f"{item.previous} {sentence}"))
                or forecast_of_asked(analysis, sentence)
                or (analysis.kind in ("money", "number") and against_change(question, sentence))
                or (analysis.kind in ("money", "number") and unsettled(question, sentence))
                or (analysis.kind in ("money", "number")
                    and current_figure_for_previous(question, f"{item.previous} {sentence}"))
                or (analysis.kind in ("money", "number") and someone_else(analysis.names, sentence, question))
                or (analysis.kind in ("money", "number") and shared_figure(question, analysis.names, sentence))
                or (analysis.kind in ("money", "number")
                    and other_site(question, analysis.names, sentence, item.article))
                or (analysis.kind in ("money", "number") and hired_for_laid_off(question, sentence))
                or (analysis.kind == "money" and spent_on_other(question, analysis.names, sentence))
                or (analysis.kind == "money" and other_giver(analysis.names, sentence, question))
                or (analysis.kind == "date" and closing_for_reopening(question, sentence))
                or (analysis.kind == "date" and not uses_done_verb(question, sentence))  # "agreed to acquire" does
                # not date "when did Veltrix complete its acquisition?"
                or (analysis.kind == "open" and _WHAT_DONE.match(question)
                    and done_verb(question) not in (None, *_LIGHT_DONE, "happe")
                    and not uses_done_verb(question, f"{item.previous} {sentence}"))  # "what was he convicted
                # of?" is not answered by a sentence on the firm's revenue
                or done_verb_unsaid(analysis, f"{item.previous} {sentence} {item.article}")
                or class_missing(question, f"{item.meta} {sentence} {item.article}",
                                 f"{item.previous} {sentence} {item.following}")
                or (analysis.kind != "date"  # "Full results are due on 6 June": when, not what they say
                    and any(not what or content_stems(what) & question_stems for what in withheld(sentence))))


BEST_OF = re.compile(r"\bbest (?:new |young |debut |supporting |leading )?[a-z]+\b", re.I)


def other_category(question: str, sentence: str) -> bool:
    """Return True when the question asks for an award's category ("best actor") and the sentence speaks only of
    others ("gave its best actress prize to Sena Morrow")."""
    asked = {normalise(m.group(0)) for m in BEST_OF.finditer(question)}
    said = {normalise(m.group(0)) for m in BEST_OF.finditer(sentence)}
    return bool(asked) and bool(said) and not asked & said


class LinearModel:
    """A linear scorer over named features (standardised, then weighted), read from its JSON spec."""

    features: tuple[str, ...] = ()
    trainer = ""  # the command that refits it

    def __init__(self, spec: dict):
        if tuple(spec["features"]) != self.features:
            raise ValueError(f"{type(self).__name__} expects {spec['features']}, the code computes {self.features}; "
                             f"retrain it with `{self.trainer}`")
        self.mean = np.asarray(spec["mean"], dtype=np.float64)
        self.scale = np.asarray(spec["scale"], dtype=np.float64)
        self.weights = np.asarray(spec["weights"], dtype=np.float64)
        self.bias = float(spec["bias"])

    def scores(self, matrix: np.ndarray) -> np.ndarray:
        """Return each row's score (log-odds for a logistic model)."""
        return ((matrix - self.mean) / self.scale) @ self.weights + self.bias


class AnswerModel(LinearModel):
    """A logistic model over FEATURES with its refusal threshold."""

    features = FEATURES
    trainer = "python -m rag.bench.train_answer"

    def __init__(self, spec: dict):
        super().__init__(spec)
        self.threshold = float(spec["threshold"])

    def probability(self, matrix: np.ndarray) -> np.ndarray:
        """Return each row's probability of answering the question."""
        return 1.0 / (1.0 + np.exp(-self.scores(matrix)))


def model_path() -> Path:
    """Return where the shipped answerability model lives."""
    return MODELS / "answerability.json"


def load_answer_model(path: Path | None = None) -> AnswerModel:
    """Return the shipped answerability model (callers keep it; it is read from disk each call)."""
    return AnswerModel(json.loads((path or model_path()).read_text()))
