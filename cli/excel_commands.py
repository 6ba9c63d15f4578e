"""Excel subcommands: the comparison workbook and the vendor questionnaire round trip."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from cli.common import open_store, require_suffix

if TYPE_CHECKING:
    from exports.questionnaire_plan import ImportPlan
    from models.store import Store

# Heavy modules (openpyxl, python-docx, matplotlib) are imported inside the handlers,
# so commands that do not need them, such as `vendors list`, start fast.


def register(subparsers: argparse._SubParsersAction) -> None:
    compare = subparsers.add_parser(
        "compare", help="write the comparison workbook (.xlsx) and the radar chart (.png)"
    )
    compare.add_argument("--xlsx", type=Path, metavar="OUT.xlsx", help="workbook to write")
    compare.add_argument("--png", type=Path, metavar="OUT.png", help="radar chart to write")
    compare.add_argument(
        "--vendors",
        action="append",
        metavar="A,B,C",
        help="comma-separated vendor names (default: all vendors); repeat the option for a "
        "name that contains a comma, e.g. --vendors A --vendors 'Smith, Jones Backup'",
    )
    # The handlers report option mistakes through their own parser: usage, exit 2.
    compare.set_defaults(handler=cmd_compare, parser=compare)

    questionnaire = subparsers.add_parser(
        "questionnaire", help="export a vendor questionnaire (.xlsx) or import a filled one"
    )
    actions = questionnaire.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="write a questionnaire for one vendor, or blank")
    export.add_argument("name", nargs="?", help="vendor name; its known answers are filled in")
    export.add_argument("--blank", action="store_true", help="write a questionnaire for any vendor")
    export.add_argument("--out", type=Path, required=True, metavar="FILE.xlsx")
    export.set_defaults(handler=cmd_questionnaire_export, parser=export)
    imported = actions.add_parser(
        "import", help="show and apply the changes in a questionnaire a vendor filled in"
    )
    imported.add_argument("file", type=Path, metavar="FILE.xlsx")
    imported.add_argument(
        "--vendor", metavar="NAME", help="vendor the answers belong to (default: named in file)"
    )
    imported.add_argument(
        "--dry-run", action="store_true", help="print the changes without writing them"
    )
    imported.set_defaults(handler=cmd_questionnaire_import)


def cmd_compare(args: argparse.Namespace) -> int:
    from exports import charts
    from exports.comparison_xlsx import export_comparison, ranked_vendors

    if args.xlsx is None and args.png is None:
        args.parser.error("name a file to write with --xlsx OUT.xlsx or --png OUT.png")
    for path, suffix in ((args.xlsx, ".xlsx"), (args.png, ".png")):
        if path is not None:
            require_suffix(path, suffix)
    with open_store(args, must_exist=True) as store:
        names = _vendor_names(args.parser, args.vendors, store)
        if args.xlsx is not None:
            data = export_comparison(store, args.xlsx, names, args.png)
            count = len(data.ranked)
        else:
            ranked = ranked_vendors(store, names)
            charts.save_radar_png(store.checklist, charts.series_from_scores(ranked), args.png)
            count = len(ranked)
    written = " and ".join(str(path) for path in (args.xlsx, args.png) if path is not None)
    vendors = "vendor" if count == 1 else "vendors"
    print(f"Compared {count} {vendors}: wrote {written}")
    return 0


def _vendor_names(
    parser: argparse.ArgumentParser, values: list[str] | None, store: Store
) -> list[str] | None:
    """Return the vendor names the --vendors options select, each once, in order given.

    A value that is a vendor's whole name is kept whole, even with commas in it
    ("Smith, Jones Backup"); any other value is a comma-separated list.
    """
    if values is None:
        return None
    known = {_name_key(vendor.name) for vendor in store.vendors()}
    names: dict[str, str] = {}
    for value in values:
        parts = [value] if _name_key(value) in known else value.split(",")
        for part in parts:
            name = " ".join(part.split())
            if name:
                # The store matches names ignoring case, so "ACME" repeats "Acme".
                names.setdefault(_name_key(name), name)
    if not names:
        parser.error("--vendors needs at least one vendor name, e.g. --vendors A,B")
    return list(names.values())


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def cmd_questionnaire_export(args: argparse.Namespace) -> int:
    from exports.questionnaire_xlsx import write_questionnaire

    if args.blank == bool(args.name):
        args.parser.error("give either a vendor NAME or --blank")
    require_suffix(args.out, ".xlsx")
    with open_store(args, must_exist=True) as store:
        practice = store.practice()
        if args.blank:
            write_questionnaire(args.out, store.checklist, practice)
            print(f"Wrote a blank questionnaire to {args.out}")
            return 0
        vendor = store.vendor(args.name)
        answers = {item_id: answer.value for item_id, answer in store.answers(vendor.id).items()}
        write_questionnaire(args.out, store.checklist, practice, vendor.name, answers)
    print(f"Wrote the questionnaire for {vendor.name} to {args.out}")
    return 0


def cmd_questionnaire_import(args: argparse.Namespace) -> int:
    from exports.questionnaire_import import read_questionnaire
    from exports.questionnaire_plan import apply_import, plan_import

    with open_store(args) as store:
        questionnaire = read_questionnaire(args.file, store.checklist)
        plan = plan_import(store, questionnaire, args.vendor)
        print_plan(plan)
        if args.dry_run:
            print("Dry run: nothing was written.")
            return 0
        if not plan.changes:
            print("Nothing to change.")
            return 0
        changed = apply_import(store, plan)
    print(
        f"Wrote {len(plan.changes)} answers ({changed} fields) for {plan.vendor_name}, "
        f'source "{plan.answer_source}".'
    )
    return 0


def print_plan(plan: ImportPlan) -> None:
    """Print every planned change and every row that could not be read."""
    state = "new vendor, added on import" if plan.vendor_id is None else "existing vendor"
    print(f"Questionnaire {plan.source} for {plan.vendor_name} ({state})")
    if plan.vendor_differs:
        print(f"Warning: this questionnaire was sent to {plan.sent_to}, not {plan.vendor_name}.")
    print(f"Changes ({len(plan.changes)}):")
    for change in plan.changes:
        print(f"  row {change.row:>4}  {change.describe()}")
    print(f"Rows not read ({len(plan.problems)}):")
    for problem in plan.problems:
        where = f"{problem.item_id}: " if problem.item_id else ""
        print(f"  row {problem.row:>4}  {where}{problem.reason}")
    print(f"Unchanged answers: {plan.unchanged}; items not answered: {plan.unanswered}")
