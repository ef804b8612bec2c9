"""Person names: courtesy titles, announcing words, first-name lexicon, initials, capitals.

Names are found from clues, never from capitalisation alone: a title (``Mme``, ``Dr``, ``Mr``)
makes the next word a name whatever its case; an announcing word (``patient``, ``la fille de``,
``my name is``) makes a capitalised or known name a name; a known first name pulls in the
capitalised words around it; an initial next to a capitalised word is a name; a capitalised
word before a known surname is a name when neither is an ordinary word; so are the words opening
a sentence before a verb of a person ("Cendrillon Coudert lives"), the speakers of a dialogue
once one is a known name ("Ubul: What a wife.") and any unknown word after a phrase that gives a
name ("call me višeslav"). Eponyms, drug brands and clinical words never start a name on their
own, nor does a short word in capitals alone in a text that is not ("NICU:", "ROTEM available":
acronyms) or a word right before a value or a sign ("Finnegan à 12.", "Thompson +.": a score, a
sign); a capitalised ordinary word ends a name. The words of a compound eponym ("Stevens Johnson",
"drain de Jackson Pratt") and of an institution named after a person ("Centre Léon Bérard",
"Mayo Clinic": the policy keeps hospitals) are never a name unless a title stands before them.

The first names, surnames and ordinary words come from :mod:`bot.domain.wordlists` (French,
US and 105 countries' names; English and French spelling dictionaries).

The rules are read in layers, one module each: :mod:`bot.domain.deid_names_words` (the word
lists), :mod:`bot.domain.deid_names_tokens` (the words of a text, and those that are never a
name), :mod:`bot.domain.deid_names_guards` (the tests that keep a word out of a name),
:mod:`bot.domain.deid_names_clues` (where a name starts and ends from each clue) and
:mod:`bot.domain.deid_names_propagation` (lists, dialogues and repeated words). The finder here
tries the rules in turn.
"""

import re
from typing import Final

from bot.domain.deid_lexicon import (
    COMMON,
    COMMON_PLACES,
    DRUG_ENDINGS,
    EPONYMS,
    ROUTES,
    TITLES,
)
from bot.domain.deid_names_clues import NameClues
from bot.domain.deid_names_propagation import coordinated, propagate, speakers
from bot.domain.deid_names_tokens import Tok
from bot.domain.deid_names_words import (
    CALL_WORDS,
    GREETINGS,
    KIN,
    LOWER_SUBJECT_VERBS,
    NAMING_ONE,
    NEVER_AFTER,
    PERSON_VERBS,
    SPEECH,
    STRONG_TRIGGERS,
    SUBJECT_VERBS,
    TRIGGER_STARTS,
    norm,
    ordinary_or_feminine,
)
from bot.domain.deid_text import Found
from bot.domain.wordlists import clinical_words, is_ordinary

# The callers import the key of the lexicons and the span type from here too.
__all__ = ["Found", "find_persons", "norm"]

_TRIGGER_GAP: Final = re.compile(r"[ \t]{0,2}[:,(?]?[ \t]{0,2}|[ \t]{1,3}|[ \t]?:[ \t]{1,8}")


