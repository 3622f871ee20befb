//! One process per database file. Each process keeps the network's state in memory beside the
//! file and updates it from its own writes only, so a second process writing the same file
//! would leave the first one's memory stale without anyone noticing. A second process is
//! refused at open instead.
//!
//! The lock is an exclusive advisory lock (`flock`) on a file beside the database, held for as
//! long as the store is open and released by the kernel when the process dies, however it dies.
//! Within one process, stores opened on the same file share the lock (tests open a file twice
//! to check what a fresh load reads).

use std::collections::HashMap;
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex, PoisonError, Weak};

use super::error::at_path;
use crate::network::port::StoreError;

/// The locks this process holds, by lock file.
static HELD: LazyLock<Mutex<HashMap<PathBuf, Weak<File>>>> = LazyLock::new(Mutex::default);

/// Held while a store is open; the last one dropped releases the lock.
pub(super) struct ProcessLock {
    _file: Arc<File>,
}

impl ProcessLock {
    pub(super) fn acquire(database: &Path) -> Result<Self, StoreError> {
        if let Some(folder) = database.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(folder)
                .map_err(|e| at_path("could not create the database folder", folder, e))?;
        }
        let mut name = database.as_os_str().to_owned();
        name.push(".lock");
        let lock_path = PathBuf::from(name);
        let mut held = HELD.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(file) = held.get(&lock_path).and_then(Weak::upgrade) {
            return Ok(Self { _file: file });
        }
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|e| at_path("could not open the lock file", &lock_path, e))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                return Err(StoreError::corrupt(format!(
                    "another handshake process is using {}",
                    database.display()
                )));
            }
            Err(TryLockError::Error(e)) => {
                return Err(at_path("could not lock", &lock_path, e));
            }
        }
        let file = Arc::new(file);
        held.insert(lock_path, Arc::downgrade(&file));
        Ok(Self { _file: file })
    }
}
