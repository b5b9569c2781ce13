"""`{% payment_panel dossier %}`: the online-payment part of the portal's tracking page.

Given the page's `PublicDossier`, it shows a "Pay fees online" button when the dossier waits for payment of
unpaid fees and a gateway is offered, and a link to the receipt of each paid online payment. The page itself
checked the code and secret; the button and links carry that on as signed tokens (access.py).
"""

from django import template
from django.urls import reverse

from .. import access, selectors

register = template.Library()


@register.inclusion_tag("payments/_panel.html", takes_context=True)
def payment_panel(context, dossier) -> dict:
    found = selectors.panel(dossier.code)
    if found is None:
        return {"panel": None}
    request = context.get("request")
    back = request.get_full_path() if request is not None else ""
    return {
        "panel": found,
        "start_url": reverse("payments:start"),
        "token": access.pay_token(dossier.code, back) if found.can_pay else "",
        "receipts": [
            (
                payment,
                f"{reverse('payments:receipt', args=[payment.order_id])}"
                f"?token={access.receipt_token(payment.order_id)}",
            )
            for payment in found.paid
        ],
    }
