//! The browser's localStorage behind [`Storage`], with its exceptions turned
//! into [`StorageError`]s.

use super::storage::{Storage, StorageError};
use wasm_bindgen::JsValue;

/// The page's localStorage.
#[derive(Debug, Clone)]
pub struct LocalStorage {
    storage: web_sys::Storage,
}

impl LocalStorage {
    /// Opens localStorage; [`StorageError::Disabled`] when the browser
    /// refuses it (private modes, site data blocked, sandboxed frames).
    pub fn open() -> Result<LocalStorage, StorageError> {
        let window = web_sys::window().ok_or(StorageError::Disabled)?;
        match window.local_storage() {
            Ok(Some(storage)) => Ok(LocalStorage { storage }),
            _ => Err(StorageError::Disabled),
        }
    }
}

/// Reads a DOMException's name: quota errors are spelled differently by
/// Chromium, Safari (QuotaExceededError) and old Firefox.
pub(crate) fn storage_error(error: JsValue) -> StorageError {
    let field = |name: &str| {
        js_sys::Reflect::get(&error, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    match field("name").as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageError::QuotaExceeded,
        "SecurityError" => StorageError::Disabled,
        name => {
            let message = field("message");
            StorageError::Other(if message.is_empty() {
                name.to_string()
            } else {
                message
            })
        }
    }
}

impl Storage for LocalStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.storage.get_item(key).map_err(storage_error)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.storage.set_item(key, value).map_err(storage_error)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.storage.remove_item(key).map_err(storage_error)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let length = self.storage.length().map_err(storage_error)?;
        let mut keys = Vec::with_capacity(length as usize);
        for i in 0..length {
            if let Some(key) = self.storage.key(i).map_err(storage_error)? {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}
