"""The furniture of a letter and of a form that no identifier rule may take: salutations, contact
labels, staff roles, table headers, fillers and scores, pharmaceutical forms, hospitals after a
city, idioms that look like streets; and, beside each, the real identifier that must still go."""

import pytest

from bot.domain.deid import deidentify


def redacted(text: str) -> str:
    return deidentify(text, "fr").text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Cher Confrère, je vous adresse Mme Durand pour avis.",
            "Cher Confrère, je vous adresse Mme [NOM] pour avis.",
        ),
        (
            "Chère Consœur,\nje vous adresse M. Pierre Lefranc, 54 ans.",
            "Chère Consœur,\nje vous adresse M. [NOM], 54 ans.",
        ),
        (
            "Chers collègues, Cher ami, merci de voir Mme Durand.",
            "Chers collègues, Cher ami, merci de voir Mme [NOM].",
        ),
        (
            "Je vous prie d'agréer, Cher Confrère, mes salutations. Dr Sophie Verdot",
            "Je vous prie d'agréer, Cher Confrère, mes salutations. Dr [NOM]",
        ),
    ],
)
def test_a_salutation_is_no_name(text: str, expected: str) -> None:
    """ "Cher Confrère", "Chère Consœur" greet a colleague; the names in the letter still go."""
    assert redacted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("En joignant Dr. Albert Lila Tél : 01 56 83 34 26", "En joignant Dr. [NOM] Tél : [TÉL]"),
        ("Verdot Sophie Tél : 06 08 21 37 89", "[NOM] Tél : [TÉL]"),
        (
            "Jean Dupont Portable : 06 12 34 56 78, Mobile : 06 12 34 56 79",
            "[NOM] Portable : [TÉL], Mobile : [TÉL]",
        ),
        (
            "Adresse : 255 Rue Pierre Charlot Paris 75015\nTéléphone : (33) 1 45 56 78 90",
            "Adresse : [ADRESSE]\nTéléphone : [TÉL]",
        ),
        ("123 av. Jean Jaurès Tel. 05 45 93 18 01.", "[ADRESSE] Tel. [TÉL]."),
    ],
)
def test_a_contact_label_is_no_part_of_a_name_an_address_or_a_phone(
    text: str, expected: str
) -> None:
    """ "Tél", "Téléphone", "Fax", "Portable", "Mobile" announce a number: the name, the street
    and the number around them go, the label stays."""
    assert redacted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Secrétaire Médicale\nTel: 05 04 09 45 64", "Secrétaire Médicale\nTel: [TÉL]"),
        ("Secrétaire Adjointe:\nTel: 02 27 80 00 09", "Secrétaire Adjointe:\nTel: [TÉL]"),
        ("Secrétaire : Mme Durand", "Secrétaire : Mme [NOM]"),
        ("Médecins Associés : Pr M. Petit", "Médecins Associés : Pr [NOM]"),
        (
            "Patients Discutés:\nPatient 1: Azila Marie",
            "Patients Discutés:\nPatient 1: [NOM]",
        ),
        (
            "Tel : 04 01 63 56 96\nÉquipe Médicale\nDr Myriam Bureau",
            "Tel : [TÉL]\nÉquipe Médicale\nDr [NOM]",
        ),
    ],
)
def test_a_staff_role_and_its_adjective_are_no_name(text: str, expected: str) -> None:
    """A role and its adjective ("Secrétaire Médicale", "Équipe Médicale") head a block of a
    letter; the person named after it still goes."""
    assert redacted(text) == expected


