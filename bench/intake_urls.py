"""URLs of the intake benchmark's server only: MotCua's, and /bench/ping/, a trivial Django JSON view that
goes through the same middleware, server and workers as the API (the floor the API is compared with)."""

from django.http import JsonResponse
from django.urls import path

from motcua.urls import urlpatterns as motcua_urlpatterns


def ping(request):
    return JsonResponse({"ok": True})


urlpatterns = [path("bench/ping/", ping), *motcua_urlpatterns]
