"""Quick dossiers for office tests: no scans unless asked, the clock set by the caller."""

from motcua.dossiers import services
from motcua.dossiers.lifecycle import Channel


def walk_in(world, *, name="Nguyễn Văn An", id_number="056090001234", agency=None, receive=True):
    """A dossier handed in at the ward's desk (and received, unless `receive` is False)."""
    applicant = services.Applicant(name=name, id_number=id_number, phone="0905123456")
    dossier = services.submit(
        services.Intake(world.version, agency or world.ward, Channel.DIRECT, applicant), world.desk
    )
    return services.receive(dossier, world.desk) if receive else dossier


def online(world, *, name="Lê Thị Hoa"):
    """A dossier filed online (no account): it waits for the desk."""
    applicant = services.Applicant(name=name, id_number="056190005678")
    return services.submit(services.Intake(world.version, world.ward, Channel.ONLINE, applicant), None)