def test_a_role_word_still_announces_a_name() -> None:
    """After a role, a known surname is a name, even when a word of the dictionary."""
    assert redacted("la secrétaire Blanche Martin a appelé") == "la secrétaire [NOM] a appelé"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Code : 1 1 1 1 1 1 1 1\nNé le 1 2 0 6 1 9 8 1", "Code : 1 1 1 1 1 1 1 1\nNé le [DATE]"),
        (
            "Relevé : 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\nNIR 1 8 5 0 7 7 5 1 1 6 0 5 4 3 2",
            "Relevé : 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\nNIR [NIR]",
        ),
    ],
)
def test_a_filler_of_spaced_digits_is_no_date_nor_nir(text: str, expected: str) -> None:
    """Digits typed one by one are a date only in a year of our times ("1 1 1 1 1 1 1 1" would be
    1111) and a NIR only when it starts with a sex digit and is no filler of zeros."""
    assert redacted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Score de Picpus du 3/9: 10/10. Revu le 12/03.",
            "Score de Picpus du [DATE]: 10/10. Revu le [DATE].",
        ),
        ("Score de Glasgow fait le : 12/03", "Score de Glasgow fait le : [DATE]"),
    ],
)
def test_a_score_after_its_label_is_no_date(text: str, expected: str) -> None:
    """ "Score …: 10/10" is a value; the date of the score and a date after "le" stay dates."""
    assert redacted(text) == expected


def test_a_time_is_no_part_of_a_phone() -> None:
    """ "12:32" between a date and a record number is a time: the date and the number go, and
    no phone is made of the hour and the minutes."""
    assert (
        redacted("vingt-six 02 2012 12:32 9301932 COROLET Joseph")
        == "[DATE] 12:32 [N° DOSSIER] [NOM]"
    )


def test_et_is_no_day_in_words() -> None:
    """ "entre mai et décembre 2023": "et" links two months, it is no day; the full date goes."""
    assert (
        redacted("Entre mai et décembre 2023 : Prednisolone. Le 3 décembre 2023 : arrêt.")
        == "Entre mai et [DATE] : Prednisolone. Le [DATE] : arrêt."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Il viendra à la place d'Emilien. C'était prévu. Emilien Robert.",
            "Il viendra à la place d'[NOM]. C'était prévu. [NOM].",
        ),
        ("Il viendra à la place du Dr Martin.", "Il viendra à la place du Dr [NOM]."),
        ("RDV au 12 place de la République, 75011 Paris.", "RDV au [ADRESSE]."),
    ],
)
def test_a_la_place_de_is_no_street(text: str, expected: str) -> None:
    """ "à la place de" is "instead of": no square; the person still goes, and so does a square
    with its number."""
    assert redacted(text) == expected


def test_a_table_header_of_letters_is_no_name() -> None:
    """Letters and two-capital codes with no full stop and no surname are a table's columns;
    an initial and a surname below still go."""
    text = "DO SP PL JA ST RA MO B L C AB A A C L B\nInvestigateur : J. PETIT"
    assert redacted(text) == "DO SP PL JA ST RA MO B L C AB A A C L B\nInvestigateur : [NOM]"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "CR Consultation AVC au CHU de Lille C. NEPHROPATIE, le 01/01/2011",
            "CR Consultation AVC au CHU de Lille C. NEPHROPATIE, le [DATE]",
        ),
        ("Suivi pour J. CARDIOPATIE, vu par J. PETIT", "Suivi pour J. CARDIOPATIE, vu par [NOM]"),
    ],
)
def test_a_clinical_word_after_an_initial_is_no_surname(text: str, expected: str) -> None:
    """A word with the ending of a disease ("-pathie"), even misspelt, is no surname after an
    initial; a real surname after an initial still goes."""
    assert redacted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("42 avenue du Général de Gaulle, 31020 TOULOUSE CHU AVICENNE", "[ADRESSE] CHU AVICENNE"),
        (
            "24 avenue Saint Germain, 33600 Pessac CHU Pellegrin, Mme Durand",
            "[ADRESSE] CHU Pellegrin, Mme [NOM]",
        ),
        ("GH H.MONDOR de Créteil, Dr Paul Martin", "GH H.MONDOR de Créteil, Dr [NOM]"),
    ],
)
def test_a_hospital_is_no_part_of_an_address(text: str, expected: str) -> None:
    """A hospital after a city ("CHU", "GH") is kept by the policy: the street, the postal code
    and the city go, the hospital and its eponym stay."""
    assert redacted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "94200 Ivry-sur-Seine en date du 03/02/2018",
            "[ADRESSE] en date du [DATE]",
        ),
        (
            "4d/4\nRéunion via visioconférence le 28/04/2024",
            "4d/4\nRéunion via visioconférence le [DATE]",
        ),
    ],
)
def test_an_address_ends_with_its_line_and_its_city(text: str, expected: str) -> None:
    """A city does not end on a particle ("en date"); a number, a heading on the next line and
    "via" are no street."""
    assert redacted(text) == expected


