from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="PopulationMade")


@_attrs_define
class PopulationMade:
    """
    Attributes:
        generated (int):
        inserted (int): new residents (a NIK already there is kept)
        kabupaten (str): Kemendagri code of the residents made
        punya_ektp (int): of the generated, how many already hold an e-KTP
    """

    generated: int
    inserted: int
    kabupaten: str
    punya_ektp: int

    def to_dict(self) -> dict[str, Any]:
        generated = self.generated

        inserted = self.inserted

        kabupaten = self.kabupaten

        punya_ektp = self.punya_ektp

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "generated": generated,
                "inserted": inserted,
                "kabupaten": kabupaten,
                "punya_ektp": punya_ektp,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        generated = d.pop("generated")

        inserted = d.pop("inserted")

        kabupaten = d.pop("kabupaten")

        punya_ektp = d.pop("punya_ektp")

        population_made = cls(
            generated=generated,
            inserted=inserted,
            kabupaten=kabupaten,
            punya_ektp=punya_ektp,
        )

        return population_made
