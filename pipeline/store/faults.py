"""Named pause points for the interruption tests (kill -9 at a known moment of a run).

`PIPELINE_PAUSE_AT=<point>` makes the run write `<output>/.paused-<point>` and sleep there for
`PIPELINE_PAUSE_S` seconds (default 30), so a test can kill it exactly at that point. Unset, this
does nothing.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

PAUSE_ENV = "PIPELINE_PAUSE_AT"
PAUSE_SECONDS_ENV = "PIPELINE_PAUSE_S"
DEFAULT_PAUSE_S = 30.0


def pause_point(name: str, output: Path) -> None:
    if os.environ.get(PAUSE_ENV) != name:
        return
    (output / f".paused-{name}").write_text(str(os.getpid()))
    time.sleep(float(os.environ.get(PAUSE_SECONDS_ENV, DEFAULT_PAUSE_S)))
