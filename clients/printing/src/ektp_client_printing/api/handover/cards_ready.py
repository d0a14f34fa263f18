from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.desa_pickup import DesaPickup
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    kode_desa: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_kode_desa: None | str | Unset
    if isinstance(kode_desa, Unset):
        json_kode_desa = UNSET
    else:
        json_kode_desa = kode_desa
    params["kode_desa"] = json_kode_desa

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/cards/ready",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | list[DesaPickup] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = DesaPickup.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
) -> Response[Problem | list[DesaPickup]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    kode_desa: None | str | Unset = UNSET,
) -> Response[Problem | list[DesaPickup]]:
    """Cards waiting for pickup, per desa

    Args:
        kode_desa (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[DesaPickup]]
    """

    kwargs = _get_kwargs(
        kode_desa=kode_desa,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    kode_desa: None | str | Unset = UNSET,
) -> Problem | list[DesaPickup] | None:
    """Cards waiting for pickup, per desa

    Args:
        kode_desa (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[DesaPickup]
    """

    return sync_detailed(
        client=client,
        kode_desa=kode_desa,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    kode_desa: None | str | Unset = UNSET,
) -> Response[Problem | list[DesaPickup]]:
    """Cards waiting for pickup, per desa

    Args:
        kode_desa (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[DesaPickup]]
    """

    kwargs = _get_kwargs(
        kode_desa=kode_desa,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    kode_desa: None | str | Unset = UNSET,
) -> Problem | list[DesaPickup] | None:
    """Cards waiting for pickup, per desa

    Args:
        kode_desa (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[DesaPickup]
    """

    return (
        await asyncio_detailed(
            client=client,
            kode_desa=kode_desa,
        )
    ).parsed
