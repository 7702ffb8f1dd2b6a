"""Create the demo administrator once; print the generated password that one time only."""

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create an administrator (VEIVISER_ADMIN_USER / VEIVISER_ADMIN_PASSWORD) if missing."

    def handle(self, *args, **options):
        username = os.environ.get("VEIVISER_ADMIN_USER", "admin")
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(
                f"Administrator «{username}» exists already (its password was printed when it "
                "was created; change it with `manage.py changepassword`)."
            )
            return
        password = os.environ.get("VEIVISER_ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(self.style.SUCCESS("Administrator created. Log in at /admin/ with"))
        self.stdout.write(f"    user name: {username}")
        if "VEIVISER_ADMIN_PASSWORD" in os.environ:
            self.stdout.write("    password:  (from VEIVISER_ADMIN_PASSWORD)")
        else:
            self.stdout.write(f"    password:  {password}    (shown only this once)")
