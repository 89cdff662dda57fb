"""What the question's words are attached to, checked in the answering sentence.

A sentence can hold every word of a question and still speak of something else: "Northgate manager Piet van Luyk"
for "who's the Eastfield Rovers manager?", "the population of Westmarch" for "the population of Carrowby?",
"Trump's special envoy Steve Witkoff said" for "what did Trump say?", "Band D" for "band b council tax", "last
year's winner" for "the 2025 winner", "proposed a fine" for "how much was it fined in the end?", "did not publish
figures for ambulance handover times" for "ambulance handover times". Each check here finds one such mismatch; a
sentence with none of them passes the `attached` gate (answerability.gates).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from ..retrieval.analysis import PERSON_WORDS
from ..retrieval.question import CALENDAR_WORDS, MONTHS
from ..text import STOPWORDS, normalise, regex, stemmer
from .support import NUMBER_WORDS

# Irregular forms the stemmer leaves apart ("led" / "lead", "won" / "win"), and adverbs of time ("daily" / "day").
BASE_FORMS = {"led": "lead", "won": "win", "bought": "buy", "paid": "pay", "sold": "sell", "rose": "rise",
               "fell": "fall", "fallen": "fall", "met": "meet", "held": "hold", "took": "take", "taken": "take",
               "gave": "give", "given": "give", "made": "make", "said": "say", "ran": "run", "began": "begin",
               "begun": "begin", "chose": "choose", "chosen": "choose", "left": "leave", "lost": "lose",
               "spent": "spend", "struck": "strike", "hit": "hit", "thrown": "throw", "threw": "throw",
               "daily": "day", "weekly": "week", "monthly": "month", "yearly": "year", "annual": "year",
               "annually": "year", "entries": "enter", "entry": "enter", "entrants": "enter", "entrant": "enter",
               "built": "build", "wrote": "write", "written": "write"}


# Words before a verb that make it an aim, a hope or a forecast rather than something done ("need one more win")
_UNREALISED = {"will", "would", "could", "can", "ll", "may", "might", "to", "need", "needs", "hope", "hopes", "hoping",
               "aim", "aims", "bid", "chance", "bidding", "try", "trying", "set", "expected", "likely", "favourites",
               "favorites"}  # ("have already shown they can match, and beat, the world's best": no result)


# Roles a name can hold, in groups that say the same thing ("Rovers boss" answers "Rovers manager")
ROLE_WORDS = ("manager", "boss", "coach", "head coach", "chief executive", "ceo", "chairman", "chair", "president",
              "captain", "mayor", "leader", "owner", "founder", "spokesperson", "spokesman", "spokeswoman",
              "director", "minister", "striker", "goalkeeper", "keeper", "chief")
_ROLE_FIRST = re.compile(rf"({'|'.join(ROLE_WORDS)})\b")  # the first role word, in ROLE_WORDS' order
# Things counted or measured of a place or body: "the population of Carrowby", "the turnout in Kestrel Valley"
OF_HEADS = ("population", "turnout", "mayor", "capital", "president", "leader", "manager", "owner", "chief executive",
            "head", "price", "value", "valuation", "budget", "debt", "revenue", "size", "death toll", "attendance")
_OF_HEAD = "|".join(OF_HEADS)
# Kinds of thing a "which X" question asks for, each with the words an article may call it by. Only kinds news
# names by their kind word when it speaks of one ("the lender", "the department"); not teams, countries or cities,
# which a report names without saying "team" or "country", nor companies ("built by Ferrox Energy").
CLASS_NOUNS = {
    "bank": ("bank", "lender"), "department": ("department", "faculty", "school"),
    "university": ("universit", "college"), "hospital": ("hospital", "trust", "infirmar"), "airline": ("airline",
    "carrier"),
    "party": (r"part(?:y|ies)\b", "independents", "labour", "conservative", "democrat", "republican", "liberal",
    "green", "alliance", "reform", "coalition", "nationalist", "socialist"),  # ("of the Halvergate Independents")
    "newspaper": ("newspaper", "paper"), "union": ("union", "guild", "federation", "associat"),
    "regulator": ("regulator", "watchdog", "authorit"), "airport": ("airport",), "investor": ("investor", "fund",
    "backer", "firm"), "fund": ("fund", "investor"), "museum": ("museum", "gallery"),
    "hospice": ("hospice",), "theatre": ("theatre", "playhouse", "opera house"), "hotel": ("hotel",),
}
# What happened to someone, which the answering sentence or those beside it say in their own words: "What injury did
# Ronaldo suffer?" is not answered by a top-scorers list that speaks of another player's injury further down
NEAR_CLASS_NOUNS = {
    "injury": ("injur", "hurt", "strain", "sprain", "fractur", "broke", "broken", "torn", "tear", "knock",
               "concussion", "rupture"),
    "illness": ("ill", "disease", "condition", "diagnos", "cancer", "virus", "infection", "sick"),
    "offence": ("offence", "offense", "crime", "charg", "guilty", "convict", "accused"),
    "crime": ("crime", "offence", "offense", "charg", "guilty", "convict", "accused"),
    "award": ("award", "prize", "honour", "honor", "medal", "trophy"),
}
# Labelled members of a series: "band b" is not "Band D", "group c" is not "Group A"
_SERIES = r"band|group|grade|class|category|type|section|tier|division|league|plan|phase|level|zone|pool|lot|block"
_FINAL = re.compile(r"\b(actually|in the end|finally|eventually|ultimately|end(?:ed)? up|confirmed|went on to|"
                    r"(?<!cup )(?<!-)final(?=\s+[a-z])(?!\s+(?:in|at|on|of|against|was|is|and|or|between|match|game|"
                    r"round|whistle|day|four|showdown|tie|series)\b))\b", re.I)  # "the final cost", not "the
# women's cup final" (the match)
# "Has the road been given the go-ahead?", "have they lodged an appeal?": a question about what has come about
_PERFECT = re.compile(r"\W*(?:so |and |hey,? )?(?:has|have)\s+(?!to\b)[^?]*\b(?:been|\w+ed)\b", re.I)
_TENTATIVE = re.compile(r"\b(propos\w*|plans? to|planned|plans for|intends? to|expected to|set to|could face|"
                        r"may face|faces? an? (?:possible|potential)|consult(?:s|ing)\b|draft|provisional\w*|"
                        r"(?:launch\w*|open\w*|start\w*|beg[ia]n\w*|under|out to) (?:a |public )?consultation|"
                        r"will be (?:\w+ed|sentenced|decided|confirmed|announced)|(?:is|are|was|were) (?:seeking|"
                        r"demanding|asking for|calling for|considering|reviewing|weighing|mulling|exploring)|will seek|"
                        r"seeks? to|will (?:attempt|try)|aims? to|hopes? to|(?:is|are|was|were) due to|scheduled to|"
                        r"scheduled for|(?:launch|target|planned|provisional|release|opening|start) date|"
                        r"could|(?-i:may)|might|would|(?<!analysts' )(?<!than )(?:now )?(?:expects|forecasts|predicts|"
                        r"anticipates)(?=\s+(?:[\w-]+\s+){0,3}(?:of\s+|to\s+\w+\s+)?(?:between\s+)?(?:[£$€]\d|"
                        r"\d[\d,.]*\s*(?:%|per ?cent|m\b|bn\b|million|billion))))\b",
                        re.I)  # (not the month: "opened on Saturday 18 May"; "now expects pre-tax profit of between
# £3.4m and £3.7m" is no profit made)
_UNDISCLOSED = re.compile(r"\b(?:did not|didn't|does not|doesn't|do not|would not|wouldn't|declined to|refused to|"
                          r"has not|hasn't|have not|was not|were not)\s+(?:yet\s+)?(?:publish|disclose|reveal|give|"
                          r"release|say|said|provide|specify|confirm|made public|been (?:published|disclosed|released|"
                          r"revealed|made public))\w*\s+(?P<what>[^.;]{0,80})|\bnot (?:been )?(?:published|disclosed|"
                          r"revealed|released|made public)\b|\bundisclosed (?P<what2>\w+(?: \w+)?)"
                          r"|\bwill (?:publish|release|report|announce|give|reveal)\s+"
                          r"(?P<what3>[^.;]{0,60}?(?:figures|results|numbers|data|details))"
                          r"|(?P<what4>\b(?:figures|results|data|numbers)\b[^.;]{0,60}?)"
                          r"\s+(?:were|are|have been|has been|was|is)\s+(?:delayed|postponed|not (?:yet )?available|unavailable|due)", re.I)
# Actions a question can ask about whose opposite a sentence may report: "accepted" is not "rejecting"
_OPPOSITES = [
    (re.compile(r"\baccept\w*", re.I),
     re.compile(r"\b(?:reject\w*|turn\w* down|turned down|refus\w*|declin\w*)", re.I)),
    (re.compile(r"\b(?:ask\w*|demand\w*|seek\w*|sought|want\w*|call\w* for)\b", re.I), re.compile(r"\boffer\w*", re.I)),
    (re.compile(r"\b(?:win|wins|won|winning)\b", re.I), re.compile(r"\b(?:lose|loses|lost|losing|defeat\w*)\b", re.I)),
]
# One way only: "when will the ban end?" is not answered by "a ban from 1 August"; a question with "from" in it may
# well be answered by a sentence that says "end"
_ENDS = (re.compile(r"(?<!\bin the )\b(?:end|ends|ending)\b(?!\s+up\b)|\b(?:finish\w*|expire\w*|be lifted|lift\w*|"
                    r"run until|last until)\b", re.I),  # ("what did they end up giving it?", "how much did the offer
         # raise in the end?": the outcome, no ending)
         re.compile(r"\b(?:from|start\w*|begin\w*|began|impose\w*|introduc\w*|come into force)\b", re.I))
# A landing is not a launch: "when did Tamsin-1 land?" is not answered by "lifted off on 4 February"
_LANDING = (re.compile(r"\b(?:land|lands|landed|landing|touch(?:ed)? down|arriv\w*)\b", re.I),
            re.compile(r"\b(?:launch\w*|lift\w* off|took off|take\w* off|depart\w*|blast\w* off)\b", re.I))
# The whole and its parts: "who won the tour overall?" is not answered by a stage win, "the final" not by a semi-final
_WHOLE = (re.compile(r"\b(?:overall|outright|general classification)\b", re.I),
          re.compile(r"\b(?:stage|leg|heat|lap|round|semi-?finals?|quarter-?finals?|qualif\w*)\b", re.I))
_PART_WIN = re.compile(r"\b(?:won|wins|win|winning|took|takes|claimed)\s+(?:the\s+|a\s+)?(?:\w+\s+)?(?:game\s+\d|stage|"
                       r"heat|leg|round|set|semi-?final|quarter-?final|qualif\w*)\b", re.I)
# A question about who won, and the words that report a result (not a fixture, a listing or a wager)
WIN_QUESTION = re.compile(r"\b(?:who|which\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:has\s+|have\s+|had\s+)?"
                          r"(?:actually\s+|really\s+|finally\s+|eventually\s+|ultimately\s+)?(?:won|beat|"
                          r"defeated)\b|\bwho\s+(?:was|were|is|are)\s+(?:the\s+)?(?:\w+\s+)?(?:winners?|"
                          r"champions?)\b|\bwinners?\s+of\b|\bwho\s+(?:took|scooped|picked up|claimed|collected|"
                          r"walked off with|got)\s+(?:the\s+)?best\b|\bwinners?(?:\s+(?:19|20)\d\d)?\s*$",
                          re.I)  # ("who took best actor?", "lowtherby open men's final winner")
# ("winner" and "champion" only as what someone was or became: "a five-time Ballon d'Or winner" reports no result)
# A list line ("- Weight: 13.8kg", "3. £9 million is ...") and a results list's first place ("1. Joost Bakker 4h 21m")
LIST_ITEM = re.compile(r"\s*(?:[-•*–]|\d{1,2}[.)])\s")
_FIRST_PLACE = r"(?:^|\s)(?:1\.|1st)\s+(?=[A-Z])"
WIN_RESULT = re.compile(r"\b(?:won|wins|to win|beat|beats|defeated|defeats|victory|victorious|crowned|clinched|"
                        r"clinches|(?<!to be )(?<!will be )elected|"
                        r"triumph\w*|lifted|retained|edged|thrashed|routed|title|gold|first place|finished first)\b"
                        r"|\b(?:was|is|were|are|became|become|named|as)\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,3}?"
                        rf"(?:winners?|champions?)\b|{_FIRST_PLACE}|\blist of (?:the )?winners\b|"
                        r"\bwinners(?: list)?:|\b(?:took|takes|scooped|picked up|claimed|collected|named|"
                        r"awarded|given|gave|went to)\b[^.;]{0,40}\bbest\b|\bbest\b[^.;]{0,20}\b(?:went to|prize to)\b|"
                        r"\b(?:named|voted|crowned)\s+(?:as\s+)?(?:the\s+)?(?:[\w'’-]+\s+){0,3}?of the year\b|"
                        r"\bended\s+(?:[\w'’-]+\s+){0,4}?(?:winning run|winning streak|reign|unbeaten run)\b",
                        re.I)  # "1. Joost Bakker 4h 21m" (a results list's first place); "has been named restaurant of
# the year"; "ended Albert Thrupp's winning run in the heaviest marrow class";
# "Aurelia Film Festival 2022: full list of winners" (what is listed under it won)
FIRST_PLACE = re.compile(_FIRST_PLACE)
_FINAL_MATCH = (re.compile(r"\bthe final\b", re.I), re.compile(r"\b(?:semi|quarter)-?finals?\b", re.I))
_LAST_YEAR = re.compile(r"\blast (?:year|season)(?:'s|’s)?\b|\ba year (?:ago|earlier)\b|\bprevious year\b", re.I)
_THIS_YEAR = re.compile(r"\bthis (?:year|season)(?:'s|’s)?\b", re.I)
_NEXT_YEAR = re.compile(r"\bnext (?:year|season)(?:'s|’s)?\b|\bthe (?:following|coming) (?:year|season)\b", re.I)


def _distinctive(name: str) -> str:
    """Return the word of a name that tells it apart ("Eastfield" of "Eastfield Rovers", "Fell" of "Adrian Fell")."""
    generic = {"city", "united", "rovers", "fc", "club", "town", "county", "athletic", "the", "st", "saint"}
    words = [w for w in normalise(name).split() if w not in generic]
    return words[0] if words else normalise(name)


# The question-side readings below are cached: gates() asks them once per candidate sentence of the same question
@lru_cache(maxsize=256)
def asked_role(question: str, names: tuple[str, ...]) -> tuple[str, str] | None:
    """Return (name, role) when the question asks for a named body's role holder ("who's the Eastfield Rovers
    manager?" -> ("Eastfield Rovers", "manager")), else None."""
    lowered = question.lower()
    if re.match(r"\W*(?:so |and )?(?:which|what) (?:club|team|side|company|firm|school|party|organi[sz]ation|"
                r"country)\b", lowered):
        return None  # "which club will mark ellery coach after calder?": the body is asked, the role is his
    for name in names:
        at = lowered.find(name.lower())
        if at < 0:
            continue
        after = _ASKED_MODIFIERS.sub("", lowered[at + len(name):].lstrip(" '’s"))  # "calder wolves new head coach"
        role = _ROLE_FIRST.match(after)
        if role:
            return name, role.group(1)
        role = regex(rf"\b({'|'.join(ROLE_WORDS)}) (?:of|at) (?:the )?{re.escape(name.lower())}\b").search(lowered)
        if role:  # "who is the chief executive of corvane therapeutics?"
            return name, role.group(1)
    return None


