"""Scorers for each gold corpus format; `dateline evaluate` wraps them."""
