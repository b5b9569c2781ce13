"""The index as text for the command line (JSON is `Index.as_dict()`)."""

from django.utils.translation import gettext as _

from .index import Index


def as_text(result: Index) -> str:
    lines = [
        _("Service index (Decision 766) of %(agency)s (%(code)s), %(first)s to %(last)s")
        % {
            "agency": result.agency.name,
            "code": result.agency.code,
            "first": result.first_day.strftime("%d/%m/%Y"),
            "last": result.last_day.strftime("%d/%m/%Y"),
        },
        "",
    ]
    for score in result.scores:
        indicator = score.indicator
        if not score.computed:
            figures = _("not computed by MotCua")
        elif score.ratio is None:
            figures = _("N/A (nothing to count)")
        else:
            ratio = f"{score.numerator}/{score.denominator} = {score.ratio} %"
            figures = f"{ratio:<20} {score.points}/{indicator.max_points}"
        lines.append(f"{indicator.code:<5} {indicator.name[:60]:<60} {figures}")
    lines += [
        "",
        _("Total: %(total)s of %(achievable)s achievable from MotCua's data (%(maximum)s in all)")
        % {"total": result.total, "achievable": result.achievable, "maximum": result.maximum},
        _("On 100: %(score)s; rating: %(band)s")
        % {
            "score": result.score_100 if result.score_100 is not None else "—",
            "band": result.band.label if result.band else "—",
        },
    ]
    return "\n".join(lines) + "\n"
