//! Trains the taggers' weights from `../shared/data` and writes them to `src/models/`.
//!
//! ```text
//! cargo run --release --bin train-tagger -- clusters  # → src/models/word.clusters
//! cargo run --release --bin train-tagger -- pos       # → src/models/pos.model, pos.lexicon
//! cargo run --release --bin train-tagger -- ner       # → src/models/ner.model, ner.gazetteer
//! ```
//! Run them in this order: the taggers read the committed word classes, and the entity
//! tagger also the committed POS model and the public name lists `src/models/ner.lists`
//! (built by `scripts/build-ner-lists.py`), all embedded at compile time; `cargo run`
//! rebuilds the trainer, so each step reads what the step before it wrote. Each step takes
//! under a minute on this machine.
//! Options: `--data DIR` (default `../shared/data`), `--out FILE`, and for experiments
//! `--epochs N`, `--seed N`, `--bits N`, `--prune X`. The defaults (in `pos.rs` and `ner.rs`) are what
//! the committed models were trained with and are written into each model's header. The
//! same command on the same data always writes the same bytes: training is single-threaded,
//! the shuffling is seeded, and no clock or hash-map iteration order is involved.
//!
//! Input: the training corpora (gzipped files are read through `gzip -dc`). Output: the model
//! files, and on stderr the scores of the written (quantised) models on the dev sets' gold
//! tokens, for the record only: nothing is fitted on dev data.

#[cfg(not(target_arch = "wasm32"))]
mod clusters;
#[cfg(not(target_arch = "wasm32"))]
mod ner;
#[cfg(not(target_arch = "wasm32"))]
mod pos;

#[cfg(not(target_arch = "wasm32"))]
mod common {
    use std::io::Read;
    use std::path::{Path, PathBuf};
    use std::process::Command;

    /// Training settings.
    #[derive(Clone, Copy)]
    pub struct Settings {
        pub epochs: usize,
        pub seed: u64,
        pub bits: u8,
        pub prune: f32,
    }

    impl Settings {
        pub fn describe(&self) -> String {
            format!(
                "epochs {}, seed {}, 2^{} buckets, log-quantised i8 weights, |w| below {} pruned",
                self.epochs, self.seed, self.bits, self.prune
            )
        }
    }

    pub struct Args {
        pub task: String,
        pub data: PathBuf,
        pub out: Option<PathBuf>,
        epochs: Option<usize>,
        seed: Option<u64>,
        bits: Option<u8>,
        prune: Option<f32>,
    }

    impl Args {
        pub fn settings(&self, default: Settings) -> Settings {
            Settings {
                epochs: self.epochs.unwrap_or(default.epochs),
                seed: self.seed.unwrap_or(default.seed),
                bits: self.bits.unwrap_or(default.bits),
                prune: self.prune.unwrap_or(default.prune),
            }
        }

        /// Where to write the model: `--out`, else `src/models/<name>`.
        pub fn out(&self, name: &str) -> PathBuf {
            self.out.clone().unwrap_or_else(|| PathBuf::from("src/models").join(name))
        }
    }

    fn number<T: std::str::FromStr>(v: Option<String>, name: &str) -> Result<T, String> {
        v.and_then(|v| v.parse().ok()).ok_or(format!("{name} needs a number"))
    }

    pub fn parse_args() -> Result<Args, String> {
        let mut args = std::env::args().skip(1);
        let mut parsed = Args {
            task: String::new(),
            data: PathBuf::from("../shared/data"),
            out: None,
            epochs: None,
            seed: None,
            bits: None,
            prune: None,
        };
        while let Some(a) = args.next() {
            match a.as_str() {
                "--data" => parsed.data = args.next().ok_or("--data needs a folder")?.into(),
                "--out" => parsed.out = Some(args.next().ok_or("--out needs a file")?.into()),
                "--epochs" => parsed.epochs = Some(number(args.next(), "--epochs")?),
                "--seed" => parsed.seed = Some(number(args.next(), "--seed")?),
                "--bits" => parsed.bits = Some(number(args.next(), "--bits")?),
                "--prune" => parsed.prune = Some(number(args.next(), "--prune")?),
                "pos" | "ner" | "clusters" if parsed.task.is_empty() => parsed.task = a,
                other => return Err(format!("unexpected argument {other}")),
            }
        }
        if parsed.task.is_empty() {
            return Err("usage: train-tagger clusters|pos|ner [--data DIR] [--out FILE]".into());
        }
        Ok(parsed)
    }

    /// Reads a text file, through `gzip -dc` when it ends in `.gz`.
    pub fn read_text(path: &Path) -> Result<String, String> {
        if path.extension().is_some_and(|e| e == "gz") {
            let out = Command::new("gzip").arg("-dc").arg(path).output().map_err(|e| format!("gzip: {e}"))?;
            if !out.status.success() {
                return Err(format!("gzip -dc {} failed", path.display()));
            }
            return String::from_utf8(out.stdout).map_err(|e| format!("{}: {e}", path.display()));
        }
        let mut text = String::new();
        std::fs::File::open(path)
            .and_then(|mut f| f.read_to_string(&mut text))
            .map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(text)
    }

    pub fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
        std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let result = common::parse_args().and_then(|args| match args.task.as_str() {
        "pos" => pos::train(&args),
        "clusters" => clusters::train(&args),
        _ => ner::train(&args),
    });
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train-tagger: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
