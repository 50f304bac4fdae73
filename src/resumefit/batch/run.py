"""`resumefit batch`: review a cohort. Inputs are expanded, unchanged files skipped, the
rest reviewed by worker processes; the dashboard, CSV and JSON lines are rebuilt from the
per-file state as results arrive, so an interrupted run leaves outputs that agree with
each other and with every finished file."""

from __future__ import annotations

import csv
import glob
import io
import json
import re
import signal
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from resumefit import __version__
from resumefit.batch.work import Job, file_hash
from resumefit.errors import InputError
from resumefit.output import cannot_write, make_folder, write_atomic

STATE = ".resumefit-batch"
ROW_FORMAT = 4  # bump when a row gains or changes a field: older rows are then reviewed again
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Summary:
    rows: list[dict] = field(default_factory=list)
    skipped: int = 0
    interrupted: bool = False


# What a folder of resumes holds: .docx, and the other formats students send, each listed
# with the way to a .docx rather than left out of the dashboard.
RESUME_SUFFIXES = (".docx", ".doc", ".odt", ".rtf", ".pdf", ".pages")


def expand_inputs(inputs: list[str], outdir: Path | None = None) -> list[Path]:
    """Folders (recursively), files and globs, as .docx files in a stable order; none from
    inside the output folder or an earlier run's (a re-run would review reviewed copies)."""
    found: dict[Path, None] = {}
    outputs = outdir.resolve() if outdir is not None else None
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            earlier = {f.parent for f in path.rglob("results.jsonl") if (f.parent / "index.html").is_file()}
            matches = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in RESUME_SUFFIXES
                             and not any(part.startswith(".") for part in p.relative_to(path).parts)
                             and earlier.isdisjoint(p.parents))  # an earlier review's copies are not resumes
        elif path.exists():
            matches = [path]
        else:
            matches = sorted(Path(p) for p in glob.glob(item, recursive=True) if Path(p).is_file())
            if not matches:
                raise InputError(f"{item}: no such file, folder or matching files; give folders, .docx files or globs.")
        for match in matches:
            if outputs is None or not match.resolve().is_relative_to(outputs):
                found.setdefault(match, None)
    if not found:
        raise InputError(f"{' '.join(inputs)}: no .docx resumes found; give folders, .docx files or globs.")
    return list(found)


def job_names(paths: list[Path]) -> list[str]:
    """Output names from file stems, made unique and safe."""
    names, used = [], set()
    for path in paths:
        base = re.sub(r"[^\w.-]+", "_", path.stem).strip("._") or "resume"
        name, n = base, 2
        while name.lower() in used:
            name, n = f"{base}-{n}", n + 1
        used.add(name.lower())
        names.append(name)
    return names


def run_batch(inputs: list[str], targets: list[str], outdir: Path, engine, workers: int, timeout: float,
              comments: bool = False, redact: bool = False, force: bool = False, progress=None,
              dask: str | None = None, rules: tuple[str, ...] = (), posting=None) -> Summary:
    paths = expand_inputs(inputs, outdir)
    state_dir = make_folder(make_folder(outdir) / STATE)
    # A file is reviewed again when the tool, a rule or a word list changed since its last review.
    packs = sorted(f"{p.id}@{p.pack.pack.version}:{p.digest()}" for p in engine.packs)
    options = {"tool": __version__, "rows": ROW_FORMAT, "targets": targets, "packs": packs, "comments": comments,
               "redact": redact, "job": _posting_digest(posting)}
    options_json = json.dumps(options)
    jobs, rows, order = [], {}, []
    # results.jsonl is appended as files finish (reports are not kept in memory, so memory
    # stays flat); the dashboard and CSV are rebuilt from the rows at most once a second.
    try:
        results = open(outdir / "results.jsonl", "w", encoding="utf-8")
    except OSError as exc:
        raise cannot_write(outdir, exc) from None
    # A shared (redacted) cohort names each resume by its number: a file name is often the person's.
    names = [f"resume-{n:04d}" for n in range(1, len(paths) + 1)] if redact else job_names(paths)
    labels = [f"{name}.docx" for name in names] if redact else [str(path) for path in paths]
    for path, name, label in zip(paths, names, labels):
        order.append(name)
        state = state_dir / f"{name}.json"
        if not force and state.exists():
            try:
                saved = json.loads(state.read_text(encoding="utf-8"))
                if saved.get("options") == options and saved["row"]["status"] == "ok" \
                        and saved["row"].get("sha256") == file_hash(path):
                    rows[name] = saved["row"]
                    results.write(json.dumps(saved["report"], ensure_ascii=False) + "\n")
                    continue
            except (OSError, ValueError, KeyError):
                pass
        jobs.append(Job(str(path), name, targets, str(outdir), comments, redact, str(state), options_json, label, posting))
    results.flush()
    summary = Summary(skipped=len(rows))
    next_write = [0.0]

    def publish(final: bool = False) -> None:
        summary.rows = [rows[n] if n in rows else _pending_row(labels[i], n, final and summary.interrupted)
                        for i, n in enumerate(order)]
        if final:  # every input appears in every output: the unfinished too
            for row in summary.rows:
                if row["name"] not in rows:
                    results.write(json.dumps({"source": row["file"], "error": row["error"]}, ensure_ascii=False) + "\n")
            results.close()
        write_dashboard(outdir, summary.rows, targets)

    def on_result(output: dict) -> None:
        name = output["row"]["name"]
        # Workers send the report already as JSON text (and record their own state for
        # re-runs): the parent, which shares the cores, only appends it.
        report = output["report"] if isinstance(output["report"], str) else json.dumps(output["report"],
                                                                                       ensure_ascii=False)
        results.write(report + "\n")
        results.flush()
        rows[name] = output["row"]
        if progress:
            progress(len(rows), len(order))
        if time.monotonic() > next_write[0]:
            began = time.monotonic()
            publish()
            # At least a second apart, and never a tenth of the parent's time: a dashboard of
            # thousands of rows takes a while to render.
            next_write[0] = time.monotonic() + max(1.0, 10 * (time.monotonic() - began))

    previous = signal.signal(signal.SIGTERM, _interrupt)  # a kill from a scheduler ends like Ctrl-C
    try:
        if dask:
            from resumefit.batch.distributed import run_dask

            run_dask(jobs, dask, on_result, rules)
        else:
            from resumefit.batch import pool

            pool.run_local(jobs, engine, workers, timeout, on_result)
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        signal.signal(signal.SIGTERM, previous)
    publish(final=True)
    return summary


