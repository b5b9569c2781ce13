"""Mounted at the site root by one line in motcua/urls.py: the staff dashboard under /office/reports/."""

from django.urls import path

from . import dashboard

app_name = "reports"
urlpatterns = [
    path("office/reports/", dashboard.dashboard, name="dashboard"),
    path("office/reports/dossiers/", dashboard.dossiers, name="dossiers"),
    path("office/reports/export/", dashboard.download, name="export"),
]
