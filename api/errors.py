"""The API's errors, in Chinese and as JSON: ``{"detail": "…"}`` (and ``errors`` per
parameter for a malformed one); never a 500 for what a client can type."""

from django.http import Http404
from ninja.errors import Throttled, ValidationError

# pydantic's messages for what a query parameter can get wrong, in Chinese.
PARAMETER_ERRORS = {
    "int_parsing": lambda ctx: "应为整数",
    "greater_than_equal": lambda ctx: f"不能小于 {ctx['ge']}",
    "less_than_equal": lambda ctx: f"不能大于 {ctx['le']}",
}


def answer_in_chinese(api) -> None:
    """Replace ninja's English answers to a 404, a malformed parameter (422 there: a 400
    here, like every other bad input) and a refusal for too many requests."""

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return api.create_response(request, {"detail": str(exc) or "没有找到"}, status=404)

    @api.exception_handler(ValidationError)
    def invalid_parameters(request, exc):
        return api.create_response(
            request, {"detail": "参数无效", "errors": parameter_errors(exc.errors)}, status=400
        )

    @api.exception_handler(Throttled)
    def throttled(request, exc):
        # ninja adds Retry-After to what this returns.
        return api.create_response(request, {"detail": "请求过于频繁，请稍后再试"}, status=429)


def parameter_errors(errors) -> dict[str, list[str]]:
    """pydantic's errors as {parameter: [message]} (its input and context left out)."""
    found: dict[str, list[str]] = {}
    for error in errors:
        name = str(error.get("loc", ["?"])[-1])
        explain = PARAMETER_ERRORS.get(error.get("type"))
        message = explain(error.get("ctx", {})) if explain else error.get("msg", "")
        found.setdefault(name, []).append(message)
    return found


def form_errors(errors) -> str:
    """A form's errors on one line: ``region：选择一个有效的选项…；date_to：…``."""
    return "；".join(f"{name}：{' '.join(messages)}" for name, messages in errors.items())


def found(queryset, message: str, **lookup):
    """The one row ``lookup`` finds, or a 404 saying what was not found."""
    row = queryset.filter(**lookup).first()
    if row is None:
        raise Http404(message)
    return row