class _Finder(NameClues):
    """One pass over the tokens of one text."""

    def run(self) -> list[Found]:
        toks = self.toks
        n = len(toks)
        i = 0
        while i < n:
            t = toks[i]
            # 1. courtesy title: the next word is a name whatever its case.
            if self._is_title(i):
                j = i + 1
                while j + 1 < n and self._is_title(j):
                    j += 1
                x = j
                while toks[x].fixed:
                    toks[x].fixed = False  # "Dr Jackson Pratt": a title makes it a person
                    if not self._next_adjacent(x):
                        break
                    x += 1
                lower = toks[j].shape == "L"
                k = self._extend(j, lower=lower)
                self._add(j, k)
                i = k + 1
                continue
            # 2. announcing word: a capitalised word, or a known lowercase name, is a name.
            end = self._trigger_end(i) if t.key in TRIGGER_STARTS else -1
            if end >= 0 and end + 1 < n:
                gap = self.text[toks[end].end : toks[end + 1].start]
                j = end + 1
                cand = toks[j]
                strong = t.key in STRONG_TRIGGERS or end > i
                if t.key in NAMING_ONE and not ordinary_or_feminine(cand.key):
                    strong = True  # "i'm roberto's daughter", not "I'm glad"
                if _TRIGGER_GAP.fullmatch(gap) and not self._is_title(j):
                    eponym_name = (
                        (t.key in SPEECH or end > i)
                        and cand.shape == "C"
                        and (cand.first or cand.last)
                        and not cand.fixed
                        and cand.key in EPONYMS
                        and cand.key not in NEVER_AFTER
                    )  # "says Becker", "her maiden name is Clark"
                    if (
                        self._name_part(cand)
                        and not (cand.key in COMMON and not cand.first)
                        and not self._no_name_after_trigger(i, j, gap)
                    ) or eponym_name:
                        k = self._extend(j, lower=False)
                        self._add(j, k)
                        i = k + 1
                        continue
                    if (
                        cand.shape == "L"
                        and t.key in CALL_WORDS
                        and end > i
                        and is_ordinary(cand.key)
                    ):
                        i += 1
                        continue  # "call me back", "call me later": an adverb, not a name
                    if strong and (
                        self._lower_name(cand) or (t.key in KIN and self._lower_kin_surname(cand))
                    ):
                        k = self._extend(j, lower=True)
                        self._add(j, k)
                        i = k + 1
                        continue
                    if len(cand.text) >= 5 and self._naming(i, end) and self._lower_surname(cand):
                        # "call me višeslav", "name: hyuuma t. maida": any lowercase word
                        # that is no ordinary word, after a phrase that gives a name.
                        k = self._lower_run(j)
                        self._add(j, k)
                        i = k + 1
                        continue
            # 3. a known first name pulls in its neighbours.
            if t.first and not t.never and t.shape != "I" and t.key not in COMMON_PLACES:
                span = self._from_first_name(i)
                if span is not None and not self._letter_codes(*span):
                    self._add(*span)
                    i = span[1] + 1
                    continue
            # 4. initials beside a capitalised word: "J. PETIT", "Kevin L.", "Szabina J Gelencsér".
            span = self._from_initial(i) if t.shape in "IC" else None
            if span is not None and not self._letter_codes(*span):
                self._add(*span)
                i = span[1] + 1
                continue
            # 5. two words in capitals, one of them a known name: "GUILLAUMET TRAVIS".
            if (
                t.shape == "U"
                and not t.never
                and len(t.text) >= 3
                and self._next_adjacent(i)
                and toks[i + 1].shape == "U"
                and not toks[i + 1].never
                and (t.last or toks[i + 1].last)
                and t.key not in COMMON
                and not (self._caps_word(t) and self._caps_word(toks[i + 1]))
                and not (self._acronym(t) or self._acronym(toks[i + 1]))
                and not self._acronym_pair(t, toks[i + 1])
            ):
                k = self._extend(i, lower=False, limit=3)
                self._add(i, k)
                i = k + 1
                continue
            # 6. a capitalised word before a known surname: "Rościsław Dudek", "Bernard Ivančić".
            if (
                t.shape == "C"
                and len(t.text) >= 2
                and t.key not in NEVER_AFTER
                and t.key not in COMMON
                and not t.fixed
                and self._next_adjacent(i)
                and toks[i + 1].last
                and toks[i + 1].shape in "CU"
                and not toks[i + 1].never
                and toks[i + 1].key not in TITLES
                and toks[i + 1].key not in COMMON
                and not is_ordinary(t.key)
                and not is_ordinary(toks[i + 1].key)
                and not self._drug_route(i)  # "Loxapine IM": a drug and how it is given
                and not self._eponym_context(i, i + 1)  # "maladie de Verneuil Hurley II"
            ):
                k = self._extend(i + 1, lower=False, limit=3)
                # "Appelez Dupont": a verb in the imperative, then the name
                self._add(i + 1 if _verb_form(t) else i, k)
                i = k + 1
                continue
            # 6b. two capitalised words that are no ordinary word nor known term: a foreign
            # first name and surname ("Bekbolat Musliyevich", "Gyala Antall").
            if (
                t.shape == "C"
                and self._next_adjacent(i)
                and self._gap(i) == " "
                and self._unknown_capital(t)
                and self._unknown_capital(toks[i + 1])
            ):
                k = self._extend(i + 1, lower=False, limit=3)
                self._add(i, k)
                i = k + 1
                continue
            # 7. after a greeting, an unknown capitalised word is a name ("Hi Manlio,").
            if (
                i > 0
                and toks[i - 1].key in GREETINGS
                and self._gap(i - 1) == " "
                and self._unknown_capital(t)
                and not (self._next_adjacent(i) and toks[i + 1].capital)
            ):
                self._add(i, i)
                i += 1
                continue
            # 7b. one or two words opening a sentence before a verb of a person.
            k = -1
            if t.shape in "CL" and (
                (i + 1 < n and toks[i + 1].key in PERSON_VERBS)
                or (i + 2 < n and toks[i + 2].key in PERSON_VERBS)
            ):
                k = self._subject(i) if self._sentence_start(i) else -1
            if k >= 0:
                self._add(i, k)
                i = k + 1
                continue
            # 7c. a lowercase first name opening a sentence before "a", "est", "has"
            # ("nadia a vomi toute la nuit"): the subject, when no word list knows it as a word.
            if (
                t.shape == "L"
                and t.first
                and i + 1 < n
                and self._gap(i) == " "
                and toks[i + 1].key in LOWER_SUBJECT_VERBS
                and self._lower_name(t)
                and not is_ordinary(t.key)
                and t.key not in clinical_words()
                and self._sentence_start(i)
            ):
                self._add(i, i)
                i += 1
                continue
            # 8. a lone capitalised surname inside a sentence ("says Becker"), or opening one
            # before a verb of a person ("Rintanen began writing", "Mehrudin shouted").
            if self._plain_capital(t) and self._lone_surname(i):
                if self._sentence_start(i):
                    verb = toks[i + 1].key if i + 1 < n and self._next_adjacent(i) else ""
                    if verb in PERSON_VERBS or (t.last and verb in SUBJECT_VERBS):
                        self._add(i, i)
                elif t.last:
                    self._add(i, i)
            i += 1
        return self.spans

    def _drug_route(self, i: int) -> bool:
        """Whether the word i is a drug and the next one its route in capitals ("Loxapine IM",
        "Olanzapine IM": intramuscular), not a first name and a surname ("Jiwoo IM")."""
        t, route = self.toks[i], self.toks[i + 1]
        if route.shape != "U" or route.key not in ROUTES:
            return False
        # a clinical word, or a word with the ending of an international drug name
        return t.key in clinical_words() or t.key.endswith(DRUG_ENDINGS)


def _verb_form(t: Tok) -> bool:
    """Whether a word no name list knows is a French verb in "-ez" ("Appelez", "Prévenez")."""
    if t.first or t.last or not t.key.endswith("ez"):
        return False
    stem = t.key[:-2]
    return is_ordinary(stem + "er") or is_ordinary(stem + "ir")


def find_persons(text: str) -> list[Found]:
    """Person-name spans in ``text`` (may overlap each other)."""
    finder = _Finder(text)
    return propagate(finder, speakers(finder, coordinated(finder, finder.run())))
