"""Pure computations a load stores beside the data: ranks among municipalities, similar municipalities.

Frames in, frames out; no store, no files. The lowest stage: everything else may use it."""
