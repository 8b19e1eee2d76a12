"""The tool under faults, bad input and hostile text: interruption, concurrent reading,
endpoint faults, fuzzed pages, instructions inside articles, secrets and limits."""
