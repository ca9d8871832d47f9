# Gongkai: `make demo` runs the demo site, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.installed-runtime
# `make demo DEMO_ADDR=127.0.0.1:8765` serves elsewhere (CI's demo smoke run does).
DEMO_ADDR ?= 127.0.0.1:8000
DEV := $(VENV)/.installed-dev
# `make test PYTEST_ARGS="-k index"` passes arguments to pytest.
PYTEST_ARGS ?=

.PHONY: install demo test lint bench messages

# Production's packages are all `make demo` needs; tests and tooling come on top.
$(RUNTIME): requirements.txt
	$(PYTHON) -c 'import sys; sys.exit("Gongkai needs Python >= 3.11") if sys.version_info < (3, 11) else None'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(RUNTIME)

# npm brings axe-core, which the browser tests inject into pages to check accessibility.
$(DEV): $(RUNTIME) requirements-dev.txt package-lock.json
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	if command -v npm >/dev/null; then npm ci --no-audit --no-fund --silent; else echo "npm not found: browser tests will skip the accessibility checks"; fi
	touch $(DEV)

install: $(DEV)

demo: $(RUNTIME)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	DEBUG=0 $(BIN)/python manage.py serve_demo $(DEMO_ADDR)

test: $(DEV)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(DEV)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run

bench: $(DEV)
	$(BIN)/python bench/catalogue.py

# Each app carries its own catalogue; templates/ strings live in locale/.
messages: $(RUNTIME)
	for app in disclosure search online_interview cms; do (cd $$app && ../$(BIN)/django-admin makemessages --locale zh_Hans --ignore 'tests/*'); done
	$(BIN)/python manage.py makemessages --locale zh_Hans --ignore '.venv/*' --ignore 'bench/*' --ignore 'tests/*' --ignore 'var/*' --ignore 'disclosure/*' --ignore 'search/*' --ignore 'online_interview/*' --ignore 'cms/*'
	$(BIN)/python manage.py compilemessages --ignore '.venv/*'
