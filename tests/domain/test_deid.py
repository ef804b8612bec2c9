"""De-identification engine: each pattern family, each trap, and the public shapes."""

import json
from pathlib import Path

import pytest

from bot.domain.deid import LABELS, Redaction, Span, deidentify, find_identifiers, tag

PHONE_SET = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "deid_phone_set.jsonl"


def found(text: str) -> dict[str, str]:
    """Map each found substring to its label."""
    return {text[s.start : s.end]: s.label for s in find_identifiers(text)}


def kept(text: str, word: str) -> bool:
    """True when no span touches ``word`` in ``text``."""
    start = text.index(word)
    end = start + len(word)
    return all(s.end <= start or s.start >= end for s in find_identifiers(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("chez mme lefebvre, 80 ans", "lefebvre"),
        ("vu par le Dr Moreau hier", "Moreau"),
        ("Monsieur Legrand vit seul", "Legrand"),
        ("Mlle Roux 19 ans", "Roux"),
        ("Mrs Johnson, 74, fell", "Johnson"),
        ("Patient Jean-Pierre MARTIN 70 ans", "Jean-Pierre MARTIN"),
        ("Internes : JALONNET Christine", "JALONNET Christine"),
        ("my name is David Miller, GP", "David Miller"),
    ],
)
def test_person_after_title_word_or_first_name(text: str, name: str) -> None:
    """A name after a title, an announcing word or around a first name is a PERSON span."""
    assert found(text).get(name) == "PERSON"


def test_person_initial_after_first_name() -> None:
    """'Kevin L.' is removed whole: the first name and the initial."""
    redaction = deidentify("mon patient Kevin L. 24 ans")
    assert "Kevin" not in redaction.text
    assert " L" not in redaction.text


def test_person_initial_before_capitals() -> None:
    """An initial followed by a surname in capitals ('J. PETIT') is a name."""
    assert "PETIT" not in deidentify("Patient J. PETIT, 60 ans").text


@pytest.mark.parametrize(
    "value",
    [
        "12/03/1954",
        "12.03.54",
        "12-03-1954",
        "3 mars 1961",
        "1er avril",
        "March 3, 1961",
        "03/12/1954",
        "2 février 2024",
        "June 5",
        "deux janvier mille neuf cent soixante",
    ],
)
def test_dates_in_every_form(value: str) -> None:
    """Full dates in French, English and numeric forms are DATE spans."""
    assert found(f"vu le {value} pour bilan").get(value) == "DATE"


def test_date_after_ddn_compact() -> None:
    """A compact date of birth after 'DDN' is removed."""
    assert found("DDN 12031954 homme").get("12031954") == "DATE"


@pytest.mark.parametrize(
    "value",
    [
        "06 12 34 56 78",
        "0612345678",
        "+33 6 12 34 56 78",
        "0033 6 12 34 56 78",
        "01.45.67.89.10",
        "0696 12 34 56",
        "+44 20 7946 0958",
        "(415) 555-0132",
    ],
)
def test_phones_in_every_spacing(value: str) -> None:
    """French, overseas and foreign phone numbers are PHONE spans."""
    assert found(f"appeler au {value} svp").get(value) == "PHONE"


def test_email() -> None:
    """An e-mail address is an EMAIL span."""
    assert found("mail : jean.dupont@gmail.com merci").get("jean.dupont@gmail.com") == "EMAIL"


@pytest.mark.parametrize(
    "value", ["1 54 03 75 112 345 67", "185057512345678", "2 85 12 2A 004 123 45"]
)
def test_nir_with_or_without_spaces(value: str) -> None:
    """NIR numbers, spaced or not, Corsican included, are NIR spans."""
    assert found(f"NIR {value} ok").get(value) == "NIR"


def test_nir_wrong_key_when_labelled() -> None:
    """A 13-digit number after 'n° sécu' is a NIR even without a valid key."""
    assert found("n° sécu 1234567890123").get("1234567890123") == "NIR"


def test_us_ssn() -> None:
    """A US SSN is removed (labelled NIR, tagged [SSN] in English)."""
    assert deidentify("SSN 123-45-6789", "en").text == "SSN [SSN]"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("IPP 8012345", "8012345"),
        ("NDA : 1102938475", "1102938475"),
        ("n° de dossier 2023-004512", "2023-004512"),
        ("MRN 00451234", "00451234"),
        ("patient id PT-99812", "PT-99812"),
    ],
)
def test_record_numbers_by_context(text: str, value: str) -> None:
    """Record numbers after IPP, NDA, dossier, MRN or patient id are ID spans."""
    assert found(text).get(value) == "ID"


