//! The RSS/Atom reader on arbitrary bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    corroborate_ingest::fuzzing::feed(data);
});
