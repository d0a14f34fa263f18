"""The services behind the screens, each through its generated client (clients/)."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import TypeVar

import httpx

from ektp_client_accounts.client import AuthenticatedClient as SignedInAccountsClient
from ektp_client_accounts.client import Client as AccountsClient
from ektp_client_dashboard.client import AuthenticatedClient as DashboardClient
from ektp_client_enrollment.client import AuthenticatedClient as EnrollmentClient
from ektp_client_inventory.client import AuthenticatedClient as InventoryClient
from ektp_client_printing.client import AuthenticatedClient as PrintingClient
from ektp_client_sync.client import AuthenticatedClient as SyncClient
from ektp_shared.answers import Answer, ProblemLike, Refused, expect

from ..config import Settings
from ..domain import indonesian

T = TypeVar("T")

SERVICE_NAMES = {"accounts": "layanan akun (masuk)", "enrollment": "layanan perekaman",
                 "inventory": "layanan gudang blangko",
                 "printing": "layanan pencetakan", "sync": "layanan kirim ke pusat",
                 "dashboard": "layanan dasbor"}


class ServiceDown(RuntimeError):
    """The service did not answer (down, unreachable, too slow), or answered a 5xx."""

    def __init__(self, service: str) -> None:
        self.service = service
        super().__init__(f"{service} did not answer")

    @property
    def name(self) -> str:
        return SERVICE_NAMES.get(self.service, self.service)


async def answer(service: str, call: Awaitable[Answer[T | ProblemLike]]) -> T:
    """The typed success, or ``Refused`` (a 4xx problem); ``ServiceDown`` when nobody
    answered or the service failed (a 5xx is not the clerk's doing)."""
    try:
        response = await call
    except httpx.TransportError as exc:
        raise ServiceDown(service) from exc
    if response.status_code >= 500:
        raise ServiceDown(service)
    try:
        return expect(response)
    except Refused as exc:
        if service in SAID_AGAIN_IN_INDONESIAN:
            in_indonesian(exc)
        raise


# The services whose refusals the screens show in the office's words (domain/indonesian.py
# says why there); accounts' are mapped by the sign-in and password pages themselves.
SAID_AGAIN_IN_INDONESIAN = ("printing", "inventory")


def in_indonesian(exc: Refused) -> None:
    """Rewrite the refusal's detail and its per-field messages in place."""
    problem = exc.problem
    kind = str(getattr(problem, "type_", "") or "").rsplit("/", 1)[-1]
    exc.detail = indonesian.refusal(exc.status, kind, exc.title or "", exc.detail or "")
    listed = getattr(problem, "errors", None)
    if isinstance(listed, list):
        for item in listed:
            if isinstance(getattr(item, "message", None), str):
                item.message = indonesian.field_message(item.message)


def accounts(settings: Settings) -> AccountsClient:
    return AccountsClient(base_url=settings.accounts_url,
                          timeout=httpx.Timeout(settings.service_timeout_seconds))


def accounts_as(settings: Settings, token: str) -> SignedInAccountsClient:
    """Accounts with the signed-in user's token (one's own account, the supervisor's)."""
    return SignedInAccountsClient(base_url=settings.accounts_url, token=token,
                                  timeout=httpx.Timeout(settings.service_timeout_seconds))


def enrollment(settings: Settings, token: str) -> EnrollmentClient:
    return EnrollmentClient(base_url=settings.enrollment_url, token=token,
                            timeout=httpx.Timeout(settings.service_timeout_seconds))


def inventory(settings: Settings, token: str) -> InventoryClient:
    return InventoryClient(base_url=settings.inventory_url, token=token,
                           timeout=httpx.Timeout(settings.service_timeout_seconds))


def printing(settings: Settings, token: str) -> PrintingClient:
    return PrintingClient(base_url=settings.printing_url, token=token,
                          timeout=httpx.Timeout(settings.service_timeout_seconds))


def sync(settings: Settings, token: str) -> SyncClient:
    return SyncClient(base_url=settings.sync_url, token=token,
                      timeout=httpx.Timeout(settings.service_timeout_seconds))


def dashboard(settings: Settings, token: str) -> DashboardClient:
    return DashboardClient(base_url=settings.dashboard_url, token=token,
                           timeout=httpx.Timeout(settings.service_timeout_seconds))
