"""The pages of the window, in sidebar order, each built on first use so that start-up
builds only the dashboard."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    # "module:Class" under po_tracker.ui.pages, imported when the page is first shown.
    target: str

    @property
    def module(self) -> str:
        return f"po_tracker.ui.pages.{self.target.partition(':')[0]}"

    def build(self, context):
        return getattr(import_module(self.module), self.target.partition(":")[2])(context)


def import_page_modules() -> None:
    """Every page's module (plain Python: safe off the UI thread), so that a page's first
    visit only builds its widgets."""
    for page in PAGES:
        import_module(page.module)


PAGES = (
    PageSpec("dashboard", "Dashboard", "dashboard_page:DashboardPage"),
    PageSpec("certifications", "Certifications", "certifications_page:CertificationsPage"),
    PageSpec("training", "Training", "training_page:TrainingPage"),
    PageSpec("networking", "Networking", "networking_page:NetworkingPage"),
    PageSpec("skills", "Skills", "skills_page:SkillsPage"),
    PageSpec("experience", "Experience", "experience_page:ExperiencePage"),
    PageSpec("evidence", "Wins & feedback", "evidence_page:EvidencePage"),
    PageSpec("journal", "Journal", "journal_page:JournalPage"),
    PageSpec("career", "Career path", "career_page:CareerPage"),
    PageSpec("charts", "Charts", "charts_page:ChartsPage"),
)
PAGE_KEYS = tuple(page.key for page in PAGES)
# Where an entry of each kind is shown, for "open the place where the user would act".
PAGE_OF_KIND = {
    "certification": "certifications",
    "training": "training",
    "event": "networking",
    "contact": "networking",
    "rating": "skills",
    "experience": "experience",
    "journal": "journal",
    "goal": "career",
    "win": "evidence",
    "feedback": "evidence",
}
