"""The direct answer inside a sentence: the money, figure, date or name a factoid question asks for."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..retrieval.analysis import CHANGE_WORDS, MONEY_WORDS, PERSON_WORDS, QuestionAnalysis, asked_class, find_names
from ..retrieval.question import CALENDAR_WORDS, MONTHS
from ..text import STOPWORDS, english_noun, normalise, regex
from .attachment import BASE_FORMS, WIN_QUESTION, WIN_RESULT, as_agent, body_may_answer
from .support import NUMBER_WORDS
from .answerability import (BEST_OF, CLOCK, DURATION, FIGURE, LENGTH_ASKED, MONEY, QUOTE, ordinary_words, SCORE,
                            SCORE_ASKED, subset_whole, POSITION_ASKED, field_places, asked_unit, without_names,
                            affiliated_elsewhere, age_of, asked_dates, asked_heads, asked_measures, asked_sums,
                            content_stems, count_figures, court_unasked, duration_asked, figure_roles, in_dateline,
                            is_demonym, is_year, measure_named, named_as_person, new_level, ordinary_opening,
                            organisation_admitted, other_time_unit,
                            sum_unasked, sums_said, head_by, person_answer, person_like, place_answers,
                            race_time_asked, race_times, weight_not_sum,
                            with_people_of,
                            verb_before, without_dateline, WEEKDAY)

_WORD = re.compile(r"[A-Za-z0-9][\w'’-]*")
_LETTERED = re.compile(r"[A-Za-z][\w'’-]*")  # a word, not a figure
_CALENDAR_STEMS = content_stems(" ".join(CALENDAR_WORDS))


_TYPE_NOUNS = re.compile(r"\b(city|town|country|region|port|village|venue|stadium|state|province|company|firm|club|"
                         r"team|bank|group|agency|party|brand|manager|coach|ceo|founder|chairman|president|minister|"
                         r"spokesperson|spokesman|spokeswoman|referee|captain|winner|scorer|author|director)\b", re.I)


def _anchors(analysis: QuestionAnalysis, sentence: str) -> list[int]:
    """Return where in the sentence the answer should be near: the noun the question asks for if the sentence has
    it ("port city of Odesa" for "which city"), else the question's names ("... 35 in Sumy and 19 in Kryvyi Rig"
    asked about Kryvyi Rig), else any word the question uses."""
    lowered = sentence.lower()
    if analysis.kind in ("number", "money", "date"):
        # a sentence with two figures ("9.6 million in 2024, up from 8.1 million in 2023"; "was paid £1.3 million;
        # chair Susan Ledbetter received £310,000"): the one by the asked year, else by the question's own words
        # (not its names, what is counted or paid, or calendar words, which both figures share)
        if at := [m.start() for y in analysis.years for m in re.finditer(rf"\b{y}\b", sentence)]:
            return at
        # a name of the question after a figure tells the figures apart ("35 in Sumy and 19 in Kryvyi Rig"); one
        # before them all is what the sentence is about ("Ashdale has 63 cases, with 11 people in hospital")
        values = [m.start() for m in FIGURE.finditer(sentence)]
        named = [i for n in analysis.names if (i := lowered.find(n.lower())) >= 0]
        if analysis.kind != "date" and values and any(i > min(values) for i in named):
            return named
        shared = {w for n in analysis.names for w in content_stems(n)} | set().union(*asked_heads(analysis)) | \
            _CALENDAR_STEMS | {"year", "last", "much", "mani"}
        own = content_stems(analysis.question) - shared
        used = [(m.start(), content_stems(m.group(0)) & own) for m in _WORD.finditer(sentence)]
        used = [(at, stems) for at, stems in used if stems]
        if used:  # the clause that says the most of them ("with 11 people treated in hospital", not "63 measles cases")
            cuts = [0, *(m.start() for m in _CLAUSE_BREAK.finditer(sentence)), len(sentence)]
            clauses = list(zip(cuts, cuts[1:]))
            said = [set().union(*(stems for at, stems in used if start <= at < end)) for start, end in clauses]
            best = max(len(s) for s, (start, end) in zip(said, clauses) if any(start <= v < end for v in values)) \
                if values else 0
            return [at for at, _ in used if any(start <= at < end and len(s) == best
                                                for s, (start, end) in zip(said, clauses))] or [at for at, _ in used]
    if analysis.kind in ("person", "organisation") and (prize := BEST_OF.search(analysis.question)):
        if at := [m.start() for m in re.finditer(re.escape(prize.group(0)), sentence, re.I)]:  # "The Last Orchard
            return at  # won best film ..., while Celia Marr took best actress": the one by the asked category
    if analysis.kind in ("person", "organisation") and WIN_QUESTION.search(analysis.question):
        if at := [m.start() for m in WIN_RESULT.finditer(sentence)]:  # the winner stands by the result ("TEX wins")
            return at
    if analysis.kind in ("person", "organisation", "place"):
        nouns = {m.group(0).lower() for m in _TYPE_NOUNS.finditer(analysis.question)}
        at = [m.end() for m in _TYPE_NOUNS.finditer(sentence) if m.group(0).lower() in nouns]
        if at:
            return at
        if analysis.kind != "place":  # "which firm led Loomly's round?": the one by "led", not by Loomly
            named = set().union(*(content_stems(n) for n in analysis.names))
            doing = {w for m in re.finditer(r"\b[a-z][\w'’-]*", analysis.question)
                     for w in content_stems(m.group(0))} - named - _CALENDAR_STEMS
            if at := [m.start() for m in _WORD.finditer(sentence) if m.group(0).islower()
                      and any(s == d or (len(d) >= 5 and s.startswith(d)) for s in content_stems(m.group(0))
                              for d in doing)]:  # ("captaincy" for "captain")
                return at
    named = [lowered.find(n.lower()) for n in analysis.names if n.lower() in lowered]
    if named:
        return named
    wanted = content_stems(analysis.question)
    return [m.start() for m in _WORD.finditer(sentence) if content_stems(m.group(0)) & wanted]


_TITLES = {"president", "prime", "minister", "chief", "secretary", "general", "ceo", "cto", "cfo", "coo", "chair",
           "chairman", "mr", "mrs", "ms", "dr", "sir", "king", "queen", "prince", "princess", "coach", "manager",
           "captain", "judge", "senator",
           "governor", "mayor", "spokesperson", "spokesman", "spokeswoman", "founder", "director", "striker",
           "midfielder", "defender", "goalkeeper", "star", "singer", "actor", "actress", "former", "new",
           "headteacher", "head", "teacher", "inspector", "detective", "sergeant", "constable", "superintendent",
           "professor", "councillor", "deputy", "lord", "lady", "dame", "reverend", "rev", "bishop", "owner",
           "campaigner", "chairwoman", "trainer", "jockey", "rider", "driver", "skipper", "chancellor", "vice",
           "unseeded", "seeded", "veteran", "defending", "local", "teenager", "rookie"}


def _person(name: str) -> str:
    """Return a name without the titles, nationality words and ordinary words in front ("Ukrainian President
    Volodymyr Zelensky", "Didn't Bankman-Fried")."""
    words = name.split()
    if len(words) > 2 and words[0].isupper() and words[1].lower().strip(".") in _TITLES:
        words.pop(0)  # "FTX CEO Sam Bankman-Fried": the firm whose title it is
    while len(words) > 1 and (words[0].lower().strip(".") in _TITLES or words[0].lower().endswith(("ian", "ese", "ish"))
                              or _ordinary(words[0]) or (len(words) > 2 and words[0].lower() in ordinary_words())):
        words.pop(0)  # "Poet Ferelith Ambrose-Kay": a job or ordinary word before a full name
    return " ".join(words)


def _without_ordinary(name: str) -> str:
    """Return a name without the ordinary words in front ("But Google" -> "Google")."""
    words = name.split()
    while words and _ordinary(words[0]):
        words.pop(0)
    return " ".join(words)


def _ordinary(word: str) -> bool:
    """Return True for a capitalised word that is not part of a name: a stopword or a negated auxiliary."""
    lower = word.lower().replace("’", "'")
    return lower in STOPWORDS or lower.endswith("n't")


# A quoted title of a work: 'Brass Lung', "The Weir Keeper's Daughters" (an apostrophe inside a word does not end it)
_QUOTED_TITLE = re.compile(r"(?<![\w])['‘\"“]([A-Z0-9](?:[^'’\"”]|['’](?=\w))*?)['’\"”](?!\w)")


def in_quoted_title(at: int, sentence: str) -> bool:
    """Return True when the position falls inside a quoted title of a work (a film, a book, a single): a name there
    is part of the title, not a person or a firm."""
    return any(m.start(1) <= at < m.end(1) and len(m.group(1).split()) <= 8 for m in _QUOTED_TITLE.finditer(sentence))


_NAMING = re.compile(r"\b(?:call|called|name|named|title|titled)\b", re.I)
_PLACE_PLURALS = {"islands", "isles", "mountains", "hills", "lakes", "highlands", "lowlands", "midlands", "falls",
                  "springs", "heights", "gardens", "fields", "downs", "docks", "sands", "keys", "states", "woods",
                  "moors", "flats", "marshes", "plains", "valleys", "waters", "heath", "hollows", "banks"}


def group_name(name: str, kind: str) -> bool:
    """Return True for a name ending in an ordinary plural ("Keelhaven Ports", "Ravenstock Angels"): a firm, team
    or group, no person, nor a place unless the plural is a place's ("Falkland Islands", "Saltmarrow Docks")."""
    last = name.split()[-1].lower()
    return (kind in ("person", "place") and last.endswith("s") and last not in ("cross", "campus")  # ("Elmstead
            # Cross": no plural)
            and last in ordinary_words()
            and not (kind == "place" and last in _PLACE_PLURALS))


# Last words of names of teams, races, prizes and firms: no answer to "where" ("Skelby Harriers", "Carrowdale Half
# Marathon"); not a club, a trust or a festival, which can be a venue
_NOT_PLACE_LAST = re.compile(r"(?:FC|AFC|Harriers|Rovers|Athletic|Wanderers|Marathon|Race|Awards?|Prize|Cup|Trophy|"
                             r"Championships?|Tour|Ltd|Limited|plc|PLC|Inc|Party|Partners)")


def not_a_place(name: str, question: str = "") -> bool:
    """Return True when a name ends as a team's, a race's or a firm's does, or is a role ("CEO of Alameda"); for a
    question asking for a street (question), when it does not end as a street's name does ("Dunmere Build")."""
    return bool(name.split()) and (_NOT_PLACE_LAST.fullmatch(name.split()[-1]) is not None
                                   or _ROLE_OF.match(name) is not None
                                   or re.fullmatch(r"(?:Series|Round) [A-H]", name) is not None  # a funding round
                                   or (_STREET_ASKED.search(question) is not None
                                       and not _STREET_LAST.fullmatch(name.split()[-1])))


_STREET_ASKED = re.compile(r"\b(?:which|what) (?:street|road|avenue|lane)\b", re.I)
_STREET_LAST = re.compile(r"Street|St|Road|Rd|Lane|Avenue|Way|Row|Close|Drive|Place|Square|Terrace|Crescent|Parade|"
                          r"Hill|Walk|Gardens|Mews|Quay|Wharf|Boulevard|Broadway|Highway")


def part_of_asked(name: str, asked: str, texts: list[str]) -> bool:
    """Return True for one word of a longer name the question asks about ("Forge" of "Millhaven Forge" in "dorran
    keswick club before millhaven"): it is the asked thing itself."""
    if " " in name:
        return False
    word = r"[A-Z][\w'’&-]+"
    pattern = rf"((?:{word}\s+){{1,3}}){re.escape(name)}\b|\b{re.escape(name)}((?:\s+{word}){{1,3}})"
    words = {w for t in texts for m in re.finditer(pattern, t) for w in (m.group(1) or m.group(2) or "").split()
             if len(w) > 3 and w.lower() not in _TITLES}  # ("Mayor Ruth Adeyemi" for "the mayoral election")
    return any(re.search(rf"\b{re.escape(normalise(w))}\b", asked) for w in words)


_MONTHS = set(MONTHS) - {"may"}  # names and short forms of months, not May (a name too)
_CLAUSE_BREAK = re.compile(r",(?!\d)|;|\s(?:and|but|while|whereas)\s")  # not the comma of "1,300"
# What may stand between a verb and its figure ("killed at least 1,300")
_FIGURE_LEAD = re.compile(r"(?:\s+(?:at least|at most|more than|fewer than|less than|nearly|almost|about|around|"
                          r"some|over|up to|an estimated|roughly|approximately))+\s*$", re.I)


# "Brackenvault chief executive Osric Pembleton": a role-holder named with the organisation whose role it is
_HOLDER = re.compile(r"([A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})(?:'s|’s)?\s+((?:[a-z][\w-]*\s+){1,3})$")


_RANK_WORDS = {"deputy", "acting", "interim", "assistant", "vice", "former", "new", "senior", "junior", "caretaker",
               "chief", "joint", "co", "outgoing", "incoming", "temporary", "permanent"}


def with_range(sentence: str, short: str) -> str:
    """Return a sum with the rest of the range it opens ("€180 million to €220 million" of "expects a net profit of
    €180 million to €220 million"), not of a move ("from £6 to £7") or a list."""
    at = sentence.find(short)
    if at < 0 or re.search(r"\b(?:from|up|down|rose|rise|fell|fall|cut|raised|increased|reduced)\s+$",
                           sentence[max(0, at - 12):at], re.I):
        return short
    rest = re.match(r"\s*(?:to|-|–|and)\s*", sentence[at + len(short):])
    upper = next((m for m in MONEY.finditer(sentence) if m.start() == at + len(short) + rest.end()), None) \
        if rest else None
    if not upper or (
            rest.group(0).strip() == "and" and not re.search(r"\bbetween\s+$", sentence[max(0, at - 9):at])):
        return short
    return sentence[at:upper.end()].strip(" ,.")


# What a price or a level is per ("212 euros per tonne", "8.4p a share", "£14.10 an hour"), not "a year earlier"
_RATE_AFTER = re.compile(r"\s(?:per|an?)\s(?:cubic\s|square\s)?(?:tonne|ton|litre|liter|kilo(?:gram)?|kg|pound|gallon|"
                         r"barrel|ounce|share|person|head|hour|day|night|week|month|year|annum|met(?:re|er)|foot|unit|"
                         r"ticket|pint|kwh|megawatt[- ]hour|mwh)s?\b(?!\s+(?:earlier|ago|before|later|after)\b)",
                         re.I)


def _with_after(sentence: str, short: str, after: re.Pattern) -> str:
    """Return the span with what the pattern reads right after its first place in the sentence, else the span."""
    at = sentence.find(short)
    more = after.match(sentence, at + len(short)) if at >= 0 else None
    return short + more.group(0) if more else short


def with_rate(sentence: str, short: str) -> str:
    """Return a sum with what it is per, when the sentence gives it right after ("65 pounds per person")."""
    return _with_after(sentence, short, _RATE_AFTER)


_TALLY_ASKED = re.compile(r"\b(?:votes?|voted|voting|margin|tally|ratif\w*|result)\b", re.I)
_AGAINST = re.compile(r"(?:\s(?:votes?|ballots))?\s?(?:to|-|–)\s?(\d[\d,]*|one|two|three|four|five|six|seven|eight|"
                      r"nine|ten|eleven|twelve|none|nil)\b(?!\s?(?:%|per|pm|am|p\.m|a\.m))")


def with_tally(question: str, sentence: str, short: str) -> str:
    """Return a vote's count with the count against it ("201 votes to 64", "six votes to five") when the question asks
    about a vote or its margin, else the count."""
    return _with_after(sentence, short, _AGAINST) if _TALLY_ASKED.search(question) else short


def _said_of_asked(analysis: QuestionAnalysis, sentence: str, values: list[re.Match]) -> list[re.Match]:
    """Return the figures counting a thing the question names that a further word of the question follows closely,
    when some such figures do and some do not ("granted permission for 420 new homes in 2024, but only 185 homes were
    completed" for "homes completed 2024": 185). Names and calendar words tell nothing apart."""
    asked = content_stems(analysis.question)
    after = [_LETTERED.findall(sentence[v.end():])[:5] for v in values]
    counting = [(v, words) for v, words in zip(values, after) if content_stems(" ".join(words[:2])) & asked]
    if len(counting) < 2:
        return values
    nouns = set().union(*(content_stems(" ".join(words[:2])) & asked for _, words in counting))
    told = asked - nouns - _CALENDAR_STEMS - content_stems(" ".join(analysis.names))
    said = [v for v, words in counting if content_stems(" ".join(words)) & told]
    return said if said and len(said) < len(counting) else values


_ASKING = r"(?:Who|Whom|Whose|What|Which|Where|When|Why|How)"


def held_elsewhere(name: str, sentence: str, question: str) -> str | None:
    """Return the organisation when the sentence names the person as the holder of the asked role at another one
    than the question's ("Brackenvault" of "Brackenvault chief executive Osric Pembleton" for "who is the chief
    executive of Tarrowby Freight?"): the nouns before the name are the role the question asks for, owned by a name
    it does not say. None otherwise ("starring Philippa Drewcott and directed by Amadou Lessingham": no role)."""
    at = sentence.find(name)
    if at <= 0 or not (held := _HOLDER.search(sentence[:at])):
        return None
    owner, words = held.group(1), held.group(2).split()
    if owner.lower() in _RANK_WORDS:  # "Deputy head Marcus Lindqvist-Hale": a rank, no organisation
        return None
    # a role is a singular noun: no past, -ing or -s verb form ("Arantes replaces Kenny Doyle"), "boss" aside
    if any(w in STOPWORDS or w.endswith(("ed", "ing")) or (w.endswith("s") and not w.endswith("ss")) for w in words) \
            or (owner.split()[0].lower() in STOPWORDS and not owner.split()[0].isupper()):  # "The", not "US"
        return None
    asked, role = normalise(question), " ".join(words)
    # the question names whose role it asks for ("chief executive of Tarrowby Freight", "the Skarholm chairman"), or
    # the role-holder is who acts in it ("who did the envoy hold talks with?"): a holder of it is no answer
    owned = re.search(rf"\b{re.escape(role)}\s+(?:of|at|for)\s+(?:the\s+)?[A-Z]|(?!{_ASKING}\b)[A-Z][\w&'’.-]*"
                      rf"(?:'s|’s)?\s+{re.escape(role)}\b", question)  # ("Who bought Twitter?": no one's role)
    acting = re.match(r"\W*who(?:m)?\s+(?:did|does|do|will|has|have|had|would|could)\b", question, re.I)
    if (owned or acting) and content_stems(role) <= content_stems(question) and not any(
            normalise(re.sub(r"['’]s?$", "", w)) in asked for w in owner.split() if len(w) > 2):  # ("Harriers'")
        return owner
    return None


_INSTITUTION = re.compile(r"(?:Hospice|Hospital|Trust|Society|School|College|Institute|Union|Association|Fund|Charity|"
                          r"Centre|Center|Museum|Party|League|Cup|Prize|Awards?|Church|Home|Theatre|Foundation)")


# "won the Golden Heron", "wins the title": what was won, not who won it
_PRIZE_WON = re.compile(r"\b(?:won|wins|win|winning|awarded|scooped|took|takes|claimed|claims)\s+(?:the|a|an|its|her|"
                        r"his|their)?\s*$", re.I)
_PAST_WINNER = re.compile(r"\b(?:former|previous|past|ex-|last year['’]s|(?:19|20)\d\d)\s+(?:\w+\s+)?"
                          r"(?:winner|champion|title-?holder)s?\s+$", re.I)
_SETTLEMENT_ASKED = re.compile(r"\b(?:town|city|village|country|county|region)\b", re.I)
# a building or institution is no town ("which town is the hospice in?" is not "Tessaby Crown Court")
_BUILDING_END = re.compile(r"\b(?:Court|Hospital|Hospice|School|College|University|Station|Centre|Center|Hall|Stadium|"
                           r"Arena|Church|Council|Club|Library|Museum|Theatre|Prison|Airport|Institute|Trust)$")
_NAME_ASKED = re.compile(r"\bwhat (?:is |was |will be )?(?:the )?(?:new )?name\b|\bwhat name\b|\bcalled\b", re.I)


def _without_opening_verb(name: str, sentence: str) -> str:
    """Return a name without the verb that opens the sentence before it ("Extending Fenlow's tram network ...":
    Fenlow)."""
    first, _, rest = name.partition(" ")
    if rest and sentence.lstrip(" \"“'‘").startswith(name) and (
            (first.lower().endswith(("ing", "ed")) and first.lower() in ordinary_words())
            or _OPENING_ROLE.fullmatch(first)):  # "Contractor Denholm & Pike is expected to begin work"
        return rest
    return name


_OPENING_ROLE = re.compile(r"(?:Contractor|Developer|Builder|Operator|Regulator|Insurer|Retailer|Carrier|Distributor|"
                           r"Publisher|Broadcaster|Lender|Landlord|Supplier|Manufacturer|Promoter|Organiser|Sponsor|"
                           r"Buyer|Bidder|Rival|Partner|Client|Owner|Housebuilder|Airline|Grocer|Chain|Firm)")


def name_fragment(name: str, sentence: str) -> bool:
    """Return True when a one-word name is only part of a longer name the sentence writes: a model's maker or suffix
    ("Pellow 7 Max", "Pixel 8 Pro"; a scoreline's "Arsenal 2 Chelsea 1" is two names) or an institution's noun after
    a possessive ("Orlshire Children's Hospice")."""
    if " " in name or (at := sentence.find(name)) < 0:
        return False
    before, after = sentence[:at], sentence[at + len(name):]
    return bool(re.search(r"[A-Z][\w-]*\s\d{1,4}\s$", before) and not re.match(r"\s\d", after)
                or re.match(r"\s\d{1,4}\s[A-Z][\w-]*\b(?!\s\d)", after)
                or _INSTITUTION.fullmatch(name) and re.search(r"[A-Z][\w-]*['’]s\s$", before))


def placed_in(name: str, texts: list[str], also_from: bool = False) -> bool:
    """Return True when the passages put something at or in the name ("built at Giga Texas"): a place, not a person
    ("in Smith's view" aside); also_from: or bring something from or to it ("moved from Eddleby")."""
    moves = "|from|to|towards|across|around|based in" if also_from else ""
    pattern = re.compile(rf"\b(?:at|in|near|outside|inside|into|throughout{moves})\s+(?:the\s+)?"
                         rf"(?:(?:[\w-]+\s+)?(?:town|city|village|county|region|port|district|suburb) of\s+)?"
                         rf"{re.escape(name)}\b(?!['’]s)")
    hosts = re.compile(rf"\b{re.escape(name)}\s+(?:hosted|hosts|will host|staged|stages)\b") if also_from else None
    return any(pattern.search(t) or (hosts is not None and hosts.search(t)) for t in texts)


_CAPITALISED = r"[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*)*"
_LISTED = re.compile(rf"({_CAPITALISED})((?:,\s{_CAPITALISED})*),?\s(?:and|&)\s({_CAPITALISED})")


def respective(question: str, sentence: str, figures: list[re.Match]) -> list[re.Match]:
    """Return the one figure a "respectively" pairs with the name the question asks about ("went on sale in Britain
    and Germany, priced at £229 and €259 respectively" -> €259 for Germany), else the figures unchanged."""
    end = re.search(r"\brespectively\b", sentence)
    before = [m for m in figures if end and m.end() <= end.start()]
    if not before or not re.fullmatch(r"(?:\s+[a-z]+){0,2}\s*,?\s*", sentence[before[-1].end():end.start()]):
        return figures
    chain = [before[-1]]  # the figures listed together right before "respectively"
    for m in reversed(before[:-1]):
        if not re.fullmatch(r"(?:\s+[a-z]+){0,2}\s*,?\s*(?:(?:and|&)\s+)?", sentence[m.end():chain[0].start()]):
            break
        chain.insert(0, m)
    if len(chain) < 2:
        return figures
    for listed in _LISTED.finditer(sentence[:chain[0].start()]):
        items = [listed.group(1), *re.findall(_CAPITALISED, listed.group(2)), listed.group(3)]
        asked = [i for i, item in enumerate(items) if regex(rf"\b{re.escape(item)}\b", re.I).search(question)]
        if len(items) == len(chain) and len(asked) == 1:
            return [chain[asked[0]]]
    return figures


def _nearest(sentence: str, candidates: list[re.Match | tuple[int, str]], anchors: list[int]) -> str | None:
    """Return the candidate in the same clause as an anchor if any ("35 in Sumy and 19 in Kryvyi Rig"), else the
    nearest to one, else the first."""
    spans = [(m.start(), m.group(0)) if isinstance(m, re.Match) else m for m in candidates]
    if not spans:
        return None
    if not anchors:
        return spans[0][1].strip(" ,.;:")
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(sentence)]

    def clause(position: int) -> int:
        return sum(b < position for b in breaks)

    anchor_clauses = {clause(a) for a in anchors}
    return min(spans, key=lambda s: (clause(s[0]) not in anchor_clauses, min(abs(s[0] - a) for a in anchors),
                                     s[0]))[1].strip(" ,.;:")


