"""The negotiate subcommand: change one vendor's negotiation from the command line."""

from __future__ import annotations

import argparse
import sys

from clause_library.filling import parse_value
from clause_library.library import ClauseLibrary, Position, load_practice_library, placeholders
from clause_library.planning import build_plan
from cli.addendum_commands import name_value, parameter_arguments
from cli.common import open_store
from models.checklist import load_checklist
from models.errors import WorkbenchError
from models.negotiation import POSITIONS, Negotiations, NegotiationStatus
from models.store import Store
from models.vendors import Vendor


class NegotiateArgumentError(WorkbenchError):
    """The negotiate options do not fit together."""


def register(subparsers: argparse._SubParsersAction) -> None:
    negotiate = subparsers.add_parser(
        "negotiate",
        help="change a vendor's negotiation: a clause's inclusion, position, parameters, "
        "wording or status, or a parameter for all clauses",
    )
    negotiate.add_argument("name", help="vendor name (case does not matter)")
    negotiate.add_argument(
        "clause", nargs="?", help="clause id (`clauses list --vendor NAME` shows them)"
    )
    inclusion = negotiate.add_mutually_exclusive_group()
    inclusion.add_argument("--include", action="store_true", help="put the clause in the addendum")
    inclusion.add_argument("--exclude", action="store_true", help="leave the clause out")
    negotiate.add_argument("--position", choices=POSITIONS, help="the position to ask for")
    negotiate.add_argument(
        "--set",
        action="append",
        default=[],
        type=name_value,
        metavar="NAME=VALUE",
        help="store a parameter for the clause, or for every clause without CLAUSE; "
        "an empty VALUE removes it",
    )
    wording = negotiate.add_mutually_exclusive_group()
    wording.add_argument("--wording", metavar="TEXT", help="the vendor's current wording")
    wording.add_argument(
        "--recorded-wording",
        action="store_true",
        help="go back to the wording recorded for the vendor's BAA",
    )
    negotiate.add_argument(
        "--status",
        choices=[status.value for status in NegotiationStatus],
        help="record a round that moves the clause to this status",
    )
    negotiate.add_argument(
        "--note",
        default="",
        metavar="TEXT",
        help="note of the round; without --status, a dated note on the current status",
    )
    negotiate.set_defaults(handler=cmd_negotiate, parser=negotiate)


def cmd_negotiate(args: argparse.Namespace) -> int:
    values = parameter_arguments(args.set)
    _check_usage(args, values)
    library = load_practice_library(load_checklist())
    _check_values(library, values)
    if args.clause is not None:
        library.clause(args.clause)
    with open_store(args) as store:
        vendor = store.vendor(args.name)
        negotiations = Negotiations(store)
        with store.transaction():
            if args.clause is None:
                changes = _apply_vendor_wide(negotiations, vendor.id, values)
            else:
                planned = _check_planned(store, library, vendor, args)
                changes = _apply(negotiations, vendor.id, args, values, planned)
        if args.clause is not None:
            _warn_unused(library, negotiations.get(vendor.id, args.clause).position, args, values)
    _report(vendor.name, args.clause, changes)
    return 0


def _check_usage(args: argparse.Namespace, values: dict[str, str]) -> None:
    """Reject option combinations that cannot work; argparse exits 2 with the usage line."""
    if args.clause is None and _clause_options(args):
        args.parser.error(
            "--include, --exclude, --position, --wording, --recorded-wording, --status and "
            "--note need a clause id; `clauses list --vendor NAME` shows them"
        )
    if not values and not _clause_options(args):
        args.parser.error(
            "nothing to change: give --include, --exclude, --position, --set, --wording, "
            "--recorded-wording, --status or --note"
        )


def _clause_options(args: argparse.Namespace) -> bool:
    return bool(
        args.include
        or args.exclude
        or args.position
        or args.wording is not None
        or args.recorded_wording
        or args.status
        or args.note
    )


