from django.urls import path

from quorate.views.portal import packs

app_name = "packs"

urlpatterns = [
    path("packs/<int:pk>/", packs.pack_download, name="download"),
    path("meetings/<str:key>/minutes.pdf", packs.minutes_pdf, name="minutes"),
    path("decisions/<int:pk>/notice.pdf", packs.decision_notice_pdf, name="decision_notice"),
]
