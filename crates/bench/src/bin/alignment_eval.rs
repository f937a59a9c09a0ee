//! Measures how well clause alignment holds up on rewritten policy text.
//!
//! Ground truth that nobody on the project wrote by hand: the 2018 opinion
//! survives in two witnesses, and the machine-reworded one (000) carries
//! every clause under the same path as the collated reading text. Aligning
//! the reworded witness (imported on its own, through the same pipeline
//! rules as any user text) against the corpus document must put each unit's
//! own path first. A second check aligns the corpus documents against text
//! that is about something else entirely, to show the noise floor.
//!
//! Runs the app's aligner (`compare::align`), with and without mechanism
//! tags. The province → centre question is measured by `alignment_methods`
//! on the reading gold standard; this is the sanity check that a reworded
//! copy still finds its own clauses.

use policy_core::compare::align::{align_units, cue_mechanisms, AlignOptions, AlignUnit};
use policy_core::ingest::{import_document, IdentityConverter};
use policy_core::model::{load_corpus, Document, Mechanism, Unit, UnitKind};
use std::path::Path;

fn main() -> anyhow::Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let corpus = load_corpus(&std::fs::read_to_string(root.join("corpus/corpus.json"))?)?;
    let central = corpus
        .document("central-2018")
        .ok_or_else(|| anyhow::anyhow!("corpus has no central-2018"))?;
    let raw = std::fs::read_to_string(root.join("corpus/raw/000_0d3174276c13488c.txt"))?;
    let reworded = import_document(&raw, "000_0d3174276c13488c.txt", &IdentityConverter)?;

    println!("Alignment of the reworded witness (000) against the collated central-2018 text");
    println!("(a unit is right when its own path is the best candidate)\n");
    println!("| method | units | right@1 | precision@1 | mean score of right pairs | mean best score, unrelated text |");
    println!("|---|---|---|---|---|---|");
    let unrelated = unrelated_units();
    for (name, with_mechanisms) in [
        ("structure-aware aligner (the app's)", true),
        ("same, no mechanism tags", false),
    ] {
        let (right, total, mean_right) = evaluate(&reworded, central, with_mechanisms);
        let noise = noise_floor(central, &unrelated);
        println!(
            "| {name} | {total} | {right} | {:.3} | {mean_right:.3} | {noise:.3} |",
            right as f64 / total.max(1) as f64
        );
    }

    println!("\nRelations found when aligning each province against the central opinion");
    println!("| document | units | near-verbatim | rewritten | possibly related | no counterpart | central units in no pair |");
    println!("|---|---|---|---|---|---|---|");
    for doc in corpus.documents.iter().filter(|d| d.id != "central-2018") {
        let (a, b) = (
            owned_units(doc, true, false),
            owned_units(central, true, false),
        );
        let alignment = align_units(&borrow(&a), &borrow(&b), &AlignOptions::default());
        let count = |r: &str| {
            alignment
                .pairs
                .iter()
                .filter(|p| p.relation.id() == r)
                .count()
        };
        println!(
            "| {} | {} | {} | {} | {} | {} | {} |",
            doc.id,
            a.len(),
            count("near-verbatim"),
            count("rewritten"),
            count("possibly-related"),
            count("no-counterpart"),
            alignment.unmatched_b.len()
        );
    }
    Ok(())
}

/// A document's units with their mechanism ids (none unless
/// `with_mechanisms`), owned so they can be borrowed as [`AlignUnit`]s.
type Owned<'d> = Vec<(&'d Unit, Vec<Mechanism>)>;

fn owned_units(doc: &Document, with_mechanisms: bool, only_faithful: bool) -> Owned<'_> {
    doc.units
        .iter()
        .filter(|u| !(only_faithful && u.provenance.reworded))
        .map(|u| {
            let mechanisms = if with_mechanisms {
                cue_mechanisms(u)
            } else {
                vec![]
            };
            (u, mechanisms)
        })
        .collect()
}

fn borrow<'a>(units: &'a Owned) -> Vec<AlignUnit<'a>> {
    units
        .iter()
        .map(|(u, m)| AlignUnit {
            heading: u.reading_heading(),
            ..AlignUnit::new(u, u.reading(), m)
        })
        .collect()
}

/// (right@1, units evaluated, mean score of right pairs). Only central
/// units whose reading text comes from the faithful witness are evaluated:
/// the others *are* the reworded text and would match trivially.
fn evaluate(reworded: &Document, central: &Document, with_mechanisms: bool) -> (usize, usize, f64) {
    let a_owned = owned_units(reworded, with_mechanisms, false);
    let b_owned = owned_units(central, with_mechanisms, false);
    let faithful: std::collections::HashSet<String> = owned_units(central, false, true)
        .into_iter()
        .filter(|(u, _)| u.text.chars().count() >= 8)
        .map(|(u, _)| u.path.to_string())
        .collect();
    let alignment = align_units(
        &borrow(&a_owned),
        &borrow(&b_owned),
        &AlignOptions::default(),
    );
    let (mut right, mut total, mut score_sum) = (0, 0, 0.0);
    for pair in alignment.pairs.iter().filter(|p| faithful.contains(&p.a)) {
        total += 1;
        if let Some(best) = pair.candidates.first().filter(|c| c.b == pair.a) {
            right += 1;
            score_sum += best.score;
        }
    }
    (right, total, score_sum / right.max(1) as f64)
}

/// Sentences about unrelated matters (sport, weather, cooking, software),
/// written for this benchmark.
fn unrelated_units() -> Vec<String> {
    [
        "今天下午市体育馆举行全民健身运动会，数百名市民参加了太极拳和广场舞比赛。",
        "气象台预计明天有中到大雨，局部地区伴有雷电和短时强降水，请注意出行安全。",
        "将鸡蛋打散，加入少许食盐和清水，上锅蒸十分钟，出锅后淋上酱油和香油即可。",
        "新版软件修复了若干已知问题，提升了启动速度，并增加了夜间模式和快捷键设置。",
    ]
    .into_iter()
    .map(String::from)
    .collect()
}

/// Mean best score when unrelated sentences are aligned against the document.
fn noise_floor(central: &Document, unrelated: &[String]) -> f64 {
    let a: Vec<AlignUnit> = unrelated
        .iter()
        .enumerate()
        .map(|(i, t)| AlignUnit {
            path: ["u1", "u2", "u3", "u4"][i % 4],
            kind: UnitKind::Clause,
            heading: None,
            text: t,
            mechanisms: &[],
        })
        .collect();
    let b_owned = owned_units(central, false, false);
    let b = borrow(&b_owned);
    let alignment = align_units(&a, &b, &AlignOptions::default());
    let best: Vec<f64> = alignment
        .pairs
        .iter()
        .map(|p| p.candidates.first().map_or(0.0, |c| c.score))
        .collect();
    best.iter().sum::<f64>() / best.len().max(1) as f64
}
