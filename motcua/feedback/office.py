"""The staff screens for feedback (in Vietnamese): queues per user and agency, search, and a feedback page
with its timeline and one small form per action the user may take. Each form calls exactly one service
function.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from motcua import clock
from motcua.org.selectors import agencies_where

from . import selectors
from .errors import FeedbackError
from .forms import ACTION_FORMS
from .rights import VIEW


@login_required
def queues(request):
    now = clock.now()
    mine = agencies_where(request.user, VIEW).order_by("path")
    agency = None
    if request.GET.get("agency"):
        agency = mine.filter(code=request.GET["agency"]).first()
    name = request.GET.get("queue") or "new"
    if name not in selectors.QUEUE_NAMES:
        name = "new"
    counts = selectors.queue_counts(request.user, now, agency)
    if name == "new" and not counts["new"] and not request.GET.get("queue"):
        name = next((spec.name for spec in selectors.QUEUES if counts[spec.name]), "new")
    items = selectors.queue(request.user, name, now, agency)
    text = request.GET.get("q", "").strip()
    if text:
        items = selectors.search(selectors.queue(request.user, "all", now, agency), text)
    page = Paginator(items, 30).get_page(request.GET.get("page"))
    return render(
        request,
        "feedback/office/queues.html",
        {
            "queues": [(spec, counts[spec.name]) for spec in selectors.QUEUES],
            "current": name,
            "page": page,
            "agencies": mine,
            "agency": agency,
            "q": text,
            "now": now,
            "overdue_q": selectors.overdue_q(now),
        },
    )


def _visible(request, code: str):
    feedback = selectors.visible_one(request.user, code)
    if feedback is None:
        raise Http404
    return feedback


@login_required
def detail(request, code: str, forms=None, status=200):
    feedback = _visible(request, code)
    allowed = selectors.actions_for(request.user, feedback)
    forms = forms or {}
    action_forms = [forms.get(name) or ACTION_FORMS[name](feedback=feedback) for name in allowed]
    now = clock.now()
    return render(
        request,
        "feedback/office/detail.html",
        {
            "feedback": feedback,
            "events": feedback.events.select_related("agency").order_by("number"),
            "forms": action_forms,
            "overdue": selectors.is_overdue(feedback, now),
            "stages": selectors.stages(feedback),
        },
        status=status,
    )


@login_required
def attachment(request, code: str, pk: int):
    """An attachment, for staff who may view the feedback (never public: it may hold personal data)."""
    feedback = _visible(request, code)
    stored = get_object_or_404(feedback.files, pk=pk)
    return FileResponse(
        stored.file.open("rb"),
        content_type=stored.content_type,
        as_attachment=True,
        filename=stored.original_name,
    )


@login_required
@require_POST
def act(request, code: str, action: str):
    if action not in ACTION_FORMS:
        raise Http404
    feedback = _visible(request, code)
    form = ACTION_FORMS[action](request.POST, request.FILES, feedback=feedback)
    if form.is_valid():
        try:
            form.perform(request.user)
        except FeedbackError as error:
            form.add_domain_error(error)
        else:
            messages.success(request, _("Done: %(action)s.") % {"action": form.title})
            return redirect("feedback:office-detail", code=feedback.code)
    if action not in selectors.actions_for(request.user, feedback):
        messages.error(request, form.non_field_errors().as_text() or _("This action is no longer possible."))
        return redirect("feedback:office-detail", code=feedback.code)
    return detail(request, code, forms={action: form}, status=409 if form.stale else 400)