_UNIT_AFTER = re.compile(r"(?:\s?(?:°\s?[CF]?|C|F|kWh|MWh|GW|MW|mph|km/h|mm|cm|km|kg|(?:nautical |square |cubic )?"
                         r"(?:metres?|meters?|miles?|kilomet(?:re|er)s?|feet)|ft|micrograms?|weeks|days|months|years|"
                         r"tonnes?|litres?|degrees?|knots|hectares|acres|light[- ]years?|hours?|hrs|minutes?|mins|"
                         r"(?:milli|centi)met(?:re|er)s?|"
                         r"(?:kilo|mega|giga)watts?|kilomet(?:re|er)s?|seconds?|secs)"
                         r"(?:,?\s(?:and\s)?\d{1,2}\s(?:minutes?|mins|seconds?|secs))?"  # "6 hours 12 minutes"
                         r"(?:\sper\s(?:cubic\s|square\s)?[a-z]+)?"  # "47 micrograms per cubic metre"
                         r"|(?:-| )(?:metre|meter|kilometre|mile|foot|km)s?)\b(?!-)")  # the unit a figure is given in


_SITE_NOUNS = (r"(?:training ground|ground|stadium|arena|park|station|airport|harbour|quay|bridge|road|street|lane|"
               r"square|centre|hall|campus|site|depot|estate|reservoir|beach|retail park|industrial estate)")


