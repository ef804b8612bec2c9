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
