"""Themes and notices go live through «Godkjenning», like pages.

Their models now have drafts, revisions and workflows (guidance 0003, website 0005); existing
rows stay live. Here the workflow is assigned to both models, and the new permissions given:
Administrators publish (and lock and unlock) them directly; Approvers lock and unlock, and
publish only by approving. Editors and Translators keep add/change and get no publish.
"""

from django.db import migrations

from editorial import roles

NEW_PERMISSIONS = {
    roles.APPROVER: ["lock", "unlock"],
    roles.ADMINISTRATOR: ["publish", "lock", "unlock"],
}


def assign_workflow_and_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    roles.ensure_snippet_workflow(apps)
    for role, actions in NEW_PERMISSIONS.items():
        permissions = [
            roles._permission(apps, app_label, model, f"{action}_{model}")
            for app_label, model in roles.WORKFLOW_SNIPPETS
            for action in actions
        ]
        # The site-wide group, and the directorates' groups of that role («NAV – godkjennere»).
        name = roles.GROUP_NAMES[role]
        for group in Group.objects.filter(name=name) | Group.objects.filter(
            name__iendswith=f" – {name}"
        ):
            group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0004_change_source_pages"),
        ("guidance", "0003_draft_state_and_workflow"),
        ("website", "0005_draft_state_and_workflow"),
        ("wagtailcore", "0083_workflowcontenttype"),
    ]

    operations = [migrations.RunPython(assign_workflow_and_permissions, migrations.RunPython.noop)]
