"""De-identification of international street addresses: each rule family, and its traps.

Forms and letters write addresses as blocks: a house number, a street and its number, an
apartment or suite, a city, a region code, a country and a postal code, over one line or
several. Lab lines, doses and ordinary sentences read alike in places; the negative cases
below are the clinical look-alikes each rule must leave alone.
"""

import pytest

from bot.domain.deid import deidentify, find_identifiers


def removed(text: str, value: str) -> bool:
    """True when every letter and digit of ``value`` (in ``text``) is inside a span."""
    start = text.index(value)
    spans = find_identifiers(text)
    return all(
        any(s.start <= i < s.end for s in spans)
        for i in range(start, start + len(value))
        if text[i].isalnum()
    )


def kept(text: str, word: str) -> bool:
    """True when no span touches ``word`` in ``text``."""
    start = text.index(word)
    end = start + len(word)
    return all(s.end <= start or s.start >= end for s in find_identifiers(text))


def labels(text: str) -> set[str]:
    return {s.label for s in find_identifiers(text)}


# ---------------------------------------------------------------- house number, street, number


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "I'll meet you at 6185 Pfarrgasse 91\n Suite 170\n MITTERLOBMING\n Austria 26759 "
            "after the concert.",
            "6185 Pfarrgasse 91\n Suite 170\n MITTERLOBMING\n Austria 26759",
        ),
        (
            "Please return to 35108 ul. Zamkowa 33 Apt. 406\nBeerze\n, OV\n Netherlands 02032 "
            "in case of an issue.",
            "35108 ul. Zamkowa 33 Apt. 406\nBeerze\n, OV\n Netherlands 02032",
        ),
        (
            "The Mint office is at 9243 Avenue d'Ouchy 109 Apt. 758 Suite 263, Montealegre del "
            "Castillo, Spain 49079",
            "9243 Avenue d'Ouchy 109 Apt. 758 Suite 263, Montealegre del Castillo, Spain 49079",
        ),
        (
            "Billing address: Sara Schwarz\n    28245 Puruntie 82 Apt. 595\n   LAPPEENRANTA\n"
            "    SK\n    53650",
            "28245 Puruntie 82 Apt. 595\n   LAPPEENRANTA\n    SK\n    53650",
        ),
        (
            "What is your address? it is 5638 Aasa 43\nHumilimont, nan 78618",
            "5638 Aasa 43\nHumilimont, nan 78618",
        ),
        (
            "> Lina Artemova\n> 2224 Trenerys gate 232\n> Apt. 342\n> TRONDHEIM\n> Norway 64389",
            "2224 Trenerys gate 232\n> Apt. 342\n> TRONDHEIM\n> Norway 64389",
        ),
    ],
)
def test_house_number_street_and_number_with_its_block(text: str, address: str) -> None:
    """A house number, a street name and a number, then the lines of the block (apartment,
    city, region code, country and postal code) go as one address."""
    assert removed(text, address)


def test_house_number_street_and_number_after_an_announcing_clause() -> None:
    """With no block after it, a street is taken when the clause announces an address."""
    assert removed("Tosh Olsen lives at 172 Maneeži 75, Saareküla", "172 Maneeži 75")
    assert removed("Kevin had given Alma his address: 5049 Harjukuja 54", "5049 Harjukuja 54")


@pytest.mark.parametrize(
    "text",
    [
        "Hb 12 Plaquettes 250\nLeucocytes 8000",
        "cure 3 Carboplatine 5 AUC\nPaclitaxel 175 mg/m2",
        "score 2 Wells 4\nD-dimères 1200",
        "dose 3 Fragmin 5000\nUI",
        "1 Zarzio 30 MU\nJ5",
        "lives alone at home, 3 Children 2 grandchildren",
        "address: unknown, 3 Paracetamol 500 daily",
        "cycle 3 Folfox 4, Avastin, Neulasta",
        "temp 38 Pulse 90\nRR 20\nSpO2 98",
        "bébé de 3 mois né le 10 janvier 2024, fièvre 38.5",
        "Patient 67 ans, Score 3 Child 7\nMELD 15",
        "She has 2 Sisters 3 Brothers\nAll well",
    ],
)
def test_lab_lines_doses_and_counts_are_not_addresses(text: str) -> None:
    """A number, words and a number with no address around them stay (labs, doses, counts)."""
    assert "ADDRESS" not in labels(text)


