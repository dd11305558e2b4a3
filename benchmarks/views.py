"""The baseline: what bare Django costs for a small page of 20 rows."""

from django.shortcuts import render

from newsletter.models import Region


def baseline(request):
    regions = Region.objects.only("name", "slug").order_by("code")[:20]
    return render(request, "bench_baseline.html", {"regions": regions})
