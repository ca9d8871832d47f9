"""A year of applications to two demo agencies (县教育局, 县卫健局), planned before any is made.

Each case names its applicant, channel, date of receipt (working days before today) and what
happens to it, step by step, each step a number of working days after the previous one. The
plan covers every state of the desk and every one of the 21 outcomes of report table 三,
applicants of all six columns and every channel, a third-party consultation, an approved
extension, a repeated application, a topic many people asked about (Art 44), a reconsideration
with its result — and exactly one request overdue, the one a handler forgot.

Closed cases are decided within their 20 working days; open ones were received recently enough
to be on time, except that one. The people and companies are fictional; their identity numbers
are valid numbers of the demo county (``codes.py``).
"""

import datetime
from dataclasses import dataclass

from disclosure.requests.choices import AppealKind, AppealResult, ApplicantType, IdentityDocument, Outcome

from .codes import AREA_CODE, credit_code, id_number


@dataclass(frozen=True)
class Applicant:
    type: str
    name: str
    id_type: str
    id_number: str
    phone: str
    email: str = ""
    address: str = ""
    legal_representative: str = ""
    contact_person: str = ""


def _person(name, born, serial, mobile, email="", address=""):
    return Applicant(
        ApplicantType.PERSON,
        name,
        IdentityDocument.RESIDENT_ID,
        id_number(born, serial),
        mobile,
        email,
        address or "青溪县城关镇",
    )


def _organisation(kind, name, registration, body8, representative, contact, phone, email, address):
    return Applicant(
        kind,
        name,
        IdentityDocument.CREDIT_CODE,
        credit_code(registration, body8),
        phone,
        email,
        address,
        representative,
        contact,
    )


APPLICANTS = {
    "zhou": _person(
        "周晓梅", datetime.date(1986, 4, 12), 24, "13957812046", "zhouxm@example.com", "青溪县城关镇解放街17号"
    ),
    "chen": _person("陈建国", datetime.date(1968, 9, 3), 13, "13905786612", address="青溪县城关镇北门路8号"),
    "wu": _person(
        "吴丽华", datetime.date(1991, 1, 25), 42, "15857820731", "wulihua@example.com", "青溪县城关镇樟树巷3号"
    ),
    "zheng": _person("郑海涛", datetime.date(1979, 11, 8), 31, "13757815590", address="青溪县东坑镇东坑村52号"),
    "lin": _person("林秀英", datetime.date(1973, 6, 30), 62, "18857803214", address="青溪县城关镇梧桐路66号"),
    "huang": _person("黄志强", datetime.date(1962, 2, 14), 17, "13587804478", address="青溪县石门乡石门村"),
    "zhao": _person("赵雅琴", datetime.date(1995, 8, 19), 88, "17757819265", "zhaoyq@example.com"),
    "sun": _person("孙伟", datetime.date(1983, 12, 1), 55, "13967823305", "sunwei@example.com"),
    "hengda": _organisation(
        ApplicantType.COMMERCIAL,
        "青溪县恒达建设工程有限公司",
        "91",
        "MA2K7Q03",
        "王振华",
        "刘敏",
        f"{AREA_CODE}-5102286",
        "hengda@example.com",
        "青溪县城关镇工业园区纬一路9号",
    ),
    "kangning": _organisation(
        ApplicantType.COMMERCIAL,
        "丽水康宁医疗器械有限公司",
        "91",
        "MA2E1N56",
        "何光明",
        "蒋丽",
        f"{AREA_CODE}-5263318",
        "kangning@example.com",
        "青溪县城关镇人民路210号",
    ),
    "institute": _organisation(
        ApplicantType.RESEARCH,
        "瓯江师范学院农村教育研究所",
        "12",
        "47150283",
        "许文博",
        "潘晓燕",
        f"{AREA_CODE}-5931107",
        "rural-edu@example.edu.cn",
        "青溪县城关镇学院路1号",
    ),
    "chunmiao": _organisation(
        ApplicantType.PUBLIC_WELFARE,
        "青溪县春苗助学公益服务中心",
        "52",
        "MJ1608A4",
        "叶春燕",
        "叶春燕",
        "13819806624",
        "chunmiao@example.org",
        "青溪县城关镇文化街22号",
    ),
    "lawfirm": _organisation(
        ApplicantType.LEGAL_SERVICE,
        "浙江青川律师事务所",
        "31",
        "33000871",
        "吕志远",
        "方静律师",
        f"{AREA_CODE}-5327790",
        "qingchuan-law@example.com",
        "青溪县城关镇中山街128号",
    ),
    "association": _organisation(
        ApplicantType.OTHER,
        "青溪县民办教育协会",
        "51",
        "MJ1611B7",
        "徐国平",
        "钟慧",
        f"{AREA_CODE}-5410059",
        "",
        "青溪县城关镇新华路45号",
    ),
}


