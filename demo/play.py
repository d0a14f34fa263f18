"""``make demo``: the office's situation at a reduced scale, played through the services'
real HTTP APIs while the dashboard (http://127.0.0.1:8000/) shows it live.

    make up                      # the stack: Kafka, PostgreSQL, the six services
    .venv/bin/python demo/play.py [--population 3000] [--minutes 4]

What it plays, bounded in time:
  1. the simulated centre gets a Boltim population; the sync service pulls from it the roster
     of wajib KTP residents who still lack an e-KTP (a few hundred at this scale);
  2. 4 card printers are registered, one of them BROKEN beyond repair;
  3. the store receives fewer blanks than residents waiting, and issues most to the print room;
  4. operators record about 90% of the roster, 1 in 10 with biometrics that already belong to
     someone else (the centre answers DUPLICATE_RECORD);
  5. meanwhile the centre is slow, then answers 503 to a share of calls, then is down for a
     while, then recovers; the sync service retries and catches up;
  6. the print room prints what the centre made print-ready until the blanks run out, and the
     handover desk hands out printed cards.
Every few seconds it prints one line of the dashboard's /progress; at the end it prints where
to look, a viewer token for the page, and a NIK to search.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
# The enrollment tests' recording builder (a real JPEG photo, PNG signature, 10 fingerprint
# templates, 2 irises): the same recordings the enrollment benchmark sends.
sys.path.insert(0, str(ROOT / "services" / "enrollment" / "tests"))

from enrollment_testdata import biometrics  # noqa: E402

from ektp_client_central_sim import Client as CentreClient  # noqa: E402
from ektp_client_central_sim.api.control_simulator_only import (  # noqa: E402
    make_population,
    put_faults,
    put_verdict_delay,
    reset,
)
from ektp_client_central_sim.models import (  # noqa: E402
    FaultsIn,
    PopulationIn,
    ResetIn,
    VerdictDelayIn,
)
from ektp_client_dashboard import AuthenticatedClient as DashboardClient  # noqa: E402
from ektp_client_dashboard.api.progress import get_progress  # noqa: E402
from ektp_client_enrollment import AuthenticatedClient as EnrollmentClient  # noqa: E402
from ektp_client_enrollment.api.enrollments import create_enrollment  # noqa: E402
from ektp_client_enrollment.api.roster import list_roster  # noqa: E402
from ektp_client_enrollment.models import RecordingRequest, RosterPage, RosterRow  # noqa: E402
from ektp_client_inventory import AuthenticatedClient as InventoryClient  # noqa: E402
from ektp_client_inventory.api.issues import post_issue  # noqa: E402
from ektp_client_inventory.api.receipts import post_receipt  # noqa: E402
from ektp_client_inventory.models import IssueIn, Range, ReceiptIn  # noqa: E402
from ektp_client_printing import AuthenticatedClient as PrintingClient  # noqa: E402
from ektp_client_printing.api.handover import cards_ready, handover  # noqa: E402
from ektp_client_printing.api.printers import register_printer  # noqa: E402
from ektp_client_printing.models import HandoverIn, PrinterIn  # noqa: E402
from ektp_client_sync import AuthenticatedClient as SyncClient  # noqa: E402
from ektp_client_sync.api.sync import pull_roster  # noqa: E402
from ektp_shared.answers import expect  # noqa: E402
from ektp_shared.auth import issue_token  # noqa: E402
from ektp_shared.keys import KeyFileError, KeySettings  # noqa: E402

URLS = {
    "dashboard": os.environ.get("EKTP_DASHBOARD_URL", "http://127.0.0.1:8000"),
    "enrollment": os.environ.get("EKTP_ENROLLMENT_URL", "http://127.0.0.1:8001"),
    "sync": os.environ.get("EKTP_SYNC_URL", "http://127.0.0.1:8002"),
    "printing": os.environ.get("EKTP_PRINTING_URL", "http://127.0.0.1:8003"),
    "inventory": os.environ.get("EKTP_INVENTORY_URL", "http://127.0.0.1:8004"),
    "central-sim": os.environ.get("EKTP_CENTRAL_URL", "http://127.0.0.1:8009"),
}
TIMEOUT = httpx.Timeout(30)


class Office:
    """The office's staff at the services: one typed client per service and role."""

    def __init__(self, run: str) -> None:
        s = KeySettings()
        try:
            key = s.signing_key()
        except KeyFileError as exc:
            sys.exit(f"{exc} (`make up` does)")
        longest = dt.timedelta(seconds=s.token_max_ttl_seconds)  # what the services accept
        self.tokens = {
            role: issue_token(key, user=f"demo-{role}", role=role, issuer=s.jwt_issuer,
                              audience=s.jwt_audience, ttl=longest, max_ttl=longest)
            for role in ("supervisor", "operator", "printer", "storekeeper", "viewer")
        }
        self.run = run
        centre_key = os.environ.get("EKTP_API_KEY")
        self.centre = CentreClient(base_url=URLS["central-sim"], timeout=TIMEOUT,
                                   headers={"X-API-Key": centre_key} if centre_key else {})
        self.sync = SyncClient(base_url=URLS["sync"], token=self.tokens["supervisor"],
                               timeout=TIMEOUT)
        self.supervisor_printing = self._printing("supervisor")
        self.print_room = self._printing("printer")
        self.store = InventoryClient(base_url=URLS["inventory"], timeout=TIMEOUT,
                                     token=self.tokens["storekeeper"])
        self.operator = EnrollmentClient(base_url=URLS["enrollment"], timeout=TIMEOUT,
                                         token=self.tokens["operator"])
        self.dashboard = DashboardClient(base_url=URLS["dashboard"], timeout=TIMEOUT,
                                         token=self.tokens["viewer"])

    def _printing(self, role: str) -> PrintingClient:
        return PrintingClient(base_url=URLS["printing"], token=self.tokens[role],
                              timeout=TIMEOUT)

    def key(self, name: str) -> str:
        """An Idempotency-Key of this run: playing twice records nothing twice."""
        return f"{self.run}-{name}"


