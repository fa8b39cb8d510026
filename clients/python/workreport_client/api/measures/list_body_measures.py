from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.assignment_basis import AssignmentBasis
from ...models.measure_list import MeasureList
from ...models.problem import Problem
from ...models.response_format import ResponseFormat
from ...types import UNSET, Response, Unset


def _get_kwargs(
    body_id: str,
    *,
    document: None | str | Unset = UNSET,
    chapter: None | str | Unset = UNSET,
    basis: AssignmentBasis | None | Unset = UNSET,
    has_targets: bool | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | ResponseFormat | Unset = UNSET,
    bom: bool | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_document: None | str | Unset
    if isinstance(document, Unset):
        json_document = UNSET
    else:
        json_document = document
    params["document"] = json_document

    json_chapter: None | str | Unset
    if isinstance(chapter, Unset):
        json_chapter = UNSET
    else:
        json_chapter = chapter
    params["chapter"] = json_chapter

    json_basis: None | str | Unset
    if isinstance(basis, Unset):
        json_basis = UNSET
    elif isinstance(basis, AssignmentBasis):
        json_basis = basis.value
    else:
        json_basis = basis
    params["basis"] = json_basis

    json_has_targets: bool | None | Unset
    if isinstance(has_targets, Unset):
        json_has_targets = UNSET
    else:
        json_has_targets = has_targets
    params["has_targets"] = json_has_targets

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

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
        "url": "/v1/bodies/{body_id}/measures".format(
            body_id=quote(str(body_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> MeasureList | Problem | None:
    if response.status_code == 200:
        response_200 = MeasureList.from_dict(response.json())

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
) -> Response[MeasureList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    body_id: str,
    *,
    client: AuthenticatedClient | Client,
    document: None | str | Unset = UNSET,
    chapter: None | str | Unset = UNSET,
    basis: AssignmentBasis | None | Unset = UNSET,
    has_targets: bool | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | ResponseFormat | Unset = UNSET,
    bom: bool | None | Unset = UNSET,
) -> Response[MeasureList | Problem]:
    """List the measures of a body

    Args:
        body_id (str): Body id.
        document (None | str | Unset): Only records of this document (its id).
        chapter (None | str | Unset): Only records of this chapter (its id).
        basis (AssignmentBasis | None | Unset): Only measures with a body assigned on this basis
            (explicit, curated, policy_area, paragraph_default, issuer).
        has_targets (bool | None | Unset): true: only measures with targets; false: only those
            without.
        q (None | str | Unset): Substring search, 1 to 100 characters, in either script (养老 finds
            養老). Plain text: % and _ are not wildcards.
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
        Response[MeasureList | Problem]
    """

    kwargs = _get_kwargs(
        body_id=body_id,
        document=document,
        chapter=chapter,
        basis=basis,
        has_targets=has_targets,
        q=q,
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
    body_id: str,
    *,
    client: AuthenticatedClient | Client,
    document: None | str | Unset = UNSET,
    chapter: None | str | Unset = UNSET,
    basis: AssignmentBasis | None | Unset = UNSET,
    has_targets: bool | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | ResponseFormat | Unset = UNSET,
    bom: bool | None | Unset = UNSET,
) -> MeasureList | Problem | None:
    """List the measures of a body

    Args:
        body_id (str): Body id.
        document (None | str | Unset): Only records of this document (its id).
        chapter (None | str | Unset): Only records of this chapter (its id).
        basis (AssignmentBasis | None | Unset): Only measures with a body assigned on this basis
            (explicit, curated, policy_area, paragraph_default, issuer).
        has_targets (bool | None | Unset): true: only measures with targets; false: only those
            without.
        q (None | str | Unset): Substring search, 1 to 100 characters, in either script (养老 finds
            養老). Plain text: % and _ are not wildcards.
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
        MeasureList | Problem
    """

    return sync_detailed(
        body_id=body_id,
        client=client,
        document=document,
        chapter=chapter,
        basis=basis,
        has_targets=has_targets,
        q=q,
        limit=limit,
        cursor=cursor,
        format_=format_,
        bom=bom,
    ).parsed


async def asyncio_detailed(
    body_id: str,
    *,
    client: AuthenticatedClient | Client,
    document: None | str | Unset = UNSET,
    chapter: None | str | Unset = UNSET,
    basis: AssignmentBasis | None | Unset = UNSET,
    has_targets: bool | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | ResponseFormat | Unset = UNSET,
    bom: bool | None | Unset = UNSET,
) -> Response[MeasureList | Problem]:
    """List the measures of a body

    Args:
        body_id (str): Body id.
        document (None | str | Unset): Only records of this document (its id).
        chapter (None | str | Unset): Only records of this chapter (its id).
        basis (AssignmentBasis | None | Unset): Only measures with a body assigned on this basis
            (explicit, curated, policy_area, paragraph_default, issuer).
        has_targets (bool | None | Unset): true: only measures with targets; false: only those
            without.
        q (None | str | Unset): Substring search, 1 to 100 characters, in either script (养老 finds
            養老). Plain text: % and _ are not wildcards.
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
        Response[MeasureList | Problem]
    """

    kwargs = _get_kwargs(
        body_id=body_id,
        document=document,
        chapter=chapter,
        basis=basis,
        has_targets=has_targets,
        q=q,
        limit=limit,
        cursor=cursor,
        format_=format_,
        bom=bom,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    body_id: str,
    *,
    client: AuthenticatedClient | Client,
    document: None | str | Unset = UNSET,
    chapter: None | str | Unset = UNSET,
    basis: AssignmentBasis | None | Unset = UNSET,
    has_targets: bool | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | ResponseFormat | Unset = UNSET,
    bom: bool | None | Unset = UNSET,
) -> MeasureList | Problem | None:
    """List the measures of a body

    Args:
        body_id (str): Body id.
        document (None | str | Unset): Only records of this document (its id).
        chapter (None | str | Unset): Only records of this chapter (its id).
        basis (AssignmentBasis | None | Unset): Only measures with a body assigned on this basis
            (explicit, curated, policy_area, paragraph_default, issuer).
        has_targets (bool | None | Unset): true: only measures with targets; false: only those
            without.
        q (None | str | Unset): Substring search, 1 to 100 characters, in either script (养老 finds
            養老). Plain text: % and _ are not wildcards.
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
        MeasureList | Problem
    """

    return (
        await asyncio_detailed(
            body_id=body_id,
            client=client,
            document=document,
            chapter=chapter,
            basis=basis,
            has_targets=has_targets,
            q=q,
            limit=limit,
            cursor=cursor,
            format_=format_,
            bom=bom,
        )
    ).parsed
