"""`{% citizen_nav %}`: the portal navigation's entry for citizens (log in, or my account)."""

from django import template

from ..sessions import current_citizen

register = template.Library()


@register.inclusion_tag("citizens/_nav_item.html", takes_context=True)
def citizen_nav(context):
    request = context.get("request")
    citizen = current_citizen(request) if request is not None else None
    current = getattr(getattr(request, "resolver_match", None), "namespace", "") == "citizens"
    return {"citizen": citizen, "current": current, "request": request}
