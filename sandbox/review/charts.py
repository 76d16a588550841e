"""A small server-side SVG chart helper: horizontal bars, stacked when there are several series.

The charts are plain SVG markup (no script, no style attributes, so the CSP allows them), with a
<title> and <desc> for screen readers; every chart on a page also has its numbers in a table.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

# Colour-blind-friendly colours (Okabe-Ito and Tol), dark enough to print in greyscale as distinct shades.
PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#332288",
    "#999933",
    "#882255",
    "#44AA99",
    "#117733",
    "#AA4499",
    "#666666",
    "#DDCC77",
    "#88CCEE",
    "#000000",
)
WIDTH = 760
LABEL_WIDTH = 230
VALUE_WIDTH = 70
ROW_HEIGHT = 26
BAR_HEIGHT = 18
LEGEND_ROW = 20
TOP = 8


def _number(value: float, percent: bool) -> str:
    if percent:
        return f"{value:.0f}%"
    return f"{value:g}" if isinstance(value, float) and not value.is_integer() else f"{value:.0f}"


def _short(text: str, limit: int = 32) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _legend(series_names: Sequence[str], top: int) -> tuple[list[str], int]:
    """Legend swatches laid out in rows across the chart; returns the markup and its height."""
    parts, x, y = [], 0, top
    for index, name in enumerate(series_names):
        width = 26 + 8 * len(name)
        if x + width > WIDTH and x > 0:
            x, y = 0, y + LEGEND_ROW
        colour = PALETTE[index % len(PALETTE)]
        parts.append(
            f'<rect x="{x}" y="{y}" width="14" height="14" fill="{colour}" stroke="#000" stroke-width="0.5"/>'
            f'<text x="{x + 19}" y="{y + 12}" class="chart-legend">{escape(name)}</text>'
        )
        x += width
    return parts, (y - top + LEGEND_ROW) if series_names else 0


def _row(index: int, y: int, category: str, values: Sequence[float], scale: float, percent: bool) -> str:
    """One category: its label, its (stacked) bar segments and its total."""
    parts = [f'<g class="chart-row"><title>{escape(category)}</title>']
    parts.append(
        f'<text x="{LABEL_WIDTH - 8}" y="{y + BAR_HEIGHT - 4}" text-anchor="end" class="chart-label">'
        f"{escape(_short(category))}</text>"
    )
    x = float(LABEL_WIDTH)
    for series_index, value in enumerate(values):
        if value <= 0:
            continue
        width = value * scale
        colour = PALETTE[series_index % len(PALETTE)]
        parts.append(
            f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{BAR_HEIGHT}" fill="{colour}" '
            f'stroke="#000" stroke-width="0.5"/>'
        )
        x += width
    parts.append(
        f'<text x="{x + 6:.1f}" y="{y + BAR_HEIGHT - 4}" class="chart-value">'
        f"{escape(_number(sum(values), percent))}</text></g>"
    )
    return "".join(parts)


def bar_chart(
    chart_id: str,
    title: str,
    description: str,
    categories: Sequence[str],
    series: dict[str, Sequence[float]],
    percent: bool = False,
) -> Markup:
    """An accessible SVG bar chart: one bar per category, one stacked segment per series."""
    names = list(series)
    legend, legend_height = _legend(names, TOP) if len(names) > 1 else ([], 0)
    rows_top = TOP + legend_height + (8 if legend else 0)
    totals = [sum(series[name][i] for name in names) for i in range(len(categories))]
    peak = 100.0 if percent else max(totals, default=0) or 1
    scale = (WIDTH - LABEL_WIDTH - VALUE_WIDTH) / peak
    body = [
        _row(i, rows_top + i * ROW_HEIGHT, category, [series[n][i] for n in names], scale, percent)
        for i, category in enumerate(categories)
    ]
    if not categories:
        body = [f'<text x="0" y="{rows_top + 16}" class="chart-empty">No data yet.</text>']
    height = rows_top + max(len(categories), 1) * ROW_HEIGHT + 6
    axis = (
        f'<line x1="{LABEL_WIDTH}" y1="{rows_top - 2}" x2="{LABEL_WIDTH}" y2="{height - 4}" '
        f'stroke="#000" stroke-width="1"/>'
    )
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{escape(chart_id)}" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
        f'aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc">'
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>'
        f'<desc id="{escape(chart_id)}-desc">{escape(description)}</desc>'
        f"{''.join(legend)}{axis}{''.join(body)}</svg>"
    )
