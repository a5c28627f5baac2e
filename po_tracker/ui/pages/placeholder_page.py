from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPage(QWidget):
    def __init__(self, context, parent=None):
        super().__init__(parent)
        QVBoxLayout(self).addWidget(QLabel("Coming soon"))
