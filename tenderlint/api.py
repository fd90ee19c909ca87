"""The library entry point: ``lint(paths, config) -> list[TenderReport]``; the CLI is a thin shell over it."""

from __future__ import annotations

from collections.abc import Iterable

from tenderlint.config import Config
from tenderlint.errors import ConfigError
from tenderlint.extract import load_tender
from tenderlint.facts import extract_facts
from tenderlint.lexicon import load_lexicon
from tenderlint.model import Document, TenderReport
from tenderlint.nlp import analyse
from tenderlint.rules import run_rules
from tenderlint.rules.ruleset import Rule, default_ruleset, load_ruleset


def selected_rules(config: Config) -> list[Rule]:
    rules = list(default_ruleset().rules)
    for path in config.rulesets:
        rules += load_ruleset(path).rules
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


def lint_documents(source: str, documents: list[Document], rules: list[Rule], errors=None) -> TenderReport:
    """Lint documents already read (used by `lint` and by tests on in-memory text)."""
    lex = load_lexicon()
    sentences = analyse(documents, lex)
    facts = extract_facts(sentences, documents, lex)
    findings, not_assessed = run_rules(rules, facts, sentences) if documents else ([], [])
    return TenderReport(source=source, documents=documents, errors=list(errors or []), facts=facts,
                        findings=findings, not_assessed=not_assessed)


def lint(paths: Iterable[str], config: Config | None = None) -> list[TenderReport]:
    """One report per path (a file, a folder pack or a zip pack), in input order."""
    config = config or Config()
    rules = selected_rules(config)
    reports = []
    for path in paths:
        documents, errors = load_tender(str(path), config.limits)
        reports.append(lint_documents(str(path), documents, rules, errors))
    return reports
