from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.blanks import Blanks
    from ..models.forecast import Forecast
    from ..models.rates import Rates
    from ..models.region import Region


T = TypeVar("T", bound="ProvinceKabupaten")


@_attrs_define
class ProvinceKabupaten:
    """One office as its own dashboard's GET /progress shows it (without live figures).

    Attributes:
        as_of (datetime.datetime | None):
        blanks (Blanks):
        events_applied (int):
        figures (Region):
        forecast (Forecast):
        kode (str):
        nama (str):
        rates (Rates):
    """

    as_of: datetime.datetime | None
    blanks: Blanks
    events_applied: int
    figures: Region
    forecast: Forecast
    kode: str
    nama: str
    rates: Rates

    def to_dict(self) -> dict[str, Any]:
        as_of: None | str
        if isinstance(self.as_of, datetime.datetime):
            as_of = self.as_of.isoformat()
        else:
            as_of = self.as_of

        blanks = self.blanks.to_dict()

        events_applied = self.events_applied

        figures = self.figures.to_dict()

        forecast = self.forecast.to_dict()

        kode = self.kode

        nama = self.nama

        rates = self.rates.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "as_of": as_of,
                "blanks": blanks,
                "events_applied": events_applied,
                "figures": figures,
                "forecast": forecast,
                "kode": kode,
                "nama": nama,
                "rates": rates,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.blanks import Blanks  # noqa: PLC0415
        from ..models.forecast import Forecast  # noqa: PLC0415
        from ..models.rates import Rates  # noqa: PLC0415
        from ..models.region import Region  # noqa: PLC0415

        d = dict(src_dict)

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

        figures = Region.from_dict(d.pop("figures"))

        forecast = Forecast.from_dict(d.pop("forecast"))

        kode = d.pop("kode")

        nama = d.pop("nama")

        rates = Rates.from_dict(d.pop("rates"))

        province_kabupaten = cls(
            as_of=as_of,
            blanks=blanks,
            events_applied=events_applied,
            figures=figures,
            forecast=forecast,
            kode=kode,
            nama=nama,
            rates=rates,
        )

        return province_kabupaten
