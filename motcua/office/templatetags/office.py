"""Template helpers of the staff office: the navigation, money, instants as people read them."""

from django import template

from motcua.org.selectors import Action, agencies_where

from .. import presenting

register = template.Library()


@register.inclusion_tag("office/nav.html", takes_context=True)
def office_nav(context):
    """The staff navigation of base.html: my work, reception (desk officers), statistics (leaders and
    monitors), search."""
    request = context.get("request")
    user = getattr(request, "user", None)
    signed_in = user is not None and user.is_authenticated
    return {
        "request": request,
        "user": user,
        "signed_in": signed_in,
        "is_desk": signed_in and agencies_where(user, Action.RECEIVE).exists(),
        "sees_statistics": signed_in and agencies_where(user, Action.VIEW_STATISTICS).exists(),
    }


@register.filter
def money(amount) -> str:
    return presenting.money(amount or 0)


@register.filter
def instant(value) -> str:
    return presenting.instant(value)
