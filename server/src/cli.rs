//! The command line. Every option can also come from a `TRADELINE_*`
//! environment variable, so a service manager can configure the binary without
//! a wrapper script.

use std::{net::SocketAddr, path::PathBuf, time::Duration};

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "tradeline",
    version,
    about = "Bilateral trade figures and diplomatic visits, read from news articles, with their sources",
    long_about = "tradeline reads news articles about trade between two countries and turns \
the trade values, year-on-year growth rates and diplomatic visits they report into dated, \
sourced observations. `serve` shows them in a web dashboard with charts; `extract` prints them; \
`export` draws a chart as PNG or SVG (or writes its data as CSV) without a server.",
    after_help = "Examples:\n  tradeline serve --corpus ./articles\n  tradeline serve --corpus ./articles --admin-token \"$(openssl rand -hex 16)\"\n  tradeline ingest --data-dir ./data ./articles\n  tradeline extract --json article.txt\n  tradeline export --chart trade-value --corpus ./articles -o chart.png\n  TRADELINE_ADDR=127.0.0.1:8080 tradeline serve"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// Log filter, in `tracing` syntax (e.g. `info`, `tradeline=debug,tower_http=debug`).
    #[arg(long, global = true, env = "TRADELINE_LOG", default_value = "info")]
    pub log: String,

    /// Log format: readable lines or one JSON object per line.
    #[arg(long, global = true, env = "TRADELINE_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the dashboard and its API; corpus folders are read into the store
    /// and watched for new or changed files.
    Serve(ServeArgs),
    /// Read corpus folders into the store and exit, with a progress bar.
    Ingest(IngestArgs),
    /// Read articles and print the figures and events found in them.
    Extract(ExtractArgs),
    /// Draw a chart as PNG or SVG, or write its data as CSV, without a server.
    Export(ExportArgs),
    /// Official statistics to hold reported figures against.
    #[command(subcommand)]
    Reference(ReferenceCommand),
}

#[derive(Debug, Subcommand)]
pub enum ReferenceCommand {
    /// Import official figures from a CSV file into the store: the reference
    /// format (pair,flow,period,value,currency,source) or a UN Comtrade data
    /// portal download (all goods, one partner; other rows are skipped and
    /// counted). Importing the same file again changes nothing; a figure
    /// with a new value replaces the one stored (a revision).
    Import(ReferenceImportArgs),
}

#[derive(Debug, Clone, Args)]
pub struct ReferenceImportArgs {
    /// The CSV file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Name the source of every figure ("UN Comtrade, 2025 download"),
    /// instead of the file's `source` column or Comtrade's reporter.
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,

    /// Import the rows that can be read when some cannot (each is reported
    /// with its line number). Without it, one bad row stops the import and
    /// nothing is stored.
    #[arg(long)]
    pub skip_bad: bool,

    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// Address to listen on. Keep the default loopback address unless a reverse
    /// proxy or firewall stands in front.
    #[arg(long, env = "TRADELINE_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,

    /// A folder of articles (.txt, .md, .html) to read at start and watch
    /// while running. Repeat the option for several folders; in the
    /// environment variable separate them with `:`.
    #[arg(
        long = "corpus",
        value_name = "DIR",
        env = "TRADELINE_CORPUS",
        value_delimiter = ':'
    )]
    pub corpus: Vec<PathBuf>,

    #[command(flatten)]
    pub store: StoreArgs,

    /// Token that allows adding articles and corrections (`POST /api/articles`
    /// with `Authorization: Bearer <TOKEN>`, or the dashboard's form). Without
    /// it the server is read-only: write endpoints answer 403. Prefer the
    /// environment variable: a command line is visible to every user of the
    /// machine. An empty token, or one with spaces around it, is refused.
    #[arg(
        long,
        value_name = "TOKEN",
        env = "TRADELINE_ADMIN_TOKEN",
        hide_env_values = true,
        value_parser = parse_token
    )]
    pub admin_token: Option<String>,

    /// Do not watch the corpus folders for changes after the first read.
    #[arg(long, env = "TRADELINE_NO_WATCH")]
    pub no_watch: bool,

    /// Largest request body accepted, in bytes.
    #[arg(long, env = "TRADELINE_MAX_BODY", default_value_t = 8 * 1024 * 1024)]
    pub max_body: usize,

    /// Seconds a request may take before it is answered with 408.
    #[arg(long, env = "TRADELINE_REQUEST_TIMEOUT", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub request_timeout: u64,

    /// Who may show the dashboard in a frame, as CSP `frame-ancestors`
    /// sources: `'self'` (the default), `'none'`, or sites such as
    /// `https://news.example.com` for a newsroom that embeds charts.
    #[arg(long, env = "TRADELINE_FRAME_ANCESTORS", default_value = "'self'", value_parser = parse_frame_ancestors)]
    pub frame_ancestors: String,

    /// Seconds a connection may take to send a request's headers (also
    /// between requests on a kept-alive connection) before it is closed.
    #[arg(long, env = "TRADELINE_HEADER_TIMEOUT", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=600))]
    pub header_timeout: u64,

    /// Connections served at once; more wait until one closes.
    #[arg(long, env = "TRADELINE_MAX_CONNECTIONS", default_value_t = 1024, value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
    pub max_connections: u64,

    /// Seconds to let requests in flight finish after SIGINT or SIGTERM.
    #[arg(long, env = "TRADELINE_SHUTDOWN_GRACE", default_value_t = 10)]
    pub shutdown_grace: u64,
}

