"""Measurements (dev only): throughput, PDF table extraction, accuracy against generated gold."""
