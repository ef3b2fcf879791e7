# The two commands a newcomer needs: `make demo` and `make test`.
# Each installs what it needs (uv via pip when it is missing) from this repository's files.

PYTHON ?= python3
UV := $(shell command -v uv 2>/dev/null || echo "$(PYTHON) -m uv")
RUN := $(UV) run --frozen

.PHONY: demo test test-browser test-postgres lint format install uv serve

uv:
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet uv \
		|| $(PYTHON) -m pip install --quiet --user --break-system-packages uv

install: uv
	@$(UV) sync --frozen --quiet

demo: install
	$(RUN) oversight demo

serve: install
	$(RUN) oversight serve

# The browser journeys need Chromium, so `make test` leaves them to `make test-browser`.
test: install
	$(RUN) pytest -m "not browser"

# Real-browser journeys with axe accessibility checks, in Debian's Chromium (installed with
# apt-get, as root, when missing). Screenshots go to test-artifacts/browser/. pytest exits
# non-zero (5) if no browser test is selected.
test-browser: install
	@test -x /usr/bin/chromium || (apt-get update && apt-get install -y chromium)
	$(RUN) pytest -m browser

test-postgres: install
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test} $(RUN) pytest -m "not browser"

lint: install
	$(RUN) ruff check oversight benchmarks scripts
	$(RUN) ruff format --check oversight benchmarks scripts
	$(RUN) mypy

format: install
	$(RUN) ruff format oversight benchmarks scripts
	$(RUN) ruff check --fix oversight benchmarks scripts
