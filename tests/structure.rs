//! The structure stage on self-written fixtures (`tests/fixtures/structure/`): an article
//! pasted one paragraph per line, a whole copied news page, a wire story with a results
//! table, and a blog post with a list and a comment form. Each test checks the title,
//! headings, byline and dateline, every body paragraph in order, and the kinds of the
//! boilerplate around them. The last tests check texts that must stay all body.

use article_analyzer::{analyze, Analysis, BoilerplateKind, Options};
use BoilerplateKind::*;

struct Page {
    units: Vec<u16>,
    analysis: Analysis,
}

impl Page {
    fn of(text: &str) -> Page {
        let analysis = analyze(text, &Options::default()).expect("analysis");
        Page { units: text.encode_utf16().collect(), analysis }
    }

    fn fixture(name: &str) -> Page {
        let path = format!("{}/tests/fixtures/structure/{name}", env!("CARGO_MANIFEST_DIR"));
        Page::of(&std::fs::read_to_string(&path).expect(&path))
    }

    fn slice(&self, start: usize, end: usize) -> String {
        String::from_utf16(&self.units[start..end]).expect("spans on UTF-16 boundaries")
    }

    fn title(&self) -> Option<String> {
        self.analysis.structure.title.map(|s| self.slice(s.start, s.end))
    }

    fn byline(&self) -> Option<String> {
        self.analysis.structure.byline.map(|s| self.slice(s.start, s.end))
    }

    fn dateline(&self) -> Option<String> {
        self.analysis.structure.dateline.map(|s| self.slice(s.start, s.end))
    }

    fn headings(&self) -> Vec<String> {
        self.analysis.structure.headings.iter().map(|s| self.slice(s.start, s.end)).collect()
    }

    fn body(&self) -> Vec<String> {
        self.analysis.structure.body.iter().map(|s| self.slice(s.start, s.end)).collect()
    }

    /// The boilerplate kind of the paragraph that is exactly `line`.
    fn kind_of(&self, line: &str) -> Option<BoilerplateKind> {
        let b = &self.analysis.structure.boilerplate;
        b.iter().find(|b| self.slice(b.start, b.end) == line).map(|b| b.kind)
    }

    /// Asserts that the body paragraphs start with `starts`, one each, in order.
    fn assert_body(&self, starts: &[&str]) {
        let body = self.body();
        let got: Vec<&str> = body.iter().map(|p| &p[..p.char_indices().nth(24).map_or(p.len(), |(i, _)| i)]).collect();
        assert_eq!(body.len(), starts.len(), "body paragraphs: {got:#?}");
        for (p, start) in body.iter().zip(starts) {
            assert!(p.starts_with(start), "{p:?} should start with {start:?}; body: {got:#?}");
        }
    }

    fn assert_kinds(&self, expected: &[(&str, BoilerplateKind)]) {
        for (line, kind) in expected {
            assert_eq!(self.kind_of(line), Some(*kind), "{line:?}");
        }
    }
}

#[test]
fn pasted_article_with_headings_and_related_headlines() {
    let page = Page::fixture("pasted-article.txt");
    assert_eq!(page.title().as_deref(), Some("Harbour Town Votes to Rebuild Its Flooded Sea Wall"));
    assert_eq!(page.headings(), ["What the Plan Includes", "Voices From the Quay"]);
    assert_eq!(page.byline(), None);
    page.assert_body(&[
        "The council of Port Ellery",
        "The decision came after",
        "Engineers hired by the town",
        "The first stage, along",
        "The cost, estimated at",
        "Fishermen who lost boats",
        "Others were less sure.",
    ]);
    // The line broken inside a sentence is one paragraph again.
    assert!(page.body()[4].ends_with("the harbour'\ns traders had not been asked about the timetable."));
    page.assert_kinds(&[
        ("Regional Rail Fares to Rise Again in the Spring", RelatedHeadlines),
        ("Library Opening Hours Cut as Budget Talks Stall", RelatedHeadlines),
        ("New Ferry Route Promised for Island Villages", RelatedHeadlines),
        ("Coastal Path Reopens After Months of Repairs", RelatedHeadlines),
    ]);
}

