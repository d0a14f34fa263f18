from __future__ import annotations

import datetime
from collections.abc import Mapping
from io import BytesIO
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..types import UNSET, File, Unset

T = TypeVar("T", bound="BodyUploadReceipt")


@_attrs_define
class BodyUploadReceipt:
    """
    Attributes:
        file (File): one chip UID per line
        letter_date (datetime.date):
        letter_number (str):
        batch_reference (None | str | Unset):
        quantity (int | None | Unset):
    """

    file: File
    letter_date: datetime.date
    letter_number: str
    batch_reference: None | str | Unset = UNSET
    quantity: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file = self.file.to_tuple()

        letter_date = self.letter_date.isoformat()

        letter_number = self.letter_number

        batch_reference: None | str | Unset
        if isinstance(self.batch_reference, Unset):
            batch_reference = UNSET
        else:
            batch_reference = self.batch_reference

        quantity: int | None | Unset
        if isinstance(self.quantity, Unset):
            quantity = UNSET
        else:
            quantity = self.quantity

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "file": file,
                "letter_date": letter_date,
                "letter_number": letter_number,
            }
        )
        if batch_reference is not UNSET:
            field_dict["batch_reference"] = batch_reference
        if quantity is not UNSET:
            field_dict["quantity"] = quantity

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("file", self.file.to_tuple()))

        files.append(("letter_date", (None, self.letter_date.isoformat().encode(), "text/plain")))

        files.append(("letter_number", (None, str(self.letter_number).encode(), "text/plain")))

        if not isinstance(self.batch_reference, Unset):
            if isinstance(self.batch_reference, str):
                files.append(
                    ("batch_reference", (None, str(self.batch_reference).encode(), "text/plain"))
                )
            else:
                files.append(
                    ("batch_reference", (None, str(self.batch_reference).encode(), "text/plain"))
                )

        if not isinstance(self.quantity, Unset):
            if isinstance(self.quantity, int):
                files.append(("quantity", (None, str(self.quantity).encode(), "text/plain")))
            else:
                files.append(("quantity", (None, str(self.quantity).encode(), "text/plain")))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        file = File(payload=BytesIO(d.pop("file")))

        letter_date = datetime.date.fromisoformat(d.pop("letter_date"))

        letter_number = d.pop("letter_number")

        def _parse_batch_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        batch_reference = _parse_batch_reference(d.pop("batch_reference", UNSET))

        def _parse_quantity(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        quantity = _parse_quantity(d.pop("quantity", UNSET))

        body_upload_receipt = cls(
            file=file,
            letter_date=letter_date,
            letter_number=letter_number,
            batch_reference=batch_reference,
            quantity=quantity,
        )

        body_upload_receipt.additional_properties = d
        return body_upload_receipt

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
