from django.apps import AppConfig


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = "报刊"

    def ready(self):
        from . import history, page_cache

        page_cache.connect_signals()
        history.register_models()
