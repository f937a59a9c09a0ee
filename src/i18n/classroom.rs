//! Presentation mode, guided tours and the storage notices.

use super::{fill, Lang};
use crate::tours::format::{FieldProblem, TourField, MAX_STEPS};
use crate::url::app_route::{AppRouteError, MAX_APP_ROUTE_CHARS};

/// The classroom strings: presentation mode, guided tours and
/// the storage notices, in their own table like [`CompareStrings`]. Same
/// rules: every field in both languages, templates filled with [`fill`].
#[derive(Debug)]
pub struct ClassroomStrings {
    pub notice_stored_preference_reset: &'static str,
    pub notice_stored_tours_reset: &'static str,
    pub notice_storage_unavailable: &'static str,
    pub notice_storage_save_failed: &'static str,
    pub notice_stored_copy_reset: &'static str,
    pub notice_copy_not_kept: &'static str,

    pub present_button: &'static str,
    pub present_button_label: &'static str,
    pub present_bar_label: &'static str,
    pub present_prev: &'static str,
    pub present_next: &'static str,
    pub present_exit: &'static str,
    /// Scrolls to the current pair's differences (key D).
    pub present_diff: &'static str,
    /// `{n}`, `{total}`: the spoken form of the visible "7 / 33".
    pub present_position_label: &'static str,
    pub present_nothing: &'static str,
    pub present_hint: &'static str,

    pub nav_tours: &'static str,
    pub tours_heading: &'static str,
    pub tours_intro: &'static str,
    pub tours_built_in_heading: &'static str,
    pub tours_user_heading: &'static str,
    pub tours_user_none: &'static str,
    /// `{count}`
    pub tours_steps: &'static str,
    pub tours_start: &'static str,
    /// `{title}`
    pub tours_start_label: &'static str,
    pub tours_remove: &'static str,
    /// `{title}`
    pub tours_remove_label: &'static str,
    pub tours_load_heading: &'static str,
    pub tours_load_label: &'static str,
    pub tours_load_help: &'static str,
    /// `{title}`
    pub tours_loaded: &'static str,
    pub tours_error_prefix: &'static str,
    pub tour_error_empty: &'static str,
    /// `{max}` (kilobytes)
    pub tour_error_too_large: &'static str,
    pub tour_error_not_text: &'static str,
    /// `{line}`, `{column}`, `{message}` (the JSON parser's own English
    /// description; the Chinese table leaves it out)
    pub tour_error_syntax: &'static str,
    pub tour_error_format: &'static str,
    pub tour_error_id: &'static str,
    /// `{field}`, `{problem}`: one `tour_field_*` and one `tour_problem_*`
    pub tour_error_field: &'static str,
    pub tour_field_title: &'static str,
    pub tour_field_description: &'static str,
    pub tour_field_steps: &'static str,
    /// `{n}`
    pub tour_field_step_route: &'static str,
    /// `{n}`
    pub tour_field_step_title: &'static str,
    /// `{n}`
    pub tour_field_step_text: &'static str,
    pub tour_problem_chinese_empty: &'static str,
    /// `{max}`
    pub tour_problem_too_long: &'static str,
    /// `{max}`, `{found}`
    pub tour_problem_step_count: &'static str,
    pub tour_problem_route_not_hash: &'static str,
    pub tour_problem_route_unsafe: &'static str,
    /// `{page}`
    pub tour_problem_route_unknown_page: &'static str,
    pub tour_problem_route_empty_segment: &'static str,
    /// `{max}`
    pub tour_error_too_many: &'static str,
    pub tour_error_no_room: &'static str,
    pub tour_error_unreadable: &'static str,
    pub page_title_tours: &'static str,

    pub tour_overlay_label: &'static str,
    pub tour_prev: &'static str,
    pub tour_next: &'static str,
    pub tour_close: &'static str,
    /// `{n}`, `{total}`
    pub tour_position_label: &'static str,
}

impl ClassroomStrings {
    /// A field of a tour file, named for a teacher looking for it.
    pub fn tour_field(&self, field: TourField) -> String {
        let step = |template: &str, n: usize| fill(template, &[("n", &n.to_string())]);
        match field {
            TourField::Title => self.tour_field_title.to_string(),
            TourField::Description => self.tour_field_description.to_string(),
            TourField::Steps => self.tour_field_steps.to_string(),
            TourField::StepRoute(n) => step(self.tour_field_step_route, n),
            TourField::StepTitle(n) => step(self.tour_field_step_title, n),
            TourField::StepText(n) => step(self.tour_field_step_text, n),
        }
    }

