from motcua.catalog.services import import_catalogue
from motcua.demo.services import CATALOGUE

from .conftest import run_demo_data


def test_the_catalogue_file_is_accepted_by_the_importer_and_a_reimport_changes_nothing(db):
    run_demo_data()  # the agencies the internal processes name
    from motcua.catalog.models import ProcedureVersion

    versions = ProcedureVersion.objects.count()
    import_catalogue(CATALOGUE)  # raises CatalogueImportError, with every problem, if the file is wrong
    assert ProcedureVersion.objects.count() == versions
