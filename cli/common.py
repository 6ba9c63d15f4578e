"""Helpers shared by the command modules: opening the store, printing, writing files."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from models import paths
from models.store import Store


def open_store(args: argparse.Namespace) -> Store:
    return Store(args.db or paths.default_database())


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def format_score(score: float | None) -> str:
    return "n/a" if score is None else f"{score:.1f}"
