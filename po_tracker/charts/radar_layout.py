"""Where a radar's skill labels go and how large its circle can be, worked out in points
from the labels' sizes before anything is drawn: plain arithmetic, no matplotlib.

Each label sits just outside the end of its spoke, aligned away from the circle. Near the
top and bottom neighbouring spokes are close and their labels wide, so a label that
would overlap one already placed moves away from the equator until it is clear. The
circle is then made as large as the area allows with every label inside it.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

PAD = 12.0  # points between the outer ring and a label
GAP = 6.0  # points kept between two labels moved apart
# Points kept between two labels side by side: closer, "Cross-functional" and
# "Communication" read as one line.
SIDE_GAP = 5.0
MAX_MOVES = 12  # per label; a label still overlapping after this many stays where it is

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in points from the centre


class Label(NamedTuple):
    x: float  # the spoke's direction on screen, clockwise from the top: sin(angle)
    y: float  # cos(angle)
    width: float  # points
    height: float

    @property
    def ha(self) -> Literal["left", "center", "right"]:
        return "center" if abs(self.x) < 0.2 else ("left" if self.x > 0 else "right")

    @property
    def va(self) -> Literal["bottom", "center", "top"]:
        return "center" if abs(self.y) < 0.3 else ("bottom" if self.y > 0 else "top")

    def box(self, radius: float, lift: float = 0.0) -> Box:
        """The label's box when the circle has ``radius`` and the label is moved
        ``lift`` points up."""
        ax = (radius + PAD) * self.x
        ay = (radius + PAD) * self.y + lift
        x0 = {"left": ax, "right": ax - self.width}.get(self.ha, ax - self.width / 2)
        y0 = {"bottom": ay, "top": ay - self.height}.get(self.va, ay - self.height / 2)
        return (x0, y0, x0 + self.width, y0 + self.height)


class Fit(NamedTuple):
    radius: float  # points
    centre: tuple[float, float]  # the circle's centre, points from the area's centre
    lifts: tuple[float, ...]  # points each label is moved up (negative: down)
    fits: bool  # False when even the smallest circle leaves a label outside the area


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def lifts(labels: list[Label], radius: float) -> list[float]:
    """How far to move each label up (or down) so that none overlaps another: the upper
    half first, nearest the equator first, then the lower half the same way."""
    out = [0.0] * len(labels)
    placed: list[Box] = []
    for sign in (1, -1):
        half = [i for i, label in enumerate(labels) if (label.y >= 0) == (sign > 0)]
        for i in sorted(half, key=lambda i: abs(labels[i].y)):
            box = labels[i].box(radius)
            for _ in range(MAX_MOVES):
                margin = 0.04 * (box[3] - box[1])
                padded = (box[0] - SIDE_GAP, box[1] - margin, box[2] + SIDE_GAP, box[3] + margin)
                hit = next((b for b in placed if _overlap(b, padded)), None)
                if hit is None:
                    break
                shift = (hit[3] - padded[1]) if sign > 0 else (padded[3] - hit[1])
                out[i] += sign * (shift + GAP)
                box = labels[i].box(radius, out[i])
            placed.append(box)
    return out


def extent(labels: list[Label], radius: float, moved: list[float]) -> Box:
    """The box around the circle and every label, from the circle's centre."""
    boxes = [label.box(radius, lift) for label, lift in zip(labels, moved, strict=True)]
    boxes.append((-radius, -radius, radius, radius))
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def fit(labels: list[Label], width: float, height: float, smallest: float = 10.0) -> Fit:
    """The largest circle that, with its labels, fits a ``width`` x ``height`` area
    (points), centred in it. Found by halving the interval: moving labels apart makes
    the space they need grow in steps, not along a line."""

    def fits(radius: float) -> tuple[bool, list[float], Box]:
        moved = lifts(labels, radius)
        box = extent(labels, radius, moved)
        return box[2] - box[0] <= width and box[3] - box[1] <= height, moved, box

    low, high = smallest, max(smallest, min(width, height) / 2)
    ok, moved, box = fits(low)
    if not ok:
        return Fit(low, _centre(box), tuple(moved), False)
    for _ in range(14):  # to within 1/16000 of the area: well under a pixel
        middle = (low + high) / 2
        if fits(middle)[0]:
            low = middle
        else:
            high = middle
    _, moved, box = fits(low)
    return Fit(low, _centre(box), tuple(moved), True)


def _centre(box: Box) -> tuple[float, float]:
    """Where the circle's centre goes so that ``box`` is centred in the area."""
    return (-(box[0] + box[2]) / 2, -(box[1] + box[3]) / 2)
