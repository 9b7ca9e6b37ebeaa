# The two commands README promises: `make demo` and `make test`. Both bootstrap first (idempotent).
VENV := .venv/bin

.PHONY: bootstrap demo test bench
bootstrap:
	@scripts/bootstrap.sh

demo: bootstrap
	mkdir -p out
	$(VENV)/python -m optim_core
	$(VENV)/optviz article -o out
	$(VENV)/optviz render momentum --quality medium -o out
	@echo "Done: the figures, out/index.html and out/MomentumBall.mp4 are in out/"

test: bootstrap
	$(VENV)/ruff check .
	$(VENV)/ruff format --check .
	$(VENV)/python -m pytest

bench: bootstrap
	$(VENV)/python -c "import torch" 2>/dev/null || $(VENV)/pip install --quiet torch==2.13.0
	$(VENV)/python bench/engine.py
	$(VENV)/python bench/figures.py
	$(VENV)/python bench/scenes.py
