"""Printable documents: berita acara pemusnahan, the reconciliation report, the draft
request letter (PDF, reportlab), and the report as CSV (stdlib)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import (
    Flowable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from ..domain.reconciliation import COLUMNS

_STYLES = getSampleStyleSheet()
_TITLE = ParagraphStyle("title", parent=_STYLES["Title"], fontSize=13, leading=16)
_BODY = _STYLES["BodyText"]
_GRID = TableStyle([
    ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
    ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
    ("FONTSIZE", (0, 0), (-1, -1), 8),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
])

BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember")


def tanggal(d: dt.date) -> str:
    return f"{d.day} {BULAN[d.month - 1]} {d.year}"


def _pdf(story: list[Flowable], *, wide: bool = False, title: str = "") -> bytes:
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=landscape(A4) if wide else A4, title=title,
        leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm, bottomMargin=2 * cm,
    )
    doc.build(story)
    return buf.getvalue()


def _p(text: str, style: ParagraphStyle = _BODY) -> Paragraph:
    """Every paragraph drawn goes through here: a Paragraph reads reportlab's mini-markup,
    so clerk-typed (or configured) text is escaped, and a "<font>" in a name stays text."""
    return Paragraph(escape(text), style)


def berita_acara_pdf(office: str, destruction: dict[str, Any]) -> bytes:
    serials: Sequence[str] = destruction["serials"]
    witnesses: Sequence[dict[str, str]] = destruction["witnesses"]
    on: dt.date = destruction["destroyed_on"]
    story: list[Flowable] = [
        _p(office.upper(), _TITLE),
        _p("BERITA ACARA PEMUSNAHAN BLANGKO KTP-EL RUSAK", _TITLE),
        _p(f"Nomor: {destruction['reference']}", _STYLES["Normal"]),
        Spacer(1, 0.5 * cm),
        _p(f"Pada hari ini, {tanggal(on)}, bertempat di {destruction['place']}, telah "
           f"dilaksanakan pemusnahan {len(serials)} (blangko) KTP-el rusak dengan cara "
           f"{destruction['method']}, disaksikan oleh:"),
        Spacer(1, 0.3 * cm),
    ]
    rows = [["No", "Nama", "NIP", "Jabatan", "Tanda tangan"]]
    for i, w in enumerate(witnesses, start=1):
        rows.append([str(i), w.get("nama", ""), w.get("nip", ""), w.get("jabatan", ""), ""])
    story.append(Table(rows, colWidths=[1 * cm, 5 * cm, 4 * cm, 4 * cm, 3 * cm],
                       rowHeights=[None] + [1.2 * cm] * len(witnesses), style=_GRID))
    story += [Spacer(1, 0.4 * cm), _p("Nomor seri blangko yang dimusnahkan:"),
              Spacer(1, 0.2 * cm)]
    per_row = 4
    grid = [["No", "Nomor seri", "No", "Nomor seri", "No", "Nomor seri", "No", "Nomor seri"]]
    for i in range(0, len(serials), per_row):
        line: list[str] = []
        for j, s in enumerate(serials[i:i + per_row]):
            line += [str(i + j + 1), s]
        grid.append(line + [""] * (2 * per_row - len(line)))
    story.append(Table(grid, repeatRows=1, style=_GRID))
    story += [Spacer(1, 0.6 * cm),
              _p(f"Dicatat oleh: {destruction['recorded_by']}. Demikian berita acara ini "
                 "dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.")]
    return _pdf(story, title=f"Berita acara {destruction['reference']}")


def reconciliation_csv(report: dict[str, Any]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    for day in report["days"]:
        w.writerow([day[c] for c in COLUMNS])
    t = report["totals"]
    w.writerow(["total", t["opening"], *(t[c] for c in COLUMNS[2:-1]), t["closing"]])
    return buf.getvalue()


def reconciliation_pdf(office: str, report: dict[str, Any]) -> bytes:
    start = dt.date.fromisoformat(report["from"])
    end = dt.date.fromisoformat(report["to"])
    heads = ["Tanggal", "Awal", "Terima", "Keluar ke\nruang cetak", "Terpakai", "Rusak",
             "Dimusnah-\nkan", "Kembali ke\ngudang", "Kembali ke\nkementerian", "Selisih\nopname",
             "Ditemukan", "Akhir"]
    rows: list[list[str]] = [heads]
    for day in report["days"]:
        rows.append([str(day[c]) for c in COLUMNS])
    t = report["totals"]
    rows.append(["Jumlah", str(t["opening"]), *(str(t[c]) for c in COLUMNS[2:-1]),
                 str(t["closing"])])
    story: list[Flowable] = [
        _p(office.upper(), _TITLE),
        _p("LAPORAN REKONSILIASI BLANGKO KTP-EL", _TITLE),
        _p(f"Periode {tanggal(start)} s.d. {tanggal(end)} ({report['timezone']})",
           _STYLES["Normal"]),
        Spacer(1, 0.4 * cm),
        Table(rows, repeatRows=1, style=_GRID),
        Spacer(1, 0.4 * cm),
        _p("Awal/Akhir: blangko dalam penguasaan kantor (gudang + ruang cetak + rusak yang "
           "belum dimusnahkan). Akhir = Awal + Terima - Terpakai - Dimusnahkan - Kembali ke "
           "kementerian - Selisih opname + Ditemukan."),
    ]
    return _pdf(story, wide=True, title="Laporan rekonsiliasi blangko")


def request_letter_text(office: str, place: str, today: dt.date, p: dict[str, Any]) -> str:
    return (
        f"{office}\n\n"
        f"{place}, {tanggal(today)}\n\n"
        "Kepada Yth.\nDirektur Jenderal Kependudukan dan Pencatatan Sipil\n"
        "Kementerian Dalam Negeri\ndi Jakarta\n\n"
        "Perihal: Permohonan tambahan blangko KTP-el (DRAFT)\n\n"
        f"Dengan hormat, bersama ini kami sampaikan bahwa per {tanggal(today)} persediaan "
        f"blangko KTP-el kami tersisa {p['in_store']} keping di gudang dan "
        f"{p['in_print_room']} keping di ruang cetak, sedangkan penduduk yang datanya telah "
        f"siap cetak (PRR) dan menunggu pencetakan berjumlah {p['backlog_awaiting_print']} "
        f"orang. Dengan demikian terdapat kekurangan {p['projected_shortfall']} keping.\n\n"
        f"Untuk itu kami mohon tambahan blangko KTP-el sebanyak {p['requested']} keping.\n\n"
        "Demikian permohonan ini kami sampaikan. Atas perhatian Bapak/Ibu kami ucapkan "
        "terima kasih.\n\nKepala Dinas,\n\n\n(.................................)\n"
    )


def request_letter_pdf(text: str) -> bytes:
    story: list[Flowable] = []
    for block in text.split("\n\n"):
        story.append(Paragraph(escape(block).replace("\n", "<br/>"), _BODY))
        story.append(Spacer(1, 0.3 * cm))
    return _pdf(story, title="Draft permohonan blangko")
