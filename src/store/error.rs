//! What can go wrong when drafts are read or written, in words a user can
//! act on.

use super::storage::StorageError;
use crate::i18n::{fill, tr, Key};

/// An error of the draft store. The message is shown to the user as is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// Writing failed; the draft in memory is unchanged.
    Write(StorageError),
    Read(StorageError),
    NotFound {
        id: String,
    },
    /// The record cannot be read; its text is kept aside, never deleted.
    Corrupt {
        reason: String,
    },
    /// The record was written by a newer version of the app; it is left
    /// untouched.
    NewerSchema {
        found: u32,
    },
    InvalidId {
        id: String,
    },
    AlreadyExists {
        id: String,
    },
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            StoreError::Write(e) => fill(Key::StoreWrite, &[e]),
            StoreError::Read(e) => fill(Key::StoreRead, &[e]),
            StoreError::NotFound { .. } => tr(Key::StoreNotFound).to_string(),
            StoreError::Corrupt { reason } => fill(Key::StoreCorrupt, &[reason]),
            StoreError::NewerSchema { .. } => tr(Key::StoreNewer).to_string(),
            StoreError::InvalidId { id } => fill(Key::StoreInvalidId, &[id]),
            StoreError::AlreadyExists { .. } => tr(Key::StoreExists).to_string(),
        })
    }
}

impl std::error::Error for StoreError {}

impl StoreError {
    pub(crate) fn corrupt(reason: impl Into<String>) -> StoreError {
        StoreError::Corrupt {
            reason: reason.into(),
        }
    }
}
