"""catalog: every sentence optviz shows, in English, German and Japanese, translated once.

Figures, scenes, the lecture and the explorable page all read their words from here, so a caption on a
figure and the same caption in a video can never disagree. It depends on nothing but optim_core's error
type: ``figures`` and ``scenes`` both import it, and neither has to import the other.

    >>> text("diverged", "de", step=72)
    'divergiert bei Schritt 72'
    >>> number(0.95, "de"), number(0.95, "en")
    ('0,95', '0.95')
"""

from __future__ import annotations

import importlib
import string

from optim_core import OptvizError

LANGUAGES = ("en", "de", "ja")
#: The font family each language is set in. Japanese needs Noto Sans CJK JP (Debian's fonts-noto-cjk,
#: installed by scripts/bootstrap.sh); its Latin letters and digits match DejaVu Sans closely enough.
FONTS = {"en": "DejaVu Sans", "de": "DejaVu Sans", "ja": "Noto Sans CJK JP"}
#: What a decimal number is written with: German uses a comma (0,95), English and Japanese a point.
DECIMAL_SEPARATOR = {"en": ".", "de": ",", "ja": "."}
#: The minus sign every number on a figure or in a caption is written with, as matplotlib writes its ticks.
MINUS = "\u2212"


def check_language(lang: str) -> str:
    """``lang`` when it is one of :data:`LANGUAGES`, else an error naming the valid ones."""
    if lang not in LANGUAGES:
        raise OptvizError(f"unknown language {lang!r} (valid: {', '.join(LANGUAGES)})")
    return lang


def number(value: float, lang: str, spec: str = "g") -> str:
    """``value`` formatted with ``spec`` and the language's decimal separator, with a real minus sign (−7, as
    the ticks write it, not the hyphen -7); powers of ten as a reader writes them, not as a program prints them
    (1.57e+05 becomes 1.57 × 10⁵).

    >>> number(1e-06, "de"), number(2.5, "de", ".2f"), number(156800.0, "de", ".3g"), number(-7.0, "en")
    ('10⁻⁶', '2,50', '1,57 × 10⁵', '−7')
    """
    mantissa, scientific, exponent = format(value + 0.0, spec).partition("e")  # + 0.0: -0.0 is written 0
    mantissa = mantissa.replace("-", MINUS)
    if DECIMAL_SEPARATOR[lang] != ".":
        mantissa = mantissa.replace(".", DECIMAL_SEPARATOR[lang])
    if not scientific:
        return mantissa
    power = power_of_ten(int(exponent))
    if mantissa in ("1", MINUS + "1"):
        return mantissa.removesuffix("1") + power
    return f"{mantissa} × {power}"


def separator(lang: str) -> str:
    """What separates numbers in a list: a semicolon where the comma is the decimal mark (German).

    >>> separator("de"), separator("en")
    ('; ', ', ')
    """
    return "; " if DECIMAL_SEPARATOR[lang] == "," else ", "


def grouped(count: int, lang: str) -> str:
    """A whole number with its thousands grouped as the language writes them: 37,810, or 37.810 in German.

    >>> grouped(37810, "de"), grouped(37810, "ja"), grouped(-1797, "en")
    ('37.810', '37,810', '−1,797')
    """
    digits = f"{int(count):,}"
    if DECIMAL_SEPARATOR[lang] == ",":
        digits = digits.replace(",", ".")
    return digits.replace("-", MINUS)


def power_of_ten(exponent: int) -> str:
    """10 to ``exponent`` in superscript digits, as text in any font: ``power_of_ten(-6)`` is ``'10⁻⁶'``."""
    return "10" + superscript(str(exponent))


def superscript(digits: str) -> str:
    """``digits`` (and minus signs) raised: ``superscript("-12")`` is ``'⁻¹²'``."""
    return digits.translate(_SUPERSCRIPT)


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


#: The catalog's sections, one module each (``catalog/_figures.py``, ...), so that several people can add
#: sentences at once. Keys are unique across sections, and any part of optviz may use any key.
SECTIONS = ("figures", "scenes", "explore", "lecture", "network", "network_scene")


def _merge() -> dict[str, dict[str, str]]:
    messages: dict[str, dict[str, str]] = {}
    for section in SECTIONS:
        for key, entry in importlib.import_module(f"{__name__}._{section}").MESSAGES.items():
            if key in messages:
                raise KeyError(f"catalog key {key!r} appears twice (again in section {section!r})")
            messages[key] = entry
    return messages


MESSAGES = _merge()


class _LocalFormatter(string.Formatter):
    """``str.format`` whose floats use the language's decimal separator."""

    def __init__(self, lang: str):
        self.lang = lang

    def format_field(self, value, format_spec):
        if isinstance(value, float):
            return number(value, self.lang, format_spec or "g")
        return super().format_field(value, format_spec)


def text(key: str, lang: str, **values) -> str:
    """The message ``key`` in ``lang``, with ``values`` filled in (floats in the language's number format)."""
    check_language(lang)
    return _LocalFormatter(lang).format(MESSAGES[key][lang], **values)


def terms(lang: str) -> dict[str, str]:
    """Hyperparameter and convention names in ``lang`` (the catalog's ``hyper_*`` and ``convention_*``, by
    their key), and display names with words in them (``display_*``, by their English): the ``words`` that
    :func:`optim_core.series` takes, so that figures and scenes label series in the reader's language."""
    found = {}
    for key, entry in MESSAGES.items():
        if key.startswith(("hyper_", "convention_")):
            found[key.split("_", 1)[1]] = entry[lang]
        elif key.startswith("display_"):
            found[entry["en"]] = entry[lang]
    return found


def words(text_: str) -> int:
    """How many words a reader reads in ``text_``: whitespace-separated words, or for Japanese (which has no
    spaces) one word per 2.5 characters, a common reading-speed equivalence."""
    if any("\u3040" <= ch <= "\u9fff" for ch in text_):
        return max(1, round(len(text_.replace(" ", "")) / 2.5))
    return len(text_.split())


def reading_seconds(text_: str) -> float:
    """How long a caption must stay on screen: 1.5 s plus 0.3 s per word."""
    return 1.5 + 0.3 * words(text_)
