"""The `practice` command: the practice profile, its targets and weights."""

from __future__ import annotations

import argparse
from typing import Any

from cli.common import open_store, print_json
from models.practice import Practice
from models.store import Store


def register(subparsers: argparse._SubParsersAction) -> None:
    practice = subparsers.add_parser(
        "practice", help="show or change the practice profile, targets and weights"
    )
    actions = practice.add_subparsers(dest="action", metavar="ACTION", required=True)

    show = actions.add_parser("show", help="show the profile and every target and weight")
    show.add_argument("--json", action="store_true", help="print JSON instead of a table")
    show.set_defaults(handler=cmd_show)

    changed = actions.add_parser("set", help="change the practice's name, state or contact")
    changed.add_argument("--name", help="legal name of the practice")
    changed.add_argument("--state", help="US state whose laws apply, e.g. OH")
    changed.add_argument("--contact", help="contact line for questionnaires")
    changed.set_defaults(handler=cmd_set, parser=changed)

    target = actions.add_parser("target", help="set the practice's target for one item")
    target.add_argument("item", help="checklist item id, e.g. incident.notification_hours")
    target.add_argument("value", help="target in the item's unit or choice; 'default' resets it")
    target.add_argument("--source", help="where the figure comes from, e.g. a state law")
    target.set_defaults(handler=cmd_target)

    weight = actions.add_parser("weight", help="set the weight (0-5) of one item")
    weight.add_argument("item", help="checklist item id")
    weight.add_argument("value", help="whole number from 0 (not scored) to 5; 'default' resets it")
    weight.set_defaults(handler=cmd_weight)

    reset = actions.add_parser("reset", help="drop every target and weight override")
    reset.set_defaults(handler=cmd_reset)


def cmd_show(args: argparse.Namespace) -> int:
    with open_store(args, must_exist=True) as store:
        practice = store.practice()
        rows = _target_rows(store, practice)
    if args.json:
        print_json(
            {"name": practice.name, "state": practice.state, "contact": practice.contact,
             "targets": rows}
        )  # fmt: skip
        return 0
    print(f"Practice: {practice.name or '(no name yet)'}")
    print(f"State:    {practice.state or '-'}")
    print(f"Contact:  {practice.contact or '-'}\n")
    print(f"{'Item':<40} {'Target':<30} {'Weight':>6}  Changed")
    for row in rows:
        changed = "yes" if row["changed"] else ""
        print(f"{row['id']:<40} {row['target']:<30} {row['weight']:>6}  {changed}")
    return 0


def _target_rows(store: Store, practice: Practice) -> list[dict[str, Any]]:
    return [
        {
            "id": item.id,
            "target": practice.describe_target(item),
            "weight": practice.weight_for(item),
            "changed": item.id in practice.targets or item.id in practice.weights,
            "source": practice.target_sources.get(item.id, ""),
        }
        for item in store.checklist
    ]


def cmd_set(args: argparse.Namespace) -> int:
    fields = {
        key: value
        for key, value in (("name", args.name), ("state", args.state), ("contact", args.contact))
        if value is not None
    }
    if not fields:
        args.parser.error("give at least one of --name, --state, --contact")
    with open_store(args) as store:
        store.update_practice(**fields)
    print(f"Updated the practice profile: {', '.join(fields)}")
    return 0


def cmd_target(args: argparse.Namespace) -> int:
    value = None if args.value.strip().lower() == "default" else args.value
    with open_store(args) as store:
        store.set_target(args.item, value, source=args.source)
        shown = store.practice().describe_target(store.checklist.item(args.item))
    print(f"Target of {args.item}: {shown}")
    return 0


def cmd_weight(args: argparse.Namespace) -> int:
    value = None if args.value.strip().lower() == "default" else args.value
    with open_store(args) as store:
        store.set_weight(args.item, value)
        weight = store.practice().weight_for(store.checklist.item(args.item))
    print(f"Weight of {args.item}: {weight}")
    return 0


def cmd_reset(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        store.reset_targets()
    print("Every target and weight is back to the checklist default")
    return 0
