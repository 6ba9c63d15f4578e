"""The command line: one argparse parser, one module per group of subcommands.

Each command module has ``register(subparsers)``, which adds its subcommands
and sets ``handler`` to a function taking the parsed arguments and returning
the exit status. Errors the user can fix become one line on stderr here.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from cli import (
    addendum_commands,
    baa_commands,
    core_commands,
    excel_commands,
    negotiate_commands,
    practice_commands,
    screenshot_commands,
)
from models.errors import WorkbenchError

log = logging.getLogger(__name__)

COMMAND_MODULES = [
    core_commands,
    practice_commands,
    excel_commands,
    addendum_commands,
    negotiate_commands,
    baa_commands,
    screenshot_commands,
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="BAA Workbench: compare cloud backup vendors for a medical or dental "
        "practice and negotiate their HIPAA Business Associate Agreements. "
        "Run without a command to open the window. Not legal advice.",
    )
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help="database file to use (default: workbench.sqlite in the per-user data folder)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def run(argv: Sequence[str], parser: argparse.ArgumentParser | None = None) -> int:
    """Run one CLI command; return its exit status."""
    parser = parser or build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args))
    except WorkbenchError as exc:
        log.info("Command %s failed: %s", args.command, exc)
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader of the output closed the pipe (e.g. `| head`), so stop quietly.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silences the flush at exit
        return 1
    except OSError as exc:
        log.info("Command %s failed: %s", args.command, exc)
        name = f"{exc.filename}: " if exc.filename else ""
        print(f"error: {name}{exc.strerror or exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
