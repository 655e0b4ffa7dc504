"""The forms' renderer: Django's, but a select's options are written in Python.

Django writes each ``<option>`` through two template includes; a list of the province's
170-odd units then costs more than the rest of a filter form together, on every page
that offers one. The markup is the same as Django's templates give (``select.html`` and
``select_option.html``); a widget with an option template of its own keeps it."""

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

SELECT = "django/forms/widgets/select.html"
OPTION = "django/forms/widgets/select_option.html"


class FormRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        widget = context.get("widget") if template_name == SELECT else None
        if widget is None or any(option["template_name"] != OPTION for _n, group, _i in widget["optgroups"] for option in group):
            return super().render(template_name, context, request=request)
        return select_html(widget)


def attributes(attrs: dict) -> str:
    """`` name="value"`` for each attribute, as Django's ``attrs.html``: True stands
    alone, False is left out."""
    return "".join(
        f" {name}" if value is True else f' {name}="{conditional_escape(str(value))}"'
        for name, value in attrs.items()
        if value is not False
    )


def select_html(widget: dict) -> str:
    parts = [f'<select name="{conditional_escape(widget["name"])}"{attributes(widget["attrs"])}>']
    for group_name, group, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        for option in group:
            parts.append(
                f'\n  <option value="{conditional_escape(str(option["value"]))}"{attributes(option["attrs"])}>'
                f"{conditional_escape(option['label'])}</option>"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return mark_safe("".join(parts))  # noqa: S308 - every name, value and label above is escaped
