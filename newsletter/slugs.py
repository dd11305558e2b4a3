"""ASCII slugs for Chinese names: 湖州 → huzhou, 王芳 → wang-fang."""

from django.utils.text import slugify
from pypinyin import Style, lazy_pinyin


def pinyin_slug(text: str, *, separator: str = "-") -> str:
    """Pinyin without tones, one syllable per character, ASCII only."""
    syllables = lazy_pinyin(text, style=Style.NORMAL, errors="default")
    return slugify(separator.join(s for s in syllables if s.strip())) or "x"


def unique_slug(base: str, taken) -> str:
    """``base``, or ``base-2``, ``base-3`` … — the first one ``taken(slug)`` rejects not."""
    slug, n = base, 1
    while taken(slug):
        n += 1
        slug = f"{base}-{n}"
    return slug
