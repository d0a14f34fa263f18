from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.ready_card import ReadyCard


T = TypeVar("T", bound="DesaPickup")


@_attrs_define
class DesaPickup:
    """
    Attributes:
        cards (list[ReadyCard]):
        count (int):
        desa (None | str):
        kode_desa (str):
    """

    cards: list[ReadyCard]
    count: int
    desa: None | str
    kode_desa: str

    def to_dict(self) -> dict[str, Any]:
        cards = []
        for cards_item_data in self.cards:
            cards_item = cards_item_data.to_dict()
            cards.append(cards_item)

        count = self.count

        desa: None | str
        desa = self.desa

        kode_desa = self.kode_desa

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "cards": cards,
                "count": count,
                "desa": desa,
                "kode_desa": kode_desa,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ready_card import ReadyCard  # noqa: PLC0415

        d = dict(src_dict)
        cards = []
        _cards = d.pop("cards")
        for cards_item_data in _cards:
            cards_item = ReadyCard.from_dict(cards_item_data)

            cards.append(cards_item)

        count = d.pop("count")

        def _parse_desa(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        desa = _parse_desa(d.pop("desa"))

        kode_desa = d.pop("kode_desa")

        desa_pickup = cls(
            cards=cards,
            count=count,
            desa=desa,
            kode_desa=kode_desa,
        )

        return desa_pickup