_ASKED_MODIFIERS = re.compile(r"^(?:(?:new|current|next|permanent|full-time)\s+)+")


_ROLE_MODIFIERS = {"incumbent", "former", "outgoing", "interim", "acting", "new", "current", "deputy", "caretaker",
                   "elected", "ex", "sitting", "serving", "then", "longtime", "long-time", "veteran", "registered",
                   "general", "senior", "joint", "managing"}  # ("Registered manager Bernadette Cole")


def body_may_answer(question: str) -> bool:
    """Return True for a "who" question whose verb is a deed firms and public bodies do and that names no person's
    role nor asks who won ("who put the panels in?", "who brought the case?", "who decides whether ...?"): a firm or
    a public body may be the answer."""
    asked = re.match(r"\W*(?:so |and |hey,? )?who(?:['’]s|m)?\b(.*)", question, re.I | re.S)
    return bool(asked) and not PERSON_WORDS.search(asked.group(1)) and not WIN_QUESTION.search(question) \
        and bool(_FIRM_DEEDS.match(re.sub(r"^\s*(?:(?:is|are|was|were|has|have|had|will|would|did|does|do|actually|"
                                          r"really|finally|ended up|end up|be|going to|set to|due to|expected to|"
                                          r"likely to|about to)\s+)*", "", asked.group(1), flags=re.I)))
    # (the deed is the question's verb, right after "who": "who's the title sponsor" asks for a sponsor's name; "who's
    # going to own the hydro scheme?" asks who will own it)


# What firms and public bodies do, as a "who" question asks it ("who put the panels in?", "who brought the case?",
# "who decides whether ...?"); running, leading or replacing is asked of people
_FIRM_DEEDS = re.compile(r"\b(?:(?:install|construct|operat|fund|financ|acquir|design|develop|manufactur|decid|audit|"
                         r"insur|sponsor|invest|provid|deliver|repair|question|contract|award|approv|regulat|inspect|"
                         r"publish|produc|suppl|build|buil)(?:e|es|ed|s|ing|ies|ied|y|t)?|fit(?:s|ted|ting)?|"
                         r"put (?:\w+ ){0,3}in|own(?:s|ed)?|b(?:uy|uys|ought)|brought|bring(?:s|ing)?|lend(?:s|ing)?|"
                         r"lent|sued?|suing|look(?:s|ed|ing)? after|maintain(?:s|ed|ing)?)\b", re.I)


def as_agent(name: str, sentence: str, question: str = "") -> bool:
    """Return True when the sentence gives the name as the one who did something: after "by" ("installed by
    contractor Brightwell Solar") or as the subject opening the sentence ("Lowland Rail has won ..."), not as what
    was done to ("suing Kelsford Council") or where ("at Kelsford Leisure Centre"). Who will look after or maintain
    a thing is its subject ("Wild Shores will manage the site"), not a body a "by" names for another deed ("created
    by the Environment Agency")."""
    at = sentence.find(name)
    if at < 0:
        return False
    by = not re.search(r"\b(?:look(?:s|ed|ing)? after|maintain\w*)\b", question, re.I)
    return (by and bool(re.search(r"\bby\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}$", sentence[:at]))) or (
        not re.search(r"[a-z]", re.sub(r"\b(?:the|a|an|[a-z-]+ (?:firm|group|company|chain|contractor|maker|agency|"
                                       r"charity|trust|body|organisation|operator|developer|provider|supplier|"
                                       r"builder|insurer|lender))\b", "", sentence[:at].lower()))
        and not re.match(r"\s+(?:is|are|was|were|has been|have been|had been)\s+(?:being\s+)?[a-z]+ed\b",
                         sentence[at + len(name):]))


def other_holder(question: str, names: list[str], sentence: str) -> bool:
    """Return True when the sentence gives the asked role to another name only ("Northgate manager Piet van Luyk"
    for the Eastfield Rovers manager)."""
    asked = asked_role(question, tuple(names))
    if not asked:
        return False
    name, role = asked
    mine = _distinctive(name)
    before = [m for m in re.finditer(rf"\b((?:[A-Z][\w&'’.-]+\s+){{1,3}}){role}\b", sentence)
              if not re.search(r"\b(?:named|appointed|made|elected|hired|promoted|confirmed)\s+$",
                               sentence[:m.start()])]
    # ("has named Dana Whitlock chief executive": the person named to it, no other body)
    # "head coach of the Scottish side Lothian Thistle", "chief executive of the biotech start-up Nerida Bio"
    after = re.finditer(rf"\b{role} of (?:the )?(?:[a-z][\w-]*\s+){{0,3}}((?:[A-Z][\w&'’.-]+\s*){{1,3}})", sentence)
    holders = [normalise(m.group(1)) for m in (*before, *after)]
    holders = [" ".join(w for w in h.split() if w not in _ROLE_MODIFIERS) for h in holders]  # "Incumbent mayor"
    holders = [h for h in holders if h and h.split()[0] not in STOPWORDS]  # "Its director": no other holder
    own = set(normalise(name).split()) | set(normalise(question).split())  # ("Agency chief executive" of the National
    # Clinical Research Agency; "Finance director Oswin Parlow" for "the finance director of Vantrelle Foods")
    return bool(holders) and not any(mine in h.split() or set(h.split()) <= own for h in holders)


_LESSER = r"(?:deputy|vice|assistant|associate|under)[ -]"


def lesser_role(question: str, names: list[str], sentence: str) -> bool:
    """Return True when the question asks for a named body's role holder and the sentence gives only its deputy or
    assistant ("appointed deputy director of the institute" for "lisbon institute of marine sciences director")."""
    asked = asked_role(question, tuple(names))
    if not asked or regex(_LESSER, re.I).search(question):
        return False
    said = [m.start() for m in regex(rf"\b{asked[1]}\b", re.I).finditer(sentence)]
    return bool(said) and all(regex(rf"{_LESSER}$", re.I).search(sentence[:at]) for at in said)


