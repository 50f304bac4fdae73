"""YAML written by users (rule packs, a job posting's front matter), loaded safely and bounded.

A safe loader runs no code, but aliases still let a few lines stand for billions of values
("billion laughs": nine lists of nine references to the list before); anything that then
walks the data (validation, the JSON cache) hangs and fills memory. So the document's
nodes are measured with every alias expanded, without expanding any, before a value is built.
"""

from __future__ import annotations

MAX_VALUES = 500_000  # the built-in packs together hold ~10,000


class TooLarge(ValueError):
    """The document stands for more values than any pack or posting needs, or for itself."""


def load(text: str, loader_class):
    """`yaml.load(text, Loader=loader_class)`, refused with TooLarge past MAX_VALUES.
    YAML syntax errors are raised as PyYAML raises them."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if "*" in text:  # an alias is written *name: without one, the data is no larger than the text
            expanded_size(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def expanded_size(root) -> int:
    """How many values the node stands for once every alias is expanded: each node counted
    once and its size remembered, so a node met through many aliases costs nothing more.
    Iterative, so depth is no limit; a node inside itself (`&a [*a]`) is refused."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()  # on the path from the root to the node being measured
    stack = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            open_nodes.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in _children(node))
            if sizes[key] > MAX_VALUES:
                raise TooLarge(f"it stands for more than {MAX_VALUES:,} values once its aliases are expanded")
            continue
        if key in sizes:
            continue
        if key in open_nodes:
            raise TooLarge("an alias refers to the value that contains it")
        open_nodes.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in sizes)
    return sizes[id(root)]


def _children(node) -> list:
    value = node.value
    if isinstance(value, list):  # a sequence's items, or a mapping's (key, value) pairs
        return [n for item in value for n in (item if isinstance(item, tuple) else (item,))]
    return []  # a scalar
