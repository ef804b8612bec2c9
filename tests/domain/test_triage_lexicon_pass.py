"""Triage rules added after held-out set 1: capitals-only abbreviations, context rules for
ambiguous words, tests reported as normal, clinical pictures described without their name, and
the broader English vocabulary.

These tests pin the lexicon's own rules and vocabulary, so they classify with the lexicon alone;
the learned word weights added on top are tested in ``test_triage_words.py``."""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any

import pytest

from bot.domain.triage import (
    LexiconError,
    Triage,
    classify_with,
    compile_lexicon,
    load_lexicon,
)
from bot.domain.triage_text import stem


def classify(text: str) -> Triage:
    """The lexicon's answer, without the learned word weights."""
    return classify_with(load_lexicon(), text)


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


# --- breadth pass 3 (after held-out sets 2 and 3) -----------------------------------------------


@pytest.mark.parametrize(
    ("question", "slug"),
    [
        ("allergie péni, on peut réintroduire l'amox ?", "allergology"),
        ("BAV brutale de l'oeil droit", "ophthalmology"),
        ("BAV du 2e degré sur l'ECG", "cardiology"),
        ("PTH il y a 2 ans, douleur de hanche", "orthopedics"),
        ("PTH 9 pmol/L avec calcium 2.85", "endocrinology"),
        ("doppler des TSA, sténose 70 %", "vascular"),
    ],
)
def test_short_ambiguous_words_are_read_by_their_neighbours(question: str, slug: str) -> None:
    """'péni', 'BAV', 'PTH', 'TSA' each mean two things; the words around them decide."""
    assert classify(question).specialty == slug


@pytest.mark.parametrize(
    "question",
    [
        "sciatique L5 hyperalgique, IRM ou scanner lombaire ?",
        "patient avec pacemaker, IRM cérébrale possible ?",
        "Lipoma 6 cm on the back, US or MRI?",
    ],
)
def test_which_exam_questions_go_to_radiology(question: str) -> None:
    """Choosing between modalities, or whether an MRI is possible, is a radiology question."""
    assert classify(question).specialty == "radiology"


def test_us_counts_as_ultrasound_only_in_capitals() -> None:
    """'let us know' is not an ultrasound."""
    assert "radiology" not in dict(classify("let us know about his eczema").ranking)


def test_a_longer_drug_term_still_triggers_its_combination() -> None:
    """'Cialis 5 mg' is a term of its own, and still counts as 'Cialis' for ED + diabetes."""
    labels = _labels("DE chez un diabétique, Cialis 5 mg", "urology")
    assert "erectile dysfunction in a diabetic or cardiac patient" in labels


def test_weeks_of_amenorrhoea_take_part_in_combinations() -> None:
    """'31 SA' with a high blood pressure is the pre-eclampsia picture: gynecology."""
    result = classify("31 SA, TA 160/100 et protéinurie")
    assert result.specialty == "gynecology"
    assert any("pre-eclampsia" in label for label in result.evidence["gynecology"])


def test_a_lone_letter_t_is_no_hematology_term() -> None:
    """'CAR-T' once lost 'car' as a function word and matched any 'T' ('T 37,9')."""
    assert "hematology" not in dict(classify("RCH, T 37,9").ranking)


def test_asymptomatic_alone_does_not_pull_to_general_practice() -> None:
    """'asymptomatique' is said of findings in every specialty: a weak hint only."""
    result = classify("BBG complet nouveau, asymptomatique, urgence ?")
    assert result.specialty == "cardiology"
    assert not result.unsure


@pytest.mark.parametrize(
    ("question", "slug"),
    [
        ("PFP a frigore, cortico + valaciclovir ?", "neurology"),
        ("5 y/o wetting the bed every night, desmopressin?", "pediatrics"),
        ("Corps étranger cornéen, je l'enlève au cabinet ?", "ophthalmology"),
        ("Smell loss 6 months after a cold, olfactory training?", "ent"),
        ("ganglion sus-claviculaire gauche dur et perte de 8 kg", "oncology"),
        ("Bilan de thrombophilie après une TVP sous pilule, utile ?", "hematology"),
        ("dysphagie aux solides progressive, amaigri de 4 kg", "gastroenterology"),
        ("cannabis tous les jours, 5-6 joints/j, CJC ?", "addictology"),
    ],
)
def test_common_gp_vocabulary_added_by_family(question: str, slug: str) -> None:
    """Abbreviations and phrasings GPs type, missing before the third breadth pass."""
    assert classify(question).specialty == slug


# --- pass 4: negated requests --------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "cannabis tous les jours chez un ado, il refuse de voir un psy",
        "pas besoin de psy ?",
        "doesn't want to see a psychiatrist",
        "Not asking for psych, the rash is the question",
    ],
)
def test_a_refused_or_negated_specialty_is_not_a_request(question: str) -> None:
    """A refusal, a negation or "déjà" before the name, in the same clause, leaves a mention."""
    assert not any(label.endswith("(request)") for label in _labels(question, "psychiatry"))


def test_a_request_after_an_unrelated_negation_stays_a_request() -> None:
    """A negation in another clause does not reach the name: "pas bien, un psy ?"."""
    assert "psy (request)" in _labels("elle ne va pas bien, un psy ?", "psychiatry")


# --- pass 4: function words written in capitals are abbreviations --------------------------------


