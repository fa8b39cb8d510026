"""The pipeline's and the API's public names are what their ``__all__`` claims (the schema has its own test)."""

from __future__ import annotations

from types import ModuleType

import pytest

import workreport_api
import workreport_pipeline


@pytest.mark.parametrize("package", [workreport_pipeline, workreport_api], ids=lambda p: p.__name__)
def test_all_names_exist_come_from_the_package_and_are_sorted(package: ModuleType) -> None:
    names = package.__all__
    assert names == sorted(names, key=lambda n: (not n.isupper(), n))
    for name in names:
        member = getattr(package, name)
        module = getattr(member, "__module__", package.__name__)
        assert module.startswith(package.__name__), (name, module)


@pytest.mark.parametrize("package", [workreport_pipeline, workreport_api], ids=lambda p: p.__name__)
def test_nothing_public_is_left_out(package: ModuleType) -> None:
    public = {name for name in dir(package) if not name.startswith("_")}
    modules = {name for name in public if isinstance(getattr(package, name), ModuleType)}
    assert public - modules == set(package.__all__)
