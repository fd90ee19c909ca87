"""The JSON output contract (`tenderlint check --format json`), shipped with the package.

``schema()`` is the JSON Schema every report validates against; docs/contract.md explains it for
people. Keys may be added in a release, never renamed or removed.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

SCHEMA_PATH = Path(__file__).resolve().parent / "report.schema.json"


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