def check_stack(office: Office) -> None:
    down = []
    for name, url in URLS.items():
        try:
            if httpx.get(url + "/healthz", timeout=3).status_code != 200:
                down.append(name)
        except httpx.HTTPError:
            down.append(name)
    if down:
        sys.exit(f"not running: {', '.join(down)}. Start the stack with `make up` first.")


def progress_line(office: Office) -> str:
    try:
        p = expect(get_progress.sync_detailed(client=office.dashboard))
    except (RuntimeError, httpx.HTTPError) as exc:
        return f"(dashboard: {exc})"
    k = p.kabupaten
    sync = p.sync.to_dict() if p.sync else {}  # the sync service's own answer, passed on
    link = "?"
    if sync.get("available"):
        outage = (sync.get("circuit") or {}).get("outage_since")
        link = f"PUTUS sejak {outage[11:19]}" if outage else "normal"
    b = p.blanks.by_state.additional_properties
    f = p.forecast.current
    finish = f.finish_date or f.reason
    return (f"target {k.target:4d} | rekam {k.recorded:4d} | kirim {k.sent:4d} | "
            f"PRR {k.print_ready:4d} | ganda {k.duplicate:3d} | cetak {k.printed:4d} | "
            f"serah {k.issued:4d} | blangko gudang {b['IN_STORE']} ruang cetak {b['ISSUED']} | "
            f"pusat {link} | selesai: {finish}")


def wait_for_roster(office: Office, timeout: float = 120) -> list[RosterRow]:
    def page(n: int) -> RosterPage:
        return expect(list_roster.sync_detailed(client=office.operator, status="BELUM_REKAM",
                                             per_page=200, page=n))

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if page(1).total > 0:
            time.sleep(3)  # let the rest of the pull arrive
            rows: list[RosterRow] = []
            n = 1
            while True:
                answer = page(n)
                rows += answer.items
                if len(rows) >= answer.total or not answer.items:
                    return rows
                n += 1
        time.sleep(1)
    sys.exit("the roster did not arrive from the centre within 2 minutes: is sync running?")