def _agent_by(question: str, sentence: str) -> int | None:
    """Return where the agent of a question's doer noun or verb is named in a passive sentence ("distributor" /
    "distributed by Pallisade Pictures", "publisher" / "published by", "who translated it?" / "the translation is
    by Jonah Peverell-Ude"), or None."""
    stems = re.findall(r"\b([a-z]{4,})(?:er|or)s?\b", question.lower()) + re.findall(
        r"^\W*who\s+([a-z]{4,}?)e?d\b", question.lower())
    for stem in stems:
        if m := re.search(rf"\b{stem}\w*\s+(?:(?:is|was|were|are|has been|had been)\s+)?by\s+", sentence, re.I):
            return m.end()
    return None


def with_first_day(sentence: str, date_text: str | None) -> str | None:
    """Return a day with the day before it that shares its month ("strike on 27 and 28 September"), else the day."""
    if date_text and (m := re.search(rf"\b(\d{{1,2}}(?:st|nd|rd|th)?\s?(?:and|to|-|–|&)\s?){re.escape(date_text)}",
                                     sentence)) and re.match(r"\d", date_text):
        return m.group(0)
    return date_text


def with_counted(question: str, sentence: str, figure: str | None) -> str | None:
    """Return a count with the thing counted when the question names it ("how many points did he kick": "74
    points"), else the figure."""
    if figure is None or not re.fullmatch(r"\d[\d,.]*(?: (?:million|billion|thousand))?|[a-z]+", figure):
        return figure  # a sum, a share or a measure has its unit already ("£431m budget" is the budget)
    asked = content_stems(question)
    for at in (m.end() for m in re.finditer(rf"(?<![\w.]){re.escape(figure)}", sentence)):
        if (word := re.match(r" ([a-z][a-z-]+)\b", sentence[at:])) and content_stems(word.group(1)) & asked \
                and not (word.group(1).endswith("ed") and re.match(
                    r" (?:(?:the|a|an|his|her|their|its|on|in|at|by)\b|[A-Z])", sentence[at + word.end():])):
            # ("4,812 watched the match": a verb, not what is counted; "4,300 registered patients" is)
            if (more := re.match(r" ([a-z][a-z-]+)\b", sentence[at + word.end():])) and content_stems(
                    more.group(1)) & asked and not more.group(1).endswith(("ed", "ing", "ly")):  # "27,300 chart
                # units", not "11 people treated" nor "1 billion documents daily"
                return figure + word.group(0) + more.group(0)
            return figure + word.group(0)
    return figure


def figure_with_unit(sentence: str, figure: str | None) -> str | None:
    """Return a figure with the unit the sentence gives it ("5.8 metres", "36.4C"), else the figure."""
    if figure is None:
        return None
    for at in (m.end() for m in re.finditer(rf"(?<![\w.]){re.escape(figure)}", sentence)):
        if unit := _UNIT_AFTER.match(sentence, at) or _PERCENT_AFTER.match(sentence, at):  # ("efficacy of 68
            return figure + unit.group(0)  # percent": "68 percent")
    return figure


_PERCENT_AFTER = re.compile(r"\s?%|\s(?:per ?cent|percent|percentage points?)\b")


_DONE_TO = re.compile(r"\W*(?:so |and |hey,? )?who\s+(?:was|were|has been|have been|had been|is|are|got)\s+"
                      r"([a-z]{3,}(?:ed|en))\b", re.I)
_DOER = re.compile(r"\W*(?:so |and |hey,? )?(?:who|which (?:actor|actress|player|rider|driver|runner|singer|artist|"
                   r"author|writer))\s+(?!is\b|was\b|are\b|were\b|will\b|would\b|did\b|does\b|do\b|has\b|"
                   r"have\b|had\b|can\b|could\b|'s\b|’s\b)([a-z]{3,})", re.I)  # ("which actor played X?")


_PEOPLE = re.compile(r"\b(?:people|persons|children|staff|members|players|officers|names|candidates|residents|"
                     r"workers|pupils|students|victims|suspects)\b")


def people_listed(question: str) -> bool:
    """Return True when a list question asks for people ("which players", "the names of the three men")."""
    return any(_PEOPLE.fullmatch(w) or PERSON_WORDS.fullmatch(w) for w in normalise(question).split()[:8])


_BODY_END = re.compile(r"\b(?:Executive|Authority|Commission|Agency|Council|Board|Trust|Service|Office|Department|"
                       r"Ministry|Inspectorate|Ombudsman|Regulator|Committee|Tribunal)$")  # a public body's last word
NEW_ASKED = re.compile(r"\b(?:new|next|incoming|successor|replac\w*|succeed\w*|takes? over|taking over|took over|"
                       r"taken over|interim|acting|caretaker)\b", re.I)  # (a stand-in is the one who took over)
# The one a holder replaced ("replacing Murati", "succeeds the retiring Ann Hale"), and a question asking for them
_REPLACED = re.compile(r"\b(?:replacing|replaces|replaced|succeeding|succeeds|succeeded|in place of|(?:taking|took|"
                       r"takes|take) over from)\s+(?!by\b)(?:[a-z][\w-]*\s+){0,3}$")
_PREDECESSOR_ASKED = re.compile(r"\b(?:replac\w*|succeed\w*|predecessor|previous|former|before|preceded|outgoing|"
                                r"departing|ex-|old)\b", re.I)
_DEPARTING = re.compile(r"\b(?i:retiring|outgoing|former|departing|previous|ex-|late|ousted|sacked|fired|dismissed|"
                        r"removed|axed)\s+((?:[a-z][\w-]*\s+){1,3})$")  # ("ousted chief executive Ramón Estivariz")
_DEPARTS = re.compile(r"^[^.;]{0,40}?\b(?:will retire|retires|retired|is retiring|to retire|steps? down|stepped down|"
                      r"will step down|is leaving|will leave|left|resign(?:s|ed)?|quits?|was sacked|has been sacked|"
                      r"departs|is departing)\b")