impl ServeArgs {
    pub fn request_timeout(&self) -> Duration {
        Duration::from_secs(self.request_timeout)
    }
}

/// Where the store lives and what it accepts.
#[derive(Debug, Clone, Args)]
pub struct StoreArgs {
    /// Folder for tradeline's database (`tradeline.sqlite3`), created and
    /// migrated if needed. Articles, extractions and corrections live there.
    #[arg(
        long,
        value_name = "DIR",
        env = "TRADELINE_DATA_DIR",
        default_value = "tradeline-data"
    )]
    pub data_dir: PathBuf,

    /// A PostgreSQL database to use instead of the SQLite file in --data-dir,
    /// as postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE. Several instances
    /// can share one: each shows what any of them stores.
    #[arg(
        long,
        value_name = "URL",
        env = "TRADELINE_DATABASE_URL",
        hide_env_values = true
    )]
    pub database_url: Option<String>,

    /// Largest article accepted, in bytes (files and uploads alike).
    #[arg(long, value_name = "BYTES", env = "TRADELINE_MAX_ARTICLE_SIZE", default_value_t = 5 * 1024 * 1024)]
    pub max_article_size: usize,
}

#[derive(Debug, Clone, Args)]
pub struct IngestArgs {
    /// Corpus folders to read (.txt, .md, .html files; not recursive).
    #[arg(required = true, value_name = "DIR")]
    pub corpus: Vec<PathBuf>,

    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Clone, Args)]
pub struct ExtractArgs {
    /// Articles to read (.txt, .md, .html; anything else is read as plain text).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Print JSON (the documented contract) instead of a table.
    #[arg(long, env = "TRADELINE_JSON")]
    pub json: bool,

    /// Publication date to use when the text does not fix it, as YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD", env = "TRADELINE_PUBLISHED", value_parser = parse_date)]
    pub published: Option<NaiveDate>,
}

/// Draw a chart (or write its data) without a server.
#[derive(Debug, Clone, Args)]
#[command(
    after_help = "Examples:\n  tradeline export --chart trade-value --pair CN-RU --corpus ./articles -o chart.png\n  tradeline export --chart growth --format svg --theme dark --data-dir ./data -o growth.svg\n  tradeline export --chart timeline --from 2020 --to 2025 --format csv --corpus ./articles -o -"
)]
pub struct ExportArgs {
    /// Which chart: trade-value, growth or timeline.
    #[arg(long, value_parser = ["trade-value", "growth", "timeline"])]
    pub chart: String,

    /// The pair, as two ISO country codes or a bloc's code and a country's (CN-RU, ASEAN-IN: EU, ASEAN, EAEU, GCC, MERCOSUR, AFRICA); by default the pair with most data.
    #[arg(long)]
    pub pair: Option<String>,

    /// png, svg or csv; by default taken from the output's extension, else png.
    #[arg(long, value_parser = ["png", "svg", "csv"])]
    pub format: Option<String>,

    /// Where to write; `-` is standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,

    /// Width in CSS pixels (the image is `scale` times wider).
    #[arg(long, default_value_t = 1200)]
    pub width: u32,

    #[arg(long, default_value_t = 675)]
    pub height: u32,

    /// 1, 2 or 3, for high-density screens and print.
    #[arg(long, default_value_t = 1)]
    pub scale: u32,

    #[arg(long, value_parser = ["light", "dark", "transparent"], default_value = "light")]
    pub theme: String,

    /// First year shown.
    #[arg(long)]
    pub from: Option<i32>,

    /// Last year shown.
    #[arg(long)]
    pub to: Option<i32>,

    /// Layers to draw, comma-separated: trade, exports, imports, balance, derived, events, partyear, outliers, official (imported official statistics). All but partyear (part-year figures) and outliers (implausible values) by default.
    #[arg(long, value_name = "LAYERS")]
    pub show: Option<String>,

    /// Read these folders first. Without --data-dir they go into a temporary store, and nothing is left on disk.
    #[arg(long = "corpus", value_name = "DIR")]
    pub corpus: Vec<PathBuf>,

    /// The store to draw from (as `serve --data-dir`); default `tradeline-data` unless --corpus is given.
    // No `TRADELINE_DATA_DIR` here: a service's variable must not turn
    // `export --corpus` into a write to the live store.
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// A PostgreSQL database to draw from instead (as `serve --database-url`).
    // No `TRADELINE_DATABASE_URL` either, for the same reason.
    #[arg(long, value_name = "URL", conflicts_with = "data_dir")]
    pub database_url: Option<String>,