@lru_cache(maxsize=256)  # asked for every candidate sentence of a question
def asked_of(question: str, names: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Return the (head, name) pairs of "the X of <name>" the question asks for ("the population of Carrowby")."""
    lowered = question.lower()
    # one pattern per name, not one per head and name: a few dozen patterns a question overflowed re's cache of
    # compiled patterns, and every later search recompiled (about 30 ms a question)
    found = {(m.group(1), name) for name in names for m in regex(
        rf"\b({_OF_HEAD}) (?:of|in|at|for) (?:the )?{re.escape(name.lower())}\b").finditer(lowered)}
    return tuple((head, name) for head in OF_HEADS for name in names if (head, name) in found)


def other_of(question: str, names: list[str], sentence: str) -> bool:
    """Return True when the question asks for "the X of <name>" and the sentence gives the X of another name only
    ("the population of Westmarch" for "the population of Carrowby")."""
    for head, name in asked_of(question, tuple(names)):
        said = [normalise(m.group(1)) for m in re.finditer(
            rf"\b{head} (?:of|in|at|for) (?:the )?((?:[A-Z][\w&'’.-]+\s*){{1,3}})", sentence, re.I)
            if m.group(1)[:1].isupper()]
        mine = _distinctive(name)
        if said and not any(mine in s.split() for s in said):
            return True
    return False


@lru_cache(maxsize=256)
def _counted_in(question: str, names: tuple[str, ...]) -> tuple[str | None, tuple[str, ...]]:
    """Return what a "how many X ... in <place>" question counts and the places it names ("homes", ("Saltcote",))."""
    counted = re.search(r"\bhow many ([a-z]+)", question.lower())
    places = tuple(n for n in names if re.search(rf"\b(?:in|at) (?:the )?{re.escape(n)}\b", question, re.I))
    return (counted.group(1) if counted else None), places


def other_place(question: str, names: list[str], sentence: str) -> bool:
    """Return True when a "how many X ... in <place>" question meets "X in <another place>" only ("12,000 homes in
    Ravensholme" for "how many homes lost power in Saltcote?")."""
    counted, places = _counted_in(question, tuple(names))
    if not counted or not places:
        return False
    said = [m.group(1) for m in re.finditer(rf"\b{re.escape(counted)} (?:in|at) ((?:[A-Z][\w'’-]+\s?){{1,3}})",
                                             sentence)]
    return bool(said) and not any(_distinctive(p) in normalise(s).split() for p in places for s in said)


_ENVOY = re.compile(r"(?:([A-Z][\w-]+)['’]s )?(?:ambassador|envoy|high commissioner|consul)s? (?:to|in) (?:the )?"
                    r"([A-Z][\w-]+)")


def other_envoy(question: str, sentence: str) -> bool:
    """Return True when the question asks for one country's envoy to another and the sentence names only envoys
    the other way or elsewhere ("Kalmarund's ambassador to Ostrevia" / "Ostrevia's ambassador to Kalmarund", "a
    former ambassador to Kalmarund")."""
    asked = [(a.lower(), b.lower()) for a, b in _ENVOY.findall(question.title() if question.islower() else question)]
    said = [(a.lower(), b.lower()) for a, b in _ENVOY.findall(sentence)]
    return bool(asked) and bool(said) and not any(
        to == asked_to and (not sender or not asked_sender or sender == asked_sender)
        for asked_sender, asked_to in asked for sender, to in said)


def other_member(question: str, sentence: str) -> bool:
    """Return True when the question names a member of a labelled series ("band b") and the sentence names only
    other members ("Band D")."""
    for word, label in re.findall(rf"\b({_SERIES})\s+([a-z]|\d{{1,2}})\b", question.lower()):
        said = {m.lower() for m in re.findall(rf"\b{word}\s+([A-Za-z]|\d{{1,2}})\b", sentence, re.I)}
        said = {s for s in said if s != "a" or re.search(rf"\b{word} A\b", sentence)}
        if said and label not in said:
            return True
    return False


_NTH = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
        "twelfth", "13th", "14th", "15th", "16th", "17th", "18th", "19th", "20th", "21st")  # the n-th, by n
_COUNTING = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
_PARTS = r"stage|game|leg|heat|race|match|test|round|day|episode|week"


def unnamed_member(question: str, text: str) -> bool:
    """Return True when the question asks about one numbered part of an event ("who won stage 3 of the Tour of
    Calder?", "stage three") and the text (the sentence and the one before) names that part in no form ("stage 3",
    "stage three", "the third stage", "Stage 3's"): "Lindahl won the overall title" tells of the whole."""
    for word, number in re.findall(rf"\b({_PARTS})\s+(\d{{1,2}}|{'|'.join(_COUNTING)})\b", question.lower()):
        n = int(number) if number.isdigit() else _COUNTING.index(number) + 1  # "stage 3", "stage three"
        forms = [rf"\b{word}\s+(?:{n}|{_COUNTING[n - 1] if n <= len(_COUNTING) else n})\b",
                 rf"\b{n}(?:st|nd|rd|th)\s+{word}"]
        if n <= len(_NTH):
            forms.append(rf"\b{_NTH[n - 1]}\s+(?:\w+\s+)?{word}")
        if not re.search("|".join(forms), text, re.I):
            return True
    return False


_FINISH = re.compile(r"\b(?:came|come|comes|finished|finish|finishes|placed|was|were|ended|took)\s+(?:in\s+)?"
                     r"(second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th)\b|\b(runners?[- ]up)\b", re.I)
# Each finishing place by its number (a results list's "2."): the forms a question or a sentence says it in
_PLACES = {"2": r"second|2nd|runners?[- ]up", "3": r"third|3rd", "4": r"fourth|4th", "5": r"fifth|5th",
           "6": r"sixth|6th"}


def unplaced_finish(question: str, sentence: str) -> bool:
    """Return True when the question asks who came second (third, runner-up ...) and the sentence gives no such place
    ("Hallworth has won the prize" names the winner only); a results list's line "2." gives one."""
    if not (asked := _FINISH.search(question)):
        return False
    number, form = next((n, f) for n, f in _PLACES.items() if re.fullmatch(f, asked.group(1) or asked.group(2), re.I))
    # a place finished in ("Falk finished second", "Piers Oakden third in 1:06:20", "second place"), not "her second
    # novel"
    return not (re.search(rf"\b(?:came|come|finished|placed|was|were|ended|took|in)\s+(?:in\s+)?(?:{form})\b|"
                          rf"\b[A-Z][\w'’-]+,?\s+(?:{form})\b(?!\s+(?!in\b)[a-z])|\b(?:{form})\s+(?:place|position|"
                          rf"spot)\b|\brunners?[- ]up\b", sentence)
                or re.match(rf"\s*{number}[.)]\s", sentence)
                or (number == "2" and _FINAL_WON.search(sentence) is not None))  # the final's loser came second


# a title or final won over someone ("retained his title with a 7-6 6-2 win over Emeric Soltanovy")
_FINAL_WON = re.compile(r"\b(?:title|final|crown|trophy|cup)\b[^.;]*?\b(?:(?:win|victory) over|beat|beating|defeated|"
                        r"defeating)\s+(?:[a-z]+\s+){0,3}?[A-Z]|\b(?:(?:win|victory) over|beat|beating|defeated|"
                        r"defeating)\s+(?:[a-z]+\s+){0,3}?[A-Z][^.;]*?\b(?:in|to win|to claim|to retain|to lift) the "
                        r"(?:\w+\s+){0,3}?(?:title|final|crown|trophy|cup)\b")


_NAMING_ASKED = re.compile(r"\b(?:called|named|known as|renamed)\W*$", re.I)


def unsaid_naming(question: str, sentence: str) -> bool:
    """Return True when the question asks what something is called ("what will the merged school be called?") and
    the sentence names nothing ("will be called", "named", "known as") or says it is not yet named: another name in
    it is not the one."""
    naming = r"(?:call|calls|called|calling|name|names|named|naming|known as|renamed|dubbed|christened|titled)"
    return bool(_NAMING_ASKED.search(question)) and (
        not re.search(rf"\b{naming}\b", sentence, re.I)
        or bool(re.search(rf"\b(?:not|yet|no|never)[\s-]+(?:[\w]+[\s-]+){{0,2}}{naming}\b|\bunnamed\b", sentence,
                          re.I)))  # "have not yet named them", "yet-to-be-named spots"


_FIRST_PERIOD = re.compile(r"\b(?:first|last|opening|final)\s+(?:(one|two|three|four|five|six|seven|eight|nine|ten|"
                           r"\d{1,2})\s+)?(day|week|weekend|month|year|season|hour|fortnight)s?\b", re.I)


def other_first_period(question: str, sentence: str) -> bool:
    """Return True when the question asks about the first (last) period of something ("in its first year back", "in
    their first week") and the sentence speaks only of another first period ("2,300 visitors on the first day", "In
    the first two days, the buses carried 9,400 passengers")."""
    asked = {_period(m) for m in _FIRST_PERIOD.finditer(question)
             if m.group(1) or not re.match(r"last\s+(?:year|month|week)\b", m.group(0), re.I)}  # (a bare "last
    # year" is a date)
    said = {_period(m) for m in _FIRST_PERIOD.finditer(sentence)}
    return bool(asked and said) and not asked & said


_DAYS = {"hour": 1 / 24, "day": 1, "weekend": 2, "week": 7, "fortnight": 14, "month": 30, "year": 365}


def _period(match: re.Match) -> tuple[str, float | str]:
    """Return a first period as (first or last, its length): "first week" and "first seven days" alike (7 days),
    "first 12 months" a year; a season by its name."""
    count = (match.group(1) or "1").lower()
    unit = match.group(2).lower()
    side = "last" if re.match(r"(?:last|final)\b", match.group(0), re.I) else "first"
    if unit not in _DAYS:
        return side, f"{count} {unit}"
    days = float(NUMBER_WORDS.get(count, count)) * _DAYS[unit]
    return side, 365.0 if 360 <= days <= 366 else days


_ROLES = (r"(?:head ?teacher|head|manager|coach|chair(?:man|woman)?|leader|chief executive|ceo|director|president|"
          r"captain|owner|editor|principal|mayor|minister|boss|champion|winner|holder|(?:vice-)?chancellor|"
          r"governor|commissioner|constable|secretary|conductor|curator|dean|provost|rector)")
_PREVIOUS_ASKED = re.compile(rf"\b(?:previous|former|outgoing|old|last)\s+(?:\w+\s+)?{_ROLES}\b|\bpredecessor\b", re.I)
_PREVIOUS_SAID = re.compile(r"\b(?:former|previous|predecessor|replac\w*|succeed\w*|took over from|taking over from|"
                            r"outgoing|ex-|stepped down|step down|retir\w*|left|leaves|quit|sacked|ousted|until)\b",
                            re.I)


def current_for_previous(question: str, sentence: str) -> bool:
    """Return True when the question asks for the previous holder of a role ("pelsworth primary previous
    headteacher") and the sentence speaks of no change of holder (a former one, a replacement, a departure): it names
    the current one; or it asks what was so before a change ("what weight limit did the bridge have before it
    closed?") and the sentence says only what is so now ("The bridge now has a 26-tonne weight limit")."""
    if re.search(r"\b(?:did|was|were|had)\b[^?]*\bbefore (?:it|the|its|they|he|she)\b", question, re.I) \
            and re.search(r"\b(?:now|currently)\b", sentence, re.I) and not _PREVIOUS_SAID.search(sentence) \
            and not re.search(r"\b(?:before|previously|was|were|had been|from)\b", sentence, re.I):
        return True
    return bool(_PREVIOUS_ASKED.search(question)) and not _PREVIOUS_SAID.search(sentence)


# A figure of the period before ("the previous year's", "the Christmas before"), and a sentence that speaks of one
_PRIOR_ASKED = re.compile(r"\b(?:previous|prior|preceding)\s+(?:year|season|christmas|summer|winter|spring|autumn|"
                          r"month|quarter|edition|event|campaign|festival|race|tournament)\b|\bthe (?:year|season|"
                          r"christmas|summer|winter|month|edition) before\b"
                          r"(?!\s+(?:it|the|he|she|they|its|his|her|their|\w+ing)\b)|\ba year (?:earlier|before)\b",
                          re.I)  # ("in the year before it closed": a time the question sets, no previous period)
_PRIOR_SAID = re.compile(r"\b(?:previous|prior|preceding|last|earlier|before|compared with|(?:19|20)\d\d)\b"
                         r"|\bfrom\s+(?:about\s+|around\s+)?[£$€]?\d|\bthan\s+(?:a|the|in|at)\b", re.I)


def current_figure_for_previous(question: str, sentence: str) -> bool:
    """Return True when the question asks for a figure of the period before ("How many volunteers took part in the
    previous year's Clean Tide event?") and the sentence speaks of no earlier period ("450 volunteers took part"): it
    gives the current one."""
    return bool(_PRIOR_ASKED.search(question)) and not _PRIOR_SAID.search(sentence)


_NEW_ASKED = re.compile(rf"\b(?:new|next|incoming)\s+(?:[\w-]+\s+){{0,2}}(?:{_ROLES}|officer|chief)\b|\bsuccessor\b"
                        r"|\bwho(?:['’]s| is| will be)\s+(?:now\s+)?(?:taking over|running|leading|heading|"
                        r"in charge)\b",
                        re.I)  # ("who's taking over the festival?", "who's running the hospital now?")
_LEAVING = re.compile(r"\b(?:step(?:s|ped|ping)? down|leav(?:e|es|ing)|left|retir\w*|sacked|fired|dismissed|ousted|"
                      r"resign\w*|quit\w*|depart\w*|currently|outgoing)\b", re.I)
_ARRIVING = re.compile(r"\b(?:new|next|incoming|appoint\w*|nam(?:ed|es|ing)|hir(?:e|ed|es|ing)|succeed\w*|successor|"
                       r"replac\w*|tak(?:e|es|ing)\s+over|took\s+over|join\w*|promot\w*|recruit\w*|chose|chosen|"
                       r"select\w*|becom\w*|became|now (?:run|led|headed|managed|chaired|overseen) by)\b",
                       re.I)  # ("Okafor has since left, and the plant is now run by Gerald Twine")


# A successor sought, not named ("a search for a successor is under way", "has yet to name a replacement")
_NO_ARRIVAL = re.compile(r"\b(?:search|hunt|recruitment|process|look\w*)\s+(?:for|to find)\s+(?:a|an|his|her|their|"
                         r"its)\s+(?:new\s+|permanent\s+)?(?:successor|replacement)\b|\b(?:successor|replacement)\s+"
                         r"(?:has|had|is|was)\s+(?:not\s+yet|yet to)\s+(?:been|be)\s+\w+"
                         r"|\byet to (?:name|appoint|find|choose)\s+(?:a|an|its|his|her|their)\s+"
                         r"(?:new\s+|permanent\s+)?(?:successor|replacement)\b"
                         r"|\bno\s+(?:permanent\s+)?(?:successor|replacement)\s+(?:has|had)\s+(?:yet\s+)?been\s+"
                         r"(?:named|appointed|chosen|found)\b|\b(?:has|have|had)\s+not\s+(?:yet\s+)?(?:named|appointed|"
                         r"chosen|found)\s+(?:a|an|his|her|their|its)\s+(?:new\s+|permanent\s+)?"
                         r"(?:successor|replacement)\b", re.I)
_SUCCESSION_ASKED = re.compile(r"\bwho\b[^?]{0,30}\b(?:succeed|replac(?:e|ing)|take over from|taking over from|"
                               r"(?:run|lead|manage|head)\b[^?]{0,40}\b(?:once|after|when)\b)", re.I)


def succession_unsaid(question: str, text: str, sentence: str = "") -> bool:
    """Return True when the question asks who will take over a role ("who will succeed Henrik Vasstrand as chief
    executive?", "who's going to run pellerin once castwell takes over?") and the text (the sentence and the one
    before) says no appointment at all ("Chief executive Henrik Vasstrand said ...")."""
    if sentence and _NO_ARRIVAL.search(sentence) and _SUCCESSION_ASKED.search(question) \
            and not _ARRIVING.search(_NO_ARRIVAL.sub(" ", sentence)):
        return True  # the sentence says none is named yet ("No successor has yet been appointed", said after "Anita
        # Shah will be acting chief constable")
    text = _NO_ARRIVAL.sub(" ", text)  # ("a search for a successor was under way": none named)
    return bool(_SUCCESSION_ASKED.search(question)) and not any(  # ("will not join the Castwell board": none)
        not re.search(r"\b(?:not|never)\s+(?:\w+\s+)?$|n['’]t\s+$", text[max(0, m.start() - 15):m.start()])
        for m in (*_ARRIVING.finditer(text), *_FUTURE_HOLDER.finditer(text)))


# A role someone is to hold ("Dale Imbrie will be chief executive of the combined bank", "is set to lead")
_FUTURE_HOLDER = re.compile(r"\b(?:will|would|shall|is to|are to|is set to|set to|is due to|to)\s+(?:be|lead|run|head|"
                            r"chair|manage|take charge|take the helm|remain)\b", re.I)


def successor_for_predecessor(question: str, names: list[str], sentence: str) -> bool:
    """Return True when the question asks who held a role before a named person ("dunmere transport chair before
    owen pritchard") and the sentence names that person's successor instead: one who "replaced Owen Pritchard", or a
    new appointment that does not speak of the named person at all ("has appointed Helen Marchetti as its new chief
    executive" for "who was chief executive before Gordon Haverley?")."""
    for name in names:
        if " " not in name or not regex(rf"\bbefore\s+{re.escape(name)}\b", re.I).search(question):
            continue
        surname = re.escape(name.split()[-1])
        if regex(rf"\b(?:replac\w*|succeed\w*|(?:took|taking|takes|take) over from|in place of)\s+(?:[\w-]+\s+)"
                 rf"{{0,2}}{surname}\b", re.I).search(sentence):
            return True
        if not regex(rf"\b{surname}\b", re.I).search(sentence) and re.search(
                r"\b(?:new|next|incoming|appoint\w*|named|hired|will (?:take up|start|join))\b", sentence, re.I):
            return True
    return False


def predecessor_as_successor(question: str, names: list[str], sentence: str) -> bool:
    """Return True when the question asks who took a named person's place ("who succeeded Lena Marsk as ...?") and
    the sentence gives that person as the one taking someone else's ("has named Lena Marsk ... as his replacement",
    "Lena Marsk, who replaced Ivo Hart")."""
    for name in names:
        if " " not in name or not regex(rf"\b(?:succeed\w*|replac\w*|took over from|take over from|taking over from|"
                                        rf"in place of)\s+{re.escape(name)}\b", re.I).search(question):
            continue
        if regex(rf"\b{re.escape(name)}\b[^.;]{{0,80}}?\bas\s+(?:his|her|their|its)\s+(?:replacement|successor)\b"
                 rf"|\b{re.escape(name)},?\s+(?:who\s+)?(?:has\s+|will\s+|is\s+to\s+)?(?:replac\w*|succeed\w*|"
                 rf"t(?:ook|akes?|aking) over from)\b", re.I).search(sentence):
            return True
    return False


def former_role(question: str, sentence: str, keyword: bool = False) -> bool:
    """Return True when a "who" question or a search-box query (keyword) asks for the holder of a role ("who's taken
    over as operations director at lenwood copper?", "calderon steel new finance director") and the sentence gives it
    only as someone's former one ("replaced by Duncan Rae, formerly operations director at Lenwood Copper", the one who
    replaced another in a post), unless a previous holder is asked."""
    asked = {m.group(0).lower() for m in re.finditer(_ROLES, question, re.I)}
    if not asked or _PREVIOUS_ASKED.search(question) or not (keyword or re.match(r"\W*(?:so |and )?who\b", question,
                                                                                 re.I)):
        return False
    if not re.search(r"\b(?:replaced|succeeded|taken over|followed)\s+(?:\w+\s+){0,3}?by\b", sentence, re.I):
        return False  # ("has named former Severn Trent chief executive Ana Reyes to lead the company": the new one)
    said = [m for m in re.finditer(_ROLES, sentence, re.I) if m.group(0).lower() in asked]
    return bool(said) and all(re.search(r"\b(?:formerly|former|previously|ex-)\s*(?:[\w-]+\s+){0,2}$",
                                        sentence[max(0, m.start() - 40):m.start()], re.I) for m in said)


def outgoing_for_new(question: str, sentence: str) -> bool:
    """Return True when the question asks for the new holder of a role ("tavira telecom new chief executive") and
    the sentence speaks only of one leaving it or holding it now ("Marco Ferreira will step down as chief executive";
    "Okonkwo is currently chief operating officer"), with no appointment."""
    return bool(_NEW_ASKED.search(question)) and bool(_LEAVING.search(sentence)) and not _ARRIVING.search(sentence)


_CHIEF = re.compile(r"\bchief ([a-z]+) officer\b|\bC([A-Z])O\b|\bc([a-z])o\b(?=\s*(?:[?,.]|$|at|of|for|is|was))",
                    re.I)


def _chief_letters(text: str) -> set[str]:
    """Return the first letters of the chief officers a text names ("chief financial officer", "CFO", "finance
    director": f; "chief executive": e)."""
    letters = {(m.group(1) or m.group(2) or m.group(3))[0].lower() for m in _CHIEF.finditer(text)}
    named = ((r"\bchief executive\b", "e"), (r"\bfinance (?:chief|director)\b|\bfinancial (?:chief|director)\b", "f"))
    return letters | {said for pattern, said in named if re.search(pattern, text, re.I)}


def other_chief(question: str, sentence: str) -> bool:
    """Return True when the question asks for one chief officer ("who's the chief financial officer", "cfo") and the
    sentence names only other chief officers ("will join Quillfern as chief product officer")."""
    asked = _chief_letters(question)
    said = _chief_letters(sentence)
    return len(asked) == 1 and bool(said) and not said & asked


# The words that say which of several roles (or tickets) of one name is meant ("prime minister" / "foreign minister")
_ROLE_KINDS = {
    "minister": "prime foreign finance health defence defense interior justice education transport energy environment "
                "economy trade culture sports housing agriculture home labour labor deputy",
    "secretary": "foreign home health defence general press transport education business culture cabinet permanent",
    "director": "finance financial medical technical artistic sporting managing creative music musical commercial "
                "operations marketing communications research clinical campaign programme program",
    "coach": "head attack defence defense forwards backs assistant goalkeeping batting bowling fielding fitness "
             "skills scrum kicking",
    "editor": "deputy sports political business news managing assistant features fashion foreign",
    "tickets?": "day weekend season adult child children family return single annual monthly weekly student senior "
                "concession vip standard premium",
    "fares?": "adult child children family return single day weekly monthly annual student senior concession peak",
}


def other_kind_of_role(question: str, sentence: str) -> bool:
    """Return True when the question asks for one kind of a role ("valdoria's prime minister", "medical director")
    and the sentence names only other kinds of it ("appointed Rasmus Quellendorf ... as foreign minister"); the same
    for a ticket or a fare ("a weekend ticket" / "Day tickets cost £45")."""
    lowered = question.lower()
    for role, kinds in _ROLE_KINDS.items():
        named = kinds.split()
        asked = regex(rf"\b({'|'.join(named)})[ -]{role}\b").search(lowered)
        if not asked:
            continue
        said = [m.group(1).lower() for m in regex(rf"\b(\w+)[ -]{role}\b", re.I).finditer(sentence)]
        return bool(said) and all(word in named and word != asked.group(1) for word in said)
    return False


_PORTFOLIO = r"(?:member|minister|secretary|spokes(?:person|man|woman)|lead|director|head|commissioner|champion)"


def other_portfolio(question: str, sentence: str) -> bool:
    """Return True when the question asks for a role by what it covers ("cabinet member for finance", "director of
    nursing") and the sentence gives the role only for something else ("cabinet member for culture")."""
    asked = re.search(rf"\b({_PORTFOLIO})\s+(?:for|of)\s+(?:the\s+)?(?!the\b)((?-i:[a-z]+))\b", question, re.I)
    if not asked:  # (a capitalised name after it is a body: "secretary of the Steel Forward union")
        return False
    said = [m.group(1) for m in re.finditer(rf"\b{asked.group(1)}s?\s+(?:of state\s+)?(?:for|of)\s+(?:the\s+)?"
                                            rf"(?!the\b)((?-i:[a-z]+(?:,?\s+(?:and\s+)?[a-z]+){{0,4}}))",
                                            sentence, re.I)]  # ("for environment and transport")
    return bool(said) and all(not re.search(rf"\b{asked.group(2)[:5]}", w) for w in said)


# A "where" question about a deed done at a place, and the words a report says each deed with
_PLACED_DEED = re.compile(r"^\W*(?:so |and )?where\b[^?]*\b(built|made|bought|stolen|born|buried|founded|manufactured|"
                          r"constructed|filmed|printed|purchased|sold|assembled|brewed|grown)\b"
                          r"(?=\s*(?:\?|$|from|in|at|by|on|for|during|before|after|when)\b|\s*\?)", re.I)  # (the
# question's verb, not a word describing its noun: "where was the stolen telehandler found?"; not
# "recorded": where a rainfall total was recorded is where it fell)
_DEED_SAID = {"built": r"buil[dt]|construct|made|shipyard|yard", "made": r"made|mak|manufactur|produc|buil[dt]|assembl",
              "bought": r"bought|buy|purchas|sold|sell", "stolen": r"stol|theft|thie|taken|raid|burgl|snatch|steal",
              "born": r"born|native|grew up|raised", "buried": r"buri", "founded": r"found|set up|establish|launch",
              "manufactured": r"manufactur|made|mak|produc|buil[dt]", "constructed": r"construct|buil[dt]",
              "filmed": r"film|shot|shoot", "printed": r"print",
              "purchased": r"purchas|bought|buy|sold", "sold": r"sold|sell|bought|purchas",
              "assembled": r"assembl|buil[dt]|made", "brewed": r"brew", "grown": r"grow|grown|harvest|farm"}


def deed_unplaced(question: str, sentence: str) -> bool:
    """Return True when a "where" question asks where something was done ("where was the maren tollis built?",
    "where was the winning ticket bought?") and the sentence does not speak of that deed at all ("ran aground in
    Skerrow Sound"; "a retired postman from Dunmoray has won £7.4m"): the place it gives is of something else."""
    deed = _PLACED_DEED.search(question)
    return deed is not None and not regex(rf"\b(?:{_DEED_SAID[deed.group(1).lower()]})", re.I).search(sentence)


# A question asking where someone went ("which company did ingrid solberg join?", "which club did he move to?"), and
# the words a report says such a move with
JOIN_ASKED = re.compile(r"\bjoin(?:ed|s|ing)?\b|\b(?:mov|switch|transferr|defect)(?:e|ed|es|ing)?\s+to\b|"
                        r"\bsign(?:ed|s)?\s+(?:for|with)\b|\b(?:go|gone|went)\s+to\s+(?:work|play)\b|"
                        r"\b(?:leav\w+|left)\s+(?:\w+\s+){0,3}for\b", re.I)
JOINED = re.compile(r"\b(?:join\w*|mov(?:e|ed|es|ing)|switch\w*|transfer\w*|defect\w*|sign\w*|becom\w*|became|"
                    r"hired|poached|recruited|appoint\w*|named|new)\b", re.I)


# A question asking for the body someone was with before ("tamsin grealey-ward previous club"), and the words that
# put a body in someone's past ("joins from Stourmouth Corsairs", "leaves Fallowby Rangers", "formerly of Fitmark")
PREVIOUS_BODY_ASKED = re.compile(r"\b(?:previous|former|old|last)\s+(?:club|team|employer|company|firm|side|school|"
                                 r"party|job)\b|\bbefore (?:joining|moving|coming)\b|\bwhere\b[^?]*\bbefore\b",
                                 re.I)
LEFT_FROM = re.compile(r"\b(?:(?:join|arriv|mov|sign|transferr|switch)\w*\s+from|comes?\s+from|came\s+from|"
                       r"leav\w*|left|formerly\s+(?:of|with|at)|previously\s+\w+|ex-)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$",
                       re.I)


def join_unsaid(question: str, text: str) -> bool:
    """Return True when the question asks which body someone joined and the text (the sentence and the one before)
    says no move at all ("Ferreira oversaw the company's expansion into Spain" for "which company did Marco Ferreira
    join after leaving Tavira Telecom?")."""
    return bool(JOIN_ASKED.search(question)) and not JOINED.search(text)


_PER_PERIOD = {"year": r"\b(?:years?|annual\w*|yearly|season|(?:19|20)\d\d)\b", "month": r"\b(?:months?|monthly)\b",
               "week": r"\b(?:weeks?|weekly)\b", "day": r"\b(?:days?|daily|nights?|nightly)\b"}


_PERIOD_OF = {"annual": "year", "yearly": "year", "monthly": "month", "weekly": "week", "daily": "day"}


def unstated_period(question: str, sentence: str) -> bool:
    """Return True when a figure question asks for a rate over a period ("how many passengers a year will the ferry
    carry?", "annual cost") and the sentence names no such period ("will carry 220 passengers": one sailing)."""
    asked = re.search(r"\b(?:a|per|each|every)\s+(year|month|week|day)\b|\b(annual|yearly|monthly|weekly|daily)\b",
                      question, re.I)
    if not asked:
        return False
    unit = (asked.group(1) or _PERIOD_OF[asked.group(2).lower()]).lower()
    return not re.search(_PER_PERIOD[unit], sentence, re.I) and not re.search(r"\bsalar", sentence, re.I)  # (a
    # salary is by the year)


def spoken_year(year: str, sentence: str, published: date | None) -> bool:
    """Return True when the sentence speaks of the year by a relative phrase: "last year" in an article of 2025 is
    2024, "this year" is 2025."""
    if published is None or not year.isdigit():
        return False
    return bool((int(year) == published.year - 1 and (_LAST_YEAR.search(sentence) or _later_month_past(
        sentence, published.month))) or (int(year) == published.year and _THIS_YEAR.search(sentence)))


_FULL_MONTHS = "|".join(m.capitalize() for m in sorted(CALENDAR_WORDS & MONTHS.keys(), key=MONTHS.get))
_YEARLESS_MONTH = re.compile(r"\b(?:[a-z]+ed|rose|fell|grew|stood|took|won|sold|reached|was|were)\b"
                             r"(?!\s+by\b)(?:(?!\b(?:and|which|that|who)\b)[^.;,]|(?<=\d)[.,](?=\d)){0,25}?\b(?:in|"
                             rf"by the end of|at the end of|during)\s+({_FULL_MONTHS})\b(?!,?\s+\d{{4}})")
_TO_COME = re.compile(r"\b(?:will|would|next|due|expected|plans?|planned|scheduled|set to|by the end of (?:this|next)|"
                      rf"(?:from|until) (?:{_FULL_MONTHS}))\b", re.I)  # ("down from 300,000" is no date to come)


def _later_month_past(sentence: str, month: int) -> bool:
    """Return True when a sentence reports something done in a month (its year unsaid) later in the year than the
    report's own month: "had reached 151,000 by the end of December" in a January report speaks of last December (not
    "the marathon takes place on 6 October", nor "Brian May told the meeting")."""
    return not _TO_COME.search(sentence) and any(MONTHS[m.group(1).lower()] > month
                                                 for m in _YEARLESS_MONTH.finditer(sentence))


def relative_year(question: str, sentence: str) -> bool:
    """Return True when the question asks about this year and the sentence only about last year ("Last year's race was
    won by Arno Vessel" for "who won at this year's Dunmore Marathon?"), or the other way round."""
    this_q, last_q = _THIS_YEAR.search(question), _LAST_YEAR.search(question)
    this_s, last_s = _THIS_YEAR.search(sentence), _LAST_YEAR.search(sentence)
    next_q, next_s = _NEXT_YEAR.search(question), _NEXT_YEAR.search(sentence)  # ("how many shops will it close next
    # year?" / "one of 12 closures this year")
    return bool((this_q and last_s and not this_s) or (last_q and this_s and not last_s)
                or (next_q and (this_s or last_s) and not next_s and not _AHEAD_SAID.search(sentence)))


# A sentence saying what is to come ("will invest £40m in 2025, after spending £25m this year", "have named Jim Baxter
# as head coach, after he guided Harwick to the title this season")
_AHEAD_SAID = re.compile(r"\b(?:named|appoint\w*|sign\w*|(?:19|20)\d\d)\b|\bafter\b", re.I)


def _later_deed(before: str) -> bool:
    """Return True when "last year" closes a clause of its own after a figure said in the present ("has 14,300
    registered patients but only six GPs, after two partners retired last year": the retirement's year), not after
    a past one ("attracted 12,000 people when it was staged last year")."""
    clause = re.search(r"\b(?:after|when|because|since)\s+(?:[\w'’-]+\s+){0,4}[a-z]+ed\s+$", before, re.I)
    return clause is not None and re.search(r"\b(?:has|have|is|are|now)\b", before[:clause.start()], re.I) is not None


def other_year(years: list[str], sentence: str, published: date | None) -> bool:
    """Return True when the question names a year and the sentence speaks of another by a relative phrase: "last
    year's winner" in an article of 2025 is the 2024 winner."""
    if not years or published is None:
        return False
    asked = {int(y) for y in years if y.isdigit()}
    if _THIS_YEAR.search(sentence) and published.year in asked:
        return False  # "this year's race, after ... last year": it speaks of the asked year
    # ... in the sentence's main clause: "reached 36.4C, breaking the record set last year" speaks of this year
    last = _LAST_YEAR.search(sentence)
    if last and published.year - 1 not in asked and published.year in asked and not re.search(
            r"\b(?:breaking|beating|eclipsing|surpassing|topping|up from|down from|compared with|compared to|than|"
            r"from)\b[^;]*$|\b(?:up|down|higher|lower)\s+(?:by\s+)?[\d.,]+\s?(?:%|per ?cent)\s+on\s+$",
            sentence[:last.start()], re.I) and not _later_deed(sentence[:last.start()]):  # ("64,500 tickets were
        # sold, up 9% on last year": this year's)
        return not re.search(rf"\b{published.year}\b", sentence)
    if _THIS_YEAR.search(sentence) and published.year not in asked:
        return not any(re.search(rf"\b{y}\b", sentence) for y in asked)
    return False


_SHARED = re.compile(r"\b(?:between them|combined|together|altogether|in total|jointly|across (?:the|all|its) "
                     r"(?:\w+ )?(?:sites|centres|stores|branches|schools|homes))\b", re.I)
_WIDER = re.compile(r"\bacross (?:the|all|its) (?:\w+ )?(?:district|county|region|borough|country|city|network|chain|"
                    r"group|trust|council|area|wards|branches|stores|sites)\b|\bnation(?:al|wide)ly?\b", re.I)
_WHOLE_ASKED = re.compile(r"\b(?:total|all|combined|together|altogether|between them|overall|in all|each|every)\b",
                          re.I)


_SITES = (r"station|school|hospital|branch|store|shop|club|stadium|airport|port|library|bridge|site|plant|factory|"
          r"centre|center|park|ward|campus|office|depot|terminal|reservoir|prison|farm|mine|works|museum|theatre")


def other_site(question: str, names: list[str], sentence: str, article: str = "") -> bool:
    """Return True when a count or sum question asks about a named site ("tressingham station journeys") and the
    sentence, not naming it, gives the figure of another site of that kind ("Wexcombe station was the busiest, with
    188,000 journeys"), or of "the <place> <site>" where the article says the place is one ("save the Pennick
    branch" after "branches in Pennick, Sallowby and Greyholme")."""
    for name in names:
        asked = re.search(rf"\b{re.escape(name)}(?:['’]s)?\s+({_SITES})\b", question, re.I)
        if asked and name.lower() not in sentence.lower():
            site = asked.group(1).lower()
            other = re.search(rf"(?:^|[,;]\s+|\b(?:and|at|while|but)\s+)([A-Z][\w'’-]+)\s+{site}\b",
                              sentence)  # (at a clause's start: not "The Victorian museum", "the Acme plant")
            if other is None and (placed := re.search(rf"\bthe\s+([A-Z][\w'’-]+)\s+{site}\b", sentence)) \
                    and re.search(rf"\bin\s+(?:[A-Z][\w'’-]+,\s+)*{re.escape(placed.group(1))}\b(?!['’])", article):
                other = placed
            if other and other.group(1) not in ("The", "A", "An", "Its", "Their", "This", "That", "Each", "Every") \
                    and not any(other.group(1).lower() in n.lower().split() for n in names) \
                    and other.group(1).lower() not in question.lower():
                return True
    return False


_SPENT_TO = r"\bto (repair|rebuild|build|fund|buy|upgrade|replace|refurbish|restore|renovate|expand|improve|fix)\b"


def spent_on_other(question: str, names: list[str], sentence: str) -> bool:
    """Return True when a sum question asks what was set aside "to repair / build / fund ..." one thing and the
    sentence gives a sum to do that to other things only ("How much has the government set aside to repair the
    island's airport?" / "has set aside €14m to repair roads and 160 damaged homes")."""
    asked = re.search(_SPENT_TO + r"\s+([^?]+)", question, re.I)
    said = re.search(_SPENT_TO, sentence, re.I)
    if not asked or not said or said.group(1).lower()[:5] != asked.group(1).lower()[:5]:
        return False
    named = {w.lower() for n in names for w in n.split()}
    wanted = {w for w in re.findall(r"[a-z]{4,}", asked.group(2).lower().replace("’", "'"))
              if w not in named and w not in ("their", "that", "this", "with", "after", "before")}
    return bool(wanted) and not any(re.search(rf"\b{w[:5]}", sentence.lower()) for w in wanted)


def shared_figure(question: str, names: list[str], sentence: str) -> bool:
    """Return True when a count or sum question names one of several things the sentence lists and the sentence gives
    the figure for them all ("The centres in Kellford, Marston Rise and Dunmore support about 180 families between
    them" for "how many families use the Kellford centre?"), and the question asks no total."""
    if not _WHOLE_ASKED.search(question) and _WIDER.search(sentence) and any(
            re.search(rf"\b{re.escape(name)}(?:['’]s)?\s+(?:{_SITES}|ward|constituency|division)\b", question, re.I)
            and name.lower() not in sentence.lower() for name in names):
        return True  # "what was the turnout in fairmead ward?" / "Turnout across the district was 34.8%"
    if _WHOLE_ASKED.search(question) or not _SHARED.search(sentence) \
            or sum(name.lower() in sentence.lower() for name in names) >= 2:  # ("Acme and Betaline, which together
        return False  # have 5,000 staff, agreed a merger worth £5bn")
    return any(re.search(rf"\b{re.escape(name)}\b(?:,\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)*,?\s+and\s+[A-Z]"
                         rf"|[A-Z][\w'’-]*,?\s+and\s+{re.escape(name)}\b", sentence) for name in names)


def closing_for_reopening(question: str, sentence: str) -> bool:
    """Return True when a date question asks when a thing reopens and the sentence dates only its closing ("closed
    after a landslip on 28 May"). (Date questions only: for "did the bridge reopen on schedule?" a closing is no
    verdict either way.)"""
    return _only_other(question, sentence, [_REOPENS])


def opposite_action(question: str, sentence: str) -> bool:
    """Return True when the question asks about an action ("accepting", "asking for", "end", "overall") and the
    sentence reports only its opposite or a part of it ("rejecting a 3.5% pay offer", "had been offered 4%", "from 1
    August", "won the fourth stage")."""
    return _only_other(question, sentence, _ACTION_PAIRS)


def _only_other(question: str, sentence: str, pairs: list[tuple[re.Pattern, re.Pattern]]) -> bool:
    """Return True when, for one (asked, other) pair, the question says the asked thing and the sentence only the
    other one."""
    return any(asked.search(question) and said.search(sentence) and not asked.search(sentence)
               for asked, said in pairs)


# An ending: the opposite of continuing, and what a spared thing escapes (contrary)
_ENDING = re.compile(r"\b(?:end|ends|ended|ending|stop\w*|scrap\w*|axe\w*|withdraw\w*|withdrawn|cease\w*|clos\w*)\b",
                     re.I)
# Outcomes that deny what a yes-no question asks ("was he convicted?" / "was cleared"; "will the appointments
# continue?" / "will end"): read for verdicts only, as a factoid's sentence may say both ("ended its run of ...")
_CONTRARIES = [
    (re.compile(r"\b(?:convict\w*|(?<!not )guilty)\b", re.I),
     re.compile(r"\b(?:clear(?:ed|s)?|acquit\w*|not guilty)\b", re.I)),
    (re.compile(r"\b(?:approv\w*|pass(?:ed|es)?|back(?:ed|s)?|grant\w*)\b", re.I),
     re.compile(r"\b(?:reject\w*|refus\w*|turn\w* down|thrown out|vot\w* down|block\w*)\b", re.I)),
    (re.compile(r"\b(?:go|goes|went|gone|going) ahead\b|\b(?:take|takes|took|taken|taking) place\b", re.I),
     re.compile(r"\b(?:called off|cancel\w*|scrapped|postponed|suspended|axed|pushed back|put on hold)\b", re.I)),
    (re.compile(r"\b(?:continu\w*|keep\w*|kept|remain\w*|stay\w*|carry on)\b", re.I), _ENDING),
    # "did the city hit the 36C that was forecast?" / "fell short of the 36C forecasters had predicted"
    (re.compile(r"\b(?:hit|hits|reach\w*|meet|meets|met|achiev\w*|exceed\w*)\b", re.I),
     re.compile(r"\b(?:f[ae]ll\w* short|failed to (?:reach|hit|meet|achieve)|missed (?:its|the|their|his|her) "
                r"(?:target|goal|forecast))\b", re.I)),
]


def contrary(question: str, sentence: str) -> bool:
    """Return True when the sentence reports the opposite of what a yes-no question asks happened ("was Tobin Vaskell
    convicted ...?" / "The nephew was cleared ..."), and not the asked thing itself. "End up" asks for the outcome,
    not of an ending."""
    question = re.sub(r"\bend(?:s|ed)? up\b", " ", question, flags=re.I)
    done = _ONLY_PLANNED.sub(" ", sentence)  # "voted to keep it open, reversing a plan to close it": no closing
    if _ENDING.search(question) and any(re.search(rf"\b(?:{_SPARED})\s+(?:the\s+)?{re.escape(name)}", sentence, re.I)
                                       for name in re.findall(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*", question)[1:]):
        return True  # "voted to close Fernley ... but has reprieved Styles Cross": not Styles Cross
    return opposite_action(question, sentence) or any(
        asked.search(question) and said.search(done) and not asked.search(done)
        for one, other in _CONTRARIES for asked, said in ((one, other), (other, one)))


# A deed spoken of only as intended ("reversing a plan to close it"), and the words that spare a thing from an ending
_ONLY_PLANNED = re.compile(r"\b(?:plans?|proposals?|bid|move|threat|decision)\s+to\s+\w+", re.I)
_SPARED = r"reprieved|reprieves|spared|spares|saved|kept"


# Each side of a pair names the other thing ("the rural farmland fall" / "urban gardens showed a fall of 18%"; a
# series finale's audience / its launch's)
_OTHER_SIDES = [
    (re.compile(r"\brural\b", re.I), re.compile(r"\burban\b", re.I)),
    (re.compile(r"\bindoors?\b", re.I), re.compile(r"\boutdoors?\b", re.I)),
    (re.compile(r"\bfinale\b|\b(?:final|last) (?:episode|venue|stop|date|leg|show|performance)\b", re.I),
     re.compile(r"\b(?:launch\w*|premiere\w*|open(?:s|ed|ing|er)?|first episode)\b", re.I)),
    (re.compile(r"\b(?:lowest|minimum)\b", re.I), re.compile(r"\b(?:peak\w*|highest|maximum)\b", re.I)),
    # the prosecution is not the defence ("who was his defence barrister?" / "Prosecutor Gemma Lyle KC told jurors")
    (re.compile(r"\bprosecut\w*", re.I),
     re.compile(r"\bdefen[cs]e (?:barrister|lawyer|counsel|team|solicitor|QC|KC)\b|\bdefending\b", re.I)),
]
# Hiring is not laying off ("how many staff did it lay off?" / "had hired 40 compliance staff"): read for counts only
# ("which co-founder wrote the memo about the layoffs?" is answered by a memo saying hiring goes on)
_HIRING = re.compile(r"\b(?-i:hir(?:e|es|ed|ing))\b|\b(?:recruit\w*|taken on|take on|took on|taking on)\b", re.I)
_LAYING_OFF = re.compile(r"\b(?:lay(?:s|ing)? off|laid off|layoffs?|made redundant|redundanc\w*|let go|axe[ds]?|"
                         r"cut(?:s|ting)? (?:\d[\d,]* )?(?:[a-z-]+ ){0,2}(?:jobs|staff|posts|roles|workers))\b", re.I)


def hired_for_laid_off(question: str, sentence: str) -> bool:
    """Return True when a count question asks about hiring and the sentence speaks only of laying off, or the other
    way round."""
    return _only_other(question, sentence, [(_HIRING, _LAYING_OFF), (_LAYING_OFF, _HIRING)])


# One way only: the thing on its own is not the whole (Plexmoor's subscribers / "together, the companies have 11.6
# million"); the dearest is not where prices start; a peak or a low is no average; a sum paid is not one ordered
_ALONE = (re.compile(r"\b(?:on (?:its|their|his|her) own|alone|by itself|by themselves|standalone)\b", re.I),
          re.compile(r"\b(?:together|combined|between them|jointly|merged)\b", re.I))
_DEAR = re.compile(r"\b(?:most expensive|priciest|dearest|top[- ]priced|highest[- ]priced)\b", re.I)
_DEAREST = (_DEAR, re.compile(r"\b(?:start(?:s|ing)? (?:at|from)|from as little as|as low as|cheapest)\b", re.I))
# A first year is not what comes after it ("how much will tickets cost after the first year?" / "capped at £30 in the
# first year")
_AFTER_FIRST = (re.compile(r"\bafter (?:the|its|their|a) first (?:year|month|week|season|term)\b|\bfrom (?:year two|"
                           r"the second year)\b|\bafter that\b|\bthereafter\b|\bafterwards\b|\bin later years\b",
                           re.I),
                re.compile(r"\b(?:in|for|during|over) (?:the|its|their|a) first (?:year|month|week|season|term)\b",
                           re.I))
_CHEAPEST = (re.compile(r"\b(?:cheapest|lowest[- ]priced|least expensive|start(?:s|ing)? (?:at|from)|from as little as|"
                        r"as low as)\b", re.I), _DEAR)
# A runner-up's prize is not the winner's ("welsh open runner-up prize money" / "the winner will receive £120,000")
_RUNNER_UP = (re.compile(r"\brunners?[- ]up\b|\bsecond[- ]place\b|\bfinish(?:ed|ing)? second\b", re.I),
              re.compile(r"\b(?:winners?|champions?)\b", re.I))
_EXTREME = (re.compile(r"\b(?:lowest|highest|peak\w*|maximum|minimum|strongest|fastest|hottest|coldest)\b", re.I),
            re.compile(r"\b(?:averag\w*|on average)\b", re.I))
_PAID = (re.compile(r"\b(?:actually|really|so far|to date|already)\b[^?]{0,40}\b(?:re)?paid\b|\b(?:has|have|had) "
                    r"(?:\w+ ){0,3}(?:re)?paid\b", re.I),
         re.compile(r"\b(?:ordered|told|required|due|expected|agreed|set|has|have) to (?:re)?pay\b", re.I))
# Jobs created are not jobs kept; work starting is not work done by a date
_CREATED = (re.compile(r"\bcreat\w*|\bnew jobs\b", re.I),
            re.compile(r"\b(?:secur\w*|sav(?:e|es|ed|ing)|safeguard\w*|protect\w*|retain\w*)\b", re.I))
_STARTED = (re.compile(r"\b(?:start\w*|begin\w*|began|begun|commenc\w*)\b", re.I),
            re.compile(r"\b(?:built|completed|finished|ready|done|opened|open)\s+by\b", re.I))
# A reopening is not a closing: "when will the coastal path reopen?" is not answered by "closed after a landslip on
# 28 May"
_REOPENS = (re.compile(r"\bre-?open\w*|\bopen(?:s|ed|ing)? again\b", re.I),
            re.compile(r"\b(?:clos\w*|shut\w*)\b", re.I))
_ACTION_PAIRS = [pair for one, other in _OPPOSITES + _OTHER_SIDES for pair in ((one, other), (other, one))] + [
    _ENDS, _LANDING, _WHOLE, _FINAL_MATCH, _ALONE, _DEAREST, _CHEAPEST, _RUNNER_UP, _EXTREME, _PAID, _CREATED,
    _STARTED, _AFTER_FIRST]
_PARTICLES = {"out", "off", "up", "down", "back", "over", "away", "in", "on", "through"}
_TIME_ADVERBS = {"daily", "weekly", "monthly", "yearly", "annual", "annually"}


# Participles that say which figure or date is meant ("revised opening date", "estimated cost"), not a deed done
_MODIFIERS = {"revised", "updated", "estimated", "projected", "adjusted", "combined", "reported", "expected"}
_ACCUSED = re.compile(r"\b(?:accused|suspected|alleged|charged)\s+(?:of|with|to)\s+", re.I)


_PARTICIPLES = {"lost", "sold", "built", "paid", "won", "spent", "cut", "set", "held", "made", "taken", "given",
                "kept", "left", "bought", "raised", "closed", "shut", "frozen", "broken", "stolen", "hit", "known"}
_ASKING = re.compile(r"\W*(?:(?:so|and|hey|ok),?\s+)?(?:what|which|who|whom|whose|when|where|why|how|did|does|do|is|"
                     r"was|were|are|has|have|had|can|could|will|would|tell|name|find|list|show|give|i)\b", re.I)


@lru_cache(maxsize=256)
def done_verb(question: str) -> str | None:
    """Return the start of the verb a short question asks about as done ("who won" -> "win"), or None. An accusation
    says what was done ("accused of defrauding": defraud), not a verb of its own a report must repeat."""
    question = _ACCUSED.sub("", question)
    words = re.findall(r"[a-z]+", question.lower())
    # the words of names are no verbs ("Bankman-Fried"), the question's first word aside ("Did", "Was")
    named = {w.lower() for token in re.findall(r"[A-Z][\w'’-]*", question)[1:] for w in re.findall(r"[A-Za-z]+", token)}
    # (a participle describing a noun, "users hit by its breach", is not what is asked)
    described = {m.group(2) for m in re.finditer(r"\b([a-z]+s) ([a-z]+) by\b", question.lower())
                 if m.group(1) not in ("was", "has", "is", "does", "its", "his", "this")}
    # ("how much is the contract awarded to Brightline worth?": what the contract is worth, not the award)
    described |= {m.group(1) for m in re.finditer(r"\b(?:the|a|an|its|their)\s+[a-z]+\s+([a-z]+ed)\s+(?:to|by|for|in|"
                                                  r"at|on|from|with|under|against)\b", question.lower())
                  if re.search(r"\b(?:is|was|are|were|did|does|do|has|have|had|will)\b", question[:m.start()], re.I)}
    # (a relative clause describes a noun: "how many crew were on the ship that hit the rocks?" asks no hitting)
    described |= {m.group(1) for m in re.finditer(
        r"\b(?:the|a|an|its|their)\s+[a-z]+\s+(?:that|which|who)\s+([a-z]+)\b", question.lower())}
    # (a search-box query's participle before a word describes it: "ostwick merged practice registered patients")
    if "?" not in question and not _ASKING.match(question):  # ("fines lost income": the income, no losing)
        described |= {m.group(1) for m in re.finditer(r"\b([a-z]+) (?=([a-z]+))", question.lower())
                      if (m.group(1).endswith("ed") or m.group(1) in _PARTICIPLES)
                      and m.group(2) not in _PARTICLES and m.group(2) not in STOPWORDS}  # ("declared over": done)
    # (after the question's own verb: "how much the crown moved against the dollar" asks about the move)
    verbs = [w for w in words if w not in named and w not in _MODIFIERS and w not in described
             and ((w in BASE_FORMS and w not in _TIME_ADVERBS) or (len(w) > 4 and w.endswith("ed")))]
    said = _verb_after_did(question) or _verb_after_aux(question)  # "did X file ...", "is X appealing ...": said
    verbs = [v for v in [said] if v] + verbs
    if not verbs or (len(words) > 15 and not said):  # a long description's verbs describe; the asked verb is a
        return None  # short question's, or the one right after its subject
    if re.search(r"\b(?:will|would|shall|going to|plan|plans|planned|expected|due|supposed|scheduled|slated|set to|"
                 r"(?:was|were|is|are) to|(?:is|are|'s|’s)\b[^?]{0,40}\bgetting [a-z]+ed)\b",
                 question.lower()):  # ("how many stores were to close?", "when's ostrand getting sentenced?": to come)
        return None  # "when will the line be extended?" asks about a plan: "voted to extend" answers it
    return BASE_FORMS.get(verbs[0], verbs[0])[:5]


_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "this", "that"}


def _verb_after_aux(question: str) -> str | None:
    """Return the verb of an "is/has <subject> <verb>ing/ed ...?" question ("is neil pascoe appealing his sentence?"
    -> "appealing", "has the EU blocked the deal?" -> "blocked"), or None."""
    asked = re.match(r"\W*(?:(?:so|and|hey|ok),?\s+)?(?:is|are|was|were|has|have|had)\s+((?:[\w'’-]+\s+){1,4}?)"
                     r"([a-z]{3,}(?:ing|ed))\b", question, re.I)
    if not asked or asked.group(2).lower() in ("being", "during", "according", "including", "based", "used", "expected",
                                                "supposed", "scheduled", "planned"):
        return None
    verb = asked.group(2).lower()
    return BASE_FORMS.get(verb) or stemmer().stemWord(verb)  # "appealing" -> "appeal", "played" -> "play"


_ADJECTIVE_ENDING = re.compile(r"(?:ic|al|ous|ive|ful|less|able|ible|ary|ern)$")
_ADVERBS_OF_OUTCOME = {"finally", "actually", "eventually", "ultimately", "officially", "really", "ever", "also",
                       "still", "formally", "originally", "first", "last"}


def _verb_after_did(question: str) -> str | None:
    """Return the verb of a "did <subject> <verb> ...?" question ("Did Quint Foods win its appeal?" -> "win", "when did
    the EU fine Amazon?" -> "fine"): the first lower-case word after a subject of names (after "the" too), or None."""
    asked = re.match(r"\W*(?:(?:when|on what date|what date|in what year|where|why|how|(?:for |by )?how (?:much|many)"
                     r"(?: \w+)?) )?did (.+)", question, re.I)
    if not asked:
        return None
    words = re.findall(r"[A-Za-z'’-]+", asked.group(1))
    adverb = next((j for j, w in enumerate(words[1:5], 1) if w.lower() in _ADVERBS_OF_OUTCOME), None)
    if adverb is not None and adverb + 1 < len(words) and words[adverb + 1].islower() \
            and words[adverb + 1] not in _DETERMINERS and words[adverb + 1] not in STOPWORDS \
            and words[adverb + 1] not in ("go", "get", "come", "take", "make", "have", "put", "set") \
            and not (words[adverb].lower() in ("first", "last") and (  # "first electric buses", "the first trams":
                _ADJECTIVE_ENDING.search(words[adverb + 1]) or re.search(r"[^s]s$", words[adverb + 1]))  # no verb,
                     and adverb + 2 < len(words) and words[adverb + 2].lower() not in STOPWORDS  # but "first appeal
                     and words[adverb + 2].lower() not in _DETERMINERS):  # the ruling", "first arrive in": a verb
        # ("actually go on sale": a phrase, read below)
        return words[adverb + 1]  # "when did the tallwick hack actually start?": the verb follows the adverb
    def past_name(i: int) -> int:  # the subject's names ("Quint Foods", "the University of Marnhollow")
        while i < len(words) and (words[i][0].isupper() or (
                words[i] in ("of", "de", "and") and i and words[i - 1][0].isupper()
                and i + 1 < len(words) and words[i + 1][0].isupper())):
            i += 1
        return i

    i = past_name(0)
    if i == 0 and i < len(words) and words[i].lower() in _DETERMINERS:  # "the EU fine ...": a name after it
        i += 1
        if i >= len(words) or not words[i][0].isupper():
            return None  # "the Tenterby hosepipe ban start": where a common noun's phrase ends is not known
        i = past_name(i)
    subject_end = i
    while i < len(words) and words[i].lower() in (*_ADVERBS_OF_OUTCOME, "itself", "themselves"):  # "did Tarrowby
        # finally agree", "did the Fed
        i += 1  # last raise rates"
    if i >= len(words) or not words[i].islower():
        return None
    # a verb is followed by its object or a preposition ("win its appeal", "fine Amazon", "return to OpenAI"), not by
    # another lower-case word of the subject ("the Tenterby hosepipe ban start"); after an adverb comes the verb
    after = words[i + 1] if i + 1 < len(words) and i == subject_end else ""
    if after and after.islower() and after not in _DETERMINERS and after not in STOPWORDS:
        # the last word after the subject's noun is the verb ("when did the Cedar Notch fire start?")
        return after if i + 2 == len(words) and after not in (
            "go", "get", "come", "take", "make", "have", "happen", "occur", "unfold") else None  # ("when did the
        # fire happen?" asks when the event was, no deed)
    return words[i].lower()


# What news says in other words for a done verb: "was found guilty" is "convicted", "stepped down" is "resigned"
_SAID_AS = [(re.compile(p, re.I), verb) for p, verb in (
    (r"\bfound guilty\b|\bguilty verdicts?\b|\bpleaded guilty\b", "convicted"),
    (r"\bfound not guilty\b|\bcleared of\b", "acquitted"),
    (r"\bstep(?:s|ped|ping)? down\b|\bquit\b", "resigned"),
    (r"\b(?:fired|dismissed|parted company with|relieved of (?:his|her|their) duties)\b", "sacked"),
    (r"\b(?:sacked|dismissed)\b", "fired"),
    (r"\b(?:jailed|imprisoned|locked up)\b", "sentenced"),
    (r"\bsentenced to\b[^.]{0,40}\b(?:prison|jail|custody)\b", "jailed"),
    (r"\b(?:called off|scrapped|axed)\b", "cancelled"),
    (r"\bpushed back\b", "postponed"),
    (r"\b(?:flight|flew|flown|lift(?:s|ed)? off|launch(?:ed)?)\b", "fly"),  # "reached orbit on its first flight"
    (r"\b(?:rain|snow)fall\b", "fall"),  # "the final rainfall figure" for "how much rain fell"
    (r"\b(?:took|taken|takes|taking|grossed|grosses|made|makes|brought in|pulled in)\b[^.]{0,30}?[£$€]", "earn"),
    (r"\b(?:detained|taken into custody)\b", "arrested"),
    (r"\b(?:named|hired|installed) as\b", "appointed"),
    (r"\b(?:take|takes|took|taking|taken) up (?:the|her|his|their|its) (?:post|role|job|position)\b|"
     r"\b(?:joins?|joined|begins?|began|starts?|started|broke out|breaks out|sparked)\b", "start"),  # "will take
    # up the post in January 2026"; a fire "broke out"
    (r"\b(?:without|cut off from|no) (?:power|electricity|water|supplies)\b|\bdefeat(?:s|ed)?\b|\bbeaten\b", "lose"),
    (r"\b(?:made|makes|making|posted|posts|reported|reports|recorded|suffered|suffers|booked|ran up) (?:a|an) "
     r"(?:[\w-]+ ){0,2}loss(?:es)? of (?:about |around |some )?[£$€\d]|\blosses of (?:about |around )?[£$€\d]|"
     r"\b(?:a|an) [£$€][\d.,]+\s*(?:m|bn|k|million|billion)? (?:[\w-]+ )?loss\b", "lose"),  # "made a loss of
    # £640,000" for "how much did it lose?": a sum lost (no seats or jobs)
    (r"\b(?:cut|cuts|lowered|lowers|slashed|trimmed|brought down)\b", "reduce"),  # a fine "cut from £4.6m to £3.9m"
    (r"\b(?:reduced|reduces|lowered|lowers|slashed|trimmed)\b", "cut"),
    (r"\bin front of\b|\bspectators\b|\bviewers\b|\baudience of\b", "watch"),  # "how many people
    # watched the final?": "in front of 2,870 spectators"
    (r"\bdocked\b|\bpoints? penalty\b|\b\d+-point (?:penalty|sanction)\b", "deducted"),
    (r"\b(?:approved|backed|voted (?:through|for|in favour))\b", "passed"),  # a plan or a bill the councillors
    (r"\b(?:passed|voted through|backed|given the go-ahead)\b", "approved"),  # "passed"
    (r"\b(?:supported|supporting|voted (?:for|in favour)|in favour|accepted|endorsed)\b", "backed"),  # "81
    # percent ... supported it", "after 74 per cent of members accepted the deal"
    (r"\baffect(?:s|ed|ing)?\b|\bimpos(?:e|es|ed|ing)\b[^.]{0,50}\bon\b", "hit"),  # "will impose a hosepipe ban on
    # its 1.2 million customers", "5,200 passengers were affected" for "how many were hit"
    (r"\b(?:charity|fundraising|appeal)\s+total\b|\bin donations\b", "raise"),  # "the charity total ... revised to
    # €1.35 million" for "how much did it raise for charity?"
    (r"\b(?:fee|price)\b|\b(?:signed|bought|acquired|sold)\b[^.]{0,80}\bfor\s+(?:about\s+|around\s+)?"
     r"(?:[£$€]|[A-Z]{2,3}\s?\d|\d)", "pay"),
)]


def said_as(text: str) -> set[str]:
    """Return the done verbs a text says in other words ("was found guilty of seven counts" -> {"convicted"})."""
    return {verb for pattern, verb in _SAID_AS if pattern.search(text)}


def uses_done_verb(question: str, sentence: str) -> bool:
    """Return True unless the question asks whether something was done ("has the EU blocked the deal?") with a verb
    of substance and the sentence never uses that verb: "lowered its offer ... delayed closing the deal" shares the
    deal, not the blocking. Light verbs ("given the go-ahead") and phrasal verbs ("thrown out") are not required."""
    asked = done_verb(question)
    if asked is None or asked in ("give", "take", "make", "get", "have", "do", "go", "put", "set", "come", "keep"):
        return True
    words = re.findall(r"[a-z]+", question.lower())
    if any(BASE_FORMS.get(w, w)[:5] == asked and nxt in _PARTICLES
           and not ((before in ("be", "been", "being", "was", "were", "is", "are") or nxt in ("in", "on", "over"))
                    and after in _DETERMINERS)
           for before, w, nxt, after in zip([""] + words, words, words[1:], words[2:] + [""])):
        return True  # "thrown out", "called off", "turned down": the phrase means what other verbs say ("dismissed");
        # "been arrested over the raid", "injured in the fire" are a verb and a preposition
    # "fire" is used by "fired" as much as "win" by "won" (its base form), "raise" by "raising" (not "value" by
    # "valuation")
    stem = stemmer().stemWord(asked)  # ("carried" for "carry", "saving" for "saved", "voting" for "voted")
    return any(BASE_FORMS.get(w, w).startswith(asked) or (asked.endswith("e") and w == f"{asked[:-1]}ing")
               or (len(stem) >= 4 and w.endswith(("ed", "ing")) and stemmer().stemWord(w) == stem)  # (a verb's
               # form, not a noun: "a bigger move", "confiscation")
               for w in re.findall(r"[a-z]+", sentence.lower())) or any(
        verb.startswith(asked) or asked.startswith(verb) for verb in said_as(sentence))  # "was found guilty" for
    # "convicted", "has taken $310m" for "earned"


def unrealised(question: str, sentence: str) -> bool:
    """Return True when the question asks about something done ("who won ...?", "how much was it fined?") and the
    sentence speaks of that verb only as an aim or a forecast ("just need one more win to become champions", "will
    be fined")."""
    asked = done_verb(question)
    if asked is None:
        return False
    # (the "to" of a range is no aim: "the letters, dated 1841 to 1879, describe ...")
    words = re.findall(r"[a-z]+", re.sub(r"\d[\d,.]*\s+to\s+\d", " ", sentence.lower()))
    uses = [i for i, w in enumerate(words) if BASE_FORMS.get(w, w)[:5] == asked]
    return bool(uses) and all(set(words[max(0, i - 3):i]) & _UNREALISED and not (
        i > 0 and words[i - 1] == "to" and not set(words[max(0, i - 3):i - 1]) & _UNREALISED
        and set(words[max(0, i - 8):i - 1]) & _RESULT_BEFORE) for i in uses)


# A result said before "to win" makes it one ("beat New Zealand 12-11 to win the title", "held on to win"), unlike an
# aim ("need to win")
_RESULT_BEFORE = {"beat", "defeated", "overcame", "edged", "held", "hung", "rallied", "recovered", "fought", "battled",
                  "surged", "stormed", "romped", "came", "went", "finished", "scored", "kicked", "clinched", "secured",
                  "sealed", "outlasted", "raced", "sprinted", "won",
                  "named", "appointed", "picked", "chosen", "chose", "hired", "promoted"}  # ("named Petra Skole to
# replace him": done)


def part_win(question: str, sentence: str) -> bool:
    """Return True when the question asks who won a whole event and the sentence tells of winning a part of it ("have
    won Game 2 of the 2023 World Series" for "who won the 2023 World Series?") or speaks only of a part ("the pair
    meet in the semi-finals")."""
    if not re.search(r"\b(?:won|win|wins|winner|champion)\b", question, re.I) or _WHOLE[1].search(question) or re.search(
            r"\bgame\s+\d", question, re.I):
        return False
    # a part won, or only a part spoken of ("the pair meet in the semi-finals"), with no word of the whole's result
    return bool(_PART_WIN.search(sentence)) or bool(_PART.search(sentence) and not _WHOLE_RESULT.search(sentence))


_PART = re.compile(r"\b(?:semi-?finals?|quarter-?finals?|knockout (?:stages?|rounds?)|group stage|qualif\w*|"
                   r"game\s+\d|reach(?:ed|es|ing)? the final|into the final)\b", re.I)  # reaching the final wins a semi
# the whole's result: a title, a trophy, champions, the final won ("reach the final" is not one)
_WHOLE_RESULT = re.compile(r"\b(?:title|trophy|champions?|crowned|lifted)\b|\b(?:won|wins?|winning)\s+(?:the\s+)?"
                           r"(?:[\w'’-]+\s+){0,3}final\b", re.I)


# Names of events a question can ask the winner of, and the words a sentence can speak of any such event with
_EVENT = re.compile(r"\b(cup|series|championships?|open|marathon|prix|trophy|league|tournament|tour|games|awards?|"
                    r"election|race|classic|derby|bowl|final)(?:\s+(?:of|de)\s+[\w\s'’-]+)?$",  # "Tour de France"
                    re.I)
_ANY_EVENT = re.compile(r"\b(?:race|stage|leg|heat|final|tournament|contest|competition|championships?|title|trophy|"
                        r"cup|crown|"
                        r"crowned|champions?|lifted|event)\b", re.I)


_ORDINALS = ("first", "second", "third", "fourth", "fifth", "1st", "2nd", "3rd", "4th", "5th")


def other_ordinal(question: str, sentence: str) -> bool:
    """Return True when the question asks about the first (second ...) of something and the sentence speaks of
    another one of it only ("first dose mmr uptake" / "uptake of the second MMR dose")."""
    # (a film's "opening weekend" is its first)
    q, s = (re.sub(r"\b(?:opening|debut)\b", "first", text.lower()) for text in (question, sentence))
    for match in re.finditer(rf"\b({'|'.join(_ORDINALS)})[\s-]+(\w{{3,}})(?:\s+(\w{{3,}}))?", q):
        asked = match.group(1)
        for noun in (n.rstrip("s") for n in match.group(2, 3) if n):  # "second test venue": the test
            said = {m.group(1) for m in re.finditer(rf"\b({'|'.join(_ORDINALS)})[\s-]+(?:[\w-]+\s+)?{noun}", s)
                    if not re.search(r"\b(?:into|ahead of|before|for|to)\s+(?:the\s+)?$", s[:m.start()])}
            # ("a 2-1 lead into the second leg" speaks of the first)
            if said and asked not in said:
                return True
    return False


# A numbered part of a series ("phase II trial", "series 5", "season 3", "tier 2")
_LABELLED = re.compile(r"\b(phase|series|season|tier|category|grade|part|chapter|round|level|volume|wave)\s+"
                       r"(\d{1,2}|[ivx]{1,4})\b(?![.,]\d)", re.I)


def other_label(question: str, sentence: str) -> bool:
    """Return True when the question asks about a numbered part ("phase ii trial") and the sentence speaks of the same
    kind of part under another number only ("The phase III trial ...")."""
    for kind, label in {(k.lower(), n.lower()) for k, n in _LABELLED.findall(question)}:
        said = {n.lower() for k, n in _LABELLED.findall(sentence) if k.lower() == kind}
        if said and label not in said:
            return True
    return False


_CARDINAL = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})"
_SIZED = re.compile(rf"\b({_CARDINAL})[\s-](bed(?:room)?|year|day|week|month|star|seat(?:er)?|storey|bedroomed|"
                    r"hour)s?\b", re.I)


