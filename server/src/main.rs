//! `tradeline`: the dashboard server and the command-line extractor in one binary.

use std::{
    io::{self, IsTerminal, Write},
    net::SocketAddr,
    path::PathBuf,
    process::ExitCode,
    sync::Arc,
    time::{Duration, Instant},
};

use app::{library::Library, model::IngestStatus};
use clap::Parser;
use server::{
    assets,
    cli::{
        Cli, Command, ExtractArgs, IngestArgs, LogFormat, ReferenceCommand, ReferenceImportArgs,
        ServeArgs, StoreArgs,
    },
    ingest::{self, Progress},
    report,
    routes::{router, Settings},
    shown::shown,
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
    #[error("the store {database} cannot be used: {source}")]
    Store {
        database: app::store::Database,
        source: app::store::StoreError,
    },
    #[error(transparent)]
    DatabaseUrl(app::store::StoreError),
    #[error("the server stopped with an error: {0}")]
    Serve(#[from] io::Error),
}

fn main() -> ExitCode {
    let started = Instant::now();
    let cli = Cli::parse();
    init_tracing(&cli);
    match cli.command {
        Command::Serve(args) => {
            let Some(runtime) = runtime() else {
                return ExitCode::FAILURE;
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
        Command::Ingest(args) => {
            let Some(runtime) = runtime() else {
                return ExitCode::FAILURE;
            };
            match runtime.block_on(ingest_folders(args)) {
                Ok(code) => code,
                Err(e) => {
                    eprintln!("tradeline: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Extract(args) => extract(&args),
        Command::Reference(ReferenceCommand::Import(args)) => {
            let Some(runtime) = runtime() else {
                return ExitCode::FAILURE;
            };
            runtime.block_on(import_reference(args))
        }
        Command::Export(args) => {
            let Some(runtime) = runtime() else {
                return ExitCode::FAILURE;
            };
            let output = args.output.clone();
            match runtime.block_on(server::export::command(args)) {
                Ok(exported) => {
                    if output.as_os_str() != "-" {
                        eprintln!(
                            "tradeline: wrote {} ({} bytes, {})",
                            output.display(),
                            exported.bytes.len(),
                            exported.content_type
                        );
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("tradeline: {e}");
                    ExitCode::from(2)
                }
            }
        }
    }
}

/// `tradeline reference import`: exit 0 when the figures are stored (with
/// `--skip-bad`, the rows left out are listed), 1 when rows cannot be read
/// (nothing stored), 2 when the file or the store cannot be used.
async fn import_reference(args: ReferenceImportArgs) -> ExitCode {
    use server::reference::{import_file, ImportError};
    let library = match open_library(&args.store, true).await {
        Ok(library) => library,
        Err(e) => {
            eprintln!("tradeline: {e}");
            return ExitCode::from(2);
        }
    };
    let result = import_file(&library, &args.file, args.source.as_deref(), args.skip_bad).await;
    library.store().close().await;
    match result {
        Ok(report) => {
            println!("{}", report.describe());
            ExitCode::SUCCESS
        }
        Err(ImportError::BadRows(rows)) => {
            for row in &rows {
                eprintln!("line {}: {}", row.line, shown(&row.reason));
            }
            eprintln!("tradeline: {}", ImportError::BadRows(rows));
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("tradeline: {e}");
            ExitCode::from(2)
        }
    }
}

fn runtime() -> Option<tokio::runtime::Runtime> {
    match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => Some(rt),
        Err(e) => {
            eprintln!("tradeline: cannot start the async runtime: {e}");
            None
        }
    }
}

/// Opens (migrating) the store: the PostgreSQL database of
/// `--database-url`, or the SQLite file in the data folder, which is created.
async fn open_library(store: &StoreArgs, writes_enabled: bool) -> Result<Library, ServeError> {
    let database = app::store::Database::new(&store.data_dir, store.database_url.as_deref())
        .map_err(ServeError::DatabaseUrl)?;
    if let app::store::Database::Embedded(dir) = &database {
        std::fs::create_dir_all(dir).map_err(|source| ServeError::DataDir {
            path: dir.clone(),
            source,
        })?;
    }
    Library::open(&database, store.max_article_size, writes_enabled)
        .await
        .map_err(|source| ServeError::Store { database, source })
}

/// Brings the store up to date with the corpus folders: articles stored by an
/// older extractor are read again, then every folder gets a pass. With
/// `progress`, the pass is the start-up read the dashboard shows and
/// `/readyz` waits for; without, a folder taken over from another instance,
/// read while this one stays ready.
async fn catch_up(
    library: &Arc<Library>,
    folders: &[PathBuf],
    progress: Option<&Progress>,
) -> usize {
    match library.reextract_stale(|_| {}).await {
        Ok(0) => {}
        Ok(n) => info!(articles = n, "extracted again with this extractor version"),
        Err(e) => error!("cannot extract stored articles again: {e}"),
    }
    let mut rejected = 0;
    for folder in folders {
        match ingest::pass(library, folder, progress).await {
            Ok(report) => {
                ingest::log_pass(folder, &report);
                rejected += report.rejected.len();
            }
            Err(e) => {
                error!(folder = %shown(&folder.display().to_string()), "cannot read the folder into the store: {}", shown(&e.to_string()))
            }
        }
    }
    if let Some(progress) = progress {
        progress.finish();
    }
    rejected
}

/// Corpus folders on a database several instances share: each folder is
/// read and watched by one instance at a time, whichever claims it first;
/// the others try again every [`CLAIM_RETRY`] and take a folder over
/// within seconds of its instance stopping or dying. An instance is ready
/// once it has read the folders it claimed at start (the rest are another
/// instance's to read, and show here as that one stores them), and stays
/// ready while it reads a folder it takes over: it may be the only one left.
async fn share_folders(
    library: Arc<Library>,
    folders: Vec<PathBuf>,
    watch: bool,
    progress: Progress,
) {
    let mut waiting = folders;
    let mut first = true;
    while !waiting.is_empty() {
        let mut claimed = Vec::new();
        let mut unclaimed = Vec::new();
        for folder in waiting {
            // The same folder has the same name on every instance only when
            // each is given it by the same path (as the README asks).
            let key = folder
                .canonicalize()
                .unwrap_or_else(|_| folder.clone())
                .display()
                .to_string();
            match library.store().claim_folder(&key).await {
                Ok(Some(claim)) => claimed.push((folder, claim)),
                Ok(None) => unclaimed.push(folder),
                Err(e) => {
                    warn!(folder = %shown(&key), "cannot claim the folder: {e}");
                    unclaimed.push(folder);
                }
            }
        }
        if !claimed.is_empty() {
            let paths: Vec<PathBuf> = claimed.iter().map(|(f, _)| f.clone()).collect();
            for folder in &paths {
                info!(folder = %shown(&folder.display().to_string()), "this instance reads the folder");
            }
            catch_up(&library, &paths, first.then_some(&progress)).await;
        } else if first {
            progress.finish();
        }
        first = false;
        for (folder, claim) in claimed {
            if watch {
                let library = library.clone();
                tokio::spawn(async move {
                    // Held for as long as the folder is watched.
                    let _claim = claim;
                    ingest::watch(library, vec![folder]).await;
                });
            }
        }
        waiting = unclaimed;
        if !waiting.is_empty() {
            tokio::time::sleep(CLAIM_RETRY).await;
        }
    }
}

/// How often an instance tries to claim the corpus folders another holds.
const CLAIM_RETRY: Duration = Duration::from_secs(2);

/// `tradeline ingest`: the folders into the store, with a progress bar.
async fn ingest_folders(args: IngestArgs) -> Result<ExitCode, ServeError> {
    let started = Instant::now();
    let library = Arc::new(open_library(&args.store, false).await?);
    let progress = Progress::new(library.clone(), io::stderr().is_terminal());
    let rejected = catch_up(&library, &args.corpus, Some(&progress)).await;
    let (listed, stored) =
        library
            .store()
            .article_counts()
            .await
            .map_err(|source| ServeError::Store {
                database: library.store().database().clone(),
                source,
            })?;
    for r in library.rejected() {
        eprintln!("tradeline: {}: {}", shown(&r.path), shown(&r.reason));
    }
    println!(
        "{listed} articles in {} ({stored} stored), {rejected} files not read, {:.1} s",
        library.store().database(),
        started.elapsed().as_secs_f64()
    );
    library.store().close().await;
    Ok(if rejected == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn init_tracing(cli: &Cli) {
    let filter = EnvFilter::try_new(&cli.log).unwrap_or_else(|e| {
        eprintln!(
            "tradeline: ignoring the log filter {:?} ({e}); using `info`",
            cli.log
        );
        EnvFilter::new("info")
    });
    // Colours only on a terminal: escape sequences in a log file or a
    // journal are noise, and worse when a log reader interprets them.
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(io::stderr().is_terminal())
        .with_writer(io::stderr);
    match cli.log_format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
}

async fn serve(args: ServeArgs, started: Instant) -> Result<(), ServeError> {
    let library = Arc::new(open_library(&args.store, args.admin_token.is_some()).await?);
    // Views kept here are dropped when another instance writes.
    library.follow_other_instances();
    // Not ready (`/readyz`) until the first pass over the corpus is done.
    library.set_status(IngestStatus {
        done: 0,
        total: 0,
        running: true,
    });
    let background = tokio::spawn({
        let library = library.clone();
        let folders = args.corpus.clone();
        let watch = !args.no_watch;
        async move {
            let progress = Progress::new(library.clone(), io::stderr().is_terminal());
            if library.store().database().is_shared() && !folders.is_empty() {
                share_folders(library, folders, watch, progress).await;
                return;
            }
            catch_up(&library, &folders, Some(&progress)).await;
            if watch && !folders.is_empty() {
                ingest::watch(library, folders).await;
            }
        }
    });
    if args.admin_token.is_none() {
        info!("no admin token: adding articles over HTTP is switched off (--admin-token)");
    }
    if !assets::has_front_end() {
        warn!("this build has no compiled front end; build with `cargo leptos build` for an interactive page");
    }

    let settings = Settings {
        max_body: args.max_body,
        request_timeout: args.request_timeout(),
        admin_token: args.admin_token.clone(),
        frame_ancestors: args.frame_ancestors.clone(),
    };
    let app = router(library.clone(), &settings);

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
    let limits = server::accept::Limits {
        header_timeout: Duration::from_secs(args.header_timeout),
        max_connections: usize::try_from(args.max_connections).unwrap_or(usize::MAX),
    };
    let server = server::accept::serve(listener, app, limits, {
        let signalled = signalled.clone();
        async move {
            shutdown_signal().await;
            info!("shutting down: finishing requests in flight");
            signalled.notify_one();
        }
    });
    let grace = Duration::from_secs(args.shutdown_grace);
    tokio::select! {
        result = server => result?,
        () = async { signalled.notified().await; tokio::time::sleep(grace).await } => {
            warn!(grace_s = args.shutdown_grace, "requests still running after the grace period; stopping anyway");
        }
    }
    background.abort();
    library.store().close().await;
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
        eprintln!(
            "tradeline: {}: {}",
            shown(&path.display().to_string()),
            shown(message)
        );
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
