import sys, pathlib; sys.path.insert(0, str(pathlib.Path(__file__).parent)); from gold_build import build
A = "2025-04-15"; B = "2025-04-14"; F = "2025-04-11"
P1 = "广西特色食品产业集群培育方案（2025—2027年）"
P2 = "柳州市新能源汽车消费补贴实施细则（2025年）"
P3 = "柳北区支持楼宇经济高质量发展十条措施"
L = "广西壮族自治区民族文化保护条例"
spec = f"""
E 甘霁川|Official
E 莫远帆|Official
E 粟望岭|Official
E 骆启明|Official
E 班素秋|Official
E 黎正平|Official
E 韩沐阳|Official
E 石韵之|Official
E 韦家栋|Official
E 覃伯远|Person
E 廖青禾|Person
E 潘广生|Person
E 蓝海棠|Journalist
E 韦嘉禾|Journalist
E 吴晓川|Journalist
E 刘思远|Journalist
E 黎秋实|Journalist
E 潘若谷|Journalist
E 廖子衿|Journalist
E 覃一帆|Journalist
E 陆梦溪|Journalist
E 柳州市|AdministrativeArea|柳州,我市
E 广西壮族自治区|AdministrativeArea|广西,自治区|opt
E 柳东新区|AdministrativeArea|柳州市柳东新区
E 柳江区|AdministrativeArea|柳州市柳江区
E 穿山镇|AdministrativeArea|柳江区穿山镇
E 南宁市|AdministrativeArea|南宁
E 桂林市|AdministrativeArea|桂林
E 三江侗族自治县|AdministrativeArea|三江县,柳州市三江侗族自治县
E 融水苗族自治县|AdministrativeArea|融水县,柳州市融水苗族自治县
E 林溪镇|AdministrativeArea|三江侗族自治县林溪镇
E 平岩村|AdministrativeArea|林溪镇平岩村,三江侗族自治县林溪镇平岩村
E 鱼峰区|AdministrativeArea|柳州市鱼峰区
E 鹿寨县|AdministrativeArea|柳州市鹿寨县
E 中渡镇|AdministrativeArea|鹿寨县中渡镇
E 黄腊村|AdministrativeArea|中渡镇黄腊村
E 柳北区|AdministrativeArea|柳州市柳北区
E 柳南区|AdministrativeArea|柳州市柳南区
E 太阳村镇|AdministrativeArea|柳南区太阳村镇
E 城中区|AdministrativeArea|柳州市城中区
E 柳江新能源电池产业园|Place
E 程阳八寨景区|Place|程阳八寨
E 融水苗族自治县民族博物馆|Place|民族博物馆|opt
E 柳石路美食街|Place
E 鱼峰山夜市|Place
E 柳南螺蛳粉产业园|Place
E 百香果种植基地|Place||opt
E 广西龙城汽车集团有限公司|Enterprise|龙城汽车,龙城汽车集团
E 柳州翔宇电池科技有限公司|Enterprise|翔宇电池
E 柳州桂螺预包装食品有限公司|Enterprise
E 广西桂螺食品集团有限公司|Enterprise|桂螺食品集团
E 柳州市委|Organization|市委,中共柳州市委
E 柳州市政府|Organization|市政府,柳州市人民政府
E 柳江区委|Organization|中共柳江区委
E 柳东新区党工委|Organization|柳州市柳东新区党工委
E 柳东新区管委会|Organization|柳州市柳东新区管委会
E 柳州市工业和信息化局|Organization|市工业和信息化局,市工信局
E 广西壮族自治区人民政府办公厅|Organization|自治区人民政府办公厅,广西壮族自治区政府办公厅
E 广西壮族自治区人大常委会|Organization|自治区人大常委会
E 柳州市人大常委会|Organization|市人大常委会
E 鱼峰区委|Organization|中共鱼峰区委
E 鱼峰区政府|Organization|鱼峰区人民政府
E 鹿寨县委|Organization|中共鹿寨县委
E 鹿寨县政府|Organization|鹿寨县人民政府
E 黄腊村党支部|Organization|中渡镇黄腊村党支部
E 柳北区委|Organization|中共柳北区委
E 柳北区政府|Organization|柳北区人民政府,区政府
E 柳州市商务局|Organization|市商务局
E 柳北区商务局|Organization|区商务局|opt
E 城中区消防救援大队|Organization
E 城中区龙城路小学|Organization|龙城路小学
E 新华社|Organization||opt
E 执法检查组|Organization||opt
E {P1}|Policy|广西特色食品产业集群培育方案,广西特色食品产业集群培育方案（2025-2027年）,特色食品产业集群培育方案
E {P2}|Policy|柳州市新能源汽车消费补贴实施细则,细则,新能源汽车消费补贴细则
E {P3}|Policy|楼宇经济十条措施
E {L}|Policy
E 工业强市攻坚年活动|Campaign|工业强市攻坚年
E 守护舌尖安全专项整治|Campaign|守护舌尖安全
E 头号工程|Campaign||opt
E 楼长制|Campaign||opt
E 即买即补|Campaign||opt
E 以旧换新|Campaign|汽车以旧换新|opt
# article 1: mayor and executive vice mayor together (4月15日)
T 甘霁川|visited|柳东新区|{A}
T 甘霁川|visited|柳江区|{A}
T 甘霁川|visited|广西龙城汽车集团有限公司|{A}
T 甘霁川|visited|柳江新能源电池产业园|{A}
T 甘霁川|visited|柳州翔宇电池科技有限公司|{A}
T 甘霁川|visited|穿山镇|{A}|opt
T 莫远帆|visited|柳东新区|{A}
T 莫远帆|visited|柳江区|{A}
T 莫远帆|visited|广西龙城汽车集团有限公司|{A}
T 莫远帆|visited|柳江新能源电池产业园|{A}
T 莫远帆|visited|柳州翔宇电池科技有限公司|{A}
T 莫远帆|visited|穿山镇|{A}|opt
T 甘霁川|inspected|工业强市攻坚年活动||opt
T 莫远帆|inspected|工业强市攻坚年活动||opt
T 粟望岭|visited|柳江新能源电池产业园|{A}|opt
T 粟望岭|visited|柳州翔宇电池科技有限公司|{A}|opt
T 甘霁川|holdsPosition|柳州市委|副书记
T 甘霁川|holdsPosition|柳州市政府|市长
T 莫远帆|holdsPosition|柳州市委|常委
T 莫远帆|holdsPosition|柳州市政府|常务副市长
T 粟望岭|holdsPosition|柳江区委|书记
T 骆启明|holdsPosition|柳东新区党工委|书记
T 骆启明|holdsPosition|柳东新区管委会|主任
T 覃伯远|holdsPosition|广西龙城汽车集团有限公司|党委书记、董事长
T 柳州翔宇电池科技有限公司|subsidiaryOf|广西龙城汽车集团有限公司
T 柳江新能源电池产业园|locatedIn|穿山镇
T 柳州翔宇电池科技有限公司|locatedIn|柳江新能源电池产业园
T 柳州翔宇电池科技有限公司|locatedIn|穿山镇||opt
T 穿山镇|locatedIn|柳江区||opt
T 广西龙城汽车集团有限公司|locatedIn|柳东新区||opt
T 柳东新区管委会|locatedIn|柳东新区||opt
# article 2: regional plan (日前; dateline is not the issue date)
T 广西壮族自治区人民政府办公厅|issued|{P1}
T {P1}|appliesTo|柳州市
T {P1}|appliesTo|南宁市
T {P1}|appliesTo|桂林市
T {P1}|appliesTo|广西壮族自治区||opt
# article 3: regional people's congress inspection (4月14日至15日, 来柳)
T 班素秋|visited|柳州市|{B}
T 班素秋|visited|三江侗族自治县|{B}
T 班素秋|visited|融水苗族自治县|{B}
T 班素秋|visited|程阳八寨景区|{B}
T 班素秋|visited|融水苗族自治县民族博物馆|{B}
T 班素秋|visited|林溪镇|{B}|opt
T 班素秋|visited|平岩村|{B}|opt
T 班素秋|inspected|{L}||opt
T 黎正平|visited|三江侗族自治县|{B}|opt
T 黎正平|visited|融水苗族自治县|{B}|opt
T 黎正平|visited|程阳八寨景区|{B}|opt
T 黎正平|visited|融水苗族自治县民族博物馆|{B}|opt
T 黎正平|inspected|{L}||opt
T 班素秋|holdsPosition|广西壮族自治区人大常委会|副主任
T 黎正平|holdsPosition|柳州市人大常委会|主任
T 平岩村|locatedIn|林溪镇||opt
T 林溪镇|locatedIn|三江侗族自治县||opt
T 融水苗族自治县民族博物馆|locatedIn|融水苗族自治县||opt
T 广西壮族自治区人大常委会|issued|{L}||opt
# article 4: unannounced check (上周五 = 2025-04-11)
T 韩沐阳|visited|柳石路美食街|{F}
T 韩沐阳|visited|鱼峰山夜市|{F}
T 韩沐阳|inspected|守护舌尖安全专项整治||opt
T 韩沐阳|holdsPosition|鱼峰区委|常委
T 韩沐阳|holdsPosition|鱼峰区政府|常务副区长
T 柳石路美食街|locatedIn|鱼峰区||opt
T 鱼峰山夜市|locatedIn|鱼峰区||opt
# article 5: county head (连日来 no date; 前天 = 2025-04-15)
T 石韵之|visited|中渡镇
T 石韵之|visited|黄腊村|{A}
T 石韵之|visited|百香果种植基地|{A}|opt
T 石韵之|holdsPosition|鹿寨县委|副书记
T 石韵之|holdsPosition|鹿寨县政府|县长
T 韦家栋|holdsPosition|黄腊村党支部|书记
T 黄腊村|locatedIn|中渡镇||opt
T 中渡镇|locatedIn|鹿寨县||opt
T 黄腊村党支部|locatedIn|黄腊村||opt
# article 6: city rules (昨日 = 2025-04-16)
T 柳州市政府|issued|{P2}|2025-04-16
T {P2}|appliesTo|柳州市||opt
# article 7: district measures (近日), 区委、区政府
T 柳北区委|issued|{P3}
T 柳北区政府|issued|{P3}
T {P3}|appliesTo|柳北区||opt
# article 8: industrial park feature, no officials
T 廖青禾|holdsPosition|柳州桂螺预包装食品有限公司|副总经理
T 潘广生|holdsPosition|广西桂螺食品集团有限公司|董事长
T 柳州桂螺预包装食品有限公司|subsidiaryOf|广西桂螺食品集团有限公司
T 柳南螺蛳粉产业园|locatedIn|太阳村镇
T 柳州桂螺预包装食品有限公司|locatedIn|柳南螺蛳粉产业园
T 太阳村镇|locatedIn|柳南区||opt
# article 9: fire drill photo
T 城中区消防救援大队|locatedIn|城中区||opt
T 城中区龙城路小学|locatedIn|城中区||opt
# partOf (not scored)
T 柳东新区|partOf|柳州市||opt
T 柳江区|partOf|柳州市||opt
T 三江侗族自治县|partOf|柳州市||opt
T 融水苗族自治县|partOf|柳州市||opt
T 鱼峰区|partOf|柳州市||opt
T 鹿寨县|partOf|柳州市||opt
T 柳北区|partOf|柳州市||opt
T 柳南区|partOf|柳州市||opt
T 城中区|partOf|柳州市||opt
T 柳州市|partOf|广西壮族自治区||opt
"""
build(spec, "2025-04-17-liuzhou-01", "2025-04-17", "柳州市")
