"""The `baa` subcommands: import a vendor's own BAA (.docx) as answers and wording."""

from __future__ import annotations

import argparse
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cli.common import open_store, print_json
from models.store import Store
from models.vendors import Vendor

if TYPE_CHECKING:
    from exports.baa_import import BaaImport
    from exports.baa_rules import Finding

# Heavy modules (openpyxl, python-docx, matplotlib) are imported inside the handlers,
# so commands that do not need them, such as `vendors list`, start fast.


def register(subparsers: argparse._SubParsersAction) -> None:
    baa = subparsers.add_parser("baa", help="read a vendor's own BAA (.docx)")
    actions = baa.add_subparsers(dest="action", metavar="ACTION", required=True)
    imported = actions.add_parser(
        "import",
        help="find what a vendor's BAA says per checklist item and store it",
        description="Read a vendor's BAA (.docx), print every finding with its checklist "
        "item, proposed value, section and the vendor's exact sentence, and store all of "
        "them as the vendor's answers and current BAA wording in one transaction (the "
        "command line accepts every finding; use the window to review them one by one). "
        "A vendor that does not exist yet is created. Not legal advice.",
    )
    imported.add_argument("file", type=Path, metavar="FILE.docx", help="the vendor's BAA")
    imported.add_argument("--vendor", required=True, metavar="NAME", help="vendor name")
    imported.add_argument(
        "--dry-run", action="store_true", help="print the findings without storing anything"
    )
    imported.add_argument("--json", action="store_true", help="print JSON instead of text")
    imported.set_defaults(handler=cmd_baa_import)


def cmd_baa_import(args: argparse.Namespace) -> int:
    from exports.baa_import import read_vendor_baa, save_findings

    # Read the whole file before opening the database, so a bad file writes nothing.
    result = read_vendor_baa(args.file)
    written = False
    if not args.dry_run:
        with open_store(args) as store, store.transaction():
            # One transaction: a vendor created here disappears again if saving fails.
            vendor = _vendor(store, args.vendor)
            save_findings(store, vendor.id, result.analysis.findings, args.file.name)
            written = True
    if args.json:
        print_json(_import_json(result, args.vendor, written))
    else:
        _print_import(result, args.vendor, written)
    return 0


def _vendor(store: Store, name: str) -> Vendor:
    vendor = store.find_vendor(name)
    return vendor if vendor is not None else store.add_vendor(name)


def _import_json(result: BaaImport, vendor: str, written: bool) -> dict[str, Any]:
    return {
        "file": result.document.source,
        "vendor": vendor,
        "written": written,
        "findings": [finding.to_json() for finding in result.analysis.findings],
        "silent": list(result.analysis.silent),
    }


def _print_import(result: BaaImport, vendor: str, written: bool) -> None:
    analysis = result.analysis
    outcome = f"stored for {vendor}" if written else "nothing stored (dry run)"
    print(f"{analysis.source}: {len(analysis.findings)} findings, {outcome}")
    for finding in analysis.findings:
        _print_finding(finding)
    if analysis.silent:
        print(f"The BAA is silent on: {', '.join(analysis.silent)}")


def _print_finding(finding: Finding) -> None:
    where = finding.location or "-"
    print(
        f"\n[{where}] {finding.item_id} = {finding.value_text} "
        f"({finding.confidence_label} confidence)"
    )
    print(textwrap.fill(finding.explanation, width=88, initial_indent="  ", subsequent_indent="  "))
    quoted = textwrap.fill(
        f'"{finding.matched_text}"', width=88, initial_indent="  ", subsequent_indent="   "
    )
    print(quoted)
    if not finding.is_wording:
        print("  (the BAA is silent on this item here, so the text is not stored as wording)")