def _posting_digest(posting) -> str:
    """Another posting (or an edited one) reviews every file again."""
    if posting is None:
        return ""
    import hashlib

    return hashlib.sha256(json.dumps([posting.title, posting.company, posting.segment, posting.text,
                                      posting.skills, posting.place]).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _pending_row(label: str, name: str, interrupted: bool) -> dict:
    why = "not reviewed: the run was interrupted" if interrupted else "not reviewed yet"
    return {"file": label, "name": name, "status": "failed", "error": f"{label}: {why}", "best": "",
            "scores": {}, "with_results": None, "gaps": [], "flags": [], "report": "", "reviewed": ""}


def neutral(cell) -> str:
    """A CSV cell Excel shows as text: a leading =, +, -, @, tab or CR gets a quote before it."""
    text = "" if cell is None else str(cell)
    return "'" + text if text.startswith(FORMULA_START) else text


def write_dashboard(outdir: Path, rows: list[dict], targets: list[str]) -> None:
    from resumefit.templating import environment

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["file", "name", "candidate", "status", "best_fit", "fields_of_work"] + [f"score_{t}" for t in targets]
                    + ["share_with_results", "job_match", "job_asks_met", "top_gaps", "compliance_flags", "report",
                       "reviewed_copy", "error"])
    for r in rows:
        writer.writerow([neutral(x) for x in [r["file"], r["name"], r.get("candidate", ""), r["status"], r["best"],
                                              "; ".join(r.get("fields", []))]
                         + [r["scores"].get(t, "") for t in targets]
                         + [r["with_results"], *_job_columns(r.get("job")), "; ".join(r["gaps"]), "; ".join(r["flags"]),
                            r["report"], r["reviewed"], r["error"]]])
    write_atomic(outdir / "summary.csv", out.getvalue(), force=True)
    html = environment().get_template("batch.html.j2").render(rows=rows, targets=targets, charts=charts(rows, targets),
                                                              shared=shared_gaps(rows, targets), total=len(rows),
                                                              job=any(r.get("job") for r in rows))
    write_atomic(outdir / "index.html", html, force=True)


def _job_columns(job: dict | None) -> list:
    return [job["rate"], f"{job['met']} of {job['asks']}"] if job else ["", ""]


def charts(rows: list[dict], targets: list[str]) -> list[dict]:
    """Score distribution per segment in ten-point bins, for inline SVG bars."""
    out = []
    for t in targets:
        bins = [0] * 10
        for r in rows:
            if t in r["scores"]:
                bins[min(9, int(r["scores"][t]) // 10)] += 1
        peak = max(bins) or 1
        out.append({"segment": t, "bins": [{"low": n * 10, "count": c, "height": round(80 * c / peak)}
                                           for n, c in enumerate(bins)]})
    return out


def shared_gaps(rows: list[dict], targets: list[str], top: int = 10) -> dict:
    """What many resumes of the cohort share, for an advisor to teach once: the findings
    most resumes have, and the categories of each segment's language most name nothing of."""
    reviewed = [r for r in rows if r["status"] == "ok"]
    found: dict[str, dict] = {}
    for r in reviewed:
        for rule, level, says, count in r.get("common", []):
            entry = found.setdefault(rule, {"rule": rule, "level": level, "says": says, "resumes": 0, "times": 0})
            entry["resumes"] += 1
            entry["times"] += count
    order = {"error": 0, "warning": 1, "info": 2}
    findings = sorted(found.values(), key=lambda e: (-e["resumes"], order.get(e["level"], 3), e["rule"]))[:top]
    lacking = {t: Counter(c for r in reviewed for c in r.get("lacking", {}).get(t, [])) for t in targets}
    categories = sorted({c for counts in lacking.values() for c in counts})
    fields = Counter(field for r in reviewed for field in r.get("fields", []))  # who the cohort is
    return {"reviewed": len(reviewed), "findings": findings, "categories": categories,
            "lacking": [{"segment": t, "counts": [lacking[t][c] for c in categories]} for t in targets],
            "fields": sorted(fields.items(), key=lambda item: (-item[1], item[0]))[:top]}


def progress_bar(done: int, total: int) -> None:
    if sys.stderr.isatty():
        width = 30
        filled = int(width * done / max(total, 1))
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()
