"""Clause kinds and measure grouping, table-driven."""

from __future__ import annotations

import pytest

from workreport_pipeline.normalise import fold
from workreport_pipeline.stages.classify import ClauseKind, classify_clause, clause_types, group_measures
from workreport_pipeline.stages.segment import clauses
from workreport_pipeline.stages.targets import states_target
from workreport_schema import ClauseType

from .conftest import index_of, whole


@pytest.mark.parametrize(
    ("clause", "kind"),
    [
        ("推進市外綠葉菜基地建設", ClauseKind.ACTION),
        ("繼續審慎穩妥推進資源性產品價格改革", ClauseKind.ACTION),
        ("必須繼續抓好物價調控", ClauseKind.ACTION),
        ("新增养老床位5000张", ClauseKind.ACTION),
        ("在城郊結合地區新增30所義務教育學校", ClauseKind.ACTION),
        ("基本建成老港可再生能源中心一期工程", ClauseKind.ACTION),
        ("推動在職人員特別是普通職工收入增長", ClauseKind.ACTION),
        ("住房問題是重大民生問題", ClauseKind.COPULA),
        ("就業是民生之本", ClauseKind.COPULA),
        ("就业是民生之本", ClauseKind.COPULA),
        ("建設智慧城市是實現城市現代化的必然要求", ClauseKind.COPULA),
        ("物價牽動民心", ClauseKind.CONTEXT),
        ("轉型發展中促進就業始終不能放松", ClauseKind.CONTEXT),
        ("使改革發展成果更好地惠及全體市民", ClauseKind.CONTINUATION),
        ("努力讓市民和農民都能滿意", ClauseKind.CONTINUATION),
        ("聚焦青年職工、引進人才等群體", ClauseKind.FRAMING),
        ("按照國家部署", ClauseKind.FRAMING),
        # 抓住 is a framing lead-in, not an action verb
        ("抓住先行先試機遇", ClauseKind.FRAMING),
        ("抓住先行先试机遇", ClauseKind.FRAMING),
    ],
)
def test_clause_kinds(clause: str, kind: ClauseKind) -> None:
    assert classify_clause(fold(clause), whole(clause)) is kind


