//! Training the named-entity tagger on CoNLL-2003 (`train-tagger ner`).
//!
//! Input: `conll2003/train.jsonl` (sentences with tokens and typed character spans, grouped
//! into documents by their `doc` field); the dev files of conll2003, wikigold and uner_ewt
//! for the record. Output: `src/models/ner.model` and `ner.gazetteer`.
//!
//! The gazetteer lists the names of the training data. While training on a document, a name
//! counts as "in the gazetteer" only when it occurs in some *other* training document, so
//! the model learns how far to trust the list for names it has not seen.

use crate::common::{read_text, write, Args, Settings};
use article_analyzer::tagger::features::{normalise, Word};
use article_analyzer::tagger::model::Model;
use article_analyzer::tagger::ner::{self, Part, TYPES};
use article_analyzer::tagger::pos;
use article_analyzer::tagger::perceptron::{Perceptron, Rng};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;
use std::time::Instant;

const SETTINGS: Settings = Settings { epochs: 12, seed: 20261128, bits: 18, prune: 1.5 };
/// Training runs (seeds `seed`, `seed + 1`…) whose averaged weights are summed: less
/// dependence on the order of the examples.
const RUNS: usize = 3;
/// A type is listed for a name when at least 1/`GAZ_SHARE` of the documents naming it use it.
const GAZ_SHARE: usize = 5;

/// A document with gold entity mentions.
struct GoldDoc {
    sentences: Vec<Vec<String>>,
    /// Per sentence: `(word range, type index)`.
    mentions: Vec<Vec<(Range<usize>, usize)>>,
}

impl GoldDoc {
    fn tags(&self) -> Vec<Vec<usize>> {
        self.sentences
            .iter()
            .zip(&self.mentions)
            .map(|(words, mentions)| {
                let mut tags = vec![0; words.len()];
                for (r, ty) in mentions {
                    for i in r.clone() {
                        let part = match (i == r.start, i + 1 == r.end) {
                            (true, true) => Part::Unit,
                            (true, false) => Part::Begin,
                            (false, true) => Part::Last,
                            (false, false) => Part::Inside,
                        };
                        tags[i] = ner::tag_of(*ty, part);
                    }
                }
                tags
            })
            .collect()
    }
}

/// Reads a `*.jsonl` NER file (one sentence a line: `doc`, `text`, `tokens`, `entities`).
fn read_docs(text: &str) -> Result<Vec<GoldDoc>, String> {
    let mut docs: Vec<GoldDoc> = Vec::new();
    let mut last_doc = String::new();
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).map_err(|e| format!("line {}: {e}", n + 1))?;
        let sentence_text = v["text"].as_str().unwrap_or_default();
        let tokens: Vec<String> =
            v["tokens"].as_array().into_iter().flatten().filter_map(|t| t.as_str().map(String::from)).collect();
        // Character offsets of each token, found in order in the sentence text.
        let mut offsets = Vec::with_capacity(tokens.len());
        let mut at = 0;
        for t in &tokens {
            let start = sentence_text[at..].find(t.as_str()).map(|k| at + k).ok_or(format!("line {}: token {t} not found", n + 1))?;
            at = start + t.len();
            offsets.push((char_index(sentence_text, start), char_index(sentence_text, at)));
        }
        let mut mentions = Vec::new();
        for e in v["entities"].as_array().into_iter().flatten() {
            let Some(ty) = TYPES.iter().position(|&t| Some(t) == e["type"].as_str()) else { continue };
            let (s, en) = (e["start"].as_u64().unwrap_or(0) as usize, e["end"].as_u64().unwrap_or(0) as usize);
            let inside: Vec<usize> = (0..tokens.len()).filter(|&i| offsets[i].0 >= s && offsets[i].1 <= en).collect();
            if let (Some(&first), Some(&last)) = (inside.first(), inside.last()) {
                mentions.push((first..last + 1, ty));
            }
        }
        let doc = v["doc"].as_str().unwrap_or_default().to_string();
        if docs.is_empty() || doc != last_doc {
            docs.push(GoldDoc { sentences: Vec::new(), mentions: Vec::new() });
            last_doc = doc;
        }
        if let Some(d) = docs.last_mut() {
            d.sentences.push(tokens);
            d.mentions.push(mentions);
        }
    }
    Ok(docs)
}

