"""The accounts service's rules: plain classes and functions, no I/O."""