def test_ipp_drug_class_is_kept() -> None:
    """'sous IPP' (proton-pump inhibitors) is not an identifier."""
    assert find_identifiers("patient sous IPP depuis 3 mois, IPP 20 mg") == []


@pytest.mark.parametrize(
    "value",
    [
        "12 bis rue des Lilas, 75011 Paris",
        "4 avenue du Général Leclerc 69003 Lyon",
        "221 Baker Street",
        "13008 Marseille",
    ],
)
def test_addresses(value: str) -> None:
    """Street addresses and postal code + city are ADDRESS spans."""
    assert found(f"habite {value} seule").get(value) == "ADDRESS"


@pytest.mark.parametrize(
    "text",
    [
        "créat 180 µmol/L, TA 14/8, INR 4.5",
        "patiente de 45 ans depuis 3 jours, opérée en 2019",
        "Hb 9.2 g/dL, plaquettes 150000/mm3",
        "Kardegic 75, Eliquis 5 mg x2, Levothyrox 100",
    ],
)
def test_clinical_values_are_kept(text: str) -> None:
    """Lab values, ages, years alone, relative times and doses are not identifiers."""
    assert find_identifiers(text) == []


@pytest.mark.parametrize(
    "word",
    [
        "Crohn",
        "Parkinson",
        "Basedow",
        "Hashimoto",
        "Horton",
        "Wegener",
        "Raynaud",
        "Murphy",
        "Glasgow",
        "Guillain-Barré",
        "Kawasaki",
        "Sjögren",
        "Lyme",
    ],
)
def test_eponyms_are_kept(word: str) -> None:
    """Eponymous diseases, signs and scores survive."""
    assert kept(f"suspicion de maladie de {word} chez une patiente de 40 ans", word)


@pytest.mark.parametrize("word", ["Kardegic", "Eliquis", "Levothyrox", "Xarelto", "Ozempic"])
def test_brands_are_kept(word: str) -> None:
    """Capitalised drug brands survive."""
    assert kept(f"Patient sous {word} depuis 2 ans", word)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("le petit garçon a une otite", "petit"),
        ("Patiente blanche de 40 ans", "blanche"),
        ("une pierre dans la vésicule", "pierre"),
        ("the white patch on the tongue", "white"),
    ],
)
def test_surname_words_are_kept(text: str, word: str) -> None:
    """Ordinary words that are also surnames or first names survive without context."""
    assert kept(text, word)


def test_surname_word_with_title_is_removed() -> None:
    """The same word after a title is a name: 'Mme Petit'."""
    assert found("la fille de Mme Petit appelle").get("Petit") == "PERSON"


def test_eponym_after_title_is_a_name() -> None:
    """'Dr Murphy' is a person even though Murphy is also a sign."""
    assert found("avis du Dr Murphy").get("Murphy") == "PERSON"


def test_no_identifier_message_is_unchanged() -> None:
    """A message with no identifier comes back identical with no spans."""
    text = "depuis 3 jours, fièvre à 39, toux, pas de voyage"
    redaction = deidentify(text)
    assert (redaction.text, redaction.removed, dict(redaction.counts)) == (text, 0, {})


def test_redaction_tags_and_counts_in_french() -> None:
    """French tags replace spans and counts list only present labels."""
    r = deidentify("Mme Dupont tél 06 12 34 56 78")
    assert r.text == "Mme [NOM] tél [TÉL]"
    assert dict(r.counts) == {"PERSON": 1, "PHONE": 1}


def test_redaction_tags_in_english() -> None:
    """English tags are used for lang='en' and any other language."""
    assert deidentify("Mrs Johnson 06 12 34 56 78", "de").text == "Mrs [NAME] [PHONE]"


def test_tag_table_covers_every_label() -> None:
    """Every label has a bracketed tag in both languages."""
    for label in LABELS:
        assert tag(label, "fr").startswith("[")
        assert tag(label, "en").startswith("[")


def test_spans_are_original_offsets() -> None:
    """Span offsets point into the original text."""
    text = "Dr Moreau"
    assert find_identifiers(text) == [Span(3, 9, "PERSON")]


