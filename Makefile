PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: venv extract test bench accuracy lint format clean system-deps

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

# OCR for scanned PDFs (issue 3): Debian's Tesseract with Japanese. Best effort:
# without it, scanned pages are reported as `partial` with a message.
system-deps:
	@command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -q jpn || \
	  { command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ] && \
	    (apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends tesseract-ocr tesseract-ocr-jpn >/dev/null) || \
	    echo "warning: tesseract-ocr-jpn not installed; scanned PDFs will be marked partial"; }

extract: venv
	$(PY) -m pipeline extract --input data/raw --output data/parquet

test: venv system-deps
	$(PY) -m pytest

bench: venv
	$(PY) -m bench.throughput

# Scores of the pipeline on a generated corpus whose truth is known (bench/accuracy.py): per
# rendition x form version x table. N= reports (default 300), RENDITIONS= tsv_html,markdown,...
accuracy: venv
	$(PY) -m bench.accuracy $(if $(N),--count $(N)) $(if $(RENDITIONS),--renditions $(RENDITIONS))

lint: venv
	$(PY) -m ruff check pipeline extractors normalizers generator bench tests
	$(PY) -m ruff format --check pipeline extractors normalizers generator bench tests
	$(PY) -m mypy pipeline extractors normalizers generator bench

format: venv
	$(PY) -m ruff format pipeline extractors normalizers generator bench tests

clean:
	rm -rf data/parquet .pytest_cache
