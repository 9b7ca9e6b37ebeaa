"""Words on the matplotlib figures (titles, axes, legends, annotations)."""

MESSAGES: dict[str, dict[str, str]] = {
    "step": {
        "en": "step",
        "de": "Schritt",
        "ja": "ステップ",
    },
    "loss": {
        "en": "f(x, y)",
        "de": "f(x, y)",
        "ja": "f(x, y)",
    },
    "loss_title": {
        "en": "Loss per step",
        "de": "Verlust pro Schritt",
        "ja": "ステップごとの損失",
    },
    "path_title": {
        "en": "{name} on {function}",
        "de": "{name} auf {function}",
        "ja": "{function} 上の {name}",
    },
    "compare_title": {
        "en": "Four optimizers, one bowl",
        "de": "Vier Optimierer, eine Schale",
        "ja": "4つの最適化手法",
    },
    "overlay_title": {
        "en": "All paths from {start}",
        "de": "Alle Pfade ab {start}",
        "ja": "{start} からの全経路",
    },
    "step_size_title": {
        "en": "Step size per coordinate: big strokes first, then finer ones",
        "de": "Schrittweite je Koordinate: erst kräftige, dann feine Schläge",
        "ja": "座標ごとの歩幅：最初は大きく、次第に小さく",
    },
    "step_size": {
        "en": "|step| per coordinate",
        "de": "|Schritt| je Koordinate",
        "ja": "座標ごとの|歩幅|",
    },
    "start": {
        "en": "start",
        "de": "Start",
        "ja": "開始点",
    },
    "minimum": {
        "en": "minimum",
        "de": "Minimum",
        "ja": "最小点",
    },
    "diverged": {
        "en": "diverged at step {step}",
        "de": "divergiert bei Schritt {step}",
        "ja": "ステップ {step} で発散",
    },
    "vector_sum_title": {
        "en": "Momentum: previous step + gradient step",
        "de": "Momentum: vorheriger Schritt + Gradientenschritt",
        "ja": "Momentum：前回のステップ + 勾配ステップ",
    },
    "previous_step": {
        "en": "① previous step αv",
        "de": "① vorheriger Schritt αv",
        "ja": "① 前回のステップ αv",
    },
    "gradient_step": {
        "en": "② gradient step −η∇L",
        "de": "② Gradientenschritt −η∇L",
        "ja": "② 勾配ステップ −η∇L",
    },
    "new_step": {
        "en": "new step v  ({angle:.0f}°)",
        "de": "neuer Schritt v  ({angle:.0f}°)",
        "ja": "新しいステップ v（{angle:.0f}°）",
    },
    "impulse_title": {
        "en": "Impulse: a moving body cannot turn a right angle at once",
        "de": "Impuls: ein bewegter Körper kann nicht sofort rechtwinklig abbiegen",
        "ja": "力積：動いている物体は直角に曲がれない",
    },
    "momentum_before": {
        "en": "m·v before",
        "de": "m·v vorher",
        "ja": "m·v（前）",
    },
    "impulse": {
        "en": "F·Δt",
        "de": "F·Δt",
        "ja": "F·Δt",
    },
    "momentum_after": {
        "en": "m·v after ({angle:.0f}°)",
        "de": "m·v nachher ({angle:.0f}°)",
        "ja": "m·v（後, {angle:.0f}°）",
    },
    "surface_title": {
        "en": "Paths on the surface",
        "de": "Pfade auf der Fläche",
        "ja": "曲面上の経路",
    },
    "sweep_title": {
        "en": "Momentum: steps to f < {tol:g}",
        "de": "Momentum: Schritte bis f < {tol:g}",
        "ja": "Momentum：f < {tol:g} までのステップ数",
    },
    "learning_rate": {
        "en": "learning rate η",
        "de": "Lernrate η",
        "ja": "学習率 η",
    },
    "momentum": {
        "en": "momentum α",
        "de": "Momentum α",
        "ja": "モーメンタム α",
    },
    "steps_to_tol": {
        "en": "steps to tolerance",
        "de": "Schritte bis Toleranz",
        "ja": "到達ステップ数",
    },
    "diverged_cells": {
        "en": "diverged",
        "de": "divergiert",
        "ja": "発散",
    },
    "optimum": {
        "en": "theory's optimum",
        "de": "Optimum (Theorie)",
        "ja": "理論上の最適値",
    },
    "never": {
        "en": "not reached",
        "de": "nicht erreicht",
        "ja": "未到達",
    },
    "race_step": {
        "en": "Step {step}",
        "de": "Schritt {step}",
        "ja": "ステップ {step}",
    },
}
