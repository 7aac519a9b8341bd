"""Demo data: varied, realistic households of Linyi City, written through the services.

For demonstrations, manual testing and the search benchmark. Every record is made by the same
service functions the UI calls, so it passes the real rules: ID check digits and sex, village
codes, the 2–4 pairing rule, the referral lifecycle, guardian consent for children under 14.
The people are fictitious (random names, made-up ID numbers with valid check digits, invented
employers); the villages, schools and catalogue entries are real.

The same seed on an empty database gives the same data; a second call adds more households
without reusing any ID number already in the database.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, replace

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from fieldapp.domain import clock, vocab
from fieldapp.domain import referrals as referral_rules
from fieldapp.domain.divisions import Division, divisions
from fieldapp.domain.errors import ValidationError
from fieldapp.domain.hardship import HardshipInput, assess
from fieldapp.domain.idcard import make_id_number
from fieldapp.domain.people import MINOR_AGE_FOR_GUARDIAN, HouseholdData, MemberData, age_on
from fieldapp.services import assessments, cadres, households, item19, records, settings, visits
from fieldapp.services import referrals as referral_service
from fieldapp.storage.db import Database
from fieldapp.storage.models import Household, Member

C = vocab.HardshipCause
RS = vocab.ReferralStatus
HS = vocab.HealthStatus
WS = vocab.WorkStatus
Progress = Callable[[int, int], None]

BATCH_HOUSEHOLDS = 200  # households per transaction: a few fsyncs per thousand, bounded memory
NOTICE_VERSION = "个人信息处理告知书 2024版"


@dataclass(frozen=True)
class DemoSummary:
    """What one call added."""

    cadres: int
    households: int
    members: int
    visits: int
    assessments: int
    referrals: int
    relief: int
    consents: int


# --------------------------------------------------------------------------- vocabularies of names

# Common surnames, weighted roughly as in Shandong; 单 (Shàn), 曾 (Zēng), 仇 (Qiú) and 解 (Xiè) are
# read differently as surnames, which the pinyin search must cope with.
_SURNAMES: tuple[tuple[str, int], ...] = (
    ("王", 40), ("李", 34), ("张", 34), ("刘", 26), ("陈", 12), ("杨", 12), ("赵", 10), ("黄", 6),
    ("周", 8), ("吴", 6), ("徐", 14), ("孙", 14), ("马", 8), ("朱", 8), ("胡", 6), ("郭", 7),
    ("何", 4), ("林", 5), ("高", 12), ("罗", 4), ("郑", 5), ("宋", 7), ("韩", 6), ("冯", 5),
    ("于", 7), ("董", 6), ("杜", 8), ("颜", 4), ("庄", 4), ("厉", 2), ("魏", 5), ("薛", 3),
    ("崔", 4), ("丁", 4), ("公", 2), ("袁", 3), ("姜", 5), ("唐", 3), ("许", 3), ("田", 4),
    ("单", 2), ("曾", 2), ("仇", 1), ("解", 1),
)  # fmt: skip
_SURNAME_POOL = [s for s, _ in _SURNAMES]
_SURNAME_WEIGHTS = [w for _, w in _SURNAMES]

# Given names by generation: the names people of each age group actually carry.
_GIVEN: dict[tuple[str, vocab.Sex], tuple[str, ...]] = {
    ("old", vocab.Sex.MALE): (
        "玉山", "德胜", "庆福", "守田", "传贵", "洪恩", "永德", "继成", "广田", "本善", "立业", "长兴",
        "金堂", "士林", "学礼", "春生", "成", "福", "顺", "昌",
    ),
    ("old", vocab.Sex.FEMALE): (
        "秀英", "桂兰", "玉兰", "凤英", "秀兰", "淑珍", "桂英", "玉珍", "兰英", "秀云", "凤兰",
        "翠花", "桂芳", "玉芝", "氏",
    ),
    ("mid", vocab.Sex.MALE): (
        "建国", "建华", "志强", "卫东", "永刚", "海生", "传军", "玉良", "明亮", "学文", "德志",
        "振华", "红军", "庆国", "新民", "立新", "宝山", "长江", "洪涛", "家富", "云峰", "兆军",
        "勇", "军", "刚", "伟", "涛", "斌", "峰", "磊",
    ),
    ("mid", vocab.Sex.FEMALE): (
        "玉梅", "凤霞", "丽娟", "春燕", "红梅", "晓燕", "雪梅", "淑芬", "美玲", "秀芳", "桂荣",
        "海燕", "冬梅", "爱华", "红霞", "丽", "静", "敏", "燕", "霞", "娟", "芳",
    ),
    ("young", vocab.Sex.MALE): (
        "子豪", "浩然", "宇航", "俊杰", "博文", "梓轩", "一鸣", "家乐", "子涵", "明轩", "天佑",
        "嘉豪", "文博", "思远", "泽宇", "晨阳", "浩", "鑫", "凯", "超", "帅",
    ),
    ("young", vocab.Sex.FEMALE): (
        "欣怡", "梓涵", "雨桐", "诗琪", "佳怡", "思雨", "语嫣", "可欣", "雨萱", "梦瑶", "晓彤",
        "婉清", "心怡", "紫涵", "悦", "琳", "婷", "倩", "萌", "璐",
    ),
}  # fmt: skip

_MOBILE_PREFIXES = (
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155",
    "156", "157", "158", "159", "176", "177", "178", "180", "181", "182", "183", "185", "186",
    "187", "188", "189", "199",
)  # fmt: skip

# County-level units of Linyi; the high-tech zone has no GB/T 2260 code of its own, so people
# registered there carry the code of Lanshan District (of which it was part).
_ID_REGION_OF = {"371371": "371302"}

# Cadres' units. County federations are filled in from the division data.
_CITY_UNITS = ("临沂市总工会", "临沂市交通运输局工会", "临沂市人民医院工会", "临沂市住房和城乡建设局工会")
_CITY_POSTS = ("帮扶中心主任", "权益保障部副部长", "办公室科员", "干事", "经审办主任", "女职工部部长")
_COUNTY_POSTS = ("副主席", "干事", "帮扶中心主任", "组织部部长", "法律援助站站长", "科员")
_ENTERPRISES = (
    ("临沂鑫盛建筑集团有限公司", "建筑业"),
    ("山东沂蒙华康食品有限公司", "食品制造业"),
    ("临沂顺达物流有限公司", "交通运输、仓储和物流业"),
    ("临沂恒通陶瓷有限公司", "制造业"),
    ("临沂金泰板业有限公司", "木材加工业"),
    ("山东沂河机械制造有限公司", "制造业"),
    ("临沂汇鑫商贸城管理有限公司", "批发和零售业"),
)
_ENTERPRISE_POSTS = ("工会主席", "工会副主席", "工会干事", "车间工会主任", "女工委员")

# Employers of migrant workers who are not employed by a cadre's own unit (invented names).
_EMPLOYERS_AWAY = (
    ("青岛海湾电子科技有限公司", "制造业", "青岛"),
    ("上海浦江建设工程有限公司", "建筑业", "上海"),
    ("苏州新港精密机械有限公司", "制造业", "苏州"),
    ("北京顺安物业管理有限公司", "居民服务业", "北京"),
    ("天津滨海船舶配套有限公司", "制造业", "天津"),
    ("日照港通装卸服务有限公司", "交通运输、仓储和物流业", "日照"),
    ("济南泉城餐饮管理有限公司", "住宿和餐饮业", "济南"),
    ("宁波东海服装有限公司", "纺织服装业", "宁波"),
)
_EMPLOYERS_LOCAL = (
    ("兰山区宏达板材厂", "木材加工业"),
    ("罗庄区新利建材有限公司", "建筑材料业"),
    ("河东区华盛小商品批发市场", "批发和零售业"),
    ("临沂沂州大酒店有限公司", "住宿和餐饮业"),
    ("临沂城投市政工程有限公司", "建筑业"),
    ("临沂快捷通快递服务有限公司", "交通运输、仓储和物流业"),
)
_COLLEGES = (
    "临沂大学", "山东大学", "山东师范大学", "青岛大学", "曲阜师范大学", "山东农业大学", "济南大学",
    "山东理工大学", "临沂职业学院", "日照职业技术学院", "山东科技大学", "聊城大学",
)  # fmt: skip
_SERIOUS_ILLNESSES = (
    "尿毒症", "肺癌", "胃癌", "乳腺癌", "肝癌", "食道癌", "白血病", "脑出血后遗症", "冠心病（心脏支架术后）",
    "尘肺病", "重症肌无力", "脑梗塞后遗症",
)  # fmt: skip
_COMMON_ILLNESSES = ("高血压", "糖尿病", "腰椎间盘突出", "慢性胃炎", "风湿性关节炎", "慢性支气管炎", "颈椎病")


# --------------------------------------------------------------------------- plans

_STORIES: tuple[tuple[str, int], ...] = (
    ("illness", 25),
    ("schooling", 18),
    ("disability", 11),
    ("unemployed", 12),
    ("wages", 10),
    ("injury", 8),
    ("disaster", 5),
    ("insurance", 5),
    ("elderly", 6),
)
# The first households of a new demo set always show these cases, whatever the day the set is
# made on, so every form has a record to print: wage arrears with an active legal-aid case, a
# college student with a 金秋助学 referral and a serious illness with special relief.
_SHOWCASE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("wages", ("RIGHTS-WAGES", "RIGHTS-LEGALAID")),
    ("schooling", ("LIVING-JINQIU",)),
    ("illness", ("LIVING-SPECIAL",)),
)
_MAIN_CAUSE: dict[str, tuple[C, ...]] = {
    "illness": (C.SERIOUS_ILLNESS,),
    "schooling": (C.CHILDREN_SCHOOLING,),
    "disability": (C.NO_WORK_CAPACITY,),
    "unemployed": (C.UNEMPLOYED_ABLE, C.LAID_OFF),
    "wages": (C.OTHER, C.UNEMPLOYED_ABLE),
    "injury": (C.ACCIDENT,),
    "disaster": (C.NATURAL_DISASTER,),
    "insurance": (C.NO_SOCIAL_INSURANCE, C.INSURANCE_NOT_DELIVERED),
    "elderly": (C.NO_WORK_CAPACITY,),
}
# Share of households of each story aimed at 深度困难 / 相对困难 / 意外致困 (the rule decides).
_TARGETS: dict[str, tuple[int, int, int]] = {
    "injury": (15, 15, 70),
    "disaster": (15, 20, 65),
    "schooling": (40, 60, 0),
    "unemployed": (55, 45, 0),
    "wages": (45, 55, 0),
    "insurance": (40, 60, 0),
}
_DEFAULT_TARGET = (60, 40, 0)


@dataclass
class _Person:
    data: MemberData
    age: int
    role: str  # head | spouse | child | parent | grandchild
    member_id: str = ""

    @property
    def name(self) -> str:
        return self.data.name


@dataclass
class _CadrePlan:
    cadre_id: str
    name: str
    unit: str
    county: str | None  # the county a county federation serves
    enterprise: tuple[str, str] | None  # (name, industry) of an enterprise union
    extra_reason: str = ""  # why this cadre has more than four households


@dataclass
class _Totals:
    cadres: int = 0
    households: int = 0
    members: int = 0
    visits: int = 0
    assessments: int = 0
    referrals: int = 0
    relief: int = 0
    consents: int = 0

    def summary(self) -> DemoSummary:
        return DemoSummary(
            self.cadres,
            self.households,
            self.members,
            self.visits,
            self.assessments,
            self.referrals,
            self.relief,
            self.consents,
        )


@dataclass
class _Story:
    """What happened to one household, so that members, visits and referrals agree."""

    kind: str
    head: _Person
    people: list[_Person] = field(default_factory=list)
    patient: _Person | None = None
    student: _Person | None = None  # a child at college (金秋助学)
    employer: str = ""
    work_city: str = "临沂"
    arrears_yuan: int = 0
    rigid_fen: int = 0


# --------------------------------------------------------------------------- batching


@dataclass
class _BatchedDatabase(Database):
    """The same database, with the service calls of a batch sharing one transaction.

    Each service still opens `session()` and does exactly its usual work in it: its queries, its
    checks, and a flush that writes the outbox. Only the commit is shared, so that a thousand
    households cost a handful of fsyncs instead of fifteen thousand. If any call raises, the
    whole batch rolls back.
    """

    shared: Session | None = None

    @contextmanager
    def session(self) -> Iterator[Session]:
        if self.shared is None:
            with super().session() as s:
                yield s
            return
        yield self.shared
        self.shared.flush()

    @contextmanager
    def batch(self) -> Iterator[None]:
        with self.sessions() as s, s.begin():
            # The identity map holds rows weakly; keep this batch's rows alive so that the
            # services' lookups by primary key find them there instead of reloading them.
            keep: list[object] = []
            event.listen(s, "pending_to_persistent", lambda _s, obj: keep.append(obj))
            event.listen(s, "loaded_as_persistent", lambda _s, obj: keep.append(obj))
            self.shared = s
            try:
                yield
            finally:
                self.shared = None


def _existing_id_numbers(db: Database) -> set[str]:
    with db.session() as s:
        return {n for n in s.scalars(select(Member.id_number).where(Member.id_number.is_not(None))) if n}


def _household_count(db: Database) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(Household)) or 0)


# --------------------------------------------------------------------------- the generator


class _Generator:
    def __init__(self, db: _BatchedDatabase, rng: random.Random, dibao_fen: int) -> None:
        self.db = db
        self.rng = rng
        # decisions added later draw from their own stream, so a seed keeps giving the same households
        self.notice_rng = random.Random(rng.random())
        # item-19 figures: seeded from the stream's state without drawing from it (nothing else moves)
        self.item19_rng = random.Random(repr(rng.getstate()[1][:8]))
        self.today = clock.today()
        self.dibao = dibao_fen
        self.used_ids = _existing_id_numbers(db)
        self.index = divisions()
        self.counties = list(self.index.counties())
        self.villages: dict[str, list[Division]] = {}
        for county in self.counties:
            pool: list[Division] = []
            for township in self.index.townships(county.code):
                pool.extend(self.index.villages(township.code))
            self.villages[county.code] = pool
        self.totals = _Totals()

    # ----- small pickers

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def days_ago(self, low: int, high: int) -> dt.date:
        return self.today - dt.timedelta(days=self.rng.randint(low, high))

    def between(self, start: dt.date, end: dt.date) -> dt.date:
        if end <= start:
            return start
        return start + dt.timedelta(days=self.rng.randint(0, (end - start).days))

    def surname(self) -> str:
        return self.rng.choices(_SURNAME_POOL, _SURNAME_WEIGHTS)[0]

    def given(self, age: int, sex: vocab.Sex) -> str:
        generation = "old" if age >= 60 else "mid" if age >= 25 else "young"
        name = self.rng.choice(_GIVEN[(generation, sex)])
        return "" if name == "氏" else name

    def person_name(self, surname: str, age: int, sex: vocab.Sex) -> str:
        given = self.given(age, sex)
        if not given:  # old women registered as 王氏: rare now, give a real name instead
            given = self.rng.choice(_GIVEN[("old", vocab.Sex.FEMALE)][:-1])
        return surname + given

    def mobile(self) -> str:
        return self.rng.choice(_MOBILE_PREFIXES) + f"{self.rng.randrange(10**8):08d}"

    def birth(self, age: int) -> dt.date:
        # born `age` full years before today (the day within the year at random)
        day = self.today - dt.timedelta(days=1) if _feb29(self.today) else self.today
        return day.replace(year=day.year - age) - dt.timedelta(days=self.rng.randint(1, 364))

    def id_number(self, county_code: str, birth: dt.date, sex: vocab.Sex) -> str:
        region = _ID_REGION_OF.get(county_code, county_code)
        parity = 1 if sex == vocab.Sex.MALE else 0
        day = birth
        while True:
            for _ in range(20):
                seq = self.rng.randrange(0, 499) * 2 + parity + (2 if parity == 0 else 0)
                number = make_id_number(region, day, seq)
                if number not in self.used_ids:
                    self.used_ids.add(number)
                    return number
            day -= dt.timedelta(days=1)  # that day is full: try the day before

    def village(self, county_code: str | None) -> Division:
        county = county_code or self.rng.choice(self.counties).code
        return self.rng.choice(self.villages[county])

    def address(self, village: Division) -> str:
        if village.name.endswith(("居民委员会", "居委会", "社区")):
            return (
                f"{self.rng.randint(1, 24)}号楼{self.rng.randint(1, 4)}单元"
                f"{self.rng.randint(1, 6)}0{self.rng.randint(1, 4)}室"
            )
        return f"{self.rng.randint(1, 9)}组{self.rng.randint(1, 90)}号"

    # ----- cadres

    def cadre(self) -> _CadrePlan:
        r = self.rng.random()
        county: str | None = None
        enterprise: tuple[str, str] | None = None
        if r < 0.2:
            unit, post = self.rng.choice(_CITY_UNITS), self.rng.choice(_CITY_POSTS)
        elif r < 0.7:
            c = self.rng.choice(self.counties)
            county = c.code
            unit, post = f"{c.name}总工会", self.rng.choice(_COUNTY_POSTS)
        else:
            enterprise = self.rng.choice(_ENTERPRISES)
            unit, post = f"{enterprise[0]}工会", self.rng.choice(_ENTERPRISE_POSTS)
        age = self.rng.randint(26, 56)
        sex = vocab.Sex.MALE if self.chance(0.6) else vocab.Sex.FEMALE
        name = self.person_name(self.surname(), age, sex)
        cadre_id = cadres.add_cadre(self.db, name, unit, post, self.mobile())
        self.totals.cadres += 1
        return _CadrePlan(cadre_id, name, unit, county, enterprise)

    # ----- people

    def story(self, plan: _CadrePlan | None, village: Division, kind: str | None = None) -> _Story:
        rng = self.rng
        kind = kind or rng.choices([k for k, _ in _STORIES], [w for _, w in _STORIES])[0]
        county = village.code[:6]
        if kind == "elderly":
            head_age = rng.randint(60, 74)
        elif kind == "schooling":
            head_age = rng.randint(40, 55)
        else:
            head_age = rng.randint(28, 60)
        single = kind != "elderly" and self.chance(0.12)
        head_sex = vocab.Sex.FEMALE if single and self.chance(0.6) else vocab.Sex.MALE
        if kind == "elderly" and self.chance(0.3):
            head_sex = vocab.Sex.FEMALE
            single = True
        surname = self.surname()
        head_name = self.person_name(surname, head_age, head_sex)

        if plan is not None and plan.enterprise is not None:
            employer, industry = plan.enterprise
            work_city = "临沂"
        elif self.chance(0.45):
            employer, industry, work_city = rng.choice(_EMPLOYERS_AWAY)
        else:
            employer, industry = rng.choice(_EMPLOYERS_LOCAL)
            work_city = "临沂"

        head_health, illness, dis_cat, dis_grade = HS.GOOD, "", None, None
        work = WS.MIGRANT_WORKER
        contract: bool | None = self.chance(0.55)
        income_insured = self.chance(0.5)
        if kind == "disability":
            head_health = HS.DISABLED
            dis_cat = rng.choice(list(vocab.DisabilityCategory))
            dis_grade = rng.choice(list(vocab.DisabilityGrade))
            work = rng.choice([WS.UNABLE, WS.UNABLE, WS.FARMING, WS.OTHER])
        elif kind == "injury":
            head_health = HS.DISABLED if self.chance(0.5) else HS.COMMON_ILLNESS
            if head_health == HS.DISABLED:
                dis_cat = vocab.DisabilityCategory.LIMB
                dis_grade = rng.choice([vocab.DisabilityGrade.GRADE_3, vocab.DisabilityGrade.GRADE_4])
            else:
                illness = rng.choice(["腰椎骨折术后", "手指离断再植术后", "小腿骨折术后"])
            work = WS.SICK_LEAVE
            contract = False
        elif kind == "unemployed":
            work = rng.choice([WS.UNEMPLOYED, WS.LAID_OFF, WS.UNEMPLOYED])
        elif kind == "elderly":
            work = rng.choice([WS.FARMING, WS.UNABLE])
            head_health = rng.choice([HS.COMMON_ILLNESS, HS.GOOD])
        elif kind == "disaster":
            work = rng.choice([WS.FARMING, WS.MIGRANT_WORKER])
        elif kind == "insurance":
            income_insured = False
        elif kind == "wages":
            contract = not self.chance(0.7)
        if head_health == HS.COMMON_ILLNESS and not illness:
            illness = rng.choice(_COMMON_ILLNESSES)
        employed = work in (WS.MIGRANT_WORKER, WS.EMPLOYED, WS.SICK_LEAVE)
        head_birth = self.birth(head_age)
        head = _Person(
            MemberData(
                name=head_name,
                relation=vocab.Relation.HEAD,
                id_number=self.id_number(county, head_birth, head_sex),
                birth_date=head_birth,
                sex=head_sex,
                political_status=vocab.PoliticalStatus.PARTY_MEMBER
                if self.chance(0.08)
                else vocab.PoliticalStatus.MASSES,
                marital_status=(
                    rng.choice([vocab.MaritalStatus.WIDOWED, vocab.MaritalStatus.DIVORCED])
                    if single
                    else vocab.MaritalStatus.MARRIED
                ),
                health=head_health,
                illness=illness,
                disability_category=dis_cat,
                disability_grade=dis_grade,
                work_status=work,
                identity=vocab.Identity.MIGRANT_WORKER
                if employed
                else vocab.Identity.FARMER
                if work == WS.FARMING
                else vocab.Identity.UNEMPLOYED,
                employer_or_school=employer if employed else "",
                industry=industry if employed else "",
                medical_insurance=vocab.MedicalInsurance.EMPLOYEE
                if employed and income_insured
                else vocab.MedicalInsurance.NONE
                if kind == "insurance" and self.chance(0.5)
                else vocab.MedicalInsurance.RESIDENT,
                social_insurance=vocab.SocialInsurance.EMPLOYEE_PENSION
                if employed and income_insured
                else vocab.SocialInsurance.NONE
                if kind == "insurance" or self.chance(0.3)
                else vocab.SocialInsurance.RESIDENT_PENSION,
                labour_contract=contract if employed else None,
                phone=self.mobile() if self.chance(0.93) else None,
            ),
            head_age,
            "head",
        )
        story = _Story(kind, head, [head], employer=employer if employed else "", work_city=work_city)
        if kind == "wages":
            story.arrears_yuan = rng.randrange(60, 480) * 100

        # spouse
        spouse: _Person | None = None
        if not single:
            spouse_age = max(22, head_age + rng.randint(-5, 3))
            spouse_sex = vocab.Sex.FEMALE if head_sex == vocab.Sex.MALE else vocab.Sex.MALE
            spouse_work = rng.choice([WS.FARMING, WS.MIGRANT_WORKER, WS.FARMING, WS.OTHER])
            if spouse_age >= 60:
                spouse_work = WS.FARMING
            spouse_health = HS.GOOD
            spouse_illness = ""
            if self.chance(0.2):
                spouse_health, spouse_illness = HS.COMMON_ILLNESS, rng.choice(_COMMON_ILLNESSES)
            sb = self.birth(spouse_age)
            spouse = _Person(
                MemberData(
                    name=self.person_name(self.surname(), spouse_age, spouse_sex),
                    relation=vocab.Relation.SPOUSE,
                    id_number=self.id_number(
                        self.village(None).code[:6] if self.chance(0.3) else county, sb, spouse_sex
                    ),
                    birth_date=sb,
                    sex=spouse_sex,
                    marital_status=vocab.MaritalStatus.MARRIED,
                    political_status=vocab.PoliticalStatus.MASSES,
                    health=spouse_health,
                    illness=spouse_illness,
                    work_status=spouse_work,
                    identity=vocab.Identity.MIGRANT_WORKER
                    if spouse_work == WS.MIGRANT_WORKER
                    else vocab.Identity.FARMER,
                    employer_or_school=rng.choice(_EMPLOYERS_LOCAL)[0]
                    if spouse_work == WS.MIGRANT_WORKER
                    else "",
                    medical_insurance=vocab.MedicalInsurance.RESIDENT,
                    social_insurance=vocab.SocialInsurance.RESIDENT_PENSION
                    if self.chance(0.7)
                    else vocab.SocialInsurance.NONE,
                    labour_contract=self.chance(0.4) if spouse_work == WS.MIGRANT_WORKER else None,
                    phone=self.mobile() if self.chance(0.7) else None,
                ),
                spouse_age,
                "spouse",
            )
            story.people.append(spouse)

        # children (they carry the father's surname)
        if head_sex == vocab.Sex.MALE:
            father_surname = surname
        elif spouse is not None:
            father_surname = spouse.name[0]
        else:  # a widowed or divorced mother: the children carry their father's surname
            father_surname = self.surname()
        mother = head if head_sex == vocab.Sex.FEMALE else spouse
        if kind == "elderly":
            # grandparents raising grandchildren while the parents work away (留守儿童)
            for _ in range(rng.randint(1, 2)):
                story.people.append(
                    self.child(father_surname, rng.randint(3, 13), county, "grandchild", story)
                )
        else:
            n_children = rng.choice([0, 1, 1, 2, 2, 2, 3]) if head_age < 58 else rng.choice([0, 1])
            mother_age = mother.age if mother else head_age
            ages: list[int] = []
            for _ in range(n_children):
                high = min(mother_age - 20, 24)
                if high < 2:
                    break
                ages.append(rng.randint(2, high))
            if kind == "schooling":
                high = min(mother_age - 20, 22)
                if high >= 18:
                    ages.append(rng.randint(18, high))
                elif high >= 15:
                    ages.append(rng.randint(15, high))
            for age in sorted(ages, reverse=True):
                story.people.append(self.child(father_surname, age, county, "child", story))

        # the head's parents, when they live in the household
        if head_age < 52 and self.chance(0.35):
            for parent_sex in rng.sample([vocab.Sex.MALE, vocab.Sex.FEMALE], rng.randint(1, 2)):
                parent_age = min(92, head_age + rng.randint(22, 32))
                parent_surname = surname if parent_sex == vocab.Sex.MALE else self.surname()
                health = rng.choice([HS.GOOD, HS.COMMON_ILLNESS, HS.COMMON_ILLNESS, HS.DISABLED])
                pb = self.birth(parent_age)
                story.people.append(
                    _Person(
                        MemberData(
                            name=self.person_name(parent_surname, parent_age, parent_sex),
                            relation=vocab.Relation.FATHER
                            if parent_sex == vocab.Sex.MALE
                            else vocab.Relation.MOTHER,
                            id_number=self.id_number(county, pb, parent_sex),
                            birth_date=pb,
                            sex=parent_sex,
                            marital_status=vocab.MaritalStatus.MARRIED,
                            health=health,
                            illness=rng.choice(_COMMON_ILLNESSES) if health == HS.COMMON_ILLNESS else "",
                            disability_category=rng.choice(
                                [
                                    vocab.DisabilityCategory.VISION,
                                    vocab.DisabilityCategory.LIMB,
                                    vocab.DisabilityCategory.HEARING,
                                ]
                            )
                            if health == HS.DISABLED
                            else None,
                            disability_grade=rng.choice(list(vocab.DisabilityGrade))
                            if health == HS.DISABLED
                            else None,
                            work_status=WS.UNABLE if parent_age >= 75 else WS.FARMING,
                            identity=vocab.Identity.FARMER,
                            medical_insurance=vocab.MedicalInsurance.RESIDENT,
                            social_insurance=vocab.SocialInsurance.RESIDENT_PENSION,
                            monthly_income_fen=rng.randint(150, 230) * 100,  # 城乡居民基础养老金
                        ),
                        parent_age,
                        "parent",
                    )
                )

        if kind == "illness":
            candidates = [p for p in story.people if p.role != "grandchild"]
            patient = rng.choice(candidates)
            disease = rng.choice(_SERIOUS_ILLNESSES)
            if disease == "乳腺癌" and patient.data.sex == vocab.Sex.MALE:
                disease = "肺癌"
            if patient.age < 18:
                disease = rng.choice(["白血病", "先天性心脏病", "肾病综合征"])
            patient.data = replace(
                patient.data,
                health=HS.SERIOUS_ILLNESS,
                illness=disease,
                disability_category=None,
                disability_grade=None,
            )
            if patient.role == "head" and patient.data.work_status == WS.MIGRANT_WORKER:
                patient.data = replace(patient.data, work_status=WS.SICK_LEAVE)
            story.patient = patient
            story.rigid_fen = rng.randint(150, 1500) * 10000  # 1.5万–15万元 medical costs a year
        elif kind == "injury":
            story.patient = head
            story.rigid_fen = rng.randint(100, 600) * 10000
        elif kind == "disaster":
            story.rigid_fen = rng.randint(50, 400) * 10000
        else:
            story.rigid_fen = rng.randint(0, 40) * 10000 if self.chance(0.6) else 0
        story.student = next(
            (
                p
                for p in story.people
                if p.role == "child" and 18 <= p.age <= 22 and p.data.work_status == WS.STUDENT
            ),
            None,
        )
        for p in story.people:
            if p.data.work_status == WS.STUDENT and p.age >= 15:
                story.rigid_fen += (
                    rng.randint(50, 140) * 10000 if p.age >= 18 else rng.randint(15, 45) * 10000
                )
        return story

    def child(self, surname: str, age: int, county: str, role: str, story: _Story) -> _Person:
        rng = self.rng
        sex = vocab.Sex.MALE if self.chance(0.52) else vocab.Sex.FEMALE
        name = self.person_name(surname, age, sex)
        division = self.index.by_code.get(county)
        county_name = division.name if division else "临沂市"
        work: vocab.WorkStatus
        identity: vocab.Identity
        school = ""
        income = 0
        if age <= 5:
            work, identity = WS.PRESCHOOL, vocab.Identity.PRESCHOOL
            school = "" if age < 3 else f"{county_name}实验幼儿园" if self.chance(0.3) else "村幼儿园"
        elif age <= 11:
            work, identity, school = (
                WS.STUDENT,
                vocab.Identity.STUDENT,
                f"{county_name}第{rng.randint(1, 9)}实验小学",
            )
        elif age <= 14:
            work, identity, school = (
                WS.STUDENT,
                vocab.Identity.STUDENT,
                f"{county_name}第{rng.randint(1, 6)}中学",
            )
        elif age <= 17:
            work, identity = WS.STUDENT, vocab.Identity.STUDENT
            school = f"{county_name}第{rng.randint(1, 4)}中学" if self.chance(0.6) else "临沂市工业学校"
        elif age <= 22 and (story.kind == "schooling" or self.chance(0.4)):
            work, identity, school = WS.STUDENT, vocab.Identity.STUDENT, rng.choice(_COLLEGES)
        else:
            work, identity = WS.MIGRANT_WORKER, vocab.Identity.MIGRANT_WORKER
            school = rng.choice(_EMPLOYERS_AWAY)[0] if self.chance(0.5) else rng.choice(_EMPLOYERS_LOCAL)[0]
            income = rng.randint(20, 45) * 10000
        birth = self.birth(age)
        relation = (
            vocab.Relation.GRANDCHILD
            if role == "grandchild"
            else vocab.Relation.SON
            if sex == vocab.Sex.MALE
            else vocab.Relation.DAUGHTER
        )
        return _Person(
            MemberData(
                name=name,
                relation=relation,
                id_number=self.id_number(county, birth, sex),
                birth_date=birth,
                sex=sex,
                marital_status=vocab.MaritalStatus.SINGLE,
                political_status=vocab.PoliticalStatus.LEAGUE_MEMBER
                if 14 <= age <= 28 and self.chance(0.4)
                else None,
                work_status=work,
                identity=identity,
                employer_or_school=school,
                monthly_income_fen=income,
                medical_insurance=vocab.MedicalInsurance.RESIDENT,
                labour_contract=self.chance(0.5) if work == WS.MIGRANT_WORKER else None,
            ),
            age,
            role,
        )

    # ----- incomes and assessment

    def hardship(self, story: _Story) -> HardshipInput:
        """Incomes aimed at a category (the real rule decides); member incomes fitted to them."""
        rng = self.rng
        size = len(story.people)
        deep, relative, accidental = _TARGETS.get(story.kind, _DEFAULT_TARGET)
        target = rng.choices(["deep", "relative", "accidental"], [deep, relative, accidental])[0]
        factor = {
            "deep": rng.uniform(0.3, 0.93),
            "relative": rng.uniform(1.07, 1.9),
            "accidental": rng.uniform(2.1, 2.8),
        }[target]
        per_head = int(self.dibao * factor)
        annual = (per_head * 12 * size + story.rigid_fen) // 1000 * 1000  # to the 10 yuan
        pensions = sum(p.data.monthly_income_fen for p in story.people if p.role == "parent") * 12
        earners = [
            p
            for p in story.people
            if p.role in ("head", "spouse", "child")
            and p.data.work_status in (WS.MIGRANT_WORKER, WS.EMPLOYED, WS.FARMING, WS.OTHER)
        ]
        wages = max(0, annual - pensions) * rng.randint(60, 90) // 100  # the rest: land, odd jobs
        weights = [
            3 if p.role == "head" else 2 if p.data.work_status == WS.MIGRANT_WORKER else 1 for p in earners
        ]
        for p, w in zip(earners, weights, strict=True):
            monthly = wages * w // sum(weights) // 12 // 1000 * 1000
            p.data = replace(p.data, monthly_income_fen=monthly)
        main = rng.choice(_MAIN_CAUSE[story.kind])
        possible: list[C] = []
        if any(p.data.health == HS.SERIOUS_ILLNESS for p in story.people):
            possible.append(C.SERIOUS_ILLNESS)
        if any(p.data.work_status == WS.STUDENT and p.age >= 15 for p in story.people):
            possible.append(C.CHILDREN_SCHOOLING)
        if story.head.data.social_insurance == vocab.SocialInsurance.NONE:
            possible.append(C.NO_SOCIAL_INSURANCE)
        if story.head.data.work_status in (WS.UNEMPLOYED, WS.LAID_OFF):
            possible.append(C.LAID_OFF if main != C.LAID_OFF else C.UNEMPLOYED_ABLE)
        if any(p.data.health == HS.DISABLED for p in story.people) or story.kind == "elderly":
            possible.append(C.NO_WORK_CAPACITY)
        if story.kind == "wages":
            possible.append(C.INSURANCE_NOT_DELIVERED)
        possible.append(C.OTHER)
        pool = list(dict.fromkeys(c for c in possible if c != main))
        secondary = tuple(rng.sample(pool, min(len(pool), rng.choice([0, 1, 1, 2, 2, 3]))))
        return HardshipInput(
            household_size=size,
            annual_income_fen=annual,
            rigid_spending_fen=story.rigid_fen,
            main_cause=main,
            secondary_causes=secondary,
            sudden_event=story.kind in ("injury", "disaster"),
        )

    # ----- one household

    def household(
        self, plan: _CadrePlan | None, paired: bool, showcase: tuple[str, tuple[str, ...]] | None = None
    ) -> None:
        rng = self.rng
        db = self.db
        village = self.village(plan.county if plan and plan.county and self.chance(0.8) else None)
        story = self.story(plan, village, showcase[0] if showcase else None)
        while showcase and "LIVING-JINQIU" in showcase[1] and story.student is None:
            story = self.story(plan, village, showcase[0])  # a family with a child at college
        hardship = self.hardship(story)
        head = story.head
        basis = (
            vocab.PairingBasis.UNIT_EMPLOYEE
            if plan is not None and plan.enterprise is not None
            else vocab.PairingBasis.CONTACT_HOUSEHOLD
        )
        community = village.name.endswith(("居民委员会", "居委会", "社区"))
        spouse = next((p for p in story.people if p.role == "spouse"), None)
        phone = head.data.phone or (spouse.data.phone if spouse else None)
        saved = households.create_household(
            db,
            HouseholdData(
                pairing_basis=basis,
                village_code=village.code12,
                address_detail=self.address(village),
                phone=phone,
                unit_name=plan.enterprise[0] if plan and plan.enterprise else "",
                hukou_type=vocab.HukouType.CONVERTED
                if community and self.chance(0.5)
                else vocab.HukouType.AGRICULTURAL,
                housing_type=rng.choice([vocab.HousingType.RENTED, vocab.HousingType.PUBLIC_RENTAL])
                if community and self.chance(0.4)
                else vocab.HousingType.OWN,
                single_parent=head.data.marital_status != vocab.MaritalStatus.MARRIED
                and any(p.role == "child" and p.age < 18 for p in story.people),
                zero_employment=not any(
                    p.data.monthly_income_fen > 0 and p.role != "parent" for p in story.people
                ),
            ),
            head.data,
            source="demo",
        )
        hid = saved.id
        self.totals.households += 1
        self.totals.members += 1
        for p in story.people[1:]:
            p.member_id = households.add_member(db, hid, p.data).id
            self.totals.members += 1

        # timeline: paired, then visited within a few weeks, followed up over the months
        started = self.days_ago(30, 540)
        first_visit = min(self.today, started + dt.timedelta(days=rng.randint(0, 25)))
        cadre_id = plan.cadre_id if plan else None
        if plan is not None and paired:
            cadres.pair(db, plan.cadre_id, hid, started_on=started, reason=plan.extra_reason)

        # consents first: nothing sensitive is written down before them
        records.record_consent(
            db,
            hid,
            vocab.ConsentPurpose.SENSITIVE_PROCESSING,
            NOTICE_VERSION,
            given_on=first_visit,
            note=f"户主{head.name}阅读告知书后签字同意",
        )
        self.totals.consents += 1
        for p in story.people:
            if (
                p.role in ("child", "grandchild")
                and age_on(_birth_of(p), first_visit) < MINOR_AGE_FOR_GUARDIAN
            ):
                guardian = spouse if spouse is not None and self.chance(0.5) else head
                relation = _guardian_relation(guardian, p)
                records.record_consent(
                    db,
                    hid,
                    vocab.ConsentPurpose.SENSITIVE_PROCESSING,
                    NOTICE_VERSION,
                    member_id=p.member_id,
                    given_on=first_visit,
                    guardian_name=guardian.name,
                    guardian_relation=relation,
                    note="未满14周岁，由监护人代为同意",
                )
                self.totals.consents += 1

        visit_dates = [first_visit]
        for _ in range(rng.choice([0, 1, 1, 2])):
            nxt = visit_dates[-1] + dt.timedelta(days=rng.randint(20, 120))
            if nxt > self.today:
                break
            visit_dates.append(nxt)
        visit_ids: list[str] = []
        for i, day in enumerate(visit_dates):
            visit_ids.append(self.visit(story, village, plan, hid, day, i, last=i == len(visit_dates) - 1))
        assessments.record_assessment(db, hid, hardship, assessed_on=first_visit, cadre_id=cadre_id)
        self.totals.assessments += 1
        # a separate consent to be named on the public notice (公示); some families decline
        if (
            assess(hardship, self.dibao).category != vocab.HardshipCategory.NOT_HARDSHIP
            and self.notice_rng.random() < 0.75
        ):
            records.record_consent(
                db,
                hid,
                vocab.ConsentPurpose.PUBLIC_NOTICE,
                NOTICE_VERSION,
                given_on=first_visit,
                note=f"户主{head.name}同意在村务公开栏公示姓名和困难类别",
            )
            self.totals.consents += 1

        # referrals suited to what was found, made on a visit
        made_on = sorted(
            (rng.randrange(len(visit_dates)), code)
            for code in self.referral_kinds(story, hardship, showcase[1] if showcase else ())
        )
        for n, (k, code) in enumerate(made_on):
            created = visit_dates[k]
            if n == 0:  # the separate consent to hand information on comes before the first referral
                records.record_consent(
                    db,
                    hid,
                    vocab.ConsentPurpose.REFERRAL_TO_THIRD_PARTY,
                    NOTICE_VERSION,
                    given_on=created,
                    note=f"同意将家庭基本情况提供给{self.body(code, village)}等接收单位",
                )
                self.totals.consents += 1
            active = showcase is not None and code in showcase[1]
            self.referral(story, village, plan, hid, visit_ids[k], code, created, active=active)

        self.observations(story, hardship, hid, visit_dates, visit_ids)

        # 送温暖 at the Spring Festival for households in deep hardship
        if (
            hardship.annual_income_fen - hardship.rigid_spending_fen
            < self.dibao * 12 * hardship.household_size
        ):
            festival = _last_spring_festival(self.today)
            if festival >= first_visit and self.chance(0.7):
                records.record_relief(
                    db,
                    hid,
                    vocab.ReliefProgramme.SEND_WARMTH,
                    rng.choice([500, 800, 1000, 1000, 1500]) * 100,
                    festival,
                    note="春节送温暖慰问金",
                )
                self.totals.relief += 1

    def observations(
        self, story: _Story, hardship: HardshipInput, hid: str, days: list[dt.date], visit_ids: list[str]
    ) -> None:
        """Item-19 figures recorded at the first visit and, for households visited again, at the
        last one with what changed in between (a job found, arrears paid, a course taken)."""
        rng = self.item19_rng
        employment_of = {
            WS.MIGRANT_WORKER: "employed_away",
            WS.EMPLOYED: "employed_local",
            WS.FARMING: "farming",
            WS.UNEMPLOYED: "unemployed",
            WS.LAID_OFF: "unemployed",
            WS.OTHER: "self_employed",
        }
        workers: list[item19.WorkerValues] = []
        for p in story.people:
            if not p.member_id and p.role != "head":
                continue
            if p.data.work_status == WS.STUDENT or not (16 <= p.age < 65):
                continue
            member_id = p.member_id or self._head_member(hid)
            employment = employment_of.get(p.data.work_status or WS.OTHER, "not_working")
            working = employment in ("employed_away", "employed_local", "self_employed")
            insurance = [c for c, share in (("medical", 0.92), ("pension", 0.6)) if rng.random() < share]
            if working and rng.random() < 0.3:
                insurance.append("work_injury")
            if employment == "employed_local" and rng.random() < 0.15:
                insurance.append("unemployment")
            wanted = rng.choice(["vocational", "vocational", "entrepreneurship", "safety"])
            workers.append(
                item19.WorkerValues(
                    member_id,
                    employment,
                    (story.employer if p.role == "head" and working else "") or "",
                    p.data.monthly_income_fen // 100 if rng.random() > 0.08 else None,
                    wanted if employment in ("unemployed", "employed_away") and rng.random() < 0.5 else "",
                    "",
                    "",
                    tuple(insurance) if rng.random() > 0.05 else None,
                )
            )
        size = len(story.people)
        rigid = hardship.rigid_spending_fen // 100
        medical = rigid * (85 if story.patient is not None else 30) // 100
        rented = rng.random() < 0.25

        def maybe(value: int) -> int | None:
            return value if rng.random() > 0.06 else None  # now and then a figure was not asked: 未填

        economy = item19.EconomyValues(
            annual_income=hardship.annual_income_fen // 100,
            expense_food=maybe(size * rng.randint(24, 42) * 100),
            expense_housing=maybe(rng.randint(36, 96) * 100 if rented else rng.randint(6, 24) * 100),
            expense_medical=medical,
            expense_schooling=rigid - medical,
            expense_other=maybe(rng.randint(5, 30) * 100),
            arrears_amount=story.arrears_yuan,
            arrears_employer=story.employer if story.arrears_yuan else "",
            arrears_reported_on=days[0] - dt.timedelta(days=rng.randint(3, 40))
            if story.arrears_yuan
            else None,
        )
        item19.record_observation(self.db, hid, economy, workers, observed_on=days[0], visit_id=visit_ids[0])
        if len(days) < 2:
            return
        # the last visit: what changed since the first
        later: list[item19.WorkerValues] = []
        raise_by = 0
        for w in workers:
            if w.employment == "unemployed" and rng.random() < 0.5:
                income = rng.randint(18, 35) * 100
                raise_by += income * 12
                w = replace(w, employment="employed_local", employer="本地务工", monthly_income=income)
            if w.training_wanted and rng.random() < 0.5:
                cert = rng.choice(["电工证", "焊工证", "育婴员证", "中式烹调师证", ""])
                w = replace(w, training_received=w.training_wanted, training_wanted="", certificate=cert)
            later.append(w)
        paid = bool(story.arrears_yuan) and rng.random() < 0.5
        economy = replace(
            economy,
            annual_income=(economy.annual_income or 0) + raise_by,
            arrears_amount=0 if paid else economy.arrears_amount,
            arrears_employer="" if paid else economy.arrears_employer,
            arrears_reported_on=None if paid else economy.arrears_reported_on,
        )
        item19.record_observation(self.db, hid, economy, later, observed_on=days[-1], visit_id=visit_ids[-1])

    def _head_member(self, hid: str) -> str:
        with self.db.session() as s:
            return str(
                s.scalar(
                    select(Member.id).where(
                        Member.household_id == hid, Member.relation == vocab.Relation.HEAD
                    )
                )
            )

    def visit(
        self,
        story: _Story,
        village: Division,
        plan: _CadrePlan | None,
        hid: str,
        day: dt.date,
        number: int,
        *,
        last: bool,
    ) -> str:
        rng = self.rng
        head = story.head
        spouse = next((p for p in story.people if p.role == "spouse"), None)
        if number == 0:
            mode = vocab.VisitMode.HOME
        else:
            mode = rng.choice(
                [vocab.VisitMode.HOME, vocab.VisitMode.HOME, vocab.VisitMode.PHONE, vocab.VisitMode.OFFICE]
                + ([vocab.VisitMode.WORKPLACE] if story.employer else [])
            )
        place = {
            vocab.VisitMode.HOME: self.index.full_name(village.code12),
            vocab.VisitMode.WORKPLACE: story.employer,
            vocab.VisitMode.PHONE: "",
            vocab.VisitMode.VIDEO: "",
            vocab.VisitMode.OFFICE: f"{plan.unit}办公室" if plan else "工会办公室",
        }[mode]
        met = f"户主{head.name}"
        if spouse is not None and mode == vocab.VisitMode.HOME and self.chance(0.6):
            met += f"及其{'妻子' if _sex_of(spouse) == vocab.Sex.FEMALE else '丈夫'}{spouse.name}"
        if number == 0:
            conditions = self.conditions(story)
            demands = self.demands(story)
            notes = rng.choice(
                [*_FIRST_NOTES, "已拍照留存诊断证明和近三个月医疗费票据。"] if story.patient else _FIRST_NOTES
            )
            if story.student is not None and self.chance(0.5):
                notes += "已告知金秋助学申请材料：录取通知书、收费标准、身份证和困难证明。"
        else:
            conditions = self.follow_up_conditions(story, day)
            demands = rng.choice(["无新的诉求", self.demands(story), "希望尽快有结果"])
            notes = rng.choice(_FOLLOW_UP_NOTES)
        if last:
            if self.chance(0.35):
                due = day + dt.timedelta(days=rng.randint(14, 90))  # may already be overdue
            else:
                due = max(day + dt.timedelta(days=30), self.today + dt.timedelta(days=rng.randint(3, 60)))
                due = min(due, day + dt.timedelta(days=visits.MAX_VISIT_INTERVAL_DAYS))
        else:
            due = day + dt.timedelta(days=rng.choice([30, 30, 60, 90]))
        vid = visits.record_visit(
            self.db,
            visits.VisitData(
                household_id=hid,
                visit_date=day,
                mode=mode,
                cadre_id=plan.cadre_id if plan else None,
                place=place,
                people_met=met,
                living_conditions=conditions,
                demands=demands,
                notes=notes,
                next_visit_due=due,
            ),
        )
        self.totals.visits += 1
        return vid

    def follow_up_conditions(self, story: _Story, day: dt.date) -> str:
        texts = list(_FOLLOW_UP_CONDITIONS)
        if story.patient is not None:
            texts.append(f"{story.patient.name}病情稳定，仍需定期复查，医药费负担较重。")
        if any(p.data.work_status == WS.STUDENT for p in story.people):
            texts.append("孩子已按时上学，家庭情绪稳定。")
        if story.head.data.work_status in (WS.UNEMPLOYED, WS.LAID_OFF):
            texts.append("户主已开始打零工，家庭收入略有增加。")
        if day.month in (12, 1, 2):
            texts.append("春节前走访，家中年货准备不足，已送去米面油。")
        return self.rng.choice(texts)

    def conditions(self, story: _Story) -> str:
        rng = self.rng
        head = story.head
        parts = [rng.choice(_HOUSING), f"家庭{len(story.people)}口人"]
        if head.data.work_status == WS.MIGRANT_WORKER and story.employer:
            parts.append(
                f"户主在{_away(story)}{story.employer}务工，月收入约{head.data.monthly_income_fen // 100}元"
            )
        elif head.data.work_status in (WS.UNEMPLOYED, WS.LAID_OFF):
            parts.append("户主原在企业务工，去年底企业减员后一直没有稳定工作，靠打零工维持")
        elif head.data.work_status == WS.FARMING:
            parts.append(f"种地{rng.randint(2, 8)}亩，收入微薄")
        elif head.data.work_status == WS.SICK_LEAVE:
            parts.append("户主伤病在家休养，暂时不能干重活")
        if story.patient is not None:
            parts.append(
                f"{_call(story.patient)}{story.patient.name}患{story.patient.data.illness}，"
                f"每月医药费约{rng.randint(8, 60) * 100}元"
            )
        for p in story.people:
            if p.data.health == HS.DISABLED and p is not story.patient:
                parts.append(
                    f"{_call(p)}{p.name}{p.data.disability_category}残疾{p.data.disability_grade}，生活需要照顾"
                )
        if story.student is not None:
            parts.append(
                f"{_call(story.student)}{story.student.name}在{story.student.data.employer_or_school}读书"
            )
        if story.kind == "disaster":
            parts.append(
                rng.choice(
                    ["今年夏季暴雨，房屋一间倒塌，部分家具被冲毁", "遭受冰雹，种植的大棚和庄稼基本绝收"]
                )
            )
        if story.kind == "wages":
            parts.append(f"被拖欠工资约{story.arrears_yuan}元，多次讨要未果")
        if story.kind == "elderly":
            parts.append("子女在外打工，老人独自照看孙辈")
        return "；".join(parts) + "。"

    def demands(self, story: _Story) -> str:
        return self.rng.choice(_DEMANDS[story.kind]).format(
            amount=story.arrears_yuan, employer=story.employer or "原单位"
        )

    def referral_kinds(self, story: _Story, hardship: HardshipInput, must: tuple[str, ...] = ()) -> list[str]:
        rng = self.rng
        head = story.head.data
        options: list[str] = []
        if story.kind == "illness":
            options += ["LIVING-SPECIAL", "LIVING-SPECIAL", "LIVING-MEDICAL"]
            if story.patient is not None and story.patient.data.illness == "尘肺病":
                options.append("RIGHTS-OCCHEALTH")
        if story.student is not None:
            options += ["LIVING-JINQIU", "LIVING-JINQIU"]
        if any(p.data.work_status == WS.STUDENT and p.age < 18 for p in story.people) and self.chance(0.4):
            options.append("LIVING-EDU")
        if story.kind == "wages":
            options += ["RIGHTS-WAGES", "RIGHTS-WAGES", "RIGHTS-LEGALAID", "RIGHTS-MEDIATION"]
        if story.kind == "injury":
            options += ["RIGHTS-INJURY", "RIGHTS-INJURY", "RIGHTS-LEGALAID"]
        if head.labour_contract is False and head.work_status == WS.MIGRANT_WORKER:
            options.append("RIGHTS-CONTRACT")
        if head.social_insurance == vocab.SocialInsurance.NONE and story.kind == "insurance":
            options += ["RIGHTS-INSURANCE", "RIGHTS-INSURANCE"]
        if story.kind == "unemployed":
            options += ["EMP-JOB", "EMP-TRAIN-OUT", "EMP-SKILL", "EMP-STARTUP"]
        if head.work_status == WS.FARMING:
            options.append("EMP-AGRI")
        if story.kind == "disaster":
            options += ["LIVING-WARMTH", "LIVING-DIBAO"]
        if (
            story.kind in ("disability", "elderly")
            and hardship.annual_income_fen < self.dibao * 12 * hardship.household_size
        ):
            options.append("LIVING-DIBAO")
        if story.work_city != "临沂" and head.work_status == WS.MIGRANT_WORKER:
            options += ["RIGHTS-CROSSREGION", "LIVING-RETURN"]
        if any(
            p.role == "child" and p.age >= 22 and p.data.work_status == WS.MIGRANT_WORKER
            for p in story.people
        ):
            options.append("EMP-GRAD")
        options += ["CIV-MEMBERSHIP", "CIV-READING", "EMP-DEGREE", "CIV-PSYCH"] if self.chance(0.2) else []
        unique = list(dict.fromkeys(options))
        # a clear need nearly always leads to a referral; otherwise some households have none yet
        clear = story.kind in ("illness", "wages", "injury", "disaster") or story.student is not None
        count = rng.choice([1, 1, 1, 2, 2, 3] if clear else [0, 1, 1, 1, 2, 2])
        picked: list[str] = []
        for _ in range(count):
            left = [o for o in options if o not in picked]
            if not left:
                break
            picked.append(rng.choice(left))
        picked += [c for c in must if c not in picked]
        unique += [c for c in must if c not in unique]
        return [c for c in unique if c in picked]

    def body(self, code: str, village: Division) -> str:
        kind = referral_rules.referral_kind(code)
        township = self.index.by_code.get(village.parent)
        county = self.index.by_code.get(village.code[:6])
        body = self.rng.choice(kind.bodies)
        if county is not None:
            body = body.replace("县区", county.name)
        if township is not None:
            body = body.replace("乡镇（街道）", township.name)
        return body

    def referral(
        self,
        story: _Story,
        village: Division,
        plan: _CadrePlan | None,
        hid: str,
        visit_id: str,
        code: str,
        created: dt.date,
        *,
        active: bool = False,
    ) -> None:
        """Create the referral and move it along a path; an `active` one is never withdrawn or returned."""
        rng = self.rng
        db = self.db
        member = (
            story.student
            if code == "LIVING-JINQIU"
            else story.patient
            if code in ("LIVING-SPECIAL", "LIVING-MEDICAL", "RIGHTS-INJURY", "RIGHTS-OCCHEALTH")
            else None
        )
        reason = _REASONS.get(code, "走访中了解到相关需求，按本人意愿转介").format(
            head=story.head.name,
            employer=story.employer or "务工单位",
            amount=story.arrears_yuan,
            patient=story.patient.name if story.patient else story.head.name,
            illness=story.patient.data.illness if story.patient else "疾病",
            student=story.student.name if story.student else "子女",
            school=story.student.data.employer_or_school if story.student else "学校",
            city=story.work_city,
        )
        recorded_by = plan.name if plan else ""
        rid = referral_service.create_referral(
            db,
            referral_service.ReferralData(
                household_id=hid,
                kind_code=code,
                receiving_body=self.body(code, village),
                reason=reason,
                member_id=member.member_id if member and member.member_id else None,
                visit_id=visit_id,
                cadre_id=plan.cadre_id if plan else None,
                created_on=created,
            ),
            recorded_by=recorded_by,
        )
        self.totals.referrals += 1
        paths = [(p, w) for p, w in _PATHS if not active or (p and p[-1] not in (RS.WITHDRAWN, RS.RETURNED))]
        path = rng.choices(paths, [w for _, w in paths])[0][0]
        day = created
        step = referral_rules.referral_kind(code).follow_up_days
        for status in path:
            nxt = day + dt.timedelta(days=rng.randint(1, max(2, step)))
            if nxt > self.today:
                break  # not there yet: the referral stays at its current step
            note = ""
            if status == RS.RETURNED:
                note = rng.choice(_RETURN_NOTES)
            elif status == RS.WITHDRAWN:
                note = rng.choice(_WITHDRAW_NOTES)
            elif status == RS.COMPLETED:
                note = _COMPLETE_NOTES.get(code, "已办结，结果已告知本人")
            referral_service.change_status(db, rid, status, on=nxt, note=note, recorded_by=recorded_by)
            day = nxt
            if status == RS.COMPLETED:
                self.relief_for(code, story, hid, day)

    def relief_for(self, code: str, story: _Story, hid: str, day: dt.date) -> None:
        rng = self.rng
        programme: vocab.ReliefProgramme | None = None
        amount_yuan = 0
        member: _Person | None = None
        if code == "LIVING-JINQIU":
            programme, amount_yuan, member = (
                vocab.ReliefProgramme.AUTUMN_STUDENT_AID,
                rng.choice([2000, 3000, 5000]),
                story.student,
            )
        elif code == "LIVING-SPECIAL":
            programme, amount_yuan, member = (
                vocab.ReliefProgramme.SPECIAL_LIVING_RELIEF,
                rng.randint(10, 60) * 100,
                story.patient,
            )
        elif code == "LIVING-WARMTH":
            programme, amount_yuan = vocab.ReliefProgramme.SEND_WARMTH, rng.choice([500, 1000, 2000])
        elif code == "LIVING-EDU":
            programme, amount_yuan = vocab.ReliefProgramme.EDUCATION_AID, rng.choice([500, 800, 1000])
        elif code == "LIVING-MEDICAL":
            programme, amount_yuan, member = (
                vocab.ReliefProgramme.MEDICAL_MUTUAL_AID,
                rng.randint(5, 40) * 100,
                story.patient,
            )
        elif code == "LIVING-RETURN":
            programme, amount_yuan = vocab.ReliefProgramme.SAFE_RETURN, rng.choice([200, 300, 500])
        if programme is None:
            return
        records.record_relief(
            self.db,
            hid,
            programme,
            amount_yuan * 100,
            day,
            member_id=member.member_id if member and member.member_id else None,
            note=f"转介办结后发放（{referral_rules.referral_kind(code).name}）",
        )
        self.totals.relief += 1


# --------------------------------------------------------------------------- texts

_HOUSING = (
    "住砖瓦平房三间，建于上世纪九十年代，屋内陈设简陋",
    "住自建平房，墙体有裂缝，雨季屋顶漏雨",
    "住两层小楼，为早年借款所建，尚欠外债约3万元",
    "租住城区平房一间，约20平方米，厨房与卧室共用",
    "住村里统一建设的安置楼，面积约80平方米，装修简单",
    "住老宅，院墙倒塌一段尚未修复，冬季取暖靠烧煤炉",
)
_FOLLOW_UP_CONDITIONS = (
    "较上次走访变化不大，家庭生活仍较困难。",
    "转介事项正在办理，户主对工会的帮助表示感谢。",
    "家中陈设与上次相同，户主反映近期开支较大。",
)
_FIRST_NOTES = (
    "已告知户主困难职工建档所需材料：身份证、户口簿复印件和收入证明。",
    "已发放对口帮扶联系卡，告知遇到困难可随时电话联系。",
    "已讲解劳动合同法和社会保险法有关规定。",
    "户主情绪较低落，做了思想疏导，约定下月再来。",
    "村委会干部陪同走访，反映情况属实。",
)
_FOLLOW_UP_NOTES = (
    "已电话告知转介办理进度。",
    "回访转介事项，接收单位已受理。",
    "送去慰问品一份。",
    "提醒按时提交金秋助学申请材料。",
    "帮助户主在手机上查询社保缴费记录。",
    "下次走访带去简易劳动合同示范文本。",
)
_DEMANDS: dict[str, tuple[str, ...]] = {
    "illness": ("希望解决部分医疗费用", "希望纳入困难职工帮扶体系，申请专项生活救助", "希望参加职工医疗互助"),
    "schooling": ("希望孩子上大学的学费能有着落", "希望申请金秋助学", "希望减免孩子的住宿费和伙食费"),
    "disability": ("希望申请低保和残疾人两项补贴", "希望给家人介绍一份能在家做的手工活"),
    "unemployed": (
        "希望介绍离家近的工作",
        "希望参加电焊或叉车等技能培训",
        "想返乡开个小店，希望有创业培训和贴息贷款",
    ),
    "wages": (
        "希望帮助追讨被{employer}拖欠的工资{amount}元",
        "希望工会出面协调，尽快拿到欠薪",
        "希望得到法律援助",
    ),
    "injury": ("希望帮助认定工伤并落实工伤待遇", "单位未给缴纳工伤保险，希望帮助维权", "希望得到法律援助"),
    "disaster": ("希望帮助修缮倒塌的房屋", "希望给予临时救助", "希望申请低保"),
    "insurance": ("希望帮助补缴社会保险", "希望了解城乡居民养老保险的缴费办法", "希望单位给办理社保"),
    "elderly": ("希望孩子上学能得到资助", "希望申请低保", "希望冬季能有取暖补贴"),
}
_REASONS: dict[str, str] = {
    "LIVING-SPECIAL": "{patient}患{illness}，长期治疗费用高，家庭收入难以维持基本生活，申请纳入困难职工帮扶体系并给予专项生活救助",
    "LIVING-MEDICAL": "{patient}患{illness}，自付医疗费用较高，申请参加职工医疗互助",
    "LIVING-JINQIU": "{student}就读于{school}，家庭困难难以承担学费，申请金秋助学",
    "LIVING-EDU": "家中有子女在读，学习用品和伙食费负担较重，申请帮扶送教育",
    "LIVING-WARMTH": "遭受自然灾害，家庭财产损失较大，申请送温暖慰问",
    "LIVING-DIBAO": "家庭人均收入低于当地低保标准，协助申请最低生活保障",
    "LIVING-RETURN": "户主在{city}务工，春节返乡路费困难，申请农民工平安返乡帮扶",
    "RIGHTS-WAGES": "户主{head}在{employer}务工，被拖欠工资约{amount}元，多次讨要未果",
    "RIGHTS-LEGALAID": "户主{head}与{employer}存在劳动争议，本人无力聘请律师，申请工会法律援助（欠薪、工伤免于经济困难审查）",
    "RIGHTS-MEDIATION": "户主与{employer}就工资结算发生争议，申请劳动争议调解",
    "RIGHTS-INJURY": "户主{head}在{employer}务工期间受伤，单位未申报工伤，协助申请工伤认定",
    "RIGHTS-CONTRACT": "户主在{employer}务工未签订劳动合同，协助指导签订劳动合同",
    "RIGHTS-INSURANCE": "户主未参加社会保险，协助了解参保和补缴办法",
    "RIGHTS-CROSSREGION": "户主在{city}务工，权益问题需务工地工会协助，启动跨区域双向维权协作",
    "RIGHTS-OCCHEALTH": "{patient}长期从事粉尘作业，确诊尘肺病，协助职业病诊断和待遇落实",
    "EMP-JOB": "户主有劳动能力，希望就近就业，推荐就业岗位",
    "EMP-TRAIN-OUT": "户主准备外出务工，按本人意愿推荐参加外出务工常识和职业技能培训",
    "EMP-SKILL": "户主希望学习一门技术，推荐参加职业技能提升培训",
    "EMP-STARTUP": "户主有返乡创业意愿，推荐参加创业培训",
    "EMP-AGRI": "户主在家务农，希望发展养殖，推荐参加农业产业化培训",
    "EMP-GRAD": "家中子女已毕业尚未稳定就业，申请困难家庭高校毕业生就业援助",
    "EMP-DEGREE": "户主希望提升学历，推荐参加学历提升计划",
    "CIV-MEMBERSHIP": "户主尚未加入工会，协助办理入会",
    "CIV-READING": "推荐参加职工书屋读书活动",
    "CIV-PSYCH": "家庭变故后户主情绪低落，申请心理健康指导",
}
_PATHS: tuple[tuple[tuple[RS, ...], int], ...] = (
    ((), 8),  # still a draft
    ((RS.REFERRED,), 16),
    ((RS.REFERRED, RS.ACCEPTED), 18),
    ((RS.REFERRED, RS.ACCEPTED, RS.COMPLETED), 30),
    ((RS.REFERRED, RS.RETURNED, RS.REFERRED, RS.ACCEPTED, RS.COMPLETED), 5),
    ((RS.REFERRED, RS.RETURNED), 6),
    ((RS.REFERRED, RS.ACCEPTED, RS.RETURNED), 3),
    ((RS.WITHDRAWN,), 3),
    ((RS.REFERRED, RS.WITHDRAWN), 4),
    ((RS.REFERRED, RS.RETURNED, RS.WITHDRAWN), 3),
)
_RETURN_NOTES = (
    "材料不全，缺少诊断证明和近三个月医疗费票据，请补齐后重新转介",
    "不属于本单位受理范围，建议转县区人社局",
    "申请人户籍不在本县区，请转户籍地县区总工会",
    "收入证明未加盖村委会公章，请补充",
)
_WITHDRAW_NOTES = (
    "户主已在务工地找到工作，本人表示不再需要",
    "家属表示暂不需要，待下次走访再议",
    "重复转介，已由另一名干部办理",
    "户主已通过其他渠道解决",
)
_COMPLETE_NOTES = {
    "RIGHTS-WAGES": "经协调，欠薪已全部追回",
    "RIGHTS-LEGALAID": "已指派律师代理，案件已调解结案",
    "RIGHTS-INJURY": "已认定为工伤，工伤待遇已落实",
    "RIGHTS-CONTRACT": "已签订劳动合同",
    "LIVING-JINQIU": "金秋助学金已发放",
    "LIVING-SPECIAL": "已纳入帮扶体系，专项生活救助金已发放",
    "EMP-JOB": "已推荐到企业上岗",
    "LIVING-DIBAO": "已纳入低保",
}


# --------------------------------------------------------------------------- helpers


def _birth_of(p: _Person) -> dt.date:
    number = p.data.id_number or ""
    return dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))


def _call(p: _Person) -> str:
    return {
        "head": "户主",
        "spouse": "配偶",
        "child": "子女",
        "parent": "父亲" if p.data.relation == vocab.Relation.FATHER else "母亲",
        "grandchild": "孙辈",
    }[p.role]


def _guardian_relation(guardian: _Person, child: _Person) -> str:
    if child.role == "grandchild":
        return (
            "祖父" if guardian.data.sex == vocab.Sex.MALE or _sex_of(guardian) == vocab.Sex.MALE else "祖母"
        )
    return "父亲" if _sex_of(guardian) == vocab.Sex.MALE else "母亲"


def _sex_of(p: _Person) -> vocab.Sex:
    number = p.data.id_number or ""
    return vocab.Sex.MALE if number and int(number[16]) % 2 == 1 else vocab.Sex.FEMALE


def _away(story: _Story) -> str:
    """The city of work when it is not Linyi and not already in the employer's name."""
    if story.work_city == "临沂" or story.employer.startswith(story.work_city):
        return ""
    return story.work_city


