"""Mounted at the site root by one line in motcua/urls.py: public pages under /rate/, staff pages (the kiosk
and the leaders' summary) under /office/ratings/."""

from django.urls import path

from . import views

app_name = "ratings"
urlpatterns = [
    path("rate/", views.entry, name="entry"),
    path("rate/thanks/", views.thanks, name="thanks"),
    path("rate/<str:code>/", views.rate, name="rate"),
    path("office/ratings/", views.summary, name="summary"),
    path("office/ratings/kiosk/", views.kiosk, name="kiosk"),
    path("office/ratings/kiosk/thanks/", views.kiosk_thanks, name="kiosk-thanks"),
    path("office/ratings/kiosk/<str:code>/", views.kiosk_rate, name="kiosk-rate"),
]
