"""Every ``--help`` text of ``pskg`` is what users have read so far: the CLI's reshuffles change no option.

The golden texts are ``fixtures/help-texts.json`` (argparse at 100 columns). A
change to a command's options must change that file too, visibly, in the same commit.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from pskg.cli import _parser

GOLDEN = json.loads((Path(__file__).resolve().parents[1] / "fixtures" / "help-texts.json").read_text(encoding="utf-8"))


def _help_texts(parser: argparse.ArgumentParser, path: tuple[str, ...] = ("pskg",)) -> Iterator[tuple[str, str]]:
    yield " ".join(path), parser.format_help()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _help_texts(sub, (*path, name))


@pytest.fixture
def help_texts(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.setenv("COLUMNS", "100")
    return dict(_help_texts(_parser()))


def test_the_same_commands(help_texts: dict[str, str]) -> None:
    assert list(help_texts) == list(GOLDEN)
    assert len(GOLDEN) == 15


@pytest.mark.parametrize("command", list(GOLDEN))
def test_help_text_unchanged(help_texts: dict[str, str], command: str) -> None:
    assert help_texts[command] == GOLDEN[command]
