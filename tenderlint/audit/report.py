"""`tenderlint audit-report`: CSV tables and a self-contained HTML summary with charts, from the audit database."""

from __future__ import annotations

import csv
import sqlite3
from html import escape
from pathlib import Path

from tenderlint.categories import CATEGORIES
from tenderlint.report.html import CSS, recommendations


def _bar_chart(title: str, rows: list[tuple[str, float]], unit: str = "%", width: int = 640) -> str:
    """A horizontal bar chart as inline SVG, with the numbers written out for screen readers and print.

    Each label sits on its own line above its bar, so a long label can never run into a bar.
    """
    if not rows:
        return f"<h3>{escape(title)}</h3><p class=muted>No data.</p>"
    top = max(v for _, v in rows) or 1
    pitch = 44
    h = pitch * len(rows) + 6
    bars = []
    for i, (label, v) in enumerate(rows):
        y = 4 + pitch * i
        w = int((width - 90) * v / top)
        bars.append(f'<text x="0" y="{y + 13}" font-size="13">{escape(label)}</text>'
                    f'<rect x="0" y="{y + 19}" width="{w}" height="16" fill="#1d4f91"></rect>'
                    f'<text x="{w + 6}" y="{y + 32}" font-size="13">{_num(v)}{unit}</text>')
    table = "".join(f"<tr><th scope=row>{escape(lab)}</th><td>{_num(v)}{unit}</td></tr>" for lab, v in rows)
    return (f"<figure><figcaption><h3>{escape(title)}</h3></figcaption>"
            f'<svg role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {h}" width="100%" '
            f'style="max-width:{width}px" xmlns="http://www.w3.org/2000/svg">{"".join(bars)}</svg>'
            f"<details><summary>The numbers</summary><table>{table}</table></details></figure>")


def _num(v: float) -> str:
    """Counts as whole numbers ("3", not "3.0"); shares to one decimal place."""
    return str(int(v)) if float(v).is_integer() else f"{v:.1f}"


def _histogram(title: str, values: list[float], edges: list[float], label) -> str:
    counts = [0] * (len(edges) - 1)
    for v in values:
        for i in range(len(edges) - 1):
            if edges[i] <= v < edges[i + 1]:
                counts[i] += 1
                break
    rows = [(label(edges[i], edges[i + 1]), float(c)) for i, c in enumerate(counts)]
    return _bar_chart(title, rows, unit="")


def write_report(db: str | Path, out: str | Path) -> list[Path]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, query in (("tenders.csv", "SELECT * FROM tenders ORDER BY key"),
                        ("findings.csv", "SELECT * FROM findings ORDER BY tender_key, rule"),
                        ("errors.csv", "SELECT * FROM errors ORDER BY tender_key")):
        cur = conn.execute(query)
        cols = [c[0] for c in cur.description]
        with (folder / name).open("w", encoding="utf-8-sig", newline="") as fh:  # BOM: Excel reads "£" right
            w = csv.writer(fh)
            w.writerow(cols)
            w.writerows(tuple(r) for r in cur)
        written.append(folder / name)
    n = conn.execute("SELECT COUNT(*) FROM tenders WHERE status IN ('done', 'partial')").fetchone()[0] or 0
    partial = conn.execute("SELECT COUNT(*) FROM tenders WHERE status = 'partial'").fetchone()[0]
    failed = conn.execute("SELECT COUNT(*) FROM tenders WHERE status = 'failed'").fetchone()[0]
    share_cat = [(c, 100.0 * conn.execute("SELECT COUNT(DISTINCT tender_key) FROM findings WHERE category = ?",
                                          (c,)).fetchone()[0] / n if n else 0.0) for c in CATEGORIES]
    recs = recommendations(None)
    share_rec = [(f"R{r}: {recs[r]}", 100.0 * conn.execute(
        "SELECT COUNT(DISTINCT tender_key) FROM findings WHERE ' ' || recommendations || ' ' LIKE ?",
        (f"% R{r} %",)).fetchone()[0] / n if n else 0.0) for r in (9, 10, 11, 12, 13, 15)]
    ratios = [r[0] for r in conn.execute("SELECT turnover_ratio FROM tenders WHERE turnover_ratio IS NOT NULL")]
    terms = [r[0] for r in conn.execute("SELECT max_term_months FROM tenders WHERE max_term_months IS NOT NULL")]
    buyers = list(conn.execute("SELECT COALESCE(buyer_type, 'unknown') AS b, COUNT(*) AS t, SUM(n_findings) AS f "
                               "FROM tenders GROUP BY b ORDER BY f DESC"))
    total_f = conn.execute("SELECT COUNT(*) FROM findings").fetchone()[0]
    runs = conn.execute("SELECT tenderlint_version, ruleset_sha256, finished_at FROM runs ORDER BY id DESC LIMIT 1"
                        ).fetchone()
    conn.close()
    buyer_rows = "".join(f"<tr><th scope=row>{escape(b['b'])}</th><td>{b['t']}</td><td>{b['f'] or 0}</td></tr>"
                         for b in buyers)
    html = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>tenderlint audit summary</title><style>{CSS}</style></head>
<body><header><h1>tenderlint audit summary</h1>
<p>{n} tenders read ({partial} only in part), {failed} could not be read, {total_f} findings. Shares are of the tenders read.</p></header>
<main id="main">
{_bar_chart("Tenders with at least one finding, by category", share_cat)}
{_bar_chart("Tenders with at least one finding, by Mutuals Taskforce recommendation", share_rec)}
{_histogram("Minimum turnover as a multiple of the annual value (tenders)", ratios, [0, 1, 2, 3, 5, 10, 1e9],
            lambda a, b: f"{a:g}x to {b:g}x" if b < 1e9 else f"{a:g}x or more")}
{_histogram("Maximum contract term including extensions (tenders)", terms, [0, 12, 24, 36, 48, 60, 84, 1e9],
            lambda a, b: f"{a:g} to {b:g} months" if b < 1e9 else f"{a:g} months or more")}
<h3>Findings by kind of buyer</h3>
<table><thead><tr><th scope=col>Buyer</th><th scope=col>Tenders</th><th scope=col>Findings</th></tr></thead>
<tbody>{buyer_rows}</tbody></table>
</main>
<footer><p>Made by tenderlint {escape(runs[0]) if runs else ''}, rules and settings sha256 {escape(runs[1]) if runs
else ''}, last run finished {escape(runs[2] or '') if runs else ''}. Tables: tenders.csv, findings.csv,
errors.csv.</p></footer></body></html>
"""
    (folder / "summary.html").write_text(html, encoding="utf-8")
    written.append(folder / "summary.html")
    return written
