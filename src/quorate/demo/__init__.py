"""Demo data drawn from the seed board papers."""
