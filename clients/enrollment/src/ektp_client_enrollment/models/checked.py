from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.checked_overrides import CheckedOverrides


T = TypeVar("T", bound="Checked")


@_attrs_define
class Checked:
    """What a recording would be told, before it is saved: nothing was written.

    Attributes:
        nik (str):
        overrides (CheckedOverrides): supervisor overrides it would use
        warnings (list[str]): for the operator to confirm before saving
    """

    nik: str
    overrides: CheckedOverrides
    warnings: list[str]

    def to_dict(self) -> dict[str, Any]:
        nik = self.nik

        overrides = self.overrides.to_dict()

        warnings = self.warnings

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "nik": nik,
                "overrides": overrides,
                "warnings": warnings,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.checked_overrides import CheckedOverrides  # noqa: PLC0415

        d = dict(src_dict)
        nik = d.pop("nik")

        overrides = CheckedOverrides.from_dict(d.pop("overrides"))

        warnings = cast(list[str], d.pop("warnings"))

        checked = cls(
            nik=nik,
            overrides=overrides,
            warnings=warnings,
        )

        return checked
