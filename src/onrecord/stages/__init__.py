"""The extraction stages, each a small class over one parsed spaCy Doc."""
