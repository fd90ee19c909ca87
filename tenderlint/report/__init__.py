"""Report stage: one writer per format, all from the same TenderReports and ReportContext."""

from __future__ import annotations

from tenderlint.report.csv import render_csv
from tenderlint.report.html import render_html
from tenderlint.report.json import render_json
from tenderlint.report.letter import render_letter
from tenderlint.report.sarif import render_sarif
from tenderlint.report.text import render_text

WRITERS = {"text": render_text, "json": render_json, "sarif": render_sarif, "csv": render_csv,
           "html": render_html, "letter": render_letter}
