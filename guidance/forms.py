from django import forms

from wagtail.admin.forms import WagtailAdminPageForm

from editorial.signals import section_directorate


class FactorChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.number}. {obj.title}"


class GuidancePageForm(WagtailAdminPageForm):
    """Offers factors and themes in the page's own language.

    Links copied from another language by wagtail-localize are shown as their counterparts in
    this language, so saving the form never drops them.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if (
            "directorate" in self.fields
            and self.instance._state.adding
            and not self.instance.directorate_id
            and self.parent_page is not None
        ):
            # A new page starts with the owning directorate of its section.
            self.initial["directorate"] = section_directorate(self.parent_page)
        locale_id = self.instance.locale_id or (self.parent_page and self.parent_page.locale_id)
        if not locale_id:
            return
        for name in ("factors", "themes"):
            field = self.fields.get(name)
            if field is None:
                continue
            model = field.queryset.model
            field.queryset = model.objects.filter(locale_id=locale_id)
            if name == "factors":
                self.fields[name] = FactorChoiceField(
                    queryset=field.queryset.order_by("number"),
                    required=False,
                    label=field.label,
                    help_text=field.help_text,
                    widget=forms.CheckboxSelectMultiple,
                )
            else:
                field.widget = forms.CheckboxSelectMultiple()
                field.widget.choices = field.choices
            if self.instance.pk and not self.is_bound:
                keys = [obj.translation_key for obj in getattr(self.instance, name).all()]
                self.initial[name] = list(
                    model.objects.filter(locale_id=locale_id, translation_key__in=keys).values_list(
                        "pk", flat=True
                    )
                )
