from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.verdict_out_status import VerdictOutStatus, check_verdict_out_status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.card_data import CardData


T = TypeVar("T", bound="VerdictOut")


@_attrs_define
class VerdictOut:
    """
    Attributes:
        enrollment_id (str):
        status (VerdictOutStatus):
        card (CardData | None | Unset):
        duplicate_of (None | str | Unset):
        nik (None | str | Unset):
        reason (None | str | Unset):
    """

    enrollment_id: str
    status: VerdictOutStatus
    card: CardData | None | Unset = UNSET
    duplicate_of: None | str | Unset = UNSET
    nik: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.card_data import CardData  # noqa: PLC0415

        enrollment_id = self.enrollment_id

        status: str = self.status

        card: dict[str, Any] | None | Unset
        if isinstance(self.card, Unset):
            card = UNSET
        elif isinstance(self.card, CardData):
            card = self.card.to_dict()
        else:
            card = self.card

        duplicate_of: None | str | Unset
        if isinstance(self.duplicate_of, Unset):
            duplicate_of = UNSET
        else:
            duplicate_of = self.duplicate_of

        nik: None | str | Unset
        if isinstance(self.nik, Unset):
            nik = UNSET
        else:
            nik = self.nik

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "enrollment_id": enrollment_id,
                "status": status,
            }
        )
        if card is not UNSET:
            field_dict["card"] = card
        if duplicate_of is not UNSET:
            field_dict["duplicate_of"] = duplicate_of
        if nik is not UNSET:
            field_dict["nik"] = nik
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.card_data import CardData  # noqa: PLC0415

        d = dict(src_dict)
        enrollment_id = d.pop("enrollment_id")

        status = check_verdict_out_status(d.pop("status"))

        def _parse_card(data: object) -> CardData | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                card_type_0 = CardData.from_dict(data)

                return card_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CardData | None | Unset, data)

        card = _parse_card(d.pop("card", UNSET))

        def _parse_duplicate_of(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        duplicate_of = _parse_duplicate_of(d.pop("duplicate_of", UNSET))

        def _parse_nik(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        nik = _parse_nik(d.pop("nik", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        verdict_out = cls(
            enrollment_id=enrollment_id,
            status=status,
            card=card,
            duplicate_of=duplicate_of,
            nik=nik,
            reason=reason,
        )

        verdict_out.additional_properties = d
        return verdict_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
