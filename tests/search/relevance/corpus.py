"""A relevance test set written for Gongkai: a fictional county's disclosure documents and graded queries.

Each topic gives three documents — the policy itself (with its 文号), its interpretation
(解读) and a notice about it — and each agency publishes a yearly summary and plan that
mention its topics in passing. Routine news and meeting reports are the noise a real site
has. Some catalogue items carry attachments (tables, forms, lists) whose content is written
nowhere else. Grades: 2 = the document the citizen is looking for, 1 = relevant.

Every query has a kind (``KINDS``), so that the measures say *where* search falls short:
official wording, everyday wording, typing slips, attachment content — and queries that
must find nothing at all (grades ``{}``): nonsense sharing common words with the corpus,
and 文号/索引号 that nobody issued.
"""

from dataclasses import dataclass, field

AGENCIES = {
    "edu": ("青溪县教育局", "县教育局", "青教"),
    "hrss": ("青溪县人力资源和社会保障局", "县人社局", "青人社"),
    "housing": ("青溪县住房和城乡建设局", "县住建局", "青建"),
    "health": ("青溪县卫生健康局", "县卫健局", "青卫"),
    "civil": ("青溪县民政局", "县民政局", "青民"),
    "market": ("青溪县市场监督管理局", "县市场监管局", "青市监"),
    "env": ("青溪县生态环境分局", "县生态环境分局", "青环"),
    "gov": ("青溪县人民政府办公室", "县政府办", "青政办"),
}


@dataclass
class Topic:
    key: str
    agency: str
    title: str  # the policy document's title
    number: int  # its 文号 serial (year 2025)
    purpose: str
    detail: str
    notice_title: str
    notice_body: str
    summary: str  # how the agency's yearly summary mentions it
    # (query, {part: grade}); a part is "policy", "interpretation", "notice", "reports" (the agency's
    # summary and plan) or another document's full key ("penalty:policy")
    queries: list = field(default_factory=list)


