from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.kit_records import KitRecords
from ...models.kit_sync import KitSync
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    kit_id: str,
    *,
    body: KitRecords,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/kits/{kit_id}/records".format(
            kit_id=quote(str(kit_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> KitSync | Problem | None:
    if response.status_code == 200:
        response_200 = KitSync.from_dict(response.json())

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
) -> Response[KitSync | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    kit_id: str,
    *,
    client: AuthenticatedClient,
    body: KitRecords,
) -> Response[KitSync | Problem]:
    """The village sync: a kit's records, each taken once

    Args:
        kit_id (str):
        body (KitRecords):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KitSync | Problem]
    """

    kwargs = _get_kwargs(
        kit_id=kit_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    kit_id: str,
    *,
    client: AuthenticatedClient,
    body: KitRecords,
) -> KitSync | Problem | None:
    """The village sync: a kit's records, each taken once

    Args:
        kit_id (str):
        body (KitRecords):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KitSync | Problem
    """

    return sync_detailed(
        kit_id=kit_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    kit_id: str,
    *,
    client: AuthenticatedClient,
    body: KitRecords,
) -> Response[KitSync | Problem]:
    """The village sync: a kit's records, each taken once

    Args:
        kit_id (str):
        body (KitRecords):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KitSync | Problem]
    """

    kwargs = _get_kwargs(
        kit_id=kit_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    kit_id: str,
    *,
    client: AuthenticatedClient,
    body: KitRecords,
) -> KitSync | Problem | None:
    """The village sync: a kit's records, each taken once

    Args:
        kit_id (str):
        body (KitRecords):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KitSync | Problem
    """

    return (
        await asyncio_detailed(
            kit_id=kit_id,
            client=client,
            body=body,
        )
    ).parsed
