#!/usr/bin/env python3
"""Adds 004's Project Status narratives, its dated progress lines and its own text of recommendation 6
to the data set (data/README.md, "Project Status narratives"). Reads the seed, rewrites
recommendations.csv and status_history.csv in place; running it again gives the same files.

    python3 data/tools/seed_status.py [SEEDS_DIR [DATA_DIR]]

SEEDS_DIR defaults to ../shared/seeds beside the repository, DATA_DIR to data/.
"""
import csv
import os
import re
import sys

SEED = "004_468ec3b28ca421a3.txt"
SEED_000 = "000_dd050d74c006ebf6.txt"
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(HERE)

# A progress line that starts with its date: "- November 2015 – …", "29 Jan. 2016 - …".
MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
DATED = re.compile(r"^(?:- )?((?:(\d{1,2}) )?([A-Z][a-z]+)\.? (\d{4})) [–-] ")


def clean(line):
    """[text](#) link wrappers reduced to their text, and the escaped brackets inside them unescaped."""
    line = re.sub(r"\[((?:[^\]\\]|\\.)*)\]\(#\)", lambda mo: mo.group(1), line)
    return line.replace("\\(", "(").replace("\\)", ")")


def iso_date(mo):
    day, month, year = mo.group(2), mo.group(3)[:3].lower(), mo.group(4)
    if month not in MONTHS:
        return None
    return f"{year}-{MONTHS[month]:02d}" + (f"-{int(day):02d}" if day else "")


def read_seed(path):
    """Per recommendation number: the narrative, its first and last line, and its dated lines."""
    lines = open(path, encoding="utf-8").read().split("\n")
    out, rec = {}, None
    for i, line in enumerate(lines):
        mo = re.match(r"^SSR Recommendation (\d+) Implementation$", line)
        if mo:
            rec = int(mo.group(1))
        if line != "Project Status":
            continue
        body = []
        for j in range(i + 1, len(lines)):
            if lines[j] == "Implementation Notes" or lines[j].startswith("SSR Recommendation "):
                break
            if lines[j].strip():
                body.append((j + 1, lines[j].rstrip()))
        assert rec not in out, f"two Project Status pages for recommendation {rec}"
        dated = []
        for no, text in body:
            mo = DATED.match(text)
            if mo and iso_date(mo):
                dated.append((iso_date(mo), no, clean(text[2:] if text.startswith("- ") else text)))
        out[rec] = {"text": "\n".join(clean(t) for _, t in body), "first": body[0][0], "last": body[-1][0],
                    "dated": dated}
    return out, lines


def description(lines, rec):
    """004's "Recommendation N Implementation Description" paragraph and its line."""
    for i, line in enumerate(lines):
        if line == f"Recommendation {rec} Implementation Description":
            for j in range(i + 1, len(lines)):
                if lines[j].strip():
                    return lines[j].strip(), j + 1
    return None, None


def line_of(path, prefix):
    for no, line in enumerate(open(path, encoding="utf-8"), 1):
        if line.startswith(prefix):
            return no
    raise SystemExit(f"{prefix!r} not found in {path}")


def write(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows([r.get(h, "") for h in header] for r in rows)


def main():
    seeds = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(DATA), "..", "shared", "seeds")
    data = sys.argv[2] if len(sys.argv) > 2 else DATA
    status, lines = read_seed(os.path.join(seeds, SEED))
    assert sorted(status) == list(range(1, 29)), sorted(status)

    recs_path = os.path.join(data, "recommendations.csv")
    with open(recs_path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        header, recs = list(reader.fieldnames), list(reader)
    for col in ("project_status", "project_status_source", "text_source", "other_text", "other_text_source"):
        if col not in header:
            header.append(col)
    for r in recs:
        if r["review"] != "SSR1":
            continue
        n = int(r["number"])
        s = status[n]
        r["project_status"] = s["text"]
        r["project_status_source"] = f"{SEED}:{s['first']}-{s['last']}" if s["last"] > s["first"] else \
            f"{SEED}:{s['first']}"
        text, no = description(lines, n)
        # Where 004's wording adds to 000's (recommendation 6), both are kept, each with its place.
        if text and text != r["text"] and text.startswith(r["text"]) and len(text) > len(r["text"]) + 1:
            r["other_text"] = text
            r["other_text_source"] = f"{SEED}:{no}"
            r["text_source"] = f"{SEED_000}:{line_of(os.path.join(seeds, SEED_000), '#' + str(n) + ' - ')}"
    write(recs_path, header, recs)

    hist_path = os.path.join(data, "status_history.csv")
    with open(hist_path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        hheader, hist = list(reader.fieldnames), list(reader)
    # Rows an earlier run added are dropped, then added again from the seed.
    hist = [h for h in hist if not (h["source"].startswith(SEED + ":"))]
    # Each recommendation's rows stay together, in date order (ISO dates sort as text).
    out, group = [], []
    for i, h in enumerate(hist):
        group.append(h)
        if i + 1 < len(hist) and hist[i + 1]["rec_id"] == h["rec_id"]:
            continue
        if h["rec_id"].startswith("SSR1-"):
            for date, no, text in status[int(h["rec_id"][5:])]["dated"]:
                group.append({"rec_id": h["rec_id"], "date": date, "source": f"{SEED}:{no}", "note": text})
            group.sort(key=lambda row: row["date"])
        out += group
        group = []
    write(hist_path, hheader, out)
    n_dated = sum(len(s["dated"]) for s in status.values())
    print(f"{len(status)} narratives, {n_dated} dated progress lines")


if __name__ == "__main__":
    main()
