from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_submissions_state_type_0 import (
    ListSubmissionsStateType0,
)
from ...models.problem import Problem
from ...models.submission_page import SubmissionPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    state: ListSubmissionsStateType0 | None | Unset = UNSET,
    nik: None | str | Unset = UNSET,
    after: int | Unset = 0,
    limit: int | Unset = 100,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_state: None | str | Unset
    if isinstance(state, Unset):
        json_state = UNSET
    elif isinstance(state, str):
        json_state = state
    else:
        json_state = state
    params["state"] = json_state

    json_nik: None | str | Unset
    if isinstance(nik, Unset):
        json_nik = UNSET
    else:
        json_nik = nik
    params["nik"] = json_nik

    params["after"] = after

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/submissions",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SubmissionPage | None:
    if response.status_code == 200:
        response_200 = SubmissionPage.from_dict(response.json())

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
) -> Response[Problem | SubmissionPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    state: ListSubmissionsStateType0 | None | Unset = UNSET,
    nik: None | str | Unset = UNSET,
    after: int | Unset = 0,
    limit: int | Unset = 100,
) -> Response[Problem | SubmissionPage]:
    """Submissions by state; ?state=FAILED is the operator queue

    Args:
        state (ListSubmissionsStateType0 | None | Unset):
        nik (None | str | Unset):
        after (int | Unset):  Default: 0.
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SubmissionPage]
    """

    kwargs = _get_kwargs(
        state=state,
        nik=nik,
        after=after,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    state: ListSubmissionsStateType0 | None | Unset = UNSET,
    nik: None | str | Unset = UNSET,
    after: int | Unset = 0,
    limit: int | Unset = 100,
) -> Problem | SubmissionPage | None:
    """Submissions by state; ?state=FAILED is the operator queue

    Args:
        state (ListSubmissionsStateType0 | None | Unset):
        nik (None | str | Unset):
        after (int | Unset):  Default: 0.
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SubmissionPage
    """

    return sync_detailed(
        client=client,
        state=state,
        nik=nik,
        after=after,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    state: ListSubmissionsStateType0 | None | Unset = UNSET,
    nik: None | str | Unset = UNSET,
    after: int | Unset = 0,
    limit: int | Unset = 100,
) -> Response[Problem | SubmissionPage]:
    """Submissions by state; ?state=FAILED is the operator queue

    Args:
        state (ListSubmissionsStateType0 | None | Unset):
        nik (None | str | Unset):
        after (int | Unset):  Default: 0.
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SubmissionPage]
    """

    kwargs = _get_kwargs(
        state=state,
        nik=nik,
        after=after,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    state: ListSubmissionsStateType0 | None | Unset = UNSET,
    nik: None | str | Unset = UNSET,
    after: int | Unset = 0,
    limit: int | Unset = 100,
) -> Problem | SubmissionPage | None:
    """Submissions by state; ?state=FAILED is the operator queue

    Args:
        state (ListSubmissionsStateType0 | None | Unset):
        nik (None | str | Unset):
        after (int | Unset):  Default: 0.
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SubmissionPage
    """

    return (
        await asyncio_detailed(
            client=client,
            state=state,
            nik=nik,
            after=after,
            limit=limit,
        )
    ).parsed
