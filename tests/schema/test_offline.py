"""Validation needs no network: the shipped registry and the compound bundle resolve every reference locally."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from referencing.exceptions import NoSuchResource

from workreport_schema import ENTITIES, compound_schema, load_published_schema, offline_registry, schema_file_name, validator_for
from workreport_schema.offline import retrieve_bundled

from ..conftest import SEED_DATASET
from ..offline import run_offline

SEED: dict[str, Any] = json.loads(SEED_DATASET.read_text(encoding="utf-8"))
COLLECTION_ENTITY = {"documents": "document", "chapters": "chapter", "measures": "measure", "targets": "target", "bodies": "body"}


@pytest.mark.parametrize(("collection", "entity"), COLLECTION_ENTITY.items())
def test_validator_for_accepts_the_seed_and_refuses_a_broken_record(collection: str, entity: str) -> None:
    validator = validator_for(entity)
    for record in SEED[collection][:20]:
        validator.validate(record)
    broken = dict(SEED[collection][0], id="Not An Id!")
    assert list(validator.iter_errors(broken))


def test_validator_for_a_dataset_and_unknown_entities() -> None:
    validator_for("dataset").validate(SEED)
    with pytest.raises(KeyError, match="no published entity"):
        validator_for("nothing")


@pytest.mark.parametrize(
    "uri",
    ["https://data.example.org/schemas/v1/source_span.schema.json", "source_span.schema.json", "http://x/y/source_span.schema.json#/a"],
)
def test_any_host_copy_of_our_files_resolves_locally(uri: str) -> None:
    assert retrieve_bundled(uri).contents == load_published_schema("source_span")


def test_other_references_are_refused_not_fetched() -> None:
    with pytest.raises(NoSuchResource):
        retrieve_bundled("https://json-schema.org/other.schema.json")


def test_a_schema_downloaded_from_another_server_validates_with_the_registry() -> None:
    served = dict(load_published_schema("target"), **{"$id": "https://data.example.org/schemas/v1/target.schema.json"})
    Draft202012Validator(served, registry=offline_registry()).validate(SEED["targets"][0])


def test_the_compound_bundle_embeds_every_file_and_validates_a_dataset_by_itself() -> None:
    bundle = compound_schema("https://data.example.org")
    assert set(bundle["$defs"]) == set(ENTITIES)
    assert all(schema["$id"] == f"https://data.example.org/schemas/v1/{schema_file_name(e)}" for e, schema in bundle["$defs"].items())
    Draft202012Validator.check_schema(bundle)
    Draft202012Validator(bundle).validate(SEED)
    assert list(Draft202012Validator(bundle).iter_errors(dict(SEED, documents="no")))


@pytest.fixture
def downloaded(tmp_path: Path) -> Path:
    """What a user has after downloading: the files with a foreign $id, the bundle, a record and a dataset."""
    for entity in ENTITIES:
        schema = dict(load_published_schema(entity), **{"$id": f"https://data.example.org/schemas/v1/{schema_file_name(entity)}"})
        (tmp_path / schema_file_name(entity)).write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "bundle.schema.json").write_text(
        json.dumps(compound_schema("https://data.example.org"), ensure_ascii=False), encoding="utf-8"
    )
    (tmp_path / "target.json").write_text(json.dumps(SEED["targets"][0], ensure_ascii=False), encoding="utf-8")
    shutil.copyfile(SEED_DATASET, tmp_path / "dataset.json")
    return tmp_path


CHECK_JSONSCHEMA = str(Path(sys.executable).parent / "check-jsonschema")


@pytest.mark.slow
@pytest.mark.parametrize(
    "command",
    [
        [CHECK_JSONSCHEMA, "--schemafile", "bundle.schema.json", "dataset.json"],
        [CHECK_JSONSCHEMA, "--base-uri", "file://{dir}/target.schema.json", "--schemafile", "target.schema.json", "target.json"],
        [
            sys.executable,
            "-c",
            "import json, jsonschema, workreport_schema as w; "
            "jsonschema.Draft202012Validator(json.load(open('target.schema.json')), registry=w.offline_registry())"
            ".validate(json.load(open('target.json'))); w.validator_for('dataset').validate(json.load(open('dataset.json'))); print('ok')",
        ],
    ],
    ids=["check-jsonschema-bundle", "check-jsonschema-base-uri", "python-jsonschema"],
)
def test_the_readme_recipes_work_with_no_network(downloaded: Path, command: list[str]) -> None:
    result = run_offline([part.replace("{dir}", str(downloaded)) for part in command], downloaded)
    assert result.returncode == 0, result.stdout[-500:] + result.stderr[-500:]
    assert "ok" in result.stdout


@pytest.mark.slow
def test_without_the_registry_a_downloaded_file_cannot_resolverun_offline(downloaded: Path) -> None:
    """The failure the recipes avoid is real: check-jsonschema alone tries the $id host."""
    result = run_offline([CHECK_JSONSCHEMA, "--schemafile", "target.schema.json", "target.json"], downloaded)
    assert result.returncode != 0
