from django.urls import path

from . import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("procedures/", views.procedure_list, name="procedures"),
    path("procedures/<str:code>/", views.procedure_detail, name="procedure"),
    path("track/", views.track_form, name="track-form"),
    path("track/<str:code>/", views.track, name="track"),
    path("minh-bach/<str:code>/", views.transparency_page, name="transparency"),
]
