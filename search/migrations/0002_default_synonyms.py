"""Synonym groups every agency needs from day one; editors add their own in the admin."""

from django.db import migrations

DEFAULT_GROUPS = [
    ("低保\n最低生活保障", "群众说法 ↔ 规范用语"),
    ("医保\n医疗保障\n医疗保险", "群众说法 ↔ 规范用语"),
    ("公积金\n住房公积金", "群众说法 ↔ 规范用语"),
    ("社保\n社会保险", "群众说法 ↔ 规范用语"),
    ("五保\n特困供养\n特困人员救助供养", "旧称 ↔ 现行用语"),
    ("环评\n环境影响评价", "简称 ↔ 全称"),
    ("拆迁\n征收补偿\n房屋征收", "群众说法 ↔ 规范用语"),
    ("营业执照\n市场主体登记", "群众说法 ↔ 规范用语"),
    ("打疫苗\n疫苗接种", "群众说法 ↔ 规范用语"),
    ("幼儿园\n学前教育", "群众说法 ↔ 规范用语"),
    ("噪音\n噪声", "常见写法 ↔ 规范用语"),
    ("公租房\n公共租赁住房", "简称 ↔ 全称"),
    ("上学\n入学", "群众说法 ↔ 规范用语"),
    ("托管\n课后服务", "群众说法 ↔ 规范用语"),
    ("开公司\n开办企业\n企业开办", "群众说法 ↔ 规范用语"),
    ("生孩子\n生育", "群众说法 ↔ 规范用语"),
    ("贫困学生\n家庭经济困难学生", "群众说法 ↔ 规范用语"),
    ("烧秸秆\n焚烧秸秆", "群众说法 ↔ 规范用语"),
]


def add(apps, schema_editor):
    SynonymGroup = apps.get_model("gongkai_search", "SynonymGroup")
    for terms, note in DEFAULT_GROUPS:
        SynonymGroup.objects.get_or_create(terms=terms, defaults={"note": note})


def remove(apps, schema_editor):
    SynonymGroup = apps.get_model("gongkai_search", "SynonymGroup")
    SynonymGroup.objects.filter(terms__in=[terms for terms, _ in DEFAULT_GROUPS]).delete()


class Migration(migrations.Migration):
    dependencies = [("gongkai_search", "0001_public_search")]
    operations = [migrations.RunPython(add, remove)]
