"""Narration and on-screen words of the network chapter's lecture scene (scenes/network.py). The scene also uses
the figures' words for the same things (catalog/_network.py): ``iterations``, ``network_loss``, ``test_accuracy``,
``percent``, ``shared_start``, ``first_direction`` and ``second_direction``."""

MESSAGES: dict[str, dict[str, str]] = {
    # The chapter's name in the lecture, and the heading of its first picture.
    "net_title": {
        "en": "On a real network",
        "de": "Auf einem echten Netz",
        "ja": "本物のネットワークで",
    },
    # The beats' sentences, in the order the scene plays them. A no-break space (\u00a0) keeps a number with its
    # noun, and in Japanese a Latin word with its particle, where a caption's line must not break.
    "net_digits": {
        "en": "The book's last experiment: a real network learns to read handwritten digits",
        "de": "Das letzte Experiment des Buchs: Ein echtes Netz lernt, Ziffern zu erkennen",
        "ja": "本の最後の実験：本物のネットワークが手書き数字の認識を学習する",
    },
    "net_layers": {
        "en": "The book's network: {inputs} pixels in, {layers} layers of {width}, {outputs} scores out",
        "de": "Das Netz des Buchs: {inputs} Pixel hinein, {layers}\u00a0Schichten zu {width}, {outputs} Werte heraus",
        "ja": (
            "本のネットワーク：{inputs}\u00a0ピクセルが入り、"
            "{width}\u00a0ニューロンの層\u00a0{layers}\u00a0つを経て\u00a0{outputs}\u00a0個の値が出る"
        ),
    },
    "net_weights": {
        "en": "Instead of x and y, {weights} weights: every step moves them all",
        "de": "Statt x und y gibt es {weights} Gewichte; jeder Schritt bewegt sie alle",
        "ja": "x\u00a0と\u00a0y\u00a0の代わりに重みが\u00a0{weights}\u00a0個あり、各ステップがそのすべてを動かす",
    },
    "net_noise": {
        "en": "Each step sees a random minibatch, so the path shakes: the “S” in SGD",
        "de": "Zufällige Minibatches je Schritt lassen den Pfad zittern: das „S“ in SGD",
        "ja": "各ステップはランダムなミニバッチだけを見るので経路が揺れる：SGD\u00a0の「S」",
    },
    "net_race": {
        "en": "Same start, same minibatches: AdaGrad's loss falls first, SGD's last",
        "de": "Gleicher Start, gleiche Batches: AdaGrads Verlust sinkt zuerst, der von SGD zuletzt",
        "ja": "同じ開始点、同じミニバッチ：損失は\u00a0AdaGrad\u00a0が最初に、SGD\u00a0が最後に下がる",
    },
    "net_behind": {
        "en": "Over all {iterations} iterations, SGD's loss stays far above the others'",
        "de": "Über alle {iterations} Iterationen bleibt der Verlust von SGD weit über den anderen",
        "ja": "{iterations}\u00a0回の反復のあいだずっと、SGD\u00a0の損失はほかより高いまま",
    },
    "net_accuracy": {
        "en": "On {test} digits it never saw, SGD catches up: all four end near {accuracy}",
        "de": "Auf {test} nie gesehenen Ziffern holt SGD auf: Alle vier erreichen etwa {accuracy}",
        "ja": "学習に使わない\u00a0{test}\u00a0枚では\u00a0SGD\u00a0も追いつき、"
        "4\u00a0つとも認識精度は約\u00a0{accuracy}",
    },
    "net_plane": {
        "en": "{weights} dimensions fit no picture: this is the loss on the plane of the paths",
        "de": "{weights} Dimensionen passen in kein Bild: hier der Verlust auf der Ebene der Pfade",
        "ja": "{weights}\u00a0次元は描けない：経路が張る平面の上の損失を描く",
    },
    "net_paths": {
        "en": "Adam and AdaGrad size each weight's step on its own, so they head another way",
        "de": "Adam und AdaGrad skalieren den Schritt je Gewicht und nehmen einen anderen Weg",
        "ja": "Adam\u00a0と\u00a0AdaGrad\u00a0は重みごとにステップ幅を変え、別の方向へ進む",
    },
    "net_share": {
        "en": "The plane holds {share} of the paths; the loss beneath them is the plane's",
        "de": "Die Ebene erfasst {share} der Pfade; unter ihnen liegt der Verlust der Ebene",
        "ja": "平面は経路の\u00a0{share}\u00a0を捉える：経路の下に描く損失は平面上の値",
    },
    "net_ranking": {
        "en": "On the bowl SGD kept up; on a real network it ends far behind",
        "de": "Auf der Schale hielt SGD mit; auf einem echten Netz liegt es am Ende weit zurück",
        "ja": "お椀では\u00a0SGD\u00a0も健闘したが、本物のネットワークでは大きく後れを取る",
    },
    # The slides' titles, one per beat.
    "slide_net_digits": {
        "en": "Handwritten digits",
        "de": "Handgeschriebene Ziffern",
        "ja": "手書きの数字",
    },
    "slide_net_layers": {
        "en": "The book's network",
        "de": "Das Netz des Buchs",
        "ja": "本のネットワーク",
    },
    "slide_net_weights": {
        "en": "Weights instead of x and y",
        "de": "Gewichte statt x und y",
        "ja": "x と y の代わりの重み",
    },
    "slide_net_noise": {
        "en": "The “S” in SGD",
        "de": "Das „S“ in SGD",
        "ja": "SGD の「S」",
    },
    "slide_net_race": {
        "en": "The race on the digits",
        "de": "Das Rennen auf den Ziffern",
        "ja": "手書き数字でのレース",
    },
    "slide_net_behind": {
        "en": "SGD falls behind",
        "de": "SGD fällt zurück",
        "ja": "後れを取る SGD",
    },
    "slide_net_accuracy": {
        "en": "Accuracy on unseen digits",
        "de": "Genauigkeit auf neuen Ziffern",
        "ja": "未知の数字での認識精度",
    },
    "slide_net_plane": {
        "en": "A plane through weight space",
        "de": "Eine Ebene im Gewichtsraum",
        "ja": "重み空間の平面",
    },
    "slide_net_paths": {
        "en": "The paths on the plane",
        "de": "Die Pfade auf der Ebene",
        "ja": "平面上の経路",
    },
    "slide_net_share": {
        "en": "What the plane holds",
        "de": "Was die Ebene enthält",
        "ja": "平面に含まれるもの",
    },
    "slide_net_ranking": {
        "en": "The ranking on the network",
        "de": "Die Rangfolge auf dem Netz",
        "ja": "ネットワークでの順位",
    },
    # Words in the pictures.
    "net_digits_note": {
        "en": "{count} real scans of 8×8 pixels, bundled with scikit-learn",
        "de": "{count} echte Scans aus 8×8 Pixeln, mitgeliefert von scikit-learn",
        "ja": "scikit-learn 付属の本物の画像 {count} 枚（8×8 ピクセル）",
    },
    "net_pixels": {
        "en": "pixels",
        "de": "Pixel",
        "ja": "ピクセル",
    },
    "net_hidden": {
        "en": "hidden layers",
        "de": "verborgene Schichten",
        "ja": "隠れ層",
    },
    "net_digit_scores": {
        "en": "digits",
        "de": "Ziffern",
        "ja": "数字",
    },
    "net_weights_count": {
        "en": "{weights} weights",
        "de": "{weights} Gewichte",
        "ja": "重み {weights} 個",
    },
    "net_exact": {
        "en": "each step on all {size} examples",
        "de": "jeder Schritt auf allen {size} Beispielen",
        "ja": "各ステップで全 {size} 個のデータ",
    },
    "net_noisy": {
        "en": "each step on {batch} random examples",
        "de": "jeder Schritt auf {batch} zufälligen Beispielen",
        "ja": "各ステップでランダムな {batch} 個のデータ",
    },
    "net_iteration": {
        "en": "iteration {k}",
        "de": "Iteration {k}",
        "ja": "反復 {k} 回目",
    },
    "net_rank": {
        "en": "{place}. {name}   loss {loss}",
        "de": "{place}. {name}   Verlust {loss}",
        "ja": "{place}. {name}   損失 {loss}",
    },
}