def test_de_in_capitals_is_erectile_dysfunction() -> None:
    assert classify("DE chez un diabétique, Cialis 5 mg quotidien ?").specialty == "urology"


def test_de_in_lower_case_or_in_a_shouted_text_is_the_article() -> None:
    assert "urology" not in dict(classify("douleur de jambe").ranking)
    assert "urology" not in dict(classify("DOULEUR DE JAMBE").ranking)


def test_ca_125_is_a_tumour_marker_in_any_case() -> None:
    """ "CA 125" keeps its "CA"; "ca 125" too, as the start of a longer term."""
    assert "CA 125" in _labels("CA 125 élevé chez une femme de 60 ans", "oncology")
    assert "CA 125" in _labels("ca 125 à 80, que faire", "oncology")


# --- pass 4: a dictionary word is not a typo -----------------------------------------------------


def test_an_ordinary_word_is_not_read_as_a_typo() -> None:
    """ "missing" is an English word, not a misspelt "misusing"."""
    assert "addictology" not in dict(classify("missing a lot of school").ranking)


def test_an_unknown_word_is_still_read_as_a_typo() -> None:
    assert classify("rectoragies depuis une semaine").specialty == "gastroenterology"


def test_compile_lexicon_takes_the_ordinary_words() -> None:
    """Without the dictionary the same word is corrected: the guard comes from the word list."""
    lexicon = compile_lexicon(_raw_lexicon())
    assert lexicon.typo_of("missing") == "misusing"
    assert compile_lexicon(_raw_lexicon(), ordinary_words=["missing"]).is_ordinary("missing")


# --- pass 4: background and context weigh less than the problem ----------------------------------


def test_risk_factors_weigh_less_than_the_presenting_problem() -> None:
    question = "Dysphagie aux solides chez un homme de 67 ans fumeur et buveur, amaigri de 4 kg"
    result = classify(question)
    assert result.specialty == "gastroenterology"
    assert "fumeur (background)" in _labels(question, "addictology")


def test_a_smoking_question_stays_addictology() -> None:
    """Risk-factor words are damped only when the question has other evidence."""
    assert classify("fumeur 20 cigarettes par jour, veut arrêter").specialty == "addictology"
    assert classify("patient fumeur, que faire").ranking[0][0] == "addictology"


def test_history_terms_are_background_until_the_list_ends() -> None:
    labels = _labels("ATCD d'IDM et de FA, coloscopie de dépistage ?", "cardiology")
    assert set(labels) == {"IDM (background)", "FA (background)"}
    assert "coloscopie" in _labels("ATCD d'IDM, coloscopie ?", "gastroenterology")


def test_the_baby_of_a_breastfeeding_mother_is_context_of_a_drug_question() -> None:
    question = "maman qui allaite un bébé de 6 semaines, Seresta 10 mg compatible ?"
    result = classify(question)
    assert result.specialty == "pharmacology"
    assert "bébé (background)" in _labels(question, "pediatrics")


def test_a_breastfeeding_question_without_a_drug_keeps_the_baby() -> None:
    assert "bébé" in _labels(
        "allaitement difficile, bébé de 3 semaines qui ne grossit pas", "pediatrics"
    )


def test_a_damp_rule_needs_terms() -> None:
    data = _raw_lexicon()
    data["damp"] = [{"label": "empty", "factor": 0.5}]
    with pytest.raises(LexiconError, match="empty"):
        compile_lexicon(data)


def test_a_damp_rule_age_condition_must_be_a_specialty() -> None:
    data = _raw_lexicon()
    data["damp"] = [{"terms": ["âgée"], "factor": 0.5, "with_age": "elderly"}]
    with pytest.raises(LexiconError, match="elderly"):
        compile_lexicon(data)


# --- pass 4: a normal work-up, a longer cue term, word forms -------------------------------------


def test_a_normal_cardiac_work_up_counts_little() -> None:
    question = "douleur thoracique, ECG, troponine et écho cœur normaux à chaque fois"
    assert "écho cœur (normal)" in _labels(question, "cardiology")


def test_a_rule_only_term_does_not_hide_the_terms_inside_it() -> None:
    """ "TEP-scan" is a test for the normal-results rule, and still the imaging "TEP"."""
    assert "radiology" in classify("fièvre prolongée inexpliquée, TEP-scan ?").top(3)


def test_feminine_forms_in_enne_and_elle_find_the_masculine_term() -> None:
    assert stem("pelvienne") == stem("pelvien")
    assert stem("artérielles") == stem("artériel")
    assert stem("selles") != stem("sel")  # stools are not salt


def test_a_haemolysed_potassium_is_a_nephrology_question() -> None:
    assert classify("K+ 6,2 sur un bilan de routine, hémolyse ?").specialty == "nephrology"


def test_jaundice_in_a_newborn_is_pediatrics() -> None:
    assert classify("ictère à J10 chez un nouveau-né allaité, bili à 220").specialty == (
        "pediatrics"
    )


# --- pass 5: cancer shorthand, oncology toxicities, units, gambling, prevention -----------------


@pytest.mark.parametrize(
    "question",
    [
        "hypercalcémie 3.2 chez K sein méta os",
        "K pancréas métastatique en soins palliatifs, vomissements, que faire ?",
        "K colon opéré, ACE qui remonte",
    ],
)
def test_french_k_with_an_organ_is_a_cancer_not_potassium(question: str) -> None:
    """'K sein', 'K colon': in French notes K is a cancer; potassium is 'K+' with a value."""
    result = classify(question)
    assert result.specialty == "oncology"
    assert "K+" not in _labels(question, "nephrology")


