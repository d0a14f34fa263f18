from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.roster_import import RosterImport
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    *,
    body: File,
    line_offset: int | Unset = 0,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    params["line_offset"] = line_offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/roster/import",
        "params": params,
    }

    _kwargs["content"] = body.payload
    headers["Content-Type"] = "text/csv"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RosterImport | None:
    if response.status_code == 200:
        response_200 = RosterImport.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | RosterImport]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: File,
    line_offset: int | Unset = 0,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | RosterImport]:
    """Import the ministry's roster CSV (bad rows reported by line)

    Args:
        line_offset (int | Unset): lines before this chunk Default: 0.
        idempotency_key (None | str | Unset): Repeat a create safely: same key, same answer
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RosterImport]
    """

    kwargs = _get_kwargs(
        body=body,
        line_offset=line_offset,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: File,
    line_offset: int | Unset = 0,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | RosterImport | None:
    """Import the ministry's roster CSV (bad rows reported by line)

    Args:
        line_offset (int | Unset): lines before this chunk Default: 0.
        idempotency_key (None | str | Unset): Repeat a create safely: same key, same answer
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RosterImport
    """

    return sync_detailed(
        client=client,
        body=body,
        line_offset=line_offset,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: File,
    line_offset: int | Unset = 0,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | RosterImport]:
    """Import the ministry's roster CSV (bad rows reported by line)

    Args:
        line_offset (int | Unset): lines before this chunk Default: 0.
        idempotency_key (None | str | Unset): Repeat a create safely: same key, same answer
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RosterImport]
    """

    kwargs = _get_kwargs(
        body=body,
        line_offset=line_offset,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: File,
    line_offset: int | Unset = 0,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | RosterImport | None:
    """Import the ministry's roster CSV (bad rows reported by line)

    Args:
        line_offset (int | Unset): lines before this chunk Default: 0.
        idempotency_key (None | str | Unset): Repeat a create safely: same key, same answer
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RosterImport
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            line_offset=line_offset,
            idempotency_key=idempotency_key,
        )
    ).parsed
