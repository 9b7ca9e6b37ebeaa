# The two commands README promises: `make demo` and `make test`. Both bootstrap first (idempotent).
VENV := .venv/bin

.PHONY: bootstrap demo test bench
bootstrap:
	@scripts/bootstrap.sh

demo: bootstrap
	$(VENV)/python -m optim_core
	$(VENV)/optviz article -o out
	$(VENV)/optviz lecture -o out --lang en --quality medium --jobs 2
	@echo "Done in out/: the figures, index.html, article.md, explore.html and the lecture lecture-en-medium.mp4 (.srt, .vtt, .png)"

test: bootstrap
	$(VENV)/ruff check .
	$(VENV)/ruff format --check .
	$(VENV)/python -m pytest

bench: bootstrap
	$(VENV)/python -c "import torch" 2>/dev/null || $(VENV)/pip install --quiet torch==2.13.0
	$(VENV)/python bench/engine.py
	$(VENV)/python bench/network.py
	$(VENV)/python bench/figures.py
	$(VENV)/python bench/scenes.py
	$(VENV)/python bench/lecture.py
	$(VENV)/python bench/explore.py