#[test]
fn whole_news_page() {
    let page = Page::fixture("news-page.txt");
    assert_eq!(page.title().as_deref(), Some("River Otters Return to the Valley After Forty Years"));
    assert_eq!(page.byline().as_deref(), Some("By Lena Hartwell"));
    assert_eq!(page.dateline().as_deref(), Some("Published 3 March 2024"));
    let headings = page.headings();
    assert_eq!(headings.len(), 2, "{headings:?}");
    assert!(headings[0].starts_with("Wildlife groups say"), "the standfirst: {headings:?}");
    assert_eq!(headings[1], "What happens next");
    page.assert_body(&[
        "Otters have returned",
        "Volunteers found fresh",
        "The animals disappeared",
        "\"It is the clearest sign",
        "The trust says the",
        "The trust now plans",
        "Nand warned that the",
    ]);
    page.assert_kinds(&[
        ("Skip to main content", Navigation),
        ("Subscribe", Subscribe),
        ("Share this article", Share),
        ("Twitter", Share),
        ("An otter on the bank of the upper river near Millford. (Photo: Sam Ortiz/Valley Wildlife Trust)", Caption),
        ("Advertisement", Advertisement),
        ("Related articles", RelatedHeadlines),
        ("Reservoir Levels Fall to Record Low", RelatedHeadlines),
        ("Read more: How volunteers are mapping the county's rivers", ReadMore),
        ("More from Science", RelatedHeadlines),
        ("Comet Visible to the Naked Eye This Week", RelatedHeadlines),
        ("3 hours ago", Metadata),
        ("Read more", ReadMore),
        ("School Buses to Run on Electric Power by Next Year", RelatedHeadlines),
        ("12 Comments", Share),
        ("Leave a comment", Share),
        ("Reply", Share),
        ("Sign up for our daily newsletter", Subscribe),
        ("Privacy Policy", Footer),
        ("© 2024 Valley Herald Media. All rights reserved.", Footer),
    ]);
    // The comment is prose, but it is not the article.
    assert!(page.body().iter().all(|p| !p.starts_with("Great news.")));
}

#[test]
fn wire_story_keeps_its_table() {
    let page = Page::fixture("wire-with-table.txt");
    assert_eq!(page.dateline().as_deref(), Some("PORT ELLERY 2024-03-04"));
    assert!(page.analysis.structure.boilerplate.is_empty());
    page.assert_body(&[
        "ATHLETICS - LEADING",
        "Leading results from",
        "Men 's 100 metres",
        "1. Kofi Asante",
        "2. Liam Doherty",
        "3. Mateo Ruiz",
        "Women 's 1,500 metres",
        "1. Sara Lind",
        "2. Amina Yusuf",
        "3. Clara Weiss",
        "Organisers said the",
    ]);
}

#[test]
fn blog_post_with_a_list_and_a_comment_form() {
    let page = Page::fixture("blog-post.txt");
    assert_eq!(page.title().as_deref(), Some("Five Ways to Keep Tomatoes Healthy Through a Wet Summer"));
    assert_eq!(page.byline().as_deref(), Some("Ana Ruiz, Staff Writer"));
    assert_eq!(page.dateline().as_deref(), Some("June 12, 2024"));
    assert!(page.headings().is_empty(), "{:?}", page.headings());
    page.assert_body(&[
        "Wet summers are hard",
        "Water at the base",
        "Remove the lowest leaves",
        "Leave space between",
        "Mulch to stop soil",
        "Pick fruit a little early",
        "None of this guarantees",
    ]);
    page.assert_kinds(&[
        ("Home", Navigation),
        ("Tags: tomatoes, vegetables, summer", Navigation),
        ("Share on Facebook", Share),
        ("Leave a Reply", Share),
        ("Your email address will not be published. Required fields are marked *", Share),
        ("Post Comment", Share),
    ]);
}

#[test]
fn single_lines_and_words_stay_body() {
    for text in ["Advertisement", "Read more", "By Ana Ruiz", "syllable", "The river rose.", "  Share this  \n"] {
        let page = Page::of(text);
        assert_eq!(page.body().len(), 1, "{text:?}");
        assert!(page.analysis.structure.boilerplate.is_empty(), "{text:?}");
        assert_eq!(page.title(), None, "{text:?}");
    }
}

#[test]
fn texts_without_prose_stay_body() {
    let page = Page::of("apples\npears\nplums\n");
    assert_eq!(page.body(), ["apples", "pears", "plums"]);
}

#[test]
fn plain_article_loses_nothing() {
    let text = "Rain Returns to the Valley\n\n\
                Farmers welcomed the first rain in months on Tuesday. \"It is a relief,\" said Ana Ruiz.\n\n\
                The storm is expected to last until Thursday, forecasters said.\n\n\
                More is due next week.";
    let page = Page::of(text);
    assert_eq!(page.title().as_deref(), Some("Rain Returns to the Valley"));
    page.assert_body(&["Farmers welcomed", "The storm is expected", "More is due next week."]);
    assert!(page.analysis.structure.boilerplate.is_empty());
}
