"""Who said it: the genre's ways of giving words to a person, read against paragraphs
written in the genre (Chinese local government news), and the ways a record gets it wrong."""

from __future__ import annotations

import pytest

from extractor.attribution import Speech
from extractor.check import check_article
from extractor.models import ArticleRecords, Quote
from extractor.persons import name_in, names, not_a_person
from extractor.reporters import reporters
from extractor.subjects import reference_name

BYLINE = "本报记者 格桑伦珠"


def reasons(
    text: str, speaker: str, words: str, kind: str, headline: str = "", dateline: str = ""
) -> list[str]:
    """The checker's reasons for refusing the quote (`[]` when it is accepted)."""
    quote = Quote.model_validate({"speaker": speaker, "text": words, "kind": kind})
    result = check_article(
        text, ArticleRecords(quotes=[quote]), headline, byline=BYLINE, dateline=dateline or None
    )
    assert len(result.accepted) + len(result.rejected) == 1
    return result.rejected[0].reasons if result.rejected else []


# text, speaker, words, kind: quotes the article gives to their speaker.
CREDITED = {
    "a name before a verb done to its end": (
        "帕古乡牧民央拉看完演出后高兴地说：“今年的节目真精彩。”",
        "央拉",
        "今年的节目真精彩。",
        "direct",
    ),
    "a verb after the quotation": (
        "“我们将继续加强学习，坚决执行两会安排部署。”柳梧街道办事处人大专干索朗拉姆说。",
        "索朗拉姆",
        "我们将继续加强学习，坚决执行两会安排部署。",
        "direct",
    ),
    "a long title before the name": (
        "自治区人大代表、某县某村党支部书记次仁多吉表示，要带领乡亲们走好致富路。",
        "次仁多吉",
        "要带领乡亲们走好致富路",
        "indirect",
    ),
    "the name with its title, as printed": (
        "“草场保护好了，牛羊才能长得好。”牧民扎西告诉记者。",
        "牧民扎西",
        "草场保护好了，牛羊才能长得好。",
        "direct",
    ),
    "告诉记者 and a colon before the quotation": (
        "该公司生产部经理普赤告诉记者：“我们对所有进厂的原材料都会进行精心把关。”",
        "普赤",
        "我们对所有进厂的原材料都会进行精心把关。",
        "direct",
    ),
    "a colon alone before the quotation": (
        "县委书记张明：“要把群众的事当成自己的事来办。”",
        "张明",
        "要把群众的事当成自己的事来办。",
        "direct",
    ),
    "an idiom between the name and the colon": (
        "在谈到今后的打算时，牧民扎西信心满满：“明年我要再养二十头牦牛。”",
        "扎西",
        "明年我要再养二十头牦牛。",
        "direct",
    ),
    "an adverb in 地": (
        "“看到家乡举办这样的活动，特别开心！”参赛运动员平措兴奋地告诉记者。",
        "平措",
        "看到家乡举办这样的活动，特别开心！",
        "direct",
    ),
    "a long description of the one who speaks, and 也 between the name and the verb": (
        "带着孙子赶来的牧民尼玛女士也告诉记者，她最喜欢宣讲队唱的牧歌。",
        "尼玛女士",
        "她最喜欢宣讲队唱的牧歌。",
        "indirect",
    ),
    "a village named with a name the article knows, before the title and the name": (
        "村民扎西说，料场现在干净多了。门巴乡扎西岗村驻村工作队队长 普布次仁 说：“我们将继续推行积分治理。”",
        "普布次仁",
        "我们将继续推行积分治理。",
        "direct",
    ),
    "something called up on a screen between the name and the verb": (
        "值班民警尼玛次仁调出一段视频介绍说，民警通过平台找到了走失的老人。",
        "尼玛次仁",
        "民警通过平台找到了走失的老人。",
        "indirect",
    ),
    "an idiom of four characters in 地 between the name and the verb": (
        "被劝导的市民巴桑不好意思地说：“以后一定注意。”",
        "巴桑",
        "以后一定注意。",
        "direct",
    ),
    "a colleague named for a later pronoun": (
        "“我们提前练了半个月。”队员拉措高兴地说。拉措的同事普布次仁也加入了篮球队，他说，比赛拉近了距离。",
        "普布次仁",
        "比赛拉近了距离",
        "indirect",
    ),
    "showing while saying, before the colon": (
        "63岁的老匠人达瓦边说边示范：“差一味都不行。”",
        "达瓦",
        "差一味都不行。",
        "direct",
    ),
    "where and when between the name and the verb": (
        "游客徐女士在接受记者采访时说：“这里的风景太美了，服务也很贴心。”",
        "徐女士",
        "这里的风景太美了，服务也很贴心。",
        "direct",
    ),
    "a place 所在 before a title and a name: the unit whose title it is, no adverbial": (
        "小区所在社区党支部书记普布卓嘎说：“小区里60岁以上的老人占了将近四成。”",
        "普布卓嘎",
        "小区里60岁以上的老人占了将近四成。",
        "direct",
    ),
    "an identified person": (
        "游客徐女士在便签留言道：“这个检查站是最有爱、最有温度的。”",
        "游客徐女士",
        "这个检查站是最有爱、最有温度的。",
        "direct",
    ),
    "learning while noting, then a pronoun before the quotation": (
        "52岁的村民格桑边学边记。她告诉记者：“现在能和汉族邻居聊家常。”",
        "格桑",
        "现在能和汉族邻居聊家常。",
        "direct",
    ),
    "他说 after 一边…，一边向记者算起了账: the person of the sentence before": (
        "“我家12亩地半天就播完了。”村民次仁顿珠一边查看地块，一边向记者算起了账。"
        "他说，请农机服务每亩只要80元。",
        "次仁顿珠",
        "请农机服务每亩只要80元。",
        "indirect",
    ),
    "the subject in the clause before (一边……一边说)": (
        "牧民扎西一边给牦牛添草料，一边说：“今年的草料足，牛也壮。”",
        "扎西",
        "今年的草料足，牛也壮。",
        "direct",
    ),
    "坦言 after a clause of its own": (
        "谈起这些年的变化，村民次仁坦言：“日子一天比一天好。”",
        "次仁",
        "日子一天比一天好。",
        "direct",
    ),
    "据……介绍": (
        "据县农业农村局局长格桑介绍，今年全县青稞种植面积稳中有升。",
        "格桑",
        "今年全县青稞种植面积稳中有升",
        "indirect",
    ),
    "reported speech after 指出": (
        "占堆指出，城乡环境综合大整治行动是当前市委安排的一项重要工作。",
        "占堆",
        "城乡环境综合大整治行动是当前市委安排的一项重要工作。",
        "indirect",
    ),
    "the next sentence goes on in the same voice": (
        "达孜区城管局副局长夏云介绍，群众参与垃圾分类的积极性明显提高。下一步，达孜区将继续发挥好该超市作用。",
        "夏云",
        "下一步，达孜区将继续发挥好该超市作用。",
        "indirect",
    ),
    "reported words after the quotation's own attribution": (
        "“比赛吸引了众多返乡大学生参赛。”拉萨市体育局副局长米玛琼达表示，下一步将开展体育进福利院活动。",
        "米玛琼达",
        "下一步将开展体育进福利院活动",
        "indirect",
    ),
    "a quotation split by its attribution (second half)": (
        "“以前看病要跑几十公里，”村民央金说，“现在村里就有卫生室。”",
        "央金",
        "现在村里就有卫生室。",
        "direct",
    ),
    "a quotation split by its attribution (first half)": (
        "“以前看病要跑几十公里，”村民央金说，“现在村里就有卫生室。”",
        "央金",
        "以前看病要跑几十公里，",
        "direct",
    ),
    "a remark quoted as someone's 重要论述": (
        "墨竹工卡县贯彻落实习近平总书记“生命重于泰山，要把安全生产摆在重要位置”的重要论述。",
        "习近平",
        "生命重于泰山，要把安全生产摆在重要位置",
        "direct",
    ),
    "a remark quoted as someone's 要求": (
        "对照中央第十二巡回指导组廉毅敏组长调研时提出的“要做工业增值的主力、安全生产的标兵”要求。",
        "廉毅敏",
        "要做工业增值的主力、安全生产的标兵",
        "direct",
    ),
    "an office whose unit holds a place, the unit named twice": (
        "由山东省对口支援日喀则市前方指挥部主办的展销会开幕。\n"
        "日喀则市各县参展。山东省对口支援日喀则市前方指挥部相关负责人表示，将持续做好帮扶活动。",
        "山东省对口支援日喀则市前方指挥部相关负责人",
        "将持续做好帮扶活动",
        "indirect",
    ),
    "a remark quoted as someone's 要求, the title before the name": (
        "对照自治区农业农村厅调研组组长顿珠旺堆调研时提出的“要把牦牛产业做成铁饭碗”要求。",
        "顿珠旺堆",
        "要把牦牛产业做成铁饭碗",
        "direct",
    ),
    "a quotation continued over a paragraph break (first paragraph)": (
        "县长李强说：“第一，要抓好春耕生产，确保粮食稳产增产。\n“第二，要做好防灾减灾工作。”",
        "李强",
        "第一，要抓好春耕生产，确保粮食稳产增产。",
        "direct",
    ),
    "a quotation continued over a paragraph break (next paragraph)": (
        "县长李强说：“第一，要抓好春耕生产，确保粮食稳产增产。\n“第二，要做好防灾减灾工作。”",
        "李强",
        "第二，要做好防灾减灾工作。",
        "direct",
    ),
    "a quotation continued over a paragraph break, credited at its end": (
        "“第一，要抓好春耕生产。\n“第二，要做好防灾减灾工作。”县长李强说。",
        "李强",
        "第一，要抓好春耕生产。",
        "direct",
    ),
    "老人 before a colon, for the old man the sentence before names": (
        "“现在路好走多了。”次仁说。他的爷爷格桑今年已经81岁，年轻时赶过马帮。"
        "老人坐在门口，慢慢晒着太阳：“以前去县城要走三天。”",
        "格桑",
        "以前去县城要走三天。",
        "direct",
    ),
    "阿妈 with a verb, for the woman of seventy-two named before": (
        "退休教师卓嘎今年72岁，每天都到村里的书屋看书。阿妈笑着说：“书屋就是我的第二个家。”",
        "卓嘎",
        "书屋就是我的第二个家。",
        "direct",
    ),
    "这个…的汉子 who opens a clause after 说到这里": (
        "村民扎西记得，小时候家里只有几只羊。“那时候日子苦，阿爸从不叫累。”"
        "说到这里，这个四十多岁的汉子低下了头。",
        "扎西",
        "那时候日子苦，阿爸从不叫累。",
        "direct",
    ),
    "a quotation over a paragraph break, credited at its end to 这位…的负责人": (
        "乡党委副书记扎西平措已经在山上住了半个多月。\n"
        "“我们要求采挖人员挖完一个坑就回填一个坑。\n“今年乡里组织了12支生态巡护队。”"
        "这位虫草采挖管理办公室的负责人说。",
        "扎西平措",
        "我们要求采挖人员挖完一个坑就回填一个坑。\n今年乡里组织了12支生态巡护队。",
        "direct",
    ),
    "two speakers in one paragraph (the first)": (
        "“巷子干净多了。”居民卓嘎说。“我们会继续巡查。”社区主任扎西表示。",
        "卓嘎",
        "巷子干净多了。",
        "direct",
    ),
    "two speakers in one paragraph (the second)": (
        "“巷子干净多了。”居民卓嘎说。“我们会继续巡查。”社区主任扎西表示。",
        "扎西",
        "我们会继续巡查。",
        "direct",
    ),
    "two reported speakers in one paragraph": (
        "城关区区长李明表示，下一步将加快项目建设。副区长王芳指出，要抓好安全生产。",
        "王芳",
        "要抓好安全生产",
        "indirect",
    ),
    "他 + a verb, for the person named before": (
        "市委书记王建国来到曲水县调研。他指出，要持续巩固拓展脱贫攻坚成果。",
        "王建国",
        "要持续巩固拓展脱贫攻坚成果",
        "indirect",
    ),
    "她强调, for the person named before": (
        "市委常委、常务副市长央宗出席会议并讲话。她强调，要压实安全生产责任。",
        "央宗",
        "要压实安全生产责任",
        "indirect",
    ),
    "他要求 after a sentence of his own": (
        "会上，县委书记张明强调，要抓紧抓实各项工作。他要求，各级干部要深入基层。",
        "张明",
        "各级干部要深入基层",
        "indirect",
    ),
    "他说 after the quotation": (
        "村民旦增带记者参观了新盖的藏式小楼。“日子越过越好了。”他说。",
        "旦增",
        "日子越过越好了。",
        "direct",
    ),
    "该负责人 for the one named before": (
        "拉萨市篮球协会负责人罗布旺久出席开幕式。该负责人介绍，比赛为期四天。",
        "罗布旺久",
        "比赛为期四天",
        "indirect",
    ),
    "a long 在……时 between the name and the verb": (
        "自治区党委书记王君正近日在日喀则市调研边境小康村建设时强调，要让边民住上好房子。",
        "王君正",
        "要让边民住上好房子",
        "indirect",
    ),
    "a title the vocabulary lacks": (
        "合作社理财员卓玛央宗告诉记者：“今年合作社分红比去年多了两成。”",
        "卓玛央宗",
        "今年合作社分红比去年多了两成。",
        "direct",
    ),
    "an organisation and a name, no title between": (
        "曾参与青稞新品种培育的自治区农牧科学院尼玛扎西介绍，新品种亩产提高了一成多。",
        "尼玛扎西",
        "新品种亩产提高了一成多",
        "indirect",
    ),
    "a name in Latin letters": (
        "援藏专家 Thomas Müller 表示，这里的高原医学研究条件很好。",
        "Thomas Müller",
        "这里的高原医学研究条件很好",
        "indirect",
    ),
    "an office the article names no better": (
        "县长在调研中强调，要把群众的冷暖放在心上。",
        "县长",
        "要把群众的冷暖放在心上",
        "indirect",
    ),
    "强调指出: two verbs": (
        "县委书记张明强调指出，要把安全生产摆在首要位置。",
        "张明",
        "要把安全生产摆在首要位置",
        "indirect",
    ),
    "如是说": (
        "“幸福生活是奋斗出来的。”村党支部书记扎西顿珠如是说。",
        "扎西顿珠",
        "幸福生活是奋斗出来的。",
        "direct",
    ),
    "two speakers of one quotation": (
        "“我们的日子越过越红火。”村民卓嘎和丈夫扎西笑着说。",
        "卓嘎",
        "我们的日子越过越红火。",
        "direct",
    ),
    "希望 before reported words": (
        "该站民警曹宪林希望，广大游客前往高海拔地区时做好准备。",
        "曹宪林",
        "广大游客前往高海拔地区时做好准备",
        "indirect",
    ),
    "a gesture between the name and the verb": (
        "牧民扎西指着刚建好的新房说：“这是政府帮我们盖的。”",
        "扎西",
        "这是政府帮我们盖的。",
        "direct",
    ),
    "用……的话说": (
        "用村党支部书记次仁的话说，“群众的事再小也是大事”。",
        "次仁",
        "群众的事再小也是大事",
        "direct",
    ),
    "正如……所说": (
        "正如县委书记张明所说，“发展才是硬道理”。",
        "张明",
        "发展才是硬道理",
        "direct",
    ),
    "对此 and 解释说": (
        "县委书记张明对此解释说，这样做是为了方便群众。",
        "张明",
        "这样做是为了方便群众",
        "indirect",
    ),
    "the person the quotation's sentence names": (
        "“生活越来越好了！”说起现在的日子，村民卓玛满脸笑容。",
        "卓玛",
        "生活越来越好了！",
        "direct",
    ),
    # A quotation as a sentence of its own, after one that shows a person saying something.
    "the person the sentence before shows at 介绍着, after a clause of how": (
        "村民次仁旺姆对着手机镜头，熟练地介绍着自家的糌粑和酥油。“这是我们的糌粑，大家放心下单。”"
        "短短两个小时，她卖出糌粑80余袋。",
        "次仁旺姆",
        "这是我们的糌粑，大家放心下单。",
        "direct",
    ),
    "the person the sentence before shows at 讲解": (
        "在八廓街的唐卡店里，店主扎西正在为游客讲解唐卡的绘制工艺。“每天要接待200多位客人。”",
        "扎西",
        "每天要接待200多位客人。",
        "direct",
    ),
    "the person a pronoun stands for, shown at 聊天 in the sentence before": (
        "记者见到了社工达娃。她每周都来陪老人聊天。“老人一个人住，最怕冬天。”",
        "达娃",
        "老人一个人住，最怕冬天。",
        "direct",
    ),
    # A pronoun stands for a person the sentences before it name as a person, never for
    # the words after a title that name no one.
    "他说 after a person at work on someone counted (一名孕妇)": (
        "在乡卫生院，院长格桑正在给一名孕妇做产检。他说，卫生院今年新添了B超机。",
        "格桑",
        "卫生院今年新添了B超机",
        "indirect",
    ),
    "他表示 after reported words that name a group and a place": (
        "县农业农村局局长次旺介绍，新建大棚让农牧民群众在家门口就能增收。他表示，将扩大种植规模。",
        "次旺",
        "将扩大种植规模",
        "indirect",
    ),
    "他要求 opening a paragraph, after a speaker whose words name a group": (
        "局长次旺指出，一批群众反映强烈的问题得到解决。\n他要求，各乡镇要抓好大棚管护。",
        "次旺",
        "各乡镇要抓好大棚管护",
        "indirect",
    ),
    "她强调 after 她告诉记者 and a quotation": (
        "来自江苏的援藏教师陈静已经在学校工作两年了。她告诉记者：“孩子们进步很快。”她强调，教育援藏要久久为功。",
        "陈静",
        "教育援藏要久久为功",
        "indirect",
    ),
    "他指出 for the one who reported, not the chair of the meeting": (
        "区委书记李平主持召开专题会议。会上，区长陈建国通报了秋收进展。他指出，全区秋收已完成八成。",
        "陈建国",
        "全区秋收已完成八成",
        "indirect",
    ),
    "她说 for the woman, not her husband named after her": (
        "村民卓玛的丈夫扎西常年在外打工。她说，现在村里有了合作社，丈夫回来了。",
        "卓玛",
        "现在村里有了合作社，丈夫回来了",
        "indirect",
    ),
    "他说 for a person an age introduces": (
        "“村里有了产业，年轻人都回来了。”今年28岁的扎西多吉大学毕业后回到家乡。他说，合作社的每一笔账都要公开。",
        "扎西多吉",
        "合作社的每一笔账都要公开",
        "indirect",
    ),
    # Persons named after long descriptions, as the genre prints them.
    "a long title holding a term in marks, after the quotation": (
        "“学校的变化太大了。”第十批“组团式”教育援藏工作队队长、拉萨市第一中学校长李华表示，将深化与内地学校的合作。",
        "李华",
        "学校的变化太大了。",
        "direct",
    ),
    "one who took part, of a township, named after 妇女": (
        "“以前没想过要做检查，现在心里踏实了。”参加义诊的羊八井镇妇女普珍说。",
        "普珍",
        "以前没想过要做检查，现在心里踏实了。",
        "direct",
    ),
    "边……边说": (
        "“今年青稞长得好。”正在田里收割的农民次仁边擦汗边说。",
        "次仁",
        "今年青稞长得好。",
        "direct",
    ),
    "what the speaker does, in a clause of 在……的": (
        "在社区门口开修车铺的居民达娃说：“路修好了，来修车的人也多了。”",
        "达娃",
        "路修好了，来修车的人也多了。",
        "direct",
    ),
    "what the speaker has just done, in a clause of 刚刚……的": (
        "刚刚领到分红的村民央金告诉记者：“今年每户多分了两千元。”",
        "央金",
        "今年每户多分了两千元。",
        "direct",
    ),
    "what someone doing something (正在……的) says after the quotation": (
        "“路修好了，半天就能打个来回。”正在工地帮厨的吉塘镇村民央拉说。",
        "央拉",
        "路修好了，半天就能打个来回。",
        "direct",
    ),
    "a quotation that ends someone's reported words": (
        "合作社社员旺姆说，她准备用分红给孩子买台电脑，“让孩子在家也能学习”。",
        "旺姆",
        "让孩子在家也能学习",
        "direct",
    ),
    "the wife of someone, named after him": (
        "“孩子上学再也不用走远路了。”格桑的妻子卓嘎说。",
        "卓嘎",
        "孩子上学再也不用走远路了。",
        "direct",
    ),
    "a gesture with a doubled adverb": (
        "“感谢党的好政策！”80岁的老党员多吉紧紧握着工作人员的手说。",
        "多吉",
        "感谢党的好政策！",
        "direct",
    ),
    "words of manner before the colon": (
        "对于未来，次仁充满信心：“明年要把合作社做大。”",
        "次仁",
        "明年要把合作社做大。",
        "direct",
    ),
    "the official of one unit, unnamed": (
        "市住建局相关负责人表示，供暖期间将开通24小时服务热线。",
        "市住建局相关负责人",
        "供暖期间将开通24小时服务热线",
        "indirect",
    ),
    "the official of one unit, a comrade, reporting at a meeting": (
        "县农业农村局相关负责同志在会上通报，全县已完成秋播面积3.2万亩。",
        "县农业农村局相关负责同志",
        "全县已完成秋播面积3.2万亩",
        "indirect",
    ),
    "a staff member of one unit, unnamed": (
        "县文旅局工作人员介绍，数字展厅开放以来已接待游客3.2万人次。",
        "县文旅局工作人员",
        "数字展厅开放以来已接待游客3.2万人次",
        "indirect",
    ),
    "a staff member of one unit printed with its second name in brackets, unnamed": (
        "为保障运动会顺利举办，各部门密切配合。市文化局（体育局）工作人员介绍，运动会期间还将同步开展惠民演出。",
        "市文化局（体育局）工作人员",
        "运动会期间还将同步开展惠民演出",
        "indirect",
    ),
    "a staff member of one hall, unnamed": (
        "专馆工作人员说，周末来馆里选购的市民每天有三四百人。",
        "专馆工作人员",
        "周末来馆里选购的市民每天有三四百人",
        "indirect",
    ),
    "a chief forecaster, unnamed": (
        "县气象局首席预报员介绍，本周全县将迎来一次明显降温。",
        "首席预报员",
        "本周全县将迎来一次明显降温",
        "indirect",
    ),
    "a Tibetan name of two names, given bare": (
        "“路通了，生意也好做了。”村党支部书记次仁多布杰告诉记者。",
        "次仁多布杰",
        "路通了，生意也好做了。",
        "direct",
    ),
    "what the speaker does, between the name and the verb": (
        "村民多吉站在新修的水渠边，笑着对记者说，今年的青稞浇上了及时水。",
        "多吉",
        "今年的青稞浇上了及时水",
        "indirect",
    ),
    "the verb's object before the colon": (
        "驻村工作队员王海峰在村委会向记者介绍了今年的帮扶计划：“我们要先把通村路修好。”",
        "王海峰",
        "我们要先把通村路修好。",
        "direct",
    ),
    "a pronoun doing the sums before a colon": (
        "牧民卓嘎家养了30头牦牛。她算了一笔账：今年卖了8头牛，收入6万多元。",
        "卓嘎",
        "今年卖了8头牛，收入6万多元",
        "indirect",
    ),
    "a person doing the sums before a colon": (
        "住在五楼的居民张丽华算了一笔账：换了新暖气片，一个冬天能省两千多元。",
        "张丽华",
        "换了新暖气片，一个冬天能省两千多元",
        "indirect",
    ),
    "在他看来: his view": (
        "“草场就是牧民的饭碗。”县草原站站长格桑说。在他看来，禁牧补助让牧民护草更有劲头。",
        "格桑",
        "禁牧补助让牧民护草更有劲头",
        "indirect",
    ),
    "a few words of advice before a quotation": (
        "遇到上山放牧的村民，护林员扎西总要叮嘱几句“火种不进山”。",
        "扎西",
        "火种不进山",
        "direct",
    ),
    "a quotation, then the person the reporter meets, by a pronoun": (
        "“以前喝的是河沟里的水。”记者在村里见到村民央宗时，她正在院子里洗菜。",
        "央宗",
        "以前喝的是河沟里的水。",
        "direct",
    ),
    "a quotation, a place, then the speaker doing something as they speak": (
        "“新房子冬天不冷了。”在安置小区，退休教师索朗一边晒太阳，一边对记者说。",
        "索朗",
        "新房子冬天不冷了。",
        "direct",
    ),
    "a second speaker taking up the talk": (
        "“病人要按时吃药。”护士长拉巴说。镇卫生院医生次旦多吉接过话：“我们每周都下村随访。”",
        "次旦多吉",
        "我们每周都下村随访。",
        "direct",
    ),
    "a pronoun for a person named at the end of a sentence after two titles": (
        "摄影比赛一等奖作品的作者，是在乡里支教的四川青年教师王晓东。他说，每年春天都来拍桃花。",
        "王晓东",
        "每年春天都来拍桃花",
        "indirect",
    ),
    "a relative clause before the title": (
        "“泡了一个星期的药浴，腿不疼了。”正在接受药浴治疗的退休教师卓玛说。",
        "卓玛",
        "泡了一个星期的药浴，腿不疼了。",
        "direct",
    ),
    "a relative clause of waiting, before an honorific": (
        "“公交车准点多了。”在人民路站候车的市民王女士说。",
        "王女士",
        "公交车准点多了。",
        "direct",
    ),
    "an example given": (
        "村民扎西举例说，去年一头牦牛卖了八千元。",
        "扎西",
        "去年一头牦牛卖了八千元",
        "indirect",
    ),
    "pride on the face, before a colon": (
        "谈起变化，村民扎西一脸自豪：“我家盖了新房。”",
        "扎西",
        "我家盖了新房。",
        "direct",
    ),
    "a comparison drawn": (
        "医生拉巴打了个比方：“血管就像水管，堵了就要疏通。”",
        "拉巴",
        "血管就像水管，堵了就要疏通。",
        "direct",
    ),
    "words said to everyone": (
        "县长王明勉励大家，要把家乡建设得更美。",
        "王明",
        "要把家乡建设得更美",
        "indirect",
    ),
    "an answer to what people asked": (
        "对于群众关心的供暖问题，局长次旺回应，下月起将延长供暖时间。",
        "次旺",
        "下月起将延长供暖时间",
        "indirect",
    ),
    "words said laughing, or exclaimed": (
        "村民卓玛笑言，现在出门都坐公交车了。游客李女士直呼：“太美了！”",
        "李女士",
        "太美了！",
        "direct",
    ),
    "his words, before a colon": (
        "村党支部书记扎西平措带领群众修通了水渠。他的话很实在：“水渠修好了，大家都受益。”",
        "扎西平措",
        "水渠修好了，大家都受益。",
        "direct",
    ),
    "the pronoun after the reporter asks, for the one asked": (
        "“一趟下来要七八个小时。”护边员次旺说。记者问他有没有想过不干了，他笑着摇摇头："
        "“我的儿子以后也要接着守。”",
        "次旺",
        "我的儿子以后也要接着守。",
        "direct",
    ),
    "a pronoun after the reporter asks someone named": (
        "记者问村民卓嘎家里有什么变化，她笑着说：“娃娃们都在城里上学了。”",
        "卓嘎",
        "娃娃们都在城里上学了。",
        "direct",
    ),
    "a monitor's title, whole before a Tibetan name of two": (
        "村民多吉在地里浇水。群测群防员次仁多吉正在查看裂缝监测桩。他告诉记者："
        "“下大雨时一个小时看一次。”",
        "次仁多吉",
        "下大雨时一个小时看一次。",
        "direct",
    ),
    "the subject opening the clause, 一边…一边 and 算账 before the quotation": (
        "“去年光是民宿收入就有26万多元。”次旦一边给客人倒茶一边算账，"
        "“旺季一个房间一晚能卖到380元。”",
        "次旦",
        "旺季一个房间一晚能卖到380元。",
        "direct",
    ),
    "算账 after the quotation": (
        "“去年光是民宿收入就有26万多元。”民宿老板次旦一边给客人倒茶一边算账。",
        "次旦",
        "去年光是民宿收入就有26万多元。",
        "direct",
    ),
    "a shop's name in marks in the title, 一边…，一边说 after the quotation": (
        "“冬天的客人一点也不比夏天少。”八廓街“雪域人家”茶馆店主卓嘎一边给客人添茶，一边笑着说。",
        "卓嘎",
        "冬天的客人一点也不比夏天少。",
        "direct",
    ),
    "a team's name in marks opening the title, 说 after the quotation": (
        "“每周我们都去敬老院。”“格桑花”志愿服务队队长次仁央金说。",
        "次仁央金",
        "每周我们都去敬老院。",
        "direct",
    ),
    "a team's name in marks opening the title, as printed, 一边…，一边说": (
        "“每周我们都去敬老院。”“格桑花”志愿服务队队长次仁央金一边整理物资，一边说。",
        "“格桑花”志愿服务队队长次仁央金",
        "每周我们都去敬老院。",
        "direct",
    ),
    "a known shorter name, the whole name opening the clause after the quotation": (
        "村民次仁在院子里晒青稞。“现在学会了编织，一个月能挣3000多元。”在县编织合作社，"
        "次仁曲珍一边编织卡垫，一边高兴地说。",
        "次仁曲珍",
        "现在学会了编织，一个月能挣3000多元。",
        "direct",
    ),
    "a neighbour, a young man": (
        "“我家今年种了10亩蔬菜。”邻居顿珠抢着说。在拉萨打工的日喀则小伙扎西告诉记者：“在城里一个月能挣五千多。”",
        "扎西",
        "在城里一个月能挣五千多。",
        "direct",
    ),
    "kin before the name": (
        "“护理员每周来两次，我轻松多了。”老伴卓嘎说。",
        "卓嘎",
        "护理员每周来两次，我轻松多了。",
        "direct",
    ),
    "kin after a pronoun's 的": (
        "“孩子们都回来过年了。”她的女婿格桑说。",
        "格桑",
        "孩子们都回来过年了。",
        "direct",
    ),
    "where the speaker stands, a place with 的 in it": (
        "“水渠通了，这片地再也不愁旱了。”养殖大户格桑站在自家的牛棚前说。",
        "格桑",
        "水渠通了，这片地再也不愁旱了。",
        "direct",
    ),
    "where the speaker sits": (
        "“有了暖棚，羊也不怕冻了。”牧民达娃坐在新房的炉子旁说。",
        "达娃",
        "有了暖棚，羊也不怕冻了。",
        "direct",
    ),
    "a trade in 商 before the name": (
        "“今年的虫草价格高了不少。”比如县白嘎乡虫草收购商次仁旺堆说。",
        "次仁旺堆",
        "今年的虫草价格高了不少。",
        "direct",
    ),
    "a trade in 商 the vocabulary lacks": (
        "“今年的羊毛行情不错。”皮毛商扎西说。",
        "扎西",
        "今年的羊毛行情不错。",
        "direct",
    ),
    "a Tibetan name whose second half the dictionary holds as a proper noun": (
        "乡政府办主任罗布久美表示，今年全乡新修灌溉水渠12公里。",
        "罗布久美",
        "今年全乡新修灌溉水渠12公里",
        "indirect",
    ),
    "what the speaker opens in hand before speaking": (
        "“全村的健康档案都在这里。”村医次旦翻开厚厚的随访本说。",
        "次旦",
        "全村的健康档案都在这里。",
        "direct",
    ),
    "what the speaker takes out before speaking": (
        "“这张照片是去年拍的。”牧民卓玛打开手机里的相册说。",
        "卓玛",
        "这张照片是去年拍的。",
        "direct",
    ),
    "他 is the mason the sentence before opens with, not the speaker before it": (
        "村委会主任格桑说，全村今年新建房屋20户。负责砌墙的瓦匠顿珠已经干了十多年。"
        "他说，今年的活比往年多了一倍。",
        "顿珠",
        "今年的活比往年多了一倍",
        "indirect",
    ),
    "他 is the subject of the sentence before, not the object of its preposition": (
        "岗巴镇的牧民多吉对驻村工作队队长李强印象很深。他说，以前村里没有路。",
        "多吉",
        "以前村里没有路",
        "indirect",
    ),
    "她 is the retired worker just named, not the speaker before": (
        "“菜价稳住了。”市场经理王海说。在城北社区的销售点，退休职工央宗一口气买了两袋面粉。"
        "“比超市便宜。”她说。",
        "央宗",
        "比超市便宜。",
        "direct",
    ),
    "a quotation going on the reported words, after a verb inside them": (
        "乡党委副书记达娃卓嘎说，乡里组建了6支宣讲小分队，挨家挨户上门宣讲，"
        "“不能让一户牧民因为不知道政策而漏领。”",
        "达娃卓嘎",
        "不能让一户牧民因为不知道政策而漏领。",
        "direct",
    ),
    "a Tibetan name of Qinghai whose second half the dictionary holds as a word": (
        "“各村上报信息130多条。”清水河镇党委副书记才仁东周说。",
        "才仁东周",
        "各村上报信息130多条。",
        "direct",
    ),
    "a Tibetan name of Diqing holding a character of a sentence's glue": (
        "州文化和旅游局局长此里卓玛介绍，全州今年已组织从业人员培训86期。",
        "此里卓玛",
        "全州今年已组织从业人员培训86期",
        "indirect",
    ),
    "a Naxi name opening with 和": (
        "“手艺不分民族，大家一起传下去才有意义。”和志军说。",
        "和志军",
        "手艺不分民族，大家一起传下去才有意义。",
        "direct",
    ),
    "a Naxi name opening with 和 after a title": (
        "“现在线上线下一起做，货走得快。”做了20年松茸生意的收购商和永强说。",
        "和永强",
        "现在线上线下一起做，货走得快。",
        "direct",
    ),
    "who leads the song of a team (领唱) is a title before a long description": (
        "“能在县里的舞台上唱歌，我们都很开心！”夺得第二名的曲水县代表队领唱德央激动地说。",
        "德央",
        "能在县里的舞台上唱歌，我们都很开心！",
        "direct",
    ),
    "kin spoken with 儿 (老伴儿) is a title, not the start of the name": (
        "王德明的老伴儿秀兰笑着说，老王退休后比上班还忙。",
        "秀兰",
        "老王退休后比上班还忙",
        "indirect",
    ),
    "a pronoun after a Naxi name that opens the clause": (
        "县长和建华指出，民族团结是生命线。和建华强调，各乡镇要抓好落实。"
        "他要求，要用好积分工作法。",
        "和建华",
        "要用好积分工作法",
        "indirect",
    ),
    "a name, then what the speaker shows meanwhile, ending in 的 and a thing": (
        "“刚开始只有我们三个人。”格桑旺堆一边展示刚设计好的氆氇手包，一边笑着说。",
        "格桑旺堆",
        "刚开始只有我们三个人。",
        "direct",
    ),
    "a pronoun after someone an age introduces, who does something meanwhile": (
        "“光有力气是不够的。”代表性传承人、68岁的次旦多吉一边纠正年轻人的姿势，一边说。"
        "次旦多吉从小跟着父亲学习制作弓箭。他说，会做响箭的老人越来越少。",
        "次旦多吉",
        "会做响箭的老人越来越少",
        "indirect",
    ),
    "the person a clause opens with, before a term in marks and the meeting it names": (
        "近日，县委副书记扎西平措在“冬春保畅”专项行动推进会上强调，各乡镇要压紧压实责任。",
        "扎西平措",
        "各乡镇要压紧压实责任",
        "indirect",
    ),
    "an office the article names by its place alone": (
        "嘉黎县召开草原保护工作会议。\n"  # a paragraph cut short, run on as the page is reflowed
        "今年，全县落实补奖资金8000万元，户均增收嘉黎县委书记指出，要守好草原生态。",
        "嘉黎县委书记",
        "要守好草原生态",
        "indirect",
    ),
    "他 for the herder named before, not a verb's complement after 智能手机 (机都用得)": (
        "章多乡的牧民达娃次仁以前连智能手机都用得不熟练,培训结束时已经能独立完成剪辑。"
        "他在结业仪式上拿着自己的第一条短视频说,回去就要把家里的牦牛奶渣推到网上去。",
        "达娃次仁",
        "回去就要把家里的牦牛奶渣推到网上去",
        "indirect",
    ),
}


