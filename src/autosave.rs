//! When autosave writes: after [`DEBOUNCE_MS`] without a change, and at most
//! [`MAX_WAIT_MS`] after the first change not yet written, however steadily
//! the writer types (the editor's saver in `ui::editor` follows this).
//!
//! The timer only asks for the write; the write itself waits for a moment
//! the browser is idle (between keystrokes, after their rendering), for at
//! most [`IDLE_WAIT_MS`]. So the timer fires that much before the limit.

/// Pause after the last change before saving.
pub const DEBOUNCE_MS: u32 = 600;
/// Longest time a change waits to be written while the writer keeps typing.
pub const MAX_WAIT_MS: i64 = 2_000;
/// Longest wait for an idle moment once the timer has fired.
pub const IDLE_WAIT_MS: u32 = 400;
/// Pause before a failed save is tried again.
pub const RETRY_MS: u32 = 5_000;

/// How long the timer waits after a change made at `now_ms`, when the
/// first change not yet written was made at `first_ms`: the write then
/// happens within [`IDLE_WAIT_MS`] more.
pub fn delay_ms(first_ms: i64, now_ms: i64) -> u32 {
    let left = first_ms
        .saturating_add(MAX_WAIT_MS - i64::from(IDLE_WAIT_MS))
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
    fn steady_typing_saves_within_two_seconds_of_the_first_change() {
        // A keystroke every 80 ms from t = 0: each re-armed timer fires at
        // 1600 ms at the latest, and the write follows within the idle wait.
        let limit = MAX_WAIT_MS - i64::from(IDLE_WAIT_MS);
        let due: Vec<i64> = (0..=20)
            .map(|i| i * 80 + i64::from(delay_ms(0, i * 80)))
            .collect();
        assert!(due.iter().all(|&t| t <= limit), "{due:?}");
        assert_eq!(due[20], limit);
        assert!(limit + i64::from(IDLE_WAIT_MS) <= 2_000);
        assert_eq!(delay_ms(0, 2_500), 0);
    }
}
