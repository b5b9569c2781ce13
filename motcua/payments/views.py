"""The payer's and the gateways' side of online payment. Thin: each view calls one service.

POST /payments/start/                    from the tracking page's button: a new payment, off to the gateway
GET  /payments/return/<order>/           the payer comes back: settle by asking the gateway, back to tracking
POST /payments/callback/<gateway>/       a gateway's server-to-server notification (no CSRF, signed)
GET  /payments/receipt/<order>/?token=   the receipt of a paid payment (PDF)
"""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from motcua.dossiers.models import Dossier

from . import access, selectors, services
from .gateways import PostForm, UnknownGateway
from .models import Status

# The tracking page each payment started from, per browser session: the payer's way back (never in a URL that
# passes through a gateway, since it holds the dossier's lookup secret).
SESSION_KEY = "payments_back"
KEPT_IN_SESSION = 10


def private(response):
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


def site_of(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


# No CSRF token: the portal's tracking page is served with "Referrer-Policy: no-referrer", under which
# browsers send "Origin: null" with a form POST, and Django's CSRF check refuses that. The signed,
# expiring token of the form (access.py) is what authorises the request; all a forged POST could do is
# open a bank page for a payment of that dossier.
@csrf_exempt
@require_POST
def start(request):
    found = access.read_pay_token(request.POST.get("token", ""))
    dossier = Dossier.objects.filter(code=found[0]).first() if found else None
    if dossier is None:
        return private(
            render(request, "payments/result.html", {"text": _("This payment link has expired.")}, status=400)
        )
    try:
        payment, action = services.start_payment(dossier, site=site_of(request))
    except services.PaymentError as error:
        return private(render(request, "payments/result.html", {"text": error.message}, status=409))
    if found[1]:
        kept = dict(list(request.session.get(SESSION_KEY, {}).items())[-(KEPT_IN_SESSION - 1) :])
        kept[payment.order_id] = found[1]
        request.session[SESSION_KEY] = kept
    if isinstance(action, PostForm):
        return private(render(request, "payments/post_to_gateway.html", {"action": action}))
    return redirect(action.url)


@require_safe
def payment_return(request, order_id: str):
    payment = selectors.payment_by_order(order_id)
    if payment is None:
        raise Http404(_("No online payment has this number."))
    if payment.status == Status.PENDING:
        services.check_with_gateway(payment)
        payment.refresh_from_db()
    text, level = {
        Status.PAID: (_("Your payment was received. Thank you."), messages.SUCCESS),
        Status.CANCELLED: (
            _("The payment was cancelled. The dossier is still waiting for payment."),
            messages.WARNING,
        ),
        Status.FAILED: (
            _("The payment did not go through. The dossier is still waiting for payment."),
            messages.ERROR,
        ),
        Status.PENDING: (
            _("The gateway has not confirmed the payment yet. Check the dossier again in a few minutes."),
            messages.INFO,
        ),
    }[payment.status]
    back = request.session.get(SESSION_KEY, {}).get(order_id, "")
    if back:
        messages.add_message(request, level, text)
        return private(redirect(back))
    return private(render(request, "payments/result.html", {"text": text, "payment": payment}))


@csrf_exempt
@require_POST
def callback(request, gateway: str):
    try:
        plugin, log = services.handle_callback(gateway, request)
    except UnknownGateway:
        raise Http404("no such payment gateway") from None
    return plugin.callback_response(log)


@require_safe
def receipt(request, order_id: str):
    if not access.receipt_allowed(order_id, request.GET.get("token", "")):
        raise Http404(_("No online payment has this number."))
    payment = selectors.payment_by_order(order_id)
    if payment is None or payment.status != Status.PAID:
        raise Http404(_("No online payment has this number."))
    response = HttpResponse(services.render_receipt(payment), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="bien-lai-{payment.order_id}.pdf"'
    return private(response)
