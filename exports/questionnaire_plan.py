"""Plan the changes a returned questionnaire makes, then apply the accepted ones.

Planning writes nothing: it compares each response with the vendor's stored
answer and lists every change (old -> new) and every row it cannot use, so
the user sees the effect before deciding. Applying writes the accepted
changes in one transaction, with the file name as the answers' source, so the
audit trail shows where each value came from.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass, field

from exports.answer_text import read_answer
from exports.questionnaire_import import QuestionnaireFile, ResponseRow, RowProblem
from models.checklist import Value, format_value
from models.errors import AnswerValueError, WorkbenchError
from models.store import Store
from models.vendors import Answer

log = logging.getLogger(__name__)


class VendorUnknownError(WorkbenchError):
    """The questionnaire names no vendor and the user did not choose one."""


@dataclass(frozen=True)
class PlannedChange:
    """One answer the import would change; a None note keeps the stored note."""

    item_id: str
    row: int
    old_value: Value | None
    new_value: Value | None
    old_note: str
    new_note: str | None

    @property
    def value_changes(self) -> bool:
        return self.old_value != self.new_value

    @property
    def note_changes(self) -> bool:
        return self.new_note is not None and self.new_note != self.old_note

    def describe(self) -> str:
        """Describe the change in one line, e.g. "recovery.rto_hours: 24 -> 4"."""
        parts = []
        if self.value_changes:
            old = format_value(self.old_value) or "unknown"
            new = format_value(self.new_value) or "unknown"
            parts.append(f"{old} -> {new}")
        if self.note_changes:
            parts.append(f"note -> {_shorten(self.new_note or '')!r}")
        return f"{self.item_id}: " + "; ".join(parts)


@dataclass
class ImportPlan:
    """What importing one questionnaire file would change for one vendor."""

    source: str
    vendor_name: str
    vendor_id: int | None  # None: the vendor is new and is added on apply
    changes: list[PlannedChange] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    unchanged: int = 0
    unanswered: int = 0
    sent_to: str = ""  # the vendor the file was exported for; "" for a blank questionnaire

    @property
    def vendor_differs(self) -> bool:
        """Whether the answers go to another vendor than the one the file was sent to."""
        return bool(self.sent_to) and self.sent_to.lower() != self.vendor_name.lower()

    @property
    def answer_source(self) -> str:
        return f"questionnaire {self.source}"


def plan_import(
    store: Store, questionnaire: QuestionnaireFile, vendor_name: str | None = None
) -> ImportPlan:
    """Compare *questionnaire* with the stored answers of its vendor; write nothing.

    *vendor_name* overrides the name the file was exported for.

    Raises:
        VendorUnknownError: neither the file nor *vendor_name* names a vendor.
    """
    name = " ".join((vendor_name or questionnaire.vendor_name).split())
    if not name:
        raise VendorUnknownError(
            f"{questionnaire.source}: this is a blank questionnaire, so it names no vendor; "
            "choose the vendor it belongs to (--vendor NAME)"
        )
    vendor = store.find_vendor(name)
    stored = store.answers(vendor.id) if vendor else {}
    plan = ImportPlan(
        source=questionnaire.source,
        vendor_name=vendor.name if vendor else name,
        vendor_id=vendor.id if vendor else None,
        problems=list(questionnaire.problems),
        unanswered=len(questionnaire.missing_items),
        sent_to=questionnaire.vendor_name,
    )
    for row in questionnaire.rows:
        _plan_row(plan, row, stored.get(row.item_id), store)
    plan.problems.sort(key=lambda problem: problem.row)
    return plan


def _plan_row(plan: ImportPlan, row: ResponseRow, answer: Answer | None, store: Store) -> None:
    item = store.checklist.item(row.item_id)
    old_value = answer.value if answer else None
    old_note = answer.note if answer else ""
    try:
        new_value = old_value if row.response is None else read_answer(item, row.response)
    except AnswerValueError as exc:
        reason = str(exc).removeprefix(f"{item.id}: ")
        plan.problems.append(RowProblem(row.row, item.id, reason))
        return
    new_note = _note(row)
    if new_value == old_value and (new_note is None or new_note == old_note):
        plan.unchanged += 1
        return
    plan.changes.append(PlannedChange(item.id, row.row, old_value, new_value, old_note, new_note))


def _note(row: ResponseRow) -> str | None:
    """Join Comment and Evidence into the answer's note; None keeps the stored note."""
    parts = [row.comment] if row.comment else []
    if row.evidence:
        parts.append(f"Evidence: {row.evidence}")
    return "\n".join(parts) if parts else None


def apply_import(store: Store, plan: ImportPlan, accepted: Collection[str] | None = None) -> int:
    """Write the planned changes whose item ids are in *accepted* (all when None).

    Adds the vendor first when the plan found none. Returns how many answer
    fields changed; all of it is one transaction, so a failure writes nothing.
    """
    chosen = [c for c in plan.changes if accepted is None or c.item_id in accepted]
    updates = {
        change.item_id: (change.new_value, change.new_note, plan.answer_source) for change in chosen
    }
    with store.transaction():
        vendor_id = plan.vendor_id
        if vendor_id is None:
            vendor_id = store.add_vendor(plan.vendor_name).id
            plan.vendor_id = vendor_id
        changed = store.set_answers(vendor_id, updates)
    log.info(
        "Imported %s for vendor %s: %d answers, %d fields changed",
        plan.source,
        vendor_id,
        len(updates),
        changed,
    )
    return changed


def _shorten(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."
