"""The compiled vocabulary of rulesets/lexicon.yaml: topics (what a sentence is about) and cues (how)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from tenderlint.errors import ConfigError
from tenderlint.resources import rulesets_dir


@dataclass
class Topic:
    name: str
    match: list[re.Pattern]
    exclude: list[re.Pattern]
    source: str  # the alternation of the match patterns, for {topic} in cues
    _quick: re.Pattern | None = field(default=None, repr=False, compare=False)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where the topic is mentioned, leaving out mentions inside an excluded phrase."""
        bad = [(m.start(), m.end()) for p in self.exclude for m in p.finditer(text)]
        out = []
        for p in self.match:
            for m in p.finditer(text):
                if not any(s <= m.start() < e or m.start() <= s < m.end() for s, e in bad):
                    out.append((m.start(), m.end()))
        return sorted(set(out))

    def found(self, text: str) -> bool:
        if not self._any.search(text):  # most sentences mention no topic: one search rules them out
            return False
        return bool(self.spans(text))

    @property
    def _any(self) -> re.Pattern:
        if self._quick is None:
            self._quick = re.compile(self.source, re.I) if self.source else re.compile(r"(?!)")
        return self._quick


class Lexicon:
    def __init__(self, data: dict, origin: str):
        self.origin = origin
        try:
            self.topics = {
                name: Topic(
                    name,
                    [re.compile(p, re.I) for p in spec.get("match", [])],
                    [re.compile(p, re.I) for p in spec.get("exclude", [])],
                    "|".join(f"(?:{p})" for p in spec.get("match", [])),
                )
                for name, spec in data["topics"].items()
            }
            self._cues_raw: dict[str, list[str]] = dict(data["cues"])
            self.cues = {k: [re.compile(p, re.I) for p in v if "{topic}" not in p] for k, v in self._cues_raw.items()}
            self._cue_any = {k: re.compile("|".join(f"(?:{p})" for p in v if "{topic}" not in p) or r"(?!)", re.I)
                             for k, v in self._cues_raw.items()}
        except (KeyError, TypeError, re.error) as exc:
            raise ConfigError(f"{origin}: bad lexicon ({exc})") from None
        self._topic_cues: dict[tuple[str, str], list[re.Pattern]] = {}

    def cue(self, name: str, text: str) -> bool:
        rx = self._cue_any.get(name)
        return bool(rx and rx.search(text))

    def cue_spans(self, name: str, text: str) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for p in self.cues.get(name, []) for m in p.finditer(text)]

    def topic_cue(self, name: str, topic: str, text: str) -> bool:
        """A cue template such as ``no ... {topic}`` applied to one topic of the lexicon."""
        return self.cue_with(name, self.topics[topic].source, text)

    def cue_with(self, name: str, source: str, text: str) -> bool:
        """A cue template applied to any topic pattern (a rule's own `patterns.match`)."""
        key = (name, source)
        if key not in self._topic_cues:
            self._topic_cues[key] = [
                re.compile(p.replace("{topic}", f"(?:{source})"), re.I) for p in self._cues_raw.get(name, [])
                if "{topic}" in p
            ]
        return any(p.search(text) for p in self._topic_cues[key])


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    p = Path(path) if path else rulesets_dir() / "lexicon.yaml"
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{p}: cannot read the lexicon ({exc})") from None
    return Lexicon(data, str(p))
