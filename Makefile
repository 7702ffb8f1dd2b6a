# Veiviser. `make help` lists the targets.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

.DEFAULT_GOAL := help
.PHONY: help demo serve production test lint check check-messages messages benchmark clean

help: ## Show this help
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-14s %s\n", $$1, $$2}'

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Veiviser needs Python 3.11 or newer (PYTHON=python3.11 make …)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $@

demo: $(VENV)/.installed ## Set up everything (SQLite unless DATABASE_URL is set), load demo content, serve on PORT (8000)
	$(MANAGE) compile_translations
	$(MANAGE) migrate --noinput
	$(MANAGE) load_initial_data
	$(MANAGE) ensure_admin
	$(MANAGE) ensure_demo_users
	$(MANAGE) set_site_address http://127.0.0.1:$(PORT)
	DJANGO_SETTINGS_MODULE=website.settings.demo $(MANAGE) collectstatic --noinput --verbosity 0
	@echo "Serving Veiviser on http://127.0.0.1:$(PORT)/ (nynorsk: /nn/, admin: /admin/). Stop with Ctrl+C."
	@echo "As in production: DEBUG off, compressed static files (website/settings/demo.py)."
	DJANGO_SETTINGS_MODULE=website.settings.demo VEIVISER_BASE_URL=http://127.0.0.1:$(PORT) \
	  $(MANAGE) runserver --noreload 127.0.0.1:$(PORT)

production: $(VENV)/.installed ## Translations, migrate, collectstatic, then the job worker and gunicorn (WEB_CONCURRENCY workers on PORT); see docs/scaling.md
	$(MANAGE) compile_translations
	DJANGO_SETTINGS_MODULE=website.settings.production $(MANAGE) migrate --noinput
	DJANGO_SETTINGS_MODULE=website.settings.production $(MANAGE) collectstatic --noinput --verbosity 0
	@# The worker runs the search's jobs after a publish (docs/search.md); it stops with gunicorn.
	export DJANGO_SETTINGS_MODULE=website.settings.production; \
	if [ "$${VEIVISER_BACKGROUND_JOBS:-database}" = database ]; then \
	  $(MANAGE) db_worker --backend background --no-reload & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	fi; \
	$(BIN)/gunicorn website.wsgi \
	  --workers $${WEB_CONCURRENCY:-2} --bind $${BIND_ADDRESS:-0.0.0.0}:$(PORT) \
	  --access-logfile - --forwarded-allow-ips "$${FORWARDED_ALLOW_IPS:-127.0.0.1}"

serve: $(VENV)/.installed ## Serve the site without loading anything
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: $(VENV)/.installed-test ## Install what the tests need and run the whole suite
	$(MANAGE) compile_translations
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-test ## ruff, djhtml, the layers contract (import-linter), module size, template width
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates
	$(BIN)/lint-imports
	$(BIN)/python scripts/check_sizes.py

check: $(VENV)/.installed ## Django system checks, production deploy checks, missing migrations
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=website.settings.production \
	  SECRET_KEY=$${SECRET_KEY:-ci-only-$$(printf '%0.sx' $$(seq 60))} ALLOWED_HOSTS=veiviser.example.no \
	  $(MANAGE) check --deploy --fail-level WARNING

messages: $(VENV)/.installed ## Extract interface strings into locale/nb and locale/nn (needs gettext)
	$(MANAGE) makemessages -l nb -l nn --no-location --ignore '$(VENV)/*' --ignore 'node_modules/*'

check-messages: messages ## Fail if a string of the source code lacks a nb or nn translation
	$(BIN)/python scripts/check_catalogues.py

# The benchmarks that need only the database; the HTTP, Varnish, scale, peer and probe scripts
# start servers or take long, and run on their own (README, «Benchmarks»).
BENCHMARKS ?= apertium_translate search_bench relevance_bench reuse_bench toolkit_bench

benchmark: $(VENV)/.installed-test ## Run the database benchmarks (prints figures; see README)
	@for script in $(BENCHMARKS); do echo "== benchmarks/$$script.py"; $(BIN)/python benchmarks/$$script.py || exit 1; done

screenshots: $(VENV)/.installed-test ## PNGs of the public pages at phone and desktop width into screenshots/ (run `make demo` first)
	$(BIN)/python scripts/screenshots.py --base-url http://127.0.0.1:$(PORT) --out screenshots

clean: ## Remove the virtual environment and the SQLite database
	rm -rf $(VENV) db.sqlite3
