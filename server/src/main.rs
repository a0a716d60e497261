//! `tradeline`: the dashboard server and the command-line extractor in one binary.

use std::{
    future::IntoFuture,
    io::{self, Write},
    net::SocketAddr,
    path::PathBuf,
    process::ExitCode,
    sync::Arc,
    time::{Duration, Instant},
};

use app::catalog::Catalog;
use clap::Parser;
use server::{
    assets,
    cli::{Cli, Command, ExtractArgs, LogFormat, ServeArgs},
    report,
    routes::{router, Settings},
};
use tokio::{net::TcpListener, sync::Notify};
use tracing::{error, info, warn};
use tracing_subscriber::EnvFilter;

#[derive(Debug, thiserror::Error)]
enum ServeError {
    #[error("the address {addr} is already in use; stop the other server or choose another address with --addr (or TRADELINE_ADDR)")]
    AddrInUse { addr: SocketAddr },
    #[error("cannot listen on {addr}: {source}")]
    Bind { addr: SocketAddr, source: io::Error },
    #[error("the data folder {} cannot be used: {source}", path.display())]
    DataDir { path: PathBuf, source: io::Error },
    #[error("the server stopped with an error: {0}")]
    Serve(#[from] io::Error),
}

fn main() -> ExitCode {
    let started = Instant::now();
    let cli = Cli::parse();
    init_tracing(&cli);
    match cli.command {
        Command::Serve(args) => {
            let runtime = match tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()
            {
                Ok(rt) => rt,
                Err(e) => {
                    eprintln!("tradeline: cannot start the async runtime: {e}");
                    return ExitCode::FAILURE;
                }
            };
            match runtime.block_on(serve(args, started)) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    error!("{e}");
                    eprintln!("tradeline: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Extract(args) => extract(&args),
    }
}

fn init_tracing(cli: &Cli) {
    let filter = EnvFilter::try_new(&cli.log).unwrap_or_else(|e| {
        eprintln!(
            "tradeline: ignoring the log filter {:?} ({e}); using `info`",
            cli.log
        );
        EnvFilter::new("info")
    });
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(io::stderr);
    match cli.log_format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
}

async fn serve(args: ServeArgs, started: Instant) -> Result<(), ServeError> {
    std::fs::create_dir_all(&args.data_dir).map_err(|source| ServeError::DataDir {
        path: args.data_dir.clone(),
        source,
    })?;

    let catalog = Catalog::load(&args.corpus);
    let overview = catalog.overview();
    info!(
        articles = overview.articles.len(),
        observations = overview.observations.len(),
        events = overview.events.len(),
        rejected = overview.rejected.len(),
        "corpus read"
    );
    for rejected in &overview.rejected {
        warn!(path = %rejected.path, reason = %rejected.reason, "file not read");
    }
    if !assets::has_front_end() {
        warn!("this build has no compiled front end; build with `cargo leptos build` for an interactive page");
    }

    let settings = Settings {
        max_body: args.max_body,
        request_timeout: args.request_timeout(),
    };
    let app = router(Arc::new(catalog), &settings);

    let listener = TcpListener::bind(args.addr).await.map_err(|source| {
        if source.kind() == io::ErrorKind::AddrInUse {
            ServeError::AddrInUse { addr: args.addr }
        } else {
            ServeError::Bind {
                addr: args.addr,
                source,
            }
        }
    })?;
    let addr = listener.local_addr()?;
    info!(
        %addr,
        startup_ms = started.elapsed().as_millis() as u64,
        "listening on http://{addr}"
    );

    let signalled = Arc::new(Notify::new());
    let server = axum::serve(listener, app)
        .with_graceful_shutdown({
            let signalled = signalled.clone();
            async move {
                shutdown_signal().await;
                info!("shutting down: finishing requests in flight");
                signalled.notify_one();
            }
        })
        .into_future();
    let grace = Duration::from_secs(args.shutdown_grace);
    tokio::select! {
        result = server => result?,
        () = async { signalled.notified().await; tokio::time::sleep(grace).await } => {
            warn!(grace_s = args.shutdown_grace, "requests still running after the grace period; stopping anyway");
        }
    }
    info!("stopped");
    Ok(())
}

/// Resolves on SIGINT (Ctrl-C) or SIGTERM (what service managers send).
async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            error!("cannot listen for Ctrl-C: {e}");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(e) => {
                error!("cannot listen for SIGTERM: {e}");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}

/// `tradeline extract`: every file is read and reported; one that cannot be
/// read is named on stderr and makes the exit status 1, the others still print.
fn extract(args: &ExtractArgs) -> ExitCode {
    let (documents, failures) = report::extract_files(&args.files, args.published);
    for (path, message) in &failures {
        eprintln!("tradeline: {}: {message}", path.display());
    }
    let mut out = io::stdout().lock();
    let written = if args.json {
        report::write_json(&mut out, &documents)
    } else {
        report::write_table(&mut out, &documents)
    };
    if let Err(e) = written.and_then(|()| out.flush()) {
        // A closed pipe (`| head`) is not worth a message.
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("tradeline: cannot write the output: {e}");
        }
        return ExitCode::FAILURE;
    }
    if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
