//! Draft ids, made from the time and a random number supplied by the caller
//! (the browser passes `crypto.getRandomValues` or `Math.random` output), so
//! the core needs no random number generator.

/// The longest id accepted from storage or a backup file.
pub const MAX_ID_LEN: usize = 64;

/// A new draft id such as `d-lq3k9z0a-4f8k2z`: `now_ms` and `entropy`
/// (any random number; six base-36 digits of it are used) in base 36.
pub fn draft_id(now_ms: i64, entropy: u64) -> String {
    const SUFFIX_DIGITS: u32 = 6;
    let suffix = entropy % 36u64.pow(SUFFIX_DIGITS);
    format!(
        "d-{}-{:0>width$}",
        base36(now_ms.max(0).unsigned_abs()),
        base36(suffix),
        width = SUFFIX_DIGITS as usize
    )
}

/// Whether `id` can name a draft in storage: 1 to [`MAX_ID_LEN`] ASCII
/// letters, digits, `-` or `_`.
pub fn is_valid_draft_id(id: &str) -> bool {
    (1..=MAX_ID_LEN).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    out.into_iter().map(char::from).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_carry_time_and_suffix_and_are_valid() {
        assert_eq!(draft_id(0, 0), "d-0-000000");
        assert_eq!(draft_id(35, 36), "d-z-000010");
        let id = draft_id(1_702_857_600_000, u64::MAX);
        assert!(is_valid_draft_id(&id), "{id}");
        assert_ne!(draft_id(1, 1), draft_id(1, 2));
    }

    #[test]
    fn rejects_ids_that_could_break_storage_keys() {
        for bad in ["", "a.b", "草稿", "a b", &"x".repeat(65)] {
            assert!(!is_valid_draft_id(bad), "{bad}");
        }
        assert!(is_valid_draft_id("seed_2023-a"));
    }
}
