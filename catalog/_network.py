"""Words of the network chapter's figures: the digits, Figure 6-9, the loss landscape and the noisy bowl (the scene's
narration is in _network_scene.py and may use these keys too)."""

MESSAGES: dict[str, dict[str, str]] = {}
