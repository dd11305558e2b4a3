"""``{{ title|no_orphan }}``: a headline whose last two characters never part.

Browsers with ``text-wrap: balance`` (site.css) already avoid a lone character on a
headline's last line; this is the fallback for those without it."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()


@register.filter
def no_orphan(text: str) -> SafeString | str:
    if len(text) < 4:
        return text
    return format_html('{}<span class="nobr">{}</span>', text[:-2], text[-2:])
