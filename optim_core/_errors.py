"""The one exception type that optim_core raises for bad input."""


class OptvizError(ValueError):
    """Bad input to optviz: an unknown name, an invalid hyperparameter, a refused expression.

    The message is a single line that says what was wrong and what is accepted.
    """
