//! Word classes from unlabelled text (`train-tagger clusters`): exchange clustering, which
//! moves each word to the class that most raises the likelihood of a class bigram model
//! (Kneser & Ney 1993; Martin, Liermann & Ney 1998), run twice, for 32 and for 256 classes.
//!
//! Input: the running text of the training splits in `../shared/data` (CoNLL-2003, UD EWT,
//! CoNLL-2010 Wikipedia, PolNeAR, re3d), split into words by [`words`]. Output:
//! `src/models/word.clusters`: `word<TAB>class32 class256 case` for every normalised word
//! seen at least `MIN_COUNT` times, where `case` says how often it is capitalised inside a
//! sentence. Deterministic: fixed initial classes, fixed visiting order.

use crate::common::{read_text, write, Args};
use article_analyzer::tagger::features::normalise;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::time::Instant;

const MIN_COUNT: usize = 5;
const ITERATIONS: usize = 8;
const SIZES: [usize; 2] = [32, 256];

/// Splits raw text into words roughly as the taggers see them: punctuation at either end of
/// a chunk is split off, and so are the clitics 's, n't, 're, 've, 'll, 'd, 'm.
fn words(text: &str, out: &mut Vec<String>) {
    for chunk in text.split_whitespace() {
        let core_start = chunk.find(|c: char| c.is_alphanumeric()).unwrap_or(chunk.len());
        let core_end = chunk.rfind(|c: char| c.is_alphanumeric()).map_or(core_start, |i| i + chunk[i..].chars().next().map_or(1, char::len_utf8));
        out.extend(chunk[..core_start].chars().map(String::from));
        if core_start < core_end {
            let mut core = &chunk[core_start..core_end];
            // Keep the full stop of "U.S." and "Mr." style words.
            let mut tail = &chunk[core_end..];
            if tail.starts_with('.') && (core.contains('.') || core.chars().count() == 1) {
                core = &chunk[core_start..core_end + 1];
                tail = &tail[1..];
            }
            let folded = normalise(core);
            let clitic = ["n't", "'s", "'re", "'ve", "'ll", "'d", "'m"]
                .iter()
                .find(|c| folded.ends_with(*c) && folded.len() > c.len())
                .map(|c| c.chars().count());
            match clitic {
                Some(n) => {
                    let cut = core.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
                    out.push(core[..cut].to_string());
                    out.push(core[cut..].to_string());
                }
                None => out.push(core.to_string()),
            }
            out.extend(tail.chars().map(String::from));
        }
    }
}

/// Per normalised word: occurrences inside a sentence, and how many were capitalised.
type CaseCounts = HashMap<String, [usize; 2]>;

/// The unlabelled corpus as sentences (or documents) of normalised words, and per
/// normalised word the number of its occurrences inside a sentence (not first, not after
/// end punctuation or a quote) and how many of those were capitalised.
fn corpus(args: &Args) -> Result<(Vec<Vec<String>>, CaseCounts), String> {
    let mut out = Vec::new();
    let mut case = CaseCounts::new();
    let mut push = |text: &str| {
        let mut ws = Vec::new();
        words(text, &mut ws);
        let norm: Vec<String> = ws.iter().map(|w| normalise(w)).collect();
        for (i, (w, n)) in ws.iter().zip(&norm).enumerate() {
            let after_break = i.checked_sub(1).map_or(true, |p| {
                ws[p].chars().all(|c| !c.is_alphanumeric()) && !matches!(ws[p].as_str(), "," | ";" | "-" | "(" | ")")
            });
            if !after_break && w.chars().any(char::is_alphabetic) {
                let e = case.entry(n.clone()).or_insert([0, 0]);
                e[0] += 1;
                e[1] += usize::from(w.chars().next().is_some_and(char::is_uppercase));
            }
        }
        out.push(norm);
    };
    for (file, field) in [
        ("conll2003/train.jsonl", "text"),
        ("re3d/train.jsonl", "text"),
        ("conll2010_wiki_hedge/train.jsonl", "text"),
        ("polnear_attribution/train.jsonl", "text"),
        ("ud_ewt/train.jsonl.gz", "text"),
    ] {
        for line in read_text(&args.data.join(file))?.lines().filter(|l| !l.trim().is_empty()) {
            let v: Value = serde_json::from_str(line).map_err(|e| format!("{file}: {e}"))?;
            push(v[field].as_str().unwrap_or_default());
        }
    }
    Ok((out, case))
}

