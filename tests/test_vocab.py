"""kg.vocab is the one vocabulary: the ontology, the SHACL shapes, Neo4j, the viewer,
the scorer and the relation rules are held against it here."""
from __future__ import annotations

import rdflib
from rdflib import OWL, RDF, RDFS
from rdflib.collection import Collection

from kg import vocab
from kg.evaluate import SCORED_PREDICATES, TYPES
from kg.extract.relate import rules
from kg.resources import ontology_text
from kg.store.neo4j import ENTITY_LABELS, REL_TYPES
from kg.view.html import PREDICATE_STYLE, TYPE_STYLE

KG = rdflib.Namespace(vocab.ONTOLOGY_IRI)
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")


def _graph(name: str) -> rdflib.Graph:
    return rdflib.Graph().parse(data=ontology_text(name), format="turtle")


def _classes(g: rdflib.Graph, node) -> set[str]:
    """The kg classes a domain or range names: one class or an owl:unionOf list."""
    union = g.value(node, OWL.unionOf)
    members = Collection(g, union) if union is not None else [node]
    return {str(m).removeprefix(vocab.ONTOLOGY_IRI) for m in members}


def test_every_type_is_an_ontology_class():
    onto = _graph("kg.ttl")
    for t in vocab.ENTITY_TYPES:
        assert (KG[t], RDF.type, OWL.Class) in onto, t
        assert (KG[t], RDFS.subClassOf, KG.Entity) in onto or t == "Entity", t


def test_every_relation_has_its_domain_and_range_in_the_ontology():
    onto = _graph("kg.ttl")
    for r in vocab.RELATION_LIST:
        assert (KG[r.name], RDF.type, OWL.ObjectProperty) in onto, r.name
        assert _classes(onto, onto.value(KG[r.name], RDFS.domain)) == set(r.subjects), r.name
        assert _classes(onto, onto.value(KG[r.name], RDFS.range)) == set(r.objects), r.name
        if r.event:
            assert (KG[r.event], RDF.type, OWL.Class) in onto, r.event


def _shape_classes(g: rdflib.Graph, node) -> set[str]:
    """sh:class X, or sh:or ( [sh:class X] [sh:class Y] ) on a shape node."""
    direct = g.value(node, SH["class"])
    if direct is not None:
        return {str(direct).removeprefix(vocab.ONTOLOGY_IRI)}
    alternatives = g.value(node, SH["or"])
    return {str(g.value(a, SH["class"])).removeprefix(vocab.ONTOLOGY_IRI) for a in Collection(g, alternatives)}


def test_every_relation_has_a_shape_with_its_subject_and_object_types():
    shapes = _graph("shapes.ttl")
    for r in vocab.RELATION_LIST:
        shape = shapes.value(predicate=SH.targetSubjectsOf, object=KG[r.name])
        assert shape is not None, f"no shape targets the subjects of kg:{r.name}"
        assert _shape_classes(shapes, shape) == set(r.subjects), r.name
        prop = next(p for p in shapes.objects(shape, SH.property) if shapes.value(p, SH.path) == KG[r.name])
        assert _shape_classes(shapes, prop) == set(r.objects), r.name


def test_consumers_use_the_vocabulary():
    assert ENTITY_LABELS == set(vocab.ENTITY_TYPES)
    assert REL_TYPES == {"visited": "VISITED", "holdsPosition": "HOLDS_POSITION", "issued": "ISSUED",
                         "appliesTo": "APPLIES_TO", "locatedIn": "LOCATED_IN", "subsidiaryOf": "SUBSIDIARY_OF",
                         "inspected": "INSPECTED"}
    assert set(TYPE_STYLE) == {*vocab.ENTITY_TYPES, vocab.UNKNOWN_TYPE.name}
    assert set(PREDICATE_STYLE) == set(vocab.PREDICATES)
    assert set(TYPES) == set(vocab.ENTITY_TYPES) and set(SCORED_PREDICATES) == set(vocab.PREDICATES)


def test_every_predicate_has_a_rule_and_every_rule_a_predicate():
    found = {r.predicate for r in rules()}
    assert found == set(vocab.PREDICATES)
