"""dateline: structured, evidence-traced event data from news reports."""

from dateline.model import Document, Report

__version__ = "0.1.0"
__all__ = ["Document", "Report", "__version__"]
