//! The `tradeline` executable as a user runs it: help, version, the extractor's
//! output, configuration from the environment, and the server's lifecycle
//! (a clear error on a taken address, a clean exit on SIGTERM).

#[path = "support/process.rs"]
mod process;

use std::{
    net::TcpListener,
    path::Path,
    process::{Command, Stdio},
    thread,
    time::{Duration, Instant},
};

use process::{free_port, http_get, wait_until_ready, EXE};

fn fixture() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/china-brazil.txt")
        .display()
        .to_string()
}

/// Asserts that the command exited with success, showing what it wrote to
/// standard error if not.
#[track_caller]
fn assert_succeeded(out: &std::process::Output) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn help_names_the_commands_and_their_environment_variables() {
    let out = Command::new(EXE).arg("--help").output().expect("runs");
    assert_succeeded(&out);
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("serve") && help.contains("extract"), "{help}");

    let out = Command::new(EXE)
        .args(["serve", "--help"])
        .output()
        .expect("runs");
    let help = String::from_utf8_lossy(&out.stdout);
    for var in [
        "TRADELINE_ADDR",
        "TRADELINE_CORPUS",
        "TRADELINE_DATA_DIR",
        "TRADELINE_ADMIN_TOKEN",
        "TRADELINE_MAX_ARTICLE_SIZE",
    ] {
        assert!(help.contains(var), "{var} missing from:\n{help}");
    }
}

