"""Helpers shared by the command modules: opening the store, printing, writing files."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from models import paths
from models.errors import StorageError, WorkbenchError
from models.store import Store


def open_store(args: argparse.Namespace, must_exist: bool = False) -> Store:
    """Open the database the user chose with --db, or the default one.

    With *must_exist*, a --db path that does not exist is an error instead of a new
    empty database, so a mistyped path in a read-only command is not mistaken for
    "no vendors". The default database is always created on first use.

    Raises:
        StorageError: *must_exist* is set and the --db file does not exist.
    """
    if args.db is None:
        return Store(paths.default_database())
    if must_exist and not Path(args.db).exists():
        raise StorageError(
            f"{args.db}: database not found; check the path, or run `demo` or an import "
            "to create a new database there"
        )
    return Store(args.db)


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
