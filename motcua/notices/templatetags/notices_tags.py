"""Template tags of the notices app: the reminder badge for the staff screens, money in đồng."""

from django import template

from motcua import clock
from motcua.notices.services import reminders_for

register = template.Library()


@register.inclusion_tag("notices/reminder_badge.html", takes_context=True)
def reminder_badge(context) -> dict:
    """`{% load notices_tags %}{% reminder_badge %}`: what the signed-in official must act on, as a badge."""
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    if user is None or not user.is_authenticated:
        return {"count": 0}
    digests = reminders_for(user, clock.now(), show=5)
    return {"digests": digests, "count": sum(digest.count() for digest in digests)}


@register.filter
def vnd(amount) -> str:
    """100000 -> "100.000 đồng" (Vietnamese thousands separator)."""
    return f"{int(amount):,}".replace(",", ".") + " đồng"
