"""The guards of the name rules: the tests that keep a word out of a name.

:class:`NameGuards` adds to the tokens of a text the questions a rule asks before it takes a
word: whether a capitalised word may start or continue a name, whether a lowercase word is a
known name and no ordinary word, whether a word alone is a person rather than a place, a people,
an eponym ("test de Lang", "Thompson positif"), a clinical word or an ordinary word opening a
sentence, and whether a letter grades the word before it ("Binet A.") rather than being an
initial.
"""

import re
from typing import Final

from bot.domain.deid_addresses import STREET_WORDS
from bot.domain.deid_lexicon import (
    ADVERBS,
    CITIES,
    CLINICAL_CAPS,
    CLIPPED,
    COMMON,
    COMMON_PLACES,
    EPONYM_HEADS,
    EPONYM_THINGS,
    EPONYMS,
    HOSPITALS,
    NATIONS,
    PEOPLES,
    STOP,
    TITLES,
    TRIGGERS,
)
from bot.domain.deid_names_tokens import NameTokens, Tok
from bot.domain.deid_names_words import (
    ADJ_ENDINGS,
    AND,
    ARTICLES,
    EPONYM_AFTER,
    EPONYM_BEFORE,
    NEVER_AFTER,
    NOT_PERSON_BEFORE,
    NOUN_TITLES,
    OF,
    PARTICIPLES,
    PLACE_BEFORE,
    SUBJECT_VERBS,
    ordinary_or_feminine,
)
from bot.domain.deid_text import word_list
from bot.domain.wordlists import clinical_words, is_ordinary

# The side letters after a limb or an eye: gauche, droit(e), left, right.
_SIDE_LETTERS: Final = frozenset("GDLR")
_DASHES: Final = frozenset(["-", "–", "—", "/", " - ", " – ", " — "])


# A score's value or a sign's result right after a word, closing the phrase: "à 12.", ": 8,",
# "= 3)", "de 14", "8/10", "+.", "−", "++". A number of one or two digits with no unit after it
# (not "à 14h", "de 80 ans", a phone's "06 12…"); a sign with no digit after it (not "+33 6…").
SCORE_AFTER: Final = re.compile(
    r"[ \t]?(?:(?:[àa=:]|of|de)[ \t]?\d{1,2}(?:[.,]\d)?(?:[ \t]?/[ \t]?\d{1,2})?"
    r"|\d{1,2}[ \t]?/[ \t]?\d{1,2}|[+±−]{1,3}|-|\+/-)"
    r"(?=[ \t]*(?:[.,;!?)\]](?!\d)|\n|\Z))"
)
# A grade or a value right after a lone surname, no unit nor age after it: a score or a stage
# ("Ashworth 3 aux fléchisseurs", "Finnegan 11 puis 13", "Hurley II axillaire").
_GRADE_AFTER: Final = re.compile(
    r"[ \t](?:\d{1,2}(?:[.,]\d)?|(?:I{1,3}|IV|V)[a-c]?)"
    r"(?![\w.,/%°:+\-]|[ \t]?\d|[ \t]?(?i:ans?|a|yo|y|mois|m|j|h|kg|g|mg|cm|mm|ml|l|sa|sem"
    r"|semaines?|years?|months?|weeks?|days?|yrs?|wks?|min|s|rue|av|avenue|bd|street|st)\b)"
)
_PARTICIPLE_ENDINGS: Final = ("é", "ée", "és", "ées")
# Words before an English noun of kin ("his son", "patient's son", "eldest son"): "son" is then
# no French possessive.
_ENGLISH_DETERMINERS: Final = frozenset(
    word_list(
        "his her my their your our the a whose patient only eldest youngest older younger oldest "
        "adult elder"
    )
)


def _participle(t: Tok) -> bool:
    """Whether a word is the past participle of a French verb in "-er" ("Discutés",
    "Hospitalisée"): its ending has the accent, its infinitive is an ordinary word."""
    text = t.text.lower()
    for ending in _PARTICIPLE_ENDINGS:
        if text.endswith(ending):
            return is_ordinary(t.key[: len(t.key) - len(ending)] + "er")
    return False


def _past_participle(t: Tok) -> bool:
    """Whether a lowercase word is a French past participle: of a verb in "-er" with its accent
    or, typed without one, its double "e" ("hospitalisée", "operee"), or of another verb, also
    feminine or plural ("admise", "venu", "suivies")."""
    if _participle(t):
        return True
    key = t.key
    if key.endswith(("ee", "ees")) and is_ordinary(key[: key.rindex("ee")] + "er"):
        return True
    return any(
        key.endswith(ending) and key[: len(key) - len(ending)] in PARTICIPLES
        for ending in ("", "e", "s", "es")
    )


