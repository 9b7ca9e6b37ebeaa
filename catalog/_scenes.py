"""Narration and on-screen words of the Manim scenes."""

MESSAGES: dict[str, dict[str, str]] = {
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
