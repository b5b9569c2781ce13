"""Mounted at the site root by one line in motcua/urls.py: the staff pages under /office/service-index/."""

from django.urls import path

from . import views

app_name = "serviceindex"
urlpatterns = [
    path("office/service-index/", views.page, name="page"),
    path("office/service-index/<str:code>/lost/", views.lost, name="lost"),
]
