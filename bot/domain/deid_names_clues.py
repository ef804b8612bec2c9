"""Where a name starts and ends, from each clue of the name rules.

:class:`NameClues` recognises the clues (a courtesy title, an announcing phrase, a known first
name, an initial, a subject before a verb of a person) and extends a name from there over the
capitalised words, particles ("van de", "de la") and suffixes ("MD", "Jr") that belong to it.
The rules that try the clues in turn are in :mod:`bot.domain.deid_names`.
"""

import re
from typing import Final

from bot.domain.deid_lexicon import (
    COMMON,
    COMMON_PLACES,
    EPONYM_THINGS,
    EPONYMS,
    NATIONS,
    STOP,
    TITLES,
    TRIGGERS,
)
from bot.domain.deid_names_guards import NameGuards
from bot.domain.deid_names_words import (
    ARTICLES,
    BIRTH,
    KIN,
    NAME_WORDS,
    NAMING_ONE,
    NAMING_TWO,
    NEVER_AFTER,
    NOUN_TITLES,
    PARTICLES,
    PERSON_VERBS,
    SPEECH,
    TWO_WORD_TRIGGERS,
    UPPER_TITLES,
    WORD_LETTERS,
    WORD_TITLES,
    ordinary_or_feminine,
)
from bot.domain.deid_text import Found
from bot.domain.wordlists import clinical_words, is_ordinary

_TITLE_GAP: Final = re.compile(r"\.?[ \t]{1,3}|\.")
_SUFFIX: Final = re.compile(r",?[ \t](?:MD|DDS|DMD|PhD|Jr|Sr|II|III|IV)\b\.?")
# A colon after a word: the word is a field's label ("Profession :").
_LABEL_AFTER: Final = re.compile(r"[ \t]?:")
# A number closing the text before a word: "300 m", "460 ms".
_NUMBER_END: Final = re.compile(r"\d[ \t]?\Z")


