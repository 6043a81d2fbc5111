"""Where the dataset lives: an explicit path, else $GURUPUKA_DATASET, else the repository's data/parquet.

The default is absolute (next to this package), so loading works from any working directory.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "GURUPUKA_DATASET"
REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATASET = REPO_ROOT / "data" / "parquet"


def dataset_path(path: str | Path | None = None) -> Path:
    """The dataset folder: `path` if given, else $GURUPUKA_DATASET, else `<repo>/data/parquet`."""
    if path is not None:
        return Path(path).expanduser()
    configured = os.environ.get(ENV_VAR)
    return Path(configured).expanduser() if configured else DEFAULT_DATASET