_ROLE_BEFORE = re.compile(r"((?:[A-Za-z][\w-]*\s+){1,3})$")


def departing(name: str, sentence: str, question: str) -> bool:
    """Return True when the sentence gives the name as the asked role's departing holder: "retiring finance director
    Cosmo Ferreira-Lyle", "Finance director Cosmo Ferreira-Lyle will retire in September" (for "who is the new
    finance director?"); not "former Ashgrove Rovers coach Nessa Quarrie" named "new manager" (another role)."""
    at = sentence.find(name)
    if at < 0:
        return False
    asked = content_stems(re.sub(r"\bceo\b", "chief executive", question, flags=re.I))  # ("morvane telecom new ceo")
    if "boss" in asked:  # "who's the new boss at the railway?": "retired as general manager"
        asked |= content_stems("manager executive director chief head chair president")
    if (gone := _DEPARTING.search(sentence[:at])) and content_stems(gone.group(1)) & asked:
        return True
    if (gone := _REPLACED.search(sentence[:at])) and not re.search(r"\b(?:by|in)\b", gone.group(0)) \
            and not _PREDECESSOR_ASKED.search(question) and (content_stems(sentence[max(0, at - 40):at]) & asked
                                                             or "boss" in asked):
        return True  # "has replaced chief executive Janet Orme with Raj Bhatt": Orme held it
    gone_as = re.match(r"\s+(?:has\s+|have\s+|will\s+|is\s+to\s+)?(?:retired|retire|retires|stepped down|step down|"
                       r"steps down|left|leaves|resigned|resigns|quit|quits)\s+as\s+((?:[\w-]+\s+){1,3})",
                       sentence[at + len(name):])  # "Owen Pryce has retired as general manager"
    if gone_as and content_stems(gone_as.group(1)) & asked:
        return True
    if re.match(r",?\s+(?:has\s+|have\s+|will\s+|is\s+to\s+|is\s+set\s+to\s+)?(?:retire[sd]?|step(?:s|ped)? down|"
                r"leaves?|left|resign(?:s|ed)?|quits?|stand(?:s)? down|stood down)\b[^.]*\b(?:succeeded|replaced)"
                r"\s+by\b", sentence[at + len(name):]) and content_stems(sentence[max(0, at - 40):at]) & asked:
        return True  # "The zoo's director, Clare Honeysett, will retire in December ... and will be succeeded by
        # Samuel Obi": she holds it until then
    role = _ROLE_BEFORE.search(sentence[:at])
    return bool(role and content_stems(role.group(1)) & asked and _DEPARTS.search(sentence[at + len(name):]))


_SIDE = r"[A-Z][\w'’.&-]*(?: (?:[A-Z][\w'’.&-]*|of|de|la|the))*"
_SIDES = re.compile(rf"\bbetween (?:the )?({_SIDE}) and (?:the )?({_SIDE})"
                    rf"|\b({_SIDE}) (?:v|vs\.?|versus|against) ({_SIDE})")
_BEAT = (r"(?:\s+(?:have|has|had|were|was|finally|comfortably|narrowly))?\s+(?:beat|beats|defeated|defeats|overcame|"
         r"edged|edged past|thrashed|routed|saw off|knocked out|eliminated|won (?:against|over)|(?:secured|claimed|"
         r"sealed|earned|clinched) (?:a |an |their |the )?(?:\w+ )?(?:victory|win) (?:over|against))\s+(?:the )?")
_LOST = (r"\s+(?:lost|were beaten|was beaten|fell|went down|were knocked out|were eliminated) (?:[\w-]+ )?(?:to|by)"
         r"\s+(?:the )?")


def winning_side(question: str, sentence: str) -> str | None:
    """Return which of the two sides a who-won question names ("the final between England and Fiji", "England v
    Fiji") the sentence says won ("England secured victory over Fiji", "Fiji lost to England"), else None."""
    if not WIN_QUESTION.search(question) or not (match := _SIDES.search(question)):
        return None
    a, b = [side for side in match.groups() if side]
    won = {side for side, other in ((a, b), (b, a))
           if re.search(rf"\b{re.escape(side)}{_BEAT}{re.escape(other)}\b", sentence)
           or re.search(rf"\b{re.escape(other)}{_LOST}{re.escape(side)}\b", sentence)}
    return won.pop() if len(won) == 1 else None


# A question about where an event was held or someone born, and what puts a name as its place
_BORN = r"born|raised|grow up|grew up"
_HELD_ASKED = re.compile(r"^\W*(?:so |and )?where\b.*\b(?:held|hosted|staged|played|take place|takes place|took place|"
                         rf"taking place|{_BORN})\b|\bvenue\b|\bbirthplace\b", re.I)
_BORN_ASKED = re.compile(rf"\b(?:{_BORN}|birthplace)\b", re.I)
_HOSTS = re.compile(r"\s+(?:hosted|hosts|will host|is hosting|staged|stages|will stage|is staging)\b")
_PLACED = re.compile(r"\b(?i:in|at|hosted by|staged by)\s+(?:the\s+)?(?:[A-Z][\w-]*['’]s\s+)?$")  # ("in
# Ashcombe's Gildhall Theatre")


_RATING_ASKED = re.compile(r"\b(?:rating|grade|verdict|rated|graded)\W*$|\bwhat (?:rating|grade)\b", re.I)
_RATED = re.compile(r"\b(?:rated|judged|graded|rating of|grade of|kept its|keeps its|told it|was|is)\s+"
                    r"['\"“‘]([A-Za-z][a-z]+(?: [a-z]+){0,2})['\"”’]")


# A name made a describing word ("Arkansas-based", "Saudi-backed", "Paris-born"): it says where or whose something is,
# and the name it describes follows (in the same found name, or after a noun)
_BASE_ASKED = re.compile(r"\b(?:home ?town|based|headquarter\w*|hq)\b", re.I)
_DESCRIBING = re.compile(r"^\S+-(?:based|born|listed|backed|led|owned|headquartered|registered|funded|bred|raised|"
                         r"made|built|run|controlled|affiliated|linked|flagged)(?:\s+|$)")


def _described(name: str, kind: str) -> str:
    """Return a found name without a describing word before it ("Arkansas-based publisher Helena World Chronicle",
    "London-listed Tarrow Resources": the name follows); for a place asked, a describing word alone is its place
    ("where's quorvane headquartered?": "Asherford-based" -> "Asherford")."""
    if kind == "place":
        return name.split("-")[0] if _DESCRIBING.fullmatch(name) else name
    return _DESCRIBING.sub("", name)


# A sum asked per period ("annual cost", "weekly rate", "cost per month")
_PERIOD_ASKED = re.compile(r"\b(?:(annual|yearly|(?:a|per|each) year)|(monthly|(?:a|per|each) month)|"
                           r"(weekly|(?:a|per|each) week)|(daily|(?:a|per|each) day)|(hourly|(?:an|per|each) hour))\b"
                           r"(?!\s+(?:ago|earlier|before|later|on)\b)", re.I)  # ("compared with a year ago": no period)
_PERIOD_ADVERB = {"year": "annually", "month": "monthly", "week": "weekly", "day": "daily", "hour": "hourly"}


_SAYING_ASKED = re.compile(r"\b(?:said|say|says|saying|told|tell|warned|announced|claimed|described|called|spoke|"
                           r"speaking|commented|added|confirmed|quoted|statement)\b", re.I)


def only_speaker(analysis: QuestionAnalysis, sentence: str, name: str) -> bool:
    """Return True when a person question asks who does something, not who said it ("who's breck fighting next?"),
    and the name is only the one speaking, before what is said of the deed by the one the question names ("Promoter
    Lydia Crane said ... Breck would next fight in Kelsford")."""
    if _SAYING_ASKED.search(analysis.question):
        return False
    at = sentence.find(name)
    said = re.match(r"(?:,\s+\d{1,3},)?\s+(?:said|says|added|told \w+(?: \w+)?)\s+(?:that\s+)?(.+)",
                    sentence[at + len(name):]) if at >= 0 else None
    if not said or re.match(r"(?:he|she|i|we|they)\b", said.group(1), re.I):  # ("Ellis, 23, said he scored the
        return False  # winner": of himself)
    names = content_stems(" ".join(analysis.names))
    deeds = {stem for w in re.findall(r"[a-z]+", analysis.question.lower())
             if (w.endswith(("ing", "ed")) or w in BASE_FORMS) and (stem := next(iter(content_stems(w)), ""))
             and stem not in names}
    clause = content_stems(said.group(1))
    return bool(deeds & clause) and bool(names & clause)  # (the one the question names does the deed there)


def extract_short(analysis: QuestionAnalysis, sentence: str, texts: list[str] = ()) -> str | None:
    """Return the span of the sentence that answers a factoid question, or None (open questions, no such span).
    texts: the passages around it, to tell names from capitalised ordinary words and to give a surname in full. A
    "who" question asking a firm's deed (body_may_answer) is answered by the firm or body that did it when the
    sentence names no person ("who put the panels in?": "installed by contractor Brightwell Solar")."""
    found = _extract_short(analysis, sentence, texts)
    if found is None and analysis.kind == "person" and body_may_answer(analysis.question):
        body = _extract_short(replace(analysis, kind="organisation"), sentence, texts)
        return body if body and as_agent(body, sentence, analysis.question) else None
    return found


