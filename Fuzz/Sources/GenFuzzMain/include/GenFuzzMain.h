// Intentionally empty: the target only provides the entry point in GenFuzzMain.c.
