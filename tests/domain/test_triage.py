"""Specialty triage: the lexicon, each specialty, each matching rule, the decision."""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any

import pytest

from bot.domain.specialties import FALLBACK, SPECIALTIES
from bot.domain.triage import (
    Lexicon,
    LexiconError,
    Triage,
    classify,
    classify_with,
    compile_lexicon,
    load_lexicon,
)
from bot.domain.triage_text import fold, stem, term_key


def _raw_lexicon() -> dict[str, Any]:
    text = resources.files("bot.domain").joinpath("lexicon.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _tiny_lexicon(**specialties: dict[str, list[str]]) -> Lexicon:
    """The packaged lexicon's settings with only the given specialty terms."""
    data = _raw_lexicon()
    data["specialty"] = specialties
    data["combination"] = []
    data["who"] = []
    return compile_lexicon(data)


# --- the lexicon file -------------------------------------------------------------------------


def test_every_key_of_the_lexicon_is_a_known_slug() -> None:
    """The lexicon names no specialty outside the 27 stable slugs."""
    assert set(_raw_lexicon()["specialty"]) <= set(SPECIALTIES)


@pytest.mark.parametrize("slug", SPECIALTIES)
def test_every_slug_has_names_and_terms(slug: str) -> None:
    """Each specialty has its own names (for requests) and a real set of terms."""
    section = _raw_lexicon()["specialty"][slug]
    assert section["names"]
    assert len(section.get("strong", [])) + len(section.get("typical", [])) >= 40


def test_major_specialties_have_hundreds_of_terms() -> None:
    """The broad organ specialties carry hundreds of terms, French and English."""
    counts = load_lexicon().term_counts
    for slug in ("cardiology", "dermatology", "gastroenterology", "neurology", "pulmonology"):
        assert counts[slug] >= 250, slug


def test_an_unknown_slug_in_the_lexicon_is_refused() -> None:
    """A typo in a specialty key is an error, not a silently ignored section."""
    data = _raw_lexicon()
    data["specialty"]["cardiologie"] = {"names": ["cardio"]}
    with pytest.raises(LexiconError, match="cardiologie"):
        compile_lexicon(data)


def test_a_missing_weight_is_refused() -> None:
    """Every term group needs its weight in [weights]."""
    data = _raw_lexicon()
    del data["weights"]["strong"]
    with pytest.raises(LexiconError, match="strong"):
        compile_lexicon(data)


def test_the_lexicon_is_loaded_once() -> None:
    """load_lexicon is cached: classifying does not read the file again."""
    assert load_lexicon() is load_lexicon()


# --- one question per specialty ---------------------------------------------------------------

TYPICAL: dict[str, str] = {
    "addictology": "patient sous Subutex qui reconsomme de l'héroïne, on augmente la dose ?",
    "allergology": "choc anaphylactique après une piqûre d'abeille, faut-il une désensibilisation",
    "cardiology": "flutter atrial chez un homme de 60 ans, ablation ou anticoagulation seule ?",
    "dermatology": "plaques squameuses des coudes et du cuir chevelu, psoriasis ?",
    "endocrinology": "goitre multinodulaire avec TSH basse, scintigraphie thyroïdienne ?",
    "gastroenterology": "rectocolite hémorragique en poussée sous Pentasa, on ajoute quoi",
    "geriatrics": "personne âgée en EHPAD, chutes répétées et dénutrition, que faire",
    "gynecology": "pilule oestroprogestative et spotting persistant, on change ?",
    "hematology": "pancytopénie découverte sur une NFS de routine, myélogramme ?",
    "infectiology": "syphilis secondaire chez un patient VIH+, quelle dose d'Extencilline",
    "internal_medicine": "suspicion de vascularite à ANCA, quel bilan immunologique",
    "nephrology": "syndrome néphrotique chez l'adulte, ponction biopsie rénale ?",
    "neurology": "sclérose en plaques récemment diagnostiquée, quel traitement de fond",
    "oncology": "cancer du poumon métastatique sous chimiothérapie, neutropénie fébrile",
    "ophthalmology": "baisse d'acuité visuelle brutale, décollement de rétine ?",
    "ent": "otite moyenne aiguë récidivante chez l'adulte, tympan perforé",
    "orthopedics": "rupture du ligament croisé antérieur, ligamentoplastie ou rééducation",
    "pediatrics": "nourrisson de 2 mois avec bronchiolite et difficultés alimentaires",
    "pharmacology": "interaction entre amiodarone et warfarine, faut-il baisser la dose ?",
    "psychiatry": "épisode dépressif caractérisé résistant à deux antidépresseurs",
    "psychology": "demande de psychothérapie TCC pour une phobie sociale",
    "pulmonology": "BPCO avec exacerbations fréquentes, VNI à domicile ?",
    "radiology": "IRM avec gadolinium chez un porteur de pacemaker, est-ce possible ?",
    "rheumatology": "polyarthrite rhumatoïde sous méthotrexate, on passe à une biothérapie ?",
    "urology": "hypertrophie bénigne de la prostate avec rétention, sonde puis chirurgie ?",
    "vascular": "artériopathie oblitérante des membres inférieurs avec claudication",
    "general_practice": "arrêt de travail pour lombalgie, combien de jours en première intention",
}


@pytest.mark.parametrize(("slug", "question"), sorted(TYPICAL.items()))
def test_a_typical_question_ranks_its_specialty_first(slug: str, question: str) -> None:
    """A plainly worded question of each specialty is suggested to that specialty."""
    assert classify(question).specialty == slug


def test_every_specialty_has_a_typical_question() -> None:
    """The per-specialty test covers all 27 slugs."""
    assert set(TYPICAL) == set(SPECIALTIES)


# --- matching rules ---------------------------------------------------------------------------


def test_case_and_accents_do_not_matter() -> None:
    """'NÉPHROPATHIE' and 'nephropathie' give the same result."""
    assert (
        classify("NÉPHROPATHIE DIABÉTIQUE").ranking == classify("nephropathie diabetique").ranking
    )


def test_fold_strips_accents_and_ligatures() -> None:
    """Folding lowercases, removes accents and opens ligatures."""
    assert fold("Œdème ÉPAULE cœur") == "oedeme epaule coeur"


@pytest.mark.parametrize(
    ("plural", "singular"),
    [
        ("reins", "rein"),
        ("rénaux", "rénal"),
        ("rénales", "rénal"),
        ("kidneys", "kidney"),
        ("allergies", "allergy"),
        ("dialysée", "dialysé"),
        ("infectieuse", "infectieux"),
    ],
)
def test_plurals_and_inflections_share_a_stem(plural: str, singular: str) -> None:
    """Plural, feminine and -aux forms reduce to the stem of the base form."""
    assert stem(fold(plural)) == stem(fold(singular))


def test_short_abbreviations_are_not_stemmed() -> None:
    """Abbreviations of three letters or fewer stay exact (FA is not F)."""
    assert stem("fas") == "fas"
    assert stem("hta") == "hta"


def test_stripping_keeps_four_letters() -> None:
    """'dose' is not reduced to 'dos' (the back), and 'tous' does not become 'toux'."""
    assert stem("doses") == "dose"
    assert stem("tous") != stem("toux")


def test_punctuation_glued_to_words_is_ignored() -> None:
    """'HTA,' and '(HTA)' are found like 'HTA'."""
    assert "HTA" in classify("(HTA),mal équilibrée").evidence["cardiology"]


def test_multi_word_terms_are_found_across_function_words() -> None:
    """'insuffisance rénale' matches with or without the words between."""
    assert classify("insuffisance rénale chronique").specialty == "nephrology"


def test_the_longest_term_wins_and_is_counted_once() -> None:
    """In 'douleur thoracique', 'thoracique' does not count again for pulmonology."""
    result = classify("douleur thoracique")
    assert "pulmonology" not in dict(result.ranking)


def test_a_one_letter_typo_in_a_long_word_is_tolerated() -> None:
    """'hypertention' is read as 'hypertension', at a reduced weight."""
    result = classify("hypertention")
    assert result.specialty == "cardiology"
    assert result.evidence["cardiology"][0] == "hypertension (~)"


def test_a_swapped_letter_is_tolerated() -> None:
    """Two adjacent letters swapped ('psoraisis') still match."""
    assert classify("psoraisis du coude").specialty == "dermatology"


def test_typos_keep_the_first_and_last_letters() -> None:
    """A different ending is a different word: 'recurrent' is not 'recurrence'."""
    assert "oncology" not in dict(classify("recurrent prostatitis").ranking)


def test_a_glued_number_and_unit_is_split() -> None:
    """'32SA' counts like '32 SA' toward gynecology."""
    assert classify("32SA").specialty == "gynecology"


def test_a_term_after_a_number_needs_the_number() -> None:
    """'SA' without a number is the French possessive, not weeks of amenorrhoea."""
    assert classify("sa voiture").specialty == FALLBACK


def test_an_old_age_points_to_geriatrics() -> None:
    """'patiente de 91 ans' adds a geriatric hint."""
    assert "geriatrics" in dict(classify("patiente de 91 ans").ranking)


def test_a_child_age_points_to_pediatrics() -> None:
    """'7yo' adds a pediatric hint."""
    assert classify("7yo").specialty == "pediatrics"


def test_a_duration_is_not_an_age() -> None:
    """'depuis 3 ans' and 'il y a 10 ans' are durations: no pediatric hint."""
    ranking = dict(classify("fatigue depuis 3 ans, bilan normal il y a 10 ans").ranking)
    assert "pediatrics" not in ranking


def _age_labels(text: str) -> list[str]:
    evidence = classify(text).evidence
    return [label for labels in evidence.values() for label in labels if label.startswith("age")]


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("5 y/o wetting the bed every night", "age 5"),
        ("92 y/o in a nursing home", "age 92"),
        ("bébé de 3 semaines, ictère", "age 3 weeks"),
        ("3-week-old still jaundiced", "age 3 weeks"),
        ("18m boy not walking yet", "age 18 months"),
        ("retard de langage à 30 mois", "age 30 months"),
        ("nné J3, 10 jours de vie", "age 10 days"),
    ],
)
def test_ages_are_read_in_the_forms_gps_type(question: str, label: str) -> None:
    """'y/o', weeks and days next to a baby word or 'old', months after 'à' are ages."""
    assert _age_labels(question) == [label]


