from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.alerts import Alerts
    from ..models.blanks import Blanks
    from ..models.figures import Figures
    from ..models.forecast import Forecast
    from ..models.kecamatan import Kecamatan
    from ..models.printers import Printers
    from ..models.progress_status_labels import ProgressStatusLabels
    from ..models.rates import Rates
    from ..models.region import Region
    from ..models.remote import Remote


T = TypeVar("T", bound="Progress")


@_attrs_define
class Progress:
    """
    Attributes:
        alerts (Alerts):
        as_of (datetime.datetime | None): time of the newest event applied
        blanks (Blanks):
        events_applied (int):
        forecast (Forecast):
        generated_at (datetime.datetime):
        kabupaten (Region):
        kecamatan (list[Kecamatan]):
        lainnya (Figures): One region's counters (the milestones count residents who ever reached them).
        printers (Printers):
        rates (Rates):
        status_labels (ProgressStatusLabels):
        today (datetime.date):
        print_room (None | Remote | Unset): printing's /print-room (live=true)
        stock_live (None | Remote | Unset): inventory's /stock (with live=true)
        sync (None | Remote | Unset): sync's /sync/status (with live=true)
    """

    alerts: Alerts
    as_of: datetime.datetime | None
    blanks: Blanks
    events_applied: int
    forecast: Forecast
    generated_at: datetime.datetime
    kabupaten: Region
    kecamatan: list[Kecamatan]
    lainnya: Figures
    printers: Printers
    rates: Rates
    status_labels: ProgressStatusLabels
    today: datetime.date
    print_room: None | Remote | Unset = UNSET
    stock_live: None | Remote | Unset = UNSET
    sync: None | Remote | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.remote import Remote  # noqa: PLC0415

        alerts = self.alerts.to_dict()

        as_of: None | str
        if isinstance(self.as_of, datetime.datetime):
            as_of = self.as_of.isoformat()
        else:
            as_of = self.as_of

        blanks = self.blanks.to_dict()

        events_applied = self.events_applied

        forecast = self.forecast.to_dict()

        generated_at = self.generated_at.isoformat()

        kabupaten = self.kabupaten.to_dict()

        kecamatan = []
        for kecamatan_item_data in self.kecamatan:
            kecamatan_item = kecamatan_item_data.to_dict()
            kecamatan.append(kecamatan_item)

        lainnya = self.lainnya.to_dict()

        printers = self.printers.to_dict()

        rates = self.rates.to_dict()

        status_labels = self.status_labels.to_dict()

        today = self.today.isoformat()

        print_room: dict[str, Any] | None | Unset
        if isinstance(self.print_room, Unset):
            print_room = UNSET
        elif isinstance(self.print_room, Remote):
            print_room = self.print_room.to_dict()
        else:
            print_room = self.print_room

        stock_live: dict[str, Any] | None | Unset
        if isinstance(self.stock_live, Unset):
            stock_live = UNSET
        elif isinstance(self.stock_live, Remote):
            stock_live = self.stock_live.to_dict()
        else:
            stock_live = self.stock_live

        sync: dict[str, Any] | None | Unset
        if isinstance(self.sync, Unset):
            sync = UNSET
        elif isinstance(self.sync, Remote):
            sync = self.sync.to_dict()
        else:
            sync = self.sync

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "alerts": alerts,
                "as_of": as_of,
                "blanks": blanks,
                "events_applied": events_applied,
                "forecast": forecast,
                "generated_at": generated_at,
                "kabupaten": kabupaten,
                "kecamatan": kecamatan,
                "lainnya": lainnya,
                "printers": printers,
                "rates": rates,
                "status_labels": status_labels,
                "today": today,
            }
        )
        if print_room is not UNSET:
            field_dict["print_room"] = print_room
        if stock_live is not UNSET:
            field_dict["stock_live"] = stock_live
        if sync is not UNSET:
            field_dict["sync"] = sync

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.alerts import Alerts  # noqa: PLC0415
        from ..models.blanks import Blanks  # noqa: PLC0415
        from ..models.figures import Figures  # noqa: PLC0415
        from ..models.forecast import Forecast  # noqa: PLC0415
        from ..models.kecamatan import Kecamatan  # noqa: PLC0415
        from ..models.printers import Printers  # noqa: PLC0415
        from ..models.progress_status_labels import ProgressStatusLabels  # noqa: PLC0415
        from ..models.rates import Rates  # noqa: PLC0415
        from ..models.region import Region  # noqa: PLC0415
        from ..models.remote import Remote  # noqa: PLC0415

        d = dict(src_dict)
        alerts = Alerts.from_dict(d.pop("alerts"))

        def _parse_as_of(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                as_of_type_0 = datetime.datetime.fromisoformat(data)

                return as_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        as_of = _parse_as_of(d.pop("as_of"))

        blanks = Blanks.from_dict(d.pop("blanks"))

        events_applied = d.pop("events_applied")

        forecast = Forecast.from_dict(d.pop("forecast"))

        generated_at = datetime.datetime.fromisoformat(d.pop("generated_at"))

        kabupaten = Region.from_dict(d.pop("kabupaten"))

        kecamatan = []
        _kecamatan = d.pop("kecamatan")
        for kecamatan_item_data in _kecamatan:
            kecamatan_item = Kecamatan.from_dict(kecamatan_item_data)

            kecamatan.append(kecamatan_item)

        lainnya = Figures.from_dict(d.pop("lainnya"))

        printers = Printers.from_dict(d.pop("printers"))

        rates = Rates.from_dict(d.pop("rates"))

        status_labels = ProgressStatusLabels.from_dict(d.pop("status_labels"))

        today = datetime.date.fromisoformat(d.pop("today"))

        def _parse_print_room(data: object) -> None | Remote | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                print_room_type_0 = Remote.from_dict(data)

                return print_room_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Remote | Unset, data)

        print_room = _parse_print_room(d.pop("print_room", UNSET))

        def _parse_stock_live(data: object) -> None | Remote | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                stock_live_type_0 = Remote.from_dict(data)

                return stock_live_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Remote | Unset, data)

        stock_live = _parse_stock_live(d.pop("stock_live", UNSET))

        def _parse_sync(data: object) -> None | Remote | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                sync_type_0 = Remote.from_dict(data)

                return sync_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Remote | Unset, data)

        sync = _parse_sync(d.pop("sync", UNSET))

        progress = cls(
            alerts=alerts,
            as_of=as_of,
            blanks=blanks,
            events_applied=events_applied,
            forecast=forecast,
            generated_at=generated_at,
            kabupaten=kabupaten,
            kecamatan=kecamatan,
            lainnya=lainnya,
            printers=printers,
            rates=rates,
            status_labels=status_labels,
            today=today,
            print_room=print_room,
            stock_live=stock_live,
            sync=sync,
        )

        return progress
