"""The public showcase (no login): recognised models the district chose to publish.
An exemplar is a living person: the public sees the name, position and unit only."""

from django.views.generic import DetailView, ListView

from accounts.text import clean_typed_text

from .models import Field
from .selectors import published_models, search_showcase


class ShowcaseIndexView(ListView):
    template_name = "showcase/index.html"
    context_object_name = "entries"
    paginate_by = 12

    def get_queryset(self):
        # The address bar is typed text too (a NUL would reach PostgreSQL and fail).
        self.text = clean_typed_text(self.request.GET.get("q", ""), multiline=False).strip()[:200]
        field = self.request.GET.get("field", "")
        self.field = field if field in Field.values else ""
        return search_showcase(text=self.text, field=self.field)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(text=self.text, field=self.field, fields=Field.choices)
        return context


class ShowcaseDetailView(DetailView):
    template_name = "showcase/detail.html"
    context_object_name = "entry"

    def get_queryset(self):
        return published_models()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["replications"] = published_models().filter(replicates=self.object)
        replicated = self.object.replicates_id
        context["replicated"] = published_models().filter(pk=replicated).first() if replicated else None
        return context