def test_potassium_with_a_value_is_still_potassium() -> None:
    assert "K+" in _labels("K+ 6.3 sous ramipril et spironolactone", "nephrology")


def test_a_letter_glued_to_a_number_is_a_unit_not_a_term() -> None:
    """'20k€ de dettes' is twenty thousand euros, not a potassium level."""
    question = "jeu d'argent en ligne pathologique, 20k€ de dettes, qui prend en charge ?"
    result = classify(question)
    assert "nephrology" not in dict(result.ranking)
    assert result.specialty == "addictology"
    assert not result.unsure


def test_febrile_neutropenia_on_a_named_chemotherapy_regimen_is_oncology() -> None:
    """The regimen by name ('sous FOLFOX') with fever or low neutrophils: the oncologist's."""
    question = "sous FOLFOX pour K colon, J10 de sa cure, fièvre 38.6, PNN 0.3 G/L, hospit ?"
    assert classify(question).specialty == "oncology"


@pytest.mark.parametrize(
    "question",
    [
        "TSH 45 on nivolumab, replacement dose?",
        "patient sous pembrolizumab, diarrhée 6 selles/j, colite immuno ?",
    ],
)
def test_immune_toxicity_of_cancer_immunotherapy_is_oncology(question: str) -> None:
    assert classify(question).specialty == "oncology"


def test_metatarsal_meta_is_not_a_metastasis() -> None:
    """'fracture base 5e méta' is a metatarsal: 'méta' alone is not a cancer word."""
    assert classify("fracture base 5e meta, appui ?").specialty == "orthopedics"


def test_removal_is_not_retirement() -> None:
    """'retrait' (removal of a foreign body) no longer reads as 'retraité' (geriatrics)."""
    result = classify("corps étranger cornéen (meuleuse), retrait en ville ?")
    assert result.specialty == "ophthalmology"
    assert "geriatrics" not in dict(result.ranking)


def test_gambling_in_the_singular_is_addictology() -> None:
    assert classify("jeu d'argent pathologique, qui le prend en charge ?").specialty == (
        "addictology"
    )


def test_a_sickle_cell_crisis_is_hematology() -> None:
    question = "Sickle cell 24M in VOC, pain 8/10 despite oral morphine, worried about ACS"
    assert classify(question).specialty == "hematology"


@pytest.mark.parametrize(
    "question",
    ["rappel dTP chez l'adulte, jusqu'à quel âge ?", "certif sport pour un marathon, ECG ?"],
)
def test_a_prevention_or_certificate_question_reaches_general_practice(question: str) -> None:
    assert "general_practice" in classify(question).top(3)


def test_nsaid_exacerbated_respiratory_disease_names_are_allergology() -> None:
    assert classify("triade de Widal, le paracétamol ça passe ?").specialty == "allergology"


# --- pass 7: excluded specialties, risk-factor quantities, who the patient is ------------------


@pytest.mark.parametrize(
    ("question", "requested", "excluded"),
    [
        ("Avis pharmaco svp plutôt que cardio : FA sous amiodarone", "pharmacology", "cardiology"),
        (
            "Question for an infectious disease doc rather than derm: boils",
            "infectiology",
            "dermatology",
        ),
        ("instead of a cardiologist, any pharmacologist?", "pharmacology", "cardiology"),
        ("avis cardio au lieu du pneumo : dyspnée", "cardiology", "pulmonology"),
        (
            "Avis interniste svp, le rhumato ne répond pas : polyarthralgies",
            "internal_medicine",
            "rheumatology",
        ),
        ("un dermato a dit eczéma, avis allergo ?", "allergology", "dermatology"),
    ],
)
def test_a_specialty_named_to_exclude_it_is_not_a_request(
    question: str, requested: str, excluded: str
) -> None:
    """'plutôt que X', 'rather than X', 'X ne répond pas', 'X a dit': X is only mentioned."""
    result = classify(question)
    assert result.specialty == requested
    assert not result.unsure
    assert not any(label.endswith("(request)") for label in _labels(question, excluded))


def test_rather_alone_still_requests() -> None:
    """'plutôt un cardio ?' asks for the cardiologist: only 'plutôt que' excludes."""
    assert "cardio (request)" in _labels("plutôt un cardio ?", "cardiology")


def test_a_request_word_before_a_comma_does_not_reach_the_next_clause() -> None:
    """In 'avis interniste svp, le rhumato…' the 'svp' belongs to the internist."""
    labels = _labels(
        "avis interniste svp, le rhumato est d'accord : polyarthralgies", "rheumatology"
    )
    assert "rhumato (request)" not in labels


def test_pack_years_and_glasses_a_day_are_background() -> None:
    """'fumeur 40 PA et OH 4 verres/j' is the risk profile of a dysphagia, not the question."""
    question = "Dysphagie aux solides depuis 2 mois, homme 65 ans, fumeur 40 PA et OH 4 verres/j"
    result = classify(question)
    assert result.specialty == "gastroenterology"
    assert "40 PA (background)" in result.evidence["addictology"]


