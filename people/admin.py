from django.contrib import admin

from newsletter.admin_history import HistoryAdmin

from .models import Credit, Person


class CreditInline(admin.TabularInline):
    model = Credit
    fk_name = "person"
    extra = 0
    fields = ["article", "role", "title"]
    readonly_fields = ["article"]
    show_change_link = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Person)
class PersonAdmin(HistoryAdmin):
    list_display = ["name", "kind", "title", "region", "credit_count"]
    list_filter = ["kind", ("region", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["region"]
    search_fields = ["name", "title", "organisation"]
    autocomplete_fields = ["region"]
    inlines = [CreditInline]

    def get_queryset(self, request):
        from django.db.models import Count

        return super().get_queryset(request).annotate(num_credits=Count("credits"))

    @admin.display(description="出现次数", ordering="num_credits")
    def credit_count(self, obj):
        return obj.num_credits
