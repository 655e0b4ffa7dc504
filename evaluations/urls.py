from django.urls import include, path

from . import award_urls, scoring_urls

app_name = "evaluations"

# Council, criteria, scoring and results (scoring_urls) and award proposals, votes and
# medal nominations (award_urls) live in separate modules.
urlpatterns = [
    path("", include(scoring_urls.urlpatterns)),
    path("awards/", include(award_urls.urlpatterns)),
]
