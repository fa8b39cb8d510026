"""Benchmarks (make bench, make soak): never part of make test."""
