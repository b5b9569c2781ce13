from django.urls import path

from . import filing_views, views

app_name = "citizens"
urlpatterns = [
    path("register/", views.register, name="register"),
    path("login/", views.log_in, name="login"),
    path("logout/", views.log_out, name="logout"),
    path("account/", views.account, name="account"),
    path("account/password/", views.change_password, name="change-password"),
    path("account/verify-email/", views.send_email_link, name="send-email-link"),
    path("account/verify-phone/", views.verify_phone, name="verify-phone"),
    path("account/verify-phone/new-code/", views.send_phone_code, name="send-phone-code"),
    path("verify-email/<str:token>/", views.verify_email, name="verify-email"),
    path("password-reset/", views.password_reset, name="password-reset"),
    path("password-reset/code/", views.reset_with_code, name="reset-code"),
    path("password-reset/<str:token>/", views.reset_with_link, name="reset-link"),
    path("vneid/login/", views.vneid_start, name="vneid-login"),
    path("vneid/link/", views.vneid_link, name="vneid-link"),
    path("vneid/callback/", views.vneid_callback, name="vneid-callback"),
    path("dossiers/", views.my_dossiers, name="dossiers"),
    path("documents/", views.my_documents, name="documents"),
    path("documents/<int:pk>/", views.document, name="document"),
    path("dossiers/<str:code>/", filing_views.dossier, name="dossier"),
    path("dossiers/<str:code>/slips/<str:form>/", filing_views.slip, name="dossier-slip"),
    path("file/<str:code>/", filing_views.start, name="file-start"),
    path("drafts/<int:pk>/applicant/", filing_views.applicant, name="draft-applicant"),
    path("drafts/<int:pk>/documents/", filing_views.documents, name="draft-documents"),
    path("drafts/<int:pk>/delivery/", filing_views.delivery, name="draft-delivery"),
    path("drafts/<int:pk>/review/", filing_views.review, name="draft-review"),
    path("drafts/<int:pk>/discard/", filing_views.discard, name="draft-discard"),
    path("drafts/<int:pk>/filed/", filing_views.filed, name="draft-filed"),
]
