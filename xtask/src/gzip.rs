//! gzip at level 9, as `gzip -9` does: the single file embeds its wasm this
//! way and the size report measures transfer sizes with it.

use std::io::Write;

use flate2::write::GzEncoder;
use flate2::Compression;

pub fn gzip_best(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    // Writing to a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}
