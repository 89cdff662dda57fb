"""The one tokenizer, stemmer and sentence splitter every layer uses, and small text forms shared by them."""

from __future__ import annotations

import logging
import re
import unicodedata
from datetime import date
from functools import lru_cache

# A sentence ends at . ! ? … (not after initials like "U.S." or titles like "Mr.", nor after a month written short
# before its day: "Oct. 4", nor a numbered list line's "1." before its item), or at a paragraph break.
_ABBREVIATIONS = (r"(?<!\b[A-Z]\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bJr\.)(?<!\bNo\.)(?<!\bvs\.)(?<!\bMrs\.)"
                  r"(?!(?<=\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\.)\s+\d)(?!(?<=\bSept\.)\s+\d)"
                  r"(?<!^\d\.)(?<!\n\d\.)(?<!^\d\d\.)(?<!\n\d\d\.)"  # nor after a list line's "1."
                  r"(?!(?:(?<=\b(?:Lt|Fr)\.)|(?<=\b(?:Rep|Sen|Gov|Gen|Col|Sgt|Adm|Maj|Rev|Hon|Det)\.)"
                  r"|(?<=\b(?:Capt|Cmdr|Prof|Supt|Insp)\.))\s+[A-Z])")
# (nor after a title before a name: "Rep. Patrick McHenry", "Sen. Jon Tester", "Lt. Col. Ann Roe")
# (the cheap end-mark test comes first: the abbreviation tests then run only where a sentence may end)
SENTENCE_END = re.compile(r"(?<=[.!?…])" + _ABBREVIATIONS + r"[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n+")
_SPACE = re.compile(r"\s+")

# Words that open or glue a question and never name what it is about.
QUESTION_WORDS = frozenset({
    "who", "what", "when", "where", "which", "why", "how", "did", "does", "do", "is", "are", "was", "were", "has",
    "have", "had", "can", "could", "will", "would", "should", "the", "a", "an", "in", "on", "of", "and", "or",
    "according", "after", "before", "between", "both"})

# Function words that carry no content (the support checker and question analysis skip them).
STOPWORDS = frozenset("""a an the and or but if of to in on at by for with from as into onto about over after before
    than then that this these those there here is are was were be been being am has have had do does did doing
    will would shall should can could may might must it its it's he him his she her hers they them their theirs
    we us our you your i me my who whom whose which what when where why how also just so too very more most
    such said says say told tell according while whilst up out off down again further once all any both each
    other some own same only""".split())


@lru_cache(maxsize=1)
def _bm25s():
    import bm25s

    logging.getLogger("bm25s").setLevel(logging.WARNING)  # bm25s sets its logger to DEBUG on import
    return bm25s


@lru_cache(maxsize=1)
def stemmer():
    """Return the English Snowball stemmer (PyStemmer) that BM25 and the support checker share."""
    import Stemmer

    return Stemmer.Stemmer("english")


# Irregular verb forms the stemmer leaves apart from their base ("broken" / "break", "sought" / "seek"), and forms
# whose base is a common word of another sense ("born" is no "bear", "stricken" no strike, "sent" no SEND, "stood at
# 8,400" no stand, "dealt with" no deal, the Fed no feeding)
_NOT_IRREGULAR = frozenset({"born", "stricken", "sent", "dealt", "stood", "meant", "fed", "lit", "rang", "sprang",
                            "sprung", "woke", "shown", "ground", "saw", "lay", "wound", "bore", "left", "felt", "spoke",
                            "rose", "found", "spent", "shot", "bound", "fell", "leapt", "wore", "ate", "hung",
                            "underlying"})


@lru_cache(maxsize=65536)
def irregular_base(word: str) -> str:
    """Return the base of an irregular verb form ("broken" -> "break", "struck" -> "strike"), or the word itself: for
    a regular form (the stemmer joins those), a word that is also a noun ("felt", "thought"), or one with two bases
    ("found": "find" or "found"). From lemminflect's English lexicon."""
    if len(word) < 3 or not word.isalpha() or word in _NOT_IRREGULAR:
        return word
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word)
    verbs = lemmas.get("VERB", ())
    if "NOUN" in lemmas or len(verbs) != 1 or verbs[0] == word or not verbs[0].isalpha() or word.startswith(verbs[0]):
        return word  # ("trafficking", "staffing", "freed": a spelling of a regular form, left to the stemmer)
    stem = stemmer().stemWord
    return verbs[0] if stem(verbs[0]) != stem(word) else word


@lru_cache(maxsize=4096)
def english_noun(word: str) -> bool:
    """Return True when lemminflect's English lexicon knows the word as a noun ("bills", "officers"; not "greggs",
    "edwards")."""
    from lemminflect import getAllLemmas

    return "NOUN" in getAllLemmas(word.lower())


def bm25s_module():
    """Return the bm25s module, imported once with its logger quietened."""
    return _bm25s()


# Words of two or more characters, and a lone digit: "plan number 7", "Formula 1", "Kestrel-2" keep their number
# (bm25s' default pattern drops every one-character token). A saved BM25 index records TOKENS_VERSION and is rebuilt
# when it differs.
TOKEN_PATTERN = r"(?u)\b\w\w+\b|\b\d\b"
TOKENS_VERSION = 2


def tokenize(texts: list[str]) -> list[list[str]]:
    """Return stemmed, stopword-free tokens for each text (the BM25 tokenization)."""
    return _bm25s().tokenize(texts, token_pattern=TOKEN_PATTERN, stopwords="en", stemmer=stemmer(),
                             return_ids=False, show_progress=False)


@lru_cache(maxsize=4096)
def tokenize_text(text: str) -> tuple[str, ...]:
    """Return the tokens of one short text such as a question or a part of one (bounded cache: a question is
    tokenized by several retrieval steps)."""
    return tuple(tokenize([text])[0])


def split_sentences(text: str) -> list[tuple[int, int, str]]:
    """Return (start, end, sentence) for each sentence of text, spans into text, whitespace trimmed."""
    sentences, cursor = [], 0
    for piece in SENTENCE_END.split(text):
        if not piece or not piece.strip():
            continue
        offset = text.find(piece, cursor)
        cursor = offset + len(piece)
        lead = len(piece) - len(piece.lstrip())
        stripped = piece.strip()
        sentences.append((offset + lead, offset + lead + len(stripped), stripped))
    return sentences


@lru_cache(maxsize=4096)
def regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Return the compiled pattern, kept in a cache larger than re's own: the answer layer builds a pattern per name
    or term, a few hundred a question, and re's cache of 512 then evicts and recompiles them."""
    return re.compile(pattern, flags)


@lru_cache(maxsize=2048)  # the answer layer normalises the same sentences, titles and leads many times per question
def normalise(text: str) -> str:
    """Return text lower-cased with whitespace collapsed, typographic quotes made plain and accents dropped ("Győr"
    matches a query's "gyor")."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return _SPACE.sub(" ", text).strip().lower()


def squash(text: str) -> str:
    """Return text with all whitespace removed (MultiHop-RAG's official matching form)."""
    return _SPACE.sub("", text)


def published_int(value: date | None) -> int:
    """Return a date as YYYYMMDD (0 when unknown), the form range filters compare."""
    return value.year * 10000 + value.month * 100 + value.day if value else 0
