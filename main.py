"""BAA Workbench: run without a command to open the window, or with one to use the CLI."""

from __future__ import annotations

import sys

from cli import build_parser, run
from cli.logsetup import configure_logging


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    configure_logging()
    parser = build_parser()
    args, _ = parser.parse_known_args(argv)
    if args.command is None:
        from gui.app import run_gui  # imported late: the CLI must not need Qt

        return run_gui(args.db)
    return run(argv, parser)


if __name__ == "__main__":
    sys.exit(main())
