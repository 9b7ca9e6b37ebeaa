"""Narration and on-screen words of the Manim scenes."""

MESSAGES: dict[str, dict[str, str]] = {
    # The impulse law's momenta in LaTeX (braces doubled for str.format). The scenes' LaTeX has no Japanese
    # glyphs: Japanese writes them as Japanese physics classes do, mv and mv'.
    "impulse_before_tex": {
        "en": r"m v_{{\mathrm{{before}}}}",
        "de": r"m v_{{\mathrm{{vorher}}}}",
        "ja": r"m v",
    },
    "impulse_after_tex": {
        "en": r"m v_{{\mathrm{{after}}}}",
        "de": r"m v_{{\mathrm{{nachher}}}}",
        "ja": r"m v'",
    },
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
        "de": "Vier Optimierer ab (−7; 2)",
        "ja": "(−7, 2) から 4 つの最適化手法",
    },
    "ranking": {
        "en": "Final f after {steps} steps: on this easy bowl, the book's SGD keeps up",
        "de": "f nach {steps} Schritten: auf dieser einfachen Schale hält SGD gut mit",
        "ja": "{steps} ステップ後の f：この易しいお椀では本の SGD も健闘する",
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
    "sgd_rule": {
        "en": "Each step goes downhill along the gradient, scaled by the learning rate η",
        "de": "Jeder Schritt geht entlang des Gradienten bergab, skaliert mit der Lernrate η",
        "ja": "各ステップは勾配に沿って下り、学習率 η で大きさが決まる",
    },
    "sgd_golf": {
        "en": "The learning rate is how hard you hit the ball",
        "de": "Die Lernrate ist, wie fest man den Ball schlägt",
        "ja": "学習率はボールを打つ強さ",
    },
    "sgd_too_soft": {
        "en": "Too soft (η = {lr:g}): the ball stops far short of the hole",
        "de": "Zu sanft (η = {lr:g}): der Ball bleibt weit vor dem Loch liegen",
        "ja": "弱すぎる（η = {lr:g}）：ボールはカップのずっと手前で止まる",
    },
    "sgd_just_right": {
        "en": "The book's η = {lr:g}: the ball zigzags into the hole",
        "de": "Das η = {lr:g} des Buchs: der Ball läuft im Zickzack ins Loch",
        "ja": "本の η = {lr:g}：ボールはジグザグにカップへ入る",
    },
    "sgd_too_hard": {
        "en": "Too hard (η = {lr:g}): every stroke flies past, and the ball leaves the bowl",
        "de": "Zu fest (η = {lr:g}): jeder Schlag fliegt vorbei, der Ball verlässt die Schale",
        "ja": "強すぎる（η = {lr:g}）：毎回行き過ぎて、ボールはお椀から飛び出す",
    },
    "ball_rolls": {
        "en": "Downhill the ball gathers speed and carries it on",
        "de": "Bergab wird die Kugel schneller und nimmt das Tempo mit",
        "ja": "坂でボールは加速し、その勢いを持ち越す",
    },
    "surface_zigzag": {
        "en": "SGD creeps down the steep side; the ball rolls along the valley",
        "de": "SGD kriecht die steile Seite hinab; die Kugel rollt das Tal entlang",
        "ja": "SGD は急な斜面をゆっくり下り、ボールは谷に沿って転がる",
    },
    "turn_45": {
        "en": "① up plus ② right: the step turns 45°, not a right angle",
        "de": "① nach oben plus ② nach rechts: der Schritt dreht 45°, nicht rechtwinklig",
        "ja": "① 上 + ② 右：ステップは直角でなく 45° 曲がる",
    },
    "vector_real": {
        "en": "The same sum on a real step of the path, magnified {zoom:.0f}×",
        "de": "Dieselbe Summe an einem echten Schritt des Pfads, {zoom:.0f}-fach vergrößert",
        "ja": "経路の実際のステップでの同じ和（{zoom:.0f} 倍に拡大）",
    },
    "alpha_sweep": {
        "en": "Less carried step: α from {start:g} down to 0",
        "de": "Weniger mitgenommener Schritt: α von {start:g} bis 0",
        "ja": "持ち越すステップを減らす：α を {start:g} から 0 へ",
    },
    "impulse_puck": {
        "en": "A puck slides upward with momentum m·v",
        "de": "Ein Puck gleitet mit dem Impuls m·v nach oben",
        "ja": "パックが運動量 m·v で上へ滑る",
    },
    "impulse_rule": {
        "en": "The carried step is the momentum, the gradient step is the kick",
        "de": "Der mitgenommene Schritt ist der Impuls, der Gradientenschritt der Stoß",
        "ja": "持ち越すステップが運動量、勾配ステップが力積",
    },
    "adagrad_rule": {
        "en": "h adds up every squared gradient, one number per coordinate",
        "de": "h addiert jedes Gradientenquadrat auf, eine Zahl je Koordinate",
        "ja": "h は勾配の二乗を座標ごとに足し合わせる",
    },
    "adagrad_golf": {
        "en": "Every stroke is drawn; the flag marks the hole at the minimum",
        "de": "Jeder Schlag ist eingezeichnet; die Fahne markiert das Loch im Minimum",
        "ja": "各ショットを描く。旗は最小点のカップ",
    },
    "adagrad_coordinates": {
        "en": "Steep y: h grows fast, strokes shrink at once; flat x keeps long strokes",
        "de": "Steiles y: h wächst schnell, Schläge schrumpfen; im flachen x bleiben sie lang",
        "ja": "急な y は h がすぐ増えて歩幅が縮み、緩やかな x は長い歩幅を保つ",
    },
    "adam_rule": {
        "en": "m: Momentum's direction, v: AdaGrad's size, both bias-corrected",
        "de": "m ist die Richtung von Momentum, v die Größe von AdaGrad, beide bias-korrigiert",
        "ja": "m は Momentum の方向、v は AdaGrad の大きさ。両方とも補正する",
    },
    "adam_parts": {
        "en": "At step {step}: m̂ as Momentum's arrow, √v̂ as AdaGrad's bars",
        "de": "Bei Schritt {step}: m̂ als Pfeil von Momentum, √v̂ als Balken von AdaGrad",
        "ja": "ステップ {step}：m̂ は Momentum の矢印、√v̂ は AdaGrad の棒",
    },
    "adam_assembled": {
        "en": "Divide m̂ by √v̂ per coordinate and scale by −η: that is the step",
        "de": "m̂ je Koordinate durch √v̂ teilen, mit −η skalieren: das ist der Schritt",
        "ja": "座標ごとに m̂ を √v̂ で割り −η を掛けるとステップになる",
    },
    "adam_run": {
        "en": "Step after step: a direction that persists, a size that adapts",
        "de": "Schritt für Schritt: eine Richtung, die bleibt, eine Größe, die sich anpasst",
        "ja": "方向は保たれ、大きさは適応する",
    },
    "race_watch": {
        "en": "SGD jumps, Momentum swings, AdaGrad slows down, Adam heads straight in",
        "de": "SGD springt, Momentum schwingt, AdaGrad bremst, Adam zieht direkt hinein",
        "ja": "SGD はジグザグ、Momentum は揺れ、AdaGrad は減速、Adam はまっすぐ向かう",
    },
    "race_lesson": {
        "en": "Each idea fixes one weakness of plain SGD",
        "de": "Jede Idee behebt eine Schwäche von einfachem SGD",
        "ja": "どの工夫も素の SGD の弱点を一つ補う",
    },
}
