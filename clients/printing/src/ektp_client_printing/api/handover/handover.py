from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.handover import Handover
from ...models.handover_in import HandoverIn
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    nik: str,
    *,
    body: HandoverIn,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/cards/{nik}/handover".format(
            nik=quote(str(nik), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Handover | Problem | None:
    if response.status_code == 201:
        response_201 = Handover.from_dict(response.json())

        return response_201

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
) -> Response[Handover | Problem]:
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
    body: HandoverIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Handover | Problem]:
    """Record who took the card

    Args:
        nik (str): 16-digit NIK
        idempotency_key (None | str | Unset): Repeat a create safely: same key, same answer
        body (HandoverIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Handover | Problem]
    """

    kwargs = _get_kwargs(
        nik=nik,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    nik: str,
    *,
    client: AuthenticatedClient,
    body: HandoverIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Handover | Problem | None:
    """Record who took the card

    Args:
        nik (str): 16-digit NIK
        idempotency_key (None | str | Unset): Repeat a create safely: same key, same answer
        body (HandoverIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Handover | Problem
    """

    return sync_detailed(
        nik=nik,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    nik: str,
    *,
    client: AuthenticatedClient,
    body: HandoverIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Handover | Problem]:
    """Record who took the card

    Args:
        nik (str): 16-digit NIK
        idempotency_key (None | str | Unset): Repeat a create safely: same key, same answer
        body (HandoverIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Handover | Problem]
    """

    kwargs = _get_kwargs(
        nik=nik,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    nik: str,
    *,
    client: AuthenticatedClient,
    body: HandoverIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Handover | Problem | None:
    """Record who took the card

    Args:
        nik (str): 16-digit NIK
        idempotency_key (None | str | Unset): Repeat a create safely: same key, same answer
        body (HandoverIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Handover | Problem
    """

    return (
        await asyncio_detailed(
            nik=nik,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
