"""The message catalog: one entry per sentence, each with its en, de and ja text.

Keys are grouped by who shows them first (figures, then scenes), but any part of optviz may use any key.
Placeholders in braces are filled by :func:`catalog.text`, which writes floats in the language's format.
"""

MESSAGES: dict[str, dict[str, str]] = {
    # figures
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
    # scenes
    "sgd_title": {
        "en": "SGD walks straight downhill",
        "de": "SGD geht direkt bergab",
        "ja": "SGD は坂をまっすぐ下る",
    },
    "sgd_zigzag": {
        "en": "Steep in y, shallow in x: every step overshoots in y",
        "de": "Steil in y, flach in x: jeder Schritt schießt in y über",
        "ja": "y は急で x は緩やか：毎回 y で行き過ぎる",
    },
    "sgd_slow": {
        "en": "...so progress along x is slow",
        "de": "...also kommt es in x nur langsam voran",
        "ja": "…そのため x 方向の進みは遅い",
    },
    "momentum_title": {
        "en": "Momentum: a ball rolling in a bowl",
        "de": "Momentum: eine Kugel rollt in einer Schale",
        "ja": "Momentum：お椀の中を転がるボール",
    },
    "momentum_rule": {
        "en": "each step = previous step + new gradient step",
        "de": "jeder Schritt = vorheriger Schritt + neuer Gradientenschritt",
        "ja": "各ステップ = 前回のステップ + 新しい勾配ステップ",
    },
    "ball_section": {
        "en": "Cross-section along x: the ball keeps its speed, SGD creeps",
        "de": "Schnitt entlang x: die Kugel behält ihr Tempo, SGD kriecht",
        "ja": "x 方向の断面：ボールは勢いを保ち、SGD はゆっくり進む",
    },
    "surface": {
        "en": "The same paths on the bowl",
        "de": "Dieselben Pfade auf der Schale",
        "ja": "お椀の上の同じ経路",
    },
    "vector_sum": {
        "en": "αv (previous) + −η∇L (new) = the step",
        "de": "αv (vorher) + −η∇L (neu) = der Schritt",
        "ja": "αv（前回）+ −η∇L（新規）= ステップ",
    },
    "alpha_zero": {
        "en": "With α = 0, Momentum is exactly SGD",
        "de": "Mit α = 0 ist Momentum genau SGD",
        "ja": "α = 0 なら Momentum は SGD と同じ",
    },
    "impulse_equal": {
        "en": "Equal magnitudes: it turns 45°",
        "de": "Gleiche Beträge: es dreht um 45°",
        "ja": "大きさが等しいと 45° 曲がる",
    },
    "impulse_larger": {
        "en": "A larger impulse turns it further: {angle:.0f}°",
        "de": "Ein größerer Impuls dreht weiter: {angle:.0f}°",
        "ja": "力積が大きいほど大きく曲がる：{angle:.0f}°",
    },
    "impulse_mapping": {
        "en": "Momentum is the same law",
        "de": "Momentum folgt demselben Gesetz",
        "ja": "Momentum も同じ法則",
    },
    "adagrad_title": {
        "en": "AdaGrad plays golf: hard strokes first, then finer ones",
        "de": "AdaGrad spielt Golf: erst kräftige, dann feine Schläge",
        "ja": "AdaGrad はゴルフ：最初は強く、だんだん細かく",
    },
    "adagrad_h": {
        "en": "h sums the squared gradients; the step shrinks as 1/√h",
        "de": "h summiert die Gradientenquadrate; der Schritt schrumpft wie 1/√h",
        "ja": "h は勾配の二乗の和；歩幅は 1/√h で縮む",
    },
    "adam_title": {
        "en": "Adam: Momentum's m and AdaGrad's v, in one step",
        "de": "Adam: m von Momentum und v von AdaGrad in einem Schritt",
        "ja": "Adam：Momentum の m と AdaGrad の v を一つのステップに",
    },
    "race_title": {
        "en": "Four optimizers from (−7, 2)",
        "de": "Vier Optimierer ab (−7, 2)",
        "ja": "(−7, 2) から 4 つの最適化手法",
    },
    "ranking": {
        "en": "Final f after {steps} steps",
        "de": "f nach {steps} Schritten",
        "ja": "{steps} ステップ後の f",
    },
    "effective_step": {
        "en": "effective lr η/√h",
        "de": "effektive Lernrate η/√h",
        "ja": "実効学習率 η/√h",
    },
    "diverged_named": {
        "en": "{name} diverged at step {step}",
        "de": "{name} divergiert bei Schritt {step}",
        "ja": "{name} はステップ {step} で発散",
    },
}
