//! What both signature checks (Discord's Ed25519, Twitch's HMAC) share:
//! signatures arrive as lowercase hex, with one spelling per signature.

/// Digits and `a`–`f` only (`hex` would also take `A`–`F`).
pub fn is_lower_hex(s: &str) -> bool {
    s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

#[cfg(test)]
pub(crate) mod tests {
    /// `s` with the byte at `index` replaced by another printable ASCII byte
    /// (both signature checks' property tests forge with it).
    pub(crate) fn alter(s: &str, index: usize, replacement: u8) -> String {
        let mut bytes = s.as_bytes().to_vec();
        let i = index % bytes.len();
        let mut new = b' ' + replacement % 95;
        if new == bytes[i] {
            new = if new == b'~' { b' ' } else { new + 1 };
        }
        bytes[i] = new;
        String::from_utf8(bytes).expect("ASCII in, ASCII out")
    }

    #[test]
    fn only_lowercase_hex_is_hex() {
        assert!(super::is_lower_hex("09af"));
        assert!(!super::is_lower_hex("09AF"));
        assert!(!super::is_lower_hex("0x"));
    }
}
