"""The editors' import forms: upload page files, adjust and preview them, confirm.

What the preview was made from travels between the steps in tokens signed
with SECRET_KEY: the staged files' ids and sha256, each page's number and
section, the options and the digest of the previewed plan. The browser can
show them but not change them.
"""

import datetime
import hashlib
from pathlib import PureWindowsPath

from django import forms
from django.conf import settings
from django.core import signing

from articles.importing.decoding import decode
from articles.importing.filenames import MAX_PAGE, page_from_name, section_from_name
from articles.importing.parsed import ParseError
from articles.services import MAX_PAGE_BYTES, PageSource

# A printed issue has 4 to 16 pages; more at once is the wrong folder.
MAX_UPLOAD_FILES = 16

ENCODINGS = [
    ("", "自动识别"),
    ("utf-8", "UTF-8"),
    ("gb18030", "GB18030 / GBK"),
    ("big5", "Big5"),
    ("utf-16", "UTF-16"),
    ("utf-16-le", "UTF-16LE（无 BOM）"),
    ("utf-16-be", "UTF-16BE（无 BOM）"),
]

_STAGED = "newsletter.import.staged"
_PREVIEWED = "newsletter.import.previewed"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input (Django's documented pattern)."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        single = super().clean
        files = [single(d, initial) for d in data or []]
        if self.required and not files:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return files


class ImportOptionsForm(forms.Form):
    """What applies to every file of an import."""

    def __init__(self, *args, may_publish: bool = False, **kwargs):
        kwargs.setdefault("label_suffix", "：")
        super().__init__(*args, **kwargs)
        if not may_publish:
            del self.fields["publish"]  # only a chief editor publishes (articles.workflow)

    date = forms.DateField(
        label="出版日期",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="留空则按正文中的日期推断，并标为“日期未确认”。",
    )
    number = forms.IntegerField(label="期号", min_value=1, required=False)
    encoding = forms.ChoiceField(label="文件编码", choices=ENCODINGS, required=False)
    overwrite = forms.BooleanField(
        label="覆盖：以本文件为准",
        required=False,
        help_text="覆盖编辑改过的字段、人物、地区和专题；该版已导入另一个文件时，"
        "用本文件替换它，删除本文件中没有的文章。不勾选时，编辑改过的内容保持不变，"
        "另一个文件不会被替换。",
    )
    publish = forms.BooleanField(label="导入后立即发布", required=False)

    def option_fields(self) -> list:
        return [self[name] for name in ImportOptionsForm.base_fields if name in self.fields]

    def options(self) -> dict:
        data = self.cleaned_data
        return {
            "date": data["date"].isoformat() if data["date"] else None,
            "number": data["number"],
            "encoding": data["encoding"],
            "overwrite": data["overwrite"],
            "publish": data.get("publish", False),
        }


class PageUploadForm(ImportOptionsForm):
    """Step 1: the page files, judged here before anything is kept."""

    files = MultipleFileField(
        label="版面文本文件",
        allow_empty_file=True,  # judged with the others' problems, named (below)
        widget=MultipleFileInput(attrs={"accept": ".txt,text/plain"}),
        help_text=f"可一次选择多个版面（最多 {MAX_UPLOAD_FILES} 个）。纯文本 .txt，"
        f"每个不超过 {MAX_PAGE_BYTES // 2**20} MB；UTF-8、GB18030、Big5 等编码均可自动识别。"
        "版次和版名按文件名识别（如 p2.txt、第3版_综合新闻.txt），预览时可修改。",
    )
    field_order = ["files"]

    def clean(self):
        """Names, sizes and whether each file is text the importer's decoder reads."""
        data = super().clean()
        uploads = data.get("files") or []
        if len(uploads) > MAX_UPLOAD_FILES:
            self.add_error(
                "files",
                f"一次最多导入 {MAX_UPLOAD_FILES} 个文件，这次选了 {len(uploads)} 个，"
                "请分几次导入。",
            )
            return data
        self.uploads = []
        for upload in uploads:
            # Only the base name is kept, whatever path the browser sent (C:\\a\\p2.txt).
            name = PureWindowsPath(upload.name).name
            problem = self._problem(name, upload, data.get("encoding") or None)
            if problem:
                self.add_error("files", f"{name}：{problem}")
        return data

    def _problem(self, name, upload, encoding) -> str:
        if not name.lower().endswith(".txt"):
            return "只接受纯文本 .txt 文件，请另存为 .txt 后再导入。"
        if upload.size > MAX_PAGE_BYTES:
            return (
                f"文件太大：一个版面的文本不应超过 {MAX_PAGE_BYTES // 2**20} MB"
                "（通常只有 10–30 KB），请检查是否选错了文件。"
            )
        raw = upload.read()
        try:
            decode(raw, encoding=encoding)
        except ParseError as error:
            return f"{error.message}。"
        self.uploads.append((name, raw))
        return ""


class PagePlanForm(ImportOptionsForm):
    """Step 2: each staged file's page and section, and the options; previewed on submit."""

    staged = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, files: list[dict], **kwargs):
        super().__init__(*args, **kwargs)
        self.staged_files = files
        for index, staged in enumerate(files):
            self.fields[f"page_{index}"] = forms.IntegerField(
                label=f"{staged['name']} 版次", min_value=1, max_value=MAX_PAGE
            )
            self.fields[f"section_{index}"] = forms.CharField(
                label=f"{staged['name']} 版名", max_length=32, required=False
            )

    @classmethod
    def bind(cls, data, *, may_publish: bool = False) -> "PagePlanForm":
        """The form for a POST: its files come from the signed token, never from the fields."""
        try:
            ticket = signing.loads(data.get("staged", ""), salt=_STAGED, max_age=_max_age())
        except signing.BadSignature:
            ticket = {"id": "", "files": []}
        form = cls(data, files=ticket["files"], may_publish=may_publish)
        form.staging_id = ticket["id"]
        return form

    @classmethod
    def first(
        cls,
        staging_id: str,
        uploads: list[tuple[str, bytes]],
        options: dict,
        *,
        may_publish: bool = False,
    ):
        """The form right after an upload, bound to what the file names say."""
        files = [{"name": name, "sha256": _sha256(raw)} for name, raw in uploads]
        pages = [
            {
                "page": page_from_name(name) or (1 if len(uploads) == 1 else ""),
                "section": section_from_name(name),
            }
            for name, _ in uploads
        ]
        return cls._bound(staging_id, files, pages, options, may_publish)

    @classmethod
    def from_ticket(cls, ticket: dict, *, may_publish: bool = False) -> "PagePlanForm":
        """The form that previews a ticket's files and settings again."""
        files = [{"name": f["name"], "sha256": f["sha256"]} for f in ticket["files"]]
        return cls._bound(ticket["id"], files, ticket["files"], ticket["options"], may_publish)

    @classmethod
    def _bound(cls, staging_id, files: list[dict], pages: list[dict], options: dict, may_publish):
        data = {
            "staged": signing.dumps({"id": staging_id, "files": files}, salt=_STAGED),
            **{k: v for k, v in options.items() if v not in (None, False)},
        }
        for index, page in enumerate(pages):
            data[f"page_{index}"] = page["page"]
            data[f"section_{index}"] = page["section"]
        form = cls(data, files=files, may_publish=may_publish)
        form.staging_id = staging_id
        return form

    def clean_staged(self):
        if not self.staged_files:
            raise forms.ValidationError(expired_message())
        return self.cleaned_data["staged"]

    def rows(self):
        """Each file with its page and section fields, for the template."""
        return [
            (staged, self[f"page_{index}"], self[f"section_{index}"])
            for index, staged in enumerate(self.staged_files)
        ]

    def pages(self) -> list[dict]:
        data = self.cleaned_data
        return [
            {**staged, "page": data[f"page_{i}"], "section": data[f"section_{i}"]}
            for i, staged in enumerate(self.staged_files)
        ]

    def ticket(self, *, digest: str, user_id: int) -> str:
        """The signed ticket the confirmation carries: what was previewed, and by whom."""
        return signing.dumps(
            {
                "id": self.staging_id,
                "files": self.pages(),
                "options": self.options(),
                "plan": digest,
                "user": user_id,
            },
            salt=_PREVIEWED,
        )


