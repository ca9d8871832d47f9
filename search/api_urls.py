"""The JSON API, mounted at /api/search/ by the project."""

from django.urls import path

from .views import search_api, suggest_api

app_name = "search_api"
urlpatterns = [path("", search_api, name="search"), path("suggest/", suggest_api, name="suggest")]