@pytest.mark.parametrize(("text", "speaker", "words", "kind"), CREDITED.values(), ids=CREDITED)
def test_words_the_article_gives_to_the_speaker_are_accepted(
    text: str, speaker: str, words: str, kind: str
) -> None:
    assert reasons(text, speaker, words, kind) == []


def test_a_speaker_named_only_in_the_headline_stands_for_the_pronoun() -> None:
    text = "“我们村今年人均收入增长了12%。”他说。"
    headline = "次仁多吉：让每一位村民都过上好日子"
    assert reasons(text, "次仁多吉", "我们村今年人均收入增长了12%。", "direct", headline) == []
    assert reasons(text, "扎西", "我们村今年人均收入增长了12%。", "direct", headline) == [
        'speaker "扎西" not in article',
        'the article credits these words to "次仁多吉" ("他" 说 after the quotation), not "扎西"',
    ]


def test_words_in_the_headline_are_given_by_its_colon() -> None:
    text = "次仁多吉说，让每一位村民都过上好日子。"
    headline = "次仁多吉：让每一位村民都过上好日子"
    assert reasons(text, "次仁多吉", "让每一位村民都过上好日子", "indirect", headline) == []


# text, speaker, words, kind, the reason (or its start): quotes the article does not give so.
REFUSED = {
    "the one spoken to, in the sentence before the quotation": (
        "队长格桑平措拿着民情日记，向新任队长王建军逐户介绍情况。“这一年，我们建起了养殖场。”",
        "王建军",
        "这一年，我们建起了养殖场。",
        "direct",
        'the article does not give these words to "王建军" or to anyone',
    ),
    "one who listens, in the sentence before the quotation": (
        "牧民卓玛拿到体检报告后，仔细听医生讲解每一项结果。“以前身体不舒服都是忍着。”",
        "医生",
        "以前身体不舒服都是忍着。",
        "direct",
        'the article does not give these words to "医生" or to anyone',
    ),
    "a verb done to its end run into the name": (
        "72岁的牧民阿旺测完血压后高兴地说：“医生到家门口来看病，真是太方便了。”",
        "阿旺测完",
        "医生到家门口来看病，真是太方便了。",
        "direct",
        'the article credits these words to "72岁的牧民阿旺测完血压后"',
    ),
    "the 边 of 一边 and a preposition, read as a name before 记者": (
        "“我家12亩地半天就播完了。”村民次仁顿珠一边查看地块，一边向记者算起了账。"
        "他说，请农机服务每亩只要80元。",
        "边向",
        "请农机服务每亩只要80元。",
        "indirect",
        'speaker "边向" is a fragment of a sentence, not a person',
    ),
    "an auxiliary verb and a preposition after a title, read as a name": (
        "志愿者老师会为他们辅导功课。“日子越过越有奔头。”她笑着说。",
        "会为",
        "日子越过越有奔头。",
        "direct",
        'speaker "会为" is a fragment of a sentence, not a person',
    ),
    "他 after a person introduced by where he comes from, not the woman of the paragraph before": (
        "毕业于西藏大学的旦增曲珍拿着简历告诉记者，她已经参加了3场招聘会。\n"
        "毕业于西藏农牧学院的次仁顿珠正在询问岗位要求。“我很想留在家乡工作。”他说。",
        "旦增曲珍",
        "我很想留在家乡工作。",
        "direct",
        'the article credits these words to "次仁顿珠"',
    ),
    "another person of the paragraph": (
        "“巷子干净多了。”居民卓嘎说。“我们会继续巡查。”社区主任扎西表示。",
        "卓嘎",
        "我们会继续巡查。",
        "direct",
        'the article credits these words to "社区主任扎西" (表示 after the quotation), not "卓嘎"',
    ),
    "the first reported speaker for the second's words": (
        "城关区区长李明表示，下一步将加快项目建设。副区长王芳指出，要抓好安全生产。",
        "李明",
        "要抓好安全生产",
        "indirect",
        'the article credits these words to "副区长王芳" (指出 before the words), not "李明"',
    ),
    "a part of the name": (
        "自治区人大代表、某县某村党支部书记次仁多吉表示，要带领乡亲们走好致富路。",
        "多吉",
        "要带领乡亲们走好致富路",
        "indirect",
        'the article credits these words to "自治区人大代表、某县某村党支部书记次仁多吉"',
    ),
    "a pronoun as the speaker": (
        "市委书记王建国来到曲水县调研。他指出，要持续巩固拓展脱贫攻坚成果。",
        "他",
        "要持续巩固拓展脱贫攻坚成果",
        "indirect",
        'speaker "他" is a pronoun, not a person as printed',
    ),
    "a title alone": (
        "党工委委员、二级调研员徐海说：“要用心用情做好信访工作。”",
        "委员",
        "要用心用情做好信访工作。",
        "direct",
        'speaker "委员" is a title or a group, not a named person',
    ),
    "a fragment of the sentence": (
        "牧民扎西一边给牦牛添草料，一边说：“今年的草料足，牛也壮。”",
        "一边",
        "今年的草料足，牛也壮。",
        "direct",
        'speaker "一边" is a fragment of a sentence, not a person',
    ),
    "a group and a verb": (
        "“环境好了，群众来了也舒心。”社区书记拉姆说。",
        "群众来",
        "环境好了，群众来了也舒心。",
        "direct",
        'speaker "群众来" is a fragment of a sentence, not a person',
    ),
    "the reporter's question": (
        "“今年的收入怎么样？”记者问。“比去年多了一万多元。”牧民扎西笑着说。",
        "扎西",
        "今年的收入怎么样？",
        "direct",
        'these are the reporter\'s words ("记者"), not a quote of "扎西"',
    ),
    "an organisation's statement": (
        "市气象台建议，市民外出注意防寒保暖。",
        "市气象台",
        "市民外出注意防寒保暖",
        "indirect",
        'the article gives these words to "市气象台", not to a person',
    ),
    "a meeting's demand after a person's statement": (
        "城关区区长李明表示，下一步将加快项目建设。会议要求，各单位要抓好落实。",
        "李明",
        "各单位要抓好落实",
        "indirect",
        'the article gives these words to "会议", not to a person',
    ),
    "a document quoted": (
        "党的二十大报告提出：“健全共建共治共享的社会治理制度。”",
        "习近平",
        "健全共建共治共享的社会治理制度。",
        "direct",
        'the article gives these words to "党的二十大报告", not to a person',
    ),
    "narration no one says": (
        "村民次仁今年种了二十亩青稞。今年全村青稞喜获丰收。",
        "次仁",
        "今年全村青稞喜获丰收",
        "indirect",
        'the article does not give these words to "次仁" or to anyone',
    ),
    "a quotation no one is named for": (
        "走进村委会，墙上写着“为人民服务”。",
        "次仁",
        "为人民服务",
        "direct",
        'the article does not give these words to "次仁" or to anyone',
    ),
    "the husband for the wife who speaks after him": (
        "“孩子上学再也不用走远路了。”格桑的妻子卓嘎说。",
        "格桑",
        "孩子上学再也不用走远路了。",
        "direct",
        'the article credits these words to "格桑的妻子卓嘎" (说 after the quotation), not "格桑"',
    ),
    "the chair of the meeting for the one who reported": (
        "区委书记李平主持召开专题会议。会上，区长陈建国通报了秋收进展。他指出，全区秋收已完成八成。",
        "李平",
        "全区秋收已完成八成",
        "indirect",
        'the article credits these words to "陈建国" ("他" 指出 before the words), not "李平"',
    ),
    "a speaker of the paragraph before, for a person an age introduces": (
        "县长王明表示，要支持大学生返乡创业。\n“村里有了产业，年轻人都回来了。”今年28岁的扎西多吉大学毕业后回到家乡。他说，合作社的每一笔账都要公开。",
        "王明",
        "合作社的每一笔账都要公开",
        "indirect",
        'the article credits these words to "28岁的扎西多吉大学毕业后回到家乡"',
    ),
    "a group a speaker's words name, for the pronoun after them": (
        "县农业农村局局长次旺介绍，新建大棚让农牧民群众在家门口就能增收。他表示，将扩大种植规模。",
        "群众",
        "将扩大种植规模",
        "indirect",
        'speaker "群众" is a title or a group, not a named person',
    ),
    "the officials of several units": (
        "会上，各单位相关负责人表示，将抓好各项工作落实。",
        "各单位相关负责人",
        "将抓好各项工作落实",
        "indirect",
        'speaker "各单位相关负责人" is a title or a group, not a named person',
    ),
    "the 讲 of a talk given is no verb of saying": (
        "结巴乡组织干部双语宣讲，推动创建工作走深走实。",
        "双语宣",
        "推动创建工作走深走实",
        "indirect",
        'the article does not give these words to "双语宣"',
    ),
    "many holders of an office": (
        "不少合作社负责人说，税务干部上门服务，政策讲得明白。",
        "不少合作社负责人",
        "税务干部上门服务，政策讲得明白。",
        "indirect",
        'speaker "不少合作社负责人" is a title or a group, not a named person',
    ),
    "the staff of several units": (
        "会上，各单位工作人员表示，将抓好各项工作落实。",
        "各单位工作人员",
        "将抓好各项工作落实",
        "indirect",
        'speaker "各单位工作人员" is a title or a group, not a named person',
    ),
    "a staff member named by the title alone, cut from the unit's": (
        "县文旅局工作人员介绍，数字展厅开放以来已接待游客3.2万人次。",
        "工作人员",
        "数字展厅开放以来已接待游客3.2万人次",
        "indirect",
        'speaker "工作人员" is a title or a group, not a named person',
    ),
    "the title alone, cut from a unit printed with its second name": (
        "市文化局（体育局）工作人员介绍，运动会期间还将同步开展惠民演出。",
        "工作人员",
        "运动会期间还将同步开展惠民演出",
        "indirect",
        'speaker "工作人员" is a title or a group, not a named person',
    ),
    "staff of no unit": (
        "相关工作人员介绍，展厅开放以来已接待游客3.2万人次。",
        "相关工作人员",
        "展厅开放以来已接待游客3.2万人次",
        "indirect",
        'speaker "相关工作人员" is a title or a group, not a named person',
    ),
    "the person named before, for a pronoun after a person a title names at her work": (
        "村医拉姆一早来到牧民家中。县医院副院长李红梅列席了会议。她说，要把慢病随访做细。",
        "拉姆",
        "要把慢病随访做细",
        "indirect",
        'the article credits these words to "李红梅" ("她" 说 before the words), not "拉姆"',
    ),
    "a worker named before, for the pronoun after a villager at home": (
        "工人央金正在车间封装饼干。村民次仁卓嘎家种了15亩青稞。她算了一笔账：今年卖了3万多元。",
        "央金",
        "今年卖了3万多元",
        "indirect",
        'the article credits these words to "次仁卓嘎"',
    ),
    "a person named before, for the pronoun after a title and a word of the language": (
        "县文旅局局长罗布介绍，非遗市集设摊位200个。竹编艺人多吉一边编着背篓，一边向围观的"
        "游客讲解竹编的工序。他说，一个背篓要编两天。",
        "罗布",
        "一个背篓要编两天",
        "indirect",
        'the article credits these words to "多吉"',
    ),
    "a father, for his son's words after what the son does": (
        "村民格桑的儿子次旺站在新房门口，笑着对记者说，明年要把院子修好。",
        "格桑",
        "明年要把院子修好",
        "indirect",
        'the article credits these words to "村民格桑的儿子次旺"',
    ),
    "whom the reporter asks, as the speaker": (
        "“一趟下来要七八个小时。”护边员次旺说。记者问他有没有想过不干了，他笑着摇摇头："
        "“我的儿子以后也要接着守。”",
        "问他",
        "我的儿子以后也要接着守。",
        "direct",
        'speaker "问他" is a fragment of a sentence, not a person',
    ),
    "the name before, for the pronoun after the reporter asks another": (
        "“一趟下来要七八个小时。”护边员次旺说。记者问村民扎西有没有想过不干了，他笑着摇摇头："
        "“我的儿子以后也要接着守。”",
        "次旺",
        "我的儿子以后也要接着守。",
        "direct",
        'the article credits these words to "扎西" ("他" a colon before the quotation), not "次旺"',
    ),
    "the end of a monitor's name, for the pronoun": (
        "村民多吉在地里浇水。群测群防员次仁多吉正在查看裂缝监测桩。他告诉记者："
        "“下大雨时一个小时看一次。”",
        "多吉",
        "下大雨时一个小时看一次。",
        "direct",
        'the article credits these words to "次仁多吉" ("他" 告诉记者 before the quotation), not "多吉"',
    ),
    "a guest, for the words the host gives doing the sums": (
        "“房间很干净。”游客刘先生说。次旦一边给客人倒茶一边算账，“旺季一个房间一晚能卖到380元。”",
        "刘先生",
        "旺季一个房间一晚能卖到380元。",
        "direct",
        'the article credits these words to "次旦" (算账 before the quotation), not "刘先生"',
    ),
    "a villager named before, for the sums a cooperative does": (
        "村民扎西在院子里晒青稞。合作社帮牧民算账，“一头牦牛能多卖两千元。”",
        "扎西",
        "一头牦牛能多卖两千元。",
        "direct",
        'the article credits these words to "合作社帮牧民" (算账 before the quotation), not "扎西"',
    ),
    "the place of a title holding a shop's name in marks, for the owner's words": (
        "“冬天的客人一点也不比夏天少。”八廓街“雪域人家”茶馆店主卓嘎一边给客人添茶，一边笑着说。",
        "八廓街",
        "冬天的客人一点也不比夏天少。",
        "direct",
        'the article credits these words to "八廓街“雪域人家”茶馆店主卓嘎" (named after the '
        'quotation), not "八廓街"',
    ),
    "the team's name in marks, for its leader's words": (
        "“每周我们都去敬老院。”“格桑花”志愿服务队队长次仁央金一边整理物资，一边说。",
        "格桑花",
        "每周我们都去敬老院。",
        "direct",
        'the article credits these words to "“格桑花”志愿服务队队长次仁央金"',
    ),
    "part of the name after a title holding a name in marks": (
        "“每周我们都去敬老院。”“格桑花”志愿服务队队长次仁央金一边整理物资，一边说。",
        "次仁",
        "每周我们都去敬老院。",
        "direct",
        'the article credits these words to "“格桑花”志愿服务队队长次仁央金"',
    ),
    "the team's name in marks, 说 after the quotation": (
        "“每周我们都去敬老院。”“格桑花”志愿服务队队长次仁央金说。",
        "格桑花",
        "每周我们都去敬老院。",
        "direct",
        'the article credits these words to "“格桑花”志愿服务队队长次仁央金" (说 after the '
        'quotation), not "格桑花"',
    ),
    "a place before a colon": (
        "林周县：“要让每一户都有稳定收入。”",
        "林周县",
        "要让每一户都有稳定收入。",
        "direct",
        'the article gives these words to "林周县", not to a person',
    ),
    "the object of a preposition, for 他 that stands for the subject": (
        "岗巴镇的牧民多吉对驻村工作队队长李强印象很深。他说，以前村里没有路。",
        "李强",
        "以前村里没有路",
        "indirect",
        'the article credits these words to "多吉" ("他" 说 before the words), not "李强"',
    ),
    "the speaker before, for 老人 standing for the old man named after him": (
        "“现在路好走多了。”次仁说。他的爷爷格桑今年已经81岁，年轻时赶过马帮。"
        "老人坐在门口，慢慢晒着太阳：“以前去县城要走三天。”",
        "次仁",
        "以前去县城要走三天。",
        "direct",
        'the article credits these words to "格桑" ("老人" a colon before the quotation), '
        'not "次仁"',
    ),
    "老人 for the village doctor, whom the text does not call old": (
        "村医索朗正在给一位老人量血压。老人说：“血压比上个月低了。”",
        "索朗",
        "血压比上个月低了。",
        "direct",
        'the article gives these words to "老人", and names no one before it whom it can stand for',
    ),
    "老人 for an old man named two paragraphs before": (
        "牧民多吉今年已经80岁。\n村里今年新修了一条路。\n老人笑着说：“路修好了，看病方便了。”",
        "多吉",
        "路修好了，看病方便了。",
        "direct",
        'the article gives these words to "老人", and names no one before it whom it can stand for',
    ),
    "这位阿妈 for the husband named last": (
        "丈夫扎西常年在外打工。这位阿妈说：“家里的地我一个人种。”",
        "扎西",
        "家里的地我一个人种。",
        "direct",
        'the article gives these words to "这位阿妈", and names no one before it whom it can stand for',
    ),
    "the speaker before, for 他 after a mason is named": (
        "村委会主任格桑说，全村今年新建房屋20户。负责砌墙的瓦匠顿珠已经干了十多年。"
        "他说，今年的活比往年多了一倍。",
        "格桑",
        "今年的活比往年多了一倍",
        "indirect",
        'the article credits these words to "顿珠" ("他" 说 before the words), not "格桑"',
    ),
    "a noun before a rule quoted as its 要求 is no one": (
        "他要求，要严格落实校园安保“三个100%”要求，确保专职保安配备到位。",
        "安保",
        "三个100%",
        "direct",
        'the article gives these words to "他"',
    ),
    "the speaker before, for 她 after a member of a team is named": (
        "晚会总导演洛桑晋美说，节目已排练了一个多月。在后台，服装组的央宗正在缝补袍子。"
        "“每一套都得提前熨好。”她说。",
        "洛桑晋美",
        "每一套都得提前熨好。",
        "direct",
        'the article credits these words to "央宗"',
    ),
    "not the meeting, whose name a term in marks cuts from the person who speaks": (
        "近日，县委副书记扎西平措在“冬春保畅”专项行动推进会上强调，各乡镇要压紧压实责任。",
        "专项行动推进会上",
        "各乡镇要压紧压实责任",
        "indirect",
        'speaker "专项行动推进会上" is an organisation',
    ),
    "not a name cut from the words of a comparison (比上 of 比上一届增长)": (
        "8月2日，“第五届雅砻文化节”开幕，吸引游客2万人次，比上一届增长约30%。",
        "比上",
        "第五届雅砻文化节",
        "direct",
        'speaker "比上" is a fragment of a sentence',
    ),
    "not a name run into what the person does (格桑边学 of 格桑边学边记)": (
        "52岁的村民格桑边学边记。她告诉记者：“现在能和汉族邻居聊家常。”",
        "格桑边学",
        "现在能和汉族邻居聊家常。",
        "direct",
        'the article credits these words to "格桑"',
    ),
    "not a name before a title cut from a word (护工 of 保护工作)": (
        "全县对照全市草原生态保护工作会议提出的“禁牧不减收”要求，抓好落实。",
        "态保",
        "禁牧不减收",
        "direct",
        "the article",
    ),
    "not the words of a paragraph cut short, run into the office of the next": (
        "嘉黎县召开草原保护工作会议。\n"  # a paragraph cut short, run on as the page is reflowed
        "今年，全县落实补奖资金8000万元，户均增收嘉黎县委书记指出，要守好草原生态。",
        "户均增收嘉黎县委书记",
        "要守好草原生态",
        "indirect",
        'speaker "户均增收嘉黎县委书记" is a fragment of a sentence, not a person: the office '
        'the article names is "嘉黎县委书记"',
    ),
    "the speaker before, for 她 after a retired worker is named": (
        "“菜价稳住了。”市场经理王海说。在城北社区的销售点，退休职工央宗一口气买了两袋面粉。"
        "“比超市便宜。”她说。",
        "王海",
        "比超市便宜。",
        "direct",
        'the article credits these words to "央宗"',
    ),
    "not a preposition and its verb after a quotation no one is said to speak (为守住)": (
        "“水质好不好，检测说了算。”为守住饮水安全底线，市水利局建成了水质检测中心。",
        "为守住",
        "水质好不好，检测说了算。",
        "direct",
        'speaker "为守住" is a fragment of a sentence, not a person',
    ),
    "not a 和 joining two groups (和驻村 of 乡干部和驻村工作队员), though 和 is a surname": (
        "“阿妈啦，医保费交了没有？”连日来，经常能看到乡干部和驻村工作队员入户动员的身影。",
        "和驻村",
        "阿妈啦，医保费交了没有？",
        "direct",
        'the article does not give these words to "和驻村"',
    ),
    "not a verb and its complement after a role cut from a word (机都用得 of 智能手机都用得)": (
        "章多乡的牧民达娃次仁以前连智能手机都用得不熟练,培训结束时已经能独立完成剪辑。"
        "他在结业仪式上拿着自己的第一条短视频说,回去就要把家里的牦牛奶渣推到网上去。",
        "机都用得",
        "回去就要把家里的牦牛奶渣推到网上去",
        "indirect",
        'speaker "机都用得" is a fragment of a sentence, not a person',
    ),
    "not a piece of a document's title in 《…》, credited by a 要求 the clause goes by": (
        "乡里组建护河队伍，对照《墨竹县河湖长制工作考核细则》明确的巡查要求，"
        "按照“有河必巡”的标准，对沿线河道开展巡查。",
        "制工作考",
        "按照“有河必巡”的标准，对沿线河道开展巡查",
        "indirect",
        'speaker "制工作考" is a piece of the title 《墨竹县河湖长制工作考核细则》',
    ),
}


