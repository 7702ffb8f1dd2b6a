"""The editorial roles, as Wagtail groups and permissions, and the approval workflow.

Every function takes an app registry, so the data migration (historical models) and the
``grant_section`` command (real models) share one definition of what each role may do.

- **Redaktør** (editor): create and edit pages in both written forms of a section, submit them
  for approval. Cannot publish.
- **Oversetter** (translator): translate with wagtail-localize; page permission only on the
  *target* language tree (nynorsk by default) of a section, and without
  ``change_source_pages``, so it changes translations there, never a page written in nynorsk.
- **Godkjenner** (approver): approves other people's changes, translations included, in the
  «Godkjenning» workflow, which publishes them; cannot approve their own change.
- **Administrator**: everything, including publishing without approval and managing users.

Themes and notices (snippets with drafts) are under the same workflow: editors and translators
add and change them but have no ``publish_theme`` / ``publish_notice``; approvers publish them
by approving; administrators publish them directly.
"""

from django.utils.text import capfirst

WORKFLOW_NAME = "Godkjenning"
TASK_NAME = "Godkjenning av en annen enn den som endret"

EDITOR, TRANSLATOR, APPROVER, ADMINISTRATOR = "editor", "translator", "approver", "administrator"

# Site-wide groups, and the suffix of a directorate's own groups («Husbanken – redaktører»).
GROUP_NAMES = {
    EDITOR: "Redaktører",
    TRANSLATOR: "Oversettere",
    APPROVER: "Godkjennere",
    ADMINISTRATOR: "Administratorer",
}
SECTION_ROLES = (EDITOR, TRANSLATOR, APPROVER)

PAGE_PERMISSIONS = {
    EDITOR: ["add", "change"],
    TRANSLATOR: ["change"],
    APPROVER: ["add", "change", "publish", "lock", "unlock"],
    ADMINISTRATOR: ["add", "change", "publish", "bulk_delete", "lock", "unlock"],
}

_MEDIA = ["add", "change", "choose"]
COLLECTION_PERMISSIONS = {
    EDITOR: _MEDIA,
    TRANSLATOR: ["choose"],
    APPROVER: _MEDIA,
    ADMINISTRATOR: _MEDIA + ["delete"],
}

ACCESS_ADMIN = ("wagtailadmin", "admin", "access_admin")
# Page permission «change» covers source pages only with this (see editorial/permissions.py).
CHANGE_SOURCE_PAGES = ("editorial", "editorialpermissions", "change_source_pages")
SUBMIT_TRANSLATION = ("wagtail_localize", "translation", "submit_translation")
CRUD = ("add", "change", "delete", "view")
# Snippets with drafts, under the «Godkjenning» workflow (WorkflowContentType).
WORKFLOW_SNIPPETS = (("guidance", "theme"), ("website", "notice"))


def _model_perms(app_label, model, actions):
    return [(app_label, model, f"{action}_{model}") for action in actions]


MODEL_PERMISSIONS = {
    EDITOR: [ACCESS_ADMIN, CHANGE_SOURCE_PAGES]
    + _model_perms("guidance", "theme", ["add", "change", "view"])
    + _model_perms("guidance", "municipality", ["add", "change", "view"])
    + _model_perms("editorial", "directorate", ["view"]),
    TRANSLATOR: [ACCESS_ADMIN, SUBMIT_TRANSLATION]
    + _model_perms("guidance", "theme", ["change", "view"])
    + _model_perms("website", "notice", ["change", "view"]),
    APPROVER: [ACCESS_ADMIN, SUBMIT_TRANSLATION, CHANGE_SOURCE_PAGES]
    + _model_perms("guidance", "theme", ["add", "change", "view"])
    + _model_perms("guidance", "municipality", ["add", "change", "view"])
    + _model_perms("editorial", "directorate", ["view"])
    + _model_perms("website", "notice", ["add", "change", "view"])
    + _model_perms("guidance", "theme", ["lock", "unlock"])
    + _model_perms("website", "notice", ["lock", "unlock"]),
    ADMINISTRATOR: [
        ACCESS_ADMIN,
        SUBMIT_TRANSLATION,
        CHANGE_SOURCE_PAGES,
        ("editorial", "editorialpermissions", "publish_without_approval"),
        ("website", "sitesettings", "change_sitesettings"),
    ]
    + _model_perms("guidance", "theme", CRUD)
    + _model_perms("guidance", "municipality", CRUD)
    + _model_perms("editorial", "directorate", CRUD)
    + _model_perms("website", "notice", CRUD)
    + _model_perms("guidance", "theme", ["publish", "lock", "unlock"])
    + _model_perms("website", "notice", ["publish", "lock", "unlock"])
    + _model_perms("auth", "user", CRUD)
    + _model_perms("auth", "group", CRUD)
    + _model_perms("wagtailcore", "site", CRUD)
    + _model_perms("wagtailcore", "workflow", ["add", "change", "delete"])
    + _model_perms("wagtailcore", "task", ["add", "change", "delete"])
    + _model_perms("wagtailredirects", "redirect", CRUD)
    + _model_perms("wagtailcore", "locale", ["add", "change", "delete"]),
}