def _extract_short(analysis: QuestionAnalysis, sentence: str, texts: list[str] = ()) -> str | None:
    asked = normalise(analysis.question)

    def novel(matches):
        return [m for m in matches if m.group(0).strip() and normalise(m.group(0).strip(" ,.")) not in asked]

    kind, anchors = analysis.kind, _anchors(analysis, sentence)
    if kind == "money":
        roles = figure_roles(analysis.question, sentence)  # not a sum only forecast
        sums = asked_sums(analysis.question, sentence, [  # ("us price": "$895", not "€640"; a net profit, no loss)
            m for m in novel(sums_said(analysis.question, sentence))
            if not any(a <= m.start() < b for a, b in roles)  # ("union pay claim": "9%" when no sum is given)
            and not new_level(analysis.question, sentence, m.start())  # ("the old fare": not "rise to £22")
            and not sum_unasked(analysis.question, sentence, m)])
        sums = [m for m in sums if measure_named(analysis.question, sentence, m.start())] or sums  # "values it at"
        if period := _PERIOD_ASKED.search(analysis.question):  # "bus scheme annual cost": "£850,000 a year", not
            unit = next(u for u, g in zip(("year", "month", "week", "day", "hour"), period.groups()) if g)  # the £1
            per = rf"\s*(?:(?:a|an|per|each|every) {unit}\b(?!\s+(?:ago|earlier|before))|{_PERIOD_ADVERB[unit]}\b)"
            sums = [m for m in sums if re.match(per, sentence[m.end():], re.I)] or sums  # fare
        heads = asked_heads(analysis)
        sums = newer(analysis.question, sentence, sums)  # ("wants the starting wage raised from $17.50 to $22": the
        # wage's old level is nearer its word, but the new one is asked)
        sums = [m for m in sums if head_by(analysis.question, heads, sentence, m.start(), m.end())] or sums
        sums = [m for m in sums if verb_before(analysis.question, analysis.names, sentence, m.start())] or sums
        sums = respective(analysis.question, sentence, sums)
        if changed := changed_by(analysis.question, sentence, sorted(  # "by how much did house prices go up?"
                sums + [m for m in FIGURE.finditer(sentence) if "%" in m.group(0) or "cent" in m.group(0)],
                key=lambda m: m.start())):
            return changed
        return _nearest(sentence, newer(analysis.question, sentence, sums), anchors)
    if kind == "number":
        money = [m for m in novel(MONEY.finditer(sentence)) if not weight_not_sum(analysis.question, m)]  # ("birth
        # weight": "weighed 148 pounds", no sum)
        figures = [m for m in novel(FIGURE.finditer(sentence)) if not is_year(m.group(0), sentence[:m.start()])
                   and (duration_asked(analysis.question) or not DURATION.match(sentence, m.start()))
                   and not other_time_unit(analysis.question, sentence, m.start())]
        if (re.search(r"\btime\b", analysis.question, re.I) or race_time_asked(analysis.question)) and (
                times := novel(CLOCK.finditer(sentence))):
            return _nearest(sentence, times, anchors)  # "winner time": "2:24:17", not its 17
        if race_time_asked(analysis.question) and (times := novel(race_times(sentence))):
            return _nearest(sentence, times, anchors)  # "2 hours 22 minutes 15 seconds", not its 2
        if POSITION_ASKED.search(analysis.question) and (places := novel(field_places(sentence))):
            return _nearest(sentence, places, anchors)  # "finished fifth at the European Mixed Curling Championship"
        if SCORE_ASKED.search(analysis.question) and (scores := novel(SCORE.finditer(sentence))):
            return _nearest(sentence, scores, anchors)  # "what was the score": the scoreline
        if LENGTH_ASKED.search(analysis.question):  # "how long was he on the list": a length of time
            # with its unit ("18 months"), not his age or the contract's sum
            if lengths := [d for d in (DURATION.match(sentence, m.start()) for m in figures) if d]:
                if re.search(r"\bsentenc|\bjail|\bprison|\bterm\b", analysis.question, re.I):  # the term given,
                    # not the years the fraud ran ("over eight years was jailed for six years and eight months")
                    lengths = [d for d in lengths if re.search(r"\b(?:jailed|sentenced|imprisoned|given|received|got|"
                                                               r"serve|term of|(?:cut|reduced|increased|extended)"
                                                               r"\b[^.;]{0,60}\bto)\b(?:\s+\w+){0,2}\s*$",
                                                               sentence[:d.start()], re.I)]  # none given: no answer
                return _nearest(sentence, newer(analysis.question, sentence, lengths), anchors)  # ("cut his jail
                # term from two years and six months to 22 months")
        if re.search(r"\bhow old\b|\bage\b|\baged\b", analysis.question, re.I):  # "Moradi, 31, is the youngest
            return age_of(analysis.names, sentence)  # ... in the prize's 28-year history"; no one else's age
        figures = [f for f in figures if not any(m.start() <= f.start() < m.end() for m in money)]  # "£431m" whole
        if (not CHANGE_WORDS.search(analysis.question) and not MONEY_WORDS.search(analysis.question)) or re.match(
                r"\W*(?:so |and )?(?:roughly |about )?how many\b(?! (?:pounds|dollars|euros))", analysis.question,
                re.I) or asked_unit(without_names(analysis)) is not None:  # "how many customers have claimed for
            # extra costs", "cider sales 2022 litres": no sum counts them or measures them; an
            money = []  # attendance is no sum of money ("£450,000 in prize money"); a budget's total is one
        figures = count_figures(analysis, sentence, figures)  # not "12" of "12 May", a share's percentage
        values = newer(analysis.question, sentence, money + figures)  # ("from 24 turbines to 21": 21, though
        # only 24 is followed by what is counted)
        whole = subset_whole(analysis.question)  # "how many of the oakridge staff took jobs?": "34 of the 38 former
        # Oakridge staff", not the 38, nor the 12 new posts, nor the "64 flats" of the whole
        parts = [v for v in values if whole and re.match(
            rf"\s+of\s+(?:the|its|their|these|those)\s+(?:[\w,-]+\s+){{0,3}}{whole}\b", sentence[v.end():])]
        # "About 650 people were evacuated ... peaked at 5.8 metres": a figure said of what is counted goes first
        counted = set().union(*asked_heads(analysis))
        if not counted and analysis.is_keyword:  # "orla star ferry passengers evacuated": "212 passengers", not
            counted = content_stems(analysis.question) - content_stems(" ".join(analysis.names))  # "19 crew"
        of_it = [v for v in values if any(content_stems(w) & counted for w in
                                          _LETTERED.findall(sentence[v.end():])[:2])]
        # ... or right after the asked verb ("attacks that killed 1,300 people", not "kidnapped at least 150
        # people"), unless a word of the question after a figure tells them apart ("killed 35 in Sumy and 19 in Kryvyi
        # Rig"; the word right after a figure is what it counts)
        told_apart = content_stems(analysis.question) - counted - _CALENDAR_STEMS  # "kryvyi rig death toll"
        after = [content_stems(" ".join(_LETTERED.findall(sentence[v.end():])[1:6])) for v in values]
        if not of_it and values and not any(stems & told_apart for stems in after):
            of_it = [v for v in values if any(content_stems(w) & counted for w in
                                              _LETTERED.findall(_FIGURE_LEAD.sub("", sentence[:v.start()]))[-1:])]
        if not of_it and analysis.is_keyword:  # "freshdash dark stores pantri deal": "46 dark stores", not "2,100
            # couriers" (the deal is what added them, no sum asked)
            topic = content_stems(analysis.question) - content_stems(" ".join(analysis.names)) - counted
            of_it = [v for v in values
                     if any(content_stems(w) & topic for w in _LETTERED.findall(sentence[v.end():])[:2])]
        if not analysis.years and not asked_measures(analysis):  # the asked year or measure decides first
            values = of_it or values
        values = parts or respective(analysis.question, sentence, _said_of_asked(analysis, sentence, values))
        if re.search(r"\bto\W*$", analysis.question) and (level := [  # "what did it drop its milk price to?": the
                v for v in values if re.search(r"\bto\s*$", sentence[:v.start()])]):  # figure after "to"
            values = level  # ("cut its two-litre milk to £1.39")
        # "lowered ... by 15%": the change asked for; "won by 38 seconds": the margin; else the figure nearest the
        # question's words
        found = (changed_by(analysis.question, sentence, values) or margin_of(analysis.question, sentence, values)
                 or _nearest(sentence, newer(analysis.question, sentence, values), anchors))
        if re.search(r"\bmagnitude\b", analysis.question, re.I):  # "magnitude 6.1 earthquake": 6.1
            return found
        return with_counted(analysis.question, sentence, figure_with_unit(sentence, found))
    if kind == "date":
        dates = novel(asked_dates(analysis.question, sentence))
        if re.search(r"\bwill\b", analysis.question, re.I) and dates:
            return with_first_day(sentence, dates[-1].group(0).strip(" ,."))  # "voted on Friday to extend it by
            # 2027": the future date
        return with_first_day(sentence, _nearest(sentence, dates, anchors))
    if kind != "person" and _NAMING.search(analysis.question) and (titles := [
            m.group(1) for m in _QUOTED_TITLE.finditer(sentence) if normalise(m.group(1)) not in asked
            and all(w[0].isupper() or w in STOPWORDS for w in m.group(1).split())]):
        return titles[0]  # "what is the album called?": the quoted title ('Halflight Engines')
    if kind in ("person", "organisation") and (side := winning_side(analysis.question, sentence)):
        return side  # "who won the quarter-final between England and Fiji?": one of the two, which the question names
    if kind in ("person", "organisation", "place", "list"):
        winner = WIN_QUESTION.search(analysis.question) is not None or (  # "who won?": a team as much as a person
            analysis.is_keyword and _WINNER_QUERY.search(analysis.question) is not None)  # ("2024 election winner")
        found_names = [_described(_without_opening_verb(n, sentence), kind)
                       for n in with_people_of(find_names(sentence))]
        found_names = [n for n in found_names if n]
        place_words = {w for n in analysis.names if " " not in n for w in n.split()}  # ("Brackwater")
        classes = asked_class(analysis)
        name_words = {normalise(w) for n in analysis.names for w in n.split()}
        # a role-holder of another organisation than the asked one is no answer, nor is that organisation
        held = {n: held_elsewhere(n, sentence, analysis.question) for n in found_names} if kind == "person" else {}
        others = {o for o in held.values() if o}
        bare = [(n, _person(n) if kind == "person" else n) for n in found_names  # titles off a person's
                if not (held.get(n) or n in others)]
        names = [(sentence.find(n), b if kind == "person" else _without_ordinary(n))  # "New York City"
                 for n, b in bare if normalise(n) not in asked and normalise(b) not in asked
                 and (kind != "person" or winner or (person_answer(n, sentence, analysis.question) and (
                     organisation_admitted(analysis.question) or not placed_in(n, texts))))
                 and not common_word(n, sentence, texts) and n.lower() not in ("no", "yes")  # "No. 12 Utah"
                 and not (in_quoted_title(sentence.find(n), sentence) and not _NAMING.search(analysis.question))
                 # "'Brass Lung' won": a title, no one (unless the question asks what something is called)
                 and not part_of_asked(n, asked, [sentence, *texts])
                 and not ((kind in ("organisation", "place") or (kind == "list" and not people_listed(asked)))
                          and named_as_person(b, [sentence, *texts], place=kind in ("place", "organisation", "list")))
                 # ("which two libraries": no person)
                 and not group_name(b, kind) and not name_fragment(n, sentence)
                 and not (kind == "organisation" and court_unasked(n, analysis.question))  # ("at Dunmere
                 # Magistrates' Court": where a case was heard)
                 and not (kind == "organisation" and (is_demonym(b)  # "British prime minister": no party
                                                      or not body_answer(analysis, sentence, n)))
                 and not (kind == "place" and (not_a_place(b) or not_a_place(n, analysis.question)
                                               or not place_answers(n, sentence, analysis.question)))
                 and not (winner and kind == "person" and _PRIZE_WON.search(sentence[:max(0, sentence.find(n))]))
                 and not (winner and _PAST_WINNER.search(sentence[:max(0, sentence.find(n))]))  # "by former winner
                 # Cassius Brede": a win of another year
                 and not (winner and re.search(rf"\b(?:in|at|near)\s+(?:the\s+)?{re.escape(n)}\b", sentence))
                 # "overcame a Fijian fightback in Marseille": where it was won, not who won; "a Fijian
                 # fightback": a word describing a noun, no name
                 and not (" " not in n and re.search(rf"\b(?:(?:[Aa]n?|other|rival|fellow|several|many)\s+"
                                                     rf"{re.escape(n)}\s+[a-z]|[Aa]n?\s+{re.escape(n)}\W*$)", sentence))
                 # ("other RVC suppliers"; "rates the company as a Hold.": a kind of thing, no one)
                 and not (" " not in n and re.search(rf"\bthe\s+{re.escape(n)}\s+[a-z]+\s+[A-Z]", sentence))  # "the
                 # Singapore fund Lanternbay Investments": the fund, not Singapore
                 and not re.fullmatch(r"(?:Series|Round) [A-H]\+?", n)  # a funding round's name, no one
                 and not (kind == "place" and _SETTLEMENT_ASKED.search(analysis.question)
                          and (_BUILDING_END.search(n) or not placed_in(b, [sentence, *texts], also_from=True))
                          and not re.search(rf"\b{re.escape(n)}-based\b", sentence))  # ("Halbury-based" says a town)
                 and n.lower().strip(".") not in _MONTHS  # "On Nov. 4, ..." names no one
                 and not _WEEKDAY_NAME.fullmatch(n)  # "on Fridays and Saturdays"
                 and not re.search(rf"\b(?:told|telling|tells|said to|speaking to|spoke to|wrote in|reported by)\s+"
                                   rf"(?:[Tt]he\s+)?{re.escape(n)}\b", sentence)  # "told the Ledger", "as reported by
                 # The Verge": the outlet, not an answer
                 and not (kind == "person" and not winner and team_name(n, [sentence, *texts]))
                 and not (kind == "person" and re.match(r"[A-Z][\w-]*\s(?:and|&)\s", n) and _BODY_END.search(n))
                 # ("the Health and Safety Executive": a body's name, its end "Safety Executive" no person; "Amy
                 # and Jo Lister" are two people)
                 and not (kind == "person" and not winner and only_speaker(analysis, sentence, n))
                 and not (kind == "person" and " " not in n and (role := re.match(  # "Teesford darts player Lee
                     rf"{re.escape(n)}\s+(?:[a-z][\w-]*\s+){{0,2}}([a-z][\w-]*)\s+[A-Z][\w'’-]+\s+[A-Z]",
                     sentence[sentence.find(n):])) and PERSON_WORDS.fullmatch(role.group(1)))  # Crane": where he
                 # is from, not who
                 and not (kind == "person" and NEW_ASKED.search(analysis.question)
                          and departing(n, sentence, analysis.question))
                 and not (kind == "person" and _REPLACED.search(sentence[:max(sentence.find(n), 0)])
                          and not _PREDECESSOR_ASKED.search(analysis.question))  # "appointed Emmett Shear as
                 # interim CEO - replacing Murati": Murati held it before
                 and not any(normalise(w) in asked and not (winner and kind in ("person", "organisation")
                                                            and _NAMED_AFTER_PLACE.search(n) and w in place_words)
                             and normalise(w) not in classes  # "which port ...?": "Port Annick"
                             and not (kind == "organisation" and normalise(w) not in name_words)  # ("the waste
                             # business run by sharon pell": "Quickclear Waste Services")
                             for w in (b.split()[:-1] if _STREET_ASKED.search(asked) else re.split(r"[\s-]+", b))
                             if len(w) > 3)]  # ("Activision-Blizzard-King" is the asked Activision Blizzard)
        # ("Headteacher Orla Kinsella" for "st wenna's headteacher"; "which street": "Lantern Street"; but a party or
        # club named after the asked place may win there: "the Brackwater Residents' Association")
        if kind == "list":
            return ", ".join(n for _, n in sorted(names)[:4]) or None
        # every place a name stands ("FS1 TEX 11, HOU 4 (TEX wins": the TEX that wins)
        spots = [(m.start(), name) for _, name in names for m in re.finditer(rf"\b{re.escape(name)}\b", sentence)]
        # "BIRMINGHAM, Nov 2 (Court News Service) -": the wire is no answer, nor (but for where) the city
        spots = [(at, name) for at, name in spots if not in_dateline(sentence, at, kind)]
        names = [(at, name) for at, name in names if not in_dateline(sentence, at, kind)]
        if winner or _WINNER_QUERY.search(analysis.question):  # "wins over Ireland and Argentina", "beat England":
            # the beaten are no winners (nor in "corvallen open 2024 women's champion")
            spots = [(at, name) for at, name in spots if not _BEATEN.search(sentence[:at])]
            names = [(at, name) for at, name in names if not _BEATEN.search(sentence[:at])]
        if kind in ("person", "organisation") and (beater := _BEATEN_BY_ASKED.match(analysis.question)):  # "whom
            # did Vossmark defeat?": the one his own win names ("Vossmark edged past Mick Orrell"), not another's
            own = [m.end() for m in re.finditer(rf"\b{re.escape(beater.group(1).split()[-1])}\b|^(?:She|He|They)\b",
                                                sentence, re.I)]  # ("She defeated Councillor Peter Langley")
            spots = [(at, name) for at, name in spots if any(
                end < at and _BEATEN_VERB.search(sentence[end:at]) and not re.search(r";\s|\bwhile\b|\bwhereas\b",
                                                                                    sentence[end:at])
                for end in own)]
            if not spots:
                return None  # "Barrowclough (Kelderby ARC) won by two lengths" names no one she beat
        if kind == "person" and _RUNNER_UP_ASKED.search(analysis.question):  # "who was runner-up?" over "retained
            # his title with a win over Emeric Soltanovy": the beaten finalist
            spots = [(at, name) for at, name in spots if _BEATEN.search(sentence[:at])] or spots
        if kind == "person":  # "Luca Brisk of team Halcyon Velo won": the team or party a person is "of" is theirs,
            # not who did it
            spots = [(at, name) for at, name in spots if not _AFFILIATION.search(sentence[:at])] or spots
        if kind == "person" and (done := _DONE_TO.match(analysis.question)):  # "who was arrested?": in "Police
            # arrested Tobin Vaskell" the one arrested stands after the verb; in "Vaskell was arrested" before it
            said = [m for m in _WORD.finditer(sentence) if content_stems(m.group(0)) & content_stems(done.group(1))]
            if said and not re.search(r"\b(?:was|were|been|is|are|be|being|got)\s+(?:\w+\s+)?$",
                                      sentence[:said[0].start()]):
                spots = [(at, name) for at, name in spots if at > said[0].start()] or spots
        elif kind == "person" and not winner and (verb := _DOER.match(analysis.question)) \
                and _agent_by(analysis.question, sentence) is None:  # "who saved the
            # penalty?": the one doing it stands before the verb ("Goalkeeper Tom Harker was the hero, saving
            # Castleton's fifth penalty"), unless it is done "by" someone
            said = [m for m in _WORD.finditer(sentence) if content_stems(m.group(0)) & content_stems(verb.group(1))]
            if said and not re.match(r"\s+by\b", sentence[said[0].end():]):
                before = [(at, name) for at, name in spots if at < said[0].start()]
                spots = before or spots
        if kind == "person":  # "appointed Priya Venkataraman, previously retail director at grocer Dunholm's": a
            # name a former post is held "at" is an employer, no person
            spots = [(at, name) for at, name in spots if not re.search(
                r"\b(?:previously|formerly|former|until recently|ex-)\b[^,;]{0,40}\bat\s+(?:the\s+)?"
                r"(?:[a-z-]+\s+){0,2}$", sentence[:at])] or spots
        if kind == "place":  # "beating Cask Lane 4-1 at Hadderley Park": the beaten side is no place
            spots = [(at, name) for at, name in spots if not _BEATEN.search(sentence[:at])] or spots
        if kind == "place" and _BASE_ASKED.search(analysis.question):  # "drone maker home town": "Halbury-based
            # drone maker Kestrel Aero", not the British Army it supplies; the "-based" word of a name asked ("Ada
            # Hale's home town" is no "London-based firm" she founded)
            spots = [(at, name) for at, name in spots if any(re.match(
                rf"[\w'’]+-based\s+(?:[a-z-]+\s+){{0,3}}{re.escape(n)}", sentence[at:]) for n in analysis.names)
                     or re.search(r"\bbased in\s+$", sentence[:at])] or spots
        if kind == "place" and _HELD_ASKED.search(analysis.question):  # "where was the cup held?": where it was
            # ("played at the Stade de France"), not who played ("England and South Africa face off")
            placed = [(at, name) for at, name in spots if _PLACED.search(sentence[:at])]
            placed += [(at, name) for at, name in spots if _HOSTS.match(sentence, at + len(name))]
            if not placed:
                return None  # "founder of failed cryptocurrency exchange FTX" says nowhere he was born; "player of
                # the series Imre Tadashvili-Rook" is no venue, nor "Caspian Lowde" where the final is played
            spots = placed
        if (by := _agent_by(analysis.question, sentence)) is not None:  # "salt orchard distributor": the one
            # named in "distributed by Pallisade Pictures"
            spots = [(at, name) for at, name in spots if by <= at <= by + 4] or spots
        found = _nearest(sentence, spots or [s for s in names if s[0] >= 0], anchors)
        if found and kind == "place" and (site := re.search(rf"\b{re.escape(found)}( {_SITE_NOUNS})\b", sentence)):
            return found + site.group(1)  # "at Greyfield training ground": the site, not only its name
        if found and kind == "organisation":
            return full_org_name(found, [sentence, *texts])
        return full_name(found, [sentence, *texts]) if found and kind == "person" and person_like(found) else found
    if kind == "quote":
        quotes = [q for q in QUOTE.findall(sentence) if len(q.split()) <= 8 and normalise(q) not in asked]
        return quotes[0].strip(" ,.") if quotes else None
    if kind == "open" and (named := _NAMED_CLASS.match(analysis.question)) and (called := re.search(
            rf"\b{named.group(1).capitalize()}\s+(?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+)?", sentence)) \
            and normalise(called.group(0)) not in asked:
        return called.group(0)  # "which storm flooded polwick?": "Storm Jarrah", not its rainfall
    if kind == "open" and _RATING_ASKED.search(analysis.question) and (rated := _RATED.search(sentence)):
        return rated.group(1)  # "harbridge academy inspection rating": "rated 'good'"
    if kind == "open" and (analysis.is_keyword or not analysis.question.rstrip().endswith("?")
                           or re.match(r"\W*(?:what|which)\b", analysis.question, re.I)) \
            and not _NAME_ASKED.search(analysis.question):  # "what name will it trade under?": no figure
        if measure := _measure_of(analysis, sentence):
            return measure
    return class_phrase(analysis.question, sentence) if kind == "open" else None


