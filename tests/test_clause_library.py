"""The clause library: built-in files, validation of every field, user files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from clause_library.library import (
    BUILTIN_DATA_DIR,
    BUILTIN_PARAMETERS,
    ClauseLibraryError,
    Position,
    check_clause_dir,
    load_library,
)
from models.checklist import load_checklist

CHECKLIST = load_checklist()

GOOD_CLAUSE = """
format = 1
section = "logging"

[[clauses]]
id = "{id}"
items = ["logging.siem_export"]
title = "Log Export"
why = "The practice watches its own logs."
regulation = "45 CFR 164.312(b)"
preferred = "{vendor_name} shall export logs daily."
fallback = "Business Associate shall export logs weekly."
walk_away = "Business Associate shall export logs on request."
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def clause_file(**changes: str) -> str:
    """GOOD_CLAUSE with lines replaced: key=new line (empty string removes the line)."""
    lines = GOOD_CLAUSE.replace("{id}", "practice.log_export").splitlines()
    for key, new in changes.items():
        lines = [new if line.startswith(f"{key} =") else line for line in lines]
    return "\n".join(line for line in lines if line) + "\n"


def load_user(tmp_path: Path, text: str, name: str = "mine.toml"):  # type: ignore[no-untyped-def]
    folder = tmp_path / "clauses"
    write(folder, name, text)
    return load_library(CHECKLIST, user_dir=folder)


