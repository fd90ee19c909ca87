"""Command line: a thin shell over ``tenderlint.lint``. Exit 0 clean, 1 findings, 2 usage or unreadable input."""

from __future__ import annotations

import sys

import click

from tenderlint import __version__
from tenderlint.api import lint, selected_rules
from tenderlint.config import SEVERITIES, Config
from tenderlint.errors import ConfigError
from tenderlint.report import WRITERS

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tenderlint")
def main() -> None:
    """Find barriers to small providers and public service mutuals in tender documents."""


def _fail(message: str) -> None:
    click.echo(f"tenderlint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(sorted(WRITERS)), default="text", show_default=True,
              help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write the report to a file.")
@click.option("--fail-on", type=click.Choice(list(SEVERITIES) + ["never"]), default="warning", show_default=True,
              help="Lowest severity that makes the exit code 1.")
@click.option("--select", multiple=True, help="Only these rules (id, name, category or R9-R15). Repeatable.")
@click.option("--ignore", multiple=True, help="Skip these rules (id, name, category or R9-R15). Repeatable.")
@click.option("--ruleset", "rulesets", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="An extra ruleset YAML file. Repeatable.")
def check(paths, fmt, output, fail_on, select, ignore, rulesets) -> None:
    """Lint tenders: each PATH is a file (PDF, DOCX, TXT, HTML), a folder pack or a .zip pack."""
    config = Config(fail_on=fail_on, select=_split(select), ignore=_split(ignore), rulesets=list(rulesets))
    try:
        reports = lint(paths, config)
    except ConfigError as exc:
        _fail(str(exc))
    text = WRITERS[fmt](reports)
    if output:
        try:
            with open(output, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
        except OSError as exc:
            _fail(f"cannot write {output}: {exc.strerror or exc}")
    else:
        click.echo(text, nl=False)
    for r in reports:
        for e in r.errors:
            click.echo(f"tenderlint: {e.path}: {e.code}: {e.message}", err=True)
    if any(r.errors for r in reports):
        sys.exit(EXIT_ERROR)
    if fail_on != "never":
        floor = SEVERITIES.index(fail_on)
        if any(SEVERITIES.index(f.severity) >= floor for r in reports for f in r.findings):
            sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_CLEAN)


def _split(values) -> list[str]:
    return [v.strip() for item in values for v in item.split(",") if v.strip()]


@main.command("eval")
@click.argument("corpus", type=click.Path(exists=True, file_okay=False))
@click.option("-v", "--verbose", is_flag=True, help="List every mistake.")
def eval_cmd(corpus, verbose) -> None:
    """Precision and recall per category and facts accuracy on an annotated corpus (exit 1 below the bars)."""
    from tenderlint.evaluate import evaluate, render

    try:
        result = evaluate(corpus)
    except ConfigError as exc:
        _fail(str(exc))
    click.echo(render(result), nl=False)
    if verbose and result.mistakes:
        click.echo("\n".join(result.mistakes))
    sys.exit(EXIT_CLEAN if result.passes() else EXIT_FINDINGS)


@main.command("rules")
def rules_cmd() -> None:
    """List the rules: id, name, category, recommendations, severity."""
    try:
        rules = selected_rules(Config())
    except ConfigError as exc:
        _fail(str(exc))
    for r in rules:
        recs = ",".join(f"R{n}" for n in r.recommendations)
        click.echo(f"{r.id}  {r.name:<34} {r.category:<20} {recs:<8} {r.severity}")