/// How often a word is capitalised inside sentences: 0 never or almost (< 5 %), 1 at times,
/// 2 mostly (≥ 50 %), 3 always or almost (≥ 95 %), 4 unknown (never seen inside a sentence).
fn case_bucket(counts: Option<&[usize; 2]>) -> usize {
    match counts {
        Some(&[n, cap]) if n > 0 => match cap * 100 / n {
            0..=4 => 0,
            5..=49 => 1,
            50..=94 => 2,
            _ => 3,
        },
        _ => 4,
    }
}

fn xlogx(x: i64) -> f64 {
    if x <= 0 {
        0.0
    } else {
        let x = x as f64;
        x * x.ln()
    }
}

/// Exchange clustering of words `0..n` (ids by falling frequency) into `k` classes; id `n`
/// is the sentence boundary, kept in a class of its own (class `k`).
fn exchange(n: usize, k: usize, right: &[Vec<(u32, u32)>], left: &[Vec<(u32, u32)>]) -> Vec<usize> {
    let kk = k + 1;
    let mut class: Vec<usize> = (0..n).map(|w| w % k).chain(std::iter::once(k)).collect();
    let mut big = vec![0i64; kk * kk];
    let (mut nl, mut nr) = (vec![0i64; kk], vec![0i64; kk]);
    for (a, row) in right.iter().enumerate() {
        for &(b, c) in row {
            big[class[a] * kk + class[b as usize]] += i64::from(c);
            nl[class[a]] += i64::from(c);
            nr[class[b as usize]] += i64::from(c);
        }
    }
    let (mut rw, mut lw) = (vec![0i64; kk], vec![0i64; kk]);
    let mut touched: Vec<usize> = Vec::new();
    let mut seen = vec![false; kk];
    for it in 0..ITERATIONS {
        let mut moved = 0;
        for w in 0..n {
            // Counts of w's bigrams by the neighbour's class (w itself apart).
            touched.clear();
            let mut ww = 0i64;
            for (side, list) in [&right[w], &left[w]].into_iter().enumerate() {
                for &(v, c) in list {
                    if v as usize == w {
                        ww = i64::from(c);
                        continue;
                    }
                    let cv = class[v as usize];
                    if !seen[cv] {
                        seen[cv] = true;
                        touched.push(cv);
                    }
                    if side == 0 {
                        rw[cv] += i64::from(c);
                    } else {
                        lw[cv] += i64::from(c);
                    }
                }
            }
            let cl: i64 = right[w].iter().map(|&(_, c)| i64::from(c)).sum();
            let cr: i64 = left[w].iter().map(|&(_, c)| i64::from(c)).sum();
            let a = class[w];
            // Take w out of its class.
            for &c in &touched {
                big[a * kk + c] -= rw[c];
                big[c * kk + a] -= lw[c];
            }
            big[a * kk + a] -= ww;
            nl[a] -= cl;
            nr[a] -= cr;
            // The gain of putting it into class b.
            let gain = |b: usize| -> f64 {
                let mut g = 0.0;
                for &c in &touched {
                    if c != b {
                        g += xlogx(big[b * kk + c] + rw[c]) - xlogx(big[b * kk + c]);
                        g += xlogx(big[c * kk + b] + lw[c]) - xlogx(big[c * kk + b]);
                    }
                }
                let bb = big[b * kk + b];
                g += xlogx(bb + rw[b] + lw[b] + ww) - xlogx(bb);
                g - (xlogx(nl[b] + cl) - xlogx(nl[b])) - (xlogx(nr[b] + cr) - xlogx(nr[b]))
            };
            let mut best = (a, gain(a));
            for b in 0..k {
                let g = gain(b);
                if g > best.1 + 1e-9 {
                    best = (b, g);
                }
            }
            let b = best.0;
            for &c in &touched {
                big[b * kk + c] += rw[c];
                big[c * kk + b] += lw[c];
            }
            big[b * kk + b] += ww;
            nl[b] += cl;
            nr[b] += cr;
            if b != a {
                class[w] = b;
                moved += 1;
            }
            for &c in &touched {
                rw[c] = 0;
                lw[c] = 0;
                seen[c] = false;
            }
        }
        eprintln!("clusters k={k}: iteration {} moved {moved} words", it + 1);
    }
    class
}

