"""Outputs for CI: SARIF 2.1.0, JUnit XML, GitHub Actions workflow commands and plain
lines, for `check` (findings in resumes) and for `rules test` (examples of rule packs).
Everything is sorted, so golden files stay stable."""

from __future__ import annotations

import json
from xml.etree import ElementTree as ET

from resumefit import __version__

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
LEVEL_ORDER = {"info": 0, "warning": 1, "error": 2, "never": 3}


def paragraph_line(anchor: str) -> int:
    """Paragraph N of the anchor as a 1-based line: the place a CI annotation points at."""
    tail = anchor.rsplit("#p", 1)[-1].split("~", 1)[0] if anchor else ""
    return int(tail) + 1 if tail.isdigit() else 1


def _sorted(findings):
    return sorted(findings, key=lambda f: (paragraph_line(f.anchor), (f.span or (0, 0))[0], f.rule, f.message))


def _help_uri(loaded, rule) -> str:
    docs = loaded.pack.pack.docs
    return f"{docs}#{rule.id.lower()}" if docs else ""


# -- check ---------------------------------------------------------------------------

def check_sarif(results, engine) -> str:
    rules = sorted(((loaded, rule) for loaded in engine.packs for rule in loaded.pack.rules), key=lambda r: r[1].id)
    index = {rule.id: n for n, (_, rule) in enumerate(rules)}
    driver = {
        "name": "resumefit", "version": __version__, "informationUri": "https://pypi.org/project/resumefit/",
        "rules": [{"id": rule.id, "name": rule.name,
                   "shortDescription": {"text": rule.message},
                   "fullDescription": {"text": rule.doc or rule.suggestion or rule.message},
                   **({"helpUri": _help_uri(loaded, rule)} if _help_uri(loaded, rule) else {}),
                   "defaultConfiguration": {"level": SARIF_LEVEL[rule.level]},
                   "properties": {"pack": loaded.id, "packVersion": loaded.pack.pack.version}}
                  for loaded, rule in rules],
    }
    out = []
    for result in sorted(results, key=lambda r: r.resume.source):
        for f in _sorted(result.findings):
            region = {"startLine": paragraph_line(f.anchor)}
            if f.span:
                region.update(startColumn=f.span[0] + 1, endColumn=f.span[1] + 1)
            location = {"physicalLocation": {"artifactLocation": {"uri": result.resume.source}, "region": region}}
            if f.anchor:
                location["logicalLocations"] = [{"name": f.anchor, "kind": "paragraph"}]
            out.append({"ruleId": f.rule, "ruleIndex": index.get(f.rule, -1), "level": SARIF_LEVEL[f.level],
                        "message": {"text": f.message + (f" {f.suggestion}" if f.suggestion else "")},
                        "locations": [location],
                        "properties": {"name": f.name, "bullet": f.bullet, "section": f.section}})
    scores = {r.resume.source: {s.segment: s.score for s in r.scores} for r in results}
    run = {"tool": {"driver": driver}, "results": out, "properties": {"scores": scores}}
    return json.dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}, indent=2, ensure_ascii=False) + "\n"


def check_junit(results, engine, fail_level: str) -> str:
    """One testcase per rule per file; a failure when the rule has findings at the fail level."""
    suites = ET.Element("testsuites", name="resumefit check")
    for result in sorted(results, key=lambda r: r.resume.source):
        by_rule: dict[str, list] = {}
        for f in result.findings:
            by_rule.setdefault(f.rule, []).append(f)
        suite = ET.SubElement(suites, "testsuite", name=result.resume.source)
        failures = 0
        for rule in sorted((r for p in engine.packs for r in p.pack.rules), key=lambda r: r.id):
            if rule.segments and not set(rule.segments) & set(result.targets):
                continue
            case = ET.SubElement(suite, "testcase", classname=result.resume.source, name=f"{rule.id} {rule.name}")
            found = _sorted(by_rule.get(rule.id, []))
            failing = [f for f in found if LEVEL_ORDER[f.level] >= LEVEL_ORDER[fail_level]]
            lines = "\n".join(f"paragraph {paragraph_line(f.anchor)}: {f.level}: {f.message}"
                              + (f" — {f.text}" if f.text else "") for f in found)
            if failing:
                failures += 1
                ET.SubElement(case, "failure", message=failing[0].message, type=failing[0].level).text = lines
            elif found:
                ET.SubElement(case, "system-out").text = lines
        suite.set("tests", str(len(suite)))
        suite.set("failures", str(failures))
    return _xml(suites)


def check_github(results) -> str:
    out = []
    for result in sorted(results, key=lambda r: r.resume.source):
        out.append(f"::group::resumefit {result.resume.source}")
        for f in _sorted(result.findings):
            col = f",col={f.span[0] + 1}" if f.span else ""
            out.append(f"::{GITHUB_LEVEL[f.level]} file={_gh(result.resume.source)},line={paragraph_line(f.anchor)}"
                       f"{col},title={f.rule} {f.name}::{_gh_message(f.message)}")
        out.append("::endgroup::")
    return "\n".join(out) + "\n"