def other_size(question: str, sentence: str) -> bool:
    """Return True when the question asks about a thing of one size ("two-bedroom rent", "10-year bond", "two bed")
    and the sentence speaks only of another size of it ("the average one-bedroom rent was £662")."""
    def sizes(text: str) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for m in _SIZED.finditer(text):
            found.setdefault(m.group(2).lower().removeprefix("bedroom").replace("bedroom", "bed")[:4], set()).add(
                m.group(1).lower())
        return found
    asked, said = sizes(question), sizes(sentence)
    return any(noun in said and not (numbers & said[noun]) for noun, numbers in asked.items())


_RATE = re.compile(r"\b([a-z]+)\s+rates?\b")
_RATE_SAID = {"inflation": r"\b(?:consumer|retail|shop|cpi|rpi)\b[\w\s-]{0,15}\bprices?\b|\bcpi\b",
              "unemployment": r"\bjobless|\bout of work\b", "jobless": r"\bunemploy", "interest": r"\bbase rate\b",
              "growth": r"\b(?:gdp|economy|grew|expanded)\b"}
_GENERIC_RATE = {"the", "a", "an", "its", "their", "key", "main", "base", "headline", "annual", "average", "current",
                 "new", "overall", "official", "this", "that", "same", "whose", "what", "which", "of", "at", "to"}


