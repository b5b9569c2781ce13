from django.urls import path

from . import dossier, queues, reception

app_name = "office"
urlpatterns = [
    path("", queues.home, name="home"),
    path("queues/<slug:name>/", queues.queue_page, name="queue"),
    path("search/", queues.search, name="search"),
    path("register/", queues.register, name="register"),
    path("reception/", reception.reception, name="reception"),
    path("reception/procedures/", reception.procedure_choices, name="reception-procedures"),
    path("reception/documents/", reception.procedure_documents, name="reception-documents"),
    path("dossiers/<int:pk>/", dossier.dossier_page, name="dossier"),
    path("dossiers/<int:pk>/actions/<slug:action>/", dossier.act, name="act"),
    path("dossiers/<int:pk>/files/<int:file_pk>/", dossier.download, name="file"),
    path("dossiers/<int:pk>/slips/<str:form>/", dossier.slip, name="slip"),
    path("groups/<int:pk>/receipt/", dossier.group_receipt, name="group-receipt"),
]
