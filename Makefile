# trustlist: `make site` builds the public site, `make test` runs the whole suite.
# Both create .venv and install the exact versions in requirements.lock first.

PYTHON ?= python3
# The engine: mkdocs, or properdocs (the maintained drop-in; the same site, byte for byte).
ENGINE ?= mkdocs
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: site test test-fast validate lint serve pdfs lock clean help bench

help:
	@echo "make site      build the public site into site/ (validates the registry first)"
	@echo "make test      lint and run the whole test suite"
	@echo "make test-fast the tests that build no site (seconds)"
	@echo "make validate  check the registry only"
	@echo "make serve     preview the site at http://127.0.0.1:8000, rebuilding on change"
	@echo "make pdfs      regenerate the sample registry's PDFs and their hashes"
	@echo "make bench     the benchmark (SIZE=1000 systems; SIZE=10000 for the full one)"
	@echo "make screenshots  PNGs of the main pages at 1280 and 375 px in kk, ru, en (screenshots/)"

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip==25.3
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

validate: $(STAMP)
	$(BIN)/trustlist validate registry

site: validate
	$(BIN)/$(ENGINE) build --strict --clean

serve: $(STAMP)
	$(BIN)/$(ENGINE) serve --dirty --watch plugins

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check plugins tests tools benchmarks

test: $(STAMP) lint
	$(BIN)/python -m pytest -n 2 -q

test-fast: $(STAMP)
	$(BIN)/python -m pytest -n 2 -q -m "not slow"

SIZE ?= 1000
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py --systems $(SIZE) --sectors 10 --commits $$(( $(SIZE) / 10 < 300 ? $(SIZE) / 10 : 300 ))

# A fresh `make site`, served on 127.0.0.1 and photographed in Debian's Chromium (Playwright).
.PHONY: screenshots
screenshots: site
	$(BIN)/python tools/screenshots.py --site site --out screenshots

pdfs: $(STAMP)
	$(BIN)/python tools/make_sample_pdfs.py

lock:
	rm -rf /tmp/trustlist-lock && $(PYTHON) -m venv /tmp/trustlist-lock
	/tmp/trustlist-lock/bin/pip install --quiet --upgrade pip==25.3
	/tmp/trustlist-lock/bin/pip install --quiet setuptools==80.9.0 wheel==0.48.0 -e '.[dev]'
	{ sed -n '1,2p' requirements.lock; /tmp/trustlist-lock/bin/pip freeze --exclude-editable; echo setuptools==80.9.0; echo wheel==0.48.0; } > requirements.lock.new
	mv requirements.lock.new requirements.lock

clean:
	rm -rf site .pytest_cache
