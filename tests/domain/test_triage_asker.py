"""The asker's own specialties: a specialist asking is rarely asking their own specialty."""

from __future__ import annotations

from types import MappingProxyType

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.specialties import SPECIALTIES
from bot.domain.triage import Triage, classify, for_asker


def _triage(*ranking: tuple[str, float], unsure: bool = False, request: bool = False) -> Triage:
    label = "avis (request)" if request else "term"
    return Triage(
        specialty=ranking[0][0],
        confidence=0.5,
        unsure=unsure,
        ranking=ranking,
        evidence=MappingProxyType({slug: (label,) for slug, _ in ranking}),
    )


def test_a_psychiatrist_asking_about_lithium_and_the_kidneys_reaches_nephrology() -> None:
    """The hard case of the brief: the question reads psychiatry first (bipolar, lithium); asked
    by a psychiatrist, it goes to the nephrologist."""
    question = (
        "Patient bipolaire stabilisé sous lithium, polyurie et soif depuis 2 mois, créat 130. "
        "On continue ?"
    )
    plain = classify(question)
    assert plain.specialty == "psychiatry"
    asked = for_asker(plain, ["psychiatry"])
    assert asked.specialty == "nephrology"
    assert asked.ranking[-1][0] == "psychiatry"


def test_a_requested_own_specialty_stays() -> None:
    """'Avis d'un autre psychiatre' from a psychiatrist: a second opinion, asked for."""
    question = "Avis d'un autre psychiatre svp : patient bipolaire sous lithium, rechute maniaque."
    plain = classify(question)
    assert plain.specialty == "psychiatry"
    assert for_asker(plain, ["psychiatry"]) == plain
    assert (
        for_asker(
            _triage(("psychiatry", 12.0), ("neurology", 1.0), request=True), ["psychiatry"]
        ).specialty
        == "psychiatry"
    )


def test_with_nothing_else_to_offer_the_answer_stays() -> None:
    only = _triage(("pediatrics", 5.0))
    assert for_asker(only, ["pediatrics"]) == only
    fallback = _triage(("general_practice", 0.0), unsure=True)
    assert for_asker(fallback, ["general_practice"]) == fallback


def test_an_asker_without_specialties_or_not_concerned_changes_nothing() -> None:
    result = _triage(("cardiology", 9.0), ("nephrology", 3.0))
    assert for_asker(result, []) is result
    assert for_asker(result, ["dermatology"]) is result


def test_a_gp_asking_a_gp_colleague_keeps_general_practice() -> None:
    """General practice is never set aside: a GP volunteer asking about a certificate wants a GP
    colleague."""
    result = _triage(("general_practice", 6.0), ("cardiology", 3.0))
    assert for_asker(result, ["general_practice"]) is result
    asked = for_asker(result, ["general_practice", "cardiology"])
    assert asked.specialty == "general_practice"


def test_the_own_specialties_come_last_with_their_scores() -> None:
    result = _triage(("pediatrics", 12.0), ("gastroenterology", 8.0), ("radiology", 1.0))
    asked = for_asker(result, ["pediatrics", "geriatrics"])
    assert asked.ranking == (("gastroenterology", 8.0), ("radiology", 1.0), ("pediatrics", 12.0))
    assert asked.specialty == "gastroenterology"
    assert asked.top(3) == ("gastroenterology", "radiology", "pediatrics")


def test_the_others_are_judged_on_their_own() -> None:
    """Thin evidence, or a close runner-up, makes the new answer unsure (the preview then offers
    the top choices); a clear lead makes it sure."""
    thin = for_asker(_triage(("psychiatry", 9.8), ("hematology", 1.2)), ["psychiatry"])
    assert thin.specialty == "hematology"
    assert thin.unsure
    close = _triage(("pediatrics", 12.0), ("gastroenterology", 6.0), ("dermatology", 5.5))
    assert for_asker(close, ["pediatrics"]).unsure
    clear = _triage(("pediatrics", 12.0), ("gastroenterology", 8.0), ("dermatology", 1.0))
    assert not for_asker(clear, ["pediatrics"]).unsure


def test_an_own_runner_up_leaves_the_choices() -> None:
    """Unsure between gastroenterology and pediatrics, asked by a paediatrician: gastroenterology,
    now clear of its other rivals."""
    result = _triage(
        ("gastroenterology", 6.0), ("pediatrics", 5.5), ("dermatology", 1.0), unsure=True
    )
    asked = for_asker(result, ["pediatrics"])
    assert asked.specialty == "gastroenterology"
    assert not asked.unsure
    assert asked.top(2) == ("gastroenterology", "dermatology")


@settings(max_examples=200)
@given(st.text(max_size=200), st.sets(st.sampled_from(SPECIALTIES), max_size=4))
def test_any_text_and_any_asker_get_a_reordering_of_the_same_ranking(
    text: str, own: set[str]
) -> None:
    plain = classify(text)
    asked = for_asker(plain, own)
    assert sorted(asked.ranking) == sorted(plain.ranking)
    assert asked.ranking[0][0] == asked.specialty
    assert 0.0 <= asked.confidence <= 1.0
    if asked.specialty in own:  # only when requested or nothing else has any evidence
        assert asked == plain
