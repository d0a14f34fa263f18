from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.status_changed import StatusChanged
from ...models.status_in import StatusIn
from ...types import Response


def _get_kwargs(
    printer_id: str,
    *,
    body: StatusIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/printers/{printer_id}/status".format(
            printer_id=quote(str(printer_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | StatusChanged | None:
    if response.status_code == 200:
        response_200 = StatusChanged.from_dict(response.json())

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
) -> Response[Problem | StatusChanged]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    printer_id: str,
    *,
    client: AuthenticatedClient,
    body: StatusIn,
) -> Response[Problem | StatusChanged]:
    """Change a printer's status; its queued jobs move if it leaves ONLINE

    Args:
        printer_id (str):
        body (StatusIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StatusChanged]
    """

    kwargs = _get_kwargs(
        printer_id=printer_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    printer_id: str,
    *,
    client: AuthenticatedClient,
    body: StatusIn,
) -> Problem | StatusChanged | None:
    """Change a printer's status; its queued jobs move if it leaves ONLINE

    Args:
        printer_id (str):
        body (StatusIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StatusChanged
    """

    return sync_detailed(
        printer_id=printer_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    printer_id: str,
    *,
    client: AuthenticatedClient,
    body: StatusIn,
) -> Response[Problem | StatusChanged]:
    """Change a printer's status; its queued jobs move if it leaves ONLINE

    Args:
        printer_id (str):
        body (StatusIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StatusChanged]
    """

    kwargs = _get_kwargs(
        printer_id=printer_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    printer_id: str,
    *,
    client: AuthenticatedClient,
    body: StatusIn,
) -> Problem | StatusChanged | None:
    """Change a printer's status; its queued jobs move if it leaves ONLINE

    Args:
        printer_id (str):
        body (StatusIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StatusChanged
    """

    return (
        await asyncio_detailed(
            printer_id=printer_id,
            client=client,
            body=body,
        )
    ).parsed
