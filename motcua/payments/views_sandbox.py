"""The sandbox bank's page (only when MOTCUA_PAYMENT_SANDBOX is on): the payer sees the order and clicks
"Pay" or "Cancel". The logic is in sandbox_bank.py."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from . import sandbox_bank
from .words import vnd


@require_http_methods(["GET", "HEAD", "POST"])
def pay(request):
    if not settings.MOTCUA_PAYMENT_SANDBOX:
        raise Http404("the sandbox bank is closed")
    params = request.POST if request.method == "POST" else request.GET
    try:
        order = sandbox_bank.read_order(params)
    except sandbox_bank.BadOrder as error:
        response = render(request, "payments/sandbox_bank.html", {"error": str(error)}, status=400)
        response["Cache-Control"] = "no-store"
        return response
    if request.method == "POST":
        decided = sandbox_bank.decide(order, pay=request.POST.get("decision") == "pay")
        return redirect(sandbox_bank.return_address(order, decided))
    response = render(request, "payments/sandbox_bank.html", {"order": order, "amount": vnd(order.amount)})
    response["Cache-Control"] = "no-store"
    return response