def problems_of(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(ClauseLibraryError) as raised:
        load_user(tmp_path, text)
    return raised.value.problems


# -- the built-in library ------------------------------------------------------


def test_builtin_library_loads() -> None:
    library = load_library(CHECKLIST)
    assert len(library) >= 40
    assert set(library.parameters) >= {"practice_name", "vendor_name", "notification_hours"}


def test_builtin_library_covers_every_item() -> None:
    library = load_library(CHECKLIST)
    covered = {item for clause in library for item in clause.items} | set(library.no_clause)
    assert [item.id for item in CHECKLIST if item.id not in covered] == []


def test_builtin_clauses_have_three_positions() -> None:
    for clause in load_library(CHECKLIST):
        assert set(clause.texts) == set(Position), clause.id
        assert all(text.strip() for text in clause.texts.values()), clause.id


@pytest.mark.parametrize(
    "phrase", ["{vendor_name}", "{practice_name}", "this Agreement", "This Agreement"]
)
def test_builtin_clauses_name_parties_and_agreement_by_defined_terms(phrase: str) -> None:
    # The addendum defines "Covered Entity", "Business Associate" and "the Agreement";
    # operative text that mixes in real names or "this Agreement" reads as a second contract.
    for clause in load_library(CHECKLIST):
        for position, text in clause.texts.items():
            assert phrase not in text, f"{clause.id} {position.value}"


def test_notification_clause_keeps_its_deadline_in_hours() -> None:
    clause = load_library(CHECKLIST).clause("incident.notification_deadline")
    assert "within {notification_hours} hours" in clause.texts[Position.PREFERRED]


def test_builtin_clauses_are_in_checklist_section_order() -> None:
    order = [section.id for section in CHECKLIST.sections]
    sections = [clause.section for clause in load_library(CHECKLIST)]
    assert sections == sorted(sections, key=order.index)


def test_missing_user_folder_is_fine(tmp_path: Path) -> None:
    library = load_library(CHECKLIST, user_dir=tmp_path / "absent")
    assert len(library) == len(load_library(CHECKLIST))


# -- user files ------------------------------------------------------------------


def test_user_clause_extends_library(tmp_path: Path) -> None:
    library = load_user(tmp_path, clause_file())
    assert library.clause("practice.log_export").title == "Log Export"
    assert library.clauses_for("logging.siem_export")[0].items[0] == "logging.siem_export"


def test_user_clause_overrides_builtin(tmp_path: Path) -> None:
    builtin_id = load_library(CHECKLIST).clauses_for("logging.siem_export")[0].id
    library = load_user(tmp_path, clause_file(id=f'id = "{builtin_id}"'))
    assert library.clause(builtin_id).title == "Log Export"
    assert library.clause(builtin_id).path.parent == tmp_path / "clauses"


def test_user_parameters_extend_builtin(tmp_path: Path) -> None:
    folder = tmp_path / "clauses"
    write(
        folder,
        "parameters.toml",
        'format = 1\n[parameters.log_days]\ndescription = "Days"\nkind = "days"\nfrom = ""\ndefault = 3\n',
    )
    write(folder, "mine.toml", clause_file(fallback='fallback = "Export within {log_days} days."'))
    library = load_library(CHECKLIST, user_dir=folder)
    assert library.parameters["log_days"].default == 3
    assert library.clause("practice.log_export").parameters() == ["vendor_name", "log_days"]


def test_check_clause_dir_rejects_a_file(tmp_path: Path) -> None:
    path = write(tmp_path, "x.toml", "format = 1")
    with pytest.raises(ClauseLibraryError, match="not a folder"):
        check_clause_dir(CHECKLIST, path)


# -- bad input: each gets a message naming file, clause and field -------------------


def test_unknown_parameter_is_named(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, clause_file(preferred='preferred = "Within {hourz} hours."'))
    assert problems == [
        "mine.toml: clause 'practice.log_export' field preferred: "
        "unknown parameter {hourz}; fix the name or add it to parameters.toml"
    ]


def test_format_spec_in_placeholder_is_rejected(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, clause_file(preferred='preferred = "{vendor_name:>9}"'))
    assert "field preferred: unknown parameter {vendor_name}" in problems[0]


def test_unbalanced_brace_is_rejected(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, clause_file(fallback='fallback = "Export {vendor_name"'))
    assert "clause 'practice.log_export' field fallback: unbalanced braces" in problems[0]


def test_missing_position_is_named(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, clause_file(walk_away=""))
    assert problems == [
        "mine.toml: clause 'practice.log_export' field walk_away: missing position text"
    ]


def test_empty_position_is_rejected(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, clause_file(fallback='fallback = "   "'))
    assert "field fallback: missing position text" in problems[0]


def test_duplicate_id_in_one_folder(tmp_path: Path) -> None:
    folder = tmp_path / "clauses"
    write(folder, "a.toml", clause_file())
    write(folder, "b.toml", clause_file())
    with pytest.raises(ClauseLibraryError) as raised:
        load_library(CHECKLIST, user_dir=folder)
    assert raised.value.problems == [
        "b.toml: clause 'practice.log_export' field id: duplicate id; first defined in a.toml"
    ]


def test_duplicate_id_in_builtin_files(tmp_path: Path) -> None:
    builtin = tmp_path / "builtin"
    shutil.copytree(BUILTIN_DATA_DIR, builtin)
    write(builtin, "zz_copy.toml", (BUILTIN_DATA_DIR / "access.toml").read_text(encoding="utf-8"))
    with pytest.raises(ClauseLibraryError) as raised:
        load_library(CHECKLIST, builtin_dir=builtin)
    assert all("zz_copy.toml" in problem for problem in raised.value.problems)
    assert "duplicate id; first defined in access.toml" in raised.value.problems[0]


def test_unknown_item_is_named(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, clause_file(items='items = ["logging.siem_exports"]'))
    assert problems == [
        "mine.toml: clause 'practice.log_export' field items: "
        "'logging.siem_exports' is not a checklist item id"
    ]


def test_empty_items_is_rejected(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, clause_file(items="items = []"))
    assert "field items: list at least one checklist item id" in problems[0]


def test_missing_title_is_rejected(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, clause_file(title=""))
    assert problems == ["mine.toml: clause 'practice.log_export' field title: missing text"]


def test_missing_id_is_rejected(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, clause_file(id=""))
    assert problems == ["mine.toml: clause #1 field id: missing clause id"]


def test_unknown_field_is_rejected(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, clause_file(regulation='regulaton = "x"'))
    assert problems == ["mine.toml: clause 'practice.log_export': unknown field 'regulaton'"]


def test_unknown_section_is_rejected(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, clause_file(section='section = "billing"'))
    assert problems == ["mine.toml: section: 'billing' is not a checklist section"]


def test_wrong_format_is_rejected(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, clause_file(format="format = 2"))
    assert problems == ["mine.toml: format: expected format = 1"]


def test_invalid_toml_is_rejected(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, 'format = 1\nsection = "logging\n')
    assert problems[0].startswith("mine.toml: not valid TOML")


def test_non_utf8_file_is_rejected(tmp_path: Path) -> None:
    folder = tmp_path / "clauses"
    folder.mkdir()
    (folder / "latin1.toml").write_bytes(b'format = 1\nsection = "access"\n# caf\xe9\n')
    with pytest.raises(ClauseLibraryError) as raised:
        load_library(CHECKLIST, user_dir=folder)
    assert raised.value.problems == [
        "latin1.toml: not UTF-8 text (byte at offset 35); save the file as UTF-8"
    ]


def test_no_clause_needs_known_item_and_reason(tmp_path: Path) -> None:
    text = 'format = 1\nsection = "vendor"\n[[no_clause]]\nitem = "vendor.nothing"\nreason = "x"\n'
    text += '[[no_clause]]\nitem = "vendor.fedramp"\nreason = ""\n'
    assert problems_of(tmp_path, text) == [
        "mine.toml: no_clause #1 field item: 'vendor.nothing' is not a checklist item id",
        "mine.toml: no_clause #2 field reason: say why no clause can remedy the item",
    ]


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = clause_file(items='items = ["nope.item"]', walk_away="")
    assert len(problems_of(tmp_path, text)) == 2


def test_error_message_lists_first_problems(tmp_path: Path) -> None:
    with pytest.raises(ClauseLibraryError, match=r"^invalid clause library: mine.toml: clause"):
        load_user(tmp_path, clause_file(walk_away=""))


# -- parameters.toml --------------------------------------------------------------


def parameter_problems(tmp_path: Path, table: str) -> list[str]:
    folder = tmp_path / "clauses"
    write(folder, "parameters.toml", "format = 1\n[parameters.extra]\n" + table)
    with pytest.raises(ClauseLibraryError) as raised:
        load_library(CHECKLIST, user_dir=folder)
    return raised.value.problems


def test_parameter_unknown_kind(tmp_path: Path) -> None:
    problems = parameter_problems(tmp_path, 'kind = "weeks"\nfrom = ""\ndefault = 1\n')
    assert problems[0].startswith(
        "parameters.toml: parameter 'extra' field kind: 'weeks' is not one of"
    )


def test_parameter_unknown_source(tmp_path: Path) -> None:
    problems = parameter_problems(
        tmp_path, 'kind = "text"\nfrom = "vendor.website"\ndefault = ""\n'
    )
    assert problems[0].startswith("parameters.toml: parameter 'extra' field from: 'vendor.website'")


def test_parameter_target_of_unknown_item(tmp_path: Path) -> None:
    problems = parameter_problems(tmp_path, 'kind = "hours"\nfrom = "target:x.y"\ndefault = 1\n')
    assert problems == ["parameters.toml: parameter 'extra' field from: no checklist item 'x.y'"]


def test_parameter_number_default_must_be_number(tmp_path: Path) -> None:
    problems = parameter_problems(tmp_path, 'kind = "days"\nfrom = ""\ndefault = "ten"\n')
    assert problems == [
        "parameters.toml: parameter 'extra' field default: a days parameter needs a number, got 'ten'"
    ]


def test_builtin_parameters_file_is_valid() -> None:
    library = load_library(CHECKLIST, builtin_parameters=BUILTIN_PARAMETERS)
    used = {name for clause in library for name in clause.parameters()}
    assert used <= set(library.parameters)
