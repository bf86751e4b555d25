//! The lexicon: English words the stages give meaning to. Number words and
//! negations (never typos), modal verbs and quantifiers, speech verbs,
//! titles and roles (attribution), stop words and months (figures), and
//! the "did you mean" helper for names.

pub mod english;
pub mod numbers;
pub mod people;
pub mod stopwords;
pub mod suggest;

pub use suggest::did_you_mean;
