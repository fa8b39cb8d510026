"""The package's public names are what ``__all__`` claims."""

from __future__ import annotations

import workreport_schema


def test_all_names_exist_and_come_from_the_package() -> None:
    assert workreport_schema.__all__ == sorted(workreport_schema.__all__, key=lambda n: (not n.isupper(), n))
    for name in workreport_schema.__all__:
        member = getattr(workreport_schema, name)
        module = getattr(member, "__module__", "workreport_schema")
        assert module.startswith("workreport_schema"), (name, module)


def test_no_public_module_attribute_is_left_out() -> None:
    public = {name for name in dir(workreport_schema) if not name.startswith("_")}
    modules = {name for name in public if type(getattr(workreport_schema, name)).__name__ == "module"}
    assert public - modules == set(workreport_schema.__all__)