def other_rate(question: str, sentence: str) -> bool:
    """Return True when the question asks about one rate ("Castrel's inflation rate") and the sentence gives another
    ("kept its key interest rate at 3.75 percent") without speaking of the asked one at all."""
    asked = {m.group(1) for m in _RATE.finditer(question.lower())} - _GENERIC_RATE
    said = {m.group(1) for m in _RATE.finditer(sentence.lower())} - _GENERIC_RATE
    lowered = sentence.lower()
    spoken = any(re.search(rf"\b{re.escape(word[:5])}", lowered) or (
        word in _RATE_SAID and re.search(_RATE_SAID[word], lowered)) for word in asked)
    # a rate of the economy's is spoken of by name ("inflation", or its prices): "iron ore prices increased 2.9 per
    # cent" gives no inflation rate
    return bool(asked and not spoken and (said and not asked & said or asked & set(_RATE_SAID)))


# Roles whose pay or words a question asks about; a sentence about another role's holder does not answer
_ROLE_WORDS = {"chair": r"chair(?:man|woman|person)?", "chief executive": r"chief executive|ceo",
               "finance director": r"finance director|chief financial officer|cfo", "president": r"president",
               "manager": r"manager", "coach": r"(?:head )?coach", "mayor": r"mayor", "captain": r"captain"}


