"""Report stage: one writer per format, all from the same TenderReports."""

from __future__ import annotations

from tenderlint.report.json import render_json
from tenderlint.report.text import render_text

WRITERS = {"text": render_text, "json": render_json}
