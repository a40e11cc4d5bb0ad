"""Pure Polars transforms: frames in, frames out. No I/O, no Prefect, no clock."""
