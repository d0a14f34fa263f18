from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.resolution_in import ResolutionIn
from ...models.resolved_exception import ResolvedException
from ...types import Response


def _get_kwargs(
    exception_id: int,
    *,
    body: ResolutionIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/exceptions/{exception_id}/resolve".format(
            exception_id=quote(str(exception_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ResolvedException | None:
    if response.status_code == 200:
        response_200 = ResolvedException.from_dict(response.json())

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
) -> Response[Problem | ResolvedException]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    exception_id: int,
    *,
    client: AuthenticatedClient,
    body: ResolutionIn,
) -> Response[Problem | ResolvedException]:
    """Close an exception with what was found and done

    Args:
        exception_id (int):
        body (ResolutionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ResolvedException]
    """

    kwargs = _get_kwargs(
        exception_id=exception_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    exception_id: int,
    *,
    client: AuthenticatedClient,
    body: ResolutionIn,
) -> Problem | ResolvedException | None:
    """Close an exception with what was found and done

    Args:
        exception_id (int):
        body (ResolutionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ResolvedException
    """

    return sync_detailed(
        exception_id=exception_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    exception_id: int,
    *,
    client: AuthenticatedClient,
    body: ResolutionIn,
) -> Response[Problem | ResolvedException]:
    """Close an exception with what was found and done

    Args:
        exception_id (int):
        body (ResolutionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ResolvedException]
    """

    kwargs = _get_kwargs(
        exception_id=exception_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    exception_id: int,
    *,
    client: AuthenticatedClient,
    body: ResolutionIn,
) -> Problem | ResolvedException | None:
    """Close an exception with what was found and done

    Args:
        exception_id (int):
        body (ResolutionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ResolvedException
    """

    return (
        await asyncio_detailed(
            exception_id=exception_id,
            client=client,
            body=body,
        )
    ).parsed
