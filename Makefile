# The product's front door: `make run` serves the app with the demo loaded; `make test` runs every test.
# Both bootstrap their own virtual environment from the pinned requirements.lock; only python3 is needed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO   := data/demo
PORT   ?= 8501

.PHONY: run test demo bench static-gz clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

run: $(STAMP)
	@$(BIN)/python -m data_pipeline.cli has-data || $(BIN)/hyte demo --out $(DEMO)
	$(BIN)/streamlit run dashboard/app.py --server.port $(PORT)

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

demo: $(STAMP)
	$(BIN)/hyte demo --out $(DEMO)

bench: $(STAMP)
	$(BIN)/python benchmarks/load.py

# nginx serves Streamlit's static files precompressed (deploy/nginx-hyte.conf); redo after upgrading streamlit.
static-gz: $(STAMP)
	deploy/static-gz.sh $(BIN)/python

clean:
	rm -rf $(VENV) data *.egg-info
