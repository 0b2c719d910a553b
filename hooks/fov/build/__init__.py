"""Level 2, build plumbing: quiet logs, what `mkdocs serve` leaves out, caches and the
background process for slow files, reproducible dates, the custom domain, Material's
CSS cut to what is used, the Content-Security-Policy. Imports fov.base and fov.data only."""
