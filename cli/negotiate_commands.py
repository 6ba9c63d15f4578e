"""The negotiate subcommand: change one vendor's negotiation from the command line."""

from __future__ import annotations

import argparse

from clause_library.filling import parse_value
from clause_library.library import ClauseLibrary, load_practice_library
from cli.addendum_commands import parameter_arguments
from cli.common import open_store
from models.checklist import load_checklist
from models.errors import WorkbenchError
from models.negotiation import POSITIONS, Negotiations, NegotiationStatus


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
    negotiate.add_argument("--note", default="", metavar="TEXT", help="note of the round")
    negotiate.set_defaults(handler=cmd_negotiate)


def cmd_negotiate(args: argparse.Namespace) -> int:
    values = parameter_arguments(args.set)
    library = load_practice_library(load_checklist())
    _check_values(library, values)
    if args.clause is not None:
        library.clause(args.clause)
    elif _clause_options(args):
        raise NegotiateArgumentError(
            "--include, --exclude, --position, --wording, --recorded-wording and --status "
            "need a clause id; `clauses list --vendor NAME` shows them"
        )
    with open_store(args) as store:
        vendor = store.vendor(args.name)
        negotiations = Negotiations(store)
        with store.transaction():
            if args.clause is None:
                for name, value in values.items():
                    negotiations.set_parameter(vendor.id, name, value or None)
            else:
                _apply(negotiations, vendor.id, args, values)
    print(f"Updated the negotiation with {vendor.name}")
    return 0


def _clause_options(args: argparse.Namespace) -> bool:
    return bool(
        args.include
        or args.exclude
        or args.position
        or args.wording is not None
        or args.recorded_wording
        or args.status
    )


def _check_values(library: ClauseLibrary, values: dict[str, str]) -> None:
    for name, value in values.items():
        parameter = library.parameters.get(name)
        if parameter is None:
            raise NegotiateArgumentError(f"{name}: not a clause parameter")
        if value:
            parse_value(parameter, value)


def _apply(
    negotiations: Negotiations, vendor_id: int, args: argparse.Namespace, values: dict[str, str]
) -> None:
    clause_id = args.clause
    if args.include or args.exclude:
        negotiations.set_included(vendor_id, clause_id, args.include)
    if args.position:
        negotiations.set_position(vendor_id, clause_id, args.position)
    for name, value in values.items():
        negotiations.set_override(vendor_id, clause_id, name, value or None)
    if args.wording is not None or args.recorded_wording:
        negotiations.set_vendor_wording(vendor_id, clause_id, args.wording)
    if args.status:
        negotiations.record_round(vendor_id, clause_id, args.status, args.note)
