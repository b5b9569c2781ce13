"""The staff login (Django's LoginView at /accounts/login/, the admin, HTTP basic auth if ever used) goes
through this backend: Django's ModelBackend, except that a citizen's account never authenticates there."""

from django.contrib.auth.backends import ModelBackend


class StaffBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is not None and is_citizen(user):
            return None
        return user


def is_citizen(user) -> bool:
    from .models import Citizen

    return Citizen.objects.filter(user_id=user.pk).exists()
