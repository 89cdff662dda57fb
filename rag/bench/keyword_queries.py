"""Known-item keyword queries generated from articles by a fixed rule: a distinctive name plus a topic word.

The rule (deterministic, no model, no randomness; `python -m rag.bench.keyword_queries` prints the sets):

1. **Name**: a title word (possessive "'s" dropped, 3+ characters, not a stopword or question word) that the body
   writes capitalised and never in lower case, i.e. a proper name. Among them, the one the fewest articles of the
   corpus contain (title or body, case-insensitive whole word); ties go to the earlier word. When a title word right
   next to it is a name too, the pair is kept ("Manchester United"). Variant "b" takes the rarest name of the
   lead (first 600 characters of the body) that the title lacks, so that training does not learn that the
   name a searcher types is always in the title.
2. **Topic word**: the word written in lower case (4-14 letters, not a stopword, not part of the name) that occurs
   most often in the title and the first 600 characters of the body, a title occurrence counting three times, and
   at least twice in all; ties go to the earlier word. Variant "b" takes the second one.
3. Query: `"<name> <topic>"` (variant "b": `"<topic> <name>"`), e.g. "Sumy strikes", "Onana transfer".

Articles are split by a hash of their title: one in three goes to the training side (both variants), the rest to
the evaluation side (variant "a" only). Articles named as gold by the hand-written held-out sets are always on the
evaluation side, so nothing trained on sees them.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..text import QUESTION_WORDS

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’&.-]*[A-Za-z0-9]|[A-Za-z]")
_LEAD_CHARS = 600
_STOPWORDS = frozenset("""a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from further had has have having
he her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now
of off on once only or other our ours ourselves out over own same she should so some such than that the their theirs
them themselves then there these they this those through to too under until up very was we were what when where which
while who whom why will with would you your yours yourself yourselves says said say new news week year years day
days time first last next best more most here's it's that's what's just like make made get gets got one two three
amid over after into report reports according could would should many much still back report latest top""".split())


@dataclass(frozen=True)
class KeywordQuery:
    """A generated known-item query and the article it was made from (matched by title)."""

    query: str
    article_id: str
    title: str
    variant: str


def words(text: str) -> list[str]:
    """Return the words of a text in order (letters, digits and inner apostrophes, dots, hyphens, ampersands)."""
    return [w.strip(".'’-") for w in _WORD.findall(text)]


def is_proper_name(word: str, body: str) -> bool:
    """Return whether a title word is a proper name: capitalised in the body and never written in lower case there."""
    low = word.lower()
    if len(word) < 3 or not word[:1].isupper() or low in _STOPWORDS or low in QUESTION_WORDS or word.isdigit():
        return False
    escaped = re.escape(word)
    return (re.search(rf"\b{escaped}\b", body) is not None
            and re.search(rf"\b{re.escape(word[0].lower() + word[1:])}\b", body) is None)


def _strip_possessive(word: str) -> str:
    return re.sub(r"['’]s$", "", word)


def article_frequency(texts: Iterable[str]) -> Counter:
    """Return, per lowercased word, how many of the texts contain it."""
    counts: Counter = Counter()
    for text in texts:
        counts.update({w.lower() for w in words(text)})
    return counts


def pick_name(title: str, body: str, frequency: Counter, rank: int = 0) -> str | None:
    """Return the rank-th rarest proper name of the title (with a name right next to it kept), or None."""
    tokens = [_strip_possessive(w) for w in words(title)]
    is_name = [is_proper_name(w, body) for w in tokens]
    names = sorted((i for i, w in enumerate(tokens) if is_name[i]),
                   key=lambda i: (frequency.get(tokens[i].lower(), 0), i))
    if len(names) <= rank:
        return None
    i = names[rank]
    if i + 1 < len(tokens) and is_name[i + 1]:
        return f"{tokens[i]} {tokens[i + 1]}"
    if i > 0 and is_name[i - 1]:
        return f"{tokens[i - 1]} {tokens[i]}"
    return tokens[i]


def pick_topic(title: str, body: str, exclude: str, rank: int = 0) -> str | None:
    """Return the rank-th most frequent lowercase content word of the title (x3) and lead, or None."""
    excluded = {w.lower() for w in words(exclude)}
    counts: Counter = Counter()
    order: dict[str, int] = {}
    for weight, text in ((3, title), (1, body[:_LEAD_CHARS])):
        for word in words(text):
            low = word.lower()
            if (word != low or not 4 <= len(low) <= 14 or low in _STOPWORDS or low in QUESTION_WORDS
                    or low in excluded or not low.isalpha()):
                continue
            counts[low] += weight
            order.setdefault(low, len(order))
    ranked = sorted((w for w in counts if counts[w] >= 2), key=lambda w: (-counts[w], order[w]))
    return ranked[rank] if len(ranked) > rank else None


def make_query(title: str, body: str, frequency: Counter, variant: str = "a") -> str | None:
    """Return the keyword query the rule gives for one article (variant "a" or "b"), or None when it gives none."""
    rank = 0 if variant == "a" else 1
    if variant == "a":
        name = pick_name(title, body, frequency)
    else:
        in_title = {w.lower() for w in words(title)}
        lead = " ".join(w for w in words(body[:_LEAD_CHARS]) if w.lower() not in in_title)
        name = pick_name(lead, body, frequency)
    topic = pick_topic(title, body, name or "", rank) if name else None
    if not name or not topic:
        return None
    return f"{name} {topic}" if variant == "a" else f"{topic} {name}"


def is_training_article(title: str) -> bool:
    """Return whether the title hash puts an article on the training side (one in three)."""
    return int(hashlib.sha1(title.encode()).hexdigest(), 16) % 3 == 0


def generate(articles: Sequence, held_out_titles: set[str] = frozenset()) -> dict[str, list[KeywordQuery]]:
    """Return {"eval": [...], "train": [...]} keyword queries for the articles (objects with id, title, body).

    Titles given in held_out_titles (gold articles of the hand-written sets) always go to the evaluation side; an
    article whose title occurs twice in the corpus is skipped (its query would have two right answers).
    """
    frequency = article_frequency(f"{a.title}\n{a.body}" for a in articles)
    title_count = Counter(a.title for a in articles)
    sets: dict[str, list[KeywordQuery]] = {"eval": [], "train": []}
    for article in sorted(articles, key=lambda a: a.id):
        if title_count[article.title] > 1:
            continue
        train = is_training_article(article.title) and article.title not in held_out_titles
        for variant in ("a", "b") if train else ("a",):
            query = make_query(article.title, article.body, frequency, variant)
            if query:
                sets["train" if train else "eval"].append(KeywordQuery(query, article.id, article.title, variant))
    return sets