@pytest.mark.parametrize(
    "question",
    [
        "traitement de 5 jours par amoxicilline",
        "Seresta jusqu'à 3/j",
        "second DVT in 3 years",
        "contrôle tous les 3 ans",
        "depuis 3 semaines",
    ],
)
def test_durations_and_doses_are_not_ages(question: str) -> None:
    """'de 5 jours', '3/j', 'in 3 years', 'tous les 3 ans' say how long or how often."""
    assert _age_labels(question) == []


def test_the_word_age_is_not_old_age() -> None:
    """'à quel âge' folds like 'âgé' but is no geriatric hint (a rule of the lexicon: read alone,
    without the learned words, which may give any specialty a small share)."""
    assert "geriatrics" not in dict(classify_with(load_lexicon(), "à quel âge dépister ?").ranking)


def test_an_age_does_not_override_a_strong_organ_specialty() -> None:
    """A child with a broken wrist is still an orthopaedic question; the age is a hint."""
    result = classify("enfant de 8 ans, fracture du poignet, plâtre combien de temps ?")
    assert result.specialty == "orthopedics"
    assert "pediatrics" in result.top(3)


# --- requests and names -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "slug"),
    [
        ("avis néphro : HTA sous Kardegic", "nephrology"),
        ("question pour un dermato : douleur thoracique", "dermatology"),
        ("any cardiologist? eczema on both hands", "cardiology"),
        ("un ORL dispo ? patient sous Levothyrox", "ent"),
    ],
)
def test_an_explicit_request_outranks_incidental_terms(question: str, slug: str) -> None:
    """Asking for a specialty wins over terms of another specialty."""
    result = classify(question)
    assert result.specialty == slug
    assert not result.unsure


