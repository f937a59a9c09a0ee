//! Smith–Waterman local alignment of two texts' characters, as used by the
//! Legislative Influence Detector to find passages one bill copies from
//! another: the best-scoring pair of substrings, where matching characters
//! earn points and mismatches and gaps cost them.

/// Scores of the local alignment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scoring {
    /// Points for two equal characters.
    pub matched: i32,
    /// Cost of two different characters (negative).
    pub mismatch: i32,
    /// Cost of a character skipped on one side (negative).
    pub gap: i32,
}

impl Default for Scoring {
    /// +2 / −1 / −1: a shared run must be longer than the edits inside it.
    fn default() -> Self {
        Scoring {
            matched: 2,
            mismatch: -1,
            gap: -1,
        }
    }
}

/// The best local alignment score of `a` and `b` (0 when nothing matches).
/// O(|a|·|b|) time, O(|b|) memory.
pub fn smith_waterman(a: &[char], b: &[char], scoring: Scoring) -> i32 {
    let mut prev = vec![0i32; b.len() + 1];
    let mut cur = vec![0i32; b.len() + 1];
    let mut best = 0;
    for &ca in a {
        for (j, &cb) in b.iter().enumerate() {
            let diagonal = prev[j]
                + if ca == cb {
                    scoring.matched
                } else {
                    scoring.mismatch
                };
            let score = diagonal
                .max(prev[j + 1] + scoring.gap)
                .max(cur[j] + scoring.gap)
                .max(0);
            cur[j + 1] = score;
            best = best.max(score);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    best
}

/// The local alignment score of two texts' letters and digits, divided by
/// the score of `a` matched whole: 1.0 when `b` contains `a`, near 0 when
/// they share no run of characters. For one `a` this ranks candidates
/// exactly as the raw score does (the Legislative Influence Detector ranks
/// by raw score) while keeping scores of different `a`s comparable.
pub fn local_similarity(a: &str, b: &str, scoring: Scoring) -> f64 {
    let a: Vec<char> = a.chars().filter(|c| c.is_alphanumeric()).collect();
    let b: Vec<char> = b.chars().filter(|c| c.is_alphanumeric()).collect();
    if a.is_empty() || b.is_empty() || scoring.matched <= 0 {
        return 0.0;
    }
    smith_waterman(&a, &b, scoring) as f64 / (a.len() as f64 * scoring.matched as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn finds_the_shared_run_inside_longer_texts() {
        let s = Scoring::default();
        assert_eq!(
            smith_waterman(&chars("甲乙丙丁戊"), &chars("子丙丁戊丑"), s),
            6
        );
        assert_eq!(smith_waterman(&chars("甲乙"), &chars("丙丁"), s), 0);
        assert_eq!(smith_waterman(&[], &chars("丙丁"), s), 0);
    }

    #[test]
    fn gaps_and_mismatches_cost_but_do_not_break_a_long_run() {
        let s = Scoring::default();
        // One substituted character among nine matches: 9·2 − 1.
        let a = chars("建立横向生态补偿机制");
        let b = chars("建立横向生态赔偿机制");
        assert_eq!(smith_waterman(&a, &b, s), 9 * 2 - 1);
    }

    #[test]
    fn similarity_is_the_share_of_a_found_in_b() {
        let s = Scoring::default();
        assert!(
            (local_similarity("生态补偿", "完善多元化横向生态补偿机制", s) - 1.0).abs() < 1e-12
        );
        assert!((local_similarity("完善生态补偿机制", "生态补偿", s) - 0.5).abs() < 1e-12);
        assert_eq!(local_similarity("", "生态补偿", s), 0.0);
        assert!(local_similarity("举办运动会", "生态补偿", s) < 0.01);
    }
}
