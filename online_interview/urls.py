from django.urls import path

from . import (
    converters,  # noqa: F401 (registers the row_id converter)
    views,
)

app_name = "online_interview"

urlpatterns = [
    path("<row_id:pk>/live/", views.live_feed, name="live_feed"),
    path("<row_id:pk>/questions/", views.ask, name="ask"),
    path("<row_id:pk>/questions/<row_id:question_pk>/vote/", views.vote_for, name="vote"),
]
