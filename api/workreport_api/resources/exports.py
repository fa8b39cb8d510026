"""Bulk downloads: the whole Dataset, every collection as CSV or NDJSON, and a Frictionless Data Package."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from functools import partial
from typing import Annotated, cast

from litestar import Response, get
from litestar.exceptions import NotFoundException
from litestar.params import Parameter

from workreport_schema import DatasetJSON

from ..datapackage import descriptor, package_files, write_package_zip
from ..db.collections import SPECS
from ..db.export import PACKAGE_COLLECTIONS, PackageJSON, dataset_from, derived_from
from ..db.reading import latest_release, snapshot
from ..http.negotiation import MEDIA_TYPES, require_acceptable
from ..http.params import NO_NUL
from ..http.requests import HttpRequest
from ..queries.filters import EVERYTHING
from ..state import Api, ApiState
from .responses import ERRORS, data_response, download_stream, stream

FILES = [f"{name}.{ext}" for name in PACKAGE_COLLECTIONS for ext in ("csv", "ndjson")]


@get(
    "/v1/export/dataset.json",
    operation_id="export_dataset",
    summary="Download everything as one Dataset",
    responses=ERRORS,
    tags=["exports"],
)
async def export_dataset(request: HttpRequest, api: Api) -> Response[dict[str, object]]:
    """Every document with all its records, as a Dataset that passes `workreport-schema validate`."""
    require_acceptable(request, "application/json")
    await api.downloads.take()  # waited for on the event loop; held until the last byte is sent (the records stay in memory that long)
    return await api.read(partial(dataset_stream, api), heavy=True)


def dataset_stream(api: ApiState) -> Response[dict[str, object]]:
    """The Dataset, read and then rendered as it is sent; the caller's download slot is given back at the end or on an error."""
    try:
        with snapshot(api.engine) as connection:
            release = latest_release(connection)
            data = dataset_from(connection)
    except BaseException:
        api.downloads.give_back()
        raise
    headers = {"Content-Disposition": 'attachment; filename="workreport-dataset.json"'}
    body = download_stream(rendered(data), api, release, "application/json", headers)
    return cast("Response[dict[str, object]]", body)  # a stream of the Dataset document the annotation describes


RENDER_CHUNK = 64 * 1024


def rendered(data: DatasetJSON) -> Iterator[bytes]:
    """The bytes of ``render_dataset(data)`` in pieces of about 64 KiB, never the whole text at once."""
    pending: list[str] = []
    size = 0
    for piece in json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(data):
        pending.append(piece)
        size += len(piece)
        if size >= RENDER_CHUNK:
            yield "".join(pending).encode()
            pending, size = [], 0
    pending.append("\n")
    yield "".join(pending).encode()


@get(
    "/v1/export/datapackage.json",
    sync_to_thread=True,
    operation_id="export_datapackage",
    summary="Frictionless Data Package of the CSV files",
    responses=ERRORS,
    tags=["exports"],
)
def export_datapackage(request: HttpRequest, api: Api) -> Response[dict[str, object]]:
    """A Frictionless Tabular Data Package describing the CSV exports (fields, types, keys, units); its resource
    paths are relative, so it works beside the files here, in `datapackage.zip` and in `workreport export -o DIR`."""
    require_acceptable(request, "application/json")
    with snapshot(api.engine) as connection:
        release = latest_release(connection)
    package = descriptor(str(release.id if release else 0), f"{api.base_url}/v1")
    return data_response(json.dumps(package, ensure_ascii=False, indent=2).encode(), release)


ZIP_CHUNK = 256 * 1024


@get(
    "/v1/export/datapackage.zip",
    operation_id="export_datapackage_zip",
    summary="Download the Data Package: descriptor, CSV files and JSON Schemas in one zip",
    responses=ERRORS,
    media_type="application/zip",
    tags=["exports"],
)
async def export_datapackage_zip(request: HttpRequest, api: Api) -> Response[bytes]:
    """`datapackage.json`, every collection as CSV and every JSON Schema file in one zip: it validates offline
    (`frictionless validate workreport/datapackage.json`) once unpacked."""
    require_acceptable(request, "application/zip")
    await api.downloads.take()  # waited for on the event loop; held until the last byte is sent
    return await api.read(partial(datapackage_zip_stream, api), heavy=True)


def datapackage_zip_stream(api: ApiState) -> Response[bytes]:
    """The zip, written to a spooled file and then sent in slices; the caller's download slot is given back at the end or on an error."""
    try:
        with snapshot(api.engine) as connection:
            release = latest_release(connection)
            data: PackageJSON = {**dataset_from(connection), **derived_from(connection)}
        spool = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115 - closed when the stream ends
        write_package_zip(spool, package_files(data, str(release.id if release else 0), f"{api.base_url}/v1"))
        del data
        spool.seek(0)
    except BaseException:
        api.downloads.give_back()
        raise

    def chunks() -> Iterator[bytes]:
        with spool:
            while chunk := spool.read(ZIP_CHUNK):
                yield chunk

    headers = {"Content-Disposition": 'attachment; filename="workreport-datapackage.zip"'}
    return cast("Response[bytes]", download_stream(chunks(), api, release, "application/zip", headers))


@get(
    "/v1/export/{file:str}",
    operation_id="export_collection",
    summary="Download one collection as CSV or NDJSON",
    responses=ERRORS,
    tags=["exports"],
)
async def export_collection(
    request: HttpRequest,
    api: Api,
    file: Annotated[str, Parameter(max_length=40, pattern=NO_NUL, description=f"One of: {', '.join(FILES)}.")],
    bom: Annotated[bool | None, Parameter(description="CSV only: start with a byte order mark.")] = None,
) -> Response[str]:
    """The whole collection, streamed, as CSV (RFC 4180, UTF-8, header row) or NDJSON (one record per line)."""
    if file not in FILES:
        raise NotFoundException(detail=f"no export named {file[:60]!r}; exports are {', '.join(FILES)}")
    name, _, extension = file.partition(".")
    require_acceptable(request, MEDIA_TYPES[extension].split(";")[0])
    response = await stream(api, SPECS[name], EVERYTHING, extension, bool(bom))
    response.headers["Content-Disposition"] = f'attachment; filename="{file}"'
    return response


ROUTES = [export_dataset, export_datapackage, export_datapackage_zip, export_collection]
