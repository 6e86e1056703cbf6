# The two commands that matter: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
export DJANGO_SETTINGS_MODULE ?= lms.settings.dev
# `make demo` serves DEMO_ADDRESS; every absolute URL the site writes (QR codes,
# e-mails, credential and did:web ids) is built from LMS_PUBLIC_URL, which
# defaults to that address (set it to the address people will really use).
DEMO_ADDRESS ?= 127.0.0.1:8000
export LMS_PUBLIC_URL ?= http://$(DEMO_ADDRESS)

.PHONY: install lrs system system-test demo serve test lint worker beat bench messages clean check-upgrades prod prod-prepare

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip setuptools wheel

# Plugin packages installed beside the platform, as an outside plugin would be:
# the suite's test plugin and the interview plugin (plugins/packages/).
PLUGIN_PACKAGES := $(dir $(wildcard tests/testplugin/pyproject.toml plugins/packages/*/pyproject.toml))

$(STAMP): $(PY) pyproject.toml $(wildcard tests/testplugin/pyproject.toml plugins/packages/*/pyproject.toml)
	$(PY) -m pip install --quiet -e '.[dev]'
	@for package in $(PLUGIN_PACKAGES); do $(PY) -m pip install --quiet -e $$package || exit 1; done
	touch $(STAMP)

# Independent implementations (npm) the tests check the platform's output against.
INTEROP := tests/interop/node_modules/.installed
$(INTEROP): tests/interop/package.json tests/interop/package-lock.json
	cd tests/interop && npm ci --no-audit --no-fund --loglevel=error
	touch $(INTEROP)

install: system $(STAMP)

# The independent Learning Record Store (Ralph) the xAPI tests send statements
# to, in a virtualenv of its own: its pins clash with the platform's.
LRS_VENV := var/lrs
LRS := $(LRS_VENV)/.installed
$(LRS): tests/xapi/requirements-lrs.txt
	$(PYTHON) -m venv $(LRS_VENV)
	$(LRS_VENV)/bin/pip install --quiet -r tests/xapi/requirements-lrs.txt
	touch $(LRS)

lrs: $(LRS)

# Debian packages (WeasyPrint's libraries; Chromium and poppler for the tests),
# installed when missing and the user may (see .ci/debian-packages).
system:
	@.ci/debian-packages runtime

system-test:
	@.ci/debian-packages test

messages: install
	$(PY) manage.py compile_translations

demo: install messages
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py runserver $(DEMO_ADDRESS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

test: system-test install $(INTEROP) $(LRS) messages lint
	DJANGO_SETTINGS_MODULE=lms.settings.test $(BIN)/pytest $(PYTEST_ARGS)

worker: install
	$(BIN)/celery -A lms worker --loglevel=info

beat: install
	$(BIN)/celery -A lms beat --loglevel=info

bench: install $(INTEROP) messages
	DJANGO_SETTINGS_MODULE=lms.settings.test $(BIN)/pytest tests/benchmarks -m bench -s -q $(PYTEST_ARGS)

# The certificate fast path uses WeasyPrint's internals (see
# certification/credentials/weasyprint_internals.py) and writes the PAdES
# update pyHanko validates: in a separate environment with the newest
# WeasyPrint and pyHanko from PyPI, run the tests that compare stamped and
# batch-signed certificates with the full render and pyHanko's own signatures.
# Exits non-zero when they differ.
UPGRADE_VENV ?= var/upgrade-check/venv
UPGRADE_TESTS ?= tests/credentials/test_stamping.py tests/credentials/test_pades_batch.py tests/credentials/test_pades_pdf17.py
check-upgrades: system-test messages
	@test -x $(UPGRADE_VENV)/bin/python || $(PYTHON) -m venv $(UPGRADE_VENV)
	$(UPGRADE_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(UPGRADE_VENV)/bin/python -m pip install --quiet -e '.[dev]'
	$(UPGRADE_VENV)/bin/python -m pip install --quiet --upgrade weasyprint pyhanko pyhanko-certvalidator
	@$(UPGRADE_VENV)/bin/python -c 'import importlib.metadata as m; \
	from certification.credentials.weasyprint_internals import WRITTEN_FOR; \
	print("check-upgrades: WeasyPrint", m.version("weasyprint"), \
	"(fast path written for", WRITTEN_FOR + "), pyHanko", m.version("pyhanko"))'
	@if DJANGO_SETTINGS_MODULE=lms.settings.test $(UPGRADE_VENV)/bin/pytest -q $(UPGRADE_TESTS); \
	then echo "check-upgrades: stamping and signatures match with these versions"; \
	else echo "check-upgrades: MISMATCH with these versions (see the failures above)" >&2; exit 1; fi

# The production profile on one machine: gunicorn, Celery worker and beat,
# SeaweedFS (S3) and nginx (TLS, self-signed certificate for localhost) run by
# honcho from the Procfile, with lms.settings.production, against PostgreSQL
# and Redis (DATABASE_URL, CELERY_BROKER_URL, CACHE_URL; see the README).
# Settings live in $(PROD_DIR)/env, written on first use.
PROD_DIR ?= var/prod
HONCHO := $(BIN)/honcho -e $(PROD_DIR)/env
prod-prepare: install messages
	@deploy/make-prod-files $(PROD_DIR) >/dev/null
	PATH="$(CURDIR)/$(BIN):$$PATH" $(HONCHO) run python manage.py migrate --noinput
	PATH="$(CURDIR)/$(BIN):$$PATH" $(HONCHO) run python manage.py collectstatic --noinput -v 0

prod: prod-prepare
	@echo "Serving $$(sed -n 's/^LMS_PUBLIC_URL=//p' $(PROD_DIR)/env)"
	PATH="$(CURDIR)/$(BIN):$$PATH:/usr/sbin" $(HONCHO) -f Procfile start

clean:
	rm -rf $(VENV) var db.sqlite3
