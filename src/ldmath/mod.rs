//! `long double` maths kernels computed in `f128` (binary128, soft float
//! where the machine has none), for formats narrower than binary128: the
//! x87 80-bit functions round these results once at the edge.

// Generated to 40 digits by constants.py (ln 2's high part truncated on
// purpose); clippy would have core's, which agree where they exist.
#[allow(clippy::approx_constant)]
mod consts;
pub mod erf;
pub mod gamma;
pub mod kernel;
pub mod trig;