@pytest.mark.parametrize(
    ("text", "speaker", "words", "kind", "reason"), REFUSED.values(), ids=REFUSED
)
def test_words_the_article_does_not_give_to_the_speaker_are_refused_saying_why(
    text: str, speaker: str, words: str, kind: str, reason: str
) -> None:
    found = reasons(text, speaker, words, kind)
    assert any(r.startswith(reason) for r in found), found


def test_the_reporter_is_no_speaker() -> None:
    """A byline's or dateline's name is refused as a speaker, saying who the reporter is
    and whom the article credits."""
    text = "“巷子干净多了。”居民卓嘎说。记者格桑伦珠在现场看到，巷子里干干净净。"
    found = reasons(text, "格桑伦珠", "巷子干净多了。", "direct")
    assert found == [
        'speaker "格桑伦珠" is the reporter of the byline or dateline, who does not say these words',
        'the article credits these words to "居民卓嘎" (说 after the quotation), not "格桑伦珠"',
    ]
    dateline = "本报拉萨讯(记者 卢文静 通讯员 杨璐)"
    found = reasons(text, "杨璐", "巷子干净多了。", "direct", dateline=dateline)
    assert 'speaker "杨璐" is the reporter of the byline or dateline' in found[1]


def test_a_person_whose_name_holds_the_reporters_is_no_reporter() -> None:
    """The dateline's 次仁 is not 次仁央宗, nor is 卓玛 次仁卓玛: a refusal of their words
    says whom the article credits, not that they are the reporter."""
    text = "“路修到了家门口。”村民次仁央宗说。“今年收成好。”村民次仁卓玛说。"
    for dateline in ("本报拉萨讯(记者 次仁)", "本报拉萨讯(记者 卓玛)"):
        assert reasons(text, "次仁央宗", "路修到了家门口。", "direct", dateline=dateline) == []
        found = reasons(text, "次仁卓玛", "路修到了家门口。", "direct", dateline=dateline)
        assert found == [
            'the article credits these words to "村民次仁央宗" (说 after the quotation), '
            'not "次仁卓玛"'
        ]
    found = reasons(text, "次仁", "路修到了家门口。", "direct", dateline="本报拉萨讯(记者 次仁)")
    assert 'speaker "次仁" is the reporter of the byline or dateline' in found[0]


