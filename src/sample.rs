//! The sample report: a township's real 2023 annual report (荆家镇), filled
//! in through the template's fields. It is the reference the tests compare
//! against and the example a writer can open from the start page.

use crate::draft::{
    apply, Action, Draft, Edition, FieldRef, FieldValue, Point, ReportDate, Subsection,
};
use crate::template::{annual_report, frame_id, meta_id, Template};

/// The sample report's town. Its name in another organ's report is text
/// carried over from the sample (see `check`).
pub const SAMPLE_PLACE: &str = "荆家镇";

fn run_in(heading: &str, text: &str) -> Subsection {
    Subsection {
        heading: heading.into(),
        run_in: true,
        paragraphs: vec![text.into()],
        children: Vec::new(),
    }
}

fn standalone(heading: &str, text: &str) -> Subsection {
    Subsection {
        heading: heading.into(),
        run_in: false,
        paragraphs: vec![text.into()],
        children: Vec::new(),
    }
}

fn line(text: &str) -> FieldValue {
    FieldValue::Line(text.into())
}

fn text(paragraphs: &[&str]) -> FieldValue {
    FieldValue::Text(paragraphs.iter().map(|p| p.to_string()).collect())
}

/// A draft of `template` for `year` with every field of the frame and of
/// the sections switched on by default filled with its example, as a
/// writer gets it by pressing 插入示例 on each field.
pub fn example_draft(template: &Template, id: &str, year: i32, now_ms: i64) -> Draft {
    let mut d = Draft::new(template, id.into(), year, now_ms);
    let mut fields: Vec<FieldRef> = template
        .meta
        .iter()
        .filter(|f| !f.example.trim().is_empty())
        .map(|f| FieldRef::meta(&f.id))
        .collect();
    for section in template.sections.iter().filter(|s| s.enabled_by_default) {
        fields.extend(
            section
                .fields
                .iter()
                .filter(|f| !f.example.trim().is_empty())
                .map(|f| FieldRef::section(&section.id, &f.id)),
        );
    }
    for field in fields {
        // A line's example replaces its default; the rest append.
        apply(template, &mut d, &Action::InsertExample { field }, now_ms);
    }
    d
}

