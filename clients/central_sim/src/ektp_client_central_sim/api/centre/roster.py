from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.roster_page import RosterPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    kabupaten: None | str | Unset = UNSET,
    cursor: str | Unset = "",
    limit: int | Unset = 500,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_kabupaten: None | str | Unset
    if isinstance(kabupaten, Unset):
        json_kabupaten = UNSET
    else:
        json_kabupaten = kabupaten
    params["kabupaten"] = json_kabupaten

    params["cursor"] = cursor

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/roster",
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

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

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
    client: AuthenticatedClient | Client,
    kabupaten: None | str | Unset = UNSET,
    cursor: str | Unset = "",
    limit: int | Unset = 500,
) -> Response[Problem | RosterPage]:
    """Wajib KTP residents without an e-KTP, paged by cursor

    Args:
        kabupaten (None | str | Unset): Kemendagri code; default the simulator's own
            (EKTP_KABUPATEN)
        cursor (str | Unset):  Default: ''.
        limit (int | Unset):  Default: 500.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RosterPage]
    """

    kwargs = _get_kwargs(
        kabupaten=kabupaten,
        cursor=cursor,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    kabupaten: None | str | Unset = UNSET,
    cursor: str | Unset = "",
    limit: int | Unset = 500,
) -> Problem | RosterPage | None:
    """Wajib KTP residents without an e-KTP, paged by cursor

    Args:
        kabupaten (None | str | Unset): Kemendagri code; default the simulator's own
            (EKTP_KABUPATEN)
        cursor (str | Unset):  Default: ''.
        limit (int | Unset):  Default: 500.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RosterPage
    """

    return sync_detailed(
        client=client,
        kabupaten=kabupaten,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    kabupaten: None | str | Unset = UNSET,
    cursor: str | Unset = "",
    limit: int | Unset = 500,
) -> Response[Problem | RosterPage]:
    """Wajib KTP residents without an e-KTP, paged by cursor

    Args:
        kabupaten (None | str | Unset): Kemendagri code; default the simulator's own
            (EKTP_KABUPATEN)
        cursor (str | Unset):  Default: ''.
        limit (int | Unset):  Default: 500.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RosterPage]
    """

    kwargs = _get_kwargs(
        kabupaten=kabupaten,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    kabupaten: None | str | Unset = UNSET,
    cursor: str | Unset = "",
    limit: int | Unset = 500,
) -> Problem | RosterPage | None:
    """Wajib KTP residents without an e-KTP, paged by cursor

    Args:
        kabupaten (None | str | Unset): Kemendagri code; default the simulator's own
            (EKTP_KABUPATEN)
        cursor (str | Unset):  Default: ''.
        limit (int | Unset):  Default: 500.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RosterPage
    """

    return (
        await asyncio_detailed(
            client=client,
            kabupaten=kabupaten,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