/// The character index of a byte offset (the data's offsets count characters).
fn char_index(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

/// The sentences with every headline in capitals rewritten in title case ("CRICKET - ESSEX
/// WIN AT THE OVAL" → "Cricket - Essex Win at the Oval"): CoNLL-2003 has almost no title-case
/// headlines, and the articles this analyser reads have many. Applied to every other
/// training document, so both styles are seen.
fn title_cased(sentences: &[Vec<String>]) -> Vec<Vec<String>> {
    const SMALL: [&str; 13] = ["a", "an", "the", "of", "to", "in", "on", "at", "for", "and", "or", "by", "as"];
    sentences
        .iter()
        .map(|words| {
            let letters: Vec<&String> = words.iter().filter(|w| w.chars().any(char::is_alphabetic)).collect();
            let upper = letters.iter().filter(|w| !w.chars().any(char::is_lowercase)).count();
            if letters.len() < 3 || upper * 5 < letters.len() * 4 {
                return words.clone();
            }
            words
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    let lower = w.to_lowercase();
                    if i > 0 && SMALL.contains(&lower.as_str()) {
                        return lower;
                    }
                    let mut chars = lower.chars();
                    chars.next().map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
                })
                .collect()
        })
        .collect()
}

/// The parts of speech the committed POS model gives the words (train `pos` first).
fn pos_tags(sentences: &[Vec<String>]) -> Vec<Vec<usize>> {
    let Some(model) = pos::model() else { return Vec::new() };
    let lexicon = pos::lexicon();
    sentences.iter().map(|s| pos::tag(model, &pos::Input::new(s.iter().map(String::as_str), lexicon))).collect()
}

/// Per normalised name: for each type, the training documents that use it.
type NameDocs = BTreeMap<String, [BTreeSet<usize>; 4]>;

fn name_docs(docs: &[GoldDoc]) -> NameDocs {
    let mut names = NameDocs::new();
    for (d, doc) in docs.iter().enumerate() {
        for (words, mentions) in doc.sentences.iter().zip(&doc.mentions) {
            for (r, ty) in mentions {
                if r.len() <= ner::MAX_GAZ_WORDS {
                    let name: Vec<String> = words[r.clone()].iter().map(|w| normalise(w)).collect();
                    names.entry(name.join(" ")).or_default()[*ty].insert(d);
                }
            }
        }
    }
    names
}

/// The types listed for a name, given its per-type document counts.
fn listed(counts: [usize; 4]) -> u8 {
    let total: usize = counts.iter().sum();
    (0..4).filter(|&t| counts[t] > 0 && counts[t] * GAZ_SHARE >= total).fold(0, |m, t| m | 1 << t)
}

fn gazetteer_text(names: &NameDocs) -> String {
    let mut out = String::from(
        "# Names and their entity types, for the entity tagger's gazetteer features.\n\
         # Built by `cargo run --release --bin train-tagger -- ner` from the entity mentions of\n\
         # ../shared/data/conll2003/train.jsonl (CoNLL-2003 English, Reuters text: research use,\n\
         # not for redistribution outside this project). Names are lower-cased, digits as 0; a\n\
         # type is listed when at least 1/5 of the documents naming the name use it.\n\
         # Format: a [TYPE] line, then the names of that type, one a line, words separated by\n\
         # single spaces; one such section per type.\n",
    );
    for (t, ty) in TYPES.iter().enumerate() {
        out.push_str(&format!("[{ty}]\n"));
        for (name, docs) in names {
            if listed(docs.each_ref().map(BTreeSet::len)) >> t & 1 == 1 {
                out.push_str(name);
                out.push('\n');
            }
        }
    }
    out
}