def other_role(question: str, sentence: str) -> bool:
    """Return True when the question names a role ("what's the chair paid?") and the sentence names only other roles
    ("The chief executive, Martin Achebe, was paid £265,000")."""
    asked = [r for r in _ROLE_WORDS.values() if re.search(rf"\b(?:{r})\b", question, re.I)]
    if len(asked) != 1:
        return False
    others = [r for r in _ROLE_WORDS.values() if r not in asked and re.search(rf"\b(?:{r})\b", sentence, re.I)]
    return bool(others) and not re.search(rf"\b(?:{asked[0]})\b", sentence, re.I)


def unnamed_event(question: str, names: list[str], sentence: str, previous: str) -> bool:
    """Return True when the question asks who won a named event ("who won the 2023 World Series?") and neither the
    sentence nor the one before speaks of that event or of any event's result: "TEX wins 3-0" in a list of division
    series scores, or "wins over Samoa and Fiji in their last two games", tell who won something else."""
    events = [m.group(1).lower() for n in names if (m := _EVENT.search(n))]
    if not events or not WIN_QUESTION.search(question):
        return False
    text = f"{previous} {sentence}"
    return not _ANY_EVENT.search(text) and not any(re.search(rf"\b{e}", text, re.I) for e in events)


def unreported_win(question: str, sentence: str, previous: str) -> bool:
    """Return True when the question asks who won (or beat, or was champion) and neither the sentence nor the one
    before reports a result: a broadcast listing, a preview or a betting guide names teams without saying who won,
    and "one more win to become champions" is an aim."""
    if not WIN_QUESTION.search(question):
        return False
    other = {"men": r"\b(?:women|woman|her|she)\b", "women": r"\b(?:men|man|his|he)\b"}
    asked = re.search(r"\b(men|women)(?:'s|’s)?\b", question, re.I)
    if asked and re.search(other[asked.group(1).lower()], previous, re.I):
        previous = ""  # "It was her first tour-level title." before "The men's final ... was postponed"
    text = f"{previous} {sentence}"
    for match in WIN_RESULT.finditer(text):
        before = set(re.findall(r"[a-z]+", text[:match.start()].lower())[-4:])
        if match.group(0).strip()[:1] == "1" or not before & (_UNREALISED | {"become", "becoming"}):
            return False  # "need one more win to become champions" is not one; a results list's "1." is
    return True


