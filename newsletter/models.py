"""The publication itself: the regions it covers, its issues and their pages."""

import re

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

_ALIAS_SPLIT = re.compile(r"[,，、;；\s|]+")


class RegionQuerySet(models.QuerySet):
    def subtree(self, region: "Region") -> "RegionQuerySet":
        """The region and everything under it (province → city → county: depth 3)."""
        return self.filter(Q(pk=region.pk) | Q(parent=region) | Q(parent__parent=region))

    def cities(self) -> "RegionQuerySet":
        return self.filter(level=Region.Level.CITY)


class Region(models.Model):
    class Level(models.TextChoices):
        PROVINCE = "province", "省"
        CITY = "city", "地级市"
        COUNTY = "county", "县（市、区）"

    parent = models.ForeignKey(
        "self",
        verbose_name="上级",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    level = models.CharField("层级", max_length=16, choices=Level.choices)
    code = models.CharField("行政区划代码", max_length=6, unique=True, help_text="GB/T 2260")
    name = models.CharField("全称", max_length=32)
    short_name = models.CharField("简称", max_length=16)
    aliases = models.CharField(
        "别名", max_length=200, blank=True, help_text="多个别名用顿号或逗号分隔"
    )
    match_short = models.BooleanField(
        "正文中按简称识别",
        default=True,
        help_text="简称同时是常用词（如“西湖”“天台”）时取消勾选，只按全称和别名识别",
    )
    slug = models.SlugField("网址名", max_length=40, unique=True)

    objects = RegionQuerySet.as_manager()

    class Meta:
        verbose_name = "地区"
        verbose_name_plural = "地区"
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"^[0-9]{6}$"), name="newsletter_region_code_six_digits"
            ),
            models.CheckConstraint(
                condition=Q(level="province", parent__isnull=True)
                | (~Q(level="province") & Q(parent__isnull=False)),
                name="newsletter_region_only_province_is_root",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("regions:detail", kwargs={"slug": self.slug})

    @property
    def alias_list(self) -> list[str]:
        return [a for a in _ALIAS_SPLIT.split(self.aliases) if a]


class IssueQuerySet(models.QuerySet):
    def published(self) -> "IssueQuerySet":
        return self.filter(status=Issue.Status.PUBLISHED)


class Issue(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "草稿"
        PUBLISHED = "published", "已发布"

    date = models.DateField("出版日期", unique=True)
    number = models.PositiveIntegerField("期号", null=True, blank=True)
    masthead = models.CharField("报头", max_length=64, default="联谊报")
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.DRAFT)
    date_confirmed = models.BooleanField(
        "日期已确认", default=True, help_text="导入时由正文日期推断的出版日期未经确认"
    )
    published_at = models.DateTimeField("发布时间", null=True, blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("修改时间", auto_now=True)

    objects = IssueQuerySet.as_manager()

    class Meta:
        verbose_name = "期"
        verbose_name_plural = "期"
        ordering = ["-date"]
        permissions = [("publish_issue", "可以发布、撤回期")]
        indexes = [models.Index(fields=["status", "-date"], name="newsletter_issue_status_date")]
        constraints = [
            models.UniqueConstraint(
                fields=["number"],
                condition=Q(number__isnull=False),
                name="newsletter_issue_unique_number",
            ),
        ]

    def __str__(self) -> str:
        label = f"{self.date:%Y年%-m月%-d日}"
        return f"{label} 第{self.number}期" if self.number else label

    def save(self, *args, **kwargs):
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("issues:detail", kwargs={"date": self.date.isoformat()})


class Page(models.Model):
    issue = models.ForeignKey(
        Issue, verbose_name="期", on_delete=models.CASCADE, related_name="pages"
    )
    number = models.PositiveSmallIntegerField("版次")
    section = models.CharField("版名", max_length=32, blank=True)
    source_file = models.CharField("来源文件", max_length=255, blank=True)
    encoding = models.CharField("文件编码", max_length=16, blank=True)
    sha256 = models.CharField("文件哈希", max_length=64, blank=True)

    class Meta:
        verbose_name = "版面"
        verbose_name_plural = "版面"
        ordering = ["issue", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "number"], name="newsletter_page_unique_number_per_issue"
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1), name="newsletter_page_number_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"第{self.number}版 {self.section}".strip()

    def get_absolute_url(self) -> str:
        return reverse(
            "issues:page",
            kwargs={"date": self.issue.date.isoformat(), "number": self.number},
        )