def test_a_reporter_the_text_gives_words_to_is_a_speaker() -> None:
    """The dateline names 次仁卓嘎, and so does a quotation's attribution: a reporter and
    a speaker of the same name are two people the text tells apart."""
    text = "“今年将突出提质增效。”城关区乡村振兴局局长次仁卓嘎说。"
    quote = "今年将突出提质增效。"
    assert reasons(text, "次仁卓嘎", quote, "direct", dateline="拉萨融媒讯(记者次仁卓嘎)") == []


# --- kind ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words", "kind", "reason"),
    [
        (
            "“巷子干净多了。”居民卓嘎说。",
            "巷子干净多了。",
            "indirect",
            'kind "indirect", but these words stand inside quotation marks',
        ),
        (
            "占堆指出，城乡环境综合大整治行动是一项重要工作。",
            "城乡环境综合大整治行动是一项重要工作",
            "direct",
            'kind "direct", but these words do not stand inside quotation marks',
        ),
    ],
    ids=["a quotation as indirect", "reported speech as direct"],
)
def test_kind_is_direct_exactly_inside_quotation_marks(
    text: str, words: str, kind: str, reason: str
) -> None:
    speaker = "卓嘎" if "卓嘎" in text else "占堆"
    found = reasons(text, speaker, words, kind)
    assert len(found) == 1 and found[0].startswith(reason), found


