"""The one message catalog: complete in every language, consistent placeholders, each sentence once."""

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
