"""`motcua portal-reconcile` makes the portal hold every dossier's current status: it writes the sync missing
for a latest event, tries given-up messages again, and sends again what the portal says it does not hold."""

from io import StringIO

import pytest
from django.core.management import call_command

from motcua.notices.models import Message, Status
from tests.factories.dossiers import make_world, received, vn

from .helpers import deliver_until_settled

pytestmark = pytest.mark.django_db


def reconcile(*args) -> str:
    out = StringIO()
    call_command("portal-reconcile", "--since", "2020-01-01", *args, stdout=out)
    return out.getvalue()


def test_events_recorded_while_the_sync_was_off_are_caught_up(frozen_clock, settings, standin):
    settings.MOTCUA_NATIONAL_PORTAL_URL = ""
    world = make_world()
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    settings.MOTCUA_NATIONAL_PORTAL_URL = standin.url
    assert "1 latest events without a portal message would be written." in reconcile("--dry-run")
    assert not Message.objects.filter(channel="portal").exists()
    assert "1 latest events without a portal message were written." in reconcile()
    deliver_until_settled()
    (record,) = standin.records.values()
    assert record["payload"]["MaHoSo"] == dossier.code and record["payload"]["TrangThaiHoSo"] == 2
    assert "0 latest events without a portal message were written." in reconcile()


def test_what_the_portal_lost_or_never_got_is_sent_again(frozen_clock, portal, settings):
    world = make_world()
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    deliver_until_settled()
    submitted, receipt = Message.objects.filter(channel="portal", dossier=dossier).order_by("pk")
    Message.objects.filter(pk=submitted.pk).update(status=Status.DEAD)  # given up, say, during an outage
    del portal.records[receipt.key]  # and the portal lost one it had acknowledged
    out = reconcile()
    assert "1 given-up messages were tried again." in out
    assert "1 delivered messages the portal does not hold were sent again." in out
    deliver_until_settled()
    assert sorted(portal.records) == sorted([submitted.key, receipt.key])
    assert portal.duplicates == 1  # the given-up one had in fact arrived: the key kept it single


def test_reconcile_refuses_when_the_sync_is_off(settings):
    from django.core.management.base import CommandError

    settings.MOTCUA_NATIONAL_PORTAL_URL = ""
    with pytest.raises(CommandError, match="disabled"):
        reconcile()
