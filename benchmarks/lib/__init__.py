"""What the benchmark scripts share; not a script itself (`make benchmark` runs benchmarks/*.py)."""
