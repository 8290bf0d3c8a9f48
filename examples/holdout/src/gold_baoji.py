import sys, pathlib; sys.path.insert(0, str(pathlib.Path(__file__).parent)); from gold_build import build
A = "2024-12-17"; Y = "2024-12-18"; D = "2024-12-16"; W = "2024-12-11"
P1 = "宝鸡市加快建设先进制造业强市三年行动计划（2025—2027年）"
P2 = "宝鸡市千河流域水环境保护条例"
P3 = "关于做好2025年寒假期间中小学生安全工作的通知"
C1 = "群众身边不正之风和腐败问题集中整治"
C2 = "温暖过冬入户走访活动"
C3 = "冬游法门寺系列活动"
HX = "宝鸡高新技术产业开发区"
spec = f"""
E 孟屿川|Official
E 寇凌霄|Official
E 杭子墨|Official
E 齐望舒|Official
E 甄朗月|Official
E 屈景和|Official
E 党思源|Official
E 权仲达|Official
E 鲁星野|Official
E 聂修远|Official
E 白映雪|Person
E 巩书瑶|Journalist
E 雷鸣珂|Journalist
E 鱼可欣|Journalist
E 拓雅宁|Journalist
E 岳千帆|Journalist
E 郝清扬|Journalist
E 薛一苇|Journalist
E 郑安澜|Journalist
E 景若川|Journalist
E 宝鸡市|AdministrativeArea|宝鸡,我市
E 陕西省|AdministrativeArea|陕西|opt
E {HX}|AdministrativeArea|宝鸡高新区,高新区
E 陈仓区|AdministrativeArea|宝鸡市陈仓区
E 虢镇街道|AdministrativeArea|陈仓区虢镇街道
E 天水市|AdministrativeArea|天水
E 渭滨区|AdministrativeArea|宝鸡市渭滨区
E 凤翔区|AdministrativeArea|宝鸡市凤翔区
E 岐山县|AdministrativeArea|宝鸡市岐山县
E 柳林镇|AdministrativeArea|凤翔区柳林镇
E 蔡家坡镇|AdministrativeArea|岐山县蔡家坡镇
E 眉县|AdministrativeArea|宝鸡市眉县
E 金渠镇|AdministrativeArea|眉县金渠镇
E 横渠镇|AdministrativeArea|眉县横渠镇
E 蔡家坡经济技术开发区|AdministrativeArea|蔡家坡经开区
E 扶风县|AdministrativeArea|宝鸡市扶风县
E 法门镇|AdministrativeArea|扶风县法门镇
E 太白县|AdministrativeArea|宝鸡市太白县
E 咀头镇|AdministrativeArea|太白县咀头镇
E 西安市|AdministrativeArea|西安
E 金台区|AdministrativeArea|宝鸡市金台区
E 东风路街道|AdministrativeArea|金台区东风路街道
E 中山东路街道|AdministrativeArea|金台区中山东路街道
E 关天经济区|AdministrativeArea|关中—天水经济区|opt
E 宝鸡城东天然气储配站|Place
E 宝鸡青铜器博物院|Place||opt
E 柳林镇便民服务中心|Place|凤翔区柳林镇便民服务中心|opt
E 猕猴桃标准化示范园|Place||opt
E 法门寺文化景区|Place|法门寺
E 周原遗址|Place
E 七星河湿地公园|Place
E 宝鸡秦钛特材科技股份有限公司|Enterprise|秦钛特材
E 陕西秦岭钛业集团有限公司|Enterprise|秦岭钛业集团
E 宝鸡恒锐数控机床有限公司|Enterprise|恒锐数控
E 陕西眉秦果业发展有限公司|Enterprise|眉秦果业
E 扶风周原文旅发展有限公司|Enterprise|周原文旅
E 陕西省委|Organization|省委,中共陕西省委
E 陕西省政府|Organization|陕西省人民政府,省政府
E 宝鸡市委|Organization|市委,中共宝鸡市委
E 宝鸡市政府|Organization|市政府,宝鸡市人民政府
E 天水市委|Organization|中共天水市委
E 天水市政府|Organization|天水市人民政府
E 天水市党政代表团|Organization|代表团|opt
E 宝鸡市发展和改革委员会|Organization|市发展改革委,宝鸡市发展改革委
E 宝鸡高新区管委会|Organization|宝鸡高新技术产业开发区管委会,宝鸡高新技术产业开发区管理委员会
E 宝鸡市纪委|Organization|市纪委,宝鸡市纪律检查委员会
E 宝鸡市监委|Organization|市监委,宝鸡市监察委员会
E 眉县政府|Organization|眉县人民政府
E 金渠镇政府|Organization|金渠镇人民政府
E 宝鸡市委办公室|Organization|市委办公室,中共宝鸡市委办公室
E 宝鸡市政府办公室|Organization|市政府办公室,宝鸡市人民政府办公室
E 宝鸡市工业和信息化局|Organization|市工业和信息化局
E 宝鸡市人大常委会|Organization|市人大常委会
E 宝鸡市人大常委会党组|Organization|市人大常委会党组
E 宝鸡市财政局|Organization|市财政局
E 宝鸡市教育局|Organization|市教育局
E 扶风县文化和旅游局|Organization
E 金台区委|Organization|中共金台区委
E 宝鸡日报|Organization||opt
E {P1}|Policy|宝鸡市加快建设先进制造业强市三年行动计划,宝鸡市加快建设先进制造业强市三年行动计划（2025-2027年）,行动计划,三年行动计划,先进制造业强市三年行动计划
E {P2}|Policy|千河流域水环境保护条例
E {P3}|Policy|通知
E 致家长的一封信|Policy||opt
E {C1}|Campaign|群众身边不正之风和腐败问题集中整治工作
E {C2}|Campaign|温暖过冬,温暖过冬入户走访
E {C3}|Campaign|冬游法门寺
# quoted slogans and brands (optional, as in the first set; added after the first run, see README)
E 中国钛谷|Campaign||opt
E 眉县猕猴桃|Campaign||opt
E 蝇贪蚁腐|Campaign||opt
E 周礼之乡|Campaign||opt
E 小巨人|Campaign||opt
# article 1: vice governor (12月17日); 在宝鸡调研 -> the city; mayor and secretary 分别参加 (optional visits); 隶属于
T 孟屿川|visited|宝鸡市|{A}
T 孟屿川|visited|{HX}|{A}
T 孟屿川|visited|宝鸡秦钛特材科技股份有限公司|{A}
T 孟屿川|visited|宝鸡城东天然气储配站|{A}
T 孟屿川|visited|陈仓区|{A}|opt
T 孟屿川|visited|虢镇街道|{A}|opt
T 寇凌霄|visited|{HX}|{A}|opt
T 寇凌霄|visited|宝鸡秦钛特材科技股份有限公司|{A}|opt
T 寇凌霄|visited|宝鸡城东天然气储配站|{A}|opt
T 杭子墨|visited|{HX}|{A}|opt
T 杭子墨|visited|宝鸡秦钛特材科技股份有限公司|{A}|opt
T 杭子墨|visited|宝鸡城东天然气储配站|{A}|opt
T 孟屿川|holdsPosition|陕西省委|常委
T 孟屿川|holdsPosition|陕西省政府|副省长
T 寇凌霄|holdsPosition|宝鸡市委|书记
T 杭子墨|holdsPosition|宝鸡市委|副书记
T 杭子墨|holdsPosition|宝鸡市政府|市长
T 宝鸡秦钛特材科技股份有限公司|subsidiaryOf|陕西秦岭钛业集团有限公司
T 宝鸡秦钛特材科技股份有限公司|locatedIn|{HX}||opt
T 宝鸡城东天然气储配站|locatedIn|虢镇街道||opt
T 虢镇街道|locatedIn|陈仓区||opt
T 宝鸡高新区管委会|locatedIn|{HX}||opt
# article 2: another city's mayor visits (昨天 = 2024-12-18); 来我市 -> 宝鸡市; 代表团一行 = the delegation he leads
T 齐望舒|visited|宝鸡市|{Y}
T 齐望舒|visited|宝鸡青铜器博物院|{Y}
T 齐望舒|visited|宝鸡恒锐数控机床有限公司|{Y}
T 齐望舒|holdsPosition|天水市委|副书记
T 齐望舒|holdsPosition|天水市政府|市长
T 宝鸡恒锐数控机床有限公司|locatedIn|渭滨区
T 宝鸡青铜器博物院|locatedIn|宝鸡市||opt
# article 3: discipline inspection (day only: 16日 = 2024-12-16); three bodies
T 甄朗月|visited|凤翔区|{D}
T 甄朗月|visited|岐山县|{D}
T 甄朗月|visited|柳林镇便民服务中心|{D}
T 甄朗月|visited|蔡家坡镇|{D}
T 甄朗月|visited|柳林镇|{D}|opt
T 甄朗月|inspected|{C1}||opt
T 甄朗月|holdsPosition|宝鸡市委|常委
T 甄朗月|holdsPosition|宝鸡市纪委|书记
T 甄朗月|holdsPosition|宝鸡市监委|主任
T 柳林镇便民服务中心|locatedIn|柳林镇||opt
T 柳林镇|locatedIn|凤翔区||opt
T 蔡家坡镇|locatedIn|岐山县||opt
# article 4: county head (上周三; publication is a Thursday -> 2024-12-11); 镇长 -> the town government; 地处…的
T 屈景和|visited|金渠镇|{W}
T 屈景和|visited|横渠镇|{W}
T 屈景和|visited|陕西眉秦果业发展有限公司|{W}
T 屈景和|visited|猕猴桃标准化示范园|{W}|opt
T 党思源|visited|猕猴桃标准化示范园|{W}|opt
T 党思源|visited|陕西眉秦果业发展有限公司|{W}|opt
T 屈景和|holdsPosition|眉县政府|县长
T 党思源|holdsPosition|金渠镇政府|镇长
T 陕西眉秦果业发展有限公司|locatedIn|横渠镇
T 猕猴桃标准化示范园|locatedIn|金渠镇||opt
T 金渠镇|locatedIn|眉县||opt
T 横渠镇|locatedIn|眉县||opt
# article 5: 两办 (市委办公室、市政府办公室) issue a plan (近日); 以…为主阵地 names its scope
T 宝鸡市委办公室|issued|{P1}
T 宝鸡市政府办公室|issued|{P1}
T {P1}|appliesTo|{HX}
T {P1}|appliesTo|蔡家坡经济技术开发区
T {P1}|appliesTo|宝鸡市||opt
# article 6: people's congress session (17日下午); 党组书记 -> the party group; an appointment; 表决通过 (issue optional)
T 权仲达|holdsPosition|宝鸡市人大常委会党组|书记
T 权仲达|holdsPosition|宝鸡市人大常委会|主任
T 鲁星野|holdsPosition|宝鸡市财政局|局长
T 宝鸡市人大常委会|issued|{P2}|{A}|opt
T {P2}|appliesTo|宝鸡市||opt
# article 7: bureau notice (昨天 = 2024-12-18)
T 宝鸡市教育局|issued|{P3}|{Y}
# article 8: scenic-area feature, no officials
T 白映雪|holdsPosition|扶风周原文旅发展有限公司|总经理
T 法门寺文化景区|locatedIn|法门镇||opt
T 法门镇|locatedIn|扶风县||opt
T 周原遗址|locatedIn|扶风县||opt
# article 9: district secretary (进入12月中旬 -> no date); quoted campaign with its head after the quote
T 聂修远|visited|东风路街道
T 聂修远|visited|中山东路街道
T 聂修远|inspected|{C2}||opt
T 聂修远|holdsPosition|金台区委|书记
T 东风路街道|locatedIn|金台区||opt
T 中山东路街道|locatedIn|金台区||opt
# article 10: photo
T 咀头镇|locatedIn|太白县||opt
# partOf (not scored)
T {HX}|partOf|宝鸡市||opt
T 陈仓区|partOf|宝鸡市||opt
T 渭滨区|partOf|宝鸡市||opt
T 凤翔区|partOf|宝鸡市||opt
T 岐山县|partOf|宝鸡市||opt
T 眉县|partOf|宝鸡市||opt
T 扶风县|partOf|宝鸡市||opt
T 太白县|partOf|宝鸡市||opt
T 金台区|partOf|宝鸡市||opt
T 蔡家坡经济技术开发区|partOf|岐山县||opt
T 宝鸡市|partOf|陕西省||opt
"""
build(spec, "2024-12-19-baoji-01", "2024-12-19", "宝鸡市")
