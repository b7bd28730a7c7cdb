//! A reusable list of feature names for the linear models of the quotes and hedges stages.
//!
//! Input: feature names as string parts (or written with `format_args!`). Output: the names as `&str`, stored
//! back to back in one buffer that is cleared, not freed, between tokens, so that scoring a
//! token allocates nothing once the buffer has grown.

use std::fmt::{self, Write};

#[derive(Debug, Default)]
pub struct Features {
    text: String,
    ends: Vec<usize>,
}

impl Features {
    pub(crate) fn clear(&mut self) {
        self.text.clear();
        self.ends.clear();
    }

    /// Appends one feature name, the concatenation of `parts`.
    pub(crate) fn add(&mut self, parts: &[&str]) {
        self.text.extend(parts.iter().copied());
        self.ends.push(self.text.len());
    }

    /// Appends one feature name written with `format_args!`.
    pub(crate) fn add_fmt(&mut self, name: fmt::Arguments) {
        // Writing into a String cannot fail.
        let _ = self.text.write_fmt(name);
        self.ends.push(self.text.len());
    }

    /// The feature names, in the order they were added.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts.zip(&self.ends).map(|(s, &e)| self.text.get(s..e).unwrap_or(""))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_back_in_order_after_reuse() {
        let mut f = Features::default();
        f.add(&["w=", "said"]);
        f.clear();
        f.add(&["bias"]);
        f.add(&["p1=", "he", "|", "x"]);
        f.add(&[]);
        f.add_fmt(format_args!("n={}", 3));
        assert_eq!(f.iter().collect::<Vec<_>>(), ["bias", "p1=he|x", "", "n=3"]);
    }
}
