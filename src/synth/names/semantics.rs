//! What the characters of a name mean: the word lists behind 地名含义 and
//! 地名来历 texts (plants, animals, colours, water, terrain, positions,
//! numbers, old structures, auspicious words) and glosses of 通名.
//!
//! These lists *interpret* names; they never produce them (names come from
//! the learned statistics).

/// What one character of a 专名 says about the place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sense {
    /// A plant growing there ("古樟树").
    Plant(&'static str),
    /// The shape resembles an animal ("游龙").
    Shape(&'static str),
    /// An animal was seen there ("鹿群出没").
    Fauna(&'static str),
    /// A colour of rock, soil or water ("土色赤红").
    Colour(&'static str),
    /// A body of water nearby ("古井").
    Water(&'static str),
    /// The landform ("山间平地").
    Terrain(&'static str),
    /// A position relative to something ("以东").
    Position(&'static str),
    /// A numeral.
    Number(char),
    /// An old structure or institution (clause, "旧时筑堡防御").
    Structure(&'static str),
    /// An auspicious wish ("兴旺发达").
    Wish(&'static str),
}

const PLANTS: &[(char, &str)] = &[
    ('樟', "古樟树"),
    ('槐', "古槐树"),
    ('柳', "垂柳"),
    ('松', "松林"),
    ('柏', "柏树"),
    ('桃', "桃树"),
    ('杏', "杏树"),
    ('梨', "梨树"),
    ('枣', "枣树"),
    ('榆', "榆树"),
    ('竹', "竹林"),
    ('桑', "桑树"),
    ('枫', "枫树"),
    ('榕', "古榕树"),
    ('桐', "油桐"),
    ('茶', "茶园"),
    ('梅', "梅树"),
    ('荷', "荷塘"),
    ('兰', "兰草"),
    ('菊', "野菊"),
    ('栗', "板栗树"),
    ('椿', "椿树"),
    ('楠', "楠木"),
    ('杉', "杉木林"),
    ('芦', "芦苇"),
    ('蒲', "蒲草"),
    ('林', "树林"),
    ('花', "山花"),
    ('棠', "海棠"),
    ('桂', "桂花树"),
    ('橘', "橘林"),
    ('麻', "苎麻"),
    ('蕉', "芭蕉"),
    ('藤', "古藤"),
    ('草', "青草"),
    ('苇', "芦苇"),
];

const SHAPES: &[(char, &str)] = &[
    ('龙', "游龙"),
    ('凤', "飞凤"),
    ('虎', "卧虎"),
    ('狮', "雄狮"),
    ('马', "奔马"),
    ('牛', "卧牛"),
    ('象', "大象"),
    ('龟', "神龟"),
    ('鸡', "雄鸡"),
    ('鹅', "白鹅"),
    ('蛇', "长蛇"),
    ('羊', "群羊"),
];

const FAUNA: &[(char, &str)] = &[
    ('鹿', "鹿群出没"),
    ('鹤', "白鹤栖息"),
    ('鹰', "鹰隼盘旋"),
    ('鱼', "鱼类繁多"),
    ('猴', "猕猴出没"),
    ('雁', "大雁栖息"),
    ('燕', "燕子筑巢"),
    ('鸭', "野鸭成群"),
    ('鹭', "白鹭栖息"),
    ('蟹', "多产螃蟹"),
];

const COLOURS: &[(char, &str)] = &[
    ('青', "山林青翠"),
    ('翠', "草木苍翠"),
    ('绿', "草木葱绿"),
    ('红', "土石赤红"),
    ('赤', "土色赤红"),
    ('丹', "岩石丹红"),
    ('白', "岩石呈白色"),
    ('黑', "土色黝黑"),
    ('乌', "岩石乌黑"),
    ('黄', "土色发黄"),
    ('金', "夕照下金光闪烁"),
    ('银', "水光如银"),
    ('紫', "岩石呈紫色"),
    ('蓝', "水色碧蓝"),
    ('碧', "水色碧绿"),
];

const WATER: &[(char, &str)] = &[
    ('泉', "泉眼"),
    ('井', "古井"),
    ('塘', "水塘"),
    ('潭', "深潭"),
    ('池', "水池"),
    ('湖', "湖泊"),
    ('河', "河流"),
    ('溪', "溪流"),
    ('江', "江水"),
    ('水', "溪水"),
    ('清', "清澈的溪水"),
    ('沙', "沙滩"),
    ('滩', "河滩"),
    ('渡', "渡口"),
    ('湾', "河湾"),
    ('港', "河港"),
    ('浦', "水滨"),
    ('洲', "沙洲"),
    ('涧', "山涧"),
    ('源', "溪流源头"),
    ('潮', "潮水"),
];

const TERRAIN: &[(char, &str)] = &[
    ('山', "山脚"),
    ('岭', "山岭之间"),
    ('峰', "山峰之下"),
    ('岗', "土岗之上"),
    ('坡', "山坡之上"),
    ('坪', "山间平地"),
    ('沟', "山沟之中"),
    ('洼', "低洼之地"),
    ('谷', "山谷之中"),
    ('峪', "山谷之中"),
    ('石', "多岩石之地"),
    ('岩', "岩石之间"),
    ('坎', "土坎之上"),
    ('台', "高台地上"),
    ('崖', "山崖之下"),
    ('坝', "河谷平坝"),
    ('洞', "山洞附近"),
    ('原', "平原之上"),
    ('塬', "黄土塬上"),
    ('梁', "山梁之上"),
    ('峁', "黄土峁上"),
    ('冲', "山间狭长平地"),
    ('坑', "山间低地"),
    ('嘴', "山嘴处"),
    ('垭', "山垭口"),
    ('田', "田垄之间"),
    ('岙', "山岙之中"),
    ('坳', "山坳之中"),
];

const POSITIONS: &[(char, &str)] = &[
    ('东', "以东"),
    ('西', "以西"),
    ('南', "以南"),
    ('北', "以北"),
    ('中', "中部"),
    ('上', "上方"),
    ('下', "下方"),
    ('前', "前方"),
    ('后', "后方"),
    ('里', "内侧"),
    ('内', "内侧"),
    ('外', "外侧"),
    ('头', "一端"),
    ('口', "入口处"),
    ('阴', "背阴处"),
];

const STRUCTURES: &[(char, &str)] = &[
    ('庙', "旧时建有庙宇"),
    ('寺', "旧有寺院"),
    ('庵', "旧有尼庵"),
    ('观', "旧有道观"),
    ('祠', "建有宗祠"),
    ('桥', "旁有古石桥"),
    ('店', "旧时开有客店"),
    ('铺', "旧为驿路铺递所在"),
    ('营', "明代曾在此驻军扎营"),
    ('屯', "旧时屯兵垦田于此"),
    ('堡', "旧时筑堡防御"),
    ('寨', "旧时筑寨自卫"),
    ('集', "旧为集市所在地"),
    ('市', "旧时在此设市交易"),
    ('窑', "旧时在此烧窑"),
    ('坊', "旧有作坊"),
    ('楼', "旧有高楼"),
    ('阁', "旧有楼阁"),
    ('亭', "旧有路亭"),
    ('塔', "旧有古塔"),
    ('城', "旧有城垣"),
    ('关', "旧设关隘"),
    ('驿', "旧设驿站"),
    ('仓', "旧时设有粮仓"),
    ('门', "地处出入要道"),
    ('场', "旧为集场"),
    ('园', "旧为园圃"),
    ('府', "旧有府第"),
    ('宅', "旧有大宅"),
    ('院', "旧为大户宅院"),
    ('墩', "旧有烽墩"),
    ('碑', "旧立石碑"),
];

const WISHES: &[(&str, &str)] = &[
    ("福", "幸福美满"),
    ("兴旺隆盛昌发达", "兴旺发达"),
    ("安宁平泰康靖", "平安康宁"),
    ("和睦谐", "和睦相处"),
    ("丰富裕余", "丰衣足食"),
    ("吉祥瑞庆喜", "吉祥喜庆"),
    ("新春光明晨曙", "光明新生"),
    ("胜利", "胜利"),
    ("团结联合", "团结一心"),
    ("永长久恒", "长治久安"),
    ("德仁义善礼信忠孝", "崇德向善"),
    ("美丽秀锦华嘉佳雅", "美好秀丽"),
    ("乐欢", "安居乐业"),
    ("文学书", "崇文重教"),
    ("进先", "奋发进取"),
];

/// Numerals recognised in names.
pub const NUMERALS: &str = "一二三四五六七八九十百千万双";

/// Sense of one character, if it has a recognised one.
pub fn sense(c: char) -> Option<Sense> {
    let find = |t: &[(char, &'static str)]| t.iter().find(|(k, _)| *k == c).map(|(_, v)| *v);
    if let Some(v) = find(STRUCTURES) {
        return Some(Sense::Structure(v));
    }
    if let Some(v) = find(PLANTS) {
        return Some(Sense::Plant(v));
    }
    if let Some(v) = find(SHAPES) {
        return Some(Sense::Shape(v));
    }
    if let Some(v) = find(FAUNA) {
        return Some(Sense::Fauna(v));
    }
    if let Some(v) = find(WATER) {
        return Some(Sense::Water(v));
    }
    if let Some(v) = find(TERRAIN) {
        return Some(Sense::Terrain(v));
    }
    if let Some(v) = find(COLOURS) {
        return Some(Sense::Colour(v));
    }
    if NUMERALS.contains(c) {
        return Some(Sense::Number(c));
    }
    if let Some(v) = find(POSITIONS) {
        return Some(Sense::Position(v));
    }
    WISHES
        .iter()
        .find(|(chars, _)| chars.contains(c))
        .map(|(_, w)| Sense::Wish(w))
}

/// Well-known commemorative or descriptive specifics (mostly of streets)
/// with their meaning.
const FAMOUS: &[(&str, &str)] = &[
    ("人民", "寓意人民当家作主"),
    ("解放", "纪念当地解放"),
    ("建设", "寓意建设新中国"),
    ("中山", "纪念孙中山先生"),
    ("胜利", "纪念抗日战争和解放战争的胜利"),
    ("和平", "寓意和平安宁"),
    ("团结", "寓意各族人民团结"),
    ("友谊", "寓意友好情谊"),
    ("光明", "寓意光明美好"),
    ("幸福", "寓意生活幸福"),
    ("文化", "因沿线文化单位集中"),
    ("新华", "寓意新中国繁荣昌盛"),
    ("民主", "寓意人民民主"),
    ("青年", "寓意青春活力"),
    ("工农", "寓意工农联盟"),
    ("东风", "取“东风”象征新生事物之意"),
    ("红旗", "象征革命红旗"),
    ("迎宾", "寓意迎接宾客"),
    ("滨河", "因沿河而建"),
    ("滨江", "因沿江而建"),
    ("沿江", "因沿江而建"),
    ("滨湖", "因濒临湖泊"),
    ("滨海", "因濒临大海"),
    ("环城", "因环绕城区"),
    ("车站", "因通往车站"),
    ("站前", "因位于车站前"),
    ("府前", "因位于政府机关前"),
    ("学府", "因沿线学校集中"),
    ("育才", "寓意培育人才"),
    ("工业", "因沿线工厂集中"),
    ("八一", "纪念八一建军节"),
    ("五四", "纪念五四运动"),
    ("七一", "纪念中国共产党成立"),
    ("健康", "寓意人民身体健康"),
    ("公园", "因通往公园"),
    ("体育", "因沿线有体育场"),
    ("复兴", "寓意民族复兴"),
    ("跃进", "为1958年“大跃进”时期所命名"),
    ("前进", "寓意奋发前进"),
    ("向阳", "寓意向着太阳"),
    ("朝阳", "寓意朝气蓬勃"),
    ("长征", "纪念红军长征"),
    ("红星", "为人民公社时期所命名，象征红星照耀"),
    ("先锋", "寓意争当先锋"),
    ("永红", "为人民公社时期所命名"),
    ("立新", "寓意破旧立新"),
    ("新民", "寓意新的人民生活"),
    ("光荣", "寓意光荣"),
    ("曙光", "寓意黎明的曙光"),
    ("繁荣", "寓意繁荣昌盛"),
    ("振兴", "寓意振兴发展"),
    ("创业", "寓意艰苦创业"),
    ("科技", "因沿线科技企业集中"),
    ("商业", "因沿线商铺集中"),
    ("城关", "因位于城关"),
];

/// Meaning of a well-known specific (人民 → "寓意人民当家作主").
pub fn famous(specific: &str) -> Option<&'static str> {
    FAMOUS.iter().find(|(k, _)| *k == specific).map(|(_, v)| *v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn senses() {
        assert_eq!(sense('樟'), Some(Sense::Plant("古樟树")));
        assert_eq!(sense('龙'), Some(Sense::Shape("游龙")));
        assert_eq!(sense('东'), Some(Sense::Position("以东")));
        assert_eq!(sense('三'), Some(Sense::Number('三')));
        assert_eq!(sense('兴'), Some(Sense::Wish("兴旺发达")));
        assert_eq!(sense('营'), Some(Sense::Structure("明代曾在此驻军扎营")));
        assert_eq!(sense('啊'), None);
    }

    #[test]
    fn famous_specifics() {
        assert_eq!(famous("中山"), Some("纪念孙中山先生"));
        assert_eq!(famous("某某"), None);
    }
}
