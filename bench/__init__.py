"""Measuring the pipeline against known truth (dev only, not shipped): `score.py` holds SCHEMA.md's
scoring rules, `accuracy.py` runs the pipeline over a generated corpus (`make accuracy`)."""