TOPICS = [
    Topic(
        "dibao",
        "civil",
        "青溪县最低生活保障审核确认办法",
        3,
        "规范最低生活保障审核确认工作，保障困难群众基本生活",
        "共同生活的家庭成员人均收入低于当地最低生活保障标准，且财产状况符合规定的，可以申请最低生活保障；申请人向户籍所在地乡镇人民政府提出书面申请，乡镇人民政府应当自受理之日起三十日内完成审核",
        "关于调整2025年城乡最低生活保障标准的通知",
        "自2025年7月1日起，城市最低生活保障标准提高到每人每月860元，农村最低生活保障标准提高到每人每月720元。",
        "完成城乡最低生活保障标准调整，全年发放保障资金",
        [
            ("低保", {"policy": 2, "interpretation": 2, "notice": 2, "reports": 1}),
            ("低保怎么申请", {"policy": 2, "interpretation": 2}),
            ("最低生活保障标准", {"notice": 2, "policy": 2, "interpretation": 1}),
        ],
    ),
    Topic(
        "tekun",
        "civil",
        "青溪县特困人员认定办法",
        5,
        "做好特困人员救助供养工作",
        "无劳动能力、无生活来源、无法定赡养抚养扶养义务人的老年人、残疾人以及未满十六周岁的未成年人，依法纳入特困人员救助供养范围，供养形式分为分散供养和集中供养",
        "关于开展特困供养对象年度复核的通知",
        "各乡镇对辖区内特困供养对象逐户开展年度复核，复核结果于12月底前报县民政局。",
        "规范特困人员认定和救助供养",
        [
            ("五保户", {"policy": 2, "interpretation": 2, "notice": 1}),
            ("特困人员认定条件", {"policy": 2, "interpretation": 2}),
        ],
    ),
    Topic(
        "linshi",
        "civil",
        "青溪县临时救助实施细则",
        7,
        "解决群众遭遇突发性、紧迫性、临时性生活困难问题",
        "因火灾、交通事故等意外事件或家庭成员突发重大疾病导致基本生活暂时出现严重困难的家庭，可以申请临时救助；救助金额一般不超过当地月最低生活保障标准的六倍",
        "关于公布临时救助申请受理窗口的公告",
        "群众可向户籍所在地乡镇人民政府社会事务办或县民政局社会救助窗口申请临时救助。",
        "及时实施临时救助，切实兜住民生底线",
        [
            ("临时救助", {"policy": 2, "interpretation": 2, "notice": 1, "reports": 1}),
            ("突发困难 救助", {"policy": 2, "interpretation": 1}),
        ],
    ),
    Topic(
        "elder",
        "civil",
        "青溪县高龄津贴发放管理办法",
        9,
        "弘扬敬老爱老传统，提高高龄老年人生活质量",
        "具有本县户籍、年满八十周岁的老年人，按月享受高龄津贴；八十至八十九周岁每人每月100元，九十至九十九周岁每人每月200元，百岁及以上每人每月500元",
        "关于做好高龄津贴资格认证工作的通知",
        "享受高龄津贴的老年人每年需进行一次资格认证，可通过手机刷脸或由村（社区）工作人员上门认证。",
        "按时足额发放高龄津贴，开展养老服务提质行动",
        [
            ("高龄津贴", {"policy": 2, "interpretation": 2, "notice": 2, "reports": 1}),
            ("高龄津帖", {"policy": 2, "interpretation": 2, "notice": 2}),  # 帖 for 贴
            ("八十岁老人补贴", {"policy": 2, "interpretation": 2, "notice": 1}),
        ],
    ),
    Topic(
        "gjj_draw",
        "housing",
        "青溪县住房公积金提取管理办法",
        11,
        "规范住房公积金提取行为，维护缴存职工合法权益",
        "职工购买、建造、翻建、大修自住住房，偿还购房贷款本息，或租赁自住住房的，可以提取本人住房公积金账户内的存储余额；租房提取每年不超过一万二千元",
        "关于2025年度住房公积金缴存基数调整的公告",
        "2025年度住房公积金月缴存基数上限为27000元，下限为当地最低工资标准。",
        "优化住房公积金提取服务，实现租房提取全程网办",
        [
            ("公积金提取", {"policy": 2, "interpretation": 2, "reports": 1}),
            ("租房提取公积金", {"policy": 2, "interpretation": 2}),
            ("公积金 租房 提取", {"policy": 2, "interpretation": 2}),
            ("公积金提区", {"policy": 2, "interpretation": 2}),  # 区 for 取
            ("公积金缴存基数", {"notice": 2, "policy": 1}),
        ],
    ),
    Topic(
        "old_reno",
        "housing",
        "青溪县城镇老旧小区改造实施方案",
        13,
        "改善城镇居民居住条件，推动老旧小区改造",
        "重点改造2000年底前建成的城镇老旧小区，改造内容分为基础类、完善类和提升类，包括加装电梯、雨污分流、外墙保温和增设停车位",
        "关于公示2025年老旧小区改造项目名单的公告",
        "拟将城关镇人民路小区、东门小区等12个小区列入2025年老旧小区改造计划，现予公示。",
        "完成12个老旧小区改造，加装电梯30部",
        [
            ("老旧小区改造", {"policy": 2, "interpretation": 2, "notice": 2, "reports": 1}),
            ("旧小区加装电梯", {"policy": 2, "interpretation": 2, "reports": 1}),
        ],
    ),
    Topic(
        "selfbuilt",
        "housing",
        "青溪县农村自建房安全管理办法",
        15,
        "加强农村自建房安全管理，保障人民群众生命财产安全",
        "农村村民新建住房应当依法取得宅基地和规划许可，三层及以上或用作经营的自建房应当委托有资质的单位设计和施工；经营性自建房应当开展房屋安全鉴定",
        "关于开展经营性自建房安全隐患排查的通知",
        "各乡镇对用作餐饮、民宿、商铺的经营性自建房开展拉网式排查，发现隐患立即整改。",
        "推进自建房安全专项整治",
        [
            ("自建房安全", {"policy": 2, "interpretation": 2, "notice": 2, "reports": 1}),
            ("农村盖房审批", {"policy": 2, "interpretation": 1}),
        ],
    ),
    Topic(
        "rent",
        "housing",
        "青溪县公共租赁住房保障办法",
        17,
        "解决城镇中等偏下收入住房困难家庭和新就业无房职工住房问题",
        "申请公共租赁住房的家庭应当在本县无自有住房，人均月收入低于上年度城镇居民人均可支配收入的百分之七十；租金按同地段市场租金的百分之六十确定",
        "关于2025年公租房配租摇号结果的公告",
        "2025年第二批公共租赁住房配租摇号已在公证人员监督下完成，共有86户家庭取得配租资格。",
        "完成公租房配租86户",
        [
            ("公租房申请条件", {"policy": 2, "interpretation": 2}),
            ("公租房摇号结果", {"notice": 2, "policy": 1}),
            ("公共租赁住房", {"policy": 2, "interpretation": 2, "notice": 1}),
        ],
    ),
    Topic(
        "wage",
        "hrss",
        "青溪县保障农民工工资支付实施办法",
        19,
        "规范农民工工资支付行为，根治欠薪",
        "工程建设领域实行农民工工资专用账户和总包单位代发工资制度，施工总承包单位按工程合同价款的一定比例存储工资保证金；农民工可以拨打12333举报拖欠工资",
        "关于公布欠薪举报投诉渠道的公告",
        "农民工遇到拖欠工资问题，可拨打12345或12333热线，或到县劳动保障监察大队现场投诉。",
        "开展根治欠薪冬季专项行动，为农民工追回工资",
        [
            ("拖欠工资投诉", {"notice": 2, "policy": 2, "interpretation": 1, "reports": 1}),
            ("农民工工资保证金", {"policy": 2, "interpretation": 2}),
        ],
    ),
    Topic(
        "startup",
        "hrss",
        "青溪县创业担保贷款实施办法",
        21,
        "鼓励创业带动就业，支持重点群体自主创业",
        "高校毕业生、返乡创业农民工、退役军人等重点群体自主创业的，可以申请最高三十万元的个人创业担保贷款，财政按规定给予贴息",
        "关于开展创业担保贷款集中受理的通知",
        "即日起至11月30日，县就业服务中心集中受理创业担保贷款申请，申请人需携带身份证和营业执照。",
        "发放创业担保贷款，扶持创业带动就业",
        [
            ("创业贷款", {"policy": 2, "interpretation": 2, "notice": 2, "reports": 1}),
            ("创业担保贷款", {"policy": 2, "interpretation": 2, "notice": 2, "reports": 1}),
            ("大学生创业贴息", {"policy": 2, "interpretation": 2}),
        ],
    ),
    Topic(
        "jobsub",
        "hrss",
        "青溪县就业补贴资金管理办法",
        23,
        "规范就业补贴资金使用，提高资金使用效益",
        "就业补贴资金用于职业培训补贴、社会保险补贴、公益性岗位补贴、一次性吸纳就业补贴和就业见习补贴，企业吸纳高校毕业生就业的按每人一千元给予一次性补贴",
        "关于申报2025年度稳岗返还的通知",
        "参保企业上年度未裁员或裁员率低于规定比例的，可以申请失业保险稳岗返还，返还标准为上年度实际缴纳失业保险费的百分之六十。",
        "落实就业补贴和稳岗返还政策",
        [
            ("稳岗返还", {"notice": 2, "policy": 1, "reports": 1}),
            ("企业吸纳就业补贴", {"policy": 2, "interpretation": 2}),
        ],
    ),
    Topic(
        "pension",
        "hrss",
        "青溪县城乡居民基本养老保险实施办法",
        25,
        "完善城乡居民基本养老保险制度",
        "年满十六周岁、不是在校学生、未参加职工基本养老保险的本县户籍居民，可以参加城乡居民基本养老保险；缴费档次设为每年200元至5000元十四个档次，年满六十周岁可按月领取养老金",
        "关于做好2026年度城乡居民养老保险缴费工作的通知",
        "2026年度城乡居民养老保险集中缴费期为1月1日至12月31日，可通过银行、手机客户端等渠道缴费。",
        "提高城乡居民基础养老金",
        [
            ("城乡居民养老保险缴费档次", {"policy": 2, "interpretation": 2, "notice": 1}),
            ("社保缴费", {"notice": 2, "policy": 1}),
            ("养老金 领取 年龄", {"policy": 2, "interpretation": 2}),
        ],
    ),
    Topic(
        "admission",
        "edu",
        "青溪县义务教育阶段学校招生入学工作方案",
        27,
        "做好义务教育阶段招生入学工作，保障适龄儿童少年平等接受义务教育",
        "小学一年级招收年满六周岁的适龄儿童，实行划片招生、免试就近入学；随迁子女凭居住证和父母就业证明申请入学，民办学校招生与公办学校同步进行",
        "关于公布2025年城区小学学区划分的公告",
        "2025年城区公办小学学区范围已确定，实验小学服务城关镇人民路以东片区，二小服务西门片区。",
        "平稳完成义务教育招生入学",
        [
            ("小学入学", {"policy": 2, "interpretation": 2, "notice": 1, "reports": 1}),
            ("学区划分", {"notice": 2, "policy": 1}),
            ("随迁子女 上学", {"policy": 2, "interpretation": 2}),
        ],
    ),
    Topic(
        "afterschool",
        "edu",
        "青溪县中小学课后服务管理办法",
        29,
        "规范中小学课后服务，减轻家长接送负担",
        "课后服务每周五天、每天不少于两小时，主要开展作业辅导、体育锻炼和兴趣活动；课后服务坚持学生家长自愿原则，收费标准按每生每学期不超过三百元执行",
        "关于2025年秋季学期课后服务收费的公告",
        "经县发展改革局核定，2025年秋季学期课后服务按每生每学期280元收取，家庭经济困难学生免收。",
        "课后服务实现义务教育学校全覆盖",
        [
            ("课后服务收费", {"notice": 2, "policy": 2, "interpretation": 1}),
            ("放学后托管", {"policy": 2, "interpretation": 2, "notice": 1}),
        ],
    ),
    Topic(
        "aid",
        "edu",
        "青溪县学生资助工作实施办法",
        31,
        "健全学生资助政策体系，确保不让一个学生因家庭经济困难而失学",
        "学前教育阶段对家庭经济困难儿童减免保育教育费，普通高中国家助学金平均每生每年两千元，中等职业学校学生免除学费",
        "关于开展2025年秋季学期家庭经济困难学生认定的通知",
        "各学校在开学后一个月内完成家庭经济困难学生认定，认定结果在校内公示五个工作日。",
        "精准资助家庭经济困难学生",
        [
            ("助学金", {"policy": 2, "interpretation": 2, "notice": 1}),
            ("贫困学生认定", {"notice": 2, "policy": 1, "interpretation": 1}),
        ],
    ),
    Topic(
        "kindergarten",
        "edu",
        "青溪县学前教育普及普惠发展行动计划",
        33,
        "扩大普惠性学前教育资源，解决入园难、入园贵问题",
        "到2027年，公办幼儿园在园幼儿占比达到百分之六十以上，普惠性幼儿园覆盖率达到百分之九十；新建小区配套幼儿园移交教育部门办成公办园",
        "关于公布2025年秋季公办幼儿园招生计划的公告",
        "2025年秋季全县公办幼儿园计划招收小班幼儿1200名，报名时间为7月10日至7月15日。",
        "新增公办学位，学前教育普惠水平提高",
        [
            ("幼儿园招生", {"notice": 2, "policy": 2, "interpretation": 1}),
            ("普惠性幼儿园", {"policy": 2, "interpretation": 2}),
        ],
    ),
    Topic(
        "vaccine",
        "health",
        "青溪县适龄女性HPV疫苗免费接种工作方案",
        35,
        "加快消除宫颈癌公共卫生问题",
        "为本县户籍、年满十三周岁的在校女生免费接种两剂次双价HPV疫苗，接种前需由监护人签署知情同意书，接种点设在县妇幼保健院和各乡镇卫生院",
        "关于开展秋季HPV疫苗接种预约的通知",
        "符合条件的女生由学校统一组织预约，首剂接种时间为9月15日至10月31日。",
        "启动适龄女性HPV疫苗免费接种",
        [
            ("HPV疫苗", {"policy": 2, "interpretation": 2, "notice": 2, "reports": 1}),
            ("宫颈癌疫苗免费", {"policy": 2, "interpretation": 2, "notice": 1}),
        ],
    ),
    Topic(
        "family_doctor",
        "health",
        "青溪县家庭医生签约服务实施方案",
        37,
        "推进家庭医生签约服务，提升基层医疗卫生服务能力",
        "家庭医生团队为签约居民提供基本医疗、公共卫生和健康管理服务，重点人群签约率达到百分之七十五以上；签约服务费由医保基金、公共卫生经费和签约居民付费分担",
        "关于公布家庭医生团队名单及联系方式的公告",
        "现将各乡镇卫生院家庭医生团队名单及签约咨询电话予以公布，居民可就近签约。",
        "重点人群家庭医生签约率提升",
        [
            ("家庭医生签约", {"policy": 2, "interpretation": 2, "notice": 2, "reports": 1}),
            ("签约医生电话", {"notice": 2}),
        ],
    ),
    Topic(
        "medins",
        "health",
        "青溪县城乡居民基本医疗保险实施细则",
        39,
        "完善城乡居民基本医疗保险制度，减轻群众医疗费用负担",
        "城乡居民医保实行个人缴费与政府补助相结合，住院费用在一级医院报销比例为百分之八十五；参保人员在集中缴费期内缴费，享受待遇期为次年一月一日至十二月三十一日",
        "关于2026年度城乡居民医保集中参保缴费的通知",
        "2026年度城乡居民医保个人缴费标准为每人每年400元，集中缴费期截至2025年12月31日。",
        "城乡居民医保参保率保持在百分之九十五以上",
        [
            ("医保报销比例", {"policy": 2, "interpretation": 2}),
            ("医保缴费", {"notice": 2, "policy": 1, "interpretation": 1}),
            ("医疗保险 住院 报销", {"policy": 2, "interpretation": 2}),
        ],
    ),
    Topic(
        "birth",
        "health",
        "青溪县育儿补贴发放实施办法",
        41,
        "减轻家庭生育养育负担，促进人口长期均衡发展",
        "对三周岁以下婴幼儿按每孩每年三千六百元发放育儿补贴，由婴幼儿父母一方向户籍所在地乡镇提出申请，补贴资金直接发放至申请人社会保障卡",
        "关于开通育儿补贴线上申领的公告",
        "育儿补贴已开通线上申领，群众可通过政务服务平台提交申请，无需提供纸质材料。",
        "落实育儿补贴政策",
        [
            ("育儿补贴", {"policy": 2, "interpretation": 2, "notice": 2, "reports": 1}),
            ("生孩子补贴怎么领", {"policy": 2, "interpretation": 2, "notice": 2}),
        ],
    ),
    Topic(
        "license",
        "market",
        "青溪县市场主体登记便利化改革实施方案",
        43,
        "优化营商环境，提升市场主体登记便利度",
        "推行经营范围规范化登记和住所申报承诺制，开办企业营业执照、公章刻制、涉税事项一日办结，个体工商户营业执照可全程网上办理",
        "关于启用电子营业执照的公告",
        "自即日起，市场主体可通过手机下载电子营业执照，电子营业执照与纸质营业执照具有同等法律效力。",
        "企业开办时间压缩至一个工作日",
        [
            ("营业执照办理", {"policy": 2, "interpretation": 2, "notice": 2, "reports": 1}),
            ("开公司 流程", {"policy": 2, "interpretation": 2}),
            ("营商环境", {"policy": 2, "interpretation": 2, "penalty:policy": 1, "penalty:interpretation": 1}),
        ],
    ),
    Topic(
        "food",
        "market",
        "青溪县校园食品安全守护行动方案",
        45,
        "保障校园食品安全，守护学生舌尖上的安全",
        "学校食堂全面实施明厨亮灶，落实校长陪餐制度，校外供餐单位每学期至少接受一次全项目监督检查；对校园周边食品经营者开展专项检查",
        "关于2025年第三季度食品安全抽检结果的公告",
        "本季度共抽检食品样品320批次，合格315批次，不合格产品已依法处置。",
        "开展校园食品安全专项检查，食品抽检合格率保持高位",
        [
            ("食堂食品安全", {"policy": 2, "interpretation": 2, "reports": 1}),
            ("食品抽检不合格", {"notice": 2, "q3check": 2}),  # q3check: the 通报 below, its list attached
        ],
    ),
    Topic(
        "price",
        "market",
        "青溪县明码标价和禁止价格欺诈规定实施细则",
        47,
        "规范经营者明码标价行为，维护消费者合法权益",
        "经营者销售商品和提供服务应当按照规定明码标价，不得在标价之外加价出售商品，不得收取任何未予标明的费用；消费者可拨打12315举报价格违法行为",
        "关于节假日期间价格监管的提醒告诫书",
        "国庆期间各景区周边餐饮住宿经营者应当严格落实明码标价，不得哄抬价格。",
        "查处价格违法案件",
        [
            ("明码标价", {"policy": 2, "interpretation": 2, "notice": 2}),
            ("12315投诉", {"policy": 2, "interpretation": 1}),
        ],
    ),
    Topic(
        "eia",
        "env",
        "青溪县建设项目环境影响评价文件审批程序规定",
        49,
        "规范建设项目环境影响评价文件审批",
        "建设单位应当在开工建设前报批建设项目环境影响报告书或者报告表，审批部门自受理之日起六十日内作出审批决定；审批前应当对环境影响报告书进行公示",
        "关于青溪县城北污水处理厂扩建项目环境影响评价文件受理情况的公示",
        "城北污水处理厂扩建项目环境影响报告书已受理，公众可在公示期内提出意见。",
        "完成建设项目环评审批",
        [
            ("环评审批", {"policy": 2, "interpretation": 2, "notice": 1, "reports": 1}),
            ("污水处理厂环评公示", {"notice": 2}),
            ("环境影响评价", {"policy": 2, "interpretation": 2, "notice": 1}),
        ],
    ),
    Topic(
        "straw",
        "env",
        "青溪县秸秆禁烧和综合利用工作方案",
        51,
        "改善空气质量，推进秸秆综合利用",
        "全县范围内禁止露天焚烧农作物秸秆，推广秸秆机械化还田和饲料化、能源化利用，对露天焚烧秸秆的依法处罚",
        "关于夏季秸秆禁烧工作的通告",
        "夏收期间，全县范围内严禁露天焚烧秸秆，违者由生态环境部门依法处罚。",
        "秸秆综合利用率保持在百分之九十五以上",
        [
            ("秸秆焚烧", {"policy": 2, "interpretation": 2, "notice": 2, "reports": 1}),
            ("烧秸秆罚款", {"policy": 2, "interpretation": 2, "notice": 2}),
        ],
    ),
    Topic(
        "noise",
        "env",
        "青溪县噪声污染防治实施方案",
        53,
        "防治噪声污染，营造安静生活环境",
        "夜间二十二时至次日六时禁止在噪声敏感建筑物集中区域进行产生噪声的建筑施工作业，因特殊需要必须连续施工的，应当取得夜间施工证明并公告附近居民",
        "关于中考期间禁止夜间施工的通告",
        "中考期间，城区范围内禁止一切产生噪声的夜间施工作业。",
        "开展噪声污染专项整治",
        [
            ("夜间施工噪音", {"policy": 2, "interpretation": 2, "notice": 2}),
            ("噪声扰民 投诉", {"policy": 2, "interpretation": 2}),
        ],
    ),
    Topic(
        "review",
        "gov",
        "青溪县行政复议工作规定",
        55,
        "规范行政复议工作，保护公民、法人和其他组织的合法权益",
        "公民、法人或者其他组织认为行政行为侵犯其合法权益的，可以自知道该行政行为之日起六十日内向县人民政府申请行政复议；行政复议机关应当自受理之日起六十日内作出行政复议决定",
        "关于公布行政复议申请受理地点的公告",
        "县人民政府行政复议申请受理窗口设在县政务服务中心二楼司法行政窗口。",
        "行政复议化解行政争议主渠道作用发挥",
        [
            ("行政复议", {"policy": 2, "interpretation": 2, "notice": 2, "reports": 1}),
            ("行政复议申请期限", {"policy": 2, "interpretation": 2}),
            ("申请期限 行政复议", {"policy": 2, "interpretation": 2}),
            ("行政复义", {"policy": 2, "interpretation": 2, "notice": 1}),
        ],
    ),
    Topic(
        "disclosure",
        "gov",
        "青溪县政府信息公开工作规定",
        57,
        "保障公民依法获取政府信息，提高政府工作透明度",
        "行政机关应当建立健全政府信息公开保密审查机制，坚持先审查、后公开；公民申请获取政府信息的，行政机关应当自收到申请之日起二十个工作日内予以答复",
        "关于公布2024年政府信息公开工作年度报告的公告",
        "按照政府信息公开条例规定，现公布全县各部门2024年政府信息公开工作年度报告。",
        "政府信息公开质量提升，依申请公开按时答复",
        [
            ("信息公开申请答复期限", {"policy": 2, "interpretation": 2}),
            ("政府信息公开年度报告", {"notice": 2, "policy": 1, "reports": 1}),
            ("保密审查 公开", {"policy": 2, "interpretation": 2}),
        ],
    ),
    Topic(
        "procurement",
        "gov",
        "青溪县政府采购管理办法",
        59,
        "规范政府采购行为，提高政府采购资金使用效益",
        "采购人采购货物或者服务达到公开招标数额标准的，应当采用公开招标方式；政府采购项目信息应当在指定媒体公开，中标结果公告期限为一个工作日",
        "关于2025年度县级政府集中采购目录的通知",
        "2025年度县级政府集中采购目录包括计算机、打印机、公务用车和物业管理服务等。",
        "政府采购全流程电子化",
        [
            ("政府采购", {"policy": 2, "interpretation": 2, "notice": 2, "reports": 1}),
            ("集中采购目录", {"notice": 2, "policy": 1}),
        ],
    ),
    Topic(
        "budget",
        "gov",
        "青溪县预算公开实施办法",
        61,
        "推进预算公开，接受社会监督",
        "各部门应当在县人大批准预算后二十日内公开部门预算，决算经批复后二十日内公开部门决算，同时公开“三公”经费预决算及其增减变化原因",
        "关于公开2025年县级部门预算的公告",
        "全县各部门2025年部门预算及“三公”经费预算已在县政府门户网站集中公开。",
        "部门预决算和三公经费全部公开",
        [
            ("三公经费", {"policy": 2, "interpretation": 2, "notice": 2, "reports": 1}),
            ("部门预算公开", {"policy": 2, "interpretation": 2, "notice": 2}),
        ],
    ),
    Topic(
        "flood",
        "gov",
        "青溪县防汛抗旱应急预案",
        63,
        "做好防汛抗旱工作，最大限度减少灾害损失",
        "应急响应分为四级，发布暴雨红色预警时启动一级应急响应；各乡镇应当组织转移危险区域群众，落实山塘水库巡查值守",
        "关于进入主汛期的通知",
        "全县自6月1日起进入主汛期，各乡镇各部门落实二十四小时防汛值班制度。",
        "修订防汛抗旱应急预案，安全度汛",
        [
            ("防汛应急预案", {"policy": 2, "interpretation": 2, "notice": 1, "reports": 1}),
            ("暴雨 应急响应", {"policy": 2, "interpretation": 2}),
        ],
    ),
    # Topics added for the everyday-wording queries: their texts use only the official terms.
    Topic(
        "yidi",
        "health",
        "青溪县基本医疗保险异地就医直接结算实施办法",
        65,
        "方便参保人员异地就医，减少群众垫资和往返奔波",
        "参保人员因异地长期居住、异地工作或者转诊转院需要到县外定点医疗机构就医的，应当先办理异地就医备案；备案可通过国家医保服务平台或县医疗保障服务窗口办理，已备案人员在县外定点医疗机构发生的住院和门诊费用实行直接结算，未备案临时外出就诊人员的个人先行自付比例提高十个百分点",
        "关于开通异地就医备案线上办理的通知",
        "即日起，参保人员可通过手机办理异地就医备案，备案即时生效，无需到窗口提交纸质材料。",
        "推进异地就医直接结算，扩大跨省联网定点医疗机构覆盖面",
        [("异地就医备案", {"policy": 2, "interpretation": 2, "notice": 2, "reports": 1})],
    ),
    Topic(
        "weifa",
        "housing",
        "青溪县违法建设治理办法",
        67,
        "加强城乡规划管理，遏制违法建设行为",
        "未取得建设工程规划许可证或者未按照许可内容进行建设的，属于违法建设；乡镇人民政府和县综合行政执法部门应当加强日常巡查，对正在建设的违法建筑责令停止建设，对无法采取改正措施消除影响的违法建筑依法限期拆除；任何单位和个人有权向县住建局举报违法建设行为",
        "关于开展城乡违法建设专项整治行动的通告",
        "自2025年4月起，全县开展为期半年的违法建设专项整治行动，重点整治新增违法建筑和占用耕地建房行为，当事人应当在规定期限内自行拆除。",
        "开展违法建设专项整治，依法拆除违法建筑",
        [("违法建设治理", {"policy": 2, "interpretation": 2, "notice": 1, "reports": 1})],
    ),
    Topic(
        "zhengshou",
        "housing",
        "青溪县国有土地上房屋征收与补偿实施办法",
        69,
        "规范国有土地上房屋征收与补偿活动，维护被征收人合法权益",
        "房屋征收部门应当对征收范围内房屋的权属、区位、用途和建筑面积等情况组织调查登记；被征收人可以选择货币补偿，也可以选择房屋产权调换；对被征收房屋价值的补偿不得低于房屋征收决定公告之日类似房地产的市场价格，并另行支付搬迁费和临时安置费",
        "关于城东片区旧城改建项目房屋征收决定的公告",
        "县人民政府决定对城东片区旧城改建项目范围内的国有土地上房屋实施征收，签约期限为公告之日起九十日，被征收人可在期限内选择补偿方式。",
        "依法实施城东片区房屋征收，被征收人合法权益得到保障",
        [("房屋征收补偿", {"policy": 2, "interpretation": 2, "notice": 1, "reports": 1})],
    ),
    Topic(
        "penalty",
        "market",
        "青溪县市场监督管理行政处罚裁量基准适用规定",
        71,
        "规范行政处罚裁量权行使，优化营商环境",
        "行政处罚裁量基准是市场监管部门在法定处罚种类和幅度内确定处罚的具体标准，违法行为分为不予处罚、减轻处罚、从轻处罚、一般处罚和从重处罚五个阶次；初次违法且危害后果轻微并及时改正的，可以不予行政处罚；违法情节严重、拒不改正的，依法从重处罚",
        "关于公布市场监管领域轻微违法行为不予行政处罚清单的公告",
        "现公布市场监管领域轻微违法行为不予行政处罚清单，涉及广告、价格、计量等领域二十项违法行为。",
        "推行包容审慎监管，落实行政处罚裁量基准",
        [("行政处罚裁量基准", {"policy": 2, "interpretation": 2, "notice": 1, "reports": 1})],
    ),
    Topic(
        "zhengwu",
        "gov",
        "青溪县政务服务延时错时和预约服务实施方案",
        73,
        "提升政务服务便利度，解决群众工作日难以到窗口的问题",
        "县政务服务中心在工作日中午和傍晚实行延时服务，每周六上午开设周末服务窗口，办理社会保障、不动产登记、户籍证件等高频事项；群众可以通过电话或者政务服务网提前预约，周末和法定节假日对预约事项提供帮办代办服务",
        "关于县政务服务中心推行周六上午正常服务的公告",
        "自2025年5月起，县政务服务中心每周六上午九时至十二时对外服务，综合受理窗口和不动产登记窗口同步开放。",
        "政务服务中心推行延时错时和周末预约服务",
        [("政务服务预约", {"policy": 2, "interpretation": 2, "reports": 1})],
    ),
    Topic(
        "immunize",
        "health",
        "青溪县儿童预防接种服务管理办法",
        75,
        "规范儿童预防接种服务，提高免疫规划疫苗接种率",
        "儿童出生后一个月内，监护人应当到居住地的接种单位为其办理预防接种证；国家免疫规划疫苗实行免费接种，接种单位应当在接种前告知疫苗品种、作用、禁忌和不良反应，托幼机构和学校在儿童入托、入学时应当查验预防接种证，对未按规定接种的督促补种",
        "关于调整城区预防接种门诊服务时间的通知",
        "自2025年9月1日起，城区预防接种门诊服务时间调整为每周一至周五上午八时至十一时三十分，每周六上午为补种专场。",
        "儿童免疫规划疫苗接种率保持在百分之九十五以上",
        [("预防接种证办理", {"policy": 2, "interpretation": 2})],
    ),
]