    /// What is wrong with a field of a tour file.
    pub fn tour_field_problem(&self, problem: &FieldProblem) -> String {
        let too_long = |max: usize| fill(self.tour_problem_too_long, &[("max", &max.to_string())]);
        match problem {
            FieldProblem::ChineseTextEmpty => self.tour_problem_chinese_empty.to_string(),
            FieldProblem::TooLong { max } => too_long(*max),
            FieldProblem::StepCount(found) => fill(
                self.tour_problem_step_count,
                &[
                    ("max", &MAX_STEPS.to_string()),
                    ("found", &found.to_string()),
                ],
            ),
            FieldProblem::Route(route) => match route {
                AppRouteError::TooLong => too_long(MAX_APP_ROUTE_CHARS),
                AppRouteError::NotAHashRoute => self.tour_problem_route_not_hash.to_string(),
                AppRouteError::UnsafeCharacters => self.tour_problem_route_unsafe.to_string(),
                AppRouteError::UnknownPage(page) => {
                    fill(self.tour_problem_route_unknown_page, &[("page", page)])
                }
                AppRouteError::EmptySegment => self.tour_problem_route_empty_segment.to_string(),
            },
        }
    }
}

impl Lang {
    pub fn classroom_strings(self) -> &'static ClassroomStrings {
        match self {
            Lang::Zh => &CLASSROOM_ZH,
            Lang::En => &CLASSROOM_EN,
        }
    }
}

pub static CLASSROOM_ZH: ClassroomStrings = ClassroomStrings {
    notice_stored_preference_reset: "保存的阅读设置无法读取，已恢复默认。",
    notice_stored_tours_reset: "保存的导览无法读取，已清除。请重新载入导览文件。",
    notice_storage_unavailable: "此处无法使用浏览器存储（例如嵌入在受限框架中），关闭页面后您的设置不会被保留。",
    notice_storage_save_failed: "浏览器存储已满或拒绝写入，此次更改仅在本次访问中有效。",
    notice_stored_copy_reset: "保存的自带文本无法读取，已清除。请重新导入。",
    notice_copy_not_kept: "您导入的文本太大，无法保存在本浏览器中：本次访问可以使用，重新加载页面后需要再次导入。",

    present_button: "演示",
    present_button_label: "进入演示模式（快捷键 P）",
    present_bar_label: "演示控制",
    present_prev: "上一项",
    present_next: "下一项",
    present_exit: "退出演示",
    present_diff: "看差异 ↓",
    present_position_label: "第 {n} 项，共 {total} 项",
    present_nothing: "此页面没有可逐项演示的内容，显示整页。",
    present_hint: "← → 翻页 · Esc 退出",

    nav_tours: "导览",
    tours_heading: "导览",
    tours_intro: "导览是一组带说明的页面，按顺序带您看完一个主题。教师可以用同样格式的 JSON 文件编写自己的导览并在此载入。",
    tours_built_in_heading: "内置导览",
    tours_user_heading: "我载入的导览",
    tours_user_none: "尚未载入自己的导览。",
    tours_steps: "{count} 步",
    tours_start: "开始",
    tours_start_label: "开始导览：{title}",
    tours_remove: "移除",
    tours_remove_label: "移除导览：{title}",
    tours_load_heading: "载入导览文件",
    tours_load_label: "选择导览文件（JSON）",
    tours_load_help: "格式与 tours/ 目录中的内置导览相同（\"format\": \"policy-explorer-tour/1\"）。载入的导览保存在本浏览器中。",
    tours_loaded: "已载入导览：{title}",
    tours_error_prefix: "无法载入此文件：",
    tour_error_empty: "文件是空的。",
    tour_error_too_large: "文件太大，导览文件最多 {max} KB。",
    tour_error_not_text: "文件不是可识别的文本（可读取 UTF-8、UTF-16、GBK/GB18030），可能不是导览文件。",
    tour_error_syntax: "JSON 格式错误：第 {line} 行第 {column} 列附近。",
    tour_error_format: "\"format\" 必须是 \"policy-explorer-tour/1\"。",
    tour_error_id: "\"id\" 只能包含小写字母、数字和连字符（1–64 个字符）。",
    tour_error_field: "{field}有误：{problem}。",
    tour_field_title: "标题（\"title\"）",
    tour_field_description: "简介（\"description\"）",
    tour_field_steps: "步骤列表（\"steps\"）",
    tour_field_step_route: "第 {n} 步的地址（\"route\"）",
    tour_field_step_title: "第 {n} 步的标题（\"title\"）",
    tour_field_step_text: "第 {n} 步的说明（\"text\"）",
    tour_problem_chinese_empty: "中文文本（\"zh\"）为空",
    tour_problem_too_long: "超过 {max} 个字符",
    tour_problem_step_count: "导览需要 1 到 {max} 个步骤，实际有 {found} 个",
    tour_problem_route_not_hash: "必须以 \"#/\" 开头（本应用内的链接，例如 #/doc/sichuan/6.21）",
    tour_problem_route_unsafe: "含有空格、引号、尖括号或控制字符",
    tour_problem_route_unknown_page: "“{page}”不是本应用的页面",
    tour_problem_route_empty_segment: "含有空的路径段（\"//\"），例如 #//doc；请写成 #/doc/…",
    tour_error_too_many: "最多可以保存 {max} 个导览，请先移除一个。",
    tour_error_no_room: "为导览保留的存储空间不足，请先移除一个导览。",
    tour_error_unreadable: "浏览器无法读取此文件。",
    page_title_tours: "导览 · 区域协调发展政策浏览器",

    tour_overlay_label: "导览",
    tour_prev: "上一步",
    tour_next: "下一步",
    tour_close: "结束导览",
    tour_position_label: "第 {n} 步，共 {total} 步",
};

