"""The career graph drawn as boxes and arrows: the current stage, the target and the
route between them highlighted; clicking a stage chooses it. The stage list beside it
offers the same choice to the keyboard and to screen readers."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
)

from ...charts.career_layout import layout
from ...services.career.stage_graph import StageGraph
from .chart_view import palette_theme


def role_colours(widget) -> dict[str, QColor]:
    """The career-map chart's colours for the window's palette (Okabe-Ito, readable with
    every common colour-vision deficiency): the current stage filled in the "you"
    colour, the target filled in the target colour, the route outlined in "you"."""
    theme = palette_theme(widget)
    return {
        "current": QColor(theme.current),
        "target": QColor(theme.target),
        "route": QColor(theme.current),
    }


BOX_W, BOX_H, GAP_X, GAP_Y = 158, 44, 40, 14


def _box(position: tuple[float, float]) -> QRectF:
    column, row = position
    return QRectF(column * (BOX_W + GAP_X), row * (BOX_H + GAP_Y), BOX_W, BOX_H)


def _ends(source: QRectF, target: QRectF) -> tuple[QPointF, QPointF, str]:
    """Where an arrow leaves and enters: side to side between columns (backwards for a
    move that closes a cycle), top to bottom within a column."""
    if target.left() > source.left():
        return (
            QPointF(source.right(), source.center().y()),
            QPointF(target.left(), target.center().y()),
            "across",
        )
    if target.left() < source.left():
        return (
            QPointF(source.left(), source.center().y()),
            QPointF(target.right(), target.center().y()),
            "across",
        )
    if target.top() > source.top():
        return (
            QPointF(source.center().x(), source.bottom()),
            QPointF(target.center().x(), target.top()),
            "down",
        )
    return (
        QPointF(source.center().x(), source.top()),
        QPointF(target.center().x(), target.bottom()),
        "up",
    )


class StageBox(QGraphicsRectItem):
    def __init__(self, slug: str, name: str, rect: QRectF, on_click):
        super().__init__(rect)
        self.slug = slug
        self.on_click = on_click
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(name)

    def mousePressEvent(self, event) -> None:
        # Choosing a stage redraws the scene, which deletes this box: the choice runs
        # once Qt has finished delivering the click, never under the box's own handler.
        event.accept()
        slug, on_click = self.slug, self.on_click
        QTimer.singleShot(0, lambda: on_click(slug))


def _role(graph: StageGraph, slug: str) -> str:
    if slug == graph.current:
        return "current"
    if slug == graph.target:
        return "target"
    return "route" if slug in graph.route else "other"


class StageGraphView(QGraphicsView):
    stage_chosen = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("stage_graph")
        self.setAccessibleName("Career stage graph")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setScene(QGraphicsScene(self))
        self.boxes: dict[str, StageBox] = {}
        self.graph: StageGraph | None = None
        self.chosen: str | None = None

    def show_graph(self, graph: StageGraph, chosen: str | None = None) -> None:
        self.graph = graph
        self.chosen = chosen
        scene = self.scene()
        scene.clear()
        self.boxes.clear()
        # The career-map chart's layout: rows grow upwards there, downwards on screen.
        positions = {slug: (col, -row) for slug, (col, row) in layout(graph).items()}
        palette = self.palette()
        colours = role_colours(self)
        route_moves = set(zip(graph.route, graph.route[1:], strict=False))
        for source, target in graph.moves:
            highlighted = (source, target) in route_moves
            self._arrow(
                positions[source],
                positions[target],
                colours["route"] if highlighted else palette.mid().color(),
                3.0 if highlighted else 1.2,
            )
        for stage in graph.stages:
            rect = _box(positions[stage.slug])
            box = StageBox(stage.slug, stage.name, rect, self._clicked)
            role = _role(graph, stage.slug)
            self._style(box, role, colours, stage.slug == chosen)
            scene.addItem(box)
            filled = role in ("current", "target")
            text_colour = QColor("#FFFFFF") if role == "current" else palette.text().color()
            if role == "target":
                text_colour = QColor("#1A1A1A")  # dark on orange, as in the chart
            self._label(box, rect, stage.name, text_colour, stage.slug == chosen or filled)
            self.boxes[stage.slug] = box
        scene.setSceneRect(scene.itemsBoundingRect().adjusted(-12, -12, 12, 12))
        self._fit()

    def _style(self, box, role: str, colours: dict, chosen: bool) -> None:
        palette = self.palette()
        fill = QColor(palette.base().color())
        if role in ("current", "target"):
            fill = colours[role]
        elif chosen:
            fill = palette.highlight().color()
            fill.setAlpha(70)
        edge = colours.get(role, palette.mid().color())
        width = 3.0 if role in colours else 1.0
        if chosen:
            # The chosen stage: a frame in the selection colour around whatever it is.
            edge, width = palette.highlight().color(), width + 1.5
        box.setPen(QPen(edge, width))
        box.setBrush(QBrush(fill))

    def _label(self, box, rect: QRectF, name: str, colour: QColor, bold: bool) -> None:
        text = QGraphicsSimpleTextItem(name, box)
        font = QFont(self.font())
        # Larger than the window's text: the graph is usually drawn scaled down.
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(bold)
        text.setFont(font)
        text.setBrush(colour)
        bounds = text.boundingRect()
        if bounds.width() > rect.width() - 12:
            text.setScale((rect.width() - 12) / bounds.width())
            bounds = text.sceneBoundingRect()
        text.setPos(rect.center().x() - bounds.width() / 2, rect.center().y() - bounds.height() / 2)

    def _arrow(self, start, end, colour: QColor, width: float) -> None:
        a, b, bend = _ends(_box(start), _box(end))
        path = QPainterPath(a)
        if bend == "across":
            middle = (a.x() + b.x()) / 2
            path.cubicTo(QPointF(middle, a.y()), QPointF(middle, b.y()), b)
        else:  # a move within one column runs between the boxes' top and bottom edges
            middle = (a.y() + b.y()) / 2
            path.cubicTo(QPointF(a.x(), middle), QPointF(b.x(), middle), b)
        line = QGraphicsPathItem(path)
        line.setPen(QPen(colour, width))
        self.scene().addItem(line)
        angle = math.atan2(
            b.y() - path.pointAtPercent(0.95).y(), b.x() - path.pointAtPercent(0.95).x()
        )
        head = QPolygonF(
            [
                b,
                b - QPointF(math.cos(angle - 0.45) * 9, math.sin(angle - 0.45) * 9),
                b - QPointF(math.cos(angle + 0.45) * 9, math.sin(angle + 0.45) * 9),
            ]
        )
        self.scene().addPolygon(head, QPen(colour, 1), QBrush(colour))

    def _clicked(self, slug: str) -> None:
        self.stage_chosen.emit(slug)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Shrink a large graph to fit, but never below a readable size: past that, the
        view scrolls."""
        rect = self.scene().sceneRect()
        if rect.isEmpty():
            return
        view = self.viewport().rect()
        factor = min(view.width() / rect.width(), view.height() / rect.height(), 1.0)
        factor = max(factor, 0.55)
        self.resetTransform()
        self.scale(factor, factor)
        if self.chosen in self.boxes:
            self.ensureVisible(self.boxes[self.chosen], 40, 20)
