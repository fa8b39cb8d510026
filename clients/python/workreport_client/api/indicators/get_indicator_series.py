from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.response_format import ResponseFormat
from ...models.series_kind import SeriesKind
from ...models.series_list import SeriesList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    code: str,
    *,
    issuer: None | str | Unset = UNSET,
    kind: None | SeriesKind | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | ResponseFormat | Unset = UNSET,
    bom: bool | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_issuer: None | str | Unset
    if isinstance(issuer, Unset):
        json_issuer = UNSET
    else:
        json_issuer = issuer
    params["issuer"] = json_issuer

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, SeriesKind):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

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
        "url": "/v1/indicators/{code}/series".format(
            code=quote(str(code), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SeriesList | None:
    if response.status_code == 200:
        response_200 = SeriesList.from_dict(response.json())

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
) -> Response[Problem | SeriesList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    code: str,
    *,
    client: AuthenticatedClient | Client,
    issuer: None | str | Unset = UNSET,
    kind: None | SeriesKind | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | ResponseFormat | Unset = UNSET,
    bom: bool | None | Unset = UNSET,
) -> Response[Problem | SeriesList]:
    """An indicator's series across documents

    Args:
        code (str): Indicator code (gdp_growth).
        issuer (None | str | Unset): Only records of this issuer (body) (its id).
        kind (None | SeriesKind | Unset): Only targets, or only results.
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
        Response[Problem | SeriesList]
    """

    kwargs = _get_kwargs(
        code=code,
        issuer=issuer,
        kind=kind,
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
    code: str,
    *,
    client: AuthenticatedClient | Client,
    issuer: None | str | Unset = UNSET,
    kind: None | SeriesKind | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | ResponseFormat | Unset = UNSET,
    bom: bool | None | Unset = UNSET,
) -> Problem | SeriesList | None:
    """An indicator's series across documents

    Args:
        code (str): Indicator code (gdp_growth).
        issuer (None | str | Unset): Only records of this issuer (body) (its id).
        kind (None | SeriesKind | Unset): Only targets, or only results.
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
        Problem | SeriesList
    """

    return sync_detailed(
        code=code,
        client=client,
        issuer=issuer,
        kind=kind,
        limit=limit,
        cursor=cursor,
        format_=format_,
        bom=bom,
    ).parsed


async def asyncio_detailed(
    code: str,
    *,
    client: AuthenticatedClient | Client,
    issuer: None | str | Unset = UNSET,
    kind: None | SeriesKind | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | ResponseFormat | Unset = UNSET,
    bom: bool | None | Unset = UNSET,
) -> Response[Problem | SeriesList]:
    """An indicator's series across documents

    Args:
        code (str): Indicator code (gdp_growth).
        issuer (None | str | Unset): Only records of this issuer (body) (its id).
        kind (None | SeriesKind | Unset): Only targets, or only results.
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
        Response[Problem | SeriesList]
    """

    kwargs = _get_kwargs(
        code=code,
        issuer=issuer,
        kind=kind,
        limit=limit,
        cursor=cursor,
        format_=format_,
        bom=bom,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    code: str,
    *,
    client: AuthenticatedClient | Client,
    issuer: None | str | Unset = UNSET,
    kind: None | SeriesKind | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | ResponseFormat | Unset = UNSET,
    bom: bool | None | Unset = UNSET,
) -> Problem | SeriesList | None:
    """An indicator's series across documents

    Args:
        code (str): Indicator code (gdp_growth).
        issuer (None | str | Unset): Only records of this issuer (body) (its id).
        kind (None | SeriesKind | Unset): Only targets, or only results.
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
        Problem | SeriesList
    """

    return (
        await asyncio_detailed(
            code=code,
            client=client,
            issuer=issuer,
            kind=kind,
            limit=limit,
            cursor=cursor,
            format_=format_,
            bom=bom,
        )
    ).parsed