def test_a_passing_mention_of_a_specialty_does_not_decide() -> None:
    """'suivi par son cardiologue' does not beat an eczema question."""
    assert classify("suivi par son cardiologue, eczéma des mains").specialty == "dermatology"


def test_the_askers_own_specialty_counts_nothing() -> None:
    """'je suis psychiatre' says who asks, not whom to ask."""
    result = classify("je suis psychiatre, patient sous lithium, créatinine qui monte")
    assert result.specialty == "nephrology"
    assert "psychiatre" not in result.evidence.get("psychiatry", ())


def test_two_requested_specialties_make_the_answer_unsure() -> None:
    """'psychologue ou psychiatre ?' offers both instead of guessing."""
    result = classify("deuil difficile, orientation vers un psychologue ou un psychiatre ?")
    assert result.unsure
    assert set(result.top(2)) == {"psychology", "psychiatry"}


# --- lab values and drugs as the only clue ----------------------------------------------------


@pytest.mark.parametrize(
    ("question", "slug"),
    [
        ("TSH 0,01", "endocrinology"),
        ("HbA1c 9,5 %", "endocrinology"),
        ("Levothyrox 75", "endocrinology"),
        ("Lasilix 40 mg", "cardiology"),
        ("Seresta 50", "addictology"),
        ("Previscan", "cardiology"),
        ("DFG 28", "nephrology"),
    ],
)
def test_a_lab_value_or_a_drug_alone_is_enough(question: str, slug: str) -> None:
    """A lab test or a French brand name is the only clue, and it is used: the lexicon picks
    its specialty; with the learned words it is offered, and any other first choice is unsure
    ("Previscan" alone: the labelled questions send a VKA to pharmacology, cardiology and
    hematology)."""
    assert classify_with(load_lexicon(), question).specialty == slug
    result = classify(question)
    assert slug in result.top(3)
    assert result.specialty == slug or result.unsure


