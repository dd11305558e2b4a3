"""Articles and their topics."""

import re

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from taggit.managers import TaggableManager
from taggit.models import TagBase, TaggedItemBase

from newsletter.models import Issue, Page, Region
from newsletter.slugs import pinyin_slug

_KEYWORD_SPLIT = re.compile(r"[\n,，、;；|]+\s*")


class Topic(TagBase):
    """A django-taggit tag with the keywords that tell the importer an article is about it."""

    keywords = models.TextField(
        "关键词", blank=True, help_text="每行一个，或用顿号、逗号分隔；导入时据此判断文章专题"
    )
    description = models.CharField("简介", max_length=200, blank=True)

    class Meta:
        verbose_name = "专题"
        verbose_name_plural = "专题"
        ordering = ["name"]

    def get_absolute_url(self) -> str:
        return reverse("topics:detail", kwargs={"slug": self.slug})

    def slugify(self, tag, i=None):
        slug = pinyin_slug(tag)
        return f"{slug}-{i}" if i else slug

    @property
    def keyword_list(self) -> list[str]:
        return [k for k in _KEYWORD_SPLIT.split(self.keywords) if k]


class TaggedArticle(TaggedItemBase):
    class Source(models.TextChoices):
        AUTO = "auto", "自动"
        MANUAL = "manual", "人工"

    tag = models.ForeignKey(
        Topic, verbose_name="专题", on_delete=models.CASCADE, related_name="tagged_articles"
    )
    content_object = models.ForeignKey(
        "Article", verbose_name="文章", on_delete=models.CASCADE, related_name="tagged_items"
    )
    # Re-tagging and re-imports replace only what the vocabulary chose (auto);
    # a topic an editor set stays. Rows made without saying (taggit's add()) are hand-set.
    source = models.CharField(
        "标注方式", max_length=8, choices=Source.choices, default=Source.MANUAL
    )

    class Meta:
        verbose_name = "文章专题"
        verbose_name_plural = "文章专题"
        ordering = ["content_object", "tag"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="articles_taggedarticle_unique_tag"
            ),
        ]

    def __str__(self) -> str:
        return str(self.tag)


NEWEST_FIRST = ("-issue_date", "page_number", "position")


class ArticleQuerySet(models.QuerySet):
    def published(self) -> "ArticleQuerySet":
        """The one definition of public: a published article, due, in a published issue."""
        return self.filter(
            status=Article.Status.PUBLISHED,
            published_at__lte=timezone.now(),
            issue__status=Issue.Status.PUBLISHED,
        )

    def in_region(self, region: Region) -> "ArticleQuerySet":
        """Articles about the region or any place under it (安吉 is in 湖州)."""
        return self.filter(
            Exists(
                ArticleRegion.objects.filter(
                    article=OuterRef("pk"), region__in=Region.objects.subtree(region)
                )
            )
        )

    def with_topic(self, topic: Topic) -> "ArticleQuerySet":
        return self.filter(
            Exists(TaggedArticle.objects.filter(content_object=OuterRef("pk"), tag=topic))
        )

    def with_person(self, person) -> "ArticleQuerySet":
        from people.models import Credit

        return self.filter(Exists(Credit.objects.filter(article=OuterRef("pk"), person=person)))

    def placeholders(self) -> "ArticleQuerySet":
        """Teasers' placeholders: articles with no text yet that teasers point at, waiting
        for their page's import to fill them in."""
        return self.filter(kind=Article.Kind.ARTICLE, body="").filter(
            Exists(Article.objects.filter(teaser_target=OuterRef("pk")))
        )

    def in_print_order(self) -> "ArticleQuerySet":
        return self.order_by("issue_date", "page_number", "position")

    def newest_first(self) -> "ArticleQuerySet":
        """Newest issue first, then in print order: what every list shows (one index)."""
        return self.order_by(*NEWEST_FIRST)

    def with_related(self) -> "ArticleQuerySet":
        """What list pages show for each article, fetched in a fixed number of queries."""
        return self.select_related("issue", "page").prefetch_related(
            "topics",
            models.Prefetch(
                "article_regions",
                queryset=ArticleRegion.objects.select_related("region").order_by(
                    "-is_primary", "region__code"
                ),
            ),
        )


class SearchTextVector(models.Func):
    """``to_tsvector('simple', <tokens>)`` on PostgreSQL; NULL elsewhere, where search
    matches substrings (articles.search)."""

    function = "to_tsvector"
    template = "%(function)s('simple'::regconfig, %(expressions)s)"
    output_field = SearchVectorField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return "NULL", []


class ArticleManager(models.Manager.from_queryset(ArticleQuerySet)):
    def get_queryset(self):
        # The search vector (kilobytes a row) is for the database's eyes only.
        return super().get_queryset().defer("search_vector")


