from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="BadRow")


@_attrs_define
class BadRow:
    """
    Attributes:
        error (str):
        line (int):
        nik (None | str):
    """

    error: str
    line: int
    nik: None | str

    def to_dict(self) -> dict[str, Any]:
        error = self.error

        line = self.line

        nik: None | str
        nik = self.nik

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "error": error,
                "line": line,
                "nik": nik,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        error = d.pop("error")

        line = d.pop("line")

        def _parse_nik(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        nik = _parse_nik(d.pop("nik"))

        bad_row = cls(
            error=error,
            line=line,
            nik=nik,
        )

        return bad_row
