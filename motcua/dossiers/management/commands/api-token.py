"""`motcua api-token create USERNAME` and `motcua api-token revoke USERNAME`: the token another system sends
to the REST API (`Authorization: Token <key>`).

The system is a user account (a service account) whose memberships (agency, role) decide what it may see and
do, by the same rule as for people (org.selectors.can). `create` makes a new token, replacing any previous one
(rotation); `--new-account` first creates the account, without a password (it cannot log in to the web).
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework.authtoken.models import Token


class Command(BaseCommand):
    help = gettext_lazy("Create (or rotate) or revoke the REST API token of a service account.")

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help=_("Create a token, replacing the account's previous one."))
        create.add_argument("username")
        create.add_argument(
            "--new-account",
            action="store_true",
            help=_("Create the account first (no password: it cannot log in to the web)."),
        )
        actions.add_parser("revoke", help=_("Delete the account's token.")).add_argument("username")

    def handle(self, *args, action, username, new_account=False, **options):
        users = get_user_model()
        user = users.objects.filter(**{users.USERNAME_FIELD: username}).first()
        if action == "create":
            if user is None and new_account:
                user = users(**{users.USERNAME_FIELD: username})
                user.set_unusable_password()
                user.save()
                self.stderr.write(
                    _("Account %(username)s created: give it memberships (agency, role) in the admin.")
                    % {"username": username}
                )
            if user is None:
                raise CommandError(
                    _("There is no account %(username)s (add --new-account to create it).")
                    % {"username": username}
                )
            if not user.is_active:
                raise CommandError(_("The account %(username)s is inactive.") % {"username": username})
            with transaction.atomic():
                Token.objects.filter(user=user).delete()
                token = Token.objects.create(user=user)
            self.stdout.write(token.key)
            if not user.memberships.filter(is_active=True).exists():
                self.stderr.write(
                    _("Warning: %(username)s holds no role in any agency, so it can see and do nothing yet.")
                    % {"username": username}
                )
            return
        if user is None:
            raise CommandError(_("There is no account %(username)s.") % {"username": username})
        deleted, _rows = Token.objects.filter(user=user).delete()
        if deleted:
            self.stdout.write(_("The token of %(username)s is revoked.") % {"username": username})
        else:
            self.stdout.write(_("%(username)s had no token.") % {"username": username})
