from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.stock_count import StockCount
from ...types import Response


def _get_kwargs(
    count_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/stock-counts/{count_id}".format(
            count_id=quote(str(count_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | StockCount | None:
    if response.status_code == 200:
        response_200 = StockCount.from_dict(response.json())

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
) -> Response[Problem | StockCount]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    count_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | StockCount]:
    """Get Stock Count

    Args:
        count_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StockCount]
    """

    kwargs = _get_kwargs(
        count_id=count_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    count_id: int,
    *,
    client: AuthenticatedClient,
) -> Problem | StockCount | None:
    """Get Stock Count

    Args:
        count_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StockCount
    """

    return sync_detailed(
        count_id=count_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    count_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | StockCount]:
    """Get Stock Count

    Args:
        count_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StockCount]
    """

    kwargs = _get_kwargs(
        count_id=count_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    count_id: int,
    *,
    client: AuthenticatedClient,
) -> Problem | StockCount | None:
    """Get Stock Count

    Args:
        count_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StockCount
    """

    return (
        await asyncio_detailed(
            count_id=count_id,
            client=client,
        )
    ).parsed
