"""The Vendor tab: the selected vendor's profile, BAA dates and a score summary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDataWidgetMapper,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gui.date_field import OptionalDateEdit
from gui.status_style import STATUS_TEXT
from gui.vendor_profile_model import COLUMN, LABELS, VendorProfileModel
from models.scoring import Status
from models.vendors import BaaStatus

if TYPE_CHECKING:
    from gui.main_window import MainWindow

TEXT_FIELDS = ("name", "service", "website", "contact")
DATE_FIELDS = ("baa_executed", "baa_term_end", "baa_next_review")


class VendorTab(QWidget):
    """Profile editors bound to VendorProfileModel; each change saves and can be undone."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.main_window = window
        self.model = VendorProfileModel(window.session, self)
        self.mapper = QDataWidgetMapper(self)
        self.mapper.setModel(self.model)
        self.mapper.setSubmitPolicy(QDataWidgetMapper.SubmitPolicy.AutoSubmit)
        self.editors: dict[str, QWidget] = {}
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty = QLabel("Select a vendor in the list, or add one with Vendor > Add vendor.")
        content = QWidget()
        row = QHBoxLayout(content)
        row.addWidget(self._profile_box(), 3)
        score_box = QGroupBox("Score")
        QVBoxLayout(score_box).addWidget(self.summary)
        row.addWidget(score_box, 2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(scroll, 1)
        self._scroll = scroll
        self.model.modelReset.connect(self._show_vendor)
        window.vendorSelected.connect(self.model.set_vendor)
        self._show_vendor()

    def _profile_box(self) -> QGroupBox:
        box = QGroupBox("Profile")
        form = QFormLayout(box)
        for field in TEXT_FIELDS:
            self._add(form, field, QLineEdit())
        status = QComboBox()
        status.addItems([choice.label for choice in BaaStatus])
        status.activated.connect(self.mapper.submit)
        self._add(form, "baa_status", status)
        for field in DATE_FIELDS:
            editor = OptionalDateEdit()
            editor.edited.connect(self.mapper.submit)
            self._add(form, field, editor)
        notes = QPlainTextEdit()
        notes.setTabChangesFocus(True)
        notes.setMinimumHeight(90)
        self._add(form, "notes", notes)
        return box

    def _add(self, form: QFormLayout, field: str, editor: QWidget) -> None:
        editor.setObjectName(field)
        self.editors[field] = editor
        self.mapper.addMapping(editor, COLUMN[field])
        form.addRow(LABELS[field] + ":", editor)

    def _show_vendor(self) -> None:
        has_vendor = self.model.vendor is not None
        self.empty.setVisible(not has_vendor)
        self._scroll.setVisible(has_vendor)
        if has_vendor:
            self.mapper.toFirst()
        self.summary.setText(self._summary_html())

    def _summary_html(self) -> str:
        vendor = self.model.vendor
        if vendor is None:
            return ""
        score = self.main_window.session.snapshot.scores.get(vendor.id)
        if score is None:
            return ""
        overall = "n/a" if score.overall is None else f"{score.overall:.1f} of 100"
        lines = [f"<p><b>Overall: {overall}</b></p>"]
        if score.disqualified:
            titles = [
                self.main_window.store.checklist.items[item].title for item in score.knockouts
            ]
            lines.append(
                "<p style='color:#a00000'><b>✗ Disqualified</b> by a gap on: "
                + "; ".join(_escape(title) for title in titles)
                + "</p>"
            )
        counts = ", ".join(
            f"{score.counts.get(status, 0)} {STATUS_TEXT[status]}" for status in Status
        )
        lines.append(f"<p>{counts}</p><table>")
        for section in self.main_window.store.checklist.sections:
            value = score.sections.get(section.id)
            shown = "n/a" if value is None else f"{value:.0f}"
            lines.append(
                f"<tr><td>{_escape(section.title)}</td><td align='right'>{shown}</td></tr>"
            )
        lines.append("</table>")
        return "".join(lines)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
