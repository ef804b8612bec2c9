"""The triage's learned word weights: the file format, the model, how their evidence joins the
lexicon's, the packaged weights and the trainer."""

from __future__ import annotations

import importlib.util
import math
import sys
import tomllib
from importlib import resources
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from bot.domain.specialties import FALLBACK, SPECIALTIES
from bot.domain.triage import Lexicon, classify, classify_with, compile_lexicon, load_lexicon
from bot.domain.triage_text import tokens
from bot.domain.triage_words import (
    WordModel,
    WordModelError,
    features,
    format_words,
    load_words,
    parse_words,
)

TRAINER = Path(__file__).resolve().parents[2] / "benchmarks" / "train_triage_words.py"
NO_BIAS = [0.0] * len(SPECIALTIES)


def _model(**weights: dict[str, float]) -> WordModel:
    """A word model with no bias and the given stem -> {slug: weight} weights."""
    return parse_words(format_words(NO_BIAS, weights, "test model"))


def _lexicon(**specialties: dict[str, list[str]]) -> Lexicon:
    """The packaged lexicon's settings (words = 3.0, words_least, words_alone, words_sure…)
    with only the given specialty terms."""
    text = resources.files("bot.domain").joinpath("lexicon.toml").read_text(encoding="utf-8")
    data: dict[str, Any] = tomllib.loads(text)
    data["specialty"] = specialties
    data["combination"] = []
    data["who"] = []
    data["damp"] = []
    return compile_lexicon(data)


# --- the file format ------------------------------------------------------------------------


def test_format_and_parse_round_trip() -> None:
    """What the trainer writes reads back as the same weights, comments left out."""
    bias = [0.5 if slug == "cardiology" else 0.0 for slug in SPECIALTIES]
    text = format_words(bias, {"souffl": {"cardiology": 1.25, "pulmonology": -0.5}}, "a\nb")
    assert text.startswith("# a\n# b\n")
    model = parse_words(text)
    assert model.bias[SPECIALTIES.index("cardiology")] == 0.5
    cardiology, pulmonology = SPECIALTIES.index("cardiology"), SPECIALTIES.index("pulmonology")
    assert dict(model.weights["souffl"]) == {cardiology: 1.25, pulmonology: -0.5}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("souffl cardiology=1\n", "no 'bias' line"),
        ("bias\nsouffl cardiology\n", "line 2: expected <slug>=<weight>"),
        ("bias\nsouffl podiatry=1\n", "line 2: expected <slug>=<weight>"),
        ("bias\nsouffl cardiology=lots\n", "line 2: 'lots' is not a number"),
        ("bias\n# comment\nsouffl cardiology=inf\n", "line 3: 'inf' is not a finite number"),
        ("bias\nsouffl cardiology=1\nsouffl urology=1\n", "line 3: 'souffl' is listed twice"),
    ],
)
def test_a_malformed_file_is_refused_with_its_line(text: str, message: str) -> None:
    with pytest.raises(WordModelError, match=message):
        parse_words(text)


# --- the model ------------------------------------------------------------------------------


def test_probabilities_sum_to_one_and_follow_the_weights() -> None:
    model = _model(souffl={"cardiology": 3.0}, toux={"pulmonology": 3.0})
    shares = model.probabilities(["souffl"])
    assert math.isclose(sum(shares), 1.0)
    assert max(range(len(shares)), key=shares.__getitem__) == SPECIALTIES.index("cardiology")
    both = model.probabilities(["souffl", "toux"])
    assert math.isclose(
        both[SPECIALTIES.index("cardiology")], both[SPECIALTIES.index("pulmonology")]
    )
    unknown = model.probabilities(["zzz"])
    assert math.isclose(max(unknown), min(unknown))  # no weight, no bias: all equal


def test_cues_are_the_stems_leaning_most_to_a_specialty() -> None:
    """A stem is shown for the specialty it weighs most for, strongest first."""
    model = _model(
        souffl={"cardiology": 2.0},
        angor={"cardiology": 3.0},
        toux={"cardiology": -1.0},
        dyspne={"cardiology": 1.0, "pulmonology": 2.0},
    )
    cardiology, pulmonology = SPECIALTIES.index("cardiology"), SPECIALTIES.index("pulmonology")
    stems = ["toux", "souffl", "dyspne", "angor"]
    assert model.cues(stems, [cardiology, pulmonology]) == [["angor", "souffl"], ["dyspne"]]


def test_features_are_content_stems_once_each_in_order() -> None:
    """Function words and bare numbers are left out, a repeated word counts once, and the
    stems only the lexicon's rules can read are left to the lexicon."""
    raw = tokens("Les souffles et la toux depuis 3 jours, souffle US")
    assert features(raw) == ["souffl", "toux", "depui", "jour", "us"]
    assert features(raw, ambiguous=frozenset({"us"})) == ["souffl", "toux", "depui", "jour"]


# --- joining the lexicon's evidence -----------------------------------------------------------


def test_a_word_of_a_term_read_only_for_other_specialties_is_left_out() -> None:
    """'plaques' of 'sclérose en plaques' is no skin plaque: a word inside a multi-word term
    that the model reads only for other specialties than the term's does not count; one it
    also reads for the term's specialty does ('cutanée' of 'éruption cutanée')."""
    lexicon = _lexicon(
        neurology={"names": ["neurologue"], "strong": ["sclérose en plaques"]},
        dermatology={"names": ["dermatologue"], "strong": ["éruption cutanée"]},
    )
    model = _model(
        plaqu={"dermatology": 9.0},
        cutan={"allergology": 3.0, "dermatology": 1.0},
    )
    multiple = classify_with(lexicon, "sclérose en plaques", model)
    assert dict(multiple.ranking) == {"neurology": 3.0}
    rash = classify_with(lexicon, "éruption cutanée", model)
    assert "allergology" in dict(rash.ranking)
    alone = classify_with(lexicon, "plaques", model)
    assert alone.specialty == "dermatology"


