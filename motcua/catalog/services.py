"""The catalogue's public writes: versioning a procedure, importing and exporting catalogue files.

Other apps, the admin, the API and the command line call these; nothing else writes the catalogue.
"""

from .exporting import ExportResult, export_catalogue, write_template
from .importing import import_catalogue, read_catalogue
from .records import CatalogueImportError, ImportProblem, ImportResult
from .versioning import (
    CatalogueError,
    abolish,
    create_version,
    new_draft,
    next_number,
    problems,
    publish,
    revise,
)

__all__ = [
    "CatalogueError",
    "CatalogueImportError",
    "ExportResult",
    "ImportProblem",
    "ImportResult",
    "abolish",
    "create_version",
    "export_catalogue",
    "import_catalogue",
    "new_draft",
    "next_number",
    "problems",
    "publish",
    "read_catalogue",
    "revise",
    "write_template",
]
