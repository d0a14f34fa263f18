from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.enrollment_page import EnrollmentPage
from ...models.list_enrollments_status_type_0 import (
    ListEnrollmentsStatusType0,
)
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: ListEnrollmentsStatusType0 | None | Unset = UNSET,
    desa: None | str | Unset = UNSET,
    nik: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, str):
        json_status = status
    else:
        json_status = status
    params["status"] = json_status

    json_desa: None | str | Unset
    if isinstance(desa, Unset):
        json_desa = UNSET
    else:
        json_desa = desa
    params["desa"] = json_desa

    json_nik: None | str | Unset
    if isinstance(nik, Unset):
        json_nik = UNSET
    else:
        json_nik = nik
    params["nik"] = json_nik

    params["page"] = page

    params["per_page"] = per_page

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/enrollments",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EnrollmentPage | Problem | None:
    if response.status_code == 200:
        response_200 = EnrollmentPage.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EnrollmentPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: ListEnrollmentsStatusType0 | None | Unset = UNSET,
    desa: None | str | Unset = UNSET,
    nik: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
) -> Response[EnrollmentPage | Problem]:
    """Recordings by status and desa (or by NIK, audited)

    Args:
        status (ListEnrollmentsStatusType0 | None | Unset):
        desa (None | str | Unset):
        nik (None | str | Unset): lookup by NIK: operators only, audited
        page (int | Unset): page number, from 1 Default: 1.
        per_page (int | Unset): rows per page Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentPage | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        desa=desa,
        nik=nik,
        page=page,
        per_page=per_page,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    status: ListEnrollmentsStatusType0 | None | Unset = UNSET,
    desa: None | str | Unset = UNSET,
    nik: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
) -> EnrollmentPage | Problem | None:
    """Recordings by status and desa (or by NIK, audited)

    Args:
        status (ListEnrollmentsStatusType0 | None | Unset):
        desa (None | str | Unset):
        nik (None | str | Unset): lookup by NIK: operators only, audited
        page (int | Unset): page number, from 1 Default: 1.
        per_page (int | Unset): rows per page Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentPage | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        desa=desa,
        nik=nik,
        page=page,
        per_page=per_page,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: ListEnrollmentsStatusType0 | None | Unset = UNSET,
    desa: None | str | Unset = UNSET,
    nik: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
) -> Response[EnrollmentPage | Problem]:
    """Recordings by status and desa (or by NIK, audited)

    Args:
        status (ListEnrollmentsStatusType0 | None | Unset):
        desa (None | str | Unset):
        nik (None | str | Unset): lookup by NIK: operators only, audited
        page (int | Unset): page number, from 1 Default: 1.
        per_page (int | Unset): rows per page Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentPage | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        desa=desa,
        nik=nik,
        page=page,
        per_page=per_page,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: ListEnrollmentsStatusType0 | None | Unset = UNSET,
    desa: None | str | Unset = UNSET,
    nik: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
) -> EnrollmentPage | Problem | None:
    """Recordings by status and desa (or by NIK, audited)

    Args:
        status (ListEnrollmentsStatusType0 | None | Unset):
        desa (None | str | Unset):
        nik (None | str | Unset): lookup by NIK: operators only, audited
        page (int | Unset): page number, from 1 Default: 1.
        per_page (int | Unset): rows per page Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            desa=desa,
            nik=nik,
            page=page,
            per_page=per_page,
        )
    ).parsed
