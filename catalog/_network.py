"""Words of the network chapter: the digits, Figure 6-9, the loss landscape and the noisy bowl, in figures and
the scene alike."""

MESSAGES: dict[str, dict[str, str]] = {}
