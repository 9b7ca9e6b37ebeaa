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
        "de": "Steil in y, flach in x: Jeder Schritt schießt in y über die Talsohle hinaus",
        "ja": "y 方向は急で x 方向は緩やか：毎回 y 方向に行き過ぎる",
    },
    "sgd_slow": {
        "en": "… so progress along x is slow",
        "de": "… also kommt SGD in x nur langsam voran",
        "ja": "…そのため x 方向の進みは遅い",
    },
    "momentum_title": {
        "en": "Momentum: a ball rolling in a bowl",
        "de": "Momentum: Eine Kugel rollt in einer Schale",
        "ja": "Momentum：お椀の中を転がるボール",
    },
    "momentum_rule": {
        "en": "each step = previous step + new gradient step",
        "de": "jeder Schritt = vorheriger Schritt + neuer Gradientenschritt",
        "ja": "各ステップ = 前回のステップ + 新しい勾配ステップ",
    },
    "ball_section": {
        "en": "Cross-section along x: the ball keeps its speed, SGD creeps",
        "de": "Schnitt entlang x: Die Kugel behält ihr Tempo, SGD kriecht",
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
        "ja": "αv（前回）+ −η∇L（今回）= ステップ",
    },
    "alpha_zero": {
        "en": "With α = 0, Momentum is exactly SGD",
        "de": "Mit α = 0 ist Momentum genau SGD",
        "ja": "α = 0 なら Momentum は SGD と同じ",
    },
    "impulse_equal": {
        "en": "Equal magnitudes: it turns 45°",
        "de": "Gleiche Beträge: Der Puck wird um 45° abgelenkt",
        "ja": "運動量と力積の大きさが等しいと 45° 曲がる",
    },
    "impulse_larger": {
        "en": "A larger impulse turns it further: {angle:.0f}°",
        "de": "Ein größerer Kraftstoß lenkt ihn stärker ab: {angle:.0f}°",
        "ja": "力積が大きいほど大きく曲がる：{angle:.0f}°",
    },
    "impulse_mapping": {
        "en": "Momentum is the same law",
        "de": "Momentum folgt demselben Gesetz",
        "ja": "Momentum も同じ法則に従う",
    },
    "adagrad_title": {
        "en": "AdaGrad plays golf: hard strokes first, then finer ones",
        "de": "AdaGrad spielt Golf: erst kräftige, dann feine Schläge",
        "ja": "AdaGrad はゴルフ：最初は強く、だんだん細かく",
    },
    "adagrad_h": {
        "en": "h sums the squared gradients; the step shrinks as 1/√h",
        "de": "h summiert die Gradientenquadrate; der Schritt schrumpft wie 1/√h",
        "ja": "h は勾配の二乗の和。ステップ幅は 1/√h に比例して縮む",
    },
    "adam_title": {
        "en": "Adam: Momentum's m and AdaGrad's v, in one step",
        "de": "Adam: m von Momentum und v von AdaGrad in einem Schritt",
        "ja": "Adam：Momentum の m と AdaGrad の v を一つのステップに",
    },
    "race_title": {
        "en": "Four optimizers from (−7, 2)",
        "de": "Vier Optimierer starten bei (−7; 2)",
        "ja": "(−7, 2) から出発する4つの最適化手法",
    },
    "ranking": {
        "en": "Final f after {steps} steps: on this easy bowl, the book's SGD keeps up",
        "de": "f nach {steps} Schritten: Auf dieser einfachen Schale hält das SGD des Buchs gut mit",
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
        "de": "Die Lernrate bestimmt, wie fest man den Ball schlägt",
        "ja": "学習率はボールを打つ強さ",
    },
    "sgd_too_soft": {
        "en": "Too soft (η = {lr:g}): the ball stops far short of the hole",
        "de": "Zu sanft (η = {lr:g}): Der Ball bleibt weit vor dem Loch liegen",
        "ja": "弱すぎる（η = {lr:g}）：ボールはカップのずっと手前で止まる",
    },
    "sgd_just_right": {
        "en": "The book's η = {lr:g}: the ball zigzags into the hole",
        "de": "Das η = {lr:g} des Buchs: Der Ball läuft im Zickzack ins Loch",
        "ja": "本の η = {lr:g}：ボールはジグザグにカップへ入る",
    },
    "sgd_too_hard": {
        "en": "Too hard (η = {lr:g}): every stroke flies past, and the ball leaves the bowl",
        "de": "Zu fest (η = {lr:g}): Jeder Schlag fliegt am Loch vorbei, der Ball verlässt die Schale",
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
        "de": "① nach oben plus ② nach rechts: Der Schritt dreht sich um 45°, nicht um 90°",
        "ja": "① 上 + ② 右：ステップは直角でなく 45° 曲がる",
    },
    "vector_real": {
        "en": "The same sum on a real step of the path, magnified {zoom:.0f}×",
        "de": "Dieselbe Summe an einem echten Schritt des Pfads, {zoom:.0f}-fach vergrößert",
        "ja": "経路の実際のステップでの同じ和（{zoom:.0f} 倍に拡大）",
    },
    "alpha_sweep": {
        "en": "Less carried step: α from {start:g} down to 0",
        "de": "Weniger vom vorherigen Schritt übernehmen: α sinkt von {start:g} auf 0",
        "ja": "持ち越すステップを減らす：α を {start:g} から 0 へ",
    },
    "impulse_puck": {
        "en": "A puck slides upward with momentum m·v",
        "de": "Ein Puck gleitet mit dem Impuls m·v nach oben",
        "ja": "パックが運動量 m·v で上へ滑る",
    },
    "impulse_rule": {
        "en": "The carried step is the momentum, the gradient step is the kick",
        "de": "Der übernommene Schritt ist der Impuls, der Gradientenschritt der Kraftstoß",
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
        "de": "Steiles y: h wächst schnell, die Schläge schrumpfen sofort; im flachen x nicht",
        "ja": "急な y は h がすぐ増えてステップ幅が縮み、緩やかな x は長いステップ幅を保つ",
    },
    "adam_rule": {
        "en": "m averages the gradients, like Momentum; v their squares, like AdaGrad's h",
        "de": "m mittelt die Gradienten wie Momentum, v ihre Quadrate wie h bei AdaGrad",
        "ja": "m は勾配そのものの平均（Momentum に相当）、v は勾配の二乗の平均（AdaGrad の h に相当）",
    },
    "adam_parts": {
        "en": "At step {step}: m̂ as Momentum's arrow, √v̂ as AdaGrad's bars",
        "de": "Bei Schritt {step}: m̂ als Pfeil von Momentum, √v̂ als Balken von AdaGrad",
        "ja": "ステップ {step}：m̂ を Momentum の矢印で、√v̂ を AdaGrad の棒グラフで示す",
    },
    "adam_assembled": {
        "en": "Divide m̂ by √v̂ per coordinate and scale by −η: that is the step",
        "de": "m̂ je Koordinate durch √v̂ teilen, mit −η skalieren: Das ist der Schritt",
        "ja": "座標ごとに m̂ を √v̂ で割り −η を掛けるとステップになる",
    },
    "adam_run": {
        "en": "Step after step: a direction that persists, a size that adapts",
        "de": "Schritt für Schritt: eine Richtung, die bleibt, eine Größe, die sich anpasst",
        "ja": "ステップを重ねても方向は保たれ、大きさは勾配に合わせて変わる",
    },
    "race_watch": {
        "en": "SGD jumps, Momentum swings, AdaGrad slows down, Adam curves in",
        "de": "SGD springt, Momentum schwingt, AdaGrad bremst, Adam biegt im Bogen ein",
        "ja": "SGD はジグザグ、Momentum は揺れ、AdaGrad は減速、Adam は弧を描いて向かう",
    },
    "race_lesson": {
        "en": "Each idea fixes one weakness of plain SGD",
        "de": "Jede Idee behebt eine Schwäche von einfachem SGD",
        "ja": "どの工夫も素の SGD の弱点を一つ補う",
    },
    # Sentences of the beats that split a long animation, so that every caption stays about its reading time.
    "sgd_across": {
        "en": "The gradient points across the valley, not at the minimum",
        "de": "Der Gradient zeigt quer durchs Tal, nicht zum Minimum",
        "ja": "勾配は谷を横切る向きで、最小点を向いていない",
    },
    "vector_another": {
        "en": "Another step: αv carries the ball on, −η∇L bends its path",
        "de": "Noch ein Schritt: αv trägt die Kugel weiter, −η∇L lenkt sie ab",
        "ja": "もう一つのステップ：αv がボールを運び続け、−η∇L が向きを曲げる",
    },
    "impulse_kick": {
        "en": "An impulse F·Δt adds to the momentum m·v a body already has",
        "de": "Ein Kraftstoß F·Δt kommt zum Impuls m·v hinzu, den ein Körper schon hat",
        "ja": "力積 F·Δt は、物体がすでに持つ運動量 m·v に加わる",
    },
    "impulse_keeps": {
        "en": "The impulse points right, yet the puck keeps its upward momentum",
        "de": "Der Kraftstoß zeigt nach rechts, doch der Puck behält seinen Impuls nach oben",
        "ja": "力積は右向きでも、パックは上向きの運動量を保つ",
    },
    "impulse_never": {
        "en": "However large the impulse, the turn stays below 90°",
        "de": "Wie groß der Kraftstoß auch ist, die Ablenkung bleibt unter 90°",
        "ja": "力積がどれほど大きくても、曲がる角度は 90° 未満",
    },
    "adagrad_first": {
        "en": "The first strokes are long: h holds only a few gradients yet",
        "de": "Die ersten Schläge sind lang: h enthält erst wenige Gradienten",
        "ja": "最初のショットは長い：h に溜まった勾配はまだ少ない",
    },
    "adagrad_shorter": {
        "en": "Each stroke is shorter than the last",
        "de": "Jeder Schlag ist kürzer als der vorige",
        "ja": "ショットは一打ごとに短くなる",
    },
    "adagrad_late": {
        "en": "h only grows, so the steps only shrink: late on, AdaGrad crawls",
        "de": "h sinkt nie, also werden die Schritte immer kürzer: Am Ende kriecht AdaGrad",
        "ja": "h は増える一方でステップ幅は縮む一方：終盤の AdaGrad はゆっくりしか進まない",
    },
    "adam_bias": {
        "en": "Both start at zero, so early steps are corrected for that bias",
        "de": "Beide starten bei null; die Bias-Korrektur gleicht das in frühen Schritten aus",
        "ja": "どちらもゼロから始まるので、初期のステップではその偏りを補正する",
    },
    "adam_step": {
        "en": "The step: m̂ gives the direction, √v̂ scales it in each coordinate",
        "de": "Der Schritt: m̂ gibt die Richtung, √v̂ skaliert sie je Koordinate",
        "ja": "ステップ：m̂ が方向を決め、√v̂ が座標ごとに大きさを調整する",
    },
    "adam_overshoot": {
        "en": "m̂ carries Adam a little past the minimum, as with Momentum",
        "de": "m̂ trägt Adam ein Stück über das Minimum hinaus, wie bei Momentum",
        "ja": "m̂ の勢いで、Adam も Momentum のように最小点を少し越える",
    },
    "impulse_bends": {
        "en": "So Momentum's path cannot turn a right angle at once either",
        "de": "Also kann auch der Pfad von Momentum nicht sofort rechtwinklig abbiegen",
        "ja": "だから Momentum の経路も直角にはすぐ曲がれない",
    },
    "adagrad_adam": {
        "en": "Adam keeps this idea, but its v forgets old gradients",
        "de": "Adam behält diese Idee, doch sein v vergisst alte Gradienten",
        "ja": "Adam はこの考えを引き継ぐが、その v は古い勾配を忘れる",
    },
    # The race's look at each optimizer, by its name in optim_core (an optimizer without one is not looked at).
    "race_sgd": {
        "en": "SGD jumps across the valley at every step",
        "de": "SGD springt bei jedem Schritt quer über das Tal",
        "ja": "SGD は毎回谷を横切って跳ぶ",
    },
    "race_momentum": {
        "en": "Momentum overshoots and swings back: its speed carries it past",
        "de": "Momentum schießt übers Ziel hinaus und schwingt zurück: Das Tempo trägt es vorbei",
        "ja": "Momentum は勢いで行き過ぎ、揺れ戻る",
    },
    "race_adagrad": {
        "en": "AdaGrad's strokes shrink as h grows: it slows down",
        "de": "Die Schläge von AdaGrad schrumpfen, während h wächst: Es wird langsamer",
        "ja": "AdaGrad は h が増えるとステップ幅が縮み、減速する",
    },
    "race_adam": {
        "en": "Adam steers towards the minimum in one wide curve",
        "de": "Adam steuert in einem weiten Bogen auf das Minimum zu",
        "ja": "Adam は大きな弧を描いて最小点へ向かう",
    },
    # Slide titles, one per beat (scenes/*.py BEATS): PowerPoint's outline and the HTML deck list them.
    "slide_sgd_rule": {
        "en": "SGD's update rule",
        "de": "Die Update-Regel von SGD",
        "ja": "SGD の更新式",
    },
    "slide_sgd_golf": {
        "en": "The learning rate as a golf stroke",
        "de": "Die Lernrate als Golfschlag",
        "ja": "ゴルフにたとえた学習率",
    },
    "slide_sgd_too_soft": {
        "en": "A learning rate too small",
        "de": "Eine zu kleine Lernrate",
        "ja": "小さすぎる学習率",
    },
    "slide_sgd_just_right": {
        "en": "The book's learning rate",
        "de": "Die Lernrate des Buchs",
        "ja": "本の学習率",
    },
    "slide_sgd_too_hard": {
        "en": "A learning rate too large",
        "de": "Eine zu große Lernrate",
        "ja": "大きすぎる学習率",
    },
    "slide_sgd_zigzag": {
        "en": "The zigzag",
        "de": "Das Zickzack",
        "ja": "ジグザグ",
    },
    "slide_sgd_across": {
        "en": "A gradient across the valley",
        "de": "Ein Gradient quer zum Tal",
        "ja": "谷を横切る勾配",
    },
    "slide_sgd_slow": {
        "en": "Slow progress along x",
        "de": "Langsamer Fortschritt in x",
        "ja": "x 方向の遅い進み",
    },
    "slide_momentum_rule": {
        "en": "Momentum's update rule",
        "de": "Die Update-Regel von Momentum",
        "ja": "Momentum の更新式",
    },
    "slide_ball_section": {
        "en": "A ball in a bowl",
        "de": "Eine Kugel in einer Schale",
        "ja": "お椀の中のボール",
    },
    "slide_ball_rolls": {
        "en": "Speed carried on",
        "de": "Das Tempo bleibt",
        "ja": "持ち越される勢い",
    },
    "slide_surface": {
        "en": "The paths on the bowl",
        "de": "Die Pfade auf der Schale",
        "ja": "お椀の上の経路",
    },
    "slide_surface_zigzag": {
        "en": "Down the side, along the valley",
        "de": "Die Seite hinab, das Tal entlang",
        "ja": "斜面を下る SGD、谷を進むボール",
    },
    "slide_vector_sum": {
        "en": "The step as a vector sum",
        "de": "Der Schritt als Vektorsumme",
        "ja": "ベクトルの和としてのステップ",
    },
    "slide_turn_45": {
        "en": "45°, not a right angle",
        "de": "45° statt eines rechten Winkels",
        "ja": "直角ではなく 45°",
    },
    "slide_vector_real": {
        "en": "A real step, magnified",
        "de": "Ein echter Schritt, vergrößert",
        "ja": "実際のステップを拡大",
    },
    "slide_vector_another": {
        "en": "Another real step",
        "de": "Ein weiterer echter Schritt",
        "ja": "もう一つの実際のステップ",
    },
    "slide_alpha_sweep": {
        "en": "Turning α down",
        "de": "α wird kleiner",
        "ja": "α を小さくする",
    },
    "slide_alpha_zero": {
        "en": "α = 0 is SGD",
        "de": "α = 0 ist SGD",
        "ja": "α = 0 は SGD",
    },
    "slide_impulse_kick": {
        "en": "The impulse law",
        "de": "Der Impulssatz",
        "ja": "運動量と力積の関係",
    },
    "slide_impulse_puck": {
        "en": "A sliding puck",
        "de": "Ein gleitender Puck",
        "ja": "滑るパック",
    },
    "slide_impulse_equal": {
        "en": "An equal impulse",
        "de": "Ein gleich großer Kraftstoß",
        "ja": "同じ大きさの力積",
    },
    "slide_impulse_keeps": {
        "en": "The old momentum stays",
        "de": "Der alte Impuls bleibt",
        "ja": "元の運動量は残る",
    },
    "slide_impulse_larger": {
        "en": "A larger impulse",
        "de": "Ein größerer Kraftstoß",
        "ja": "より大きな力積",
    },
    "slide_impulse_never": {
        "en": "Never a right angle",
        "de": "Nie ein rechter Winkel",
        "ja": "直角にはならない",
    },
    "slide_impulse_mapping": {
        "en": "The same law in Momentum",
        "de": "Dasselbe Gesetz bei Momentum",
        "ja": "Momentum でも同じ法則",
    },
    "slide_impulse_rule": {
        "en": "Carried step and impulse",
        "de": "Übernommener Schritt und Kraftstoß",
        "ja": "持ち越すステップと力積",
    },
    "slide_adagrad_rule": {
        "en": "AdaGrad's update rule",
        "de": "Die Update-Regel von AdaGrad",
        "ja": "AdaGrad の更新式",
    },
    "slide_adagrad_golf": {
        "en": "Every stroke on the green",
        "de": "Jeder Schlag auf dem Grün",
        "ja": "グリーン上のすべてのショット",
    },
    "slide_adagrad_first": {
        "en": "Long first strokes",
        "de": "Lange erste Schläge",
        "ja": "長い最初のショット",
    },
    "slide_adagrad_shorter": {
        "en": "Shorter and shorter",
        "de": "Immer kürzer",
        "ja": "だんだん短く",
    },
    "slide_adagrad_h": {
        "en": "h, η/√h and the stroke",
        "de": "h, η/√h und der Schlag",
        "ja": "h、η/√h とショット",
    },
    "slide_adagrad_coordinates": {
        "en": "Steep y, flat x",
        "de": "Steiles y, flaches x",
        "ja": "急な y、緩やかな x",
    },
    "slide_adagrad_late": {
        "en": "Steps that only shrink",
        "de": "Schritte, die nur schrumpfen",
        "ja": "縮む一方のステップ幅",
    },
    "slide_impulse_bends": {
        "en": "Why Momentum's path bends",
        "de": "Warum sich der Pfad von Momentum krümmt",
        "ja": "Momentum の経路が曲がる理由",
    },
    "slide_adagrad_adam": {
        "en": "What Adam will change",
        "de": "Was Adam ändern wird",
        "ja": "Adam が変えること",
    },
    "slide_adam_rule": {
        "en": "Adam's two averages",
        "de": "Die zwei Mittelwerte von Adam",
        "ja": "Adam の二つの平均",
    },
    "slide_adam_bias": {
        "en": "Bias correction",
        "de": "Bias-Korrektur",
        "ja": "バイアス補正",
    },
    "slide_adam_step": {
        "en": "Adam's step",
        "de": "Der Schritt von Adam",
        "ja": "Adam のステップ",
    },
    "slide_adam_parts": {
        "en": "m̂ and √v̂ along the run",
        "de": "m̂ und √v̂ im Verlauf",
        "ja": "経路上の m̂ と √v̂",
    },
    "slide_adam_assembled": {
        "en": "One step, assembled",
        "de": "Ein Schritt, zusammengesetzt",
        "ja": "一つのステップを組み立てる",
    },
    "slide_adam_run": {
        "en": "The whole run",
        "de": "Der ganze Lauf",
        "ja": "経路全体",
    },
    "slide_adam_overshoot": {
        "en": "A little past the minimum",
        "de": "Ein Stück über das Minimum hinaus",
        "ja": "最小点を少し越えて",
    },
    "slide_race": {
        "en": "The race",
        "de": "Das Rennen",
        "ja": "レース",
    },
    "slide_race_watch": {
        "en": "The paths",
        "de": "Die Pfade",
        "ja": "経路",
    },
    "slide_race_sgd": {
        "en": "SGD in the race",
        "de": "SGD im Rennen",
        "ja": "レースの SGD",
    },
    "slide_race_momentum": {
        "en": "Momentum in the race",
        "de": "Momentum im Rennen",
        "ja": "レースの Momentum",
    },
    "slide_race_adagrad": {
        "en": "AdaGrad in the race",
        "de": "AdaGrad im Rennen",
        "ja": "レースの AdaGrad",
    },
    "slide_race_adam": {
        "en": "Adam in the race",
        "de": "Adam im Rennen",
        "ja": "レースの Adam",
    },
    "slide_ranking": {
        "en": "The ranking",
        "de": "Die Rangfolge",
        "ja": "順位",
    },
    "slide_race_lesson": {
        "en": "The lesson",
        "de": "Das Fazit",
        "ja": "まとめ",
    },
}
