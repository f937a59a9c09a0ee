//! Export of a result list as CSV (RFC 4180) and JSON.

use super::engine::SearchEngine;
use super::index::RestorationFlag;
use super::results::SearchResults;
use serde::{Deserialize, Serialize};

/// One exported hit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportRow {
    /// The document id.
    pub doc: String,
    /// The document's title.
    pub title: String,
    /// The unit's path.
    pub path: String,
    /// The unit's heading, if any.
    pub heading: Option<String>,
    /// The hit's relevance score.
    pub score: f64,
    /// `issued-by:ID` / `mentions:ID` for each region filter the hit met.
    pub region_match: Vec<String>,
    /// The unit's mechanism ids.
    pub mechanisms: Vec<String>,
    /// KWIC line, matches in 【】.
    pub snippet: String,
    /// The unit's reading: its restored reading where it has one.
    pub text: String,
    /// The machine-reworded witness text, for a unit whose reading is
    /// restored from it (`null` otherwise).
    #[serde(default)]
    pub witness_text: Option<String>,
    /// `restored` or `doubtful` for a restored reading, `null` otherwise.
    #[serde(default)]
    pub restoration: Option<RestorationFlag>,
}

/// The rows of a result list, in result order.
pub fn export_rows(
    engine: &SearchEngine,
    results: &SearchResults,
    window: usize,
) -> Vec<ExportRow> {
    let index = engine.index();
    results
        .hits
        .iter()
        .filter_map(|hit| {
            let unit = index.units.get(hit.unit as usize)?;
            let doc = index.docs.get(unit.doc as usize)?;
            let mut region_match = Vec::new();
            for m in &hit.region_matches {
                if m.issued_by {
                    region_match.push(format!("issued-by:{}", m.region));
                }
                if m.mentions {
                    region_match.push(format!("mentions:{}", m.region));
                }
            }
            Some(ExportRow {
                doc: doc.id.clone(),
                title: doc.title.clone(),
                path: hit.path.clone(),
                heading: hit.heading.clone(),
                score: (hit.score * 1000.0).round() / 1000.0,
                region_match,
                mechanisms: unit.mechanisms.iter().map(|m| m.id().to_string()).collect(),
                snippet: engine.snippet(hit, window).to_marked("【", "】"),
                text: unit.reading().to_string(),
                witness_text: unit.witness_text().map(str::to_string),
                restoration: unit.restoration,
            })
        })
        .collect()
}

/// Quotes one CSV field per RFC 4180: fields containing a comma, a double
/// quote, CR or LF are enclosed in double quotes with inner quotes doubled.
pub fn csv_field(value: &str) -> String {
    if value.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

/// The result list as CSV: a header line, CRLF line endings (RFC 4180).
/// `restoration` is empty, `restored` or `doubtful`; `witness_text` is
/// empty unless the reading is restored.
pub fn to_csv(rows: &[ExportRow]) -> String {
    let mut out = String::from(
        "doc,title,path,heading,score,region_match,mechanisms,snippet,text,restoration,witness_text\r\n",
    );
    for r in rows {
        let fields = [
            r.doc.clone(),
            r.title.clone(),
            r.path.clone(),
            r.heading.clone().unwrap_or_default(),
            r.score.to_string(),
            r.region_match.join(" "),
            r.mechanisms.join(" "),
            r.snippet.clone(),
            r.text.clone(),
            r.restoration
                .map(|f| f.id().to_string())
                .unwrap_or_default(),
            r.witness_text.clone().unwrap_or_default(),
        ];
        let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The result list as pretty JSON: `{"total": n, "hits": [ExportRow…]}`.
pub fn to_json(rows: &[ExportRow]) -> String {
    #[derive(Serialize)]
    struct Export<'a> {
        total: usize,
        hits: &'a [ExportRow],
    }
    serde_json::to_string_pretty(&Export {
        total: rows.len(),
        hits: rows,
    })
    .unwrap_or_else(|_| "{}".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quoting_follows_rfc_4180() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("line\nbreak"), "\"line\nbreak\"");
        assert_eq!(csv_field("cr\rhere"), "\"cr\rhere\"");
        assert_eq!(csv_field("中文，全角逗号"), "中文，全角逗号");
        assert_eq!(csv_field(""), "");
    }

    #[test]
    fn csv_rows_have_one_field_per_column() {
        let row = ExportRow {
            doc: "d".into(),
            title: "t,1".into(),
            path: "1.2".into(),
            heading: None,
            score: 1.5,
            region_match: vec!["mentions:sichuan".into()],
            mechanisms: vec![],
            snippet: "…\"x\"…".into(),
            text: "a\nb".into(),
            witness_text: None,
            restoration: None,
        };
        let restored = ExportRow {
            text: "宏观调控".into(),
            witness_text: Some("微观调控".into()),
            restoration: Some(RestorationFlag::Doubtful),
            ..row.clone()
        };
        let csv = to_csv(&[row, restored]);
        assert!(csv.starts_with(
            "doc,title,path,heading,score,region_match,mechanisms,snippet,text,restoration,witness_text\r\n"
        ));
        assert!(
            csv.contains("d,\"t,1\",1.2,,1.5,mentions:sichuan,,\"…\"\"x\"\"…\",\"a\nb\",,\r\n"),
            "{csv}"
        );
        assert!(csv.contains(",宏观调控,doubtful,微观调控\r\n"), "{csv}");
    }
}
