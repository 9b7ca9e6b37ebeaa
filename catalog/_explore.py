"""Words of the explorable page (figures/explore)."""

MESSAGES: dict[str, dict[str, str]] = {
    "explore_title": {
        "en": "Move the learning rate, watch the path",
        "de": "Lernrate verschieben, Pfad beobachten",
        "ja": "学習率を動かして経路を見る",
    },
    "explore_intro": {
        "en": "Every path on this page was computed by optim_core when the page was built; the sliders only"
        " choose which one to draw.",
        "de": "Jeder Pfad auf dieser Seite wurde beim Erstellen der Seite von optim_core berechnet; die Regler"
        " wählen nur aus, welcher gezeichnet wird.",
        "ja": "このページの経路はすべてページ作成時に optim_core が計算したものです。"
        "スライダーは描く経路を選ぶだけです。",
    },
    "explore_function": {
        "en": "Function",
        "de": "Funktion",
        "ja": "関数",
    },
    "explore_start": {
        "en": "Start point",
        "de": "Startpunkt",
        "ja": "開始点",
    },
    "explore_book_start": {
        "en": "{point}, the book's",
        "de": "{point}, wie im Buch",
        "ja": "{point}（本と同じ）",
    },
    "explore_optimizer": {
        "en": "Optimizer",
        "de": "Optimierer",
        "ja": "最適化手法",
    },
    "explore_beta1": {
        "en": "Adam's β1",
        "de": "β1 von Adam",
        "ja": "Adam の β1",
    },
    "explore_batch": {
        "en": "Batch size",
        "de": "Batchgröße",
        "ja": "バッチサイズ",
    },
    "explore_batch_full": {
        "en": "all {size}",
        "de": "alle {size}",
        "ja": "全 {size}",
    },
    "explore_batch_note": {
        "en": "Batch size: the bowl is the mean loss of {size} examples, and each step follows the gradient of B"
        " of them, drawn at random (a minibatch). B = {size} is the full batch: the book's exact path. With a"
        " smaller B, {runs} paths, each on batches of its own, are drawn faintly over the exact one.",
        "de": "Batchgröße: Die Schale ist der mittlere Verlust von {size} Beispielen, und jeder Schritt folgt dem"
        " Gradienten von B zufällig gezogenen davon (einem Minibatch). B = {size} ist der volle Batch: der exakte"
        " Pfad des Buchs. Bei kleinerem B werden {runs} Pfade mit jeweils eigenen Batches blass über den exakten"
        " gezeichnet.",
        "ja": "バッチサイズ：お椀は {size} 個のサンプルの平均損失で、各ステップはそのうち無作為に選んだ B 個"
        "（ミニバッチ）の勾配に従います。B = {size} はフルバッチで、本の厳密な経路です。"
        "B が小さいときは、それぞれ別のバッチを使う {runs} 本の経路を厳密な経路の上に薄く描きます。",
    },
    "explore_batch_none": {
        "en": "Batch size: minibatch paths exist on the bowl only, the mean loss of {size} examples.",
        "de": "Batchgröße: Minibatch-Pfade gibt es nur auf der Schale, dem mittleren Verlust von {size} Beispielen.",
        "ja": "バッチサイズ：ミニバッチの経路があるのはお椀（{size} 個のサンプルの平均損失）だけです。",
    },
    "explore_batch_missing": {
        "en": "Batch size: this setting has no minibatch paths. The page holds them from {start} for {settings}.",
        "de": "Batchgröße: Für diese Einstellung gibt es keine Minibatch-Pfade. Die Seite enthält sie ab {start}"
        " für {settings}.",
        "ja": "バッチサイズ：この設定にはミニバッチの経路がありません。ページにミニバッチの経路があるのは、"
        "{settings}を開始点 {start} から実行した場合だけです。",
    },
    "explore_noisy_setting": {
        "en": "{optimizer} at η from {low} to {high}",
        "de": "{optimizer} mit η von {low} bis {high}",
        "ja": "{optimizer}（η は {low} から {high}）",
    },
    "explore_noisy_setting_second": {
        "en": "{optimizer} at η from {low} to {high} with {symbol} = {value}",
        "de": "{optimizer} mit η von {low} bis {high} und {symbol} = {value}",
        "ja": "{optimizer}（η は {low} から {high}、{symbol} = {value}）",
    },
    "explore_noisy_readout": {
        "en": "B = {batch} ({runs}\u00a0minibatch paths): f from {low} to {high}",
        "de": "B = {batch} ({runs}\u00a0Minibatch-Pfade): f von {low} bis {high}",
        "ja": "B = {batch}（ミニバッチ経路 {runs}\u00a0本）：f は {low} から {high}",
    },
    "explore_noisy_leaves": {
        "en": "minibatch paths leaving the picture: {count} of {runs}",
        "de": "Minibatch-Pfade außerhalb des Bildes: {count} von {runs}",
        "ja": "図の外に出るミニバッチ経路：{runs} 本中 {count} 本",
    },
    "explore_play": {
        "en": "Play",
        "de": "Abspielen",
        "ja": "再生",
    },
    "explore_pause": {
        "en": "Pause",
        "de": "Anhalten",
        "ja": "一時停止",
    },
    "explore_path_view": {
        "en": "Path over the contours of f",
        "de": "Pfad über den Höhenlinien von f",
        "ja": "f の等高線上の経路",
    },
    "explore_path_legend": {
        "en": "○ start points to choose from, + minimum",
        "de": "○ wählbare Startpunkte, + Minimum",
        "ja": "○ 選べる開始点、+ 最小点",
    },
    "explore_rate_title": {
        "en": "Momentum's rate per step (theory, quadratics)",
        "de": "Konvergenzrate von Momentum je Schritt (Theorie für quadratische Funktionen)",
        "ja": "Momentum の1ステップの収束率（二次関数での理論値）",
    },
    "explore_rate_legend": {
        "en": "Colour: the rate per step, bright is fast. Hatched: rate ≥ 1, diverges. Star: the theory's optimum,"
        " η\u00a0=\u00a0{lr:.2f} and α\u00a0=\u00a0{momentum:.2f} (rate {rate:.2f})."
        " Dots: the settings this page holds.",
        "de": "Farbe: die Rate je Schritt, hell ist schnell. Schraffiert: Rate ≥ 1, divergiert. Stern: das"
        " theoretische Optimum, η\u00a0=\u00a0{lr:.2f} und α\u00a0=\u00a0{momentum:.2f} (Rate {rate:.2f})."
        " Punkte: die Einstellungen auf dieser Seite.",
        "ja": "色：1ステップあたりの収束率（明るいほど速い）。斜線：収束率 ≥ 1 で発散。星：理論上の最適値"
        " η\u00a0=\u00a0{lr:.2f}、α\u00a0=\u00a0{momentum:.2f}（収束率 {rate:.2f}）。点：このページにある設定。",
    },
    "explore_rate_value": {
        "en": "Theory for this setting: each step multiplies the distance to the minimum by about {rate}.",
        "de": "Theorie für diese Einstellung: Jeder Schritt multipliziert den Abstand zum Minimum mit etwa {rate}.",
        "ja": "この設定の理論値：1ステップごとに最小点までの距離が約 {rate} 倍になります。",
    },
    "explore_rate_neutral": {
        "en": "Theory for this setting: rate 1, so the distance to the minimum neither shrinks nor grows: it"
        " bounces for ever.",
        "de": "Theorie für diese Einstellung: Rate 1, also wird der Abstand zum Minimum weder kleiner noch größer"
        " – der Pfad pendelt endlos.",
        "ja": "この設定の理論値：収束率 1 なので最小点までの距離は縮みも増えもせず、いつまでも往復します。",
    },
    "explore_rate_diverges": {
        "en": "Theory for this setting: rate {rate} > 1, so the distance to the minimum grows: it diverges.",
        "de": "Theorie für diese Einstellung: Rate {rate} > 1, also wächst der Abstand zum Minimum – der Pfad"
        " divergiert.",
        "ja": "この設定の理論値：収束率 {rate} > 1 なので最小点までの距離が増え、発散します。",
    },
    "explore_rate_other": {
        "en": "The rate map is the theory of SGD (α = 0) and Momentum; choose one of them to mark it.",
        "de": "Die Ratenkarte zeigt die Theorie für SGD (α = 0) und Momentum; wird eines der beiden gewählt, ist"
        " die Einstellung darauf markiert.",
        "ja": "収束率マップは SGD（α = 0）と Momentum の理論です。どちらかを選ぶと印が付きます。",
    },
    "explore_rate_none": {
        "en": "The rate map exists for quadratics only: choose the bowl.",
        "de": "Die Ratenkarte gibt es nur für quadratische Funktionen: dafür die Schale wählen.",
        "ja": "収束率マップは二次関数にのみあります。お椀を選んでください。",
    },
    "explore_readout": {
        "en": "step {step} of {steps}: x = {x}, y = {y}, f = {f}",
        "de": "Schritt {step} von {steps}: x = {x}; y = {y}; f = {f}",
        "ja": "ステップ {step}／{steps}：x = {x}、y = {y}、f = {f}",
    },
    "explore_settled": {
        "en": "settled at the minimum by step {step}",
        "de": "ab Schritt {step} im Minimum zur Ruhe gekommen",
        "ja": "ステップ {step} までに最小点に落ち着いた",
    },
    "explore_grid": {
        "en": "For this function the page holds {runs} runs of optim_core (book convention): {lrs} learning rates"
        " from {low} to {high} (steps of 1, 2 and 5 per power of ten, and the book's rates); α in {momenta};"
        " β1 in {betas}; {starts} start points; up to {steps} steps. Sliders move over exactly these values.",
        "de": "Für diese Funktion enthält die Seite {runs} Läufe von optim_core (Konvention des Buchs): {lrs}"
        " Lernraten von {low} bis {high} (Stufen 1, 2 und 5 je Zehnerpotenz und die Lernraten des Buchs); α aus"
        " {momenta}; β1 aus {betas}; {starts} Startpunkte; bis zu {steps} Schritte. Die Regler bewegen sich"
        " genau über diese Werte.",
        "ja": "この関数についてページには optim_core の計算 {runs} 回分（本の方式）が入っています：学習率 {lrs} 個"
        "（{low} から {high} まで、10 の累乗ごとに 1・2・5 の刻みと本の学習率）、α は {momenta}、β1 は {betas}、"
        "開始点 {starts} 個、最大 {steps} ステップ。スライダーはちょうどこれらの値の上を動きます。",
    },
    "explore_grid_noisy": {
        "en": "Minibatch paths (optim_core.minibatch, seed {seed}), {paths} in all: {runs} for each batch size B in"
        " {batches} of the {size} examples, from {start}, for {settings}.",
        "de": "Minibatch-Pfade (optim_core.minibatch, Seed {seed}), insgesamt {paths}: {runs} für jede Batchgröße B"
        " aus {batches} der {size} Beispiele, ab {start}, für {settings}.",
        "ja": "ミニバッチの経路（optim_core.minibatch、シード {seed}）は合計 {paths} 本です：{settings}について、"
        "開始点 {start} から、{size} 個のサンプルから選ぶバッチサイズ B が {batches} のそれぞれにつき {runs} 本。",
    },
    "explore_keys": {
        "en": "Keyboard: Tab moves between controls, arrow keys move a slider, Space plays and pauses.",
        "de": "Tastatur: Tab wechselt zwischen den Bedienelementen, Pfeiltasten bewegen einen Regler, die"
        " Leertaste startet und hält an.",
        "ja": "キーボード：Tab で操作項目を移動、矢印キーでスライダーを動かし、スペースで再生と一時停止。",
    },
    "explore_bowl": {
        "en": "bowl",
        "de": "Schale",
        "ja": "お椀",
    },
    "explore_rosenbrock": {
        "en": "Rosenbrock",
        "de": "Rosenbrock-Funktion",
        "ja": "ローゼンブロック関数",
    },
    "explore_himmelblau": {
        "en": "Himmelblau",
        "de": "Himmelblau-Funktion",
        "ja": "ヒンメルブラウ関数",
    },
    "explore_beale": {
        "en": "Beale",
        "de": "Beale-Funktion",
        "ja": "ビール関数",
    },
    "explore_rastrigin": {
        "en": "Rastrigin",
        "de": "Rastrigin-Funktion",
        "ja": "ラストリギン関数",
    },
}
