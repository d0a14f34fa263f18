"""A generated client's answer (clients/, ``make clients``): the typed success, or ``Refused``.

Each client's ``sync_detailed`` gives a ``Response`` whose ``parsed`` is the operation's
success model or, for a 4xx the operation declares, the service's RFC 9457 ``Problem``.
``expect`` returns the success, typed (mypy infers it from the operation), and raises
``Refused`` otherwise, with the problem's title and detail for the clerk. The clients are
one package per service, so the problem is matched by its shape, not by its class.
"""

from __future__ import annotations

import json
from typing import Protocol, TypeVar, cast

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


class ProblemLike(Protocol):
    """The members of every client's ``models.Problem`` that a refusal shows."""

    @property
    def status(self) -> int: ...

    @property
    def title(self) -> str: ...

    @property
    def type_(self) -> str: ...


class Answer(Protocol[T_co]):
    """Any client's ``types.Response``."""

    @property
    def status_code(self) -> int: ...

    @property
    def content(self) -> bytes: ...

    @property
    def parsed(self) -> T_co | None: ...


class Refused(RuntimeError):
    """The service said no (a problem document), or answered what the operation does not
    declare (a 5xx, a 404 of a proxy): ``status``, ``title`` and ``detail`` say what."""

    def __init__(self, status: int, title: str | None, detail: str | None, text: str,
                 problem: ProblemLike | None = None) -> None:
        self.status, self.title, self.detail, self.text = status, title, detail, text
        self.problem = problem
        super().__init__(f"HTTP {status}: {self.message}")

    @property
    def message(self) -> str:
        """The detail for the clerk, else the title, else the start of the body."""
        return self.detail or self.title or self.text[:300]


def _is_problem(value: object) -> bool:
    return all(hasattr(value, name) for name in ("status", "title", "type_"))


def refusal(response: Answer[object]) -> Refused:
    """The ``Refused`` that a non-success answer stands for."""
    text = response.content.decode("utf-8", errors="replace")
    parsed = response.parsed
    if _is_problem(parsed):
        problem = cast(ProblemLike, parsed)
        detail = getattr(problem, "detail", None)
        return Refused(response.status_code, problem.title,
                       detail if isinstance(detail, str) else None, text, problem)
    try:  # a status the operation does not declare may still carry a problem document
        body = json.loads(text)
    except ValueError:
        body = None
    if isinstance(body, dict):
        title, detail = body.get("title"), body.get("detail")
        return Refused(response.status_code, title if isinstance(title, str) else None,
                       detail if isinstance(detail, str) else None, text)
    return Refused(response.status_code, None, None, text)


def expect(response: Answer[T | ProblemLike]) -> T:
    """The success of ``response`` (its type is the operation's), or raise ``Refused``."""
    parsed = response.parsed
    if response.status_code >= 400 or parsed is None or _is_problem(parsed):
        raise refusal(response)
    return cast(T, parsed)


__all__ = ["Answer", "ProblemLike", "Refused", "expect", "refusal"]
