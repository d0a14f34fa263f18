from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Capture")


@_attrs_define
class Capture:
    """One finger or iris as a capture device (MOSIP SBI) gives it: the ISO image or template
    (the device's ``bioValue``) and the device's quality score.

        Attributes:
            data_b64 (str): base64 ISO 19794 image or template (SBI bioValue)
            quality_score (float): the device's score, 0-100
    """

    data_b64: str
    quality_score: float

    def to_dict(self) -> dict[str, Any]:
        data_b64 = self.data_b64

        quality_score = self.quality_score

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "data_b64": data_b64,
                "quality_score": quality_score,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        data_b64 = d.pop("data_b64")

        quality_score = d.pop("quality_score")

        capture = cls(
            data_b64=data_b64,
            quality_score=quality_score,
        )

        return capture