DOC_NUMBER_QUERIES = [
    # (query as typed, topic key): brackets as citizens type them
    ("青民发〔2025〕3号", "dibao"),
    ("青建发[2025]11号", "gjj_draw"),
    ("青教发(2025)27号", "admission"),
    ("青政办发﹝2025﹞55号", "review"),
    ("青卫发（2025）35号", "vaccine"),
]

# Everyday words where the documents use the official term (the pair a general lexicon carries
# is noted); grades as (topic key, {part: grade}).
COLLOQUIAL_QUERIES = [
    ("异地看病备案", "yidi", {"policy": 2, "interpretation": 2, "notice": 2}),  # 看病 → 就医/就诊
    ("违章建筑举报", "weifa", {"policy": 2, "interpretation": 2, "notice": 1}),  # 违章建筑 → 违法建设/违法建筑
    ("违建拆除", "weifa", {"policy": 2, "interpretation": 2, "notice": 2, "reports": 1}),  # 违建 → 违法建筑
    ("罚款标准", "penalty", {"policy": 2, "interpretation": 2, "notice": 1}),  # 罚款 → 行政处罚
    ("拆迁补偿", "zhengshou", {"policy": 2, "interpretation": 2, "notice": 1}),  # 拆迁 → 征收
    ("周末办事", "zhengwu", {"policy": 2, "interpretation": 2, "notice": 2, "reports": 1}),  # 办事 → 政务服务
    ("社保补贴", "jobsub", {"policy": 2, "interpretation": 2}),  # 社保 → 社会保险
    ("低保标准", "dibao", {"notice": 2, "policy": 2, "interpretation": 1}),  # 低保 → 最低生活保障
    ("托管收费", "afterschool", {"notice": 2, "policy": 2, "interpretation": 1}),  # 托管 → 课后服务
    ("噪音扰民", "noise", {"policy": 2, "interpretation": 2, "notice": 1}),  # 噪音 → 噪声
    ("儿童打疫苗", "immunize", {"policy": 2, "interpretation": 2, "notice": 1, "reports": 1}),  # 打疫苗 → 疫苗接种
    ("五保户 集中供养", "tekun", {"policy": 2, "interpretation": 2}),  # 五保户 → 特困人员
    ("上学划片", "admission", {"policy": 2, "interpretation": 2, "notice": 1}),  # 上学 → 入学
]