class Article(models.Model):
    class Kind(models.TextChoices):
        ARTICLE = "article", "文章"
        PHOTO = "photo", "图片新闻"
        BRIEF = "brief", "简讯"
        TEASER = "teaser", "导读"

    class Status(models.TextChoices):
        DRAFT = "draft", "草稿"
        REVIEW = "review", "待审"
        PUBLISHED = "published", "已发布"

    issue = models.ForeignKey(
        Issue, verbose_name="期", on_delete=models.CASCADE, related_name="articles", editable=False
    )
    page = models.ForeignKey(
        Page, verbose_name="版面", on_delete=models.CASCADE, related_name="articles"
    )
    position = models.PositiveSmallIntegerField("版内顺序")
    # Copies of the issue's date and the page's number, so that print order
    # (newest issue first, then page, then position) is one index on this table.
    issue_date = models.DateField("出版日期", editable=False)
    page_number = models.PositiveSmallIntegerField("版次", editable=False)
    kind = models.CharField("类型", max_length=16, choices=Kind.choices, default=Kind.ARTICLE)
    kicker = models.CharField("引题", max_length=200, blank=True)
    title = models.CharField("标题", max_length=200)
    subtitle = models.CharField("副题", max_length=200, blank=True)
    source = models.CharField(
        "来源", max_length=64, blank=True, help_text="本报，或转载的报刊名（浙江日报 …）"
    )
    is_reprint = models.BooleanField("转载", default=False, help_text="正文以“据…”开头")
    dateline = models.DateField("电头日期", null=True, blank=True)
    body = models.TextField("正文", blank=True, help_text="每段一行")
    teaser_target = models.ForeignKey(
        "self",
        verbose_name="导读指向",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="teasers",
        limit_choices_to={"kind": "article"},
    )
    regions = models.ManyToManyField(
        Region,
        verbose_name="地区",
        through="ArticleRegion",
        related_name="articles",
        blank=True,
    )
    topics = TaggableManager(verbose_name="专题", through=TaggedArticle, blank=True)
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField("发布时间", null=True, blank=True)
    review_note = models.TextField(
        "退回意见", blank=True, help_text="值班主编退回稿件时写给编辑的话"
    )
    edited_fields = models.JSONField(
        "人工修改过的字段",
        default=list,
        blank=True,
        editable=False,
        help_text="再次导入时保留这些字段，除非使用 --overwrite",
    )
    search_text = models.TextField(
        "检索分词",
        blank=True,
        default="",
        editable=False,
        help_text="标题与正文的分词结果（空格分隔），由 articles.search.article_index() 维护",
    )
    # Stored, so that a search does not re-parse 1,500 tokens of every row it looks at.
    search_vector = models.GeneratedField(
        expression=SearchTextVector("search_text"),
        output_field=SearchVectorField(),
        db_persist=True,
        verbose_name="检索向量",
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("修改时间", auto_now=True)

    objects = ArticleManager()

    class Meta:
        verbose_name = "文章"
        verbose_name_plural = "文章"
        ordering = list(NEWEST_FIRST)
        # change_article edits; publishing is the chief editor's (articles.workflow).
        permissions = [("publish_article", "可以发布、撤回、退回文章")]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "position"], name="articles_article_unique_position_per_page"
            ),
            models.CheckConstraint(condition=~Q(title=""), name="articles_article_title_not_empty"),
            models.CheckConstraint(
                condition=Q(teaser_target__isnull=True) | Q(kind="teaser"),
                name="articles_article_only_teasers_point",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "published_at"], name="articles_status_published"),
            models.Index(fields=["kind"], name="articles_kind"),
            models.Index(fields=["source"], name="articles_source"),
            # Lists, hubs and feeds walk this in order and stop after a page of rows.
            models.Index(
                fields=["-issue_date", "page_number", "position"],
                name="articles_public_newest_first",
                condition=Q(status="published") & ~Q(kind="teaser"),
            ),
            models.Index(fields=["-issue_date", "page_number", "position"], name="articles_newest"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.set_page(self.page)
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("articles:detail", kwargs={"pk": self.pk})

    def set_page(self, page: Page) -> None:
        """Place the article on a page, with the copies of where that page is printed."""
        self.page = page
        self.issue_id = page.issue_id
        self.issue_date = page.issue.date
        self.page_number = page.number

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.body.splitlines() if p.strip()]

    @property
    def is_public(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
            and self.issue.status == Issue.Status.PUBLISHED
        )


class ArticleRegion(models.Model):
    article = models.ForeignKey(
        Article, verbose_name="文章", on_delete=models.CASCADE, related_name="article_regions"
    )
    region = models.ForeignKey(
        Region, verbose_name="地区", on_delete=models.PROTECT, related_name="article_regions"
    )
    is_primary = models.BooleanField("主要地区", default=False)

    class Meta:
        verbose_name = "文章地区"
        verbose_name_plural = "文章地区"
        ordering = ["-is_primary", "region__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "region"], name="articles_articleregion_unique_region"
            ),
            models.UniqueConstraint(
                fields=["article"],
                condition=Q(is_primary=True),
                name="articles_articleregion_one_primary",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.region}（主要）" if self.is_primary else str(self.region)
