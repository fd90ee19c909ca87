"""Configuration through the real CLI: tenderlint.toml and [tool.tenderlint], flags on top, clear errors."""

from __future__ import annotations

import json

from click.testing import CliRunner

from tenderlint.cli import main

from .conftest import CORPUS

T = CORPUS / "tenders"
WESTSHIRE = str(T / "westshire-homecare-itt.pdf")  # term 36 months, turnover 5x, SV 5%, 2 years' trading


def run(*args):
    return CliRunner().invoke(main, list(args))


def findings(res) -> dict[str, dict]:
    assert res.exit_code in (0, 1), res.output
    return {f["rule"]: f for f in json.loads(res.stdout)["tenders"][0]["findings"]}


def test_tenderlint_toml_is_found_from_a_subfolder(tmp_path, monkeypatch):
    (tmp_path / "tenderlint.toml").write_text('ignore = ["TL104"]\n[severity]\nTL102 = "info"\n', encoding="utf-8")
    sub = tmp_path / "drafts" / "2026"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)
    got = findings(run("check", WESTSHIRE, "--format", "json"))
    assert "TL104" not in got
    assert got["TL102"]["severity"] == "info"
    got = findings(run("check", WESTSHIRE, "--format", "json", "--isolated"))
    assert "TL104" in got and got["TL102"]["severity"] == "warning"


def test_pyproject_section_and_threshold_override(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.tenderlint.thresholds]\nTL104 = { min_months = 36 }\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert "TL104" not in findings(run("check", WESTSHIRE, "--format", "json"))  # 36 months is no longer short
    got = findings(run("check", WESTSHIRE, "--format", "json", "--threshold", "TL104.min_months=48"))
    assert "48" in got["TL104"]["message"]


def test_a_pyproject_without_the_section_is_passed_over(tmp_path, monkeypatch):
    (tmp_path / "tenderlint.toml").write_text('select = ["R9"]\n', encoding="utf-8")
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    monkeypatch.chdir(inner)
    assert set(findings(run("check", WESTSHIRE, "--format", "json"))) == {"TL104"}


def test_fail_on_from_the_file_and_the_flag_wins(tmp_path, monkeypatch):
    (tmp_path / "tenderlint.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run("check", WESTSHIRE).exit_code == 0
    assert run("check", WESTSHIRE, "--fail-on", "warning").exit_code == 1


def test_unknown_keys_and_bad_values_name_the_key(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    cases = {
        'selct = ["TL101"]\n': "unknown key 'selct'",
        'fail-on = "sometimes"\n': "fail-on must be one of",
        '[severity]\nTL102 = "fatal"\n': "severity.TL102",
        '[severity]\nTL999 = "error"\n': "unknown rule 'TL999'",
        '[thresholds]\nTL104 = { min_moths = 48 }\n': "unknown threshold 'min_moths'",
        '[thresholds]\nTL104 = { min_months = "long" }\n': "TL104.min_months must be a number",
        '[limits]\nmax-pages = -1\n': "limits.max-pages",
        'select = [\n': "cannot read the configuration",
    }
    for text, expected in cases.items():
        (tmp_path / "tenderlint.toml").write_text(text, encoding="utf-8")
        res = run("check", WESTSHIRE)
        assert res.exit_code == 2, text
        assert expected in res.output and "tenderlint.toml" in res.output, (text, res.output)
        assert "Traceback" not in res.output


def test_bad_command_line_overrides(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for args, expected in [
        (["--severity", "TL102"], "RULE=VALUE"),
        (["--severity", "TL102=loud"], "must be one of"),
        (["--threshold", "TL104=48"], "RULE.NAME=VALUE"),
        (["--threshold", "TL104.max_months=48"], "unknown threshold 'max_months'"),
        (["--config", str(tmp_path / "missing.toml")], "not found"),
    ]:
        res = run("check", WESTSHIRE, *args)
        assert res.exit_code == 2 and expected in res.output, (args, res.output)


def test_regime_thresholds_take_one_number_or_a_table(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    framework = str(T / "cabinet-office-learning-framework.docx")  # PA 2023; three years' audited accounts
    got = findings(run("check", framework, "--format", "json"))
    assert "more than the 2" in got["TL103"]["message"] and got["TL103"]["severity"] == "error"
    got = findings(run("check", framework, "--format", "json", "--threshold", "TL103.max_accounts_years=3"))
    assert got["TL103"]["severity"] == "warning"  # within the cap now; still no alternative route
    (tmp_path / "tenderlint.toml").write_text("[thresholds.TL103.max_accounts_years]\nPA2023 = 4\nPCR2015 = 3\n"
                                              "PSR = 3\nunknown = 3\n", encoding="utf-8")
    got = findings(run("check", framework, "--format", "json"))
    assert got["TL103"]["severity"] == "warning"


def test_rules_listing_shows_configured_severity(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    res = run("rules", "--severity", "TL120=warning", "--select", "reserved-contract")
    assert res.exit_code == 0
    rows = [line.split() for line in res.output.splitlines()[1:]]
    assert [r[0] for r in rows] == ["TL119", "TL120"]
    assert rows[1][-1] == "warning"


def test_the_readme_example_settings_are_valid(tmp_path, monkeypatch):
    import re

    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```toml\n# tenderlint.toml\n(.*?)```", readme, re.S).group(1)
    (tmp_path / "our-local-rules.yaml").write_text("version: '1'\nname: empty\nrules: []\n", encoding="utf-8")
    (tmp_path / "tenderlint-suppressions.yaml").write_text("suppressions: []\n", encoding="utf-8")
    (tmp_path / "tenderlint.toml").write_text(block, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    res = run("check", WESTSHIRE, "--format", "json")
    assert res.exit_code == 0, res.output  # fail-on = "error" and no error-level finding here
    assert "TL120" not in findings(res)
