//! A PostgreSQL database for one test, and a connection to it that a test
//! can cut and restore.
//!
//! The database is made by `app::store::scratch`, on the server
//! `TRADELINE_TEST_POSTGRES` names.

// Each test binary includes this file and uses a different subset of it.
#![allow(dead_code)]

use std::{
    io,
    net::{Shutdown, TcpListener, TcpStream},
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc, Mutex,
    },
    thread,
};

/// The URL of a new, empty database on the test server; `None` (outside
/// CI) when no server is named.
pub(crate) fn scratch_database() -> Option<String> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime")
        .block_on(app::store::scratch::scratch_postgres())
}

/// The one number `sql` answers on the database at `url`.
pub(crate) fn count(url: &str, sql: &str) -> i64 {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        let pool = sqlx::PgPool::connect(url).await.expect("connects");
        let n: i64 = sqlx::query_scalar(sql)
            .fetch_one(&pool)
            .await
            .expect("answers");
        pool.close().await;
        n
    })
}

/// A TCP relay on a loopback port to `target`: what a network between an
/// instance and its database does, including going away. `cut` closes every
/// relayed connection and refuses new ones until `restore`.
pub(crate) struct Relay {
    pub(crate) port: u16,
    open: Arc<AtomicBool>,
    streams: Arc<Mutex<Vec<TcpStream>>>,
}

impl Relay {
    pub(crate) fn to(target: u16) -> Relay {
        let listener = TcpListener::bind("127.0.0.1:0").expect("binds");
        let port = listener.local_addr().expect("address").port();
        let open = Arc::new(AtomicBool::new(true));
        let streams: Arc<Mutex<Vec<TcpStream>>> = Arc::default();
        let (accepting, relayed) = (open.clone(), streams.clone());
        thread::spawn(move || {
            for client in listener.incoming().flatten() {
                if !accepting.load(Ordering::SeqCst) {
                    let _ = client.shutdown(Shutdown::Both);
                    continue;
                }
                let Ok(server) = TcpStream::connect(("127.0.0.1", target)) else {
                    continue;
                };
                let pipes = [
                    (client.try_clone(), server.try_clone()),
                    (server.try_clone(), client.try_clone()),
                ];
                if let Ok(mut kept) = relayed.lock() {
                    kept.extend([client, server]);
                }
                for (from, to) in pipes {
                    if let (Ok(mut from), Ok(mut to)) = (from, to) {
                        thread::spawn(move || {
                            let _ = io::copy(&mut from, &mut to);
                            let _ = to.shutdown(Shutdown::Both);
                        });
                    }
                }
            }
        });
        Relay {
            port,
            open,
            streams,
        }
    }

    /// The database is gone: every connection closes, new ones are refused.
    pub(crate) fn cut(&self) {
        self.open.store(false, Ordering::SeqCst);
        if let Ok(mut kept) = self.streams.lock() {
            for stream in kept.drain(..) {
                let _ = stream.shutdown(Shutdown::Both);
            }
        }
    }

    /// The database is back.
    pub(crate) fn restore(&self) {
        self.open.store(true, Ordering::SeqCst);
    }
}

/// `url` with its port replaced by `port` (to reach the server through a
/// [`Relay`]).
pub(crate) fn through(url: &str, port: u16) -> String {
    let (scheme, rest) = url.split_once("://").expect("a URL");
    let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
    let (user, host) = authority
        .rsplit_once('@')
        .map_or(("", authority), |(u, h)| (u, h));
    let host = host.rsplit_once(':').map_or(host, |(h, _)| h);
    let user = if user.is_empty() {
        String::new()
    } else {
        format!("{user}@")
    };
    format!("{scheme}://{user}{host}:{port}/{path}")
}

/// The port of `url`.
pub(crate) fn port_of(url: &str) -> u16 {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split('/').next().unwrap_or(rest);
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    host.rsplit_once(':')
        .and_then(|(_, p)| p.parse().ok())
        .unwrap_or(5432)
}
