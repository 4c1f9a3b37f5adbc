//! The writer's own templates, kept beside the drafts (one key each,
//! `baogao.v1.template.<id>`), so a loaded template survives reloads.

use super::{DraftStore, Storage, StorageError, StoreError};
use crate::template::{reread, Template};

const TEMPLATE_PREFIX: &str = "baogao.v1.template.";

/// The storage key of a writer's template.
pub fn template_key(id: &str) -> String {
    format!("{TEMPLATE_PREFIX}{id}")
}

/// Whether `key` holds a writer's template.
pub fn is_template_key(key: &str) -> bool {
    key.starts_with(TEMPLATE_PREFIX)
}

impl<S: Storage> DraftStore<S> {
    /// Keeps `template` (replacing an older copy with its id).
    pub fn save_template(&self, template: &Template) -> Result<(), StoreError> {
        let json = serde_json::to_string(template)
            .map_err(|e| StoreError::Write(StorageError::Other(e.to_string())))?;
        self.storage()
            .set(&template_key(&template.id), &json)
            .map_err(StoreError::Write)
    }

    /// Every kept template, and a message for each that no longer reads
    /// (it is left in place, not dropped).
    pub fn load_templates(&self) -> (Vec<Template>, Vec<String>) {
        let mut keys = match self.storage().keys() {
            Ok(keys) => keys,
            Err(e) => return (Vec::new(), vec![format!("无法读取已载入的模板：{e}")]),
        };
        keys.retain(|k| is_template_key(k));
        crate::order::sort(&mut keys);
        let mut templates = Vec::new();
        let mut problems = Vec::new();
        for key in keys {
            match self.storage().get(&key) {
                Ok(Some(json)) => match reread(&json) {
                    Ok(t) => templates.push(t),
                    Err(e) => problems.push(format!(
                        "已载入的模板“{}”无法读取：{}",
                        &key[TEMPLATE_PREFIX.len()..],
                        e.join("；")
                    )),
                },
                Ok(None) => {}
                Err(e) => problems.push(format!("无法读取已载入的模板：{e}")),
            }
        }
        (templates, problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::MemoryStorage;

    #[test]
    fn templates_are_kept_beside_the_drafts_and_read_back() {
        let store = DraftStore::new(MemoryStorage::new());
        let mut t = crate::template::work_summary().clone();
        t.id = "my-summary".into();
        t.name = "我的工作总结".into();
        store.save_template(&t).expect("save");
        let (loaded, problems) = store.load_templates();
        assert_eq!(loaded, [t.clone()]);
        assert!(problems.is_empty());
        // A damaged copy is reported and left in place.
        store
            .storage()
            .set(&template_key("broken"), "{\"id\":")
            .expect("set");
        let (loaded, problems) = store.load_templates();
        assert_eq!(loaded, [t]);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].starts_with("已载入的模板“broken”无法读取"));
        assert!(store
            .storage()
            .get(&template_key("broken"))
            .expect("get")
            .is_some());
    }
}
