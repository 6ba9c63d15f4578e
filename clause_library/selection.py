"""Select clauses for a vendor: every item short of the target proposes its clause."""

from __future__ import annotations

from dataclasses import dataclass

from clause_library.library import Clause, ClauseLibrary
from models.scoring import Status, VendorScore

# Unknown proposes a clause too: a contract term settles what the vendor left unanswered.
NEEDS_CLAUSE = frozenset((Status.GAP, Status.PARTIAL, Status.UNKNOWN))


@dataclass(frozen=True)
class Proposal:
    """A clause proposed for a vendor, with the statuses of the items it remedies."""

    clause: Clause
    statuses: dict[str, Status]

    @property
    def worst(self) -> Status:
        """The most serious status among the clause's items (gap before partial before unknown)."""
        rank = {Status.GAP: 0, Status.PARTIAL: 1, Status.UNKNOWN: 2, Status.MEETS: 3}
        return min(self.statuses.values(), key=rank.__getitem__)


def propose(library: ClauseLibrary, score: VendorScore) -> list[Proposal]:
    """Propose one clause per item that is gap, partial or unknown, in library order.

    A clause that remedies several items is proposed once. An item no clause
    remedies (see ``unremedied``) proposes nothing.
    """
    wanted = {item_id for item_id, result in score.items.items() if result.status in NEEDS_CLAUSE}
    proposals = []
    for clause in library:
        if wanted.intersection(clause.items):
            statuses = {item: score.status(item) for item in clause.items if item in score.items}
            proposals.append(Proposal(clause, statuses))
    return proposals


def unremedied(library: ClauseLibrary, score: VendorScore) -> list[str]:
    """Items short of the target that no clause remedies, such as a missing certification."""
    return [
        item_id
        for item_id, result in score.items.items()
        if result.status in NEEDS_CLAUSE and not library.clauses_for(item_id)
    ]
