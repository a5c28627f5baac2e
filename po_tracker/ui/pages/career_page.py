from .placeholder_page import PlaceholderPage as CareerPage  # noqa: F401
