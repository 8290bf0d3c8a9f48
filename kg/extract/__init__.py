"""Everything that shapes records: read → clean → segment → recognise → relate → resolve → emit.

The order of the components is :data:`kg.extract.pipeline.PIPELINE`; the
build's code fingerprint hashes this folder (with the model, vocabulary and
record modules), so a change here invalidates old build parts.

This package is also the API's ``kg.extract(text_or_path, date=..., home=...)``
(:func:`kg.api.extract`): the name is taken by the package, so the package
module is made callable rather than hidden by a function of the same name.
"""
import sys
import types


class _CallablePackage(types.ModuleType):
    def __call__(self, source, date=None, home=None, tagger=False):
        """kg.extract(text_or_path, date=None, home=None, tagger=False): see :func:`kg.api.extract`."""
        from kg.extract.pipeline import extract_source

        return extract_source(source, date, home, statistical=tagger)


sys.modules[__name__].__class__ = _CallablePackage
