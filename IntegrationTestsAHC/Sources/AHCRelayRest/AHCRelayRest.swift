/// A target needs one source file of its own: the plugin generates the rest from openapi.yaml.
enum AHCRelayRestTarget {}