@pytest.mark.parametrize(
    ("sentence", "measures"),
    [
        ("住房問題是重大民生問題,要作為一項長期、緊迫而重要的任務持續加以推進", []),
        ("就業是民生之本,轉型發展中促進就業始終不能放松", []),
        (
            "物價牽動民心,必須繼續抓好物價調控,采取綜合措施,保持物價總水平基本穩定",
            ["物價牽動民心,必須繼續抓好物價調控", "采取綜合措施,保持物價總水平基本穩定"],
        ),
        # Rule 4: leading context (a 通過 lead, a place, a reason) joins the measure after it.
        ("繼續通過多種方式將社區菜場回歸公益性,加快社區菜場建設", ["繼續通過多種方式將社區菜場回歸公益性,加快社區菜場建設"]),
        ("通过多种方式将社区菜场回归公益性，加快社区菜场建设", ["通过多种方式将社区菜场回归公益性，加快社区菜场建设"]),
        (
            "在城郊結合部快速城市化地區,根據實有人口規模充實治安管理力量",
            ["在城郊結合部快速城市化地區,根據實有人口規模充實治安管理力量"],
        ),
        ("在中西部地区，按照国家部署，新建学校10所", ["在中西部地区，按照国家部署，新建学校10所"]),
        ("時刻把“三農”問題放在心上,持續推進新農村建設,使農民增收", ["時刻把“三農”問題放在心上,持續推進新農村建設,使農民增收"]),
        # Leading context with no measure after it stays out (the report lists it).
        ("轉型發展,必須靠改革推動,重在制度創新", []),
        # After a copula, describing context belongs to the statement; a modal clause looks forward.
        ("大型居住社區是主要載體,承載著許多家庭的安居夢想,要堅持以居民需求為導向", ["要堅持以居民需求為導向"]),
        ("建設智慧城市是必然要求,要舉全市之力,加快建設智慧城市", ["要舉全市之力,加快建設智慧城市"]),
        # Context after a measure still joins the measure before it, never the next one.
        ("加快推進甲,物價牽動民心,推進乙", ["加快推進甲,物價牽動民心", "推進乙"]),
        ("提高各類人群的收入水平,使改革發展成果更好地惠及全體市民", ["提高各類人群的收入水平,使改革發展成果更好地惠及全體市民"]),
        ("聚焦青年職工、引進人才等群體,大幅放寬共有產權保障房準入標準", ["聚焦青年職工、引進人才等群體,大幅放寬共有產權保障房準入標準"]),
        ("郊區新建的4家三級醫院全面投入試運行", ["郊區新建的4家三級醫院全面投入試運行"]),
        # Rule 2: a target with no action verb of its own quantifies the measure before it (when it repeats one of its words).
        (
            "加大財政教育投入,全市財政教育支出占地方公共財政支出的比重達到15%",
            ["加大財政教育投入,全市財政教育支出占地方公共財政支出的比重達到15%"],
        ),
        (
            "加大财政教育投入，全市财政教育支出占地方公共财政支出的比重达到15%",
            ["加大财政教育投入，全市财政教育支出占地方公共财政支出的比重达到15%"],
        ),
        ("加快建設城市光纖寬帶網絡,光纖到戶建設改造新增200萬戶", ["加快建設城市光纖寬帶網絡,光纖到戶建設改造新增200萬戶"]),
        # ...not a target on another topic, nor one with an action verb of its own
        ("推進違法建筑拆除工作,戶外廣告規范設置率達到90%", ["推進違法建筑拆除工作", "戶外廣告規范設置率達到90%"]),
        ("推进违法建筑拆除工作，户外广告规范设置率达到90%", ["推进违法建筑拆除工作", "户外广告规范设置率达到90%"]),
        # Rule 3: a result with no subject of its own (實現…) continues the measure before it.
        ("加快建設城市光纖寬帶網絡,基本實現城鎮化地區全覆蓋", ["加快建設城市光纖寬帶網絡,基本實現城鎮化地區全覆蓋"]),
        ("新增40所幼儿园，实现适龄儿童接受学前教育全覆盖", ["新增40所幼儿园，实现适龄儿童接受学前教育全覆盖"]),
        # ...but a sentence that opens with it is a measure of its own
        ("實現全年新建住房價格穩中有降", ["實現全年新建住房價格穩中有降"]),
        # Rule 1: a stance clause that opens the sentence leads the action after it.
        ("堅持民生優先導向,不斷化解民生難題", ["堅持民生優先導向,不斷化解民生難題"]),
        ("坚持制度建设先行，继续修订和制定一批城市安全管理法规规章", ["坚持制度建设先行，继续修订和制定一批城市安全管理法规规章"]),
        (
            "保障低收入困難群眾生活,落實社會救助和保障標準與物價上漲掛鉤的聯動機制,提高城鄉居民最低生活保障標準",
            ["保障低收入困難群眾生活,落實社會救助和保障標準與物價上漲掛鉤的聯動機制", "提高城鄉居民最低生活保障標準"],
        ),
        # ...alone in its sentence it stays a measure; after a measure, or with a concrete object, it is an action
        ("更加注重促進勞動關系和諧穩定", ["更加注重促進勞動關系和諧穩定"]),
        ("更加注重促进劳动关系和谐稳定", ["更加注重促进劳动关系和谐稳定"]),
        # ...after a measure it is that measure's manner and joins it; a principle verb (堅持, 弘揚, 注重) is a stance
        # whatever its object, unless the clause holds a figure or a name of its own
        ("推進甲,堅持民生優先導向", ["推進甲,堅持民生優先導向"]),
        ("推进甲，坚持制度建设先行", ["推进甲，坚持制度建设先行"]),
        ("加強“四位一體”住房保障體系建設,更加注重公開透明、公平分配", ["加強“四位一體”住房保障體系建設,更加注重公開透明、公平分配"]),
        ("堅持最嚴格的耕地保護制度,推進乙", ["堅持最嚴格的耕地保護制度,推進乙"]),
        ("坚持积极的就业政策，新增就业岗位50万个以上", ["坚持积极的就业政策，新增就业岗位50万个以上"]),
        ("弘揚志愿精神,鼓勵市民參與志愿服務", ["弘揚志愿精神,鼓勵市民參與志愿服務"]),
        (
            "堅持統籌研究、整體推進、分類實施、分步到位,提高各類人群的收入水平",
            ["堅持統籌研究、整體推進、分類實施、分步到位,提高各類人群的收入水平"],
        ),
        ("堅持“三個一”工程,推進乙", ["堅持“三個一”工程", "推進乙"]),
        ("推進甲,堅持新建10所學校", ["推進甲", "堅持新建10所學校"]),
        # 堅持不懈地 is an adverb, not a stance
        ("推進甲,堅持不懈地把核心價值體系融入建設全過程", ["推進甲", "堅持不懈地把核心價值體系融入建設全過程"]),
        # Rule 3: a clause with the shape of a purpose joins the measure before it.
        ("推進互聯網數據中心、超級計算中心四期等項目建設,增強服務能力", ["推進互聯網數據中心、超級計算中心四期等項目建設,增強服務能力"]),
        ("促进养老产业发展，满足多层次的养老需求", ["促进养老产业发展，满足多层次的养老需求"]),
        # Rule 3: generic means (強化組織領導) lead the next measure, or join the one before when none follows.
        ("強化組織領導,嚴密制度設計,確保改革試點有序運行", ["強化組織領導,嚴密制度設計,確保改革試點有序運行"]),
        ("细化政策措施，继续解决限制民营经济发展的突出问题", ["细化政策措施，继续解决限制民营经济发展的突出问题"]),
        ("實行增值稅改革試點,精心做好各方面工作", ["實行增值稅改革試點,精心做好各方面工作"]),
        ("強化組織領導", ["強化組織領導"]),
        ("深化擴大開放,用好市場機制,大力發展文化創意產業", ["深化擴大開放,用好市場機制,大力發展文化創意產業"]),
        ("開放市場,支持社會資本進入文化創意產業", ["開放市場,支持社會資本進入文化創意產業"]),
        ("开放市场，支持社会资本进入文化创意产业", ["开放市场，支持社会资本进入文化创意产业"]),
        # ...as does a second verb with no object (放開搞活), after a framing lead-in too
        (
            "依托國家級文化產業基地,放開搞活,扶持網絡視聽、數字出版等新興產業發展",
            ["依托國家級文化產業基地,放開搞活,扶持網絡視聽、數字出版等新興產業發展"],
        ),
        ("依托国家级文化产业基地，放开搞活，扶持网络视听等新兴产业发展", ["依托国家级文化产业基地，放开搞活，扶持网络视听等新兴产业发展"]),
        ("积极推动服务业资源优化配置，努力吸引各类服务业聚集", ["积极推动服务业资源优化配置，努力吸引各类服务业聚集"]),
        # ...not a target (提高最低工資標準, 提高補貼水平), nor a first clause, a named thing or a figure
        ("擴大工資集體協商覆蓋面,繼續提高最低工資標準", ["擴大工資集體協商覆蓋面", "繼續提高最低工資標準"]),
        ("建立事业单位退休人员补贴制度，提高城乡居民最低生活保障标准", ["建立事业单位退休人员补贴制度", "提高城乡居民最低生活保障标准"]),
        # Rule 3: dependent clauses — a short object that repeats a word of the measure before (whose subsidy?),
        # an elided object (only figures after the verb), a reference back (其) — continue the measure.
        ("建立事业单位退休人员补贴制度，提高补贴水平", ["建立事业单位退休人员补贴制度，提高补贴水平"]),
        (
            "新開工建設和籌措保障性住房1100萬平方米、17.08萬套(間),供應770萬平方米、11.4萬套(間)",
            ["新開工建設和籌措保障性住房1100萬平方米、17.08萬套(間),供應770萬平方米、11.4萬套(間)"],
        ),
        ("新建公共租赁住房200万平方米，供应150万平方米以上", ["新建公共租赁住房200万平方米，供应150万平方米以上"]),
        ("供應770萬平方米", ["供應770萬平方米"]),
        ("新建學校10所,完成100個村莊改造", ["新建學校10所", "完成100個村莊改造"]),
        ("鼓勵跨國公司在滬設立地區總部,整合其全球和在華采購銷售業務", ["鼓勵跨國公司在滬設立地區總部,整合其全球和在華采購銷售業務"]),
        ("支持企业设立研发中心，发挥其辐射带动作用", ["支持企业设立研发中心，发挥其辐射带动作用"]),
        # Rule 1: a strategy's name opening the sentence leads the actions after it; alone it stays a measure
        ("實施科技帶動戰略,推動文化與旅游融合發展", ["實施科技帶動戰略,推動文化與旅游融合發展"]),
        (
            "深入贯彻国家区域发展总体战略，落实与兄弟省区市政府的合作框架协议",
            ["深入贯彻国家区域发展总体战略，落实与兄弟省区市政府的合作框架协议"],
        ),
        ("實施科技帶動戰略", ["實施科技帶動戰略"]),
        ("實行更加積極主動的開放戰略,拓展新的開放領域和空間", ["實行更加積極主動的開放戰略,拓展新的開放領域和空間"]),
        # Rule 3: a gain the actions before it secure (維護…權益, 挖掘…潛力) is their purpose; alone it stays a measure
        ("扶持家庭農場和農業龍頭企業,挖掘農業增收潛力", ["扶持家庭農場和農業龍頭企業,挖掘農業增收潛力"]),
        ("严厉打击商业欺诈等行为，切实维护消费者权益", ["严厉打击商业欺诈等行为，切实维护消费者权益"]),
        ("嚴厲打擊商業欺詐等行為,切實維護消費者合法權益", ["嚴厲打擊商業欺詐等行為,切實維護消費者合法權益"]),
        ("切實維護消費者權益", ["切實維護消費者權益"]),
        # Rule 3: purposes opening with 更好地 or 為 + whom + verb; a 為 clause with a figure is a commitment.
        ("做好相關后續配套工作,更好地便利群眾", ["做好相關后續配套工作,更好地便利群眾"]),
        ("完善开放型经济体制机制，更好地以开放促发展、促改革", ["完善开放型经济体制机制，更好地以开放促发展、促改革"]),
        ("堅決清理各種競賽和考證,為孩子們營造身心愉快的成長環境", ["堅決清理各種競賽和考證,為孩子們營造身心愉快的成長環境"]),
        ("推进养老服务，为27万老年人提供社区居家养老服务", ["推进养老服务", "为27万老年人提供社区居家养老服务"]),
        # ...and a 為/對 clause that only names whom the next action serves leads it
        ("為一直住在舊區里期盼改善居住條件的市民,盡可能提供好的房源", ["為一直住在舊區里期盼改善居住條件的市民,盡可能提供好的房源"]),
        ("对符合条件的困难家庭，及时发放临时救助金", ["对符合条件的困难家庭，及时发放临时救助金"]),
        # Rule 1: stances towards the people (站穩群眾立場, 增進群眾感情) lead the work they frame.
        ("站穩群眾立場,增進群眾感情,深入開展領導干部大接訪活動", ["站穩群眾立場,增進群眾感情,深入開展領導干部大接訪活動"]),
        ("坚持先行先试，深化综合配套改革试点", ["坚持先行先试，深化综合配套改革试点"]),
        ("尊重創造、鼓勵創新,激發工作者的創作激情", ["尊重創造、鼓勵創新,激發工作者的創作激情"]),
        # ...past context between them (堅持育人為本,真正體現…理念,落實…); 把握…趨勢 and 提高…自覺和自信 are stances too
        (
            "堅持育人為本,真正體現“為了每一個學生”這一核心理念,落實教育規劃綱要",
            ["堅持育人為本,真正體現“為了每一個學生”這一核心理念,落實教育規劃綱要"],
        ),
        ("把握国际生产要素布局重组的新趋势，优化利用外资结构", ["把握国际生产要素布局重组的新趋势，优化利用外资结构"]),
        # ...and 堅持 A 和 B 相結合 states a principle even when A and B are quoted names
        (
            "把握國際生產要素布局重組的新趨勢,堅持“引進來”和“走出去”相結合,優化利用外資結構",
            ["把握國際生產要素布局重組的新趨勢,堅持“引進來”和“走出去”相結合,優化利用外資結構"],
        ),
        ("坚持“引进来”和“走出去”相结合，优化利用外资结构", ["坚持“引进来”和“走出去”相结合，优化利用外资结构"]),
        ("切實提高建設文化大都市的自覺和自信,推進公共文化服務體系建設", ["切實提高建設文化大都市的自覺和自信,推進公共文化服務體系建設"]),
        # Rule 2: a target after an effort word (努力, 力爭) on the measure's own topic joins it
        ("逐年降低寬帶上網資費水平,努力建設全國資費水平最低的城市之一", ["逐年降低寬帶上網資費水平,努力建設全國資費水平最低的城市之一"]),
        ("推进甲，努力建设全国文化设施最完善的城市之一", ["推进甲", "努力建设全国文化设施最完善的城市之一"]),
        # Rule 3: generic means (采取綜合措施) lead; a purpose shape after a verb of pace (加快提升…能級) is a purpose
        ("必須繼續抓好物價調控,采取綜合措施,保持物價總水平基本穩定", ["必須繼續抓好物價調控", "采取綜合措施,保持物價總水平基本穩定"]),
        ("进一步整合业务资源，加快提升发展能级", ["进一步整合业务资源，加快提升发展能级"]),
        # 嚴厲 is an adverb (嚴厲打擊… is an action of its own); 重塑 acts; 延續…成效 is a stance
        (
            "強化產品質量管理,嚴厲打擊無證無照經營、商業欺詐等行為",
            ["強化產品質量管理", "嚴厲打擊無證無照經營、商業欺詐等行為"],
        ),
        ("推进虹桥国际舞蹈中心建设，重塑环人民广场剧场群", ["推进虹桥国际舞蹈中心建设", "重塑环人民广场剧场群"]),
        ("延續世博管理成效,加強和改進城市常態化管理", ["延續世博管理成效,加強和改進城市常態化管理"]),
        ("增強服務能力,推進甲", ["增強服務能力", "推進甲"]),
        ("推進甲,提升“四位一體”服務水平", ["推進甲", "提升“四位一體”服務水平"]),
        ("推进甲，提高3个中心的服务能力", ["推进甲", "提高3个中心的服务能力"]),
        # Rule 1 (抓住 is framing): the chance frames the action after it.
        ("抓住先行先試機遇,積極推動服務業資源優化配置", ["抓住先行先試機遇,積極推動服務業資源優化配置"]),
        ("抓住先行先试机遇，积极推动服务业资源优化配置", ["抓住先行先试机遇，积极推动服务业资源优化配置"]),
        ("加快推進甲,這是重要任務,使乙更好", ["加快推進甲"]),
        ("按照國家部署", []),
    ],
)
def test_grouping(sentence: str, measures: list[str]) -> None:
    index = index_of(sentence)
    groups = group_measures(index.folded, clauses(sentence, index.folded, whole(sentence)), lambda c: states_target(index, c))
    assert [group.span.slice(sentence) for group in groups] == measures


