# The two commands a new user needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export FLASK_APP := wsgi
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run test install install-dev migrate seed lint bench serve clean train eval

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

migrate: install
	$(BIN)/flask db upgrade

seed: migrate
	$(BIN)/flask seed --if-empty

## run: set up everything, then serve http://127.0.0.1:5000 with the demo population
run: seed
	@echo "Serving http://$(HOST):$(PORT)  (Ctrl-C to stop)"
	$(BIN)/flask run --host $(HOST) --port $(PORT)

## serve: production-style server (gunicorn); set SANDBOX_* variables first
serve: migrate
	$(BIN)/gunicorn --workers $${WORKERS:-2} --threads $${THREADS:-128} --bind $(HOST):$(PORT) wsgi:app

## test: install dev requirements and run the whole suite
test: install-dev
	$(BIN)/python -m pytest

lint: install-dev
	$(BIN)/ruff check .

## train: rebuild the feedback engine's models in sandbox/feedback/models/ from the labelled data
train: install-dev
	$(BIN)/python -m sandbox.feedback.training.train

## eval: leave one author out (train without each corpus author, score them; mean and worst), then the
## shipped models on the sets nobody trains on (generic-PII check, held-out in aggregate) and the dev set
eval: install-dev
	$(BIN)/python -m sandbox.feedback.training.evaluate
	$(BIN)/python -m sandbox.feedback.training.report

bench: install-dev
	$(BIN)/python bench/feedback_bench.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache test-artifacts
