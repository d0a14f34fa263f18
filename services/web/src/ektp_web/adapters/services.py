"""The services behind the screens, each through its generated client (clients/)."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import TypeVar

import httpx

from ektp_client_accounts.client import AuthenticatedClient as AccountsAdminClient
from ektp_client_accounts.client import Client as AccountsClient
from ektp_client_dashboard.client import AuthenticatedClient as DashboardClient
from ektp_client_enrollment.client import AuthenticatedClient as EnrollmentClient
from ektp_client_inventory.client import AuthenticatedClient as InventoryClient
from ektp_client_printing.client import AuthenticatedClient as PrintingClient
from ektp_client_sync.client import AuthenticatedClient as SyncClient
from ektp_shared.answers import Answer, ProblemLike, expect

from ..config import Settings

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
    return expect(response)


def accounts(settings: Settings) -> AccountsClient:
    return AccountsClient(base_url=settings.accounts_url,
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


def accounts_as(settings: Settings, token: str) -> AccountsAdminClient:
    """Accounts with the supervisor's token (``/users``, ``/audit``)."""
    return AccountsAdminClient(base_url=settings.accounts_url, token=token,
                               timeout=httpx.Timeout(settings.service_timeout_seconds))


def dashboard(settings: Settings, token: str) -> DashboardClient:
    return DashboardClient(base_url=settings.dashboard_url, token=token,
                           timeout=httpx.Timeout(settings.service_timeout_seconds))
