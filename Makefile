PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
TOOLS := .tools
UV_VERSION := 0.13.8
RUNTIME := $(VENV)/.installed-runtime
DEV := $(VENV)/.installed-dev
DEV_EXTRAS := dev,dask

.PHONY: venv venv-runtime extract test bench accuracy accuracy-ocr lint format clean system-deps

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

# Debian packages the tests use, installed with apt-get when missing (as root; elsewhere a warning
# names them, and the tests that need them fail in CI and are skipped on a workstation):
# - tesseract-ocr, -jpn, -osd: OCR of scanned PDFs — the second reader of every figure (issue 12; the
#   first, rapidocr with its models, comes from PyPI) — and the orientation of turned scans (issue 9);
# - poppler-utils, libreoffice writer/calc, IPA fonts: the generator prints its reports as PDFs and
#   pdftotext renditions (issue 7);
# - fonts-noto-cjk, chromium: the notebook's Japanese labels and the review report's browser test (issue 11).
SYSTEM_PACKAGES := tesseract-ocr tesseract-ocr-jpn tesseract-ocr-osd poppler-utils \
	libreoffice-writer-nogui libreoffice-calc-nogui fonts-ipafont-gothic fonts-ipafont-mincho \
	fonts-noto-cjk chromium
system-deps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  { command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ] && apt-get update -q >/dev/null && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing >/dev/null; } || \
	  echo "warning:$$missing not installed (apt-get install$$missing as root); the tests that need them will fail in CI"; \
	fi

extract: $(RUNTIME)
	$(PY) -m pipeline extract --input data/raw --output data/parquet

test: $(DEV) system-deps
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

# Strict lint, as CI runs it (.ci/run): ruff's rules, ruff's formatting and mypy, all configured in
# pyproject.toml (mypy --strict for the code; tests checked with strict's annotation rules off).
# The same commands run as local pre-commit hooks (.pre-commit-config.yaml).
LINT_PATHS := pipeline extractors normalizers generator bench tests
lint: venv
	$(PY) -m ruff check $(LINT_PATHS)
	$(PY) -m ruff format --check $(LINT_PATHS)
	$(PY) -m mypy $(LINT_PATHS)

format: venv
	$(PY) -m ruff format $(LINT_PATHS)

clean:
	rm -rf data/parquet .pytest_cache
