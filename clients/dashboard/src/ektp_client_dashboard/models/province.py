from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.province_area import ProvinceArea
    from ..models.province_kabupaten import ProvinceKabupaten
    from ..models.province_total import ProvinceTotal


T = TypeVar("T", bound="Province")


@_attrs_define
class Province:
    """
    Attributes:
        generated_at (datetime.datetime):
        kabupaten (list[ProvinceKabupaten]):
        provinsi (ProvinceArea):
        total (ProvinceTotal): The province: the kabupaten's counts summed (by status and field outcome too).
    """

    generated_at: datetime.datetime
    kabupaten: list[ProvinceKabupaten]
    provinsi: ProvinceArea
    total: ProvinceTotal

    def to_dict(self) -> dict[str, Any]:
        generated_at = self.generated_at.isoformat()

        kabupaten = []
        for kabupaten_item_data in self.kabupaten:
            kabupaten_item = kabupaten_item_data.to_dict()
            kabupaten.append(kabupaten_item)

        provinsi = self.provinsi.to_dict()

        total = self.total.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "generated_at": generated_at,
                "kabupaten": kabupaten,
                "provinsi": provinsi,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.province_area import ProvinceArea  # noqa: PLC0415
        from ..models.province_kabupaten import ProvinceKabupaten  # noqa: PLC0415
        from ..models.province_total import ProvinceTotal  # noqa: PLC0415

        d = dict(src_dict)
        generated_at = datetime.datetime.fromisoformat(d.pop("generated_at"))

        kabupaten = []
        _kabupaten = d.pop("kabupaten")
        for kabupaten_item_data in _kabupaten:
            kabupaten_item = ProvinceKabupaten.from_dict(kabupaten_item_data)

            kabupaten.append(kabupaten_item)

        provinsi = ProvinceArea.from_dict(d.pop("provinsi"))

        total = ProvinceTotal.from_dict(d.pop("total"))

        province = cls(
            generated_at=generated_at,
            kabupaten=kabupaten,
            provinsi=provinsi,
            total=total,
        )

        return province
