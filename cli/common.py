"""Helpers shared by the command modules: opening the store, printing, writing files."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from models import paths
from models.errors import WorkbenchError
from models.store import Store


def open_store(args: argparse.Namespace) -> Store:
    return Store(args.db or paths.default_database())


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def format_score(score: float | None) -> str:
    return "n/a" if score is None else f"{score:.1f}"


def require_suffix(path: Path, *suffixes: str) -> Path:
    """Reject an output path whose extension does not match the file we will write.

    Raises:
        OutputPathError: naming the path and the expected extension.
    """
    if path.suffix.lower() not in suffixes:
        expected = " or ".join(suffixes)
        raise OutputPathError(
            f"{path}: the file will be written as {expected}; give a name ending in {expected}"
        )
    return path


class OutputPathError(WorkbenchError):
    """An output file name does not fit the kind of file the command writes."""
