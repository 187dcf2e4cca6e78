"""Bar charts drawn on the server: the geometry of an SVG chart (bars, axis labels,
legend), which a template writes out as inline SVG, so pages need no chart library and
no script.

A chart is months along the x axis and counts up the y axis, one stacked bar a month,
one colour (CSS class) per series. Months with nothing get an empty slot, so the bars
keep the shape of time; a span of many years is drawn a year to a bar instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

WIDTH = 720
HEIGHT = 200
# Room for the y labels on the left and the x labels below.
LEFT, BOTTOM, TOP = 40, 24, 8
# More months than this are drawn a year to a bar.
MAX_MONTHS = 120
# Series beyond this many are drawn together as "other".
MAX_SERIES = 8


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    css: str
    label: str


@dataclass(frozen=True)
class Tick:
    x: float
    y: float
    label: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: list[Bar]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    legend: list[tuple[str, str]]  # (css class, series name)
    title: str

    @property
    def empty(self) -> bool:
        return not self.bars


def timeline(points: Iterable[Mapping[str, object]], title: str) -> Chart:
    """One series: ``[{"month": "YYYY-MM", "count": n}, ...]``."""
    counts = {str(p["month"]): _int(p["count"]) for p in points if p.get("month")}
    return stacked([("quotes", counts)], title)


def by_series(points: Iterable[Mapping[str, object]], key: str, title: str) -> Chart:
    """Several series: ``[{key: name, "month": "YYYY-MM", "count": n}, ...]``, the largest
    ``MAX_SERIES - 1`` by name and the rest as "other"."""
    series: dict[str, dict[str, int]] = {}
    for p in points:
        if not p.get("month"):
            continue
        name = str(p.get(key) or f"(no {key})")
        months = series.setdefault(name, {})
        months[str(p["month"])] = months.get(str(p["month"]), 0) + _int(p["count"])
    ranked = sorted(series.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    if len(ranked) > MAX_SERIES:
        other: dict[str, int] = {}
        for _, months in ranked[MAX_SERIES - 1 :]:
            for month, count in months.items():
                other[month] = other.get(month, 0) + count
        ranked = [*ranked[: MAX_SERIES - 1], ("other", other)]
    return stacked(ranked, title)


def stacked(series: Sequence[tuple[str, Mapping[str, int]]], title: str) -> Chart:
    """Stacked bars, one slot per month from the first to the last (or per year)."""
    months = sorted({m for _, counts in series for m in counts})
    if not months:
        return Chart(WIDTH, HEIGHT, [], [], [], [], title)
    slots = _month_range(months[0], months[-1])
    if len(slots) > MAX_MONTHS:
        series = [(name, _by_year(counts)) for name, counts in series]
        slots = [str(y) for y in range(int(months[0][:4]), int(months[-1][:4]) + 1)]
    totals = [sum(counts.get(slot, 0) for _, counts in series) for slot in slots]
    top = _nice_max(max(totals))
    plot_w, plot_h = WIDTH - LEFT, HEIGHT - BOTTOM - TOP
    slot_w = plot_w / len(slots)
    bar_w = min(48.0, max(1.0, slot_w * 0.8))
    bars: list[Bar] = []
    for i, slot in enumerate(slots):
        base = 0
        for s, (name, counts) in enumerate(series):
            count = counts.get(slot, 0)
            if not count:
                continue
            height = plot_h * count / top
            y = TOP + plot_h - plot_h * (base + count) / top
            label = f"{slot}: {count}" if len(series) == 1 else f"{slot} · {name}: {count}"
            bars.append(
                Bar(
                    _r(LEFT + i * slot_w + (slot_w - bar_w) / 2), _r(y), _r(bar_w), _r(height), _css(s), label
                )
            )
            base += count
    return Chart(
        WIDTH,
        HEIGHT,
        bars,
        _x_ticks(slots, slot_w),
        [Tick(LEFT - 4, _r(TOP + plot_h - plot_h * v / top), str(v)) for v in (0, top // 2, top) if v or top],
        [(_css(s), name) for s, (name, _) in enumerate(series)] if len(series) > 1 else [],
        title,
    )


def _x_ticks(slots: list[str], slot_w: float) -> list[Tick]:
    """At most about ten labels, evenly spread, always the first slot."""
    step = max(1, -(-len(slots) // 10))
    return [
        Tick(_r(LEFT + i * slot_w + slot_w / 2), HEIGHT - 6, slot)
        for i, slot in enumerate(slots)
        if i % step == 0
    ]


def _month_range(first: str, last: str) -> list[str]:
    year, month = _ym(first)
    end = _ym(last)
    out = []
    while (year, month) <= end and len(out) <= 100 * 12:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _ym(month: str) -> tuple[int, int]:
    try:
        return int(month[:4]), max(1, min(12, int(month[5:7] or 1)))
    except ValueError:
        return 0, 1


def _by_year(counts: Mapping[str, int]) -> dict[str, int]:
    years: dict[str, int] = {}
    for month, count in counts.items():
        years[month[:4]] = years.get(month[:4], 0) + count
    return years


def _nice_max(value: int) -> int:
    """The top of the y axis: the count rounded up to an even number (at least 2)."""
    return max(2, value + value % 2)


def _css(series: int) -> str:
    return f"sp{series % 12}"


def _int(value: object) -> int:
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 0


def _r(value: float) -> float:
    return round(value, 1)
