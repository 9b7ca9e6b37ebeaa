"""Words of the network chapter's figures: the digits, Figure 6-9, the loss landscape and the noisy bowl (the scene's
narration is in _network_scene.py and may use these keys too)."""

MESSAGES: dict[str, dict[str, str]] = {
    "percent": {
        "en": "{value}%",
        "de": "{value}\u00a0%",
        "ja": "{value}%",
    },
    "iterations": {
        "en": "iterations",
        "de": "Iterationen",
        "ja": "反復回数",
    },
    "network_loss": {
        "en": "loss",
        "de": "Verlust",
        "ja": "損失",
    },
    "training_title": {
        "en": "The book's Figure 6-9 on real handwritten digits",
        "de": "Abbildung 6-9 des Buchs mit echten handgeschriebenen Ziffern",
        "ja": "本の図6-9を実際の手書き数字で再現",
    },
    "training_loss_title": {
        "en": "Minibatch loss, smoothed as in the book",
        "de": "Verlust je Minibatch, geglättet wie im Buch",
        "ja": "ミニバッチの損失（本と同じ平滑化）",
    },
    "test_accuracy": {
        "en": "test accuracy",
        "de": "Testgenauigkeit",
        "ja": "テストデータの認識精度",
    },
    "test_accuracy_title": {
        "en": "Test accuracy every {every} iterations",
        "de": "Testgenauigkeit alle {every} Iterationen",
        "ja": "テストデータの認識精度（{every} 回ごと）",
    },
    "landscape_title": {
        "en": "The loss on the plane of the weight paths",
        "de": "Der Verlust auf der Ebene der Gewichtspfade",
        "ja": "重みの経路が張る平面上の損失",
    },
    "landscape_explained": {
        "en": "This plane holds {share} of the paths' squared distance from the start",
        "de": "Diese Ebene enthält {share} der quadrierten Abstände der Pfade vom Start",
        "ja": "この平面に、経路の開始点からの二乗距離の {share} が含まれる",
    },
    "first_direction": {
        "en": "1st principal direction ({share})",
        "de": "1. Hauptkomponente ({share})",
        "ja": "第1主成分（{share}）",
    },
    "second_direction": {
        "en": "2nd principal direction ({share})",
        "de": "2. Hauptkomponente ({share})",
        "ja": "第2主成分（{share}）",
    },
    "training_set_loss": {
        "en": "loss on the training digits",
        "de": "Verlust auf den Trainingsdaten",
        "ja": "訓練データでの損失",
    },
    "shared_start": {
        "en": "shared start",
        "de": "gemeinsamer Start",
        "ja": "共通の開始点",
    },
    "noise_title": {
        "en": "The “S” in SGD: every step on a random minibatch of the bowl's data",
        "de": "Das „S“ in SGD: die Schale als Datensatz, jeder Schritt auf einem zufälligen Minibatch",
        "ja": "SGD の「S」：お椀のデータから無作為に選んだミニバッチで1ステップずつ進む",
    },
    "batch_panel": {
        "en": "batch size {batch}",
        "de": "Batchgröße {batch}",
        "ja": "バッチサイズ {batch}",
    },
    "batch_panel_whole": {
        "en": "batch size {batch}: all the data",
        "de": "Batchgröße {batch}: alle Daten",
        "ja": "バッチサイズ {batch}（全データ）",
    },
    "noise_whole_data": {
        "en": " A batch of all {size} examples is the whole data set: its panel shows the exact path alone.",
        "de": (
            " Ein Batch aus allen {size} Beispielen umfasst den ganzen Datensatz; sein Teilbild zeigt nur den exakten"
            " Pfad."
        ),
        "ja": "バッチサイズ {size} のバッチはデータ全体なので、その図は厳密な経路だけを示す。",
    },
    "exact_path": {
        "en": "{name}, each step on all {size} examples: the exact path",
        "de": "{name}, jeder Schritt auf allen {size} Beispielen: der exakte Pfad",
        "ja": "{name}、各ステップで全 {size} 個を使う：厳密な経路",
    },
    "noisy_paths": {
        "en": "{name}, {runs} runs on random minibatches",
        "de": "{name}, {runs} Läufe auf zufälligen Minibatches",
        "ja": "{name}、ランダムなミニバッチでの {runs} 回の実行",
    },
    "runs_leave": {
        "en": "runs that leave the picture: {count} of {runs}",
        "de": "Läufe, die das Bild verlassen: {count} von {runs}",
        "ja": "図の外へ出た実行：{runs} 回中 {count} 回",
    },
    # A network whose weights blew up (optim_core.network.DIVERGED): noted on its figures, and in its words.
    "net_diverged": {
        "en": "{name} diverged after {iteration} iterations",
        "de": "{name} divergiert nach {iteration} Iterationen",
        "ja": "{name} は {iteration} 回の反復後に発散",
    },
    "caption_training": {
        "en": (
            "Figure 6-9 of the book Deep Learning from Scratch (Koki Saitoh), redrawn on real handwritten digits"
            " (scikit-learn's {digits} scans of 8×8 pixels): {names} each train the book's fully connected network"
            " from the same initial weights on the same {iterations} minibatches of {batch} training digits. Left,"
            " the minibatch loss after each update, smoothed as the book does; right, the accuracy on {test}"
            " held-out digits."
        ),
        "de": (
            "Abbildung 6-9 aus Koki Saitohs Buch „Deep Learning from Scratch“, neu gezeichnet mit echten"
            " handgeschriebenen Ziffern (die {digits} Scans aus 8×8 Pixeln von scikit-learn): {names} trainieren"
            " jeweils das vollständig verbundene Netz des Buchs, von denselben Anfangsgewichten aus und auf"
            " denselben {iterations} Minibatches aus je {batch} Trainingsziffern. Links der Verlust des Minibatches"
            " nach jedem Schritt, geglättet wie im Buch; rechts die Genauigkeit auf {test} Testziffern, die das"
            " Training nie gesehen hat."
        ),
        "ja": (
            "『ゼロから作る Deep Learning』（斎藤康毅）の図6-9を、"
            "実際の手書き数字（scikit-learn の 8×8 ピクセルの画像 {digits} 枚）で再現した。"
            "{names} が、本の全結合ネットワークを同じ初期重みから、"
            "訓練データ {batch} 枚ずつの同じミニバッチ {iterations} 個でそれぞれ学習する。"
            "左は各更新後のミニバッチの損失（本と同じ平滑化）、"
            "右は学習に使わないテストデータ {test} 枚での認識精度。"
        ),
    },
    "alt_training": {
        "en": (
            "Two line charts over {iterations} iterations. Left: the smoothed minibatch loss of {names}, on an axis"
            " from 0 to 1; at the end {losses}. Right: their test accuracy every {every} iterations, from 0 to 1;"
            " at the end {accuracies}."
        ),
        "de": (
            "Zwei Liniendiagramme über {iterations} Iterationen. Links: der geglättete Verlust je Minibatch von"
            " {names}, auf einer Achse von 0 bis 1; am Ende {losses}. Rechts: ihre Testgenauigkeit alle {every}"
            " Iterationen, von 0 bis 1; am Ende {accuracies}."
        ),
        "ja": (
            "{iterations} 回の反復にわたる2つの折れ線グラフ。左："
            "{names} の平滑化したミニバッチの損失（軸は 0 から 1）、"
            "最後は {losses}。右："
            "{every} 回ごとのテストデータの認識精度（0 から 1）、"
            "最後は {accuracies}。"
        ),
    },
    "caption_landscape": {
        "en": (
            "The loss on the training digits over a plane in weight space, after Li et al. (2018): the plane"
            " through the optimizers' shared start spanned by the first two principal directions of their"
            " recorded weights, which holds {share} of the paths' squared distance from the start ({first} +"
            " {second}). Each path is drawn as its projection; its last weights lie {low} to {high} of their"
            " distance from the start off the plane, so the loss drawn beneath a path is the plane's, not the"
            " path's own."
        ),
        "de": (
            "Der Verlust auf den Trainingsdaten über einer Ebene im Gewichtsraum, nach Li et al. (2018): die"
            " Ebene durch den gemeinsamen Start der Optimierer, aufgespannt von den ersten beiden"
            " Hauptkomponenten ihrer aufgezeichneten Gewichte; sie enthält {share} der quadrierten Abstände der"
            " Pfade vom Start ({first} + {second}). Jeder Pfad ist als seine Projektion gezeichnet; seine letzten"
            " Gewichte liegen zu {low} bis {high} ihres Abstands vom Start außerhalb der Ebene, der Verlust unter"
            " einem Pfad ist also der der Ebene, nicht der des Pfads selbst."
        ),
        "ja": (
            "Li ら（2018）にならった、重み空間の平面上の訓練データでの損失。平面は、"
            "各手法に共通の開始点を通り、記録した重みの第1・第2主成分が張るもので、"
            "経路の開始点からの二乗距離の {share}（{first} + {second}）を含む。"
            "各経路はこの平面への射影で、"
            "最後の重みは開始点からの距離の {low}〜{high} だけ平面の外にある。"
            "そのため経路の下に描かれた損失は平面上の値で、経路そのものの損失ではない。"
        ),
    },
    "alt_landscape": {
        "en": (
            "Contour lines of the loss over two directions in weight space, on a logarithmic colour scale from"
            " {lowest} to {highest}, with the paths of {names} leaving one shared start; of the paths' squared"
            " distance from the start the first direction holds {first}, the second {second}."
        ),
        "de": (
            "Höhenlinien des Verlusts über zwei Richtungen im Gewichtsraum, auf einer logarithmischen Farbskala"
            " von {lowest} bis {highest}, mit den Pfaden von {names}, die an einem gemeinsamen Start beginnen;"
            " von den quadrierten Abständen der Pfade vom Start enthält die erste Richtung {first}, die zweite"
            " {second}."
        ),
        "ja": (
            "重み空間の2方向にわたる損失の等高線（対数の色目盛で {lowest} から {highest}）と、"
            "共通の開始点から進む {names} の経路。経路の開始点からの二乗距離のうち、"
            "第1主成分が {first}、第2主成分が {second} を含む。"
        ),
    },
    "caption_noise": {
        "en": (
            "The “S” in SGD: the bowl written as least squares on {size} examples, whose mean loss is {function}"
            " plus a constant. {name} from {start}, {runs} runs per batch size ({batches}), each step on a batch"
            " drawn at random, around the exact path, which uses all {size} examples in every step ({points}"
            " points).{whole}"
        ),
        "de": (
            "Das „S“ in SGD: die Schale als Problem der kleinsten Quadrate mit {size} Beispielen, deren mittlerer"
            " Verlust {function} plus eine Konstante ist. {name} ab {start}, {runs} Läufe je Batchgröße"
            " ({batches}), jeder Schritt auf einem zufällig gezogenen Minibatch, um den exakten Pfad, der in"
            " jedem Schritt alle {size} Beispiele nutzt ({points} Punkte).{whole}"
        ),
        "ja": (
            "SGD の「S」：お椀を {size} 個のサンプルの最小二乗問題として書き、"
            "その平均損失は {function} に定数を足したもの。"
            "{start} から進む {name} を、"
            "バッチサイズ（{batches}）ごとに {runs} 回、"
            "各ステップでランダムに選んだミニバッチで走らせ、"
            "各ステップで全 {size} 個を使う厳密な経路（{points} 個の点）と重ねた。{whole}"
        ),
    },
    "alt_noise": {
        "en": (
            "Contour plots of the bowl side by side, one per batch size ({batches}), each with {runs} faint"
            " minibatch paths of {name} from {start} around the exact path.{whole}"
        ),
        "de": (
            "Höhenlinienbilder der Schale nebeneinander, eines je Batchgröße ({batches}), jedes mit {runs} blassen"
            " Minibatch-Pfaden von {name} ab {start} um den exakten Pfad.{whole}"
        ),
        "ja": (
            "バッチサイズ（{batches}）ごとに並んだお椀の等高線図。それぞれに、"
            "{start} から進む {name} の薄いミニバッチ経路 {runs} 本と、"
            "厳密な経路。{whole}"
        ),
    },
}