class ImportConfirmForm(forms.Form):
    """Step 3: the ticket of a preview; the import then writes exactly what it showed."""

    ticket = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, user_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.user_id = user_id

    def clean_ticket(self):
        try:
            ticket = signing.loads(self.cleaned_data["ticket"], salt=_PREVIEWED, max_age=_max_age())
        except signing.SignatureExpired as error:
            raise forms.ValidationError(expired_message()) from error
        except signing.BadSignature as error:
            raise forms.ValidationError(
                "预览凭据无效，未做任何改动。请重新上传文件并预览。"
            ) from error
        if ticket["user"] != self.user_id:
            raise forms.ValidationError("这是另一位编辑的预览，未做任何改动。请自己上传并预览。")
        return ticket


def ticket_sources(ticket: dict, raws: list[bytes]) -> list[PageSource]:
    """The sources a ticket names, from the staged bytes; a file changed since is refused."""
    date = ticket["options"]["date"]
    sources = []
    for staged, raw in zip(ticket["files"], raws, strict=True):
        if _sha256(raw) != staged["sha256"]:
            raise forms.ValidationError(
                f"{staged['name']}：文件在预览之后有了变化，未做任何改动。请重新上传文件并预览。"
            )
        sources.append(
            PageSource(
                name=staged["name"],
                raw=raw,
                page=staged["page"],
                section=staged["section"],
                date=datetime.date.fromisoformat(date) if date else None,
                number=ticket["options"]["number"],
            )
        )
    return sources


def expired_message() -> str:
    return (
        "上传的文件已不在服务器上：已经确认导入，或超过 "
        f"{_max_age() // 60} 分钟已过期清除。这次未做任何改动；如需导入，请重新上传文件并预览。"
    )


def _sha256(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _max_age() -> int:
    return settings.IMPORT_STAGING_SECONDS
