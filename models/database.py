"""Open the SQLite file safely: pragmas, schema migrations, transactions, errors.

Every connection runs with foreign keys on and a busy timeout, the file is in
WAL mode so a second program can read while one writes, and the schema is
created and upgraded with sqlite-utils' versioned ``Migrations``.

The store itself talks to a plain ``sqlite3`` connection in autocommit mode and
imports sqlite-utils only when a migration is pending: sqlite-utils imports
numpy at import time (about 100 ms here), which a quick `vendors list` should
not pay for.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from models.errors import DatabaseInUseError, NotOurDatabaseError, StorageError

if TYPE_CHECKING:
    import sqlite_utils

log = logging.getLogger(__name__)

# "BAAW" in ASCII, written to the SQLite header so the program recognises its files.
APPLICATION_ID = 0x42414157
SQLITE_MAGIC = b"SQLite format 3\x00"
# Seconds a write waits for another program's transaction before reporting "in use".
BUSY_TIMEOUT = 3.0

MIGRATION_SET = "baa_workbench"


_INITIAL_SCHEMA = [
    """
    CREATE TABLE practice (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL DEFAULT '',
        contact TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL DEFAULT ''
    )
    """,
    """
    INSERT INTO practice (id) VALUES (1)
    """,
    """
    CREATE TABLE practice_targets (
        item_id TEXT PRIMARY KEY,
        target TEXT,
        weight INTEGER,
        source TEXT NOT NULL DEFAULT ''
    )
    """,
    """
    CREATE TABLE vendors (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        service TEXT NOT NULL DEFAULT '',
        website TEXT NOT NULL DEFAULT '',
        contact TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        baa_status TEXT NOT NULL DEFAULT 'none',
        baa_executed TEXT NOT NULL DEFAULT '',
        baa_term_end TEXT NOT NULL DEFAULT '',
        baa_next_review TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE answers (
        vendor_id INTEGER NOT NULL REFERENCES vendors(id) ON DELETE CASCADE,
        item_id TEXT NOT NULL,
        value TEXT,
        note TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        PRIMARY KEY (vendor_id, item_id)
    )
    """,
    """
    CREATE TABLE baa_wording (
        vendor_id INTEGER NOT NULL REFERENCES vendors(id) ON DELETE CASCADE,
        item_id TEXT NOT NULL,
        text TEXT NOT NULL,
        source TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        PRIMARY KEY (vendor_id, item_id)
    )
    """,
    """
    CREATE TABLE audit_trail (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL DEFAULT '',
        field TEXT NOT NULL,
        old_value TEXT,
        new_value TEXT
    )
    """,
    """
    CREATE INDEX audit_trail_entity ON audit_trail (entity, entity_id)
    """,
    """
    CREATE TRIGGER audit_trail_no_update BEFORE UPDATE ON audit_trail
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END
    """,
    """
    CREATE TRIGGER audit_trail_no_delete BEFORE DELETE ON audit_trail
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END
    """,
]


def _initial_schema(db: sqlite_utils.Database) -> None:
    # One statement at a time: executescript() would commit the migration's transaction.
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    for statement in _INITIAL_SCHEMA:
        db.execute(statement)


# Negotiation state per vendor and clause. overrides is a JSON object of
# parameter name -> text. vendor_wording NULL means "use the wording recorded
# for the vendor's BAA"; "" means the vendor has none. negotiation_parameters
# holds values that apply to every clause of one vendor (the effective date).
_NEGOTIATION_SCHEMA = [
    """
    CREATE TABLE negotiations (
        vendor_id INTEGER NOT NULL REFERENCES vendors(id) ON DELETE CASCADE,
        clause_id TEXT NOT NULL,
        included INTEGER NOT NULL DEFAULT 1,
        position TEXT NOT NULL DEFAULT 'preferred',
        overrides TEXT NOT NULL DEFAULT '{}',
        vendor_wording TEXT,
        status TEXT NOT NULL DEFAULT 'proposed',
        updated_at TEXT NOT NULL,
        PRIMARY KEY (vendor_id, clause_id)
    )
    """,
    """
    CREATE TABLE negotiation_rounds (
        id INTEGER PRIMARY KEY,
        vendor_id INTEGER NOT NULL REFERENCES vendors(id) ON DELETE CASCADE,
        clause_id TEXT NOT NULL,
        at TEXT NOT NULL,
        user TEXT NOT NULL,
        status TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT ''
    )
    """,
    """
    CREATE INDEX negotiation_rounds_clause ON negotiation_rounds (vendor_id, clause_id)
    """,
    """
    CREATE TABLE negotiation_parameters (
        vendor_id INTEGER NOT NULL REFERENCES vendors(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (vendor_id, name)
    )
    """,
]


def _negotiations_schema(db: sqlite_utils.Database) -> None:
    for statement in _NEGOTIATION_SCHEMA:
        db.execute(statement)


# The schema's versions in order. Append new ones; never edit one that has shipped.
MIGRATIONS: list[tuple[str, Callable[[sqlite_utils.Database], None]]] = [
    ("0001_initial", _initial_schema),
    ("0002_negotiations", _negotiations_schema),
]


def open_database(path: Path) -> sqlite3.Connection:
    """Open or create the workbench database at *path* and bring its schema up to date.

    Raises:
        NotOurDatabaseError: the file is not an SQLite file, or belongs to another program.
        DatabaseInUseError: another program holds a lock that does not clear in time.
        StorageError: the file or its folder cannot be read, written or created.
    """
    path = Path(path)
    _check_header(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"{path.parent}: cannot create the folder: {exc.strerror}") from exc
    with translate_errors(path):
        # isolation_level=None: no implicit transactions; transaction() issues BEGIN itself.
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT, isolation_level=None)
        try:
            _prepare(conn, path)
        except BaseException:
            conn.close()
            raise
    return conn


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        return
    except IsADirectoryError:
        raise StorageError(f"{path}: is a folder; give the path of a database file") from None
    except OSError as exc:
        raise StorageError(f"{path}: cannot read the file: {exc.strerror}") from exc
    if header and header != SQLITE_MAGIC:
        raise NotOurDatabaseError(
            f"{path}: is not a BAA Workbench database (not an SQLite file); "
            "choose another file or a new file name"
        )


def _prepare(conn: sqlite3.Connection, path: Path) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    application_id = conn.execute("PRAGMA application_id").fetchone()[0]
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if application_id != APPLICATION_ID and tables:
        raise NotOurDatabaseError(
            f"{path}: is an SQLite database of another program; "
            "choose another file or a new file name"
        )
    if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        conn.execute("PRAGMA journal_mode = wal")
    applied = set()
    if "_sqlite_migrations" in tables:
        rows = conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET]
        )
        applied = {row[0] for row in rows}
    pending = [name for name, _ in MIGRATIONS if name not in applied]
    if pending:
        log.info("Migrating %s: %s", path, ", ".join(pending))
        _apply_migrations(conn)


def _apply_migrations(conn: sqlite3.Connection) -> None:
    import sqlite_utils
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(MIGRATION_SET)
    for name, function in MIGRATIONS:
        migrations(name=name)(function)
    migrations.apply(sqlite_utils.Database(conn, execute_plugins=False))


_savepoint_numbers = itertools.count(1)


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """Run the block in one write transaction; nested blocks become savepoints.

    BEGIN IMMEDIATE takes the write lock at the start, so two programs writing
    at once wait for each other (up to the busy timeout) instead of failing
    halfway through.
    """
    if conn.in_transaction:
        savepoint = f"sp_{next(_savepoint_numbers)}"
        conn.execute(f"SAVEPOINT {savepoint}")
        try:
            yield
        except BaseException:
            if conn.in_transaction:
                conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            raise
        conn.execute(f"RELEASE SAVEPOINT {savepoint}")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


@contextlib.contextmanager
def translate_errors(path: Path | str) -> Iterator[None]:
    """Turn sqlite3 errors caused by the file or its environment into StorageError."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        message = str(exc)
        if "locked" in message or "busy" in message:
            log.warning("Database %s is locked: %s", path, message)
            raise DatabaseInUseError(
                f"{path}: the database is in use by another program; "
                "close the other BAA Workbench window or try again in a moment"
            ) from exc
        log.error("Database %s failed: %s", path, message)
        raise StorageError(f"{path}: database operation failed: {message}") from exc
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.IntegrityError | sqlite3.ProgrammingError):
            raise
        log.error("Database %s is unreadable: %s", path, exc)
        raise StorageError(
            f"{path}: the database file is damaged or not a database ({exc}); "
            "restore it from a backup or open another file"
        ) from exc
