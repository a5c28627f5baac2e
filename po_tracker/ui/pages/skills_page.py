from .placeholder_page import PlaceholderPage as SkillsPage  # noqa: F401
