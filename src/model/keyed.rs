//! A small map from string ids to values, kept sorted by id.
//!
//! Responses hold a few dozen entries at most; a sorted `Vec` with binary search
//! is as fast as a tree at that size and adds far less code to the wasm binary
//! than `BTreeMap` (whose construction from an iterator also pulls in a sort).

/// Entries sorted by key, each key at most once.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyedMap<V> {
    entries: Vec<(String, V)>,
}

impl<V> Default for KeyedMap<V> {
    fn default() -> Self {
        Self { entries: Vec::new() }
    }
}

impl<V> KeyedMap<V> {
    pub fn get(&self, key: &str) -> Option<&V> {
        self.position(key).ok().map(|i| &self.entries[i].1)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.position(key).is_ok()
    }

    /// Sets `key` to `value`, replacing any earlier value.
    pub fn insert(&mut self, key: &str, value: V) {
        match self.position(key) {
            Ok(i) => self.entries[i].1 = value,
            Err(i) => self.entries.insert(i, (key.to_owned(), value)),
        }
    }

    pub fn remove(&mut self, key: &str) {
        if let Ok(i) = self.position(key) {
            self.entries.remove(i);
        }
    }

    pub fn retain(&mut self, mut keep: impl FnMut(&str, &V) -> bool) {
        self.entries.retain(|(k, v)| keep(k, v));
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Entries in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v))
    }

    fn position(&self, key: &str) -> Result<usize, usize> {
        self.entries.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }
}

#[cfg(test)]
mod tests {
    use super::KeyedMap;

    #[test]
    fn keeps_keys_sorted_and_unique() {
        let mut map = KeyedMap::default();
        for (k, v) in [("b", 1), ("a", 2), ("c", 3), ("a", 4)] {
            map.insert(k, v);
        }
        assert_eq!(map.iter().collect::<Vec<_>>(), [("a", &4), ("b", &1), ("c", &3)]);
        map.remove("b");
        map.remove("zz");
        assert_eq!((map.len(), map.get("a"), map.contains_key("b")), (2, Some(&4), false));
        map.retain(|k, _| k != "a");
        assert_eq!(map.iter().collect::<Vec<_>>(), [("c", &3)]);
    }

    #[test]
    fn maps_with_the_same_entries_are_equal_whatever_the_insertion_order() {
        let mut one = KeyedMap::default();
        let mut two = KeyedMap::default();
        one.insert("x", 1);
        one.insert("y", 2);
        two.insert("y", 2);
        two.insert("x", 1);
        assert_eq!(one, two);
    }
}
