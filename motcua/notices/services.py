"""The notices app's public surface: what other apps, the admin, commands and receivers call.

Writes (all in the caller's transaction unless said otherwise):
    on_dossier_event(dossier, event)   outbox rows for an event: applicant, national portal, webhooks
    retry_now(messages)                a new round of tries for dead or waiting messages
    reconcile_portal(since)            re-send what the national portal does not hold
Periodic work (run by the worker's jobs, callable by hand):
    send_digests(now=None)             the morning reminder digests (working days only)
    escalate_overdue_steps(now=None)   tell leaders about steps overdue by the threshold
Reads:
    reminders_for(user, now)           the items behind the reminder badge
    plugin_checks()                    each delivery plugin with its configuration check
"""

from .escalation import escalate_overdue_steps
from .events import on_event as on_dossier_event
from .outbox import retry_now
from .plugins import Check, Plugin, all_plugins
from .reconcile import Reconciliation, reconcile_portal
from .reminders import reminders_for, send_digests

__all__ = [
    "Reconciliation",
    "escalate_overdue_steps",
    "on_dossier_event",
    "plugin_checks",
    "reconcile_portal",
    "reminders_for",
    "retry_now",
    "send_digests",
]


def plugin_checks() -> list[tuple[Plugin, list[Check]]]:
    return [(plugin, plugin.check_config()) for plugin in all_plugins()]
