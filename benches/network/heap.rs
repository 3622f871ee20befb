//! How many bytes the process's Rust code holds on the heap, exactly: the system allocator,
//! counted. Resident memory also moves with SQLite's caches and the allocator's slack, so the
//! memory a structure takes is read here, as the heap's growth while it is built.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};

static ALLOCATED: AtomicIsize = AtomicIsize::new(0);
/// The most held at once since [`restart_peak`].
static PEAK: AtomicIsize = AtomicIsize::new(0);

fn grew(by: isize) {
    let now = ALLOCATED.fetch_add(by, Ordering::Relaxed) + by;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

pub struct Counting;

// SAFETY: every call is forwarded to the system allocator unchanged; only a counter is kept
// beside it.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let block = unsafe { System.alloc(layout) };
        if !block.is_null() {
            grew(layout.size() as isize);
        }
        block
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let block = unsafe { System.alloc_zeroed(layout) };
        if !block.is_null() {
            grew(layout.size() as isize);
        }
        block
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        unsafe { System.dealloc(block, layout) };
        ALLOCATED.fetch_sub(layout.size() as isize, Ordering::Relaxed);
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let moved = unsafe { System.realloc(block, layout, new_size) };
        if !moved.is_null() {
            grew(new_size as isize - layout.size() as isize);
        }
        moved
    }
}

/// Bytes held on the Rust heap now.
pub fn allocated() -> isize {
    ALLOCATED.load(Ordering::Relaxed)
}

/// Starts measuring the peak afresh, from what is held now.
#[allow(dead_code)] // Used by the map benchmark, which shares this file.
pub fn restart_peak() {
    PEAK.store(allocated(), Ordering::Relaxed);
}

/// The most bytes held at once since [`restart_peak`].
#[allow(dead_code)]
pub fn peak() -> isize {
    PEAK.load(Ordering::Relaxed)
}
