"""Name the kind of a zip package that is not a Word document, for the error shown to the user.

Excel, PowerPoint and OpenDocument files are zip packages like a .docx, so a
user who picks the wrong file would otherwise be told only that the package
has no Word body.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable

PartReader = Callable[[str], bytes | None]

# A text file can be converted to .docx, but a spreadsheet or a presentation is most likely
# the wrong file.
_CONVERT = (
    "open it in Word or LibreOffice Writer, save it as a Word document (.docx) and import that"
)
_WRONG_FILE = "choose the vendor's BAA saved as a Word document (.docx) instead"

# An OpenDocument package stores its media type in a part named "mimetype".
_OPENDOCUMENT_KINDS = {
    "application/vnd.oasis.opendocument.text": ("an OpenDocument text file (.odt)", _CONVERT),
    "application/vnd.oasis.opendocument.spreadsheet": (
        "an OpenDocument spreadsheet (.ods)",
        _WRONG_FILE,
    ),
    "application/vnd.oasis.opendocument.presentation": (
        "an OpenDocument presentation (.odp)",
        _WRONG_FILE,
    ),
}
# The folder of the main part that Office writes for each application.
_OFFICE_KINDS = {
    "xl": ("an Excel workbook (.xlsx)", _WRONG_FILE),
    "ppt": ("a PowerPoint presentation (.pptx)", _WRONG_FILE),
}


def other_format_message(source: str, read: PartReader, main_part: str | None) -> str | None:
    """Return the message for an OpenDocument, Excel or PowerPoint package, else None.

    *read* returns a member's bytes or None, and *main_part* is the part the
    package relationships name as the main document, if any.
    """
    kind = _opendocument_kind(read) or _office_kind(main_part)
    if kind is None:
        return None
    name, advice = kind
    return f"{source}: {name}, not a Word document (.docx); {advice}"


def archive_message(source: str, names: list[str]) -> str:
    """Return the message for a zip archive with no Word document part, naming a .docx in it."""
    inner = [name for name in names if name.lower().endswith(".docx")]
    if inner:
        return (
            f"{source}: a zip archive, not a Word document (.docx); it contains "
            f"{posixpath.basename(inner[0])}, so extract that file and import it"
        )
    return (
        f"{source}: a zip archive, not a Word document (.docx); if the BAA is inside, "
        "extract the .docx file and import that"
    )


def _opendocument_kind(read: PartReader) -> tuple[str, str] | None:
    data = read("mimetype")
    if data is None:
        return None
    media_type = data[:100].decode("ascii", errors="replace").strip()
    if not media_type.startswith("application/vnd.oasis.opendocument"):
        return None
    return _OPENDOCUMENT_KINDS.get(media_type, ("an OpenDocument file", _CONVERT))


def _office_kind(main_part: str | None) -> tuple[str, str] | None:
    if main_part is None:
        return None
    return _OFFICE_KINDS.get(main_part.split("/", 1)[0])
