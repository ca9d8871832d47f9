from django.urls import path

from . import console

app_name = "online_interview_admin"

urlpatterns = [
    path("", console.overview, name="overview"),
    path("<int:pk>/console/", console.console, name="console"),
    path("<int:pk>/console/state/", console.console_state, name="console_state"),
    path("<int:pk>/console/entries/", console.post_entry, name="post_entry"),
    path(
        "<int:pk>/console/entries/<int:entry_pk>/<str:action>/",
        console.review_entry,
        name="review_entry",
    ),
    path(
        "<int:pk>/console/questions/<int:question_pk>/<str:action>/",
        console.moderate,
        name="moderate",
    ),
]
