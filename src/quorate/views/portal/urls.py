from django.urls import path

from quorate.views.portal import pages, proceedings
from quorate.views.portal import performance as performance_pages

app_name = "portal"

urlpatterns = [
    path("", pages.home, name="home"),
    path("boards/", pages.body_list, name="bodies"),
    path("boards/<slug:slug>/", pages.body_detail, name="body"),
    path("boards/<slug:slug>/actions/", proceedings.action_tracker, name="tracker"),
    path("boards/<slug:slug>/decisions/", proceedings.decisions_register, name="decisions"),
    path("meetings/", pages.meeting_list, name="meetings"),
    path("meetings/<str:key>/", pages.meeting_detail, name="meeting"),
    path("meetings/<str:key>/items/<int:order>/", pages.item_detail, name="item"),
    path("people/", pages.person_list, name="people"),
    path("people/<slug:slug>/", pages.person_detail, name="person"),
    path("documents/<int:pk>/", pages.document_download, name="document"),
    path("accessibility/", pages.accessibility, name="accessibility"),
    # Performance assurance (issue 5)
    path(
        "boards/<slug:slug>/performance/",
        performance_pages.body_performance,
        name="body_performance",
    ),
    path("indicators/<slug:slug>/", performance_pages.indicator_detail, name="indicator"),
]
