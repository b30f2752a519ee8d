//! The WARC reader on arbitrary bytes, plain and behind gzip: never panics, never loops.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    corroborate_ingest::fuzzing::warc(data);
});
