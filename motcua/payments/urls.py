from django.urls import path

from . import views, views_sandbox

app_name = "payments"
urlpatterns = [
    path("start/", views.start, name="start"),
    path("return/<str:order_id>/", views.payment_return, name="return"),
    path("callback/<str:gateway>/", views.callback, name="callback"),
    path("receipt/<str:order_id>/", views.receipt, name="receipt"),
    path("sandbox/pay/", views_sandbox.pay, name="sandbox-pay"),
]
