"""The radar chart the floors draw: fifteen skills, current against target and a year
ago, filled, with labels and a legend; plain matplotlib, no pyplot, no PO Tracker."""

import numpy as np
from matplotlib.figure import Figure

SKILLS = (
    "Backlog management", "Stakeholder management", "Product vision", "Discovery",
    "Prioritisation", "Metrics", "Roadmapping", "Facilitation", "Negotiation",
    "Technical fluency", "Coaching", "Market knowledge", "Leadership", "Communication",
    "Adaptability",
)  # fmt: skip
# As many skills as the shipped framework has, so the floor draws as much as the app.
CURRENT = (3, 4, 2, 3, 4, 2, 3, 4, 2, 3, 1, 2, 3, 4, 3)
TARGET = (4, 4, 4, 4, 4, 3, 4, 4, 3, 3, 3, 3, 4, 4, 4)
EARLIER = (2, 3, 2, 2, 3, 1, 2, 3, 2, 2, 1, 1, 2, 3, 2)


def radar_figure(size=(8, 5)) -> Figure:
    figure = Figure(figsize=size)
    axes = figure.add_axes((0.08, 0.1, 0.55, 0.8), projection="polar")
    theta = np.linspace(0, 2 * np.pi, len(SKILLS), endpoint=False)
    closed = np.append(theta, theta[0])
    for values, style, label in (
        (TARGET, "--", "Target"),
        (EARLIER, ":", "A year ago"),
        (CURRENT, "-", "Now"),
    ):
        ring = np.append(values, values[0])
        axes.plot(closed, ring, style, marker="o", label=label)
        if label == "Now":
            axes.fill(closed, ring, alpha=0.25)
    axes.set_ylim(0, 5)
    axes.set_xticks(theta, SKILLS, fontsize=8)
    axes.set_title("Skills radar")
    figure.legend(loc="center right")
    return figure
