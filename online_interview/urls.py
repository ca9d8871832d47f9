from django.urls import path

from . import views

app_name = "online_interview"

urlpatterns = [
    path("<int:pk>/live/", views.live_feed, name="live_feed"),
    path("<int:pk>/questions/", views.ask, name="ask"),
    path("<int:pk>/questions/<int:question_pk>/vote/", views.vote_for, name="vote"),
]