def test_pack_years_still_count_without_another_problem() -> None:
    """Without other evidence the habit is the question: it is not damped as background (the
    clause that asks names no term, so the rest is its context, counted the same)."""
    labels = _labels("fumeur 40 PA, comment l'aider à arrêter ?", "addictology")
    assert any(label.startswith("40 PA") for label in labels)
    assert "40 PA (background)" not in labels


def test_nicotine_replacement_for_a_smoker_is_addictology() -> None:
    assert classify("fumeur de 2 paquets par jour, patchs à quelle dose ?").specialty == (
        "addictology"
    )


@pytest.mark.parametrize(
    ("question", "organ"),
    [
        ("Pelade chez ado 14 ans, traitement ?", "dermatology"),
        ("gynécomastie ado 15 ans, bilan ou on attend ?", "endocrinology"),
        ("Chalazion depuis 2 mois, enfant 6 ans. Incision ?", "ophthalmology"),
        (
            "IPP au long cours chez une dame de 85 ans, on peut arrêter sans risque ?",
            "gastroenterology",
        ),
    ],
)
def test_an_age_alone_yields_to_the_organ(question: str, organ: str) -> None:
    """Pediatrics or geriatrics with only an age and words like 'ado' stays a sure second."""
    result = classify(question)
    assert result.specialty == organ
    assert not result.unsure
    assert result.top(2)[1] in {"pediatrics", "geriatrics"}


def test_a_childs_own_problem_stays_pediatric() -> None:
    """A growth or milestone problem is evidence for pediatrics, not only an age."""
    assert classify("enfant de 8 ans qui ne grandit plus, courbe cassée").specialty == (
        "pediatrics"
    )


def test_a_murmur_in_a_child_is_pediatric() -> None:
    assert classify("souffle cardiaque chez un enfant de 5 ans, écho ?").specialty == (
        "pediatrics"
    )


def test_an_age_does_not_yield_to_a_vague_symptom() -> None:
    """'éruption fébrile' alone is too thin to take the child away from the pediatrician."""
    assert classify("enfant de 4 ans avec éruption fébrile").specialty == "pediatrics"


def test_who_rules_need_a_known_slug_and_a_factor_below_one() -> None:
    data = _raw_lexicon()
    data["who"] = [{"specialty": "pediatry", "factor": 0.9, "least": 2.0, "terms": ["ado"]}]
    with pytest.raises(LexiconError, match="pediatry"):
        compile_lexicon(data)
    data["who"] = [{"specialty": "pediatrics", "factor": 1.0, "least": 2.0, "terms": ["ado"]}]
    with pytest.raises(LexiconError, match="below 1"):
        compile_lexicon(data)


@pytest.mark.parametrize(
    "question",
    [
        "Femme enceinte 12 SA, chute, radio du poignet nécessaire : risque pour le fœtus ?",
        "Grossesse de 10 SA, une radio du thorax est-elle dangereuse ?",
    ],
)
def test_an_x_ray_in_pregnancy_is_radiology(question: str) -> None:
    assert classify(question).specialty == "radiology"


def test_an_ultrasound_in_pregnancy_stays_obstetric() -> None:
    """Ultrasound is the obstetrician's tool: the pregnancy is not damped for it."""
    assert classify("grossesse 8 SA, échographie : sac vide, GEU ?").specialty == "gynecology"


def test_an_adults_mmr_catch_up_is_general_practice() -> None:
    question = "Rattrapage ROR chez adulte né après 1980 avec une seule dose ?"
    assert classify(question).specialty == "general_practice"


def test_a_relatives_infarction_is_family_history() -> None:
    """'père décédé d'un infarctus' is background of a certificate question."""
    question = "Certificat pour un marathon, 45 ans, père décédé d'un infarctus à 60 ans. ECG ?"
    assert "infarctus (background)" in _labels(question, "cardiology")


# --- round 5: families where both annotators agreed and the classifier did not ------------------


@pytest.mark.parametrize(
    "question",
    [
        "Interne brillante, syndrome de l'imposteur, comment l'aider ?",
        "Bilan neuropsychologique chez un enfant de 8 ans : qui le fait ?",
        "Comment annoncer une mauvaise nouvelle à un patient très anxieux ?",
        "Burn-out, elle veut une psychothérapie : comment trouver un psy ?",
    ],
)
def test_therapy_support_and_assessment_are_psychology(question: str) -> None:
    assert classify(question).specialty == "psychology"


@pytest.mark.parametrize(
    "question",
    [
        "Kidney transplant on ciclosporin, can I add clarithromycin?",
        "Lithium au long cours, peut-on prescrire de l'ibuprofène ?",
        "Pilule et millepertuis, risque d'échec ?",
    ],
)
def test_a_narrow_margin_drug_with_an_interacting_drug_is_pharmacology(question: str) -> None:
    assert classify(question).specialty == "pharmacology"


def test_a_drugs_dose_for_a_kidney_function_is_pharmacology() -> None:
    """The clearance is the context of the dose question; it is damped for nephrology."""
    result = classify("Cefalexin dose for CrCl 25 mL/min?")
    assert result.specialty == "pharmacology"
    assert "CrCl (background)" in result.evidence["nephrology"]


def test_when_to_stop_a_drug_before_surgery_is_pharmacology() -> None:
    assert classify("Sémaglutide et chirurgie programmée : arrêt quand ?").specialty == (
        "pharmacology"
    )