def test_a_year_after_a_month_does_not_make_a_postal_code() -> None:
    """'… 12 Mars 2023 en Cardiologie' is a date, and the service stays."""
    text = "Hospitalisé du 3 au 12 Mars 2023 en Cardiologie, Paris 75013"
    assert kept(text, "Cardiologie")


# ---------------------------------------------------------------- what follows a street


def test_us_city_state_and_zip_after_a_street() -> None:
    text = "Send it to 123 Main St, Springfield, IL 62704 please"
    assert removed(text, "123 Main St, Springfield, IL 62704")
    assert kept(text, "please")


def test_city_line_then_state_line_after_a_street() -> None:
    text = "patient lives at 14 Elm Street\nSpringfield, IL 62704\nHx of CABG"
    assert removed(text, "14 Elm Street\nSpringfield, IL 62704")


def test_canadian_postal_code_closing_a_block() -> None:
    text = "Billing address: Tintin Forsberg\n    03262 2437 Main St Suite 442\n   Mill Village"
    text += "\n    NS\n    B0J 2H0"
    assert removed(text, "B0J 2H0")


def test_places_after_a_unit_on_the_same_line() -> None:
    text = "The letter arrived at 6400 12 Timms Drive Suite 215 NUNGATTA Australia last night."
    assert removed(text, "6400 12 Timms Drive Suite 215 NUNGATTA Australia")
    assert kept(text, "last night")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Adresse : 42 rue de Belleville, 75020 Paris\nLes résultats sont normaux", "Les"),
        ("cabinet au 25, avenue du Maréchal Foch, 75012, Paris.\nSi vous avez", "Si"),
        ("Adresse : 4 place du Marché\n75004 Paris\nTél : 01 02 03 04 05", "Tél"),
        ("2 RUE DE LA LIBERTE 75002 PARIS\nTél. 07 77 77 77 77", "Tél"),
        ("patient lives at 14 Elm Street\nSpringfield, IL 62704\nHx of CABG", "Hx"),
        ("Adresse : 42 rue de Belleville, 75020 Paris\n\nMme Dupont, 45 ans", "Mme"),
        ("Unit 5022 Box 1225\nDPO AE 44085\nMobile: 0688 843 79 56", "Mobile"),
        ("14 Iliou Street, MARIEHOLM, Sweden\nDr Smith will call", "will"),
    ],
)
def test_the_line_after_an_address_is_kept(text: str, word: str) -> None:
    """A sentence, a heading ('Tél :', 'Mobile:') or a titled name after an address is not
    read as its city."""
    assert kept(text, word)


def test_a_country_after_a_postal_code_and_city_is_left() -> None:
    """After the postal code and the city, a lone country is outside the policy."""
    assert kept("321 rue d'Estienne\n92700 Colombes, France\nDu 10 au 11 mars", "France")


def test_two_places_after_a_street_close_the_block() -> None:
    text = "Our offices are located at 9931 14 Iliou Street, MARIEHOLM, Sweden"
    assert removed(text, "9931 14 Iliou Street, MARIEHOLM, Sweden")


def test_one_city_after_a_street_alone_is_left() -> None:
    """'12 Oak Dr, Springfield': the street goes; one capitalised word may be anything."""
    spans = {s.label for s in find_identifiers("I live at 12 Oak Dr, Springfield")}
    assert spans == {"ADDRESS"}
    assert kept("I live at 12 Oak Dr, Springfield", "Springfield")


# ---------------------------------------------------------------- military addresses


@pytest.mark.parametrize(
    "value",
    [
        "PSC 6477, Box 2981\nAPO AE 83700",
        "Unit 5146 Box 1772\nDPO AE 91410",
        "USNS Sekerková\nFPO AA 65728",
        "uscgc aslakhanov\nfpo ae 44941",
    ],
)
def test_military_addresses(value: str) -> None:
    assert removed(f"Please send it to {value} in case of an issue.", value)


def test_apolipoproteins_are_not_military_addresses() -> None:
    assert "ADDRESS" not in labels("ApoB 1.2 g/L, apo A1 1.5, APO E4 carrier")


# ---------------------------------------------------------------- crossings


@pytest.mark.parametrize(
    "value",
    [
        "the corner of ul. Cicha 86 and Leokadia Trail",
        "the corner of 74 Sikelianou Street and ten Pas Pass",
        "the corner of Rue de Rivoli and Rue du Louvre",
    ],
)
def test_street_corners(value: str) -> None:
    assert removed(f"Meet me at {value}?", value)


