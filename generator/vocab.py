"""Word lists for invented reports: Ibaraki municipalities, facility names, corporations, phrases.

Names are invented from common parts; any likeness to a real facility is a coincidence of parts.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Municipality:
    name: str  # as the schema's `municipality` holds it: つくばみらい市, 阿見町
    district: str | None  # 郡 printed before a town or village: 稲敷郡
    area_code: str  # the telephone area code: 0297
    towns: tuple[str, ...]  # 町名 that follow the municipality in an address


MUNICIPALITIES: tuple[Municipality, ...] = (
    Municipality("水戸市", None, "029", ("千波町", "見川町", "笠原町", "双葉台", "元吉田町", "赤塚")),
    Municipality("日立市", None, "0294", ("幸町", "鮎川町", "多賀町", "助川町", "大みか町")),
    Municipality("土浦市", None, "029", ("真鍋", "下高津", "大和町", "荒川沖東", "中村南")),
    Municipality("古河市", None, "0280", ("本町", "東本町", "下辺見", "旭町", "鴻巣")),
    Municipality("石岡市", None, "0299", ("国府", "若宮", "東府中", "石岡")),
    Municipality("結城市", None, "0296", ("結城", "国府町", "上山川")),
    Municipality("龍ケ崎市", None, "0297", ("中里", "佐貫町", "白羽", "松ケ丘", "若柴町")),
    Municipality("下妻市", None, "0296", ("下妻乙", "本城町", "長塚")),
    Municipality("常総市", None, "0297", ("水海道森下町", "新井木町", "豊岡町")),
    Municipality("常陸太田市", None, "0294", ("山下町", "金井町", "木崎二町")),
    Municipality("高萩市", None, "0293", ("春日町", "本町", "安良川")),
    Municipality("北茨城市", None, "0293", ("磯原町磯原", "中郷町上桜井", "関南町里根川尻")),
    Municipality("笠間市", None, "0296", ("中央", "下市毛", "石井", "友部駅前")),
    Municipality("取手市", None, "0297", ("取手", "井野", "藤代", "新町")),
    Municipality("牛久市", None, "029", ("中央", "栄町", "上柏田", "刈谷町", "ひたち野東")),
    Municipality("つくば市", None, "029", ("春日", "高崎", "竹園", "吾妻", "研究学園", "天久保")),
    Municipality("ひたちなか市", None, "029", ("東石川", "笹野町", "勝田中央", "堀口")),
    Municipality("鹿嶋市", None, "0299", ("宮中", "平井", "大町")),
    Municipality("潮来市", None, "0299", ("辻", "曲松", "日の出")),
    Municipality("守谷市", None, "0297", ("美園", "松前台", "本町", "中央")),
    Municipality("常陸大宮市", None, "0295", ("上町", "南町", "泉")),
    Municipality("那珂市", None, "029", ("菅谷", "瓜連", "豊喰")),
    Municipality("筑西市", None, "0296", ("丙", "玉戸", "下中山", "乙")),
    Municipality("坂東市", None, "0297", ("岩井", "辺田", "沓掛")),
    Municipality("稲敷市", None, "029", ("江戸崎甲", "犬塚", "結佐")),
    Municipality("かすみがうら市", None, "029", ("稲吉", "大和田", "上土田")),
    Municipality("桜川市", None, "0296", ("岩瀬", "真壁町真壁", "羽田")),
    Municipality("神栖市", None, "0299", ("大野原", "知手中央", "平泉")),
    Municipality("行方市", None, "0299", ("玉造甲", "麻生", "山田")),
    Municipality("鉾田市", None, "0291", ("鉾田", "安房", "串挽")),
    Municipality("つくばみらい市", None, "0297", ("陽光台", "紫峰ヶ丘", "小絹", "富士見ヶ丘")),
    Municipality("小美玉市", None, "0299", ("堅倉", "小川", "中延")),
    Municipality("茨城町", "東茨城郡", "029", ("小堤", "長岡", "奥谷")),
    Municipality("大洗町", "東茨城郡", "029", ("磯浜町", "桜道", "大貫町")),
    Municipality("城里町", "東茨城郡", "029", ("石塚", "阿波山")),
    Municipality("東海村", "那珂郡", "029", ("舟石川駅東", "村松", "白方")),
    Municipality("大子町", "久慈郡", "0295", ("大子", "池田")),
    Municipality("美浦村", "稲敷郡", "029", ("受領", "大谷", "宮地")),
    Municipality("阿見町", "稲敷郡", "029", ("中央", "阿見", "荒川本郷", "岡崎")),
    Municipality("河内町", "稲敷郡", "0297", ("源清田", "長竿")),
    Municipality("八千代町", "結城郡", "0296", ("菅谷", "若", "平塚")),
    Municipality("五霞町", "猿島郡", "0280", ("小福田", "川妻")),
    Municipality("境町", "猿島郡", "0280", ("境", "長井戸", "伏木")),
    Municipality("利根町", "北相馬郡", "0297", ("布川", "羽根野台", "文間")),
)

SURNAMES = (
    "田中", "鈴木", "佐藤", "高橋", "小林", "山本", "中村", "加藤", "石井", "飯田", "大塚", "印南",
    "木村", "根本", "菊池", "海老原", "小松崎", "飯島", "野口", "関", "宮本", "藤田", "大森", "塚本",
    "なかざわ", "ありま", "さかえ", "なるしま", "おおた", "みやざき", "ひらの", "すずらん",
)  # fmt: skip
NICE_WORDS = (
    "みらい", "さくら", "あおば", "ひかり", "みどり", "つばさ", "ひまわり", "かがやき", "やまびこ",
    "いずみ", "なごみ", "えがお", "そよかぜ", "はなみずき", "こもれび", "たんぽぽ", "けやき",
)  # fmt: skip
PLACE_WORDS = (
    "筑波", "霞ケ浦", "牛久", "竜ヶ崎", "陽光台", "千波", "那珂", "久慈", "鹿島", "桜川", "小貝川",
    "鬼怒川", "涸沼", "北浦", "筑西", "常陸", "水郷", "研究学園",
)  # fmt: skip
CLINIC_SUFFIXES = (
    "クリニック", "医院", "内科医院", "内科クリニック", "ファミリークリニック", "在宅クリニック",
    "診療所", "こどもクリニック", "皮膚科クリニック", "整形外科クリニック", "外科内科医院",
)  # fmt: skip
HOSPITAL_SUFFIXES = ("病院", "中央病院", "総合病院", "記念病院", "済生会病院", "医療センター")
STATION_PATTERNS = ("{w}訪問看護ステーション", "訪問看護ステーション{w}", "{w}訪問看護ステーション{p}")
CORPORATION_BODIES = (
    "貴風会", "双愛会", "青洲会", "慈心会", "仁愛会", "博仁会", "清風会", "誠和会", "恵泉会", "翠明会",
    "和光会", "厚生会", "白百合会", "光陽会", "啓明会",
)  # fmt: skip
# (printed prefix pattern, corporation as the schema holds it); {b} = a body name such as 貴風会.
CLINIC_CORPORATIONS = (
    ("医療法人 ", "医療法人"),
    ("医療法人{b} ", "医療法人{b}"),
    ("医療法人社団{b} ", "医療法人社団{b}"),
    ("医療法人財団{b} ", "医療法人財団{b}"),
)
HOSPITAL_CORPORATIONS = (
    ("医療法人{b} ", "医療法人{b}"),
    ("医療法人社団{b} ", "医療法人社団{b}"),
    ("社会医療法人{b} ", "社会医療法人{b}"),
    ("一般財団法人{b} ", "一般財団法人{b}"),
)
STATION_CORPORATIONS = (("株式会社{w} ", "株式会社{w}"), ("社会福祉法人{b} ", "社会福祉法人{b}"))

GROUP_NAME_PATTERNS = (
    "{m}グループ",
    "{m}在宅医療連携グループ",
    "{a}地区グループ {n}",
    "{m}・{m2}在宅ネットワーク",
    "{m}医師会連携グループ",
    "{w}ネットワーク",
    "{a}在宅医療推進グループ",
)
AREA_WORDS = ("竜ヶ崎", "水戸", "県南", "県西", "鹿行", "県北", "つくば", "稲敷", "常総", "筑西")

PEOPLE = (
    "安達 真澄", "佐藤 佳奈", "田口 雅一", "細谷 真人", "大河内 信弘", "石川 久美子", "森 健太",
    "小川 由美", "斎藤 浩", "中島 直子",
)  # fmt: skip
JOBS = ("保健師", "看護師", "社会福祉士", "事務長", "地域連携室長", "介護支援専門員")