/// The 2023 report of 荆家镇 as a draft of the built-in template, with the
/// sections in the order the township used (duty before shortcomings).
pub fn seed_draft(id: &str, now_ms: i64) -> Draft {
    let mut d = Draft::new(annual_report(), id.into(), 2023, now_ms);
    d.meta.insert(meta_id::ORGAN.into(), line("中共荆家镇委"));
    d.meta.insert(
        meta_id::TITLE.into(),
        line("关于2023年度法治政府建设工作的报告"),
    );
    d.meta
        .insert(meta_id::ADDRESSEE.into(), line("县委、县政府："));
    d.meta.insert(meta_id::PREAMBLE.into(), text(&["2023年，荆家镇法治政府建设工作以习近平新时代中国特色社会主义思想为指导，深入贯彻落实习近平法治思想和党的二十大精神，紧紧围绕中心工作，大力推进依法行政工作，不断规范行政执法行为，提高服务意识，为全镇社会和谐稳定与经济持续健康发展提供了良好的法治环境和制度保障。现将2023年度法治政府建设情况报告如下："]));
    d.meta.insert(meta_id::CLOSING.into(), line("特此报告。"));
    d.meta
        .insert(meta_id::SIGNATURE.into(), line("中共荆家镇委"));
    d.meta.insert(
        meta_id::DATE.into(),
        FieldValue::Date(ReportDate::new(2023, 12, 18)),
    );

    let measures = vec![
        run_in("强化领导，落实工作责任。", "荆家镇党委、政府提高政治站位，坚持问题导向，紧密结合实际，将法治政府建设作为我镇重点工作之一，充分发挥党委对一切工作的核心领导作用，建立健全各项工作制度。按照有关工作机制，多次召开会议，强调法治政府建设的重要性，并把法治政府建设纳入荆家镇年度总体规划中，每半年听取和研究部署法治政府建设重大问题，细化组织分工，明确职责范围，促进我镇法治政府建设工作水平的全面提升。"),
        run_in("加强学习培训，提升依法治镇工作水平。", "依托山东干部网络学院、学习强国、淄博市智慧普法依法治理云平台等，采取线上线下相结合、自主学习与集中教育培训相结合等方式，组织开展干部群众学法用法考法，深入学习习近平法治思想、《反有组织犯罪法》等内容，切实增强党员干部法治意识，掀起学法普法热潮。深入推进“法治带头人”、“法律明白人”培育工程，按照要求共配备126名农村“法治带头人”和“法律明白人”，积极组织“法治带头人”“法律明白人”参与网上法治培训，不断提升“法治带头人”和“法律明白人”的法治素养和法治实践能力，满足基层群众对法治建设的新期待。"),
        run_in("加强多元调解，推动矛盾纠纷源头化解。", "镇村级均成立调解委员会，配齐配强人民调解员。两级调委会靠前站位、主动服务，为全镇经济社会发展提供了坚实法治保障。不断加强人民调解培训，提高人民调解员能力和素质，加强沟通联络，形成工作合力，及时发现调处苗头性纠纷隐患，筑牢矛盾纠纷化解第一道防线。注重发挥法律顾问作用，加强与法律顾问的协调对接，发挥法律顾问在规范性文件、重大合同合法性审查及法律诉讼等方面的专业优势，助力政府依法高效履职。同时，法律顾问参与纠纷化解，提供法律咨询和服务，推动形成办事依法、遇事找法、解决问题用法、化解矛盾靠法的良好法治环境。"),
        standalone("加大全民普法，营造法治社会氛围", "深入开展全方位、多形式的法治宣传教育，全力营造良好的宣传氛围，全面提升法治化水平。积极推动普法工作进企业，进校园、进村庄，扎实开展经常性普法宣传活动，大大地推动了广大人民群众学法、用法、普法的积极性。扎实推进法治文化阵地建设，实现法治文化阵地全覆盖。开展多场平安创建、扫黑除恶、禁毒、普法等专题宣传活动，发放各类宣传资料26000多份，向广大人民群众普及法律知识，增强法治观念和法律意识，进一步打造法治荆家。"),
    ];
    let duty = vec![
        run_in("党政主要负责人起到带头作用，带头学习，率先垂范。", "荆家镇从上至下认真落实干部学法制度，提升各级干部的依法行政能力，特别是对与自身工作业务密切关联的法律法规进行研究学习。多次召开法治政府建设专题会议，研究部署法治政府建设工作，切实做好法治建设工作总体谋划，做到明确领导班子成员分工、部署和过问重大案件进展，必要时要调查情况、批阅重要信件，结合实际深入谋划推进法治荆家建设。"),
        run_in("自觉提升法治素养。", "带头尊法学法守法用法，通过组织召开党委会、党政联席会议等方式，对法治建设重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办。组织举办法治专题讲座2次，进一步推动习近平法治思想深入人心。"),
        run_in("加大法治学习宣传。", "认真落实谁执法谁普法的普法责任制，采取多种形式扩大宣传，充分利用“新荆家新征程”公众号进行宣传，提高广大群众干部对法律法规的知晓率。"),
    ];
    let plan_points = [
        "进一步深入学习贯彻落实党的二十大精神，实际，紧紧围绕二十大报告指出的“扎实推进依法行政，转变政府职能，优化政府职责体系和组织结构，提高行政效率和公信力，全面推进严格规范公正文明执法。”这一要求，坚持和加强党对依法行政工作的领导，持续强化对行政权力的制约和监督，不断提高党员干部运用法治思维和法治方式推动发展、化解矛盾、维护稳定的自觉性和主动性。",
        "切实加强乡村法治建设，积极与县直部门对接，深化基层法治宣传教育，将法治宣传融入到群众生产生活和日常管理服务，统筹推进并完善基层法治建设，推动乡村治理体系和治理能力现代化，筑牢实现乡村振兴的基础与保障。",
        "继续加强基层法治人才培育，健全干部群众学法用法机制，把法治教育纳入党小组学习、党员会议、机关干部及网格员培训等，努力建设一支德才兼备的高素质法治工作队伍。进一步加强行政执法人员教育培训，鼓励引导有关委办人员考取行政执法证，增强依法行政意识和专业化执法能力。积极推进“法治带头人”“法律明白人”培育工程，聚焦解决日常生产生活中的法律问题，加强学习培训，提升法治素养，为法治乡村建设提供人才保障。",
    ];

    for (id, heading) in [
        ("measures", "推进法治政府建设的主要举措和成效"),
        ("duty", "党政主要负责人履行推进法治建设第一责任人职责情况"),
        ("shortcomings", "推进法治政府建设存在的不足和原因"),
        ("plans", "2024年推进法治政府建设的主要计划安排"),
    ] {
        if let Some(s) = d.section_mut(id) {
            s.heading = heading.into();
        }
    }
    if let Some(s) = d.section_mut("measures") {
        s.fields
            .insert("items".into(), FieldValue::Subsections(measures));
    }
    if let Some(s) = d.section_mut("duty") {
        s.fields
            .insert("items".into(), FieldValue::Subsections(duty));
    }
    if let Some(s) = d.section_mut("shortcomings") {
        s.fields.insert("intro".into(), text(&["今年以来，我镇在县委、县政府的领导下，充分发挥自身的优势和特点，在法治政府建设工作取得了一定成绩。但在一些方面仍有待提高：一是依法决策的意识和水平还有待进一步提高。二是干部队伍的法治能力和业务素质有待进一步加强。三是全民普法、学法、守法的实效性需要进一步提升。主要原因：一是在法治政府建设工作推进过程中，法律法规的宣传力度还需进一步加强，部分党员干部在学法用法、依法行政方面意识不强，与实践结合不够;二是专业的行政执法培训较少，执法人员缺少系统的行政法规培训，依法行政水平有待进一步提高，对政策的把握能力不强。"]));
    }
    if let Some(s) = d.section_mut("plans") {
        s.fields.insert("intro".into(), text(&["2024年，我镇将认真总结法治政府建设工作经验，持续做好法治政府建设各项工作，以更大力度、更实举措推进法治政府建设走深走实。"]));
        let points = plan_points
            .iter()
            .map(|p| Point {
                paragraphs: vec![p.to_string()],
            })
            .collect();
        s.fields.insert("points".into(), FieldValue::Points(points));
    }
    // The township put the leaders' duty second and the shortcomings third.
    let order = ["measures", "duty", "shortcomings", "plans", "other"];
    crate::order::sort_by_key(&mut d.sections, |s| {
        order.iter().position(|&o| o == s.id).unwrap_or(order.len())
    });
    d
}

/// The sample as the copy sent up (报送版): [`seed_draft`] with the frame
/// a township's report carries — 发文字号, 签发人, 抄送, 印发机关 — and the
/// 报送版 chosen. The 发文机关标志 and 印发日期 keep their defaults (the organ
/// + “文件”, the 成文日期).
pub fn submitted_seed_draft(id: &str, now_ms: i64) -> Draft {
    let mut d = seed_draft(id, now_ms);
    d.edition = Edition::Submitted;
    d.meta
        .insert(frame_id::DOC_NUMBER.into(), line("荆发〔2023〕15号"));
    d.meta.insert(frame_id::SIGNERS.into(), text(&["李建国"]));
    d.meta.insert(
        frame_id::COPY_TO.into(),
        line("县人大常委会办公室，县政协办公室，县委依法治县办。"),
    );
    d.meta
        .insert(frame_id::PRINTER.into(), line("中共荆家镇委办公室"));
    d
}
