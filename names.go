package yunshi

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// Word tables for recognising people, titles and speech. They are plain
// space-separated lists, turned into sets once on first use. All entries
// are in simplified characters: matching happens on the simplified view.

// surnames lists single-character Chinese surnames that may open a name.
// Characters that are common surnames but far more often start ordinary
// words (小, 老, 大, 阿, 云, 和, 国, 海, 明, 平, 文, 金, 石, 时, 公…) are left
// out: a name starting with them is found only through the lexicon, a
// declaration or a title.
const surnames = `王 李 张 刘 陈 杨 黄 赵 周 吴 徐 孙 马 朱 胡 郭 何 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 廖 贾 夏 韦 付 傅 方 白 邹 孟 熊 秦 邱 江 尹 薛 闫 阎 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 覃 武 戴 莫 孔 向 汤 常 温 康 施 牛 樊 葛 邢 安 齐 易 乔 伍 庞 颜 倪 庄 聂 章 鲁 岳 翟 殷 詹 申 欧 耿 关 兰 焦 俞 左 柳 甘 祝 包 宁 尚 符 舒 阮 柯 纪 梅 童 凌 毕 单 季 裴 霍 涂 成 苗 谷 盛 曲 翁 冉 骆 蓝 路 游 辛 靳 管 柴 蒙 鲍 华 喻 祁 蒲 房 滕 屈 饶 解 牟 艾 尤 阳 穆 农 司 卓 古 吉 缪 简 车 项 连 芦 麦 褚 娄 窦 戚 岑 景 党 宫 费 卜 冷 晏 席 卫 米 柏 宗 瞿 桂 佟 应 臧 闵 苟 邬 边 卞 姬 师 仇 栾 隋 商 刁 沙 荣 巫 寇 桑 郎 甄 丛 仲 虞 敖 巩 佘 池 查 麻 苑 迟 邝 封 谈 匡 鞠 惠 荆 乐 冀 郁 胥 南 班 储 栗 燕 楚 鄢 劳 谌 奚 皮 粟 冼 蔺 楼 闻 厉 伊 仝 郜 阚 权 帅 屠 朴 盖 练 廉 禹 井 祖 漆 巴 丰 卿 狄 计 索 宣 晋 初 芮 都 阙 浦 戈 伏 鹿 薄 邸 雍 辜 羊 裘 亓 修 邰 赫 杭 况 宿 印 逯 茹 诸 战 慕 嵇 湛 宾 戎 茅 居 揭 尉 檀 衣 展 昝 植 衡 尧`

// compoundSurnames lists two-character surnames.
const compoundSurnames = `欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 令狐 司徒 夏侯 轩辕 端木 独孤 南宫 西门 百里 呼延 澹台 申屠 万俟 闻人 赫连 拓跋 钟离 宗政 濮阳 太史 公冶 仲孙 单于 淳于 司空`

// titleWords lists job titles and honorifics that precede a name
// ("阿里云总裁王坚", "CTO 行癫", "创始人沈学良"). Longer entries win.
const titleWords = `总裁 副总裁 高级副总裁 执行副总裁 资深副总裁 首席执行官 首席技术官 首席运营官 首席财务官 首席信息官 首席营销官 首席科学家 首席架构师 首席战略官 首席人才官 首席风险官 首席产品官 首席数据官 首席安全官 首席官 CEO CTO COO CFO CIO CMO CSO CPO CDO CXO VP SVP EVP MVP 董事长 副董事长 董事 执行董事 独立董事 董事会主席 董事局主席 主席 副主席 轮值董事长 轮值主席 轮值CEO 总经理 副总经理 总监 副总监 技术总监 总工程师 工程师 高级工程师 研究员 架构师 总架构师 首席 创始人 联合创始人 创办人 合伙人 发起人 负责人 掌门人 掌舵人 一把手 院长 副院长 所长 主任 副主任 总参谋长 参谋长 总编辑 主编 总编 社长 教授 副教授 博士 院士 专家 科学家 老师 先生 女士 省长 副省长 市长 副市长 部长 副部长 局长 厅长 处长 书记 总书记 委员 总理 副总理 主席团 秘书长 校长 会长 理事长 行长 总统 总督 大使 负责人 总负责人 事业群总裁 事业部总裁 事业部总经理 投资人 分析师 律师 教练 队长 主帅 总教练 主教练 选手 运动员 作家 导演 老板 员工 同事 老部下 部下 助理`

