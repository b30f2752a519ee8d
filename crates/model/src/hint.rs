//! Hints to the processor that change speed, never results.

/// Asks the processor to load the cache line holding `x` into its nearest cache, without waiting for
/// it. The learned taggers score tokens one after another, and each token's features are random
/// reads into weight tables of megabytes; asking for the next token's rows while the current one is
/// scored lets those reads overlap instead of waiting one by one. Nothing on targets without a
/// stable prefetch instruction in `core::arch`.
#[inline(always)]
pub fn prefetch<T>(x: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch reads nothing architecturally and cannot fault; `x` is a valid reference.
    unsafe {
        core::arch::x86_64::_mm_prefetch::<{ core::arch::x86_64::_MM_HINT_T0 }>((x as *const T).cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}
