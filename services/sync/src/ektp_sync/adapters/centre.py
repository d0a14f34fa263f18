"""HTTP client of the national data centre's API (the simulator implements the same API).

Every failure is sorted into one of two kinds: :class:`CentreUnavailable` (the link or the
centre is in trouble: connection refused, timeout, 5xx, 429, an unreadable answer, a
refused API key; worth retrying later) and :class:`CentreRejected` (the centre understood
and said no to this request; retrying the same thing will not help).
"""

from __future__ import annotations

import ssl
from typing import Any, Literal

import httpx
from pydantic import BaseModel, ValidationError

from ..config import Settings


class CentreError(Exception):
    pass


class CentreUnavailable(CentreError):
    """Transient: the call may succeed later. ``cut_off``: the link broke or timed out
    mid-call (no answer from the centre), which a smaller request may get through."""

    def __init__(self, message: str, *, cut_off: bool = False) -> None:
        super().__init__(message)
        self.cut_off = cut_off


class CentreRejected(CentreError):
    """Permanent for this request (4xx other than 401/403/408/429)."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(f"{status}: {detail}")
        self.status = status
        self.detail = detail


class ItemResult(BaseModel):
    enrollment_id: str
    status: Literal["ACCEPTED", "ALREADY_RECEIVED", "REFUSED", "REJECTED"]
    retryable: bool = False
    reason: str | None = None


class Verdict(BaseModel):
    enrollment_id: str
    status: Literal["UNKNOWN", "PENDING", "PRINT_READY_RECORD", "DUPLICATE_RECORD",
                    "ENROLL_FAILURE"]
    nik: str | None = None
    card: dict[str, Any] | None = None
    duplicate_of: str | None = None
    reason: str | None = None


class RosterEntry(BaseModel):
    nik: str
    nama: str
    kode_desa: str
    tanggal_lahir: str | None = None
    jenis_kelamin: str | None = None


class RosterPage(BaseModel):
    entries: list[RosterEntry]
    next_cursor: str
    has_more: bool


class _Batch(BaseModel):
    results: list[ItemResult]


class _Verdicts(BaseModel):
    verdicts: list[Verdict]


class _UpdateAck(BaseModel):
    update_id: str
    applied: bool


TRANSIENT_STATUS = {401, 403, 408, 425, 429}


def build_http_client(settings: Settings, transport: httpx.AsyncBaseTransport | None = None
                      ) -> httpx.AsyncClient:
    """The configured client: URL, timeouts, API key header, TLS (CA, client certificate)."""
    headers = {"User-Agent": f"ektp-{settings.service_name}"}
    if settings.central_api_key is not None:
        headers[settings.central_api_key_header] = settings.central_api_key.get_secret_value()
    verify: bool | ssl.SSLContext = settings.central_tls_verify
    if settings.central_tls_verify and (settings.central_ca_file
                                        or settings.central_client_cert_file):
        context = ssl.create_default_context(
            cafile=str(settings.central_ca_file) if settings.central_ca_file else None
        )
        if settings.central_client_cert_file:
            context.load_cert_chain(
                str(settings.central_client_cert_file),
                str(settings.central_client_key_file) if settings.central_client_key_file
                else None,
            )
        verify = context
    return httpx.AsyncClient(
        base_url=settings.central_url, headers=headers, verify=verify, transport=transport,
        timeout=httpx.Timeout(settings.central_timeout, connect=settings.central_connect_timeout),
    )


class CentreClient:
    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http

    async def aclose(self) -> None:
        await self.http.aclose()

    async def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        try:
            response = await self.http.request(method, path, **kwargs)
        except httpx.TimeoutException as exc:
            raise CentreUnavailable(f"pusat data tidak menjawab tepat waktu ({path})",
                                    cut_off=True) from exc
        except httpx.TransportError as exc:
            raise CentreUnavailable(
                f"tidak dapat terhubung ke pusat data: {type(exc).__name__}", cut_off=True
            ) from exc
        if response.status_code >= 500 or response.status_code in TRANSIENT_STATUS:
            raise CentreUnavailable(
                f"pusat data menjawab {response.status_code}: {_detail(response)}"
            )
        if response.status_code >= 400:
            raise CentreRejected(response.status_code, _detail(response))
        try:
            return response.json()
        except ValueError as exc:
            raise CentreUnavailable("jawaban pusat data tidak dapat dibaca") from exc

    async def submit(self, packets: list[dict[str, Any]]) -> list[ItemResult]:
        body = await self._call("POST", "/v1/enrollments/batch", json={"packets": packets})
        results = _parse(_Batch, body).results
        sent = {p["enrollment_id"] for p in packets}
        if {r.enrollment_id for r in results} != sent:
            raise CentreUnavailable("jawaban pusat data tidak cocok dengan paket yang dikirim")
        return results

    async def verdicts(self, enrollment_ids: list[str]) -> list[Verdict]:
        body = await self._call("POST", "/v1/verdicts/query",
                                json={"enrollment_ids": enrollment_ids})
        return _parse(_Verdicts, body).verdicts

    async def roster(self, kabupaten: str, cursor: str, limit: int) -> RosterPage:
        body = await self._call("GET", "/v1/roster",
                                params={"kabupaten": kabupaten, "cursor": cursor, "limit": limit})
        return _parse(RosterPage, body)

    async def population_update(self, update_id: str, nik: str, status: str, note: str) -> bool:
        body = await self._call("POST", "/v1/population-updates", json={
            "update_id": update_id, "nik": nik, "status": status, "note": note})
        return _parse(_UpdateAck, body).applied


def _parse(model: type[Any], body: Any) -> Any:
    try:
        return model.model_validate(body)
    except ValidationError as exc:
        raise CentreUnavailable(f"jawaban pusat data tidak sesuai kontrak: {exc}") from exc


def _detail(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return response.text[:200]
    if isinstance(body, dict):
        return str(body.get("detail") or body.get("title") or body)[:500]
    return str(body)[:500]