# One wrong character in a word the corpus uses in three or more documents: (as typed, the
# judged query it slips from, kind). The grades are the correct query's. A homophone has the
# same toneless pinyin (pypinyin); a variant does not (a similar-looking or neighbouring key).
TYPO_QUERIES = [
    ("医宝缴费", "医保缴费", "homophone"),  # 宝/保 bao
    ("公基金提取", "公积金提取", "homophone"),  # 基/积 ji
    ("营业直照办理", "营业执照办理", "homophone"),  # 直/执 zhi
    ("课后服物收费", "课后服务收费", "homophone"),  # 物/务 wu
    ("老旧小曲改造", "老旧小区改造", "homophone"),  # 曲/区 qu
    ("家庭依生签约", "家庭医生签约", "homophone"),  # 依/医 yi
    ("临时就助", "临时救助", "homophone"),  # 就/救 jiu
    ("秸杆焚烧", "秸秆焚烧", "homophone"),  # 杆/秆 gan
    ("幼儿园招升", "幼儿园招生", "homophone"),  # 升/生 sheng
    ("行政处法裁量基准", "行政处罚裁量基准", "homophone"),  # 法/罚 fa
    ("城乡居民养老保显缴费档次", "城乡居民养老保险缴费档次", "homophone"),  # 显/险 xian
    ("公积全提取", "公积金提取", "variant"),  # 全 for 金
    ("最低生话保障标准", "最低生活保障标准", "variant"),  # 话 for 活
    ("创业担保货款", "创业担保贷款", "variant"),  # 货 for 贷
    ("公共租货住房", "公共租赁住房", "variant"),  # 货 for 赁
    ("营商坏境", "营商环境", "variant"),  # 坏 for 环
    ("高龄律贴", "高龄津贴", "variant"),  # 律 for 津
    ("环境影响评介", "环境影响评价", "variant"),  # 介 for 价
]

