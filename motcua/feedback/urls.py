"""Mounted at /feedback/ by motcua/urls.py: the public pages; the staff screens under /feedback/office/."""

from django.urls import path

from . import office, public

app_name = "feedback"
urlpatterns = [
    path("", public.published_list, name="published-list"),
    path("send/", public.send, name="send"),
    path("sent/", public.sent, name="sent"),
    path("follow/", public.follow, name="follow"),
    path("follow/supplement/", public.supplement, name="supplement"),
    path("office/", office.queues, name="office-queues"),
    path("office/<str:code>/", office.detail, name="office-detail"),
    path("office/<str:code>/files/<int:pk>/", office.attachment, name="office-file"),
    path("office/<str:code>/<str:action>/", office.act, name="office-act"),
    path("<str:code>/", public.published_item, name="published"),
    path("<str:code>/vote/", public.vote, name="vote"),
]