@pytest.mark.parametrize(
    "text",
    [
        "lesion at the corner of the mouth and lips, 3 mm",
        "corner of Lasix and Kardegic",
    ],
)
def test_corners_that_are_not_streets(text: str) -> None:
    assert "ADDRESS" not in labels(text)


def test_first_street_of_a_crossing_before_and() -> None:
    text = "User: Hanne and ul. Więckowskiego Stefana 28"
    assert removed(text, "Hanne and ul. Więckowskiego Stefana 28")


# ---------------------------------------------------------------- a street read from its unit


def test_street_line_above_a_suite() -> None:
    text = "Dataweave\n\nFuglie 41 Popović Dam\n Suite 860\n UPPLANDS VÄSBY\n Sweden 56687"
    assert removed(text, "Fuglie 41 Popović Dam\n Suite 860\n UPPLANDS VÄSBY\n Sweden 56687")
    assert kept(text, "Dataweave")


@pytest.mark.parametrize(
    "text",
    [
        "Suite 3 cures de chimio il va mieux",
        "patient de 3 ans vu en Pédiatrie 2\nSuite 3 jours",
        "à la suite 2 séances, vu le Dr Martin",
    ],
)
def test_french_suite_is_not_a_suite_number(text: str) -> None:
    """'Suite 3 cures' (then three courses) is French, not an apartment."""
    assert "ADDRESS" not in labels(text)


# ---------------------------------------------------------------- street type after the name


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The bus station is on Villacher Strasse 89", "Villacher Strasse 89"),
        ("Trenerys gate 232", "Trenerys gate 232"),
        ("It refers to Árpád fejedelem útja 3. street in Budapest.", "Árpád fejedelem útja 3"),
        ("The Propublica office is at Růžena and Király u. 15.", "Király u. 15"),
    ],
)
def test_street_type_after_its_name(text: str, value: str) -> None:
    assert removed(text, value)


@pytest.mark.parametrize(
    "text",
    ["Boarding Gate 12 closed", "he is at the gate 12 now", "Lantus u. 12. Novorapid 6 u."],
)
def test_type_after_look_alikes(text: str) -> None:
    assert "ADDRESS" not in labels(text)


def test_street_named_before_a_lower_case_street_word() -> None:
    """'on Grössgstötten 50 street': the name before the number goes, 'street' stays."""
    text = "Trivo lives on Grössgstötten 50 street."
    assert removed(text, "Grössgstötten 50")
    assert kept(text, "street")
    assert kept("Jacob lives on 90 Whitchurch Road street.", "street")


def test_house_number_before_a_numbered_street() -> None:
    text = "Caitlin Lennox lives at 846 31 Rue Al Imam Al Bakri, Cite Merzgui"
    assert removed(text, "846 31 Rue Al Imam Al Bakri")


# ---------------------------------------------------------------- streets without a number


def test_capitalised_street_without_number() -> None:
    text = "these early shows on Miletić Dale Street were important"
    assert removed(text, "Miletić Dale")
    assert kept(text, "were important")


def test_hospital_named_after_a_street_is_kept() -> None:
    assert "ADDRESS" not in labels("referred to Great Ormond Street Hospital")


# ---------------------------------------------------------------- a city and its postal code


def test_city_and_postal_code_after_in() -> None:
    text = "Looking to support Allianz in Acquapendente 1021 in its mission."
    assert removed(text, "Acquapendente 1021")


@pytest.mark.parametrize(
    "text",
    [
        "seen in Clinic 2301 yesterday",
        "seen in ICU 1234 overnight",
        "Admitted in March 2020 for pneumonia",
        "in Glasgow 15 and NYHA 3",
    ],
)
def test_city_and_postal_code_look_alikes(text: str) -> None:
    assert "ADDRESS" not in labels(text)


def test_zip_code_after_zip_code_is() -> None:
    assert removed("my zip code is 35350", "35350")


# ---------------------------------------------------------------- all lower case


def test_lower_case_block_after_a_suite() -> None:
    text = "naomi ryan\nsewer pipe cleaner\n3747 3911 fourth avenue suite 112 calgary alberta"
    assert removed(text, "3747 3911 fourth avenue suite 112 calgary alberta")


def test_lower_case_message_without_unit_has_no_address() -> None:
    assert (
        deidentify("bébé de 3 mois vu le 10 janvier, 2 doses de 500\nmerci").counts.get("ADDRESS")
        is None
    )