# Nothing in the corpus is about these, though each shares common words with it (计划, 保护,
# 工作方案, 接待, 通知, 建设, 补贴, 登记, 安全, 检查, 培训): any result is a wrong result.
NONSENSE_QUERIES = [
    "火星殖民计划",
    "恐龙化石保护工作方案",
    "外星人接待工作通知",
    "海底隧道建设方案",
    "北极熊保护实施办法",
    "供暖安全",
    "航空母舰维修补贴",
    "月球土地买卖登记",
    "滑雪场安全检查",
    "潜水艇驾驶培训",
]

# 文号 of the corpus's prefixes, and a 索引号 of the default pattern, that no document has.
MISSING_NUMBER_QUERIES = [
    "青教发〔2031〕999号",
    "青民发〔2025〕88号",
    "青人社发[2024]3号",
    "青卫发（2025）36号",
    "青政办发〔2025〕2号",
    "888888881/2025-00042",  # {org_code}/{year}-{serial}, a valid code no agency of the corpus has
]


@dataclass
class Attachment:
    """A file attached to a catalogue item; its extension decides the format (cms/demo/attachments.py)."""

    title: str
    filename: str
    paragraphs: tuple = ()  # .docx and .pdf
    rows: tuple = ()  # .xlsx rows, or a .docx table


