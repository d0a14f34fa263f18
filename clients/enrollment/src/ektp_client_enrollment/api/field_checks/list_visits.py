import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.visit_out import VisitOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    desa: None | str | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_desa: None | str | Unset
    if isinstance(desa, Unset):
        json_desa = UNSET
    else:
        json_desa = desa
    params["desa"] = json_desa

    json_from_: None | str | Unset
    if isinstance(from_, Unset):
        json_from_ = UNSET
    elif isinstance(from_, datetime.date):
        json_from_ = from_.isoformat()
    else:
        json_from_ = from_
    params["from"] = json_from_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/field-checks/visits",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | list[VisitOut] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = VisitOut.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
) -> Response[Problem | list[VisitOut]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    desa: None | str | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
) -> Response[Problem | list[VisitOut]]:
    """The visit schedule

    Args:
        desa (None | str | Unset):
        from_ (datetime.date | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[VisitOut]]
    """

    kwargs = _get_kwargs(
        desa=desa,
        from_=from_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    desa: None | str | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
) -> Problem | list[VisitOut] | None:
    """The visit schedule

    Args:
        desa (None | str | Unset):
        from_ (datetime.date | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[VisitOut]
    """

    return sync_detailed(
        client=client,
        desa=desa,
        from_=from_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    desa: None | str | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
) -> Response[Problem | list[VisitOut]]:
    """The visit schedule

    Args:
        desa (None | str | Unset):
        from_ (datetime.date | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[VisitOut]]
    """

    kwargs = _get_kwargs(
        desa=desa,
        from_=from_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    desa: None | str | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
) -> Problem | list[VisitOut] | None:
    """The visit schedule

    Args:
        desa (None | str | Unset):
        from_ (datetime.date | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[VisitOut]
    """

    return (
        await asyncio_detailed(
            client=client,
            desa=desa,
            from_=from_,
        )
    ).parsed