# Things news names with their kind's word before a name ("Storm Jarrah", "Operation Nightfall")
_NAMED_CLASS = re.compile(r"\W*(?:so |and )?(?:which|what)\s+(storm|hurricane|typhoon|cyclone|operation|project|"
                          r"variant|mission|programme|program)\b", re.I)
_WHAT_CLASS = re.compile(r"^\W*(?:so |and )?(?:\w+\s+)?(?:what|which)\s+(?:kind of |type of |sort of )?"
                         r"([a-z]+)(?:\s+([a-z]+))?", re.I)
_NOT_CLASS = {"is", "was", "are", "were", "did", "does", "do", "has", "have", "had", "will", "would", "can", "could",
              "should", "the", "a", "an", "about", "happened", "exactly", "else"}


def asked_class_noun(question: str) -> str | None:
    """Return the noun a "which / what NOUN" question asks for, without a plural ending ("From which depots ...?" ->
    "depot"), or None when no noun follows ("what was the venue?")."""
    asked = _WHAT_CLASS.match(question)
    word = asked.group(1).lower() if asked else ""
    if word in _NOT_CLASS or word in STOPWORDS or len(word) < 3:
        return None
    return re.match(r"([a-z]{3,}?)(?:e?s)?$", word).group(1)


def class_phrase(question: str, sentence: str) -> str | None:
    """Return the phrase a "what NOUN" question asks for: the sentence's words before that noun ("What injury forced
    her to withdraw?": "because of a vocal cord injury"; "At which weather station ...?": "at Tamsford Lock weather
    station"), or None when the sentence gives the noun no words of its own."""
    asked = _WHAT_CLASS.match(question)
    if not asked:
        return None
    nouns = [w.lower() for w in asked.groups() if w and w.lower() not in _NOT_CLASS and w.lower() not in STOPWORDS]
    question_words = set(normalise(question).split())
    words = list(re.finditer(r"[A-Za-z][\w'’-]*|[^\sA-Za-z]", sentence))
    for noun in reversed(nouns):  # "weather station": the class is the last noun the sentence has
        stems = content_stems(noun)
        for i, word in enumerate(words):
            if not stems or not content_stems(word.group(0)) & stems:
                continue
            start = i
            while start > 0 and re.fullmatch(r"[A-Za-z][\w'’-]*", words[start - 1].group(0)) \
                    and words[start - 1].group(0).lower() not in STOPWORDS and i - start < 3:
                start -= 1
            if any(normalise(w.group(0)) not in question_words for w in words[start:i]):
                return sentence[words[start].start():word.end()]
    return None


