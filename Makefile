# The two commands README promises: `make demo` and `make test`. Both bootstrap first (idempotent).
VENV := .venv/bin

.PHONY: bootstrap demo test bench
bootstrap:
	@scripts/bootstrap.sh

demo: bootstrap
	$(VENV)/python -m optim_core

test: bootstrap
	$(VENV)/ruff check .
	$(VENV)/ruff format --check .
	$(VENV)/python -m pytest

bench: bootstrap
	$(VENV)/python bench/engine.py
