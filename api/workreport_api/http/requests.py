"""The type of the Litestar request every handler, hook and exception handler here receives."""

from __future__ import annotations

from litestar import Request
from litestar.datastructures import State

HttpRequest = Request[object, object, State]
"""A request as handlers see it. No authentication middleware runs, so ``user`` and ``auth`` hold nothing to read
(``object``); the state is the app's ``State``."""
