"""The Negotiate tab: a vendor's proposed clauses, their negotiation, and the Word addendum.

Self-contained: give it the Store, call ``set_vendor(vendor_id)`` when the
selection changes and ``refresh()`` when other parts of the program changed
the data. It emits ``dataChanged`` after every write it makes to the store.
``attach_negotiate_tab(window)`` plugs it into the main window.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clause_library.filling import parse_value
from clause_library.library import ClauseLibrary, ClauseLibraryError, load_practice_library
from clause_library.planning import AddendumPlan, build_plan
from exports.addendum_docx import AddendumOptions, write_addendum
from gui.clause_editor import ClauseEditor
from gui.negotiation_model import Column, NegotiationModel
from gui.services import dialogs, with_extension
from models import paths
from models.checklist import Checklist
from models.errors import VendorNotFoundError, WorkbenchError
from models.negotiation import Negotiations
from models.store import Store

if TYPE_CHECKING:
    from gui.jobs import Job, Progress
    from gui.main_window import MainWindow

JobRunner = Callable[[str, Callable[["Progress"], Any], Callable[[Any], None]], "Job"]

log = logging.getLogger(__name__)

DOCX_FILTER = "Word documents (*.docx)"
FORMS = (("Clean", (False,)), ("Redlined", (True,)), ("Clean and redlined", (False, True)))
EFFECTIVE_DATE = "effective_date"


class NegotiateTab(QWidget):
    """Negotiate the selected vendor's BAA addendum and save it as Word files.

    Signals:
        dataChanged(): the tab wrote negotiation data to the store.
    """

    dataChanged = Signal()

    def __init__(
        self, store: Store, parent: QWidget | None = None, library: ClauseLibrary | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.negotiations = Negotiations(store)
        self.vendor_id: int | None = None
        self.plan: AddendumPlan | None = None
        # Set while the tab is hidden and the vendor or the data changed; see follow_vendor.
        self._stale = False
        self._vendor_changed = False
        self.library_error = ""
        self.library = library or self._load_library()
        # Set by attach_negotiate_tab: runs saving off the GUI thread with progress and Cancel.
        self.job_runner: JobRunner | None = None
        self.save_job: Job | None = None
        self.model = NegotiationModel(self._write_include, self)
        self._build()
        self.set_vendor(None)

    def _load_library(self) -> ClauseLibrary | None:
        try:
            return load_practice_library(self.store.checklist)
        except ClauseLibraryError as exc:
            log.error("Clause library failed to load: %s", exc)
            self.library_error = "\n".join(exc.problems) or str(exc)
            return None

    # -- layout ----------------------------------------------------------------

    def _build(self) -> None:
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        # The clause title is what tells rows apart: it gets the spare width and wraps
        # onto a second line rather than being cut off; the other columns stay narrow.
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.CLAUSE, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.editor = self._build_editor()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.editor)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([520, 380])
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, stretch=1)
        layout.addLayout(self._build_save_bar())

    def _build_editor(self) -> QWidget:
        if self.library is None:
            message = QLabel(
                "The clause library cannot be loaded. Fix these problems in the clause files "
                f"in {paths.user_clause_dir()}:\n\n{self.library_error}"
            )
            message.setWordWrap(True)
            message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            return message
        editor = ClauseEditor(self.library)
        editor.positionChosen.connect(self._write_position)
        editor.parameterEdited.connect(self._write_parameter)
        editor.wordingSaved.connect(self._write_wording)
        editor.roundRecorded.connect(self._write_round)
        editor.noteAdded.connect(self._write_note)
        return editor

    def _build_save_bar(self) -> QHBoxLayout:
        self.effective_date = QLineEdit()
        self.effective_date.setPlaceholderText("YYYY-MM-DD")
        self.effective_date.setMaximumWidth(110)
        self.effective_date.editingFinished.connect(self._write_effective_date)
        self.form = QComboBox()
        for label, _ in FORMS:
            self.form.addItem(label)
        self.form.setCurrentIndex(2)
        self.comments = QCheckBox("Add \u201cwhy we ask\u201d notes as Word comments")
        self.save_button = QPushButton("Save addendum...")
        self.save_button.clicked.connect(self.save_addendum)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Effective date:"))
        bar.addWidget(self.effective_date)
        bar.addStretch()
        bar.addWidget(QLabel("Form:"))
        bar.addWidget(self.form)
        bar.addWidget(self.comments)
        bar.addWidget(self.save_button)
        return bar

    # -- vendor and plan -------------------------------------------------------

    def set_store(self, store: Store) -> None:
        """Work on another database (the window opened another file)."""
        self.store = store
        self.negotiations = Negotiations(store)
        self.set_vendor(None)

    def set_vendor(self, vendor_id: int | None) -> None:
        """Show the negotiation of *vendor_id* (None shows nothing)."""
        self.vendor_id = vendor_id
        self.refresh()
        if self.model.rowCount():
            self.table.selectRow(0)

    def follow_vendor(self, vendor_id: int | None) -> None:
        """Show *vendor_id* now if the tab is visible, else when it is next shown.

        Building a vendor's plan and sizing the clause rows takes about 30 ms, which
        would double the cost of every vendor switch in the window while the tab is
        hidden.
        """
        if self.isVisible():
            self.set_vendor(vendor_id)
            return
        self._vendor_changed = self._vendor_changed or vendor_id != self.vendor_id
        self.vendor_id = vendor_id
        self._stale = True

    def follow_data_change(self) -> None:
        """Refresh now if the tab is visible, else when it is next shown."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._stale:
            return
        self._stale = False
        if self._vendor_changed:
            self._vendor_changed = False
            self.set_vendor(self.vendor_id)
        else:
            self.refresh()

    def refresh(self) -> None:
        """Rebuild the plan from the store, keeping the selected clause when it is still there."""
        selected = self.selected_clause_id()
        self.plan = self._build_plan()
        if self.plan is None:
            self.model.set_plan(None)
        else:
            self.model.update_plan(self.plan)
        self._show_summary()
        self.effective_date.setText(self._stored_effective_date())
        enabled = self.plan is not None
        for widget in (self.effective_date, self.form, self.comments, self.save_button):
            widget.setEnabled(enabled)
        row = self.model.row_of(selected) if selected else -1
        if row >= 0:
            self.table.selectRow(row)
        self._show_selected()

    def _build_plan(self) -> AddendumPlan | None:
        if self.vendor_id is None or self.library is None:
            return None
        try:
            return build_plan(self.store, self.library, self.vendor_id)
        except VendorNotFoundError:
            log.info("Vendor %s is gone; the Negotiate tab shows no vendor", self.vendor_id)
            self.vendor_id = None
            return None
        except WorkbenchError as exc:
            log.warning("Negotiation of vendor %s cannot be shown: %s", self.vendor_id, exc)
            self.summary.setText(str(exc))
            return None

    def _stored_effective_date(self) -> str:
        if self.vendor_id is None or self.plan is None:
            return ""
        return self.negotiations.parameters(self.vendor_id).get(EFFECTIVE_DATE, "")

    def _show_summary(self) -> None:
        if self.library is None:
            self.summary.setText("The clause library has errors; fix the clause files.")
            return
        if self.plan is None:
            if self.vendor_id is None:
                self.summary.setText("Select a vendor to negotiate its BAA addendum.")
            return
        included = len(self.plan.in_addendum())
        name = html.escape(self.plan.vendor.name)
        text = (
            f"<b>{name}</b>: {_clauses(len(self.plan.clauses))} proposed or "
            f"negotiated, {included} in the addendum."
        )
        titles = self.plan.unremedied_titles(self.store.checklist)
        if titles:
            text += " No clause can fix: " + ", ".join(html.escape(title) for title in titles) + "."
        if not self.plan.clauses:
            text += " The vendor meets every target that a clause can fix."
        self.summary.setText(text)

    def selected_clause_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.planned(rows[0].row()).clause.id if rows else None

    def _on_selection(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        del selected, deselected  # the current selection is read from the view
        self._show_selected()

    def _show_selected(self) -> None:
        if not isinstance(self.editor, ClauseEditor):
            return
        rows = self.table.selectionModel().selectedRows()
        self.editor.show_clause(self.model.planned(rows[0].row()) if rows else None)

    # -- writes ----------------------------------------------------------------

    def _write(self, title: str, action: object) -> bool:
        """Run one write to the store; report a user error; refresh and signal on success."""
        try:
            action()  # type: ignore[operator]
        except WorkbenchError as exc:
            dialogs().error(self, title, str(exc))
            self.refresh()
            return False
        self.refresh()
        self.dataChanged.emit()
        return True

    def _write_include(self, clause_id: str, included: bool) -> None:
        vendor_id = self._vendor()
        self._write(
            "Include clause",
            lambda: self.negotiations.set_included(vendor_id, clause_id, included),
        )

    def _write_position(self, position: str) -> None:
        vendor_id, clause_id = self._vendor(), self._clause()
        self._write(
            "Position", lambda: self.negotiations.set_position(vendor_id, clause_id, position)
        )

    def _write_parameter(self, name: str, text: str) -> None:
        vendor_id, clause_id = self._vendor(), self._clause()

        def action() -> None:
            if text and self.library is not None:
                parse_value(self.library.parameters[name], text)
            self.negotiations.set_override(vendor_id, clause_id, name, text or None)

        self._write("Parameter", action)

    def _write_wording(self, text: str | None) -> None:
        vendor_id, clause_id = self._vendor(), self._clause()
        self._write(
            "Vendor wording",
            lambda: self.negotiations.set_vendor_wording(vendor_id, clause_id, text),
        )

    def _write_round(self, status: str, note: str) -> None:
        vendor_id, clause_id = self._vendor(), self._clause()
        self._write(
            "Record round",
            lambda: self.negotiations.record_round(vendor_id, clause_id, status, note),
        )

    def _write_note(self, note: str) -> None:
        vendor_id, clause_id = self._vendor(), self._clause()
        self._write("Add note", lambda: self.negotiations.add_note(vendor_id, clause_id, note))

    def _write_effective_date(self) -> None:
        if self.vendor_id is None or self.library is None:
            return
        text = self.effective_date.text().strip()
        if text == self._stored_effective_date():
            return
        vendor_id, parameter = self.vendor_id, self.library.parameters.get(EFFECTIVE_DATE)

        def action() -> None:
            if text and parameter is not None:
                parse_value(parameter, text)
            self.negotiations.set_parameter(vendor_id, EFFECTIVE_DATE, text or None)

        self._write("Effective date", action)

    def _vendor(self) -> int:
        assert self.vendor_id is not None, "edits arrive only while a vendor is shown"
        return self.vendor_id

    def _clause(self) -> str:
        clause_id = self.selected_clause_id()
        assert clause_id is not None, "the editor is enabled only with a clause selected"
        return clause_id

    # -- saving ----------------------------------------------------------------

    def save_addendum(self) -> list[Path]:
        """Ask for a file name and write the addendum in the chosen forms; return the files."""
        if self.plan is None:
            return []
        plan = self.plan
        if not plan.in_addendum():
            dialogs().warning(self, "Save addendum", "Include at least one clause first.")
            return []
        if not self._confirm_missing(plan):
            return []
        suggested = f"{plan.vendor.name} BAA addendum.docx"
        target = dialogs().save_file(self, "Save addendum", DOCX_FILTER, suggested)
        if target is None:
            return []
        return self._write_files(plan, self._targets(_with_docx_suffix(target)))

    def _confirm_missing(self, plan: AddendumPlan) -> bool:
        missing = plan.missing_parameters()
        if not missing:
            return True
        names = ", ".join(name.replace("_", " ") for name in missing)
        return dialogs().confirm(
            self,
            "Save addendum",
            f"These parameters have no value: {names}. The document will show them in "
            "[brackets]. Save anyway?",
        )

    def _targets(self, target: Path) -> list[tuple[Path, AddendumOptions]]:
        """Pair each file to write with its options; "both" adds " (redlined)" to the second."""
        redlines = FORMS[self.form.currentIndex()][1]
        targets = []
        for redline in redlines:
            path = target
            if redline and len(redlines) > 1:
                path = target.with_name(f"{target.stem} (redlined){target.suffix}")
            options = AddendumOptions(redline=redline, comments=self.comments.isChecked())
            targets.append((path, options))
        return targets

    def _write_files(
        self, plan: AddendumPlan, targets: list[tuple[Path, AddendumOptions]]
    ) -> list[Path]:
        """Write the files, through the window's job runner when the tab has one."""
        checklist = self.store.checklist
        if self.job_runner is not None:
            self.save_job = self.job_runner(
                "Saving addendum",
                lambda progress: write_files(plan, checklist, targets, progress),
                self._on_saved,
            )
            return [path for path, _ in targets]
        try:
            written = write_files(plan, checklist, targets, None)
        except (WorkbenchError, OSError) as exc:
            dialogs().error(self, "Save addendum", str(exc))
            return []
        self._on_saved(written)
        return written

    def _on_saved(self, written: list[Path]) -> None:
        dialogs().info(self, "Save addendum", "Saved:\n" + "\n".join(map(str, written)))


def write_files(
    plan: AddendumPlan,
    checklist: Checklist,
    targets: list[tuple[Path, AddendumOptions]],
    progress: Progress | None,
) -> list[Path]:
    """Write each target; runs on a worker thread, so it touches neither widgets nor the Store."""
    written = []
    for done, (path, options) in enumerate(targets):
        if progress is not None:
            progress.check()
            progress.report(done, len(targets), f"Writing {path.name}")
        written.append(write_addendum(plan, checklist, path, options))
    return written


def _with_docx_suffix(path: Path) -> Path:
    return with_extension(path, ".docx")


def attach_negotiate_tab(window: MainWindow) -> NegotiateTab:
    """Add the Negotiate tab to *window* and connect it to the window's extension points."""
    tab = NegotiateTab(window.store)
    tab.job_runner = window.run_job
    window.add_tab(tab, "&Negotiate")

    def on_vendor_selected(vendor_id: int) -> None:
        tab.follow_vendor(vendor_id if vendor_id >= 0 else None)

    def on_window_data_changed() -> None:
        if window.store is not tab.store:
            tab.set_store(window.store)
            tab.set_vendor(window.current_vendor_id())
        else:
            tab.follow_data_change()

    window.vendorSelected.connect(on_vendor_selected)
    window.dataChanged.connect(on_window_data_changed)
    tab.dataChanged.connect(window.notify_data_changed)
    tab.set_vendor(window.current_vendor_id())
    return tab


def _clauses(count: int) -> str:
    return f"{count} clause" if count == 1 else f"{count} clauses"