def test_redaction_is_frozen() -> None:
    """A Redaction cannot be mutated."""
    r = deidentify("rien")
    assert isinstance(r, Redaction)
    with pytest.raises(AttributeError):
        r.text = "x"  # type: ignore[misc]


def test_phone_set_gold_offsets_are_valid() -> None:
    """Every gold span of the benchmark phone set is in range, trimmed, ordered, labelled."""
    rows = [json.loads(line) for line in PHONE_SET.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 150
    for row in rows:
        text, last = row["text"], 0
        for s in row["spans"]:
            value = text[s["start"] : s["end"]]
            assert s["start"] >= last and value and value == value.strip(), row["id"]
            assert s["label"] in LABELS
            last = s["end"]
        assert all(word in text for word in row["keep"]), row["id"]


# ---------------------------------------------------------------- rules added for speed and recall


def test_month_words_cover_every_month_the_pattern_reads() -> None:
    """The text-date regex only runs when a month word is present: the gate must know them all."""
    import re

    from bot.domain.deid_dates import _MONTH_EN, _MONTH_FR, MONTH_WORDS

    month = re.compile(rf"(?:{_MONTH_FR}|{_MONTH_EN})", re.IGNORECASE)
    assert all(month.fullmatch(w) for w in MONTH_WORDS)
    for word in ("janvier", "févr", "août", "sept", "déc", "june", "sept", "dec", "mar"):
        assert word in MONTH_WORDS


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("rappel le 03 04 05 06 07 puis vu le 12 mars 2001", "12 mars 2001"),
        ("né le 2 février mille neuf cent soixante", "2 février mille neuf cent soixante"),
        ("seen on Sept 04,2019 in clinic", "Sept 04,2019"),
        ("suivi depuis le 140319, stable", "140319"),
        ("repris le 23052017 sans suite", "23052017"),
        ("Dupont 11/02/2015RAPPORT", "11/02/2015"),
    ],
)
def test_more_date_forms(text: str, value: str) -> None:
    """Year in words, "Month dd,yyyy", compact dates after "le", a date glued to a word."""
    assert value in found(text)


def test_compact_number_after_le_that_is_no_date_is_kept() -> None:
    assert kept("prélevé le 453312 au labo", "453312")


@pytest.mark.parametrize(
    "text",
    [
        "joignable au06.11.22.33.44 le soir",
        "N° ADELI,07 12 34 56 78",
        "fixe 01.23.45.67.89 01 23 45 67 80",
        "portable 06/11/22/33/44",
    ],
)
def test_french_phone_glued_or_slashed(text: str) -> None:
    """Ten digits in five pairs with one separator throughout are a phone, glued or not."""
    digits = [c for c in text if c.isdigit()]
    mask = "".join(
        "x" if any(s.start <= i < s.end for s in find_identifiers(text)) else "."
        for i in range(len(text))
    )
    covered = [text[i] for i in range(len(text)) if mask[i] == "x" and text[i].isdigit()]
    assert covered == digits


def test_nir_in_groups_glued_to_a_year() -> None:
    text = "née en mai 1971 2 71 05 75 123 456 78 suivie ici"
    spans = find_identifiers(text)
    assert any(text[s.start : s.end] == "2 71 05 75 123 456 78" for s in spans)


def test_digits_typed_one_by_one_and_glued_are_an_id() -> None:
    text = "DURAND Paul 0 3 0 4 1 9 8 7 1 7 1 0 4 7 5 1 2 3 4 5 6 7 8 9 suite"
    spans = find_identifiers(text)
    assert any(s.label in {"ID", "NIR"} and "0 3 0 4" in text[s.start : s.end] for s in spans)


@pytest.mark.parametrize("text", ["EVA 0 1 2 3 4 5 6 7 8 9 10", "grille 0 0 0 0 0 0 0 0 0 0 0 0"])
def test_scales_and_fillers_are_kept(text: str) -> None:
    assert not any(s.label == "ID" for s in find_identifiers(text))


def test_unit_must_be_a_whole_word_after_a_number() -> None:
    """ "15 g" is a dose, but "1 2 3 ... GARNIER" is a number followed by a name."""
    assert kept("poids 1500 g ce jour", "1500")
    text = "1 8 5 0 3 7 5 1 1 2 3 4 5 6 7\nGARNIER, Luc"
    assert any("1 8 5 0 3" in text[s.start : s.end] for s in find_identifiers(text))


