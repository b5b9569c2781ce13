"""Helpers of the online submission tests: a signed-in citizen, and a draft filled in through filing.py."""

from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.citizens import filing
from motcua.dossiers.lifecycle import ReturnMethod
from tests.factories.dossiers import PDF

from .factories import log_in, make_citizen

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def upload(name="to-khai.pdf", content=PDF, content_type="application/pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def signed_in(client, email="an@example.com", **kwargs):
    citizen = make_citizen(email=email, **kwargs)
    log_in(client, email)
    return citizen


def ready_draft(world, citizen):
    """A draft of the world's procedure, every step done: with the ward, both documents, result by post."""
    draft = filing.start(citizen, world.version)
    filing.save_applicant(
        draft,
        receiving_agency=world.ward,
        name="Nguyễn Văn An",
        id_number="056090001234",
        birth_date=None,
        address="12 Trần Phú, Phường Nha Trang",
        phone="0905123456",
        email="an@example.com",
    )
    for number, required in enumerate(world.version.documents.all()):
        filing.attach_upload(draft, required, upload(f"giay-{number}.pdf"))
    filing.finish_documents(draft)
    filing.save_delivery(draft, choice=ReturnMethod.POST, address="5 Lê Lợi, Nha Trang")
    return draft
