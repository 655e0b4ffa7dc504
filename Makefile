# Two commands for a new user: `make demo` and `make test` (see README).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python

.PHONY: demo test bench install install-dev messages lint serve worker beat clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

install: $(PY)
	$(PY) -m pip install --quiet -r requirements.txt

install-dev: $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt

messages: $(PY)
	@if command -v msgfmt >/dev/null 2>&1; then \
		DEBUG=1 $(PY) manage.py compilemessages --ignore='.venv/*' -v 0; \
	else echo "msgfmt (gettext) not found: the interface stays in Vietnamese, English is not compiled"; fi

demo: install messages
	DEBUG=1 $(PY) manage.py migrate --noinput -v 0
	DEBUG=1 $(PY) manage.py seed_demo
	@echo ""
	@echo "Cổng Dân vận khéo: http://127.0.0.1:8000/accounts/login/"
	@echo "Tài khoản demo (mật khẩu danvankheo2020): tinh, tinhtruongban, xakado, dangkado, kadomoi, hdtinh1; năm 2020: bdv, truongban, kado, chutich, thamdinh1..thamdinh4, admin"
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:8000

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache pyproject.toml

# The suite runs on every core (pytest-xdist): one test database per worker, each test file
# on one worker (a module that seeds the demo once keeps it for all its tests), the longest
# files first (tests/conftest.py: LONGEST_FIRST).
test: install-dev messages lint
	DVK_TESTING=1 $(BIN)/pytest -n auto --dist loadfile --no-loadscope-reorder

# A measurement, not a test: figures in var/bench/latest.json (see benchmarks/bench.py).
bench: install-dev
	$(PY) benchmarks/bench.py

worker:
	$(BIN)/celery -A config worker --loglevel=INFO

beat:
	$(BIN)/celery -A config beat --loglevel=INFO

clean:
	rm -rf $(VENV) var test-artifacts .pytest_cache .ruff_cache
