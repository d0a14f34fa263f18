from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_roster_status_type_0 import (
    ListRosterStatusType0,
)
from ...models.problem import Problem
from ...models.roster_page import RosterPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    kecamatan: None | str | Unset = UNSET,
    desa: None | str | Unset = UNSET,
    status: ListRosterStatusType0 | None | Unset = UNSET,
    nik: None | str | Unset = UNSET,
    nama: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_kecamatan: None | str | Unset
    if isinstance(kecamatan, Unset):
        json_kecamatan = UNSET
    else:
        json_kecamatan = kecamatan
    params["kecamatan"] = json_kecamatan

    json_desa: None | str | Unset
    if isinstance(desa, Unset):
        json_desa = UNSET
    else:
        json_desa = desa
    params["desa"] = json_desa

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, str):
        json_status = status
    else:
        json_status = status
    params["status"] = json_status

    json_nik: None | str | Unset
    if isinstance(nik, Unset):
        json_nik = UNSET
    else:
        json_nik = nik
    params["nik"] = json_nik

    json_nama: None | str | Unset
    if isinstance(nama, Unset):
        json_nama = UNSET
    else:
        json_nama = nama
    params["nama"] = json_nama

    params["page"] = page

    params["per_page"] = per_page

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/roster",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RosterPage | None:
    if response.status_code == 200:
        response_200 = RosterPage.from_dict(response.json())

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
) -> Response[Problem | RosterPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    kecamatan: None | str | Unset = UNSET,
    desa: None | str | Unset = UNSET,
    status: ListRosterStatusType0 | None | Unset = UNSET,
    nik: None | str | Unset = UNSET,
    nama: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
) -> Response[Problem | RosterPage]:
    """The roster, filtered by kecamatan, desa, status, NIK and name, paged (a search by NIK or name is
    audited)

    Args:
        kecamatan (None | str | Unset):
        desa (None | str | Unset):
        status (ListRosterStatusType0 | None | Unset):
        nik (None | str | Unset): exact NIK
        nama (None | str | Unset): part of the name, any case
        page (int | Unset): page number, from 1 Default: 1.
        per_page (int | Unset): rows per page Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RosterPage]
    """

    kwargs = _get_kwargs(
        kecamatan=kecamatan,
        desa=desa,
        status=status,
        nik=nik,
        nama=nama,
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
    kecamatan: None | str | Unset = UNSET,
    desa: None | str | Unset = UNSET,
    status: ListRosterStatusType0 | None | Unset = UNSET,
    nik: None | str | Unset = UNSET,
    nama: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
) -> Problem | RosterPage | None:
    """The roster, filtered by kecamatan, desa, status, NIK and name, paged (a search by NIK or name is
    audited)

    Args:
        kecamatan (None | str | Unset):
        desa (None | str | Unset):
        status (ListRosterStatusType0 | None | Unset):
        nik (None | str | Unset): exact NIK
        nama (None | str | Unset): part of the name, any case
        page (int | Unset): page number, from 1 Default: 1.
        per_page (int | Unset): rows per page Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RosterPage
    """

    return sync_detailed(
        client=client,
        kecamatan=kecamatan,
        desa=desa,
        status=status,
        nik=nik,
        nama=nama,
        page=page,
        per_page=per_page,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    kecamatan: None | str | Unset = UNSET,
    desa: None | str | Unset = UNSET,
    status: ListRosterStatusType0 | None | Unset = UNSET,
    nik: None | str | Unset = UNSET,
    nama: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
) -> Response[Problem | RosterPage]:
    """The roster, filtered by kecamatan, desa, status, NIK and name, paged (a search by NIK or name is
    audited)

    Args:
        kecamatan (None | str | Unset):
        desa (None | str | Unset):
        status (ListRosterStatusType0 | None | Unset):
        nik (None | str | Unset): exact NIK
        nama (None | str | Unset): part of the name, any case
        page (int | Unset): page number, from 1 Default: 1.
        per_page (int | Unset): rows per page Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RosterPage]
    """

    kwargs = _get_kwargs(
        kecamatan=kecamatan,
        desa=desa,
        status=status,
        nik=nik,
        nama=nama,
        page=page,
        per_page=per_page,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    kecamatan: None | str | Unset = UNSET,
    desa: None | str | Unset = UNSET,
    status: ListRosterStatusType0 | None | Unset = UNSET,
    nik: None | str | Unset = UNSET,
    nama: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
) -> Problem | RosterPage | None:
    """The roster, filtered by kecamatan, desa, status, NIK and name, paged (a search by NIK or name is
    audited)

    Args:
        kecamatan (None | str | Unset):
        desa (None | str | Unset):
        status (ListRosterStatusType0 | None | Unset):
        nik (None | str | Unset): exact NIK
        nama (None | str | Unset): part of the name, any case
        page (int | Unset): page number, from 1 Default: 1.
        per_page (int | Unset): rows per page Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RosterPage
    """

    return (
        await asyncio_detailed(
            client=client,
            kecamatan=kecamatan,
            desa=desa,
            status=status,
            nik=nik,
            nama=nama,
            page=page,
            per_page=per_page,
        )
    ).parsed
