from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.indicator_list import IndicatorList
from ...models.problem import Problem
from ...models.response_format import ResponseFormat
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    used: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | ResponseFormat | Unset = UNSET,
    bom: bool | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_used: bool | None | Unset
    if isinstance(used, Unset):
        json_used = UNSET
    else:
        json_used = used
    params["used"] = json_used

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, ResponseFormat):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    json_bom: bool | None | Unset
    if isinstance(bom, Unset):
        json_bom = UNSET
    else:
        json_bom = bom
    params["bom"] = json_bom

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/indicators",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IndicatorList | Problem | None:
    if response.status_code == 200:
        response_200 = IndicatorList.from_dict(response.json())

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
) -> Response[IndicatorList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    used: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | ResponseFormat | Unset = UNSET,
    bom: bool | None | Unset = UNSET,
) -> Response[IndicatorList | Problem]:
    """List indicators

    Args:
        used (bool | None | Unset): true: only indicators some loaded target or result carries;
            false: only the others.
        limit (int | Unset): Records per page, 1 to 500 (default 50). Default: 50.
        cursor (None | str | Unset): Opaque cursor from meta.next_cursor or the next link; omit
            for the first page.
        format_ (None | ResponseFormat | Unset): Representation: json (default), csv or ndjson.
            Overrides Accept.
        bom (bool | None | Unset): CSV only: start with a byte order mark, for spreadsheet
            programs.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IndicatorList | Problem]
    """

    kwargs = _get_kwargs(
        used=used,
        limit=limit,
        cursor=cursor,
        format_=format_,
        bom=bom,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    used: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | ResponseFormat | Unset = UNSET,
    bom: bool | None | Unset = UNSET,
) -> IndicatorList | Problem | None:
    """List indicators

    Args:
        used (bool | None | Unset): true: only indicators some loaded target or result carries;
            false: only the others.
        limit (int | Unset): Records per page, 1 to 500 (default 50). Default: 50.
        cursor (None | str | Unset): Opaque cursor from meta.next_cursor or the next link; omit
            for the first page.
        format_ (None | ResponseFormat | Unset): Representation: json (default), csv or ndjson.
            Overrides Accept.
        bom (bool | None | Unset): CSV only: start with a byte order mark, for spreadsheet
            programs.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IndicatorList | Problem
    """

    return sync_detailed(
        client=client,
        used=used,
        limit=limit,
        cursor=cursor,
        format_=format_,
        bom=bom,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    used: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | ResponseFormat | Unset = UNSET,
    bom: bool | None | Unset = UNSET,
) -> Response[IndicatorList | Problem]:
    """List indicators

    Args:
        used (bool | None | Unset): true: only indicators some loaded target or result carries;
            false: only the others.
        limit (int | Unset): Records per page, 1 to 500 (default 50). Default: 50.
        cursor (None | str | Unset): Opaque cursor from meta.next_cursor or the next link; omit
            for the first page.
        format_ (None | ResponseFormat | Unset): Representation: json (default), csv or ndjson.
            Overrides Accept.
        bom (bool | None | Unset): CSV only: start with a byte order mark, for spreadsheet
            programs.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IndicatorList | Problem]
    """

    kwargs = _get_kwargs(
        used=used,
        limit=limit,
        cursor=cursor,
        format_=format_,
        bom=bom,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    used: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | ResponseFormat | Unset = UNSET,
    bom: bool | None | Unset = UNSET,
) -> IndicatorList | Problem | None:
    """List indicators

    Args:
        used (bool | None | Unset): true: only indicators some loaded target or result carries;
            false: only the others.
        limit (int | Unset): Records per page, 1 to 500 (default 50). Default: 50.
        cursor (None | str | Unset): Opaque cursor from meta.next_cursor or the next link; omit
            for the first page.
        format_ (None | ResponseFormat | Unset): Representation: json (default), csv or ndjson.
            Overrides Accept.
        bom (bool | None | Unset): CSV only: start with a byte order mark, for spreadsheet
            programs.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IndicatorList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            used=used,
            limit=limit,
            cursor=cursor,
            format_=format_,
            bom=bom,
        )
    ).parsed