def test_spacing_two_drugs_is_pharmacology() -> None:
    assert classify("Levothyrox et calcium : espacer de combien d'heures ?").specialty == (
        "pharmacology"
    )


def test_a_medication_error_is_pharmacology() -> None:
    question = "Erreur de prescription : méthotrexate pris tous les jours, acide folinique ?"
    assert classify(question).specialty == "pharmacology"


def test_a_teratogen_taken_in_pregnancy_is_pharmacology() -> None:
    """The pregnancy is the context of the exposure question, damped for gynaecology."""
    question = "Enceinte de 8 SA, a pris du valproate jusqu'à la semaine dernière, risque ?"
    result = classify(question)
    assert result.specialty == "pharmacology"


def test_isotretinoins_contraception_rules_are_dermatology() -> None:
    question = "Isotrétinoïne chez une jeune femme sous pilule : quelles règles ?"
    assert classify(question).specialty == "dermatology"


@pytest.mark.parametrize(
    ("question", "organ"),
    [
        ("enfant de 6 ans, corps étranger dans le conduit auditif, extraction ?", "ent"),
        ("3yo with a squint, refer before school age?", "ophthalmology"),
        ("nourrisson de 10 mois, APLV : échelle du lait à domicile ?", "allergology"),
        ("fille de 13 ans, gibbosité au test de flexion antérieure, radio ?", "orthopedics"),
    ],
)
def test_a_childs_organ_specific_act_goes_to_the_organ(question: str, organ: str) -> None:
    assert classify(question).specialty == organ


def test_a_childs_dose_is_pediatrics() -> None:
    assert classify("Ibuprofène sirop pour un enfant de 12 kg, quelle dose ?").specialty == (
        "pediatrics"
    )


def test_fever_in_a_baby_is_pediatrics() -> None:
    assert classify("bébé de 8 mois fébrile à 39 depuis hier, CRP 20").specialty == "pediatrics"


def test_travel_vaccines_and_malaria_prophylaxis_are_infectiology() -> None:
    question = "Voyage au Sénégal avec deux enfants de 6 et 9 ans : vaccins, antipaludique ?"
    assert classify(question).specialty == "infectiology"


@pytest.mark.parametrize(
    ("question", "slug"),
    [
        ("Anorexie mentale, IMC 13, FC 40 : hospitalisation ?", "psychiatry"),
        ("Parkinson's patient seeing people at night: quetiapine?", "neurology"),
        ("Protoxyde d'azote le week-end, paresthésies et ataxie depuis 10 jours", "neurology"),
        ("epistaxis on rivaroxaban, cauterise?", "ent"),
        ("Varices des jambes : laser ou sclérothérapie ?", "vascular"),
        ("Hyponatrémie à 125, restriction hydrique suffisante ?", "nephrology"),
        ("Nausées et vomissements à 8 SA malgré Cariban, ondansétron ?", "gynecology"),
        ("Post-partum J15, pleure tout le temps, idées noires", "psychiatry"),
        ("Angine, allergique à la pénicilline : quel antibiotique ?", "infectiology"),
        ("Egg allergy in a 1 year old, MMR vaccine safe?", "allergology"),
    ],
)
def test_round_five_families(question: str, slug: str) -> None:
    assert classify(question).specialty == slug


def test_past_abstinence_is_not_a_withdrawal_request() -> None:
    """'sevrée depuis 1 an' is background, not 'je le sèvre'."""
    labels = classify("cirrhose alcoolique sevrée depuis 1 an, ascite").evidence
    assert "je le sèvre" not in labels.get("addictology", ())


# --- round 6: families of blind set 8 (paraphrased), long-tail vocabulary ------------------------


@pytest.mark.parametrize(
    ("question", "slug"),
    [
        (
            "Mon patient achète du kratom sur internet pour arrêter la codéine, risques ?",
            "addictology",
        ),
        (
            "vapote des sels de nicotine toute la journée, quel patch pour remplacer ?",
            "addictology",
        ),
        ("fumeuse enceinte de 20 SA, substituts nicotiniques autorisés ?", "addictology"),
        ("Maladie de Verneuil stade Hurley III, adalimumab à discuter avec qui ?", "dermatology"),
        ("Ocular rosacea with dry gritty eyes: is doxycycline long term safe?", "dermatology"),
        (
            "Kyste pancréatique type TIPMP de 15 mm découvert au scanner, quel suivi ?",
            "gastroenterology",
        ),
        (
            "Patient de 63 ans, aphasie transitoire ce matin, score ABCD2 à 4, où l'adresser ?",
            "neurology",
        ),
        ("SEP sous natalizumab, vaccin fièvre jaune possible ?", "neurology"),
        (
            "Cas de tuberculose bacillifère dans un foyer : dépistage des contacts par IGRA ?",
            "infectiology",
        ),
        (
            "Fièvre au retour du Mali, goutte épaisse négative, on recontrôle quand ?",
            "infectiology",
        ),
        ("Rigidité et hyperthermie sous neuroleptique, syndrome malin ?", "psychiatry"),
        ("bipolaire sous lithium avec un désir de grossesse, on arrête ?", "psychiatry"),
        ("Enfant de 3 ans qui aurait avalé une pile bouton il y a une heure", "pediatrics"),
        ("Nourrisson allaité de 3 semaines, ictère persistant et selles décolorées", "pediatrics"),
        ("clarithro with simva 40, should I hold the statin?", "pharmacology"),
        ("Greffé rénal sous tacrolimus, Paxlovid envisageable ?", "pharmacology"),
        ("Lamictal et pilule oestroprogestative, faut-il augmenter la dose ?", "pharmacology"),
        ("Vancomycine : taux résiduel à 30, on espace les doses ?", "pharmacology"),
        ("Avis radio svp : IRM ou scanner pour une douleur de hanche ?", "radiology"),
        ("Injection de gadolinium chez un patient avec un DFG à 28, risque ?", "radiology"),
        ("TVP post-arthroscopie du genou, combien de temps d'anticoagulation ?", "vascular"),
        ("ISCHEMIE AIGUE DU MI DROIT DEPUIS 2H, PIED FROID", "vascular"),
        ("Sciatique L5 avec déficit releveur à 3/5, chirurgie urgente ?", "orthopedics"),
        ("Vaccin HPV chez un garçon de 20 ans, toujours remboursé ?", "general_practice"),
        ("Asthme sévère avec éosinophiles à 600, quelle biothérapie ?", "pulmonology"),
        ("fièvre prolongée depuis 6 semaines, tout est négatif, TEP-scan ?", "internal_medicine"),
        ("Perte de poids de 8 kg, bilan et scanner normaux, quelle suite ?", "internal_medicine"),
        ("Acouphènes mal vécus, une thérapie ACT peut aider ?", "psychology"),
    ],
)
def test_round_six_families(question: str, slug: str) -> None:
    assert classify(question).specialty == slug


