"""A plugin package that fails on import, for the loader's tests."""

1 / 0  # noqa: B018