# A question asking for what a thing cost (or totalled) once it was done, and words that say a sum is not that
_FINAL_FIGURE = re.compile(r"\bfinal (?:cost|bill|price|figure|total|tally|outturn|budget)\b|\b(?:cost|costs|costing)\b"
                           r"[^?]{0,30}\b(?:in the end|eventually|ultimately|all told)\b|\bend(?:ed)? up costing\b",
                           re.I)
_UNSETTLED = re.compile(r"\b(?:budget(?:ed)?|projected|estimated?|forecast|expected|funding|funded|will cost|"
                        r"would cost|is to cost|set to cost|due to cost|plans? to spend)\b", re.I)
_SETTLED = re.compile(r"\b(?:final|in the end|ended up|eventually|ultimately|came in at|actual|outturn|all told)\b",
                      re.I)
_AGAINST_PLAN = re.compile(r"\b(?:above|over|below|under|beyond|within|more than|less than)\s+(?:the|its|a|an)\s+"
                           r"(?:[\w£$€.,-]+\s+){0,3}(?:budget|estimates?|forecasts?|projections?)\b"
                           r"(?:\s+of\s+[£$€]?[\d.,]+\s*(?:[mb]n?|million|billion)?)?", re.I)
# ("cost £4.6 million, well above the £3.2 million budget", "repairs costing £2.3 million, well above the first
# estimate": the outcome said against the plan)


