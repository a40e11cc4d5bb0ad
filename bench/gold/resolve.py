"""Resolve `at` (the start of a number token from the record's `numbers` list) to start/end.

python3 /work/gold-work/resolve.py RAW_FILE OUT_FILE
Each claim/optional item may give "at" instead of start/end: the span `text` is looked up
so that it covers position `at` (start <= at < end). Items that already have start/end are kept.
Then run check.py on OUT_FILE.
"""
import json, sys, glob
records = {}
for path in glob.glob("/work/gold-work/batch-*.jsonl"):
    for line in open(path, encoding="utf-8"):
        r = json.loads(line); records[r["id"]] = r
out, errors = [], []
for i, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    if not line.strip():
        continue
    a = json.loads(line)
    text = records[a["id"]]["abstract"]
    for key in ("claims", "optional"):
        for c in a.get(key, []):
            if "at" in c:
                at, t = c.pop("at"), c["text"]
                starts = [s for s in range(max(0, at - len(t) + 1), at + 1) if text.startswith(t, s)]
                if not starts:
                    errors.append(f"line {i} {a['id']}: {t!r} does not cover position {at} ({text[max(0,at-20):at+20]!r})")
                    c["start"], c["end"] = -1, -1
                else:
                    c["start"], c["end"] = starts[0], starts[0] + len(t)
        a[key] = sorted(a.get(key, []), key=lambda c: c.get("start", -1))
    out.append(json.dumps(a, ensure_ascii=False))
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(out) + "\n")
print(f"{len(out)} abstracts resolved, {len(errors)} errors")
for e in errors[:50]:
    print("  " + e)
