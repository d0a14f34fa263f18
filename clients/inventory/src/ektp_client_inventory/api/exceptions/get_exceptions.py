from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.exception_page import ExceptionPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    open_: bool | Unset = True,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["open"] = open_

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/exceptions",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ExceptionPage | Problem | None:
    if response.status_code == 200:
        response_200 = ExceptionPage.from_dict(response.json())

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
) -> Response[ExceptionPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    open_: bool | Unset = True,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
) -> Response[ExceptionPage | Problem]:
    """Events the ledger could not apply, for the storekeeper to sort out

    Args:
        open_ (bool | Unset):  Default: True.
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExceptionPage | Problem]
    """

    kwargs = _get_kwargs(
        open_=open_,
        limit=limit,
        offset=offset,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    open_: bool | Unset = True,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
) -> ExceptionPage | Problem | None:
    """Events the ledger could not apply, for the storekeeper to sort out

    Args:
        open_ (bool | Unset):  Default: True.
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExceptionPage | Problem
    """

    return sync_detailed(
        client=client,
        open_=open_,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    open_: bool | Unset = True,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
) -> Response[ExceptionPage | Problem]:
    """Events the ledger could not apply, for the storekeeper to sort out

    Args:
        open_ (bool | Unset):  Default: True.
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExceptionPage | Problem]
    """

    kwargs = _get_kwargs(
        open_=open_,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    open_: bool | Unset = True,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
) -> ExceptionPage | Problem | None:
    """Events the ledger could not apply, for the storekeeper to sort out

    Args:
        open_ (bool | Unset):  Default: True.
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExceptionPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            open_=open_,
            limit=limit,
            offset=offset,
        )
    ).parsed