# A rise or a fall said by a verb, and the comparatives that also say one (read only as the asked side: "slid 12% on
# higher energy costs" is a fall)
_UP = re.compile(r"\b(?:go(?:es|ne)? up|went up|ris(?:e|es|en|ing)|rose|increas\w*|gr[eo]w\w*|climb\w*|jump\w*|"
                 r"soar\w*|gain(?:s|ed)?|surg\w*|rebound\w*|up\s+(?:by\s+)?[£$€]?\d)", re.I)
_DOWN = re.compile(r"\b(?:go(?:es|ne)? down|went down|f[ae]ll(?:s|en|ing)?|dropp?(?:s|ed|ing)?|declin(?:e|es|ed|ing)\b"
                   r"(?!\s+to\b)|decreas\w*|shr[ai]nk\w*|shrunk|slump\w*|plung\w*|sl(?:id|ide|ides|iding|ipped|ips?)|"
                   r"s[au]nk|tumbl\w*|dipp?(?:ed|s)?|down\s+(?:by\s+)?[£$€]?\d)", re.I)
_MORE = re.compile(r"\b(?:higher|more|ahead|above|bigger|larger)\b", re.I)
_LESS = re.compile(r"\b(?:lower|fewer|less|below|smaller)\b", re.I)


def against_change(question: str, sentence: str) -> bool:
    """Return True when a count or sum question asks about a rise ("how much did footfall go up?") and the sentence
    speaks only of a fall ("footfall had fallen by 7%"), or the other way round; not for rain or snow that fell."""
    if re.search(r"\b(?:rain\w*|snow\w*|hail|sleet)\b", question, re.I):
        return False
    return any(asked.search(question) and not other.search(question) and other.search(sentence)
               and not asked.search(sentence) and not also.search(sentence)
               for asked, other, also in ((_UP, _DOWN, _MORE), (_DOWN, _UP, _LESS)))


def unsettled(question: str, sentence: str) -> bool:
    """Return True when the question asks what something finally cost ("halcyon-3 final cost") and the sentence gives
    a budget, a projection or a share of the funding ("the total budget for Halcyon-3 was 720 million euros",
    "is funding £140 million of the cost"), saying nothing of a final figure. An outcome said against the plan ("cost
    £4.6 million, well above the £3.2 million budget") is final, unless the rest of the sentence still looks ahead
    ("are now expected to cost £4.6 million, well above the original estimate")."""
    if not _FINAL_FIGURE.search(question) or not _UNSETTLED.search(sentence) or _SETTLED.search(sentence):
        return False
    return not (_AGAINST_PLAN.search(sentence) and not _UNSETTLED.search(_AGAINST_PLAN.sub(" ", sentence)))


def tentative(question: str, sentence: str) -> bool:
    """Return True when the question asks what finally happened ("actually fined in the end", "what sentence did
    he get?") and the sentence only proposes, seeks or expects it ("proposed a fine", "is seeking a rise", "will be
    sentenced next month")."""
    if re.search(r"\b(?:will|would|going to|(?:was|were|is|are) (?:due |set |planned |expected )?to be)\b", question,
                 re.I):  # "in the end how much will the closures save?", "how many patients were to be transferred?":
        return False  # asks what is expected ("would save around £740,000 a year", "will be transferred")
    if (_FINAL.search(question) or _PERFECT.match(question)) and any(
            not re.search(r"\bthan\s+(?:\S+\s+){0,4}$|\b(?:first|originally|initially|earlier|previously)\s+$"
                          r"|\bof (?:the|its|their) [\d,]+ [a-z]+ (?:it|they|he|she|that|which|the \w+) $",
                          sentence[:m.start()])  # ("saved 120 of the 320 jobs it planned to cut": what was planned)
            and not (m.group(0).lower() == "would" and sentence.startswith(" now ", m.end()))
            for m in _TENTATIVE.finditer(sentence)):
        return True  # ("eight months later than planned", "fewer than the 450 it first proposed", "rose to £21.2m
        # from the £18.5m first planned": the outcome is said against the plan; "158 jobs would now go": the plan as
        # revised)
    if not re.match(r"\W*(?:so |and |hey,? )?(?:what|which|how|who|when|where)\b.*\b(?:did|was|were)\b", question,
                    re.I):
        return False
    asked = {w[:6] for w in re.findall(r"[a-z]{5,}", question.lower())} - {  # ("who was appointed to chair the
        w[:6] for w in re.findall(r"\bto ([a-z]{5,})", question.lower())}  # inquiry?": "X will chair the inquiry")
    return any(m.group(1).lower()[:6] in asked for m in re.finditer(r"\bwill (?:be |have )?(\w{5,})", sentence, re.I))


_AHEAD = re.compile(r"\b(?:will|shall|must|(?:is|are) (?:to|due to|expected to|set to|scheduled to)|plans? to)\s+"
                    r"([a-z]+)(?:\s+([a-z]+))?|\b([a-z]+)\s+(?:expected|due|planned|scheduled)\b", re.I)


def foretold(question: str, sentence: str) -> bool:
    """Return True when a question asks whether something was done ("did the cabin crew strike go ahead?", "did
    shareholders approve the deal at their April meeting?") and the sentence speaks of the asked verb only as ahead
    ("will strike on 27 September", "who will vote at a meeting in April", "at votes expected in September"): it
    does not say whether it happened."""
    if not re.match(r"\W*(?:(?:so|and|hey|ok),?\s+)?(?:did|has|have|had)\b", question, re.I):
        return False
    stem = stemmer().stemWord
    asked = {stem(BASE_FORMS.get(w, w)) for w in re.findall(r"\b[a-z]{3,}\b", question) if w not in STOPWORDS}
    ahead = {i for m in _AHEAD.finditer(sentence) for i in (1, 2, 3)
             if m.group(i) and stem(BASE_FORMS.get(m.group(i).lower(), m.group(i).lower())) in asked}
    if not ahead:
        return False
    done = [w for w in re.findall(r"\b[a-z]+\b", sentence) if (w.endswith("ed") or w in BASE_FORMS)
            and stem(BASE_FORMS.get(w, w)) in asked and w not in ("expected", "planned", "scheduled")]
    return not done


@lru_cache(maxsize=256)
def asked_class(question: str, nearby: bool = False) -> tuple[str, ...] | None:
    """Return the words a sentence may use for the kind of thing a "which X" question asks for ("Which Norwegian bank
    financed ..." -> ("bank", "lender")), or None when it asks for no listed kind. nearby: the kinds said in the
    answering sentences (NEAR_CLASS_NOUNS)."""
    nouns = NEAR_CLASS_NOUNS if nearby else CLASS_NOUNS
    match = re.match(r"\W*(?:so |and |hey,? )?(?:which|what)\s+(.*)", question.lower())
    for word in re.findall(r"[a-z]+", match.group(1))[:3] if match else []:
        for noun in (word, word.removesuffix("s"), word.removesuffix("es"), re.sub(r"ies$", "y", word)):
            if noun in nouns:
                return nouns[noun]
    return None


def class_missing(question: str, article: str, nearby: str = "") -> bool:
    """Return True when a "which X" question's kind of thing is not spoken of anywhere in the article ("which
    Norwegian bank financed ..." over an article that never mentions a bank or lender), or for what happened to
    someone (an injury, an award), not in the sentences nearby."""
    words = asked_class(question)
    near = asked_class(question, nearby=True)
    return (bool(words) and not re.search(rf"\b(?:{'|'.join(words)})", article, re.I)) or (
        bool(near) and not re.search(rf"\b(?:{'|'.join(near)})", nearby, re.I))


def withheld(sentence: str) -> list[str]:
    """Return what the sentence says was not given ("did not publish figures for ambulance handover times" ->
    ["figures for ambulance handover times"]; "" when it does not say what): such a sentence tells the reader the
    figure is unknown, it does not answer."""
    return [next((g for g in match.group("what", "what2", "what3", "what4") if g), "")
            for match in _UNDISCLOSED.finditer(sentence)]


# People a body has ("Pinebridge shareholders", "Corvale's staff"): a sentence on another body's shareholders says
# nothing of the asked one's
_GROUPS = (r"(?:shareholders?|investors?|stockholders?|members?|staff|workers?|employees?|fans?|supporters?|"
           r"residents?|voters?|customers?|passengers?|pupils?|students?|nurses?|doctors?|drivers?|players?)")


def group_of_other(names: list[str], question: str, sentence: str) -> bool:
    """Return True when the question asks about a named body's people ("pinebridge shareholder vote result") and the
    sentence speaks of the same kind of people of another body only ("Shareholders in Corvale Foods voted 78% in
    favour of the company's takeover of Pinebridge Dairy")."""
    asked = [n for n in names if regex(rf"\b{re.escape(n)}(?:'s|’s)?\s+{_GROUPS}\b", re.I).search(question)]
    if not asked:
        return False
    owners = [m.group(1) for m in re.finditer(rf"\b(?i:{_GROUPS})\s+(?:in|of|at)\s+((?:[A-Z][\w'’&-]*\s?){{1,4}})",
                                              sentence)]
    owners += [m.group(1) for m in re.finditer(rf"\b((?:[A-Z][\w&-]*\s){{0,3}}[A-Z][\w&-]*)(?:'s|’s)\s+{_GROUPS}\b",
                                               sentence)]
    owners = [o.strip() for o in owners if o.strip()]
    said = normalise(sentence)
    return bool(owners) and not any(normalise(n) in normalise(o) for n in asked for o in owners) and not any(
        regex(rf"\b{re.escape(normalise(n))}(?:'s)?\s+{_GROUPS}\b", re.I).search(said) for n in asked)
