"""Databases for tests: a fresh SQLite file, or a fresh PostgreSQL database on the local server.

PostgreSQL tests use WORKREPORT_TEST_POSTGRES_URL (default: the machine's server,
database ``test``) only to create and drop their own databases. When the server
is unreachable they are skipped, except with CI=true, where they fail.
"""

from __future__ import annotations

import collections
import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from litestar.testing import TestClient
from sqlalchemy.engine import Engine, make_url

ROOT = Path(__file__).resolve().parents[1]
SEED_DATASET = ROOT / "seeds" / "shanghai-2012" / "dataset.json"
WHOLE_REPORT = ROOT / "tests" / "pipeline" / "fixtures" / "whole-zh-hans.txt"
CONSECUTIVE_REPORTS = ROOT / "tests" / "api" / "fixtures" / "comparisons"
POSTGRES_ADMIN_URL = os.environ.get("WORKREPORT_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
ClientFactory = Callable[..., TestClient[Any]]
ENGINES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


SLOW_TO_COLLECT = ("test_schemathesis.py",)
"""Modules whose tests are all marked slow and whose collection alone takes seconds (schemathesis builds its cases)."""


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """`-m "not slow"` (make test-fast) would deselect every test of these modules: it does not import them at all."""
    if collection_path.name in SLOW_TO_COLLECT and config.getoption("markexpr") == "not slow":
        return True
    return None


LONGEST_FIRST = (
    "tests/api/test_installed_from_wheels.py",
    "tests/api/db/test_ingest_memory.py",
    "tests/reliability/test_hostile_server.py",
    "tests/reliability/test_killed_loads.py",
    "tests/schema/test_fresh_install.py",
    "tests/clients/test_python_integration.py",
    "tests/test_readme_tour.py",
    "tests/browser/test_pages_in_chromium.py",
    "tests/reliability/test_startup_faults.py",
    "tests/reliability/test_concurrent_loads.py",
)
"""Modules that take longest (measured with --durations), started first so that parallel workers end together."""


def _module_shares_fixtures(item: pytest.Item) -> bool:
    """Whether the item uses a fixture set up once per module or class (a server, a browser, an extraction)."""
    info = getattr(item, "_fixtureinfo", None)
    definitions = info.name2fixturedefs.values() if info is not None else ()
    return any(definition.scope in ("module", "class", "package") for definitions_ in definitions for definition in definitions_)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Longest modules first, then the other modules with slow tests, then the rest (each module's tests stay together
    and in their order); and under pytest-xdist (``--dist loadgroup``), every test of a module that sets up a fixture
    once per module runs on one worker, so the server, browser or extraction is not set up once per worker.
    Every other test goes to whichever worker is free."""

    def module(item: pytest.Item) -> str:
        return item.nodeid.split("::", 1)[0]

    slow_modules = {module(item) for item in items if item.get_closest_marker("slow")}
    shared_modules = {module(item) for item in items if _module_shares_fixtures(item)}
    ranks = {name: rank for rank, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: ranks.get(module(item), len(ranks) + (0 if module(item) in slow_modules else 1)))
    if not hasattr(config, "workerinput"):  # not a pytest-xdist worker
        return
    # pytest-xdist tells tests apart by node id: two tests with one id would run as one (pytest 9.2 gives every
    # schemathesis operation the function's id, hence pytest <9.2 in pyproject.toml).
    shared_ids = [nodeid for nodeid, count in collections.Counter(item.nodeid for item in items).items() if count > 1]
    if shared_ids:
        raise pytest.UsageError(f"tests share node ids, pytest-xdist would run only one of each: {shared_ids[:5]}")
    if getattr(config.option, "loadgroup", False):  # --dist loadgroup: a node id ending in @name is in group name
        for item in items:
            if module(item) in shared_modules:
                item._nodeid = f"{item.nodeid}@{module(item)}"
                if not item.nodeid.endswith(f"@{module(item)}"):
                    raise pytest.UsageError("this pytest does not let a test's node id name its pytest-xdist group")


def _libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def postgres_reachable() -> bool:
    try:
        with psycopg.connect(_libpq(POSTGRES_ADMIN_URL), connect_timeout=3):
            return True
    except psycopg.Error:
        return False


def require_postgres() -> None:
    """Skip without PostgreSQL, but never when CI=true: there it must run."""
    if postgres_reachable():
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"PostgreSQL is required when CI=true but {make_url(POSTGRES_ADMIN_URL).render_as_string()} is unreachable")
    pytest.skip("PostgreSQL is not reachable")


def create_postgres_database(template: str | None = None) -> str:
    """A new, empty (or template-copied) database; returns its SQLAlchemy URL."""
    name = f"wr_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_libpq(POSTGRES_ADMIN_URL), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    return make_url(POSTGRES_ADMIN_URL).set(database=name).render_as_string(hide_password=False)


def drop_postgres_database(url: str) -> None:
    name = make_url(url).database
    with psycopg.connect(_libpq(POSTGRES_ADMIN_URL), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def load_whole_reports(url: str, *documents: str) -> None:
    """Load whole reports beside the seed (it is an excerpt of tasks with no results): the whole-report fixture,
    then the named folders of ``tests/api/fixtures/comparisons`` (demo-2012 and demo-2013: a report and the next
    one's review, so outcomes)."""
    from workreport_api.db.engine import make_engine
    from workreport_api.db.loader import load_dataset
    from workreport_pipeline.run import extract_files

    engine = make_engine(url)
    try:
        flags = {"id": "example-2013", "title": "某市政府工作報告", "year": 2013, "language": "zh-Hans", "issuer": "某市人民政府"}
        load_dataset(engine, extract_files(WHOLE_REPORT, **flags))
        for document in documents:
            folder = CONSECUTIVE_REPORTS / document
            load_dataset(engine, extract_files(folder / "source.txt", document=folder / "document.toml"))
    finally:
        engine.dispose()


SEED_COPIES = 2
"""Synthetic copies of the seed (bench/synthetic.py) loaded beside it by ``load_seed_copies``: three documents, enough
for a list filtered by q to match more than a small exact-count bound (``search_list_exact``)."""


def load_seed_copies(url: str) -> None:
    """Load ``SEED_COPIES`` copies of the seed as distinct documents (``shanghai-2012-x001``, ...) beside it."""
    from bench.synthetic import copy_of
    from workreport_api.db.engine import make_engine
    from workreport_api.db.loader import load_dataset

    engine = make_engine(url)
    try:
        seed_text = SEED_DATASET.read_text(encoding="utf-8")
        for number in range(1, SEED_COPIES + 1):
            load_dataset(engine, copy_of(seed_text, number), validate=False)
    finally:
        engine.dispose()


@pytest.fixture
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database of the engine given by the test's parameter."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.sqlite3'}"
        return
    require_postgres()
    url = create_postgres_database()
    try:
        yield url
    finally:
        drop_postgres_database(url)


@pytest.fixture(scope="session")
def seeded_templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Databases migrated and loaded with the seed once per session, copied by ``seeded_url``."""
    from workreport_api.cli import main

    templates: dict[str, str] = {}
    sqlite_file = tmp_path_factory.mktemp("seeded") / "seeded.sqlite3"
    assert main(["init", "--database-url", f"sqlite:///{sqlite_file}"]) == 0
    templates["sqlite"] = str(sqlite_file)
    created = None
    if postgres_reachable():
        created = create_postgres_database()
        assert main(["init", "--database-url", created]) == 0
        templates["postgresql"] = str(make_url(created).database)
    try:
        yield templates
    finally:
        if created:
            drop_postgres_database(created)


@pytest.fixture
def seeded_url(request: pytest.FixtureRequest, tmp_path: Path, seeded_templates: dict[str, str]) -> Iterator[str]:
    """A fresh database holding the seed, of the engine given by the test's parameter."""
    if request.param == "sqlite":
        target = tmp_path / "seeded.sqlite3"
        shutil.copyfile(seeded_templates["sqlite"], target)
        yield f"sqlite:///{target}"
        return
    require_postgres()
    url = create_postgres_database(template=seeded_templates["postgresql"])
    try:
        yield url
    finally:
        drop_postgres_database(url)


@pytest.fixture
def make_client(seeded_url: str) -> Iterator[ClientFactory]:
    """Build clients over the same seeded database with other settings (rate limits, cache, deprecation)."""
    clients: list[TestClient[Any]] = []

    def build(**overrides: Any) -> TestClient[Any]:
        from workreport_api.app import create_app
        from workreport_api.settings import Settings

        settings = Settings.from_env({}, database_url=seeded_url, release_check_seconds=0.0, **overrides)
        client: TestClient[Any] = TestClient(create_app(settings), base_url="http://testserver.local", raise_server_exceptions=False)
        client.__enter__()
        clients.append(client)
        return client

    yield build
    for client in clients:
        client.__exit__(None, None, None)


def table_counts(url: str) -> dict[str, int]:
    """Rows per table: what a test that wrote to a shared database would change."""
    from sqlalchemy import func, inspect, select, table

    from workreport_api.db.engine import make_engine

    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            names = inspect(connection).get_table_names()
            return {name: connection.execute(select(func.count()).select_from(table(name))).scalar_one() for name in names}
    finally:
        engine.dispose()


class ReadOnlyApps:
    """Apps over seeded databases built once per session and engine, for tests that only read.

    Building an app and copying a database per test cost more than the tests themselves. Each
    database is the seed, plus whatever a named ``load`` adds once; its rows per table are noted
    when it is built and compared at the end of the session, so a test that wrote to a shared
    database fails the run (such a test takes ``make_client`` or ``client`` instead). The release
    cache is shared too: a test that counts cache hits or misses builds its own app.
    """

    def __init__(self, templates: dict[str, str], folder: Path) -> None:
        self._templates = templates
        self._folder = folder
        self._urls: dict[tuple[str, str], str] = {}
        self._clients: dict[tuple[str, str, str], TestClient[Any]] = {}
        self._engines: dict[tuple[str, str], Engine] = {}
        self._counts: dict[str, dict[str, int]] = {}
        self._created: list[str] = []

    def client(self, engine: str, name: str = "seed", load: Callable[[str], None] | None = None, **settings: Any) -> TestClient[Any]:
        """The shared client over the ``name`` database on ``engine`` with these settings, built on first use."""
        from workreport_api.app import create_app
        from workreport_api.settings import Settings

        url = self.url(engine, name, load)
        key = (engine, name, repr(sorted(settings.items())))
        if key not in self._clients:
            app = create_app(Settings.from_env({}, database_url=url, release_check_seconds=0.0, **settings))
            client: TestClient[Any] = TestClient(app, base_url="http://testserver.local", raise_server_exceptions=False)
            self._clients[key] = client.__enter__()
        return self._clients[key]

    def engine(self, engine: str, name: str = "seed") -> Engine:
        """A shared SQLAlchemy engine over the ``name`` database on ``engine``, for storage tests that only read."""
        from workreport_api.db.engine import make_engine

        if (engine, name) not in self._engines:
            self._engines[engine, name] = make_engine(self.url(engine, name))
        return self._engines[engine, name]

    def url(self, engine: str, name: str = "seed", load: Callable[[str], None] | None = None) -> str:
        """The URL of the shared ``name`` database on ``engine`` (the seed, then ``load``), built on first use."""
        if (engine, name) in self._urls:
            return self._urls[engine, name]
        if engine == "sqlite":
            target = self._folder / f"{name}.sqlite3"
            shutil.copyfile(self._templates["sqlite"], target)
            url = f"sqlite:///{target}"
        else:
            require_postgres()
            url = create_postgres_database(template=self._templates["postgresql"])
            self._created.append(url)
        if load is not None:
            load(url)
        self._counts[url] = table_counts(url)
        self._urls[engine, name] = url
        return url

    def close(self) -> list[str]:
        """Stop every app, drop the PostgreSQL databases; returns the databases whose rows changed."""
        for client in self._clients.values():
            client.__exit__(None, None, None)
        for engine in self._engines.values():
            engine.dispose()
        changed = [make_url(url).render_as_string() for url, counts in self._counts.items() if table_counts(url) != counts]
        for url in self._created:
            drop_postgres_database(url)
        return changed


@pytest.fixture(scope="session")
def read_only_apps(seeded_templates: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[ReadOnlyApps]:
    apps = ReadOnlyApps(seeded_templates, tmp_path_factory.mktemp("read-only"))
    yield apps
    changed = apps.close()
    assert not changed, f"tests wrote to shared read-only databases {changed}: give them make_client or client"


@pytest.fixture
def reader(request: pytest.FixtureRequest, read_only_apps: ReadOnlyApps) -> TestClient[Any]:
    """The session's client over the seed, of the engine given by the test's parameter; never write through it."""
    return read_only_apps.client(request.param)


@pytest.fixture
def shared_url(request: pytest.FixtureRequest, read_only_apps: ReadOnlyApps) -> str:
    """The URL of the session's database holding the seed, of the engine given by the test's parameter: for commands
    that must leave it as it is (a refused ingest); a command that writes takes ``seeded_url``."""
    return read_only_apps.url(request.param)


@pytest.fixture(scope="session")
def shared_sqlite_client(read_only_apps: ReadOnlyApps) -> TestClient[Any]:
    """The session's client over the seed on SQLite, for tests that only read and are not parametrized by engine."""
    return read_only_apps.client("sqlite")


@pytest.fixture
def client(make_client: ClientFactory) -> TestClient[Any]:
    return make_client()


COMPARED = ("demo-2012", "demo-2013", "sample-2013")
"""The comparison fixtures: two consecutive reports of one issuer and a report of another."""


@pytest.fixture(scope="session")
def compared_sqlite(seeded_templates: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite file with the seed and whole reports beside it (results, outcomes, series); copy it to write."""
    database = tmp_path_factory.mktemp("compared") / "compared.sqlite3"
    shutil.copyfile(seeded_templates["sqlite"], database)
    load_whole_reports(f"sqlite:///{database}", *COMPARED)
    return str(database)


@pytest.fixture(scope="session")
def compared_client(read_only_apps: ReadOnlyApps) -> TestClient[Any]:
    """The session's read-only client over the seed with whole reports beside it (SQLite)."""
    return read_only_apps.client("sqlite", "compared", load=lambda url: load_whole_reports(url, *COMPARED))
