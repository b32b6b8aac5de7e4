//! Which address a request comes from, for the per-address limits (sign-in,
//! registration, password resets, household codes).
//!
//! Without configuration it is the peer of the TCP connection. Behind a
//! reverse proxy that peer is the proxy, and every visitor would share one
//! bucket; `PALIER_TRUSTED_PROXIES` names the proxies (addresses or CIDR
//! ranges) whose word is taken. The forwarding header
//! (`PALIER_FORWARDED_HEADER`: `x-forwarded-for`, the default, or
//! `forwarded`, RFC 7239) is then read from the right, the hop nearest to
//! us first: each trusted hop passes the question to the address it was
//! talking to, and the first address that is not a trusted proxy is the
//! client. Whatever a client writes in the header itself sits to the left
//! of what its proxy appended, so it is never reached. Only the header the
//! proxy is configured to write is read: a proxy that writes
//! `X-Forwarded-For` passes a client's own `Forwarded` header through.

use axum::body::Body;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, Request};
use axum::middleware::Next;
use axum::response::Response;
use ipnet::IpNet;
use palier_app::server::ClientIp;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

/// The most forwarding hops looked at; a longer chain is someone's invention.
const MAX_HOPS: usize = 16;

/// The header the trusted proxies write the client's address in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ForwardedHeader {
    #[default]
    XForwardedFor,
    /// RFC 7239 `Forwarded: for=…`.
    Forwarded,
}

impl std::str::FromStr for ForwardedHeader {
    type Err = ();

    fn from_str(text: &str) -> Result<Self, ()> {
        match text.trim().to_ascii_lowercase().as_str() {
            "x-forwarded-for" => Ok(Self::XForwardedFor),
            "forwarded" => Ok(Self::Forwarded),
            _ => Err(()),
        }
    }
}

/// The reverse proxies whose forwarding header is believed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies {
    networks: Vec<IpNet>,
    header: ForwardedHeader,
}

