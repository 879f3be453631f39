"""Every command is documented: in the README, and with an example in its own help."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from dateline.cli import build_parser

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    found: dict[str, argparse.ArgumentParser] = {}
    for action in parser._subparsers._group_actions:  # type: ignore[union-attr]
        for name, sub in action.choices.items():
            found[name] = sub
            for nested in sub._subparsers._group_actions if sub._subparsers else ():
                for task, leaf in nested.choices.items():
                    found[f"{name} {task}"] = leaf
    return found


@pytest.mark.parametrize("command", sorted(_commands()))
def test_command_in_readme(command):
    assert f"dateline {command}" in README, f"README.md never shows `dateline {command}`"


@pytest.mark.parametrize("command", sorted(c for c, p in _commands().items() if p._subparsers is None))
def test_command_help_has_an_example(command):
    assert "Example: dateline " in (_commands()[command].description or ""), f"`{command}` help has no Example:"
