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
        "ja": "本の図6-9を本物の手書き数字で",
    },
    "training_loss_title": {
        "en": "Minibatch loss, smoothed as in the book",
        "de": "Verlust je Minibatch, geglättet wie im Buch",
        "ja": "ミニバッチの損失（本と同じ平滑化）",
    },
    "test_accuracy": {
        "en": "test accuracy",
        "de": "Genauigkeit auf den Testdaten",
        "ja": "テストデータの認識精度",
    },
    "test_accuracy_title": {
        "en": "Test accuracy every {every} iterations",
        "de": "Testgenauigkeit alle {every} Iterationen",
        "ja": "{every} 回ごとのテスト精度",
    },
    "landscape_title": {
        "en": "The loss on the plane of the weight paths",
        "de": "Der Verlust auf der Ebene der Gewichtspfade",
        "ja": "重みの経路が張る平面上の損失",
    },
    "landscape_explained": {
        "en": "this plane holds {share} of the paths' squared distance from the start",
        "de": "diese Ebene enthält {share} der quadrierten Abstände der Pfade vom Start",
        "ja": "この平面に、経路の開始点からの二乗距離の {share} が含まれる",
    },
    "first_direction": {
        "en": "1st principal direction ({share})",
        "de": "1. Hauptrichtung ({share})",
        "ja": "第1主方向（{share}）",
    },
    "second_direction": {
        "en": "2nd principal direction ({share})",
        "de": "2. Hauptrichtung ({share})",
        "ja": "第2主方向（{share}）",
    },
    "training_set_loss": {
        "en": "loss on the training digits",
        "de": "Verlust auf den Trainingsziffern",
        "ja": "訓練データでの損失",
    },
    "shared_start": {
        "en": "shared start",
        "de": "gemeinsamer Start",
        "ja": "共通の開始点",
    },
    "noise_title": {
        "en": "The “S” in SGD: every step on a random minibatch of the bowl's data",
        "de": "Das „S“ in SGD: jeder Schritt auf einem zufälligen Minibatch der Daten der Schale",
        "ja": "SGD の「S」：各ステップはお椀のデータのランダムなミニバッチで",
    },
    "batch_panel": {
        "en": "batch size {batch}",
        "de": "Batchgröße {batch}",
        "ja": "バッチサイズ {batch}",
    },
    "exact_path": {
        "en": "{name}, each step on all {size} examples: the book's path",
        "de": "{name}, jeder Schritt auf allen {size} Beispielen: der Pfad des Buchs",
        "ja": "{name}、各ステップで全 {size} 個：本の経路",
    },
    "noisy_paths": {
        "en": "{name}, {runs} runs on random minibatches",
        "de": "{name}, {runs} Läufe auf zufälligen Minibatches",
        "ja": "{name}、ランダムなミニバッチで {runs} 回",
    },
}
