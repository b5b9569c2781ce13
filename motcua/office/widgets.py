"""Bootstrap classes and accessible error hints on Django form widgets, so templates stay plain."""

from django import forms


def style(form: forms.Form) -> forms.Form:
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.HiddenInput):
            continue
        if isinstance(widget, forms.CheckboxInput | forms.RadioSelect | forms.CheckboxSelectMultiple):
            css = "form-check-input"
        elif isinstance(widget, forms.Select):
            css = "form-select"
        else:
            css = "form-control"
        if isinstance(widget, forms.Textarea):
            widget.attrs.setdefault("rows", 2)
        widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()
    return form


def mark_invalid(form: forms.Form) -> forms.Form:
    """After validation (and domain errors): flag the widgets of fields with errors."""
    for name in form.errors:
        if name in form.fields:
            widget = form.fields[name].widget
            widget.attrs["aria-invalid"] = "true"
            if "is-invalid" not in widget.attrs.get("class", ""):
                widget.attrs["class"] = f"{widget.attrs.get('class', '')} is-invalid".strip()
    return form
