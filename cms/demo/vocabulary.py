"""What each kind of demo agency is, does and publishes: its people, its rules and its titles.

Titles are written per catalogue category, so an item is filed where its title says it
belongs (a 行政处罚决定书 under 行政处罚, a 部门预算 under 部门预算); an agency only gets the
categories its powers give it (a water company issues no 行政规范性文件 and imposes no
行政处罚). Placeholders are filled by ``plans.py`` from the item's own dates, so a monthly
figure is always for a month that has ended.

Title placeholders: ``county``, ``agency`` (full name), ``subject``, ``year``, ``last_year``,
``year2`` (two years on), ``prev_month`` (``2025年3月``), ``prev_quarter``
(``2025年第1季度``), ``season`` (春季…), ``term`` (``2025年秋季学期``), ``soon`` (``4月12日``), ``flood_year`` (the coming 汛期),
``party`` and ``violation`` (a penalty case), ``purchase``, ``project``, ``place``.
"""

from dataclasses import dataclass, field

COUNTY = "青溪县"

# Category codes of the Art 20 preset (disclosure/catalogue/presets.py) with a special role here.
RULES = "0102"  # 行政规范性文件: rules that are revised and replaced
OTHER_DOCUMENTS = "0103"  # rules of an institution or a company (they make no 规范性文件)
BUDGET, FINAL_ACCOUNTS, THREE_COSTS = "0701", "0702", "0703"
INTERPRETATIONS = "1501"
GUIDES_AND_REPORTS = "1502"

# What a rule calls itself in its own articles.
RULE_WORD = {"办法": "本办法", "规定": "本规定", "细则": "本细则"}


@dataclass(frozen=True)
class Rule:
    subject: str
    genre: str  # 办法 / 规定 / 细则
    name: str  # without the issuer: 中小学课后服务管理办法


@dataclass(frozen=True)
class Kind:
    functions: str
    leaders: list  # (name, post, duties)
    departments: list  # (name, functions)
    disclosure_office: str
    subjects: list
    rules: list
    rule_category: str  # where its rules are filed
    rule_issuer: str  # the name a rule starts with: {county} or {agency}
    scope: str  # where its rules apply
    local: str  # how its rules call the place they apply to
    addressees: str  # whom its notices are sent to
    has_budget: bool = True  # a 部门预算 (a state-owned company has none)
    penalty_cases: list = field(default_factory=list)  # (party, violation, the law broken)
    purchases: list = field(default_factory=list)
    projects: list = field(default_factory=list)
    places: list = field(default_factory=list)
    # category code -> [(genre, pattern, family[, subject])]; without a subject of its own, a
    # title takes the family's (FAMILY_SUBJECTS) or one of the agency's subjects.
    titles: dict = field(default_factory=dict)


# Titles every agency publishes (its own organisation, plans and reports).
COMMON_TITLES = {
    "0201": [("其他", "{agency}主要职责", "functions")],
    "0202": [("其他", "{agency}内设机构及职责", "departments")],
    "0203": [("其他", "{agency}领导班子成员及分工", "leaders")],
    "0302": [
        ("计划", "{agency}{year}年工作要点", "plan"),
        ("总结", "{agency}{last_year}年工作总结和{year}年工作思路", "report"),
        ("报告", "{agency}{last_year}年{subject}工作情况报告", "report"),
    ],
}

# Notices of an administrative body, about its own subjects.
GOVERNMENT_NOTICES = [
    ("通知", "关于做好{year}年{subject}工作的通知", "notice"),
    ("通知", "关于开展{subject}专项行动的通知", "notice"),
    ("决定", "关于表彰{last_year}年度{subject}工作先进集体和先进个人的决定", "notice"),
]
OPINIONS = [("意见", "关于进一步加强{subject}的实施意见", "notice")]
ACTION_PLANS = [("方案", "{county}{subject}三年行动方案（{year}—{year2}年）", "action_plan")]
CIVIL_SERVICE = [("公告", "{agency}{year}年考试录用公务员拟录用人员公示", "recruitment")]
PROCUREMENT = [
    ("公告", "{agency}{purchase}采购项目中标（成交）结果公告", "procurement"),
    ("公告", "{agency}{purchase}采购意向公开", "procurement_intent"),
]
PENALTIES = [("决定", "{party}{violation}案行政处罚决定书", "penalty")]

