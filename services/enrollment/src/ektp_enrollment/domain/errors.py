"""Why the office refuses something, in words a clerk can act on (no HTTP in here)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str


@dataclass(eq=False)
class Refused(Exception):
    """A request the rules refuse. ``kind`` picks the answer: ``invalid`` (422), ``forbidden``
    (403: only a supervisor may), ``conflict`` (409), ``not_found`` (404)."""

    errors: list[FieldError]
    kind: str = "invalid"
    title: str = ""  # empty: the HTTP layer names it by kind
    extra: dict[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        super().__init__(self.detail)

    @classmethod
    def one(
        cls, field_name: str, message: str, kind: str = "invalid", title: str | None = None,
        **extra: object,
    ) -> Refused:
        refused = cls([FieldError(field_name, message)], kind=kind, extra=dict(extra))
        if title is not None:
            refused.title = title
        return refused

    @property
    def detail(self) -> str:
        return "; ".join(f"{e.field}: {e.message}" for e in self.errors)