@pytest.mark.parametrize(
    ("question", "slug"),
    [
        ("Priapisme depuis 5 heures sous trazodone", "urology"),
        ("Syndrome de Diogène chez un homme de 70 ans qui vit seul", "psychiatry"),
        ("Méralgie paresthésique chez un homme obèse, traitement ?", "neurology"),
        ("Lymphangite carcinomateuse sur cancer du sein, pronostic ?", "oncology"),
        ("Rhabdomyolyse après un marathon, CPK 20000, créatinine 150", "nephrology"),
        ("Leptospirose suspectée après une baignade en rivière", "infectiology"),
        ("Angiodysplasies coliques et anémie ferriprive récidivante", "gastroenterology"),
        ("test de marche de 6 minutes chez un BPCO, désaturation à 85 %", "pulmonology"),
        ("Takotsubo après un deuil, suivi de la FEVG ?", "cardiology"),
        ("mycosis fungoides suspected on a skin biopsy, who follows it?", "dermatology"),
    ],
)
def test_long_tail_vocabulary(question: str, slug: str) -> None:
    assert classify(question).specialty == slug


@pytest.mark.parametrize(
    ("question", "slug"),
    [
        ("CA 125 élevé chez une femme de 62 ans", "pediatrics"),  # "élevé" is not "élève"
        ("bouton du nez qui saigne depuis 3 mois", "hematology"),  # "saigne" is not "saignée"
        ("il marche mal depuis sa chute", "pediatrics"),  # "marche" alone is not a late walker
    ],
)
def test_everyday_words_do_not_read_as_round_six_terms(question: str, slug: str) -> None:
    assert slug not in dict(classify(question).ranking)


def test_a_specialty_excluded_does_not_outweigh_the_radiology_request() -> None:
    question = "Avis radio svp (pas besoin d'un cardio) : coroscanner ou scinti ?"
    assert classify(question).specialty == "radiology"


def test_hepatitis_in_a_list_is_not_hepatitis_a() -> None:
    labels = _labels("sérologies VIH, hépatites, CMV négatives", "infectiology")
    assert not any(label.startswith("hépatite A") for label in labels)


def test_kidney_function_is_the_context_of_a_contrast_agent() -> None:
    result = classify("produit de contraste iodé avec un DFG à 25 : risque ?")
    assert result.specialty == "radiology"
    assert "DFG (background)" in result.evidence["nephrology"]


# --- safer to extend: terms that collapse, accent-exact terms ------------------------------------


def _with_term(data: dict[str, Any], slug: str, group: str, term: str) -> dict[str, Any]:
    data["specialty"][slug].setdefault(group, []).append(term)
    return data


def test_a_term_that_collapses_to_one_word_is_refused() -> None:
    """A moderator adding "pas encore la marche" gets an error naming the term and its list,
    not a silent "marche" term that would make every walk pediatric."""
    data = _with_term(_raw_lexicon(), "pediatrics", "strong", "pas encore la marche")
    with pytest.raises(
        LexiconError, match=r"pas encore la marche.*\[specialty\.pediatrics\] strong"
    ):
        compile_lexicon(data)


def test_the_word_alone_is_accepted() -> None:
    """Written alone, the single word is what the moderator means: it compiles."""
    compile_lexicon(_with_term(_raw_lexicon(), "pediatrics", "weak", "marche"))


@pytest.mark.parametrize(
    ("rule", "field"),
    [("combination", "second"), ("damp", "terms"), ("who", "terms")],
)
def test_a_collapsing_term_in_a_rule_is_refused(rule: str, field: str) -> None:
    """The rules' term lists are checked too: "how long" would be every "long"."""
    data = _raw_lexicon()
    data[rule][0][field].append("how long")
    with pytest.raises(LexiconError, match=rf"'how long' in the \[\[{rule}\]\]"):
        compile_lexicon(data)


