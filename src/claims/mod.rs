//! Claims files, loaded with positions and validated: every problem of
//! every file at once.

mod date;
mod load;
mod model;
pub mod yaml;

pub use date::parse_date;
pub use load::{
    load_claims, load_claims_at, load_claims_bytes, load_under, LoadFailure, MAX_CLAIMS_FILE_BYTES,
};
pub use model::*;
