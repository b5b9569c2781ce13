"""Forms of the feedback pages: the public form, the sender's follow-up, and one small form per staff action.

Each staff form carries the version of the feedback its page was drawn from (`expected_version`) and calls
exactly one service function; a stale page gets the service's "somebody else changed it" error.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from motcua.org.models import Agency
from motcua.text import nfc

from . import privacy, services
from .errors import FeedbackError
from .lifecycle import Classification
from .models import Feedback


class AgencyChoice(forms.ModelChoiceField):
    def label_from_instance(self, agency: Agency) -> str:
        return "\u2003" * max(agency.depth, 0) + agency.name


def agencies():
    return Agency.objects.filter(is_active=True).order_by("path")


def style(form: forms.Form) -> None:
    """Bootstrap classes, and aria-invalid on fields with errors (set again after validation)."""
    for name, field in form.fields.items():
        widget = field.widget
        if isinstance(widget, forms.HiddenInput):
            continue
        if isinstance(widget, forms.CheckboxInput | forms.RadioSelect):
            widget.attrs.setdefault("class", "form-check-input")
        elif isinstance(widget, forms.Select):
            widget.attrs.setdefault("class", "form-select")
        else:
            widget.attrs.setdefault("class", "form-control")
        if form.is_bound and name in form.errors:
            widget.attrs["aria-invalid"] = "true"


# --- the public -----------------------------------------------------------------------------------------


class SubmissionForm(forms.Form):
    classification = forms.ChoiceField(
        label=_("Your feedback is about"), choices=Classification.choices, widget=forms.RadioSelect
    )
    agency = AgencyChoice(
        label=_("Agency concerned"),
        queryset=agencies(),
        required=False,
        empty_label=_("— choose an agency —"),
        help_text=_("The agency whose regulation or officials your feedback is about."),
    )
    title = forms.CharField(label=pgettext_lazy("feedback", "Subject"), max_length=255)
    content = forms.CharField(
        label=pgettext_lazy("feedback", "Content"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What happened or what the regulation says, and what you propose."),
    )
    sender_name = forms.CharField(label=_("Your full name"), max_length=255)
    sender_email = forms.EmailField(label=pgettext_lazy("feedback", "E-mail"), required=False)
    sender_phone = forms.CharField(label=pgettext_lazy("feedback", "Phone"), max_length=20, required=False)
    sender_address = forms.CharField(
        label=pgettext_lazy("feedback", "Address"), max_length=500, required=False
    )
    dossier_code = forms.CharField(
        label=_("Dossier code"),
        max_length=60,
        required=False,
        help_text=_(
            "Only if your feedback is about a dossier: the code and the lookup secret on your receipt."
        ),
    )
    dossier_secret = forms.CharField(label=_("Dossier lookup secret"), max_length=12, required=False)
    attachment = forms.FileField(
        label=_("Attachment (PDF, JPEG or PNG)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )
    allows_publication = forms.BooleanField(
        label=_("I agree that my feedback and its answer are published, without my name and contact details"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style(self)

    def clean(self):
        data = super().clean()
        if not data.get("sender_email") and not nfc(data.get("sender_phone")):
            self.add_error(
                "sender_email", _("Give an e-mail address or a phone number to receive the answer.")
            )
        if not data.get("agency") and not nfc(data.get("dossier_code")):
            self.add_error("agency", _("Choose the agency the feedback is addressed to."))
        return data

    def submission(self) -> services.Submission:
        data = self.cleaned_data
        return services.Submission(
            classification=data["classification"],
            title=data["title"],
            content=data["content"],
            sender=services.Sender(
                data["sender_name"], data["sender_email"], data["sender_phone"], data["sender_address"]
            ),
            agency=data["agency"],
            allows_publication=data["allows_publication"],
            dossier_code=data["dossier_code"],
            dossier_secret=data["dossier_secret"],
            attachment=data["attachment"] or None,
        )

    def add_domain_error(self, error: FeedbackError) -> None:
        field = {"contact": "sender_email", "text": "content"}.get(error.details.get("field"))
        field = field or error.details.get("field")
        self.add_error(field if field in self.fields else None, error.message)
        style(self)


class FollowForm(forms.Form):
    code = forms.CharField(label=_("Reference code"), max_length=30)
    secret = forms.CharField(label=_("Lookup secret"), max_length=12)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style(self)


class SenderSupplementForm(FollowForm):
    text = forms.CharField(label=_("The information asked for"), widget=forms.Textarea(attrs={"rows": 5}))
    attachment = forms.FileField(
        label=_("Attachment (PDF, JPEG or PNG)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].widget = forms.HiddenInput()
        self.fields["secret"].widget = forms.HiddenInput()


# --- staff actions --------------------------------------------------------------------------------------


class ActionForm(forms.Form):
    name = ""
    title = ""
    submit = ""
    multipart = False
    danger = False

    expected_version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, feedback: Feedback, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("expected_version", feedback.version)
        kwargs.setdefault("auto_id", f"{self.name}_%s")
        super().__init__(*args, **kwargs)
        self.feedback = feedback
        self.stale = False
        style(self)

    @property
    def version(self) -> int:
        return self.cleaned_data["expected_version"]

    def perform(self, actor) -> Feedback:
        raise NotImplementedError

    def add_domain_error(self, error: FeedbackError) -> None:
        field = error.details.get("field")
        self.stale = isinstance(error, services.StaleVersion)
        self.add_error(field if field in self.fields and field != "expected_version" else None, error.message)
        style(self)


class AcceptForm(ActionForm):
    name = "accept"
    title = pgettext_lazy("feedback action", "Accept and route")
    submit = pgettext_lazy("feedback action", "Accept")
    agency = AgencyChoice(label=_("Responsible agency"), queryset=agencies())
    note = forms.CharField(
        label=pgettext_lazy("feedback", "Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, feedback: Feedback, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("agency", feedback.agency_id)
        super().__init__(*args, feedback=feedback, **kwargs)

    def perform(self, actor):
        data = self.cleaned_data
        return services.accept(
            self.feedback, actor, agency=data["agency"], note=data["note"], expected_version=self.version
        )


class RefuseForm(ActionForm):
    name = "refuse"
    title = pgettext_lazy("feedback action", "Refuse")
    submit = pgettext_lazy("feedback action", "Refuse")
    danger = True
    reasons = forms.CharField(
        label=_("Reasons for refusal"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("E.g. a complaint or denunciation, handled under other laws."),
    )

    def perform(self, actor):
        return services.refuse(
            self.feedback, actor, reasons=self.cleaned_data["reasons"], expected_version=self.version
        )


class ForwardForm(ActionForm):
    name = "forward"
    title = pgettext_lazy("feedback action", "Transfer to another agency")
    submit = pgettext_lazy("feedback action", "Transfer")
    to_agency = AgencyChoice(label=_("Agency it belongs to"), queryset=agencies())
    reason = forms.CharField(
        label=pgettext_lazy("feedback", "Reason"), widget=forms.Textarea(attrs={"rows": 2})
    )

    def perform(self, actor):
        data = self.cleaned_data
        return services.forward(
            self.feedback,
            actor,
            to_agency=data["to_agency"],
            reason=data["reason"],
            expected_version=self.version,
        )


class RequestInformationForm(ActionForm):
    name = "request_information"
    title = pgettext_lazy("feedback action", "Ask the sender for more information")
    submit = pgettext_lazy("feedback action", "Ask the sender")
    request = forms.CharField(label=_("What you need"), widget=forms.Textarea(attrs={"rows": 3}))

    def perform(self, actor):
        return services.request_information(
            self.feedback, actor, request=self.cleaned_data["request"], expected_version=self.version
        )


class SupplementForm(ActionForm):
    name = "supplement"
    title = pgettext_lazy("feedback action", "Record the information the sender brought")
    submit = pgettext_lazy("feedback action", "Record the information")
    multipart = True
    text = forms.CharField(label=_("Information received"), widget=forms.Textarea(attrs={"rows": 3}))
    attachment = forms.FileField(label=_("Attachment (PDF, JPEG or PNG)"), required=False)

    def perform(self, actor):
        data = self.cleaned_data
        return services.supplement(
            self.feedback,
            actor,
            text=data["text"],
            attachment=data["attachment"] or None,
            expected_version=self.version,
        )


class DraftAnswerForm(ActionForm):
    name = "draft_answer"
    title = pgettext_lazy("feedback action", "Draft the answer")
    submit = pgettext_lazy("feedback action", "Send the draft for approval")
    text = forms.CharField(label=_("Draft answer"), widget=forms.Textarea(attrs={"rows": 8}))

    def __init__(self, *args, feedback: Feedback, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("text", feedback.answer_draft)
        super().__init__(*args, feedback=feedback, **kwargs)

    def perform(self, actor):
        return services.draft_answer(
            self.feedback, actor, text=self.cleaned_data["text"], expected_version=self.version
        )


class ReturnDraftForm(ActionForm):
    name = "return_draft"
    title = pgettext_lazy("feedback action", "Return the draft")
    submit = pgettext_lazy("feedback action", "Return the draft")
    danger = True
    reason = forms.CharField(label=_("What must change"), widget=forms.Textarea(attrs={"rows": 2}))

    def perform(self, actor):
        return services.return_draft(
            self.feedback, actor, reason=self.cleaned_data["reason"], expected_version=self.version
        )


class AnswerForm(ActionForm):
    name = "answer"
    title = pgettext_lazy("feedback action", "Approve the answer")
    submit = pgettext_lazy("feedback action", "Approve and send the answer")
    text = forms.CharField(
        label=pgettext_lazy("feedback", "Answer"), widget=forms.Textarea(attrs={"rows": 8})
    )

    def __init__(self, *args, feedback: Feedback, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("text", feedback.answer_draft)
        super().__init__(*args, feedback=feedback, **kwargs)

    def perform(self, actor):
        return services.answer(
            self.feedback, actor, text=self.cleaned_data["text"], expected_version=self.version
        )


class PublishForm(ActionForm):
    name = "publish"
    title = pgettext_lazy("feedback action", "Publish")
    submit = pgettext_lazy("feedback action", "Publish the answer")
    title_text = forms.CharField(label=_("Subject shown in public"), max_length=255)
    content = forms.CharField(
        label=_("Content shown in public"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("The sender's name becomes initials; contact details and ID numbers are removed."),
    )

    def __init__(self, *args, feedback: Feedback, **kwargs):
        personal = {
            "name": feedback.sender_name,
            "email": feedback.sender_email,
            "phone": feedback.sender_phone,
            "address": feedback.sender_address,
        }
        initial = kwargs.setdefault("initial", {})
        initial.setdefault("title_text", privacy.redact(feedback.title, **personal))
        initial.setdefault("content", privacy.redact(feedback.content, **personal))
        super().__init__(*args, feedback=feedback, **kwargs)

    def perform(self, actor):
        data = self.cleaned_data
        return services.publish(
            self.feedback,
            actor,
            title=data["title_text"],
            content=data["content"],
            expected_version=self.version,
        )


class CloseForm(ActionForm):
    name = "close"
    title = pgettext_lazy("feedback action", "Close without publishing")
    submit = pgettext_lazy("feedback action", "Close")
    reason = forms.CharField(
        label=pgettext_lazy("feedback", "Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def perform(self, actor):
        return services.close(
            self.feedback, actor, reason=self.cleaned_data["reason"], expected_version=self.version
        )


ACTION_FORMS: dict[str, type[ActionForm]] = {
    form.name: form
    for form in (
        AcceptForm,
        RefuseForm,
        ForwardForm,
        RequestInformationForm,
        SupplementForm,
        DraftAnswerForm,
        ReturnDraftForm,
        AnswerForm,
        PublishForm,
        CloseForm,
    )
}