def _check_values(library: ClauseLibrary, values: dict[str, str]) -> None:
    for name, value in values.items():
        parameter = library.parameters.get(name)
        if parameter is None:
            raise NegotiateArgumentError(f"{name}: not a clause parameter")
        if value:
            parse_value(parameter, value)


def _check_planned(
    store: Store, library: ClauseLibrary, vendor: Vendor, args: argparse.Namespace
) -> bool:
    """Return whether the plan carries the clause; reject changes to one it does not.

    Only --include may touch a clause outside the plan, because it adds the clause.
    """
    plan = build_plan(store, library, vendor.id)
    in_plan = any(planned.clause.id == args.clause for planned in plan.clauses)
    if in_plan or args.include:
        return in_plan
    titles = ", ".join(
        store.checklist.item(item).title for item in library.clause(args.clause).items
    )
    raise NegotiateArgumentError(
        f"{args.clause}: not proposed for {vendor.name}, because the vendor meets "
        f"{titles}; add --include to put it in the addendum anyway"
    )


def _apply_vendor_wide(
    negotiations: Negotiations, vendor_id: int, values: dict[str, str]
) -> list[str]:
    return [
        _parameter_change(name, value)
        for name, value in values.items()
        if negotiations.set_parameter(vendor_id, name, value or None)
    ]


def _apply(
    negotiations: Negotiations,
    vendor_id: int,
    args: argparse.Namespace,
    values: dict[str, str],
    planned: bool,
) -> list[str]:
    """Make the clause changes; return a phrase for each one that changed something."""
    clause_id, changes = args.clause, []
    if args.include and not planned and negotiations.add_clause(vendor_id, clause_id):
        changes.append("added to the plan and the addendum")
    if args.include and planned and negotiations.set_included(vendor_id, clause_id, True):
        changes.append("included in the addendum")
    if args.exclude and negotiations.set_included(vendor_id, clause_id, False):
        changes.append("excluded from the addendum")
    if args.position and negotiations.set_position(vendor_id, clause_id, args.position):
        changes.append(f"position {args.position}")
    for name, value in values.items():
        if negotiations.set_override(vendor_id, clause_id, name, value or None):
            changes.append(_parameter_change(name, value))
    changes.extend(_apply_wording(negotiations, vendor_id, args))
    changes.extend(_apply_round(negotiations, vendor_id, args))
    return changes


def _apply_wording(
    negotiations: Negotiations, vendor_id: int, args: argparse.Namespace
) -> list[str]:
    if args.wording is None and not args.recorded_wording:
        return []
    if not negotiations.set_vendor_wording(vendor_id, args.clause, args.wording):
        return []
    return ["vendor wording stored" if args.wording is not None else "recorded BAA wording"]


def _apply_round(negotiations: Negotiations, vendor_id: int, args: argparse.Namespace) -> list[str]:
    if args.status:
        negotiations.record_round(vendor_id, args.clause, args.status, args.note)
        return [f"status {args.status}" + (" with a note" if args.note.strip() else "")]
    if args.note:
        status = negotiations.add_note(vendor_id, args.clause, args.note)
        return [f"note added; status stays {status.value}"]
    return []


def _parameter_change(name: str, value: str) -> str:
    return f"{name} = {value}" if value else f"{name} removed"


def _warn_unused(
    library: ClauseLibrary, position: str, args: argparse.Namespace, values: dict[str, str]
) -> None:
    """Say when a parameter is stored but the chosen position's text does not use it."""
    clause = library.clause(args.clause)
    used = placeholders(clause.texts[Position(position)])
    for name in values:
        if name not in used:
            print(
                f"warning: the {Position(position).label.lower()} position of {clause.id} uses "
                f"no parameter {name}; the value is stored but changes no text",
                file=sys.stderr,
            )


def _report(vendor_name: str, clause_id: str | None, changes: list[str]) -> None:
    target = f"{vendor_name}, clause {clause_id}" if clause_id else f"{vendor_name}, every clause"
    if changes:
        print(f"Updated {target}: " + "; ".join(changes))
    else:
        print(f"Nothing changed for {target}: it already has these values")
