"""A change's row, parsed once per ingest.

hq.ledger_index, hq.duplicates and hq.stats_index each look at the rows of the same batch (the
changes' `data`, canonical JSON text). The first that needs a row parses it and keeps it on the
change dict, so a 10,000-row batch is parsed once, not three times (docs/performance.md). The
parsed row is never written anywhere: the change dicts are inserted into hq_change before the
bookkeeping runs.
"""

from __future__ import annotations

import json
from typing import Any

KEY = "_parsed"


def row_of(change: dict[str, Any]) -> Any:
    """The change's row (a dict for every well-formed change); raises ValueError for bad JSON."""
    try:
        return change[KEY]
    except KeyError:
        row = change[KEY] = json.loads(change["data"])
        return row