def test_reported_speech_opening_with_a_name_in_marks_is_not_direct() -> None:
    """Reported words that open with a name in marks (`“沙棘林杯”全民健身系列赛……`) start
    inside a quotation; given as direct, the refusal says where they end and their kind."""
    text = "体育局局长尼玛次仁介绍，“沙棘林杯”全民健身系列赛今年共安排赛事活动9项。"
    words = "“沙棘林杯”全民健身系列赛今年共安排赛事活动9项"
    assert reasons(text, "尼玛次仁", words, "indirect") == []
    found = reasons(text, "尼玛次仁", words, "direct")
    assert found == [
        "direct quote text runs past the end of its quotation",
        'kind "direct", but most of these words do not stand inside quotation marks in the '
        'article, only "沙棘林杯" (reported speech is "indirect")',
    ]


def test_a_quotation_over_paragraphs_given_as_reported_words_is_refused_for_its_kind() -> None:
    text = "县长李强说：“第一，要抓好春耕生产。\n“第二，要做好防灾减灾工作。”"
    words = "第一，要抓好春耕生产。\n第二，要做好防灾减灾工作。"
    assert reasons(text, "李强", words, "direct") == []
    found = reasons(text, "李强", words, "indirect")
    assert "indirect quote text runs across paragraphs" in found
    assert any(
        r.startswith('kind "indirect", but these words stand inside quotation') for r in found
    )


