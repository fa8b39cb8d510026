from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.data_release import DataRelease
    from ..models.index_licence import IndexLicence
    from ..models.index_links import IndexLinks
    from ..models.index_schema_org import IndexSchemaOrg


T = TypeVar("T", bound="Index")


@_attrs_define
class Index:
    """
    Attributes:
        api_version (str): Version of the API (v1).
        schema_version (str): Version of the workreport schema the records follow.
        data_release (DataRelease | None): The data served now; null before anything was loaded.
        licence (IndexLicence): Licence of the data.
        links (IndexLinks): Every collection, search, exports, the schema index, the catalog and the docs.
        schema_org (IndexSchemaOrg): schema.org Dataset description (JSON-LD) for search engines.
    """

    api_version: str
    schema_version: str
    data_release: DataRelease | None
    licence: IndexLicence
    links: IndexLinks
    schema_org: IndexSchemaOrg
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.data_release import DataRelease  # noqa: PLC0415

        api_version = self.api_version

        schema_version = self.schema_version

        data_release: dict[str, Any] | None
        if isinstance(self.data_release, DataRelease):
            data_release = self.data_release.to_dict()
        else:
            data_release = self.data_release

        licence = self.licence.to_dict()

        links = self.links.to_dict()

        schema_org = self.schema_org.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "api_version": api_version,
                "schema_version": schema_version,
                "data_release": data_release,
                "licence": licence,
                "links": links,
                "schema_org": schema_org,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.data_release import DataRelease  # noqa: PLC0415
        from ..models.index_licence import IndexLicence  # noqa: PLC0415
        from ..models.index_links import IndexLinks  # noqa: PLC0415
        from ..models.index_schema_org import IndexSchemaOrg  # noqa: PLC0415

        d = dict(src_dict)
        api_version = d.pop("api_version")

        schema_version = d.pop("schema_version")

        def _parse_data_release(data: object) -> DataRelease | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_release_type_0 = DataRelease.from_dict(data)

                return data_release_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DataRelease | None, data)

        data_release = _parse_data_release(d.pop("data_release"))

        licence = IndexLicence.from_dict(d.pop("licence"))

        links = IndexLinks.from_dict(d.pop("links"))

        schema_org = IndexSchemaOrg.from_dict(d.pop("schema_org"))

        index = cls(
            api_version=api_version,
            schema_version=schema_version,
            data_release=data_release,
            licence=licence,
            links=links,
            schema_org=schema_org,
        )

        index.additional_properties = d
        return index

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
