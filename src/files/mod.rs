//! Files: how paths are shown, how claims files are found, how files are
//! hashed and written atomically. Generic helpers every layer may use.

pub mod atomic;
pub mod cleanup;
pub mod hash;
pub mod paths;
pub mod root;
pub mod walk;
