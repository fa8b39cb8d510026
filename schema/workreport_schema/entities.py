"""The published entities: one JSON Schema file each, named ``{name}.schema.json``."""

from __future__ import annotations

from pydantic import BaseModel

from .body import ResponsibleBody
from .body_assignment import BodyAssignment
from .chapter import Chapter
from .dataset import Dataset
from .document import Document
from .measure import Measure
from .paragraph import Paragraph
from .result import Result
from .source_span import SourceSpan
from .target import Target
from .unit import Unit

ENTITIES: dict[str, type[BaseModel]] = {
    "document": Document,
    "chapter": Chapter,
    "paragraph": Paragraph,
    "measure": Measure,
    "target": Target,
    "result": Result,
    "unit": Unit,
    "body": ResponsibleBody,
    "body_assignment": BodyAssignment,
    "source_span": SourceSpan,
    "dataset": Dataset,
}
"""Entity name → model, in the order the schema index lists them."""

COLLECTIONS: dict[str, str] = {
    "documents": "document",
    "chapters": "chapter",
    "paragraphs": "paragraph",
    "measures": "measure",
    "targets": "target",
    "results": "result",
    "units": "unit",
    "bodies": "body",
}
"""Dataset collection (key in dataset.json) → entity name of its records."""


def schema_file_name(entity: str) -> str:
    """The published file name of an entity."""
    return f"{entity}.schema.json"
