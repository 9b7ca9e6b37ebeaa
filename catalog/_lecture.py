"""Words of the lecture build: chapter titles and the slide deck."""

MESSAGES: dict[str, dict[str, str]] = {}
