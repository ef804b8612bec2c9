"""Person names from everywhere: international lexicons, announcing phrases, possessives, and the
ordinary-word guard that keeps clinical and everyday capitalised words."""

import pytest

from bot.domain.deid import find_identifiers
from bot.domain.deid_names import find_persons, norm
from bot.domain.wordlists import first_names, is_ordinary, ordinary_words, surnames


def persons(text: str) -> list[str]:
    """The PERSON substrings the whole engine finds."""
    return [text[s.start : s.end] for s in find_identifiers(text) if s.label == "PERSON"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("My name is Siiri", "Siiri"),
        ("my name is vitoria, GP in Lille", "vitoria"),
        ("What's your last name? Nishiyama", "Nishiyama"),
        ("Her maiden name is Chmielewski", "Chmielewski"),
        ("sometimes people call me Piusz", "Piusz"),
        ("'I am glad,' says Bergqvist.", "Bergqvist"),
        ("I would like to remove my kid Tadzio from the list", "Tadzio"),
    ],
)
def test_announcing_phrases(text: str, name: str) -> None:
    """Two-word phrases ("name is") win over their first word; a question mark may separate."""
    assert name in persons(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tomomi Nishiyama, 54 ans, HTA", "Tomomi Nishiyama"),
        ("vu avec Wisława Szczepańska hier", "Wisława Szczepańska"),
        ("Rościsław Dudek, 70 yo, CKD 3", "Rościsław Dudek"),
        ("Bernard Ivančić, 81 ans", "Bernard Ivančić"),
        ("patiente Fatoumata Diallo 34 ans", "Fatoumata Diallo"),
        ("Mr Nguyen Van Thanh, 66", "Nguyen Van Thanh"),
    ],
)
def test_names_from_many_countries(text: str, name: str) -> None:
    """First names and surnames of many countries are known, so full names are found."""
    assert name in persons(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("olga krylova's son called", "olga krylova"),
        ("Mme Krylova's daughter", "Krylova"),
    ],
)
def test_possessive_is_not_part_of_the_name(text: str, name: str) -> None:
    """ "'s" stays outside the span: the name is what is known, the possessive is grammar."""
    assert name in persons(text)


@pytest.mark.parametrize(
    "text",
    [
        "Insuffisance Ventriculaire Gauche sévère",
        "on the last Sunday before Labor Day",
        "born in the United States, lives in Upper Austria",
        "Loi Bertrand sur la transparence",
        "n° SIRET 123 456 789 00012",
        "Crohn's disease, Parkinson's disease, Hashimoto's thyroiditis",
        "Centre Hospitalier de Versailles",
        "suivi au CHU de Lille, vu à Metz puis à Pau",
    ],
)
def test_ordinary_words_before_a_surname_are_kept(text: str) -> None:
    """A capitalised ordinary word before a surname-like word is not a name by itself."""
    assert persons(text) == []


def test_capitalised_word_before_known_surname_needs_no_first_name() -> None:
    """The rule is positional only when neither word is an ordinary word."""
    assert find_persons("Alpatu Shervashidze") == [(0, 19, "PERSON")]
    assert find_persons("Southern Shervashidze") == []


def test_ordinary_words_singular_and_plural() -> None:
    """Spelling-dictionary common nouns, with their plural; names are not ordinary words."""
    assert is_ordinary("street") and is_ordinary("streets") and is_ordinary("ventriculaire")
    assert is_ordinary("lois")
    assert not is_ordinary("dupont") and not is_ordinary("szczepanska")


@pytest.mark.parametrize("lexicon", [first_names, surnames, ordinary_words])
def test_word_lists_are_folded(lexicon: object) -> None:
    """Every shipped entry is in the engine's lookup form (folded, unaccented, one word)."""
    words = lexicon()  # type: ignore[operator]
    assert len(words) > 10_000
    sample = sorted(words)[:: max(1, len(words) // 2000)]
    assert all(norm(w) == w and not any(c.isspace() for c in w) for w in sample)


def test_clinical_words_are_not_international_names() -> None:
    """The build drops clinical terms and ordinary words from the international additions."""
    for word in ("doliprane", "kardegic", "angine", "toux", "fievre", "street", "douleur"):
        assert word not in first_names()


@pytest.mark.parametrize(
    ("text", "name", "word"),
    [
        ("pour BOFFIN Lily Prélever le 01/09/2023", "BOFFIN Lily", "Prélever"),
        ("pour ALLARD Michèle Contacter au 0628967167", "ALLARD Michèle", "Contacter"),
        ("Docteur ROMAIN SPRITZ N° RPPS 12345", "ROMAIN SPRITZ", "RPPS"),
    ],
)
def test_name_stops_before_an_ordinary_word(text: str, name: str, word: str) -> None:
    """After two name words, a capitalised ordinary word (or "N°") is no longer the name."""
    assert name in persons(text)
    assert not any(word in p for p in persons(text))


def test_lone_first_name_takes_its_surname_even_if_a_word() -> None:
    """After a lone first name, the next capitalised word is the surname, word or not."""
    assert "Rebecca Hides" in persons("Rebecca Hides, 45, seen today")
