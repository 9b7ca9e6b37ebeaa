r"""optim_core's LaTeX (update rules, formulas) as plain Unicode text, for a terminal or any text without maths.

It reads the small part of LaTeX that optim_core writes: Greek letters, arrows and operators, ``\frac``,
``\sqrt``, ``\hat``, ``\mathrm``, sub- and superscripts, grouping and spacing. A command it does not know is
an error rather than text with a backslash in it, so that a new rule cannot slip into ``optviz list`` as raw
LaTeX (tests/test_api.py converts every registered rule and formula).

>>> plain_maths(r"v \leftarrow \alpha v - \eta \frac{\partial L}{\partial W}")
'v ← αv − η ∂L/∂W'
>>> plain_maths(r"W \leftarrow W - \eta \frac{ \hat m }{ \sqrt{\hat v} + \epsilon}")
'W ← W − η m̂/(√v̂ + ε)'
"""

from __future__ import annotations

import re

from catalog import superscript

#: Letters: a Latin letter written after one is a product (αv) or a differential (∂L).
LETTERS = {
    "partial": "∂",
    "alpha": "α",
    "beta": "β",
    "Delta": "Δ",
    "epsilon": "ε",
    "eta": "η",
    "kappa": "κ",
    "lambda": "λ",
    "mu": "μ",
    "pi": "π",
    "rho": "ρ",
    "theta": "θ",
}
SYMBOLS = {
    "leftarrow": "←",
    "odot": "⊙",
    "cdot": "·",
    "circ": "∘",
    "cos": "cos",
    "sin": "sin",
    "max": "max",
    "qquad": " ",
    "quad": " ",
    ",": " ",
    ";": " ",
    " ": " ",
}
#: Sizing commands: the delimiter after them is read as it stands.
SIZES = ("left", "right", "big", "Big", "bigl", "bigr")
#: Characters with a raised form beyond the digits and minus signs of :func:`catalog.superscript`, and with a
#: lowered one. A script with any other character is written ``^(...)``. A rule is maths, so β_1 is lowered to
#: β₁ here, as the lecture's MathTex sets it; the figures' labels write the setting as β1=0.9 on purpose
#: (optim_core.display.SYMBOLS): they are set in the text font, and the Japanese one has no ₁ or ₂. In a rule
#: a plain digit would also read as a factor (β1m).
_RAISED = {"−": "⁻", "+": "⁺", "=": "⁼", "(": "⁽", ")": "⁾", "t": "ᵗ", "T": "ᵀ", "n": "ⁿ", "∘": "°"}
_LOWERED = {str(d): chr(0x2080 + d) for d in range(10)} | {"−": "₋", "+": "₊", "=": "₌", "(": "₍", ")": "₎"}
_LOWERED |= {"t": "ₜ", "i": "ᵢ", "k": "ₖ", "n": "ₙ"}
_SHIFTED = {
    True: (str.maketrans(_RAISED), set(superscript("-0123456789")) | set(_RAISED.values())),
    False: (str.maketrans(_LOWERED), set(_LOWERED.values())),
}
_TOKEN = re.compile(r"\\[A-Za-z]+|\\.|\s+|.", re.DOTALL)


def plain_maths(latex: str) -> str:
    """``latex`` as plain text with Unicode maths: η, α, ∂L/∂W, √h, ⊙, ←, β₁, x². A fraction is written with
    a slash, in parentheses where a side has more than one term."""
    tokens = _TOKEN.findall(latex)
    text = _Reader(tokens, latex).sequence()
    text = re.sub(r"\s+", " ", text)
    return re.sub(r"([(⁽]) | ([)⁾])", r"\1\2", text).strip()


class _Reader:
    """Reads tokens front to back: a sequence is read up to a closing brace or the end."""

    def __init__(self, tokens: list[str], latex: str):
        self.tokens, self.latex, self.at = tokens, latex, 0

    def next(self) -> str:
        if self.at >= len(self.tokens):
            raise ValueError(f"unexpected end of LaTeX in {self.latex!r}")
        self.at += 1
        return self.tokens[self.at - 1]

    def sequence(self) -> str:
        parts = []
        while self.at < len(self.tokens) and self.tokens[self.at] != "}":
            parts.append(self.element())
        return "".join(parts)

    def argument(self) -> str:
        r"""A command's argument: a group in braces, or the next single element (``\hat m``, ``^2``)."""
        while self.at < len(self.tokens) and self.tokens[self.at].isspace():
            self.at += 1
        return self.element().strip()

    def element(self) -> str:
        token = self.next()
        if token == "{":
            inner = self.sequence()
            if self.next() != "}":
                raise ValueError(f"unbalanced braces in {self.latex!r}")
            return inner
        if token in ("^", "_"):
            return _script(self.argument(), raised=token == "^")
        if token == "-":
            return "−"
        if not token.startswith("\\"):
            return token
        command = token[1:]
        if command == "frac":
            numerator, denominator = self.argument(), self.argument()
            return f"{_term(numerator)}/{_term(denominator)}"
        if command == "sqrt":
            return "√" + _term(self.argument())
        if command == "hat":
            base = self.argument()
            if len(base) != 1:
                raise ValueError(f"\\hat over more than one letter in {self.latex!r}")
            return base + "\u0302"  # a combining circumflex: m̂
        if command == "mathrm":
            return self.argument()
        if command in SIZES:
            return ""
        if command in LETTERS:
            return self.letter(LETTERS[command])
        if command in SYMBOLS:
            return SYMBOLS[command]
        raise ValueError(f"no plain form for the LaTeX command {token} in {self.latex!r}; add it to SYMBOLS")

    def letter(self, symbol: str) -> str:
        r"""A Greek letter or ∂ with its scripts, joined to a Latin letter after it as LaTeX joins them: the
        space in ``\alpha v`` and ``\partial L`` only ends the command's name (αv, ∂L)."""
        while self.at < len(self.tokens) and self.tokens[self.at] in ("^", "_"):
            symbol += self.element()
        rest = self.tokens[self.at : self.at + 2]
        if len(rest) == 2 and rest[0].isspace() and rest[1].isascii() and rest[1].isalpha():
            self.at += 1
        return symbol


def _term(text: str) -> str:
    """``text`` as one side of a slash: in parentheses when it has a space or a sign outside parentheses."""
    text = text.strip()
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and char in " +−":
            return f"({text})"
    return text


def _script(text: str, *, raised: bool) -> str:
    """``text`` raised or lowered in Unicode where every character has that form, else ``^(text)``/``_(text)``."""
    table, forms = _SHIFTED[raised]
    shifted = (superscript(text) if raised else text).translate(table)
    if all(char in forms for char in shifted):
        return shifted
    return ("^" if raised else "_") + (text if len(text) == 1 else f"({text})")