def _feb29(day: dt.date) -> bool:
    return day.month == 2 and day.day == 29


def _last_spring_festival(day: dt.date) -> dt.date:
    """The last distribution day before the Spring Festival (about 20 January) not after `day`."""
    this_year = dt.date(day.year, 1, 20)
    return this_year if this_year <= day else dt.date(day.year - 1, 1, 20)


# --------------------------------------------------------------------------- the entry point


def fill_demo_data(
    db: Database,
    households: int = 12,
    *,
    seed: int = 2014,
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> DemoSummary:
    """Add `households` demo households with cadres, visits, assessments, referrals and relief.

    Deterministic for a seed on an empty database; on a database that already holds households
    the seed is combined with their count, so a second call adds different people and never
    reuses an ID number. The households' story is dated back from `today` (default: the
    clock's today), and the services check the dates against that same day.
    """
    day = today or clock.today()
    with clock.as_of(day):
        return _fill(db, households, seed, progress)


def _fill(db: Database, households: int, seed: int, progress: Progress | None) -> DemoSummary:
    if households < 1:
        raise ValidationError.single("households", "户数", "至少为1户")
    existing = _household_count(db)
    rng = random.Random(seed if existing == 0 else f"{seed}/{existing}")
    batched = _BatchedDatabase(**{f.name: getattr(db, f.name) for f in fields(db)})
    gen = _Generator(batched, rng, settings.dibao_standard_fen(db))

    # who visits whom: each cadre takes 2–4 households; now and then a unit's list has one
    # household nobody has paired with yet
    plan: list[tuple[int, bool]] = []  # (cadre number, paired) per household
    n_cadres = 0
    remaining = households
    extra_reasons: set[int] = set()
    while remaining > 0 or n_cadres < 2:
        take = min(remaining, rng.choice([2, 3, 3, 3, 4]))
        if households >= 30 and take == 4 and remaining > 5 and rng.random() < 0.05:
            take = 5
            extra_reasons.add(n_cadres)
        plan.extend((n_cadres, True) for _ in range(take))
        remaining -= take
        if remaining > 0 and rng.random() < 0.06:
            plan.append((n_cadres, False))
            remaining -= 1
        n_cadres += 1

    done = 0
    cadre_plans: dict[int, _CadrePlan] = {}
    for start in range(0, max(len(plan), 1), BATCH_HOUSEHOLDS):
        with batched.batch():
            if start == 0:
                for number in range(n_cadres):
                    cadre_plans[number] = gen.cadre()
                    if number in extra_reasons:
                        cadre_plans[number].extra_reason = "本单位农民工较多，经单位研究同意多联系1户"
            for cadre_number, paired in plan[start : start + BATCH_HOUSEHOLDS]:
                showcase = _SHOWCASE[done] if existing == 0 and done < len(_SHOWCASE) else None
                gen.household(cadre_plans[cadre_number], paired, showcase)
                done += 1
                if progress is not None:
                    progress(done, len(plan))
    return gen.totals.summary()