// honorifics may follow a name ("王坚博士", "马先生").
const honorifics = `博士 先生 女士 教授 院士 老师 总 董 总裁 同学 本人 师傅`

// speechVerbs introduce or close speech ("X说", "X表示", "据X透露").
const speechVerbs = `说 说道 表示 认为 指出 透露 强调 坦言 直言 回忆 回忆说 解释 介绍 称 声称 宣称 宣布 告诉 写道 提到 谈到 谈及 问 答 回答 回应 补充 感叹 感慨 笑称 笑言 笑道 直说 坦承 承认 表态 呼吁 建议 主张 提出 分析 评价 评论 预测 预计 相信 觉得 看来 指出 重申 说明 发文 留言 总结 描述 形容 比喻 调侃 自嘲 直呼 惊呼 反问 追问 说过 讲 讲道 谈 道`

// actionVerbs follow a person who does something ("X担任", "X接替").
const actionVerbs = `担任 出任 任命 升任 调任 兼任 接任 就任 转任 晋升 当选 执掌 掌舵 掌管 接替 取代 接棒 卸任 离任 辞去 辞任 辞职 离职 退休 离开 加入 加盟 创办 创立 创建 成立 带领 领导 率领 率队 负责 主导 主持 牵头 发起 推动 决定 坚持 开始 来到 前往 访问 参观 出席 参加 见证 签署 发布 写下 写 记录 见面 会见 拜访 打电话 致电 炮轰 吐槽 表态 回复 发表 举办 获得 成为 是 曾 曾经 也 又 还 就 则 却 便 都 才 已 已经 一直 随后 后来 先后 再次 首次 亲自 本人 轮流 分别 相继 共同 一起 一同 各自 早在 早年 当时 此前 此后 同时 立即 马上 终于 仍 仍然 依然 始终 从未 从来 不 没有 和 与 及 跟 同 在 于 从 对 向 把 被 将 给 为 以 的 之 等 们`

// tenureVerbs start a tenure: "X担任阿里云总裁", "X被任命为CTO".
const tenureStart = `接替 取代 接棒 担任 出任 升任 调任 兼任 接任 就任 转任 晋升为 升为 当选为 当选 成为 出掌 执掌 掌舵 获任 改任 继任 任命为 被任命为 任 兼`

// tenureEnd verbs end one: "X卸任阿里云总裁".
const tenureEnd = `卸任 离任 辞去 辞任 不再担任 卸下 交出 退任 免去`

// notPersons lists words that look like names (a surname followed by one
// or two characters) but name places or nothing at all; organisations and
// products (builtinOrgs, builtinProducts) and the common-word table
// (words_table.go: 小镇, 明珠, 敬仰…) are never people either.
const notPersons = `倚天 云栖 字节 聚划算 蚂蚁 优酷 高德 饿了么 盒马 含光 宜搭 政务钉 福特 通用 通用电气 西雅图 硅谷 杭州 北京 上海 深圳 广州 舟山 徐州 西湖 中关村 纽约 东京 巴黎 华尔街 新泽西 加州 宾夕法尼亚 乌镇 江南 江湖 金融 安全 方面 高度 常常 和平 鲁迅 周末 周年 周期 周边 王者 王牌 王国 王座 李子 张力 刘海 陈列 杨柳 黄金 吴越 徐徐 孙子 马上 马路 朱红 胡同 胡说 何时 何况 林业 罗马 郑重 梁山 谢谢 宋朝 唐朝 许多 许可 韩国 曹操 曾经 田野 董事 潘多拉 余额 余下 杜绝 叶子 程序 苏州 魏国 丁香 任务 任何 任意 沈阳 姚明 卢浮宫 姜汁 钟表 钟头 陆续 陆地 汪洋 范围 范畴 夏天 夏季 付出 付费 方式 方法 方向 方案 白色 白天 孟子 熊猫 秦朝 江山 江苏 江西 雷达 侯爵 龙头 史上 史诗 陶瓷 黎明 贺信 顾客 顾问 毛病 万一 万物 钱包 严格 严重 武器 戴上 莫非 孔子 向来 汤圆 常见 常规 温度 温州 康复 施工 牛奶 邢台 安徽 安装 齐全 易于 乔迁 庞大 颜色 庄园 章程 鲁莽 岳麓 殷切 申请 申报 欧洲 欧美 耿直 关于 关注 关键 兰州 焦点 左右 柳州 甘肃 祝贺 包括 包装 宁波 宁夏 尚未 符合 舒适 纪录 纪念 梅花 童年 凌晨 毕竟 毕业 单位 单独 季度 霍乱 成功 成为 成本 成立 成果 苗头 谷底 盛大 曲线 路线 游戏 辛苦 管理 蒙古 华人 华南 华北 华东 华中 华西 喻为 房地产 屈指 解决 艾滋 尤其 阳光 穆斯林 农业 司机 古代 吉林 简单 车辆 项目 连续 麦当劳 景点 党员 宫殿 费用 卫生 米饭 宗教 全部 全面 全球 应用 应该 边界 商业 沙漠 荣誉 乐观 南方 南京 燕京 楚国 闻名 伊朗 权力 权利 朴素 井然 祖国 丰富 计划 计算 索引 宣布 晋升 初期 都市 都是 鹿角 雍正 诸多 战略 慕名 居然 展开 衡量 CEO CTO MVP`

