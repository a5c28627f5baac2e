"""Career path: the stage graph with the current stage, the target and the route; the
chosen stage's requirements against the user's standing; and the development plan."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...services.career import stage_graph as career_map
from ...services.career.readiness import readiness_for
from ...services.career.readiness_facts import LogFacts, gather_facts
from ...services.changes import STANDING_KINDS, Changes
from ...services.logbook import profile
from ..theme.header import PageHeader
from ..widgets.refresh import RefreshWhenShown
from ..widgets.stage_graph_view import StageGraphView, role_colours
from .goals_panel import GoalsPanel


def _legend_html(colours) -> str:
    """The career-map chart's legend words and colours, so the two read alike."""
    box = "<span style='color:{0}; font-size:14pt'>■</span> {1}"
    line = "<span style='color:{0}; font-size:14pt'>━</span> {1}"
    return "&nbsp;&nbsp;".join(
        (
            box.format(colours["current"].name(), "You are here"),
            box.format(colours["target"].name(), "Target"),
            line.format(colours["route"].name(), "Your route"),
        )
    )


class CareerPage(RefreshWhenShown, QWidget):
    watched_kinds = STANDING_KINDS

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("career_page")
        self.graph = None
        self.facts: LogFacts | None = None
        self.chosen: str | None = None
        self.view = StageGraphView()
        self.view.stage_chosen.connect(self.choose)
        self.stage_box = QComboBox()
        self.stage_box.setAccessibleName("Stage")
        self.stage_box.activated.connect(lambda index: self.choose(self.stage_box.itemData(index)))
        choose_label = QLabel("&Stage:")
        choose_label.setBuddy(self.stage_box)
        self.target_button = QPushButton("Set as my &target")
        self.target_button.clicked.connect(lambda: self._set_stage(target=True))
        self.current_button = QPushButton("I am &here now")
        self.current_button.clicked.connect(lambda: self._set_stage(target=False))
        chooser = QHBoxLayout()
        chooser.addWidget(choose_label)
        chooser.addWidget(self.stage_box, 1)
        chooser.addWidget(self.target_button)
        chooser.addWidget(self.current_button)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.details = QTextBrowser()
        self.details.setObjectName("stage_requirements")
        self.details.setAccessibleName("Requirements of the chosen stage")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(
            PageHeader(
                "Career path", "The stages of your framework, your route, and what each asks."
            )
        )
        left_layout.addWidget(self.summary)
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        left_layout.addWidget(self.legend)
        left_layout.addWidget(self.view, 3)
        left_layout.addLayout(chooser)
        # What the stage asks, and the evidence logged for each of its skills and
        # requirements (the promotion case's sections for that stage).
        self.evidence = QTextBrowser()
        self.evidence.setObjectName("stage_evidence")
        self.evidence.setAccessibleName("Evidence for the chosen stage")
        self.detail_tabs = QTabWidget()
        self.detail_tabs.setAccessibleName("Requirements and evidence")
        self.detail_tabs.addTab(self.details, "Re&quirements")
        self.detail_tabs.addTab(self.evidence, "E&vidence")
        self.detail_tabs.currentChanged.connect(lambda _index: self._show_evidence())
        left_layout.addWidget(self.detail_tabs, 2)
        self.goals = GoalsPanel(context)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.goals)
        splitter.setSizes([800, 420])
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.watch(context)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        # Light or dark now: the graph and its legend take the chart theme's colours.
        if event.type() == QEvent.Type.PaletteChange and self.graph is not None:
            self.legend.setText(_legend_html(role_colours(self)))
            self.view.show_graph(self.graph, chosen=self.chosen)

    def refresh(self) -> None:
        self.facts = None  # the log changed: gather its facts again
        with self.context.reading() as session:
            self.graph = career_map.stage_graph(session)
        self._stale = False
        slugs = [stage.slug for stage in self.graph.stages]
        if self.chosen not in slugs:
            self.chosen = self.graph.target or self.graph.current or (slugs[0] if slugs else None)
        self.stage_box.clear()
        for stage in self.graph.stages:
            self.stage_box.addItem(stage.name, stage.slug)
        self._show_summary()
        self.legend.setText(_legend_html(role_colours(self)))
        self.choose(self.chosen)

    def _show_summary(self) -> None:
        graph = self.graph
        names = {stage.slug: stage.name for stage in graph.stages}
        if not graph.target:
            text = "Choose the stage you aim for and press “Set as my target”."
        elif not graph.current:
            text = f"Target: {names[graph.target]}. Tell us where you are now: “I am here now”."
        elif graph.reachable:
            text = "Route: " + " → ".join(names[slug] for slug in graph.route)
        else:
            text = (
                f"{names[graph.target]} cannot be reached from {names[graph.current]} by "
                "the moves in your framework."
            )
        self.summary.setText(text)

    def choose(self, slug: str | None) -> None:
        if self.graph is None or slug is None:
            return
        self.chosen = slug
        self.view.show_graph(self.graph, chosen=slug)
        index = self.stage_box.findData(slug)
        if index >= 0:
            self.stage_box.setCurrentIndex(index)
        node = self.graph.node(slug)
        with self.context.reading() as session:
            facts = self._facts(session)
            result = readiness_for(session, node.id, facts.as_of, facts=facts)
        self.details.setHtml(_requirements_html(node.name, result))
        self._show_evidence()
        self.target_button.setEnabled(slug != self.graph.target)
        self.current_button.setEnabled(slug != self.graph.current)

    def _show_evidence(self) -> None:
        """The evidence tab, built only while it is shown (a few queries per stage)."""
        if self.detail_tabs.currentWidget() is not self.evidence or self.chosen is None:
            return
        from ...documents import case_document, markdown
        from ...services.career import promotion_case

        with self.context.reading() as session:
            case = promotion_case.build(session, date.today(), stage=self.chosen)
        self.evidence.setMarkdown(markdown.render(case_document.build_document(case)))

    def _facts(self, session) -> LogFacts:
        """The log's facts as of today, gathered once per refresh: every stage the user
        chooses is scored from the same facts (a new day gathers them anew)."""
        from ...services.storage import start_view

        today = date.today()
        if self.facts is None or self.facts.as_of != today:
            # The dashboard has usually just gathered them, from the same data.
            revision = start_view.revision(session)
            self.facts = self.context.kept_facts(revision, today) or gather_facts(session, today)
            self.context.keep_facts(revision, self.facts)
        return self.facts

    def _set_stage(self, target: bool) -> None:
        if self.chosen is None:
            return
        with self.context.writing(Changes.of("profile")) as session:
            if target:
                profile.set_stages(session, target=self.chosen)
            else:
                profile.set_stages(session, current=self.chosen)
        name = self.graph.node(self.chosen).name
        self.context.status_message.emit(
            f"{name} is now your {'target' if target else 'current stage'}."
        )

    def add_entry(self) -> None:
        self.goals.add_entry()

    def show_argument(self, argument) -> None:
        if argument and argument[0] == "goal":
            self.goals.show_argument(argument)


def _requirements_html(name: str, result) -> str:
    rows = "".join(
        f"<tr><td>{c.name.capitalize()}</td><td align='right'>"
        f"{f'{c.percent:.0f}%' if c.scored else 'not required'}</td></tr>"
        for c in result.components
    )
    gaps = "".join(
        f"<li>{escape(gap.action)} <small>(you: {gap.have:g}, needed: {gap.need:g}"
        f"{' ' + escape(gap.unit) if gap.unit else ''})</small></li>"
        for gap in result.gaps
    )
    recommended = ", ".join(escape(r.name) + (" ✓" if r.held else "") for r in result.recommended)
    parts = [
        f"<h3>{escape(name)}: {result.overall:.0f}% ready</h3>",
        f"<table cellpadding='2'>{rows}</table>",
        f"<p><b>What is missing</b></p><ul>{gaps}</ul>"
        if gaps
        else "<p>You meet every requirement of this stage.</p>",
    ]
    if recommended:
        parts.append(f"<p><b>Recommended:</b> {recommended}</p>")
    return "".join(parts)
