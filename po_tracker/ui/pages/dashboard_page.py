from .placeholder_page import PlaceholderPage as DashboardPage  # noqa: F401
