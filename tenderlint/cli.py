"""Command line: a thin shell over ``tenderlint.lint``. Exit 0 clean, 1 findings, 2 usage or unreadable input."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import click

from tenderlint import __version__
from tenderlint.api import lint, selected_rules
from tenderlint.config import SEVERITIES, Config, load_config, parse_assignments
from tenderlint.errors import ConfigError
from tenderlint.report import WRITERS
from tenderlint.report.context import build_context
from tenderlint.suppressions import apply_suppressions, load_suppressions, write_suppressions

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tenderlint")
def main() -> None:
    """Find barriers to small providers and public service mutuals in tender documents."""


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _one_line(text: str) -> str:
    """A file name or message on one line of stderr: a newline or control character in a file name is
    shown escaped, so it cannot split the line or forge another."""
    return _UNPRINTABLE.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), str(text))


def _fail(message: str) -> None:
    click.echo(f"tenderlint: error: {_one_line(message)}", err=True)
    sys.exit(EXIT_ERROR)


def _config(config_path, isolated, fail_on, select, ignore, rulesets, severity, threshold, suppressions) -> Config:
    """The file's settings (tenderlint.toml or [tool.tenderlint]) with the command-line flags on top."""
    cfg = load_config(config_path, isolated=isolated)
    if fail_on:
        cfg.fail_on = fail_on
    if select:
        cfg.select = _split(select)
    cfg.ignore = cfg.ignore + _split(ignore)
    cfg.rulesets = cfg.rulesets + list(rulesets)
    cli = "command line"
    for rule, level in parse_assignments(list(severity), "--severity").items():
        if level not in SEVERITIES:
            raise ConfigError(f"--severity {rule}={level}: the severity must be one of {', '.join(SEVERITIES)}")
        cfg.severity[rule] = level
    for key, value in parse_assignments(list(threshold), "--threshold").items():
        rule, dot, path = key.partition(".")
        if not dot or not path:
            raise ConfigError(f"--threshold expects RULE.NAME=VALUE (got {key}={value!r})")
        cfg.thresholds.setdefault(rule, {})[path] = value
    if severity or threshold:
        cfg.source = f"{cfg.source} and the {cli}" if cfg.source else cli
    if suppressions:
        cfg.suppressions = suppressions
    return cfg


def _config_options(f):
    for opt in reversed([
        click.option("--config", "config_path", type=click.Path(dir_okay=False),
                     help="Settings file (default: the nearest tenderlint.toml or pyproject.toml [tool.tenderlint])."),
        click.option("--isolated", is_flag=True, help="Ignore every configuration file."),
        click.option("--select", multiple=True, help="Only these rules (id, name, category or R9-R15). Repeatable."),
        click.option("--ignore", multiple=True, help="Skip these rules (id, name, category or R9-R15). Repeatable."),
        click.option("--ruleset", "rulesets", multiple=True, type=click.Path(exists=True, dir_okay=False),
                     help="An extra ruleset YAML file. Repeatable."),
        click.option("--severity", multiple=True, metavar="RULE=LEVEL",
                     help="Set the severity of every finding of a rule (id or name). Repeatable."),
        click.option("--threshold", multiple=True, metavar="RULE.NAME=VALUE",
                     help="Override a rule threshold, e.g. TL104.min_months=48. Repeatable."),
    ]):
        f = opt(f)
    return f


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(sorted(WRITERS)), default="text", show_default=True,
              help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write the report to a file.")
@click.option("--fail-on", type=click.Choice(list(SEVERITIES) + ["never"]), default=None,
              help="Lowest severity that makes the exit code 1 (default: warning).")
@_config_options
@click.option("--suppressions", type=click.Path(dir_okay=False),
              help="A suppressions file of justified findings (see --write-suppressions).")
@click.option("--write-suppressions", "write_supp", type=click.Path(dir_okay=False),
              help="Add every current finding to this suppressions file, to be justified.")
@click.option("--summary", is_flag=True, help="CSV: one row per tender (facts and counts) instead of per finding.")
@click.option("--min-severity", type=click.Choice(list(SEVERITIES)), default="warning", show_default=True,
              help="Letter: leave out findings below this severity.")
