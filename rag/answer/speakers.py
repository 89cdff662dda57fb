"""Whose words a sentence gives: the speaker a "what did X say" question asks about, and whether a sentence (with the
sentences around it) quotes that speaker, someone else, or no one."""

from __future__ import annotations

import re

from ..retrieval.analysis import QuestionAnalysis, find_names
from ..text import STOPWORDS, split_sentences


_SAYS = r"(?:said|says|told|tells|called|calls|described|describes|warned|warns|added|adds|noted|notes|voiced|" \
        r"stressed|urged|wrote|writes|claimed|claims|argued|insisted|explained|announced|asked|replied|according to)"
# verbs that give someone's words but take an object after them ("condemned Russia's attacks"): a name after one is
# no speaker
_SPEECH = _SAYS[:-1] + r"|condemned|condemns|denounced|praised|criticised|criticized|welcomed|accused|vowed|" \
    r"promised|pledged|admitted|acknowledged|stated|declared|suggested|revealed|confirmed|responded|commented|" \
    r"remarked|tweeted|emphasi[sz]ed|reiterated|conceded)"


_ACTIVE = r"(?<!was )(?<!were )(?<!been )(?<!being )(?<!is )(?<!are )"  # "Altman was asked to leave" is not speaking
_GROUPS = r"(?:officials|police|analysts|critics|prosecutors|investigators|experts|sources|campaigners|lawyers|" \
    r"researchers|scientists|organisers|organizers|residents|unions|ministers|regulators)"


def asked_speaker(analysis: QuestionAnalysis) -> str | None:
    """Return the last word of the speaker a "what did X say" question names ("Trump"), or None."""
    if analysis.kind != "quote":
        return None
    match = re.match(r"\W*(?:so |and |hey,? )?what (?:did|does|has|had) (.+?) (?:say|said|tell|told|call|called|"
                     r"describe|described|claim|write|wrote|warn|mean)\b", analysis.question, re.I)
    if not match or not (names := find_names(match.group(1))):
        return None
    return names[-1].split()[-1]


def speaks(speaker: str, sentence: str, previous: str, earlier: tuple[str, ...] = (), following: str = "") -> bool:
    """Return False when the sentence gives no one's words, or someone else's: another name next to a verb of saying
    ("Witkoff said" for a question about Putin) and the asked speaker not; True otherwise (a pronoun or a bare
    quotation may be theirs). earlier: the sentences before `previous`, nearest first, where a pronoun's speaker is
    looked for when `previous` names none; following: the sentence after, where a quotation left open goes on to
    name its speaker ("“These talks are not easy." + "But we all support the push,” Rutte said.")."""
    said = re.search(rf"\b{_SPEECH}\b", sentence, re.I)
    if not said and not re.search(r"[“”\"]", sentence):
        return False  # no words given at all: "Rutte met Zelensky in Odesa" says nothing Trump said
    if _names_speaker(speaker, sentence):
        return True
    if _other_speakers(speaker, sentence):
        return False
    if following and sentence.count("“") > sentence.count("”"):
        return not (_other_speakers(speaker, following) and not _names_speaker(speaker, following))
    # "..., he said": the pronoun is the speaker the sentence before names
    # and a bare quotation ("“We talked about it.”") goes on the quotation the sentence before gives someone
    pronoun = re.search(rf"\b(?:he|she|they)\s+(?:\w+ )?(?:has |had |have )?{_SPEECH}\b"
                        rf"|\b{_SPEECH}\s+(?:he|she|they)\b",
                        sentence, re.I)
    bare = not said and re.search(r"[“”\"]", previous) is not None
    if bare:
        return not (_other_speakers(speaker, previous) and not _names_speaker(speaker, previous))
    if pronoun:
        for before in (previous, *earlier):  # the nearest sentence that names a speaker says whose words these are
            if _names_speaker(speaker, before):
                return True
            if _other_speakers(speaker, before):
                return False
    return True


def sentences_before(article: str, sentence: str, count: int = 3) -> tuple[str, ...]:
    """Return up to count sentences of the article before the one before this sentence, nearest first."""
    at = article.find(sentence)
    if at < 0:
        return ()
    preceding = [text for _, _, text in split_sentences(article[:at])]
    return tuple(reversed(preceding[-count - 1:-1]))


def _names_speaker(speaker: str, sentence: str) -> bool:
    """Return True when the sentence has the speaker next to a verb of saying ("Zelensky said", "said Zelensky")."""
    word = re.escape(speaker)
    # "..., said Zelensky", "According to Zelensky", but not "officials said Altman was" or "writes that Altman's"
    return re.search(rf"\b{word}\b(?!['’]s\b)[^.;]{{0,60}}?{_ACTIVE}\b{_SPEECH}\b"
                     rf"|(?:^|[,“”\"’])\s*{_SAYS}\b(?:(?!\bthat\b)[^.;]){{0,30}}?\b{word}\b(?!['’]s\b)",
                     sentence, re.I) is not None


def _other_speakers(speaker: str, sentence: str) -> bool:
    """Return True when the sentence names someone other than the speaker next to a verb of saying ("Zelensky, who
    hosted Rutte, stressed")."""
    others = re.findall(rf"\b([A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+)*,?(?:\s+(?:who|which)\b[^,.;]{{0,60}},)?\s+"
                        rf"(?:has |had |have )?{_SPEECH}\b|\b{_SAYS}\s+(?:[A-Z][\w'’-]+\s+)*([A-Z][\w'’-]+)",
                        sentence)
    if any(name and name.lower() != speaker.lower() and name.lower() not in STOPWORDS
           for pair in others for name in pair):
        return True
    # a body or a group speaking: "the company writes", "its statement said", "officials said"
    return re.search(rf"\b(?i:the|its|their)\s+(?:[a-z-]+\s+){{0,2}}?(?!he\b|she\b)[a-z-]+\s+(?:has |had |have )?"
                     rf"{_SAYS}\b|\b{_GROUPS}\s+(?:have |had )?{_SAYS}\b", sentence) is not None
