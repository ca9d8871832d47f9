from django.urls import path

from .. import converters  # noqa: F401 (registers the row_id converter)
from . import console

app_name = "online_interview_admin"

urlpatterns = [
    path("", console.overview, name="overview"),
    path("<row_id:pk>/console/", console.console, name="console"),
    path("<row_id:pk>/console/state/", console.console_state, name="console_state"),
    path("<row_id:pk>/console/entries/", console.post_entry, name="post_entry"),
    path(
        "<row_id:pk>/console/entries/<row_id:entry_pk>/<str:action>/",
        console.review_entry,
        name="review_entry",
    ),
    path(
        "<row_id:pk>/console/questions/<row_id:question_pk>/<str:action>/",
        console.moderate,
        name="moderate",
    ),
]
