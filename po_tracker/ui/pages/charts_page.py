from .placeholder_page import PlaceholderPage as ChartsPage  # noqa: F401
