from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.commitment import Commitment
from ...models.comparator import Comparator
from ...models.direction import Direction
from ...models.outcome_choice import OutcomeChoice
from ...models.problem import Problem
from ...models.quantity_kind import QuantityKind
from ...models.response_format import ResponseFormat
from ...models.target_list import TargetList
from ...models.target_type import TargetType
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    document: None | str | Unset = UNSET,
    chapter: None | str | Unset = UNSET,
    paragraph: None | str | Unset = UNSET,
    measure: None | str | Unset = UNSET,
    unit: None | str | Unset = UNSET,
    indicator: None | str | Unset = UNSET,
    outcome: None | OutcomeChoice | Unset = UNSET,
    quantity_kind: None | QuantityKind | Unset = UNSET,
    comparator: Comparator | None | Unset = UNSET,
    commitment: Commitment | None | Unset = UNSET,
    type_: None | TargetType | Unset = UNSET,
    direction: Direction | None | Unset = UNSET,
    headline: bool | None | Unset = UNSET,
    min_value: float | None | Unset = UNSET,
    max_value: float | None | Unset = UNSET,
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

    json_paragraph: None | str | Unset
    if isinstance(paragraph, Unset):
        json_paragraph = UNSET
    else:
        json_paragraph = paragraph
    params["paragraph"] = json_paragraph

    json_measure: None | str | Unset
    if isinstance(measure, Unset):
        json_measure = UNSET
    else:
        json_measure = measure
    params["measure"] = json_measure

    json_unit: None | str | Unset
    if isinstance(unit, Unset):
        json_unit = UNSET
    else:
        json_unit = unit
    params["unit"] = json_unit

    json_indicator: None | str | Unset
    if isinstance(indicator, Unset):
        json_indicator = UNSET
    else:
        json_indicator = indicator
    params["indicator"] = json_indicator

    json_outcome: None | str | Unset
    if isinstance(outcome, Unset):
        json_outcome = UNSET
    elif isinstance(outcome, OutcomeChoice):
        json_outcome = outcome.value
    else:
        json_outcome = outcome
    params["outcome"] = json_outcome

    json_quantity_kind: None | str | Unset
    if isinstance(quantity_kind, Unset):
        json_quantity_kind = UNSET
    elif isinstance(quantity_kind, QuantityKind):
        json_quantity_kind = quantity_kind.value
    else:
        json_quantity_kind = quantity_kind
    params["quantity_kind"] = json_quantity_kind

    json_comparator: None | str | Unset
    if isinstance(comparator, Unset):
        json_comparator = UNSET
    elif isinstance(comparator, Comparator):
        json_comparator = comparator.value
    else:
        json_comparator = comparator
    params["comparator"] = json_comparator

    json_commitment: None | str | Unset
    if isinstance(commitment, Unset):
        json_commitment = UNSET
    elif isinstance(commitment, Commitment):
        json_commitment = commitment.value
    else:
        json_commitment = commitment
    params["commitment"] = json_commitment

    json_type_: None | str | Unset
    if isinstance(type_, Unset):
        json_type_ = UNSET
    elif isinstance(type_, TargetType):
        json_type_ = type_.value
    else:
        json_type_ = type_
    params["type"] = json_type_

    json_direction: None | str | Unset
    if isinstance(direction, Unset):
        json_direction = UNSET
    elif isinstance(direction, Direction):
        json_direction = direction.value
    else:
        json_direction = direction
    params["direction"] = json_direction

    json_headline: bool | None | Unset
    if isinstance(headline, Unset):
        json_headline = UNSET
    else:
        json_headline = headline
    params["headline"] = json_headline

    json_min_value: float | None | Unset
    if isinstance(min_value, Unset):
        json_min_value = UNSET
    else:
        json_min_value = min_value
    params["min_value"] = json_min_value

    json_max_value: float | None | Unset
    if isinstance(max_value, Unset):
        json_max_value = UNSET
    else:
        json_max_value = max_value
    params["max_value"] = json_max_value

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
        "url": "/v1/targets",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | TargetList | None:
    if response.status_code == 200:
        response_200 = TargetList.from_dict(response.json())

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
) -> Response[Problem | TargetList]:
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
    chapter: None | str | Unset = UNSET,
    paragraph: None | str | Unset = UNSET,
    measure: None | str | Unset = UNSET,
    unit: None | str | Unset = UNSET,
    indicator: None | str | Unset = UNSET,
    outcome: None | OutcomeChoice | Unset = UNSET,
    quantity_kind: None | QuantityKind | Unset = UNSET,
    comparator: Comparator | None | Unset = UNSET,
    commitment: Commitment | None | Unset = UNSET,
    type_: None | TargetType | Unset = UNSET,
    direction: Direction | None | Unset = UNSET,
    headline: bool | None | Unset = UNSET,
    min_value: float | None | Unset = UNSET,
    max_value: float | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | ResponseFormat | Unset = UNSET,
    bom: bool | None | Unset = UNSET,
) -> Response[Problem | TargetList]:
    """List targets

    Args:
        document (None | str | Unset): Only records of this document (its id).
        chapter (None | str | Unset): Only records of this chapter (its id).
        paragraph (None | str | Unset): Only records of this paragraph (its id).
        measure (None | str | Unset): Only records of this measure (its id).
        unit (None | str | Unset): Only records of this unit (its id).
        indicator (None | str | Unset): Only records coded with this indicator (a code of the open
            codelist indicator: gdp_growth, new_jobs…).
        outcome (None | OutcomeChoice | Unset): Only records with this outcome against a later
            report's result (met, not_met, not_comparable), or unassessed: none. For a target, its
            principal outcome (see /v1/outcomes); for a result, any outcome it decides.
        quantity_kind (None | QuantityKind | Unset): Only targets whose unit measures this (area,
            count, ratio...).
        comparator (Comparator | None | Unset): Only targets with this comparator.
        commitment (Commitment | None | Unset): firm or aspirational.
        type_ (None | TargetType | Unset): quantitative or qualitative.
        direction (Direction | None | Unset): Only targets with this direction.
        headline (bool | None | Unset): true: only targets of a report's headline list of expected
            targets (主要預期目標); false: only the others.
        min_value (float | None | Unset): Normalised value bound, from -1e+15 to 1e+15.
        max_value (float | None | Unset): Normalised value bound, from -1e+15 to 1e+15.
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
        Response[Problem | TargetList]
    """

    kwargs = _get_kwargs(
        document=document,
        chapter=chapter,
        paragraph=paragraph,
        measure=measure,
        unit=unit,
        indicator=indicator,
        outcome=outcome,
        quantity_kind=quantity_kind,
        comparator=comparator,
        commitment=commitment,
        type_=type_,
        direction=direction,
        headline=headline,
        min_value=min_value,
        max_value=max_value,
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
    *,
    client: AuthenticatedClient | Client,
    document: None | str | Unset = UNSET,
    chapter: None | str | Unset = UNSET,
    paragraph: None | str | Unset = UNSET,
    measure: None | str | Unset = UNSET,
    unit: None | str | Unset = UNSET,
    indicator: None | str | Unset = UNSET,
    outcome: None | OutcomeChoice | Unset = UNSET,
    quantity_kind: None | QuantityKind | Unset = UNSET,
    comparator: Comparator | None | Unset = UNSET,
    commitment: Commitment | None | Unset = UNSET,
    type_: None | TargetType | Unset = UNSET,
    direction: Direction | None | Unset = UNSET,
    headline: bool | None | Unset = UNSET,
    min_value: float | None | Unset = UNSET,
    max_value: float | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | ResponseFormat | Unset = UNSET,
    bom: bool | None | Unset = UNSET,
) -> Problem | TargetList | None:
    """List targets

    Args:
        document (None | str | Unset): Only records of this document (its id).
        chapter (None | str | Unset): Only records of this chapter (its id).
        paragraph (None | str | Unset): Only records of this paragraph (its id).
        measure (None | str | Unset): Only records of this measure (its id).
        unit (None | str | Unset): Only records of this unit (its id).
        indicator (None | str | Unset): Only records coded with this indicator (a code of the open
            codelist indicator: gdp_growth, new_jobs…).
        outcome (None | OutcomeChoice | Unset): Only records with this outcome against a later
            report's result (met, not_met, not_comparable), or unassessed: none. For a target, its
            principal outcome (see /v1/outcomes); for a result, any outcome it decides.
        quantity_kind (None | QuantityKind | Unset): Only targets whose unit measures this (area,
            count, ratio...).
        comparator (Comparator | None | Unset): Only targets with this comparator.
        commitment (Commitment | None | Unset): firm or aspirational.
        type_ (None | TargetType | Unset): quantitative or qualitative.
        direction (Direction | None | Unset): Only targets with this direction.
        headline (bool | None | Unset): true: only targets of a report's headline list of expected
            targets (主要預期目標); false: only the others.
        min_value (float | None | Unset): Normalised value bound, from -1e+15 to 1e+15.
        max_value (float | None | Unset): Normalised value bound, from -1e+15 to 1e+15.
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
        Problem | TargetList
    """

    return sync_detailed(
        client=client,
        document=document,
        chapter=chapter,
        paragraph=paragraph,
        measure=measure,
        unit=unit,
        indicator=indicator,
        outcome=outcome,
        quantity_kind=quantity_kind,
        comparator=comparator,
        commitment=commitment,
        type_=type_,
        direction=direction,
        headline=headline,
        min_value=min_value,
        max_value=max_value,
        q=q,
        limit=limit,
        cursor=cursor,
        format_=format_,
        bom=bom,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    document: None | str | Unset = UNSET,
    chapter: None | str | Unset = UNSET,
    paragraph: None | str | Unset = UNSET,
    measure: None | str | Unset = UNSET,
    unit: None | str | Unset = UNSET,
    indicator: None | str | Unset = UNSET,
    outcome: None | OutcomeChoice | Unset = UNSET,
    quantity_kind: None | QuantityKind | Unset = UNSET,
    comparator: Comparator | None | Unset = UNSET,
    commitment: Commitment | None | Unset = UNSET,
    type_: None | TargetType | Unset = UNSET,
    direction: Direction | None | Unset = UNSET,
    headline: bool | None | Unset = UNSET,
    min_value: float | None | Unset = UNSET,
    max_value: float | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | ResponseFormat | Unset = UNSET,
    bom: bool | None | Unset = UNSET,
) -> Response[Problem | TargetList]:
    """List targets

    Args:
        document (None | str | Unset): Only records of this document (its id).
        chapter (None | str | Unset): Only records of this chapter (its id).
        paragraph (None | str | Unset): Only records of this paragraph (its id).
        measure (None | str | Unset): Only records of this measure (its id).
        unit (None | str | Unset): Only records of this unit (its id).
        indicator (None | str | Unset): Only records coded with this indicator (a code of the open
            codelist indicator: gdp_growth, new_jobs…).
        outcome (None | OutcomeChoice | Unset): Only records with this outcome against a later
            report's result (met, not_met, not_comparable), or unassessed: none. For a target, its
            principal outcome (see /v1/outcomes); for a result, any outcome it decides.
        quantity_kind (None | QuantityKind | Unset): Only targets whose unit measures this (area,
            count, ratio...).
        comparator (Comparator | None | Unset): Only targets with this comparator.
        commitment (Commitment | None | Unset): firm or aspirational.
        type_ (None | TargetType | Unset): quantitative or qualitative.
        direction (Direction | None | Unset): Only targets with this direction.
        headline (bool | None | Unset): true: only targets of a report's headline list of expected
            targets (主要預期目標); false: only the others.
        min_value (float | None | Unset): Normalised value bound, from -1e+15 to 1e+15.
        max_value (float | None | Unset): Normalised value bound, from -1e+15 to 1e+15.
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
        Response[Problem | TargetList]
    """

    kwargs = _get_kwargs(
        document=document,
        chapter=chapter,
        paragraph=paragraph,
        measure=measure,
        unit=unit,
        indicator=indicator,
        outcome=outcome,
        quantity_kind=quantity_kind,
        comparator=comparator,
        commitment=commitment,
        type_=type_,
        direction=direction,
        headline=headline,
        min_value=min_value,
        max_value=max_value,
        q=q,
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
    chapter: None | str | Unset = UNSET,
    paragraph: None | str | Unset = UNSET,
    measure: None | str | Unset = UNSET,
    unit: None | str | Unset = UNSET,
    indicator: None | str | Unset = UNSET,
    outcome: None | OutcomeChoice | Unset = UNSET,
    quantity_kind: None | QuantityKind | Unset = UNSET,
    comparator: Comparator | None | Unset = UNSET,
    commitment: Commitment | None | Unset = UNSET,
    type_: None | TargetType | Unset = UNSET,
    direction: Direction | None | Unset = UNSET,
    headline: bool | None | Unset = UNSET,
    min_value: float | None | Unset = UNSET,
    max_value: float | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    format_: None | ResponseFormat | Unset = UNSET,
    bom: bool | None | Unset = UNSET,
) -> Problem | TargetList | None:
    """List targets

    Args:
        document (None | str | Unset): Only records of this document (its id).
        chapter (None | str | Unset): Only records of this chapter (its id).
        paragraph (None | str | Unset): Only records of this paragraph (its id).
        measure (None | str | Unset): Only records of this measure (its id).
        unit (None | str | Unset): Only records of this unit (its id).
        indicator (None | str | Unset): Only records coded with this indicator (a code of the open
            codelist indicator: gdp_growth, new_jobs…).
        outcome (None | OutcomeChoice | Unset): Only records with this outcome against a later
            report's result (met, not_met, not_comparable), or unassessed: none. For a target, its
            principal outcome (see /v1/outcomes); for a result, any outcome it decides.
        quantity_kind (None | QuantityKind | Unset): Only targets whose unit measures this (area,
            count, ratio...).
        comparator (Comparator | None | Unset): Only targets with this comparator.
        commitment (Commitment | None | Unset): firm or aspirational.
        type_ (None | TargetType | Unset): quantitative or qualitative.
        direction (Direction | None | Unset): Only targets with this direction.
        headline (bool | None | Unset): true: only targets of a report's headline list of expected
            targets (主要預期目標); false: only the others.
        min_value (float | None | Unset): Normalised value bound, from -1e+15 to 1e+15.
        max_value (float | None | Unset): Normalised value bound, from -1e+15 to 1e+15.
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
        Problem | TargetList
    """

    return (
        await asyncio_detailed(
            client=client,
            document=document,
            chapter=chapter,
            paragraph=paragraph,
            measure=measure,
            unit=unit,
            indicator=indicator,
            outcome=outcome,
            quantity_kind=quantity_kind,
            comparator=comparator,
            commitment=commitment,
            type_=type_,
            direction=direction,
            headline=headline,
            min_value=min_value,
            max_value=max_value,
            q=q,
            limit=limit,
            cursor=cursor,
            format_=format_,
            bom=bom,
        )
    ).parsed