def check(paths, fmt, output, fail_on, config_path, isolated, select, ignore, rulesets, severity, threshold,
          suppressions, write_supp, summary, min_severity) -> None:
    """Lint tenders: each PATH is a file (PDF, DOCX, TXT, HTML), a folder pack or a .zip pack."""
    try:
        config = _config(config_path, isolated, fail_on, select, ignore, rulesets, severity, threshold, suppressions)
        reports = lint(paths, config)
        stale = []
        same = bool(write_supp and config.suppressions
                    and Path(write_supp).resolve() == Path(config.suppressions).resolve())
        if same:
            pass  # the file is being (re)written: its entries may not be justified yet
        elif config.suppressions and Path(config.suppressions).exists():
            stale = apply_suppressions(reports, load_suppressions(config.suppressions))
        elif config.suppressions and not write_supp:
            raise ConfigError(f"{config.suppressions}: suppressions file not found")
        if write_supp:
            added = write_suppressions(write_supp, reports)
            click.echo(f"tenderlint: wrote {added} new entr{'y' if added == 1 else 'ies'} to {write_supp}: "
                       "fill in each justification", err=True)
    except ConfigError as exc:
        _fail(str(exc))
    try:
        ctx = build_context(config, selected_rules(config), stale=stale, min_severity=min_severity, summary=summary)
    except ConfigError as exc:
        _fail(str(exc))
    text = WRITERS[fmt](reports, ctx)
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
            click.echo(f"tenderlint: {_one_line(e.path)}: {e.code}: {_one_line(e.message)}", err=True)
    for s in stale:
        click.echo(f"tenderlint: stale suppression {s.suppression.rule} {s.suppression.fingerprint}: {s.reason}",
                   err=True)
    if any(r.errors for r in reports):
        sys.exit(EXIT_ERROR)
    if config.fail_on != "never":
        floor = SEVERITIES.index(config.fail_on)
        if any(SEVERITIES.index(f.severity) >= floor for r in reports for f in r.findings):
            sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_CLEAN)


def _split(values) -> list[str]:
    return [v.strip() for item in values for v in item.split(",") if v.strip()]


@main.command("eval")
@click.argument("labelled", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-v", "--verbose", is_flag=True, help="List every mistake.")
def eval_cmd(labelled, verbose) -> None:
    """Precision, recall and F1 per category and accuracy per fact on labelled sets (exit 1 below the bars).

    Each LABELLED is a tender corpus (a folder with labels.yaml) or a clause set (a .jsonl file).
    """
    from tenderlint.evaluate import evaluate, render

    ok = True
    for i, path in enumerate(labelled):
        try:
            result = evaluate(path)
        except ConfigError as exc:
            _fail(str(exc))
        click.echo(("\n" if i else "") + render(result), nl=False)
        if verbose and result.mistakes:
            click.echo("\n".join(result.mistakes))
        ok &= result.passes()
    sys.exit(EXIT_CLEAN if ok else EXIT_FINDINGS)


@main.command("annotate")
@click.argument("tender", type=click.Path(dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="Where to write the annotated copy (the original is never changed).")
@_config_options
@click.option("--suppressions", type=click.Path(dir_okay=False), help="A suppressions file of justified findings.")
@click.option("--author", default="tenderlint", show_default=True, help="Author name on the comments.")
def annotate_cmd(tender, output, config_path, isolated, select, ignore, rulesets, severity, threshold, suppressions,
                 author) -> None:
    """Write a copy of a Word tender with a comment on the words of each finding (or a PDF with highlights)."""
    from tenderlint.report.annotate_docx import annotate_docx

    if Path(output).resolve() == Path(tender).resolve():
        _fail("the output must be a new file: the original tender is never overwritten")
    try:
        config = _config(config_path, isolated, None, select, ignore, rulesets, severity, threshold, suppressions)
        (report,) = lint([tender], config, split=False)
        if config.suppressions and Path(config.suppressions).exists():
            apply_suppressions([report], load_suppressions(config.suppressions))
    except ConfigError as exc:
        _fail(str(exc))
    for e in report.errors:
        click.echo(f"tenderlint: {_one_line(e.path)}: {e.code}: {_one_line(e.message)}", err=True)
    if report.errors and not report.documents:
        sys.exit(EXIT_ERROR)
    fmt = report.documents[0].format if report.documents else ""
    rationales = {r.id: r.rationale for r in selected_rules(config)}
    try:
        if fmt == "docx":
            added, missed = annotate_docx(tender, report, output, rationales, author=author)
        elif fmt == "pdf":
            from tenderlint.report.annotate_pdf import annotate_pdf

            added, missed = annotate_pdf(tender, report, output, rationales, author=author)
        else:
            _fail(f"{tender}: annotate reads a single Word (.docx) or PDF file, not {fmt or 'this input'}")
    except OSError as exc:
        _fail(f"cannot write {output}: {exc.strerror or exc}")
    click.echo(f"{output}: {added} comment{'s' if added != 1 else ''} for {len(report.findings)} finding"
               f"{'s' if len(report.findings) != 1 else ''}", err=True)
    for f in missed:
        click.echo(f"tenderlint: could not place a comment for {f.rule} at {_one_line(f.evidence.document)}: "
                   f"“{f.evidence.text[:80]}”", err=True)
    sys.exit(EXIT_FINDINGS if report.findings else EXIT_CLEAN)


EXIT_INTERRUPTED = 130


@main.command("audit")
@click.argument("archive", type=click.Path(exists=True, file_okay=False))
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="The SQLite database to fill (created if new).")
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False),
              help="A CSV of tenders (columns tender, path) to read instead of the archive's entries.")
