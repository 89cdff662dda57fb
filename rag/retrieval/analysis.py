"""Question analysis shared by retrieval and answering: what kind of thing is asked, and what must hold.

`analyse_question` reads a question (or a keyword query) once: its type (person, organisation, place, number, money,
date, yes-no, temporal order, list, quote, open), its hard constraints (names, years, other numbers, qualifiers such
as "women's" or "under-21", the outlets it names) and the words that say what is asked ("fee", "population"). The
retriever uses the outlets and dates (the QueryPlan); the answerer checks each candidate sentence against the
constraints and the asked type.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..text import QUESTION_WORDS, STOPWORDS
from .question import CALENDAR_WORDS, QueryPlan, find_sources, plan_query

# A name: a run of words each holding a capital letter (NATO, Rutte, iRobot, eBay, McDonald's, Man Utd), optionally
# joined by "of"/"de"/"the"/"&" inside the run ("Bank of England").
_WORD_WITH_CAPITAL = r"[A-Za-z0-9]*[A-Z][\w'’&.-]*"
_NAME = re.compile(rf"(?<![\w'’])(?:{_WORD_WITH_CAPITAL})(?:\s+(?:(?:of|de|the|and|&)\s+)?{_WORD_WITH_CAPITAL})*")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_NUMBER = re.compile(r"(?<![\w.])(?<![A-Za-z]-)\d[\d,.]*(?:\s?(?:%|per cent|percent|m|bn|million|billion)(?![a-z]))?")
# (not a model's number, "halcyon-3", nor "3 m" of "3 mission")
_DAY_OF_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b"
                           r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
                           r"|\b\d{4}-\d\d-\d\d\b", re.I)
_QUALIFIERS = re.compile(
    r"\b(women'?s?|woman|female|men'?s|male|girls'?|boys'?|junior|youth|senior|under-?\d+|u-?\d\d|amateur|"
    r"paralympic|wheelchair|olympic|indoor|outdoor|first|second|third|fourth|final|semi-?final|quarter-?final|"
    r"q[1-4]|h[12]|quarterly|annual|monthly|weekly|daily|domestic|international|national|regional|local|"
    r"minimum|maximum|average|median|total|net|gross|new|former|current|previous|next|last|latest|"
    r"interim|acting|caretaker|permanent|deputy|assistant|supporting|northbound|southbound|eastbound|westbound)\b",
    re.I)
_MONTH_WORDS = CALENDAR_WORDS
# Words capitalised only because they open a question or command; never names.
_OFFICE = re.compile(r"C[EFTOIM]O")  # chief executive, financial, technology ... officer
_OPENERS = QUESTION_WORDS | {"tell", "give", "list", "name", "show", "explain", "describe", "find", "so", "hey", "ok",
                             "okay", "please", "and", "but", "any", "do", "we", "know", "i", "what's", "who's",
                             "where's", "when's", "how's", "whats", "is", "it", "true", "that"}
# Words that hedge a figure before the question word ("About how many ...?", "Roughly how much ...?")
_HEDGES = ("about", "around", "roughly", "approximately", "exactly", "precisely", "just")
# A question's first word when it is one on its own ("Roughly how many ...?"; "Just Eat Takeaway" is a name)
_LEAD_ADVERBS = {*_HEDGES, "currently"}
# Prepositions that open a question before a name ("Until what date ...?", "Following Acme's merger, who ...?")
_LEAD_PREPOSITIONS = {"until", "till", "since", "despite", "throughout", "following", "amid", "within", "towards",
                      "toward", "upon", "via", "beyond", "under", "during", "across", "excluding", "including",
                      "besides", "among", "amongst", "between", "without", "over", "inside", "outside"}
MONEY_WORDS = re.compile(r"\b(pay|paid|pays|cost|costs|price|priced|fee|fees|fine|fined|worth|value|valued|valuation|"
                          r"salary|remuneration|wage|wages|revenue|revenues|profit|profits|loss|losses|raise|raised|"
                          r"funding|budget|"
                          r"spend|spent|sold for|bought for|deal worth|bid|offer|tax|prize|bonus|bonuses|compensation|"
                          r"dollars?|pounds?|euros?|income|earnings|turnover|dividends?|charge|deficit|surplus|debt|"
                          r"shortfall|save|saving|savings|bill|refunds?|rebates?|grants?|earn|earns|earned|rents?|"
                          r"box office|takings|grossed|contributions?|subsid(?:y|ies)|loans?|earning|purse|ransom|"
                          r"buyback|(?:car|bridge|motorway|lorry|vehicle|crossing|tunnel|truck|van|hgv) tolls?|"
                          r"payouts?|owed|owes|owing|tuition)\b",
                         # ("the damage bill")
                         re.I)
# Things a keyword query counts when it ends in them ("corvelle air half-year passengers": how many)
COUNTED_NOUNS = (
    "passengers|visitors|customers|employees|workers|members|fans|spectators|homes|houses|vehicles|cars|"
    "entries|entrants|runners|voters|votes|seats|tickets|deaths|patients|students|pupils|users|subscribers|"
    "downloads|applications|complaints|arrests|residents|households|properties|signatures|objections|"
    "flights|goals|wickets|medals|people|nominations|participants|waits|spills|posts|admissions|cases|"
    "victims|infections|hospitalisations|hospitalizations|injuries|evacuees|survivors|attendees|guests|"
    "bookings|pairs|nests|birds|animals|trees|species|finishers|starters|traders|stallholders|volunteers|"
    "applicants|competitors|swimmers|riders|units|copies|deliveries|shipments|walkers|hikers|cyclists|sailings|"
    "closures|turbines|pubs|branches|stores|preorders|pre-orders|samples|beds|routes|jets|aircraft|wins|"
    "investors|items|calls|visits|crossings|journeys|trips|acquisitions|takeovers|purchases|openings|incidents|"
    "callouts|call-outs|launches|rescues|signings|appearances|defeats|redundancies|sackings|walkouts|breaches|"
    "crashes|collisions|cancellations|departures|arrivals|inspections|prosecutions|convictions|"
    "evictions|referrals|operations|births|sightings|shifts")
_COUNT_WORDS = re.compile(r"\b(how many|number of|death toll|toll|killed|dead|died|injured|casualties|count|total|"
                          r"attendance|crowds?|turnout|population|score|scored|percentage|percent|rate|age|aged|old|"
                          r"margin|majority|capacity|distance|length|speed|height|size|depth|weight|duration|number|"
                          r"gusts?|rainfall|temperature|uptake|vote|sentence|time|days|reduction|share|proportion|"
                          r"jobs|numbers|inflation|output|punctuality|occupancy|average|median|magnitude|backlog|"
                          r"volumes?|runtime|mortality|"
                          r"audience|viewers|listeners|readers|minutes|"
                          + COUNTED_NOUNS
                          + r")\b", re.I)
# "how long was he jailed for?", "by what margin?": a measure or a count
_MEASURE_OPENERS = ("how long", "how far", "how big", "how tall", "how fast", "how high", "how large", "how heavy",
                    "how deep", "how wide", "how old", "by how much", "by what margin", "by how many", "how effective",
                    "what margin", "what was the margin", "how hot", "how cold", "how warm", "how full",
                    "how punctual", "how busy", "how strong", "how close", "how wet", "how windy")
# ("by what margin": "by" is read off first)
PERSON_WORDS = re.compile(r"\b(who|whom|whose|person|player|scorer|winner|won|coach|manager|ceo|founder|chairman|"
                          r"president|minister|spokesperson|spokesman|spokeswoman|referee|captain|author|director|"
                          r"leader|chief|head|owner|star|actor|actress|singer|man|woman|men|women|boy|girl|teacher|"
                          r"headteacher|"
                          r"officer|judge|doctor|nurse|driver|victim|suspect|defendant|candidate|councillor|mayor|"
                          r"pilot|artist|writer|novelist|architect|chef|scientist|researcher|professor|lawyer|"
                          r"barrister|chairwoman|chair|executive|boss|skipper|goalkeeper|striker|jockey|rider|"
                          r"runner|champion|opponent|rival|challenger|successor|predecessor|replacement|"
                          r"incumbent|nominee|appointee|individual|producer|ambassador|translator|envoy|editor|"
                          r"presenter|conductor|composer|designer|governor|senator|chancellor|commissioner|"
                          r"prosecutor|detective|inspector|curator|photographer|journalist|correspondent|"
                          r"screenwriter|illustrator|narrator|keeper|holder|treasurer|secretary|clerk|"
                          r"postmaster|postmistress|landlord|landlady|surgeon|physician|paramedic|firefighter|vicar|"
                          r"priest|bishop|poet|playwright|musician|comedian|trainer|cyclist|swimmer|rower|sprinter|"
                          r"athlete|boxer|golfer|bowler|batter|batsman|winger|midfielder|defender|coroner|walker|"
                          r"hiker|climber|witness|passer-by|neighbour|ringleader|administrator|headliner)\b", re.I)
_PLACE_WORDS = re.compile(r"\b(where|city|town|hometown|country|region|place|venue|stadium|state|province|village|"
                          r"port|site|location|birthplace|capital|street|road|district|neighbourhood|suburb|island|"
                          r"county|headquarters|hq)\b", re.I)
CHANGE_WORDS = re.compile(r"\b(rise|rises|rose|risen|fall|falls|fell|fallen|drop|drops|dropped|cut|increase|increased|"
                           r"decrease|decreased|grow|grew|shrink|shrank|lower|lowered|climb|climbed|jump|jumped|slump|"
                           r"slumped|decline|declined|reduce|reduced|going up|go up|gone up|went up|going down|"
                           r"go down|went down)\b", re.I)
_ORG_WORDS = re.compile(r"\b(company|firm|organi[sz]ation|team|club|outlet|agency|bank|group|startup|brand|party|"
                        r"network|publisher|maker|retailer|platform|school|college|university|hospital|council|"
                        r"charity|trust|union|authority|regulator|broadcaster|airline|supermarket|studio|"
                        r"reinsurers?|underwriters?|"
                        r"label|developer|operator|supplier|contractor|insurer|lender|investor|buyer|bidder|band|"
                        r"orchestra|choir|shop|store|restaurant|pub|bakery|brewery|business|manufacturer|builder|"
                        r"provider|distributor|sponsor|broker|backer|institution|entity|body|sportsbook|installer|"
                        r"[a-z]+maker|[a-z]+builder|actuar(?:y|ies)|auditors?|advis[eo]rs?)\b",
                        re.I)  # ("drugmaker", "housebuilder")
# Bodies asked for by "which": "which foundation paid for ...?" (in a keyword query these words are mostly part of a
# name: "orrinsby foundation dementia award" asks for the award)
_WHICH_BODY = re.compile(r"foundation|society|association|institute|federation|syndicate|consortium|partnership|"
                         r"hospice|shipyard|shipbuilder|yard|importer|exporter|wholesaler|haulier|"
                         r"newspaper|uni|committee|ministry|creamer(?:y|ies)|dairy|vineyard|winery|distillery|cidery|"
                         r"roastery|clinic|cafe|café|hotel|mill|farm|nursery|cattery|kennels|stables|franchise|"
                         r"co-?operative|collective|garage|pottery|sawmill|quarry|foundry|printworks|laundry|hatchery|"
                         r"fishery|salon|gym")
_DATE_WORDS = re.compile(r"\b(when|what year|which year|what date|which date|what day|which day|what month|"
                         r"which month|since when|date|year|day)\b", re.I)
_QUOTE_WORDS = re.compile(r"\b(say|said|says|call|called|describe|described|quote|words|claim|claimed|warn|warned|"
                          r"tell|told|mean|term|termed|dub|dubbed)\b", re.I)
# "Which systems did Zelensky say Ukraine is ready to buy?": the wh-word is asked of the clause after the verb
_REPORTED = re.compile(r"(?:what|which|who|whom|where|when|how)\b[^?]{0,60}?\b(?:did|does|do|has|have)\s+[^?]{1,60}?\b"
                       r"(?:say|tell|claim|warn|suggest|announce|report|confirm|reveal)\s+(?:that\s+)?([^?]{8,})\?",
                       re.I)
_YES_NO_OPENERS = ("is ", "are ", "was ", "were ", "did ", "does ", "do ", "has ", "have ", "had ", "can ", "could ",
                   "will ", "would ", "should ", "between ")
_ORDER_WORDS = re.compile(r"\b(before|after|earlier|later|first|prior to|following|subsequent|preceding|change|"
                          r"changed|consistent|remain|remained)\b", re.I)
_CONTENT = re.compile(r"[a-z][a-z'’-]*[a-z]")  # not a plural possessive's apostrophe ("robotics'")

KINDS = ("person", "organisation", "place", "number", "money", "date", "yesno", "temporal", "list", "quote", "open")


@dataclass
class QuestionAnalysis:
    """What a question asks and what an answer must satisfy."""

    question: str
    kind: str                                        # one of KINDS
    names: list[str] = field(default_factory=list)   # names and titles the answer's evidence must hold
    years: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)  # other figures named in the question
    qualifiers: list[str] = field(default_factory=list)
    focus: list[str] = field(default_factory=list)   # lower-case content words: what is asked about
    is_keyword: bool = False                         # a search-box query, not a sentence
    plan: QueryPlan | None = None                    # outlets and dates, for retrieval

    @property
    def reported(self) -> str:
        """What a wh-question says was said ("What did Zelensky say the main focus of the meeting was?" -> "the main
        focus of the meeting was"): the sentence that answers it says that too; "" for other questions."""
        match = _REPORTED.match(self.question)
        return match.group(1) if match else ""

    @property
    def outlets(self) -> list[str]:
        """The outlets (index source names) the question names."""
        return self.plan.sources if self.plan else []

    @property
    def constraints(self) -> list[str]:
        """Every hard constraint, as text to look for: names, years, figures, qualifiers."""
        return self.names + self.years + self.numbers + self.qualifiers


_CORPORATE = r"Pizza|Corp|Corporation|Inc|Group|Co|Ltd|plc|Holdings|Bank|Restaurants|Stores"


# Bodies a plural possessive names as one ("Magistrates' Court", "Teachers' Union", "Farmers' Market")
_HELD_BY_MANY = (r"Union|Party|Association|Club|League|Federation|Hall|Day|Cup|Fund|Trust|Home|School|Hospital|"
                 r"Alliance|Council|Forum|Guild|Society|Championships?|Co-?operative|Institute|College|Network|Games")


# (not words that are surnames too: "England's Wood", "Korea's Park" are a team's or a country's player)
_PLACE_AFTER_POSSESSIVE = (r"Row|Road|Street|Lane|Court|End|Square|Quay|Wharf|Place|Way|Close|Yard|Gate|Bridge|Church|"
                           r"Cathedral|Inn|Fields|Meadow|Common|Walk|Island|Market|Heath|Hospice|Hospital|School|"
                           r"College|Academy|Chapel|Park")  # ("St Brannoc's Hospice")


# "at Alameda. Sam", not "U.S. President", "Mr. Smith"; a line break too ("Altman joins Microsoft\n\nSam Altman")
_SENTENCE_END = re.compile(r"(?<=[a-z]{3})\.\s+(?=[A-Z])|[ \t]*\n\s*")


def _all_names(text: str):
    """Yield where each name match of a text starts and its words, a match that runs over a sentence end ("at
    Alameda. Sam Bankman-Fried said") cut there and the next name found on its own."""
    at = 0
    while match := _NAME.search(text, at):
        ended = _SENTENCE_END.search(match.group(0))
        yield match.start(), match.group(0)[:ended.start()] if ended else match.group(0)
        at = match.start() + ended.end() if ended else match.end()


def find_names(text: str) -> list[str]:
    """Return the names a text mentions, in order, without opening question words or duplicates (a new list each
    call: callers change it)."""
    return list(_find_names(text))


@lru_cache(maxsize=4096)  # the answer layer reads the names of the same sentences many times a question
def _find_names(text: str) -> tuple[str, ...]:
    names: list[str] = []
    for start, found in _all_names(text):
        words = found.split()
        while words and (words[0].lower().strip("'’") in _OPENERS
                         or (start == 0 and words[0].lower() in STOPWORDS)  # "By how much ..."
                         or (start == 0 and len(words) == 1 and words[0].lower() in _LEAD_ADVERBS)
                         or (start == 0 and words[0].lower() in _LEAD_PREPOSITIONS and (len(words) == 1 or re.match(
                             r"[^,?]*,\s*(?:who|what|which|when|where|how)\b", text[len(found):])))):
            words.pop(0)
        if len(words) > 2 and _OFFICE.fullmatch(words[0]) and words[1] == "of":  # "CEO of OpenAI": a role held at
            words = words[2:]  # OpenAI, which the texts write "OpenAI CEO Sam Altman" as often
        while words and words[-1].lower() in {"of", "de", "the", "and", "&"}:
            words.pop()
        joined = " ".join(words).strip(".,;:!?'’\"")
        # "Loomly's Series C" (and "Lumwick Robotics' Series A") is two names, Loomly and its Series C; "Domino's
        # Pizza Group" stays one
        # "Tanner's Row", "King's Cross": a place named for someone stays one
        whole = re.search(rf"['’]s\s+(?:(?:{_CORPORATE})\b|(?:{_PLACE_AFTER_POSSESSIVE})$)", joined)
        held = re.search(rf"(?<=\ws)['’]\s.*\b(?:{_PLACE_AFTER_POSSESSIVE}|{_CORPORATE}|{_HELD_BY_MANY})$", joined)
        # ("Magistrates' Court", "Teachers' Union" stay one)
        pieces = [joined] if whole else re.split(r"(?<=\w)['’]s\s+" + ("" if held else r"|(?<=\ws)['’]\s+"),
                                                 joined)  # "Lumwick Robotics' Series A": two
        for piece in pieces:
            phrase = re.sub(r"['’]s$", "", piece)
            if not phrase or phrase.lower() in _OPENERS or phrase.lower() in _MONTH_WORDS:
                continue
            if _YEAR.fullmatch(phrase) or phrase[0].isdigit() or re.fullmatch(r"I(?:['’](?:ve|m|d|ll))?", phrase):
                continue  # ("I've lived here forty years": no one's name)
            if re.fullmatch(r"[A-Z]-[a-z]+", phrase):  # "after the U-turn", "an X-ray": a word, no one's name
                continue
            if phrase not in names:
                names.append(phrase)
    return tuple(names)


# An investment asked as a sum ("what was the original estimated investment in the deal?"), not an investment firm,
# platform or scheme, nor a return on one
_INVESTMENT_ASKED = re.compile(r"what(?: is| was| are| were|'s|’s) the (?!return on )(?:[a-z]+ ){0,3}investment"
                               r"(?: (?:in|of|by|from|announced|planned|promised)\b|\s*\??$)")


# A change the question dates its sum by, not the change asked ("how much will a tanker pay after the fee rise?")
AFTER_CHANGE = re.compile(r"\b(?:after|since|following|before|under) (?:the|a|an|its|their|this|that) "
                          r"(?:[\w-]+ ){0,2}(?:rise|rises|increase|increases|hike|cut|cuts|change|changes|fall|"
                          r"drop)\b")


# Plurals a search-box query ends a deed on that are no count: sums ("donations collected"), who or where ("winners
# announced", "store locations announced"), what ("opening hours changed")
_NOT_COUNTED_DONE = {"sales", "news", "prices", "fees", "fares", "costs", "rates", "terms", "plans", "donations",
                     "pledges", "takings", "earnings", "proceeds", "winnings", "funds", "grants", "payments", "savings",
                     "damages", "bonuses", "profits", "losses", "winners", "candidates", "governors", "nominees",
                     "finalists", "locations", "venues", "hours", "dates", "times", "names", "details", "results",
                     "sites"}


def _asks_body(word: str) -> bool:
    """Return True when "which / what <word>" asks for an organisation ("which company", "which foundation")."""
    return bool(_ORG_WORDS.fullmatch(word) or _WHICH_BODY.fullmatch(word))


_TOLLED = ("car", "cars", "bridge", "motorway", "lorry", "lorries", "vehicle", "crossing", "tunnel", "truck",
           "van", "hgv", "driver", "drivers")


def question_kind(question: str, lexicon: bool = False) -> str:
    """Return what kind of thing the question asks for (see KINDS); keyword queries are read by their words, and one
    whose words hold no asking word, when asked (lexicon), by the class of its last noun (noun_kind): the answer layer
    asks once the query's names are known, since a name's last word ("brackwater bulls") is no noun asked about."""
    q = " ".join(question.lower().split())
    q = re.sub(r"^(so|and|ok|okay|hey|well|but|also|quick question)[,:]?\s+", "", q)
    q = re.sub(r"^(in the end|ultimately|eventually|finally|officially)[,:]?\s+(?=(how|what|which|who|when|where)\b)",
               "", q)  # "so in the end how much will the closures save?"
    q = re.sub(r"^(what|who|where|when|how|which)['’]s\b", r"\1 is", q)  # "what's the population of X"
    q = re.sub(r"^(by|in|at|for|to|from|on|of|until|since|near|during|after|before|with|under|over|against|into|"
               rf"between|behind|outside|inside|{'|'.join(_HEDGES)})\s+"
               r"(?=(how|what|which|who|when|where)\b)", "", q)  # ("about how many passengers ...?": a count)
    # "do we know how much rain fell?", "can you tell me who won?": the embedded question is what is asked
    q = re.sub(r"^(do|does|did) (we|you|anyone|they|the articles|the reports) (know|say|mention|report) "
               r"(?=(how|what|which|who|whom|whose|when|where)\b)|^(is it known|(can|could) you tell me|any idea|"
               r"tell me|i wonder) (?=(how|what|which|who|whom|whose|when|where)\b)", "", q)
    q = re.sub(r"\bjobs? (?:losses|loss|cuts)\b", "jobs lost", q)  # a count of jobs, not a sum lost
    opening = " ".join(q.split()[:6])  # what is asked is said early; later words describe (MultiHop-style)
    if expected := re.match(r"what (?:did|do|does|had|has|have) [^?]{1,30}?\b(?:think|thought|expect|expected|estimate|"
                            r"estimated|forecast|predict|predicted|reckon)\s+(?:that\s+)?"
                            r"((?:the|a|an|its|their|his|her)\s+[^?]{1,60}?)\s+(?:would|will|could|might|was going to)"
                            r"\s+(be|cost|reach|total)\b(?!\s+(?:called|named|known|like|about))", q):
        thing, verb = expected.groups()  # "what did they first think the average claim would be?": a claim's figure
        return question_kind(f"what was {thing}?" if verb == "be" else f"what did {thing} {verb}?")
    if kind := _sum_or_figure_asked(q):
        return kind
    if re.match(r"how much (?:did|does|do|will|would|can|could)\b[^?]{1,50}\bweigh(?:s|ed)?\s*(?:at|in|when|now|\?|$)",
                q):
        return "number"  # "how much did the calf weigh at birth?": a weight
    if (rate := re.search(r"\b(?:hourly|daily|weekly|nightly) (?:(\w+) )?(?:rates?|caps?|charges?|fees?|wages?|pay)\b",
                          q)) and not re.search(rf"\b(?:caps?|limits?) (?:on|of) (?:the )?(?:number of )?"
                                rf"(?:{COUNTED_NOUNS}|flights|trains|buses)\b", q) \
            and not (rate.group(1) and (re.fullmatch(rf"{COUNTED_NOUNS}|flights|vehicles", rate.group(1))
                                        or re.fullmatch(COUNTED_NOUNS, f"{rate.group(1)}s"))) and not re.search(
            r"\bhow many\b", q) and not (rate.group(1) and _NOT_PRICED.fullmatch(rate.group(1))):
        return "money"  # "glenarden residential care weekly rate": a price per week, not a percentage (a "weekly
        # infection rate" is one); "agency nurse hourly cap"
    if re.search(r"\bper[- ](?:minute|hour|mile|night|session|ride|trip|journey) (?:rate|price|charge|fare|fee|"
                 r"cost)s?\b", q) and not re.search(r"\bhow many\b", q):
        return "money"  # "fairhaven e-scooter per minute rate": a price by the minute
    if re.match(r"what(?: is| are| was| were)? [^?]{1,80}\b(?:costing|(?:going|set|expected|due|likely) to cost|"
                r"charging(?: (?:customers|users|passengers|residents|drivers|members|households|tenants|shoppers|"
                r"patients|subscribers))?(?= (?:per|a|an|each|now|after|from)\b| for \w|\s*\??$))", q) \
            and not _QUOTE_WORDS.search(q):
        return "money"  # "what's the seismic network upgrade costing?", "what's the van service going to cost a year?"
    if re.match(r"what (?:did|does|do|will|would|has|have) [^?]{1,50}\b(?:get|gets|getting|got|receive|received)"
                r"\s+from\s+(?:the\s+)?(?:[a-z]+\s+){0,2}(?:lottery|fund|government|council|trust|foundation|charity|"
                r"investors?|insurers?|sponsors?|donors?|appeal|grant)\b", q):
        return "money"  # "what did inchmurran get from the lottery for its satellite scheme?": a grant
    if re.match(r"what(?:'s|’s| is| are| will| did| does| would)? [^?]{1,60}\bget(?:s|ting)? for (?:selling|"
                r"the sale of|its|their|the)\b", q):
        return "money"  # "what's castlebridge getting for selling ferry lane?": a price
    if re.match(r"what (?:did|does|do|will|would|is|are|was|were) [^?]{1,60}\b(?:get|gets|getting|got|earn|earns|"
                r"earning|charge|charges|charging|paid|pay|paying)\b(?: [a-z]+){0,2} (?:per|an|a|each) (?:hour|week|"
                r"month|year|night|day|shift)(?: now| then| in the end| after [^?]+| from [^?]+)?\s*\??$", q) \
            and not _QUOTE_WORDS.search(q):
        return "money"  # "what did the couriers end up getting per hour?": a rate of pay
    if re.match(r"what(?:['’]s| is| was| will be| are| were) (?:the )?[^?]{0,50}\bquotas?\b"
                r"(?: for\b| in\b| of\b|\s*\??$)", q):
        return "number"  # "what is the skelder bank cod quota for 2025?": tonnes (not the bank)
    if re.match(r"(by )?how much\b", q) and CHANGE_WORDS.search(AFTER_CHANGE.sub(" ", q)):
        return "number"  # "how much did the price fall?": a change, by a percentage as often as by a sum
    if re.match(r"(?:what|how long)\b", q) and re.search(r"\b(?:prison|jail|custodial) (?:term|sentence)\b", q):
        return "number"  # "what is Lionel Sparrowhawk's prison term?": a length of time
    if re.match(r"by how much\b", question.lower().strip()) and not MONEY_WORDS.search(q):
        return "number"  # "by how much did she win the Tour?": a margin
    if q.startswith("how much ") and not re.match(r"how much (did|does|do|is|was|were|are|will|would|has|have|had|"
                                                  r"can|could|money|cash|more|less|(a|an|per|each) (year|month|week|"
                                                  r"day|share|head|person|unit))\b", q) \
            and not MONEY_WORDS.match(q.split()[2] if len(q.split()) > 2 else "") \
            and not re.match(r"\W*how much [A-Z]", question) \
            and not re.search(r"\b(?:cost|costs|costing|pay|paid|spend|spent|charge|charged|worth|fee|price)\b", q):
        return "number"  # "how much rain fell": an amount, not a sum of money ("how much the defences will cost" is)
    asked = re.match(r"(which|what) ([\w-]+)(['’]s)?\s*([\w-]*)", q)
    after = asked.group(4) if asked else ""  # "what company valuation ...?" asks for a sum; "which company spent"
    if asked and _asks_body(asked.group(2)) and not (
            MONEY_WORDS.match(after) and not after.endswith(("ed", "ing")) and not asked.group(3)  # ("which
            # organisation's grant paid for ...?": the organisation)
            and after not in ("spent", "paid", "pays", "spends", "spend", "pay", "owes", "sold")):
        return "organisation"  # "which company spent $26.3 billion ...?": the company, not the sum
    if re.match(r"(?:which|what|in which|in what) (?:city|town|village|country|county|region|place|venue|stadium|"
                r"port|state)\b", q):
        return "place"  # "which town is marlpit prize winner rosalind tembury from?": a place, not the prize
    if (role := re.match(r"which ([a-z-]+)\b", q)) and (PERSON_WORDS.fullmatch(role.group(1)) or (
            re.fullmatch(r"[a-z-]+(?:er|or|eer|ist|ian|ant|ent)", role.group(1))  # (an agent noun: "ward" is a place
            and noun_kind(role.group(1)) == "person")):  # too)
        return "person"  # "which commissioner announced the Flitterbox fine ...?", "which auctioneer commented on the
        # lamb sale?": a person, by what the noun is, not the fine
    if q.startswith(("how much", "what was the fee", "what fee", "what price")) or (
            q.startswith(("what", "which")) and re.search(r"\b(?:damage estimate|estimate of (?:the )?damage)\b",
                                                          q)) or (
            q.startswith(("what", "which")) and (MONEY_WORDS.search(opening) or re.search(r"\bfares?\b", opening)
                                                  or _INVESTMENT_ASKED.match(q))
            and "how many" not in q
            and not re.search(r"\b(?:tax|interest|exchange|mortgage|tariff|vat|savings|commission|growth|"
                              r"unemployment|vacancy|occupancy|inflation|default) rates?\b|\binflation\b",
                              opening)):  # a share
        # ("what was grocery price inflation in April?": a percentage)
        return "money"
    if q.startswith("how many") or q.startswith(("what percentage", "what %", "what per cent", "what percent",
                                                 "what share", "what proportion")) \
            or q.startswith(_MEASURE_OPENERS):
        return "number"
    # "what did the extension cost?", "what will the scheme earn?": the verb at the end asks for a sum
    if (re.match(r"what (did|does|do|will|would|has|have|had) [^?]{1,60}\b(cost|costing|earn|pay|raise|fetch|charge|"
                 r"spend|sell for|go for|make)\??$", q)
            or re.match(r"what(?: is| was| are| were|'s|’s) [^?]{1,60}\b(paid|worth|charged|owed)\??$", q)
            or re.match(r"what (did|does|do|will|would|has|have|had) [^?]{1,60}\b(cost|costing|earn|pay|raise|fetch)"
                        r"(?: in the end| eventually| overall| in total| altogether| all told)\??$", q)
            or re.match(r"what (did|does|do|will|would) [^?]{1,90}\bcost (?:in|to|for|after|before|from|under|per|"
                        r"each|a|now)\b", q)) \
            and not _QUOTE_WORDS.search(q) and not re.search(r"\b(about|on|over)\b", q):
        return "money"
    if (settled := re.match(r"what (?:did|does|do|will|would|has|have|had) [^?]{1,60}?\b(?:settle|decide|fix)(?:d|ed)? "
                            r"(?:on|upon)(?: for)? (?:the |its |their |a |an )?([^?]+)", q)) \
            and MONEY_WORDS.search(settled.group(1)) \
            and not re.search(r"\b(?:pay|wages?|salar\w+)\b", settled.group(1)):
        return "money"  # "what did harrowby finally settle on for the hourly parking charge?": the charge (a pay deal
        # is a percentage as often)
    if re.match(r"what (?:did|does|do|will|would|has|have|had) [^?]{1,60}?\b(?:as|at) (?:the|a|its|their) "
                r"(?:total |final |overall |revised )?(?:number|count) of\b", q):
        return "number"  # "what did Velstrom first estimate as the number of users hit?": a count
    if re.match(r"what (?:did|does|do|will|would|has|have|had) [^?]{1,80}\b(?:cut|cuts|raise|raised|lower|lowered|"
                r"increase|increased|reduce|reduced|lift|lifted|set|hold|keep|rise|fall|drop|climb|slip|jump)\b"
                r"[^?]{0,40}\bto(?: in [^?]{1,30}| on [^?]{1,30}| after [^?]{1,40})?\??$", q):
        return "number"  # "what did the bank cut its rate to in february?": the new level
    if re.match(r"what (?:did|does|will|would) [^?]{1,60}(?<!\bthe )\bcost (?:the |them\b|him\b|her\b|it\b|us\b|"
                r"[a-z]+ [a-z]+(?:,|\?|$)|[a-z]+ (?:per|an|a|each) [a-z]+\??$)", q) \
            and not _QUOTE_WORDS.search(q.split(" cost ")[0]):
        return "money"  # "what did the july strike cost halcyra airways, according to the airline?"
    if re.search(r"\b(?:finishing|final|league|table|chart|podium|grid|qualifying|race|overall) (?:position|place|"
                 r"placing|ranking)\b", q):
        return "number"  # "what was the team's final league position?": a place in the table ("14th")
    if q.startswith(("when", "what year", "which year", "what date", "which date", "what day", "which day",
                     "what month", "which month", "since when", "on what day", "on which day", "in what year",
                     "in which year", "on what date")) or re.match(
            r"(?:what|which) (?:is|was|were|will be) (?:the|its|their) (?:[a-z]+est|most [a-z]+|peak|best|worst) "
            r"(?:month|year|day|week)(?:\s+(?:for|of|in|at|on|since)\b|\s*\??$)", q):  # "what was the busiest
        # month for callouts?": a month
        return "date"
    if re.match(r"(?:what|how) (?:is|are|was|were|will|would|has|have|had)\b[^?]{1,80}\b(?:called|named|known as|"
                r"renamed)\??$", q):
        return "organisation"  # "what will the merged school be called?": a name, said where the thing is named
    if q.startswith(_YES_NO_OPENERS):
        return "temporal" if _ORDER_WORDS.search(q) and ("published" in q or "report" in q or q.startswith("between")) \
            else "yesno"
    if re.match(r"who(?:'s| has| have| is| was)? (?:got|won|gets|wins|been awarded|was awarded|is awarded|"
                r"landed|secured) (?:the |a )?(?:\w+ )?(?:contract|tender|franchise|licen[cs]e)\b", q):
        return "organisation"  # "who got the contract to build the tram extension?": a firm
    if re.match(r"who(?:'s| has| have| was)? (?:co-)?l(?:ed|ead|eads|eading) [^?]{0,50}\b(?:round|series [a-h]|funding|"
                r"investment|raise|fundraising|financing)\b", q):
        return "organisation"  # "who led tavrin robotics' series c?": an investor, a firm
    if q.startswith(("who", "whom", "whose")):
        return "person"
    if re.match(r"where (?:did|does|do|was|is|were|has|had) [^?]{1,40}\b(?:work|working|worked|employed)\b(?! in\b)",
                q):
        return "organisation"  # "where was aisha okonkwo working before tavira?": an employer, not a town
    if q.startswith("where") or re.match(r"(which|what|in which|in what) (city|town|country|region|place|venue|"
                                         r"stadium|port|state)", q):
        return "place"
    if (asked := re.match(r"(which|what) ([\w-]+)", q)) and _asks_body(asked.group(2)):
        return "organisation"  # "which school won?", "what firm makes the turbines?"
    if (firms := re.match(r"(?:which|what) (\w+)s\b", q)) and (firms.group(1) in _AGENT_FIRMS or firms.group(1) in (
            "architect", "solicitor", "accountant")):
        return "organisation"  # "which architects will design the unit?": a firm
    if (re.match(r"(which|what) \w+s\b", q) or re.match(r"(which|what) (\w+ ){1,2}\w+s (did|do|does|are|were|have|has|"
                                                      r"will|would|can|could)\b", q)) \
            and not re.match(r"(which|what) (is|was|has|does)\b", q):
        return "list"
    if q.startswith(("what did", "what does", "how did", "how does")) and _QUOTE_WORDS.search(q):
        return "quote"
    if q.startswith(("which", "what", "how", "why", "tell", "describe", "explain", "name", "list")):
        # the noun right after the question word says what is asked ("what is the hometown of President X")
        head = re.sub(r"^(which|what|how|why|tell me|describe|explain|name|list)\s+((is|was|are|were)\s+)?(the\s+)?",
                      "", q)
        named = re.match(r"(full\s+)?names?\s+of\b", head) is not None  # a name is asked: no count nor sum
        head = re.sub(r"^(full\s+)?names?\s+of\s+(the\s+|a\s+|an\s+|this\s+)?", "", head)  # "the name of the new head"
        if q.startswith("name of "):  # "name of friend petrie was racing"
            head = re.sub(r"^of\s+(the\s+|a\s+|an\s+|this\s+)?", "", head)
        # "what will the average water bill be from April?": the thing before "be" is asked about
        head = re.sub(r"^(?:will|would|could|might|should|is going to)\s+(?:the\s+|a\s+|an\s+)?(.{1,60}?)\s+be\b.*",
                      lambda m: " ".join(m.group(1).split()[-4:]), head)  # (its last words: the noun)
        # the noun phrase up to a preposition or verb, read from its end ("the second-dose MMR uptake in ...")
        phrase = []
        for word in head.split()[:5]:
            if word in _PHRASE_ENDS or (phrase and word in _PHRASE_VERBS):  # "which mattel spokesperson said the
                break  # company ...": the spokesperson is asked for, not the company
            phrase.append(word)
        for word in reversed(phrase):
            if (kind := _kind_from_words(word, default="")) and not (named and kind in ("number", "money", "date")):
                if phrase[0] in ("average", "median", "mean", "typical") and kind in ("organisation", "place",
                                                                                   "person"):
                    return "number"  # "what is the average business insurance claim?": a figure, not a business
                return kind  # ("the name of the cyclist injured by ...": a person, not how many were injured)
        if (named or re.match(r"(?:full\s+)?names?\b", q)) and (kind := next(
                (k for word in phrase if (k := noun_kind(word)) in ("person", "place")), None)):
            return kind  # "name of friend petrie was racing": a person, by what a friend is
        return _kind_from_words(" ".join(head.split()[:2]), default="open")
    if len(q.split()) <= 8 or (len(q.split()) <= 12 and not q.endswith("?")  # (or a longer one: "st aldric's
                               and not re.search(r"\b(?:is|are|was|were|did|does|do|has|have|had)\b", q)):  # patients
        # waiting over 12 hours may 2025") a keyword query: "onana fee", "sumy death toll"; its last asking word says
        # what is asked ("women's winner time" asks for a time, "charity fraud sentence" for a sentence's length, "final
        # league position" for a place in a table)
        words = re.split(r"\s+as\s+", q)[0].split()  # "first concert venue as principal conductor": a venue
        if (which := re.search(r"\b(?:which|what) ([a-z]+)", q)) and (kind := _kind_from_words(which.group(1), "")):
            return kind  # "lathbury water fined by which regulator": the regulator is asked for, not the fine
        if re.search(r"\b(?:start|end|release|launch|opening|closing|completion|due|expiry|kick-off) date\b", q):
            return "date"  # "lisandra offerhaus start date marenthia governor": when, not who
        if re.search(r"\b(?:first|opening|debut|launch)[- ]week(?:['’]s)? (?:\w+ )?sales\b|\b(?:chart|unit) sales\b",
                     q):
            return "number"  # "lanterns of oss first week sales": copies sold
        if (re.search(r"\btotal\b", q) and re.search(r"\b(?:appeal|gala|charity|fundrais\w*|donations?|pledged|"
                                                   r"raised|sponsor\w*|expenses|auction|telethon|collection|run|"
                                                   r"walk|swim|ride|bake sale|ball|grants?|funding|investment|"
                                                   r"spending|costs?|compensation|damages)\b", q)) or re.search(
                r"\b(?:fund|grant|loan|bonus|prize|deal|settlement|budget|purse|pot)\b (?:\w+ )?size\b", q) or \
                re.search(r"\bseries [a-h](?: round| raise| funding)?(?: (?:19|20)\d\d)?$", q):
            return "money"  # "fenmarrow fun run 2024 total", "spring grant round total", "climate fund size",
            # "quillory series b 2024": a sum
        if (of_year := re.search(r"\b([a-z]+) of the year\b", q)) and (
                PERSON_WORDS.fullmatch(of_year.group(1)) or noun_kind(of_year.group(1)) == "person"):
            return "person"  # "marchland farming awards dairy farmer of the year": who won it, not when
        if re.search(r"\b(?:project|team|technical|creative|design|programme|program|research|clinical) lead$", q):
            return "person"  # "brenhaven fusion lab project lead"
        if "record" in words[-2:] and re.fullmatch(r"record|(?:19|20)\d\d", words[-1]):
            return "number"  # "tessford half marathon course record 2024": the record time or figure
        if re.search(r"\bbest in show$", q) and not re.search(r"\b(?:dogs?|cats?|crufts|garden|flower show)\b", q):
            return "person"  # "ashwell show 2024 best in show": whose entry won
        if re.search(r"\bbest (?:new |young |debut |breakthrough |supporting |leading )?(?:act|artist|band|newcomer|"
                     r"actor|actress|player|singer|writer|director|performer|group|film|picture|album|novel|book|"
                     r"song|play|documentary|series|show|drama|comedy|junior|rookie|amateur)\b", q):
            return "person"  # "silverlark best new act 2023": the award's winner
        if "box office" in q or words[-1] == "takings" or re.search(r"\bprovisions?\b", q):  # ("harbourline flood
            # provision october": a sum set aside)
            return "money"  # "salt orchard opening weekend box office": what it took
        if words[-1] in _AGENT_FIRMS or words[-1] in ("actuaries", "auditors", "underwriters") or re.search(
                r"\bparent (?:club|company|firm|group)$", q):  # ("aldane loan parent club": the club)
            # "teskel funding round lead investor": the investor, not the round's sum
            return "organisation"
        if words[-1] in ("name", "names") and len(words) >= 2 and (
                kind := "organisation" if _asks_body(words[-2]) or _ORG_WORDS.fullmatch(words[-2]) or words[-2] in (
                    "board", "body", "committee", "commission", "foundation", "society", "association", "operator",
                    "lender", "supplier", "contractor", "developer")
                else "person" if PERSON_WORDS.fullmatch(words[-2]) or noun_kind(words[-2]) == "person"
                else "place" if _PLACE_WORDS.fullmatch(words[-2]) else ""):
            return kind  # "vellacombe tourism board name": the board's name ("Visit Vellacombe")
        if re.search(r"\b(?:private equity|equity firm|hedge fund)\b", q) and re.search(r"\bowners?\b", q):
            return "organisation"  # "peri peppers owner private equity": the firm that owns it
        if "quota" in words or "quotas" in words:
            return "number"  # "skelder bank cod quota 2025": tonnes
        if words[-1] in ("target", "targets") and len(words) >= 2:  # "revised new shop target": a count; "hospice
            if re.search(r"\b(?:transfer|signing)\b", q):  # appeal revised target": a sum; "summer transfer target":
                return "person"  # a player
            return "money" if re.search(r"\b(?:appeal|fundrais\w*|donations?|charity|sponsor\w*|crowdfund\w*|"
                                        r"campaign|fund)\b", q) or MONEY_WORDS.search(" ".join(words[:-1])) \
                else "number"
        unit_at = len(words) - (2 if len(words) > 1 and re.fullmatch(r"(?:19|20)\d\d", words[-1]) else 1)
        if (words[unit_at] in _MEASURE_UNITS or words[unit_at] in ("tonnage", "mileage", "acreage")) and not (
                unit_at and re.fullmatch(r"(?!(?:19|20)\d\d$)[\d.,]+", words[unit_at - 1])) and not re.search(
                r"\b(?:price|prices|cost|costs|value|fee|fees|fare|toll|rent|charge|bill)\b", q):
            return "number"  # "grubbins hollow cider sales 2022 litres": litres sold, no sum (not "heating oil price
            # 500 litres")
        if words[-1] in ("staff", "workforce", "headcount") and len(words) >= 2:
            return "number"  # "lumen denim newcastle store staff": how many work there
        if len(words) >= 3 and re.fullmatch(r"[a-z]{3,}ed|cut|lost|built|sold|shut|kept|hit", words[-1]) \
                and re.fullmatch(r"[a-z]+[^s\W']s|people|staff|children", words[-2]) \
                and words[-2] not in _NOT_COUNTED_DONE and not MONEY_WORDS.search(words[-2]):
            return "number"  # "portlow town under-18 players released": how many (not the town)
        if words[-1] in ("hometown", "birthplace", "headquarters", "hq", "venue", "location", "whereabouts"):
            return "place"  # "aldermoor prize winner hometown": where, not who (these words name no place themselves)
        if re.search(r"\bnext (?:meeting|meets|election|hearing|vote|sitting|session|review|launch|race|round|"
                     r"decision)\b", q):
            return "date"  # "ebriscan reserve bank next meeting": when
        if {"rain", "snow"} & set(words) and {"forecast", "total", "fell", "amount"} & set(words):
            return "number"  # "dunmarrow valley rain forecast": how much
        if words[-1] in ("change", "changes", "growth", "increase", "decrease", "rise", "fall", "drop", "decline",
                         "cut", "cuts", "reduction", "hike") \
                and not (len(words) > 1 and words[-2] in ("before", "after", "since", "until")):  # ("price before
            # rise": a price)
            return "number"  # "house price index march monthly change": by how much, a percentage as often as a sum
        asking = [(kind, word) for i, word in reversed(list(enumerate(words)))
                  if (kind := "number" if word in ("position", "ranking")
                      or (word == "sales" and i and words[i - 1] in _UNITS_SOLD)  # "season pass sales": passes sold
                      or (word in ("return", "returns") and i and (
                      re.search(r"\b(?:fund|pension|investment|portfolio|shares|stocks?|endowment|savings)\b", q)))
                      else "money" if word in ("amount", "sum", "cash")
                      or (word in ("toll", "tolls") and i and words[i - 1] in _TOLLED)  # "bridge car toll": a charge
                      or (word == "sales" and not (i and words[i - 1] in _UNITS_SOLD)  # a firm's sales: a sum
                          and not (i + 1 < len(words) and words[i + 1] in ("growth", "rise", "fall", "drop", "change")))
                      else _kind_from_words(word, default=""))
                  and not (kind == "date" and word == "day")
                  # "copper output last year": when, not what is asked; nor "half-year passengers"
                  and not (word in ("year", "month", "week") and i and (words[i - 1] in _NOT_WHEN
                                                                          or _kind_from_words(words[i - 1], "")))
                  # "first year passengers", "sales year to december 2024": a period, not when
                  and not (word in ("year", "month", "week") and i + 1 < len(words)
                           and words[i + 1] in ("to", "ending", "ended", "end"))
                  # ("total dividend year": the dividend for the year)
                  and not (kind == "date" and "-" in word)
                  # "year 7 applications": a school year, not when
                  and not (word == "year" and i + 1 < len(words) and words[i + 1].isdigit())
                  # a possessive qualifies the noun after it ("2024 attendance men's", "club's manager"): not asked
                  and not re.search(r"(?:['’]s|s['’])$", word)
                  and not (word == "share" and i and words[i - 1] in ("per", "a", "each"))]  # "offer per share": a sum
        if not asking and ((per := re.search(r"\b([a-z]+s) (?:per|a|each) (?:hour|day|week|month|year|season|match|"
                                              r"game)(?: (?:19|20)\d\d)?$", q)) and per.group(1) not in _PRICED_PLURALS
                           or words[-1] in _MEASURE_UNITS or words[-1] in _DURATIONS
                           or (len(words) > 1 and words[-1] in _COUNTED_DONE and words[-2].endswith("s")
                               and not MONEY_WORDS.search(words[-2]) and not re.fullmatch(_MONEY_NOUNS, words[-2]))):
            return "number"  # "tannock second line bottles per week", "mackerel quota january 2025 tonnes",
            # "brisa airbag recall crashes linked": a count or a measure
        # a place or organisation word is often part of a name ("arizona stadium", "quint foods group"), and a
        # counted thing may be whom a sum went to ("refund households"): another asking word goes first
        kinds = [kind for kind, _ in asking]
        if asking and asking[0][0] in ("place", "organisation") and words[-1] == asking[0][1] and len(asking) > 1 \
                and all(re.fullmatch(COUNTED_NOUNS, word) for _, word in asking[1:]):
            return asking[0][0]  # "dunmere measles cases linked schools town": the town; the counted words describe
        return next((k for k, word in asking if k not in ("place", "organisation")
                     and not re.fullmatch(COUNTED_NOUNS, word)),
                    next((k for k in kinds if k not in ("place", "organisation")),
                         kinds[0] if kinds else noun_kind(_last_noun(words)) if lexicon else "open"))
    # "apart from the houses, what else was in the plan?", "according to the report on ... (however long), how many
    # people died?": a wh-question after a leading phrase; a relative clause ("the report, which said ..., did X
    # ...?") is none
    for wh in re.finditer(r",\s*(what|which|who|where|when|how)\b", q):
        if not re.search(r",\s*(did|does|do|is|was|were|has|have|had|can|could|will|would)\b", q[wh.end():]):
            return question_kind(q[wh.start(1):])
    # a long statement-like question ("After the report ..., did X ...?"): a verdict if it asks one, else open
    return "yesno" if re.search(r"\b(did|does|do|is|was|were|has|have|had)\b", q) and q.endswith("?") else "open"


_MEASURE_UNITS = {"tonnes", "tons", "litres", "liters", "megalitres", "gallons", "barrels", "miles", "km", "kilometres",
                  "kilometers", "acres", "hectares", "mph", "feet", "metres", "meters", "kg", "kilograms", "megawatts",
                  "mw", "gwh", "mwh", "kwh"}
# a search-box query ending in a span of time asks how long ("salt and ember garland run weeks")
_DURATIONS = {"weeks", "months", "days", "nights", "seasons"}  # (not "opening hours", "meeting minutes")
# a participle after a plural noun ending a search-box query counts it: "crashes linked", "homes affected"
_COUNTED_DONE = {"linked", "reported", "recorded", "confirmed", "injured", "killed", "affected", "evacuated", "rescued",
                 "arrested", "charged", "hurt", "damaged", "destroyed", "flooded", "sold", "lost", "cut", "created",
                 "saved", "treated", "vaccinated", "delayed", "cancelled", "visited", "served", "connected", "covered",
                 "closed", "opened", "built", "hired", "employed", "registered", "issued", "collected", "planted"}
_PRICED_PLURALS = {"fares", "premiums", "bills", "rents", "fees", "prices", "charges", "wages", "costs", "tolls",
                   "subscriptions", "salaries"}
_NOT_PRICED = re.compile(r"infection|case|death|positivity|attendance|absence|growth|admission|vacancy|occupancy|"
                         r"response|rainfall|unemployment|inflation|interest|exchange|turnover|completion|success|"
                         r"error|failure|crime|birth|mortality|survival")
_UNITS_SOLD = {"ev", "car", "vehicle", "unit", "album", "ticket", "game", "copy", "like-for-like", "volume", "home",
               "house", "retail", "pass", "passes", "tickets", "copies", "units"}  # ("season pass sales": passes)
_NOT_WHEN = {"last", "this", "next", "latest", "previous", "past", "current", "a", "an", "per", "each", "every",
             "first", "second", "third", "opening", "full",
             "financial", "fiscal", "calendar", "whole", "half", "academic", "debut", "maiden", "inaugural"}

_MONEY_NOUNS = (r"(?:fine|penalty|grant|bill|payout|pay-out|loan|bonus|prize|donation|settlement|budget|fee|salary|"
                r"wage|"
                r"rent|fund|award|deficit|debt|bid|offer|price|cost|levy|subsidy|compensation|pension|sum|cheque|bail|"
                r"ransom|purse|jackpot|overspend|windfall|damages)(?:s|es)?")


def _sum_or_figure_asked(q: str) -> str:
    """Return "money" or "number" for full questions whose form asks for a sum or a figure though no asking word
    says so ("how big was the fine ...?", "what was the fly-tipper fined?", "how hot did it get ...?"); "" else."""
    if re.match(rf"how (?:big|large|high|steep|hefty) (?:is|was|were|are|will|would|has|had)\b(?: be| been)?"
                rf"(?: the| its| their| his| her| a| an)?(?: [\w'’-]+){{0,3}}? {_MONEY_NOUNS}\b", q) \
            or re.match(r"how (?:cheap|expensive|costly|pricey)\b", q):
        return "money"  # ("how big was the rise" stays a figure)
    if _QUOTE_WORDS.search(q) or not q.startswith("what"):
        return ""
    if re.match(r"what(?:['’]s| is| was| were| are| has| have| had)(?: been)? [^?]{1,80}\b(?:fined|ordered to pay|"
                r"awarded|charged)(?: in (?:total|all))?\??$", q) \
            or re.match(r"what (?:did|does|do|will|would) [^?]{1,60}\b(?:get|got|getting|fetch|fetched|pay|paying|"
                        r"paid|sell|sold|selling)(?: it)? for (?:the|its|their|his|her|a|an)\b", q) \
            or re.match(r"what (?:did|does|do|will|would) [^?]{1,60}\b(?:make|making|made|earn|earning|earned|take|"
                        r"taking|took|bring in|bringing in|brought in)\b[^?]{0,30}\b(?:before tax|after tax|pre-tax|"
                        r"in profit|in revenue|worldwide|at the box office|in sales)\b", q) \
            or re.match(r"what(?:['’]s| is| are| was| were) [^?]{1,60}\bgoing for\b(?: in [a-z]+)?\??$", q) \
            or re.match(r"what (?:did|does|do|will|would) [^?]{1,90}\b(?:expects?|expected|estimates?|estimated|"
                        r"forecasts?|predicts?|predicted)\b[^?]{1,60}\bto cost\??$", q) \
            or (re.match(r"what (?:amount|sum)\b", q) and re.search(rf"\b{_MONEY_NOUNS}\b", q)) \
            or re.match(r"what (?:[\w-]+ ){0,2}(?:payments?|penalt(?:y|ies)|settlements?|damages|donations?|ransom|"
                        r"purse|jackpot|pay-?outs?)\b(?! (?:kick|shoot|spot|area|try|goal|miss))", q):
        return "money"  # "what did kestrel get for the campus?", "what penalty did severnby water receive?"
    if re.match(r"what (?:[\w-]+ )?(?:cut|rise|increase|reduction|drop|fall|decrease)s? (?:to|in|of|on)\b", q) \
            or re.match(r"what (?:did|does|do|will|would) [^?]{1,60}\b(?:up|down) by\b", q) \
            or re.match(r"what (?:did|does|do|will|would) [^?]{1,60}\b(?:weigh|measure|clock|average|poll)"
                        r"(?= (?:in|at|on|over|during|across|for)\b|\??$)", q):
        return "number"  # "what cut to the cod quota had scientists recommended?": a figure
    if total := re.match(r"what (?:did|does|do|will|would|has|have) ([^?]{1,60}?)\b(?:come to|came to|amount to|"
                         r"amounted to|total|totalled|totaled)\b", q):
        return "money" if MONEY_WORDS.search(total.group(1)) or (re.search(
            r"\b(?:sale|sales|auction|auctions|appeal|takings|spending|donations|fundraiser)\b", total.group(1))
            and not re.search(rf"\b(?:{'|'.join(_UNITS_SOLD)}|new)s? sales\b", total.group(1))) \
            else "number"  # "what did the crowd total come to?"; "what did the evening sale total?": a sum ("new
        # car sales": cars sold)
    return ""


# What a firm is to a deal or a job, named last in a keyword query ("... lead investor", "... dredging contractor")
_AGENT_FIRMS = {"investor", "buyer", "bidder", "sponsor", "backer", "lender", "insurer", "contractor", "supplier",
                "actuary", "auditor", "reinsurer", "underwriter",
                "operator", "builder", "distributor", "manufacturer", "maker", "provider"}


def _last_noun(words: list[str]) -> str:
    """Return a keyword query's last word that is no figure ("stoneweir two bed rent 2023": rent)."""
    return next((w for w in reversed(words) if not re.fullmatch(r"[\d.,%]+", w)), words[-1])


_PHRASE_ENDS = {"in", "of", "for", "at", "on", "to", "by", "from", "with", "when", "that", "which", "did", "does",
                "do", "was", "were", "is", "are", "has", "have", "had", "will", "would", "after", "before", "during",
                "between", "as", "about"}


_PHRASE_VERBS = {"said", "says", "told", "tells", "announced", "confirmed", "won", "wins", "scored", "scores",
                 "led", "leads", "made", "makes", "built", "builds", "bought", "buys", "sold", "sells", "ran", "runs",
                 "took", "takes", "got", "gets", "became", "becomes", "left", "leaves", "joined", "joins",
                 "signed", "signs", "resigned", "quit", "quits", "died", "claimed", "claims", "called", "calls"}


NOUN_KINDS_PATH = Path(__file__).parent / "models" / "noun_kinds.json"


@lru_cache(maxsize=1)
def _noun_kinds() -> dict[str, str]:
    return json.loads(NOUN_KINDS_PATH.read_text())["kinds"]


def noun_kind(word: str) -> str:
    """Return what a keyword query ending in this noun asks for, by WordNet's class of its usual senses (built by
    python -m rag.bench.build_noun_kinds): "rescuer" a person, "takings" money, "setting" a place, "night" a date;
    "open" for other nouns, a qualifier ("interim": the office asked about is a name then) and a month or weekday."""
    word, kinds = word.lower(), _noun_kinds()
    if _QUALIFIERS.fullmatch(word) or word in _MONTH_WORDS:  # "... performance may": the month asked about
        return "open"
    if word in kinds:
        return kinds[word]
    if word in ("ticket", "fare", "fares"):  # "vale connect adult day ticket": what it costs
        return "money"
    singular = next((kinds[w] for w in (word[:-3] + "y", word[:-2], word[:-1]) if word.endswith("s") and w in kinds),
                    "open")  # "administrators", "takings" ("s" only), "dates"
    return "open" if singular == "place" else singular  # "venues": how many, or which ones


def _kind_from_words(q: str, default: str) -> str:
    if MONEY_WORDS.search(q):
        return "money"
    if _COUNT_WORDS.search(q):
        return "number"
    if re.search(r"\b(when|date|year|day|deadline)\b", q):
        return "date"
    if PERSON_WORDS.search(q):
        return "person"
    if _PLACE_WORDS.search(q):
        return "place"
    if _ORG_WORDS.search(q):
        return "organisation"
    return default


# What people say before the question itself: "hey, quick question - ...", "do you remember how many ...",
# "can you tell me when ...". Only a wh-question is unwrapped: "do you know if X happened?" stays a yes-no question.
_GREETING = re.compile(r"^(?:so(?! (?:far|much|many|long)\b)|and|ok|okay|hey|hi|hello|well|but|also|btw|by the way|um+|"
                       r"hmm+|right(?! (?:now|after|before)\b)|alright|sorry|"
                       r"please|quick (?:question|q|one)|one (?:more )?question|question)(?:\s*[,:;!.\-–—]+\s*|\s+)",
                       re.I)
_WRAPPER = re.compile(r"^(?:(?:do|does|did) (?:we|you|anyone|they|the articles|the reports) (?:know|say|mention|report|"
                      r"remember|recall)|is it known|(?:can|could|would) you (?:tell|remind) me|any idea|(?:do you )?"
                      r"have any idea|tell me|remind me|i wonder|i was wondering|i(?:'d| would) like to know|"
                      r"i want to know)\s+(?=(?:how|what|which|who|whom|whose|when|where|why)\b)", re.I)


def strip_lead_in(question: str) -> str:
    """Return the question without what is said before it ("quick q - when did he get it?" -> "when did he get
    it?"), so that the question itself sets what is asked; the question unchanged when nothing is."""
    text = question
    for _ in range(3):
        text = _WRAPPER.sub("", _GREETING.sub("", text, count=1), count=1)
    return text if len(text.split()) >= 2 else question


# How a follow-up rewritten with the conversation's names marks them ("who scored? (following up on: Arsenal)")
CONTEXT_LABEL = "following up on"


def analyse_question(question: str, known_sources: list[str] | tuple[str, ...] = (),
                     date_slack: int = 1) -> QuestionAnalysis:
    """Return the analysis of a question: its kind, hard constraints, focus words and retrieval plan."""
    text = strip_lead_in(" ".join(question.split()))
    plan = plan_query(text, tuple(known_sources), date_slack) if known_sources else None
    outlet_spans = [(s, e) for s, e, _ in find_sources(text, tuple(plan.sources))] if plan and plan.sources else []
    names = with_model_numbers(text, [n for n in find_names(text) if not _inside_outlet(text, n, outlet_spans)])
    years = list(dict.fromkeys(_YEAR.findall(text)))
    in_dates = [(m.start(), m.end()) for m in _DAY_OF_MONTH.finditer(text)] + outlet_spans  # "Channel 8" is no figure
    in_dates += [(m.start(), m.end()) for n in names for m in re.finditer(re.escape(n), text)]  # nor "Lark-1"
    numbers = [m.group(0).strip(" ,.") for m in _NUMBER.finditer(text)
               if not _YEAR.fullmatch(m.group(0).strip(" ,.")) and not any(s <= m.start() < e for s, e in in_dates)]
    qualifiers = list(dict.fromkeys(q.lower().replace("’", "'") for q in _QUALIFIERS.findall(text)))
    taken = {w.lower() for n in names for w in n.split()} | set(qualifiers) | {"many", "much"}
    taken |= {w.lower() for s, e in outlet_spans for w in text[s:e].split()}
    said = text.replace(f"({CONTEXT_LABEL}:", "(")  # a follow-up's carried names: "(following up on: Onana)"
    focus = [w for w in _CONTENT.findall(said.lower()) if w not in QUESTION_WORDS and w not in _OPENERS
             and w not in STOPWORDS and w not in taken and w not in _MONTH_WORDS and len(w) > 2]
    is_keyword = is_keyword_query(text)
    # "Which leader ...? Until what year did she ...?": the last question asks; "...? the 2025 one" only adds to it
    asked = re.split(r"(?<=\?)\s+(?=\S)", text)
    last = next((part for part in reversed(asked) if part.endswith("?")), asked[-1])
    return QuestionAnalysis(question=text, kind=question_kind(last), names=names, years=years,
                            numbers=list(dict.fromkeys(numbers)), qualifiers=qualifiers,
                            focus=list(dict.fromkeys(focus)), is_keyword=is_keyword, plan=plan)


def with_model_numbers(text: str, names: list[str]) -> list[str]:
    """Return the names with a model number the question writes after one kept in it, with the name after the number
    ("iPhone 15 Pro", not "iPhone" and "Pro"; "Windows 11"): the number tells the model asked about from its
    siblings."""
    merged: list[str] = []
    after_model = False  # the name before ended in a model number and the words after it ("iPhone 15" + "Pro")
    for name in names:
        if after_model and re.search(rf"\d\s+{re.escape(name)}\b", text):
            after_model = False
            continue  # taken into the name before
        after_model = False
        model = re.search(rf"(?<![\w-]){re.escape(name)}\s+(\d{{1,3}})(?![\d,.%:-]\w)(?:\s+((?:[A-Z][\w-]*\b\s?)+)"
                          rf"(?!\s*\d)|(?=\s*[?.,!]|\s*$))", text)  # (not "Chelsea 2 weeks ago", "England 32 Fiji 14")
        if model and not (model.group(2) or "").strip().lower() in _OPENERS:
            after = (model.group(2) or "").strip()
            merged.append(f"{name} {model.group(1)}{' ' + after if after else ''}")
            after_model = bool(after)
            continue
        merged.append(name)
    return merged


def _inside_outlet(text: str, name: str, spans: list[tuple[int, int]]) -> bool:
    start = text.find(name)
    return any(s <= start < e for s, e in spans)


def is_keyword_query(text: str) -> bool:
    """Return True for a search-box query ("onana transfer fee"): no question mark, at most eight words, no question
    word first."""
    text = text.strip()
    return not text.endswith("?") and len(text.split()) <= 8 and not text.lower().startswith(
        tuple(w + " " for w in QUESTION_WORDS))


# A keyword query that states something instead of naming what it asks ("marrowby bypass opened ahead of schedule",
# "mallabury found guilty hollyvale hospice", "show cave stays open"): a search for whether it is so. A verb form
# says it: a state word or a past form; a sum or count noun asks for a figure ("cash taken", "amount stolen")
_STATE_WORDS = frozenset(
    "open shut closed guilty innocent cancelled canceled scrapped axed delayed postponed approved rejected refused "
    "banned frozen sacked fired resigned retired retiring jailed charged convicted cleared acquitted reopened resumed "
    "suspended completed finished launched released passed failed agreed signed injured hurt arrested dead alive "
    "working appealing returning stays remains remained stayed won lost beaten sold bought needed opened done agreed "
    "confirmed complete".split())
_NOT_PAST = frozenset("united limited hundred speed seed breed need bed shed red feed kindred seabed watershed "
                      "bloodshed naked wicked sacred".split())
_ASKED_FIGURE = re.compile(r"(?:amount|cash|sum|much|many|figure|total)", re.I)


def states_something(words: str) -> bool:
    """Return True when the words of a keyword query (its names left out) state something to be checked rather than
    name the thing asked for: a state word or past form of a verb, and no sum or count asked for."""
    tokens = re.findall(r"[a-z]+", words.lower())
    if not tokens or tokens[-1] in _PHRASE_ENDS:  # "play-off semi-final lost to": whom, not whether
        return False
    # a verb form states right after the names ("thornbeck admitted boatyard arson"), as the query's last word or
    # before a particle or state ("opened ahead of schedule", "found guilty"); after a noun and before another it
    # describes it ("spoiled ballots", "flights cancelled first strike day")
    # ("institutions ranked": a count; "combined workforce": a noun's modifier)
    return not _ASKED_FIGURE.search(words) and any(
        (t in _STATE_WORDS or (t.endswith("ed") and len(t) > 5 and t not in _NOT_PAST))
        and ((i == 0 and len(tokens) > 2)
             or (i == len(tokens) - 1 and t in _STATE_WORDS and not _counted_before(tokens, i))
             or (i < len(tokens) - 1 and (tokens[i + 1] in _PHRASE_ENDS or tokens[i + 1] in _STATE_WORDS
                                          or tokens[i + 1] in _PARTICLES))) for i, t in enumerate(tokens))


def _counted_before(tokens: list[str], i: int) -> bool:
    """Return True when the word before a closing state word is a plural noun it describes ("ferry sailings
    cancelled", "homes affected"): how many, not whether."""
    return i > 0 and len(tokens[i - 1]) > 3 and tokens[i - 1].endswith("s") and not tokens[i - 1].endswith(("ss", "us"))


_PARTICLES = frozenset("ahead early late again down up off out back over away on time schedule".split())


def typed_words(question: str) -> list[str]:
    """Return the lower-case words of a question, without a possessive ("marrowgate's": "marrowgate")."""
    return [w.removesuffix("'s").removesuffix("’s") for w in re.findall(r"[a-z0-9][\w'’-]*", question)]


def typed_lower(question: str) -> bool:
    """Return True for a question typed all in lower case: its names cannot be told by their capitals."""
    return question == question.lower() and question[:1].isalpha()


# Shortened ordinary words a keyword query uses ("max fine under the dsa"), which a product or a person may be called
# ("HBO Max", "Max Verstappen"): typed in lower case they are the word, not the name, unless the passages write them
# after the query word before them ("m3 max": "M3 Max")
SHORT_WORDS = frozenset({"max", "min", "avg", "approx", "est", "info", "pct", "yrs", "nos", "govt", "dept", "intl",
                          "natl", "mgmt", "qtr", "ytd", "yoy", "mom"})


def may_name(word: str) -> bool:
    """Return True when a lower-case query word may be a name: not a short, stop, question or calendar word."""
    return len(word) >= 3 and word not in STOPWORDS and word not in _OPENERS and word not in _MONTH_WORDS


def name_form(word: str, text: str, ordinary: frozenset[str] = frozenset()) -> str:
    """Return how the text writes a lower-case word when it writes it as a name, mostly capitalised inside a sentence
    ("kryvyi" -> "Kryvyi"; not "price" in "Price: $799" among many lower-case "price"), else "". A word seen only
    opening sentences is a name unless it is an ordinary word (ordinary: the forms news writes in lower case; "House
    prices rose ..." names no House)."""
    capital, lower, form, opening = 0, 0, None, None
    for match in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, re.IGNORECASE):
        before = text[max(0, match.start() - 2):match.start()]
        if match.start() == 0 or re.search(r"[.!?\n:]\s?$|^\s*$", before):
            opening = opening or match.group(0)  # a sentence opening capitalises any word
            continue
        if any(ch.isupper() for ch in match.group(0)):
            capital, form = capital + 1, form or match.group(0)
        else:
            lower += 1
    if not form and not lower and opening and opening[0].isupper() and word not in ordinary and len(re.findall(
            rf"(?<![\w-]){re.escape(opening)}(?![\w-])", text)) >= 2:
        form = opening  # "Marrowgate Biscuits ..." opening every sentence that names it
    return form if form and capital >= 2 * lower else ""


