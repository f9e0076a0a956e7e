"""Whom a stance is aimed at: the actors its topic names.

"Russia rejected the American proposals" is aimed at the United States; "accused Kyiv of
stalling" at Ukraine.  The holder is never its own target, nor is the holder's state (a
minister demanding "guarantees for Russia's security" aims at no one by naming Russia),
nor a news outlet that only relays.  Names, nationality adjectives and titles all count,
since the press names a side by any of them.  Only the first actor the topic names is
its target: the object comes first, and later names are mostly its circumstances
("warned of consequences if Russian forces cross the Ukrainian border" aims at Russia,
not at Ukraine).
"""

from __future__ import annotations

from diplograph.extract.state import State
from diplograph.model import Span

__all__ = ["targets"]


def targets(state: State, topic: Span | None, holder: str) -> tuple[str, ...]:
    """The first actor named inside ``topic`` other than the holder and its state."""
    if topic is None:
        return ()
    own = {holder}
    holder_entity = state.entities.get(holder)
    if holder_entity is not None and holder_entity.country:
        own.add(f"country/{holder_entity.country}")
    for mention in state.mentions_in(topic.start, topic.end):
        if state.entity(mention).is_actor and mention.entity not in own:
            return (mention.entity,)
    return ()
