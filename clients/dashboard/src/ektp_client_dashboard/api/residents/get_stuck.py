from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_stuck_status_type_0 import GetStuckStatusType0
from ...models.problem import Problem
from ...models.stuck_list import StuckList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    older_than_hours: float | None | Unset = UNSET,
    status: GetStuckStatusType0 | None | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_older_than_hours: float | None | Unset
    if isinstance(older_than_hours, Unset):
        json_older_than_hours = UNSET
    else:
        json_older_than_hours = older_than_hours
    params["older_than_hours"] = json_older_than_hours

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, str):
        json_status = status
    else:
        json_status = status
    params["status"] = json_status

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/stuck",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | StuckList | None:
    if response.status_code == 200:
        response_200 = StuckList.from_dict(response.json())

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
) -> Response[Problem | StuckList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    older_than_hours: float | None | Unset = UNSET,
    status: GetStuckStatusType0 | None | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
) -> Response[Problem | StuckList]:
    """Residents in one state for longer than a threshold (audited)

    Args:
        older_than_hours (float | None | Unset): Default: the service's stuck_after_hours
        status (GetStuckStatusType0 | None | Unset):
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StuckList]
    """

    kwargs = _get_kwargs(
        older_than_hours=older_than_hours,
        status=status,
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
    older_than_hours: float | None | Unset = UNSET,
    status: GetStuckStatusType0 | None | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
) -> Problem | StuckList | None:
    """Residents in one state for longer than a threshold (audited)

    Args:
        older_than_hours (float | None | Unset): Default: the service's stuck_after_hours
        status (GetStuckStatusType0 | None | Unset):
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StuckList
    """

    return sync_detailed(
        client=client,
        older_than_hours=older_than_hours,
        status=status,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    older_than_hours: float | None | Unset = UNSET,
    status: GetStuckStatusType0 | None | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
) -> Response[Problem | StuckList]:
    """Residents in one state for longer than a threshold (audited)

    Args:
        older_than_hours (float | None | Unset): Default: the service's stuck_after_hours
        status (GetStuckStatusType0 | None | Unset):
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StuckList]
    """

    kwargs = _get_kwargs(
        older_than_hours=older_than_hours,
        status=status,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    older_than_hours: float | None | Unset = UNSET,
    status: GetStuckStatusType0 | None | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
) -> Problem | StuckList | None:
    """Residents in one state for longer than a threshold (audited)

    Args:
        older_than_hours (float | None | Unset): Default: the service's stuck_after_hours
        status (GetStuckStatusType0 | None | Unset):
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StuckList
    """

    return (
        await asyncio_detailed(
            client=client,
            older_than_hours=older_than_hours,
            status=status,
            limit=limit,
            offset=offset,
        )
    ).parsed
