from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Counters")


@_attrs_define
class Counters:
    """
    Attributes:
        accepted (int):
        fault_down (int):
        fault_error (int):
        fault_timeout (int):
        population_updates (int):
        received (int):
        refused_partial (int):
        rejected (int):
        repeats (int):
        roster_pages (int):
        stored (int): submissions the centre holds
        verdict_queries (int):
    """

    accepted: int
    fault_down: int
    fault_error: int
    fault_timeout: int
    population_updates: int
    received: int
    refused_partial: int
    rejected: int
    repeats: int
    roster_pages: int
    stored: int
    verdict_queries: int

    def to_dict(self) -> dict[str, Any]:
        accepted = self.accepted

        fault_down = self.fault_down

        fault_error = self.fault_error

        fault_timeout = self.fault_timeout

        population_updates = self.population_updates

        received = self.received

        refused_partial = self.refused_partial

        rejected = self.rejected

        repeats = self.repeats

        roster_pages = self.roster_pages

        stored = self.stored

        verdict_queries = self.verdict_queries

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "accepted": accepted,
                "fault_down": fault_down,
                "fault_error": fault_error,
                "fault_timeout": fault_timeout,
                "population_updates": population_updates,
                "received": received,
                "refused_partial": refused_partial,
                "rejected": rejected,
                "repeats": repeats,
                "roster_pages": roster_pages,
                "stored": stored,
                "verdict_queries": verdict_queries,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accepted = d.pop("accepted")

        fault_down = d.pop("fault_down")

        fault_error = d.pop("fault_error")

        fault_timeout = d.pop("fault_timeout")

        population_updates = d.pop("population_updates")

        received = d.pop("received")

        refused_partial = d.pop("refused_partial")

        rejected = d.pop("rejected")

        repeats = d.pop("repeats")

        roster_pages = d.pop("roster_pages")

        stored = d.pop("stored")

        verdict_queries = d.pop("verdict_queries")

        counters = cls(
            accepted=accepted,
            fault_down=fault_down,
            fault_error=fault_error,
            fault_timeout=fault_timeout,
            population_updates=population_updates,
            received=received,
            refused_partial=refused_partial,
            rejected=rejected,
            repeats=repeats,
            roster_pages=roster_pages,
            stored=stored,
            verdict_queries=verdict_queries,
        )

        return counters