impl TrustedProxies {
    /// Parses a list of addresses and CIDR ranges separated by commas or
    /// spaces (`127.0.0.1, 10.0.0.0/8, ::1`); the entry that is neither is
    /// the error.
    pub fn parse(list: &str, header: ForwardedHeader) -> Result<Self, String> {
        let networks = list
            .split([',', ' ', '\t', '\n'])
            .filter(|entry| !entry.is_empty())
            .map(|entry| {
                entry
                    .parse::<IpNet>()
                    .or_else(|_| entry.parse::<IpAddr>().map(IpNet::from))
                    .map(|net| net.trunc())
                    .map_err(|_| entry.to_owned())
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self { networks, header })
    }

    /// Whether no proxy is trusted (the peer is always the client).
    pub fn is_empty(&self) -> bool {
        self.networks.is_empty()
    }

    fn trusts(&self, address: IpAddr) -> bool {
        self.networks.iter().any(|net| net.contains(&address))
    }

    /// The client of a request that reached us from `peer` with `headers`.
    pub fn client(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        let mut client = peer.to_canonical();
        if !self.trusts(client) {
            return client;
        }
        let hops = match self.header {
            ForwardedHeader::XForwardedFor => hops(headers, "x-forwarded-for", parse_x_forwarded_for),
            ForwardedHeader::Forwarded => hops(headers, "forwarded", parse_forwarded_for),
        };
        for hop in hops.into_iter().rev().take(MAX_HOPS) {
            // A hop we cannot read (a name, "unknown", garbage): the trusted
            // proxy that wrote it is as far as we can see.
            let Some(address) = hop else { return client };
            client = address.to_canonical();
            if !self.trusts(client) {
                return client;
            }
        }
        client
    }
}

/// Every hop of every `name` header, in order, each parsed by `parse`
/// (`None` for one that is not an address). Hops are split on the raw
/// bytes: a client's non-ASCII garbage is one unreadable hop, and the
/// address its proxy appended on the same line stays readable.
fn hops(headers: &HeaderMap, name: &str, parse: fn(&str) -> Option<IpAddr>) -> Vec<Option<IpAddr>> {
    headers
        .get_all(name)
        .iter()
        .flat_map(|value| value.as_bytes().split(|byte| *byte == b','))
        .map(|hop| std::str::from_utf8(hop).ok().and_then(|text| parse(text.trim())))
        .collect()
}

/// `203.0.113.7`, `2001:db8::1`, and the `address:port` some proxies write.
fn parse_x_forwarded_for(hop: &str) -> Option<IpAddr> {
    hop.parse::<IpAddr>().ok().or_else(|| hop.parse::<SocketAddr>().ok().map(|s| s.ip()))
}

/// The `for=` of one RFC 7239 element: `for=192.0.2.60;proto=http`,
/// `for="[2001:db8:cafe::17]:4711"`.
fn parse_forwarded_for(element: &str) -> Option<IpAddr> {
    let value = element.split(';').find_map(|pair| {
        let (name, value) = pair.trim().split_once('=')?;
        name.trim().eq_ignore_ascii_case("for").then(|| value.trim().trim_matches('"'))
    })?;
    if let Some(bracketed) = value.strip_prefix('[') {
        return bracketed.split(']').next()?.parse().ok();
    }
    parse_x_forwarded_for(value)
}

/// The client as the per-address limits count it: an IPv4 address, or the
/// /64 network of an IPv6 one (one subscriber gets a whole /64, and would
/// otherwise have 2^64 buckets).
pub fn limit_key(address: IpAddr) -> String {
    match address {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => ipnet::Ipv6Net::new(v6, 64).map_or_else(|_| v6.to_string(), |net| net.trunc().to_string()),
    }
}

/// Puts the client's address ([`ClientIp`], see [`limit_key`]) in the request's extensions.
pub async fn resolve(State(proxies): State<Arc<TrustedProxies>>, mut request: Request<Body>, next: Next) -> Response {
    let peer = request.extensions().get::<ConnectInfo<SocketAddr>>().map(|info| info.0.ip());
    let ip = match peer {
        Some(peer) => limit_key(proxies.client(peer, request.headers())),
        None => "unknown".to_owned(),
    };
    request.extensions_mut().insert(ClientIp(ip));
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, value.parse().unwrap());
        }
        map
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn without_trusted_proxies_the_peer_is_the_client() {
        let none = TrustedProxies::default();
        assert!(none.is_empty());
        let forged = headers(&[("x-forwarded-for", "198.51.100.1"), ("forwarded", "for=198.51.100.1")]);
        assert_eq!(none.client(ip("203.0.113.7"), &forged), ip("203.0.113.7"));
    }

    #[test]
    fn the_first_untrusted_hop_from_the_right_is_the_client() {
        let proxies = TrustedProxies::parse("127.0.0.1, 10.0.0.0/8", ForwardedHeader::XForwardedFor).unwrap();
        // What the client wrote itself is left of what its proxy appended.
        let chain = headers(&[("x-forwarded-for", "198.51.100.1, 203.0.113.7, 10.1.2.3")]);
        assert_eq!(proxies.client(ip("127.0.0.1"), &chain), ip("203.0.113.7"));
        // Several header lines are one list.
        let lines = headers(&[("x-forwarded-for", "198.51.100.1"), ("x-forwarded-for", "203.0.113.7:5123")]);
        assert_eq!(proxies.client(ip("127.0.0.1"), &lines), ip("203.0.113.7"));
        // An untrusted peer's header is not believed.
        assert_eq!(proxies.client(ip("192.0.2.1"), &chain), ip("192.0.2.1"));
        // No header: the proxy itself.
        assert_eq!(proxies.client(ip("127.0.0.1"), &HeaderMap::new()), ip("127.0.0.1"));
        // Garbage stops the walk at the proxy that wrote it.
        let garbage = headers(&[("x-forwarded-for", "203.0.113.7, evil, 10.0.0.2")]);
        assert_eq!(proxies.client(ip("127.0.0.1"), &garbage), ip("10.0.0.2"));
        // A client's non-UTF-8 bytes do not hide the address its proxy appended.
        let mut bytes = HeaderMap::new();
        bytes.append("x-forwarded-for", axum::http::HeaderValue::from_bytes(b"\xff\xfe, 203.0.113.9").unwrap());
        assert_eq!(proxies.client(ip("127.0.0.1"), &bytes), ip("203.0.113.9"));
        // IPv4 seen through an IPv6 socket is the same address.
        assert_eq!(proxies.client(ip("::ffff:127.0.0.1"), &chain), ip("203.0.113.7"));
    }

    #[test]
    fn rfc_7239_elements_are_read_when_chosen() {
        let proxies = TrustedProxies::parse("::1", ForwardedHeader::Forwarded).unwrap();
        let chain =
            headers(&[("forwarded", "for=198.51.100.1, for=\"[2001:db8:cafe::17]:4711\";proto=https;by=\"[::1]\"")]);
        assert_eq!(proxies.client(ip("::1"), &chain), ip("2001:db8:cafe::17"));
        let plain = headers(&[("forwarded", "For=192.0.2.60;proto=http")]);
        assert_eq!(proxies.client(ip("::1"), &plain), ip("192.0.2.60"));
        // The other header is someone's invention.
        let other = headers(&[("x-forwarded-for", "203.0.113.7")]);
        assert_eq!(proxies.client(ip("::1"), &other), ip("::1"));
        let hidden = headers(&[("forwarded", "for=_hidden")]);
        assert_eq!(proxies.client(ip("::1"), &hidden), ip("::1"));
    }

    #[test]
    fn ipv6_clients_are_counted_by_their_64_network() {
        assert_eq!(limit_key(ip("203.0.113.7")), "203.0.113.7");
        assert_eq!(limit_key(ip("2001:db8:1:2:aaaa::1")), "2001:db8:1:2::/64");
        assert_eq!(limit_key(ip("2001:db8:1:2:ffff::9")), limit_key(ip("2001:db8:1:2::1")));
        assert_ne!(limit_key(ip("2001:db8:1:3::1")), limit_key(ip("2001:db8:1:2::1")));
    }

    #[test]
    fn bad_lists_name_the_bad_entry() {
        assert_eq!(
            TrustedProxies::parse("10.0.0.0/8, proxy.local", ForwardedHeader::default()),
            Err("proxy.local".into())
        );
        assert_eq!(TrustedProxies::parse("10.0.0.0/33", ForwardedHeader::default()), Err("10.0.0.0/33".into()));
        assert!(TrustedProxies::parse("", ForwardedHeader::default()).unwrap().is_empty());
    }
}
