from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.decision_in import DecisionIn
from ...models.decision_out import DecisionOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    count_id: int,
    *,
    body: DecisionIn,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/stock-counts/{count_id}/approve".format(
            count_id=quote(str(count_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DecisionOut | Problem | None:
    if response.status_code == 200:
        response_200 = DecisionOut.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[DecisionOut | Problem]:
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
    body: DecisionIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[DecisionOut | Problem]:
    """Supervisor: approve the count; missing serials become ADJUSTED

    Args:
        count_id (int):
        idempotency_key (None | str | Unset): Repeat a create safely: same key, same answer
        body (DecisionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DecisionOut | Problem]
    """

    kwargs = _get_kwargs(
        count_id=count_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    count_id: int,
    *,
    client: AuthenticatedClient,
    body: DecisionIn,
    idempotency_key: None | str | Unset = UNSET,
) -> DecisionOut | Problem | None:
    """Supervisor: approve the count; missing serials become ADJUSTED

    Args:
        count_id (int):
        idempotency_key (None | str | Unset): Repeat a create safely: same key, same answer
        body (DecisionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DecisionOut | Problem
    """

    return sync_detailed(
        count_id=count_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    count_id: int,
    *,
    client: AuthenticatedClient,
    body: DecisionIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[DecisionOut | Problem]:
    """Supervisor: approve the count; missing serials become ADJUSTED

    Args:
        count_id (int):
        idempotency_key (None | str | Unset): Repeat a create safely: same key, same answer
        body (DecisionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DecisionOut | Problem]
    """

    kwargs = _get_kwargs(
        count_id=count_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    count_id: int,
    *,
    client: AuthenticatedClient,
    body: DecisionIn,
    idempotency_key: None | str | Unset = UNSET,
) -> DecisionOut | Problem | None:
    """Supervisor: approve the count; missing serials become ADJUSTED

    Args:
        count_id (int):
        idempotency_key (None | str | Unset): Repeat a create safely: same key, same answer
        body (DecisionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DecisionOut | Problem
    """

    return (
        await asyncio_detailed(
            count_id=count_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