def test_a_test_two_specialties_read_offers_both() -> None:
    """'ECBU positif' alone is an infectiologist's question first and a urologist's too: the
    lexicon reads it for both, and with the learned words (the labelled questions send it to
    either, more often to infectiology) both stay the first two."""
    assert classify_with(load_lexicon(), "ECBU positif").top(2) == ("infectiology", "urology")
    assert classify("ECBU positif").top(2) == ("infectiology", "urology")


def test_a_drug_counts_a_little_toward_pharmacology() -> None:
    """Every drug name adds a small pharmacology score."""
    assert "pharmacology" in dict(classify("Kardegic").ranking)


def test_a_drug_in_pregnancy_points_to_pharmacology() -> None:
    """A drug and a pregnancy together trigger the prescribing combination."""
    result = classify("enceinte sous sertraline, on continue ?")
    assert any("drug +" in label for label in result.evidence["pharmacology"])


# --- hard cases ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "acceptable"),
    [
        # a febrile drug eruption: the dermatologist's, or the allergist's (drug hypersensitivity)
        (
            "éruption cutanée fébrile 2 semaines après début de carbamazépine",
            {"dermatology", "allergology"},
        ),
        ("quelle dose d'amoxicilline chez un dialysé ?", {"pharmacology", "nephrology"}),
        ("femme enceinte de 30 SA, TA 160/100, pré-éclampsie ?", {"gynecology"}),
        ("enfant de 4 ans avec éruption fébrile", {"pediatrics"}),
    ],
)
def test_hard_cases_reach_an_acceptable_specialty(question: str, acceptable: set[str]) -> None:
    """Drug rash, renal dosing, pregnant hypertension, child rash: a sound first choice."""
    assert classify(question).specialty in acceptable


# --- the decision ----------------------------------------------------------------------------


def test_nothing_matched_falls_back_to_general_practice() -> None:
    """Without any term, the suggestion is general practice, unsure, with a zero score."""
    result = classify("bonsoir, merci d'avance")
    assert result.specialty == FALLBACK
    assert result.ranking == ((FALLBACK, 0.0),)
    assert result.unsure
    assert result.confidence == 0.0


def test_thin_evidence_is_unsure() -> None:
    """A single weak hint is not enough to be sure."""
    assert classify("douleur").unsure


def test_close_runners_up_are_unsure() -> None:
    """Two specialties with the same score make the answer unsure."""
    lexicon = _tiny_lexicon(
        cardiology={"names": ["cardio"], "strong": ["souffle"]},
        pulmonology={"names": ["pneumo"], "strong": ["dyspnée"]},
    )
    assert classify_with(lexicon, "souffle et dyspnée").unsure


