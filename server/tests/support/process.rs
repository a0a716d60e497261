//! Driving the real `tradeline` binary over loopback: free ports, minimal
//! HTTP/1.1 requests, waiting for readiness.

// Each test binary includes this file and uses a different subset of it.
#![allow(dead_code)]

use std::{
    io::{Read, Write},
    net::{TcpListener, TcpStream},
    process::Child,
    thread,
    time::{Duration, Instant},
};

pub(crate) const EXE: &str = env!("CARGO_BIN_EXE_tradeline");

pub(crate) fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// Sends one request and returns the whole response (status line, headers, body).
pub(crate) fn http(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Option<String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .ok()?;
    let mut request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        request.push_str(&format!("{k}: {v}\r\n"));
    }
    request.push_str("\r\n");
    stream.write_all(request.as_bytes()).ok()?;
    stream.write_all(body).ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    Some(response)
}

pub(crate) fn http_get(port: u16, path: &str) -> Option<String> {
    http(port, "GET", path, &[], b"")
}

/// The body of a response.
pub(crate) fn body(response: &str) -> &str {
    response.split_once("\r\n\r\n").map_or("", |(_, b)| b)
}

/// Waits until `/readyz` answers 200 (the corpus has been read).
pub(crate) fn wait_until_ready(port: u16, child: &mut Child, within: Duration) {
    let deadline = Instant::now() + within;
    while Instant::now() < deadline {
        if http_get(port, "/readyz").is_some_and(|r| r.starts_with("HTTP/1.1 200")) {
            return;
        }
        if let Ok(Some(status)) = child.try_wait() {
            panic!("the server exited early: {status}");
        }
        thread::sleep(Duration::from_millis(50));
    }
    panic!("the server was not ready on port {port} within {within:?}");
}

/// Polls `check` until it holds or `within` passes.
pub(crate) fn eventually(within: Duration, mut check: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + within;
    while Instant::now() < deadline {
        if check() {
            return true;
        }
        thread::sleep(Duration::from_millis(100));
    }
    false
}

/// A server process, killed when dropped.
pub(crate) struct Running(pub(crate) Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The values of a pair's trade-value series, oldest first.
pub(crate) fn series_values(port: u16, pair: &str) -> Vec<f64> {
    http_get(port, &format!("/api/series?pair={pair}&metric=trade_value"))
        .and_then(|r| serde_json::from_str::<serde_json::Value>(body(&r)).ok())
        .and_then(|json| {
            json["points"]
                .as_array()
                .map(|points| points.iter().filter_map(|p| p["value"].as_f64()).collect())
        })
        .unwrap_or_default()
}

/// Posts `text` as an article, with the admin token when given.
pub(crate) fn post_article(port: u16, token: Option<&str>, text: &str) -> String {
    let auth = token.map(|t| format!("Bearer {t}"));
    let mut headers = vec![("Content-Type", "text/plain")];
    if let Some(auth) = &auth {
        headers.push(("Authorization", auth.as_str()));
    }
    http(port, "POST", "/api/articles", &headers, text.as_bytes()).expect("answers")
}
