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
        "de": "Verlust je Schritt",
        "ja": "ステップごとの損失",
    },
    "loss_title_on": {
        "en": "Loss per step on {function}",
        "de": "Verlust je Schritt auf {function}",
        "ja": "{function} 上のステップごとの損失",
    },
    "path_title": {
        "en": "{name} on {function}",
        "de": "{name} auf {function}",
        "ja": "{function} 上の {name}",
    },
    "compare_title": {
        "en": "The optimizers side by side on {function}",
        "de": "Die Optimierer nebeneinander auf {function}",
        "ja": "{function} 上の最適化手法の比較",
    },
    "overlay_title": {
        "en": "All paths from {start} on {function}",
        "de": "Alle Pfade ab {start} auf {function}",
        "ja": "{function} 上の {start} からの全経路",
    },
    "step_size_title": {
        "en": "Step size per coordinate on {function}",
        "de": "Schrittweite je Koordinate auf {function}",
        "ja": "{function} 上の座標ごとのステップ幅",
    },
    "step_size": {
        "en": "|step| per coordinate",
        "de": "|Schritt| je Koordinate",
        "ja": "座標ごとの |ステップ|",
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
        "en": "new step v ({angle:.0f}°)",
        "de": "neuer Schritt v ({angle:.0f}°)",
        "ja": "新しいステップ v（{angle:.0f}°）",
    },
    "impulse_title": {
        "en": "Impulse: a moving body cannot turn a right angle at once",
        "de": "Impulssatz: Ein bewegter Körper biegt nicht sofort rechtwinklig ab",
        "ja": "運動量と力積：動いている物体は急に直角には曲がれない",
    },
    "momentum_before": {
        "en": "m·v before",
        "de": "m·v vorher",
        "ja": "m·v",
    },
    "impulse": {
        "en": "F·Δt",
        "de": "F·Δt",
        "ja": "F·Δt",
    },
    "momentum_after": {
        "en": "m·v after ({angle:.0f}°)",
        "de": "m·v nachher ({angle:.0f}°)",
        "ja": "m·v′（{angle:.0f}°）",
    },
    # Mathtext (braces doubled for str.format) has no Japanese glyphs: Japanese writes the law without words, as
    # Japanese physics classes do (mv + FΔt = mv'), like the scene's impulse_before_tex and impulse_after_tex.
    "impulse_law": {
        "en": r"$m\,v_{{\mathrm{{before}}}} + F\,\Delta t = m\,v_{{\mathrm{{after}}}}$",
        "de": r"$m\,v_{{\mathrm{{vorher}}}} + F\,\Delta t = m\,v_{{\mathrm{{nachher}}}}$",
        "ja": r"$m\,v + F\,\Delta t = m\,v'$",
    },
    "surface_title": {
        "en": "Paths on the surface of {function}",
        "de": "Pfade auf der Fläche von {function}",
        "ja": "{function} の曲面上の経路",
    },
    "sweep_title": {
        "en": "Momentum on {function}: steps to f < {tol:g}",
        "de": "Momentum auf {function}: Schritte bis f < {tol:g}",
        "ja": "{function} 上の Momentum：f < {tol:g} までのステップ数",
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
        "de": "Schritte bis zur Toleranz",
        "ja": "許容誤差までのステップ数",
    },
    "diverged_cells": {
        "en": "diverged",
        "de": "divergiert",
        "ja": "発散",
    },
    "optimum": {
        "en": "theory's optimum",
        "de": "theoretisches Optimum",
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
    "race_figure_title": {
        "en": "The race on {function}",
        "de": "Das Rennen auf {function}",
        "ja": "{function} 上のレース",
    },
    "overlay_title_many": {
        "en": "All paths on {function}",
        "de": "Alle Pfade auf {function}",
        "ja": "{function} 上のすべての経路",
    },
    "from_start": {
        "en": "from {start}",
        "de": "ab {start}",
        "ja": "{start} から",
    },
    "leaves": {
        "en": "leaves the picture at step {step}",
        "de": "verlässt das Bild bei Schritt {step}",
        "ja": "ステップ {step} で図の外へ",
    },
    "learning_rate_title": {
        "en": "How hard to hit: {name} at {count} learning rates on {function}",
        "de": "Wie fest schlagen? {name} mit {count} Lernraten auf {function}",
        "ja": "どれだけ強く打つか：{function} 上、{count} 通りの学習率の {name}",
    },
    "after_steps": {
        "en": "after {steps} steps: f = {value}",
        "de": "nach {steps} Schritten: f = {value}",
        "ja": "{steps} ステップ後：f = {value}",
    },
    "hyper_decoupled_weight_decay": {
        "en": "decoupled weight decay",
        "de": "entkoppelter Weight Decay",
        "ja": "分離型重み減衰",
    },
    "hyper_initial_accumulator_value": {
        "en": "initial accumulator",
        "de": "Startwert des Akkumulators",
        "ja": "累積値の初期値",
    },
    "hyper_maximize": {
        "en": "maximize",
        "de": "maximieren",
        "ja": "最大化",
    },
    "hyper_centered": {
        "en": "centered",
        "de": "zentriert",
        "ja": "中心化",
    },
    "convention_book": {
        "en": "book",
        "de": "Buch",
        "ja": "本の方式",
    },
    "convention_torch": {
        "en": "torch",
        "de": "torch",
        "ja": "torch",
    },
    "article_title": {
        "en": "SGD, Momentum, AdaGrad and Adam: from the bowl to a real network",
        "de": "SGD, Momentum, AdaGrad und Adam: von der Schale zum echten Netz",
        "ja": "SGD・Momentum・AdaGrad・Adam：お椀から本物のネットワークへ",
    },
    # The default article's first section; the second is named as the lecture names its chapter (net_title).
    "article_bowl": {
        "en": "On the bowl f(x, y) = x²/20 + y²",
        "de": "Auf der Schale f(x, y) = x²/20 + y²",
        "ja": "お椀 f(x, y) = x²/20 + y² の上で",
    },
    "caption_path": {
        "en": "{names} from {start} on {function}: {points} points.",
        "de": "{names} ab {start} auf {function}: {points} Punkte.",
        "ja": "{function} 上を {start} から進む {names}：{points} 個の点。",
    },
    "alt_path": {
        "en": "Contour lines of {function} with the path of {names} from {start}; a plus marks the minimum.",
        "de": "Höhenlinien von {function} mit dem Pfad von {names} ab {start}; ein Plus markiert das Minimum.",
        "ja": "{function} の等高線と、{start} から進む {names} の経路。＋ は最小点。",
    },
    "caption_compare": {
        "en": "Each optimizer in its own panel, from {start} on {function}: {names}.",
        "de": "Jeder Optimierer in einem eigenen Teilbild, ab {start} auf {function}: {names}.",
        "ja": "手法ごとのパネル（{function} 上、{start} から）：{names}。",
    },
    "alt_compare": {
        "en": "Contour plots side by side, one per optimizer ({names}), each with its path from {start}.",
        "de": "Höhenlinienbilder nebeneinander, eines je Optimierer ({names}), jedes mit seinem Pfad ab {start}.",
        "ja": "手法ごと（{names}）に並んだ等高線図。それぞれ {start} からの経路付き。",
    },
    "caption_overlay": {
        "en": "All paths on one picture: {names}.",
        "de": "Alle Pfade in einem Bild: {names}.",
        "ja": "すべての経路を一枚に：{names}。",
    },
    "alt_overlay": {
        "en": "Contour lines of {function} with the paths of {names} from {start}, drawn over each other.",
        "de": "Höhenlinien von {function} mit den übereinander gezeichneten Pfaden von {names} ab {start}.",
        "ja": "{function} の等高線に、{start} からの {names} の経路を重ねた図。",
    },
    "caption_loss": {
        "en": "f after each step, on a logarithmic scale: {names}.",
        "de": "f nach jedem Schritt, logarithmisch aufgetragen: {names}.",
        "ja": "各ステップ後の f（対数目盛）：{names}。",
    },
    "alt_loss": {
        "en": "Line chart of f(x, y) against the step, on a logarithmic axis, for {names}.",
        "de": "Liniendiagramm von f(x, y) über dem Schritt mit logarithmischer Achse, für {names}.",
        "ja": "{names} について、ステップに対する f(x, y) の折れ線グラフ（対数軸）。",
    },
    "caption_step_size": {
        "en": "How far each step moves in x and in y: {names}.",
        "de": "Wie weit jeder Schritt in x und in y geht: {names}.",
        "ja": "各ステップが x と y に進む距離：{names}。",
    },
    "alt_step_size": {
        "en": "Line charts of the step length in x (left) and in y (right), on a logarithmic axis, for {names}.",
        "de": "Liniendiagramme der Schrittweite in x (links) und in y (rechts) mit logarithmischer Achse, für {names}.",
        "ja": "{names} について、x（左）と y（右）のステップ幅の折れ線グラフ（対数軸）。",
    },
    "caption_vector_sum": {
        "en": "Momentum's step is the previous step plus the gradient step: a right angle becomes 45°.",
        "de": (
            "Der Schritt von Momentum ist der vorherige Schritt plus der Gradientenschritt: Aus einem rechten "
            "Winkel werden 45°."
        ),
        "ja": "Momentum のステップは前回のステップと勾配ステップの和：直角が 45° になる。",
    },
    "alt_vector_sum": {
        "en": "Three arrows: the previous step, the gradient step at a right angle from its tip, and their sum at 45°.",
        "de": (
            "Drei Pfeile: der vorherige Schritt, der Gradientenschritt im rechten Winkel an seiner Spitze und "
            "ihre Summe unter 45°."
        ),
        "ja": "3本の矢印：前回のステップ、その先端から直角に出る勾配ステップ、そして両者の和（45°）。",
    },
    "caption_impulse": {
        "en": "The impulse law: momentum before plus the impulse gives momentum after.",
        "de": "Der Impulssatz: Impuls vorher plus Kraftstoß ergibt Impuls nachher.",
        "ja": "運動量と力積の関係：前の運動量 + 力積 = 後の運動量。",
    },
    "alt_impulse": {
        "en": (
            "A ball with two arrows, its momentum before and an impulse at a right angle, and their sum, turned by 45°."
        ),
        "de": (
            "Eine Kugel mit zwei Pfeilen, ihrem Impuls vorher und einem Kraftstoß im rechten Winkel, und deren "
            "Summe, um 45° gedreht."
        ),
        "ja": "球と2本の矢印（前の運動量と、それに直角な力積）、そして 45° 向きを変えたその和。",
    },
    "caption_surface": {
        "en": "The same paths on the surface of {function}: {names}.",
        "de": "Dieselben Pfade auf der Fläche von {function}: {names}.",
        "ja": "{function} の曲面上の同じ経路：{names}。",
    },
    "alt_surface": {
        "en": "3-D surface of {function} with the paths of {names} drawn on it.",
        "de": "3-D-Fläche von {function} mit den Pfaden von {names} darauf.",
        "ja": "{names} の経路を描いた {function} の3次元曲面。",
    },
    "caption_sweep": {
        "en": "Steps Momentum needs on {function}, over learning rate and momentum; hatched cells diverged.",
        "de": (
            "Schritte, die Momentum auf {function} braucht, je nach Lernrate η und Momentum α; in schraffierten "
            "Feldern divergiert das Verfahren."
        ),
        "ja": "{function} で Momentum に必要なステップ数（学習率とモーメンタムごと）。斜線は発散。",
    },
    "alt_sweep": {
        "en": (
            "Heat map of the steps to reach the tolerance over learning rate (across) and momentum (up); diverged"
            " cells are hatched and the theory's optimum is a star."
        ),
        "de": (
            "Heatmap der Schritte bis zur Toleranz, aufgetragen über der Lernrate (waagrecht) und dem Momentum α "
            "(senkrecht); in schraffierten Feldern divergiert das Verfahren, ein Stern markiert das theoretische "
            "Optimum."
        ),
        "ja": (
            "学習率（横）とモーメンタム（縦）ごとの、許容誤差までのステップ数のヒートマップ。"
            "発散は斜線、理論上の最適値は星印。"
        ),
    },
    "caption_race": {
        "en": "The race: {names}, moving at once.",
        "de": "Das Rennen: {names}, alle zugleich.",
        "ja": "レース：{names} が同時に動く。",
    },
    "alt_race": {
        "en": "Animation of {names} moving step by step over the contour lines of {function}.",
        "de": "Animation: {names} bewegen sich Schritt für Schritt über die Höhenlinien von {function}.",
        "ja": "{function} の等高線上を {names} が一歩ずつ動くアニメーション。",
    },
    "caption_learning_rate": {
        "en": "The learning rate is how hard the golfer hits: {names}.",
        "de": "Die Lernrate bestimmt, wie fest der Golfer schlägt: {names}.",
        "ja": "学習率はゴルファーが打つ強さ：{names}。",
    },
    "alt_learning_rate": {
        "en": (
            "Contour plots of {function} side by side, one per learning rate ({names}), each with its path from "
            "{start}; a cross marks where a path leaves the picture."
        ),
        "de": (
            "Höhenlinienbilder von {function} nebeneinander, eines je Lernrate ({names}), jedes mit seinem Pfad "
            "ab {start}; ein Kreuz markiert, wo ein Pfad das Bild verlässt."
        ),
        "ja": (
            "学習率ごと（{names}）に並んだ {function} の等高線図。"
            "それぞれ {start} からの経路付き。✕ は経路が図の外へ出る所。"
        ),
    },
    "caption_explore": {
        "en": "Explore it yourself: choose an optimizer, its settings and a start, and watch the path.",
        "de": "Selbst ausprobieren: Optimierer, Einstellungen und Start wählen und den Pfad verfolgen.",
        "ja": "自分で試そう：手法、設定、開始点を選んで経路を見る。",
    },
    "alt_explore": {
        "en": "An interactive page in which the path of an optimizer follows its controls.",
        "de": "Eine interaktive Seite, auf der der Pfad eines Optimierers seinen Reglern folgt.",
        "ja": "操作に合わせて最適化手法の経路が変わるインタラクティブなページ。",
    },
    "display_sgd_momentum": {
        "en": "SGD + momentum",
        "de": "SGD + Momentum",
        "ja": "SGD + モーメンタム",
    },
    "display_centered_rmsprop": {
        "en": "centered RMSprop",
        "de": "zentriertes RMSprop",
        "ja": "中心化 RMSprop",
    },
    "alt_text": {
        "en": "Alt text",
        "de": "Alternativtext",
        "ja": "代替テキスト",
    },
}