def test_a_close_share_with_a_full_term_of_lead_is_sure() -> None:
    """9 against 7.5 is within 80 %, but the leader has a whole typical term more: sure."""
    lexicon = _tiny_lexicon(
        cardiology={"names": ["cardio"], "strong": ["souffle", "angor", "syncope"]},
        pulmonology={
            "names": ["pneumo"],
            "strong": ["dyspnée", "toux"],
            "typical": ["sifflement"],
        },
    )
    result = classify_with(lexicon, "souffle, angor, syncope, dyspnée, toux, sifflement")
    assert dict(result.ranking) == {"cardiology": 9.0, "pulmonology": 7.5}
    assert not result.unsure


def test_a_close_share_with_less_than_a_term_of_lead_is_unsure() -> None:
    """4.5 against 4: close, and the lead is less than one typical term."""
    lexicon = _tiny_lexicon(
        cardiology={"names": ["cardio"], "strong": ["souffle"], "typical": ["palpitations"]},
        pulmonology={"names": ["pneumo"], "strong": ["dyspnée"], "weak": ["toux", "fièvre"]},
    )
    result = classify_with(lexicon, "souffle, palpitations, dyspnée, toux, fièvre")
    assert dict(result.ranking) == {"cardiology": 4.5, "pulmonology": 4.0}
    assert result.unsure


def test_clear_evidence_is_sure_and_confident() -> None:
    """Several strong terms of one specialty give a sure, confident answer."""
    result = classify("insuffisance cardiaque FEVG 30 %, Entresto et bisoprolol")
    assert not result.unsure
    assert result.confidence >= 0.6


def test_the_ranking_is_sorted_and_positive() -> None:
    """Scores are positive and in decreasing order."""
    scores = [score for _, score in classify("HTA, diabète, BPCO et lombalgie").ranking]
    assert all(score > 0 for score in scores)
    assert scores == sorted(scores, reverse=True)


def test_top_returns_the_best_slugs() -> None:
    """top(n) lists the n first slugs of the ranking."""
    result = Triage("a", 0.5, False, (("a", 3.0), ("b", 2.0), ("c", 1.0), ("d", 0.5)), {})
    assert result.top() == ("a", "b", "c")
    assert result.top(2) == ("a", "b")


def test_evidence_lists_the_deciding_terms_strongest_first() -> None:
    """The evidence of a specialty names the lexicon terms that matched, heaviest first."""
    lexicon = _tiny_lexicon(
        dermatology={"names": ["dermato"], "strong": ["psoriasis"], "weak": ["peau"]}
    )
    assert classify_with(lexicon, "peau et psoriasis").evidence["dermatology"] == (
        "psoriasis",
        "peau",
    )


def test_each_term_counts_once() -> None:
    """Repeating a term does not raise its specialty's score."""
    once = dict(classify("eczéma").ranking)["dermatology"]
    assert dict(classify("eczéma eczéma eczéma").ranking)["dermatology"] == once


def test_term_keys_drop_function_words() -> None:
    """'cancer du sein' and 'cancer sein' share a key."""
    assert term_key("cancer du sein") == term_key("cancer sein")


def test_typographic_apostrophes_and_elisions_are_handled() -> None:
    """'l’HTA' (phone apostrophe) is read as 'HTA', not as the word 'lhta'."""
    assert classify("l’HTA de mon patient").specialty == "cardiology"


def test_non_latin_characters_never_glue_words() -> None:
    """An en dash or a Greek letter becomes a space between words."""
    assert fold("cœur–poumon β-hCG").split() == ["coeur", "poumon", "-hcg"]


def test_a_term_made_only_of_numbers_is_refused() -> None:
    """'CA 125' would lose its letters to the function words and match any 125: refused."""
    data = _raw_lexicon()
    data["specialty"]["oncology"]["strong"].append("à 125")
    with pytest.raises(LexiconError, match="125"):
        compile_lexicon(data)


