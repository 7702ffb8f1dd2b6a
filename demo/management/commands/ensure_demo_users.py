"""Create the demo's editor, translator and approver once; print their passwords that one time.

They work in NAV's section «Sitater fra kommunene» (demo/content/editorial.yaml), so a newcomer
can take a new quote from draft to a published nynorsk translation (README, «Walk the
workflow»). The translator has chosen nynorsk for the admin.
"""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from wagtail.users.models import UserProfile

from editorial import roles
from editorial.models import Directorate

DIRECTORATE = "NAV"
# user name, role, first name, last name, admin language
USERS = [
    ("redaktor", roles.EDITOR, "Rina", "Redaktør", "nb"),
    ("oversetter", roles.TRANSLATOR, "Ola", "Omsetjar", "nn"),
    ("godkjenner", roles.APPROVER, "Gina", "Godkjenner", "nb"),
]


class Command(BaseCommand):
    help = "Create the demo users redaktor, oversetter and godkjenner (NAV's section) if missing."

    def handle(self, *args, **options):
        directorate = Directorate.objects.filter(abbreviation=DIRECTORATE).first()
        if directorate is None:
            self.stdout.write("No demo users: load the demo first (manage.py load_initial_data).")
            return
        User = get_user_model()
        created = []
        for username, role, first, last, language in USERS:
            group = Group.objects.filter(
                name__iexact=roles.section_group_name(directorate.name, role)
            ).first()
            if group is None or User.objects.filter(username=username).exists():
                continue
            password = secrets.token_urlsafe(12)
            user = User.objects.create_user(
                username=username,
                email=f"{username}@example.no",
                password=password,
                first_name=first,
                last_name=last,
            )
            user.groups.add(group)
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = language
            profile.save()
            created.append((username, password, group.name))
        if not created:
            self.stdout.write(
                "The demo users exist already (their passwords were printed when they were "
                "created; change them with `manage.py changepassword`)."
            )
            return
        self.stdout.write(self.style.SUCCESS("Demo users created (README, «Walk the workflow»):"))
        for username, password, group in created:
            self.stdout.write(f"    {username:<11} {password}    {group}")
        self.stdout.write("    (passwords shown only this once)")
