"""Addendum and clause library subcommands: addendum, clauses list, clauses check."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from clause_library.library import (
    ClauseLibrary,
    ClauseLibraryError,
    check_clause_dir,
    load_library,
    load_practice_library,
)
from clause_library.planning import AddendumPlan, build_plan
from clause_library.selection import Proposal
from cli.common import open_store, print_json, require_suffix
from models import paths
from models.checklist import Checklist, load_checklist

# Heavy modules (openpyxl, python-docx, matplotlib) are imported inside the handlers,
# so commands that do not need them, such as `vendors list`, start fast.


def register(subparsers: argparse._SubParsersAction) -> None:
    addendum = subparsers.add_parser(
        "addendum", help="write the negotiated BAA addendum of a vendor as a Word file"
    )
    addendum.add_argument("name", help="vendor name (case does not matter)")
    addendum.add_argument("--out", type=Path, required=True, metavar="FILE.docx")
    addendum.add_argument(
        "--redline",
        action="store_true",
        help="write each clause as Word tracked changes against the vendor's current wording",
    )
    addendum.add_argument(
        "--comments", action="store_true", help="add each clause's 'why we ask' note as a comment"
    )
    addendum.add_argument(
        "--set",
        action="append",
        default=[],
        type=name_value,
        metavar="NAME=VALUE",
        help="set a clause parameter for this document only, e.g. effective_date=2027-03-01",
    )
    addendum.set_defaults(handler=cmd_addendum)

    clauses = subparsers.add_parser("clauses", help="list or check the clause library")
    actions = clauses.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="list clauses, or the clauses proposed for a vendor")
    listing.add_argument("--vendor", metavar="NAME", help="show the addendum plan of this vendor")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    listing.set_defaults(handler=cmd_clauses_list)
    check = actions.add_parser(
        "check", help="validate the practice's clause files with the built-in ones"
    )
    check.add_argument(
        "folder",
        nargs="?",
        type=Path,
        metavar="DIR",
        help="folder of clause files (default: the clauses folder in the data folder)",
    )
    check.set_defaults(handler=cmd_clauses_check)


def cmd_addendum(args: argparse.Namespace) -> int:
    extra = parameter_arguments(args.set)
    from exports.addendum_docx import AddendumOptions, write_addendum

    require_suffix(args.out, ".docx")
    checklist = load_checklist()
    library = load_practice_library(checklist)
    with open_store(args) as store:
        vendor = store.vendor(args.name)
        plan = build_plan(store, library, vendor.id, extra)
        options = AddendumOptions(redline=args.redline, comments=args.comments)
        write_addendum(plan, store.checklist, args.out, options)
    _report_gaps(plan, checklist)
    form = "redlined" if args.redline else "clean"
    print(f"Wrote {form} addendum with {count_clauses(len(plan.in_addendum()))} to {args.out}")
    return 0


def count_clauses(count: int) -> str:
    return f"{count} clause" if count == 1 else f"{count} clauses"


def name_value(text: str) -> tuple[str, str]:
    """Parse one --set argument; argparse turns the error into a usage error (exit 2)."""
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(
            f"{text!r}: expected NAME=VALUE, e.g. effective_date=2027-03-01"
        )
    return name.strip(), value


def parameter_arguments(pairs: list[tuple[str, str]]) -> dict[str, str]:
    """The --set values by name; a name given twice keeps its last value."""
    return dict(pairs)


def _report_gaps(plan: AddendumPlan, checklist: Checklist) -> None:
    for name in plan.missing_parameters():
        print(
            f"warning: parameter {name} has no value; the document shows "
            f"[{name.replace('_', ' ')}] (set it with --set {name}=...)",
            file=sys.stderr,
        )
    titles = plan.unremedied_titles(checklist)
    if titles:
        pronoun = "it" if len(titles) == 1 else "them"
        listing = ", ".join(titles)
        print(
            f"note: no clause can fix {listing}; weigh {pronoun} in the choice",
            file=sys.stderr,
        )


def cmd_clauses_list(args: argparse.Namespace) -> int:
    library = load_practice_library(load_checklist())
    if args.vendor is None:
        rows = [_clause_row(library, clause_id) for clause_id in library.clauses]
    else:
        with open_store(args) as store:
            plan = build_plan(store, library, store.vendor(args.vendor).id)
        rows = [_planned_row(planned) for planned in plan.clauses]
    if args.json:
        print_json(rows)
    elif args.vendor is None:
        _print_table(("Clause", "Section", "Title"), [_library_cells(row) for row in rows])
    else:
        _print_table(PLAN_HEADERS, [_plan_cells(row) for row in rows])
    return 0


PLAN_HEADERS = ("Clause", "Title", "Vendor", "In addendum", "Position", "Negotiation")


def _library_cells(row: dict[str, Any]) -> tuple[str, ...]:
    return (row["id"], row["section"], row["title"])


def _plan_cells(row: dict[str, Any]) -> tuple[str, ...]:
    if not row["included"]:
        inclusion = "NO: excluded"
    elif row["status"] == "dropped":
        inclusion = "NO: dropped"
    else:
        inclusion = "yes"
    return (
        row["id"],
        row["title"],
        row["vendor_status"],
        inclusion,
        row["position"],
        row["status"],
    )


def _print_table(headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    """Print rows in columns as wide as their longest cell, the last column unpadded."""
    widths = [max(len(cell) for cell in column) for column in zip(headers, *rows, strict=False)]
    for cells in (headers, *rows):
        padded = [cell.ljust(width) for cell, width in zip(cells[:-1], widths, strict=False)]
        print("  ".join([*padded, cells[-1]]))


def _clause_row(library: ClauseLibrary, clause_id: str) -> dict[str, Any]:
    clause = library.clauses[clause_id]
    return {
        "id": clause.id,
        "section": clause.section,
        "items": list(clause.items),
        "title": clause.title,
        "parameters": clause.parameters(),
        "file": str(clause.path),
    }


def _planned_row(planned: Any) -> dict[str, Any]:
    return {
        "id": planned.clause.id,
        "title": planned.clause.title,
        "items": {item: status.value for item, status in planned.statuses.items()},
        "vendor_status": Proposal(planned.clause, planned.statuses).worst.value,
        "included": planned.negotiation.included,
        "in_addendum": planned.in_addendum,
        "position": planned.position.value,
        "status": planned.negotiation.status.value,
        "text": planned.text,
        "vendor_wording": planned.vendor_wording,
    }


def cmd_clauses_check(args: argparse.Namespace) -> int:
    folder = args.folder or paths.user_clause_dir()
    try:
        if args.folder is None and not folder.is_dir():
            library = load_library(load_checklist())
            print(f"OK: {len(library)} built-in clauses; no practice clause folder at {folder}")
            return 0
        library = check_clause_dir(load_checklist(), folder)
    except ClauseLibraryError as exc:
        for problem in exc.problems:
            print(f"error: {problem}", file=sys.stderr)
        return 1
    own = sum(1 for clause in library if clause.path.parent == folder.resolve())
    print(f"OK: {len(library)} clauses ({own} from {folder}), {len(library.parameters)} parameters")
    return 0
