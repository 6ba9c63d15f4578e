"""Test configuration shared by every test: offscreen Qt, a private home folder, fixtures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Set before anything imports Qt or reads the per-user folders.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")

settings.register_profile(
    "default",
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.load_profile("default")

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep data, logs and settings of every test out of the real user folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("BAA_WORKBENCH_HOME", str(home))
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "workbench.sqlite"


@pytest.fixture
def fresh_db(db_path: Path):  # type: ignore[no-untyped-def]
    """A new, empty workbench database on a temporary file."""
    from models.store import Store

    store = Store(db_path)
    yield store
    store.close()


@pytest.fixture
def demo_db(fresh_db):  # type: ignore[no-untyped-def]
    """A database filled with the sample practice and vendors."""
    from models.demo import load_demo

    load_demo(fresh_db)
    return fresh_db
