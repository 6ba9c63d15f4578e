"""Load and validate the clause library: parameters.toml and one clause file per section.

The built-in files live in ``clause_library/data``. A practice may put its own
``*.toml`` clause files (and a ``parameters.toml``) in its clause folder. Their
clauses extend the built-in ones, and a clause with a built-in id replaces it.
Every file goes through the same checks, and a problem names the file, the
clause and the field so that the practice can fix its own files.
"""

from __future__ import annotations

import enum
import logging
import string
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from models import paths
from models.checklist import Checklist
from models.errors import WorkbenchError

log = logging.getLogger(__name__)

PACKAGE_DIR = Path(__file__).resolve().parent
BUILTIN_DATA_DIR = PACKAGE_DIR / "data"
BUILTIN_PARAMETERS = PACKAGE_DIR / "parameters.toml"
PARAMETERS_FILE = "parameters.toml"
FORMAT_VERSION = 1

CLAUSE_KEYS = frozenset(
    ("id", "items", "title", "why", "regulation", "preferred", "fallback", "walk_away")
)
PARAMETER_KEYS = frozenset(("description", "kind", "from", "default"))
NUMBER_KINDS = frozenset(("hours", "minutes", "days", "business_days", "years", "usd"))
PARAMETER_KINDS = NUMBER_KINDS | {"text", "tls_version", "frequency", "date"}
# Sources a parameter may draw its value from, besides "target:<item_id>" and "".
FIXED_SOURCES = frozenset(("practice.name", "practice.state", "vendor.name"))


class ClauseLibraryError(WorkbenchError):
    """One or more clause or parameter files are invalid.

    Attributes:
        problems: one line per problem, each naming the file, clause and field.
    """

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = "; ".join(problems[:5])
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        super().__init__(f"invalid clause library: {shown}{more}")


class ClauseNotFoundError(WorkbenchError):
    """No clause in the library has the requested id."""


class Position(enum.StrEnum):
    """The three negotiating positions of a clause, strongest first."""

    PREFERRED = "preferred"
    FALLBACK = "fallback"
    WALK_AWAY = "walk_away"

    @property
    def label(self) -> str:
        return {"preferred": "Preferred", "fallback": "Fallback", "walk_away": "Walk-away"}[self]


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str
    kind: str
    source: str
    default: str | int | float


@dataclass(frozen=True)
class Clause:
    """One addendum clause: the items it remedies and its text for each position."""

    id: str
    section: str
    items: tuple[str, ...]
    title: str
    why: str
    regulation: str
    texts: dict[Position, str]
    path: Path

    @property
    def primary_item(self) -> str:
        return self.items[0]

    def parameters(self) -> list[str]:
        """Names of the parameters any position's text uses, in first-use order."""
        names: dict[str, None] = {}
        for text in self.texts.values():
            names.update(dict.fromkeys(placeholders(text)))
        return list(names)


@dataclass(frozen=True)
class NoClause:
    item: str
    reason: str
    path: Path


@dataclass
class ClauseLibrary:
    """The validated clauses and parameters, in section and file order."""

    clauses: dict[str, Clause]
    parameters: dict[str, Parameter]
    no_clause: dict[str, NoClause] = field(default_factory=dict)

    def __iter__(self) -> Iterator[Clause]:
        return iter(self.clauses.values())

    def __len__(self) -> int:
        return len(self.clauses)

    def clause(self, clause_id: str) -> Clause:
        try:
            return self.clauses[clause_id]
        except KeyError:
            raise ClauseNotFoundError(
                f"no clause with id {clause_id!r}; `clauses list` shows the ids"
            ) from None

    def clauses_for(self, item_id: str) -> list[Clause]:
        """Return the clauses that remedy *item_id*, those with it as primary item first."""
        found = [clause for clause in self if item_id in clause.items]
        return sorted(found, key=lambda clause: clause.items.index(item_id))


def placeholders(text: str) -> list[str]:
    """Return the ``{name}`` fields of a clause text in order (raises ValueError on bad braces)."""
    return [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]


def load_library(
    checklist: Checklist,
    user_dir: Path | None = None,
    builtin_dir: Path = BUILTIN_DATA_DIR,
    builtin_parameters: Path = BUILTIN_PARAMETERS,
) -> ClauseLibrary:
    """Load the built-in clause library, extended by the practice's files in *user_dir*.

    Raises:
        ClauseLibraryError: listing every problem found in every file.
    """
    loader = _Loader(checklist)
    loader.read_parameters(builtin_parameters)
    user_files: list[Path] = []
    if user_dir is not None and user_dir.is_dir():
        user_parameters = user_dir / PARAMETERS_FILE
        if user_parameters.is_file():
            loader.read_parameters(user_parameters)
        user_files = sorted(p for p in user_dir.glob("*.toml") if p.name != PARAMETERS_FILE)
    for path in sorted(builtin_dir.glob("*.toml")):
        loader.read_clause_file(path, overriding=False)
    for path in user_files:
        loader.read_clause_file(path, overriding=True)
    return loader.finish()


