//! The tiny process helper: every command is echoed before it runs (so a CI
//! log shows exactly what to re-run by hand) and runs with the workspace's
//! child environment.

use std::ffi::{OsStr, OsString};
use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;

use anyhow::{bail, Context, Result};

use crate::workspace::Workspace;

pub struct Cmd {
    program: OsString,
    args: Vec<OsString>,
    cwd: PathBuf,
    envs: Vec<(OsString, OsString)>,
}

impl Workspace {
    /// A command run from the repository root with PATH and CARGO_TARGET_DIR set.
    pub fn cmd(&self, program: impl AsRef<OsStr>) -> Cmd {
        Cmd {
            program: program.as_ref().to_owned(),
            args: Vec::new(),
            cwd: self.root.clone(),
            envs: vec![
                ("PATH".into(), self.child_path()),
                ("CARGO_TARGET_DIR".into(), self.target_dir.clone().into()),
            ],
        }
    }
}

impl Cmd {
    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Cmd {
        self.args.push(arg.as_ref().to_owned());
        self
    }

    pub fn args<I, S>(mut self, args: I) -> Cmd
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.args
            .extend(args.into_iter().map(|a| a.as_ref().to_owned()));
        self
    }

    pub fn cwd(mut self, dir: impl AsRef<Path>) -> Cmd {
        self.cwd = dir.as_ref().to_path_buf();
        self
    }

    pub fn env(mut self, key: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> Cmd {
        self.envs
            .push((key.as_ref().to_owned(), value.as_ref().to_owned()));
        self
    }

    /// The command line as a user would type it (for logs and error messages).
    pub fn display(&self) -> String {
        let mut line = self.program.to_string_lossy().into_owned();
        for arg in &self.args {
            let arg = arg.to_string_lossy();
            if arg.contains(' ') || arg.is_empty() {
                let _ = write!(line, " '{arg}'");
            } else {
                let _ = write!(line, " {arg}");
            }
        }
        line
    }

    fn command(&self) -> Command {
        let mut command = Command::new(&self.program);
        command.args(&self.args).current_dir(&self.cwd);
        for (key, value) in &self.envs {
            command.env(key, value);
        }
        command
    }

    /// Run with inherited stdio; an unsuccessful exit is an error.
    pub fn run(self) -> Result<()> {
        if self.status()? {
            Ok(())
        } else {
            bail!("command failed: {}", self.display())
        }
    }

    /// Run with inherited stdio and report whether it succeeded.
    pub fn status(&self) -> Result<bool> {
        println!("$ {}", self.display());
        let status = self
            .command()
            .status()
            .with_context(|| format!("cannot start `{}`", self.display()))?;
        Ok(status.success())
    }

    /// Quietly capture stdout of a probe such as `trunk --version`.
    /// `None` when the program is missing or exits unsuccessfully.
    pub fn probe(&self) -> Option<String> {
        let output = self
            .command()
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .output()
            .ok()?;
        output
            .status
            .success()
            .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
    }

    /// Run, streaming stdout and stderr live while also capturing them, so
    /// the suite can repeat each runner's summary lines at the very end.
    pub fn run_tee(&self) -> Result<(bool, String)> {
        println!("$ {}", self.display());
        let mut child = self
            .command()
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .with_context(|| format!("cannot start `{}`", self.display()))?;
        let captured = Arc::new(Mutex::new(String::new()));
        let stdout = child.stdout.take().context("stdout was not piped")?;
        let stderr = child.stderr.take().context("stderr was not piped")?;
        let out_thread = tee_lines(stdout, captured.clone(), false);
        let err_thread = tee_lines(stderr, captured.clone(), true);
        let status = child.wait()?;
        let _ = out_thread.join();
        let _ = err_thread.join();
        let text = captured.lock().map(|s| s.clone()).unwrap_or_default();
        Ok((status.success(), text))
    }
}

fn tee_lines(
    stream: impl Read + Send + 'static,
    captured: Arc<Mutex<String>>,
    to_stderr: bool,
) -> thread::JoinHandle<()> {
    thread::spawn(move || {
        let mut reader = BufReader::new(stream);
        let mut line = Vec::new();
        while reader.read_until(b'\n', &mut line).unwrap_or(0) > 0 {
            let text = String::from_utf8_lossy(&line);
            if to_stderr {
                let _ = std::io::stderr().write_all(text.as_bytes());
            } else {
                let _ = std::io::stdout().write_all(text.as_bytes());
            }
            if let Ok(mut all) = captured.lock() {
                all.push_str(&text);
            }
            line.clear();
        }
    })
}
