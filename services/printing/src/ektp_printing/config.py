"""Settings of the printing service (env prefix ``EKTP_``)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from ektp_shared.config import PRINT_ROOM_PRIVATE_KEY, ServiceSettings, key_file, repo_root
from ektp_shared.office import current as current_office


def default_spool_dir() -> Path:
    return repo_root() / ".run" / "printing" / "spool"


class Settings(ServiceSettings):
    service_name: str = "printing"
    http_port: int = 8003
    database_url: str = "postgresql://ektp:ektp@127.0.0.1:5432/ektp_printing"

    # The print room's private key opens the card's sealed photo and signature (sync seals
    # them with the public half); only printing holds it.
    print_room_private_key_file: Path = key_file(PRINT_ROOM_PRIVATE_KEY)
    # Where the PDF driver leaves cards (PDF + PNG preview) and where Suket PDFs are kept.
    spool_dir: Path = Field(default_factory=default_spool_dir)
    # Seconds a print takes on top of rendering: the card printer's mechanical time. Tests
    # raise it to have a window in which to kill the process mid-print.
    print_seconds: float = 0.0
    # Share of prints that fail (ENCODE_FAIL or PRINT_FAIL) for tests and demos; 0 in use.
    fault_rate: float = Field(default=0.0, ge=0.0, le=1.0)
    fault_seed: int | None = None

    # The queue order: higher first, then first come first served.
    priority_reprint: int = 100  # a spoiled card is reprinted before new ones
    priority_elderly: int = 10
    elderly_age: int = 60
    # Raise before an election so that first-time holders get their card first.
    priority_first_time: int = 0

    # printing.blanks_low when the blanks on hand fall below this.
    blanks_low_threshold: int = 20

    # Printed on the card and the Suket.
    # Default: the office's (EKTP_KABUPATEN; EKTP_ISSUE_PLACE names its seat).
    issue_place: str = Field(default_factory=lambda: current_office().issue_place)
    issue_provinsi: str = Field(default_factory=lambda: current_office().provinsi.nama.upper())
    # The QR code of a Suket points at GET {public_url}/suket/verify/{number} (public).
    public_url: str = "http://127.0.0.1:8003"

    # CUPS: the IPP endpoint of cupsd (printer queues are named per printer).
    cups_url: str = "http://127.0.0.1:631"
    cups_timeout_seconds: float = 60.0
    # The requesting-user-name of IPP requests; must be a user cupsd's host knows (default:
    # this process's user; see adapters/ipp.py local_user).
    cups_user: str | None = None

    # The print engine's lease: one engine prints at a time; a successor takes over this many
    # seconds after the holder stopped renewing (it renews every third of it).
    engine_lease_seconds: float = Field(default=5.0, gt=0.2, le=300)

    # The card's photo and signature are purged this long after handover (or a spoiled
    # print); the purge runs this often.
    print_job_photo_retention_days: int = Field(default=30, ge=0)
    card_image_purge_seconds: float = 3600.0
    # Named on a Suket's public verification.
    issuing_office: str = Field(default_factory=lambda: current_office().dinas)

    # How often the print room looks for work when nothing woke it.
    engine_poll_seconds: float = 0.3
