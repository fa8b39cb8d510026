from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chapter import Chapter
    from ..models.document import Document
    from ..models.measure import Measure
    from ..models.paragraph import Paragraph
    from ..models.release import Release
    from ..models.responsible_body import ResponsibleBody
    from ..models.result import Result
    from ..models.target import Target
    from ..models.unit import Unit


T = TypeVar("T", bound="Dataset")


@_attrs_define
class Dataset:
    """One or more documents with every record, plus release metadata. (workreport schema 1.6.0)

    Attributes:
        schema_version (str): Version of the workreport schema the data follows (1.6.0); major version 1.
        release (Release): Release metadata: which data this is, hashed so a change is visible.
        documents (list[Document]): The reports.
        chapters (list[Chapter]): Chapters of every document.
        paragraphs (list[Paragraph]): Paragraphs of every chapter.
        measures (list[Measure]): Measures of every paragraph.
        targets (list[Target]): Targets of every measure.
        units (list[Unit]): Units the targets use.
        bodies (list[ResponsibleBody]): Bodies the measures and documents refer to.
        results (list[Result] | Unset): Figures reported as achieved (a review of last year); never targets. Absent in
            data from before 1.2.
    """

    schema_version: str
    release: Release
    documents: list[Document]
    chapters: list[Chapter]
    paragraphs: list[Paragraph]
    measures: list[Measure]
    targets: list[Target]
    units: list[Unit]
    bodies: list[ResponsibleBody]
    results: list[Result] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        schema_version = self.schema_version

        release = self.release.to_dict()

        documents = []
        for documents_item_data in self.documents:
            documents_item = documents_item_data.to_dict()
            documents.append(documents_item)

        chapters = []
        for chapters_item_data in self.chapters:
            chapters_item = chapters_item_data.to_dict()
            chapters.append(chapters_item)

        paragraphs = []
        for paragraphs_item_data in self.paragraphs:
            paragraphs_item = paragraphs_item_data.to_dict()
            paragraphs.append(paragraphs_item)

        measures = []
        for measures_item_data in self.measures:
            measures_item = measures_item_data.to_dict()
            measures.append(measures_item)

        targets = []
        for targets_item_data in self.targets:
            targets_item = targets_item_data.to_dict()
            targets.append(targets_item)

        units = []
        for units_item_data in self.units:
            units_item = units_item_data.to_dict()
            units.append(units_item)

        bodies = []
        for bodies_item_data in self.bodies:
            bodies_item = bodies_item_data.to_dict()
            bodies.append(bodies_item)

        results: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.results, Unset):
            results = []
            for results_item_data in self.results:
                results_item = results_item_data.to_dict()
                results.append(results_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "schema_version": schema_version,
                "release": release,
                "documents": documents,
                "chapters": chapters,
                "paragraphs": paragraphs,
                "measures": measures,
                "targets": targets,
                "units": units,
                "bodies": bodies,
            }
        )
        if results is not UNSET:
            field_dict["results"] = results

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.chapter import Chapter  # noqa: PLC0415
        from ..models.document import Document  # noqa: PLC0415
        from ..models.measure import Measure  # noqa: PLC0415
        from ..models.paragraph import Paragraph  # noqa: PLC0415
        from ..models.release import Release  # noqa: PLC0415
        from ..models.responsible_body import ResponsibleBody  # noqa: PLC0415
        from ..models.result import Result  # noqa: PLC0415
        from ..models.target import Target  # noqa: PLC0415
        from ..models.unit import Unit  # noqa: PLC0415

        d = dict(src_dict)
        schema_version = d.pop("schema_version")

        release = Release.from_dict(d.pop("release"))

        documents = []
        _documents = d.pop("documents")
        for documents_item_data in _documents:
            documents_item = Document.from_dict(documents_item_data)

            documents.append(documents_item)

        chapters = []
        _chapters = d.pop("chapters")
        for chapters_item_data in _chapters:
            chapters_item = Chapter.from_dict(chapters_item_data)

            chapters.append(chapters_item)

        paragraphs = []
        _paragraphs = d.pop("paragraphs")
        for paragraphs_item_data in _paragraphs:
            paragraphs_item = Paragraph.from_dict(paragraphs_item_data)

            paragraphs.append(paragraphs_item)

        measures = []
        _measures = d.pop("measures")
        for measures_item_data in _measures:
            measures_item = Measure.from_dict(measures_item_data)

            measures.append(measures_item)

        targets = []
        _targets = d.pop("targets")
        for targets_item_data in _targets:
            targets_item = Target.from_dict(targets_item_data)

            targets.append(targets_item)

        units = []
        _units = d.pop("units")
        for units_item_data in _units:
            units_item = Unit.from_dict(units_item_data)

            units.append(units_item)

        bodies = []
        _bodies = d.pop("bodies")
        for bodies_item_data in _bodies:
            bodies_item = ResponsibleBody.from_dict(bodies_item_data)

            bodies.append(bodies_item)

        _results = d.pop("results", UNSET)
        results: list[Result] | Unset = UNSET
        if _results is not UNSET:
            results = []
            for results_item_data in _results:
                results_item = Result.from_dict(results_item_data)

                results.append(results_item)

        dataset = cls(
            schema_version=schema_version,
            release=release,
            documents=documents,
            chapters=chapters,
            paragraphs=paragraphs,
            measures=measures,
            targets=targets,
            units=units,
            bodies=bodies,
            results=results,
        )

        return dataset