// builtinOrgs and builtinProducts name the organisations and products
// that milestones report as involved (and that are never people). Users
// add their own through a Lexicon.
const (
	builtinOrgs     = `阿里巴巴 阿里巴巴集团 阿里集团 阿里 阿里云 阿里云智能 阿里云计算 蚂蚁集团 蚂蚁金服 淘宝 淘宝网 天猫 支付宝 菜鸟 饿了么 高德 优酷 盒马 达摩院 平头哥 腾讯 腾讯云 华为 华为云 百度 百度云 字节跳动 字节 小米 京东 网易 美团 拼多多 滴滴 新浪 搜狐 奇虎360 联想 中兴 比亚迪 蔚来 小鹏 理想 台积电 富士康 微软 谷歌 亚马逊 苹果 IBM Facebook Meta 英特尔 英伟达 甲骨文 Oracle 思科 雅虎 特斯拉 福特 通用电气 AWS Azure Gartner IDC CSDN 中国电子学会 中国工程院 国务院 工信部 发改委`
	builtinProducts = `飞天 盘古 伏羲 华佗 倚天710 神龙 龙蜥 磐久 洛神 云梯 含光800 ODPS MaxCompute YunOS 钉钉 通义千问 通义 微信 QQ OICQ 抖音 今日头条 鸿蒙 HarmonyOS 文心一言 文心 Mate 麒麟 昇腾 OceanBase PolarDB CIPU iPhone iPad Windows Android iOS Hadoop OpenStack`
)

