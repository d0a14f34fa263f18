"""Rolling the per-desa counters up to kecamatan and kabupaten, with the regions' names."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from .resident import FIELD_OUTCOMES, MILESTONES, STATUSES

FIGURES: tuple[str, ...] = ("residents", "target", *MILESTONES, "lacking")
UNKNOWN = ""  # residents whose desa no event has told yet, or outside the office's desa


def region_counts(metrics: Mapping[str, int]) -> dict[str, Any]:
    """One region's figures from its flat counters (``status:X``, ``field:Y``, milestones)."""
    out: dict[str, Any] = {f: int(metrics.get(f, 0)) for f in FIGURES}
    out["by_status"] = {s: int(metrics.get(f"status:{s}", 0)) for s in STATUSES}
    out["field_checks"] = {o: int(metrics.get(f"field:{o}", 0)) for o in FIELD_OUTCOMES}
    return out


def kecamatan_of(kode_desa: str) -> str:
    return kode_desa.rsplit(".", 1)[0] if kode_desa.count(".") == 3 else UNKNOWN


def roll_up(
    rows: Iterable[tuple[str, str, int]],
    *,
    kecamatan_names: Mapping[str, str],
    desa_names: Mapping[str, str],
) -> dict[str, Any]:
    """``rows`` are (kode_desa, metric, count). Every kecamatan and desa of the office is
    listed, with zeros where nothing happened yet; others are grouped under "lainnya"."""
    by_desa: dict[str, dict[str, int]] = defaultdict(dict)
    total: dict[str, int] = defaultdict(int)
    for kode, metric, n in rows:
        key = kode if kode in desa_names else UNKNOWN
        by_desa[key][metric] = by_desa[key].get(metric, 0) + n
        total[metric] += n
    by_kec: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for kode, metrics in by_desa.items():
        for metric, n in metrics.items():
            by_kec[kecamatan_of(kode)][metric] += n
    kecamatan = []
    for kk, nama in sorted(kecamatan_names.items()):
        desa = [
            {"kode": kd, "nama": desa_names[kd], **region_counts(by_desa.get(kd, {}))}
            for kd in sorted(desa_names) if kecamatan_of(kd) == kk
        ]
        kecamatan.append({"kode": kk, "nama": nama, **region_counts(by_kec.get(kk, {})),
                          "desa": desa})
    result: dict[str, Any] = {"total": region_counts(total), "kecamatan": kecamatan}
    result["lainnya"] = region_counts(by_desa.get(UNKNOWN, {}))
    return result