#[test]
fn version_is_the_crate_version() {
    let out = Command::new(EXE).arg("--version").output().expect("runs");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("tradeline {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn extract_prints_the_json_contract() {
    let out = Command::new(EXE)
        .args(["extract", "--json", &fixture()])
        .output()
        .expect("runs");
    assert_succeeded(&out);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let doc = &json["documents"][0];
    assert_eq!(doc["title"], "China and Brazil trade reaches a record");
    let obs = doc["observations"].as_array().expect("observations");
    let value = obs
        .iter()
        .find(|o| o["metric"] == "trade_value")
        .expect("a trade value");
    assert_eq!(value["pair"], serde_json::json!(["BR", "CN"]));
    assert_eq!(value["value"], 157.5e9);
    assert_eq!(value["currency"], "USD");
    assert_eq!(value["period"]["label"], "2023");
    let growth = obs
        .iter()
        .find(|o| o["metric"] == "trade_growth_yoy")
        .expect("a growth rate");
    assert_eq!(growth["value"], 6.1);
    assert_eq!(growth["unit"], "percent");
    let event = &doc["events"][0];
    assert_eq!(event["kind"], "talks");
    assert_eq!(event["date_start"], "2023-04-14");
}

#[test]
fn extract_reads_the_publication_date_from_the_user() {
    let out = Command::new(EXE)
        .args(["extract", "--json", "--published", "2024-02-01", &fixture()])
        .output()
        .expect("runs");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(json["documents"][0]["published"], "2024-02-01");
    assert_eq!(json["documents"][0]["published_basis"], "given by the user");
}

#[test]
fn extract_reports_unreadable_files_and_still_prints_the_rest() {
    let dir = std::env::temp_dir().join(format!("tradeline-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let bad = dir.join("latin1.txt");
    std::fs::write(&bad, b"caf\xe9 trade").expect("write");
    let out = Command::new(EXE)
        .args(["extract", bad.to_str().expect("utf-8 path"), &fixture()])
        .output()
        .expect("runs");
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("latin1.txt") && stderr.contains("not valid UTF-8"),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("$157.5 billion"));
}

#[test]
fn a_taken_address_is_a_clear_error() {
    let taken = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = taken.local_addr().expect("addr").to_string();
    let out = Command::new(EXE)
        .args(["serve", "--addr", &addr, "--data-dir"])
        .arg(std::env::temp_dir().join("tradeline-cli-taken"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("already in use") && stderr.contains(&addr),
        "{stderr}"
    );
}

#[test]
fn serve_takes_its_address_from_the_environment_and_stops_on_sigterm() {
    let port = free_port();
    let data = std::env::temp_dir().join(format!("tradeline-cli-env-{}", std::process::id()));
    let mut child = Command::new(EXE)
        .arg("serve")
        .env("TRADELINE_ADDR", format!("127.0.0.1:{port}"))
        .env("TRADELINE_DATA_DIR", &data)
        .env(
            "TRADELINE_CORPUS",
            Path::new(&fixture()).parent().expect("fixtures dir"),
        )
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("starts");
    wait_until_ready(port, &mut child, Duration::from_secs(20));
    let health = http_get(port, "/healthz").expect("answers");
    assert!(health.contains("\"articles\":1"), "{health}");
    assert!(data.is_dir(), "the data folder is created");

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let deadline = Instant::now() + Duration::from_secs(15);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "the server did not stop on SIGTERM"
        );
        thread::sleep(Duration::from_millis(50));
    };
    std::fs::remove_dir_all(&data).ok();
    assert!(status.success(), "exit status {status}");
}

/// Two connections that never finish their headers hold both slots of
/// `--max-connections 2`; `--header-timeout 1` closes them, and a third
/// client, waiting meanwhile, is then served.
#[test]
fn slow_clients_are_closed_and_connections_are_bounded() {
    use std::io::{Read, Write};
    let port = free_port();
    let data = tempfile::TempDir::new().expect("data");
    let mut child = Command::new(EXE)
        .args([
            "serve",
            "--addr",
            &format!("127.0.0.1:{port}"),
            "--data-dir",
        ])
        .arg(data.path())
        .args(["--header-timeout", "1", "--max-connections", "2"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("starts");
    wait_until_ready(port, &mut child, Duration::from_secs(20));
    let slow: Vec<std::net::TcpStream> = (0..2)
        .map(|_| {
            let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connects");
            s.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                .expect("writes");
            s.set_read_timeout(Some(Duration::from_secs(20)))
                .expect("timeout");
            s
        })
        .collect();
    let third = thread::spawn(move || http_get(port, "/healthz"));
    for mut s in slow {
        // Closed by the server (end of stream, or an error such as a reset),
        // not left open: a read that times out means the connection stayed.
        match s.read_to_end(&mut Vec::new()) {
            Ok(_) => {}
            Err(e) => assert!(
                !matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ),
                "a connection without its headers stayed open: {e}"
            ),
        }
    }
    let answer = third.join().expect("joins").expect("answered");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn ingest_reads_folders_into_the_store_and_names_what_it_left_out() {
    let corpus = tempfile::TempDir::new().expect("corpus");
    let data = tempfile::TempDir::new().expect("data");
    std::fs::copy(fixture(), corpus.path().join("a.txt")).expect("copy");
    std::fs::write(
        corpus.path().join("b.html"),
        "<p>Trade between Chile and Peru reached $5.4 billion in 2023.</p>",
    )
    .expect("write");
    std::fs::write(corpus.path().join("c.txt"), [0u8, 1, 2, 3, 0, 0]).expect("write");
    let run = || {
        Command::new(EXE)
            .args(["ingest", "--data-dir"])
            .arg(data.path())
            .arg(corpus.path())
            .output()
            .expect("runs")
    };
    let out = run();
    assert_eq!(out.status.code(), Some(1), "a file was not read");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("2 articles in"), "{stdout}");
    assert!(stdout.contains("1 files not read"), "{stdout}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("c.txt") && stderr.contains("binary"),
        "{stderr}"
    );
    assert!(data.path().join("tradeline.sqlite3").is_file());

    // Again: nothing new, the same two articles.
    std::fs::remove_file(corpus.path().join("c.txt")).expect("remove");
    let out = run();
    assert_succeeded(&out);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("2 articles in"));
}

#[test]
fn a_file_name_cannot_forge_a_log_line_or_colour_the_log() {
    let corpus = tempfile::TempDir::new().expect("corpus");
    let data = tempfile::TempDir::new().expect("data");
    std::fs::copy(fixture(), corpus.path().join("a.txt")).expect("copy");
    // Empty, so it is named as not read, with its name as written.
    std::fs::write(corpus.path().join("evil\nFORGED ERROR line.txt"), "").expect("write");
    let out = Command::new(EXE)
        .args(["ingest", "--data-dir"])
        .arg(data.path())
        .arg(corpus.path())
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("evil\\nFORGED ERROR line.txt"), "{stderr}");
    assert!(
        !stderr.lines().any(|l| l.starts_with("FORGED")),
        "a forged line: {stderr}"
    );
    assert!(
        !stderr.contains('\u{1b}'),
        "colours in a piped log: {stderr:?}"
    );
}

