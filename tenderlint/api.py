"""The library entry point: ``lint(paths, config) -> list[TenderReport]``; the CLI is a thin shell over it."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterable
from typing import Any

import yaml

from tenderlint.config import Config
from tenderlint.errors import ConfigError
from tenderlint.extract import load_tender
from tenderlint.extract.limits import Limits
from tenderlint.extract.packs import group_by_reference
from tenderlint.facts import extract_facts
from tenderlint.lexicon import load_lexicon
from tenderlint.model import Document, Facts, TenderReport
from tenderlint.nlp import analyse
from tenderlint.report.context import file_sha256
from tenderlint.rules import run_rules
from tenderlint.rules.ruleset import Rule, default_ruleset, load_ruleset


def all_rules(config: Config) -> list[Rule]:
    """The default ruleset and any extra rulesets, with the configured severities and thresholds."""
    rules = list(default_ruleset().rules)
    for path in config.rulesets:
        extra = load_ruleset(path).rules
        clash = {r.id for r in rules} & {r.id for r in extra}
        if clash:
            raise ConfigError(f"{path}: rule id {sorted(clash)[0]} is already defined by another ruleset")
        rules += extra
    by_key = {k.lower(): r for r in rules for k in (r.id, r.name)}
    where = config.source or "command line"

    def rule_for(key: str, what: str) -> Rule:
        rule = by_key.get(key.lower())
        if rule is None:
            raise ConfigError(f"{where}: {what}: unknown rule '{key}' (use a rule id or name)")
        return rule

    overrides: dict[str, dict] = {}
    for key, sev in config.severity.items():
        overrides.setdefault(rule_for(key, "severity").id, {})["severity_override"] = sev
    for key, values in config.thresholds.items():
        rule = rule_for(key, "thresholds")
        merged = overrides.setdefault(rule.id, {}).setdefault("thresholds", copy.deepcopy(rule.thresholds))
        for path, value in values.items():
            set_threshold(merged, rule, path, value, where)
    return [dataclasses.replace(r, **overrides[r.id]) if r.id in overrides else r for r in rules]


def set_threshold(thresholds: dict, rule: Rule, path: str, value: Any, where: str) -> None:
    """Set `path` (dotted for nested values) in a copy of the rule's thresholds, keeping its type."""
    parts = path.split(".")
    node = thresholds
    for i, part in enumerate(parts):
        if not isinstance(node, dict) or part not in node:
            known = ", ".join(_threshold_paths(rule.thresholds)) or "none"
            raise ConfigError(f"{where}: thresholds.{rule.id}: unknown threshold '{path}' (known: {known})")
        if i < len(parts) - 1:
            node = node[part]
    if isinstance(value, str):
        try:
            value = yaml.safe_load(value)
        except yaml.YAMLError:
            pass
    old = node[parts[-1]]
    if not (_is_number(old) or isinstance(old, dict)):
        known = ", ".join(_threshold_paths(rule.thresholds)) or "none"
        raise ConfigError(f"{where}: thresholds.{rule.id}: '{path}' is not a tunable threshold (known: {known})")
    if isinstance(old, dict) and _is_number(value):
        value = {k: value for k in old}  # one figure for every regime
    elif _is_number(old) and not _is_number(value):
        raise ConfigError(f"{where}: thresholds.{rule.id}.{path} must be a number (got {value!r})")
    elif isinstance(old, dict) and not isinstance(value, dict):
        raise ConfigError(f"{where}: thresholds.{rule.id}.{path} must be a number or a table (got {value!r})")
    node[parts[-1]] = value


def _threshold_paths(t: dict, prefix: str = "") -> list[str]:
    out = []
    for k, v in t.items():
        if isinstance(v, dict) and not all(_is_number(x) for x in v.values()):
            out += _threshold_paths(v, f"{prefix}{k}.")
        elif _is_number(v) or isinstance(v, dict):
            out.append(prefix + k)
    return out


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def selected_rules(config: Config) -> list[Rule]:
    rules = all_rules(config)
    known = {k.lower() for r in rules for k in _keys(r)}
    for sel in config.select + config.ignore:
        if sel.lower() not in known:
            raise ConfigError(f"unknown rule selector '{sel}' (use a rule id, name, category or R9-R15)")
    if config.select:
        rules = [r for r in rules if _matches(r, config.select)]
    if config.ignore:
        rules = [r for r in rules if not _matches(r, config.ignore)]
    return rules


def _keys(rule: Rule) -> list[str]:
    return [rule.id, rule.name, rule.category] + [f"R{n}" for n in rule.recommendations]


def _matches(rule: Rule, selectors: list[str]) -> bool:
    keys = {k.lower() for k in _keys(rule)}
    return any(s.lower() in keys for s in selectors)


def lint_documents(source: str, documents: list[Document], rules: list[Rule], errors=None,
                   limits: Limits | None = None) -> TenderReport:
    """Lint documents already read (used by `lint` and by tests on in-memory text)."""
    if not any(d.blocks for d in documents):  # nothing was read: no facts are guessed, no rule is run
        return TenderReport(source=source, documents=documents, errors=list(errors or []), facts=Facts(),
                            findings=[], not_assessed=[])
    lex = load_lexicon()
    sentences = analyse(documents, lex, (limits or Limits()).analysis_seconds)
    facts = extract_facts(sentences, documents, lex)
    findings, not_assessed = run_rules(rules, facts, sentences)
    return TenderReport(source=source, documents=documents, errors=list(errors or []), facts=facts,
                        findings=findings, not_assessed=not_assessed)


def lint(paths: Iterable[str], config: Config | None = None, split: bool = True) -> list[TenderReport]:
    """One report per path (a file, a folder pack or a zip pack), in input order; a folder or zip that
    holds several tenders (different references, extract/packs.py) gives one report per tender
    unless `split` is False."""
    config = config or Config()
    rules = selected_rules(config)
    reports = []
    for path in paths:
        documents, errors = load_tender(str(path), config.limits)
        groups = group_by_reference(documents) if split and len(documents) > 1 else [(None, documents)]
        sha = file_sha256(str(path))
        for ref, docs in groups:
            if len(groups) == 1:
                report = lint_documents(str(path), docs, rules, errors, config.limits)
            else:  # the unreadable files could belong to any of them: each says so
                name = f"reference {ref}" if ref else docs[0].path
                report = lint_documents(f"{path} [{name}]", docs, rules, errors, config.limits)
                report.split_from, report.reference = str(path), ref
            report.source_sha256 = sha
            reports.append(report)
    return reports
