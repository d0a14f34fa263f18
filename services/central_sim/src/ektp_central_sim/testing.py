"""Helpers for tests and benchmarks that need the simulated centre: a real server in a
thread (stoppable, so the centre can be truly unreachable) and sealed recordings."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import threading
import time
from pathlib import Path

import uvicorn

from ektp_shared.events import Demographics, EnrollmentRecorded
from ektp_shared.nik import parse_nik
from ektp_shared.office import office_for
from ektp_shared.sealed_packet import FINGERS, BiometricPacket, load_public_key, seal
from ektp_shared.testing.resources import free_port

from .config import Settings
from .entrypoints.api import build_app


class SimServer:
    """The simulator under uvicorn in a thread; ``stop()`` makes connections be refused."""

    def __init__(self, settings: Settings, port: int | None = None) -> None:
        self.settings = settings
        self.port = port or free_port()
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60.0) -> SimServer:
        config = uvicorn.Config(build_app(self.settings), host="127.0.0.1", port=self.port,
                                log_level="warning", log_config=None, lifespan="on")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the centre simulator did not start")
            time.sleep(0.05)
        return self

    def stop(self) -> None:
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(30)
        self._server = self._thread = None


def _b64(seed: str, size: int) -> str:
    out = b""
    counter = 0
    while len(out) < size:
        out += hashlib.sha256(f"{seed}:{counter}".encode()).digest()
        counter += 1
    return base64.b64encode(out[:size]).decode()


def recording(
    nik: str,
    enrollment_id: str,
    centre_public_key: Path,
    *,
    fingers_of: str | None = None,
    no_fingers: bool = False,
    kode_desa: str | None = None,
    nama: str = "WARGA UJI",
    photo_bytes: int = 64,
) -> EnrollmentRecorded:
    """An ``enrollment.recorded`` event as the enrollment service publishes it.

    ``fingers_of`` names whose fingers these are (default: the NIK's own), so that a test
    can record the same person under two NIKs. ``kode_desa``: default the first desa of the
    default office. ``photo_bytes``: a card photo of that size (a real one is 20-40 KB).
    """
    kode_desa = kode_desa or next(iter(office_for().desa))
    info = parse_nik(nik)
    demographics = Demographics(
        nik=nik, nama=nama, tempat_lahir="TUTUYAN", tanggal_lahir=info.tanggal_lahir,
        jenis_kelamin=info.jenis_kelamin, alamat="JL. TRANS SULAWESI", rt="001", rw="002",
        kode_desa=kode_desa, agama="ISLAM", status_perkawinan="KAWIN", pekerjaan="PETANI",
    )
    person = fingers_of or nik
    packet = BiometricPacket(
        enrollment_id=enrollment_id, nik=nik,
        photo_jpeg_b64=_b64(f"photo:{nik}", photo_bytes), signature_png_b64=_b64(f"sign:{nik}", 32),
        fingerprints={} if no_fingers else {f: _b64(f"{person}:{f}", 48) for f in FINGERS},
    )
    kec = kode_desa.rsplit(".", 1)[0]
    return EnrollmentRecorded(
        enrollment_id=enrollment_id, nik=nik, demographics=demographics,
        kode_provinsi=kode_desa[:2], kode_kabupaten=kode_desa[:5], kode_kecamatan=kec,
        kode_desa=kode_desa, sealed_packet=seal(packet, load_public_key(centre_public_key)),
        recorded_at=dt.datetime.now(dt.UTC), recorded_by="petugas.uji",
    )


def niks(count: int, start: int = 1, kecamatan: str | None = None) -> list[str]:
    """``count`` distinct valid NIKs of men born in January 1990 in ``kecamatan`` (6 digits;
    default the default office's first kecamatan)."""
    kecamatan = kecamatan or next(iter(office_for().kecamatan)).replace(".", "")
    out = []
    for i in range(start - 1, start - 1 + count):
        day, serial = 1 + (i // 9999) % 28, i % 9999 + 1
        out.append(f"{kecamatan}{day:02d}0190{serial:04d}")
    return out
