"""Run configuration: which rules run, how severe they are, their thresholds, what fails the run.

Settings come from `tenderlint.toml` (top level) or `[tool.tenderlint]` in `pyproject.toml`,
the first found from the current directory upward, then from command-line flags, which win.
Unknown keys and bad values are errors that name the file and the key.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tenderlint.errors import ConfigError
from tenderlint.extract.limits import Limits

SEVERITIES = ("info", "warning", "error")
CONFIG_FILES = ("tenderlint.toml", ".tenderlint.toml")


@dataclass
class Config:
    fail_on: str = "warning"  # the lowest severity that makes `check` exit 1 (or "never")
    select: list[str] = field(default_factory=list)  # rule ids, names, categories or R-numbers
    ignore: list[str] = field(default_factory=list)
    rulesets: list[str] = field(default_factory=list)  # extra ruleset files
    severity: dict[str, str] = field(default_factory=dict)  # rule id or name -> severity for all its findings
    thresholds: dict[str, dict[str, Any]] = field(default_factory=dict)  # rule id or name -> {key: value}
    suppressions: str | None = None  # a suppressions file
    limits: Limits = field(default_factory=Limits)
    source: str | None = None  # the file the settings came from


_KEYS = {"fail-on", "select", "ignore", "rulesets", "severity", "thresholds", "suppressions", "limits"}


def find_config_file(start: Path | None = None) -> tuple[Path, bool] | None:
    """The nearest config file from `start` upward: (path, is_pyproject)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in CONFIG_FILES:
            if (folder / name).is_file():
                return folder / name, False
        py = folder / "pyproject.toml"
        if py.is_file() and "tenderlint" in _read_toml(py).get("tool", {}):
            return py, True
    return None


def _read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the configuration ({exc})") from None


def load_config(path: Path | None = None, *, isolated: bool = False, start: Path | None = None) -> Config:
    """Settings from `path`, or from the nearest config file; defaults when there is none."""
    if isolated:
        return Config()
    if path is not None:
        path = Path(path)
        if not path.is_file():
            raise ConfigError(f"{path}: configuration file not found")
        is_py = path.name == "pyproject.toml"
    else:
        found = find_config_file(start)
        if found is None:
            return Config()
        path, is_py = found
    data = _read_toml(path)
    where = f"{path}: [tool.tenderlint]" if is_py else str(path)
    if is_py:
        data = data.get("tool", {}).get("tenderlint", {})
    return config_from_dict(data, where, base=path.parent)


def config_from_dict(data: dict, where: str, base: Path | None = None) -> Config:
    cfg = Config(source=where)
    for key in data:
        if key not in _KEYS:
            raise ConfigError(f"{where}: unknown key '{key}' (known: {', '.join(sorted(_KEYS))})")
    if "fail-on" in data:
        cfg.fail_on = _choice(data["fail-on"], list(SEVERITIES) + ["never"], where, "fail-on")
    for key in ("select", "ignore", "rulesets"):
        if key in data:
            setattr(cfg, key, _str_list(data[key], where, key))
    cfg.rulesets = [str((base / p) if base and not Path(p).is_absolute() else p) for p in cfg.rulesets]
    if "severity" in data:
        sev = _table(data["severity"], where, "severity")
        cfg.severity = {k: _choice(v, list(SEVERITIES), where, f"severity.{k}") for k, v in sev.items()}
    if "thresholds" in data:
        for rule, values in _table(data["thresholds"], where, "thresholds").items():
            cfg.thresholds[rule] = dict(_table(values, where, f"thresholds.{rule}"))
    if "suppressions" in data:
        if not isinstance(data["suppressions"], str):
            raise ConfigError(f"{where}: suppressions must be a file path")
        p = Path(data["suppressions"])
        cfg.suppressions = str(base / p if base and not p.is_absolute() else p)
    if "limits" in data:
        cfg.limits = limits_from_dict(_table(data["limits"], where, "limits"), where)
    return cfg


def limits_from_dict(values: dict, where: str) -> Limits:
    known = {f.name.replace("_", "-"): f for f in dataclasses.fields(Limits)}
    out = Limits()
    for key, value in values.items():
        f = known.get(key)
        if f is None:
            raise ConfigError(f"{where}: unknown key 'limits.{key}' (known: {', '.join(sorted(known))})")
        default = getattr(out, f.name)
        if isinstance(default, bool):
            if not isinstance(value, bool):
                raise ConfigError(f"{where}: limits.{key} must be true or false (got {value!r})")
        elif isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            raise ConfigError(f"{where}: limits.{key} must be a positive number (got {value!r})")
        setattr(out, f.name, type(default)(value))
    return out


def _choice(value, allowed: list[str], where: str, key: str) -> str:
    if value not in allowed:
        raise ConfigError(f"{where}: {key} must be one of {', '.join(allowed)} (got {value!r})")
    return value


def _str_list(value, where: str, key: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: {key} must be a list of strings")
    return list(value)


def _table(value, where: str, key: str) -> dict:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: {key} must be a table")
    return value


def parse_assignments(items: list[str], option: str) -> dict[str, str]:
    """`RULE=VALUE` pairs from repeated command-line options."""
    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise ConfigError(f"{option} expects RULE=VALUE (got {item!r})")
        out[key.strip()] = value.strip()
    return out