def check_lines(results) -> str:
    """path:paragraph:column:RULE:level:message — one finding a line."""
    out = []
    for result in sorted(results, key=lambda r: r.resume.source):
        for f in _sorted(result.findings):
            column = f.span[0] + 1 if f.span else 1
            out.append(f"{result.resume.source}:{paragraph_line(f.anchor)}:{column}:{f.rule}:{f.level}:{f.message}")
    return "\n".join(out) + ("\n" if out else "")


# -- rules test ----------------------------------------------------------------------

def _where(example, engine) -> tuple[str, int]:
    loaded = next(p for p in engine.packs if p.id == example.pack)
    return str(loaded.path), loaded.lines.get(example.rule, 1)


def _sorted_examples(examples, engine):
    return sorted(examples, key=lambda e: (_where(e, engine), e.rule, e.kind, e.text))


def tests_sarif(examples, untested, engine) -> str:
    failed = [e for e in _sorted_examples(examples, engine) if not e.ok]
    driver = {"name": "resumefit rules test", "version": __version__,
              "rules": [{"id": "RF-EXAMPLE", "name": "rules.example",
                         "shortDescription": {"text": "A rule's example does not behave as it says."},
                         "defaultConfiguration": {"level": "error"}}]}
    out = []
    for e in failed:
        path, line = _where(e, engine)
        out.append({"ruleId": "RF-EXAMPLE", "ruleIndex": 0, "level": "error",
                    "message": {"text": f"{e.rule} {e.name} [{e.kind}] {e.text!r}: {e.detail}"},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": path},
                                                       "region": {"startLine": line}}}],
                    "properties": {"rule": e.rule}})
    run = {"tool": {"driver": driver}, "results": out,
           "properties": {"examples": len(examples), "failed": len(failed), "untested": sorted(untested)}}
    return json.dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}, indent=2, ensure_ascii=False) + "\n"


def tests_junit(examples, untested, engine) -> str:
    """One testcase per example; a known miss (xfail) is skipped, a miss is a failure."""
    suites = ET.Element("testsuites", name="resumefit rules test")
    by_pack: dict[str, list] = {}
    for e in _sorted_examples(examples, engine):
        by_pack.setdefault(e.pack, []).append(e)
    for pack, cases in sorted(by_pack.items()):
        suite = ET.SubElement(suites, "testsuite", name=pack, tests=str(len(cases)),
                              failures=str(sum(1 for e in cases if not e.ok)),
                              skipped=str(sum(1 for e in cases if e.kind == "xfail" and e.ok)))
        counts: dict[tuple, int] = {}
        for e in cases:
            n = counts[(e.rule, e.kind)] = counts.get((e.rule, e.kind), 0) + 1
            case = ET.SubElement(suite, "testcase", classname=f"{pack}.{e.rule}", name=f"{e.kind} {n}: {e.text}")
            path, line = _where(e, engine)
            if not e.ok:
                ET.SubElement(case, "failure", message=e.detail, type=e.kind).text = f"{path}:{line}: {e.detail}"
            elif e.kind == "xfail":
                ET.SubElement(case, "skipped", message="known miss")
    if untested:
        ET.SubElement(suites, "properties")
        for rule_id in sorted(untested):
            ET.SubElement(suites[-1], "property", name="untested", value=rule_id)
    return _xml(suites)


def tests_github(examples, untested, engine) -> str:
    out, group = [], None
    for e in _sorted_examples(examples, engine):
        if not e.ok:
            path, line = _where(e, engine)
            if path != group:
                out += (["::endgroup::"] if group else []) + [f"::group::resumefit rules test {path}"]
                group = path
            out.append(f"::error file={_gh(path)},line={line},title={e.rule} example::"
                       f"{_gh_message(f'[{e.kind}] {e.text!r}: {e.detail}')}")
    if group:
        out.append("::endgroup::")
    for rule_id in sorted(untested):
        out.append(f"::notice title={rule_id}::{_gh_message(f'{rule_id} {untested[rule_id]}')}")
    return "\n".join(out) + ("\n" if out else "")


def tests_lines(examples, untested, engine) -> str:
    out = []
    for e in _sorted_examples(examples, engine):
        if not e.ok:
            path, line = _where(e, engine)
            out.append(f"{path}:{line}:1:{e.rule}:error:[{e.kind}] {e.text!r}: {e.detail}")
    return "\n".join(out) + ("\n" if out else "")


def _xml(root) -> str:
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _gh(value: str) -> str:
    """A workflow-command property: %, CR, LF, ':' and ',' escaped as GitHub documents."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").replace(":", "%3A").replace(",", "%2C")


def _gh_message(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
