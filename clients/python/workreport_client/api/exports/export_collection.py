from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    file: str,
    *,
    bom: bool | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_bom: bool | None | Unset
    if isinstance(bom, Unset):
        json_bom = UNSET
    else:
        json_bom = bom
    params["bom"] = json_bom

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/export/{file}".format(
            file=quote(str(file), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    file: str,
    *,
    client: AuthenticatedClient | Client,
    bom: bool | None | Unset = UNSET,
) -> Response[Problem | str]:
    """Download one collection as CSV or NDJSON

    Args:
        file (str): One of: documents.csv, documents.ndjson, chapters.csv, chapters.ndjson,
            paragraphs.csv, paragraphs.ndjson, measures.csv, measures.ndjson, targets.csv,
            targets.ndjson, results.csv, results.ndjson, units.csv, units.ndjson, bodies.csv,
            bodies.ndjson, indicators.csv, indicators.ndjson, outcomes.csv, outcomes.ndjson,
            series.csv, series.ndjson.
        bom (bool | None | Unset): CSV only: start with a byte order mark.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        file=file,
        bom=bom,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    file: str,
    *,
    client: AuthenticatedClient | Client,
    bom: bool | None | Unset = UNSET,
) -> Problem | str | None:
    """Download one collection as CSV or NDJSON

    Args:
        file (str): One of: documents.csv, documents.ndjson, chapters.csv, chapters.ndjson,
            paragraphs.csv, paragraphs.ndjson, measures.csv, measures.ndjson, targets.csv,
            targets.ndjson, results.csv, results.ndjson, units.csv, units.ndjson, bodies.csv,
            bodies.ndjson, indicators.csv, indicators.ndjson, outcomes.csv, outcomes.ndjson,
            series.csv, series.ndjson.
        bom (bool | None | Unset): CSV only: start with a byte order mark.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        file=file,
        client=client,
        bom=bom,
    ).parsed


async def asyncio_detailed(
    file: str,
    *,
    client: AuthenticatedClient | Client,
    bom: bool | None | Unset = UNSET,
) -> Response[Problem | str]:
    """Download one collection as CSV or NDJSON

    Args:
        file (str): One of: documents.csv, documents.ndjson, chapters.csv, chapters.ndjson,
            paragraphs.csv, paragraphs.ndjson, measures.csv, measures.ndjson, targets.csv,
            targets.ndjson, results.csv, results.ndjson, units.csv, units.ndjson, bodies.csv,
            bodies.ndjson, indicators.csv, indicators.ndjson, outcomes.csv, outcomes.ndjson,
            series.csv, series.ndjson.
        bom (bool | None | Unset): CSV only: start with a byte order mark.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        file=file,
        bom=bom,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    file: str,
    *,
    client: AuthenticatedClient | Client,
    bom: bool | None | Unset = UNSET,
) -> Problem | str | None:
    """Download one collection as CSV or NDJSON

    Args:
        file (str): One of: documents.csv, documents.ndjson, chapters.csv, chapters.ndjson,
            paragraphs.csv, paragraphs.ndjson, measures.csv, measures.ndjson, targets.csv,
            targets.ndjson, results.csv, results.ndjson, units.csv, units.ndjson, bodies.csv,
            bodies.ndjson, indicators.csv, indicators.ndjson, outcomes.csv, outcomes.ndjson,
            series.csv, series.ndjson.
        bom (bool | None | Unset): CSV only: start with a byte order mark.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return (
        await asyncio_detailed(
            file=file,
            client=client,
            bom=bom,
        )
    ).parsed
