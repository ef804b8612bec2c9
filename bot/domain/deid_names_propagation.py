"""Names found by the rules spread to the words that go with them.

Once the rules of :mod:`bot.domain.deid_names` have run, the other words listed with a name are
names ("Eklund, Michael and Hodge"), so are the speakers of a dialogue once one of them is a
known name ("Ubul: What a wife."), and a word found in a name is a name wherever else it is
written with a capital ("TAILLARD, TAILLARD PIERRE").
"""

import re
from typing import Final

from bot.domain.deid_lexicon import (
    CITIES,
    COMMON,
    COMMON_PLACES,
    EPONYMS,
    HOSPITALS,
    NATIONS,
    TITLES,
    TRIGGERS,
)
from bot.domain.deid_names_guards import SCORE_AFTER, NameGuards
from bot.domain.deid_names_tokens import NameTokens, Tok
from bot.domain.deid_names_words import AND, NEVER_AFTER, SUBJECT_VERBS
from bot.domain.deid_text import Found
from bot.domain.wordlists import clinical_words, is_ordinary

_LIST_COMMA: Final = re.compile(r",[ \t]{0,2}")
_LIST_AND: Final = re.compile(r",?[ \t]{1,2}")
_LIST_END: Final = frozenset([" ", ".", ",", ";", "!", "?", ")", "\n", ""])


def propagate(finder: NameTokens, spans: list[Found]) -> list[Found]:
    """A word found in a name is a name wherever else it is written with a capital
    ("TAILLARD, TAILLARD PIERRE"), also after an elision ("d'Emilien"): the clue of one
    occurrence covers the others."""
    if not spans:
        return spans
    found_keys: set[str] = set()
    starts = {s for s, _, _ in spans}
    covered = [(s, e) for s, e, _ in spans]
    index = {t.start: i for i, t in enumerate(finder.toks)}
    for s, e in covered:
        i = index.get(s, len(finder.toks))
        while i < len(finder.toks) and finder.toks[i].end <= e:
            t = finder.toks[i]
            if t.shape in "UC" and len(t.text) >= 3 and not t.never and t.key not in COMMON:
                found_keys.add(t.key)
            i += 1
    if not found_keys:
        return spans
    out = list(spans)
    for t in finder.toks:
        if (
            t.key in found_keys
            and t.shape in "UC"
            and not t.fixed
            and t.start not in starts
            and not any(s <= t.start < e for s, e in covered)
        ):
            out.append((t.start, t.end, "PERSON"))
        elif t.key[1:2] == "'" and t.key[:1] in "dl" and t.key[2:] in found_keys:
            # after an elision: "Emilien viendra à la place d'Emilien"
            name = t.start + 2
            if t.text[2:3].isupper() and not any(s <= name < e for s, e in covered):
                out.append((name, t.end, "PERSON"))
    return out


def coordinated(finder: NameTokens, spans: list[Found]) -> list[Found]:
    """Words listed with a name are names too: "Eklund, Michael and Hodge", "Torpy and Salinas
    were", "silvana, adam, christopher and caleb". A list counts when one of its words is a name
    already, or, in capitals, when one is a known name and a verb follows the list."""
    toks = finder.toks
    n = len(toks)
    text = finder.text
    if n < 3 or not ("," in text or " and " in text or " et " in text):
        return spans
    out = list(spans)
    i = 0
    while i < n - 2:
        group = [i]
        k = i
        while k + 1 < n:
            gap = text[toks[k].end : toks[k + 1].start]
            if _LIST_COMMA.fullmatch(gap) and toks[k + 1].key not in AND:
                group.append(k + 1)
                k += 1
            elif (
                toks[k + 1].key in AND
                and k + 2 < n
                and _LIST_AND.fullmatch(gap)
                and text[toks[k + 1].end : toks[k + 2].start] == " "
            ):
                group.append(k + 2)
                k += 2
            else:
                break
        if len(group) >= 2 and (text[toks[k].end : toks[k].end + 1] in _LIST_END):
            out.extend(_list_names(finder, group, spans))
        i = k + 1
    return out


