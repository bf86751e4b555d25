//! Stage 1: claims files, loaded with positions and validated.

mod load;
mod model;
pub mod yaml;

pub use load::{
    did_you_mean, load_claims, load_claims_bytes, parse_date, LoadFailure, MAX_CLAIMS_FILE_BYTES,
};
pub use model::*;
