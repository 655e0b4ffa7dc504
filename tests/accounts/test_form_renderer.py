"""The forms' renderer writes a select as Django's templates do (but for the blank lines
between options), and leaves a widget with an option template of its own to it."""

from django import forms
from django.forms.renderers import DjangoTemplates

from accounts.form_renderer import FormRenderer


class Choices(forms.Form):
    one = forms.ChoiceField(choices=[("", "— Chọn —"), ("a", "Xã Ka Đô"), ("b", 'Phường "Lâm Viên" <1>')])
    grouped = forms.ChoiceField(
        choices=[("Xã", [("x1", "Xã Lạc Dương"), ("x2", "Xã Đơn Dương")]), ("Phường", [("p1", "Phường Xuân Hương & Đà Lạt")])]
    )
    many = forms.MultipleChoiceField(choices=[(1, "Một"), (2, "Hai"), (3, "Ba")])


class OwnOptions(forms.Select):
    option_template_name = "django/forms/widgets/input_option.html"


def rendered(renderer, **fields) -> dict[str, str]:
    form = Choices(data={"one": "b", "grouped": "x2", "many": ["1", "3"]}, renderer=renderer)
    form.fields["one"].widget.attrs.update({"class": "form-select", "data-note": '<"&>', "hidden": False, "autofocus": True})
    for name, widget in fields.items():
        form.fields[name].widget = widget
    return {name: str(form[name]) for name in form.fields}


def without_blank_lines(html: str) -> str:
    return "\n".join(line for line in html.splitlines() if line.strip())


def test_every_select_reads_as_djangos_templates_write_it():
    ours, django = rendered(FormRenderer()), rendered(DjangoTemplates())
    assert ours == {name: without_blank_lines(html) for name, html in django.items()}
    assert '<option value="b" selected>Phường &quot;Lâm Viên&quot; &lt;1&gt;</option>' in ours["one"]
    assert 'data-note="&lt;&quot;&amp;&gt;"' in ours["one"] and " autofocus" in ours["one"] and "hidden" not in ours["one"]
    assert '<optgroup label="Phường">' in ours["grouped"] and '<option value="x2" selected>' in ours["grouped"]
    assert ours["many"].count(" selected") == 2 and " multiple" in ours["many"]


def test_a_widget_with_its_own_option_template_keeps_it():
    ours = rendered(FormRenderer(), one=OwnOptions(choices=Choices.base_fields["one"].choices))
    assert ours["one"] == rendered(DjangoTemplates(), one=OwnOptions(choices=Choices.base_fields["one"].choices))["one"]
    assert "<input" in ours["one"]