def test_a_combination_needs_both_of_its_parts() -> None:
    """The drug + pregnancy combination fires only when both are present."""
    data = _raw_lexicon()
    data["specialty"] = {
        "cardiology": {"names": ["cardio"], "drugs": ["Kardegic"]},
        "gynecology": {"names": ["gynéco"], "strong": ["grossesse"]},
    }
    lexicon = compile_lexicon(data)
    both = dict(classify_with(lexicon, "Kardegic et grossesse").ranking)
    drug_only = dict(classify_with(lexicon, "Kardegic").ranking)
    assert both["pharmacology"] > drug_only["pharmacology"]


def test_drugs_of_two_specialties_suggest_an_interaction_question() -> None:
    """An antibiotic and an anticoagulant together count toward pharmacology."""
    result = classify("ciprofloxacine chez un patient sous Coumadine")
    assert "drugs of two specialties" in result.evidence["pharmacology"]


def test_drugs_of_one_specialty_do_not_suggest_an_interaction() -> None:
    """Kardegic and Plavix are both cardiology drugs: no interaction bonus."""
    result = classify("Kardegic et Plavix")
    assert "drugs of two specialties" not in result.evidence["pharmacology"]


def test_a_close_natural_partner_strictly_behind_is_sure() -> None:
    """4.5 against 4: close, but the runner-up is pediatrics (a modifier): either specialist can
    answer a child's ear question, so the answer is sure."""
    lexicon = _tiny_lexicon(
        ent={"names": ["ORL"], "strong": ["otite"], "typical": ["tympan"]},
        pediatrics={"names": ["pédiatre"], "strong": ["enfant"], "weak": ["école", "fièvre"]},
    )
    result = classify_with(lexicon, "otite, tympan, enfant, école, fièvre")
    assert dict(result.ranking) == {"ent": 4.5, "pediatrics": 4.0}
    assert not result.unsure


def test_an_exact_tie_with_a_natural_partner_stays_unsure() -> None:
    """3 against 3: even with a modifier, a tie leaves the choice to the asker."""
    lexicon = _tiny_lexicon(
        ent={"names": ["ORL"], "strong": ["otite"]},
        pediatrics={"names": ["pédiatre"], "strong": ["enfant"]},
    )
    assert classify_with(lexicon, "otite, enfant").unsure


def test_a_listed_pair_of_partners_is_sure_when_strictly_ahead() -> None:
    """Psychiatry and psychology are listed partners in the lexicon's [decision]."""
    lexicon = _tiny_lexicon(
        psychiatry={"names": ["psy"], "strong": ["dépression"], "typical": ["insomnie"]},
        psychology={"names": ["psychologue"], "strong": ["TCC"], "weak": ["stress", "deuil"]},
    )
    result = classify_with(lexicon, "dépression, insomnie, TCC, stress, deuil")
    assert dict(result.ranking) == {"psychiatry": 4.5, "psychology": 4.0}
    assert not result.unsure


def test_partners_must_be_pairs_of_known_slugs() -> None:
    """A malformed partner list is refused when the lexicon is compiled."""
    data = _raw_lexicon()
    data["decision"]["partners"] = [["psychiatry", "astrology"]]
    with pytest.raises(LexiconError):
        compile_lexicon(data)


def test_modifiers_must_be_known_slugs() -> None:
    data = _raw_lexicon()
    data["decision"]["modifiers"] = ["pediatrics", "astrology"]
    with pytest.raises(LexiconError):
        compile_lexicon(data)


# --- round 5: ages in shorthand, who asks, two specialists offered ------------------------------


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("Anaemia in an 84F, ferritin normal", "age 84"),
        ("Lymphocytosis in a 91M, what next?", "age 91"),
    ],
)
def test_a_number_glued_to_a_capital_m_or_f_is_an_age_in_years(question: str, label: str) -> None:
    """'84F', '91M': clinical shorthand for age and sex, in years, not months."""
    assert _age_labels(question) == [label]


def test_a_large_number_glued_to_a_capital_m_is_not_a_childs_age() -> None:
    """'a 70M' is a 70-year-old man: no pediatric hint."""
    assert "pediatrics" not in dict(classify("Lymphocytes 7.5 G/L in a 70M").ranking)


def test_a_small_number_and_m_next_to_a_baby_word_stays_months() -> None:
    """'18M boy' is still 18 months: the baby word decides."""
    assert _age_labels("18M boy not walking yet") == ["age 18 months"]


