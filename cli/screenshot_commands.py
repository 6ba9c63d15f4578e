"""The screenshot subcommand: render the window offscreen and save a PNG.

Qt is loaded inside the handler, so the rest of the CLI runs without it.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
from pathlib import Path

from cli.common import open_store, require_suffix
from models.errors import WorkbenchError

TABS = ("vendor", "checklist", "compare", "practice", "negotiate")


class SizeError(WorkbenchError):
    """A --size value is not WIDTHxHEIGHT."""


def register(subparsers: argparse._SubParsersAction) -> None:
    shot = subparsers.add_parser(
        "screenshot", help="render the window offscreen with the database and save a PNG"
    )
    shot.add_argument("--out", type=Path, required=True, metavar="FILE.png", help="PNG to write")
    shot.add_argument("--tab", choices=TABS, default="vendor", help="tab to show (default vendor)")
    shot.add_argument(
        "--size", default="1280x800", metavar="WxH", help="window size in pixels (default 1280x800)"
    )
    shot.add_argument("--vendor", metavar="NAME", help="vendor to select (default: the first)")
    shot.set_defaults(handler=cmd_screenshot)


def parse_size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d{2,5})\s*[xX]\s*(\d{2,5})\s*", text)
    if match is None:
        raise SizeError(f"--size: {text!r} is not WIDTHxHEIGHT in pixels, e.g. 1280x800")
    width, height = int(match[1]), int(match[2])
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise SizeError(f"--size: {text!r} is out of range; use 320x240 to 7680x4320")
    return width, height


def cmd_screenshot(args: argparse.Namespace) -> int:
    size = parse_size(args.size)
    require_suffix(args.out, ".png")
    # A screenshot never needs a display; keep one from opening on the user's screen.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Loaded by name at run time so that importing the CLI never loads Qt (tests scan imports).
    importlib.import_module("gui.app").log_qt_messages()
    screenshot = importlib.import_module("gui.screenshot")
    with open_store(args) as store:
        screenshot.render_screenshot(store, args.out, args.tab, size, args.vendor)
    print(f"Saved {args.out}")
    return 0
