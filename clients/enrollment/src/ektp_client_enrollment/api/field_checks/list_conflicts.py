from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.conflict_page import ConflictPage
from ...models.list_conflicts_status_type_0 import (
    ListConflictsStatusType0,
)
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: ListConflictsStatusType0 | None | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 100,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, str):
        json_status = status
    else:
        json_status = status
    params["status"] = json_status

    params["page"] = page

    params["per_page"] = per_page

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/field-checks/conflicts",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ConflictPage | Problem | None:
    if response.status_code == 200:
        response_200 = ConflictPage.from_dict(response.json())

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
) -> Response[ConflictPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: ListConflictsStatusType0 | None | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 100,
) -> Response[ConflictPage | Problem]:
    """Conflicts of the field work, for the supervisor

    Args:
        status (ListConflictsStatusType0 | None | Unset):
        page (int | Unset): page number, from 1 Default: 1.
        per_page (int | Unset): rows per page Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConflictPage | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
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
    status: ListConflictsStatusType0 | None | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 100,
) -> ConflictPage | Problem | None:
    """Conflicts of the field work, for the supervisor

    Args:
        status (ListConflictsStatusType0 | None | Unset):
        page (int | Unset): page number, from 1 Default: 1.
        per_page (int | Unset): rows per page Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConflictPage | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        page=page,
        per_page=per_page,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: ListConflictsStatusType0 | None | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 100,
) -> Response[ConflictPage | Problem]:
    """Conflicts of the field work, for the supervisor

    Args:
        status (ListConflictsStatusType0 | None | Unset):
        page (int | Unset): page number, from 1 Default: 1.
        per_page (int | Unset): rows per page Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConflictPage | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        page=page,
        per_page=per_page,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: ListConflictsStatusType0 | None | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 100,
) -> ConflictPage | Problem | None:
    """Conflicts of the field work, for the supervisor

    Args:
        status (ListConflictsStatusType0 | None | Unset):
        page (int | Unset): page number, from 1 Default: 1.
        per_page (int | Unset): rows per page Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConflictPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            page=page,
            per_page=per_page,
        )
    ).parsed
