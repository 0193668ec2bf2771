from django.urls import path

from quorate.views.backoffice import actions, meetings, proceedings

app_name = "office"

urlpatterns = [
    path("", meetings.home, name="home"),
    path("bodies/<slug:slug>/", meetings.body_detail, name="body"),
    path("bodies/<slug:slug>/meetings/new/", meetings.meeting_create, name="meeting_create"),
    path("bodies/<slug:slug>/actions/", actions.tracker, name="tracker"),
    path("bodies/<slug:slug>/actions.xlsx", actions.tracker_export, name="tracker_export"),
    path("bodies/<slug:slug>/actions/import/", actions.tracker_import, name="tracker_import"),
    path("meetings/<int:pk>/", meetings.meeting_detail, name="meeting"),
    path("meetings/<int:pk>/edit/", meetings.meeting_edit, name="meeting_edit"),
    path("meetings/<int:pk>/publish/", meetings.meeting_publish, name="meeting_publish"),
    path("meetings/<int:pk>/notices/", meetings.meeting_notice, name="meeting_notice"),
    path("meetings/<int:pk>/urgency/", meetings.meeting_urgency, name="meeting_urgency"),
    path("meetings/<int:pk>/agenda/", meetings.agenda, name="agenda"),
    path("meetings/<int:pk>/agenda/<int:item_pk>/", meetings.item_edit, name="item_edit"),
    path("meetings/<int:pk>/agenda/<int:item_pk>/move/", meetings.item_move, name="item_move"),
    path("meetings/<int:pk>/attendance/", proceedings.attendance, name="attendance"),
    path(
        "meetings/<int:pk>/attendance/<int:row_pk>/remove/",
        proceedings.attendance_remove,
        name="attendance_remove",
    ),
    path("meetings/<int:pk>/declarations/", proceedings.declarations, name="declarations"),
    path("meetings/<int:pk>/minutes/", proceedings.minutes, name="minutes"),
    path("meetings/<int:pk>/minutes/approve/", proceedings.minutes_approve, name="approve"),
    path(
        "meetings/<int:pk>/minutes/publish-draft/",
        proceedings.minutes_publish_draft,
        name="publish_draft",
    ),
    path("meetings/<int:pk>/decisions/", proceedings.decisions, name="decisions"),
    path("meetings/<int:pk>/actions/", actions.meeting_actions, name="actions"),
    path("minutes/<int:pk>/", proceedings.minute_detail, name="minute"),
    path("minutes/<int:pk>/redraft/", proceedings.minute_redraft, name="minute_redraft"),
    path("minutes/<int:pk>/correct/", proceedings.minute_correct, name="minute_correct"),
    path("minutes/<int:pk>/resolutions/", proceedings.minute_resolution, name="resolution"),
    path("minutes/<int:pk>/actions/", actions.minute_action, name="minute_action"),
    path("actions/mine/", actions.my_actions, name="my_actions"),
    path("actions/<int:pk>/", actions.action_detail, name="action"),
    path("people/", actions.people, name="people"),
    path("people/<slug:slug>/actions/", actions.person_actions, name="person_actions"),
    path("people/<slug:slug>/interests/", actions.interests, name="interests"),
    path("interests/<int:pk>/end/", actions.interest_end, name="interest_end"),
]
