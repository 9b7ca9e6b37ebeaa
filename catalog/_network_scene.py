"""Narration and on-screen words of the network chapter's lecture scene (scenes/network.py)."""

MESSAGES: dict[str, dict[str, str]] = {}
