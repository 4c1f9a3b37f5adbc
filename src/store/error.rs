//! What can go wrong when drafts are read or written, in words a user can
//! act on.

use super::storage::StorageError;
use thiserror::Error;

/// An error of the draft store. The message is shown to the user as is.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum StoreError {
    /// Writing failed; the draft in memory is unchanged.
    #[error("保存失败：{0}。")]
    Write(StorageError),
    #[error("读取失败：{0}。")]
    Read(StorageError),
    #[error("找不到这份草稿，它可能已在其他标签页中删除。")]
    NotFound { id: String },
    /// The record cannot be read; its text is kept aside, never deleted.
    #[error("这份草稿的存储内容已损坏，无法打开（{reason}）。原始内容已另行保存，没有删除。")]
    Corrupt { reason: String },
    /// The record was written by a newer version of the app; it is left
    /// untouched.
    #[error("此草稿由更新版本的报告生成，无法在此版本中打开。请使用新版本打开。")]
    NewerSchema { found: u32 },
    #[error("草稿编号“{id}”无效。")]
    InvalidId { id: String },
    #[error("无法撤销删除：已经有一份编号相同的草稿。")]
    AlreadyExists { id: String },
}

impl StoreError {
    pub(crate) fn corrupt(reason: impl Into<String>) -> StoreError {
        StoreError::Corrupt {
            reason: reason.into(),
        }
    }
}