def test_a_quotation_run_on_a_little_is_cut_not_of_the_wrong_kind() -> None:
    """A direct quote that runs a few words past its quotation mark is refused for that
    alone: most of its words are quoted, so its kind is right."""
    text = "“巷子干净多了，出门心情也好。”居民卓嘎说。"
    found = reasons(text, "卓嘎", "巷子干净多了，出门心情也好。”居民卓嘎", "direct")
    assert found[:1] == ["direct quote text runs past the end of its quotation"]
    assert not any(r.startswith('kind "direct"') for r in found), found


def test_reported_speech_holding_a_term_in_marks_is_indirect() -> None:
    text = "夏云介绍，群众思想从“要我分”逐步转变到“我要分”。"
    words = "群众思想从“要我分”逐步转变到“我要分”"
    assert reasons(text, "夏云", words, "indirect") == []


# --- quotations ----------------------------------------------------------------------------


def test_quotation_marks_pair_by_depth_and_over_paragraphs() -> None:
    text = "他说：“要学习‘千万工程’经验。\n“要抓好落实。”"
    speech = Speech(text)
    inner = text.index("千万工程")
    chain = speech.quotation(inner, inner + 4)
    assert chain is not None and len(chain) == 1 and text[chain[0].opening] == "“"
    both = speech.quotation(text.index("要学习"), text.index("要抓好") + 5)
    assert both is not None and len(both) == 2
    assert speech.quotation(0, 2) is None  # 他说 stands outside


