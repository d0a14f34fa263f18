from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.timeline import Timeline
from ...types import Response


def _get_kwargs(
    nik: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/residents/{nik}".format(
            nik=quote(str(nik), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | Timeline | None:
    if response.status_code == 200:
        response_200 = Timeline.from_dict(response.json())

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
) -> Response[Problem | Timeline]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    nik: str,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | Timeline]:
    """One resident's timeline across every service (audited lookup)

    Args:
        nik (str): 16-digit NIK

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Timeline]
    """

    kwargs = _get_kwargs(
        nik=nik,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    nik: str,
    *,
    client: AuthenticatedClient,
) -> Problem | Timeline | None:
    """One resident's timeline across every service (audited lookup)

    Args:
        nik (str): 16-digit NIK

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Timeline
    """

    return sync_detailed(
        nik=nik,
        client=client,
    ).parsed


async def asyncio_detailed(
    nik: str,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | Timeline]:
    """One resident's timeline across every service (audited lookup)

    Args:
        nik (str): 16-digit NIK

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Timeline]
    """

    kwargs = _get_kwargs(
        nik=nik,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    nik: str,
    *,
    client: AuthenticatedClient,
) -> Problem | Timeline | None:
    """One resident's timeline across every service (audited lookup)

    Args:
        nik (str): 16-digit NIK

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Timeline
    """

    return (
        await asyncio_detailed(
            nik=nik,
            client=client,
        )
    ).parsed