    #[arg(long, value_name = "BYTES", default_value_t = 5 * 1024 * 1024)]
    pub max_article_size: usize,
}

impl ExportArgs {
    /// The options as query parameters, so the command line and the HTTP
    /// endpoint check them with the same code and the same messages.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        let mut params = vec![
            ("width", self.width.to_string()),
            ("height", self.height.to_string()),
            ("scale", self.scale.to_string()),
            ("theme", self.theme.clone()),
        ];
        if let Some(pair) = &self.pair {
            params.push(("pair", pair.clone()));
        }
        if let Some(from) = self.from {
            params.push(("from", from.to_string()));
        }
        if let Some(to) = self.to {
            params.push(("to", to.to_string()));
        }
        if let Some(show) = &self.show {
            params.push(("show", show.clone()));
        }
        params
    }

    /// The format asked for, else the output file's extension, else PNG.
    pub fn format(&self) -> &str {
        match &self.format {
            Some(f) => f,
            None => match self.output.extension().and_then(|e| e.to_str()) {
                Some("svg") => "svg",
                Some("csv") => "csv",
                _ => "png",
            },
        }
    }
}

/// An admin token as given: not empty, and without spaces around it, since
/// it is compared exactly (an empty one would let an empty form field in).
fn parse_token(s: &str) -> Result<String, String> {
    if s.is_empty() {
        return Err("the admin token is empty; give a secret such as the output of `openssl rand -hex 16`, or leave the option out for a read-only server".to_owned());
    }
    if s.trim() != s {
        return Err(
            "the admin token has spaces around it; it is compared exactly, so give it without them"
                .to_owned(),
        );
    }
    Ok(s.to_owned())
}

/// CSP sources separated by spaces; nothing that could end the directive
/// or the header (`;`, `,`, control characters).
fn parse_frame_ancestors(s: &str) -> Result<String, String> {
    let s = s.trim();
    if s.is_empty() {
        return Err(
            "give at least one source, such as 'self' or https://news.example.com".to_owned(),
        );
    }
    if s.chars().any(|c| c == ';' || c == ',' || c.is_control()) {
        return Err(
            "sources are separated by spaces and hold no ';', ',' or control characters".to_owned(),
        );
    }
    Ok(s.to_owned())
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|e| format!("expected a date as YYYY-MM-DD, such as 2025-04-02 ({e})"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn serve_has_sensible_defaults() {
        let cli = Cli::try_parse_from(["tradeline", "serve"]).expect("parses");
        let Command::Serve(args) = cli.command else {
            panic!("expected serve");
        };
        assert_eq!(args.addr.to_string(), "127.0.0.1:3000");
        assert!(args.corpus.is_empty());
        assert_eq!(args.store.max_article_size, 5 * 1024 * 1024);
        assert!(
            args.admin_token.is_none(),
            "read-only unless a token is given"
        );
    }

    #[test]
    fn an_empty_or_padded_token_is_refused() {
        for bad in ["", " secret", "secret\n"] {
            let err = Cli::try_parse_from(["tradeline", "serve", "--admin-token", bad])
                .expect_err("refused");
            assert!(err.to_string().contains("admin token"), "{err}");
        }
        let cli =
            Cli::try_parse_from(["tradeline", "serve", "--admin-token", "s3cret"]).expect("parses");
        let Command::Serve(args) = cli.command else {
            panic!("expected serve");
        };
        assert_eq!(args.admin_token.as_deref(), Some("s3cret"));
    }

    #[test]
    fn frame_ancestors_are_sources_and_nothing_that_ends_the_header() {
        for bad in ["", "'self'; script-src *", "a,b", "'self'\nX-Evil: 1"] {
            assert!(
                Cli::try_parse_from(["tradeline", "serve", "--frame-ancestors", bad]).is_err(),
                "{bad:?}"
            );
        }
        let cli = Cli::try_parse_from([
            "tradeline",
            "serve",
            "--frame-ancestors",
            "'self' https://news.example.com",
        ])
        .expect("parses");
        let Command::Serve(args) = cli.command else {
            panic!("expected serve");
        };
        assert_eq!(args.frame_ancestors, "'self' https://news.example.com");
    }

    #[test]
    fn corpus_repeats() {
        let cli = Cli::try_parse_from(["tradeline", "serve", "--corpus", "a", "--corpus", "b"])
            .expect("parses");
        let Command::Serve(args) = cli.command else {
            panic!("expected serve");
        };
        assert_eq!(args.corpus, vec![PathBuf::from("a"), PathBuf::from("b")]);
    }

    #[test]
    fn a_malformed_published_date_is_refused_with_the_expected_form() {
        let err =
            Cli::try_parse_from(["tradeline", "extract", "--published", "2025-02-30", "x.txt"])
                .expect_err("refused");
        assert!(err.to_string().contains("YYYY-MM-DD"), "{err}");
    }
}
