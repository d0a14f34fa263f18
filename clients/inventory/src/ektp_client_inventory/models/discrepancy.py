from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.discrepancy_location import DiscrepancyLocation, check_discrepancy_location

if TYPE_CHECKING:
    from ..models.discrepancy_misplaced import DiscrepancyMisplaced


T = TypeVar("T", bound="Discrepancy")


@_attrs_define
class Discrepancy:
    """
    Attributes:
        counted (int):
        difference (int):
        expected (int):
        found (list[str]): written off (ADJUSTED) but seen here
        location (DiscrepancyLocation):
        matches (bool):
        misplaced (DiscrepancyMisplaced): serial -> where the ledger says it is
        missing (list[str]): the ledger has them here; not seen
        unknown (list[str]): seen here, never received
    """

    counted: int
    difference: int
    expected: int
    found: list[str]
    location: DiscrepancyLocation
    matches: bool
    misplaced: DiscrepancyMisplaced
    missing: list[str]
    unknown: list[str]

    def to_dict(self) -> dict[str, Any]:
        counted = self.counted

        difference = self.difference

        expected = self.expected

        found = self.found

        location: str = self.location

        matches = self.matches

        misplaced = self.misplaced.to_dict()

        missing = self.missing

        unknown = self.unknown

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "counted": counted,
                "difference": difference,
                "expected": expected,
                "found": found,
                "location": location,
                "matches": matches,
                "misplaced": misplaced,
                "missing": missing,
                "unknown": unknown,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.discrepancy_misplaced import DiscrepancyMisplaced  # noqa: PLC0415

        d = dict(src_dict)
        counted = d.pop("counted")

        difference = d.pop("difference")

        expected = d.pop("expected")

        found = cast(list[str], d.pop("found"))

        location = check_discrepancy_location(d.pop("location"))

        matches = d.pop("matches")

        misplaced = DiscrepancyMisplaced.from_dict(d.pop("misplaced"))

        missing = cast(list[str], d.pop("missing"))

        unknown = cast(list[str], d.pop("unknown"))

        discrepancy = cls(
            counted=counted,
            difference=difference,
            expected=expected,
            found=found,
            location=location,
            matches=matches,
            misplaced=misplaced,
            missing=missing,
            unknown=unknown,
        )

        return discrepancy
