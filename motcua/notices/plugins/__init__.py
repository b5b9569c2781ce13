"""Delivery plugins: one per outbox channel, in a typed registry, each with a configuration check.

A plugin delivers one `Message` or raises: `DeliveryError` (worth retrying: a timeout, a 503) or
`Rejected` (retrying cannot help: a 400, an address that does not exist). It must send the message's
idempotency key (`message.key`) with every try, so the receiver can ignore a message it already has.
`check_config()` says, for the admin's overview page, whether the plugin can work as configured.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from motcua.notices.models import Message


class DeliveryError(Exception):
    """The try failed; a later try may succeed."""


class Rejected(DeliveryError):
    """The receiver refused the message; trying again cannot help."""


@dataclass(frozen=True)
class Check:
    ok: bool
    text: str  # translated, for the admin page; never personal data


class Plugin(ABC):
    channel: ClassVar[str]
    label: ClassVar[str]

    @abstractmethod
    def deliver(self, message: Message) -> None:
        """Send `message` once (with its idempotency key), or raise DeliveryError / Rejected."""

    @abstractmethod
    def check_config(self) -> list[Check]:
        """What is configured and whether it answers; quick (a few seconds at most)."""

    def is_enabled(self) -> bool:
        """A disabled plugin gets no messages (e.g. the national portal without an address)."""
        return True


_registry: dict[str, Plugin] = {}


def register(plugin: Plugin) -> Plugin:
    if plugin.channel in _registry:
        raise ValueError(f"a plugin for {plugin.channel!r} is already registered")
    _registry[plugin.channel] = plugin
    return plugin


def plugin_for(channel: str) -> Plugin:
    _load()
    return _registry[channel]


def all_plugins() -> list[Plugin]:
    _load()
    return list(_registry.values())


def _load() -> None:
    """Import the built-in plugins once (they register themselves)."""
    from . import email, portal, sms, webhook  # noqa: F401
