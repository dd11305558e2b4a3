"""Text typed in the admin, stored the way the importer stores it."""

from django import forms
from django.contrib.admin import widgets
from django.db import models


class PlainTextField(forms.CharField):
    """A textarea's text with LF line breaks.

    Browsers send a textarea's line breaks as CRLF. Stored as sent, an article saved
    for any correction would differ from its import on every line: its body would
    count as hand-edited (a re-import no longer refreshes it) and its history would
    show every paragraph changed.
    """

    def to_python(self, value):
        return super().to_python(value).replace("\r\n", "\n").replace("\r", "\n")


TEXT_FIELDS = {
    models.TextField: {"form_class": PlainTextField, "widget": widgets.AdminTextareaWidget}
}