// builtinPeople is the built-in table of well-known public people with the
// aliases (花名, nicknames, English names) under which the press names
// them. Each line: canonical name = aliases ; public source. Alibaba Group
// gives every employee a 花名 (a nickname usually taken from wuxia novels
// or history) and reports in the press often use only that name.
//
// Sources: the aliases below are those used in the people's own company
// announcements and in mainstream press coverage (e.g. Alibaba Group's
// announcements of senior appointments, and the Chinese Wikipedia and Baidu
// Baike articles on each person).
const builtinPeople = `
马云 = 风清扬, Jack Ma ; Alibaba founder, 花名 风清扬 (Chinese Wikipedia: 马云)
张勇 = 逍遥子, Daniel Zhang ; Alibaba CEO 2015–2023, 花名 逍遥子 (Alibaba announcements)
蔡崇信 = Joe Tsai ; Alibaba co-founder, chairman from 2023
吴泳铭 = 东邪, Eddie Wu ; Alibaba CEO from 2023, 花名 东邪 (Alibaba announcement, 2023-06)
张建锋 = 行癫 ; Alibaba CTO and Alibaba Cloud Intelligence president, 花名 行癫 (Alibaba announcements, 2018-11)
胡晓明 = 孙权* ; Alibaba Cloud president 2014–2018, 花名 孙权 (press profiles)
王坚 ; founder of Alibaba Cloud, Alibaba CTO from 2012
林昊 = 毕玄 ; Alibaba engineer, architect of the group's move to the cloud, 花名 毕玄 (InfoQ and 极客时间 interviews)
陈航 = 无招 ; founder of DingTalk (钉钉), 花名 无招 (press profiles)
叶军 = 不穷 ; DingTalk CEO from 2020, 花名 不穷 (press profiles)
蒋凡 = 沐瑶 ; head of Taobao and Tmall, 花名 沐瑶 (press profiles)
戴珊 = 苏荃 ; Alibaba co-founder, 花名 苏荃 (press profiles)
程立 = 鲁肃 ; Ant Group CTO, 花名 鲁肃 (press profiles)
陆兆禧 = 铁木真 ; Alibaba CEO 2013–2015, 花名 铁木真 (press profiles)
孙彤宇 = 财神 ; early Taobao head, 花名 财神 (press profiles)
蔡景现 = 多隆 ; Taobao engineer, 花名 多隆 (press profiles)
彭蕾 ; Alibaba co-founder, Ant Group chair
井贤栋 ; Ant Group chairman
曾鸣 ; Alibaba chief of staff (总参谋长)
卫哲 ; Alibaba.com CEO 2006–2011
马化腾 = Pony, Pony Ma ; Tencent founder
张志东 ; Tencent co-founder
刘炽平 = Martin Lau ; Tencent president
李彦宏 = Robin Li, Robin ; Baidu founder
任正非 ; Huawei founder
徐直军 ; Huawei rotating chairman
余承东 ; Huawei consumer business head
孟晚舟 ; Huawei CFO
雷军 ; Xiaomi founder
林斌 ; Xiaomi co-founder
刘强东 = 东哥 ; JD.com founder
张一鸣 ; ByteDance founder
梁汝波 ; ByteDance CEO from 2021
丁磊 ; NetEase founder
王兴 ; Meituan founder
程维 ; Didi founder
黄峥 ; Pinduoduo founder
周鸿祎 ; Qihoo 360 founder
张朝阳 ; Sohu founder
王小川 ; Sogou founder
李开复 ; Sinovation Ventures founder
陆奇 ; former Baidu president
沈向洋 ; former Microsoft EVP
柳传志 ; Lenovo founder
杨元庆 ; Lenovo CEO
董明珠 ; Gree chair
王传福 ; BYD founder
李斌 ; NIO founder
何小鹏 ; XPeng founder
李想 ; Li Auto founder
`

// nameTables holds the word tables as sets.
type nameTables struct {
	surname     map[rune]bool
	compound    map[string]bool
	titles      map[string]bool
	maxTitle    int // longest title in runes
	honorific   map[string]bool
	speech      map[string]bool
	action      map[string]bool
	startVerb   map[string]bool
	endVerb     map[string]bool
	notPerson   map[string]bool
	common      map[string]bool
	translit    map[rune]bool
	people      []builtinPerson
	ambiguous   map[string]bool // aliases that are also famous other names
	maxSpeech   int
	maxAction   int
	maxHonorif  int
	follow      wordIndex // words after a name, by kind
	titleEnds   map[rune][]string
	surnameBit  [1 << 10]uint64
	compoundBit [1 << 10]uint64
	aliasKeyBit [1 << 10]uint64
}

// Kinds of words that may follow a name.
const (
	wSpeech = 1 << iota
	wAction
	wStart
	wEnd
	wHonor
)

// A wordIndex finds the words of several kinds that a text starts with.
type wordIndex struct {
	bits    [1 << 10]uint64
	byFirst map[rune][]kindWord // longest first
}

type kindWord struct {
	w     string
	kinds uint8
}

func (x *wordIndex) add(list string, kind uint8) {
	if x.byFirst == nil {
		x.byFirst = map[rune][]kindWord{}
	}
	for _, w := range strings.Fields(list) {
		r, _ := utf8.DecodeRuneInString(w)
		ws := x.byFirst[r]
		found := false
		for i := range ws {
			if ws[i].w == w {
				ws[i].kinds |= kind
				found = true
			}
		}
		if !found {
			ws = append(ws, kindWord{w, kind})
			slices.SortStableFunc(ws, func(a, b kindWord) int { return len(b.w) - len(a.w) })
		}
		x.byFirst[r] = ws
		if r < 0x10000 {
			x.bits[r>>6] |= 1 << (r & 63)
		}
	}
}

// words returns the candidate words for the start of s, longest first.
func (x *wordIndex) words(s string) []kindWord {
	if s == "" {
		return nil
	}
	r, _ := utf8.DecodeRuneInString(s)
	if r < 0x10000 && x.bits[r>>6]&(1<<(r&63)) == 0 {
		return nil
	}
	return x.byFirst[r]
}

