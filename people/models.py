"""The people an article names, and the credits that tie them to it."""

from django.db import models
from django.urls import reverse

from newsletter.models import Region
from newsletter.slugs import pinyin_slug, unique_slug


class Person(models.Model):
    class Kind(models.TextChoices):
        MEMBER = "member", "政协委员"
        REPORTER = "reporter", "记者"
        CORRESPONDENT = "correspondent", "通讯员"
        OTHER = "other", "其他"

    name = models.CharField("姓名", max_length=32)
    slug = models.SlugField("网址名", max_length=64, unique=True, blank=True)
    kind = models.CharField("身份", max_length=16, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField("现任职务", max_length=200, blank=True)
    organisation = models.CharField("单位", max_length=200, blank=True)
    region = models.ForeignKey(
        Region,
        verbose_name="地区",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("修改时间", auto_now=True)

    class Meta:
        verbose_name = "人物"
        verbose_name_plural = "人物"
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["name"], name="people_person_name")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            others = Person.objects.exclude(pk=self.pk)
            self.slug = unique_slug(
                pinyin_slug(self.name), lambda s: others.filter(slug=s).exists()
            )
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("people:detail", kwargs={"slug": self.slug})


class Credit(models.Model):
    class Role(models.TextChoices):
        REPORTER = "reporter", "记者"
        CORRESPONDENT = "correspondent", "通讯员"
        MENTIONED = "mentioned", "文中人物"

    article = models.ForeignKey(
        "articles.Article", verbose_name="文章", on_delete=models.CASCADE, related_name="credits"
    )
    person = models.ForeignKey(
        Person, verbose_name="人物", on_delete=models.PROTECT, related_name="credits"
    )
    role = models.CharField("角色", max_length=16, choices=Role.choices)
    title = models.CharField("文中职务", max_length=200, blank=True, help_text="照录文中写法")
    order = models.PositiveSmallIntegerField("顺序", default=0)

    class Meta:
        verbose_name = "署名与人物"
        verbose_name_plural = "署名与人物"
        ordering = ["article", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "person", "role"], name="people_credit_unique_role"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title}{self.person}" if self.title else str(self.person)

    @property
    def is_byline(self) -> bool:
        return self.role != self.Role.MENTIONED
