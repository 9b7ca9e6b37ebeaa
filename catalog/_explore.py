"""Words of the explorable page (figures/explore)."""

MESSAGES: dict[str, dict[str, str]] = {}
