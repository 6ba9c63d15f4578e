"""Core subcommands: demo, checklist, vendors, score.

Modules only some commands need are imported inside their handlers, so a quick
`vendors list` starts fast.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from cli.common import format_score, open_store, print_json, require_suffix
from models.atomic import write_text_atomic
from models.checklist import AnswerType, Checklist, format_quantity, format_value, load_checklist
from models.comparison import rank, score_all
from models.practice import Practice
from models.scoring import Scorer, Status, VendorScore
from models.vendors import Vendor


def register(subparsers: argparse._SubParsersAction) -> None:
    demo = subparsers.add_parser("demo", help="create or refresh the sample practice and vendors")
    demo.set_defaults(handler=cmd_demo)

    checklist = subparsers.add_parser("checklist", help="print the due-diligence checklist")
    checklist.add_argument("--json", action="store_true", help="print JSON instead of text")
    checklist.set_defaults(handler=cmd_checklist)

    score = subparsers.add_parser("score", help="score every vendor against the practice targets")
    score.add_argument("--json", action="store_true", help="print JSON instead of a table")
    score.set_defaults(handler=cmd_score)

    vendors = subparsers.add_parser("vendors", help="list, show, export or import vendors")
    actions = vendors.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="list vendors with score and BAA status")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    listing.set_defaults(handler=cmd_vendors_list)
    show = actions.add_parser("show", help="show one vendor's profile and answers")
    show.add_argument("name", help="vendor name (case does not matter)")
    show.add_argument("--json", action="store_true", help="print JSON instead of text")
    show.set_defaults(handler=cmd_vendors_show)
    export = actions.add_parser("export", help="write one vendor to a vendor JSON file")
    export.add_argument("name", help="vendor name (case does not matter)")
    export.add_argument("--out", type=Path, required=True, metavar="FILE.json")
    export.set_defaults(handler=cmd_vendors_export)
    imported = actions.add_parser(
        "import", help="create or update a vendor from a vendor JSON file"
    )
    imported.add_argument("file", type=Path, metavar="FILE.json")
    imported.set_defaults(handler=cmd_vendors_import)


def cmd_demo(args: argparse.Namespace) -> int:
    from models.demo import load_demo

    with open_store(args) as store:
        names = load_demo(store)
        print(f"Sample practice and {len(names)} vendors are in {store.path}")
    return 0


def cmd_checklist(args: argparse.Namespace) -> int:
    checklist = load_checklist()
    if args.json:
        print_json(checklist_json(checklist))
        return 0
    for section in checklist.sections:
        print(f"{section.title} [{section.id}]")
        for item in section.items:
            mark = "  knockout" if item.knockout else ""
            print(f"  {item.id:<40} {Practice().describe_target(item):<28} w{item.weight}{mark}")
    return 0


def checklist_json(checklist: Checklist) -> dict[str, Any]:
    return {
        "sections": [
            {
                "id": section.id,
                "title": section.title,
                "summary": section.summary,
                "items": [_item_json(item) for item in section.items],
            }
            for section in checklist.sections
        ]
    }


def _item_json(item: Any) -> dict[str, Any]:
    data = {
        "id": item.id,
        "title": item.title,
        "question": item.question,
        "why": item.why,
        "answer": item.answer.value,
        "target": item.target,
        "weight": item.weight,
        "knockout": item.knockout,
        "regulation": item.regulation,
    }
    if item.answer is AnswerType.NUMBER:
        data.update(unit=item.unit, direction=item.direction.value, partial=item.partial)
    else:
        data["choices"] = list(item.options)
    return data


def cmd_score(args: argparse.Namespace) -> int:
    with open_store(args, must_exist=True) as store:
        scored = score_all(store)
    if args.json:
        print_json({"vendors": [_score_json(vendor, score) for vendor, score in scored]})
        return 0
    ranked = rank(scored)
    print(f"{'Vendor':<32} {'Overall':>7}  {'Meets':>5} {'Part.':>5} {'Gap':>5} {'Unkn.':>5}")
    for vendor, score in ranked:
        counts = score.counts
        mark = "  DISQUALIFIED: " + ", ".join(score.knockouts) if score.disqualified else ""
        print(
            f"{vendor.name[:32]:<32} {format_score(score.overall):>7}  "
            f"{counts[Status.MEETS]:>5} {counts[Status.PARTIAL]:>5} "
            f"{counts[Status.GAP]:>5} {counts[Status.UNKNOWN]:>5}{mark}"
        )
    return 0


def _score_json(vendor: Vendor, score: VendorScore) -> dict[str, Any]:
    return {
        "name": vendor.name,
        "overall": score.overall,
        "disqualified": score.disqualified,
        "knockouts": score.knockouts,
        "sections": score.sections,
        "items": {item_id: result.status.value for item_id, result in score.items.items()},
        "counts": {status.value: score.counts[status] for status in Status},
    }


def cmd_vendors_list(args: argparse.Namespace) -> int:
    with open_store(args, must_exist=True) as store:
        scored = score_all(store)
    rows = [_vendor_row(vendor, score) for vendor, score in scored]
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print("No vendors yet. Add one in the window, or run `demo` for sample data.")
        return 0
    print(f"{'Vendor':<32} {'Overall':>7} {'Disq.':<5} {'BAA status':<15} Review")
    for row in rows:
        print(
            f"{row['name'][:32]:<32} {format_score(row['overall']):>7} "
            f"{'yes' if row['disqualified'] else '':<5} {row['baa_status']:<15} "
            f"{row['review'] or ''}"
        )
    return 0


def _vendor_row(vendor: Vendor, score: VendorScore) -> dict[str, Any]:
    flag = vendor.review_flag(dt.date.today())
    return {
        "name": vendor.name,
        "overall": score.overall,
        "disqualified": score.disqualified,
        "baa_status": vendor.baa_status.label,
        "next_review": vendor.baa_next_review,
        "review": flag.value if flag else None,
    }


def cmd_vendors_show(args: argparse.Namespace) -> int:
    with open_store(args, must_exist=True) as store:
        vendor = store.vendor(args.name)
        score = Scorer(store.checklist, store.practice()).score(
            store.answer_values().get(vendor.id, {})
        )
        answers = store.answers(vendor.id)
        wording = store.wording(vendor.id)
        if args.json:
            print_json(
                {
                    "vendor": _vendor_row(vendor, score),
                    "profile": {
                        "service": vendor.service,
                        "website": vendor.website,
                        "contact": vendor.contact,
                        "notes": vendor.notes,
                        "baa_executed": vendor.baa_executed,
                        "baa_term_end": vendor.baa_term_end,
                    },
                    "score": _score_json(vendor, score),
                    "answers": {
                        item_id: {
                            "value": _json_value(answer.value),
                            "note": answer.note,
                            "source": answer.source,
                        }
                        for item_id, answer in answers.items()
                    },
                    "current_wording": wording,
                }
            )
            return 0
        _print_vendor(store.checklist, vendor, score, answers)
    return 0


def _print_vendor(checklist: Checklist, vendor: Vendor, score: VendorScore, answers: dict) -> None:
    print(
        f"{vendor.name}  (overall {format_score(score.overall)}"
        f"{', DISQUALIFIED' if score.disqualified else ''})"
    )
    for label, value in [
        ("Service", vendor.service),
        ("Website", vendor.website),
        ("Contact", vendor.contact),
        ("BAA status", vendor.baa_status.label),
        ("Executed", vendor.baa_executed),
        ("Term end", vendor.baa_term_end),
        ("Next review", vendor.baa_next_review),
        ("Notes", vendor.notes),
    ]:
        if value:
            print(f"  {label + ':':<13}{value}")
    for section in checklist.sections:
        print(f"\n{section.title}: {format_score(score.sections[section.id])}")
        for item in section.items:
            answer = answers.get(item.id)
            shown = format_quantity(answer.value, item.unit) if answer and item.unit else ""
            shown = shown or (format_value(answer.value) if answer else "")
            print(f"  {score.status(item.id).value:<8} {item.id:<40} {shown or '-'}")


def _json_value(value: object) -> object:
    """A stored answer as JSON: numbers stay numbers (15, not "15"); None is "unknown"."""
    if value is None:
        return "unknown"
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def cmd_vendors_export(args: argparse.Namespace) -> int:
    from models.vendor_json import dumps_vendor

    require_suffix(args.out, ".json")
    with open_store(args, must_exist=True) as store:
        vendor = store.vendor(args.name)
        write_text_atomic(args.out, dumps_vendor(store, vendor))
    print(f"Wrote {vendor.name} to {args.out}")
    return 0


def cmd_vendors_import(args: argparse.Namespace) -> int:
    from models.vendor_json import import_vendor, parse_vendor_file

    data = Path(args.file).read_bytes()
    with open_store(args) as store:
        record = parse_vendor_file(data, store.checklist, str(args.file))
        vendor, created = import_vendor(store, record, source=Path(args.file).name)
    print(f"{'Created' if created else 'Updated'} vendor {vendor.name}")
    return 0
