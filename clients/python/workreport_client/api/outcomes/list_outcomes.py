from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.outcome_code import OutcomeCode
from ...models.outcome_list import OutcomeList
from ...models.problem import Problem
from ...models.response_format import ResponseFormat
from ...models.stated_outcome import StatedOutcome
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    document: None | str | Unset = UNSET,
    result_document: None | str | Unset = UNSET,
    issuer: None | str | Unset = UNSET,
    indicator: None | str | Unset = UNSET,
    year: int | None | Unset = UNSET,
    outcome: None | OutcomeCode | Unset = UNSET,
    stated_outcome: None | StatedOutcome | Unset = UNSET,
    principal: bool | None | Unset = UNSET,
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

    json_result_document: None | str | Unset
    if isinstance(result_document, Unset):
        json_result_document = UNSET
    else:
        json_result_document = result_document
    params["result_document"] = json_result_document

    json_issuer: None | str | Unset
    if isinstance(issuer, Unset):
        json_issuer = UNSET
    else:
        json_issuer = issuer
    params["issuer"] = json_issuer

    json_indicator: None | str | Unset
    if isinstance(indicator, Unset):
        json_indicator = UNSET
    else:
        json_indicator = indicator
    params["indicator"] = json_indicator

    json_year: int | None | Unset
    if isinstance(year, Unset):
        json_year = UNSET
    else:
        json_year = year
    params["year"] = json_year

    json_outcome: None | str | Unset
    if isinstance(outcome, Unset):
        json_outcome = UNSET
    elif isinstance(outcome, OutcomeCode):
        json_outcome = outcome.value
    else:
        json_outcome = outcome
    params["outcome"] = json_outcome

    json_stated_outcome: None | str | Unset
    if isinstance(stated_outcome, Unset):
        json_stated_outcome = UNSET
    elif isinstance(stated_outcome, StatedOutcome):
        json_stated_outcome = stated_outcome.value
    else:
        json_stated_outcome = stated_outcome
    params["stated_outcome"] = json_stated_outcome

    json_principal: bool | None | Unset
    if isinstance(principal, Unset):
        json_principal = UNSET
    else:
        json_principal = principal
    params["principal"] = json_principal

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
        "url": "/v1/outcomes",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> OutcomeList | Problem | None:
    if response.status_code == 200:
        response_200 = OutcomeList.from_dict(response.json())

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
) -> Response[OutcomeList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    document: None | str | Unset = UNSET,
    result_document: None | str | Unset = UNSET,
    issuer: None | str | Unset = UNSET,
    indicator: None | str | Unset = UNSET,
    year: int | None | Unset = UNSET,
    outcome: None | OutcomeCode | Unset = UNSET,
    stated_outcome: None | StatedOutcome | Unset = UNSET,
    principal: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | ResponseFormat | Unset = UNSET,
    bom: bool | None | Unset = UNSET,
) -> Response[OutcomeList | Problem]:
    """List outcomes of targets

    Args:
        document (None | str | Unset): Only records of this document (its id).
        result_document (None | str | Unset): Only records of this document whose results judge
            the targets (its id).
        issuer (None | str | Unset): Only records of this issuer (body) (its id).
        indicator (None | str | Unset): Only records coded with this indicator (a code of the open
            codelist indicator: gdp_growth, new_jobs…).
        year (int | None | Unset): Only outcomes for this year.
        outcome (None | OutcomeCode | Unset): met, not_met or not_comparable.
        stated_outcome (None | StatedOutcome | Unset): Only outcomes whose result states this in
            words.
        principal (bool | None | Unset): true: only the outcome that stands for each target.
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
        Response[OutcomeList | Problem]
    """

    kwargs = _get_kwargs(
        document=document,
        result_document=result_document,
        issuer=issuer,
        indicator=indicator,
        year=year,
        outcome=outcome,
        stated_outcome=stated_outcome,
        principal=principal,
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
    document: None | str | Unset = UNSET,
    result_document: None | str | Unset = UNSET,
    issuer: None | str | Unset = UNSET,
    indicator: None | str | Unset = UNSET,
    year: int | None | Unset = UNSET,
    outcome: None | OutcomeCode | Unset = UNSET,
    stated_outcome: None | StatedOutcome | Unset = UNSET,
    principal: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | ResponseFormat | Unset = UNSET,
    bom: bool | None | Unset = UNSET,
) -> OutcomeList | Problem | None:
    """List outcomes of targets

    Args:
        document (None | str | Unset): Only records of this document (its id).
        result_document (None | str | Unset): Only records of this document whose results judge
            the targets (its id).
        issuer (None | str | Unset): Only records of this issuer (body) (its id).
        indicator (None | str | Unset): Only records coded with this indicator (a code of the open
            codelist indicator: gdp_growth, new_jobs…).
        year (int | None | Unset): Only outcomes for this year.
        outcome (None | OutcomeCode | Unset): met, not_met or not_comparable.
        stated_outcome (None | StatedOutcome | Unset): Only outcomes whose result states this in
            words.
        principal (bool | None | Unset): true: only the outcome that stands for each target.
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
        OutcomeList | Problem
    """

    return sync_detailed(
        client=client,
        document=document,
        result_document=result_document,
        issuer=issuer,
        indicator=indicator,
        year=year,
        outcome=outcome,
        stated_outcome=stated_outcome,
        principal=principal,
        limit=limit,
        cursor=cursor,
        format_=format_,
        bom=bom,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    document: None | str | Unset = UNSET,
    result_document: None | str | Unset = UNSET,
    issuer: None | str | Unset = UNSET,
    indicator: None | str | Unset = UNSET,
    year: int | None | Unset = UNSET,
    outcome: None | OutcomeCode | Unset = UNSET,
    stated_outcome: None | StatedOutcome | Unset = UNSET,
    principal: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | ResponseFormat | Unset = UNSET,
    bom: bool | None | Unset = UNSET,
) -> Response[OutcomeList | Problem]:
    """List outcomes of targets

    Args:
        document (None | str | Unset): Only records of this document (its id).
        result_document (None | str | Unset): Only records of this document whose results judge
            the targets (its id).
        issuer (None | str | Unset): Only records of this issuer (body) (its id).
        indicator (None | str | Unset): Only records coded with this indicator (a code of the open
            codelist indicator: gdp_growth, new_jobs…).
        year (int | None | Unset): Only outcomes for this year.
        outcome (None | OutcomeCode | Unset): met, not_met or not_comparable.
        stated_outcome (None | StatedOutcome | Unset): Only outcomes whose result states this in
            words.
        principal (bool | None | Unset): true: only the outcome that stands for each target.
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
        Response[OutcomeList | Problem]
    """

    kwargs = _get_kwargs(
        document=document,
        result_document=result_document,
        issuer=issuer,
        indicator=indicator,
        year=year,
        outcome=outcome,
        stated_outcome=stated_outcome,
        principal=principal,
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
    document: None | str | Unset = UNSET,
    result_document: None | str | Unset = UNSET,
    issuer: None | str | Unset = UNSET,
    indicator: None | str | Unset = UNSET,
    year: int | None | Unset = UNSET,
    outcome: None | OutcomeCode | Unset = UNSET,
    stated_outcome: None | StatedOutcome | Unset = UNSET,
    principal: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | ResponseFormat | Unset = UNSET,
    bom: bool | None | Unset = UNSET,
) -> OutcomeList | Problem | None:
    """List outcomes of targets

    Args:
        document (None | str | Unset): Only records of this document (its id).
        result_document (None | str | Unset): Only records of this document whose results judge
            the targets (its id).
        issuer (None | str | Unset): Only records of this issuer (body) (its id).
        indicator (None | str | Unset): Only records coded with this indicator (a code of the open
            codelist indicator: gdp_growth, new_jobs…).
        year (int | None | Unset): Only outcomes for this year.
        outcome (None | OutcomeCode | Unset): met, not_met or not_comparable.
        stated_outcome (None | StatedOutcome | Unset): Only outcomes whose result states this in
            words.
        principal (bool | None | Unset): true: only the outcome that stands for each target.
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
        OutcomeList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            document=document,
            result_document=result_document,
            issuer=issuer,
            indicator=indicator,
            year=year,
            outcome=outcome,
            stated_outcome=stated_outcome,
            principal=principal,
            limit=limit,
            cursor=cursor,
            format_=format_,
            bom=bom,
        )
    ).parsed
