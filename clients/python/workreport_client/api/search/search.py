from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.hit_kind import HitKind
from ...models.problem import Problem
from ...models.search_results import SearchResults
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    q: str,
    type_: HitKind | None | Unset = UNSET,
    document: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["q"] = q

    json_type_: None | str | Unset
    if isinstance(type_, Unset):
        json_type_ = UNSET
    elif isinstance(type_, HitKind):
        json_type_ = type_.value
    else:
        json_type_ = type_
    params["type"] = json_type_

    json_document: None | str | Unset
    if isinstance(document, Unset):
        json_document = UNSET
    else:
        json_document = document
    params["document"] = json_document

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/search",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SearchResults | None:
    if response.status_code == 200:
        response_200 = SearchResults.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 406:
        response_406 = Problem.from_dict(response.json())

        return response_406

    if response.status_code == 414:
        response_414 = Problem.from_dict(response.json())

        return response_414

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | SearchResults]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: str,
    type_: HitKind | None | Unset = UNSET,
    document: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[Problem | SearchResults]:
    """Search measures and targets

    Args:
        q (str): Text to find, 1 to 100 characters, in either script; % and _ are plain text.
        type_ (HitKind | None | Unset): Only measures or only targets.
        document (None | str | Unset): Only records of this document (its id).
        limit (int | Unset): Records per page, 1 to 500 (default 50). Default: 50.
        cursor (None | str | Unset): Opaque cursor from meta.next_cursor or the next link; omit
            for the first page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SearchResults]
    """

    kwargs = _get_kwargs(
        q=q,
        type_=type_,
        document=document,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    q: str,
    type_: HitKind | None | Unset = UNSET,
    document: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Problem | SearchResults | None:
    """Search measures and targets

    Args:
        q (str): Text to find, 1 to 100 characters, in either script; % and _ are plain text.
        type_ (HitKind | None | Unset): Only measures or only targets.
        document (None | str | Unset): Only records of this document (its id).
        limit (int | Unset): Records per page, 1 to 500 (default 50). Default: 50.
        cursor (None | str | Unset): Opaque cursor from meta.next_cursor or the next link; omit
            for the first page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SearchResults
    """

    return sync_detailed(
        client=client,
        q=q,
        type_=type_,
        document=document,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: str,
    type_: HitKind | None | Unset = UNSET,
    document: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[Problem | SearchResults]:
    """Search measures and targets

    Args:
        q (str): Text to find, 1 to 100 characters, in either script; % and _ are plain text.
        type_ (HitKind | None | Unset): Only measures or only targets.
        document (None | str | Unset): Only records of this document (its id).
        limit (int | Unset): Records per page, 1 to 500 (default 50). Default: 50.
        cursor (None | str | Unset): Opaque cursor from meta.next_cursor or the next link; omit
            for the first page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SearchResults]
    """

    kwargs = _get_kwargs(
        q=q,
        type_=type_,
        document=document,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    q: str,
    type_: HitKind | None | Unset = UNSET,
    document: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Problem | SearchResults | None:
    """Search measures and targets

    Args:
        q (str): Text to find, 1 to 100 characters, in either script; % and _ are plain text.
        type_ (HitKind | None | Unset): Only measures or only targets.
        document (None | str | Unset): Only records of this document (its id).
        limit (int | Unset): Records per page, 1 to 500 (default 50). Default: 50.
        cursor (None | str | Unset): Opaque cursor from meta.next_cursor or the next link; omit
            for the first page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SearchResults
    """

    return (
        await asyncio_detailed(
            client=client,
            q=q,
            type_=type_,
            document=document,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