class NameGuards(NameTokens):
    """The tests that keep a word out of a name, over the tokens of one text."""

    # -- predicates
    def _name_part(self, t: Tok, *, cont: bool = False) -> bool:
        """A capitalised word that may start (or, with ``cont``, continue) a name."""
        if not t.capital:
            return False
        if t.never and not (cont and t.key not in NEVER_AFTER and not t.fixed):
            return False
        if t.shape == "U" and len(t.text) <= 3 and not (t.first or t.last):
            return False
        if t.key in COMMON_PLACES:
            return False
        return t.key not in COMMON or t.first or t.last

    def _lower_name(self, t: Tok) -> bool:
        """A lowercase word that is a known name and no ordinary word (an ordinary word only
        as a known first name: "benjamin", not the surnames "back", "blood"; never an adverb:
        "pt déjà à 60 mg/j", nor a past participle: "chez un pat venu pour")."""
        return (
            t.shape == "L"
            and len(t.text) >= 3
            and (
                # a present participle is no first name ("patient venant d'EHPAD")
                (t.first and not (t.key.endswith(("ant", "ent")) and is_ordinary(t.key)))
                or (t.last and not t.key.endswith(ADJ_ENDINGS) and not is_ordinary(t.key))
            )
            and not t.never
            and t.key not in COMMON
            and t.key not in COMMON_PLACES
            and t.key not in ADVERBS
            and not _past_participle(t)
        )

    def _lower_kin_surname(self, t: Tok) -> bool:
        """A lowercase known surname after a relative ("sa fille lefebvre", "la sœur lemaire"),
        also with an adjective's ending, when it is no ordinary word, clinical word, eponym or
        past participle ("sa fille aînée", "sa mère diabétique", "son père parkinson", "son fils
        venu")."""
        return (
            t.shape == "L"
            and len(t.text) >= 4
            and t.last
            and not t.never
            and t.key not in COMMON
            and t.key not in COMMON_PLACES
            and t.key not in EPONYMS
            and not ordinary_or_feminine(t.key)
            and t.key not in clinical_words()
            and not _past_participle(t)
        )

    def _lower_surname(self, t: Tok) -> bool:
        """A lowercase word after a first name and an initial: a known or unknown surname."""
        return (
            t.shape == "L"
            and len(t.text) >= 3
            and not t.never
            and t.key not in COMMON
            and not ordinary_or_feminine(t.key)
            and t.key not in clinical_words()
        )

    @staticmethod
    def _caps_word(t: Tok) -> bool:
        """A word in capitals that is an ordinary or clinical word and no first name ("PIED",
        "FROID", "LABA", "LAMA"): two of them are words of a message in capitals, no name."""
        return not t.first and (ordinary_or_feminine(t.key) or t.key in clinical_words())

    @staticmethod
    def _acronym(t: Tok) -> bool:
        """A clinical acronym in capitals that no name list knows ("MRI", "EEG", "EMG"): next to
        it, a word in capitals is another acronym ("MRI IAM"), no surname."""
        return t.shape == "U" and not (t.first or t.last) and t.key in clinical_words()

    @staticmethod
    def _acronym_pair(t: Tok, u: Tok) -> bool:
        """Two short words in capitals, one of them in no name list: two acronyms ("HVA VMA
        urinaires", catecholamine metabolites), not a surname and a first name."""
        if len(t.text) > 4 or len(u.text) > 4:
            return False
        return not (t.first or t.last) or not (u.first or u.last)

    def _side_after(self, i: int) -> bool:
        """Whether the short word in capitals i is followed by a side letter ("MI G depuis 4h",
        "MS D": membre inférieur gauche, membre supérieur droit), with no full stop after it nor
        a name after it: an acronym and its side, not a first name and an initial."""
        toks = self.toks
        if len(toks[i].text) > 3 or i + 1 >= len(toks) or self._gap(i) != " ":
            return False
        side = toks[i + 1]
        if side.shape != "I" or side.text not in _SIDE_LETTERS:
            return False
        if self.text[side.end : side.end + 1] == ".":
            return False
        return not (self._next_adjacent(i + 1) and self._name_part(toks[i + 2]))

    def _no_name_after_trigger(self, i: int, j: int, gap: str) -> bool:
        """Whether the capitalised word j after an announcing word is no name: a title with no
        name after it ("chez Mr 78 ans"), a sex letter before an age or a word ("chez F 52 ans",
        "chez K sein"), a word in capitals that is an ordinary or clinical word ("FEMME
        ENCEINTE", "CHEZ BEBE", "son épouse, IADL 3/4"), a clinical abbreviation even when a
        surname list holds it ("chez OH", "patient IDE"), an acronym after the French possessive
        "son" ("maintient son TSO", not the English "son"), a capitalised ordinary word that no
        name list knows and no name follows (an adjective of the role: "Secrétaire Médicale",
        "Médecins Associés", "Patients Discutés"), a people alone ("Patiente Marocaine") or,
        after a comma, no known name ("sa femme, ABCDE limite")."""
        cand = self.toks[j]
        if cand.key in TITLES:
            return True
        if cand.shape == "U" and not cand.first and self._acronym_after(i, j):
            return True
        if (
            cand.shape == "C"
            and len(cand.text) >= 3
            and not (cand.first or cand.last)
            and (ordinary_or_feminine(cand.key) or _participle(cand))
            and not (self._next_adjacent(j) and self._name_part(self.toks[j + 1]))
        ):
            # a role and its adjective: "Secrétaire Médicale", "Patients Discutés"
            return True
        if cand.key in PEOPLES:
            # "Patiente Marocaine de 30 ans": a people, unless a name follows ("Irish Murphy")
            return not (self._next_adjacent(j) and self._name_part(self.toks[j + 1]))
        if cand.shape == "I":
            if self.text[cand.end : cand.end + 1] == ".":
                return False
            return not (self._next_adjacent(j) and self._name_part(self.toks[j + 1]))
        if cand.shape == "U" and not cand.last:
            if ordinary_or_feminine(cand.key) or cand.key in clinical_words():
                return True
            return "," in gap and not cand.first
        return False

    def _acronym_after(self, i: int, j: int) -> bool:
        """Whether the word in capitals j after the announcing word i, no known first name, is
        an acronym: a clinical abbreviation of up to three letters ("chez OH", "patient IDE")
        or, after "son" with no English determiner before it ("his son", "my son") in a text
        not in capitals, any short word in capitals (the French possessive: "maintient son
        TSO", "son TAVI"), when no name follows it."""
        toks = self.toks
        cand, trigger = toks[j], toks[i]
        size = len(cand.text)
        clinical = size <= 3 and (cand.key in CLINICAL_CAPS or cand.key in clinical_words())
        possessive = (
            trigger.key in STOP  # an English announcing word that is a French function word
            and trigger.shape == "L"
            and size <= 5
            and not (i > 0 and toks[i - 1].key in _ENGLISH_DETERMINERS)
            and not self._in_capitals()
        )
        if not (clinical or possessive):
            return False
        return not (self._next_adjacent(j) and self._name_part(self.toks[j + 1]))

    @staticmethod
    def _lower_after_title(title: Tok, nxt: Tok) -> bool:
        """Whether a lowercase word after a title is the name ("chez mme lefebvre", "madame
        martin"), not an ordinary or clinical word ("monsieur consulte", "doctor here"). After
        a lowercase English title, a common noun in prose ("the doctor said", "a lady living"),
        no ordinary word is a name."""
        if title.shape == "L" and title.key in NOUN_TITLES:
            return not ordinary_or_feminine(nxt.key) and nxt.key not in clinical_words()
        if nxt.first or nxt.last:
            return True
        return not ordinary_or_feminine(nxt.key) and nxt.key not in clinical_words()

    @staticmethod
    def _plain_capital(t: Tok) -> bool:
        """A capitalised word of three letters or more that is no ordinary or common word,
        common place or never-a-name word."""
        return (
            t.shape == "C"
            and len(t.text) >= 3
            and not t.never
            and t.key not in COMMON
            and t.key not in COMMON_PLACES
            and not is_ordinary(t.key)
        )

    @staticmethod
    def _unknown_capital(t: Tok) -> bool:
        """A capitalised word of three letters or more that no word list knows as a word."""
        return (
            NameGuards._plain_capital(t)
            and t.key not in NATIONS
            and t.key not in CITIES
            and t.key not in STREET_WORDS
            and t.key not in HOSPITALS
            and t.key not in TITLES
            and t.key not in clinical_words()
        )

    def _lone_surname(self, i: int) -> bool:
        """Whether the surname at i, alone, reads as a person rather than a place, a people,
        an eponym ("anneau de Carpentier", "Snell score"), a clipped drug ("on a mis Genta 5
        mg/kg") or a cited author ("Sanz MA,")."""
        t = self.toks[i]
        if t.key in NATIONS or t.key in CITIES or t.key in HOSPITALS or t.key in clinical_words():
            return False
        if t.key in CLIPPED and not self._age_next(i):
            return False  # "on a mis Genta 5 mg/kg": a clipped drug's name
        if t.key.endswith(("ee", "ees")) and is_ordinary(t.key[: t.key.rindex("ee") + 1]):
            return False  # a French feminine participle the dictionary lists as masculine ("Agée")
        if i > 0 and self.toks[i - 1].end + 3 >= t.start:
            prev = self.toks[i - 1].key
            if prev in OF or prev in PLACE_BEFORE or prev in STREET_WORDS:
                return False  # "Centre de Santé de Belleville", "à Necker", "rue Belleville"
            if prev in NOT_PERSON_BEFORE and self._not_person_after(i):
                return False  # "in the Morvan."; "the Castro novel" is a writer's
            gap = self.text[self.toks[i - 1].end : t.start]
            if gap in _DASHES and (prev in COMMON_PLACES or prev in CITIES or prev in NATIONS):
                return False  # "Paris–Tokyo": a journey between places
        if self._eponym_context(i, i):
            return False  # "Thompson positif", "test de Lang"
        if i + 1 < len(self.toks) and self._next_adjacent(i):
            nxt = self.toks[i + 1]
            if nxt.key in EPONYM_HEADS or nxt.key in STREET_WORDS:
                return False
            if nxt.capital:
                return False  # "Sanz MA," is a cited author, "Lenox Hill" a place
        # "Mayo Clinic": part of a longer proper noun
        return not (i > 0 and self._next_adjacent(i - 1) and self.toks[i - 1].capital)

    def _sentence_start(self, i: int) -> bool:
        """Whether token i opens a sentence, a line or a quotation."""
        if i == 0:
            return True
        gap = self.text[self.toks[i - 1].end : self.toks[i].start]
        return any(c in '.!?:;\n"«“(>' for c in gap)

    def _lone_first_name(self, i: int) -> bool:
        """Whether a capitalised first name standing alone is a person rather than a word: not
        an ordinary or clinical word opening a sentence ("Iron deficiency", "Gale chez toute la
        famille", "Honey and ED?"), nor a clinical word no surname list knows ("Leeloo", a
        pill), nor a clipped drug or test ("Genta chez pt", "Aldo/rénine", "Mag sulfate")
        unless used as a person or an age follows ("Aldo, 45 ans"), nor a place or a saint
        ("in Brittany", "the Morvan", "St John's wort"), nor a people's qualifier ("Han
        Chinese")."""
        t = self.toks[i]
        if t.key in PEOPLES:
            return False  # "Irish GP here": a people's adjective alone
        if t.key in CLIPPED and not (self._as_person(i) or self._age_next(i)):
            return False
        if t.key in NATIONS and not self._as_person(i):
            return False  # "off to Kenya in 3 weeks", "retour de Jordanie": a country
        word = ordinary_or_feminine(t.key) or t.key in clinical_words()
        if word and not self._as_person(i):
            if t.key in clinical_words() and not t.last:
                return False
            if self._sentence_start(i):
                return False
        if i > 0 and self.toks[i - 1].end + 2 >= t.start:
            prev = self.toks[i - 1].key
            if prev in NOT_PERSON_BEFORE and self._not_person_after(i):
                return False
        return not (
            i + 1 < len(self.toks) and self._next_adjacent(i) and self.toks[i + 1].key in NATIONS
        )

    def _not_person_after(self, i: int) -> bool:
        """After "the", "in", "sous", "St": whether the word i ends its phrase ("in the Morvan.",
        "St John's wort"), rather than qualifying a noun after it ("the Castro novel")."""
        if self.toks[i - 1].key != "the":
            return True
        return self.text[self.toks[i].end : self.toks[i].end + 1] in (
            "",
            ".",
            ",",
            ";",
            "?",
            "!",
            ")",
        )

    def _as_person(self, i: int) -> bool:
        """Whether the word i is used as a person: before a verb of a subject ("Manuel had
        given", "Ari is"), a colon of a dialogue ("Heather:") or a possessive."""
        t = self.toks[i]
        after = self.text[t.end : t.end + 2]
        if after[:1] == ":" or after == " :" or after[:1] in ("'", "’"):
            return True
        if i + 1 < len(self.toks) and self._gap(i) == " ":
            return self.toks[i + 1].key in SUBJECT_VERBS
        return False

    def _eponym_context(self, start: int, end: int) -> bool:
        """Whether the words start..end name a test, a sign or a score: after "test", "signe",
        "score" (and "de"), before "test", "sign", "positif" ("test de Lang", "Thompson
        positif", "positive Thompson test"), or right before its value or its sign closing the
        phrase ("Finnegan à 12.", "Glasgow: 8,", "Apgar 8/10", "Thompson +.", "Lasègue −")."""
        toks = self.toks
        b = start - 1
        if b >= 0 and toks[b].key in OF and toks[b].end + 2 >= toks[start].start:
            b -= 1
        if b >= 0 and toks[b].key in EPONYM_BEFORE and toks[b].end + 4 >= toks[start].start:
            return True
        if SCORE_AFTER.match(self.text, toks[end].end) is not None:
            return True  # "Finnegan à 12.", "Thompson +.", "Glasgow = 8,": a score, a sign
        if start == end and not toks[end].first and _GRADE_AFTER.match(self.text, toks[end].end):
            return True  # "Ashworth 3 aux fléchisseurs", "Hurley II": a score, a stage
        if start >= 2 and toks[start - 1].key in AND and self._eponym_pair(start - 2, start - 1):
            return True  # "Greulich et Pyle": the second name of an eponym pair
        if (
            end + 2 < len(toks)
            and toks[end + 1].key in AND
            and self._eponym_pair(end + 2, end + 1)
        ):
            return True  # "Pyle and Greulich"
        if end + 1 < len(toks) and self._next_adjacent(end):
            return toks[end + 1].key in EPONYM_HEADS or toks[end + 1].key in EPONYM_AFTER
        return False

    def _eponym_pair(self, x: int, link: int) -> bool:
        """Whether token x, across the "et" / "and" at token link (one space each side), is
        an eponym that no name list knows as a person's ("Greulich et Pyle", "Kellgren and
        Lawrence"), or names a thing, with no title before it."""
        toks = self.toks
        t = toks[x]
        if t.shape != "C" or t.key not in EPONYMS:
            return False
        if self._gap(link - 1) != " " or self._gap(link) != " ":
            return False
        if x > 0 and toks[x - 1].key in TITLES:
            return False
        return t.key in EPONYM_THINGS or not (t.first or t.last)

    def _eponym_first_name(self, i: int) -> bool:
        """Whether token i is a capitalised first name that is also an eponym, not used as one
        ("Douglas", not "le Douglas", "pouch of Douglas")."""
        t = self.toks[i]
        if t.shape != "C" or not t.first or t.key not in EPONYMS or t.key in NEVER_AFTER:
            return False
        if t.fixed:
            return False
        return not (i > 0 and self.toks[i - 1].key in OF | ARTICLES)

    def _sentence_word(self, letter: int, i: int) -> bool:
        """Whether the capitalised word i, after a letter ending a clause and a full stop, opens
        a sentence: an ordinary or clinical word that no name list knows. The letter ends a
        clause when it follows a lowercase word that is no function word ("témocilline S."),
        not when it opens an item of a list ("F. Rabbi, N. Boissel") or follows "par"."""
        t = self.toks[i]
        if t.shape != "C" or t.first or t.last or self.text[t.start - 2 : t.start] != ". ":
            return False
        if letter == 0 or self.text[self.toks[letter - 1].end : self.toks[letter].start] != " ":
            return False
        prev = self.toks[letter - 1]
        if prev.shape != "L" or prev.key in STOP or prev.key in TRIGGERS:
            return False
        return ordinary_or_feminine(t.key) or t.key in clinical_words()

    def _letter_codes(self, start: int, end: int) -> bool:
        """Whether the words start..end, three or more, are each a letter or two capitals with no
        full stop after it: a table's header ("B L C AB A A"), initials with no surname."""
        if end - start < 2:
            return False
        return all(
            (t.shape == "I" or (t.shape == "U" and len(t.text) <= 2))
            and self.text[t.end : t.end + 1] != "."
            for t in self.toks[start : end + 1]
        )

    def _graded(self, i: int) -> bool:
        """Whether the letter i qualifies the clinical word, drug or eponym right before it: a
        stage, a grade, a strain or a susceptibility ("Binet A.", "témocilline S.", "hépatite
        C."), not an initial."""
        if i == 0 or self.text[self.toks[i - 1].end : self.toks[i].start] != " ":
            return False
        prev = self.toks[i - 1]
        if prev.key in STOP or prev.key in TITLES or prev.key in TRIGGERS:
            return False
        return prev.never or prev.key in clinical_words()
