//! The command-line interface: single-file mode, `--jsonl` mode with good and bad lines,
//! invalid UTF-8 input, and usage errors.
#![cfg(not(target_arch = "wasm32"))]

mod common;

fn run(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let out = common::cli(args, stdin);
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn jsonl_answers_every_line_in_order() {
    let input = concat!(
        "{\"id\":\"a\",\"text\":\"One sentence. Another one.\"}\n",
        "{\"id\":7,\"text\":\"Tokens please.\",\"options\":{\"tokens\":true}}\n",
        "not json\n",
        "{\"id\":\"no-text\"}\n",
        "{\"id\":\"bad-options\",\"text\":\"x\",\"options\":{\"colour\":1}}\n",
    );
    let (code, out, _) = run(&["--jsonl"], input.as_bytes());
    assert_eq!(code, 0);
    let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect();
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["analysis"]["sentences"].as_array().map(Vec::len), Some(2));
    assert!(lines[0]["analysis"].get("tokens").is_none());
    assert_eq!(lines[1]["id"], 7);
    assert_eq!(lines[1]["analysis"]["tokens"][0]["end"], 6);
    assert!(lines[2]["error"].as_str().is_some_and(|e| e.contains("not JSON")));
    assert!(lines[3]["error"].as_str().is_some_and(|e| e.contains("text")));
    assert!(lines[4]["error"].as_str().is_some_and(|e| e.contains("colour")));
}

#[test]
fn single_mode_reads_stdin_and_reports_invalid_utf8() {
    let (code, out, _) = run(&["-"], b"Caf\xe9 society met on Monday.");
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("output is JSON");
    assert_eq!(v["warnings"][0]["code"], "invalidUtf8");
    assert_eq!(v["length"], 27); // U+FFFD is one UTF-16 unit
}

#[test]
fn pretty_output_is_indented_json() {
    let (code, out, _) = run(&["--pretty"], b"Hello.");
    assert_eq!(code, 0);
    assert!(out.starts_with("{\n  \""));
}

#[test]
fn usage_errors_exit_with_2() {
    let (code, _, err) = run(&["--frobnicate"], b"");
    assert_eq!(code, 2);
    assert!(err.contains("unknown option --frobnicate"));
    let (code, _, err) = run(&["/nonexistent/file.txt"], b"");
    assert_eq!(code, 1);
    assert!(err.contains("cannot read input"));
}
