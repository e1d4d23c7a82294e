//! One chart function per analysis result, grouped by topic.

pub mod ratings;
pub mod seasonality;
pub mod trends;
pub mod weekend;

mod traces;