def test_a_closing_mark_whose_opening_the_page_lost_still_closes_a_quotation() -> None:
    text = "今年收入翻了一番。”村民卓嘎说。"
    speech = Speech(text)
    assert speech.quotation(0, 9) is not None
    credit = speech.credit(0, 9)
    assert credit is not None and credit.who == "村民卓嘎"


def test_a_quotation_may_open_with_one_width_of_mark_and_close_with_the_other() -> None:
    text = '“今年分红翻了一番,"村民次仁卓玛说,"明年还要扩大规模。”'
    speech = Speech(text)
    first, second = text.index("今年"), text.index("明年")
    assert speech.quotation(first, text.index(',"村民')) is not None
    assert speech.quotation(second, text.index("。”")) is not None
    assert speech.quotation(text.index("村民"), text.index("说")) is None  # the speaker
    for at in (first, second):
        credit = speech.credit(at, at + 4)
        assert credit is not None and credit.who == "村民次仁卓玛"
    lone = '“路修到了家门口。"村民卓嘎说。'
    assert Speech(lone).quotation(lone.index("村民"), lone.index("说")) is None


def test_a_term_in_straight_marks_stays_inside_a_full_width_quotation() -> None:
    for text in (
        '“要落实"四个一"工作机制,把服务送到牧民家中。”县长扎西说。',
        '“要做到,"一村一策"。”县长扎西说。',
    ):
        speech = Speech(text)
        chain = speech.quotation(1, text.index("”"))
        assert chain is not None and chain[0].end == text.index("”")


