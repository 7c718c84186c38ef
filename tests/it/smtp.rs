//! A real SMTP server for the tests: it speaks enough SMTP over TCP for lettre's SMTP
//! transport, keeps every message, and can be taken down and brought back on its port.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use rocket::tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use rocket::tokio::net::TcpListener;
use rocket::tokio::task::JoinHandle;

use crate::support::{Backend, TestApp, start_with_smtp};

#[derive(Debug, Clone)]
pub struct Received {
    pub to: Vec<String>,
    pub data: Vec<u8>,
}

impl Received {
    pub fn parsed(&self) -> mail_parser::Message<'_> {
        mail_parser::MessageParser::default()
            .parse(&self.data)
            .expect("a MIME message")
    }

    /// The subject and the text part.
    pub fn subject_and_text(&self) -> (String, String) {
        let p = self.parsed();
        (
            p.subject().unwrap_or_default().to_owned(),
            p.body_text(0).unwrap_or_default().into_owned(),
        )
    }
}

pub struct SmtpSink {
    pub port: u16,
    messages: Arc<Mutex<Vec<Received>>>,
    task: Mutex<Option<JoinHandle<()>>>,
}

async fn session(
    stream: rocket::tokio::net::TcpStream,
    store: Arc<Mutex<Vec<Received>>>,
) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read);
    write.write_all(b"220 sink.test ESMTP\r\n").await?;
    let mut to = Vec::new();
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let upper = line.to_ascii_uppercase();
        if upper.starts_with("EHLO") {
            write
                .write_all(b"250-sink.test\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n")
                .await?;
        } else if upper.starts_with("HELO")
            || upper.starts_with("MAIL FROM")
            || upper.starts_with("NOOP")
        {
            write.write_all(b"250 OK\r\n").await?;
        } else if upper.starts_with("RSET") {
            to.clear();
            write.write_all(b"250 OK\r\n").await?;
        } else if upper.starts_with("RCPT TO:") {
            to.push(line[8..].trim().trim_matches(['<', '>']).to_owned());
            write.write_all(b"250 OK\r\n").await?;
        } else if upper.starts_with("DATA") {
            write.write_all(b"354 go ahead\r\n").await?;
            let mut data = Vec::new();
            loop {
                line.clear();
                if lines.read_line(&mut line).await? == 0 {
                    return Ok(());
                }
                if line == ".\r\n" {
                    break;
                }
                // undo dot-stuffing
                let l = line.strip_prefix('.').unwrap_or(&line);
                data.extend_from_slice(l.as_bytes());
            }
            store.lock().unwrap().push(Received {
                to: std::mem::take(&mut to),
                data,
            });
            write.write_all(b"250 queued\r\n").await?;
        } else if upper.starts_with("QUIT") {
            write.write_all(b"221 bye\r\n").await?;
            return Ok(());
        } else {
            write.write_all(b"502 not implemented\r\n").await?;
        }
    }
}

impl SmtpSink {
    pub async fn start() -> SmtpSink {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind SMTP");
        let port = listener.local_addr().unwrap().port();
        let sink = SmtpSink {
            port,
            messages: Arc::new(Mutex::new(Vec::new())),
            task: Mutex::new(None),
        };
        sink.serve(listener);
        sink
    }

    fn serve(&self, listener: TcpListener) {
        let store = self.messages.clone();
        let task = rocket::tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let store = store.clone();
                rocket::tokio::spawn(async move {
                    let _ = session(stream, store).await;
                });
            }
        });
        *self.task.lock().unwrap() = Some(task);
    }

    /// The server goes away: connections to its port are refused.
    pub fn stop(&self) {
        if let Some(t) = self.task.lock().unwrap().take() {
            t.abort();
        }
    }

    /// Back on the same port.
    pub async fn restart(&self) {
        for _ in 0..50 {
            if let Ok(l) = TcpListener::bind(("127.0.0.1", self.port)).await {
                self.serve(l);
                return;
            }
            rocket::tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("port {} not free again", self.port);
    }

    pub fn messages(&self) -> Vec<Received> {
        self.messages.lock().unwrap().clone()
    }

    /// Waits until at least `n` messages arrived (at most `secs` seconds).
    pub async fn wait_for(&self, n: usize, secs: u64) -> Vec<Received> {
        let deadline = std::time::Instant::now() + Duration::from_secs(secs);
        loop {
            let m = self.messages();
            if m.len() >= n || std::time::Instant::now() > deadline {
                return m;
            }
            rocket::tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        self.stop();
    }
}

/// An app sending to a fresh SMTP server; `None` where the backend is not there (as
/// `start`).
pub async fn start_with_sink(backend: Backend) -> Option<(TestApp, SmtpSink)> {
    let sink = SmtpSink::start().await;
    let app = start_with_smtp(backend, sink.port).await?;
    Some((app, sink))
}

/// Like `both_backends!`, with the app sending to a fresh SMTP server: each test is an
/// `async fn name(app: TestApp, sink: SmtpSink)`.
#[macro_export]
macro_rules! with_smtp {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[rocket::async_test]
            async fn sqlite() {
                if let Some((app, sink)) =
                    $crate::smtp::start_with_sink($crate::support::Backend::Sqlite).await
                {
                    super::$name(app, sink).await;
                }
            }
            #[rocket::async_test]
            async fn postgres() {
                if let Some((app, sink)) =
                    $crate::smtp::start_with_sink($crate::support::Backend::Postgres).await
                {
                    super::$name(app, sink).await;
                }
            }
        }
    )*};
}
