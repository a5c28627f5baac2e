"""Renders resources/icons/po-tracker.svg into the PNG, ICO and ICNS files the desktop
integration and the installers need. Run after changing the SVG:
    QT_QPA_PLATFORM=offscreen python3 scripts/make_icons.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def render(size: int) -> Image.Image:
    renderer = QSvgRenderer(str(ICONS / "po-tracker.svg"))
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    path = ICONS / f".render-{size}.png"
    image.save(str(path))
    result = Image.open(path).convert("RGBA")
    result.load()
    path.unlink()
    return result


def main() -> int:
    QGuiApplication(sys.argv[:1])
    large = render(1024)
    render(256).save(ICONS / "po-tracker-256.png")
    large.save(ICONS / "po-tracker.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    large.save(ICONS / "po-tracker.icns")
    return 0


if __name__ == "__main__":
    sys.exit(main())