def test_a_bare_lower_case_m_after_a_large_number_is_not_months() -> None:
    """'in a 70m' is not a 70-month-old."""
    assert _age_labels("new murmur in a 70m") == []


def test_a_role_before_an_opening_colon_introduces_the_asker() -> None:
    """'Sage-femme : …' says who asks; it is not a request to midwives or gynaecologists."""
    labels = classify("Sage-femme : patiente de 30 ans, migraine avec aura").evidence
    assert not any(label.endswith("(request)") for found in labels.values() for label in found)


@pytest.mark.parametrize(
    ("question", "name"),
    [
        (
            "Dermatologist here. Pt with livedo and 2 miscarriages, antiphospholipid?",
            "dermatology",
        ),
        ("Gynae here: 28 weeks pregnant, thyroid nodule 15 mm TIRADS 4, FNA now?", "gynecology"),
        (
            "gériatre ici, PTH luxée 2 fois en 3 mois chez une dame de 80 ans, reprise ?",
            "geriatrics",
        ),
    ],
)
def test_a_specialist_presenting_themselves_is_not_a_request(question: str, name: str) -> None:
    """'<specialist> here.' opening the question says who asks: that name counts nothing."""
    alone = classify_with(load_lexicon(), question)
    assert not any(label.endswith("(request)") for label in alone.evidence.get(name, ()))
    assert alone.specialty != name


@pytest.mark.parametrize("question", ["any dermatologist here?", "dermato here ? eczéma du pli"])
def test_a_specialist_called_here_is_still_a_request(question: str) -> None:
    assert classify(question).specialty == "dermatology"
    assert any(label.endswith("(request)") for label in classify(question).evidence["dermatology"])


def test_an_addressed_heading_is_still_a_request() -> None:
    """'@hémato : …' addresses the haematologists."""
    assert "hémato (request)" in classify("@hémato : plaquettes à 90 G/L").evidence["hematology"]


def test_two_specialties_offered_as_alternatives_are_both_requested() -> None:
    """'Néphro ou uro ?' asks for either: the asker hesitates, the answer is unsure."""
    result = classify("Calculs à répétition, bilan métabolique : néphro ou uro ?")
    assert result.unsure
    assert "néphro (request)" in result.evidence["nephrology"]


def test_a_specialist_quoted_with_according_to_is_a_mention() -> None:
    """'according to the gastro' reports an opinion, it does not ask for one."""
    labels = classify("Scopes normal according to the gastro, still anaemic").evidence
    assert "gastro (request)" not in labels.get("gastroenterology", ())


def test_an_inclusive_ending_does_not_hide_a_request() -> None:
    """'pour un(e) psychologue' asks for a psychologist."""
    labels = classify("Question pour un(e) psychologue : deuil difficile").evidence
    assert "psychologue (request)" in labels["psychology"]


def test_avis_de_before_a_specialty_is_a_request() -> None:
    """'Avis de gériatre' asks for a geriatrician, like 'avis gériatre'."""
    result = classify("Avis de gériatre : 86 ans, tremblement de repos récent")
    assert result.specialty == "geriatrics"


def test_plutot_qu_un_excludes_the_specialty_after_it() -> None:
    """The elided 'qu'' is kept: 'plutôt qu'un cardio' is not a request to cardiology."""
    result = classify("Question pour un généraliste plutôt qu'un cardio : reprise du volant ?")
    assert result.specialty == "general_practice"
    assert "cardio (request)" not in result.evidence.get("cardiology", ())


def test_a_serious_illness_is_not_graves_disease() -> None:
    """'maladie grave', 'c'est grave ?' are not Graves' disease."""
    assert "endocrinology" not in dict(classify("annonce d'une maladie grave").ranking)
    assert "endocrinology" not in dict(classify("c'est grave ?").ranking)


def test_a_specialist_needed_is_a_request() -> None:
    """'Paediatrician needed:' asks for a paediatrician."""
    labels = classify("Paediatrician needed: 3rd febrile UTI in a toddler").evidence
    assert "paediatrician (request)" in labels["pediatrics"]