ATTACHMENTS = {
    "elder:policy": Attachment(
        "青溪县高龄津贴申领登记表",
        "gaoling.docx",
        (
            "申请人姓名：＿＿＿＿  性别：＿＿  出生日期：＿＿＿＿",
            "户籍地址：＿＿＿＿乡镇＿＿＿＿村（社区）",
            "代领人姓名及与申请人关系：＿＿＿＿（申请人本人不能到场的，可由代领人凭申请人身份证办理）",
            "受理窗口：县民政局一楼便民服务窗口（溪滨路18号）；咨询电话：0578-6125180",
        ),
    ),
    "admission:policy": Attachment(
        "2025年城区公办小学学区范围表",
        "xuequ.xlsx",
        rows=(
            ("学校", "学区范围"),
            ("青溪县实验小学", "人民路以东、清溪路、文昌路、解放街"),
            ("青溪县第二小学", "西门街、溪滨路、新华路、桃源新村"),
            ("青溪县城北小学", "北环路、工业园区生活区、城北新村"),
        ),
    ),
    "jobsub:policy": Attachment(
        "青溪县就业补贴标准明细表",
        "buzhu.xlsx",
        rows=(
            ("补贴项目", "补贴对象", "补贴标准"),
            ("职业技能培训补贴", "取得初级工证书", "每人1000元"),
            ("职业技能培训补贴", "取得中级工证书", "每人1500元"),
            ("职业技能培训补贴", "取得高级工证书", "每人2000元"),
            ("就业见习补贴", "见习单位", "每人每月1600元"),
            ("公益性岗位补贴", "用人单位", "按当地最低工资标准"),
        ),
    ),
    "old_reno:policy": Attachment(
        "2025年城镇老旧小区改造项目清单",
        "xiaoqu.xlsx",
        rows=(
            ("序号", "小区名称", "所在乡镇", "建成年份", "户数", "主要改造内容"),
            (1, "人民路小区", "城关镇", 1996, 240, "加装电梯、雨污分流"),
            (2, "东门小区", "城关镇", 1998, 186, "外墙保温、增设停车位"),
            (3, "粮站宿舍", "城关镇", 1989, 64, "屋面防水、管网更新"),
            (4, "农机厂宿舍", "石门镇", 1992, 72, "雨污分流"),
            (5, "供销社小区", "白沙镇", 1995, 90, "增设停车位、绿化提升"),
        ),
    ),
    "vaccine:policy": Attachment(
        "HPV疫苗免费接种点一览表",
        "jiezhongdian.docx",
        ("接种前请携带身份证明和监护人签署的知情同意书。",),
        (
            ("接种点", "地址", "咨询电话", "接种时间"),
            ("县妇幼保健院", "城关镇健康路6号", "0578-6132120", "周一至周五上午"),
            ("石门镇卫生院", "石门镇府前街12号", "0578-6281035", "每周二、周四上午"),
            ("龙潭乡卫生院", "龙潭乡龙溪村", "0578-6356012", "每周三上午"),
            ("白沙镇卫生院", "白沙镇沙埠街3号", "0578-6410228", "每周五上午"),
        ),
    ),
    "procurement:policy": Attachment(
        "青溪县2025年政府集中采购目录及采购限额标准",
        "caigou.xlsx",
        rows=(
            ("类别", "品目或项目", "标准"),
            ("集中采购目录", "台式计算机", "含一体机"),
            ("集中采购目录", "复印纸", "A4、A3规格"),
            ("分散采购限额标准", "货物和服务类", "单项或批量金额100万元以上"),
            ("分散采购限额标准", "工程类", "单项或批量金额120万元以上"),
            ("公开招标数额标准", "货物和服务类", "400万元以上"),
        ),
    ),
    "eia:policy": Attachment(
        "建设项目环境影响评价文件报批材料清单",
        "baopi.docx",
        (
            "一、建设项目环境影响评价文件报批申请书；",
            "二、环境影响报告书（表）全本及用于公示的文本；",
            "三、公众参与说明（编制报告书的项目）；",
            "四、排污许可衔接情况说明；",
            "五、建设单位营业执照或者法人证书复印件。",
        ),
    ),
    "pension:policy": Attachment(
        "城乡居民基本养老保险待遇领取须知",
        "daiyu.pdf",
        (
            "一、待遇领取条件：年满六十周岁、累计缴费满十五年的参保人员，可以按月领取养老金。",
            "二、基础养老金：每人每月190元，随全县标准调整同步提高。",
            "三、丧葬补助金：参保人员死亡的，其法定继承人可以一次性领取丧葬补助金2000元。",
            "四、个人账户余额可以依法继承。",
        ),
    ),
    "aid:policy": Attachment(
        "2025年秋季学期学生资助项目及标准一览表",
        "zizhu.xlsx",
        rows=(
            ("学段", "资助项目", "资助标准"),
            ("学前教育", "保育教育费减免", "每生每年1000元"),
            ("普通高中", "国家助学金", "一档每生每年2500元，二档每生每年1500元"),
            ("中等职业学校", "国家助学金", "每生每年2000元"),
            ("中等职业学校", "雨露计划职业教育补助", "每生每学期1500元"),
        ),
    ),
    "review:policy": Attachment(
        "行政复议申请书（格式文本）",
        "fuyi.docx",
        (
            "申请人：姓名＿＿ 性别＿＿ 出生年月＿＿ 住址＿＿ 联系电话＿＿",
            "被申请人：＿＿＿＿",
            "行政复议请求：＿＿＿＿",
            "事实和理由：＿＿＿＿",
            "此致 青溪县人民政府",
            "申请人（签名）：＿＿＿＿    年  月  日",
        ),
    ),
    "zhengshou:policy": Attachment(
        "城东片区旧城改建项目房屋征收补偿标准",
        "buchang.pdf",
        (
            "一、被征收房屋重置价格：钢筋混凝土结构每平方米2100元，砖混结构每平方米1800元，砖木结构每平方米1300元。",
            "二、搬迁费：每户每次3000元，选择产权调换的按两次计算。",
            "三、临时安置费：选择产权调换的，过渡期内按被征收房屋建筑面积每月每平方米12元计发。",
            "四、按期签约奖励：在签约期限内签订补偿协议并按期腾空房屋的，每户奖励二万元。",
        ),
    ),
    "linshi:q3list": Attachment(
        "2025年第三季度临时救助实施情况表",
        "linshi.xlsx",
        rows=(
            ("乡镇", "救助户数", "救助人次", "救助金额（元）", "主要救助事由"),
            ("城关镇", 14, 31, 52800, "突发重大疾病"),
            ("溪口乡", 6, 15, 21600, "火灾"),
            ("石门镇", 9, 20, 30400, "交通事故"),
            ("龙潭乡", 4, 9, 12800, "突发重大疾病"),
            ("白沙镇", 7, 18, 25200, "洪涝灾害"),
        ),
    ),
    "food:q3check": Attachment(
        "2025年第三季度食品安全监督抽检不合格产品信息",
        "choujian.xlsx",
        rows=(
            ("产品名称", "被抽样单位", "不合格项目", "检验结果", "标准值"),
            ("韭菜", "城关镇农贸市场经营户", "腐霉利", "0.82mg/kg", "≤0.2mg/kg"),
            ("鲜湿米粉", "白沙镇米粉加工坊", "苯甲酸及其钠盐", "0.31g/kg", "不得使用"),
            ("散装白酒", "石门镇副食品店", "甲醇", "0.92g/L", "≤0.6g/L"),
        ),
    ),
}

