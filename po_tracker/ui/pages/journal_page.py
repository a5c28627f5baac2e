from .placeholder_page import PlaceholderPage as JournalPage  # noqa: F401
