"""The patient's age stated in a question, as a hint at geriatrics or pediatrics.

An age is a number with a unit of age: "patiente de 89 ans", "7yo", "5 y/o", "70M" and "65F"
(clinical shorthand for years and sex), "bébé de 4 mois"; weeks and days only next to a baby
word or "old"/"de vie" ("bébé de 3 semaines", "10 jours de vie"). A duration is not an age:
"depuis 3 ans", "in 3 years", "il y a 10 ans", "traitement de 5 jours".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from bot.domain.triage_lexicon import AgeRule
from bot.domain.triage_text import Token

_YEAR_UNITS: Final = frozenset({"ans", "an", "yo", "year", "years", "yr", "yrs", "ys"})
_GLUED_YEAR_UNITS: Final = frozenset({"a", "y"})
_MONTH_UNITS: Final = frozenset({"mois", "month", "months", "mo", "mth", "mths", "m"})
_SEX_UNITS: Final = frozenset({"m", "f"})
_BARE_MONTHS_MAX: Final = 36
# "bébé de 3 semaines", "10-day-old", "J5 de vie": weeks and days count as ages only with a cue.
_WEEK_UNITS: Final = frozenset({"semaine", "semaines", "sem", "week", "weeks", "wk", "wks"})
_DAY_UNITS: Final = frozenset({"jour", "jours", "j", "day", "days", "d"})
# Words before or after a number that make it a duration ("depuis 3 ans", "3 years ago").
_DURATION_BEFORE: Final = frozenset(
    {
        "depuis",
        "pendant",
        "durant",
        "since",
        "for",
        "over",
        "past",
        "last",
        "dans",
        "apres",
        "avant",
        "after",
        "before",
        "within",
        "sur",
        "ya",
        "during",
        "x",
        "in",
        "en",
        "every",
        "each",
        "chaque",
        "tous",
        "toutes",
        "les",
        "per",
        "par",
        "moins",
    }
)
_DURATION_AFTER: Final = frozenset({"ago", "plus", "auparavant", "later", "apres", "before"})
# Words before a number of months that make it an age ("enfant de 18 mois", "aged 9 months").
_AGE_BEFORE: Final = frozenset(
    {
        "de",
        "of",
        "aged",
        "age",
        "agee",
        "bebe",
        "bb",
        "nourrisson",
        "nrs",
        "nne",
        "a",
        "at",
        "enfant",
        "fille",
        "fils",
        "garcon",
        "boy",
        "girl",
        "baby",
        "infant",
        "child",
        "newborn",
    }
)
# Words naming a baby: weeks and days count as an age only next to one ("bébé de 3 semaines").
_BABY_WORDS: Final = frozenset(
    {"bebe", "bb", "nourrisson", "nrs", "nne", "newborn", "neonate", "infant", "baby"}
)
# "3 weeks old", "10 jours de vie", "18m boy"
_AGE_AFTER: Final = frozenset(
    {"old", "vie", "life", "boy", "girl", "baby", "infant", "child", "toddler"}
)

# "70M", "65F", "32F": in clinical shorthand a number glued to a capital M or F is an age in
# years and a sex, not 70 months.
_SEXED_AGE: Final = re.compile(r"(?<![\w.,])(\d{1,3})[MF](?![^\W\d_])")


def sexed_ages(text: str) -> frozenset[str]:
    """The numbers glued to a capital M or F in ``text`` ("70M", "65F")."""
    if "M" not in text and "F" not in text:
        return frozenset()
    return frozenset(_SEXED_AGE.findall(text))


def stated_ages(
    rule: AgeRule, raw: Sequence[Token], sexed: frozenset[str]
) -> list[tuple[str, float, str]]:
    """The evidence of the ages stated in the question (specialty, weight, label), in order.
    ``sexed`` are the numbers written glued to a capital M or F (``sexed_ages``)."""
    ages: list[tuple[str, float, str]] = []
    for index, token in enumerate(raw[:-1]):
        if not token.text.isdigit():
            continue
        stated = _age_in_years(raw, index, sexed)
        if stated is None:
            continue
        years, label = stated
        if years >= rule.geriatrics_from:
            ages.append(("geriatrics", rule.geriatrics_weight, label))
        elif years < rule.pediatrics_below:
            ages.append(("pediatrics", rule.pediatrics_weight, label))
    return ages


def _age_in_years(
    raw: Sequence[Token], index: int, sexed: frozenset[str]
) -> tuple[float, str] | None:
    """The age stated at ``raw[index]`` ("89 ans", "90yo", "bébé de 4 mois", "70M"), if it is
    one, in years, with a label in the unit it was given in. ``sexed`` are the numbers written
    glued to a capital M or F: ages in years ("70M"), unless a baby word makes "18M" months."""
    number, unit = raw[index], raw[index + 1]
    if len(number.text) > 3:
        return None
    before = raw[index - 1].text if index else ""
    before2 = raw[index - 2].text if index > 1 else ""
    after = raw[index + 2].text if index + 2 < len(raw) else ""
    if after == "de" and index + 3 < len(raw):
        after = raw[index + 3].text  # "10 jours de vie"
    ago = before == "a" and before2 == "y"  # "il y a 10 ans"
    if ago or before in _DURATION_BEFORE or after in _DURATION_AFTER:
        return None
    value = int(number.text)
    glued = unit.start == number.end
    if (
        unit.text in _YEAR_UNITS
        or (glued and unit.text in _GLUED_YEAR_UNITS)
        or (unit.text == "y" and after == "o")  # "5 y/o"
    ):
        return float(value), f"age {value}"
    # "3 weeks old", "bébé de 6 semaines", "10 jours de vie": weeks and days need such a cue
    young = (
        after in _AGE_AFTER or before in _BABY_WORDS or (before == "de" and before2 in _BABY_WORDS)
    )
    if glued and unit.text in _SEX_UNITS and number.text in sexed and not young:
        return float(value), f"age {value}"  # "in a 70M", "65F"
    # a bare "m" is months only for a baby or a small number ("18m boy", "à 9m")
    bare = unit.text == "m" and not young and value > _BARE_MONTHS_MAX
    if unit.text in _MONTH_UNITS and (young or before in _AGE_BEFORE) and not bare:
        return value / 12, f"age {value} months"
    if unit.text in _WEEK_UNITS and young:
        return value / 52, f"age {value} weeks"
    if unit.text in _DAY_UNITS and young:
        return value / 365, f"age {value} days"
    return None