# Catalogue items whose substance is their attachment: (key, agency, title, body); the key's
# first part is the topic the item belongs to.
ATTACHMENT_ITEMS = [
    (
        "linshi:q3list",
        "civil",
        "关于2025年第三季度临时救助实施情况的公示",
        "根据《青溪县临时救助实施细则》，现将2025年第三季度全县临时救助实施情况予以公示，具体情况见附件。公示期为七日。",
    ),
    (
        "food:q3check",
        "market",
        "关于2025年第三季度食品安全监督抽检情况的通报",
        "本季度全县共完成食品安全监督抽检320批次，不合格产品信息见附件，相关产品已依法处置。",
    ),
]

# Queries answered only by an attachment's content: {document key: grade}.
ATTACHMENT_QUERIES = [
    ("高龄津贴 代领人", {"elder:policy": 2}),
    ("桃源新村 学区", {"admission:policy": 2}),
    ("中级工证书 补贴", {"jobsub:policy": 2}),
    ("粮站宿舍 改造", {"old_reno:policy": 2}),
    ("龙潭乡卫生院 HPV", {"vaccine:policy": 2}),
    ("分散采购限额标准", {"procurement:policy": 2}),
    ("环评报批材料清单", {"eia:policy": 2}),
    ("丧葬补助金", {"pension:policy": 2}),
    ("雨露计划 补助", {"aid:policy": 2}),
    ("行政复议申请书 格式", {"review:policy": 2}),
    ("按期签约奖励", {"zhengshou:policy": 2}),
    ("溪口乡 火灾 救助", {"linshi:q3list": 2}),
    ("米粉 苯甲酸", {"food:q3check": 2}),
]