/// Gazetteer lookups for training document `d`: the names as if `d` were not in the data.
fn leave_one_out(names: &NameDocs, d: usize) -> HashMap<u64, u8> {
    let mut out = HashMap::new();
    for (name, docs) in names {
        let counts = docs.each_ref().map(|s| s.len() - usize::from(s.contains(&d)));
        let mask = listed(counts);
        if mask != 0 {
            let words: Vec<Word> = name.split(' ').map(Word::new).collect();
            out.insert(ner::phrase_key(&words), mask);
        }
    }
    out
}

/// Counts of (gold, predicted, correct) per type.
#[derive(Default)]
struct Score {
    counts: [[usize; 3]; 4],
}

impl Score {
    fn add(&mut self, gold: &[(Range<usize>, usize)], pred: &[(Range<usize>, usize)]) {
        for (_, t) in gold {
            self.counts[*t][0] += 1;
        }
        for p in pred {
            self.counts[p.1][1] += 1;
            self.counts[p.1][2] += usize::from(gold.contains(p));
        }
    }

    fn prf(c: [usize; 3]) -> (f64, f64, f64) {
        let p = c[2] as f64 / c[1].max(1) as f64;
        let r = c[2] as f64 / c[0].max(1) as f64;
        (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
    }

    /// Per-type F1 and the micro F1 over PER, ORG and LOC.
    fn report(&self) -> (String, f64) {
        let mut micro = [0usize; 3];
        let mut parts = Vec::new();
        for (t, c) in self.counts.iter().enumerate() {
            let (p, r, f) = Score::prf(*c);
            parts.push(format!("{} P {p:.3} R {r:.3} F {f:.3}", TYPES[t]));
            if t < 3 {
                (0..3).for_each(|k| micro[k] += c[k]);
            }
        }
        let f = Score::prf(micro).2;
        (parts.join("; "), f)
    }
}

fn evaluate(model: &Model, gaz: &ner::Gazetteer, docs: &[GoldDoc]) -> Score {
    let mut score = Score::default();
    for gold in docs {
        let doc = ner::Document::new(&gold.sentences, &pos_tags(&gold.sentences), |k| gaz.get(&k).copied().unwrap_or(0));
        for ((tags, mentions), sentence) in ner::tag(model, &doc).iter().zip(&gold.mentions).zip(&doc.sentences) {
            score.add(mentions, &ner::mentions(sentence, tags));
        }
    }
    score
}

/// One structured-perceptron run over the training documents, shuffled with `seed`.
fn train_run(prepared: &[(ner::Document, Vec<Vec<usize>>)], set: &Settings, seed: u64) -> Perceptron {
    let mut p = Perceptron::new(ner::tag_names(), set.bits);
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut rng = Rng(seed);
    for epoch in 1..=set.epochs {
        rng.shuffle(&mut order);
        let (mut right, mut all) = (0usize, 0usize);
        for &k in &order {
            let (doc, gold) = &prepared[k];
            let mut decoder = ner::Decoder::new(doc);
            let mut sentences = gold.iter();
            while let (Some(guess), Some(gold)) = (decoder.next(&p), sentences.next()) {
                for (i, (&g, &y)) in guess.iter().zip(gold).enumerate() {
                    let (gp, yp) = (i.checked_sub(1).map(|j| guess[j]), i.checked_sub(1).map(|j| gold[j]));
                    if g != y {
                        p.add(decoder.features_at(i), y, 1.0);
                        p.add(decoder.features_at(i), g, -1.0);
                    }
                    if g != y || gp != yp {
                        p.add(&[ner::transition(yp)], y, 1.0);
                        p.add(&[ner::transition(gp)], g, -1.0);
                    }
                    right += usize::from(g == y);
                    all += 1;
                }
                p.tick();
                decoder.commit(&guess);
            }
        }
        eprintln!("seed {seed} epoch {epoch}: training accuracy {:.4}", right as f64 / all.max(1) as f64);
    }
    p
}

pub fn train(args: &Args) -> Result<(), String> {
    let started = Instant::now();
    let train = read_docs(&read_text(&args.data.join("conll2003/train.jsonl"))?)?;

    let names = name_docs(&train);
    let gaz_text = gazetteer_text(&names);
    let public = ner::public_lists();
    let mut gaz = public.clone();
    ner::parse_gazetteer(&gaz_text, &mut gaz);
    let prepared: Vec<(ner::Document, Vec<Vec<usize>>)> = train
        .iter()
        .enumerate()
        .map(|(d, g)| {
            let own = leave_one_out(&names, d);
            let lookup = |k| own.get(&k).copied().unwrap_or(0) | public.get(&k).copied().unwrap_or(0);
            let sentences = if d % 2 == 1 { title_cased(&g.sentences) } else { g.sentences.clone() };
            (ner::Document::new(&sentences, &pos_tags(&sentences), lookup), g.tags())
        })
        .collect();
    eprintln!("ner: {} training documents, {} names ({:.1} s)", train.len(), names.len(), started.elapsed().as_secs_f64());
    let set = args.settings(SETTINGS);
    let mut sum: Vec<f32> = Vec::new();
    for run in 0..RUNS {
        let p = train_run(&prepared, &set, set.seed + run as u64);
        let avg = p.averaged();
        if sum.is_empty() {
            sum = avg;
        } else {
            sum.iter_mut().zip(avg).for_each(|(s, a)| *s += a);
        }
    }
    let model = Model::quantise(ner::tag_names(), set.bits, &sum, set.prune * RUNS as f32);
    let mut results = Vec::new();
    for (name, file) in
        [("conll2003", "conll2003/dev.jsonl"), ("wikigold", "wikigold/dev.jsonl"), ("uner_ewt", "uner_ewt/dev.jsonl")]
    {
        let dev = read_docs(&read_text(&args.data.join(file))?)?;
        let (detail, f1) = evaluate(&model, &gaz, &dev).report();
        eprintln!("{name} dev: micro F1 (PER/ORG/LOC) {f1:.4}; {detail}");
        results.push(format!("{name} {f1:.4}"));
    }
    let header = format!(
        "Named-entity tagger (BILOU over PER ORG LOC MISC): structured averaged perceptron (sum of\n\
         {RUNS} runs with seeds from the one below), first-order Viterbi, hashed features.\n\
         Trained by `cargo run --release --bin train-tagger -- ner` (src/bin/train-tagger/) on\n\
         ../shared/data/conll2003/train.jsonl: CoNLL-2003 English (Reuters text, research use, not\n\
         for redistribution outside this project; annotations by Tjong Kim Sang and De Meulder).\n\
         Also uses: src/models/word.clusters, ner.lists, ner.gazetteer and pos.model (see their headers).\n\
         Settings: {}.\n\
         Micro F1 over PER/ORG/LOC on dev gold tokens: {}\n\
         Format: see src/tagger/model.rs.",
        set.describe(),
        results.join(", ")
    );
    let out = args.out("ner.model");
    let bytes = model.to_bytes(&header);
    write(&out, &bytes)?;
    write(&out.with_extension("gazetteer"), gaz_text.as_bytes())?;
    eprintln!(
        "ner: {} non-zero weights; wrote {} ({} bytes) in {:.1} s",
        model.non_zero(),
        out.display(),
        bytes.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capital_headlines_become_title_case() {
        let s = |t: &str| t.split(' ').map(String::from).collect::<Vec<_>>();
        let out = title_cased(&[s("CRICKET - ESSEX WIN AT THE OVAL ."), s("Essex won at the Oval ."), s("UN OK")]);
        assert_eq!(out[0].join(" "), "Cricket - Essex Win at the Oval .");
        assert_eq!(out[1].join(" "), "Essex won at the Oval .");
        assert_eq!(out[2].join(" "), "UN OK");
    }
}
