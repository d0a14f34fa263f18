"""How the centre judges a recording: deduplication on fingerprint templates."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

VerdictName = Literal["PRINT_READY_RECORD", "DUPLICATE_RECORD", "ENROLL_FAILURE"]


@dataclass(frozen=True)
class Verdict:
    name: VerdictName
    duplicate_of: str | None = None
    reason: str | None = None


def judge(nik: str, templates: int, owner_nik: str | None) -> Verdict:
    """The verdict for a recording of ``nik`` whose fingerprints belong to ``owner_nik``.

    ``owner_nik`` is the first NIK the centre saw these templates under (this one, if it
    is the first). A resident recorded again under the same NIK is not a duplicate of
    themselves; the same fingers under another NIK are.
    """
    if templates == 0:
        return Verdict("ENROLL_FAILURE", reason="tidak ada sidik jari yang dapat dibandingkan")
    if owner_nik is not None and owner_nik != nik:
        return Verdict("DUPLICATE_RECORD", duplicate_of=owner_nik)
    return Verdict("PRINT_READY_RECORD")