def test_a_white_night_is_not_a_rash_that_does_not_blanch() -> None:
    """ "nuit blanche" no longer reads as "does not blanch" (a pediatric purpura)."""
    question = "première crise tonico-clonique après une nuit blanche, EEG ?"
    assert "pediatrics" not in dict(classify(question).ranking)


def test_a_prescription_is_not_a_drug_bought_without_one() -> None:
    """ "sans ordonnance" was every "ordonnance": renewing a prescription is not misuse."""
    labels = _labels("renouvellement de l'ordonnance de Kardégic et Tahor ?", "addictology")
    assert not any("misuse" in label for label in labels)


def _accent_lexicon(term: str) -> Any:
    data = _raw_lexicon()
    data["specialty"] = {"pediatrics": {"names": ["pédiatre"], "typical": [term]}}
    data["combination"] = []
    data["who"] = []
    return compile_lexicon(data)


@pytest.mark.parametrize("question", ["un élève de 10 ans", "deux élèves de CM2"])
def test_an_accent_exact_term_counts_with_its_accents(question: str) -> None:
    """ "=élève" finds "élève" and its plural."""
    assert classify_with(_accent_lexicon("=élève"), question).specialty == "pediatrics"


@pytest.mark.parametrize("question", ["CRP élevée", "TA très élevée", "un eleve de CM2"])
def test_an_accent_exact_term_ignores_other_accents(question: str) -> None:
    """ "=élève" is not "élevée" (high), nor "eleve" written without its accents."""
    assert "pediatrics" not in dict(classify_with(_accent_lexicon("=élève"), question).ranking)


def test_an_accent_exact_term_in_a_rule_is_refused() -> None:
    """Accent-exact terms belong in a specialty's term lists."""
    data = _raw_lexicon()
    data["combination"][0]["second"].append("=saignée")
    with pytest.raises(LexiconError, match="accent-exact"):
        compile_lexicon(data)


def test_a_headache_is_not_a_feed() -> None:
    """ "tétée" (a feed) is accent-exact: "mal de tête" is not pediatric."""
    assert "pediatrics" not in dict(classify("mal de tête depuis 3 jours, scanner ?").ranking)
    assert "tétée" in _labels("nourrisson, tétées longues, régurgitations", "pediatrics")


def test_a_treatment_that_worked_is_not_walking() -> None:
    """ "marche" (walking) is accent-exact: "ça a marché" is not a vascular word."""
    assert "vascular" not in dict(classify("le traitement a bien marché").ranking)
    assert "marche" in _labels("douleur du mollet à la marche", "vascular")


# --- combinations that see negation and age ------------------------------------------------------

_B_SYMPTOMS = "B symptoms: night sweats with nodes, itch or weight loss"


@pytest.mark.parametrize(
    "question",
    [
        "sueurs nocturnes depuis 1 mois, pas de perte de poids",
        "sueurs nocturnes, pas de prurit ni de perte de poids",
        "night sweats for a month, no weight loss or lymph nodes",
    ],
)
def test_a_negated_term_does_not_make_a_combination(question: str) -> None:
    """ "pas de perte de poids", "no … or …": the B-symptoms picture is not described."""
    assert _B_SYMPTOMS not in _labels(question, "hematology")


def test_the_same_terms_affirmed_make_the_combination() -> None:
    assert _B_SYMPTOMS in _labels("sueurs nocturnes et perte de poids de 6 kg", "hematology")


def test_plus_is_and_not_a_negation_for_a_term() -> None:
    """ "plus" negates a name ("ne veut plus voir de psy") but joins two terms here."""
    result = classify("lost vision in one eye plus arm weakness for 10 min")
    assert result.specialty == "neurology"


def test_a_rule_without_negation_still_counts_negated_terms() -> None:
    """The eating-disorder rule reads "plus de règles" (amenorrhoea) as a cue."""
    labels = _labels("ado, restriction alimentaire, plus de règles depuis 4 mois", "psychiatry")
    assert any("eating disorder" in label for label in labels)


def test_vitamin_d_in_a_very_old_patient_is_geriatrics() -> None:
    assert classify("vit D 15 ng/mL à 85 ans, dose de charge ?").specialty == "geriatrics"


def test_vitamin_d_without_an_old_age_is_not_the_geriatric_rule() -> None:
    labels = _labels("vit D 15 ng/mL à 40 ans, dose de charge ?", "geriatrics")
    assert "vitamin D in a very old patient" not in labels


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("negation", "yes", "negation"),
        ("with_age", "old", "with_age"),
        ("skip_history", 1, "skip"),
    ],
)
def test_a_bad_combination_condition_is_refused(field: str, value: object, message: str) -> None:
    data = _raw_lexicon()
    data["combination"][0][field] = value
    with pytest.raises(LexiconError, match=message):
        compile_lexicon(data)


# --- ED, MI, and a past operation ----------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "2 yo may have swallowed a button battery 30 min ago. X-ray or straight to ED?",
        "Agitated patient in the ED, loxapine IM dose?",
        "sent to the ED last night with chest pain, troponin negative",
        "ED visit for a panic attack, what next?",
    ],
)
def test_ed_as_the_emergency_department_is_not_erectile_dysfunction(question: str) -> None:
    assert "urology" not in dict(classify(question).ranking)


