//! A stable content hash for names and stamps: 64-bit FNV-1a (the `fnv`
//! crate, the same function the corpus pipeline uses for its digests) as
//! 16 lower-case hex digits. Not for security, only to notice a change.

use std::hash::Hasher;

pub fn fnv1a64_hex(bytes: &[u8]) -> String {
    let mut hasher = fnv::FnvHasher::default();
    hasher.write(bytes);
    format!("{:016x}", hasher.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_fnv1a_reference_values() {
        assert_eq!(fnv1a64_hex(b""), "cbf29ce484222325");
        assert_eq!(fnv1a64_hex(b"a"), "af63dc4c8601ec8c");
        assert_ne!(fnv1a64_hex(b"lock-a"), fnv1a64_hex(b"lock-b"));
    }
}
