"""Imported by the workers' fork server (`pipeline.executors.workers`) when it starts, and by
nothing else: everything a document needs is imported and built there once (`initialize`), so
each worker forked from the server, a replacement included, starts with it in milliseconds and
with nothing of the run's process (its last run's state, its records) in its memory."""

from __future__ import annotations

from pipeline.executors.workers import initialize

initialize()
