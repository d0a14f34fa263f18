from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.submission_out_state import SubmissionOutState, check_submission_out_state

T = TypeVar("T", bound="SubmissionOut")


@_attrs_define
class SubmissionOut:
    """
    Attributes:
        attempts (int):
        created_at (datetime.datetime):
        decided_at (datetime.datetime | None):
        duplicate_of (None | str):
        enrollment_id (str):
        failure_reason (None | str):
        last_error (None | str):
        nik (str):
        retryable (bool | None):
        seq (int):
        state (SubmissionOutState):
        submitted_at (datetime.datetime | None):
        updated_at (datetime.datetime):
    """

    attempts: int
    created_at: datetime.datetime
    decided_at: datetime.datetime | None
    duplicate_of: None | str
    enrollment_id: str
    failure_reason: None | str
    last_error: None | str
    nik: str
    retryable: bool | None
    seq: int
    state: SubmissionOutState
    submitted_at: datetime.datetime | None
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attempts = self.attempts

        created_at = self.created_at.isoformat()

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        duplicate_of: None | str
        duplicate_of = self.duplicate_of

        enrollment_id = self.enrollment_id

        failure_reason: None | str
        failure_reason = self.failure_reason

        last_error: None | str
        last_error = self.last_error

        nik = self.nik

        retryable: bool | None
        retryable = self.retryable

        seq = self.seq

        state: str = self.state

        submitted_at: None | str
        if isinstance(self.submitted_at, datetime.datetime):
            submitted_at = self.submitted_at.isoformat()
        else:
            submitted_at = self.submitted_at

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attempts": attempts,
                "created_at": created_at,
                "decided_at": decided_at,
                "duplicate_of": duplicate_of,
                "enrollment_id": enrollment_id,
                "failure_reason": failure_reason,
                "last_error": last_error,
                "nik": nik,
                "retryable": retryable,
                "seq": seq,
                "state": state,
                "submitted_at": submitted_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attempts = d.pop("attempts")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        def _parse_duplicate_of(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        duplicate_of = _parse_duplicate_of(d.pop("duplicate_of"))

        enrollment_id = d.pop("enrollment_id")

        def _parse_failure_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        failure_reason = _parse_failure_reason(d.pop("failure_reason"))

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))

        nik = d.pop("nik")

        def _parse_retryable(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        retryable = _parse_retryable(d.pop("retryable"))

        seq = d.pop("seq")

        state = check_submission_out_state(d.pop("state"))

        def _parse_submitted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                submitted_at_type_0 = datetime.datetime.fromisoformat(data)

                return submitted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        submitted_at = _parse_submitted_at(d.pop("submitted_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        submission_out = cls(
            attempts=attempts,
            created_at=created_at,
            decided_at=decided_at,
            duplicate_of=duplicate_of,
            enrollment_id=enrollment_id,
            failure_reason=failure_reason,
            last_error=last_error,
            nik=nik,
            retryable=retryable,
            seq=seq,
            state=state,
            submitted_at=submitted_at,
            updated_at=updated_at,
        )

        submission_out.additional_properties = d
        return submission_out

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
