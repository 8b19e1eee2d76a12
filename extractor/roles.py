"""The vocabulary of the people an article names: the titles and roles printed
before a name (`局长次仁卓嘎`) or after it (`习近平总书记`), and the kin printed as a
title is (`老伴央吉`). `persons.py` reads person references with it."""

from __future__ import annotations

import re
from typing import overload

from extractor.alternation import alternation
from extractor.common_words import common_word_at


def words(text: str) -> list[str]:
    """The words of a vocabulary written as text, one space or line break apart."""
    return text.split()


#: Kin, printed before a name as a title is (`老伴央吉`, `她的女儿卓玛`).
KIN: tuple[str, ...] = tuple(
    words(
        """
        老伴 老伴儿 爱人 妻子 丈夫 儿子 女儿 父亲 母亲 爸爸 妈妈 爷爷 奶奶 外公 外婆 姥姥 姥爷 公公 婆婆
        岳父 岳母 孙子 孙女 外孙 外孙女 哥哥 姐姐 弟弟 妹妹 儿媳 女婿 侄子 侄女 同事 战友 徒弟
        """
    )
)
#: Titles and roles printed right before a name (`局长次仁卓嘎`) or after it
#: (`习近平总书记`, `廉毅敏组长`). Longest first: `老师傅` is a master craftsman, not
#: the 老师 of `傅次仁平措` (`老师傅次仁平措`, `跟着老师傅学习`: 3 readings, none a name).
ROLES: tuple[str, ...] = tuple(
    sorted(
        set(
            words(
                """
                书记 副书记 总书记 第一书记 主任 副主任 局长 副局长 处长 副处长 科长 副科长 所长
                副所长 站长 副站长 队长 副队长 大队长 副大队长 中队长 支队长 副支队长 院长 副院长
                校长 副校长 园长 县长 副县长 区长 副区长 市长 副市长 镇长 副镇长 乡长 副乡长 村长
                主席 副主席 委员 常委 组长 副组长 部长 副部长 厅长 副厅长 经理 总经理 副总经理
                董事长 副董事长 董事 总监 厂长 副厂长 主管 店长 行长 负责人 调研员 专干 专员 讲师
                教师 老师 老师傅 教授 研究员 医生 医师 主任医师 护士 民警 辅警 交警 警官 检察官 法官 律师
                干部 职工 员工 工人 农民工 村民 居民 牧民 边民 农牧民 农民 市民 游客 学生 大学生 小学生
                中学生 运动员 志愿者 导演 总导演 化妆师 演员 网格员 网格长 队员 党员 代表 专家
                驾驶员 司机 店主 老板 宣讲员 讲解员 辅导员 护林员 巡护员 管护员 工作人员 成员 社长
                理事长 会长 秘书长 馆长 技术员 安全员 政委 教练 教练员 选手 工程师 技术人员 传承人
                带头人 致富带头人 联络员 协管员 保洁员 环卫工人 群众 家长 户主 业主 村医 乡村医生
                驻村工作队员 工作队员 僧人 僧尼 学员 指导员 教导员 团长 营长 连长 排长 班长 战士
                官兵 消防员 指战员 特级教师 记者 主持人 老党员 退休干部 志愿服务者 参赛者 参与者
                养护员 受助者 患者 创业者 经营者 从业者 求职者 受益者 传承者 守护者 同学 小朋友 同志 人士 店员 摊主 车主 船长 乘客 旅客 顾客 读者 观众 网友
                家属 老人 村干部 驻村干部 村支书 支书 村主任 社员 会员
                股东 创始人 合伙人 企业家 经营户 养殖户 种植户 脱贫户 个体户 商户 发言人 新闻发言人
                导游 厨师 保安 护士长 主治医师 院士 博士 研究生 副教授 班主任 警长 书记员 审判长
                检察长 秘书 主播 编辑 作家 画家 歌手 裁判 冠军 义工 巡逻员 调解员 信息员 宣传员
                质检员 检验员 操作员 设计师 施工员 渔民 留学生 实习生 毕业生 非遗传承人 手艺人 匠人
                总统 总理 外长 大使 首相 省长 州长 旗长 苏木达 嘎查长
                妇女 孕妇 青年 老乡 村官 农户 牧户 团员 人大代表 政协委员 小伙 小伙子 姑娘 邻居
                相关负责人 有关负责人 主要负责人 分管负责人 负责同志 相关负责同志 有关负责同志
                主要负责同志 住户 居住者 艺人 能手 化验员 管水员 水管员 放牧员 饲养员 防疫员 兽医
                检测员 监测员 巡查员 管理员 营业员 服务员 售货员 收银员 快递员 乘务员 售票员
                保育员 炊事员 护工 社工 会计 出纳 农技员 农艺师 茶农 盐农 果农 花农 药剂师 康复师 营养师 理发师 画师
                唐卡画师 裁缝 工匠 瓦匠 木匠 石匠 银匠 铁匠 护边员 护路员 草管员 护河员 河长 林长
                预报员 首席预报员 首席专家 首席科学家 群测群防员 骑手 外卖骑手 配送员 送餐员 网约车司机
                关长 副关长 副馆长 台长 副台长 副行长 副社长 场长 副场长 矿长 庭长 副庭长 段长 股长
                司长 署长 主编 总编辑 机长 列车长 副园长
                音响师 灯光师 服装师 道具师 舞美师 摄影师 摄像师 调音师 剪辑师 造型师 舞台监督 编导 场记
                领唱 领舞 主唱
                收购商 经销商 批发商 供应商 客商 承包商 开发商 销售商 零售商 摊贩 菜贩
                大户 种植大户 养殖大户 爱好者 摄影爱好者 退休职工 退休教师 退休工人 老职工
                学徒 村播 带货主播 网店店主 退役军人 老兵 军嫂
                协保员 帮办员 代办员 巡渠员 调查员 普查员 统计员 普查指导员 协理员 专管员 评估员
                核查员 护理员 养老护理员 育婴员 育婴师 保育师 档案员 农机手 植保员 安监员 押运员
                爆破员 人民调解员 信贷员 客户经理 柜员 生态护林员 巡河员 河湖长 乡村振兴专干
                人员 务工人员 外来务工人员 采挖人员 主人 民宿主人 农家乐主人
                矫正对象 社区矫正对象
                """
            )
            + list(KIN)
        ),
        key=len,
        reverse=True,
    )
)
#: The alternation of the titles, for regular expressions (a trie: `alternation.py`).
ROLE_PATTERN = alternation(ROLES)
#: A title, compiled once for every module that looks for one.
ROLE = re.compile(ROLE_PATTERN)
#: The titles of an office one person holds, besides a chief's 长 (`局长`, `村长`), which
#: each reader bounds its own way: `书记`, `负责人`, `发言人`.
OFFICE_TITLES = "书记|主任|主席|经理|总监|负责人|负责同志|发言人|主管"
#: The demonstratives that point back to one person: `该负责人`, `这位老人`.
THIS_ONE = "(?:该|这位|此|这名|那位)"


@overload
def past_head(text: str, end: int) -> int: ...
@overload
def past_head(text: str, end: None) -> None: ...
@overload
def past_head(text: str, end: int | None) -> int | None: ...


def past_head(text: str, end: int | None) -> int | None:
    """Where a title ending at `end` ends, past the 长 that makes it the head of its
    holders when no word opens with that 长 (`厨师长陈军`: the head cook, 陈军; not the
    长期 of `群众长期务工`).

    >>> past_head("厨师长陈军", 2), past_head("群众长期务工", 2)
    (3, 2)
    """
    if end is not None and text[end : end + 1] == "长" and common_word_at(text, end) is None:
        return end + 1
    return end