A, T, P, L, C, K = (ClauseType.ACTION, ClauseType.TARGET, ClauseType.PURPOSE, ClauseType.LEAD_IN, ClauseType.CONTEXT, ClauseType.CONDITION)


@pytest.mark.parametrize(
    ("sentence", "typed"),
    [
        # a framing lead-in, the action, its purpose — Traditional, ASCII commas
        (
            "聚焦青年職工、引進人才等群體,大幅放寬準入標準,使更多職工受益",
            [[("聚焦青年職工、引進人才等群體", L), ("大幅放寬準入標準", A), ("使更多職工受益", P)]],
        ),
        # the same in Simplified with full-width commas
        (
            "聚焦青年职工、引进人才等群体，大幅放宽准入标准，使更多职工受益",
            [[("聚焦青年职工、引进人才等群体", L), ("大幅放宽准入标准", A), ("使更多职工受益", P)]],
        ),
        # a reason that opens the sentence is context of the measure it leads
        ("物價牽動民心,必須繼續抓好物價調控", [[("物價牽動民心", C), ("必須繼續抓好物價調控", A)]]),
        # a condition, wherever it stands
        ("在確保安全的前提下,加快推進軌道交通建設", [[("在確保安全的前提下", K), ("加快推進軌道交通建設", A)]]),
        ("一旦发生险情，立即启动应急预案", [[("一旦发生险情", K), ("立即启动应急预案", A)]]),
        ("加快推進舊區改造,如果條件成熟", [[("加快推進舊區改造", A), ("如果條件成熟", K)]]),
        # who takes part, after the action, is context; 如期 is no condition
        ("如期完成舊區改造,由區房管局牽頭", [[("如期完成舊區改造", A), ("由區房管局牽頭", C)]]),
        # a clause that states a target with no action verb of its own
        (
            "加大財政教育投入,全市財政教育支出占地方公共財政支出的比重達到15%",
            [[("加大財政教育投入", A), ("全市財政教育支出占地方公共財政支出的比重達到15%", T)]],
        ),
        (
            "加大财政教育投入，全市财政教育支出占地方公共财政支出的比重达到15%",
            [[("加大财政教育投入", A), ("全市财政教育支出占地方公共财政支出的比重达到15%", T)]],
        ),
        ("推進違法建筑拆除工作,戶外廣告規范設置率達到90%", [[("推進違法建筑拆除工作", A)], [("戶外廣告規范設置率達到90%", T)]]),
        # a stance clause that opens the sentence is a lead-in of the action after it; alone, an action
        ("堅持民生優先導向,不斷化解民生難題", [[("堅持民生優先導向", L), ("不斷化解民生難題", A)]]),
        (
            "坚持制度建设先行，继续修订和制定一批城市安全管理法规规章",
            [[("坚持制度建设先行", L), ("继续修订和制定一批城市安全管理法规规章", A)]],
        ),
        ("更加注重促進勞動關系和諧穩定", [[("更加注重促進勞動關系和諧穩定", A)]]),
        ("推进甲，坚持制度建设先行", [[("推进甲", A), ("坚持制度建设先行", C)]]),
        # a clause with the shape of a purpose, after an action, is its purpose; a target keeps its own measure
        ("完善社會治安防控體系,提高打防控一體化水平", [[("完善社會治安防控體系", A), ("提高打防控一體化水平", P)]]),
        ("完善社会治安防控体系，提高打防控一体化水平", [[("完善社会治安防控体系", A), ("提高打防控一体化水平", P)]]),
        ("擴大工資集體協商覆蓋面,繼續提高最低工資標準", [[("擴大工資集體協商覆蓋面", A)], [("繼續提高最低工資標準", A)]]),
        # dependent clauses: an elided object is another action; a result states the target; generic means lead
        ("新建住房200万平方米，供应150万平方米", [[("新建住房200万平方米", A), ("供应150万平方米", A)]]),
        ("新增40所幼兒園,實現學前教育全覆蓋", [[("新增40所幼兒園", A), ("實現學前教育全覆蓋", T)]]),
        ("強化組織領導,確保改革試點有序運行", [[("強化組織領導", L), ("確保改革試點有序運行", A)]]),
        ("为一直住在旧区的市民，尽可能提供好的房源", [[("为一直住在旧区的市民", L), ("尽可能提供好的房源", A)]]),
        # generic means after the action that joins its measure are actions; no clause is lost before a purpose
        (
            "实行增值税改革试点，精心做好各方面工作，为全国推广发挥示范作用",
            [[("实行增值税改革试点", A), ("精心做好各方面工作", A), ("为全国推广发挥示范作用", P)]],
        ),
        ("依托產業基地,放開搞活,扶持新興產業發展", [[("依托產業基地", L), ("放開搞活", L), ("扶持新興產業發展", A)]]),
        # 合力 (with joint effort) + verb after a measure is its purpose, like 努力
        ("完善强农惠农富农政策，合力促进农民较快增收", [[("完善强农惠农富农政策", A), ("合力促进农民较快增收", P)]]),
        # purposes: raise a sense of safety, stimulate vitality; do as far as possible (盡可能) after a beneficiary lead
        ("加強排查整治,不斷提升人民群眾的安全感", [[("加強排查整治", A), ("不斷提升人民群眾的安全感", P)]]),
        ("充分发挥市场的基础性作用，激发经济的内在活力", [[("充分发挥市场的基础性作用", A), ("激发经济的内在活力", P)]]),
        (
            "確保動遷安置房供應,為一直住在舊區里的市民,盡可能提供好的房源",
            [[("確保動遷安置房供應", A), ("為一直住在舊區里的市民", C), ("盡可能提供好的房源", P)]],
        ),
        # 抓住 frames: a lead-in
        (
            "抓住先行先試機遇,積極推動服務業資源優化配置,努力吸引各類服務業聚集",
            [[("抓住先行先試機遇", L), ("積極推動服務業資源優化配置", A), ("努力吸引各類服務業聚集", P)]],
        ),
        (
            "抓住先行先试机遇，积极推动服务业资源优化配置，努力吸引各类服务业聚集",
            [[("抓住先行先试机遇", L), ("积极推动服务业资源优化配置", A), ("努力吸引各类服务业聚集", P)]],
        ),
        ("居民消費價格漲幅控制在3%左右", [[("居民消費價格漲幅控制在3%左右", T)]]),
        # each action clause starts its own measure; a framing lead-in goes with the action after it
        ("加快推進甲,推動乙", [[("加快推進甲", A)], [("推動乙", A)]]),
        ("聚焦重點區域,加快推進甲,並推動乙", [[("聚焦重點區域", L), ("加快推進甲", A)], [("並推動乙", A)]]),
    ],
)
def test_clause_types(sentence: str, typed: list[list[tuple[str, ClauseType]]]) -> None:
    index = index_of(sentence)
    groups = group_measures(index.folded, clauses(sentence, index.folded, whole(sentence)), lambda c: states_target(index, c))
    found = [
        [
            (clause.slice(sentence), kind)
            for clause, kind in zip(group.clauses, clause_types(index.folded, group, lambda c: states_target(index, c)), strict=True)
        ]
        for group in groups
    ]
    assert found == typed