def load_practice_library(checklist: Checklist) -> ClauseLibrary:
    """Load the built-in library with the practice's clause folder (``paths.user_clause_dir``)."""
    return load_library(checklist, user_dir=paths.user_clause_dir())


def check_clause_dir(checklist: Checklist, folder: Path) -> ClauseLibrary:
    """Validate a folder of clause files on top of the built-in library (``clauses check``)."""
    if not folder.is_dir():
        raise ClauseLibraryError([f"{folder}: not a folder of clause files"])
    return load_library(checklist, user_dir=folder)


class _Loader:
    """Collects clauses and problems across files, so one run reports every problem."""

    def __init__(self, checklist: Checklist) -> None:
        self.checklist = checklist
        self.problems: list[str] = []
        self.parameters: dict[str, Parameter] = {}
        self.clauses: dict[str, Clause] = {}
        self.no_clause: dict[str, NoClause] = {}
        self._user_ids: set[str] = set()

    def finish(self) -> ClauseLibrary:
        if self.problems:
            raise ClauseLibraryError(self.problems)
        order = {section.id: index for index, section in enumerate(self.checklist.sections)}
        ordered = sorted(self.clauses.values(), key=lambda clause: order[clause.section])
        return ClauseLibrary({c.id: c for c in ordered}, self.parameters, self.no_clause)

    def problem(self, path: Path, where: str, message: str) -> None:
        self.problems.append(
            f"{path.name}: {where}: {message}" if where else f"{path.name}: {message}"
        )

    def read_toml(self, path: Path) -> dict[str, Any] | None:
        try:
            with path.open("rb") as file:
                data = tomllib.load(file)
        except tomllib.TOMLDecodeError as exc:
            self.problem(path, "", f"not valid TOML ({exc})")
            return None
        except UnicodeDecodeError as exc:
            self.problem(
                path, "", f"not UTF-8 text (byte at offset {exc.start}); save the file as UTF-8"
            )
            return None
        except OSError as exc:
            self.problem(path, "", f"cannot read the file ({exc.strerror})")
            return None
        if data.get("format") != FORMAT_VERSION:
            self.problem(path, "format", f"expected format = {FORMAT_VERSION}")
            return None
        return data

    # -- parameters ------------------------------------------------------------

    def read_parameters(self, path: Path) -> None:
        data = self.read_toml(path)
        if data is None:
            return
        table = data.get("parameters")
        if not isinstance(table, dict) or not table:
            self.problem(path, "parameters", "expected [parameters.<name>] tables")
            return
        for name, row in table.items():
            parameter = self._parameter(path, name, row)
            if parameter is not None:
                self.parameters[name] = parameter

    def _parameter(self, path: Path, name: str, row: object) -> Parameter | None:
        where = f"parameter {name!r}"
        if not name.isidentifier():
            self.problem(path, where, "a parameter name must be letters, digits and _")
            return None
        if not isinstance(row, dict):
            self.problem(path, where, "expected a table")
            return None
        for key in sorted(set(row) - PARAMETER_KEYS):
            self.problem(path, where, f"unknown field {key!r}")
        kind, source, default = row.get("kind"), row.get("from", ""), row.get("default", "")
        if kind not in PARAMETER_KINDS:
            self.problem(
                path, f"{where} field kind", f"{kind!r} is not one of {_listing(PARAMETER_KINDS)}"
            )
            return None
        if not self._valid_source(path, where, source):
            return None
        if kind in NUMBER_KINDS and (
            isinstance(default, bool) or not isinstance(default, int | float)
        ):
            self.problem(
                path,
                f"{where} field default",
                f"a {kind} parameter needs a number, got {default!r}",
            )
            return None
        if kind not in NUMBER_KINDS and not isinstance(default, str):
            self.problem(path, f"{where} field default", f"expected text, got {default!r}")
            return None
        return Parameter(name, str(row.get("description", "")), kind, source, default)

    def _valid_source(self, path: Path, where: str, source: object) -> bool:
        if source == "" or source in FIXED_SOURCES:
            return True
        if isinstance(source, str) and source.startswith("target:"):
            item_id = source.removeprefix("target:")
            if item_id in self.checklist.items:
                return True
            self.problem(path, f"{where} field from", f"no checklist item {item_id!r}")
            return False
        allowed = _listing(FIXED_SOURCES | {"target:<item_id>", '""'})
        self.problem(path, f"{where} field from", f"{source!r} is not one of {allowed}")
        return False

    # -- clause files ----------------------------------------------------------

    def read_clause_file(self, path: Path, overriding: bool) -> None:
        data = self.read_toml(path)
        if data is None:
            return
        section = data.get("section")
        if section not in {s.id for s in self.checklist.sections}:
            self.problem(path, "section", f"{section!r} is not a checklist section")
            return
        for index, row in enumerate(_rows(data.get("no_clause", []))):
            self._no_clause(path, index, row)
        rows = data.get("clauses", [])
        if not isinstance(rows, list):
            self.problem(path, "clauses", "expected [[clauses]] tables")
            return
        for index, row in enumerate(rows):
            clause = self._clause(path, section, index, row)
            if clause is not None:
                self._add_clause(path, clause, overriding)

    def _no_clause(self, path: Path, index: int, row: object) -> None:
        where = f"no_clause #{index + 1}"
        if not isinstance(row, dict):
            self.problem(path, where, "expected a table with item and reason")
            return
        item = row.get("item")
        if item not in self.checklist.items:
            self.problem(path, f"{where} field item", f"{item!r} is not a checklist item id")
            return
        if not isinstance(row.get("reason"), str) or not row["reason"].strip():
            self.problem(path, f"{where} field reason", "say why no clause can remedy the item")
            return
        self.no_clause[item] = NoClause(item, row["reason"].strip(), path)

    def _add_clause(self, path: Path, clause: Clause, overriding: bool) -> None:
        existing = self.clauses.get(clause.id)
        if existing is not None and (not overriding or clause.id in self._user_ids):
            self.problem(
                path,
                f"clause {clause.id!r} field id",
                f"duplicate id; first defined in {existing.path.name}",
            )
            return
        if existing is not None:
            log.info("Clause %s from %s replaces the built-in one", clause.id, path)
        if overriding:
            self._user_ids.add(clause.id)
        self.clauses[clause.id] = clause

    def _clause(self, path: Path, section: str, index: int, row: object) -> Clause | None:
        if not isinstance(row, dict):
            self.problem(path, f"clause #{index + 1}", "expected a table")
            return None
        clause_id = row.get("id")
        if not isinstance(clause_id, str) or not clause_id.strip():
            self.problem(path, f"clause #{index + 1} field id", "missing clause id")
            return None
        where = f"clause {clause_id!r}"
        before = len(self.problems)
        for key in sorted(set(row) - CLAUSE_KEYS):
            self.problem(path, where, f"unknown field {key!r}")
        items = self._items(path, where, row.get("items"))
        texts = {position: self._text(path, where, row, position) for position in Position}
        notes = {key: self._note(path, where, row, key) for key in ("title", "why", "regulation")}
        if len(self.problems) > before:
            return None
        return Clause(
            clause_id,
            section,
            items,
            notes["title"],
            notes["why"],
            notes["regulation"],
            texts,
            path,
        )

    def _items(self, path: Path, where: str, items: object) -> tuple[str, ...]:
        if not isinstance(items, list) or not items:
            self.problem(path, f"{where} field items", "list at least one checklist item id")
            return ()
        for item in items:
            if item not in self.checklist.items:
                self.problem(path, f"{where} field items", f"{item!r} is not a checklist item id")
        return tuple(str(item) for item in items)

    def _note(self, path: Path, where: str, row: dict[str, Any], key: str) -> str:
        value = row.get(key, "")
        if not isinstance(value, str) or (key != "regulation" and not value.strip()):
            self.problem(path, f"{where} field {key}", "missing text")
            return ""
        return " ".join(value.split())

    def _text(self, path: Path, where: str, row: dict[str, Any], position: Position) -> str:
        text = row.get(position.value)
        if not isinstance(text, str) or not text.strip():
            self.problem(path, f"{where} field {position.value}", "missing position text")
            return ""
        try:
            fields = list(string.Formatter().parse(text))
        except ValueError as exc:
            self.problem(
                path,
                f"{where} field {position.value}",
                f"unbalanced braces ({exc}); write {{{{ for a literal brace",
            )
            return ""
        for _, name, spec, conversion in fields:
            if name is None:
                continue
            if spec or conversion or name not in self.parameters:
                self.problem(
                    path,
                    f"{where} field {position.value}",
                    f"unknown parameter {{{name}}}; fix the name or add it to parameters.toml",
                )
        return " ".join(text.split())


def _rows(value: object) -> list[object]:
    return value if isinstance(value, list) else [value]


def _listing(names: object) -> str:
    return ", ".join(sorted(str(name) for name in names))  # type: ignore[attr-defined]
