from django.urls import path

from .actions import ACTION_VIEWS
from .views import DossierCollection, DossierDetail, DossierEvents

urlpatterns = [
    path("", DossierCollection.as_view(), name="dossier-list"),
    path("<str:code>/", DossierDetail.as_view(), name="dossier-detail"),
    path("<str:code>/events/", DossierEvents.as_view(), name="dossier-events"),
    *(
        path(f"<str:code>/{segment}/", view.as_view(), name=f"dossier-{segment}")
        for segment, view in ACTION_VIEWS.items()
    ),
]