BRANDS = ["康宁", "仁和", "惠民", "安泰", "瑞丰", "同心", "百川", "福源"]
SURNAMES = ["叶", "吴", "毛", "周", "蓝", "雷", "徐", "应"]

KINDS = {
    "government": Kind(
        functions="负责县政府日常运转，承担文电、会务、督查督办、政务公开和政务服务工作，协助县政府领导处理县政府日常工作。",
        leaders=[
            ("周国栋", "党组书记、主任", "主持县政府办公室全面工作。"),
            ("吴海燕", "副主任", "负责政务公开、政务服务、电子政务工作。"),
            ("叶志强", "副主任", "负责督查督办、应急管理、安全生产工作。"),
        ],
        departments=[
            ("秘书科", "负责县政府文电处理、会议组织和综合协调工作。"),
            ("政务公开科", "负责全县政府信息公开和政务新媒体的指导、协调和监督工作。"),
            ("督查科", "负责县政府重要决策部署和领导批示的督促检查工作。"),
        ],
        disclosure_office="政务公开科",
        subjects=[
            "优化营商环境",
            "政务服务“一网通办”",
            "安全生产",
            "防汛抗旱",
            "乡村振兴",
            "城乡环境综合整治",
            "政务公开",
        ],
        rules=[
            Rule("政务公开", "办法", "政府信息公开保密审查办法"),
            Rule("优化营商环境", "办法", "涉企行政检查管理办法"),
            Rule("政务服务“一网通办”", "规定", "政务服务“好差评”管理规定"),
            Rule("城乡环境综合整治", "办法", "城乡环境综合整治考核办法"),
            Rule("防汛抗旱", "办法", "防汛抗旱物资储备管理办法"),
        ],
        rule_category=RULES,
        rule_issuer="{county}",
        scope="本县行政区域内",
        local="本县",
        addressees="各乡镇人民政府、街道办事处，县政府各部门、各直属单位：",
        purchases=["政务服务中心智能化改造", "机关物业管理服务", "政务外网安全运维服务"],
        projects=["城南快速路工程", "城市防洪堤提升改造工程", "乡镇污水管网延伸工程"],
        titles={
            "0103": GOVERNMENT_NOTICES,
            "0301": ACTION_PLANS,
            "04": [
                ("其他", "{county}{prev_month}主要经济指标统计", "statistics"),
                ("其他", "{county}{last_year}年国民经济和社会发展统计公报", "statistics"),
            ],
            "0502": [
                ("其他", "{county}政务服务事项目录（{year}年版）", "service"),
                ("其他", "{county}政务服务中心办事指南（{year}年版）", "service"),
            ],
            "08": [
                ("其他", "{county}行政事业性收费项目目录清单（{year}年版）", "fees"),
                ("其他", "{county}涉企收费目录清单（{year}年版）", "fees"),
            ],
            "09": PROCUREMENT,
            "10": [
                ("其他", "{county}{project}项目批准信息", "project"),
                ("其他", "{county}{project}项目建设进度公示", "project"),
            ],
            "1101": [("计划", "{county}{year}年衔接推进乡村振兴补助资金项目计划", "notice", "乡村振兴")],
            "1104": [("通知", "关于调整{county}城乡居民最低生活保障标准的通知", "notice", "最低生活保障")],
            "1105": [("其他", "{county}{year}年就业见习基地及见习岗位信息", "jobs")],
            "1201": [
                ("其他", "{county}防汛防台抗旱应急预案", "emergency_plan"),
                ("其他", "{county}突发事件总体应急预案", "emergency_plan"),
                ("其他", "{county}生产安全事故应急预案", "emergency_plan"),
            ],
            "1202": [
                ("通知", "关于做好{flood_year}年汛期防汛防台工作的通知", "warning", "防汛防台"),
                ("通知", "关于做好{season}安全生产风险防范工作的通知", "warning", "安全生产"),
            ],
            "13": [
                ("其他", "{county}{year}年安全生产大检查情况通报", "inspection", "安全生产"),
                ("其他", "{county}{year}年政府网站和政务新媒体检查情况通报", "inspection", "政府网站和政务新媒体"),
            ],
            "14": CIVIL_SERVICE,
        },
    ),
    "education": Kind(
        functions="贯彻执行国家、省、市教育方针政策和法律法规，统筹全县各级各类教育发展，负责中小学、幼儿园的管理与督导，组织实施学生资助和教师队伍建设工作。",
        leaders=[
            ("沈立群", "党组书记、局长", "主持县教育局全面工作。"),
            ("林慧敏", "副局长", "负责基础教育、学前教育、课后服务工作。"),
            ("徐建华", "副局长", "负责政策法规、信息公开、校园安全工作。"),
        ],
        departments=[
            ("办公室", "负责机关日常运转、文电、信息公开和财务工作。"),
            ("基础教育科", "负责义务教育、学前教育和课后服务的管理工作，许向阳任科长。"),
            ("政策法规科", "负责教育行政执法、规范性文件审核和校外培训机构监管工作。"),
        ],
        disclosure_office="办公室",
        subjects=[
            "义务教育学校招生入学",
            "学前教育普惠发展",
            "校园安全",
            "教师队伍建设",
            "学生资助",
            "课后服务",
            "中小学食堂管理",
        ],
        rules=[
            Rule("课后服务", "办法", "中小学课后服务管理办法"),
            Rule("学生资助", "办法", "学生资助资金管理办法"),
            Rule("中小学食堂管理", "规定", "中小学校食堂管理规定"),
            Rule("校外培训机构监管", "细则", "校外培训机构监督管理实施细则"),
            Rule("义务教育学校招生入学", "办法", "义务教育学校招生入学实施办法"),
            Rule("教师队伍建设", "办法", "中小学教师“县管校聘”管理办法"),
        ],
        rule_category=RULES,
        rule_issuer="{county}",
        scope="本县行政区域内",
        local="本县",
        addressees="各乡镇人民政府、街道办事处，各中小学、幼儿园：",
        penalty_cases=[
            ("{county}{brand}教育培训中心", "未经审批擅自开展学科类校外培训", "《中华人民共和国民办教育促进法》"),
            ("{county}{brand}艺术培训学校", "超出办学许可范围招生", "《中华人民共和国民办教育促进法实施条例》"),
        ],
        purchases=["中小学教室照明改造", "中小学学生课桌椅", "校园安防监控系统升级", "中小学智慧课堂设备"],
        projects=["城东小学新建工程", "第二中学学生宿舍楼改扩建工程"],
        titles={
            "0102": OPINIONS,
            "0103": GOVERNMENT_NOTICES,
            "0301": ACTION_PLANS,
            "04": [
                ("其他", "{county}{last_year}年教育事业统计公报", "statistics"),
                ("其他", "{county}{prev_quarter}学生资助资金发放统计", "statistics"),
            ],
            "0501": [
                ("公告", "{prev_month}民办学校办学许可审批结果公示", "licence"),
                ("其他", "{agency}行政许可事项清单（{year}年版）", "licence"),
            ],
            "0502": [
                ("其他", "{county}{year}年义务教育学校招生入学办事指南", "service"),
                ("其他", "{agency}教师资格认定办事指南", "service"),
                ("其他", "{agency}中小学生转学办理指南", "service"),
            ],
            "0601": PENALTIES,
            "08": [
                ("其他", "{county}公办幼儿园保育教育费收费标准", "fees"),
                ("其他", "{county}{year}年中小学课后服务收费标准", "fees"),
            ],
            "09": PROCUREMENT,
            "10": [("其他", "{county}{project}项目建设进度公示", "project")],
            "1102": [
                ("通知", "关于做好{term}家庭经济困难学生资助工作的通知", "notice", "学生资助"),
                ("其他", "{county}{year}年义务教育学校招生入学政策问答", "service", "义务教育学校招生入学"),
            ],
            "1201": [
                ("其他", "{county}教育系统突发事件应急预案", "emergency_plan"),
                ("其他", "{county}中小学校园安全事故应急预案", "emergency_plan"),
            ],
            "1202": [("通知", "关于做好{season}校园安全风险防范工作的通知", "warning", "校园安全")],
            "13": [
                ("其他", "{term}中小学校食堂食品安全检查情况通报", "inspection", "中小学食堂管理"),
                ("其他", "{year}年校外培训机构专项检查情况通报", "inspection", "校外培训机构监管"),
            ],
            "14": CIVIL_SERVICE,
        },
    ),
    "health": Kind(
        functions="贯彻执行国家卫生健康工作方针政策，统筹规划全县卫生健康资源配置，负责疾病预防控制、医疗机构监督管理、基层卫生和爱国卫生工作。",
        leaders=[
            ("朱文杰", "党组书记、局长", "主持县卫生健康局全面工作。"),
            ("何晓岚", "副局长", "负责基层卫生、家庭医生签约服务、爱国卫生工作。"),
            ("毛永康", "副局长", "负责医政医管、卫生监督、信息公开工作。"),
        ],
        departments=[
            ("办公室", "负责机关日常运转、文电、信息公开和财务工作。"),
            ("医政医管科", "负责医疗机构、医务人员执业和医疗质量的监督管理工作。"),
            ("疾病预防控制科", "负责传染病、慢性病防控和免疫规划工作。"),
        ],
        disclosure_office="办公室",
        subjects=[
            "基本公共卫生服务",
            "家庭医生签约服务",
            "传染病防控",
            "医疗机构校验",
            "职业健康",
            "爱国卫生运动",
            "县域医共体建设",
        ],
        rules=[
            Rule("家庭医生签约服务", "办法", "家庭医生签约服务管理办法"),
            Rule("医疗机构校验", "办法", "医疗机构校验管理实施办法"),
            Rule("基本公共卫生服务", "办法", "基本公共卫生服务项目资金管理办法"),
            Rule("院前医疗急救", "规定", "院前医疗急救管理规定"),
        ],
        rule_category=RULES,
        rule_issuer="{county}",
        scope="本县行政区域内",
        local="本县",
        addressees="各乡镇人民政府、街道办事处，县级各医疗卫生单位：",
        penalty_cases=[
            ("{county}{brand}诊所", "未取得《医疗机构执业许可证》擅自执业", "《医疗机构管理条例》"),
            ("{county}{brand}口腔门诊部", "使用非卫生技术人员从事医疗卫生技术工作", "《医疗机构管理条例》"),
            ("{county}{brand}宾馆", "未取得公共场所卫生许可证擅自营业", "《公共场所卫生管理条例》"),
            ("{county}{brand}足浴店", "未按规定对顾客用品用具进行清洗消毒", "《公共场所卫生管理条例实施细则》"),
        ],
        purchases=["疫苗冷链设备", "基层医疗机构健康一体机", "负压救护车"],
        projects=["疾病预防控制中心业务楼建设工程"],
        titles={
            "0102": OPINIONS,
            "0103": GOVERNMENT_NOTICES,
            "0301": ACTION_PLANS,
            "04": [
                ("其他", "{county}{last_year}年卫生健康事业发展统计公报", "statistics"),
                ("其他", "{county}{prev_month}法定传染病疫情统计", "statistics"),
            ],
            "0501": [
                ("公告", "{prev_month}医疗机构执业登记审批结果公示", "licence"),
                ("公告", "{prev_month}公共场所卫生许可审批结果公示", "licence"),
            ],
            "0502": [
                ("其他", "{agency}出生医学证明办理指南", "service"),
                ("其他", "{agency}医师执业注册办事指南", "service"),
            ],
            "0601": PENALTIES,
            "08": [("其他", "{county}非免疫规划疫苗接种服务收费标准", "fees")],
            "09": PROCUREMENT,
            "10": [("其他", "{county}{project}项目批准信息", "project")],
            "1103": [
                ("方案", "{county}{year}年基本公共卫生服务项目实施方案", "notice", "基本公共卫生服务"),
                ("通知", "关于做好{year}年家庭医生签约服务工作的通知", "notice", "家庭医生签约服务"),
            ],
            "1201": [
                ("其他", "{county}突发公共卫生事件应急预案", "emergency_plan"),
                ("其他", "{county}突发事件医疗卫生救援应急预案", "emergency_plan"),
            ],
            "1202": [("通知", "关于做好{season}传染病防控工作的通知", "warning", "传染病防控")],
            "13": [
                ("公告", "{prev_quarter}公共场所卫生监督抽检结果公示", "inspection", "公共场所卫生"),
                ("其他", "{year}年职业健康监督检查情况通报", "inspection", "职业健康"),
            ],
            "14": CIVIL_SERVICE,
        },
    ),
    "hospital": Kind(
        functions="承担全县急危重症和疑难病症诊疗任务，提供门诊、急诊、住院等医疗服务，承担基层医疗卫生机构业务指导和医学教育工作。",
        leaders=[
            ("潘国华", "党委书记", "主持医院党委全面工作。"),
            ("雷振宇", "院长", "主持医院行政全面工作。"),
            ("蒋春华", "副院长", "负责门诊、医务、院务公开工作。"),
        ],
        departments=[
            ("院办公室", "负责医院日常运转、文电、院务公开和对外联络工作。"),
            ("医务科", "负责医疗质量、医疗安全和医患沟通工作。"),
            ("护理部", "负责全院护理质量管理和护理人员培训工作。"),
        ],
        disclosure_office="院办公室",
        subjects=["门诊预约诊疗", "医疗服务价格", "药品集中采购", "住院费用结算", "患者投诉处理", "医疗废物管理"],
        rules=[
            Rule("门诊预约诊疗", "办法", "门诊预约诊疗管理办法"),
            Rule("患者投诉处理", "办法", "患者投诉处理办法"),
            Rule("医疗废物管理", "规定", "医疗废物管理规定"),
            Rule("住院费用结算", "办法", "住院费用结算管理办法"),
        ],
        rule_category=OTHER_DOCUMENTS,
        rule_issuer="{agency}",
        scope="本院",
        local="本院",
        addressees="院内各科室：",
        purchases=["CT设备", "医用耗材", "院内信息系统升级改造"],
        projects=["门急诊综合楼"],
        titles={
            "0103": [("通知", "关于做好{year}年{subject}工作的通知", "notice")],
            "04": [("其他", "{agency}{prev_quarter}医疗服务统计信息", "statistics")],
            "0502": [
                ("其他", "{agency}门诊预约挂号服务指南", "service"),
                ("其他", "{agency}住院服务指南", "service"),
                ("其他", "{agency}病案复印服务指南", "service"),
            ],
            "08": [
                ("其他", "{agency}医疗服务价格公示（{year}年版）", "fees"),
                ("其他", "{agency}常用药品价格公示（{year}年版）", "fees"),
            ],
            "09": PROCUREMENT,
            "10": [("其他", "{agency}{project}项目建设进度公示", "project")],
            "1103": [("其他", "{agency}{year}年惠民医疗服务措施", "notice", "惠民医疗服务")],
            "1105": [("公告", "{agency}{year}年公开招聘编外合同制工作人员公告", "jobs")],
            "1201": [
                ("其他", "{agency}突发公共卫生事件医疗救治应急预案", "emergency_plan"),
                ("其他", "{agency}火灾事故应急预案", "emergency_plan"),
            ],
            "13": [("其他", "{agency}{prev_quarter}医疗质量控制检查情况通报", "inspection", "医疗质量控制")],
        },
    ),
    "utility": Kind(
        functions="负责县城供水设施的建设、运行和维护，保障城区及周边乡镇居民生活和生产用水，提供用水报装、抄表收费和供水抢修服务。",
        leaders=[
            ("季卫东", "党支部书记、董事长", "主持公司全面工作。"),
            ("钱永福", "总经理", "负责公司生产经营和供水服务工作。"),
            ("蓝春生", "副总经理", "负责管网建设、水质管理和安全生产工作。"),
        ],
        departments=[
            ("综合办公室", "负责公司日常运转、信息公开和客户投诉处理工作。"),
            ("管网所", "负责供水管网的巡查、维护、抢修和改造工作，郑一鸣任所长。"),
            ("营业所", "负责用水报装、抄表收费和客户服务工作。"),
        ],
        disclosure_office="综合办公室",
        subjects=["城区供水管网改造", "居民生活用水水价", "供水水质", "停水检修", "二次供水设施管理", "用水报装服务"],
        rules=[
            Rule("二次供水设施管理", "办法", "二次供水设施管理办法"),
            Rule("用水报装服务", "办法", "用水报装服务管理办法"),
            Rule("抄表收费", "办法", "抄表收费管理办法"),
        ],
        rule_category=OTHER_DOCUMENTS,
        rule_issuer="{agency}",
        scope="本公司供水区域内",
        local="本公司",
        addressees="公司各部门：",
        has_budget=False,
        purchases=["智能水表", "管网检漏服务", "水质在线监测设备"],
        projects=["城区老旧供水管网改造工程", "第二水厂扩建工程"],
        places=["东门", "城西", "工业园区", "南山", "城北"],
        titles={
            "0103": [("通知", "关于做好{year}年{subject}工作的通知", "notice")],
            "04": [("其他", "{agency}{prev_month}供水量统计", "statistics")],
            "0502": [
                ("其他", "{agency}用水报装办事指南", "service"),
                ("其他", "{agency}用水过户办理指南", "service"),
                ("其他", "{agency}供水服务承诺", "service"),
            ],
            "08": [
                ("其他", "{county}居民生活用水阶梯水价标准", "fees"),
                ("其他", "{agency}{year}年供水价格及收费标准公示", "fees"),
            ],
            "09": PROCUREMENT,
            "10": [("其他", "{county}{project}项目建设进度公示", "project")],
            "1105": [("公告", "{agency}{year}年公开招聘工作人员公告", "jobs")],
            "1201": [("其他", "{agency}城市供水突发事件应急预案", "emergency_plan")],
            "1202": [("通知", "关于{place}片区{soon}计划停水的通知", "water_cut")],
            "13": [("公告", "{agency}{prev_month}供水水质检测结果公示", "inspection", "供水水质")],
        },
    ),
    "township": Kind(
        functions="贯彻执行党和国家的方针政策，负责本镇经济发展、社会事务、农业农村、生态环境保护、平安建设和公共服务工作。",
        leaders=[
            ("张雪梅", "党委书记", "主持镇党委全面工作。"),
            ("方德胜", "党委副书记、镇长", "主持镇政府全面工作。"),
            ("应伟", "副镇长", "负责农业农村、自然资源、政务公开工作。"),
        ],
        departments=[
            ("党政综合办公室", "负责镇机关日常运转、文电、政务公开工作。"),
            ("经济发展办公室", "负责农业农村、产业发展和项目建设工作。"),
            ("社会事务办公室", "负责社会救助、退役军人服务和公共服务工作。"),
        ],
        disclosure_office="党政综合办公室",
        subjects=["农村人居环境整治", "高标准农田建设", "村级公益事业一事一议", "耕地保护", "农村低保", "秸秆禁烧"],
        rules=[
            Rule("村级公益事业一事一议", "办法", "村级公益事业一事一议财政奖补资金管理办法"),
            Rule("农村人居环境整治", "办法", "农村人居环境整治长效管理办法"),
            Rule("秸秆禁烧", "规定", "秸秆禁烧和综合利用若干规定"),
            Rule("耕地保护", "办法", "耕地保护网格化管理办法"),
        ],
        rule_category=RULES,
        rule_issuer="{county}城关镇",
        scope="本镇行政区域内",
        local="本镇",
        addressees="各村（居）民委员会，镇属各单位：",
        penalty_cases=[
            ("{surname}某某", "露天焚烧秸秆", "《中华人民共和国大气污染防治法》"),
            ("{surname}某某", "未经批准擅自建设", "《中华人民共和国城乡规划法》"),
            ("{county}{brand}建材经营部", "占用道路堆放物料", "《城市市容和环境卫生管理条例》"),
        ],
        purchases=["农村生活污水处理设施运维服务", "村道路灯安装工程"],
        projects=["下洋村高标准农田建设项目", "农贸市场改造项目"],
        places=["下洋村", "溪口村", "后山村"],
        titles={
            "0103": GOVERNMENT_NOTICES,
            "04": [("其他", "{agency}{last_year}年农业生产统计数据", "statistics")],
            "0501": [("公告", "{prev_month}农村宅基地审批结果公示", "licence")],
            "0502": [("其他", "{agency}便民服务中心办事指南", "service")],
            "0601": PENALTIES,
            "0602": [("公告", "关于对{place}违法建筑实施强制拆除的公告", "coercion")],
            "09": PROCUREMENT,
            "10": [("其他", "{agency}{project}建设进度公示", "project")],
            "1101": [("公告", "{agency}{year}年低收入农户帮扶资金使用情况公示", "listing", "低收入农户帮扶")],
            "1104": [("公告", "{agency}{prev_month}农村最低生活保障对象名单公示", "listing", "农村低保")],
            "1201": [
                ("其他", "{agency}地质灾害应急预案", "emergency_plan"),
                ("其他", "{agency}防汛防台应急预案", "emergency_plan"),
            ],
            "1202": [
                ("通知", "关于做好{flood_year}年汛期地质灾害防范工作的通知", "warning", "地质灾害防治"),
                ("通知", "关于做好{year}年森林防火工作的通知", "warning", "森林防火"),
            ],
            "13": [
                ("其他", "{agency}{year}年秸秆禁烧巡查情况通报", "inspection", "秸秆禁烧"),
                ("其他", "{agency}{year}年农村人居环境整治检查情况通报", "inspection", "农村人居环境整治"),
            ],
            "14": CIVIL_SERVICE,
        },
    ),
}

