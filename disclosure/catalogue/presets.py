"""The Art 20 category preset every new agency's catalogue starts from (REFERENCE §3)."""

from .choices import Art20Item

# (code, name, art20 item, children as (code, name))
ART20_PRESET = [
    ("01", "法规文件", Art20Item.REGULATIONS, [("0101", "规章"), ("0102", "行政规范性文件"), ("0103", "其他文件")]),
    ("02", "机构职能", Art20Item.ORGANISATION, [("0201", "机关职能"), ("0202", "机构设置"), ("0203", "领导信息")]),
    ("03", "规划计划", Art20Item.PLANS, [("0301", "发展规划"), ("0302", "工作计划与总结")]),
    ("04", "统计信息", Art20Item.STATISTICS, []),
    ("05", "行政许可和对外管理服务", Art20Item.LICENSING, [("0501", "行政许可"), ("0502", "公共服务事项")]),
    ("06", "行政处罚和行政强制", Art20Item.PENALTIES, [("0601", "行政处罚"), ("0602", "行政强制")]),
    ("07", "财政预决算", Art20Item.BUDGETS, [("0701", "部门预算"), ("0702", "部门决算"), ("0703", "三公经费")]),
    ("08", "行政事业性收费", Art20Item.FEES, []),
    ("09", "政府采购", Art20Item.PROCUREMENT, []),
    ("10", "重大建设项目", Art20Item.MAJOR_PROJECTS, []),
    (
        "11",
        "民生保障",
        Art20Item.SOCIAL_PROGRAMMES,
        [("1101", "扶贫"), ("1102", "教育"), ("1103", "医疗卫生"), ("1104", "社会保障"), ("1105", "促进就业")],
    ),
    ("12", "应急管理", Art20Item.EMERGENCIES, [("1201", "应急预案"), ("1202", "预警信息及应对情况")]),
    ("13", "监督检查", Art20Item.INSPECTIONS, []),
    ("14", "公务员考录", Art20Item.CIVIL_SERVICE, []),
    ("15", "其他", Art20Item.OTHER, [("1501", "政策解读"), ("1502", "公开指南和年报")]),
]
