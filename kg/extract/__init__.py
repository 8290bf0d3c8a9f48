"""Everything that shapes records: read → clean → segment → recognise → relate → resolve → emit.

The order of the components is :data:`kg.extract.pipeline.PIPELINE`; the
build's code fingerprint hashes this folder (with the model, vocabulary and
record modules), so a change here invalidates old build parts.
"""
