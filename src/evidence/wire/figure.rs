//! Source figures in evidence lines: every field kept (the figures
//! command's JSON leaves some out), and numbers written exactly.

use crate::figures::{Figure, Period, Qualifier, SourceFigure, Unit};
use crate::text::Place;
use serde::{Deserialize, Serialize};

/// An f64 written exactly: a JSON number when finite (read back to the
/// same bits), else "inf", "-inf" or "nan" (JSON has no such numbers).
#[derive(Debug, Clone, Copy)]
struct Float(f64);

impl Serialize for Float {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            x if x.is_finite() => s.serialize_f64(x),
            x if x.is_nan() => s.serialize_str("nan"),
            x if x > 0.0 => s.serialize_str("inf"),
            _ => s.serialize_str("-inf"),
        }
    }
}

impl<'de> Deserialize<'de> for Float {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Float, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Number(f64),
            Word(String),
        }
        match Raw::deserialize(d)? {
            Raw::Number(x) => Ok(Float(x)),
            Raw::Word(w) => match w.as_str() {
                "inf" => Ok(Float(f64::INFINITY)),
                "-inf" => Ok(Float(f64::NEG_INFINITY)),
                "nan" => Ok(Float(f64::NAN)),
                _ => Err(serde::de::Error::custom(format!("`{w}` is not a number"))),
            },
        }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
enum PeriodLine {
    Years(Float),
    Since { year: i32, years: Option<Float> },
}

/// A source figure, every field kept (the figures command's JSON leaves
/// some out).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FigureLine {
    place: Place,
    text: String,
    value: Float,
    low: Float,
    high: Float,
    precision: Float,
    qualifier: Qualifier,
    unit: Option<Unit>,
    period: Option<PeriodLine>,
    nouns: Vec<String>,
    noun_phrase: String,
    context: Vec<String>,
    is_year: bool,
    start: usize,
    end: usize,
}

impl From<SourceFigure> for FigureLine {
    fn from(sf: SourceFigure) -> FigureLine {
        let f = sf.figure;
        FigureLine {
            place: sf.place,
            text: f.text,
            value: Float(f.value),
            low: Float(f.low),
            high: Float(f.high),
            precision: Float(f.precision),
            qualifier: f.qualifier,
            unit: f.unit,
            period: f.period.map(|p| match p {
                Period::Years(y) => PeriodLine::Years(Float(y)),
                Period::Since { year, years } => PeriodLine::Since {
                    year,
                    years: years.map(Float),
                },
            }),
            nouns: f.nouns,
            noun_phrase: f.noun_phrase,
            context: f.context,
            is_year: f.is_year,
            start: f.start,
            end: f.end,
        }
    }
}

impl From<FigureLine> for SourceFigure {
    fn from(l: FigureLine) -> SourceFigure {
        SourceFigure {
            place: l.place,
            figure: Figure {
                text: l.text,
                value: l.value.0,
                low: l.low.0,
                high: l.high.0,
                precision: l.precision.0,
                qualifier: l.qualifier,
                unit: l.unit,
                period: l.period.map(|p| match p {
                    PeriodLine::Years(y) => Period::Years(y.0),
                    PeriodLine::Since { year, years } => Period::Since {
                        year,
                        years: years.map(|y| y.0),
                    },
                }),
                nouns: l.nouns,
                noun_phrase: l.noun_phrase,
                context: l.context,
                is_year: l.is_year,
                start: l.start,
                end: l.end,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_are_written_exactly() {
        for x in [
            0.1,
            1e300,
            -0.0,
            1.0 / 3.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ] {
            let text = serde_json::to_string(&Float(x)).unwrap_or_default();
            let back: Float = serde_json::from_str(&text).unwrap_or(Float(f64::NAN));
            assert_eq!(back.0.to_bits(), x.to_bits(), "{x} as {text}");
        }
        let nan: Result<Float, _> = serde_json::from_str("\"nan\"");
        assert!(nan.is_ok_and(|f| f.0.is_nan()));
        assert!(serde_json::from_str::<Float>("\"lots\"").is_err());
    }
}