pub fn train(args: &Args) -> Result<(), String> {
    let started = Instant::now();
    let (sentences, case) = corpus(args)?;
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for w in sentences.iter().flatten() {
        *counts.entry(w.as_str()).or_insert(0) += 1;
    }
    let mut vocab: Vec<(&str, usize)> = counts.into_iter().filter(|&(_, c)| c >= MIN_COUNT).collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let n = vocab.len();
    let id: HashMap<&str, u32> = vocab.iter().enumerate().map(|(i, &(w, _))| (w, i as u32)).collect();
    // Bigrams over known words; rare words and sentence ends both break the chain (id n).
    let mut pairs: BTreeMap<(u32, u32), u32> = BTreeMap::new();
    for s in &sentences {
        let ids = std::iter::once(n as u32).chain(s.iter().map(|w| *id.get(w.as_str()).unwrap_or(&(n as u32)))).chain(std::iter::once(n as u32));
        let ids: Vec<u32> = ids.collect();
        for p in ids.windows(2) {
            if p[0] as usize != n || p[1] as usize != n {
                *pairs.entry((p[0], p[1])).or_insert(0) += 1;
            }
        }
    }
    let mut right = vec![Vec::new(); n + 1];
    let mut left = vec![Vec::new(); n + 1];
    for (&(a, b), &c) in &pairs {
        right[a as usize].push((b, c));
        left[b as usize].push((a, c));
    }
    let total: usize = sentences.iter().map(Vec::len).sum();
    eprintln!("clusters: {total} words, {n} word types seen at least {MIN_COUNT} times, {} bigram types", pairs.len());
    let classes: Vec<Vec<usize>> = SIZES.iter().map(|&k| exchange(n, k, &right, &left)).collect();
    let mut out = format!(
        "# Word classes for the taggers' features: exchange clustering of a class bigram model.\n\
         # Built by `cargo run --release --bin train-tagger -- clusters` (src/bin/train-tagger/clusters.rs)\n\
         # from the running text of ../shared/data: conll2003/train (Reuters, research use only),\n\
         # re3d/train (mixed open licences), conll2010_wiki_hedge/train (CC BY-SA), polnear_attribution/train\n\
         # (publishers' text, research corpus), ud_ewt/train (CC BY-SA 4.0): {total} words.\n\
         # Words (lower-cased, digits as 0) seen at least {MIN_COUNT} times; {ITERATIONS} passes.\n\
         # Format: one line per combination of classes, with the words that have it, sorted:\n\
         # class among {} <SPACE>class among {} <SPACE>case<TAB>word<SPACE>word…, where case is how often\n\
         # the word is capitalised inside a sentence: 0 (< 5 %), 1 (< 50 %), 2 (< 95 %), 3 (≥ 95 %),\n\
         # 4 (never seen there). (Grouped so, the file compresses far better than a line per word.)\n",
        SIZES[0], SIZES[1]
    );
    let mut groups: BTreeMap<[usize; 3], Vec<&str>> = BTreeMap::new();
    for (i, (w, _)) in vocab.iter().enumerate().filter(|(_, (w, _))| !w.contains(['\t', '\n', ' '])) {
        groups.entry([classes[0][i], classes[1][i], case_bucket(case.get(*w))]).or_default().push(w);
    }
    for ([coarse, fine, case], mut words) in groups {
        words.sort_unstable();
        out.push_str(&format!("{coarse} {fine} {case}\t{}\n", words.join(" ")));
    }
    let path = args.out("word.clusters");
    write(&path, out.as_bytes())?;
    eprintln!("clusters: wrote {} in {:.1} s", path.display(), started.elapsed().as_secs_f64());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_punctuation_and_clitics() {
        let mut out = Vec::new();
        words("\"Putin's U.S. visit didn't end.\" (Really?)", &mut out);
        assert_eq!(out, ["\"", "Putin", "'s", "U.S.", "visit", "did", "n't", "end", ".", "\"", "(", "Really", "?", ")"]);
    }
}