# What an item of a family is about, when its title names no subject.
FAMILY_SUBJECTS = {
    "functions": "机构职能",
    "departments": "机构设置",
    "leaders": "领导信息",
    "statistics": "统计信息",
    "licence": "行政许可",
    "service": "办事指南",
    "penalty": "行政处罚",
    "coercion": "行政强制",
    "budget": "部门预算",
    "final_accounts": "部门决算",
    "three_costs": "三公经费",
    "annual_report": "政府信息公开",
    "procurement": "政府采购",
    "procurement_intent": "政府采购",
    "project": "重大建设项目",
    "jobs": "招聘就业",
    "emergency_plan": "应急预案",
    "water_cut": "停水检修",
    "recruitment": "公务员考录",
    "fees": "收费标准",
}

# How often a category is drawn, relative to the others (only where the kind has titles for it).
WEIGHTS = {
    "0102": 4,
    "0103": 4,
    "0201": 1,
    "0202": 1,
    "0203": 1,
    "0301": 2,
    "0302": 3,
    "04": 3,
    "0501": 2,
    "0502": 2,
    "0601": 3,
    "0602": 1,
    "08": 1,
    "09": 3,
    "10": 1,
    "1101": 1,
    "1102": 2,
    "1103": 2,
    "1104": 2,
    "1105": 1,
    "1201": 1,
    "1202": 2,
    "13": 2,
    "14": 1,
}

# 主题分类 where a category says more than the agency's kind does.
TOPIC_BY_CATEGORY = {
    BUDGET: "财政、金融、审计",
    FINAL_ACCOUNTS: "财政、金融、审计",
    THREE_COSTS: "财政、金融、审计",
    "09": "财政、金融、审计",
    "10": "城乡建设、环境保护",
    "1101": "民政、扶贫、救灾",
    "1104": "民政、扶贫、救灾",
    "1105": "劳动、人事、监察",
    "14": "劳动、人事、监察",
}

TOPIC_BY_KIND = {
    "education": "科技、教育",
    "health": "卫生、体育",
    "government": "综合政务",
    "hospital": "卫生、体育",
    "utility": "城乡建设、环境保护",
    "township": "农业、林业、水利",
}


def titles_of(kind):
    """Category code -> title patterns for one kind of agency, its own and the common ones."""
    vocabulary = KINDS[kind]
    titles = {**COMMON_TITLES, **vocabulary.titles}
    return {code: patterns for code, patterns in titles.items() if patterns}