@click.option("--workers", type=click.IntRange(1, 256), help="Worker processes (default: one per core).")
@click.option("--force", is_flag=True, help="Read every tender again, even if unchanged.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Run on this machine's cores, or on a Dask cluster (needs the [dask] extra).")
@click.option("--scheduler", help="Dask scheduler address (with --engine dask), e.g. tcp://10.0.0.5:8786.")
@click.option("--no-progress", is_flag=True, help="No progress line on stderr.")
@_config_options
def audit_cmd(archive, db, manifest, workers, force, engine, scheduler, no_progress, config_path, isolated, select,
              ignore, rulesets, severity, threshold) -> None:
    """Lint every tender of an archive (each file, folder or zip in ARCHIVE) into a SQLite database.

    Resumable: tenders whose files and rules are unchanged are skipped; an interrupted audit keeps
    everything it finished. Exit 0 when every tender is accounted for, 130 when interrupted.
    """
    from tenderlint.audit import discover, from_manifest, run_audit

    try:
        config = _config(config_path, isolated, None, select, ignore, rulesets, severity, threshold, None)
        selected_rules(config)
        tenders = from_manifest(manifest) if manifest else discover(archive)
        summary = run_audit(tenders, db, config, workers=workers, force=force, progress=not no_progress,
                            archive=str(archive), engine=engine, scheduler=scheduler)
    except ConfigError as exc:
        _fail(str(exc))
    state = "interrupted; run the same command to finish" if summary.interrupted else "complete"
    click.echo(f"audit {state}: {summary.total} tenders: {summary.done} read, {summary.skipped} skipped (unchanged), "
               f"{summary.failed} failed; {summary.findings} findings written to {db}"
               + (f"; {summary.failed_in_db} tenders in the database could not be read (see its errors table)"
                  if summary.failed_in_db else ""), err=True)
    sys.exit(EXIT_INTERRUPTED if summary.interrupted else EXIT_CLEAN)


@main.command("audit-report")
@click.argument("db", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", default="audit-report", show_default=True, type=click.Path(file_okay=False),
              help="Folder for tenders.csv, findings.csv, errors.csv and summary.html.")
def audit_report_cmd(db, output) -> None:
    """Tables (CSV) and a self-contained HTML summary with charts, from an audit database."""
    import sqlite3

    from tenderlint.audit.report import write_report

    try:
        written = write_report(db, output)
    except (sqlite3.DatabaseError, OSError) as exc:
        _fail(f"{db}: cannot read the audit database ({exc})")
    click.echo("\n".join(str(p) for p in written))


@main.command("rules")
@_config_options
def rules_cmd(config_path, isolated, select, ignore, rulesets, severity, threshold) -> None:
    """List the rules: id, name, category, recommendations, severity (as configured)."""
    try:
        config = _config(config_path, isolated, None, select, ignore, rulesets, severity, threshold, None)
        rules = selected_rules(config)
    except ConfigError as exc:
        _fail(str(exc))
    click.echo(f"{'id':<6} {'name':<36} {'category':<20} {'recs':<9} severity")
    for r in rules:
        recs = ",".join(f"R{n}" for n in r.recommendations)
        click.echo(f"{r.id:<6} {r.name:<36} {r.category:<20} {recs:<9} {r.severity_override or r.severity}")


@main.command("rule")
@click.argument("rule_id")
@click.option("--ruleset", "rulesets", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="An extra ruleset YAML file. Repeatable.")
def rule_cmd(rule_id, rulesets) -> None:
    """Print a rule's page: what it flags, why, the law, examples, how to fix, options."""
    from tenderlint.docs import rule_page
    from tenderlint.rules.ruleset import default_ruleset, load_ruleset

    try:
        sets = [default_ruleset()] + [load_ruleset(p) for p in rulesets]
    except ConfigError as exc:
        _fail(str(exc))
    for rs in sets:
        for r in rs.rules:
            if rule_id.lower() in (r.id.lower(), r.name.lower()):
                click.echo(rule_page(r, rs), nl=False)
                return
    _fail(f"unknown rule '{rule_id}' (see `tenderlint rules`)")


@main.command("docs")
@click.argument("folder", type=click.Path(file_okay=False))
def docs_cmd(folder) -> None:
    """Write one Markdown page per rule, and an index, into FOLDER (the repository keeps them in docs/rules)."""
    from tenderlint.docs import write_docs
    from tenderlint.rules.ruleset import default_ruleset

    try:
        written = write_docs(Path(folder), default_ruleset())
    except OSError as exc:
        _fail(f"cannot write {folder}: {exc.strerror or exc}")
    click.echo(f"wrote {len(written)} files to {folder}")
