"""Words of the lecture build. Its chapters are named by the scenes' own titles (see figures/lecture.py)."""

MESSAGES: dict[str, dict[str, str]] = {
    "lecture_title": {
        "en": "How optimizers move: SGD, Momentum, AdaGrad and Adam",
        "de": "Wie sich Optimierer bewegen: SGD, Momentum, AdaGrad und Adam",
        "ja": "最適化手法の動き：SGD、Momentum、AdaGrad、Adam",
    },
}