_FIGURE_WORD = re.compile(r"\d[\d,.]*(?:st|nd|rd|th)?%?$")


def _measure_of(analysis: QuestionAnalysis, sentence: str) -> str | None:
    """Return the figure a sentence gives right by a word the question asks with, read from the question's end
    ("serrana earthquake magnitude": "a magnitude 6.1 earthquake"; "river arden peak level": "peaked at 5.8
    metres"; "what ranking had she slipped to": "her ranking has slipped to 88th"), or None: an open question
    whose answer is a measure the question names by a word of its own."""
    named = set().union(*(content_stems(n) for n in analysis.names), set()) | _CALENDAR_STEMS
    asked = [stems for w in reversed(re.findall(r"[a-z][\w'’-]*", analysis.question.lower()))
             if (stems := content_stems(w) - named)]
    words = [(m.start(), m.group(0)) for m in re.finditer(r"[\w'’.,%-]+", sentence)]
    taken = figure_roles(analysis.question, sentence)  # a date's day, a clock time, a forecast, a list number
    for stems in asked:
        for i, (_, word) in enumerate(words):
            if not content_stems(word) & stems:
                continue
            for at, near in words[i + 1:i + 4] + words[max(0, i - 2):i][::-1]:
                figure = near.rstrip(".,")
                if _FIGURE_WORD.match(figure) and not is_year(figure, sentence[:at]) \
                        and not any(a <= at < b for a, b in taken) \
                        and not re.search(rf"(?<![\d.]){re.escape(figure)}(?![\d.]\d)", analysis.question):
                    # (not the question's own figure: "the Pellow 7 Max")
                    if money := next((m.group(0).strip(" ,.") for m in MONEY.finditer(sentence)
                                      if m.start() <= at < m.end()), None):
                        return money  # "fraud amount": "£48,000", with its currency
                    measured = figure_with_unit(sentence, figure)
                    # a figure before the asked word counts it ("tour venues": "12 venues"); one after measures it
                    # ("magnitude 6.1 earthquake": 6.1)
                    return with_counted(analysis.question, sentence, measured) if at < words[i][0] else measured
    return None


_AFFILIATION = re.compile(r"[A-Z][\w'’-]+,?\s+(?:of|from)\s+(?:the\s+)?(?:team\s+|club\s+)?$")
def body_answer(analysis: QuestionAnalysis, sentence: str, name: str) -> bool:
    """Return False for a name that cannot be the team, club or firm someone is asked to be of: an event ("which team
    does Haarbrook ride for?" / "the Tour of Vessary"), a place only ("the climb to Pic Oberlaine"), or the
    organisation of another person the sentence names ("Anselm Drevecky of Team Solvane")."""
    at = sentence.find(name)
    if _TITLED.match(name):  # "Director Philippa Oakes" is a person
        return False
    return not (affiliated_elsewhere(name, sentence, analysis.names) or (_BODY_ASKED.search(analysis.question) and (
        _EVENT_NAME.search(name) or (at > 0 and _PLACED_BEFORE.search(sentence[:at])))))


_TITLED = re.compile(r"(?:Director|Chief|Manager|President|Chairman|Chairwoman|Chair|Mr|Mrs|Ms|Dr|Professor|Prof|"
                     r"Sir|Dame|Lord|Lady|Cllr|Councillor|Captain|Coach|Judge|Mayor)\s+[A-Z][a-z]+\s+[A-Z][a-z]+$")
_BODY_ASKED = re.compile(r"\b(?:team|club|side|company|firm|outfit|squad|employer)\b", re.I)
_PLACED_BEFORE = re.compile(r"\b(?:near|across|through|climb to|summit of)\s+(?:the\s+)?$", re.I)  # (not "at",
# "to": "works at OpenAI", "returning to OpenAI")
_EVENT_NAME = re.compile(r"\b(?:Tour|Open|Marathon|Cup|Prix|Games|Awards?|Championships?|Festival|Classic|Rally|"
                         r"Olympics|Series|League|Premiership|Division|Conference)\b")  # (a league is no club)
_NAMED_AFTER_PLACE = re.compile(r"\b(?:Association|Party|Alliance|Independents|Group|Rovers|United|Town|City|"
                                r"Athletic|Wanderers|Rangers|Harriers|Club|FC)\b")
_WINNER_QUERY = re.compile(r"\b(?:winners?|champions?|best (?:[a-z-]+ ){0,2}[a-z]+)(?:\s+(?:19|20)\d\d)?\s*\??$",
                           re.I)  # ("men's champion 2024", "silverlark best new act 2023": an award's winner)
_BEATEN_BY_ASKED = re.compile(r"\W*(?:so\s+)?(?:whom|who|which (?:team|side|club|player))\s+did\s+(.+?)\s+"
                              r"(?:beat|defeat|"
                              r"overcome|edge|knock out|see off|thrash|rout)\b", re.I)
_BEATEN_VERB = re.compile(r"\b(?:beat|beats|beating|defeated|defeating|overcame|edged|saw off|knocked out|thrashed|"
                          r"routed|victory over|win over|won against)\b", re.I)
_RUNNER_UP_ASKED = re.compile(r"\brunners?[- ]up\b|\b(?:came|finished|placed) second\b|\bsecond place\b", re.I)
_BEATEN = re.compile(r"\b(?:(?:wins?|victor(?:y|ies)|triumphs?)\s+(?:over|against)|beat|beats|beating|defeated|defeats|"
                     r"defeating|thrashed|routed|edged)\s+(?:(?:the|both|their)\s+)?(?:[\w'’-]+\s+(?:and|or)\s+)?(?:the\s+)?"
                     r"(?:(?!(?:to|in|at|on|by|and|for|with|after)\s)[a-z][\w'’-]*\s+){0,4}"
                     r"(?:[A-Z][\w'’-]*\s+)?$"
                     r"|\b(?:won|wins|winning|finished|clear)\s+by\s+[\w\s.,]{1,40}?\s+(?:from|ahead of)\s+$"
                     r"|\bended\s+$")  # "ended Albert Thrupp's winning run": Thrupp lost; "beat
# the All Blacks": the Blacks were beaten; "beat world number two Mireille Taubenfeld": Taubenfeld was; "won by 1
# minute 12 seconds from Chiara Bellini": Bellini came second


def margin_of(question: str, sentence: str, values: list[re.Match]) -> str | None:
    """Return what a win is by ("won ... by 38 seconds", "by 12 points") when the question asks for a margin, else
    None."""
    if not re.search(r"\bmargin\b|\bby how (?:much|many)\b", question, re.I):
        return None
    by = _MARGIN.search(sentence)
    return (by.group(1) or by.group(2)).strip(" ,.;:") if by else None


