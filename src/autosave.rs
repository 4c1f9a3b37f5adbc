//! When autosave writes: after [`DEBOUNCE_MS`] without a change, and at most
//! [`MAX_WAIT_MS`] after the first change not yet written, however steadily
//! the writer types (the editor's saver in `ui::editor` follows this).

/// Pause after the last change before saving.
pub const DEBOUNCE_MS: u32 = 600;
/// Longest time a change waits to be written while the writer keeps typing.
pub const MAX_WAIT_MS: i64 = 2_000;
/// Pause before a failed save is tried again.
pub const RETRY_MS: u32 = 5_000;

/// How long to wait before saving after a change made at `now_ms`, when
/// the first change not yet written was made at `first_ms`.
pub fn delay_ms(first_ms: i64, now_ms: i64) -> u32 {
    let left = first_ms
        .saturating_add(MAX_WAIT_MS)
        .saturating_sub(now_ms)
        .clamp(0, i64::from(DEBOUNCE_MS));
    left as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pause_saves_after_the_debounce() {
        assert_eq!(delay_ms(1_000, 1_000), DEBOUNCE_MS);
        assert_eq!(delay_ms(1_000, 2_000), DEBOUNCE_MS);
    }

    #[test]
    fn steady_typing_saves_two_seconds_after_the_first_change() {
        // A keystroke every 80 ms from t = 0: the save is due at 2000 ms.
        let due: Vec<i64> = (0..40)
            .map(|i| i * 80 + i64::from(delay_ms(0, i * 80)))
            .collect();
        assert!(due.iter().all(|&t| t <= 2_000), "{due:?}");
        assert_eq!(due[30], 2_000);
        assert_eq!(delay_ms(0, 2_500), 0);
    }
}
