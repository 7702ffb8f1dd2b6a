"""Strings of Wagtail's admin that its own bokmål catalogue leaves in English (``__init__``)."""

from django.utils.translation import gettext_noop as _
from django.utils.translation import ngettext_lazy

WAGTAIL_STRINGS = [
    _("Keyboard shortcuts are currently disabled; manage your %(account_link)s to enable them."),
    _("Keyboard shortcuts are currently enabled; manage your %(account_link)s to disable them."),
    _("Application"),
    _("Show keyboard shortcuts"),
    _("Strike-through"),
    _("Wagtail upgrade available"),
    _("Toggle minimap"),
    _("Keyboard shortcuts"),
    _("%(related_model_name)s %(field_label)s"),
    _("Save changes"),
    _("account"),
    _("%(field_label)s:"),
    _("Section"),
    _("Insert or edit a link"),
    _("Search all pages…"),
    _("%(range_start)s - %(range_end)s"),
    _("Paste without formatting"),
    _("Wagtail %(current_version)s editor guide"),
    _("Close modal dialogs (like this one)"),
    _("%(status_display)s %(task_name)s %(started_at)s"),
    _("Cut"),
    _("Text editing"),
    _("Edit account avatar"),
    _("All keyboard shortcuts"),
    _("Paste"),
    _("Keyboard shortcut"),
    _("Monospace (code)"),
    _("Close dialog"),
    _("Toggle section"),
    _("Toggle sidebar"),
    _("Add or show comments"),
    _("Text formatting"),
    _("Minimap"),
    _("Empty frame title found"),
    _(
        "We use a readability formula based on length of words and sentences. Long "
        "sentences and words result in a worse readability score."
    ),
    _("Issues found"),
    _("Visible to all"),
    _(
        "We calculate reading time from word count, using different reading speeds "
        "for different languages."
    ),
    _("Show issue"),
    _("Image alt text has inappropriate pattern"),
    _("Incorrect heading hierarchy"),
    _("Actions (footer)"),
    _("This data explained"),
    _("Save schedule"),
    _("Use a meaningful title for screen reader users"),
    _("%(locales_count)s locales"),
    _("Preview in desktop size"),
    _("View latest version"),
    _("Content metrics"),
    _("Available in %(translations_total)s locales"),
    _("Use proper heading tags"),
    _("A network error occurred"),
    _("Link text is empty"),
    _("Choose who can view the live version of this page"),
    _("Side panel width"),
    _("Input button text is empty"),
    _("Add a concise description for search engines"),
    _("Toggle preview"),
    _("comments"),
    _("Add comment"),
    _("Correct the validation errors to resume preview (saving will highlight errors)"),
    _("Translate %(model_name)s"),
    _("Loading"),
    _("Reading time"),
    _("Preview in mobile size"),
    _(
        "Troubleshoot your connection to the site before proceeding. Open the editor "
        "in a separate tab to view the last saved version."
    ),
    _("Choose when this page should go live and/or expire"),
    _("Comment notifications"),
    _("Table header text is empty"),
    _("The descriptive text displayed underneath a headline in search engine results."),
    _("Use meaningful text for screen reader users"),
    _("Empty heading found"),
    _("Toggle breadcrumbs"),
    _("Anyone can edit this %(model_name)s"),
    _("No publishing schedule set"),
    _("Once live anyone can view"),
    _(
        "This publishing schedule will only take effect after you select the "
        '"Schedule to publish" option'
    ),
    _("Private. Visit the live page"),
    _("Sort menu order"),
    _("Toggle status"),
    _("The name of the page displayed on search engine results as the clickable headline."),
    ngettext_lazy(
        "%(num_parent_objects)d page",
        "%(num_parent_objects)d pages",
    ),
    _("Preview in new tab"),
    _("Misusing paragraphs as headings"),
    _("Visible to all. Visit the live page"),
    _("View history"),
    _("Set publishing schedule"),
    _("Autosave is paused"),
    _("Readability"),
    _("Avoid skipping levels"),
    _("Saved"),
    _("Choose when this %(model_name)s should go live and/or expire"),
    _("Set schedule"),
    _("Meta description is empty"),
    _("any"),
    _("Not visible to the public"),
    _("Anyone can edit this %(model_name)s – lock it to prevent others from editing"),
    _("Switch locales"),
    _("Toggle side panel"),
    _("First published"),
    _("Button text is empty"),
    _("Preview is out of date"),
    _("Toggle comments"),
    _("Toggle checks"),
    _("Use meaningful text"),
    _("Checks"),
    _("Side panels"),
    _(
        "We extract the main content from the page preview, remove all formatting, "
        "and calculate the number of words."
    ),
    _("How we calculate our metrics"),
    _("Preview in tablet size"),
    ngettext_lazy(
        "%(num_pages)d page",
        "%(num_pages)d pages",
    ),
    _("Select"),
    _("Unpublish selected pages"),
    _("Move selected pages"),
    _("Any"),
    _("Filter by"),
    _("Back"),
    _("Publish selected pages"),
    _("Edited by"),
    _("Has child pages"),
    _("Page type"),
    _("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s"),
    _("Date updated"),
    _("Show filters"),
    _("Locale"),
    _("Delete selected pages"),
    _("Search…"),
    _("Create"),
    _("Is commenting action"),
    _("system"),
    _("Published"),
    _("Locked by"),
    _("Anyone"),
    _("Locked pages"),
    _("Aging pages"),
    _("Last published"),
    _("Last published by"),
    _("Last published before"),
    _("Copy for translation"),
    _("Convert alias into ordinary page"),
    _("Created an alias of %(title)s"),
    _("Create alias"),
    _("Site history"),
    _("Date / Time"),
    _("Convert alias %(title)s"),
    _("Rename"),
    _("Converted the alias '%(title)s' into an ordinary page"),
    _("Requested by"),
    _("Workflows"),
    _("In progress"),
    _("Cancelled"),
    _("Show"),
    _("Workflow"),
    _("Started at"),
    _("No pages/snippets have been submitted for moderation yet"),
    _("By task"),
    _("Needs changes"),
    _("Approved"),
    _("Awaiting my review"),
    _("By workflow"),
    _("Rejected"),
    _("Skipped"),
    _("Workflow tasks"),
    _("Completed at"),
    _("Show disabled"),
    _("Used by"),
    _("Step %(step_number)s"),
    _("Add a workflow"),
    _("%(time)s by %(user_display_name)s"),
    _("Sort by '%(label)s' in descending order."),
    _("To be created by %(user)s"),
    _("No other translations"),
    _("Sort by '%(label)s' in ascending order."),
    _("Name and Email"),
    _("Save your changes before leaving"),
    _("Use server language: %(language_name)s"),
    _("Theme preferences"),
    _("Profile"),
    _("Profile picture"),
    _("More contrast"),
    _("Enable custom keyboard shortcuts specific to Wagtail."),
    _("Snug"),
    _("Use server time zone"),
    _("Notifications"),
    _("Grid layout"),
    _("Maximum"),
    _("Usage count: (high to low)"),
    _("Minimum"),
    _("Usage count"),
    _("Usage count: (low to high)"),
    _("List layout"),
    _("Last login"),
    _("Add a locale"),
    _("New workflow task"),
    _("Not used"),
    _("Group approval task"),
    _("Used on"),
    _("Go to the first error"),
    _("But only those with publishing permissions can make them effective."),
    _("Anyone with editing permissions can create schedules"),
    _("This %(model_name)s is currently awaiting moderation."),
    _("Request changes"),
    _("Approve with comment"),
    _("in moderation"),
    _("live + in moderation"),
    _("Awaiting"),
    _('The page "%(title)s" has been submitted for approval in moderation stage "%(task)s".'),
    _(
        'The %(model_name)s "%(title)s" has been submitted for approval in '
        'moderation stage "%(task)s".'
    ),
    _('The page "%(title)s" has been submitted for approval to moderation stage "%(task)s".'),
    _(
        'The %(model_name)s "%(title)s" has been submitted for approval to '
        'moderation stage "%(task)s".'
    ),
    _('The page "%(title)s" has been submitted for approval in moderation stage "%(task)s"'),
    _(
        'The %(model_name)s "%(title)s" has been submitted for approval in '
        'moderation stage "%(task)s"'
    ),
    _('The page "%(title)s" has been approved in workflow "%(workflow)s".'),
    _('The %(model_name)s "%(title)s" has been approved in workflow "%(workflow)s".'),
    _(
        'The page "%(title)s" has been rejected during "%(task)s" in workflow '
        '"%(workflow)s" by %(rejector)s.'
    ),
    _('The page "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s".'),
    _(
        'The %(model_name)s "%(title)s" has been rejected during "%(task)s" in '
        'workflow "%(workflow)s" by %(rejector)s.'
    ),
    _(
        'The %(model_name)s "%(title)s" has been rejected during "%(task)s" in '
        'workflow "%(workflow)s".'
    ),
    _(
        'The page "%(title)s" has been submitted for moderation to workflow '
        '"%(workflow)s" by %(requester)s.'
    ),
    _('The page "%(title)s" has been submitted for moderation to workflow "%(workflow)s".'),
    _(
        'The %(model_name)s "%(title)s" has been submitted for moderation to '
        'workflow "%(workflow)s" by %(requester)s.'
    ),
    _(
        'The %(model_name)s "%(title)s" has been submitted for moderation to '
        'workflow "%(workflow)s".'
    ),
    _("In Moderation"),
    _("This page hasn't been submitted for moderation yet"),
    _("This %(model_name)s hasn't been submitted for moderation yet"),
    _("%(model_name)s '%(object)s' has been submitted for moderation."),
    _("%(model_name)s '%(object)s' created and submitted for moderation."),
    _("The %(model_name)s '%(title)s' is not currently awaiting moderation."),
    _(
        "The %(model_name)s '%(title)s' is not currently awaiting moderation in task "
        "'%(task_name)s'."
    ),
    _("The page '%(page_title)s' is not currently awaiting moderation in task '%(task_name)s'."),
    ngettext_lazy(
        "This workflow is in progress on %(states_in_progress)d page/snippet. "
        "Disabling this workflow will cancel moderation on this page/snippet.",
        "This workflow is in progress on %(states_in_progress)d pages/snippets. "
        "Disabling this workflow will cancel moderation on these pages/snippets.",
    ),
    _("What's new in Wagtail %(version)s"),
    _("Editor Guide"),
    _("Help"),
    _("Exploring"),
    _("Privacy and access"),
    # Wagtail's bokmål has «Tiittel» here.
    _("The page title as you'd like it to be seen by the public"),
    # The dashboard's site summary.
    ngettext_lazy(
        '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>',
    ),
    ngettext_lazy(
        '%(total)s Image <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Images <span class="w-sr-only">created in %(site_name)s</span>',
    ),
    ngettext_lazy(
        '%(total)s Document <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Documents <span class="w-sr-only">created in %(site_name)s</span>',
    ),
]
