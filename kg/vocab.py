"""The one vocabulary: entity types, relations, their labels and their names in each store.

Every consumer derives what it needs from here: the extractor's rules, the
record checks (:func:`kg.records.validate_record`), RDF (class and property
IRIs in ``ontology/kg.ttl``), the SHACL shapes, Neo4j labels and relationship
types, the viewer's legend and the scorer. ``tests/test_vocab.py`` holds the
ontology and the shapes against this table, so adding a relation is one
:class:`Relation` here plus the rule module that finds it.

>>> RELATIONS["visited"].neo4j_type, TYPES["Enterprise"].label
('VISITED', '企业')
>>> "Official" in RELATIONS["holdsPosition"].subjects
True
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# RDF namespaces of the kg ontology (ontology/kg.ttl)
ID_BASE = "https://kg.example.org/id/"
ONTOLOGY_IRI = "https://kg.example.org/ontology#"
ONTOLOGY_GRAPH = "https://kg.example.org/ontology"
SUMMARY_GRAPH = "https://kg.example.org/summaries"     # counts a store recomputes per load (kg.store.rdf_summary)

# Chinese characters, as regular-expression character classes (kg.extract.patterns, kg.explore.tokens, …)
HAN = "\u4e00-\u9fff"                     # the CJK Unified Ideographs block
HAN_WIDE = "\u3400-\u9fff\uf900-\ufaff"   # with Extension A and the compatibility ideographs
HAN_CHAR = re.compile(f"[{HAN}]")          # search: does a text have a Chinese character?


@dataclass(frozen=True)
class EntityType:
    name: str            # the record's `type`, the RDF class kg:<name>, the Neo4j label
    label: str           # Chinese name in the viewer's legend
    colour: str
    shape: str           # vis-network node shape (one that scales by value)


@dataclass(frozen=True)
class Relation:
    name: str                    # the record's `predicate`, the RDF property kg:<name>
    label: str                   # Chinese name on the viewer's edges
    colour: str
    subjects: tuple[str, ...]    # entity types allowed as subject (ontology domain, SHACL)
    objects: tuple[str, ...]     # entity types allowed as object (ontology range, SHACL)
    event: str | None = None     # n-ary event class in RDF (kg:Visit, kg:PositionHolding)

    @property
    def neo4j_type(self) -> str:
        """holdsPosition -> HOLDS_POSITION."""
        return re.sub(r"(?<!^)(?=[A-Z])", "_", self.name).upper()


ENTITY_TYPE_LIST = (
    EntityType("Official", "官员", "#d62728", "dot"),
    EntityType("Journalist", "记者", "#8c564b", "triangleDown"),
    EntityType("Person", "人物", "#ff7f0e", "dot"),
    EntityType("AdministrativeArea", "行政区划", "#1f77b4", "square"),
    EntityType("Place", "地点", "#17becf", "triangle"),
    EntityType("Enterprise", "企业", "#2ca02c", "diamond"),
    EntityType("Organization", "机构", "#9467bd", "hexagon"),
    EntityType("Policy", "政策", "#e377c2", "star"),
    EntityType("Campaign", "活动", "#bcbd22", "star"),
)
PERSON_TYPES = ("Official", "Journalist", "Person")     # the types of a person's name
VISITABLE = ("AdministrativeArea", "Place", "Enterprise", "Organization")
AGENTS = ("Organization", "AdministrativeArea")

RELATION_LIST = (
    Relation("visited", "调研", "#d62728", ("Official",), VISITABLE, event="Visit"),
    Relation("holdsPosition", "任职", "#ff7f0e", ("Official", "Person"), ("Organization", "Enterprise"),
             event="PositionHolding"),
    Relation("issued", "发布", "#e377c2", AGENTS, ("Policy",)),
    Relation("appliesTo", "适用于", "#9467bd", ("Policy",), ("AdministrativeArea",)),
    Relation("locatedIn", "位于", "#1f77b4", ("Enterprise", "Place", "Organization", "AdministrativeArea"),
             ("AdministrativeArea", "Place")),
    Relation("subsidiaryOf", "隶属", "#2ca02c", ("Enterprise",), ("Enterprise",)),
    Relation("inspected", "检查", "#8c564b", ("Official",), ("Campaign", "Policy")),
)

TYPES = {t.name: t for t in ENTITY_TYPE_LIST}
RELATIONS = {r.name: r for r in RELATION_LIST}
ENTITY_TYPES = tuple(TYPES)
PREDICATES = tuple(RELATIONS)
NEO4J_TYPES = {r.name: r.neo4j_type for r in RELATION_LIST}

# the record kinds of docs/format.md, in output order
# a holdsPosition triple's ``change``: the sentence starts the office (任命, 当选, 提名) or ends it (免去, 辞去)
OFFICE_START, OFFICE_END = "start", "end"
CHANGES = (OFFICE_START, OFFICE_END)
TENURE_TYPE = "HELD"          # a tenure (kg.build.tenures) in Neo4j: (person)-[:HELD {from, to, ...}]->(body)

KINDS = ("article", "entity", "triple", "tenure")
# a node named by a triple but described by no entity record (a truncated file)
UNKNOWN_TYPE = EntityType("Unknown", "未知", "#7f7f7f", "dot")
