from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class DeskAdminConfig(admin_apps.AdminConfig):
    """The admin, with the editors' desk as its site (admin.site is a DeskSite)."""

    default = False  # NewsletterConfig is this app's config
    default_site = "newsletter.desk.DeskSite"


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = "报刊"

    def ready(self):
        from . import history, page_cache

        page_cache.connect_signals()
        history.register_models()
