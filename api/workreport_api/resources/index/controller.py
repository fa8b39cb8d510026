"""Routes of the API's entry point and its catalog records (DCAT and schema.org) for harvesters and search engines
(their SQL: queries.py)."""

from __future__ import annotations

import json

from litestar import Response, get

from workreport_schema import SCHEMA_VERSION

from ...db.collections import SPECS
from ...db.reading import ReleaseInfo, latest_release, snapshot
from ...http.negotiation import require_acceptable
from ...http.requests import HttpRequest
from ...models import Index
from ...state import Api
from ..responses import ERRORS, data_response, dumps
from . import queries

LICENCE = {
    "id": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "url": "https://creativecommons.org/licenses/by/4.0/",
}
COLLECTIONS = tuple(name for name, spec in SPECS.items() if spec.listed)
"""Collections with their own list, linked from the index (the registry's order)."""


def _release(release: ReleaseInfo | None) -> dict[str, object] | None:
    if release is None:
        return None
    return {"id": release.id, "content_hash": release.state_hash, "loaded_at": release.loaded_at.isoformat().replace("+00:00", "Z")}


def schema_org(base: str, release: ReleaseInfo | None) -> dict[str, object]:
    return {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": "workreport: commitments of government work reports",
        "description": "Chapters, measures, quantitative targets with units and responsible bodies from government work reports, "
        "each traceable to the exact characters of the source.",
        "url": f"{base}/v1",
        "license": LICENCE["url"],
        "isAccessibleForFree": True,
        "inLanguage": ["zh-Hant", "zh-Hans", "en"],
        "version": str(release.id) if release else "0",
        "dateModified": release.loaded_at.isoformat() if release else None,
        "distribution": [
            {"@type": "DataDownload", "encodingFormat": "application/json", "contentUrl": f"{base}/v1/export/dataset.json"},
            *(
                {"@type": "DataDownload", "encodingFormat": "text/csv", "contentUrl": f"{base}/v1/export/{name}.csv"}
                for name in COLLECTIONS
            ),
        ],
    }


@get("/v1", sync_to_thread=True, operation_id="get_index", summary="API index", responses=ERRORS, tags=["index"])
def index(request: HttpRequest, api: Api) -> Response[Index]:
    """Links to every collection, search, exports, the schema index, the catalog and the docs, with versions and the licence."""
    require_acceptable(request, "application/json")
    base = api.base_url
    with snapshot(api.engine) as connection:
        release = latest_release(connection)
    links = {name: f"{base}/v1/{name}" for name in COLLECTIONS}
    links |= {
        "search": f"{base}/v1/search?q=",
        "dataset": f"{base}/v1/export/dataset.json",
        "datapackage": f"{base}/v1/export/datapackage.json",
        "datapackage_zip": f"{base}/v1/export/datapackage.zip",
        "schemas": f"{base}/schemas/v1",
        "catalog": f"{base}/v1/catalog",
        "openapi": f"{base}/openapi.json",
        "docs": f"{base}/docs",
    }
    body = {
        "api_version": "v1",
        "schema_version": SCHEMA_VERSION,
        "data_release": _release(release),
        "licence": LICENCE,
        "links": links,
        "schema_org": schema_org(base, release),
    }
    return data_response(dumps(body), release)


@get(
    "/v1/catalog",
    sync_to_thread=True,
    operation_id="get_catalog",
    summary="DCAT catalog (JSON-LD)",
    responses=ERRORS,
    media_type="application/ld+json",
    tags=["index"],
)
def catalog(request: HttpRequest, api: Api) -> Response[dict[str, object]]:
    """A DCAT-AP style catalog in JSON-LD: one dcat:Dataset per document, with its distributions."""
    require_acceptable(request, "application/ld+json", "application/json")
    base = api.base_url
    with snapshot(api.engine) as connection:
        release = latest_release(connection)
        documents = queries.documents(connection)
    datasets = []
    for document in documents:
        titles = [{"@language": tag, "@value": value} for tag, value in document["title"].items()]
        datasets.append(
            {
                "@id": f"{base}/v1/documents/{document['id']}",
                "@type": "dcat:Dataset",
                "dct:identifier": document["id"],
                "dct:title": titles,
                "dct:language": document["language"],
                "dct:publisher": {"@id": f"{base}/v1/bodies/{document['issuer']}"},
                "dct:temporal": {
                    "@type": "dct:PeriodOfTime",
                    "dcat:startDate": document["period"]["start"],
                    "dcat:endDate": document["period"]["end"],
                },
                "dct:conformsTo": {"@id": f"{base}/schemas/v1/dataset.schema.json"},
                "dct:license": {"@id": LICENCE["url"]},
                "dcat:distribution": [
                    {
                        "@type": "dcat:Distribution",
                        "dcat:accessURL": {"@id": f"{base}/v1/measures?document={document['id']}"},
                        "dcat:mediaType": "application/json",
                    },
                    {
                        "@type": "dcat:Distribution",
                        "dcat:downloadURL": {"@id": f"{base}/v1/documents/{document['id']}/text"},
                        "dcat:mediaType": "text/plain",
                        "dct:description": "The exact source text",
                    },
                ],
            }
        )
    body = {
        "@context": {"dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/", "foaf": "http://xmlns.com/foaf/0.1/"},
        "@id": f"{base}/v1/catalog",
        "@type": "dcat:Catalog",
        "dct:title": "workreport",
        "dct:description": "Open data from government work reports: measures, targets and responsible bodies.",
        "dct:license": {"@id": LICENCE["url"]},
        "dct:modified": release.loaded_at.isoformat() if release else None,
        "foaf:homepage": {"@id": f"{base}/v1"},
        "dcat:dataset": datasets,
        "dcat:distribution": [
            {
                "@type": "dcat:Distribution",
                "dcat:downloadURL": {"@id": f"{base}/v1/export/dataset.json"},
                "dcat:mediaType": "application/json",
            },
            {
                "@type": "dcat:Distribution",
                "dcat:downloadURL": {"@id": f"{base}/v1/export/datapackage.json"},
                "dcat:mediaType": "application/json",
            },
            {
                "@type": "dcat:Distribution",
                "dcat:downloadURL": {"@id": f"{base}/v1/export/datapackage.zip"},
                "dcat:mediaType": "application/zip",
            },
        ],
    }
    return data_response(json.dumps(body, ensure_ascii=False).encode(), release, media_type="application/ld+json")


ROUTES = [index, catalog]
