"""Back-office forms for the meeting cycle. They validate and hand clean data to the
services; they never save by themselves. ``GovukForm`` adds the GOV.UK Design System
classes and the error wiring (``aria-describedby``) the templates need."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils import timezone

from quorate.core.fuzzy_dates import parse_written_date
from quorate.core.ids import parse_id
from quorate.core.urgency import REQUIREMENTS, UrgencyRoute
from quorate.governance.models import AgendaItem, Meeting
from quorate.people.enums import InterestCategory
from quorate.people.models import Interest, Person
from quorate.proceedings.enums import (
    AttendanceMode,
    AttendanceStatus,
    CallInStatus,
    DeclarationAction,
    DeclarationKind,
)
from quorate.proceedings.models import ActionStatus, Minute, NoticeKind, Resolution

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y"]
_CLASSES = {
    "textarea": "govuk-textarea",
    "select": "govuk-select",
    "selectmultiple": "govuk-select",
    "checkbox": "govuk-checkboxes__input",
    "clearablefile": "govuk-file-upload",
    "file": "govuk-file-upload",
}


def date_field(label: str, *, required: bool = True, help_text: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=help_text or "For example, 2018-03-08 (or 08/03/2018)",
    )


class GovukForm(forms.Form):
    """A form whose fields render in the GOV.UK idiom (see backoffice/_field.html)."""

    def limit_choices(self, name: str, queryset: QuerySet[Any]) -> None:
        """Offer only ``queryset`` in the model choice field ``name``."""
        field = self.fields[name]
        if not isinstance(field, forms.ModelChoiceField):
            raise TypeError(f"{type(self).__name__}.{name} is not a model choice field")
        field.queryset = queryset

    def govuk_fields(self) -> Iterator[forms.BoundField]:
        for bound in self:
            widget = bound.field.widget
            kind = bound.widget_type
            css = _CLASSES.get(kind, "govuk-input")
            if bound.errors:
                css += {
                    "govuk-textarea": " govuk-textarea--error",
                    "govuk-select": " govuk-select--error",
                    "govuk-input": " govuk-input--error",
                    "govuk-file-upload": " govuk-file-upload--error",
                }.get(css, "")
            widget.attrs["class"] = css
            described = []
            if bound.help_text:
                described.append(f"{bound.auto_id}-hint")
            if bound.errors:
                described.append(f"{bound.auto_id}-error")
            if described:
                widget.attrs["aria-describedby"] = " ".join(described)
            else:
                widget.attrs.pop("aria-describedby", None)
            yield bound


class GovukModelChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return getattr(obj, "display_name", None) or str(obj)


def _people() -> forms.ModelChoiceField:
    return GovukModelChoiceField(
        queryset=Person.objects.select_related("organisation").order_by("family_name"),
        label="Person",
    )


# --- meetings and agendas -----------------------------------------------------------------


class MeetingForm(GovukForm):
    date = date_field("Date of meeting")
    title = forms.CharField(
        required=False, max_length=200, help_text="Only if it differs from the board's name"
    )
    start_time = forms.TimeField(
        required=False, widget=forms.TimeInput(attrs={"type": "time"}), help_text="e.g. 09:30"
    )
    end_time = forms.TimeField(required=False, widget=forms.TimeInput(attrs={"type": "time"}))
    venue = forms.CharField(required=False, max_length=300)
    is_public = forms.BooleanField(
        required=False, initial=True, label="Open to the public (untick for a private meeting)"
    )
    notes = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    apologies_contact = forms.CharField(
        required=False, max_length=300, label="Apologies to (as printed)"
    )

    def __init__(self, *args: Any, status_choices: list[tuple[str, str]] | None = None, **kw: Any):
        super().__init__(*args, **kw)
        if status_choices:
            self.fields["status"] = forms.ChoiceField(choices=status_choices)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", "The end time must be after the start time")
        return data


class AgendaItemForm(GovukForm):
    number = forms.CharField(max_length=30, help_text="As printed: 4, 17, II")
    title = forms.CharField(max_length=500)
    description = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    lead_person = GovukModelChoiceField(
        queryset=Person.objects.order_by("family_name"), required=False, label="Lead"
    )
    lead_text = forms.CharField(
        required=False, max_length=200, label="Lead as printed, if not a person (e.g. Chair)"
    )
    for_discussion = forms.BooleanField(required=False, label="For discussion")
    for_decision = forms.BooleanField(required=False, label="For decision")
    for_information = forms.BooleanField(required=False, label="For information")
    attachment = forms.ChoiceField(
        choices=[("none", "None"), ("attached", "Attached"), ("to_follow", "To follow")]
    )
    exempt_paragraph = forms.TypedChoiceField(
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "Not exempt")] + [(n, f"Paragraph {n}") for n in range(1, 8)],
        label="Exempt (Schedule 12A)",
    )
    is_urgent = forms.BooleanField(
        required=False, label="Urgent item (not on the published agenda)"
    )
    urgency_reason = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 2}), label="Reason for urgency"
    )

    def __init__(self, *args: Any, meeting: Meeting, item: AgendaItem | None = None, **kw: Any):
        super().__init__(*args, **kw)
        self.meeting, self.item = meeting, item

    def clean_number(self) -> str:
        number = self.cleaned_data["number"].strip()
        clash = AgendaItem.objects.filter(meeting=self.meeting, number=number)
        if self.item is not None:
            clash = clash.exclude(pk=self.item.pk)
        if clash.exists():
            raise ValidationError(f"Item {number} is already on this agenda")
        return number

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("is_urgent") and not (data.get("urgency_reason") or "").strip():
            self.add_error("urgency_reason", "Give the reason the item is urgent")
        return data


class NoticeForm(GovukForm):
    kind = forms.ChoiceField(choices=NoticeKind.choices, label="Notice")
    published_on = date_field("Published on")
    reference = forms.CharField(required=False, max_length=100)


class UrgencyForm(GovukForm):
    route = forms.ChoiceField(
        choices=[(r.value, REQUIREMENTS[r].title) for r in UrgencyRoute], label="Route"
    )
    agenda_item = forms.ModelChoiceField(queryset=AgendaItem.objects.none(), required=False)
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}))
    agreed_by = forms.CharField(
        required=False, max_length=300, help_text="Who agreed, or gave the chair's opinion"
    )
    agreed_on = date_field("Agreed on", required=False)
    notice_published_on = date_field("Notice published on", required=False)

    def __init__(self, *args: Any, meeting: Meeting, **kw: Any):
        super().__init__(*args, **kw)
        self.limit_choices("agenda_item", meeting.items.order_by("order"))


# --- attendance and declarations ------------------------------------------------------------


class AttendanceForm(GovukForm):
    person = _people()
    status = forms.ChoiceField(choices=AttendanceStatus.choices)
    mode = forms.ChoiceField(choices=AttendanceMode.choices, label="In person or remote")
    substitute_for = GovukModelChoiceField(
        queryset=Person.objects.order_by("family_name"),
        required=False,
        label="Substitute for (a named member)",
    )
    arrived_at_item = forms.ModelChoiceField(
        queryset=AgendaItem.objects.none(),
        required=False,
        label="Arrived at item",
        help_text="Leave blank if present from the start",
    )
    left_after_item = forms.ModelChoiceField(
        queryset=AgendaItem.objects.none(),
        required=False,
        label="Left after item",
        help_text="Leave blank if present to the end",
    )
    items_note = forms.CharField(
        required=False, max_length=200, label="As the minutes put it (e.g. Items 7 and 8)"
    )

    def __init__(self, *args: Any, meeting: Meeting, **kw: Any):
        super().__init__(*args, **kw)
        items = meeting.items.order_by("order")
        self.limit_choices("arrived_at_item", items)
        self.limit_choices("left_after_item", items)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        person, sub = data.get("person"), data.get("substitute_for")
        if person and sub and person == sub:
            self.add_error("substitute_for", "A person cannot substitute for themselves")
        if sub and data.get("status") != AttendanceStatus.PRESENT:
            self.add_error("substitute_for", "Only someone present can substitute for a member")
        arrived, left = data.get("arrived_at_item"), data.get("left_after_item")
        if arrived and left and left.order < arrived.order:
            self.add_error("left_after_item", "They cannot leave before the item they arrived at")
        return data


class RegisterEntryField(forms.ModelChoiceField):
    """Offers the entries in ``queryset`` but accepts any entry, so that the form's clean()
    can say exactly what is wrong with one that was not offered (whose it is, when it ran)."""

    def label_from_instance(self, obj: Any) -> str:
        since = f"since {obj.registered_on:%d/%m/%Y}"
        what = obj.description if len(obj.description) <= 80 else obj.description[:77] + "..."
        return f"{obj.person.display_name}: {obj.get_category_display()}, {what} ({since})"

    def to_python(self, value: Any) -> Any:
        offered = self.queryset
        self.queryset = Interest.objects.select_related("person")
        try:
            return super().to_python(value)
        finally:
            self.queryset = offered


def _in_force(on: dt.date) -> QuerySet[Interest]:
    return Interest.objects.filter(registered_on__lte=on).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=on)
    )


class DeclarationForm(GovukForm):
    person = _people()
    agenda_item = forms.ModelChoiceField(
        queryset=AgendaItem.objects.none(), required=False, help_text="Blank: the whole meeting"
    )
    kind = forms.ChoiceField(choices=DeclarationKind.choices, label="Kind of interest")
    interest = RegisterEntryField(
        queryset=Interest.objects.none(),
        required=False,
        label="Entry in the register of interests",
        help_text="The declaring person's entry, in force on the day of the meeting",
    )
    nature = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), label="Nature of interest")
    action_taken = forms.ChoiceField(choices=DeclarationAction.choices)

    def __init__(self, *args: Any, meeting: Meeting, **kw: Any):
        super().__init__(*args, **kw)
        self.meeting = meeting
        self.limit_choices("agenda_item", meeting.items.order_by("order"))
        entries = _in_force(meeting.date).select_related("person")
        person = self.data.get(self.add_prefix("person")) if self.is_bound else None
        if person is None:
            person = self.initial.get("person")
        person_id = parse_id(getattr(person, "pk", person))
        if person_id is not None:
            entries = entries.filter(person_id=person_id)
        self.limit_choices(
            "interest", entries.order_by("person__family_name", "-registered_on", "id")
        )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        interest, person = data.get("interest"), data.get("person")
        if interest and person and interest.person_id != person.pk:
            self.add_error(
                "interest", f"That register entry belongs to someone else ({interest.person})"
            )
        elif interest and not _in_force(self.meeting.date).filter(pk=interest.pk).exists():
            ended = f", ended {interest.ended_on:%d/%m/%Y}" if interest.ended_on else ""
            self.add_error(
                "interest",
                f"That register entry was not in force on {self.meeting.date:%d/%m/%Y} "
                f"(registered {interest.registered_on:%d/%m/%Y}{ended})",
            )
        return data


class InterestForm(GovukForm):
    category = forms.ChoiceField(choices=InterestCategory.choices)
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}))
    organisation_name = forms.CharField(required=False, max_length=200, label="Organisation")
    registered_on = date_field("Registered on")
    value_gbp = forms.DecimalField(
        required=False,
        min_value=0,
        error_messages={"min_value": "The value cannot be negative"},
        max_digits=10,
        decimal_places=2,
        label="Value in pounds (gifts and hospitality)",
    )

    def clean_registered_on(self) -> dt.date:
        on: dt.date = self.cleaned_data["registered_on"]
        if on > timezone.localdate():
            raise ValidationError("The registration date cannot be in the future")
        return on


class EndInterestForm(GovukForm):
    ended_on = date_field("Ended on")


# --- minutes, resolutions, decisions ----------------------------------------------------------


class MinuteForm(GovukForm):
    agenda_item = forms.ModelChoiceField(
        queryset=AgendaItem.objects.none(), required=False, help_text="The item minuted"
    )
    number = forms.CharField(
        max_length=30, required=False, help_text="As printed; blank: the item's number"
    )
    title = forms.CharField(max_length=500, required=False, help_text="Blank: the item's title")
    presented_by = forms.CharField(max_length=300, required=False, label="Presented by")
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 8}), label="Minute (discussion)")

    def __init__(self, *args: Any, meeting: Meeting, **kw: Any):
        super().__init__(*args, **kw)
        self.limit_choices("agenda_item", meeting.items.order_by("order"))

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        item = data.get("agenda_item")
        if item is not None:
            data["number"] = data.get("number") or item.number
            data["title"] = data.get("title") or item.title
        if not data.get("number"):
            self.add_error("number", "Enter the minute number, or choose the item minuted")
        if not data.get("title"):
            self.add_error("title", "Enter the minute's title, or choose the item minuted")
        return data


class CorrectionForm(GovukForm):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 8}), label="Corrected minute")
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), label="Reason for the correction"
    )


class ResolutionForm(GovukForm):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label="Resolved")
    label = forms.CharField(
        required=False, max_length=10, help_text="Blank: the next number, (i), (ii)..."
    )


class ApproveMinutesForm(GovukForm):
    at_meeting = forms.ModelChoiceField(
        queryset=Meeting.objects.none(), label="Approved at the meeting of"
    )
    approved_on = date_field("Approved on", required=False, help_text="Blank: that meeting's date")
    text = forms.CharField(
        max_length=300, initial="agreed as an accurate reflection", label="Resolution"
    )

    def __init__(self, *args: Any, meeting: Meeting, **kw: Any):
        super().__init__(*args, **kw)
        self.limit_choices(
            "at_meeting",
            Meeting.objects.filter(body=meeting.body_id, date__gt=meeting.date).order_by("date"),
        )


def _check_call_in(form: forms.Form) -> None:
    """A decision open to call-in needs its deadline."""
    data = form.cleaned_data
    if data.get("call_in_status") not in (None, CallInStatus.NOT_APPLICABLE) and not data.get(
        "call_in_deadline"
    ):
        form.add_error("call_in_deadline", "A decision open to call-in needs its deadline")


class DecisionForm(GovukForm):
    title = forms.CharField(max_length=500)
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label="Decision")
    agenda_item = forms.ModelChoiceField(queryset=AgendaItem.objects.none(), required=False)
    resolution = forms.ModelChoiceField(queryset=Resolution.objects.none(), required=False)
    decided_on = date_field("Decided on", required=False, help_text="Blank: the meeting date")
    is_key_decision = forms.BooleanField(required=False, label="Key decision")
    call_in_deadline = date_field("Call-in deadline", required=False)
    call_in_status = forms.ChoiceField(choices=CallInStatus.choices, label="Call-in")

    def __init__(self, *args: Any, meeting: Meeting, **kw: Any):
        super().__init__(*args, **kw)
        self.limit_choices("agenda_item", meeting.items.order_by("order"))
        self.limit_choices(
            "resolution",
            Resolution.objects.filter(minute__meeting=meeting).select_related("minute"),
        )

    def clean(self) -> dict[str, Any]:
        super().clean()
        _check_call_in(self)
        return self.cleaned_data


class CallInForm(GovukForm):
    """Where a recorded decision stands on call-in."""

    call_in_status = forms.ChoiceField(choices=CallInStatus.choices, label="Call-in")
    call_in_deadline = date_field("Call-in deadline", required=False)

    def clean(self) -> dict[str, Any]:
        super().clean()
        _check_call_in(self)
        return self.cleaned_data


# --- actions ---------------------------------------------------------------------------------


class ActionForm(GovukForm):
    minute = forms.ModelChoiceField(queryset=Minute.objects.none(), required=False)
    agenda_number = forms.CharField(max_length=30, required=False, label="Agenda number")
    subject = forms.CharField(max_length=300, required=False)
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label="Action")
    leads = forms.ModelMultipleChoiceField(
        queryset=Person.objects.order_by("family_name"),
        required=False,
        help_text="One or more; hold Ctrl (or Cmd) to choose several",
    )
    lead_text = forms.CharField(max_length=200, required=False, label="Lead as written (SR/SS)")
    deadline_text = forms.CharField(
        max_length=40,
        required=False,
        label="Deadline",
        help_text="A month (Apr-18, April 2018) or a date (30/04/2018)",
    )
    status = forms.ModelChoiceField(queryset=ActionStatus.objects.all(), empty_label=None)

    def __init__(self, *args: Any, meeting: Meeting, **kw: Any):
        super().__init__(*args, **kw)
        self.limit_choices("minute", Minute.objects.filter(meeting=meeting).order_by("order"))

    def clean_deadline_text(self) -> str:
        text = self.cleaned_data["deadline_text"].strip()
        if text and parse_written_date(text) is None:
            raise ValidationError("Enter the deadline as a month (Apr-18) or a date (30/04/2018)")
        return text

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if not data.get("leads") and not (data.get("lead_text") or "").strip():
            self.add_error("leads", "Choose at least one lead, or write the lead as written")
        minute = data.get("minute")
        if minute is not None and not data.get("agenda_number"):
            data["agenda_number"] = minute.number
        return data


class ActionUpdateForm(GovukForm):
    on = date_field("Date")
    status = forms.ModelChoiceField(queryset=ActionStatus.objects.all(), empty_label=None)
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def clean_on(self) -> dt.date:
        on: dt.date = self.cleaned_data["on"]
        action = self.initial.get("action")
        if action is not None and on < action.meeting.date:
            raise ValidationError("Progress cannot be dated before the meeting that raised it")
        return on


class TrackerUploadForm(GovukForm):
    file = forms.FileField(
        label="Action tracker (.xlsx)",
        help_text="Columns: Agenda Number, Date of meeting, Subject, Action, Lead, Deadline, "
        "Progress",
    )
