"""The admin's revision history: who saved what and when, compare, restore, recover.

django-reversion records every save made through the admin (the change message
is the revision's comment); django-reversion-compare adds the comparison of two
versions, with what changed highlighted.
"""

from django.template.defaultfilters import yesno
from django.utils.html import format_html
from reversion_compare.admin import CompareVersionAdmin

from .admin_text import TEXT_FIELDS
from .history import HISTORY, register_models

# Bookkeeping that changes with every save: noise in a comparison.
NOT_COMPARED = ("created_at", "updated_at", "edited_fields")


class ReverseRelationLabel:
    """What the comparison shows as the heading of a followed reverse relation.

    The library names one by its related_name (credits); editors read its rows'
    Chinese name (署名与人物).
    """

    def __init__(self, relation):
        self.verbose_name = relation.related_model._meta.verbose_name_plural
        self.help_text = ""


class HistoryAdmin(CompareVersionAdmin):
    """A model admin with 历史: the list of versions, two compared, one restored;
    the change list links to the deleted rows that can be recovered."""

    formfield_overrides = TEXT_FIELDS  # every content admin derives from this one

    def __init__(self, *args, **kwargs):
        register_models()  # before VersionAdmin would register the model by itself
        super().__init__(*args, **kwargs)

    @property
    def compare_exclude(self):
        # Relations a revision does not hold (an issue's pages, a topic's thousands
        # of articles) would be compared row by row against the database.
        followed = HISTORY[self.model._meta.label]
        unfollowed = [
            relation.name
            for relation in self.model._meta.related_objects
            if relation.name not in followed
        ]
        through = [field.name for field in self.model._meta.many_to_many]
        return [*NOT_COMPARED, *unfollowed, *through]

    def compare(self, obj, version1, version2):
        diff, _ = super().compare(obj, version1, version2)
        for entry in diff:
            if entry["field"] in self.reverse_fields:
                entry["field"] = ReverseRelationLabel(entry["field"])
        # The library's note on unrecorded relations, only when one is shown.
        return diff, any(entry["is_related"] and not entry["follow"] for entry in diff)

    def compare_BooleanField(self, obj_compare):
        return format_html(
            '<p class="highlight"><del>{}</del> 改为 <ins>{}</ins></p>',
            yesno(obj_compare.value1, "是,否"),
            yesno(obj_compare.value2, "是,否"),
        )
