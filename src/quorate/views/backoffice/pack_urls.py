from django.urls import path

from quorate.views.backoffice import packs

app_name = "office-packs"

urlpatterns = [
    path("meetings/<str:key>/packs/", packs.meeting_packs, name="meeting"),
    path("meetings/<str:key>/packs/compile/", packs.compile_pack, name="compile"),
    path("meetings/<str:key>/items/<int:item_pk>/papers/", packs.upload_paper, name="upload"),
    path("packs/<int:pk>/status.json", packs.pack_status, name="status"),
]
