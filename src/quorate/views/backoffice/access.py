"""Who may use the back office, and the pattern every form submission follows."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

View = Callable[..., HttpResponse]


def staff_required(view: View) -> View:
    """Anonymous users go to the sign-in page; signed-in users who are not staff get 403."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not (user.is_staff or user.is_superuser):
            raise PermissionDenied("The back office is for staff.")
        return view(request, *args, **kwargs)

    return wrapped


def submit(
    request: HttpRequest,
    form: forms.Form,
    action: Callable[[dict[str, Any]], Any],
    *,
    success: str,
    next_url: str | Callable[[Any], str],
) -> HttpResponse | None:
    """Validate ``form`` and run ``action`` with its clean data in one transaction.

    Returns a redirect on success; None when the page should be shown again with the
    errors (a service's ValidationError becomes an error on the form, nothing is saved).
    """
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        with transaction.atomic():
            result = action(form.cleaned_data)
    except ValidationError as exc:
        for message in exc.messages:
            form.add_error(None, message)
        return None
    messages.success(request, success)
    return redirect(next_url(result) if callable(next_url) else next_url)


def post_only(request: HttpRequest) -> None:
    if request.method != "POST":
        raise PermissionDenied("This address only accepts a form submission.")
