"""Score every vendor in a store at once, for lists, comparisons and exports."""

from __future__ import annotations

from models.scoring import Scorer, VendorScore
from models.store import Store
from models.vendors import Vendor


def score_all(store: Store, names: list[str] | None = None) -> list[tuple[Vendor, VendorScore]]:
    """Score the vendors called *names* (all vendors when None), in name order.

    Raises:
        VendorNotFoundError: one of *names* is not a vendor.
    """
    scorer = Scorer(store.checklist, store.practice())
    values = store.answer_values()
    vendors = store.vendors() if names is None else [store.vendor(name) for name in names]
    return [(vendor, scorer.score(values.get(vendor.id, {}))) for vendor in vendors]


def rank(scored: list[tuple[Vendor, VendorScore]]) -> list[tuple[Vendor, VendorScore]]:
    """Order vendors best first: qualified before disqualified, then by overall score."""
    return sorted(
        scored,
        key=lambda pair: (pair[1].disqualified, -(pair[1].overall or 0.0), pair[0].name.lower()),
    )