def test_without_a_model_the_lexicon_decides_alone() -> None:
    lexicon = _lexicon(cardiology={"names": ["cardiologue"], "typical": ["souffle"]})
    model = _model(souffl={"pulmonology": 9.0})
    assert classify_with(lexicon, "souffle").ranking == (("cardiology", 1.5),)
    assert "pulmonology" in dict(classify_with(lexicon, "souffle", model).ranking)


def test_words_share_out_their_points_and_say_which_words() -> None:
    """Each specialty the model gives at least words_least gets that share of the words'
    points, labelled with the words that point to it."""
    lexicon = _lexicon(cardiology={"names": ["cardiologue"], "typical": ["souffle"]})
    model = _model(souffl={"cardiology": 12.0})
    result = classify_with(lexicon, "souffle", model)
    assert result.specialty == "cardiology"
    assert math.isclose(
        dict(result.ranking)["cardiology"], 1.5 + lexicon.words_weight, abs_tol=0.01
    )
    assert "learned words: souffl (100%)" in result.evidence["cardiology"]


def test_a_greeting_still_goes_to_general_practice() -> None:
    """No lexicon term and no confident word: general practice, unsure."""
    lexicon = _lexicon(cardiology={"names": ["cardiologue"], "typical": ["souffle"]})
    model = _model(bonjour={"cardiology": 0.5})
    result = classify_with(lexicon, "bonjour", model)
    assert (result.specialty, result.unsure) == (FALLBACK, True)


def test_words_alone_suggest_but_stay_unsure_unless_they_are_sure() -> None:
    lexicon = _lexicon(cardiology={"names": ["cardiologue"], "typical": ["souffle"]})
    assert 0 < lexicon.words_alone < lexicon.words_sure < 1
    fairly = _model(tanner={"pediatrics": 3.9})  # about 0.66 against 26 others at 0
    result = classify_with(lexicon, "tanner", fairly)
    assert (result.specialty, result.unsure) == ("pediatrics", True)
    surely = _model(tanner={"pediatrics": 9.0})
    result = classify_with(lexicon, "tanner", surely)
    assert (result.specialty, result.unsure) == ("pediatrics", False)


def test_a_request_outranks_the_words() -> None:
    lexicon = _lexicon(nephrology={"names": ["néphro"], "typical": ["rein"]})
    model = _model(souffl={"cardiology": 12.0})
    assert classify_with(lexicon, "avis néphro : souffle ?", model).specialty == "nephrology"


def test_words_only_the_lexicon_can_read_are_not_read_by_the_model() -> None:
    """'US' counts as ultrasound only in capitals: the model, blind to case, leaves it out."""
    lexicon = load_lexicon()
    assert "us" in lexicon.ambiguous and "ed" in lexicon.ambiguous
    model = _model(us={"radiology": 12.0})
    result = classify_with(lexicon, "let us know about his eczema", model)
    assert "radiology" not in dict(result.ranking)


# --- the packaged weights ---------------------------------------------------------------------


def test_the_packaged_weights_load_once_and_are_used() -> None:
    assert load_words() is load_words()
    assert len(load_words().weights) > 1000
    assert any(
        label.startswith("learned words")
        for labels in classify("tendinite sous ciprofloxacine").evidence.values()
        for label in labels
    )


@pytest.mark.parametrize(
    ("question", "slug"),
    [
        # a fluoroquinolone's tendinopathy: the drug's effect, not the tendon's surgeon
        ("tendinite achilléenne sous ciprofloxacine, on arrête ?", "pharmacology"),
        # the dose of an anticoagulant at an extreme weight: unsure by the lexicon alone
        ("apixaban chez un patient de 150 kg, dose standard ok ?", "pharmacology"),
    ],
)
def test_the_packaged_weights_settle_long_tail_questions(question: str, slug: str) -> None:
    alone = classify_with(load_lexicon(), question)
    result = classify(question)
    assert alone.unsure
    assert (result.specialty, result.unsure) == (slug, False)


# --- the trainer ------------------------------------------------------------------------------


def _trainer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("train_triage_words", TRAINER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("train_triage_words", module)
    spec.loader.exec_module(module)
    return module


TINY = [
    ("souffle cardiaque et palpitations", "cardiology"),
    ("palpitations à l'effort, souffle", "cardiology"),
    ("douleur thoracique et palpitations", "cardiology"),
    ("eczéma des mains qui gratte", "dermatology"),
    ("plaque qui gratte sur le coude", "dermatology"),
    ("eczéma du nourrisson, quelle crème", "dermatology"),
    ("brûlures mictionnelles et fièvre", "urology"),
    ("brûlures en urinant depuis 2 jours", "urology"),
    ("sang dans les urines, brûlures", "urology"),
]


def test_the_trainer_learns_and_gives_the_same_file_twice() -> None:
    trainer = _trainer()
    text = trainer.build(TINY, "tiny")
    assert text == trainer.build(TINY, "tiny")  # fixed seed: reproducible
    model = parse_words(text)
    for question, slug in [("palpitations", "cardiology"), ("ça gratte", "dermatology")]:
        shares = model.probabilities(features(tokens(question)))
        assert SPECIALTIES[max(range(len(shares)), key=shares.__getitem__)] == slug
