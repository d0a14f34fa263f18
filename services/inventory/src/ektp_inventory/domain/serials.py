"""Blank serials as the clerk writes them: single chip UIDs, ranges, or a file of UIDs."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

SERIAL_RE = re.compile(r"^[A-Z0-9][A-Z0-9-]{2,39}$")
_TAIL_DIGITS = re.compile(r"^(.*?)(\d+)$")


class SerialError(ValueError):
    """A serial or range the clerk must correct; the message says which and why."""


def normalize(raw: str) -> str:
    """Chip UIDs are read as hex by some readers in lower case: compare them in upper case."""
    serial = raw.strip().upper()
    if not SERIAL_RE.match(serial) or not any(c.isdigit() for c in serial):
        raise SerialError(
            f"serial {raw.strip()[:50]!r} is not a blank serial: 3 to 40 letters, digits or "
            "'-', with at least one digit"
        )
    return serial


@dataclass(frozen=True)
class SerialRange:
    """``first``..``last`` inclusive: same prefix, same number of digits at the end."""

    first: str
    last: str

    def expand(self, limit: int) -> list[str]:
        first, last = normalize(self.first), normalize(self.last)
        m1, m2 = _TAIL_DIGITS.match(first), _TAIL_DIGITS.match(last)
        if not m1 or not m2:
            raise SerialError(f"range {first}..{last}: both ends must end in digits")
        (p1, d1), (p2, d2) = m1.groups(), m2.groups()
        if p1 != p2 or len(d1) != len(d2):
            raise SerialError(
                f"range {first}..{last}: both ends need the same prefix and number of digits"
            )
        lo, hi = int(d1), int(d2)
        if hi < lo:
            raise SerialError(f"range {first}..{last}: the last serial is before the first")
        if hi - lo + 1 > limit:
            raise SerialError(
                f"range {first}..{last} has {hi - lo + 1} serials; at most {limit} per request"
            )
        width = len(d1)
        return [f"{p1}{n:0{width}d}" for n in range(lo, hi + 1)]


def collect(
    serials: Iterable[str], ranges: Iterable[SerialRange], *, limit: int,
    allow_empty: bool = False,
) -> list[str]:
    """All serials of a request in order, normalized; duplicates are the clerk's to fix."""
    out = [normalize(s) for s in serials]
    for r in ranges:
        out.extend(r.expand(limit))
        if len(out) > limit:
            break
    if len(out) > limit:
        raise SerialError(f"{len(out)}+ serials in one request; at most {limit}")
    if not out and not allow_empty:
        raise SerialError("no serials given: list them or give a range")
    dupes = duplicates(out)
    if dupes:
        raise SerialError(f"serials listed twice: {', '.join(dupes[:20])}")
    return out


def duplicates(serials: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    twice: set[str] = set()
    for s in serials:
        (twice if s in seen else seen).add(s)
    return sorted(twice)


def parse_uid_file(text: str) -> list[str]:
    """One chip UID per line, or the first column of a CSV; blank lines, '#' comments and
    a header line (a first line that is not a serial) are skipped."""
    out: list[str] = []
    first = True
    for number, line in enumerate(text.splitlines(), start=1):
        cell = line.split(",")[0].split(";")[0].strip().strip('"')
        if not cell or cell.startswith("#"):
            continue
        header_allowed, first = first, False
        try:
            out.append(normalize(cell))
        except SerialError:
            if header_allowed:
                continue  # a header such as "uid" or "serial" (serials carry digits)
            raise SerialError(f"line {number}: {cell[:50]!r} is not a blank serial") from None
    return out
