//! Shared by the integration tests that drive the command-line binary: runs the CLI that
//! `cargo test` builds with some arguments and bytes on stdin, and returns its output.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs the CLI (the debug build `cargo test` makes) with `args` and `input` on stdin.
pub fn cli(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_article-analyzer"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the CLI starts");
    child.stdin.take().expect("stdin is piped").write_all(input).expect("stdin accepts input");
    child.wait_with_output().expect("the CLI finishes")
}
