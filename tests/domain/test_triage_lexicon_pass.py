"""Triage rules added after held-out set 1: capitals-only abbreviations, context rules for
ambiguous words, tests reported as normal, clinical pictures described without their name, and
the broader English vocabulary."""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any

import pytest

from bot.domain.triage import LexiconError, classify, compile_lexicon


def _raw_lexicon() -> dict[str, Any]:
    text = resources.files("bot.domain").joinpath("lexicon.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _labels(text: str, slug: str) -> tuple[str, ...]:
    return classify(text).evidence.get(slug, ())


# --- short abbreviations that are also everyday words -------------------------------------------


def test_pr_in_capitals_is_rheumatoid_arthritis() -> None:
    assert classify("PR sous méthotrexate, vaccin ?").specialty == "rheumatology"


def test_pr_in_lower_case_is_sms_french_for_pour() -> None:
    assert "rheumatology" not in dict(classify("que faire pr l'aider").ranking)


def test_ed_counts_only_in_capitals() -> None:
    assert classify("ED in a 50yo, sildenafil not working").specialty == "urology"
    assert "urology" not in dict(classify("ed").ranking)


def test_ms_in_capitals_is_multiple_sclerosis() -> None:
    assert classify("MS relapse, steroids?").specialty == "neurology"


# --- context rules -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "jeune de 19 ans 10 joints par jour, comment l'aider à décrocher",
        "fume 5 joints le soir, anxieux",
        "smokes a couple of joints every evening",
    ],
)
def test_joints_that_are_smoked_are_cannabis(question: str) -> None:
    result = classify(question)
    assert result.specialty == "addictology"
    assert "rheumatology" not in dict(result.ranking)


def test_painful_joints_stay_rheumatology() -> None:
    assert classify("swollen joints and morning stiffness").specialty == "rheumatology"


def test_a_context_rule_for_an_unknown_slug_is_refused() -> None:
    data = _raw_lexicon()
    data["context"] = [{"term": "joint", "specialty": "nope", "weight": 3.0, "cues": ["fume"]}]
    with pytest.raises(LexiconError, match="nope"):
        compile_lexicon(data)


def test_a_context_rule_needs_cues() -> None:
    data = _raw_lexicon()
    data["context"] = [{"term": "joint", "specialty": "addictology", "weight": 3.0}]
    with pytest.raises(LexiconError, match="cues"):
        compile_lexicon(data)


# --- tests reported as normal --------------------------------------------------------------------


def test_a_list_of_normal_tests_barely_counts() -> None:
    result = classify("fatigue depuis 2 mois, NFS iono TSH ferritine CRP glycémie tout normal")
    assert "TSH (normal)" in result.evidence["endocrinology"]
    assert dict(result.ranking)["endocrinology"] < 1.5


def test_normal_before_the_tests_also_counts() -> None:
    assert "LFTs (normal)" in _labels("normal LFTs but still tired", "gastroenterology")


def test_a_test_with_a_value_is_not_reported_normal() -> None:
    labels = _labels(
        "fièvre depuis 3 semaines, CRP 90, bilan infectieux négatif", "internal_medicine"
    )
    assert "CRP" in labels


def test_an_abnormal_test_counts_in_full() -> None:
    assert "TSH" in _labels("TSH à 12, fatigue", "endocrinology")


def test_normal_results_must_be_a_table() -> None:
    data = _raw_lexicon()
    data["normal_results"] = ["normal"]
    with pytest.raises(LexiconError, match="normal_results"):
        compile_lexicon(data)


# --- pictures described without their name -------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "slug"),
    [
        ("adénopathies cervicales + sueurs nocturnes + prurit, jeune homme", "hematology"),
        ("night sweats and swollen glands for a month", "hematology"),
        ("ado 16 ans IMC 14.5 restriction alimentaire, amenorrhee", "psychiatry"),
        ("teen girl barely eating, lost her periods", "psychiatry"),
        ("keeps asking for tramadol, early refills, think he's hooked", "addictology"),
        ("on tamoxifen, unbearable hot flushes, what can I give", "oncology"),
        ("ED in a diabetic, sildenafil not working", "urology"),
        ("lost vision in one eye plus arm weakness for 10 min yesterday", "neurology"),
        ("QTc 490 sous méthadone et psychotropes, que supprimer", "pharmacology"),
        ("sertraline for 6 weeks no effect, go up or switch?", "psychiatry"),
    ],
)
def test_a_clinical_picture_without_its_name(question: str, slug: str) -> None:
    assert classify(question).specialty == slug


def test_the_b_symptoms_rule_needs_both_parts() -> None:
    assert "hematology" not in dict(classify("prurit diffus sans lésion").ranking)


# --- English GP phrasing -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "slug"),
    [
        ("4cm lung mass on CXR, 65yo smoker, fastest pathway?", "oncology"),
        ("irregular periods and acne in a 24yo, PCOS? which tests", "gynecology"),
        ("eGFR dropped from 60 to 42 in a year, when to refer", "nephrology"),
        ("raised ALT and fatty liver on ultrasound, what next", "gastroenterology"),
        ("total IgE 900 with hay fever, skin prick test worth it?", "allergology"),
        ("widow 3 months after her husband died, crying a lot, who can she talk to", "psychology"),
        ("changing mole on the back, dermoscopy?", "dermatology"),
        ("raised PSA 6 in a 62yo with nocturia", "urology"),
        ("varicose veins with a leg ulcer above the ankle", "vascular"),
        ("AFib with CHA2DS2-VASc 3, anticoagulate?", "cardiology"),
        ("sore throat and earache for 3 weeks, hoarse voice", "ent"),
        ("flashes and floaters since this morning", "ophthalmology"),
        ("recurrent falls and polypharmacy in a frail 88yo", "geriatrics"),
        ("how often should I check lipids and glucose in a healthy 45yo?", "general_practice"),
    ],
)
def test_english_gp_phrasing(question: str, slug: str) -> None:
    assert classify(question).specialty == slug
