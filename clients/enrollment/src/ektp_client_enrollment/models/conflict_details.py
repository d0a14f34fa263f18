from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.conflict_check import ConflictCheck
    from ..models.conflict_recording import ConflictRecording


T = TypeVar("T", bound="ConflictDetails")


@_attrs_define
class ConflictDetails:
    """
    Attributes:
        choices (list[str]): the decisions the supervisor may take
        checks (list[ConflictCheck] | None | Unset): the checks that disagree
        enrollment_id (None | str | Unset): the resident's recording
        field_check_id (None | str | Unset): the check that says MENINGGAL
        message (None | str | Unset):
        recording (ConflictRecording | None | Unset): the refused recording
    """

    choices: list[str]
    checks: list[ConflictCheck] | None | Unset = UNSET
    enrollment_id: None | str | Unset = UNSET
    field_check_id: None | str | Unset = UNSET
    message: None | str | Unset = UNSET
    recording: ConflictRecording | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.conflict_recording import ConflictRecording  # noqa: PLC0415

        choices = self.choices

        checks: list[dict[str, Any]] | None | Unset
        if isinstance(self.checks, Unset):
            checks = UNSET
        elif isinstance(self.checks, list):
            checks = []
            for checks_type_0_item_data in self.checks:
                checks_type_0_item = checks_type_0_item_data.to_dict()
                checks.append(checks_type_0_item)

        else:
            checks = self.checks

        enrollment_id: None | str | Unset
        if isinstance(self.enrollment_id, Unset):
            enrollment_id = UNSET
        else:
            enrollment_id = self.enrollment_id

        field_check_id: None | str | Unset
        if isinstance(self.field_check_id, Unset):
            field_check_id = UNSET
        else:
            field_check_id = self.field_check_id

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        recording: dict[str, Any] | None | Unset
        if isinstance(self.recording, Unset):
            recording = UNSET
        elif isinstance(self.recording, ConflictRecording):
            recording = self.recording.to_dict()
        else:
            recording = self.recording

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "choices": choices,
            }
        )
        if checks is not UNSET:
            field_dict["checks"] = checks
        if enrollment_id is not UNSET:
            field_dict["enrollment_id"] = enrollment_id
        if field_check_id is not UNSET:
            field_dict["field_check_id"] = field_check_id
        if message is not UNSET:
            field_dict["message"] = message
        if recording is not UNSET:
            field_dict["recording"] = recording

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.conflict_check import ConflictCheck  # noqa: PLC0415
        from ..models.conflict_recording import ConflictRecording  # noqa: PLC0415

        d = dict(src_dict)
        choices = cast(list[str], d.pop("choices"))

        def _parse_checks(data: object) -> list[ConflictCheck] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                checks_type_0 = []
                _checks_type_0 = data
                for checks_type_0_item_data in _checks_type_0:
                    checks_type_0_item = ConflictCheck.from_dict(checks_type_0_item_data)

                    checks_type_0.append(checks_type_0_item)

                return checks_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ConflictCheck] | None | Unset, data)

        checks = _parse_checks(d.pop("checks", UNSET))

        def _parse_enrollment_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        enrollment_id = _parse_enrollment_id(d.pop("enrollment_id", UNSET))

        def _parse_field_check_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        field_check_id = _parse_field_check_id(d.pop("field_check_id", UNSET))

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        def _parse_recording(data: object) -> ConflictRecording | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                recording_type_0 = ConflictRecording.from_dict(data)

                return recording_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConflictRecording | None | Unset, data)

        recording = _parse_recording(d.pop("recording", UNSET))

        conflict_details = cls(
            choices=choices,
            checks=checks,
            enrollment_id=enrollment_id,
            field_check_id=field_check_id,
            message=message,
            recording=recording,
        )

        return conflict_details
