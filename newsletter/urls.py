from django.contrib import admin
from django.urls import path

admin.site.site_header = "同心苑 编辑部"
admin.site.site_title = "同心苑"
admin.site.index_title = "内容管理"

urlpatterns = [
    path("admin/", admin.site.urls),
]
