from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.progress import Progress
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    extra_blanks: int | None | Unset = UNSET,
    live: bool | Unset = True,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_extra_blanks: int | None | Unset
    if isinstance(extra_blanks, Unset):
        json_extra_blanks = UNSET
    else:
        json_extra_blanks = extra_blanks
    params["extra_blanks"] = json_extra_blanks

    params["live"] = live

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/progress",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | Progress | None:
    if response.status_code == 200:
        response_200 = Progress.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | Progress]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    extra_blanks: int | None | Unset = UNSET,
    live: bool | Unset = True,
) -> Response[Problem | Progress]:
    """Progress for the kabupaten and each kecamatan and desa, with the forecast

    Args:
        extra_blanks (int | None | Unset): Forecast with this many more blanks (default: exactly
            the shortfall)
        live (bool | Unset): Also ask sync, inventory and printing for their own figures Default:
            True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Progress]
    """

    kwargs = _get_kwargs(
        extra_blanks=extra_blanks,
        live=live,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    extra_blanks: int | None | Unset = UNSET,
    live: bool | Unset = True,
) -> Problem | Progress | None:
    """Progress for the kabupaten and each kecamatan and desa, with the forecast

    Args:
        extra_blanks (int | None | Unset): Forecast with this many more blanks (default: exactly
            the shortfall)
        live (bool | Unset): Also ask sync, inventory and printing for their own figures Default:
            True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Progress
    """

    return sync_detailed(
        client=client,
        extra_blanks=extra_blanks,
        live=live,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    extra_blanks: int | None | Unset = UNSET,
    live: bool | Unset = True,
) -> Response[Problem | Progress]:
    """Progress for the kabupaten and each kecamatan and desa, with the forecast

    Args:
        extra_blanks (int | None | Unset): Forecast with this many more blanks (default: exactly
            the shortfall)
        live (bool | Unset): Also ask sync, inventory and printing for their own figures Default:
            True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Progress]
    """

    kwargs = _get_kwargs(
        extra_blanks=extra_blanks,
        live=live,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    extra_blanks: int | None | Unset = UNSET,
    live: bool | Unset = True,
) -> Problem | Progress | None:
    """Progress for the kabupaten and each kecamatan and desa, with the forecast

    Args:
        extra_blanks (int | None | Unset): Forecast with this many more blanks (default: exactly
            the shortfall)
        live (bool | Unset): Also ask sync, inventory and printing for their own figures Default:
            True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Progress
    """

    return (
        await asyncio_detailed(
            client=client,
            extra_blanks=extra_blanks,
            live=live,
        )
    ).parsed
