//! Renderers: they format a [`crate::model::Report`]; they never decide
//! (every severity and message is set before) and never read files
//! (snippets travel with the spans).

pub mod diff;
pub mod figures;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod junit;
pub mod safe;
pub mod sarif;
