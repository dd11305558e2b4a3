"""The editors' import form: one printed page's text, and where it goes."""

from pathlib import PureWindowsPath

from django import forms

from articles.services import MAX_PAGE_BYTES, PageSource

ENCODINGS = [
    ("", "自动识别"),
    ("utf-8", "UTF-8"),
    ("gb18030", "GB18030 / GBK"),
    ("big5", "Big5"),
    ("utf-16", "UTF-16"),
    ("utf-16-le", "UTF-16LE（无 BOM）"),
    ("utf-16-be", "UTF-16BE（无 BOM）"),
]


class PageImportForm(forms.Form):
    def __init__(self, *args, may_publish: bool = False, **kwargs):
        kwargs.setdefault("label_suffix", "：")
        super().__init__(*args, **kwargs)
        if not may_publish:
            del self.fields["publish"]  # only a chief editor publishes (articles.workflow)

    file = forms.FileField(
        label="版面文本文件",
        help_text=f"纯文本 .txt，不超过 {MAX_PAGE_BYTES // 2**20} MB；"
        "UTF-8、GB18030、Big5 等编码均可自动识别。",
    )
    date = forms.DateField(
        label="出版日期",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="留空则按正文中的日期推断，并标为“日期未确认”。",
    )
    page = forms.IntegerField(label="版次", min_value=1, max_value=99, initial=1)
    section = forms.CharField(label="版名", max_length=32, required=False, help_text="如 要闻")
    number = forms.IntegerField(label="期号", min_value=1, required=False)
    encoding = forms.ChoiceField(label="文件编码", choices=ENCODINGS, required=False)
    publish = forms.BooleanField(label="导入后立即发布", required=False)
    overwrite = forms.BooleanField(
        label="覆盖：以本文件为准",
        required=False,
        help_text="覆盖编辑改过的字段、人物、地区和专题；该版已导入另一个文件时，"
        "用本文件替换它，删除本文件中没有的文章。不勾选时，编辑改过的内容保持不变，"
        "另一个文件不会被替换。",
    )
    dry_run = forms.BooleanField(label="试运行：只检查并显示结果，不写入", required=False)

    def clean_file(self):
        """Size and name only: whether the bytes are text the import's decoder judges."""
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".txt"):
            raise forms.ValidationError("只接受纯文本 .txt 文件，请另存为 .txt 后再导入。")
        if upload.size > MAX_PAGE_BYTES:
            raise forms.ValidationError(
                f"文件太大：一个版面的文本不应超过 {MAX_PAGE_BYTES // 2**20} MB"
                "（通常只有 10–30 KB），请检查是否选错了文件。"
            )
        return upload

    def source(self) -> PageSource:
        data = self.cleaned_data
        return PageSource(
            # Only the base name is kept, whatever path the browser sent (C:\\a\\p2.txt).
            name=PureWindowsPath(data["file"].name).name,
            raw=data["file"].read(),
            page=data["page"],
            section=data["section"],
            date=data["date"],
            number=data["number"],
        )
