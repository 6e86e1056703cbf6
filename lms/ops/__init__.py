"""Operations: object storage settings and the bundled S3-compatible server."""