pub static CLASSROOM_EN: ClassroomStrings = ClassroomStrings {
    notice_stored_preference_reset: "A saved reading setting could not be read and was reset to its default.",
    notice_stored_tours_reset: "Your saved tours could not be read and were removed. Please load the tour files again.",
    notice_storage_unavailable: "Browser storage is not available here (for example inside a restricted frame): your settings will not be kept after you close the page.",
    notice_storage_save_failed: "Browser storage is full or refused the change: it holds for this visit only.",
    notice_stored_copy_reset: "Your saved copy could not be read and was removed. Please import it again.",
    notice_copy_not_kept: "Your imported copy is too large to keep in this browser: it works for this visit, but after a reload you will need to import it again.",

    present_button: "Present",
    present_button_label: "Enter presentation mode (key P)",
    present_bar_label: "Presentation controls",
    present_prev: "Previous",
    present_next: "Next",
    present_exit: "Leave presentation",
    present_diff: "Differences ↓",
    present_position_label: "Item {n} of {total}",
    present_nothing: "Nothing on this page to step through; showing the whole page.",
    present_hint: "← → to step · Esc to leave",

    nav_tours: "Tours",
    tours_heading: "Guided tours",
    tours_intro: "A tour is a sequence of pages with explanations that walks through one topic. Teachers can write their own tour as a JSON file in the same format and load it here.",
    tours_built_in_heading: "Built-in tours",
    tours_user_heading: "Your tours",
    tours_user_none: "No tours of your own loaded yet.",
    tours_steps: "{count} {count|step|steps}",
    tours_start: "Start",
    tours_start_label: "Start the tour: {title}",
    tours_remove: "Remove",
    tours_remove_label: "Remove the tour: {title}",
    tours_load_heading: "Load a tour file",
    tours_load_label: "Choose a tour file (JSON)",
    tours_load_help: "Same format as the built-in tours in tours/ (\"format\": \"policy-explorer-tour/1\"). Loaded tours are kept in this browser.",
    tours_loaded: "Tour loaded: {title}",
    tours_error_prefix: "This file could not be loaded: ",
    tour_error_empty: "the file is empty.",
    tour_error_too_large: "the file is too large; a tour file may be at most {max} KB.",
    tour_error_not_text: "the file is not text in an encoding the app reads (UTF-8, UTF-16, GBK/GB18030); is it a tour file?",
    tour_error_syntax: "invalid JSON at line {line}, column {column}: {message}",
    tour_error_format: "\"format\" must be \"policy-explorer-tour/1\".",
    tour_error_id: "\"id\" may only contain a–z, 0–9 and '-' (1–64 characters).",
    tour_error_field: "{field}: {problem}.",
    tour_field_title: "the title (\"title\")",
    tour_field_description: "the description (\"description\")",
    tour_field_steps: "the steps (\"steps\")",
    tour_field_step_route: "step {n} route",
    tour_field_step_title: "step {n} title",
    tour_field_step_text: "step {n} text",
    tour_problem_chinese_empty: "the Chinese text (\"zh\") is empty",
    tour_problem_too_long: "longer than {max} characters",
    tour_problem_step_count: "a tour needs 1 to {max} steps, found {found}",
    tour_problem_route_not_hash: "must start with \"#/\" (an in-app link such as #/doc/sichuan/6.21)",
    tour_problem_route_unsafe: "contains spaces, quotes, angle brackets or control characters",
    tour_problem_route_unknown_page: "\"{page}\" is not a page of the app",
    tour_problem_route_empty_segment: "has an empty path segment (\"//\"), as in #//doc; write #/doc/…",
    tour_error_too_many: "at most {max} tours can be kept; remove one first.",
    tour_error_no_room: "not enough storage space is left for tours; remove one first.",
    tour_error_unreadable: "the browser could not read this file.",
    page_title_tours: "Tours · Regional Policy Explorer",

    tour_overlay_label: "Tour",
    tour_prev: "Previous step",
    tour_next: "Next step",
    tour_close: "End tour",
    tour_position_label: "Step {n} of {total}",
};