@pytest.mark.parametrize(
    "question",
    ["ED in a 50yo diabetic, sildenafil not working", "ED on tadalafil, headaches, switch?"],
)
def test_ed_as_erectile_dysfunction_stays_urology(question: str) -> None:
    assert classify(question).specialty == "urology"


def test_mi_as_the_legs_is_not_a_myocardial_infarction() -> None:
    """ "œdèmes des MI" are the legs' (membres inférieurs)."""
    assert "MI" not in _labels("œdèmes des MI et protéinurie à 6 g", "cardiology")
    assert classify("LDL target after an MI, on atorvastatin 80?").specialty == "cardiology"


_SURGERY = "a drug around surgery or a procedure"


@pytest.mark.parametrize(
    "question",
    [
        "sous apixaban depuis sa chirurgie de hanche, saignement de nez, que faire ?",
        "ATCD de chirurgie bariatrique, sous metformine, carence en B12 ?",
        "on apixaban since his knee surgery, nosebleeds",
    ],
)
def test_a_past_operation_is_not_a_drug_around_surgery(question: str) -> None:
    """ "depuis", "since", "ATCD": the operation is history, not the question."""
    assert _SURGERY not in _labels(question, "pharmacology")


def test_a_drug_before_an_operation_is_still_the_rule() -> None:
    assert _SURGERY in _labels(
        "apixaban avant une chirurgie de hanche, quand arrêter ?", "pharmacology"
    )


def test_a_context_rule_may_look_only_before_the_term() -> None:
    """A context rule with `before` words and no `cues` compiles."""
    data = _raw_lexicon()
    data["context"].append(
        {"term": "joint", "specialty": "addictology", "weight": 3.0, "before": ["un"]}
    )
    compile_lexicon(data)


# --- everyday words that were strong terms -------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "slug"),
    [
        ("souffle aortique irradiant aux carotides, malaises à l'effort", "radiology"),
        ("drinks 2 beers a day, ferritin 1200", "geriatrics"),
        ("blood in the stool for two weeks, 55yo", "general_practice"),
        ("compléments alimentaires pour la fatigue, utiles ?", "internal_medicine"),
    ],
)
def test_an_everyday_word_is_not_a_strong_term(question: str, slug: str) -> None:
    """ "irradiant" (radiating), "beers", "blood", "compléments" were strong terms of
    radiology, geriatrics (Beers criteria), general practice (bloods), internal medicine."""
    assert {"irradiant", "Beers", "bloods", "complément"}.isdisjoint(_labels(question, slug))


def test_tips_counts_as_the_shunt_only_in_capitals() -> None:
    """ "TIPS" (a portosystemic shunt) is in capitals only: "any tips?" is advice."""
    assert "gastroenterology" not in dict(classify("any tips for a difficult patient?").ranking)
    assert "TIPS" in _labels("cirrhose, ascite réfractaire, TIPS ?", "gastroenterology")


# --- the clause that asks, and its context -------------------------------------------------


def test_terms_outside_the_clause_that_asks_are_its_context() -> None:
    """'pt J3 post PTH, souffle systolique nouveau, ETT avant sortie ?' asks about the echo: the
    hip prosthesis and the murmur keep the lexicon's context share, the echo counts whole."""
    lexicon = load_lexicon()
    asked = classify_with(
        lexicon, "pt J3 post PTH, souffle systolique nouveau, ETT avant sortie ?"
    )
    flat = classify_with(lexicon, "pt J3 post PTH souffle systolique nouveau ETT avant sortie ?")
    assert asked.specialty == flat.specialty == "cardiology"
    assert "ETT" in asked.evidence["cardiology"]
    assert "souffle systolique (context)" in asked.evidence["cardiology"]
    assert all(label.endswith("(context)") for label in asked.evidence["orthopedics"])
    ranked, plain = dict(asked.ranking), dict(flat.ranking)
    assert ranked["orthopedics"] == pytest.approx(plain["orthopedics"] * lexicon.context_factor)
    assert lexicon.context_factor < 1.0


@pytest.mark.parametrize("ending", [" ??", " ? ?", "?!", " ? merci"])
def test_the_clause_that_asks_survives_doubled_marks_and_a_thank_you(ending: str) -> None:
    lexicon = load_lexicon()
    base = "pt J3 post PTH, souffle systolique nouveau, ETT avant sortie"
    assert (
        classify_with(lexicon, base + ending).ranking
        == classify_with(lexicon, base + " ?").ranking
    )


def test_a_term_after_a_number_can_be_context_too() -> None:
    """'28 SA' before a question about a thyroid nodule is the pregnancy, not the question."""
    result = classify_with(
        load_lexicon(), "enceinte 28 SA, nodule thyroïdien TIRADS 4, cytoponction maintenant ?"
    )
    assert result.specialty == "endocrinology"
    assert "28 sa (context)" in result.evidence["gynecology"]


@pytest.mark.parametrize(
    "question",
    [
        "post PTH. souffle systolique nouveau. ETT avant sortie",  # nothing asks with "?"
        "souffle systolique nouveau post PTH ?",  # one clause: no context to set aside
        "TSH 0.01 sous Levothyrox ?",  # a decimal point ends no clause
        "créat 1,5 ?",  # nor does a decimal comma
    ],
)
def test_no_context_without_a_clause_that_asks_and_another(question: str) -> None:
    result = classify_with(load_lexicon(), question)
    assert not any(
        label.endswith("(context)") for labels in result.evidence.values() for label in labels
    )