// longest returns the longest word of the kinds that s starts with.
func (x *wordIndex) longest(s string, kinds uint8) string {
	for _, w := range x.words(s) {
		if w.kinds&kinds != 0 && strings.HasPrefix(s, w.w) {
			return w.w
		}
	}
	return ""
}

type builtinPerson struct {
	name    string
	aliases []string
}

func wordSet(list string) (map[string]bool, int) {
	set := map[string]bool{}
	longest := 0
	for _, w := range strings.Fields(list) {
		set[w] = true
		longest = max(longest, len([]rune(w)))
	}
	return set, longest
}

// transliteration lists characters common in Chinese renderings of
// foreign names (萨提亚·纳德拉, 乌尔斯·霍尔泽).
const transliteration = `阿埃艾爱安昂奥澳巴拜班邦保鲍贝本比彼毕宾滨波伯博布查达戴丹道德登默姆茨兹赛迪蒂丁东杜多厄恩尔法范菲费芬丰佛弗夫福伏盖甘冈高戈哥格根古瓜圭哈海汉豪赫黑亨洪胡华怀霍基吉加佳贾杰捷金卡凯坎康柯科可克肯库夸奎拉莱赖兰朗劳勒雷蕾里理丽莉利连林琳凌留柳隆娄卢鲁陆路伦罗洛马玛迈麦曼梅门蒙孟米密敏明摩莫姆穆纳娜乃奈南内尼宁纽努诺欧帕潘庞佩彭皮珀普奇齐恰乔切钦琴丘萨塞赛桑瑟森沙莎尚舍什施史士斯松宋苏索塔泰坦汤唐陶特提汀廷图托瓦万旺威韦维温文沃乌伍西希锡席夏仙谢辛欣休徐薛雅亚扬杨耶叶伊依因英尤于约泽扎詹兹佐德芙蒂娅妮丝黛琪璐珊莎`

var tables = sync.OnceValue(func() *nameTables {
	t := &nameTables{surname: map[rune]bool{}, translit: map[rune]bool{}, ambiguous: map[string]bool{}}
	for _, s := range strings.Fields(surnames) {
		r := []rune(s)[0]
		t.surname[r] = true
		t.surnameBit[r>>6] |= 1 << (r & 63)
	}
	t.follow.add(speechVerbs, wSpeech)
	t.follow.add(actionVerbs, wAction)
	t.follow.add(tenureStart, wStart)
	t.follow.add(tenureEnd, wEnd)
	t.follow.add(honorifics, wHonor)
	t.titleEnds = map[rune][]string{}
	for _, w := range strings.Fields(titleWords) {
		r, _ := utf8.DecodeLastRuneInString(w)
		t.titleEnds[r] = append(t.titleEnds[r], w)
	}
	for r, ws := range t.titleEnds {
		slices.SortStableFunc(ws, func(a, b string) int { return len(b) - len(a) })
		t.titleEnds[r] = ws
	}
	for _, r := range transliteration {
		t.translit[r] = true
	}
	for _, k := range aliasKeys {
		r, _ := utf8.DecodeRuneInString(k)
		t.aliasKeyBit[r>>6] |= 1 << (r & 63)
	}
	t.compound, _ = wordSet(compoundSurnames)
	for w := range t.compound {
		r, _ := utf8.DecodeRuneInString(w)
		t.compoundBit[r>>6] |= 1 << (r & 63)
	}
	t.titles, t.maxTitle = wordSet(titleWords)
	t.honorific, t.maxHonorif = wordSet(honorifics)
	t.speech, t.maxSpeech = wordSet(speechVerbs)
	t.action, t.maxAction = wordSet(actionVerbs)
	t.startVerb, _ = wordSet(tenureStart)
	t.endVerb, _ = wordSet(tenureEnd)
	t.notPerson, _ = wordSet(notPersons + " " + builtinOrgs + " " + builtinProducts)
	t.common, _ = wordSet(commonWords)
	for line := range strings.SplitSeq(builtinPeople, "\n") {
		line, _, _ = strings.Cut(line, ";")
		name, aliases, _ := strings.Cut(line, "=")
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		p := builtinPerson{name: name}
		for _, a := range strings.Split(aliases, ",") {
			a = strings.TrimSpace(a)
			if strings.HasSuffix(a, "*") {
				a = strings.TrimSuffix(a, "*")
				t.ambiguous[a] = true
			}
			if a != "" {
				p.aliases = append(p.aliases, a)
			}
		}
		t.people = append(t.people, p)
	}
	return t
})
