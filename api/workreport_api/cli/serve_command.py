"""``workreport serve``: placeholder until the API lands."""

from __future__ import annotations

from typing import Any


def register(commands: Any) -> None:
    return None
