"""The shared list parameters: written into each list handler's signature, in the order the OpenAPI document lists."""

from __future__ import annotations

import inspect
from typing import Unpack

import pytest

from workreport_api.resources.listing import ListArgs, list_parameters
from workreport_api.resources.measures.controller import list_chapter_measures


def test_shared_parameters_surround_the_handlers_own() -> None:
    names = list(inspect.signature(list_chapter_measures.fn).parameters)
    assert names[:3] == ["request", "api", "chapter_id"]
    assert names[-4:] == ["limit", "cursor", "fmt", "bom"]


def test_a_handler_without_listing_is_refused() -> None:
    async def handler(document: str | None = None) -> None: ...

    with pytest.raises(TypeError, match=r"\*\*listing"):
        list_parameters(handler)


def test_a_handler_with_listing_is_accepted() -> None:
    async def handler(document: str | None = None, **listing: Unpack[ListArgs]) -> None: ...

    assert list(inspect.signature(list_parameters(handler)).parameters) == ["request", "api", "document", "limit", "cursor", "fmt", "bom"]