def recording(entry: RosterRow, seed: int) -> RecordingRequest:
    return RecordingRequest.from_dict({
        "nik": entry.nik, "nama": entry.nama, "tempat_lahir": "Tutuyan",
        "tanggal_lahir": entry.tanggal_lahir.isoformat(),
        "jenis_kelamin": entry.jenis_kelamin or "LAKI-LAKI", "golongan_darah": "-",
        "alamat": "Jl. Trans Sulawesi", "rt": "1", "rw": "1", "kode_desa": entry.kode_desa,
        "agama": "ISLAM", "status_perkawinan": "KAWIN", "pekerjaan": "PETANI/PEKEBUN",
        "kewarganegaraan": "WNI", "biometrics": biometrics(seed),
    })


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--population", type=int, default=3000,
                    help="residents of the simulated Boltim (about 1 in 8 adults lacks a card)")
    ap.add_argument("--minutes", type=float, default=4.0, help="how long the day lasts")
    ap.add_argument("--seed", type=int, default=7110)
    ap.add_argument("--verdict-delay", type=float, default=20.0,
                    help="seconds from the centre's receipt to its verdict")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    office = Office(run=f"demo-{uuid.uuid4().hex[:6]}")
    check_stack(office)
    started = time.monotonic()
    end = started + args.minutes * 60

    print(f"1. pusat: penduduk simulasi, jawaban pusat {args.verdict_delay:g} detik setelah "
          "diterima")
    expect(reset.sync_detailed(client=office.centre, body=ResetIn(counters=False)))
    expect(put_verdict_delay.sync_detailed(client=office.centre,
                                        body=VerdictDelayIn(seconds=args.verdict_delay)))
    expect(make_population.sync_detailed(client=office.centre, body=PopulationIn(
        size=args.population, card_share=0.88, seed=args.seed)))
    expect(pull_roster.sync_detailed(client=office.sync))
    roster = wait_for_roster(office)
    print(f"   daftar wajib KTP belum punya KTP: {len(roster)} penduduk")

    print("2. ruang cetak: 4 printer, satu rusak berat")
    for i in range(1, 5):
        broken = i == 4
        expect(register_printer.sync_detailed(
            client=office.supervisor_printing, idempotency_key=office.key(f"printer-{i}"),
            body=PrinterIn(
                name=f"Printer {i}", model="Evolis Primacy 2", driver="simulated",
                location="Ruang cetak Dukcapil", status="BROKEN" if broken else "ONLINE",
                reason="kepala cetak rusak, tidak bisa diperbaiki" if broken else "")))

    waiting = int(len(roster) * 0.9)
    blanks = max(10, int(waiting * 0.7))
    print(f"3. gudang: terima {blanks} blangko (lebih sedikit dari {waiting} yang akan direkam), "
          f"serahkan {blanks - 20} ke ruang cetak")
    prefix = f"D{office.run[-6:].upper()}"
    expect(post_receipt.sync_detailed(
        client=office.store, idempotency_key=office.key("receipt"), body=ReceiptIn(
            letter_number=f"470/{office.run}/Dukcapil", letter_date=dt.date.today(),
            quantity=blanks,
            ranges=[Range(first=f"{prefix}00001", last=f"{prefix}{blanks:05d}")])))
    expect(post_issue.sync_detailed(client=office.store, idempotency_key=office.key("issue"),
                                 body=IssueIn(quantity=blanks - 20)))

    print("4. perekaman berjalan; pusat lambat, lalu sering gagal, lalu putus, lalu pulih")
    to_record = rng.sample(roster, waiting)
    recorded_seeds: list[int] = []
    phases: list[tuple[float, dict[str, Any]]] = [(0.15, {"latency_seconds": 1.0}),
              (0.30, {"error_share": 0.3, "latency_seconds": 1.0}),
              (0.45, {"down": True}), (0.60, {"latency_seconds": 0.3})]
    record_window = (end - started) * 0.6
    next_line = 0.0
    done = 0
    handed = 0
    while time.monotonic() < end:
        now = time.monotonic()
        share = (now - started) / (end - started)
        while phases and share >= phases[0][0]:
            _, plan = phases.pop(0)
            expect(put_faults.sync_detailed(client=office.centre, body=FaultsIn.from_dict(plan)))
            print(f"   [pusat] {plan}")
        due = min(len(to_record), int(len(to_record) * (now - started) / record_window) + 1)
        while done < due:
            entry = to_record[done]
            seed = 1000 + done
            if recorded_seeds and rng.random() < 0.10:
                seed = rng.choice(recorded_seeds)  # someone else's fingers: a duplicate
            else:
                recorded_seeds.append(seed)
            try:
                expect(create_enrollment.sync_detailed(
                    client=office.operator, idempotency_key=office.key(f"rec-{entry.nik}"),
                    body=recording(entry, seed)))
            except RuntimeError as exc:  # Refused: the service's problem, named
                print(f"   perekaman ditolak: {exc}")
            done += 1
        # The handover desk: hand out about half of what is ready, every round.
        try:
            ready = expect(cards_ready.sync_detailed(client=office.print_room))
            cards = [c for g in ready for c in g.cards]
            for card in cards[: max(1, len(cards) // 2)]:
                expect(handover.sync_detailed(
                    card.nik, client=office.print_room,
                    idempotency_key=office.key(f"handover-{card.nik}"),
                    body=HandoverIn(handed_to=card.nama)))
                handed += 1
        except (RuntimeError, httpx.HTTPError) as exc:
            print(f"   serah terima: {exc}")
        if now >= next_line:
            print(f"   [{int(now - started):4d}s] {progress_line(office)}")
            next_line = now + 10
        time.sleep(1)
    expect(reset.sync_detailed(client=office.centre, body=ResetIn(counters=False)))

    nik = to_record[0].nik
    print()
    print(f"selesai: {done} direkam, {handed} KTP diserahkan.")
    print(f"   {progress_line(office)}")
    print()
    print(f"Lihat dasbor:   {URLS['dashboard']}/")
    print(f"Token (viewer, untuk halaman):    {office.tokens['viewer']}")
    print(f"Token (operator, bisa cari NIK):  {office.tokens['operator']}")
    print(f"Coba cari NIK:  {nik}")
    print(f"Atau di terminal:  .venv/bin/ektp dashboard resident {nik}")


if __name__ == "__main__":
    main()