@dataclass(frozen=True)
class Case:
    agency: str  # demo agency slug
    applicant: str
    channel: str
    received: int  # working days before today
    description: str
    steps: tuple = ()
    key: str = ""


B = "《中华人民共和国政府信息公开条例》"
ONLINE, IN_PERSON, LETTER, FAX, EMAIL, OTHER = "online", "in_person", "letter", "fax", "email", "other"

CASES = [
    # 县教育局 ---------------------------------------------------------------------------------
    Case(
        "jyj",
        "zhou",
        ONLINE,
        236,
        "申请公开2025年秋季城区小学一年级学区划分方案及各校招生计划数。",
        (("start", 1), ("decide", 6, Outcome.DISCLOSED, "", "page"), ("deliver", 1, "email"), ("archive", 3)),
        key="enrolment",
    ),
    Case(
        "jyj",
        "hengda",
        LETTER,
        221,
        "申请公开青溪县第二中学综合楼维修工程的中标通知书和施工合同。",
        (
            ("start", 1),
            ("release", 8),
            ("decide", 4, Outcome.PARTLY_DISCLOSED, f"{B}第三十七条", ""),
            ("deliver", 2, "post"),
            ("archive", 5),
        ),
    ),
    Case(
        "jyj",
        "chen",
        IN_PERSON,
        206,
        "申请公开2025年全县高考各考点保密室视频监控的布设方案。",
        (
            ("start", 1),
            ("decide", 9, Outcome.STATE_SECRET, f"{B}第十四条：属于国家秘密", ""),
            ("deliver", 1, "in_person"),
            ("archive", 4),
        ),
    ),
    Case(
        "jyj",
        "institute",
        EMAIL,
        191,
        "申请提供本县2024年中小学在校学生家庭经济状况调查的原始调查表。",
        (
            ("start", 1),
            ("decide", 10, Outcome.PROHIBITED_BY_LAW, f"《中华人民共和国统计法》第九条、{B}第十四条", ""),
            ("deliver", 1, "email"),
            ("archive", 5),
        ),
    ),
    Case(
        "jyj",
        "lawfirm",
        LETTER,
        176,
        "申请公开县教育局与青溪县启明教育咨询有限公司签订的课后服务外包协议及该公司的报价单。",
        (
            ("start", 1),
            ("third_party", 3, "青溪县启明教育咨询有限公司", 10),
            (
                "decide",
                4,
                Outcome.THIRD_PARTY,
                f"{B}第十五条、第三十二条：第三方不同意公开且不公开不会对公共利益造成重大影响",
                "",
            ),
            ("deliver", 1, "post"),
            ("archive", 5),
            ("appeal", AppealKind.REVIEW, "青政复〔2026〕3号", "青溪县人民政府", AppealResult.UPHELD),
        ),
    ),
    Case(
        "jyj",
        "chunmiao",
        ONLINE,
        161,
        "申请公开县教育局党组会议研究2025年教师交流轮岗方案时的讨论记录。",
        (
            ("start", 1),
            ("decide", 8, Outcome.PROCESS_INFORMATION, f"{B}第十六条第二款：属于讨论记录等过程性信息", ""),
            ("deliver", 1, "email"),
            ("archive", 3),
        ),
    ),
    Case(
        "jyj",
        "wu",
        ONLINE,
        151,
        "申请公开关于我孩子学校的所有文件。",
        (
            ("start", 1),
            ("supplement", 1, "请写明学校名称、文件名称或者所需信息的时间范围等特征性描述。", 6),
            ("decide", 5, Outcome.STILL_UNCLEAR, f"{B}第三十条：经补正后申请内容仍不明确", ""),
            ("deliver", 1, "post"),
            ("archive", 4),
        ),
    ),
    Case(
        "jyj",
        "huang",
        LETTER,
        141,
        "反映城关镇中心小学一名教师体罚学生的问题，要求教育局调查处理并公开处理结果。",
        (
            ("start", 1),
            ("decide", 5, Outcome.PETITION, f"{B}第三十九条第一款：属于信访举报投诉类申请，已转信访渠道处理", ""),
            ("deliver", 1, "post"),
            ("archive", 4),
        ),
    ),
    Case(
        "jyj",
        "zhou",
        ONLINE,
        121,
        "申请公开2025年秋季城区小学一年级学区划分方案和各校招生计划。",
        (
            ("start", 1),
            ("decide", 4, Outcome.REPEATED, f"{B}第三十六条第（六）项：已就同一政府信息作出答复", ""),
            ("deliver", 1, "email"),
            ("archive", 3),
        ),
        key="repeated",
    ),
    Case(
        "jyj",
        "zheng",
        ONLINE,
        111,
        "申请公开学校收费的相关文件。",
        (
            ("start", 1),
            ("supplement", 2, "请写明学校名称、收费项目和所需文件的年度。", None),
            ("decide", 1, Outcome.NO_SUPPLEMENT, "", ""),
            ("deliver", 1, "post"),
            ("archive", 5),
        ),
    ),
    Case(
        "jyj",
        "association",
        LETTER,
        101,
        "申请提供《青溪县教育志（1990—2020）》全文。",
        (
            ("start", 1),
            ("decide", 5, Outcome.PUBLICATION, f"{B}第三十九条第二款：要求提供公开出版物，已告知获取途径", ""),
            ("deliver", 2, "post"),
        ),
    ),
    Case(
        "jyj",
        "lin",
        IN_PERSON,
        81,
        "申请公开2025年度县级教学成果奖的评审结果及评审专家名单。",
        (
            ("start", 1),
            ("decide", 3, Outcome.OTHER, "申请人于答复前书面撤回申请", ""),
            ("deliver", 0, "in_person"),
        ),
    ),
    Case(
        "jyj",
        "huang",
        ONLINE,
        71,
        "申请公开县教育局2015年至2025年全部公文的发文登记簿、收文登记簿及全部会议纪要。",
        (
            ("start", 1),
            ("reasons", 2, "申请数量较大、频次较高，请说明理由。", 8),
            ("decide", 3, Outcome.EXCESSIVE, f"{B}第三十五条：申请人未能说明合理理由", ""),
            ("deliver", 1, "post"),
        ),
    ),
    Case(
        "jyj",
        "chunmiao",
        EMAIL,
        61,
        "请按学校分列统计近五年全县中小学生近视率的变化情况，并形成分析报告。",
        (
            ("start", 1),
            ("decide", 10, Outcome.WOULD_NEED_CREATING, f"{B}第三十八条：需要对现有政府信息进行加工、分析", ""),
            ("deliver", 1, "email"),
        ),
    ),
    Case(
        "jyj",
        "sun",
        ONLINE,
        13,
        "申请公开2026年县教育局部门预算及“三公”经费预算情况。",
        (
            ("start", 1),
            ("decide", 8, Outcome.DISCLOSED, "", "already_public"),
        ),
    ),
    Case(
        "jyj",
        "zhao",
        ONLINE,
        2,
        "申请公开本县2026年城乡居民医保缴费标准及缴费渠道。",
        (("transfer", 2, "wjj"),),
        key="transferred",
    ),
    Case(
        "jyj", "wu", ONLINE, 0, "申请公开2026年春季学期城区学校课后服务的收费标准及收费依据。", (), key="status_example"
    ),
    Case("jyj", "sun", ONLINE, 20, "测试测试123", (("discard", 1, "内容为测试文字，不是政府信息公开申请。"),)),
    Case("jyj", "zheng", LETTER, 1, "申请公开城关镇第三小学新校区建设项目的环境影响评价批复文件。"),
    Case("jyj", "institute", EMAIL, 5, "申请提供2025年全县义务教育阶段教师编制数及实有人数。", (("start", 1),)),
    Case("jyj", "hengda", ONLINE, 17, "申请公开县实验幼儿园新园区配套设备采购项目的采购文件。", (("start", 1),)),
    Case(
        "jyj",
        "lin",
        ONLINE,
        4,
        "申请公开我小区附近学校的招生情况。",
        (("start", 1), ("supplement", 3, "请写明小区名称或者学校名称，以及所需招生信息的年度。", None)),
    ),
    Case(
        "jyj",
        "lawfirm",
        LETTER,
        8,
        "申请公开县教育局与教辅发行单位签订的2026年教辅材料征订合同。",
        (("start", 1), ("third_party", 4, "青溪县新华书店有限公司", None)),
    ),
    Case(
        "jyj",
        "chunmiao",
        ONLINE,
        24,
        "申请公开2021年至2025年全县农村留守儿童关爱经费的分配明细及使用情况。",
        (
            ("start", 1),
            ("extend", 14, 15, "涉及五个年度、二十三所学校的经费明细，需要逐校核对。"),
        ),
        key="extended",
    ),
    Case(
        "jyj",
        "chen",
        IN_PERSON,
        26,
        "申请公开2026年县教育局公开招聘教师的考察人员名单及考察结果。",
        (("start", 1),),
        key="overdue",
    ),
    # 县卫健局 ---------------------------------------------------------------------------------
    Case(
        "wjj",
        "zhao",
        ONLINE,
        231,
        "申请公开2025年上半年全县法定传染病疫情的统计情况。",
        (("start", 1), ("decide", 7, Outcome.DISCLOSED, "", "page"), ("deliver", 1, "email"), ("archive", 4)),
    ),
    Case(
        "wjj",
        "sun",
        FAX,
        216,
        "申请公开县疾控中心保存高致病性病原微生物菌（毒）种的具体地点及管理人员名单。",
        (
            ("start", 1),
            ("decide", 10, Outcome.SECURITY_STABILITY, f"{B}第十四条：公开后可能危及公共安全", ""),
            ("deliver", 1, "post"),
            ("archive", 5),
        ),
    ),
    Case(
        "wjj",
        "kangning",
        EMAIL,
        196,
        "申请公开县卫健局机关内部干部考核办法及2025年局机关干部考核排名。",
        (
            ("start", 1),
            ("decide", 9, Outcome.INTERNAL_AFFAIRS, f"{B}第十六条第一款：属于内部管理信息", ""),
            ("deliver", 1, "email"),
            ("archive", 3),
        ),
    ),
    Case(
        "wjj",
        "lin",
        ONLINE,
        181,
        "申请公开县卫健局对某诊所作出行政处罚的全部执法案卷材料，包括询问笔录和现场检查记录。",
        (
            ("start", 1),
            ("decide", 12, Outcome.ENFORCEMENT_FILE, f"{B}第十六条第二款：属于行政执法案卷信息", ""),
            ("deliver", 1, "post"),
            ("archive", 4),
            ("appeal", AppealKind.LAWSUIT_DIRECT, "（2026）浙1123行初15号", "青溪县人民法院", AppealResult.PENDING),
        ),
    ),
    Case(
        "wjj",
        "wu",
        IN_PERSON,
        166,
        "申请查询本人2023年在县人民医院住院期间的全部病历资料。",
        (
            ("start", 1),
            (
                "decide",
                5,
                Outcome.QUERY_MATTER,
                f"{B}第三十六条第（七）项：属于行政查询事项，请向医疗机构申请复制病历",
                "",
            ),
            ("deliver", 0, "in_person"),
            ("archive", 3),
        ),
    ),
    Case(
        "wjj",
        "huang",
        OTHER,
        131,
        "要求县卫健局对已取得的2024年医疗纠纷调解意见书予以确认，并重新盖章出具。",
        (
            ("start", 1),
            ("decide", 6, Outcome.CONFIRMATION, f"{B}第三十九条第二款：要求确认或者重新出具已获取的信息", ""),
            ("deliver", 2, "post"),
            ("archive", 4),
        ),
    ),
    Case(
        "wjj",
        "kangning",
        EMAIL,
        116,
        "申请提供2018年至2025年县域内全部医疗器械不良事件监测报告的纸质复印件（约四千页）。",
        (
            ("start", 1),
            ("fee", 4, "1200.00"),
            ("decide", 12, Outcome.FEE_UNPAID, f"{B}第四十二条；国办函〔2020〕109号", ""),
            ("deliver", 1, "email"),
        ),
    ),
    Case(
        "wjj",
        "zhou",
        ONLINE,
        36,
        "申请公开2026年秋冬季流感疫苗接种点名单、接种时间和收费标准。",
        (("start", 1), ("decide", 5, Outcome.DISCLOSED, "", "already_public"), ("deliver", 1, "email")),
        key="flu",
    ),
    Case(
        "wjj",
        "chen",
        IN_PERSON,
        31,
        "请提供本县今年流感疫苗接种点名单和接种收费标准。",
        (("start", 1), ("decide", 6, Outcome.DISCLOSED, "", "already_public")),
        key="flu",
    ),
    Case(
        "wjj",
        "association",
        LETTER,
        28,
        "申请公开2026年流感疫苗接种点名单及收费标准。",
        (("start", 1), ("decide", 4, Outcome.DISCLOSED, "", "already_public"), ("deliver", 2, "post")),
        key="flu",
    ),
    Case("wjj", "sun", ONLINE, 3, "申请公开县人民医院2025年度部门决算及医疗服务收入构成。", (("start", 1),)),
    Case(
        "wjj",
        "hengda",
        LETTER,
        6,
        "申请公开县卫健局2020年以来作出的全部行政许可决定书。",
        (("start", 1), ("reasons", 4, "申请数量较大，请说明理由或者缩小申请范围。", None)),
    ),
    Case(
        "wjj",
        "institute",
        EMAIL,
        7,
        "申请提供2025年全县居民死因监测年报中分乡镇的统计数据。",
        (("start", 1), ("agency", 4, "丽水市卫生健康委员会", None)),
    ),
    Case(
        "wjj",
        "chunmiao",
        LETTER,
        9,
        "申请提供2015年至2025年全县乡镇卫生院基本公共卫生服务项目考核资料的纸质复印件。",
        (("start", 1), ("fee", 3, "360.00")),
    ),
    Case("wjj", "wu", ONLINE, 10, "申请公开城关镇社区卫生服务中心迁建项目的选址论证材料。", (("start", 2),)),
] + [
    # Last year's applications, decided and filed long ago: what the demo's annual reports count.
    Case(agency, applicant, channel, received, description, (("start", 1), *steps, ("archive", 3)))
    for agency, applicant, channel, received, description, steps in (
        (
            "jyj",
            "zheng",
            ONLINE,
            262,
            "申请公开2025年全县义务教育阶段学校课后服务收费标准。",
            (("decide", 5, Outcome.DISCLOSED, "", "page"), ("deliver", 1, "email")),
        ),
        (
            "jyj",
            "lin",
            IN_PERSON,
            288,
            "申请公开城关第三小学2025年春季插班生录取名单的确定办法。",
            (("decide", 7, Outcome.DISCLOSED, "", "page"), ("deliver", 1, "in_person")),
        ),
        (
            "jyj",
            "association",
            LETTER,
            315,
            "申请公开2024年度县级教育费附加的使用情况明细。",
            (("decide", 12, Outcome.DISCLOSED, "", "page"), ("deliver", 2, "post")),
        ),
        (
            "jyj",
            "sun",
            ONLINE,
            341,
            "申请公开县教育局2024年教师招聘面试评分细则。",
            (("decide", 9, Outcome.NOT_HELD, f"{B}第三十六条第（四）项：本机关不掌握", ""), ("deliver", 1, "email")),
        ),
        (
            "jyj",
            "zhao",
            ONLINE,
            372,
            "举报某培训机构违规收费，请求查处并公开处理结果。",
            (("decide", 4, Outcome.PETITION, f"{B}第三十九条第一款：属于信访举报投诉", ""), ("deliver", 1, "email")),
        ),
        (
            "jyj",
            "hengda",
            LETTER,
            404,
            "申请公开青溪县第一中学食堂改造工程的招标文件。",
            (("decide", 10, Outcome.DISCLOSED, "", "page"), ("deliver", 2, "post")),
        ),
        (
            "wjj",
            "kangning",
            EMAIL,
            275,
            "申请公开2025年第一季度全县医疗机构校验结果。",
            (("decide", 8, Outcome.DISCLOSED, "", "page"), ("deliver", 1, "email")),
        ),
        (
            "wjj",
            "huang",
            IN_PERSON,
            330,
            "申请公开石门乡卫生院2024年医疗服务收费项目清单。",
            (("decide", 6, Outcome.DISCLOSED, "", "page"), ("deliver", 1, "in_person")),
        ),
        (
            "wjj",
            "lawfirm",
            LETTER,
            361,
            "申请公开县卫健局对某诊所作出的行政处罚案卷全部材料。",
            (
                ("decide", 11, Outcome.ENFORCEMENT_FILE, f"{B}第十六条第二款：属于行政执法案卷信息", ""),
                ("deliver", 2, "post"),
            ),
        ),
        (
            "wjj",
            "sun",
            ONLINE,
            398,
            "申请公开县疾控中心2024年度财务审计报告原件。",
            (("decide", 9, Outcome.WOULD_NEED_CREATING, f"{B}第三十八条：需要另行制作", ""), ("deliver", 1, "email")),
        ),
    )
]

#: Where the answers "already published" point.
ALREADY_PUBLIC = {
    "jyj": "青溪县政府信息公开平台 › 县教育局 › 财政预决算（2026年2月发布）",
    "wjj": "青溪县卫生健康局网站“通知公告”栏目《关于2026年秋冬季流感疫苗接种工作的公告》",
}
#: The one part of the released contract withheld (Art 37), with its reason.
REDACTION_REASON = "项目经理个人身份证号码和手机号码，属于第三方个人信息（条例第十五条）"
