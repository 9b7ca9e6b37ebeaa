"""Custom objective functions typed as text, e.g. ``"x**2/20 + y**2"``, parsed without ``eval``.

The text is parsed into a Python AST, every node is checked against a whitelist, and the accepted tree is
translated node by node into a SymPy expression (never through ``sympify``), which is differentiated
symbolically and compiled to NumPy with ``lambdify``.

Accepted: the variables ``x`` and ``y``; numbers; ``pi`` and ``e``; ``+ - * / **`` and parentheses; the
functions ``sin cos tan exp log sqrt tanh abs`` of one argument. Constant sub-expressions whose value
would be astronomically large are refused before they are computed, so parsing is fast for any input.
"""

from __future__ import annotations

import ast
import math

import sympy as sp

from ._errors import OptvizError

MAX_LENGTH = 1000
MAX_DEPTH = 50
MAX_CONSTANT = 1e300

X, Y = sp.symbols("x y", real=True)
NAMES = {"x": X, "y": Y, "pi": sp.pi, "e": sp.E}
FUNCTIONS = {
    "sin": sp.sin,
    "cos": sp.cos,
    "tan": sp.tan,
    "exp": sp.exp,
    "log": sp.log,
    "sqrt": sp.sqrt,
    "tanh": sp.tanh,
    "abs": sp.Abs,
}
_OPERATORS = {ast.Add: sp.Add, ast.Sub: None, ast.Mult: sp.Mul, ast.Div: None, ast.Pow: sp.Pow}
_SYMBOL_OF = {
    ast.FloorDiv: "//",
    ast.Mod: "%",
    ast.MatMult: "@",
    ast.BitXor: "^ (use ** for powers)",
    ast.BitAnd: "&",
    ast.BitOr: "|",
    ast.LShift: "<<",
    ast.RShift: ">>",
    ast.Not: "not",
    ast.Invert: "~",
}
ACCEPTED = "x, y, numbers, pi, e, + - * / ** and parentheses, and " + " ".join(FUNCTIONS)


def _refuse(text: str, node: ast.AST | None, what: str, column: int | None = None) -> OptvizError:
    """The error for ``text``, pointing at ``column`` (1-based, in ``text`` as typed), else at ``node``."""
    if column is None and node is not None and hasattr(node, "col_offset"):
        column = _column(text, node.col_offset)
    where = f" at column {column}" if column is not None else ""
    return OptvizError(f"expression {_clip(text)!r}: {what}{where}; accepted: {ACCEPTED}")


def _column(text: str, offset: int) -> int:
    """The 1-based column in ``text`` as typed of the AST's ``offset``, which counts UTF-8 bytes of the
    stripped text."""
    lead = len(text) - len(text.lstrip())
    return lead + len(text.strip().encode()[:offset].decode(errors="ignore")) + 1