def _permission(apps, app_label, model, codename):
    """The permission, created if post_migrate has not run yet for its app."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission = Permission.objects.filter(content_type=content_type, codename=codename).first()
    if permission is None:
        try:
            declared = dict(apps.get_model(app_label, model)._meta.permissions)
        except LookupError:
            declared = {}
        action = codename.split("_", 1)[0]
        name = declared.get(codename, f"Can {action} {model}")
        permission = Permission.objects.create(
            content_type=content_type, codename=codename, name=name
        )
    return permission


def _page_permission(apps, action):
    return _permission(apps, "wagtailcore", "page", f"{action}_page")


def give_role(apps, group, role):
    """Give ``group`` the non-page permissions of ``role`` (admin access, snippets, media)."""
    for app_label, model, codename in MODEL_PERMISSIONS[role]:
        group.permissions.add(_permission(apps, app_label, model, codename))
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is None:
        return
    for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
        for action in COLLECTION_PERMISSIONS[role]:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=_permission(apps, app_label, model, f"{action}_{model}"),
            )


def give_pages(apps, group, role, pages):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for page in pages:
        for action in PAGE_PERMISSIONS[role]:
            GroupPagePermission.objects.get_or_create(
                group=group, page_id=page.pk, permission=_page_permission(apps, action)
            )


def approval_tasks(apps):
    return apps.get_model("editorial", "FourEyesApprovalTask").objects.filter(active=True)


def ensure_roles(apps, default_language="nb"):
    """Create (or complete) the site-wide groups and the «Godkjenning» workflow. Idempotent."""
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    groups = {}
    for role, name in GROUP_NAMES.items():
        groups[role], _ = Group.objects.get_or_create(name=name)
        give_role(apps, groups[role], role)

    root = Page.objects.filter(depth=1).first()
    if root is not None:
        for role in (EDITOR, APPROVER, ADMINISTRATOR):
            give_pages(apps, groups[role], role, [root])
        # Site-wide translators work in every tree but the default language's.
        targets = Page.objects.filter(depth=2).exclude(locale__language_code=default_language)
        give_pages(apps, groups[TRANSLATOR], TRANSLATOR, targets)
        _ensure_workflow(apps, root, [groups[APPROVER], groups[ADMINISTRATOR]])
    return groups


def _ensure_workflow(apps, root, approver_groups):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    FourEyesApprovalTask = apps.get_model("editorial", "FourEyesApprovalTask")

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    task = FourEyesApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        content_type, _ = ContentType.objects.get_or_create(
            app_label="editorial", model="foureyesapprovaltask"
        )
        task = FourEyesApprovalTask.objects.create(
            name=TASK_NAME, active=True, content_type=content_type
        )
    task.groups.add(*approver_groups)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    # On the root, the workflow covers the home page of every language and all below.
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    ensure_snippet_workflow(apps, workflow)


def ensure_snippet_workflow(apps, workflow=None):
    """Put themes and notices under «Godkjenning» (once it exists). Idempotent."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    workflow = workflow or Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        return
    for app_label, model in WORKFLOW_SNIPPETS:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        WorkflowContentType.objects.get_or_create(
            content_type=content_type, defaults={"workflow": workflow}
        )


def section_group_name(directorate_name, role):
    return f"{directorate_name} – {GROUP_NAMES[role].lower()}"


def grant_section(apps, directorate, page, target_language="nn"):
    """Give ``directorate`` its own editors, translators and approvers for ``page`` and below.

    Editors and approvers get the section in every language (a page may be written in either
    form); translators only its translation in ``target_language``. Returns the groups by role.
    """
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    in_all_languages = list(Page.objects.filter(translation_key=page.translation_key))
    target = [p for p in in_all_languages if p.locale.language_code == target_language]
    groups = {}
    for role in SECTION_ROLES:
        groups[role], _ = Group.objects.get_or_create(
            name=capfirst(section_group_name(directorate.name, role))
        )
        give_role(apps, groups[role], role)
    give_pages(apps, groups[EDITOR], EDITOR, in_all_languages)
    give_pages(apps, groups[APPROVER], APPROVER, in_all_languages)
    give_pages(apps, groups[TRANSLATOR], TRANSLATOR, target)
    for task in approval_tasks(apps):
        task.groups.add(groups[APPROVER])
    return groups
