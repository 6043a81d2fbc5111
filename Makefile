PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
TOOLS := .tools
UV_VERSION := 0.13.8
RUNTIME := $(VENV)/.installed-runtime
DEV := $(VENV)/.installed-dev
DEV_EXTRAS := dev,dask

.PHONY: venv venv-runtime extract test bench accuracy accuracy-ocr lint format clean system-deps analyst-deps

# Installs with uv where it can be had (on PATH, or bootstrapped once into .tools/ with pip), with
# parallel downloads and no bytecode compilation, so the first `make extract` on a fresh clone takes
# well under a minute; with pip otherwise. $(1): the extras to install.
define install
@set -e; uv=$$(command -v uv || true); \
	if [ -z "$$uv" ] && [ ! -x $(TOOLS)/bin/uv ]; then \
	  $(PYTHON) -m pip install -q --disable-pip-version-check --no-deps --only-binary=:all: --no-compile \
	    --target $(TOOLS) uv==$(UV_VERSION) >/dev/null 2>&1 \
	    || echo "uv could not be installed; installing with pip (slower)"; \
	fi; \
	if [ -z "$$uv" ] && [ -x $(TOOLS)/bin/uv ]; then uv=$(TOOLS)/bin/uv; fi; \
	if [ -n "$$uv" ]; then \
	  [ -x $(PY) ] || "$$uv" venv -q --seed --python $(PYTHON) $(VENV); \
	  echo "installing $(if $(1),.[$(1)],the runtime dependencies) with $$uv"; \
	  "$$uv" pip install -q --python $(PY) -e '.$(if $(1),[$(1)])'; \
	else \
	  [ -x $(PY) ] || $(PYTHON) -m venv $(VENV); \
	  $(PY) -m pip install -q --upgrade pip; \
	  $(PY) -m pip install -q -e '.$(if $(1),[$(1)])'; \
	fi
endef

# `make extract` needs the runtime dependencies only; tests, linters and Dask come with `make test`.
venv-runtime: $(RUNTIME)
venv: $(DEV)

$(RUNTIME): pyproject.toml
	$(call install,)
	touch $(RUNTIME)

$(DEV): $(RUNTIME) pyproject.toml
	$(call install,$(DEV_EXTRAS))
	touch $(DEV)

# OCR for scanned PDFs (issue 3): Debian's Tesseract with Japanese, and its orientation detection
# (osd) to read turned scans upright (issue 9); it is the second reader of every figure (issue 12;
# the first, rapidocr with its models, comes from PyPI with the runtime dependencies). Best effort:
# without it, scanned pages are reported as `partial` with a message.
system-deps:
	@command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -q jpn && \
	  tesseract --list-langs 2>/dev/null | grep -q osd || \
	  { command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ] && \
	    (apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends tesseract-ocr tesseract-ocr-jpn tesseract-ocr-osd >/dev/null) || \
	    echo "warning: tesseract-ocr-jpn not installed; scanned PDFs will be marked partial"; }

# The analyst tests (issue 11): Japanese labels in the notebook's plots need Debian's Noto CJK font,
# the review report is opened in Debian's Chromium. Installed as root with apt-get when missing;
# elsewhere the tests that need them fail, naming the package.
ANALYST_PACKAGES := fonts-noto-cjk chromium
analyst-deps:
	@missing=""; for p in $(ANALYST_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  { command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ] && \
	    apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing >/dev/null; } || \
	  echo "warning:$$missing not installed (apt-get install$$missing as root); the notebook and report tests will fail"; \
	fi

extract: $(RUNTIME)
	$(PY) -m pipeline extract --input data/raw --output data/parquet

test: $(DEV) system-deps analyst-deps
	$(PY) -m pytest

# Throughput on a synthetic archive of N files (N=4000 for the large run): cold, unchanged, 5% changed;
# then the cost of facility linking.
bench: $(DEV)
	$(PY) -m bench.throughput --count $(or $(N),400)
	$(PY) -m bench.facilities

# Scores of the pipeline on a generated corpus whose truth is known (bench/accuracy.py): per
# rendition x form version x table. N= reports (default 300), RENDITIONS= tsv_html,markdown,...
accuracy: venv
	$(PY) -m bench.accuracy $(if $(N),--count $(N)) $(if $(RENDITIONS),--renditions $(RENDITIONS))

# The OCR path (issue 12) on scans of N generated reports (default 4) in every variant of
# generator/scan.py (120-300 dpi, grey and binarized, skewed, turned): scores and CPU s/page per
# variant, and the fixture scan against its gold. VARIANTS= grey200,bin150,...
accuracy-ocr: venv system-deps
	$(PY) -m bench.ocr_engines $(if $(N),--count $(N)) $(if $(VARIANTS),--variants $(VARIANTS))

lint: venv
	$(PY) -m ruff check pipeline extractors normalizers generator bench tests
	$(PY) -m ruff format --check pipeline extractors normalizers generator bench tests
	$(PY) -m mypy pipeline extractors normalizers generator bench

format: venv
	$(PY) -m ruff format pipeline extractors normalizers generator bench tests

clean:
	rm -rf data/parquet .pytest_cache
