"""Undoable edits of the store: one QUndoCommand per answer, profile or target change.

A command is applied once through ``Session.execute``, which validates and
writes before the command joins the undo stack, so a rejected value never
leaves a command behind. Undo and redo write the store again and refresh every
view. Commands keep the vendor id they were made with and map it through
``Session.resolve``, because undoing a delete re-creates the vendor under a new id.
"""

from __future__ import annotations

import json
import logging

from PySide6.QtGui import QUndoCommand

from gui.error_reporting import show_error
from gui.session import Session
from models.errors import DuplicateVendorError, WorkbenchError
from models.store import Store
from models.vendor_json import VendorRecord, export_vendor, import_vendor, parse_vendor_file

log = logging.getLogger(__name__)


class StoreCommand(QUndoCommand):
    """Base of every undoable store edit; subclasses implement apply() and revert()."""

    def __init__(self, session: Session, text: str) -> None:
        super().__init__(text)
        self.session = session
        self._applied_by_execute = False

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self._applied_by_execute:
            self._applied_by_execute = False  # QUndoStack.push() calls redo() once more
            return
        self._run(self.apply, "Redo failed")

    def undo(self) -> None:
        self._run(self.revert, "Undo failed")

    def _run(self, step: object, title: str) -> None:
        try:
            step()  # type: ignore[operator]
        except WorkbenchError as exc:
            show_error(None, title, exc)
        self.session.refresh()


def execute(session: Session, command: StoreCommand) -> bool:
    """Apply *command* now and put it on the undo stack; False when the store rejected it."""
    try:
        command.apply()
    except WorkbenchError as exc:
        show_error(None, command.text() or "Could not save the change", exc)
        session.refresh()  # views show the stored value again, not the rejected one
        return False
    command._applied_by_execute = True
    session.undo_stack.push(command)
    session.refresh()
    return True


class SetAnswerCommand(StoreCommand):
    """Change one answer's value, note or source (None keeps what is stored)."""

    def __init__(
        self,
        session: Session,
        vendor_id: int,
        item_id: str,
        value: object = ...,
        note: str | None = None,
        source: str | None = None,
    ) -> None:
        super().__init__(session, f"Edit answer {item_id}")
        self.vendor_id = vendor_id
        self.item_id = item_id
        old = session.store.answers(vendor_id).get(item_id)
        self.old = (old.value if old else None, old.note if old else "", old.source if old else "")
        self.new = (self.old[0] if value is ... else value, note, source)

    def apply(self) -> None:
        vendor_id = self.session.resolve(self.vendor_id)
        self.session.store.set_answer(vendor_id, self.item_id, *self.new)

    def revert(self) -> None:
        vendor_id = self.session.resolve(self.vendor_id)
        self.session.store.set_answer(vendor_id, self.item_id, *self.old)


class SetWordingCommand(StoreCommand):
    """Change the vendor's recorded BAA wording for one item."""

    def __init__(self, session: Session, vendor_id: int, item_id: str, text: str) -> None:
        super().__init__(session, f"Edit BAA wording {item_id}")
        self.vendor_id = vendor_id
        self.item_id = item_id
        self.old = session.store.wording(vendor_id).get(item_id, "")
        self.new = text

    def apply(self) -> None:
        store = self.session.store
        store.set_wording(self.session.resolve(self.vendor_id), self.item_id, self.new)

    def revert(self) -> None:
        store = self.session.store
        store.set_wording(self.session.resolve(self.vendor_id), self.item_id, self.old)


class SetVendorFieldCommand(StoreCommand):
    """Change one profile field of a vendor (its name included)."""

    def __init__(self, session: Session, vendor_id: int, field: str, value: object) -> None:
        label = "Rename vendor" if field == "name" else f"Edit {field.replace('_', ' ')}"
        super().__init__(session, label)
        self.vendor_id = vendor_id
        self.field = field
        self.old = str(getattr(session.store.vendor_by_id(vendor_id), field))
        self.new = value

    def apply(self) -> None:
        vendor_id = self.session.resolve(self.vendor_id)
        self.session.store.update_vendor(vendor_id, **{self.field: self.new})

    def revert(self) -> None:
        vendor_id = self.session.resolve(self.vendor_id)
        self.session.store.update_vendor(vendor_id, **{self.field: self.old})


class AddVendorCommand(StoreCommand):
    """Create a vendor, empty or from a record (duplicating one); undo deletes it."""

    def __init__(self, session: Session, record: VendorRecord, text: str = "Add vendor") -> None:
        super().__init__(session, text)
        self.record = record
        self.vendor_id: int | None = None

    def apply(self) -> None:
        store = self.session.store
        if store.find_vendor(self.record.name) is not None:
            raise DuplicateVendorError(
                f"a vendor named {self.record.name!r} already exists; choose another name"
            )
        vendor, _ = import_vendor(store, self.record)
        if self.vendor_id is None:
            self.vendor_id = vendor.id
        else:
            self.session.add_alias(self.session.resolve(self.vendor_id), vendor.id)

    def revert(self) -> None:
        assert self.vendor_id is not None
        self.session.store.delete_vendor(self.session.resolve(self.vendor_id))


def vendor_record(store: Store, vendor_id: int) -> VendorRecord:
    """Everything stored about a vendor, as the record that import_vendor re-creates it from."""
    document = export_vendor(store, store.vendor_by_id(vendor_id))
    return parse_vendor_file(json.dumps(document).encode("utf-8"), store.checklist, "undo history")


class DeleteVendorCommand(StoreCommand):
    """Delete a vendor; undo re-creates it with its profile, answers and wording."""

    def __init__(self, session: Session, vendor_id: int) -> None:
        name = session.store.vendor_by_id(vendor_id).name
        super().__init__(session, f"Delete vendor {name}")
        self.vendor_id = vendor_id
        self.record: VendorRecord | None = None

    def apply(self) -> None:
        store = self.session.store
        vendor_id = self.session.resolve(self.vendor_id)
        with store.transaction():
            self.record = vendor_record(store, vendor_id)
            store.delete_vendor(vendor_id)

    def revert(self) -> None:
        assert self.record is not None
        old_id = self.session.resolve(self.vendor_id)
        vendor, _ = import_vendor(self.session.store, self.record)
        self.session.add_alias(old_id, vendor.id)


class ReplaceVendorCommand(StoreCommand):
    """Update an existing vendor from an imported record; undo restores it exactly.

    Undo deletes the vendor and re-creates it from the record taken before the
    import, so answers the import added disappear again.
    """

    def __init__(self, session: Session, vendor_id: int, record: VendorRecord) -> None:
        super().__init__(session, f"Import {record.name}")
        self.vendor_id = vendor_id
        self.record = record
        self.before: VendorRecord | None = None

    def apply(self) -> None:
        store = self.session.store
        with store.transaction():
            self.before = vendor_record(store, self.session.resolve(self.vendor_id))
            import_vendor(store, self.record)

    def revert(self) -> None:
        assert self.before is not None
        store = self.session.store
        old_id = self.session.resolve(self.vendor_id)
        with store.transaction():
            store.delete_vendor(old_id)
            vendor, _ = import_vendor(store, self.before)
        self.session.add_alias(old_id, vendor.id)
