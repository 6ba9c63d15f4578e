"""Exceptions the domain raises for problems a user can fix.

Every exception here carries a message written for the person at the keyboard:
what failed, on which value, and what to do. The CLI prints it as one line; the
GUI shows it in a message box. Anything else that escapes is a bug.
"""


class WorkbenchError(Exception):
    """Base class of all errors that are shown to the user as a message."""


class ChecklistError(WorkbenchError):
    """The checklist data file is invalid."""


class AnswerValueError(WorkbenchError):
    """An answer value does not fit its checklist item's answer type."""


class StorageError(WorkbenchError):
    """The database file cannot be opened, read or written."""


class DatabaseInUseError(StorageError):
    """Another program holds a lock on the database file."""


class NotOurDatabaseError(StorageError):
    """The file is an SQLite database, but not one this program created."""


class VendorNotFoundError(WorkbenchError):
    """No vendor has the requested name or id."""


class DuplicateVendorError(WorkbenchError):
    """A vendor with that name (ignoring case) already exists."""


class InvalidFieldError(WorkbenchError):
    """A profile field has a value that cannot be stored."""


class VendorFileError(WorkbenchError):
    """A vendor JSON exchange file is malformed or invalid.

    Attributes:
        problems: one line per problem, each starting with its JSON path.
    """

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        shown = "; ".join(problems[:5])
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        super().__init__(f"{source}: invalid vendor file: {shown}{more}")
