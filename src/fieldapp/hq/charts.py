"""Server-side SVG charts for the statistics pages: horizontal bars, stacked bars, lines.

No JavaScript: each chart is inline SVG text with the console's Chinese font stack, a <title>
on every mark (the figure on hover) and a link on every bar to the household list behind it.
Colours print legibly in grey as well (distinct lightness).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

FONT = "'Microsoft YaHei','PingFang SC','WenQuanYi Micro Hei','Noto Sans CJK SC',sans-serif"
COLOURS = ("#9b1c1c", "#e07b39", "#f2c14e", "#5b8e7d", "#3d5a80", "#98a6b3", "#6d597a")
WIDTH = 620
LABEL_W = 150
ROW_H = 24


def _svg(height: int, body: str, title: str) -> str:
    return (
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-label="{escape(title)}" '
        f'font-family="{FONT}" font-size="12">'
        f'<text x="0" y="16" font-size="14" font-weight="bold" fill="#1f2933">{escape(title)}</text>'
        f"{body}</svg>"
    )


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}"


def bar(title: str, items: Sequence[tuple[str, float, str]]) -> str:
    """One bar per (label, value, link); the value is written at the bar's end."""
    top = 28
    height = top + max(1, len(items)) * ROW_H + 8
    peak = max((v for _, v, _ in items), default=0) or 1
    span = WIDTH - LABEL_W - 70
    parts = []
    for i, (label, value, link) in enumerate(items):
        y = top + i * ROW_H
        w = max(1.0, span * value / peak) if value else 0
        mark = (
            f'<rect x="{LABEL_W}" y="{y + 4}" width="{w:.1f}" height="{ROW_H - 8}" fill="{COLOURS[0]}">'
            f"<title>{escape(label)}：{_fmt(value)}</title></rect>"
        )
        if link:
            mark = f'<a href="{escape(link)}">{mark}</a>'
        parts.append(
            f'<text x="{LABEL_W - 6}" y="{y + ROW_H / 2 + 4}" text-anchor="end" fill="#3e4c59">'
            f"{escape(label[:12])}</text>{mark}"
            f'<text x="{LABEL_W + w + 4:.1f}" y="{y + ROW_H / 2 + 4}" fill="#1f2933">{_fmt(value)}</text>'
        )
    if not items:
        parts.append(f'<text x="{LABEL_W}" y="{top + 16}" fill="#7b8794">暂无数据</text>')
    return _svg(height, "".join(parts), title)


def stacked(
    title: str, series: Sequence[str], rows: Sequence[tuple[str, Sequence[float], Sequence[str]]]
) -> str:
    """One bar per row split into `series` (same order as the values); a legend on top."""
    top = 48
    height = top + max(1, len(rows)) * ROW_H + 8
    peak = max((sum(v) for _, v, _ in rows), default=0) or 1
    span = WIDTH - LABEL_W - 60
    parts = []
    x = 0
    for j, name in enumerate(series):
        parts.append(
            f'<rect x="{x}" y="26" width="12" height="12" fill="{COLOURS[j % len(COLOURS)]}"/>'
            f'<text x="{x + 16}" y="36" fill="#3e4c59">{escape(name)}</text>'
        )
        x += 24 + 13 * len(name)
    for i, (label, values, links) in enumerate(rows):
        y = top + i * ROW_H
        parts.append(
            f'<text x="{LABEL_W - 6}" y="{y + ROW_H / 2 + 4}" text-anchor="end" fill="#3e4c59">'
            f"{escape(label[:12])}</text>"
        )
        left = float(LABEL_W)
        for j, value in enumerate(values):
            if not value:
                continue
            w = span * value / peak
            mark = (
                f'<rect x="{left:.1f}" y="{y + 4}" width="{w:.1f}" height="{ROW_H - 8}" '
                f'fill="{COLOURS[j % len(COLOURS)]}" stroke="#fff" stroke-width="0.5">'
                f"<title>{escape(label)} {escape(series[j])}：{_fmt(value)}</title></rect>"
            )
            link = links[j] if j < len(links) else ""
            parts.append(f'<a href="{escape(link)}">{mark}</a>' if link else mark)
            left += w
        parts.append(
            f'<text x="{left + 4:.1f}" y="{y + ROW_H / 2 + 4}" fill="#1f2933">{_fmt(sum(values))}</text>'
        )
    if not rows:
        parts.append(f'<text x="{LABEL_W}" y="{top + 16}" fill="#7b8794">暂无数据</text>')
    return _svg(height, "".join(parts), title)


def line(title: str, labels: Sequence[str], series: Sequence[tuple[str, Sequence[float]]]) -> str:
    """Lines over time (labels = periods, e.g. 2026-01 … 2026-12), with a legend and y grid."""
    top, bottom, left, right = 48, 28, 50, 16
    height = 240
    plot_h = height - top - bottom
    plot_w = WIDTH - left - right
    peak = max((max(v, default=0) for _, v in series), default=0) or 1
    n = max(1, len(labels) - 1)
    parts = []
    for k in range(5):
        val = peak * k / 4
        y = top + plot_h - plot_h * k / 4
        parts.append(
            f'<line x1="{left}" x2="{WIDTH - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#d9dee3"/>'
            f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end" fill="#52606d">{_fmt(round(val))}</text>'
        )
    for i, lab in enumerate(labels):
        if len(labels) <= 12 or i % 2 == 0:
            x = left + plot_w * i / n
            parts.append(
                f'<text x="{x:.1f}" y="{height - 8}" text-anchor="middle" fill="#52606d">{escape(lab[-5:])}</text>'
            )
    x0 = 0
    for j, (name, values) in enumerate(series):
        colour = COLOURS[j * 3 % len(COLOURS)]
        pts = " ".join(
            f"{left + plot_w * i / n:.1f},{top + plot_h - plot_h * v / peak:.1f}"
            for i, v in enumerate(values)
        )
        dash = ' stroke-dasharray="5 3"' if j % 2 else ""
        parts.append(f'<polyline points="{pts}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>')
        for i, v in enumerate(values):
            parts.append(
                f'<circle cx="{left + plot_w * i / n:.1f}" cy="{top + plot_h - plot_h * v / peak:.1f}" r="3" '
                f'fill="{colour}"><title>{escape(labels[i])} {escape(name)}：{_fmt(v)}</title></circle>'
            )
        parts.append(
            f'<line x1="{x0}" x2="{x0 + 18}" y1="32" y2="32" stroke="{colour}" stroke-width="2"{dash}/>'
            f'<text x="{x0 + 22}" y="36" fill="#3e4c59">{escape(name)}</text>'
        )
        x0 += 40 + 13 * len(name)
    return _svg(height, "".join(parts), title)
