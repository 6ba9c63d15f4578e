"""Helpers the benchmark scripts share."""

from __future__ import annotations

import random

from models.checklist import AnswerType, Checklist


def random_answers(checklist: Checklist, rng: random.Random) -> dict[str, object]:
    """Answer about 90% of the items at random, as a vendor's mixed profile would."""
    answers: dict[str, object] = {}
    for item in checklist:
        if rng.random() < 0.1:
            continue  # leave some unknown
        if item.answer is AnswerType.NUMBER:
            answers[item.id] = float(rng.choice([1, 4, 8, 24, 72, 1440]))
        else:
            answers[item.id] = rng.choice(item.options)
    return answers
