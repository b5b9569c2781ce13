"""The public pages (no login, no JavaScript needed): send feedback, follow it, read and rate the published
answers.

Thin views over `services` and `selectors`. The sender's lookup secret never travels in a URL: following
feedback is a POST. Votes are tied to a random visitor token kept in a signed cookie.
"""

import secrets

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from . import selectors, services
from .errors import FeedbackError
from .forms import FollowForm, SenderSupplementForm, SubmissionForm
from .lifecycle import Classification, State
from .models import Vote

VISITOR_COOKIE = "motcua_visitor"
VISITOR_SALT = "motcua.feedback.visitor"
VISITOR_MAX_AGE = 2 * 365 * 24 * 3600
SENT_KEY = "feedback_sent"


def visitor_of(request) -> str | None:
    return request.get_signed_cookie(VISITOR_COOKIE, default=None, salt=VISITOR_SALT)


def published_list(request):
    """Published feedback and answers, newest first; filter by what it is about."""
    items = selectors.published()
    about = request.GET.get("about", "")
    if about in Classification.values:
        items = items.filter(classification=about)
    page = Paginator(items, 20).get_page(request.GET.get("page"))
    return render(
        request,
        "feedback/public/list.html",
        {"page": page, "about": about, "classifications": Classification.choices},
    )


def published_item(request, code: str):
    feedback = get_object_or_404(selectors.published(), code=code)
    visitor = visitor_of(request)
    voted = Vote.objects.filter(feedback=feedback, visitor=visitor).first() if visitor else None
    return render(
        request,
        "feedback/public/item.html",
        {"feedback": feedback, "initials": selectors.sender_initials(feedback), "voted": voted},
    )


@require_POST
def vote(request, code: str):
    feedback = get_object_or_404(selectors.published(), code=code)
    visitor = visitor_of(request) or secrets.token_hex(16)
    try:
        services.vote(
            feedback,
            kind=request.POST.get("kind", ""),
            visitor=visitor,
            address=request.META.get("REMOTE_ADDR", ""),
        )
    except FeedbackError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Thank you: your opinion was recorded."))
    response = redirect("feedback:published", code=feedback.code)
    response.set_signed_cookie(
        VISITOR_COOKIE, visitor, salt=VISITOR_SALT, max_age=VISITOR_MAX_AGE, httponly=True, samesite="Lax"
    )
    return response


@require_http_methods(["GET", "POST"])
def send(request):
    form = SubmissionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            feedback = services.submit(
                form.submission(), request.user if request.user.is_authenticated else None
            )
        except FeedbackError as error:
            form.add_domain_error(error)
        else:
            request.session[SENT_KEY] = {"code": feedback.code, "secret": feedback.lookup_secret}
            return redirect("feedback:sent")
    return render(request, "feedback/public/send.html", {"form": form}, status=400 if form.errors else 200)


def sent(request):
    """The receipt: the reference code and the lookup secret (kept in the session, never in the URL)."""
    receipt = request.session.get(SENT_KEY)
    if not receipt:
        return redirect("feedback:send")
    feedback = selectors.for_sender(receipt["code"], receipt["secret"])
    if feedback is None:
        raise Http404
    return render(request, "feedback/public/sent.html", {"feedback": feedback, "secret": receipt["secret"]})


@require_http_methods(["GET", "POST"])
def follow(request):
    """The sender follows the feedback with its code and lookup secret (a POST: no secret in URLs)."""
    if request.method == "GET":
        form = FollowForm(initial={"code": request.GET.get("code", "")})
        return render(request, "feedback/public/follow.html", {"form": form})
    form = FollowForm(request.POST)
    feedback = None
    valid = form.is_valid()
    if valid:
        feedback = selectors.for_sender(form.cleaned_data["code"], form.cleaned_data["secret"])
        if feedback is None:
            form.add_error(None, _("No feedback has this code and lookup secret."))
    if feedback is None:
        return render(request, "feedback/public/follow.html", {"form": form}, status=404 if valid else 400)
    return _status_page(request, feedback, form.cleaned_data["secret"])


def _status_page(request, feedback, secret, supplement_form=None, status=200):
    if supplement_form is None and feedback.state == State.INFORMATION_REQUESTED:
        supplement_form = SenderSupplementForm(initial={"code": feedback.code, "secret": secret})
    return render(
        request,
        "feedback/public/status.html",
        {"feedback": feedback, "supplement_form": supplement_form},
        status=status,
    )


@require_POST
def supplement(request):
    secret = request.POST.get("secret", "")
    feedback = selectors.for_sender(request.POST.get("code", ""), secret)
    if feedback is None:
        follow_form = FollowForm(request.POST)
        follow_form.is_valid()
        follow_form.add_error(None, _("No feedback has this code and lookup secret."))
        return render(request, "feedback/public/follow.html", {"form": follow_form}, status=404)
    form = SenderSupplementForm(request.POST, request.FILES)
    if not form.is_valid():
        return _status_page(request, feedback, secret, form, status=400)
    try:
        feedback = services.supplement(
            feedback,
            None,
            text=form.cleaned_data["text"],
            secret=secret,
            attachment=form.cleaned_data["attachment"] or None,
        )
    except FeedbackError as error:
        form.add_error("text" if error.details.get("field") == "text" else None, error.message)
        return _status_page(request, feedback, secret, form, status=400)
    messages.success(request, _("Thank you: the agency received the information."))
    return _status_page(request, feedback, secret)