def test_name_repeated_elsewhere_in_capitals_is_removed() -> None:
    """One clue is enough: every other capitalised occurrence of a found name goes too."""
    text = "VERNOUX, VERNOUX ALAIN\nsuivi par VERNOUX"
    spans = [text[s.start : s.end] for s in find_identifiers(text)]
    assert spans.count("VERNOUX") + sum("VERNOUX" in x for x in spans if x != "VERNOUX") == 3


def test_initial_after_title_starts_the_name() -> None:
    assert "M Vasquet" in "".join(
        "Dr. M Vasquet (PH)"[s.start : s.end] for s in find_identifiers("Dr. M Vasquet (PH)")
    )


def test_role_word_announces_a_name() -> None:
    assert found("Psychologue : Anaelle Quintard le mardi").get("Anaelle Quintard") == "PERSON"
    assert found("Infirmiers: louise martin").get("louise martin") == "PERSON"


def test_spaced_email() -> None:
    assert found("écrire à jdupont @ exemple . fr svp").get("jdupont @ exemple . fr") == "EMAIL"


@pytest.mark.parametrize(
    "value",
    ["Lindholmvägen 12", "Storgata 5"],
)
def test_street_name_with_suffix(value: str) -> None:
    assert value in found(f"adresse : {value}, Uppsala")


def test_word_positions_finds_whole_words_only() -> None:
    from bot.domain.deid_text import word_positions

    text = "Rue de la rue, ruelle RUE"
    assert word_positions(text, text.lower(), {"rue"}) == [(0, 3), (10, 13), (22, 25)]


def test_house_number_glued_to_the_word_before() -> None:
    assert "12 rue des Lilas" in found("Mme Vernet12 rue des Lilas, 3e étage")


def test_city_comma_postal_code() -> None:
    assert found("elle réside à Grenoble, 38000 depuis un an").get("Grenoble, 38000") == "ADDRESS"
    assert kept("Plaquettes, 15000 ce matin", "15000")  # a lab line, not a city


def test_text_between_a_phone_and_a_titled_name_is_kept() -> None:
    """A phone, then ``je suis le Dr`` and a name: only the phone and the name go."""
    text = "Appelez-moi au 06 12 34 56 78, je suis le Dr Martin Lefebvre."
    assert deidentify(text, "fr").text == "Appelez-moi au [TÉL], je suis le Dr [NOM]."


def test_dr_before_a_name_is_not_a_street() -> None:
    """``Dr Martin Lefebvre au 06…`` is a doctor and a phone, not a "Drive" address."""
    text = "Rappelez le Dr Martin Lefebvre au 06 12 34 56 78"
    assert deidentify(text, "fr").text == "Rappelez le Dr [NOM] au [TÉL]"


def test_initials_after_a_title_go_with_the_name() -> None:
    """``Dr M. LEROY`` and ``Pr P-A. POULMANI`` lose their initials too."""
    assert deidentify("vu par le Dr M. LEROY hier", "fr").text == "vu par le Dr [NOM] hier"
    assert deidentify("Pr P-A. POULMANI (PU-PH)", "fr").text == "Pr [NOM] (PU-PH)"


def test_record_number_mixing_letters_and_digits() -> None:
    """``28BG04493`` is a record number; units and short codes stay."""
    assert found("Nº de la visite: 42bg98765").get("42bg98765") == "ID"
    assert found("28BG04493 (fax)").get("28BG04493") == "ID"
    text = "500mg x2, 10h30, code J01CA04"
    assert find_identifiers(text) == []


