"""A staff login in a browser where a citizen was signed in ends the citizen's session part (one person at
the keyboard: a public computer at the desk must not keep a citizen's account open for the officer)."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from .sessions import forget_citizen


@receiver(user_logged_in, dispatch_uid="citizens-staff-login-ends-citizen-session")
def staff_login_ends_the_citizen_session(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        forget_citizen(request)
