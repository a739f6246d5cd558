//! Who is asking, for per-client limits: the connection's peer address
//! (`serve` records it), or, when `TRUST_FORWARDED_FOR` says a proxy of
//! ours appends it, the last address in `X-Forwarded-For`. Unknown (tests
//! in-process, Lambda without that setting): `None`, one shared bucket.

use std::net::{IpAddr, Ipv6Addr, SocketAddr};

use axum::{extract::ConnectInfo, http::request::Parts};

/// The client's address as limits count it: an IPv6 client is its /64,
/// the block one subscriber or host is usually given.
pub fn client_address(parts: &Parts, trust_forwarded_for: bool) -> Option<IpAddr> {
    let forwarded = || {
        // The last entry is the one our proxy saw; earlier ones are the
        // client's to write.
        let header = parts
            .headers
            .get_all("x-forwarded-for")
            .iter()
            .next_back()?;
        header
            .to_str()
            .ok()?
            .rsplit(',')
            .next()?
            .trim()
            .parse()
            .ok()
    };
    let peer = || {
        parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| addr.ip())
    };
    let ip = if trust_forwarded_for {
        forwarded().or_else(peer)
    } else {
        peer()
    };
    ip.map(|ip| match ip.to_canonical() {
        IpAddr::V6(v6) => IpAddr::V6(Ipv6Addr::from_bits(v6.to_bits() & !0u128 << 64)),
        v4 => v4,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::Request;

    fn parts(forwarded: Option<&str>, peer: Option<&str>) -> Parts {
        let mut request = Request::builder();
        if let Some(value) = forwarded {
            request = request.header("x-forwarded-for", value);
        }
        let (mut parts, ()) = request.body(()).unwrap().into_parts();
        if let Some(peer) = peer {
            parts
                .extensions
                .insert(ConnectInfo::<SocketAddr>(peer.parse().unwrap()));
        }
        parts
    }

    fn ip(s: &str) -> Option<IpAddr> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn the_peer_counts_unless_a_proxy_is_trusted() {
        let p = parts(Some("203.0.113.9, 198.51.100.7"), Some("10.0.0.2:5000"));
        assert_eq!(
            client_address(&p, false),
            ip("10.0.0.2"),
            "a forged header is ignored"
        );
        assert_eq!(
            client_address(&p, true),
            ip("198.51.100.7"),
            "the proxy's entry, not the client's"
        );
        assert_eq!(
            client_address(&parts(None, Some("10.0.0.2:1")), true),
            ip("10.0.0.2")
        );
        assert_eq!(client_address(&parts(Some("junk"), None), true), None);
        assert_eq!(client_address(&parts(None, None), false), None);
    }

    #[test]
    fn an_ipv6_client_is_its_64_block() {
        let a = parts(None, Some("[2001:db8:1:2:aaaa::1]:443"));
        let b = parts(None, Some("[2001:db8:1:2:bbbb::9]:443"));
        assert_eq!(client_address(&a, false), ip("2001:db8:1:2::"));
        assert_eq!(client_address(&a, false), client_address(&b, false));
        let mapped = parts(None, Some("[::ffff:192.0.2.1]:1"));
        assert_eq!(client_address(&mapped, false), ip("192.0.2.1"));
    }
}
