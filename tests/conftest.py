from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
DATA = Path(__file__).resolve().parent / "data"


def corpus_labels() -> list[dict]:
    return yaml.safe_load((CORPUS / "labels.yaml").read_text(encoding="utf-8"))["tenders"]


def real_clauses() -> list[dict]:
    return [json.loads(line) for line in (DATA / "real_clauses.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]


@pytest.fixture(scope="session")
def report_schema() -> dict:
    from tenderlint.contract import schema

    return schema()
