//! Command-line interface: `article-analyzer [FILE|-] [--pretty] [--tokens]` prints the
//! analysis of one text as JSON; `article-analyzer --jsonl` reads `{"id","text","options"?}`
//! lines on stdin and writes one `{"id","analysis"}` or `{"id","error"}` line per input line.
//!
//! Native only: on wasm32 this binary compiles to nothing (the page uses `src/wasm.rs`).
#![cfg_attr(target_arch = "wasm32", no_main)]
#![cfg(not(target_arch = "wasm32"))]

use article_analyzer::{analyze, Analysis, Options, Warning};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: article-analyzer [FILE|-] [--pretty] [--tokens]\n       article-analyzer --jsonl < items.jsonl\n\n\
Prints the analysis of FILE (or standard input) as JSON. With --jsonl, reads one\n\
{\"id\", \"text\", \"options\"?} object per line and writes one {\"id\", \"analysis\"} or\n\
{\"id\", \"error\"} line per input line, in order.";

struct Args {
    file: Option<String>,
    pretty: bool,
    tokens: bool,
    jsonl: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args { file: None, pretty: false, tokens: false, jsonl: false };
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--pretty" => args.pretty = true,
            "--tokens" => args.tokens = true,
            "--jsonl" => args.jsonl = true,
            "-h" | "--help" => return Err(String::new()),
            "-V" | "--version" => {
                println!("article-analyzer {}", env!("CARGO_PKG_VERSION"));
                std::process::exit(0);
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            file if args.file.is_none() => args.file = Some(file.to_string()),
            extra => return Err(format!("unexpected argument {extra}")),
        }
    }
    Ok(args)
}

/// Reads the whole input; invalid UTF-8 is replaced by U+FFFD and reported.
fn read_input(file: Option<&str>) -> io::Result<(String, bool)> {
    let mut bytes = Vec::new();
    match file {
        None | Some("-") => io::stdin().lock().read_to_end(&mut bytes)?,
        Some(path) => std::fs::File::open(path)?.read_to_end(&mut bytes)?,
    };
    match String::from_utf8(bytes) {
        Ok(s) => Ok((s, false)),
        Err(e) => Ok((String::from_utf8_lossy(e.as_bytes()).into_owned(), true)),
    }
}

fn single(args: &Args) -> Result<(), String> {
    let (text, lossy) = read_input(args.file.as_deref()).map_err(|e| format!("cannot read input: {e}"))?;
    let mut analysis = analyze(&text, &Options { tokens: args.tokens, ..Options::default() }).map_err(|e| e.to_string())?;
    if lossy {
        let message = "The input was not valid UTF-8; invalid bytes were replaced by U+FFFD.".to_string();
        analysis.warnings.insert(0, Warning { code: "invalidUtf8", message });
    }
    // Streamed: the JSON (several times the input) is never held whole in memory.
    let mut out = io::BufWriter::new(io::stdout().lock());
    let written = if args.pretty { serde_json::to_writer_pretty(&mut out, &analysis) } else { serde_json::to_writer(&mut out, &analysis) };
    match written.map_err(io::Error::from).and_then(|()| writeln!(out)).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(format!("cannot write output: {e}")),
        _ => Ok(()),
    }
}

/// One `--jsonl` output line.
#[derive(Serialize)]
struct Reply {
    id: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    analysis: Option<Analysis>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

impl Reply {
    fn error(id: Value, message: String) -> Reply {
        Reply { id, analysis: None, error: Some(message) }
    }
}

/// Answers one `--jsonl` line.
fn answer(line: &str) -> Reply {
    let item: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return Reply::error(Value::Null, format!("line is not JSON: {e}")),
    };
    let id = item.get("id").cloned().unwrap_or(Value::Null);
    let Some(text) = item.get("text").and_then(Value::as_str) else {
        return Reply::error(id, "item has no string field \"text\"".to_string());
    };
    let options = match item.get("options") {
        None | Some(Value::Null) => Options::default(),
        Some(o) => match Options::deserialize(o) {
            Ok(o) => o,
            Err(e) => return Reply::error(id, format!("invalid options: {e}")),
        },
    };
    match analyze(text, &options) {
        Ok(a) => Reply { id, analysis: Some(a), error: None },
        Err(e) => Reply::error(id, e.to_string()),
    }
}

/// Answers every non-blank line; a line that is not UTF-8 gets an error reply, as any other
/// line that is not JSON does, and the lines after it are still answered.
fn jsonl() -> io::Result<()> {
    let mut stdin = io::stdin().lock();
    let mut out = BufWriter::new(io::stdout().lock());
    let mut bytes = Vec::new();
    while stdin.read_until(b'\n', &mut bytes)? > 0 {
        let reply = match std::str::from_utf8(&bytes) {
            Ok(line) if line.trim().is_empty() => None,
            Ok(line) => Some(answer(line)),
            Err(e) => Some(Reply::error(Value::Null, format!("line is not JSON: invalid UTF-8 at byte {}", e.valid_up_to()))),
        };
        bytes.clear();
        if let Some(reply) = reply {
            serde_json::to_writer(&mut out, &reply)?;
            out.write_all(b"\n")?;
            out.flush()?;
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(msg) => {
            if msg.is_empty() {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            eprintln!("article-analyzer: {msg}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = if args.jsonl { jsonl().map_err(|e| e.to_string()) } else { single(&args) };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("article-analyzer: {msg}");
            ExitCode::FAILURE
        }
    }
}
