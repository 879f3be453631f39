"""The exception tree. Every message says what went wrong and what to do about it.

    DatelineError
     ├── InputError      bad input: empty, binary, invalid UTF-8, a malformed date or JSONL line
     ├── ResourceError   a model, gazetteer or dictionary is missing or stale
     └── StoreError      the DuckDB store cannot be opened or written

The CLI turns each into a one-line message and the exit code it carries; tracebacks only with
`--debug`.
"""

from __future__ import annotations


class DatelineError(Exception):
    """Base of every error dateline raises on purpose."""

    exit_code = 1


class InputError(DatelineError):
    """The input cannot be read as a news report; the message names the file and line."""

    exit_code = 2


class ResourceError(DatelineError):
    """A model or data resource is missing; the message names the command that builds it."""

    exit_code = 3


class StoreError(DatelineError):
    """The event store cannot be opened or written."""

    exit_code = 4