def test_a_pharmaceutical_form_after_a_dose_is_no_name() -> None:
    """ "100mg/10ml SOL" is a solution, not a person "SOL P."; the patient still goes."""
    assert (
        redacted("INFLIXIMAB 100mg/10ml SOL P.j: Injection IV, patient M. Lecomte")
        == "INFLIXIMAB 100mg/10ml SOL P.j: Injection IV, patient M. [NOM]"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "RENDEZ-VOUS POUR MME VERONIQUE BONNET FIXÉ POUR LE 28.3.2023",
            "RENDEZ-VOUS POUR MME [NOM] FIXÉ POUR LE [DATE]",
        ),
        ("Amy LEBRUN et Sandalio DIEGO Profession : Bandit", "[NOM] et [NOM] Profession : Bandit"),
    ],
)
def test_a_name_ends_before_an_ordinary_word_or_a_field_label(text: str, expected: str) -> None:
    """A word in capitals after a full name ("FIXÉ") and the label of the next field
    ("Profession :") are no more of the name."""
    assert redacted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sa sœur martine a appelé", "sa sœur [NOM] a appelé"),
        ("la sœur lefebvre a appelé", "la sœur [NOM] a appelé"),
        ("sa fille lemaire est venue", "sa fille [NOM] est venue"),
        ("la soeur lefebvre a appelé", "la soeur [NOM] a appelé"),
    ],
)
def test_a_lowercase_surname_after_a_relative_is_a_name(text: str, expected: str) -> None:
    """After a relative, a lowercase known surname is a name, also when it ends like an
    adjective ("lefebvre", "lemaire"), and "sœur" with its ligature announces it as "soeur"."""
    assert redacted(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "sa fille aînée est venue",
        "sa mère diabétique",
        "son père parkinson",
        "son mari alzheimer",
        "sa femme enceinte",
        "son fils autiste",
        "sa mère lupique",
        "sa fille anorexique",
        "son frère jumeau",
        "sa mère dépressive",
        "son père dément",
        "sa mère grabataire",
        "œdème et cœur normal chez sa sœur aînée",
    ],
)
def test_what_a_relative_is_stays(text: str) -> None:
    """An adjective, a disease or an eponym after a relative is no surname."""
    assert redacted(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "purpura vasculaire + arthralgies + créat qui monte H 60a, cryoglobuline ?",
        "acné nodulaire sévère F 19a avec cicatrices, échec doxy 3 mois",
        "TSH 7.8, fT4 normal, TPO Ab+, 31F trying to conceive",
        "groupe O Rh+, RAI négatives",
    ],
)
def test_a_sex_before_an_age_and_a_positive_test_are_no_initials(text: str) -> None:
    """'H 60a', 'F 19a': a sex before an age; 'Ab+', 'Rh+': a test's result."""
    assert redacted(text) == text


def test_a_title_before_an_initial_and_an_age_still_announces_a_patient() -> None:
    """'Mme H 58 ans' is a patient's initial: the title says so."""
    assert redacted("Mme H 58 ans, ostéoporose, AgHBs+ chez Mme Durand") == (
        "Mme [NOM] 58 ans, ostéoporose, AgHBs+ chez Mme [NOM]"
    )
