# The product's front door: `make run` serves the app with the demo loaded; `make test` runs every test.
# Both bootstrap their own virtual environment from the pinned requirements.lock; only python3 is needed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO   := data/demo
PORT   ?= 8501
# Test processes (pytest-xdist): the machines have 2 cores. `make test TEST_WORKERS=0` runs in one process.
TEST_WORKERS ?= 2
# The compiled catalogues (git-ignored): read at every start, much faster than the .po files.
MO     := $(foreach lang,fi sv en,locales/$(lang)/LC_MESSAGES/hyte.mo)

.PHONY: run test demo bench static-gz clean translations

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/python -m data_pipeline.translations compile
	touch $(STAMP)

$(MO): locales/%/LC_MESSAGES/hyte.mo: locales/%/LC_MESSAGES/hyte.po | $(STAMP)
	$(BIN)/python -m data_pipeline.translations compile

# After editing texts: `#:` references, Swedish and English checked against the Finnish (a changed
# Finnish text marks its translations fuzzy), then compiled. README "Texts and translations".
translations: $(STAMP)
	$(BIN)/python -m data_pipeline.translations

run: $(STAMP) $(MO)
	@$(BIN)/python -m data_pipeline.cli has-data || $(BIN)/hyte demo --out $(DEMO)
	$(BIN)/streamlit run dashboard/app.py --server.port $(PORT)

test: $(STAMP) $(MO)
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadscope $(PYTEST_ARGS)

demo: $(STAMP)
	$(BIN)/hyte demo --out $(DEMO)

bench: $(STAMP)
	$(BIN)/python benchmarks/load.py

# nginx serves Streamlit's static files precompressed (deploy/nginx-hyte.conf); redo after upgrading streamlit.
static-gz: $(STAMP)
	deploy/static-gz.sh $(BIN)/python

clean:
	rm -rf $(VENV) data *.egg-info $(MO)
