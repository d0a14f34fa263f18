from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.kit_record_result import KitRecordResult
    from ..models.kit_sync_counts import KitSyncCounts


T = TypeVar("T", bound="KitSync")


@_attrs_define
class KitSync:
    """
    Attributes:
        counts (KitSyncCounts):
        kit_id (str):
        results (list[KitRecordResult]):
    """

    counts: KitSyncCounts
    kit_id: str
    results: list[KitRecordResult]

    def to_dict(self) -> dict[str, Any]:
        counts = self.counts.to_dict()

        kit_id = self.kit_id

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "counts": counts,
                "kit_id": kit_id,
                "results": results,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.kit_record_result import KitRecordResult  # noqa: PLC0415
        from ..models.kit_sync_counts import KitSyncCounts  # noqa: PLC0415

        d = dict(src_dict)
        counts = KitSyncCounts.from_dict(d.pop("counts"))

        kit_id = d.pop("kit_id")

        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = KitRecordResult.from_dict(results_item_data)

            results.append(results_item)

        kit_sync = cls(
            counts=counts,
            kit_id=kit_id,
            results=results,
        )

        return kit_sync