def _clip(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."


def parse_expression(text: str) -> sp.Expr:
    """Check ``text`` against the whitelist and return it as a SymPy expression in ``x`` and ``y``.

    >>> parse_expression("x**2/20 + y**2")
    x**2/20 + y**2
    >>> parse_expression("__import__('os')")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    optim_core._errors.OptvizError: expression "__import__('os')": function '__import__' is not allowed at column 1; ...
    """
    if not isinstance(text, str):
        raise OptvizError(f"an expression must be a string, got {type(text).__name__}")
    if len(text) > MAX_LENGTH:
        raise OptvizError(f"expression is {len(text)} characters long; at most {MAX_LENGTH} are accepted")
    if not text.strip():
        raise OptvizError(f"expression is empty; accepted: {ACCEPTED}")
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError as error:
        column = error.offset + len(text) - len(text.lstrip()) if error.offset else None
        raise _refuse(text, None, "invalid syntax", column) from None
    except (ValueError, MemoryError, RecursionError) as error:  # null bytes, huge literals, deep nesting
        raise _refuse(text, None, str(error).split("\n")[0] or type(error).__name__) from None
    try:
        expr = _Translator(text).visit(tree.body, 0)
    except (RecursionError, OverflowError, MemoryError, ZeroDivisionError, TypeError, ValueError) as error:
        if isinstance(error, OptvizError):
            raise
        raise _refuse(text, None, f"cannot be evaluated ({type(error).__name__})") from None
    if expr.has(sp.I) or expr.has(sp.zoo) or expr.has(sp.nan) or expr.has(sp.oo):
        raise _refuse(text, None, "a constant part is complex, infinite or undefined")
    return expr


class _Translator:
    """Translate a whitelisted AST into SymPy, refusing everything else."""

    def __init__(self, text: str):
        self.text = text

    def visit(self, node: ast.AST, depth: int) -> sp.Expr:
        if depth > MAX_DEPTH:
            raise _refuse(self.text, node, f"nested more than {MAX_DEPTH} levels deep")
        handler = getattr(self, f"visit_{type(node).__name__}", None)
        if handler is None:
            raise _refuse(self.text, node, f"{self._segment(node)!r} is not allowed")
        return self._bounded(handler(node, depth + 1), node)

    def _operator_column(self, node: ast.BinOp) -> int:
        """Where a binary operator stands: after its left operand and any closing parentheses and spaces (the
        node itself starts where its left operand does)."""
        source = self.text.strip().encode()
        offset = node.left.end_col_offset
        while offset < node.right.col_offset and source[offset : offset + 1] in (b" ", b")"):
            offset += 1
        return _column(self.text, offset)

    def _segment(self, node: ast.AST) -> str:
        return ast.get_source_segment(self.text.strip(), node) or type(node).__name__

    def _bounded(self, expr: sp.Expr, node: ast.AST) -> sp.Expr:
        if expr.is_Number and expr.is_finite and not expr.is_zero and not 1 / MAX_CONSTANT < abs(expr) < MAX_CONSTANT:
            raise _refuse(self.text, node, f"constant {self._segment(node)!r} is too large or too small")
        return expr

    def visit_Constant(self, node: ast.Constant, depth: int) -> sp.Expr:
        value = node.value
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _refuse(self.text, node, f"literal {self._segment(node)!r} is not a real number")
        if isinstance(value, float):
            if not math.isfinite(value):
                raise _refuse(self.text, node, f"number {self._segment(node)!r} is not finite")
            return sp.Float(value)
        return sp.Integer(value)

    def visit_Name(self, node: ast.Name, depth: int) -> sp.Expr:
        if node.id not in NAMES:
            raise _refuse(self.text, node, f"name {node.id!r} is not allowed")
        return NAMES[node.id]

    def visit_UnaryOp(self, node: ast.UnaryOp, depth: int) -> sp.Expr:
        operand = self.visit(node.operand, depth)
        if isinstance(node.op, ast.USub):
            return -operand
        if isinstance(node.op, ast.UAdd):
            return operand
        raise _refuse(self.text, node, f"operator {_SYMBOL_OF.get(type(node.op), '?')!r} is not allowed")

    def visit_BinOp(self, node: ast.BinOp, depth: int) -> sp.Expr:
        if type(node.op) not in _OPERATORS:
            what = f"operator {_SYMBOL_OF.get(type(node.op), '?')!r} is not allowed"
            raise _refuse(self.text, node, what, self._operator_column(node))
        left = self.visit(node.left, depth)
        right = self.visit(node.right, depth)
        if isinstance(node.op, ast.Add):
            return left + right
        if isinstance(node.op, ast.Sub):
            return left - right
        if isinstance(node.op, ast.Mult):
            return left * right
        if isinstance(node.op, ast.Div):
            if right == 0:
                raise _refuse(self.text, node, "division by zero")
            return left / right
        if left.is_Number and right.is_Number and not left.is_zero:
            # Refuse before computing: 9**9**9 has 370 million digits.
            magnitude = float(right) * math.log10(abs(float(left)))
            if abs(magnitude) > math.log10(MAX_CONSTANT):
                raise _refuse(self.text, node, f"constant {self._segment(node)!r} is too large or too small")
        if left.is_Number and left.is_negative and right.is_Number and not right.is_integer:
            raise _refuse(self.text, node, f"{self._segment(node)!r} is complex (negative base, fractional power)")
        if left.is_zero and right.is_Number and right.is_negative:
            raise _refuse(self.text, node, "division by zero")
        return left**right

    def visit_Call(self, node: ast.Call, depth: int) -> sp.Expr:
        if not isinstance(node.func, ast.Name):
            raise _refuse(self.text, node, f"call {self._segment(node.func)!r} is not allowed")
        name = node.func.id
        if name not in FUNCTIONS:
            raise _refuse(self.text, node, f"function {name!r} is not allowed")
        if len(node.args) != 1 or node.keywords or isinstance(node.args[0], ast.Starred):
            raise _refuse(self.text, node, f"{name} takes exactly one argument")
        return FUNCTIONS[name](self.visit(node.args[0], depth))