class NameClues(NameGuards):
    """The clues of a name and the span each one gives, over the tokens of one text."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.spans: list[Found] = []

    # -- span building
    def _extend(self, j: int, *, lower: bool, limit: int = 4, named: bool = False) -> int:
        """Index of the last token of the name starting at j (``named``: name words before j)."""
        k = j
        while k - j + 1 < limit and self._next_adjacent(k):
            nxt = self.toks[k + 1]
            if nxt.key in BIRTH:
                break  # "Marie Humble Née le…", "Dupont née Martin": the name ends there
            if nxt.key in NATIONS and not nxt.first:
                break  # "Han Chinese descent": a people, no more of the name
            if (
                nxt.shape == "C"
                and self.toks[k].shape != "I"  # "Kate M Begum": after an initial, a surname
                and (k > j or named or not self.toks[k].first)
                and not (nxt.first or nxt.last)
                and is_ordinary(nxt.key)
            ):
                # "Marie Humble Née le…", "ALLARD Michèle Contacter": a word, not more of the
                # name (after a lone first name it is the surname: "Rebecca Hides").
                break
            if (
                nxt.shape in "CU"
                and self.toks[k].shape != "I"
                and not (nxt.first or nxt.last)
                and is_ordinary(nxt.key)
                and (
                    (k > j and nxt.shape == "U")
                    or _LABEL_AFTER.match(self.text, nxt.end) is not None
                )
            ):
                # "VERONIQUE BONNET FIXÉ POUR LE…": a word in capitals after a full name;
                # "Sandalio DIEGO Profession : Bandit": the label of the next field.
                break
            if self._name_part(nxt, cont=True) or (lower and self._lower_name(nxt)):
                k += 1
                continue
            if (
                nxt.key in PARTICLES
                and k + 2 < len(self.toks)
                and self._next_adjacent(k + 1)
                and self._name_part(self.toks[k + 2])
            ):
                k += 2
                continue
            if (
                nxt.key in PARTICLES
                and k + 3 < len(self.toks)
                and self.toks[k + 2].key in PARTICLES
                and self._next_adjacent(k + 1)
                and self._next_adjacent(k + 2)
                and self._name_part(self.toks[k + 3])
            ):
                k += 3  # "Maika van de Noort", "Marie de la Tour"
                continue
            break
        return k

    def _add(self, i: int, k: int) -> None:
        end = self.toks[k].end
        if self.text[end : end + 1] in (" ", ","):
            m = _SUFFIX.match(self.text, end)  # "Giovanna Rodrigues MD", "Kevin Veitonen II"
            if m is not None:
                end = m.end()
        self.spans.append((self.toks[i].start, end, "PERSON"))

    def _is_title(self, i: int) -> bool:
        t = self.toks[i]
        if t.key not in TITLES or i + 1 >= len(self.toks) or t.code:
            return False
        gap = self._gap(i)
        if _TITLE_GAP.fullmatch(gap) is None:
            return False
        if gap[0] == "." and t.key in WORD_TITLES:
            return False  # "nursing home lady. Loading dose?": a sentence ends, no "Dr." dot
        if t.start and self.text[t.start - 1].isdigit():
            return False  # "68M. Testing", "460ms": a sex or a unit glued to a number
        if t.shape == "L" and _NUMBER_END.search(self.text, max(0, t.start - 4), t.start):
            return False  # "300 m malgré", "460 ms": metres, milliseconds
        nxt = self.toks[i + 1]
        if nxt.shape == "L" and not self._lower_after_title(t, nxt):
            return False  # "monsieur consulte", "the doctor said", "pr uriner" (SMS "pour")
        if nxt.never and self._common_noun_title(i):
            return False  # "une dame Alzheimer", "the lady Parkinson's": her disease
        if t.text == "pr" and not (
            nxt.capital and (nxt.first or nxt.last or not ordinary_or_feminine(nxt.key))
        ):
            return False
        if nxt.shape == "I" and nxt.text.isupper() and t.shape != "U":
            return True  # "Dr M Vasaio": an initial (not the word "M") follows the title
        if t.text in UPPER_TITLES or t.shape == "U":
            # "M." needs its dot; capitals-only titles need a capitalised name after them.
            if t.text == "M" and not gap.startswith("."):
                return False
            return nxt.capital and nxt.key not in NEVER_AFTER
        return nxt.key not in NEVER_AFTER

    def _common_noun_title(self, i: int) -> bool:
        """Whether the title i is a common noun of prose: a lowercase title that is also a noun
        ("dame", "lady", "doctor") right after an article ("une dame", "the lady"). It then
        makes no name of an eponym, a drug or a clinical word after it ("une dame Alzheimer":
        a lady with the disease), only of a word that may be a name ("une dame Dupont")."""
        t = self.toks[i]
        if t.shape != "L" or t.key not in NOUN_TITLES or i == 0:
            return False
        return (
            self.toks[i - 1].key in ARTICLES and self.text[self.toks[i - 1].end : t.start] == " "
        )

    def _naming(self, i: int, end: int) -> bool:
        """Whether the announcing phrase from i to end gives a name ("call me", "my name is",
        "je m'appelle", "Name:"), rather than a state ("I am", "je suis")."""
        key = self.toks[i].key
        if end > i:
            return (key, self.toks[end].key) in NAMING_TWO
        if key in NAMING_ONE:
            return key != "i'm"
        return key in NAME_WORDS and ":" in self._gap(end)

    def _lower_run(self, j: int) -> int:
        """The last token of a lowercase name from j on one line: unknown words and initials."""
        k = j
        while k + 1 < len(self.toks) and k - j < 3:
            gap = self._gap(k)
            nxt = self.toks[k + 1]
            if gap not in (" ", ". ") or (gap == ". " and len(self.toks[k].text) > 1):
                break
            initial = len(nxt.text) == 1 and nxt.shape == "L" and nxt.key not in WORD_LETTERS
            after_initial = len(self.toks[k].text) == 1 and (
                self._lower_surname(nxt) or self._lower_name(nxt)
            )
            if not (initial or after_initial):
                break
            k += 1
        return k

    def _trigger_end(self, i: int) -> int:
        """Index of the last token of an announcing phrase starting at i, or -1."""
        t = self.toks[i]
        if i + 1 < len(self.toks) and (t.key, self.toks[i + 1].key) in TWO_WORD_TRIGGERS:
            return i + 1  # before the one-word form: "name is X", not "name" then "is"
        if t.key in TRIGGERS:
            k = i
            # "la fille de", "wife of": skip the linking word.
            nxt_key = self.toks[k + 1].key if k + 1 < len(self.toks) else ""
            if t.key in KIN and nxt_key in {"de", "d'", "of", "du"}:
                k += 1
            return k
        if (t.key, "") in TWO_WORD_TRIGGERS:
            return i
        return -1

    def _subject(self, i: int) -> int:
        """The last token of a name opening a sentence at i before a verb of a person
        ("Walker began writing", "Cendrillon Coudert lives at", "eva kleist lives at",
        "bártová began"), or -1. The single capitalised unknown word is left to rule 8."""
        toks = self.toks
        n = len(toks)
        for k in (i + 1, i):
            if k + 1 >= n or not all(self._next_adjacent(x) for x in range(i, k + 1)):
                continue
            if self._gap(k) != " " or toks[k + 1].key not in PERSON_VERBS:
                continue
            words = toks[i : k + 1]
            if any(w.shape != words[0].shape or w.fixed for w in words):
                return -1
            if any(w.key in COMMON_PLACES or w.key in STOP or w.key in TITLES for w in words):
                return -1
            last = words[-1]
            if not (last.first or last.last) or last.key in NEVER_AFTER:
                return -1
            if last.key in COMMON or last.key in clinical_words():
                return -1
            if k == i and last.shape == "C" and last.key in EPONYMS:
                # an eponym that is a known name: "Walker began writing"; a stain, a germ or a
                # device is never one ("Gram said positive", "Foley was removed"), nor a score
                # that says something ("Wells says likely": a title would make it a name)
                if last.key in EPONYM_THINGS or toks[k + 1].key in SPEECH:
                    return -1
                return i
            if is_ordinary(last.key) or last.never:
                return -1
            if k == i:
                return i if last.shape == "L" else -1  # "bártová began"; capitals: rule 8
            head = words[0]
            if head.never or head.key in clinical_words():
                return -1
            if head.shape == "L" and not head.first:
                return -1
            return k
        return -1

    def _from_first_name(self, i: int) -> tuple[int, int] | None:
        toks = self.toks
        t = toks[i]
        if t.shape == "L":
            # lowercase: only with a lowercase surname or an initial right after.
            if not self._lower_name(t) or not self._next_adjacent(i):
                return None
            nxt = toks[i + 1]
            # a first name that is an ordinary word ("frank", "benjamin", "alpha") needs a
            # surname that is no ordinary nor clinical word ("frank blood", "frank pus", "alpha
            # blocker" are words)
            ordinary = is_ordinary(t.key)
            if (
                nxt.shape == "I"
                or (
                    self._lower_name(nxt)
                    and nxt.last
                    and not (ordinary and (is_ordinary(nxt.key) or nxt.key in clinical_words()))
                )
                or (self._name_part(nxt) and not (ordinary and self._caps_word(nxt)))
            ):
                # "severe COPD": an ordinary word, then a clinical one
                return i, self._extend(i, lower=True)
            if (
                len(nxt.text) == 1
                and i + 2 < len(toks)
                and self.text[nxt.end : toks[i + 2].start] in (" ", ". ")
                and (
                    (nxt.key not in WORD_LETTERS and self._lower_surname(toks[i + 2]))
                    or (toks[i + 2].last and self._lower_surname(toks[i + 2]))
                    or (nxt.key not in WORD_LETTERS and self._lower_name(toks[i + 2]))
                )
            ):
                # "benjamin a seiler", "bertram m. jørgensen", "leidy t muris"; a letter that is
                # a word ("nadia a vomi") only before a known surname
                return i, i + 2
            return None
        # short capitals are acronyms more often than names: need a neighbour ("NICU:",
        # "POVL?", "ROTEM available"); in a text written in capitals, only up to three letters.
        if (
            t.shape == "U"
            and t.key not in COMMON
            and max(len(p) for p in t.text.split("-")) <= (3 if self._in_capitals() else 5)
            and (
                not (self._next_adjacent(i) and self._name_part(toks[i + 1]))
                or self._side_after(i)  # "MI G depuis 4h": a limb and its side
            )
        ):
            return None
        start = i
        # surname written first, in capitals or known: "JALONNET Christine", "Dupont Marie".
        while start > 0 and self._next_adjacent(start - 1):
            prev = toks[start - 1]
            if self._name_part(prev) and (prev.shape == "U" or prev.last or prev.first):
                start -= 1
                continue
            if self._eponym_first_name(start - 1) and t.last and not is_ordinary(t.key):
                start -= 1  # "Douglas Azevedo": an eponym that is a first name, then a surname
            break
        k = self._extend(i, lower=False, named=start < i)
        if t.key in COMMON and start == i and k == i:
            return None
        if start == i and k == i and not self._lone_first_name(i):
            return None
        if self._eponym_context(start, k):
            return None  # "score Mac Isaac", "syndrome de Claude Bernard"
        if t.key in COMMON:
            others = [toks[x] for x in range(start, k + 1) if x != i]
            if all(o.key in COMMON for o in others):
                return None
        return start, k

    def _from_initial(self, i: int) -> tuple[int, int] | None:
        toks = self.toks
        n = len(toks)
        t = toks[i]
        if t.shape == "I" and self._graded(i):
            return None
        if (t.shape == "I" and t.text not in {"A", "À", "Y", "I"}) or (
            t.shape == "I" and self.text[t.end : t.end + 1] == "."
        ):
            # "J. PETIT", "J.-P. Martin", "F ORION"
            k = i
            while k + 1 < n and self._next_adjacent(k) and toks[k + 1].shape == "I":
                k += 1
            if k == i and k + 1 < n and self._sentence_word(i, k + 1):
                return None  # "témocilline S. Relais oral": a full stop, then a sentence
            if (
                k + 1 < n
                and self._next_adjacent(k)
                and self._name_part(toks[k + 1])
                and toks[k + 1].shape != "I"
                and (self.text[t.end : t.end + 1] == "." or toks[k + 1].shape == "U")
            ):
                return i, self._extend(k + 1, lower=False, limit=3)
            return None
        # "Szabina J Gelencsér", "Kevin L."
        if (
            t.shape == "C"
            and not t.never
            and t.key not in COMMON
            and t.key not in STOP
            and i + 1 < n
            and self._next_adjacent(i)
            and toks[i + 1].shape == "I"
        ):
            ini = toks[i + 1]
            after_dot = self.text[ini.end : ini.end + 1] == "."
            if i + 2 < n and self._next_adjacent(i + 1) and self._name_part(toks[i + 2]):
                return i, self._extend(i + 2, lower=False, limit=3)
            if after_dot and (t.first or t.last):
                return i, i + 1
        return None
