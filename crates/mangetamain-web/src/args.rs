//! Command-line arguments.
#![allow(missing_docs)] // the fields are the documented options of USAGE

use std::path::PathBuf;

use mangetamain_core::s3::{S3Config, S3Location};
use mangetamain_core::DataSource;

/// The usage text.
pub const USAGE: &str = "mangetamain-web [serve|fetch|publish] [options]

  serve (default)  serve the web app
  fetch            download the dataset from --s3 into the local cache (unchanged files are skipped)
  publish          open the dataset (--data, --s3 or the bundled sample) and upload its DuckDB store to --s3

  --data DIR               a folder with the Kaggle files (RAW_recipes.csv, RAW_interactions.csv, ...);
                           default: the bundled sample in data/sample
  --s3 s3://BUCKET/PREFIX  a bucket holding the Kaggle files (serve, fetch) or receiving the store (publish)
  --endpoint URL           S3 endpoint of a non-AWS server, e.g. http://127.0.0.1:9000
  --region NAME            S3 region (default us-east-1)
  --path-style             path-style S3 URLs (most self-hosted servers)
  --profile NAME           profile of the AWS credentials file (default: AWS_PROFILE or default)
  --credentials-file FILE  AWS-format credentials file instead of ~/.aws/credentials
  --host ADDRESS           address to listen on (default 127.0.0.1)
  --port PORT              port (default 8501)
  --log-dir DIR            folder of the debug and error logs, rotated daily, 7 days kept
                           (default: logs)

Credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, or the credentials file.";

/// What to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Serve the web app.
    Serve,
    /// Download from S3 into the cache.
    Fetch,
    /// Upload the DuckDB store to S3.
    Publish,
}

/// Parsed arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct Args {
    pub command: Command,
    pub data: Option<PathBuf>,
    pub s3: Option<S3Location>,
    pub s3_config: S3Config,
    pub host: String,
    pub port: u16,
    pub log_dir: PathBuf,
    pub help: bool,
}

impl Args {
    /// Parses the arguments after the program name.
    pub fn parse(args: impl Iterator<Item = String>) -> Result<Args, String> {
        let mut args = args.peekable();
        let command = match args.peek().map(String::as_str) {
            Some("serve") => Command::Serve,
            Some("fetch") => Command::Fetch,
            Some("publish") => Command::Publish,
            _ => Command::Serve,
        };
        if matches!(
            args.peek().map(String::as_str),
            Some("serve" | "fetch" | "publish")
        ) {
            args.next();
        }
        let mut parsed = Args {
            command,
            data: None,
            s3: None,
            s3_config: S3Config::default(),
            host: "127.0.0.1".to_string(),
            port: 8501,
            log_dir: PathBuf::from("logs"),
            help: false,
        };
        while let Some(arg) = args.next() {
            let mut value = |name: &str| {
                args.next()
                    .ok_or_else(|| format!("{name} needs a value\n\n{USAGE}"))
            };
            match arg.as_str() {
                "--data" => parsed.data = Some(PathBuf::from(value("--data")?)),
                "--s3" => {
                    parsed.s3 = Some(S3Location::parse(&value("--s3")?).map_err(|e| e.to_string())?)
                }
                "--endpoint" => parsed.s3_config.endpoint = Some(value("--endpoint")?),
                "--region" => parsed.s3_config.region = Some(value("--region")?),
                "--profile" => parsed.s3_config.profile = Some(value("--profile")?),
                "--credentials-file" => {
                    parsed.s3_config.credentials_file =
                        Some(PathBuf::from(value("--credentials-file")?))
                }
                "--path-style" => parsed.s3_config.path_style = true,
                "--host" => parsed.host = value("--host")?,
                "--port" => {
                    let text = value("--port")?;
                    parsed.port = text
                        .parse()
                        .map_err(|_| format!("--port: '{text}' is not a port number"))?;
                }
                "--log-dir" => parsed.log_dir = PathBuf::from(value("--log-dir")?),
                "-h" | "--help" => parsed.help = true,
                other => return Err(format!("unknown argument '{other}'\n\n{USAGE}")),
            }
        }
        if parsed.data.is_some() && parsed.s3.is_some() && parsed.command != Command::Publish {
            return Err("give either --data or --s3, not both".to_string());
        }
        if parsed.command != Command::Serve && parsed.s3.is_none() && !parsed.help {
            return Err(format!(
                "this command needs --s3 s3://BUCKET/PREFIX\n\n{USAGE}"
            ));
        }
        Ok(parsed)
    }

    /// The dataset source the arguments select (for `publish`, --s3 is the destination).
    pub fn source(&self) -> DataSource {
        match (&self.data, &self.s3, self.command) {
            (Some(dir), _, _) => DataSource::LocalDir(dir.clone()),
            (None, Some(location), Command::Serve | Command::Fetch) => DataSource::S3 {
                location: location.clone(),
                config: self.s3_config.clone(),
            },
            _ => DataSource::BundledSample,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Args, String> {
        Args::parse(args.iter().map(|s| s.to_string()))
    }

    #[test]
    fn defaults_serve_the_bundled_sample_on_8501() {
        let args = parse(&[]).unwrap();
        assert_eq!(args.command, Command::Serve);
        assert_eq!(
            (args.host.as_str(), args.port, args.source()),
            ("127.0.0.1", 8501, DataSource::BundledSample)
        );
    }

    #[test]
    fn s3_flags_build_an_s3_source() {
        let args = parse(&[
            "fetch",
            "--s3",
            "s3://mangetamain/kaggle",
            "--endpoint",
            "http://127.0.0.1:9000",
            "--region",
            "garage-fast",
            "--path-style",
            "--profile",
            "s3fast",
        ])
        .unwrap();
        assert_eq!(args.command, Command::Fetch);
        let DataSource::S3 { location, config } = args.source() else {
            panic!("expected an S3 source");
        };
        assert_eq!(
            (location.bucket.as_str(), location.prefix.as_str()),
            ("mangetamain", "kaggle")
        );
        assert_eq!(config.endpoint.as_deref(), Some("http://127.0.0.1:9000"));
        assert_eq!(config.region.as_deref(), Some("garage-fast"));
        assert!(config.path_style);
        assert_eq!(config.profile.as_deref(), Some("s3fast"));
    }

    #[test]
    fn bad_arguments_are_explained() {
        assert!(parse(&["--port", "http"])
            .unwrap_err()
            .contains("not a port number"));
        assert!(parse(&["--data"]).unwrap_err().contains("needs a value"));
        assert!(parse(&["--nope"]).unwrap_err().contains("unknown argument"));
        assert!(parse(&["fetch"]).unwrap_err().contains("needs --s3"));
        assert!(parse(&["--s3", "bucket"])
            .unwrap_err()
            .contains("not an S3 location"));
        assert!(parse(&["--s3", "s3://b", "--data", "/x"])
            .unwrap_err()
            .contains("either"));
        assert_eq!(
            parse(&["--data", "/x"]).unwrap().source(),
            DataSource::LocalDir("/x".into())
        );
    }
}
