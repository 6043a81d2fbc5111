import os
import pathlib
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
# OCR results are cached by page hash (extractors/ocr_cache.py): one fresh cache per test session, so
# each scanned page is read once per session and never from a user's cache.
os.environ["GURUPUKA_OCR_CACHE"] = tempfile.mkdtemp(prefix="gurupuka-ocr-cache-")
