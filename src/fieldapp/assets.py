"""One way to find shipped data files (divisions, fonts, catalogue, form templates).

The top-level `resources/` and `forms/` folders of the repository are packaged into the
wheel as `fieldapp/resources` and `fieldapp/forms`; an editable install or a plain checkout
reads them from the repository; a PyInstaller bundle from its data folder. Callers never
care which.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def _root(kind: str) -> Path:
    candidates = [_PACKAGE_DIR / kind]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "fieldapp" / kind)
    candidates.append(_PACKAGE_DIR.parent.parent / kind)  # src/fieldapp -> repository root
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"fieldapp data folder '{kind}' not found in {candidates}")


def resource_path(*parts: str) -> Path:
    """Path of a file under resources/, e.g. resource_path('fonts', 'wqy-microhei.ttc')."""
    return _root("resources").joinpath(*parts)


def forms_path(*parts: str) -> Path:
    return _root("forms").joinpath(*parts)
