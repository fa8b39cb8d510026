"""Default locations: the repository's folders in a checkout, the package's data and a per-user database when installed."""

from __future__ import annotations

from pathlib import Path

import pytest

from workreport_api import settings

ROOT = Path(__file__).resolve().parents[2]


def test_a_checkout_uses_its_var_folder_and_its_top_level_folders_through_the_package() -> None:
    assert settings.RUNS_FROM_CHECKOUT
    assert settings.Settings().database_url == f"sqlite:///{ROOT / 'var' / 'workreport.sqlite3'}"
    assert settings.default_database_path({"XDG_DATA_HOME": "/elsewhere"}) == ROOT / "var" / "workreport.sqlite3"
    for name in ("seeds", "migrations"):
        assert (settings.BUNDLED / name).resolve() == ROOT / name, f"api/workreport_api/bundled/{name} must link to {name}/"


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"XDG_DATA_HOME": "/data/me"}, Path("/data/me/workreport/workreport.sqlite3")),
        ({}, Path.home() / ".local/share/workreport/workreport.sqlite3"),
        ({"XDG_DATA_HOME": ""}, Path.home() / ".local/share/workreport/workreport.sqlite3"),
        ({"XDG_DATA_HOME": "relative/data"}, Path.home() / ".local/share/workreport/workreport.sqlite3"),
    ],
)
def test_an_installed_package_keeps_its_database_in_the_users_data_folder(
    monkeypatch: pytest.MonkeyPatch, environ: dict[str, str], expected: Path
) -> None:
    monkeypatch.setattr(settings, "RUNS_FROM_CHECKOUT", False)
    assert settings.default_database_path(environ) == expected