def test_record_number_glued_to_its_label_goes_whole() -> None:
    """``IPPN11232344``: the whole word goes; ``IPP: 123…`` keeps its label."""
    assert found("rapport IPPN11232344 du jour").get("IPPN11232344") == "ID"
    assert found("IPP: 8012939402").get("8012939402") == "ID"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("C10 10 / 03 | 2020, C12", "10 / 03 | 2020"),
        ("C2 1/7/19 C3 2/8 C4 16/09", "2/8"),
        ("S11 28.01 deuxième série", "28.01"),
        ("C12 30.12.", "30.12"),
        ("Premier traitement autour du 08-09/08/07", "08-09/08/07"),
        ("né le\n1 2 . 0 6 . 1 9 8 1\n", "1 2 . 0 6 . 1 9 8 1"),
        ("résultat du vingt-six 02 2012, glycémie", "vingt-six 02 2012"),
        ("réalisée le vingt mars 20\n", "vingt mars 20"),
        (
            "validé le dix-huit juillet deux-milles vingts troiss par",
            "dix-huit juillet deux-milles vingts troiss",
        ),
        ("When: 2000-04-16 11:34:35\nWhere", "2000-04-16 11:34:35"),
    ],
)
def test_date_formats_of_the_fourth_iteration(text: str, date: str) -> None:
    """Bar before the year, cycle markers, day ranges, digit-by-digit dates, days in words
    before digits, misspelled years in words, ISO timestamps."""
    assert found(text).get(date) == "DATE"


def test_dates_typed_in_spaced_digits() -> None:
    """Seven or eight digits typed apart that read as a date go; scales stay."""
    assert "2 9 0 2 1 9 9" in found("2 9 0 2 1 9 9  LIMONE Sandra")
    assert found("reçu\n05 1 2 2 0 2 4\n").get("05 1 2 2 0 2 4") == "DATE"
    assert kept("EVA 0 1 2 3 4 5 6 7", "0 1 2 3 4 5 6")


def test_short_dates_after_cycle_markers_keep_doses() -> None:
    """``C1 2.5 mg`` is a dose, ``C5 1.5`` has no two-digit month, French times stay."""
    assert kept("C1 2.5 mg/kg", "2.5")
    assert kept("C5 1.5 cm", "1.5")
    assert kept("validé le: 14/02/2016 13:04:02 par", "13:04:02")


def test_phone_with_a_letter_o_for_a_zero() -> None:
    assert found("Dr T. SANDRAVI 01.42.16.10.O2 Dr").get("01.42.16.10.O2") == "PHONE"


def test_email_cut_after_the_at_sign() -> None:
    """A dotted user name before a bare domain ending is an e-mail; ``Cont@ct`` is not."""
    assert found("Dx abarasse.jl@fr").get("abarasse.jl@fr") == "EMAIL"
    assert kept("Cont@ct Dr", "Cont@ct")


def test_phones_after_a_glued_comma_or_before_a_line_kind() -> None:
    """``Office,07700 063 966-Fax``, ``781 1704 office``, a US local ``668 5702``; a decimal
    comma does not start a number."""
    assert "07700 063 966" in found("788-063-Office\\,07700 063 966-Fax")
    assert found("781 1704 office\n").get("781 1704") == "PHONE"
    assert found("on my registered 668 5702. Could").get("668 5702") == "PHONE"
    assert kept("créat 1,5 mg/dl", "1,5")


# ---------------------------------------------------------------- fifth iteration
def test_scales_and_axes_are_not_record_numbers() -> None:
    """Four numbers or more in one constant step are an axis, decimals included."""
    assert kept("le 12/12/2021\n0.5 1 1.5 2 2.5 3 3.5 4 4.5 5\nLe patient", "0.5 1 1.5 2 2.5 3")
    assert kept("EVA 10 20 30 40 50", "10 20 30 40 50")
    assert found("N° 1 2 0 3 4 5 6 7").get("1 2 0 3 4 5 6 7") == "ID"


def test_dr_after_a_phone_is_a_title_not_a_drive() -> None:
    text = "Dr U. WERTER 01.42.21.32.74 Dr L. MARTEAU"
    assert found(text).get("01.42.21.32.74") == "PHONE"
    assert not any("Dr" in value for value in found(text))
    assert found("I live at 12 Oak Dr, Springfield").get("12 Oak Dr") == "ADDRESS"


def test_phone_with_a_letter_o_first_is_not_a_street_name() -> None:
    text = "Dr I. POLTAO O1.42.15.93.30 Dr X. MOQUET"
    assert any(value.endswith("O1.42.15.93.30") for value in found(text))
    assert not any("Dr" in value for value in found(text))


def test_a_column_of_single_letters_is_not_a_city() -> None:
    assert kept("20 029 29 392\nV V V V V V\nV 929", "V V V V V V")
    assert any(k.startswith("45818") for k in found("45818 P.O. Box 242"))


