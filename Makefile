# Two commands, on a fresh Debian machine with Python 3.11:
#   make serve   set everything up and serve the site at http://127.0.0.1:8000/
#   make test    set everything up and run every test
# Other targets: make build, make preview LANG=zh-Hant, make bench, make status.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Debian packages the tests need: a browser and the fonts a visitor's page uses.
DEBIAN_PACKAGES := chromium fonts-noto-core fonts-noto-cjk
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test preview bench system-deps clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV) || { $(SUDO) apt-get update && $(SUDO) apt-get install -y python3-venv && $(PYTHON) -m venv $(VENV); }

$(VENV)/.site-deps: requirements.txt | $(BIN)/activate
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test-deps: tests/requirements.txt requirements.txt | $(BIN)/activate
	$(BIN)/pip install --quiet --disable-pip-version-check -r tests/requirements.txt
	touch $@

system-deps:
	@command -v chromium >/dev/null && fc-list | grep -q "Noto Sans CJK" || { \
	  $(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends $(DEBIAN_PACKAGES); }

serve: $(VENV)/.site-deps
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(VENV)/.site-deps
	$(BIN)/mkdocs build --strict

# One language only, for translators: make preview LANG=zh-Hant
preview: $(VENV)/.site-deps
	$(BIN)/python -m hooks.tools.preview $(LANG)

test: system-deps $(VENV)/.test-deps
	$(BIN)/python -m pytest tests

bench: system-deps $(VENV)/.test-deps
	$(BIN)/python bench/run.py

clean:
	rm -rf site $(VENV)
