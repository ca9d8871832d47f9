from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from disclosure.models import AgencyPage
from disclosure.requests.imports.importer import RequestImporter

HELP = """Import requests handled before Gongkai (依申请公开台账) from CSV (UTF-8 or GBK, with or without BOM) or XLSX,
so that the first annual report's 上年结转 is right. The file is imported whole or not at all; every bad
row is reported with its row number and reason. See README: Request history import format.

Columns (key or Chinese heading): 申请编号 number, 机构代码 agency_code (unless --agency),
申请人类型 applicant_type*, 申请人 applicant_name*, 证件类型 id_type, 证件号码 id_number, 法定代表人,
联系人, 联系电话, 电子邮箱, 通信地址, 邮政编码, 收到日期 received_on*, 渠道 channel, 申请内容 description*,
文号或索引号, 获取信息方式, 获取信息途径, 办理结果 outcome (also 状态), 法律依据, 答复日期 decided_on,
归档日期 archived_on, 转入下年 carried_over (是/否).  * required.

Accepted values: applicant type 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他;
channel 当面, 网络, 信函, 传真, 电子邮件, 其他 (default 其他); outcome one of the 21 rows of report
table 三, by its words or its row: 予以公开, 部分公开, 不予公开-国家秘密 or （三）1 or 三(三)1 …
不予公开-行政查询事项 （三）8, 无法提供-本机关不掌握相关政府信息 （四）1 … 不予处理-重复申请 （五）2 …
其他处理-其他 （六）3; empty or 办理中 for a request still open (imported as 办理中, its clock running
from 收到日期). A row with an outcome needs 答复日期 and is imported as 已答复, or 已归档 with 归档日期."""


class Command(BaseCommand):
    help = HELP

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--agency", help="organisation code of the agency every row belongs to")
        parser.add_argument("--dry-run", action="store_true", help="validate and report, write nothing")

    def handle(self, *args, file, agency, dry_run, **options):
        default_agency = None
        if agency:
            default_agency = AgencyPage.objects.filter(org_code=agency.strip().upper()).first()
            if default_agency is None:
                raise CommandError(_("No agency has the organisation code “%(code)s”.") % {"code": agency})
        report = RequestImporter(agency=default_agency).run(file, dry_run=dry_run)
        for warning in report.warnings:
            self.stderr.write(warning)
        for error in report.errors:
            self.stderr.write(str(error))
        if report.errors:
            raise CommandError(
                _("Nothing was imported: %(rows)d rows with errors.") % {"rows": len({e.row for e in report.errors})}
            )
        summary = _("%(total)d requests: %(open)d still open, %(decided)d decided, %(archived)d archived.") % {
            "total": report.created,
            "open": report.open,
            "decided": report.decided,
            "archived": report.archived,
        }
        if dry_run:
            summary = _("Dry run, nothing written: ") + summary
        self.stdout.write(summary)
