"""Measurements (dev only): throughput, PDF table extraction, accuracy against generated gold
(`bench.score` is the one implementation of SCHEMA.md's scoring rules)."""
