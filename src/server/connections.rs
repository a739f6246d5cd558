//! `serve`'s front door: accepts TCP connections and speaks HTTP/1.1 on them
//! with limits, so clients that are slow, idle or many cannot pile up.

use std::{convert::Infallible, io, net::SocketAddr, sync::Arc, time::Duration};

use axum::{
    Router,
    extract::{ConnectInfo, Request},
};
use hyper::{body::Incoming, server::conn::http1, service::service_fn};
use hyper_util::{
    rt::{TokioIo, TokioTimer},
    server::graceful::GracefulShutdown,
};
use tokio::{
    net::{TcpListener, TcpStream},
    sync::{OwnedSemaphorePermit, Semaphore},
};
use tower::Service;

/// How long a client has to send a whole request head (request line and
/// headers), counted from the moment the server waits for one: on a new
/// connection, and again after each response on a kept-alive one, so it is
/// also how long an idle keep-alive connection lives. Discord, Twitch and a
/// reverse proxy send each request whole, in one write; a browser's head is
/// a few KiB and leaves at once even on a poor mobile link. Ten seconds is
/// generous for all of them and the same as the request timeout
/// (`app::REQUEST_TIMEOUT`), so no connection holds a slot for longer than
/// ten seconds without doing work.
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);

/// At most this many connections are open at once. At the cap the server
/// stops accepting until one closes: new clients wait in the kernel's listen
/// queue and are served when a slot frees (within `HEADER_READ_TIMEOUT` if
/// the slots are held by clients that send nothing), rather than being
/// refused outright. Behind a reverse proxy a handful of connections carry
/// everything; direct traffic from Discord, Twitch and browsers is tens at
/// most. 512 also keeps the process well inside the usual 1,024 open files,
/// leaving room for the database pool and outgoing requests.
pub const MAX_CONNECTIONS: usize = 512;

/// The most a request head may buffer (hyper's `max_buf_size`; larger heads
/// get 431). hyper's default, about 400 KiB, would let each slow connection
/// hold that much memory; real heads are a few KiB, and 32 KiB is what nginx
/// allows by default.
pub const MAX_HEAD_BYTES: usize = 32 * 1024;

/// After the shutdown signal, how long connections get to finish: a request
/// in flight has at most `app::REQUEST_TIMEOUT` (10 s) left and a
/// half-received head at most `HEADER_READ_TIMEOUT`; only a client that
/// stopped reading its response could take longer.
pub const DRAIN_TIMEOUT: Duration = Duration::from_secs(10);

/// Serves `router` on `listener` until `shutdown` completes, then stops
/// accepting and lets open connections finish (at most `DRAIN_TIMEOUT`).
/// Handlers find the peer's address as `ConnectInfo<SocketAddr>`.
pub async fn serve(listener: TcpListener, router: Router, shutdown: impl Future<Output = ()>) {
    let slots = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    let graceful = GracefulShutdown::new();
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(HEADER_READ_TIMEOUT)
        .max_buf_size(MAX_HEAD_BYTES);
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let slot = tokio::select! {
            slot = Arc::clone(&slots).acquire_owned() => slot,
            () = &mut shutdown => break,
        };
        let Ok(slot) = slot else { break };
        let (stream, peer) = tokio::select! {
            accepted = accept(&listener) => accepted,
            () = &mut shutdown => break,
        };
        let connection = http.serve_connection(TokioIo::new(stream), handler(&router, peer));
        let connection = graceful.watch(connection);
        tokio::spawn(finish(connection, slot));
    }
    drop(listener);
    if tokio::time::timeout(DRAIN_TIMEOUT, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("some connections were still open {DRAIN_TIMEOUT:?} after shutdown");
    }
}

/// The router as hyper calls it, with the peer's address attached.
fn handler(
    router: &Router,
    peer: SocketAddr,
) -> impl hyper::service::Service<
    hyper::Request<Incoming>,
    Response = axum::response::Response,
    Error = Infallible,
    Future: Send,
> + use<> {
    let router = router.clone();
    service_fn(move |mut request: hyper::Request<Incoming>| {
        request.extensions_mut().insert(ConnectInfo(peer));
        router
            .clone()
            .call(request.map(axum::body::Body::new) as Request)
    })
}

/// Drives one connection to its end, then frees its slot.
async fn finish(connection: impl Future<Output = hyper::Result<()>>, slot: OwnedSemaphorePermit) {
    if let Err(error) = connection.await {
        // Timeouts, resets and malformed heads: the client's doing, and
        // routine on the open internet.
        tracing::debug!("connection ended: {error}");
    }
    drop(slot);
}

/// The next connection, with `TCP_NODELAY` set: responses are written whole,
/// so waiting to coalesce them only adds latency. Errors that concern one
/// connection are skipped; others (out of file descriptors) are logged and
/// retried after a second, so they neither spin nor end the server.
async fn accept(listener: &TcpListener) -> (TcpStream, SocketAddr) {
    loop {
        match listener.accept().await {
            Ok((stream, peer)) => {
                if let Err(error) = stream.set_nodelay(true) {
                    tracing::debug!("setting TCP_NODELAY for {peer}: {error}");
                }
                return (stream, peer);
            }
            Err(error) if is_connection_error(&error) => {}
            Err(error) => {
                tracing::error!("accepting a connection: {error}");
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        }
    }
}

fn is_connection_error(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::ConnectionRefused
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
    )
}
