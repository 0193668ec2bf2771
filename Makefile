# Quorate: the two commands a new user needs are `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed
LOCK := requirements.lock
DEBIAN_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 fonts-dejavu-core qpdf
DEBIAN_TEST_PACKAGES := chromium poppler-utils
VENDOR := src/quorate/static/vendor/govuk
# The benchmarks' own virtualenv: the lock plus abspc and its closure (bench/requirements.txt).
BENCH_VENV := .venv-bench
BENCH_BIN := $(BENCH_VENV)/bin
BENCH_STAMP := $(BENCH_VENV)/.installed
BENCH_REQ := bench/requirements.txt

.PHONY: demo test install python-tools node-tools system-deps system-test-deps frontend lint typecheck serve migrate demo-data bench clean

# --- set-up ------------------------------------------------------------------------------
# apt-get install, as root or through sudo, for the Debian packages named after it.
APT_INSTALL = SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq

# Python 3.11 able to make virtualenvs (Debian splits venv/ensurepip into python3.11-venv).
python-tools:
	@if ! $(PYTHON) -c "import ensurepip, venv" >/dev/null 2>&1; then \
	  if [ "$(PYTHON)" != "python3.11" ] || ! command -v apt-get >/dev/null; then \
	    echo "Python 3.11 with venv is required ($(PYTHON) cannot make a virtualenv)"; exit 1; fi; \
	  echo "Installing Debian packages: python3.11 python3.11-venv"; \
	  $(APT_INSTALL) python3.11 python3.11-venv; \
	fi

# Node.js and npm fetch GOV.UK Frontend and axe-core (package-lock.json).
node-tools:
	@if ! command -v npm >/dev/null 2>&1; then \
	  echo "Installing Debian packages: nodejs npm"; \
	  $(APT_INSTALL) nodejs npm; \
	fi

$(BIN)/python: | python-tools
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python $(LOCK) pyproject.toml
	$(BIN)/pip install --quiet -r $(LOCK)
	$(BIN)/pip install --quiet --no-deps -e .
	@touch $(STAMP)

install: system-deps $(STAMP) frontend

# Debian packages the project needs (WeasyPrint's Pango, qpdf); installed only if missing.
system-deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(APT_INSTALL) $$missing; \
	fi

system-test-deps:
	@missing=""; for p in $(DEBIAN_TEST_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages for tests:$$missing"; \
	  $(APT_INSTALL) $$missing; \
	fi

# GOV.UK Frontend (and axe-core for the accessibility tests) from the npm registry, pinned in
# package-lock.json; the stylesheet and its assets are copied into the static files.
node_modules/.package-lock.json: package.json package-lock.json | node-tools
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(VENDOR)/govuk-frontend.min.css: node_modules/.package-lock.json
	mkdir -p $(VENDOR)
	sed 's#url(/assets/#url(/static/vendor/govuk/assets/#g' \
	  node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css > $@
	cp -r node_modules/govuk-frontend/dist/govuk/assets $(VENDOR)/

frontend: $(VENDOR)/govuk-frontend.min.css

# --- the two commands ------------------------------------------------------------------
demo: install
	DEBUG=1 $(BIN)/quorate manage migrate --noinput
	DEBUG=1 $(BIN)/quorate load-demo
	@echo
	@echo "  Quorate is running at http://127.0.0.1:$(PORT)/"
	@echo "  Back office: sign in at http://127.0.0.1:$(PORT)/accounts/login/"
	@echo "  Demo clerk login:  username clerk   password quorate-demo"
	@echo
	DEBUG=1 $(BIN)/quorate manage runserver 127.0.0.1:$(PORT)

test: install system-test-deps
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	QUORATE_VAR_DIR=$(CURDIR)/var/test $(BIN)/pytest -q -p no:cacheprovider

# Benchmarks print ratios against baselines measured in the same run and fail on a missed
# goal. abspc (the peer SPC implementation) and pandas are installed only in $(BENCH_VENV),
# never in $(VENV), the product or its tests.
$(BENCH_BIN)/python: | python-tools
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_BIN)/pip install --quiet --upgrade pip

$(BENCH_STAMP): $(BENCH_BIN)/python $(LOCK) $(BENCH_REQ) pyproject.toml
	$(BENCH_BIN)/pip install --quiet -r $(LOCK) -r $(BENCH_REQ)
	$(BENCH_BIN)/pip install --quiet --no-deps -e .
	@touch $(BENCH_STAMP)

bench: system-deps $(BENCH_STAMP)
	$(BENCH_BIN)/python bench/run_all.py

lint:
	$(BIN)/ruff check --fix src tests bench
	$(BIN)/ruff format src tests bench

clean:
	rm -rf $(VENV) $(BENCH_VENV) node_modules $(VENDOR) var build