def test_street_word_opening_a_sentence_is_not_an_address() -> None:
    """With no house number, the street name must start with a capital."""
    assert kept("Passage régulier tous les 1,5 mois", "Passage régulier tous les")
    assert kept("Cours de chimiothérapie programmés à Hôpital", "Cours de chimiothérapie")
    assert found("de la rue Rivoli, Paris").get("rue Rivoli") == "ADDRESS"
    assert found("place de la Concorde").get("place de la Concorde") == "ADDRESS"


def test_law_dates_numbers_and_names_are_kept() -> None:
    text = "la Loi du 18 août 2013 (Loi Brieux-Simonet) et le Décret n°2013-1066 du 3 juin 2013."
    assert deidentify(text).spans == ()
    assert found("vu le 18 août 2013 pour la loi").get("18 août 2013") == "DATE"


def test_house_number_in_words_before_a_postal_code() -> None:
    text = "Mme X sept allée des roses 77500 Ivry"
    assert any(k.startswith("sept allée des roses") for k in found(text))
    assert deidentify("un passage de la sonde, trois cours de chimio").spans == ()
    assert kept("deux rue Victor Hugo", "deux")


def test_postal_code_before_a_phone_or_after_dans_le() -> None:
    assert found("Hôpital X 75015 (33) 01-32-39-28-25").get("75015") == "ADDRESS"
    assert found("source principale 20118 – (205)-276-2043").get("20118") == "ADDRESS"
    assert found("au 85 rue de Rivoli, à Paris dans le 75001.").get("75001") == "ADDRESS"
    assert found("Hungary 34796\n(37) 788-063-4411").get("34796") == "ADDRESS"
    assert kept("créat 75015 µmol/l", "75015")


def test_four_digit_postal_code_and_city_after_a_street() -> None:
    assert "SchlussStrasse 13, 3049 Leipzig" in found("Inc, SchlussStrasse 13, 3049 Leipzig, +3")


def test_arrondissement_closing_a_postal_code_line() -> None:
    assert deidentify("17 RUE DE RENNES, 75011 PARIS 11\nSuite").text == "[ADRESSE]\nSuite"
    assert kept("75011 Paris 12 patients vus", "12 patients")


def test_phone_in_pairs_with_stray_letters() -> None:
    assert found("Marie | FE01 W47 33 41 41 | 12/05/1973").get("FE01 W47 33 41 41") == "PHONE"


def test_english_pronoun_i_is_not_an_initial() -> None:
    """A bare "I" (no dot after it) is the pronoun or a Roman numeral, not an initial."""
    assert deidentify("How can I ever repay you? Can I request it?", "en").spans == ()
    assert kept("diabète de type I chez lui", "I")
    assert found("vu par J. PETIT").get("J. PETIT") == "PERSON"


def test_common_english_words_that_are_also_names() -> None:
    assert deidentify("My IBAN is lost. Just posted.", "en").spans == ()


def test_capitalised_street_name_stops_before_lower_case_words() -> None:
    assert (
        found("au 153 rue du Lys à Lille avaient été abandonnées.").get("153 rue du Lys à Lille")
        == "ADDRESS"
    )
    assert kept("on 137 Avenue Teboulbi St. the first three months", "the first three")
    assert "13 rue Jeanne d’Arc" in found("au 13 rue Jeanne d’Arc hier")
    assert any(
        k.startswith("deux bd etienne de rourque")
        for k in found("deux bd etienne de rourque 28722 X")
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("née en novembre 1975, G2P2", "novembre 1975"),
        ("DDN : 03/1975", "03/1975"),
        ("born in March 1961", "March 1961"),
        ("date de naissance: mars 1961", "mars 1961"),
        ("DOB 03/1961, CKD 3", "03/1961"),
    ],
)
def test_birth_month_and_year_is_a_date(text: str, value: str) -> None:
    """A month and year after a birth cue is a date of birth, which the policy removes."""
    assert found(text).get(value) == "DATE"


@pytest.mark.parametrize(
    "text", ["ATCD: cholécystectomie en mars 1982", "né en 1961, HTA", "vu en 03/2021 au CHU"]
)
def test_month_and_year_without_birth_cue_stays(text: str) -> None:
    """Elsewhere a month and year (or a year alone) stays: the clinical timeline needs it."""
    assert "DATE" not in found(text).values()