def asked_class(analysis: QuestionAnalysis) -> set[str]:
    """Return the word naming the class of the thing asked for: the noun after which / what ("which port ...?"), and
    a keyword query's last word when it names a thing of the asked kind ("... race start port"). The answer's own
    name may hold it ("Port Annick", "Ardwell Bank")."""
    which = re.match(r"\W*(?:so |and )?(?:which|what)\s+([a-z-]+)", analysis.question.lower())
    found = {which.group(1)} if which else set()
    words = typed_words(analysis.question.lower())
    if analysis.is_keyword and words and analysis.kind in ("place", "organisation", "person") \
            and noun_kind(words[-1]) == analysis.kind:
        found.add(words[-1])
    return found


def keyword_names(analysis: QuestionAnalysis, texts: list[str], ordinary: frozenset[str] = frozenset()) -> list[str]:
    """Return the words of a keyword query or a question in lower case that the passages write as names ("efarmly" ->
    "eFarmly", "kryvyi rig" -> "Kryvyi Rig"), which then bind an answer as the names of a question do.

    A word counts when the passages capitalise it mostly (not "price" in "Price: $799" among many lower-case
    "price"), sentence openings aside; neighbouring query words the passages write together form one name. A word
    seen only opening sentences is a name unless it is an ordinary word (ordinary: the forms news writes in lower
    case; "House prices rose ..." names no House)."""
    if not analysis.is_keyword and not typed_lower(analysis.question):
        return []  # a question typed all in lower case is read the same way ("is halvorsen cutting jobs?"); one
        # written with capitals says its names ("Where did police find ...?" names none)
    joined = " ".join(texts)
    words = typed_words(analysis.question)
    named: list[str] = []  # the name form of each query word ("marrowgate's": "Marrowgate"), "" when it is not one
    opening = re.match(r"\W*(?:so |and )?what(?:'s|’s|\s+(?:is|was|are|were))\s+(?:the\s+)?([\w'’-]+)",
                       analysis.question, re.I)  # ("what was turnout in ...?": the word asked for)
    opened = opening.group(1).lower().removesuffix("'s").removesuffix("’s") if opening else ""
    classes = asked_class(analysis)  # no name, though the answer's name holds it ("which bank": "Ardwell Bank")
    for i, word in enumerate(words):
        named.append("")
        if word in SHORT_WORDS and not (i and re.search(rf"(?<![\w-]){re.escape(words[i - 1])}\s+{re.escape(word)}"
                                                        r"(?![\w-])", joined, re.I)):
            continue
        # what is asked is no name, though a sentence opens with it: the count or sum word ending the query
        # ("by-election turnout": "Turnout was 29.4%"; not the "prize" of "quillon prize judges"), and a counted noun
        asked = word in (words[-1], opened) and any(asks.fullmatch(word) for asks in (_COUNT_WORDS, MONEY_WORDS))
        if not may_name(word) or any(word.lower() == n.lower() for n in analysis.names) or asked \
                or re.fullmatch(COUNTED_NOUNS, word) or word in classes:
            continue
        # only passages on the query's topic (holding half of its other words) say how the word is written: "max"
        # in "storm brannagh max gust" is no name because a laptop review retrieved beside it writes "M3 Max"
        others = [w[:5] for w in words if w != word and len(w) >= 3 and w not in STOPWORDS]
        topical = "\n".join(t for t in texts if not analysis.is_keyword or 2 * sum(  # (each text opens a sentence)
            bool(re.search(rf"(?<![\w-]){re.escape(o)}", t, re.I)) for o in others) >= len(others))
        named[-1] = name_form(word, topical, ordinary)
    found: list[str] = []
    for i, (previous, form) in enumerate(zip([""] + named, named)):
        if not form:
            continue
        if found and previous and re.search(rf"(?<![\w-]){re.escape(found[-1])}\s+{re.escape(form)}(?![\w-])", joined):
            found[-1] = f"{found[-1]} {form}"  # "Kryvyi" + "Rig" -> "Kryvyi Rig"
        elif i and not previous and len(words[i - 1]) >= 3 and words[i - 1] not in STOPWORDS and (first := re.search(
                rf"(?<![\w-]){re.escape(words[i - 1].capitalize())}\s+{re.escape(form)}(?![\w-])", joined)):
            found.append(first.group(0))  # "Gillian Pennock", its first name only ever opening a sentence
        else:
            found.append(form)
    return [_with_label(name, analysis.question, joined) for name in found]


def _with_label(name: str, question: str, joined: str) -> str:
    """Return the name with the letter or number the query writes after it, when the passages write them together
    ("series b" -> "Series B", not "Series C"; "model 3"; "nimbra x1" -> "Nimbra X1")."""
    label = re.search(rf"(?<![\w-]){re.escape(name.lower())}\s+([a-z]\d{{0,3}}|\d{{1,3}})(?![\w-])", question.lower())
    if not label:
        return name
    together = f"{name} {label.group(1).upper()}"
    return together if re.search(rf"(?<![\w-]){re.escape(together)}(?![\w-])", joined) else name