ROUTINE_NEWS = [
    ("召开党组理论学习中心组学习会议", "会议传达学习了上级有关会议精神，研究部署下一阶段重点工作。"),
    ("开展安全生产大检查", "检查组深入一线，对消防设施、用电安全和应急通道进行了全面检查。"),
    ("举办业务能力提升培训班", "培训采取专题授课和案例分析相结合的方式，全体干部职工参加。"),
    ("召开季度工作推进会", "会议通报了前三季度重点工作完成情况，分析存在的问题，部署四季度工作。"),
    ("开展“世界读书日”主题活动", "活动倡导全民阅读，向群众赠送图书并开展读书分享。"),
    ("开展节前廉政提醒谈话", "局主要负责同志对中层以上干部进行集体廉政谈话，强调严守纪律。"),
    ("接待上级调研组", "调研组实地察看了基层服务窗口，听取了工作情况汇报。"),
    ("召开年度民主生活会", "班子成员逐一进行对照检查，开展批评和自我批评。"),
]

KINDS = ("topic", "number", "colloquial", "homophone", "variant", "attachment", "nonsense", "missing_number")
EMPTY_KINDS = ("nonsense", "missing_number")  # must return nothing


@dataclass
class Document:
    key: str
    agency: str
    kind: str  # "catalogue" or "announcement"
    title: str
    body: str
    doc_number: str = ""
    attachments: tuple = ()


@dataclass(frozen=True)
class Judgement:
    query: str
    grades: dict  # {document key: grade}; empty for the kinds that must return nothing
    kind: str


def _doc_number(topic):
    prefix = AGENCIES[topic.agency][2]
    return f"{prefix}发〔2025〕{topic.number}号"


def _short(title):
    return title.removeprefix("青溪县")


def documents():
    docs = []
    for topic in TOPICS:
        name = AGENCIES[topic.agency][0]
        docs.append(
            Document(
                f"{topic.key}:policy",
                topic.agency,
                "catalogue",
                topic.title,
                f"为{topic.purpose}，根据有关法律法规，结合本县实际，制定本办法。{topic.detail}。本办法自印发之日起施行，由{name}负责解释。",
                _doc_number(topic),
            )
        )
        docs.append(
            Document(
                f"{topic.key}:interpretation",
                topic.agency,
                "catalogue",
                f"《{_short(topic.title)}》政策解读",
                f"近日，{name}印发了《{topic.title}》。一、出台背景：为{topic.purpose}。二、主要内容：{topic.detail}。三、咨询方式：可拨打{name}办公室电话咨询。",
            )
        )
        docs.append(
            Document(f"{topic.key}:notice", topic.agency, "announcement", topic.notice_title, topic.notice_body)
        )
    for key, agency, title, body in ATTACHMENT_ITEMS:
        docs.append(Document(key, agency, "catalogue", title, body))
    for agency, (name, short, _) in AGENCIES.items():
        own = [topic for topic in TOPICS if topic.agency == agency]
        summaries = "；".join(topic.summary for topic in own)
        docs.append(
            Document(
                f"{agency}:summary",
                agency,
                "catalogue",
                f"{name}2024年工作总结和2025年工作思路",
                f"2024年，{short}在县委、县政府的坚强领导下，{summaries}。2025年，将继续围绕中心、服务大局，推动各项工作再上新台阶。",
            )
        )
        docs.append(
            Document(
                f"{agency}:plan",
                agency,
                "catalogue",
                f"{name}2025年工作要点",
                f"2025年主要工作：{'；'.join('继续' + topic.summary for topic in own)}。同时加强党风廉政建设和干部队伍建设。",
            )
        )
        for number, (title, body) in enumerate(ROUTINE_NEWS):
            for quarter in (1, 2):
                docs.append(
                    Document(
                        f"{agency}:news{number}-{quarter}",
                        agency,
                        "announcement",
                        f"{short}{title}（{2025}年第{quarter}季度）" if quarter > 1 else f"{short}{title}",
                        f"{quarter}季度，{short}{body}",
                    )
                )
    for document in docs:
        if document.key in ATTACHMENTS:
            document.attachments = (ATTACHMENTS[document.key],)
    return docs


def _keys(topic, parts):
    """{document key: grade} from a topic's {part: grade}."""
    keys = {}
    for part, grade in parts.items():
        if part == "reports":
            keys[f"{topic.agency}:summary"] = grade
            keys[f"{topic.agency}:plan"] = grade
        else:
            keys[part if ":" in part else f"{topic.key}:{part}"] = grade
    return keys


def judged():
    """Every graded query as a :class:`Judgement`, in ``KINDS`` order."""
    topics = {topic.key: topic for topic in TOPICS}
    graded = [Judgement(query, _keys(topic, parts), "topic") for topic in TOPICS for query, parts in topic.queries]
    for query, key in DOC_NUMBER_QUERIES:
        graded.append(Judgement(query, {f"{key}:policy": 2, f"{key}:interpretation": 1}, "number"))
    for query, key, parts in COLLOQUIAL_QUERIES:
        graded.append(Judgement(query, _keys(topics[key], parts), "colloquial"))
    correct = {judgement.query: judgement.grades for judgement in graded}
    for query, right, kind in TYPO_QUERIES:
        graded.append(Judgement(query, dict(correct[right]), kind))
    graded.extend(Judgement(query, grades, "attachment") for query, grades in ATTACHMENT_QUERIES)
    graded.extend(Judgement(query, {}, "nonsense") for query in NONSENSE_QUERIES)
    graded.extend(Judgement(query, {}, "missing_number") for query in MISSING_NUMBER_QUERIES)
    return sorted(graded, key=lambda judgement: KINDS.index(judgement.kind))


def judgements():
    """[(query, {document key: grade})] of the queries that have an answer (the set before kinds)."""
    return [(judgement.query, judgement.grades) for judgement in judged() if judgement.grades]
