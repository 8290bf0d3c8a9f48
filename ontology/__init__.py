"""The kg ontology (kg.ttl) and its SHACL shapes (shapes.ttl), shipped in the wheel as ``kg.ontology``."""
