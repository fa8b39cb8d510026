"""The schema's own version (semver); the API version and data release versions are separate."""

SCHEMA_VERSION = "1.6.0"
SCHEMA_MAJOR = SCHEMA_VERSION.split(".")[0]
