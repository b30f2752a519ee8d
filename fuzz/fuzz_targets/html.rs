//! The HTML extractor on arbitrary bytes: never panics, and every metadata field it returns is sane.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    corroborate_ingest::fuzzing::html(data);
});