_GAP = (r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten)(?:[\s-]?(?:seconds?|secs?|minutes?|mins?|"
        r"points?|votes?|goals?|runs?|wickets?|strokes?|lengths?|shots?|%|per ?cent))?")
_MARGIN = re.compile(rf"\bby\s+({_GAP})|\b({_GAP})\s+(?:ahead of|clear of|in front of)\b", re.I)


_FIRST_FIGURE = re.compile(r"\b(?:first|initial(?:ly)?|earlier|original)\s+(?:[a-z]+\s+)?(?:estimate|estimated|figure|"
                           r"count|forecast|tally|reported|report|put|said)\b", re.I)


_TOTAL_AFTER = re.compile(r"\s+(?:more\s+|extra\s+|additional\s+|new\s+)?[a-z-]+,?\s+(?:taking|bringing|raising|"
                          r"lifting)\s+(?:the|its|their)\s+(?:total|number|tally|count)\b")


def newer(question: str, sentence: str, values: list[re.Match]) -> list[re.Match]:
    """Return the values without the old one of a change ("rise from £62 to £68": £68; "18,500, up from 14,200":
    18,500), unless the question asks for the earlier value ("what was the fee before ...", "previous", "old")."""
    if re.search(r"\b(?:before|previous(?:ly)?|old|former|original(?:ly)?|used to|last year)\b", question, re.I):
        return values
    if _FIRST_FIGURE.search(question):  # "what did Velstrom first estimate?": "up from its first estimate of 2.4
        return [m for m in values if _FIRST_FIGURE.search(sentence[max(0, m.start() - 40):m.start()])  # million"
                and re.search(r"\b(?:of|at|was|were|put at)\s*(?:about|around|some|nearly|almost)?\s*$",
                              sentence[:m.start()])] or values
    old = [m for m in values if re.search(r"\bfrom\s*$", sentence[:m.start()])
           and re.match(r"\s*(?:[a-z-]+\s+){0,2}?to\s+(?:about |around |just |some )?[£$€]?\d", sentence[m.end():])]
    # ("scaled back from 24 turbines to 21": 21)
    old += [m for m in values if re.search(r"\b(?:up|down|rising|falling|rose|fell|higher|lower|more|fewer)\s+(?:than|"
                                           r"from)\s*$|\bcompared (?:with|to)\s*$", sentence[:m.start()])
            and not ((year := re.match(r"\s+(?:in|during)\s+((?:19|20)\d\d)\b", sentence[m.end():]))
                     and year.group(1) in question)
            and not ((said := re.match(r"\s+(?:at|during|in)\s+(?:the\s+|its\s+|their\s+)?(?:[a-z]+['’]s\s+)?"
                                       r"([a-z]+)\b", sentence[m.end():]))
                     and content_stems(said.group(1)) & content_stems(question.lower()))]
    # "18,500 people ..., up from 14,200 last year": 18,500; "up from 8.1 million in 2023" for a question about 2023:
    # 8.1 million; "down from 4.6 million at the show's peak" for "peak audience": 4.6 million
    if not re.search(r"\bby how much\b|\bhow much (?:more|less|higher|lower)\b|\bhow much (?:will|did|does|do|has|"
                     r"have|is|was|were) [^?]*\b(?:rise|go up|increase|fall|drop|be cut|cut)\b", question, re.I):
        old += [m for m in values if re.search(r"\bby\s*$", sentence[:m.start()])  # "up by £148 to £3,360": £3,360
                and re.match(r"\s*to\b", sentence[m.end():])]
        if not re.search(r"\bhow many (?:more|extra|additional|new)\b|\badd(?:s|ed|ing)?\b", question, re.I):
            old += [m for m in values if _TOTAL_AFTER.match(sentence[m.end():])]  # "adds four more beds, taking the
            # total to 28": 28
    old += [m for m in values if _CHANGED_TO.match(sentence[m.end():]) and any(v.start() > m.end() for v in values)]
    # ("Fenwick Water's £1.6m fine for the Millbrook spill has been reduced to £1.1m": £1.1m)
    return [m for m in values if m not in old] or values


# A figure a later part of the sentence changes ("£1.6m fine ... has been reduced to £1.1m")
_CHANGED_TO = re.compile(r"[^.;]{0,80}?\b(?:reduced|cut|lowered|raised|increased|revised|trimmed|slashed|extended|"
                         r"brought down|pushed up|scaled back|upped)\s+(?:down\s+|up\s+|back\s+)?to\s+"
                         r"(?:about |around |just |some )?[£$€]?\d", re.I)


def changed_by(question: str, sentence: str, values: list[re.Match]) -> str | None:
    """Return the figure a change is given by ("lowered its price ... by 15%") when the question asks how much
    something changed, else None."""
    keyword_change = "?" not in question and not re.match(  # "council tax rise": by how much
        r"\W*(?:what|which|who|when|where|how|why|is|are|was|did|does)\b", question, re.I) and re.search(
        r"\b(?:rise|increase|hike|cut|fall|drop|reduction|decrease)\b", question, re.I) and not re.search(
        r"\b(?:last year|a year (?:earlier|ago)|the previous year)\b", sentence, re.I)  # (an earlier year's rise)
    if not keyword_change and (not re.match(r"\W*(?:by )?how much\b", question, re.I)
                               or not CHANGE_WORDS.search(question)):
        return None
    by = [m for m in values if re.search(r"\b(?:by|up|down|rose|fell|climbed|dropped|jumped|slipped)\s*$",
                                         sentence[:m.start()])]  # ("cost 294,100 crowns ..., up 2.3 percent")
    return by[0].group(0).strip(" ,.;:") if by else None


def _people_apart(names: list[str]) -> list[str]:
    """Return the names with "Taylor Swift and Travis Kelce" (one name to the name finder) as two."""
    return [part for name in names for part in re.split(r"\s+and\s+", name)]


def full_name(name: str, texts: list[str]) -> str:
    """Return the fullest form of a name the texts use: news gives a name in full once, then the surname
    ("Bankman-Fried" -> "Sam Bankman-Fried"; "Purdy" -> "Brock Purdy"). Only a longer name ending in the same words
    counts, and only when the texts clearly favour one (twice as often as any other)."""
    words = name.split()
    if not words or len(words) > 2:
        return name
    forms = []
    for text in texts:
        for n in _people_apart(find_names(text)):
            if len(n.split()) > len(words) and n.split()[-len(words):] == words and person_like(n):
                full = _person(n)
                if len(full.split()) > len(words):
                    forms.append(full)
    return _clear_favourite(forms) or name  # none, or no clear favourite (two Kelces): the name as it was


def _clear_favourite(forms: list[str]) -> str | None:
    """Return the form written at least twice as often as any other, or None."""
    ranked = Counter(forms).most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]


# The closing words of an organisation's full name ("Alameda Research", "Everton Football Club", "Federal Reserve"):
# the name itself, not a division of it ("Apple Music", "Google Cloud") nor its legal form ("Google LLC", "Sony Corp")
_ORG_TAIL = re.compile(r"(?:Research|Capital|Club|FC|AFC|Group|Reserve|Bank|Holdings|Partners|Ventures|Association|"
                       r"Foundation|Institute|University|Council|Commission|Agency|Authority|Party|Trust|Sportsbook)")


def full_org_name(name: str, texts: list[str]) -> str:
    """Return the full form the texts write of a one-word organisation name: a longer name opening with it, or with
    a word it shortens, and closing with a word that names an organisation ("Alameda" -> "Alameda Research",
    "Everton" -> "Everton Football Club", "Fed" -> "Fed (Federal Reserve)"), when the texts clearly favour one form
    (twice as often as any other)."""
    if " " in name or len(name) < 3:
        return name
    forms = [n for text in texts for n in _people_apart(find_names(text))  # "Google LLC and Alphabet Inc": two
             if len(n.split()) > 1 and _ORG_TAIL.fullmatch(n.split()[-1].strip("."))
             and (n.split()[0] == name or n.split()[0].startswith(name) and name[-1].islower())]
    if (full := _clear_favourite(forms)) is None:
        return name
    return full if full.split()[0] == name else f"{name} ({full})"  # "Fed (Federal Reserve)": the text's word first


_WEEKDAY_NAME = re.compile(rf"(?:{WEEKDAY}s?(?:,?\s+(?:and|or)\s+|,\s+)?)+")


def team_name(name: str, texts: list[str]) -> bool:
    """Return True for a name whose last word is a plural the texts put "the" before ("the Kestrels", "Brackley
    Kestrels"): a team, not a person."""
    last = name.split()[-1]
    return last.endswith("s") and any(re.search(rf"\bthe {re.escape(last)}\b", t) for t in texts)


def common_word(name: str, sentence: str, texts: list[str]) -> bool:
    """Return True for a single capitalised word that is an ordinary word: a stopword anywhere ("You"), or a word
    opening its sentence ("Indeed", "They", "Using", "Construction") whose form says so (`ordinary_opening`), a
    plural of people by their job ("Officers") no text gives a first name, or one that the texts also use in lower
    case."""
    if " " in name:
        return False
    lower = name.lower()
    if lower.strip(".") in _TITLES or lower in NUMBER_WORDS:  # "Chief executive Lydia Marchbank", "Former
        return True  # pharmacist ...", "Six novels": a title or a count names no one
    if lower in STOPWORDS and not name.isupper():  # "World Series: You can bet on ..." ("US" stays a name)
        return True
    sentence = without_dateline(sentence)  # "SALTMERE (Northline Wire) - About 320 homes ...": "About" opens it
    if not sentence.lstrip(" \"“'‘").startswith(name):
        return False
    if re.fullmatch(r"[A-Z][a-z]+(?:ers|ors|ists|ians|ees|ves|ics|ents|ants)", name) and not any(
            re.search(rf"\b[A-Z][a-z]+\s+{name}\b", t) for t in [sentence, *texts]):
        return True  # "Officers recovered ...", "Keepers have ...": people by their job, unless a surname ("Ann Myers")
    if re.fullmatch(r"[A-Z][a-z]+[^s\W]s", name) and english_noun(lower) and re.match(
            rf"\W*{re.escape(name)}\s+(?:for|of|to|in|on|at|from|with)\s", sentence) and not any(
            re.search(rf"(?:\b[A-Z][a-z]+|[a-z,])\s+{name}\b", t) for t in [sentence, *texts]):
        return True  # "Bills for the firm's 410,000 customers will not change": a plural noun opening the sentence
    if lower in ordinary_words() and not any(re.search(rf"[a-z,] {re.escape(name)}\b", t) for t in [sentence, *texts]):
        return True  # "Overnight leader Kasimir Thrale ...", unless the texts write it as a name mid-sentence ("Young")
    return ordinary_opening(name, sentence) or any(re.search(rf"(?<![\w'’]){re.escape(lower)}\b", t) for t in texts)


def multi_part(analysis: QuestionAnalysis) -> bool:
    """Return True for a question about several articles or a long description (MultiHop-style inference)."""
    return bool(analysis.plan and len(analysis.plan.subqueries) >= 2) or len(analysis.question.split()) > 25


_ROLE_OF = re.compile(r"^(?:CEO|chief executive|president|chair\w*|head|director|(?:co-)?founder|owner|boss) of ",
                      re.I)  # "CEO of Alameda": the organisation is Alameda


def vote_entity(analysis: QuestionAnalysis, sentences: list[tuple[str, float]], texts: list[str] = ()) -> str | None:
    """Return the entity the likely sentences name most (weighted by their probability), in the full form they write
    most.

    "Bankman-Fried" and "Sam Bankman-Fried" count as one (same last word); names the question already holds, and
    for person questions names that cannot be a person's, do not count.
    """
    asked = normalise(analysis.question)
    votes: dict[str, float] = {}
    forms: dict[str, dict[str, float]] = {}  # each key's forms and their votes
    for sentence, weight in sentences:
        seen = set()
        found = _people_apart(find_names(sentence)) if analysis.kind == "person" else find_names(sentence)
        for name in found:
            name = _person(name) if analysis.kind == "person" else _without_ordinary(_ROLE_OF.sub("", name))
            if not name:
                continue
            key = name.split()[-1].lower()
            if normalise(name) in asked or key in asked or key in seen or common_word(name, sentence, texts) or (
                    analysis.kind == "person" and not person_like(name)):
                continue
            seen.add(key)
            votes[key] = votes.get(key, 0.0) + weight
            forms.setdefault(key, {})
            forms[key][name] = forms[key].get(name, 0.0) + weight
    if not votes:
        return None
    # the form the likely sentences write most, the longer first ("Sam Bankman-Fried" over his brother "Gabe
    # Bankman-Fried", named once; "Bankman-Fried" alone gives way to a full form)
    written = forms[max(votes, key=votes.get)]
    winner = max(written, key=lambda f: (len(f.split()) > 1, written[f], len(f)))
    return full_name(winner, [s for s, _ in sentences] + list(texts)) if analysis.kind == "person" else winner
