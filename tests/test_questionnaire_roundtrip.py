"""Round trip: export a questionnaire, fill it as a vendor would, import, same answers."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from exports.questionnaire_import import read_questionnaire
from exports.questionnaire_plan import apply_import, plan_import
from exports.questionnaire_xlsx import write_questionnaire
from models.checklist import AnswerType, Item, Value, format_value, load_checklist
from models.store import Store
from tests.excel_helpers import fill

CHECKLIST = load_checklist()


def answer_values(item: Item) -> st.SearchStrategy[Value]:
    if item.answer is AnswerType.NUMBER:
        whole = st.integers(min_value=0, max_value=10**9).map(float)
        fraction = st.decimals(min_value=0, max_value=10_000, places=2).map(float)
        return whole | fraction
    return st.sampled_from(item.options)


def spelled(value: Value, item: Item) -> st.SearchStrategy[object]:
    """The ways a vendor may type *value*: as stored, in another case, padded, as text."""
    if isinstance(value, float):
        text = format_value(value)
        return st.sampled_from([value, text, f" {text} ", f"{text} {item.unit}"])
    return st.sampled_from([value, value.upper(), f" {value.capitalize()} "])


@st.composite
def vendor_responses(draw: st.DrawFn) -> dict[str, tuple[Value, object]]:
    chosen = draw(st.lists(st.sampled_from(list(CHECKLIST.items)), unique=True, max_size=20))
    responses = {}
    for item_id in chosen:
        item = CHECKLIST.item(item_id)
        value = draw(answer_values(item))
        responses[item_id] = (value, draw(spelled(value, item)))
    return responses


# Each example writes, fills and reads a real workbook, so fewer examples than the default.
@settings(max_examples=25)
@given(responses=vendor_responses())
def test_filled_answers_come_back_equal(responses: dict[str, tuple[Value, object]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "workbench.sqlite")
        try:
            vendor = store.add_vendor("Roundtrip Vendor")
            path = Path(folder) / "questionnaire.xlsx"
            write_questionnaire(path, store.checklist, store.practice(), vendor.name)
            fill(path, {item_id: typed for item_id, (_, typed) in responses.items()})
            plan = plan_import(store, read_questionnaire(path, store.checklist))
            assert plan.problems == []
            apply_import(store, plan)
            stored = {item_id: answer.value for item_id, answer in store.answers(vendor.id).items()}
        finally:
            store.close()
    assert stored == {item_id: value for item_id, (value, _) in responses.items()}