#[test]
fn an_empty_admin_token_is_refused_at_start() {
    for (flag, env) in [(Some(""), None), (None, Some(""))] {
        let mut command = Command::new(EXE);
        command.args(["serve", "--addr", "127.0.0.1:0", "--data-dir"]);
        command.arg(std::env::temp_dir().join("tradeline-cli-empty-token"));
        if let Some(token) = flag {
            command.args(["--admin-token", token]);
        }
        if let Some(token) = env {
            command.env("TRADELINE_ADMIN_TOKEN", token);
        }
        // A server that starts anyway would run until killed: give it ten
        // seconds to refuse.
        let mut child = command
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        let deadline = Instant::now() + Duration::from_secs(10);
        let status = loop {
            if let Some(status) = child.try_wait().expect("waits") {
                break status;
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                panic!("the server started with an empty token ({flag:?} {env:?})");
            }
            thread::sleep(Duration::from_millis(50));
        };
        let out = child.wait_with_output().expect("output");
        assert_eq!(status.code(), Some(2), "{flag:?} {env:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("admin token is empty"), "{stderr}");
    }
}

#[test]
fn export_draws_a_chart_with_no_server_running() {
    let seeds = std::env::var("TRADELINE_SEEDS")
        .unwrap_or_else(|_| format!("{}/../../shared/seeds", env!("CARGO_MANIFEST_DIR")));
    let out = tempfile::TempDir::new().expect("out");
    let png = out.path().join("chart.png");
    let run = Command::new(EXE)
        .current_dir(out.path())
        .args([
            "export",
            "--chart",
            "trade-value",
            "--pair",
            "CN-RU",
            "--corpus",
            &seeds,
            "--width",
            "600",
            "--height",
            "400",
            "--scale",
            "2",
            "--theme",
            "dark",
            "-o",
        ])
        .arg(&png)
        .output()
        .expect("runs");
    assert_succeeded(&run);
    let bytes = std::fs::read(&png).expect("written");
    assert_eq!(&bytes[1..4], b"PNG");
    assert_eq!(
        u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]),
        1200
    );
    assert_eq!(
        u32::from_be_bytes([bytes[20], bytes[21], bytes[22], bytes[23]]),
        800
    );
    // Only the file is left behind: the corpus went into a temporary store.
    let left: Vec<_> = std::fs::read_dir(out.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(left, vec![std::ffi::OsString::from("chart.png")]);

    // The format follows the extension; a bad option is a clear usage error.
    let svg = out.path().join("growth.svg");
    let run = Command::new(EXE)
        .args(["export", "--chart", "growth", "--corpus", &seeds, "-o"])
        .arg(&svg)
        .output()
        .expect("runs");
    assert_succeeded(&run);
    assert!(std::fs::read_to_string(&svg)
        .expect("svg")
        .starts_with("<svg"));
    let run = Command::new(EXE)
        .args([
            "export", "--chart", "growth", "--corpus", &seeds, "--width", "9000", "-o", "x.png",
        ])
        .current_dir(out.path())
        .output()
        .expect("runs");
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("8000"));
    // Without a corpus or a store it says what to give.
    let run = Command::new(EXE)
        .args(["export", "--chart", "growth", "-o", "x.png"])
        .current_dir(out.path())
        .output()
        .expect("runs");
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("--corpus"));
}

#[test]
fn export_takes_a_bloc_pair_and_names_its_parties() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/blocs");
    let run = Command::new(EXE)
        .args([
            "export",
            "--chart",
            "trade-value",
            "--pair",
            "asean-in",
            "--corpus",
        ])
        .arg(&corpus)
        .args(["--format", "svg", "-o", "-"])
        .output()
        .expect("runs");
    assert_succeeded(&run);
    let svg = String::from_utf8_lossy(&run.stdout);
    assert!(svg.contains("ASEAN–India · Trade value"), "{svg}");
    let run = Command::new(EXE)
        .args([
            "export",
            "--chart",
            "growth",
            "--pair",
            "ASEAN-INDIA",
            "--corpus",
        ])
        .arg(&corpus)
        .args(["-o", "-"])
        .output()
        .expect("runs");
    assert_eq!(run.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&run.stderr).contains("ASEAN-IN"),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

#[test]
fn reference_import_stores_official_figures_once_and_refuses_a_file_with_bad_rows() {
    let data = tempfile::TempDir::new().expect("data dir");
    let data_dir = data.path().display().to_string();
    let customs = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/reference/cn-ru-trade-gacc.csv")
        .display()
        .to_string();
    let import = |file: &str, extra: &[&str]| {
        Command::new(EXE)
            .args(["reference", "import", file, "--data-dir", &data_dir])
            .args(extra)
            .output()
            .expect("runs")
    };
    let out = import(&customs, &[]);
    assert_succeeded(&out);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("read 16 figure(s) from the reference format: 16 added"),
        "{said}"
    );
    let out = import(&customs, &[]);
    assert_succeeded(&out);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("0 added, 0 revised, 16 already stored"),
        "{said}"
    );

    // Written for this test: the second row's period cannot be read.
    let bad = data.path().join("bad.csv");
    std::fs::write(
        &bad,
        "pair,flow,period,value,currency,source\nKE-UG,total,2020,8e8,USD,Test\nKE-UG,total,twenty,9e8,USD,Test\n",
    )
    .expect("write");
    let bad = bad.display().to_string();
    let out = import(&bad, &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("line 3: period `twenty`") && err.contains("nothing was imported"),
        "{err}"
    );
    let out = import(&bad, &["--skip-bad"]);
    assert_succeeded(&out);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("1 added") && said.contains("left out line 3"),
        "{said}"
    );

    let out = import("/nonexistent/file.csv", &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
}