def _list_names(finder: NameTokens, group: list[int], spans: list[Found]) -> list[Found]:
    toks = finder.toks
    members = [toks[x] for x in group]
    lower = all(t.shape == "L" for t in members)
    if not lower and not all(t.shape == "C" for t in members):
        return []
    for t in members:
        if t.fixed:
            return []  # "Guillain-Barré, Stevens-Johnson"
        if t.never and not ((t.first or t.last) and t.key in EPONYMS and t.key not in NEVER_AFTER):
            return []  # an eponym that is a known name may be listed with names ("Rudi, Jackson")
        if t.key in COMMON_PLACES or t.key in CITIES or t.key in HOSPITALS:
            return []
        if t.key in NATIONS and not (lower and t.first):
            return []  # "Chad" in capitals is a country, "chad" amid first names a name
        if t.key in TRIGGERS or t.key in TITLES:
            return []  # "Dr Leboeuf François, Patient n°…"
        if len(t.text) < 3 or t.key.startswith("i'"):
            return []
        if t.key in clinical_words() and not (t.first or t.last):
            return []  # a drug or a term ("Kardegic, Lasilix et Tahor"); "Wilson" may be listed
        if SCORE_AFTER.match(finder.text, t.end) is not None:
            return []  # "Mme Durand, Finnegan à 12.": a score and its value, listed after a name
    if lower:
        # lowercase: mostly known first names that are no ordinary word ("elderly man, severe
        # pain": two words a name list holds too), the others no ordinary word.
        known = sum(t.first and t.key not in COMMON and not is_ordinary(t.key) for t in members)
        if known < 2 or any(
            not t.first and (is_ordinary(t.key) or t.key in COMMON) for t in members
        ):
            return []
    else:
        if any(
            (is_ordinary(t.key) or t.key in COMMON) and not (t.first or t.last) for t in members
        ):
            return []
        last = group[-1]
        if finder._next_adjacent(last) and toks[last + 1].capital:
            return []  # "Dr Moreau et MedicoDevices Inc": the last word starts a longer noun
        found = any(any(s <= t.start and t.end <= e for s, e, _ in spans) for t in members)
        if not found:
            verb = toks[last + 1].key if last + 1 < len(toks) else ""
            known = sum(t.first or t.last for t in members)
            if not known or (verb not in SUBJECT_VERBS and (known < 2 or len(members) < 3)):
                return []  # "Usamov and Bowers were", "Šušulić, Bowman and White"
    return [(t.start, t.end, "PERSON") for t in members]


def speakers(finder: NameTokens, spans: list[Found]) -> list[Found]:
    """The speakers of a dialogue: lines opening with one word and a colon ("Ubul: What a
    wife.", "tracy:"i'm…"). When one speaker is a known first name or a name found already,
    the other speakers that no word list knows as a word are names too; headings ("Diagnostic:",
    "Kiné :", "TA: 14/8") are ordinary words, clinical words or are followed by a value."""
    text = finder.text
    if text.count(":") < 2 or "\n" not in text:
        return spans
    toks = finder.toks
    labels = [i for i in range(len(toks)) if _speaker_label(finder, i)]
    if len(labels) < 2:
        return spans
    covered = [(s, e) for s, e, _ in spans]

    def personal(t: Tok) -> bool:
        if any(s <= t.start and t.end <= e for s, e in covered):
            return True
        return t.first and t.key not in COMMON and not is_ordinary(t.key)

    if not any(personal(toks[i]) for i in labels):
        return spans
    out = list(spans)
    for i in labels:
        t = toks[i]
        if any(s <= t.start < e for s, e in covered):
            continue
        if not personal(t):
            # an unknown word, a surname or a listed word: only as a capitalised word that
            # nothing lists as a word, before a sentence or a quotation ("Ubul: What a wife.",
            # not "Vanco: continuer").
            if t.shape != "C" or _QUOTED_AFTER.match(finder.text, t.end) is None:
                continue
            if is_ordinary(t.key) or t.key in clinical_words():
                continue
            if not (t.first or t.last or NameGuards._unknown_capital(t)):
                continue
        out.append((t.start, t.end, "PERSON"))
    return out


_SPEECH_AFTER: Final = re.compile(r"[ \t]?:[ \t]{0,2}[\"“«']?[^\W\d_]")
_QUOTED_AFTER: Final = re.compile(r"[ \t]?:[ \t]{0,2}(?:[\"“«']|[^\W\d_a-zà-ÿ])")


def _speaker_label(finder: NameTokens, i: int) -> bool:
    """Whether token i is one word alone at the start of a line, before a colon and speech."""
    toks, text = finder.toks, finder.text
    t = toks[i]
    if t.shape not in "CL" or len(t.text) < 3 or t.never or "-" in t.key:
        return False
    before = text[toks[i - 1].end if i else 0 : t.start]
    if i and "\n" not in before:
        return False
    if before.rsplit("\n", 1)[-1].strip(" \t>"):
        return False
    return _SPEECH_AFTER.match(text, t.end) is not None
