"""Where the data lives: --data-dir, else $FIELDAPP_DATA_DIR, else the per-user data folder."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

ENV_VAR = "FIELDAPP_DATA_DIR"


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser().resolve()
    return user_data_path("fieldapp", appauthor=False, roaming=False)
