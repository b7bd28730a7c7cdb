//! The invariants every fuzz target asserts on a [`Document`], whatever stages have run:
//! every span of every layer in bounds and on `char` boundaries; paragraphs, tokens and
//! sentences non-empty, in order and not overlapping; sentences inside their paragraph and
//! pointing at tokens that exist; entity, keyphrase and loaded-language mentions in text
//! order; indices (summary ranking, source quotes) pointing at items that exist; scores in
//! their documented ranges. Input: the document and the name of the last stage run (for the
//! panic message). Output: nothing, or a panic naming the broken invariant.

use article_analyzer::internals::Document;

struct Checker<'a, 'd> {
    doc: &'a Document<'d>,
    stage: &'a str,
}

impl Checker<'_, '_> {
    fn span(&self, what: &str, start: usize, end: usize) {
        let text = self.doc.text;
        assert!(
            start <= end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end),
            "{}: {what} {start}..{end} is out of bounds or off a char boundary (text is {} bytes)",
            self.stage,
            text.len()
        );
    }

    /// Non-empty, in bounds, in order and not overlapping.
    fn sequence(&self, what: &str, spans: impl Iterator<Item = (usize, usize)>) {
        let mut prev_end = 0;
        for (start, end) in spans {
            self.span(what, start, end);
            assert!(start < end && start >= prev_end, "{}: {what} {start}..{end} is empty or overlaps the one before", self.stage);
            prev_end = end;
        }
    }

    /// In bounds and in text order (starts never decrease).
    fn in_text_order(&self, what: &str, spans: impl Iterator<Item = (usize, usize)>) {
        let mut prev_start = 0;
        for (start, end) in spans {
            self.span(what, start, end);
            assert!(start >= prev_start, "{}: {what} {start}..{end} is out of text order", self.stage);
            prev_start = start;
        }
    }

    fn unit(&self, what: &str, value: f64, low: f64, high: f64) {
        assert!((low..=high).contains(&value), "{}: {what} = {value} is outside [{low}, {high}]", self.stage);
    }
}

/// Panics, naming `stage`, when a layer of `doc` breaks an invariant.
pub fn check(doc: &Document, stage: &str) {
    let c = Checker { doc, stage };
    c.sequence("paragraph", doc.paragraphs.iter().map(|p| (p.span.start, p.span.end)));
    c.sequence("token", doc.tokens.iter().map(|t| (t.span.start, t.span.end)));
    for w in &doc.words {
        c.span("word", w.start, w.end);
    }
    c.sequence("sentence", doc.sentences.iter().map(|s| (s.span.start, s.span.end)));
    for s in &doc.sentences {
        assert!(s.tokens.start <= s.tokens.end && s.tokens.end <= doc.tokens.len(), "{stage}: sentence token range {:?}", s.tokens);
        let paragraph = doc.paragraphs.get(s.paragraph).unwrap_or_else(|| panic!("{stage}: sentence paragraph {}", s.paragraph));
        assert!(paragraph.span.contains(s.span), "{stage}: sentence {:?} crosses its paragraph {:?}", s.span, paragraph.span);
    }
    c.unit("language confidence", doc.language.confidence, 0.0, 1.0);
    let r = &doc.readability;
    for score in [r.flesch_reading_ease, r.flesch_kincaid_grade, r.gunning_fog, r.smog, r.coleman_liau, r.automated_readability_index] {
        assert!(score.map_or(true, f64::is_finite), "{stage}: readability score {score:?}");
    }
    for e in &doc.entities {
        assert!(!e.mentions.is_empty(), "{stage}: entity {:?} without mentions", e.name);
        c.in_text_order("entity mention", e.mentions.iter().map(|m| (m.start, m.end)));
        c.unit("entity salience", e.salience, 0.0, 1.0);
        if let Some(tone) = e.sentiment {
            c.unit("entity sentiment", tone, -1.0, 1.0);
        }
    }
    let firsts = doc.entities.iter().map(|e| e.mentions[0]).map(|m| (m.start, m.end));
    c.in_text_order("first entity mention", firsts);
    let tone = &doc.sentiment;
    assert!(tone.sentences.is_empty() || tone.sentences.len() == doc.sentences.len(), "{stage}: sentence tones");
    c.unit("compound", tone.document.compound, -1.0, 1.0);
    for &s in &tone.sentences {
        c.unit("sentence tone", s, -1.0, 1.0);
    }
    c.in_text_order("loaded span", tone.loaded.iter().map(|l| (l.span.start, l.span.end)));
    for k in &doc.keyphrases {
        c.unit("keyphrase score", k.score, f64::MIN_POSITIVE, 1.0);
        c.in_text_order("keyphrase mention", k.mentions.iter().map(|m| (m.start, m.end)));
    }
    let mut seen = vec![false; doc.sentences.len()];
    for &i in &doc.summary_ranking {
        assert!(i < seen.len() && !seen[i], "{stage}: summary ranking index {i} missing or repeated");
        seen[i] = true;
    }
    for q in &doc.quotes {
        c.span("quote content", q.content.start, q.content.end);
        for part in [q.source, q.cue, q.speaker].into_iter().flatten() {
            c.span("quote part", part.start, part.end);
        }
    }
    for s in &doc.sources {
        c.span("source name", s.name.start, s.name.end);
        if let Some(role) = s.role {
            c.span("source role", role.start, role.end);
        }
        assert!(s.quotes.windows(2).all(|w| w[0] < w[1]), "{stage}: source quotes not ascending");
        assert!(s.quotes.iter().all(|&q| q < doc.quotes.len()), "{stage}: source quote index out of range");
    }
    for h in &doc.hedges {
        c.span("hedge", h.span.start, h.span.end);
    }
    assert!(doc.certainty.is_empty() || doc.certainty.len() == doc.sentences.len(), "{stage}: certainty per sentence");
    c.unit("hedged share", doc.hedging.share, 0.0, 1.0);
}
