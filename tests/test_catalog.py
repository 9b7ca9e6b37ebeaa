"""The one message catalog: complete in every language, consistent placeholders, each sentence once."""

import re
import string

import pytest

import catalog


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(catalog.MESSAGES))
def test_every_message_is_translated_with_the_same_placeholders(key):
    entry = catalog.MESSAGES[key]
    assert sorted(entry) == sorted(catalog.LANGUAGES), f"{key}: languages {sorted(entry)}"
    assert all(entry[lang].strip() for lang in catalog.LANGUAGES), f"{key}: an empty translation"
    assert _fields(entry["de"]) == _fields(entry["en"]) == _fields(entry["ja"]), key


def test_each_english_sentence_is_translated_once():
    seen: dict[str, str] = {}
    for key, entry in catalog.MESSAGES.items():
        assert entry["en"] not in seen, f"{key!r} repeats the English of {seen.get(entry['en'])!r}"
        seen[entry["en"]] = key


def test_an_unknown_language_names_the_valid_ones():
    with pytest.raises(ValueError, match=r"unknown language 'fr' \(valid: en, de, ja\)"):
        catalog.text("step", "fr")


def test_reading_time_counts_words_and_japanese_characters():
    assert catalog.reading_seconds("one two three four") == pytest.approx(2.7)
    assert catalog.words("ボールは勢いを保つ") == 4


def test_numbers_follow_the_language():
    assert catalog.number(2.5, "de") == "2,5" and catalog.number(2.5, "ja") == "2.5"
    assert catalog.text("sweep_title", "de", tol=0.5, function="f") == "Momentum auf f: Schritte bis f < 0,5"


def test_negative_numbers_take_a_real_minus_sign():
    """Legends wrote (-7; 2) with a hyphen-minus beside ticks that wrote −7."""
    assert [catalog.number(v, "de") for v in (-7.0, -0.5, -1e-06, -156800.0, -0.0)] == [
        "−7",
        "−0,5",
        "−10⁻⁶",
        "−156800",
        "0",
    ]
    assert catalog.text("from_start", "en", start="(−7, 2)") == "from (−7, 2)"
    assert catalog.text("after_steps", "en", steps=3, value=-2.5) == "after 3 steps: f = −2.5"


#: German "Impuls" on its own (not "Impulssatz"), which is the momentum m·v.
_IMPULS = re.compile(r"\bImpuls\b")


@pytest.mark.parametrize("key", sorted(catalog.MESSAGES))
def test_physics_words_name_the_right_quantity(key):
    """Issue 16 found "Ein größerer Impuls dreht weiter" for a larger F·Δt. Impuls and 運動量 are the momentum m·v;
    Kraftstoß and 力積 are the impulse F·Δt (the impulse law is the Impulssatz)."""
    english, german, japanese = (catalog.MESSAGES[key][lang] for lang in ("en", "de", "ja"))
    if _IMPULS.search(german):
        assert re.search(r"\bmomentum\b|m·v", english), f"{key}: German Impuls (m·v) for {english!r}"
        assert "運動量" in japanese, f"{key}: German Impuls (m·v), but the Japanese has no 運動量"
    if re.search(r"\bimpulses?\b", english, re.IGNORECASE):
        assert "Kraftstoß" in german or "Impulssatz" in german, f"{key}: {german!r} for an impulse F·Δt"
        assert "力積" in japanese, f"{key}: {japanese!r} for an impulse F·Δt"


#: One idea, one word, in every section: the word the catalog uses, and the words it must not use for it.
ONE_WORD = {
    "de": {
        "Heatmap": ("Wärmebild",),  # a Wärmebild is a thermal image
        "Hauptkomponente": ("Hauptrichtung",),  # the landscape's axes, in the figure and the scene alike
        "Schrittweite": ("Schrittlänge",),
        "theoretische": ("Optimum der Theorie", "Optimum laut Theorie"),
        "Weight Decay": ("Gewichtsabnahme",),  # losing body weight
        "Teilbild": ("eigenen Feld",),  # a Feld is a heat-map cell
        "Testgenauigkeit": ("Genauigkeit auf den Testdaten",),
        "übernommene": ("itgenommene",),  # a mitgenommener Schritt reads as a battered one
    },
    "ja": {
        "本の": ("書籍", "流儀"),  # the book is 本 and its convention 本の方式, in every section
        "ステップ幅": ("歩幅",),  # a walker's stride
        "サンプル": ("個の例",),
        "主成分": ("主方向",),
        "認識精度": ("テスト精度", "正解率"),  # the book's word (Figure 6-9)
        "レース": ("競争",),
        "運動量と力積の関係": ("力積の法則",),
        "操作項目": ("操作部品",),
        "許容誤差までのステップ数": ("到達ステップ数",),
    },
}


@pytest.mark.parametrize(("lang", "word"), [(lang, word) for lang, words in ONE_WORD.items() for word in words])
def test_one_idea_has_one_word_across_the_sections(lang, word):
    others = ONE_WORD[lang][word]
    assert any(word in entry[lang] for entry in catalog.MESSAGES.values()), f"{word!r} is no longer used"
    for key, entry in catalog.MESSAGES.items():
        assert not any(other in entry[lang] for other in others), f"{key}: {entry[lang]!r} should say {word!r}"


def test_german_addresses_no_one_as_sie():
    """The German figures, page and lecture are impersonal ("Schale wählen"), not "Wählen Sie die Schale"."""
    polite = {key: e["de"] for key, e in catalog.MESSAGES.items() if re.search(r"\b\w+en Sie\b", e["de"])}
    assert polite == {}


def test_the_japanese_page_speaks_in_desu_masu():
    """The explorable page's sentences are polite (です・ます); three readouts ended in plain form (なる。)."""
    plain = {
        key: sentence
        for key, entry in catalog._explore.MESSAGES.items()
        for sentence in entry["ja"].split("。")[:-1]
        if re.search(r"(る|た|だ|ない)$", sentence)
    }
    assert plain == {}