# --- persons ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reference", "name"),
    [
        ("柳梧街道办事处人大专干索朗拉姆", "索朗拉姆"),
        ("拉萨市体育局党组成员、副局长米玛琼达", "米玛琼达"),
        ("游客徐女士", "徐女士"),
        ("牧民尼玛女士", "尼玛女士"),  # a given name and an honorific, whole
        ("舞台监督次仁多吉", "次仁多吉"),  # the trades of a stage
        ("道具师扎西平措", "扎西平措"),
        ("参加比赛的县艺术团代表队领唱卓嘎", "卓嘎"),  # who leads a song or dance
        ("锅庄队领舞白玛央金", "白玛央金"),
        ("乐队主唱旦增", "旦增"),
        ("东嘎街道安全监管员尼玛拉姆", "尼玛拉姆"),  # 尼 ends no title before a name
        ("隆子县斗玉乡驻村工作队队长", None),  # a team's head, unnamed (never `作队`)
        ("合作社负责人", None),
        ("木如社区的西增拉姆小朋友", "西增拉姆"),
        ("习近平总书记", "习近平"),
        ("中央第十二巡回指导组廉毅敏组长", "廉毅敏"),
        ("初三年级班主任李娜老师", "李娜"),  # a title on either side: never 任李娜
        ("占堆", "占堆"),
        ("牧民扎西", "扎西"),
        ("卓玛阿妈", "卓玛"),
        ("村民扎西啦", "扎西"),
        ("店员艾哈迈德", "艾哈迈德"),
        ("曾参与光纤涂料开发的化学研究院佘万能", "佘万能"),
        ("市气象台", None),
        ("专馆工作人员", None),  # 馆 ends an organisation: 专馆 names no one
        ("委员", None),
        ("他", None),
        ("干部职工", None),
        ("一边", None),
        # a Tibetan name of two names, bare; a piece of a sentence as long is none
        ("次仁多布杰", "次仁多布杰"),
        ("村党支部书记阿旺次仁多吉", "阿旺次仁多吉"),
        ("扎西满脸笑", None),
        ("格桑旺姆今年", None),
        # words of the language after a title or 的 name no one
        ("项目工程师李海涛在现场向记者介绍了外墙保温的做法", None),
        ("县就业局", None),
        # a name in parts a dot joins is whole, in the dot it is printed with
        ("首趟专线司机买买提·艾力", "买买提·艾力"),
        ("货车司机阿依古丽•吐尔逊", "阿依古丽•吐尔逊"),
        ("牧民叶尔兰・努尔兰别克", "叶尔兰・努尔兰别克"),
        ("维修工买买提·艾力", "买买提·艾力"),  # a title the vocabulary lacks
        ("吐尔逊·库尔班书记", "吐尔逊·库尔班"),
        ("“青春志愿·温暖珠峰”行动", None),  # a slogan's parts are words
        # words joined to another by 和 are no name; a Han name that ends in 和 is
        ("对出境务工人员的摸排和", None),
        ("村民王振和", "王振和"),
        # kin and trades before a name are titles
        ("老伴卓嘎", "卓嘎"),
        ("她的女婿格桑", "格桑"),
        ("比如县白嘎乡虫草收购商次仁旺堆", "次仁旺堆"),
        ("皮毛商扎西", "扎西"),
        ("盐农卓嘎", "卓嘎"),  # who works a crop, before a given name of two
        ("茶农达瓦", "达瓦"),
        ("负责砌墙的瓦匠顿珠", "顿珠"),
        # a second half the dictionary holds as a proper noun, not as a word of a sentence
        ("乡政府办主任罗布久美", "罗布久美"),
        ("村民扎西举例", None),
        # Tibetan names as Qinghai, Sichuan and Yunnan spell them, and surnames of the
        # peoples of Yunnan, in names of three
        ("市委副书记、市长、市级总河长格桑东周", "格桑东周"),
        ("州文化和旅游局局长此里卓玛", "此里卓玛"),
        ("斯那拉姆", "斯那拉姆"),
        ("久美多杰", "久美多杰"),
        ("县民族宗教事务局局长蜂金花", "蜂金花"),
        ("和志军", "和志军"),
        ("和发展", None),  # 和 joining a verb
        ("此里程碑", None),  # 此 of a sentence, before 里程碑
        # a post taken is no name's role; a name of four runs on only with a name's characters
        ("在小区住了20多年的陈大爷", "陈大爷"),  # a surname addressed, after a description
        ("自从当上护路员", None),
        ("我在电站当保洁员", None),
        ("书记次仁多布杰", "次仁多布杰"),
        ("学员达娃次仁原", None),
    ],
)
def test_the_name_a_reference_holds(reference: str, name: str | None) -> None:
    assert name_in(reference) == name


@pytest.mark.parametrize(
    ("reference", "speaker", "named"),
    [
        ("柳梧街道办事处人大专干索朗拉姆", "索朗拉姆", True),
        ("柳梧街道办事处人大专干索朗拉姆", "人大专干索朗拉姆", True),
        ("柳梧街道办事处人大专干索朗拉姆", "拉姆", False),
        ("柳梧街道办事处人大专干索朗拉姆", "专干", False),
        ("城关区乡村振兴局局长次仁卓嘎", "卓嘎", False),
        ("该公司党支部书记、董事长卓嘎", "卓嘎", True),
        ("游客徐女士", "徐女士", True),
        ("习近平总书记", "习近平", True),
        ("木如社区的西增拉姆小朋友", "西增拉姆", True),
        ("社区主任扎西", "卓嘎", False),
        ("首趟专线司机买买提·艾力", "买买提·艾力", True),
        ("首趟专线司机买买提·艾力", "艾力", False),  # a part of the name
    ],
)
def test_a_reference_names_a_speaker_whole(reference: str, speaker: str, named: bool) -> None:
    assert names(reference, speaker) is named


@pytest.mark.parametrize(
    ("reference", "name"),
    [
        ("亚东海关关长刘建国", "刘建国"),
        ("县气象台台长王明", "王明"),
        ("县矿业公司矿长李军", "李军"),
        ("市中级人民法院副庭长李华", "李华"),
    ],
)
def test_the_head_of_a_unit_is_a_title(reference: str, name: str | None) -> None:
    """A reference and nothing more: the head of a unit (`关长`, `台长`) is a title."""
    assert reference_name(reference) == name


@pytest.mark.parametrize(
    "speaker",
    [
        *("索朗拉姆", "徐女士", "游客徐女士", "牧民扎西", "习近平", "次仁多布杰", "徐海"),
        *("才仁东周", "格桑东周", "此里卓玛", "斯那拉姆", "和志军", "蜂金花", "木丽春"),
    ],
)
def test_a_person_as_printed_is_a_person(speaker: str) -> None:
    assert not_a_person(speaker) is None


@pytest.mark.parametrize(
    ("byline", "dateline", "names_"),
    [
        ("拉萨融媒记者 郝奕凝", None, ["郝奕凝"]),
        ("本报记者 刘斯宇 卢文静 本报通讯员 果珍", None, ["刘斯宇", "卢文静", "果珍"]),
        ("拉萨融媒记者 旦增拉珍摄", None, ["旦增拉珍"]),
        ("洛克 本报记者 裴聪 摄", None, ["洛克", "裴聪"]),
        ("山南融媒记者 德吉卓玛 张晓雯", None, ["德吉卓玛", "张晓雯"]),  # not 山南, a place
        ("西藏日报记者 次仁", "本报讯", ["次仁"]),
        ("新华社记者 张宏", None, ["张宏"]),  # not 新华社, the agency
        ("文/图 本报记者 扎西 李娜", None, ["扎西", "李娜"]),
        (None, "拉萨融媒讯(记者旦增拉珍、普珍)", ["旦增拉珍", "普珍"]),
        (None, "本报拉萨讯(记者 卢文静 通讯员 杨璐)", ["卢文静", "杨璐"]),
        (None, "本报日喀则电（记者 杨子彦）", ["杨子彦"]),
        (None, None, []),
    ],
)
def test_the_reporters_of_a_byline_and_a_dateline(
    byline: str | None, dateline: str | None, names_: list[str]
) -> None:
    assert reporters(byline, dateline) == names_


def test_the_rule_a_clause_goes_by_credits_no_one() -> None:
    """The 要求 of `按照县里的巡查要求，` is the rule the clause goes by, a noun: no verb
    of saying that gives the words after it to anyone."""
    text = "村党支部书记扎西说，全村要守好河道。按照县里的巡查要求，各村每周巡河两次。"
    speech = Speech(text)
    at = text.index("各村每周")
    assert speech.credit(at, at + len("各村每周巡河两次"), None, "扎西") is None
