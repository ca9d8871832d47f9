"""The national formats as data: the 2021 format's exact rows and columns, the 2019 one's 表二, and a
loader that refuses a format file that would lose or double-count figures."""

import copy
import json

import pytest

from disclosure.reports import formats
from disclosure.reports.formats import FormatError, loader, schema
from disclosure.requests.choices import Outcome

pytestmark = pytest.mark.django_db(databases=[])


def raw(code):
    filename, _label = formats.FILES[code]
    return json.loads((formats.HERE / filename).read_text(encoding="utf-8"))


def rows(fmt, table):
    return [row for block in fmt.table(table).blocks for row in block.rows]


def test_the_2021_format_has_the_six_sections_in_order():
    fmt = formats.get("national-2021")
    assert fmt.document == "国办公开办函〔2021〕30号"
    assert [(section.number, section.title) for section in fmt.sections] == [
        ("一", "总体情况"),
        ("二", "主动公开政府信息情况"),
        ("三", "收到和处理政府信息公开申请情况"),
        ("四", "政府信息公开行政复议、行政诉讼情况"),
        ("五", "存在的主要问题及改进情况"),
        ("六", "其他需要报告的事项"),
    ]
    assert [section.narrative for section in fmt.narrative_sections()] == ["overview", "problems", "other_matters"]


def test_2021_table_three_has_seven_columns_and_the_21_outcome_rows_with_their_total():
    fmt = formats.get("national-2021")
    block = fmt.table("t3").blocks[0]
    assert [column.label for column in block.columns] == [
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "总计",
    ]
    assert [column.path for column in block.columns][1:6] == [("法人或其他组织",)] * 5
    outcome_rows = [row for row in block.rows if row.measure == "outcome"]
    assert len(outcome_rows) == 21
    assert [row.outcomes for row in outcome_rows] == [(value,) for value in Outcome.values]
    total = block.row("total")
    assert total.label == "（七）总计" and total.sum_of == tuple(row.code for row in outcome_rows)
    assert [row.label for row in block.rows if row.measure != "outcome"] == [
        "一、本年新收政府信息公开申请数量",
        "二、上年结转政府信息公开申请数量",
        "（七）总计",
        "四、结转下年度继续办理",
    ]
    labels = [row.label for row in outcome_rows]
    assert labels[1] == "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    assert "3.危及“三安全一稳定”" in labels
    assert labels[-3:] == [
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "3.其他",
    ]
    assert fmt.table("t3").corner == "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    assert len(fmt.cells_of("t3")) == 25 * 7


def test_2021_table_two_rows_columns_and_which_are_counted():
    fmt = formats.get("national-2021")
    blocks = fmt.table("t2").blocks
    assert [block.heading for block in blocks] == [
        ("第二十条第（一）项",),
        ("第二十条第（五）项",),
        ("第二十条第（六）项",),
        ("第二十条第（八）项",),
    ]
    assert [column.label for column in blocks[0].columns] == ["本年制发件数", "本年废止件数", "现行有效件数"]
    assert [row.label for row in rows(fmt, "t2")] == [
        "规章",
        "行政规范性文件",
        "行政许可",
        "行政处罚",
        "行政强制",
        "行政事业性收费",
    ]
    assert fmt.cell("t2", "licensing", "decisions").column.label == "本年处理决定数量"
    fees = fmt.cell("t2", "fees", "amount")
    assert fees.column.label == "本年收费金额（单位：万元）" and fees.kind == schema.AMOUNT
    assert fees.source == schema.ENTERED and not fees.row.selectable
    assert fmt.cell("t2", "regulations", "issued").source == schema.CATALOGUE
    assert fmt.cell("t2", "licensing", "decisions").row.selectable


def test_table_four_is_three_groups_of_four_results_and_a_total():
    fmt = formats.get("national-2021")
    block = fmt.table("t4").blocks[0]
    assert fmt.table("t4").layout == "strip"
    assert [(row.path, row.label) for row in block.rows] == [
        ((), "行政复议"),
        (("行政诉讼",), "未经复议直接起诉"),
        (("行政诉讼",), "复议后起诉"),
    ]
    assert [column.label for column in block.columns] == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    assert len(fmt.cells_of("t4")) == 15
    assert fmt.cells["t4:review:total"].sum_of == (
        "t4:review:upheld",
        "t4:review:corrected",
        "t4:review:other",
        "t4:review:pending",
    )


def test_the_2019_format_keeps_its_own_table_two_and_one_other_handling_row():
    fmt = formats.get("national-2019")
    labels = {
        (row.label, column.label) for block in fmt.table("t2").blocks for row in block.rows for column in block.columns
    }
    assert ("规章", "本年新制作数量") in labels
    assert ("规范性文件", "本年新公开数量") in labels
    assert ("规范性文件", "对外公开总数量") in labels
    assert ("行政许可", "上一年项目数量") in labels and ("行政许可", "本年增/减") in labels
    assert ("其他对外管理服务事项", "处理决定数量") in labels
    assert ("行政事业性收费", "本年增/减") in labels
    assert ("政府集中采购", "采购项目数量") in labels and ("政府集中采购", "采购总金额") in labels
    assert fmt.cell("t2", "licensing", "previous_items").source == schema.ENTERED
    assert fmt.cell("t2", "licensing", "change").kind == schema.SIGNED
    assert fmt.cell("t2", "licensing", "decisions").source == schema.CATALOGUE
    assert fmt.cell("t2", "procurement", "amount").column.unit == "万元"
    other = fmt.table("t3").blocks[0].row("other")
    assert other.label == "（六）其他处理"
    assert other.outcomes == ("other.no_supplement", "other.fee_unpaid", "other.other")
    assert len([row for row in rows(fmt, "t3") if row.measure == "outcome"]) == 19


def test_each_report_year_gets_the_format_in_force():
    assert formats.for_year(2020).code == "national-2019"
    assert formats.for_year(2021).code == "national-2021"
    assert formats.for_year(2025).code == formats.CURRENT
    with pytest.raises(KeyError, match="national-1999"):
        formats.get("national-1999")


def _without_outcome(data):
    block = data["tables"][1]["blocks"][0]
    block["rows"] = [row for row in block["rows"] if row["code"] != "not_disclosed.query_matter"]
    block["rows"][-2]["sum_of"].remove("not_disclosed.query_matter")


@pytest.mark.parametrize(
    "spoil, fault",
    [
        (_without_outcome, "no row counts the outcomes"),
        (lambda data: data["tables"][1]["blocks"][0]["rows"][-2]["sum_of"].append("nowhere"), "totals rows"),
        (lambda data: data["tables"][2]["blocks"][0]["rows"].pop(), "表四 groups"),
        (
            lambda data: data["tables"][0]["blocks"][1]["rows"].append(data["tables"][0]["blocks"][1]["rows"][0]),
            "twice",
        ),
        (lambda data: data["checks"][0]["left"].append("nowhere"), "names rows"),
        (lambda data: data["checks"][-1]["figures"][0]["cells"].append("t9:x:y"), "missing cells"),
        (lambda data: data.update(schema=2), "schema"),
    ],
)
def test_a_format_file_that_would_lose_or_double_count_figures_is_refused(spoil, fault):
    data = copy.deepcopy(raw("national-2021"))
    spoil(data)
    with pytest.raises(FormatError, match=fault):
        loader.parse(data)
